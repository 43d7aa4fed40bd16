#include "accounts/KeychainAdvice.h"

#include <QCoreApplication>
#include <initializer_list>

namespace taskwatch::keychain {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("taskwatch::keychain", text);
}

bool containsAny(const QString& text, std::initializer_list<const char*> needles) {
    for (const char* needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}
} // namespace

#if defined(Q_OS_WIN)

QString name() {
    return tr("Windows Credential Manager");
}

QString unavailableAdvice() {
    return tr(
        "The Windows Credential Manager is not available in this session (an SSH or network logon, or a "
        "service, has no logon session for it): run TaskWatch in a desktop session of the user, or set "
        "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in the environment instead. Details: %1");
}

QString accessDeniedAdvice() {
    return tr("The Windows Credential Manager refused access. Log in to Windows as the user who stored the "
              "credentials and try again. Details: %1");
}

QString timedOutAdvice() {
    return tr("The Windows Credential Manager did not answer within %1 s. Try again in a desktop session of "
              "the user.");
}

bool meansUnavailable(const QString& errorString) {
    return containsAny(errorString, {"logon session", "1312"});
}

#elif defined(Q_OS_MACOS)

QString name() {
    return tr("macOS Keychain");
}

QString unavailableAdvice() {
    return tr(
        "The macOS Keychain is not available in this session: run TaskWatch in the user's desktop "
        "session, or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in the environment instead. "
        "Details: %1");
}

QString accessDeniedAdvice() {
    return tr("The macOS Keychain refused access: the login keychain is locked (in an SSH session: run "
              "'security unlock-keychain' first) or access was denied in the prompt. Details: %1");
}

QString timedOutAdvice() {
    return tr("The macOS Keychain did not answer within %1 s; it may be waiting for a password prompt that "
              "cannot be shown. Unlock the login keychain and try again.");
}

bool meansUnavailable(const QString& errorString) {
    return containsAny(errorString, {"No keychain is available"});
}

#else

QString name() {
    return tr("Secret Service");
}

QString unavailableAdvice() {
    return tr("No keychain service is available: install and start gnome-keyring (or another Secret Service "
              "provider such as KeePassXC or KWallet) in a session with a D-Bus session bus, or set "
              "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in the environment instead. Details: %1");
}

QString accessDeniedAdvice() {
    return tr(
        "The keychain refused access: the keyring is locked or access was denied. Unlock your login "
        "keyring (for example in \"Passwords and Keys\" / Seahorse, or by logging in to the desktop) and "
        "try again. Details: %1");
}

QString timedOutAdvice() {
    return tr(
        "The keychain did not answer within %1 s; it may be waiting for an unlock prompt that cannot be "
        "shown. Unlock the keyring in your desktop session (or start gnome-keyring unlocked) and try "
        "again.");
}

// libsecret and QtDBus report a missing bus or provider as a generic error: recognise the usual texts.
bool meansUnavailable(const QString& errorString) {
    return containsAny(errorString,
                       {"org.freedesktop.secrets", "D-Bus", "DBus", "autolaunch", "ServiceUnknown",
                        "not provided by any", "Could not connect", "Failed to connect",
                        "Object does not exist at path", "No such interface", "bus address"});
}

#endif

} // namespace taskwatch::keychain
