#include "accounts/CredentialStore.h"
#include "accounts/KeychainAdvice.h"
#include "api/Credential.h"
#include "platform/ProcessGuard.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <algorithm>

#include <qt6keychain/keychain.h>

namespace taskwatch {

namespace {

const QString kProfilesGroup = QStringLiteral("profiles");
const QString kActiveKey = QStringLiteral("credentials/activeProfile");

void zero(void* data, std::size_t size) {
    // Through a volatile pointer: the stores are not optimised away although the buffer is released next.
    volatile unsigned char* p = static_cast<volatile unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i)
        p[i] = 0;
}

bool containsAny(const QString& text, std::initializer_list<const char*> needles) {
    for (const char* needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString detailText(const QString& errorString) {
    const QString trimmed = errorString.trimmed();
    // Backend text is local (libsecret / D-Bus), but keep it bounded all the same.
    return trimmed.isEmpty() ? CredentialStore::tr("no details") : boundText(trimmed, 512);
}

KeychainResult unavailable(const QString& detail) {
    return {KeychainStatus::Unavailable, keychain::unavailableAdvice().arg(detail), {}};
}

KeychainResult accessDenied(const QString& detail) {
    return {KeychainStatus::AccessDenied, keychain::accessDeniedAdvice().arg(detail), {}};
}

} // namespace

KeychainResult keychainResultFromError(int qkeychainError, const QString& errorString) {
    const QString detail = detailText(errorString);
    switch (static_cast<QKeychain::Error>(qkeychainError)) {
    case QKeychain::NoError:
        return {KeychainStatus::Ok, {}, {}};
    case QKeychain::EntryNotFound:
        return {
            KeychainStatus::NotFound, CredentialStore::tr("No credentials are stored for this profile."), {}};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return accessDenied(detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return unavailable(detail);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    if (keychain::meansUnavailable(errorString))
        return unavailable(detail);
    if (containsAny(errorString, {"locked", "dismissed", "denied", "not permitted"}))
        return accessDenied(detail);
    return {KeychainStatus::Error, CredentialStore::tr("The keychain reported an error: %1").arg(detail), {}};
}

CredentialStore::CredentialStore(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<taskwatch::KeychainResult>();
    qRegisterMetaType<taskwatch::CredentialStore::Resolved>();
}

CredentialStore::CredentialStore(const QString& settingsFile, QObject* parent)
    : CredentialStore(parent) {
    m_settingsFile = settingsFile;
}

CredentialStore::~CredentialStore() {
    // Jobs still running belong to QtKeychain's queue and its libsecret callbacks: never delete them here,
    // let them delete themselves whenever they finish.
    for (const QPointer<QKeychain::Job>& job : std::as_const(m_pending)) {
        if (job) {
            job->disconnect(this);
            job->setAutoDelete(true);
        }
    }
}

QString CredentialStore::serviceName() {
    return QStringLiteral(TASKWATCH_APP_ID);
}

QString CredentialStore::keychainKey(const QString& profile) {
    return QStringLiteral("profile:") + profile;
}

bool CredentialStore::isValidProfileName(const QString& name) {
    // Whole-string anchors (`$` would accept a trailing "\n").
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9._-]{1,64}")));
    return pattern.match(name).hasMatch() && name != QLatin1String(".") && name != QLatin1String("..");
}

QString CredentialStore::mask(const QString& secretId) {
    const qsizetype n = secretId.size();
    if (n <= 4)
        return QString(n, QLatin1Char('*'));
    return QString(n - 4, QLatin1Char('*')) + secretId.right(4);
}

void CredentialStore::wipe(QByteArray& bytes) {
    // constData() never detaches: the shared buffer itself is zeroed (begin() would detach and zero a copy).
    // Static data (d == nullptr: a literal, fromRawData) is read-only and is only released.
    if (!bytes.isEmpty() && bytes.data_ptr().isMutable())
        zero(const_cast<char*>(bytes.constData()), std::size_t(bytes.size()));
    bytes = QByteArray();
}

void CredentialStore::wipe(QString& text) {
    if (!text.isEmpty() && text.data_ptr().isMutable())
        zero(const_cast<QChar*>(text.constData()), std::size_t(text.size()) * sizeof(QChar));
    text = QString();
}

void CredentialStore::wipe(Credential& credential) {
    wipe(credential.secretKey);
    wipe(credential.token);
    credential.secretId.clear();
}

void CredentialStore::protectProcess() {
    platform::disableCoreDumps();
}

std::optional<Credential> CredentialStore::fromEnvironment() {
    Credential c;
    c.secretId = qEnvironmentVariable("TENCENTCLOUD_SECRET_ID").trimmed();
    c.secretKey = qEnvironmentVariable("TENCENTCLOUD_SECRET_KEY").trimmed();
    c.token = qEnvironmentVariable("TENCENTCLOUD_TOKEN").trimmed();
    if (!c.isComplete())
        return std::nullopt;
    protectProcess();
    return c;
}

QByteArray CredentialStore::encode(const Credential& credential) {
    QJsonObject o;
    o.insert(QStringLiteral("secretId"), credential.secretId);
    o.insert(QStringLiteral("secretKey"), credential.secretKey);
    o.insert(QStringLiteral("token"), credential.token);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Credential> CredentialStore::decode(const QByteArray& data) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonValue id = o.value(QStringLiteral("secretId"));
    const QJsonValue key = o.value(QStringLiteral("secretKey"));
    const QJsonValue token = o.value(QStringLiteral("token"));
    if (!id.isString() || !key.isString() || !(token.isString() || token.isUndefined() || token.isNull()))
        return std::nullopt;
    Credential c{id.toString(), key.toString(), token.toString()};
    if (!c.isComplete())
        return std::nullopt;
    return c;
}

// --- keychain ---------------------------------------------------------------------------------------------

KeychainResult CredentialStore::timedOutResult() const {
    return {KeychainStatus::TimedOut, keychain::timedOutAdvice().arg((m_timeoutMs + 999) / 1000), {}};
}

void CredentialStore::startJob(Op op, const QString& profile, const Credential& credential, Callback done) {
    auto deliverLater = [this, done](KeychainResult result) {
        QTimer::singleShot(0, this, [done, result] { done(result); });
    };
    if (!isValidProfileName(profile)) {
        deliverLater({KeychainStatus::Error,
                      tr("\"%1\" is not a valid profile name: use 1 to 64 letters, digits, '.', '_' or '-'.")
                          .arg(boundText(profile, 80)),
                      {}});
        return;
    }
    if (op == Op::Write && !credential.isComplete()) {
        deliverLater({KeychainStatus::Error, tr("Both the SecretId and the SecretKey are needed."), {}});
        return;
    }

    QKeychain::Job* job = nullptr;
    switch (op) {
    case Op::Read:
        protectProcess(); // before the key is in this process
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Op::Write: {
        auto* write = new QKeychain::WritePasswordJob(serviceName());
        QByteArray value = encode(credential);
        QString text = QString::fromUtf8(value);
        write->setTextData(text); // the job keeps its own UTF-8 copy (QtKeychain offers no way to wipe it)
        wipe(text);
        wipe(value);
        job = write;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    // No parent: a job abandoned after its time-out must outlive this store (libsecret still points at it).
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(keychainKey(profile));
    m_pending.insert(job, QPointer<QKeychain::Job>(job));

    auto* timer = new QTimer(this);
    timer->setSingleShot(true);

    connect(job, &QKeychain::Job::finished, this, [this, op, profile, timer, done](QKeychain::Job* finished) {
        timer->stop();
        timer->deleteLater();
        m_pending.remove(finished);
        KeychainResult result = keychainResultFromError(finished->error(), finished->errorString());
        if (result.status == KeychainStatus::NotFound) {
            result.message = tr("No credentials are stored for profile \"%1\".").arg(profile);
        } else if (result.ok() && op == Op::Read) {
            auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
            QByteArray value = read->binaryData();
            const std::optional<Credential> credential = decode(value);
            wipe(value);
            if (credential) {
                result.credential = *credential;
            } else {
                result = {
                    KeychainStatus::Error,
                    tr("The keychain entry of profile \"%1\" is damaged (not the expected JSON); store the "
                       "credentials again.")
                        .arg(profile),
                    {}};
            }
        }
        finished->deleteLater(); // never synchronously: QtKeychain touches the job after emitting finished()
        done(result);
    });
    connect(timer, &QTimer::timeout, this, [this, job, timer, done] {
        timer->deleteLater();
        if (m_pending.contains(job)) {
            const QPointer<QKeychain::Job> alive = m_pending.take(job);
            if (alive) {
                alive->disconnect(this);
                alive->setAutoDelete(true); // deletes itself if it ever finishes
            }
        }
        done(timedOutResult());
    });
    timer->start(m_timeoutMs);
    job->start();
}

void CredentialStore::read(const QString& profile) {
    startJob(Op::Read, profile, {},
             [this, profile](const KeychainResult& r) { emit readFinished(profile, r); });
}

void CredentialStore::write(const QString& profile, const Credential& credential) {
    startJob(Op::Write, profile, credential,
             [this, profile](const KeychainResult& r) { emit writeFinished(profile, r); });
}

void CredentialStore::remove(const QString& profile) {
    startJob(Op::Remove, profile, {},
             [this, profile](const KeychainResult& r) { emit removeFinished(profile, r); });
}

KeychainResult CredentialStore::runBlocking(Op op, const QString& profile, const Credential& credential) {
    return blockOn([&](Callback done) { startJob(op, profile, credential, std::move(done)); });
}

KeychainResult CredentialStore::blockOn(const std::function<void(Callback)>& start) {
    KeychainResult result;
    bool done = false;
    QEventLoop loop;
    start([&](const KeychainResult& r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

void CredentialStore::storeProfileJob(const Profile& meta, const Credential& credential, bool activate,
                                      Callback done) {
    startJob(Op::Write, meta.name, credential, [this, meta, activate, done](const KeychainResult& result) {
        if (result.ok()) {
            saveProfile(meta);
            if (activate || activeProfile().isEmpty())
                setActiveProfile(meta.name);
        }
        emit writeFinished(meta.name, result);
        done(result);
    });
}

void CredentialStore::storeProfile(const Profile& meta, const Credential& credential, bool activate) {
    storeProfileJob(meta, credential, activate,
                    [this, name = meta.name](const KeychainResult& r) { emit profileStored(name, r); });
}

KeychainResult CredentialStore::storeProfileBlocking(const Profile& meta, const Credential& credential,
                                                     bool activate) {
    return blockOn([&](Callback done) { storeProfileJob(meta, credential, activate, std::move(done)); });
}

void CredentialStore::deleteProfileJob(const QString& name, Callback done) {
    startJob(Op::Remove, name, {}, [this, name, done](const KeychainResult& result) {
        if (result.ok() || result.status == KeychainStatus::NotFound)
            removeProfile(name);
        emit removeFinished(name, result);
        done(result);
    });
}

void CredentialStore::deleteProfile(const QString& name) {
    deleteProfileJob(name, [this, name](const KeychainResult& r) { emit profileDeleted(name, r); });
}

KeychainResult CredentialStore::deleteProfileBlocking(const QString& name) {
    return blockOn([&](Callback done) { deleteProfileJob(name, std::move(done)); });
}

KeychainResult CredentialStore::readBlocking(const QString& profile) {
    return runBlocking(Op::Read, profile, {});
}

KeychainResult CredentialStore::writeBlocking(const QString& profile, const Credential& credential) {
    return runBlocking(Op::Write, profile, credential);
}

KeychainResult CredentialStore::removeBlocking(const QString& profile) {
    return runBlocking(Op::Remove, profile, {});
}

// --- profile metadata --------------------------------------------------------------------------------------

std::unique_ptr<QSettings> CredentialStore::settings() const {
    if (m_settingsFile.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
}

QStringList CredentialStore::profiles() const {
    auto s = settings();
    s->beginGroup(kProfilesGroup);
    QStringList names;
    const QStringList groups = s->childGroups();
    for (const QString& name : groups) {
        if (isValidProfileName(name))
            names.append(name);
    }
    names.sort();
    return names;
}

bool CredentialStore::hasProfile(const QString& name) const {
    return isValidProfileName(name) && profiles().contains(name);
}

Profile CredentialStore::profile(const QString& name) const {
    Profile p;
    p.name = name;
    if (!isValidProfileName(name))
        return p;
    auto s = settings();
    s->beginGroup(kProfilesGroup + QLatin1Char('/') + name);
    p.region = s->value(QStringLiteral("region")).toString().trimmed();
    p.endpoint = s->value(QStringLiteral("endpoint")).toString().trimmed();
    return p;
}

void CredentialStore::saveProfile(const Profile& profile) {
    if (!isValidProfileName(profile.name))
        return;
    auto s = settings();
    s->beginGroup(kProfilesGroup + QLatin1Char('/') + profile.name);
    s->setValue(QStringLiteral("name"), profile.name); // keeps the group even when region/endpoint are empty
    s->setValue(QStringLiteral("region"), profile.region);
    s->setValue(QStringLiteral("endpoint"), profile.endpoint);
    s->endGroup();
    s->sync();
}

void CredentialStore::removeProfile(const QString& name) {
    if (!isValidProfileName(name))
        return;
    auto s = settings();
    s->remove(kProfilesGroup + QLatin1Char('/') + name);
    if (s->value(kActiveKey).toString() == name)
        s->remove(kActiveKey);
    s->sync();
}

QString CredentialStore::activeProfile() const {
    const QString name = settings()->value(kActiveKey).toString();
    return isValidProfileName(name) ? name : QString();
}

void CredentialStore::setActiveProfile(const QString& name) {
    auto s = settings();
    if (name.isEmpty())
        s->remove(kActiveKey);
    else if (isValidProfileName(name))
        s->setValue(kActiveKey, name);
    s->sync();
}

// --- resolution --------------------------------------------------------------------------------------------

QString CredentialStore::effectiveProfileName(const QString& profileName) const {
    if (!profileName.trimmed().isEmpty())
        return profileName.trimmed();
    const QString active = activeProfile();
    return active.isEmpty() ? QString::fromLatin1(kDefaultProfile) : active;
}

CredentialStore::Resolved CredentialStore::resolveBase(const QString& profileName) const {
    Resolved r;
    r.profile = effectiveProfileName(profileName);
    const Profile meta = profile(r.profile);
    r.region = meta.region;
    r.endpoint = meta.endpoint;
    if (const std::optional<Credential> env = fromEnvironment()) {
        r.credential = *env;
        r.source = QStringLiteral("environment");
        r.status = {KeychainStatus::Ok, {}, {}};
        const QString envRegion = qEnvironmentVariable("TENCENTCLOUD_REGION").trimmed();
        if (!envRegion.isEmpty())
            r.region = envRegion;
    } else {
        r.source = QStringLiteral("profile ") + r.profile;
    }
    return r;
}

CredentialStore::Resolved CredentialStore::resolve(const QString& profileName) {
    Resolved r = resolveBase(profileName);
    if (r.source == QLatin1String("environment"))
        return r;
    r.status = readBlocking(r.profile);
    r.credential = r.status.credential;
    return r;
}

void CredentialStore::resolveAsync(const QString& profileName) {
    Resolved base = resolveBase(profileName);
    if (base.source == QLatin1String("environment")) {
        QTimer::singleShot(0, this, [this, base] { emit resolved(base); });
        return;
    }
    startJob(Op::Read, base.profile, {}, [this, base](const KeychainResult& status) mutable {
        base.status = status;
        base.credential = status.credential;
        emit resolved(base);
    });
}

} // namespace taskwatch
