#include "accounts/CredentialImport.h"
#include "api/Credential.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace taskwatch {

namespace {

ImportResult failure(const QString& message) {
    ImportResult r;
    r.error = message;
    return r;
}

// Reads a small text file; on failure returns a translated reason in `error`.
QByteArray readSmallFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.exists()) {
        *error = CredentialImport::tr("%1 does not exist.").arg(QDir::toNativeSeparators(path));
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = CredentialImport::tr("Cannot read %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return {};
    }
    if (file.size() > CredentialImport::kMaxFileBytes) {
        *error = CredentialImport::tr("%1 is too large to be a credentials file.")
                     .arg(QDir::toNativeSeparators(path));
        return {};
    }
    return file.read(CredentialImport::kMaxFileBytes + 1);
}

QString tccliDirectory(const QString& tccliDir) {
    return tccliDir.isEmpty() ? QDir::home().filePath(QStringLiteral(".tccli")) : tccliDir;
}

QString invalidNameMessage(const QString& name, const QString& source) {
    return CredentialImport::tr(
               "%1: \"%2\" cannot be used as a profile name (use 1 to 64 letters, digits, '.', '_' or '-').")
        .arg(source, boundText(name, 80));
}

} // namespace

QString CredentialImport::defaultTencentCloudPath() {
    const QString fromEnv = qEnvironmentVariable("TENCENTCLOUD_CREDENTIALS_FILE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir::home().filePath(QStringLiteral(".tencentcloud/credentials"));
}

QString CredentialImport::tccliCredentialPath(const QString& profile, const QString& tccliDir) {
    return QDir(tccliDirectory(tccliDir)).filePath(profile + QStringLiteral(".credential"));
}

QString CredentialImport::tccliConfigurePath(const QString& profile, const QString& tccliDir) {
    return QDir(tccliDirectory(tccliDir)).filePath(profile + QStringLiteral(".configure"));
}

ImportResult CredentialImport::parseTencentCloud(const QByteArray& content, const QString& source) {
    QByteArray data = content;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    const QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));

    struct Section {
        QString name;
        int line = 0;
        QString id;
        QString key;
    };
    QList<Section> sections;
    QSet<QString> seen;
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')))
                return failure(tr("%1, line %2: a section header must look like [name].")
                                   .arg(source, QString::number(lineNo)));
            const QString name = line.mid(1, line.size() - 2).trimmed();
            if (name.isEmpty())
                return failure(
                    tr("%1, line %2: the section name is empty.").arg(source, QString::number(lineNo)));
            if (!CredentialStore::isValidProfileName(name))
                return failure(
                    invalidNameMessage(name, tr("%1, line %2").arg(source, QString::number(lineNo))));
            if (seen.contains(name))
                return failure(tr("%1, line %2: the section [%3] appears twice.")
                                   .arg(source, QString::number(lineNo), name));
            seen.insert(name);
            sections.append({name, lineNo, {}, {}});
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return failure(tr("%1, line %2: expected \"key = value\", a [section] header or a comment.")
                               .arg(source)
                               .arg(lineNo));
        if (sections.isEmpty())
            return failure(tr("%1, line %2: a key appears before the first [section] header.")
                               .arg(source, QString::number(lineNo)));
        const QString key = line.left(eq).trimmed().toLower();
        const QString value = line.mid(eq + 1).trimmed();
        Section& current = sections.last();
        if (key == QLatin1String("secret_id"))
            current.id = value;
        else if (key == QLatin1String("secret_key"))
            current.key = value;
        // other keys (role_arn, region, ...) are not ours: ignored
    }
    if (sections.isEmpty())
        return failure(
            tr("%1 contains no credentials (no [section] with secret_id and secret_key).").arg(source));

    ImportResult result;
    for (const Section& s : std::as_const(sections)) {
        if (s.id.isEmpty() && s.key.isEmpty())
            return failure(tr("%1: the section [%2] (line %3) has neither secret_id nor secret_key.")
                               .arg(source, s.name)
                               .arg(s.line));
        if (s.id.isEmpty())
            return failure(tr("%1: the section [%2] (line %3) has no secret_id.")
                               .arg(source, s.name, QString::number(s.line)));
        if (s.key.isEmpty())
            return failure(tr("%1: the section [%2] (line %3) has no secret_key.")
                               .arg(source, s.name, QString::number(s.line)));
        result.entries.append({s.name, Credential{s.id, s.key, {}}, {}, {}});
    }
    return result;
}

ImportResult CredentialImport::readTencentCloud(const QString& path) {
    const QString file = path.isEmpty() ? defaultTencentCloudPath() : path;
    QString error;
    const QByteArray content = readSmallFile(file, &error);
    if (!error.isEmpty())
        return failure(error);
    return parseTencentCloud(content, QDir::toNativeSeparators(file));
}

