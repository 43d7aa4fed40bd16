// Entry point of the headless commands: `cdb-taskwatch watch|export-csv|credentials|emulator ...`.
#pragma once

#include <QStringList>

namespace taskwatch::cli {

// True when argv names a headless command (the GUI is not started then).
bool isCliCommand(const QStringList& arguments);
// Runs the command named by arguments[1]; returns the process exit status. Needs a QCoreApplication.
int run(const QStringList& arguments);

} // namespace taskwatch::cli
