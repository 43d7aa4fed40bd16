// One resolution of a run's settings, for `watch` and the GUI alike: which account (profile), its credential,
// region and endpoint, in the order the README states — the command line, then the environment
// (TENCENTCLOUD_SECRET_ID/KEY/TOKEN, TENCENTCLOUD_REGION), then the profile (named, else the active one, else
// "default"), then the built-in defaults. Environment credentials are the account "environment".
#pragma once

#include "accounts/AccountConfig.h"
#include "accounts/CredentialStore.h"
#include "api/Credential.h"

#include <QString>
#include <QUrl>

namespace taskwatch {

// What the command line says (empty: not given).
struct RunOverrides {
    QString profile;
    QString region;
    QString endpoint;
};

struct RunSettings {
    QString profile; // the account's name on the board
    Credential credential;
    QString region; // trimmed; empty when nothing names one (the caller decides: watch refuses, the GUI asks)
    QUrl endpoint;
    QString problem; // translated: a malformed region or endpoint; empty when usable
    bool fromEnvironment = false;

    bool usable() const { return problem.isEmpty(); }
    AccountConfig account(const QString& language) const; // credential, endpoint (+ language), region

    // Pure: combines the command line with what CredentialStore::resolve() / resolveAsync() found.
    static RunSettings resolve(const RunOverrides& overrides, const CredentialStore::Resolved& resolved);
    // The same for one stored profile (its keychain entry and metadata), ignoring the environment.
    static RunSettings forProfile(const Profile& profile, const Credential& credential);

    static constexpr qint64 kMaxTextBytes = 64 * 1024 * 1024;
    // Reads all text of FILE, or of standard input for "-", at most maxBytes (larger: an error, never cut).
    static bool readText(const QString& fileOrDash, QString* text, QString* error,
                         qint64 maxBytes = kMaxTextBytes);
};

} // namespace taskwatch
