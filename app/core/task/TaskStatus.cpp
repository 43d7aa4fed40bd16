#include "task/TaskStatus.h"

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

} // namespace taskwatch
