// Tencent Cloud API keys in the operating system's keychain (Secret Service / KWallet through QtKeychain),
// plus the non-secret profile data (region, endpoint, which profile is active) in QSettings.
//
// Keychain layout: service = the application id (TASKWATCH_APP_ID); one entry per profile, key
// "profile:<name>", value a small JSON object {"secretId","secretKey","token"} - one entry, so one unlock
// prompt and an atomic write. There is never a plaintext fallback: when no keychain works the caller gets a
// clear, translated reason. QSettings holds "profiles/<name>/{name,region,endpoint}" and
// "credentials/activeProfile", never a secret.
//
// Every keychain job is bounded by a time-out (a job never finishes when the keyring waits for an unlock
// prompt that cannot be shown). A timed-out job is abandoned, not deleted (QtKeychain's libsecret callbacks
// still hold it); QtKeychain runs jobs one at a time, so later jobs of the same process may time out too
// until it ends.
#pragma once

#include "api/Credential.h"

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QSettings;
class QTimer;

namespace QKeychain {
class Job;
}

namespace taskwatch {

// Non-secret data of one credential profile.
struct Profile {
    QString name;
    QString region;   // default region for tasks added without one; may be empty
    QString endpoint; // API endpoint URL; empty = the built-in default
    bool operator==(const Profile&) const = default;
};

enum class KeychainStatus {
    Ok,           // done (read: credential is set)
    NotFound,     // no entry for this profile: "not configured", not an error
    Unavailable,  // no keychain service (no D-Bus session, no Secret Service provider, no keyring)
    AccessDenied, // the keyring is locked or the user/keychain refused access
    TimedOut,     // no answer within the time-out (typically an unlock prompt that cannot be shown)
    Error         // anything else (the message has the backend's details)
};

struct KeychainResult {
    KeychainStatus status = KeychainStatus::Error;
    QString message;       // translated, actionable; empty for Ok
    Credential credential; // set by a successful read only
    bool ok() const { return status == KeychainStatus::Ok; }
};

class CredentialStore : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 10000;
    static constexpr auto kDefaultProfile = "default";
    static constexpr auto kEnvironmentProfile = "environment"; // TENCENTCLOUD_SECRET_ID/KEY as an account

    // Profile metadata in the application's default QSettings (organization/application name, under
    // XDG_CONFIG_HOME on Linux).
    explicit CredentialStore(QObject* parent = nullptr);
    // Profile metadata in this INI file instead (tests, portable setups).
    explicit CredentialStore(const QString& settingsFile, QObject* parent = nullptr);
    ~CredentialStore() override;

    // Keychain service name: the application id.
    static QString serviceName();
    // Keychain key of a profile: "profile:<name>".
    static QString keychainKey(const QString& profile);
    // 1-64 characters of A-Z a-z 0-9 . _ - (also safe as a QSettings group and a file name).
    static bool isValidProfileName(const QString& name);
    // The SecretId with everything but its last 4 characters replaced by '*' (all '*' when 4 or fewer).
    static QString mask(const QString& secretId);
    // TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY (+ optional TENCENTCLOUD_TOKEN), both non-empty.
    static std::optional<Credential> fromEnvironment();
    // The (de)serialisation of a keychain entry's value.
    static QByteArray encode(const Credential& credential);
    static std::optional<Credential> decode(const QByteArray& data);

    // Zero a buffer that held a secret, in place: the bytes every implicitly shared copy points at (e.g. the
    // buffer a QtKeychain job returned), never a detached copy; then clear it. Read-only (literal) data is
    // only released. Call it only when no holder of the shared data still needs it.
    static void wipe(QByteArray& bytes);
    static void wipe(QString& text);
    static void wipe(Credential& credential);
    // Once a process holds a key: no core dump of it (Linux: PR_SET_DUMPABLE 0 and RLIMIT_CORE 0; this also
    // stops other processes of the user from ptrace-attaching or reading its /proc memory). Idempotent; the
    // paths that read a key (fromEnvironment with a key, keychain reads, `credentials set`) call it.
    static void protectProcess();

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // --- keychain, asynchronous: each emits its *Finished signal exactly once (possibly after the time-out).
    void read(const QString& profile);
    void write(const QString& profile, const Credential& credential);
    void
    remove(const QString& profile); // removing a missing entry gives NotFound or Ok, depending on the backend

