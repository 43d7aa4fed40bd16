#include "platform/FileLock.h"

#include <QFile>
#include <QtGlobal>
#include <io.h>
#include <windows.h>

namespace taskwatch::platform {

namespace {
HANDLE nativeHandle(QFile& file) {
    // QFile::handle() is a C run-time descriptor for the file's native handle.
    return reinterpret_cast<HANDLE>(::_get_osfhandle(file.handle()));
}
} // namespace

bool lockFile(QFile& file, QString* error) {
    OVERLAPPED whole = {};
    if (::LockFileEx(nativeHandle(file), LOCKFILE_EXCLUSIVE_LOCK, 0, MAXDWORD, MAXDWORD, &whole))
        return true;
    if (error)
        *error = qt_error_string(int(::GetLastError()));
    return false;
}

void unlockFile(QFile& file) {
    OVERLAPPED whole = {};
    ::UnlockFileEx(nativeHandle(file), 0, MAXDWORD, MAXDWORD, &whole);
}

QString checkPrivateFile(QFile&) {
    return {}; // in the user's profile (RuntimeDirectory): the profile's ACL keeps other users out
}

} // namespace taskwatch::platform
