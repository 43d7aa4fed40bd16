#include "Emulator.h"
#include "cdb/CdbService.h"
#include "demo/DemoScenario.h"
#include "gateway/Gateway.h"
#include "gateway/ServerClock.h"
#include "http/HttpRequest.h"
#include "http/HttpServer.h"
#include "http/RateLimiter.h"
#include "products/MongodbService.h"
#include "products/PostgresService.h"
#include "products/RedisService.h"
#include "products/TaskIds.h"

#include <QFile>
#include <memory>

namespace taskwatch::sim {

static_assert(Emulator::kMaxHeaderBytes == kMaxRequestHeaderBytes &&
              Emulator::kMaxBodyBytes == kMaxRequestBodyBytes);

namespace {
constexpr qint64 kMaxPemBytes = 1024 * 1024;
} // namespace

// The parts, wired: the server hands every request to the gateway, which hands it to the product the
// credential scope names, and reports what it did.
struct Emulator::Private {
    Emulator* q;
    ServerClock clock;
    RateLimiter limiter;
    Gateway gateway;
    CdbService service;
    MongodbService mongodb;
    RedisService redis;
    PostgresService postgres;
    std::unique_ptr<HttpServer> server;
    QString errorString;

    explicit Private(Emulator* owner)
        : q(owner)
        , limiter(&owner->m_stats)
        , gateway(&limiter, &owner->m_stats, &clock)
        , service(&clock)
        , mongodb(&clock)
        , redis(&clock)
        , postgres(&clock) {
        for (ProductService* product :
             std::initializer_list<ProductService*>{&service, &mongodb, &redis, &postgres})
            gateway.addService(product);
        server = std::make_unique<HttpServer>(
            &owner->m_stats, [this] { return clock.now(); },
            [this](const HttpRequest& req, qint64 arrivedAtMs) {
                QString taskId, outcome;
                HttpReply r = gateway.handle(req, arrivedAtMs, &taskId, &outcome);
                emit q->requestHandled(taskId, outcome);
                return r;
            },
            [this](int status, const QString& reason) {
                emit q->requestHandled(QString(), QStringLiteral("http:%1").arg(status));
                return Gateway::malformedRequest(status, reason);
            });
    }

    // The task store of a product other than cdb; null for cdb and unknown names.
    ProductTasks* productTasks(const QString& product) {
        if (product == QLatin1String(MongodbService::kService))
            return &mongodb.tasks();
        if (product == QLatin1String(RedisService::kService))
            return &redis.tasks();
        if (product == QLatin1String(PostgresService::kService))
            return &postgres.tasks();
        return nullptr;
    }
};

Emulator::Emulator(QObject* parent)
    : QObject(parent)
    , d(new Private(this)) {}

Emulator::~Emulator() {
    delete d;
}

bool Emulator::listen(quint16 port) {
    if (!d->server->listen(port, &d->errorString))
        return false;
    d->errorString.clear();
    return true;
}

quint16 Emulator::port() const {
    return d->server->port();
}

QString Emulator::url() const {
    return QStringLiteral("%1://127.0.0.1:%2").arg(d->server->isTls() ? u"https" : u"http").arg(port());
}

bool Emulator::setTls(const QSslCertificate& certificate, const QSslKey& key,
                      const QList<QSslCertificate>& chain) {
    if (d->server->isListening()) {
        d->errorString = QStringLiteral("TLS must be set up before listen().");
        return false;
    }
    if (certificate.isNull() || key.isNull()) {
        d->errorString = QStringLiteral("The TLS certificate or key is missing or not valid PEM.");
        return false;
    }
    d->server->useTls(certificate, key, chain);
    d->errorString.clear();
    return true;
}

bool Emulator::setTlsFiles(const QString& certificateFile, const QString& keyFile) {
    const auto readPem = [this](const QString& path, QByteArray* out) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            d->errorString = QStringLiteral("%1: %2").arg(path, file.errorString());
            return false;
        }
        *out = file.read(kMaxPemBytes + 1);
        if (out->size() > kMaxPemBytes) {
            d->errorString = QStringLiteral("%1: larger than %2 bytes.").arg(path).arg(kMaxPemBytes);
            return false;
        }
        return true;
    };
    QByteArray certPem, keyPem;
    if (!readPem(certificateFile, &certPem) || !readPem(keyFile, &keyPem))
        return false;
    QList<QSslCertificate> certs = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (certs.isEmpty() || certs.first().isNull()) {
        d->errorString = QStringLiteral("%1: no PEM certificate.").arg(certificateFile);
        return false;
    }
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        d->errorString = QStringLiteral("%1: no unencrypted PEM private key (RSA, EC or DSA).").arg(keyFile);
        return false;
    }
    const QSslCertificate leaf = certs.takeFirst();
    return setTls(leaf, key, certs);
}

bool Emulator::isTls() const {
    return d->server->isTls();
}

QString Emulator::errorString() const {
    return d->errorString;
}

void Emulator::addCredential(const QString& secretId, const QString& secretKey, const QString& token) {
    d->gateway.addCredential(secretId, secretKey, token);
}

