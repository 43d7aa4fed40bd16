#include "SafeText.h"

#include "TaskTypes.h"

namespace taskwatch::SafeText {

bool isUnsafe(QChar c) {
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f) || (u >= 0x202a && u <= 0x202e) ||
           (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f || u == 0x061c;
}

namespace {
QString neutralise(const QString& text, bool keepNewlines) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\t')) {
            out.append(keepNewlines ? c : QLatin1Char(' '));
        } else if (c == QLatin1Char('\r')) {
            if (!keepNewlines)
                out.append(QLatin1Char(' '));
        } else if (isUnsafe(c)) {
            out.append(QChar(0xfffd));
        } else {
            out.append(c);
        }
    }
    return out;
}
} // namespace

QString singleLine(const QString& text, qsizetype maxChars) {
    return boundText(neutralise(text, false), maxChars);
}

QString multiLine(const QString& text) {
    return neutralise(text, true);
}

} // namespace taskwatch::SafeText
