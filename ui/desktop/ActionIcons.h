// Small monochrome icons for the toolbar and the banners, painted in the palette's text colour (the system
// icon theme wins when it has one). No image plugin is needed: Qt 6.4 on Debian ships no SVG plugin by
// default.
#pragma once

#include <QIcon>

class QPalette;

namespace taskwatch::ui {

enum class ActionIcon { Add, Refresh, Pause, Resume, Retry, Remove, Filter, Info, Copy, Discover };

// The theme's icon for `kind` when the theme has one, else the painted one.
QIcon actionIcon(ActionIcon kind, const QPalette& palette);
// Always the painted icon, in `color`.
QIcon paintedIcon(ActionIcon kind, const QColor& color, const QColor& disabledColor);
// The application icon (the SVG resource, else painted: a database cylinder with a check mark).
QIcon appIcon();

} // namespace taskwatch::ui
