#include "platform/FileLock.h"

#include <QCoreApplication>
#include <QFile>
#include <QtGlobal>
#include <cerrno>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace taskwatch::platform {

bool lockFile(QFile& file, QString* error) {
    int rc;
    do {
        rc = ::flock(file.handle(), LOCK_EX);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0 && error)
        *error = qt_error_string(errno);
    return rc == 0;
}

void unlockFile(QFile& file) {
    ::flock(file.handle(), LOCK_UN);
}

QString checkPrivateFile(QFile& file) {
    struct stat st = {};
    if (::fstat(file.handle(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid() ||
        (st.st_mode & 077) != 0)
        return QCoreApplication::translate("SendBudget",
                                           "not a regular file of yours, or accessible to others");
    return {};
}

} // namespace taskwatch::platform
