// Ctrl+Enter in any dialog presses its default button (Enter alone already does, except in multi-line text),
// through click(), so the dialog's own checks and a disabled button are respected.
#pragma once

class QDialog;

namespace taskwatch::ui {

void acceptOnCtrlEnter(QDialog* dialog);

} // namespace taskwatch::ui
