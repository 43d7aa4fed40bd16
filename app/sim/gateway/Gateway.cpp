#include "gateway/Gateway.h"
#include "EmulatorStats.h"
#include "gateway/ProductService.h"
#include "gateway/ServerClock.h"
#include "gateway/Wire.h"
#include "http/HttpRequest.h"
#include "http/RateLimiter.h"

#include <QJsonDocument>

namespace taskwatch::sim {

namespace {
constexpr qsizetype kMaxEchoChars = 64; // untrusted request text kept for names and messages
// The window of services nobody serves: no limit, and one bucket however many names are tried.
constexpr char kUnservedBucket[] = "(unserved)/*";
} // namespace

HttpReply ServiceCall::error(const QString& code, const QString& message) const {
    if (code.startsWith(QLatin1String("AuthFailure")))
        ++stats->authFailures;
    if (code == QLatin1String("RequestLimitExceeded"))
        ++stats->rateLimited;
    *outcome = code;
    HttpReply r;
    r.body = vendor::errorBody(code, message);
    return r;
}

std::optional<HttpReply> ServiceCall::unknownParameter(const QStringList& known) const {
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!known.contains(it.key()))
            return error(
                QStringLiteral("UnknownParameter"),
                QStringLiteral("The parameter `%1` is not recognized.").arg(vendor::echo(it.key().toUtf8())));
    }
    return std::nullopt;
}

Gateway::Gateway(RateLimiter* limiter, EmulatorStats* stats, const ServerClock* clock)
    : m_limiter(limiter)
    , m_stats(stats)
    , m_clock(clock) {}

void Gateway::addService(ProductService* service) {
    m_services.insert(service->service(), service);
    for (const QString& action : service->actions())
        m_limiter->setLimit(bucketName(service->service(), action), service->defaultLimit(action));
}

QString Gateway::bucketName(const QString& service, const QString& action) {
    return service + QLatin1Char('/') + action;
}

QString Gateway::rateBucket(const QString& serviceName, const QString& action) const {
    const ProductService* s = service(serviceName);
    if (!s)
        return QString::fromLatin1(kUnservedBucket);
    const QStringList actions = s->actions();
    return bucketName(serviceName, actions.contains(action) ? action : actions.first());
}

void Gateway::addCredential(const QString& secretId, const QString& secretKey, const QString& token) {
    m_credentials.insert(secretId, {secretKey, token});
}

void Gateway::setActionError(const QString& service, const QString& action, const QString& code,
                             const QString& message) {
    if (code.isEmpty())
        m_actionErrors.remove(bucketName(service, action));
    else
        m_actionErrors.insert(bucketName(service, action), {code, message});
}

void Gateway::setForcedError(const QString& code, const QString& message) {
    m_forcedCode = code;
    m_forcedMessage = message;
}

void Gateway::setForcedHttpStatus(int status, const QByteArray& location) {
    m_forcedHttpStatus = status >= 100 && status <= 599 ? status : 0;
    // One header line of visible text: control characters never go out (CR and LF would end it or smuggle
    // others; HTTP clients such as Qt 6.8's reject a field value with any of them).
    m_forcedLocation = location.toPercentEncoding(QByteArrayLiteral(":/?#[]@!$&'()*+,;=%"));
}

HttpReply Gateway::malformedRequest(int status, const QString& reason) {
    HttpReply r;
    r.status = status;
    r.body = vendor::errorBody(status == 413 ? QStringLiteral("RequestSizeLimitExceeded")
                                             : QStringLiteral("InvalidRequest"),
                               reason);
    return r;
}

HttpReply Gateway::apiError(const QString& code, const QString& message, QString* outcome) {
    return ServiceCall{{}, {}, {}, {}, {}, nullptr, outcome, m_stats}.error(code, message);
}

