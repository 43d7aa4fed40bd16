// Reads existing Tencent Cloud credentials so that users need not type them again: the SDKs' INI file
// (~/.tencentcloud/credentials), tccli's per-profile JSON (~/.tccli/<profile>.credential) and the
// environment. Parsing never writes anything: an import parses everything first and stores only when all of
// it is valid (importInto() does exactly that). Every failure is one clear, translated sentence naming the
// file and the line or key; secrets never appear in messages.
#pragma once

#include "accounts/CredentialStore.h"
#include "api/Credential.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace taskwatch {

struct ImportedCredential {
    QString profileName;
    Credential credential;
    QString region;   // from tccli's <profile>.configure when present; else empty
    QString endpoint; // likewise (https URL); else empty
};

struct ImportResult {
    QList<ImportedCredential> entries; // empty when error is set
    QString error;                     // translated; empty on success
    bool ok() const { return error.isEmpty(); }
};

class CredentialImport {
    Q_DECLARE_TR_FUNCTIONS(taskwatch::CredentialImport)

public:
    // $TENCENTCLOUD_CREDENTIALS_FILE when set, else ~/.tencentcloud/credentials.
    static QString defaultTencentCloudPath();
    // ~/.tccli/<profile>.credential (and .configure).
    static QString tccliCredentialPath(const QString& profile, const QString& tccliDir = {});
    static QString tccliConfigurePath(const QString& profile, const QString& tccliDir = {});

    // INI with [section] headers and secret_id / secret_key keys (case-insensitive; other keys ignored);
    // '#' and ';' comment lines, blank lines and surrounding spaces are ignored. Each section becomes a
    // profile. `source` names the file in messages.
    static ImportResult parseTencentCloud(const QByteArray& content, const QString& source);
    static ImportResult readTencentCloud(const QString& path = {});

    // tccli JSON {"secretId","secretKey","token"?}; OAuth/SSO logins ("type":"oauth"|"sso") are rejected.
    static ImportResult parseTccli(const QByteArray& content, const QString& profile, const QString& source);
    // Reads <tccliDir>/<profile>.credential (tccliDir defaults to ~/.tccli) and, when present, takes the
    // region and cdb endpoint from <profile>.configure.
    static ImportResult readTccli(const QString& profile, const QString& tccliDir = {});

    // TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_TOKEN, TENCENTCLOUD_REGION) as
    // `profile`.
    static ImportResult
    readEnvironment(const QString& profile = QString::fromLatin1(CredentialStore::kDefaultProfile));

    // Keeps only the entry named `profile` (an error when there is none). Empty `profile` keeps everything.
    static ImportResult select(const ImportResult& parsed, const QString& profile);

    // Stores every entry of a successful parse: the secret in the keychain, then the profile metadata
    // (keeping region/endpoint already saved unless the import has them). Stops at the first keychain
    // failure; `stored` receives the names written so far.
    static KeychainResult importInto(CredentialStore& store, const ImportResult& parsed,
                                     QStringList* stored = nullptr);

    // Files larger than this are refused (these are tiny text files).
    static constexpr qint64 kMaxFileBytes = 256 * 1024;
};

} // namespace taskwatch
