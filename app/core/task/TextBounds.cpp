#include "task/TextBounds.h"

namespace taskwatch {

QString boundText(const QString& text, qsizetype max) {
    if (text.size() <= max)
        return text;
    qsizetype cut = max;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + QStringLiteral(" … [cut: %1 characters in all]").arg(text.size());
}

} // namespace taskwatch