// What the gateway answers before it looks at the signature: the rate limit (every request counts, signed or
// not), the scripted HTTP status and error, then the method, URI, and the product's action and version.
std::optional<HttpReply> Gateway::beforeSignature(const HttpRequest& req, const QString& key,
                                                  const QString& serviceName, qint64 arrivedAtMs,
                                                  QString* outcome) {
    const QByteArray action = req.header("x-tc-action");
    const QString actionName = QString::fromUtf8(action.left(kMaxEchoChars));
    const QString bucket = rateBucket(serviceName, actionName);
    if (!m_limiter->admit(key, bucketName(serviceName, actionName), bucket, arrivedAtMs))
        return apiError(QStringLiteral("RequestLimitExceeded"),
                        QStringLiteral("Your current request times exceeds the frequency limit `%1` for a "
                                       "second. Please reduce the frequency of calls.")
                            .arg(m_limiter->limit(bucket)),
                        outcome);
    if (m_forcedHttpStatus != 0) {
        *outcome = QStringLiteral("http:%1").arg(m_forcedHttpStatus);
        return HttpReply::statusPage(m_forcedHttpStatus, m_forcedLocation);
    }
    if (!m_forcedCode.isEmpty())
        return apiError(
            m_forcedCode,
            m_forcedMessage.isEmpty() ? QStringLiteral("Forced by the emulator.") : m_forcedMessage, outcome);
    if (req.method != "POST")
        return apiError(QStringLiteral("UnsupportedProtocol"),
                        QStringLiteral("The request method `%1` is not supported; use POST with "
                                       "TC3-HMAC-SHA256.")
                            .arg(vendor::echo(req.method)),
                        outcome);
    if (req.target != "/")
        return apiError(
            QStringLiteral("UnsupportedProtocol"),
            QStringLiteral("The request URI `%1` is not supported; use `/`.").arg(vendor::echo(req.target)),
            outcome);
    if (action.isEmpty())
        return apiError(QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing a required parameter `Action`."), outcome);
    const ProductService* product = service(serviceName);
    if (!product)
        return std::nullopt; // NoSuchProduct, once the signature holds
    if (!product->actions().contains(QString::fromUtf8(action)))
        return apiError(QStringLiteral("InvalidAction"),
                        QStringLiteral("The requested action `%1` does not exist.").arg(vendor::echo(action)),
                        outcome);
    const QByteArray version = req.header("x-tc-version");
    if (version.isEmpty())
        return apiError(QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing a required parameter `Version`."), outcome);
    if (version != product->version())
        return apiError(QStringLiteral("NoSuchVersion"),
                        QStringLiteral("The API version `%1` does not exist.").arg(vendor::echo(version)),
                        outcome);
    return std::nullopt;
}

// After the signature: the product, the region, then the errors scripted for the (service, action).
std::optional<HttpReply> Gateway::afterSignature(const QByteArray& regionBytes, const QString& serviceName,
                                                 const QString& action, QString* outcome) {
    if (!service(serviceName))
        return apiError(
            QStringLiteral("NoSuchProduct"),
            QStringLiteral("The product `%1` does not exist.").arg(vendor::echo(serviceName.toUtf8())),
            outcome);
    if (regionBytes.isEmpty())
        return apiError(QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing a required parameter `Region`."), outcome);
    const QString region = QString::fromUtf8(regionBytes);
    if (region.size() > 64 || !vendor::isRegionName(region))
        return apiError(QStringLiteral("UnsupportedRegion"),
                        QStringLiteral("The region `%1` is not supported.").arg(vendor::echo(regionBytes)),
                        outcome);
    const auto actionError = m_actionErrors.constFind(bucketName(serviceName, action));
    if (actionError != m_actionErrors.constEnd())
        return apiError(actionError->first,
                        actionError->second.isEmpty() ? QStringLiteral("Forced by the emulator.")
                                                      : actionError->second,
                        outcome);
    return std::nullopt;
}

HttpReply Gateway::handle(const HttpRequest& req, qint64 arrivedAtMs, QString* taskId, QString* outcome) {
    m_lastHeaders = req.headers;
    m_lastBody = req.body;
    const QString claimedKey = claimedSecretId(req);
    QString serviceName = claimedService(req);
    if (serviceName.isEmpty())
        serviceName = QString::fromLatin1(kDefaultService);
    if (std::optional<HttpReply> error = beforeSignature(req, claimedKey, serviceName, arrivedAtMs, outcome))
        return *error;

    QString message;
    const QString authError =
        verifyTc3(req, m_credentials, serviceName.toUtf8(), m_clock->now().toSecsSinceEpoch(), &message);
    if (!authError.isEmpty())
        return apiError(authError, message, outcome);

    const QString actionName = QString::fromUtf8(req.header("x-tc-action").left(kMaxEchoChars));
    const QByteArray regionBytes = req.header("x-tc-region");
    if (std::optional<HttpReply> error = afterSignature(regionBytes, serviceName, actionName, outcome))
        return *error;

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return apiError(QStringLiteral("InvalidParameter"),
                        QStringLiteral("The request body is not a JSON object."), outcome);
    const ServiceCall call{
        actionName, QString::fromUtf8(regionBytes), claimedKey, doc.object(), req.body, taskId, outcome,
        m_stats};
    return service(serviceName)->answer(call);
}

} // namespace taskwatch::sim
