// An exclusive lock on an open file, shared by processes: flock() on Linux and macOS, LockFileEx() on
// Windows. The operating system releases it when the process dies. Locks are per open file: two QFile objects
// of one process on the same file exclude each other too.
#pragma once

#include <QString>

class QFile;

namespace taskwatch::platform {

// Blocks until `file` (open) is locked; false (and errorString() of the OS) when it cannot be.
bool lockFile(QFile& file, QString* error = nullptr);
void unlockFile(QFile& file);

// Checks that `file` (open) is a regular file owned by the user that nobody else may open (Unix: mode 0600 or
// narrower; Windows: it lives in the user's private directory, so nothing to check). Empty when it is.
QString checkPrivateFile(QFile& file);

} // namespace taskwatch::platform
