// The user's private directory for the files this user's processes share on this machine (the pacing ledger):
// - Linux and other Unix: $XDG_RUNTIME_DIR; when it is unset (cron, sudo, su, ssh without a login session,
//   containers, CI runners), QDir::tempPath()/runtime-<user name>, the directory
//   QStandardPaths::RuntimeLocation falls back to, created with mode 0700 when missing;
// - macOS: $XDG_RUNTIME_DIR when set, else the per-user temporary directory (confstr
// _CS_DARWIN_USER_TEMP_DIR,
//   the $TMPDIR of a login session, also when the variable is missing);
// - Windows: QStandardPaths::AppLocalDataLocation (under %LOCALAPPDATA%, which only the user may open).
// On Unix the directory must be a directory (not a symlink to one) owned by the user, with no access for
// group or others, and writable: anything else is refused, never repaired, with the reason.
#pragma once

#include <QString>

namespace taskwatch::platform {

struct RuntimeDirectory {
    QString path;
    QString problem; // empty: usable; else why not (translated, one line, names the path)
    bool isUsable() const { return problem.isEmpty() && !path.isEmpty(); }
};

// The user's runtime directory as described above (created when it is the fallback and missing).
RuntimeDirectory userRuntimeDirectory();

// Checks that `path` is a private directory of the user (the rules above); the problem is empty when it is.
QString checkPrivateDirectory(const QString& path);

} // namespace taskwatch::platform
