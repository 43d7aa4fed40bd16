#include "platform/RuntimeDirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cerrno>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace taskwatch::platform {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("taskwatch::platform", text);
}

// The user's name as QStandardPaths names its fallback directory (the uid when the user has no name).
QString userName() {
    const passwd* pw = ::getpwuid(::geteuid());
    return pw && pw->pw_name ? QFile::decodeName(pw->pw_name) : QString::number(::geteuid());
}

QString fallbackDirectory() {
#ifdef Q_OS_MACOS
    char buffer[1024];
    const size_t n = ::confstr(_CS_DARWIN_USER_TEMP_DIR, buffer, sizeof buffer);
    if (n > 0 && n <= sizeof buffer)
        return QDir::cleanPath(QFile::decodeName(buffer));
#endif
    return QDir::tempPath() + QLatin1String("/runtime-") + userName();
}
} // namespace

QString checkPrivateDirectory(const QString& path) {
    const QByteArray native = QFile::encodeName(path);
    struct stat st = {};
    if (::lstat(native.constData(), &st) != 0)
        return tr("the runtime directory %1 does not exist").arg(path);
    if (S_ISLNK(st.st_mode))
        return tr("the runtime directory %1 is a symbolic link").arg(path);
    if (!S_ISDIR(st.st_mode))
        return tr("the runtime directory %1 is not a directory").arg(path);
    if (st.st_uid != ::geteuid())
        return tr("the runtime directory %1 belongs to another user (uid %2)").arg(path).arg(st.st_uid);
    if ((st.st_mode & 077) != 0) {
        return tr("the runtime directory %1 is open to other users (mode %2; it must be 0700)")
            .arg(path, QString::number(st.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0')));
    }
    if (::access(native.constData(), W_OK | X_OK) != 0)
        return tr("the runtime directory %1 is not writable").arg(path);
    return {};
}

RuntimeDirectory userRuntimeDirectory() {
    const QString xdg = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!xdg.isEmpty())
        return {xdg, checkPrivateDirectory(xdg)};
    const QString dir = fallbackDirectory();
    // Created private; an existing one is checked as it is (never repaired: another user may have made it).
    if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0 && errno != EEXIST) {
        const int error = errno;
        return {dir, tr("cannot create the runtime directory %1: %2").arg(dir, qt_error_string(error))};
    }
    return {dir, checkPrivateDirectory(dir)};
}

} // namespace taskwatch::platform