bool Emulator::addTask(const ScriptedTask& task) {
    if (task.product.isEmpty() || task.product == QLatin1String(CdbService::kService)) {
        d->service.addTask(task);
        return true;
    }
    ProductTasks* tasks = d->productTasks(task.product);
    const std::optional<QString> id = ids::canonical(task.id);
    if (!tasks || !id)
        return false;
    ScriptedTask copy = task;
    copy.id = *id;
    tasks->add(copy);
    return true;
}

void Emulator::setDefaultTimeline(const QList<TimelineStep>& steps) {
    d->service.setDefaultTimeline(steps);
}

void Emulator::setClockOffset(qint64 seconds) {
    d->clock.setOffset(seconds);
}

void Emulator::setRateLimit(int perSecond) {
    setActionRateLimit(QString::fromLatin1(CdbService::kAsyncAction), perSecond);
}

void Emulator::setActionRateLimit(const QString& action, int perSecond) {
    setActionRateLimit(QString::fromLatin1(CdbService::kService), action, perSecond);
}

void Emulator::setActionRateLimit(const QString& service, const QString& action, int perSecond) {
    const ProductService* product = d->gateway.service(service);
    if (!product || !product->actions().contains(action))
        return; // other actions share the product's first action's window
    d->limiter.setLimit(Gateway::bucketName(service, action), perSecond);
}

void Emulator::setActionError(const QString& action, const QString& code, const QString& message) {
    setActionError(QString::fromLatin1(CdbService::kService), action, code, message);
}

void Emulator::setActionError(const QString& service, const QString& action, const QString& code,
                              const QString& message) {
    d->gateway.setActionError(service, action, code, message);
}

void Emulator::setUnsupportedRegions(const QStringList& regions) {
    d->service.setUnsupportedRegions(regions);
}

void Emulator::setMalformedTaskItems(int count) {
    d->service.setMalformedTaskItems(count);
}

void Emulator::addInstance(const EmulatedInstance& instance) {
    d->service.addInstance(instance);
}

int Emulator::requestsOf(const QString& action) const {
    return requestsOf(QString::fromLatin1(CdbService::kService), action);
}

int Emulator::requestsOf(const QString& service, const QString& action) const {
    return d->limiter.requestsOf(Gateway::bucketName(service, action));
}

int Emulator::maxInAnyWindowOf(const QString& secretId, const QString& action) const {
    return maxInAnyWindowOf(secretId, QString::fromLatin1(CdbService::kService), action);
}

int Emulator::maxInAnyWindowOf(const QString& secretId, const QString& service, const QString& action) const {
    return d->limiter.maxInAnyWindowOf(secretId, d->gateway.rateBucket(service, action));
}

void Emulator::setForcedError(const QString& code, const QString& message) {
    d->gateway.setForcedError(code, message);
}

void Emulator::setForcedHttpStatus(int status, const QByteArray& location) {
    d->gateway.setForcedHttpStatus(status, location);
}

int Emulator::pollsOf(const QString& taskId) const {
    return d->service.pollsOf(taskId);
}

int Emulator::pollsOf(const QString& product, const QString& taskId) const {
    ProductTasks* tasks = d->productTasks(product);
    if (!tasks)
        return pollsOf(taskId);
    return tasks->pollsOf(ids::canonical(taskId).value_or(taskId));
}

QList<qint64> Emulator::arrivalTimesMs() const {
    return d->limiter.arrivals();
}

void Emulator::resetStats() {
    m_stats = {};
    d->limiter.reset();
    d->service.forgetQueriedIds();
}

QStringList Emulator::secretIdsSeen() const {
    return d->limiter.keysSeen();
}

int Emulator::requestsBy(const QString& secretId) const {
    return d->limiter.requestsBy(secretId);
}

int Emulator::maxInAnyWindowOf(const QString& secretId) const {
    return d->limiter.maxInAnyWindowOf(secretId);
}

QSet<QString> Emulator::taskIdsQueriedBy(const QString& secretId) const {
    return d->service.taskIdsQueriedBy(secretId);
}

QDateTime Emulator::serverNow() const {
    return d->clock.now();
}

qint64 Emulator::clockOffset() const {
    return d->clock.offset();
}

QHash<QByteArray, QByteArray> Emulator::lastRequestHeaders() const {
    return d->gateway.lastRequestHeaders();
}

QByteArray Emulator::lastRequestBody() const {
    return d->gateway.lastRequestBody();
}

QString Emulator::demoRegion() {
    return demo::region();
}

QString Emulator::demoSecondRegion() {
    return demo::secondRegion();
}

QList<ScriptedTask> Emulator::demoTasks() {
    return demo::scriptedTasks();
}

QList<ScriptedTask> Emulator::demoProductTasks() {
    return demo::productTasks();
}

QList<ScriptedTask> Emulator::demoDiscoverableTasks() {
    return demo::discoverableTasks();
}

QList<EmulatedInstance> Emulator::demoInstances() {
    return demo::instances();
}

} // namespace taskwatch::sim
