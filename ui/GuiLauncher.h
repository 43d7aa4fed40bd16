// Starts the GUI: parses the GUI's command line, opens the history, resolves credentials (environment, then
// the keychain, without blocking the window), runs the demo emulator when asked, and wires the main window
// to the credentials dialog and the CSV export.
#pragma once

#include <QStringList>

namespace taskwatch::ui {

// Needs a QApplication. Returns the process exit status.
int runGui(const QStringList& arguments);

} // namespace taskwatch::ui
