// What the vendor's gateway does before a product sees a request, once for every emulated product: the
// product is the service named in the credential scope (Credential=ID/DATE/SERVICE/tc3_request), so one
// endpoint serves them all. In order: the rate limit per SecretId and (service, action), the scripted HTTP
// status and error, the method, URI, action and version of that product, the TC3 signature recomputed with
// that service, NoSuchProduct for a service nobody serves, the region, the errors scripted per (service,
// action), and a JSON object body. Then the product answers.
#pragma once

#include "gateway/SignatureCheck.h"
#include "http/HttpReply.h"

#include <QByteArray>
#include <QHash>
#include <QPair>
#include <QString>

namespace taskwatch::sim {

struct EmulatorStats;
struct HttpRequest;
class ProductService;
class RateLimiter;
class ServerClock;

class Gateway {
public:
    static constexpr char kDefaultService[] = "cdb"; // requests whose scope names no service

    Gateway(RateLimiter* limiter, EmulatorStats* stats, const ServerClock* clock);

    // Serves `service` (not owned) and sets its actions' default limits.
    void addService(ProductService* service);
    ProductService* service(const QString& name) const { return m_services.value(name); }
    // The rate-limit window of a (service, action): "service/action"; an action the service does not serve
    // shares its first action's window, and services nobody serves share one window without a limit.
    QString rateBucket(const QString& service, const QString& action) const;
    static QString bucketName(const QString& service, const QString& action);

    HttpReply handle(const HttpRequest& req, qint64 arrivedAtMs, QString* taskId, QString* outcome);
    // The answer to bytes that are not an acceptable HTTP request (400) or too large a body (413).
    static HttpReply malformedRequest(int status, const QString& reason);

    void addCredential(const QString& secretId, const QString& secretKey, const QString& token);
    void setActionError(const QString& service, const QString& action, const QString& code,
                        const QString& message);
    void setForcedError(const QString& code, const QString& message);
    void setForcedHttpStatus(int status, const QByteArray& location);

    QHash<QByteArray, QByteArray> lastRequestHeaders() const { return m_lastHeaders; }
    QByteArray lastRequestBody() const { return m_lastBody; }

private:
    HttpReply apiError(const QString& code, const QString& message, QString* outcome);
    std::optional<HttpReply> beforeSignature(const HttpRequest& req, const QString& key,
                                             const QString& serviceName, qint64 arrivedAtMs,
                                             QString* outcome);
    std::optional<HttpReply> afterSignature(const QByteArray& regionBytes, const QString& serviceName,
                                            const QString& action, QString* outcome);

    RateLimiter* m_limiter;
    EmulatorStats* m_stats;
    const ServerClock* m_clock;
    QHash<QString, ProductService*> m_services;
    QHash<QString, EmulatedCredential> m_credentials;
    QHash<QString, QPair<QString, QString>> m_actionErrors; // bucketName(service, action) -> (code, message)
    QString m_forcedCode;
    QString m_forcedMessage;
    int m_forcedHttpStatus = 0; // non-zero: answer every request with this HTTP status
    QByteArray m_forcedLocation;
    QHash<QByteArray, QByteArray> m_lastHeaders;
    QByteArray m_lastBody;
};

} // namespace taskwatch::sim