    // --- keychain, blocking (runs a local QEventLoop; for the CLI and simple callers).
    KeychainResult readBlocking(const QString& profile);
    KeychainResult writeBlocking(const QString& profile, const Credential& credential);
    KeychainResult removeBlocking(const QString& profile);

    // --- a whole profile: its keys in the keychain and its metadata, as one operation (the dialog and the
    // CLI). Stores the keys; only when the keychain took them, the metadata (and, when `activate` or no
    // profile is active yet, makes it the active one). Emits profileStored() once (and writeFinished()).
    void storeProfile(const Profile& profile, const Credential& credential, bool activate);
    KeychainResult storeProfileBlocking(const Profile& profile, const Credential& credential, bool activate);
    // Removes the keys, then (also when the keychain had none) the metadata. Emits profileDeleted() once (and
    // removeFinished()). A keychain failure keeps the metadata: the keys may still be there.
    void deleteProfile(const QString& name);
    KeychainResult deleteProfileBlocking(const QString& name);

    // --- profile metadata (QSettings; never a secret).
    QStringList profiles() const; // sorted names
    bool hasProfile(const QString& name) const;
    Profile profile(const QString& name) const; // name set, other fields empty when unknown
    void saveProfile(const Profile& profile);   // creates or replaces; ignores invalid names
    void removeProfile(const QString& name);    // metadata only (use remove() for the secret); clears active
    QString activeProfile() const;              // empty when none chosen
    void setActiveProfile(const QString& name);

    // One resolution order for GUI and CLI: the environment first, then the named profile, else the active
    // one, else "default".
    struct Resolved {
        Credential credential;
        QString source;  // "environment" or "profile NAME" (not translated: a stable identifier)
        QString profile; // the profile whose metadata applies (also for the environment source)
        QString region;  // TENCENTCLOUD_REGION for the environment source when set, else the profile's region
        QString endpoint; // the profile's endpoint (may be empty)
        KeychainResult status;
        bool ok() const { return status.ok() && credential.isComplete(); }
    };
    Resolved resolve(const QString& profileName = {});
    void resolveAsync(const QString& profileName = {}); // emits resolved()
    // The profile resolve() would use (ignoring the environment).
    QString effectiveProfileName(const QString& profileName = {}) const;

signals:
    void readFinished(const QString& profile, const taskwatch::KeychainResult& result);
    void writeFinished(const QString& profile, const taskwatch::KeychainResult& result);
    void removeFinished(const QString& profile, const taskwatch::KeychainResult& result);
    void resolved(const taskwatch::CredentialStore::Resolved& result);
    void profileStored(const QString& profile, const taskwatch::KeychainResult& result);
    void profileDeleted(const QString& profile, const taskwatch::KeychainResult& result);

private:
    enum class Op { Read, Write, Remove };
    using Callback = std::function<void(const KeychainResult&)>;

    std::unique_ptr<QSettings> settings() const;
    void startJob(Op op, const QString& profile, const Credential& credential, Callback done);
    KeychainResult runBlocking(Op op, const QString& profile, const Credential& credential);
    KeychainResult blockOn(const std::function<void(Callback)>& start);
    void storeProfileJob(const Profile& profile, const Credential& credential, bool activate, Callback done);
    void deleteProfileJob(const QString& name, Callback done);
    Resolved resolveBase(const QString& profileName) const;
    KeychainResult timedOutResult() const;

    QString m_settingsFile; // empty = default QSettings
    int m_timeoutMs = kDefaultTimeoutMs;
    QHash<QKeychain::Job*, QPointer<QKeychain::Job>> m_pending;
};

// Maps a finished QtKeychain job's error to a status and a translated, actionable message (exposed for
// tests).
KeychainResult keychainResultFromError(int qkeychainError, const QString& errorString);

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::KeychainResult)
Q_DECLARE_METATYPE(taskwatch::CredentialStore::Resolved)
