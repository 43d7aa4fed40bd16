#include "task/SafeText.h"

#include "task/TextBounds.h"

namespace taskwatch::SafeText {

bool isUnsafe(QChar c) {
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f) || (u >= 0x202a && u <= 0x202e) ||
           (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f || u == 0x061c ||
           // Line/paragraph separators (break lines in terminals and JSON consumers) and invisible
           // zero-width characters (make two different texts look identical).
           u == 0x2028 || u == 0x2029 || (u >= 0x200b && u <= 0x200d) || u == 0x2060 || u == 0xfeff;
}

namespace {
enum class Breaks { ToSpace, KeepLf, KeepAll };

QString neutralise(const QString& text, Breaks breaks) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\t')) {
            out.append(breaks == Breaks::ToSpace ? QLatin1Char(' ') : c);
        } else if (c == QLatin1Char('\r')) {
            if (breaks == Breaks::ToSpace)
                out.append(QLatin1Char(' '));
            else if (breaks == Breaks::KeepAll)
                out.append(c);
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
    return boundText(neutralise(text, Breaks::ToSpace), maxChars);
}

QString multiLine(const QString& text) {
    return neutralise(text, Breaks::KeepLf);
}

QString forExport(const QString& text) {
    return neutralise(text, Breaks::KeepAll);
}

QString toolTip(const QString& plainText) {
    QString escaped = plainText.toHtmlEscaped();
    escaped.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>").arg(escaped);
}

} // namespace taskwatch::SafeText
