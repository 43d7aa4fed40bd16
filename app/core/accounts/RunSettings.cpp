#include "accounts/RunSettings.h"

#include "accounts/AccountConfig.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "api/Endpoint.h"
#include "api/Regions.h"

#include <QCoreApplication>
#include <QFile>

namespace taskwatch {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("taskwatch::RunSettings", text);
}

// The problem of the settings as they are now (none: usable).
void validate(RunSettings& s) {
    s.problem.clear();
    if (!s.region.isEmpty() && !Regions::isWellFormed(s.region))
        // Named context: lupdate files tr() of this free function under "taskwatch", not RunSettings.
        s.problem = QCoreApplication::translate("taskwatch::RunSettings",
                                                "Not a region id: %1 (expected something like ap-guangzhou).")
                        .arg(s.region.left(80));
    else if (const QString why = Endpoint::validate(s.endpoint); !why.isEmpty())
        s.problem = why;
}
} // namespace

AccountConfig RunSettings::account(const QString& language) const {
    AccountConfig config;
    config.credential = credential;
    config.endpoint.url = endpoint;
    config.endpoint.language = language;
    config.region = region;
    return config;
}

RunSettings RunSettings::resolve(const RunOverrides& overrides, const CredentialStore::Resolved& resolved) {
    RunSettings s;
    s.fromEnvironment = resolved.source == QLatin1String("environment");
    s.profile =
        s.fromEnvironment ? QString::fromLatin1(CredentialStore::kEnvironmentProfile) : resolved.profile;
    s.credential = resolved.credential;
    s.region = overrides.region.trimmed();
    if (s.region.isEmpty())
        s.region = qEnvironmentVariable("TENCENTCLOUD_REGION").trimmed();
    if (s.region.isEmpty())
        s.region = resolved.region.trimmed();
    QString endpoint = overrides.endpoint.trimmed();
    if (endpoint.isEmpty())
        endpoint = resolved.endpoint.trimmed();
    if (endpoint.isEmpty())
        endpoint = QString::fromLatin1(Endpoint::kDefault);
    s.endpoint = QUrl(endpoint);
    validate(s);
    return s;
}

RunSettings RunSettings::forProfile(const Profile& profile, const Credential& credential) {
    CredentialStore::Resolved resolved;
    resolved.profile = profile.name;
    resolved.source = QStringLiteral("profile ") + profile.name;
    resolved.credential = credential;
    resolved.region = profile.region;
    resolved.endpoint = profile.endpoint;
    RunSettings s = resolve({}, resolved);
    if (s.region.isEmpty() || !qEnvironmentVariableIsEmpty("TENCENTCLOUD_REGION"))
        s.region = profile.region.trimmed(); // a stored profile keeps its own region
    validate(s);
    return s;
}

bool RunSettings::readText(const QString& fileOrDash, QString* text, QString* error, qint64 maxBytes) {
    QFile file;
    bool opened = false;
    if (fileOrDash == QLatin1String("-")) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(fileOrDash);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        *error = tr("Cannot read %1: %2").arg(fileOrDash, file.errorString());
        return false;
    }
    const QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes) {
        *error = tr("%1 is larger than %2 MiB.").arg(fileOrDash, QString::number(maxBytes >> 20));
        return false;
    }
    *text = QString::fromUtf8(bytes);
    return true;
}

} // namespace taskwatch
