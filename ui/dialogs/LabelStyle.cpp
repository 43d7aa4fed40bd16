#include "dialogs/LabelStyle.h"

#include <QLabel>
#include <QMetaEnum>

namespace taskwatch::ui {

void LabelStyle::apply(QLabel* label, Severity severity) {
    label->setProperty("severity", QString::fromLatin1(QMetaEnum::fromType<Severity>().valueToKey(
                                       static_cast<int>(severity))));
    const bool dark = label->palette().color(QPalette::Window).lightness() < 128;
    QString color;
    switch (severity) {
    case Severity::Success:
        color = dark ? QStringLiteral("#81c995") : QStringLiteral("#1b7f3a");
        break;
    case Severity::Warning:
        color = dark ? QStringLiteral("#fdd663") : QStringLiteral("#8a5300");
        break;
    case Severity::Error:
        color = dark ? QStringLiteral("#f28b82") : QStringLiteral("#b3261e");
        break;
    case Severity::None:
    case Severity::Info:
    case Severity::Busy:
        break;
    }
    label->setStyleSheet(color.isEmpty()
                             ? QString()
                             : QStringLiteral("QLabel { color: %1; font-weight: %2; }")
                                   .arg(color, severity == Severity::Error ? QStringLiteral("bold")
                                                                           : QStringLiteral("normal")));
}

} // namespace taskwatch::ui
