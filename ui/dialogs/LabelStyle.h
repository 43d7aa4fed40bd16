// How a dialog's message label looks for its severity: a colour (light or dark theme) and bold for errors,
// never colour alone (the text says what happened). The severity's name is also the label's "severity"
// property, for tests.
#pragma once

#include <QObject>

class QLabel;

namespace taskwatch::ui {

class LabelStyle {
    Q_GADGET
public:
    enum class Severity { None, Info, Busy, Success, Warning, Error };
    Q_ENUM(Severity)

    static void apply(QLabel* label, Severity severity);
};

} // namespace taskwatch::ui