ImportResult CredentialImport::parseTccli(const QByteArray& content, const QString& profile,
                                          const QString& source) {
    if (!CredentialStore::isValidProfileName(profile))
        return failure(invalidNameMessage(profile, source));
    if (content.trimmed().isEmpty())
        return failure(tr("%1 is empty.").arg(source));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(tr("%1 is not valid JSON (%2 at offset %3).")
                           .arg(source, parseError.errorString())
                           .arg(parseError.offset));
    if (!doc.isObject())
        return failure(tr("%1 must contain a JSON object.").arg(source));
    const QJsonObject o = doc.object();

    const QString type = o.value(QStringLiteral("type")).toString().trimmed().toLower();
    if (type == QLatin1String("oauth") || type == QLatin1String("sso"))
        return failure(
            tr("%1 holds a tccli %2 login (\"type\": \"%2\"), not API keys; its temporary credentials "
               "cannot be imported. Create an API key (SecretId/SecretKey) in the console and use "
               "\"credentials set\" instead.")
                .arg(source, type));

    auto stringField = [&](const char* name, bool required, QString* out) -> QString {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return tr("%1 has no \"%2\".").arg(source, QLatin1String(name));
            return {};
        }
        if (!v.isString())
            return tr("%1: \"%2\" must be a string.").arg(source, QLatin1String(name));
        *out = v.toString().trimmed();
        if (required && out->isEmpty())
            return tr("%1: \"%2\" is empty.").arg(source, QLatin1String(name));
        return {};
    };
    Credential c;
    QString error = stringField("secretId", true, &c.secretId);
    if (error.isEmpty())
        error = stringField("secretKey", true, &c.secretKey);
    if (error.isEmpty())
        error = stringField("token", false, &c.token);
    if (!error.isEmpty())
        return failure(error);

    ImportResult result;
    result.entries.append({profile, c, {}, {}});
    return result;
}

ImportResult CredentialImport::readTccli(const QString& profile, const QString& tccliDir) {
    if (!CredentialStore::isValidProfileName(profile))
        return failure(invalidNameMessage(profile, tr("tccli profile")));
    const QString file = tccliCredentialPath(profile, tccliDir);
    QString error;
    const QByteArray content = readSmallFile(file, &error);
    if (!error.isEmpty())
        return failure(error);
    ImportResult result = parseTccli(content, profile, QDir::toNativeSeparators(file));
    if (!result.ok())
        return result;

    // Optional, non-secret: region and cdb endpoint from <profile>.configure. A broken file is only ignored.
    QFile configure(tccliConfigurePath(profile, tccliDir));
    if (configure.size() <= kMaxFileBytes && configure.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(configure.read(kMaxFileBytes)).object();
        ImportedCredential& entry = result.entries.first();
        entry.region = o.value(QStringLiteral("_sys_param"))
                           .toObject()
                           .value(QStringLiteral("region"))
                           .toString()
                           .trimmed();
        const QString host =
            o.value(QStringLiteral("cdb")).toObject().value(QStringLiteral("endpoint")).toString().trimmed();
        if (!host.isEmpty()) {
            const QUrl url =
                host.contains(QLatin1String("://")) ? QUrl(host) : QUrl(QStringLiteral("https://") + host);
            if (url.isValid() && !url.host().isEmpty())
                entry.endpoint = url.toString();
        }
    }
    return result;
}

ImportResult CredentialImport::readEnvironment(const QString& profile) {
    if (!CredentialStore::isValidProfileName(profile))
        return failure(invalidNameMessage(profile, tr("--profile")));
    const std::optional<Credential> c = CredentialStore::fromEnvironment();
    if (!c)
        return failure(
            tr("TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must both be set (and not empty) "
               "to import credentials from the environment."));
    ImportResult result;
    result.entries.append({profile, *c, qEnvironmentVariable("TENCENTCLOUD_REGION").trimmed(), {}});
    return result;
}

ImportResult CredentialImport::select(const ImportResult& parsed, const QString& profile) {
    if (!parsed.ok() || profile.isEmpty())
        return parsed;
    for (const ImportedCredential& e : parsed.entries) {
        if (e.profileName == profile) {
            ImportResult r;
            r.entries.append(e);
            return r;
        }
    }
    QStringList names;
    for (const ImportedCredential& e : parsed.entries)
        names.append(e.profileName);
    return failure(tr("There is no profile \"%1\" to import (found: %2).")
                       .arg(boundText(profile, 80), names.join(QStringLiteral(", "))));
}

KeychainResult CredentialImport::importInto(CredentialStore& store, const ImportResult& parsed,
                                            QStringList* stored) {
    if (!parsed.ok())
        return {KeychainStatus::Error, parsed.error, {}};
    for (const ImportedCredential& e : parsed.entries) {
        const KeychainResult r = store.writeBlocking(e.profileName, e.credential);
        if (!r.ok())
            return r;
        Profile meta = store.profile(e.profileName);
        if (!e.region.isEmpty())
            meta.region = e.region;
        if (!e.endpoint.isEmpty())
            meta.endpoint = e.endpoint;
        store.saveProfile(meta);
        if (stored)
            stored->append(e.profileName);
    }
    return {KeychainStatus::Ok, {}, {}};
}

} // namespace taskwatch
