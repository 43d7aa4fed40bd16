// Entry point of the headless commands: `cdb-taskwatch watch|list|export-csv|credentials|emulator ...`.
#pragma once

#include <QStringList>

namespace taskwatch::cli {

// True when argv names a headless command (the GUI is not started then).
bool isCliCommand(const QStringList& arguments);
// True when argv[1] is a bare word (a letter, then letters, digits, '-' or '_') that is not a command and
// contains no task id: a mistyped command, a usage error, never a GUI start. Anything else (an option, a task
// id, text containing one) goes to the GUI as before.
bool isUnknownCommand(const QStringList& arguments);
// Runs the command named by arguments[1]; returns the process exit status. Needs a QCoreApplication.
int run(const QStringList& arguments);

} // namespace taskwatch::cli
