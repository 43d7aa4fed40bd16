#include "platform/RuntimeDirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace taskwatch::platform {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("taskwatch::platform", text);
}
} // namespace

// %LOCALAPPDATA% is in the user's profile, whose ACL grants access to the user, SYSTEM and Administrators
// only; a directory created there inherits it.
QString checkPrivateDirectory(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists())
        return tr("the runtime directory %1 does not exist").arg(path);
    if (info.isSymLink() || info.isJunction())
        return tr("the runtime directory %1 is a symbolic link").arg(path);
    if (!info.isDir())
        return tr("the runtime directory %1 is not a directory").arg(path);
    return {};
}

RuntimeDirectory userRuntimeDirectory() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return {dir, tr("cannot create the runtime directory %1").arg(dir)};
    return {dir, checkPrivateDirectory(dir)};
}

} // namespace taskwatch::platform
