#include "TaskTypes.h"

namespace taskwatch {

bool TaskStatus::isTerminal(const std::optional<QString>& status) {
    if (!status)
        return false;
    return *status == QLatin1String(Success) || *status == QLatin1String(Failed) ||
           *status == QLatin1String(Killed) || *status == QLatin1String(Removed);
}

bool TaskStatus::isKnown(const std::optional<QString>& status) {
    if (!status)
        return false;
    for (const char* s : {Initial, Running, Success, Failed, Killed, Removed, Paused, Undefined}) {
        if (*status == QLatin1String(s))
            return true;
    }
    return false;
}

QString boundText(const QString& text, qsizetype max) {
    if (text.size() <= max)
        return text;
    qsizetype cut = max;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + QStringLiteral(" … [cut: %1 characters in all]").arg(text.size());
}

} // namespace taskwatch
