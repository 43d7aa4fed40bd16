// What to tell the user about the system keychain, per platform: the Secret Service (gnome-keyring, KWallet,
// KeePassXC) on Linux, the login keychain on macOS, the Credential Manager on Windows. Translated, in the
// context of CredentialStore.
#pragma once

#include <QString>

namespace taskwatch::keychain {

// The keychain's name, for help texts: "Secret Service", "macOS Keychain", "Windows Credential Manager".
QString name();
// No keychain service: what to install or start, or the environment variables to use instead. %1: details.
QString unavailableAdvice();
// The keychain is locked or refused access: how to unlock it. %1: details.
QString accessDeniedAdvice();
// The keychain did not answer in time (an unlock prompt that cannot be shown). %1: seconds.
QString timedOutAdvice();
// Whether a backend's error text (QtKeychain's OtherError) means that there is no usable keychain service in
// this session: no D-Bus / Secret Service provider on Linux, no logon session on Windows (error 1312 over SSH
// or from a service).
bool meansUnavailable(const QString& errorString);

} // namespace taskwatch::keychain
