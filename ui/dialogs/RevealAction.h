// A show/hide toggle inside a password field: an eye (open, or crossed out while the text is shown) drawn in
// the palette's text colour, with no dependency on an icon theme.
#pragma once

#include <QString>

class QAction;
class QLineEdit;

namespace taskwatch::ui {

// Adds a checkable action at the end of `edit`: checked shows the text. The tips name what it does next.
QAction* addRevealAction(QLineEdit* edit, const QString& showTip, const QString& hideTip);

} // namespace taskwatch::ui
