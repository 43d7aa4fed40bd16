// Starts the GUI: parses the GUI's command line and runs a GuiApp (see GuiApp.h).
#pragma once

#include <QStringList>

namespace taskwatch::ui {

// Needs a QApplication. Returns the process exit status.
int runGui(const QStringList& arguments);

} // namespace taskwatch::ui
