// One product's API over QNetworkAccessManager (cdb's DescribeAsyncRequestInfo unless setProduct() says
// another): signs with TC3-HMAC-SHA256 for the product's service, bounds what it reads, applies a
// per-request deadline, and turns every outcome into one typed QueryResult (a poll's answer read by the
// product's adapter).
#pragma once

#include "api/Credential.h"
#include "api/Endpoint.h"
#include "api/QueryResult.h"
#include "polling/TaskQueryBackend.h"

#include <QHash>
#include <QNetworkRequest>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <set>
#include <utility>

class QNetworkAccessManager;
namespace taskwatch {
class ProductAdapter;
}
class QNetworkReply;

namespace taskwatch {

class ApiClient : public TaskQueryBackend {
    Q_OBJECT
public:
    static constexpr auto kAction = "DescribeAsyncRequestInfo";
    static constexpr auto kVersion = "2017-03-20";
    // X-TC-RequestClient: the SDKs keep it to letters, digits and `_-.` (py/go validate it), so no '/'.
    static constexpr auto kRequestClient = "cdb-taskwatch-" TASKWATCH_VERSION;
    static constexpr auto kContentType = "application/json";

    ApiClient(QNetworkAccessManager* nam, EndpointConfig endpoint, Credential credential,
              QObject* parent = nullptr);
    ~ApiClient() override;

    // DescribeAsyncRequestInfo for one task: queryFinished(ticket, ...) follows.
    void query(quint64 ticket, const QString& taskId, const QString& region) override;
    // Any other action (see TaskQueryBackend::call).
    void call(quint64 ticket, const char* action, const QString& region, const QByteArray& body) override;
    void setClockOffset(qint64 seconds) override { m_clockOffset = seconds; }
    qint64 clockOffset() const override { return m_clockOffset; }
    void abortAll() override;

    void setCredential(const Credential& credential);
    void setLanguage(const QString& language);
    void setEndpoint(const EndpointConfig& endpoint); // for the next requests
    // The product whose service, version and poll action the next requests use (default cdb). The adapter
    // must outlive the client (the registry's do).
    void setProduct(const ProductAdapter& product);
    const ProductAdapter& product() const { return *m_product; }
    const EndpointConfig& endpoint() const { return m_endpoint; }

    // Pure parsing of a response, exposed for tests and fuzzing. `truncated` = the body was cut at
    // kMaxBodyBytes. `location` is the Location header of a redirect (reported, never followed).
    static QueryResult parseResponse(int httpStatus, const QByteArray& body, bool truncated,
                                     const QString& location = {});
    // The envelope only (HTTP status, JSON, Response, Error, RequestId), for any action; on success the
    // Response object goes to `response` when given.
    static QueryResult parseEnvelope(int httpStatus, const QByteArray& body, bool truncated,
                                     const QString& location = {}, QJsonObject* response = nullptr);

    // The request body, {"AsyncRequestId":"..."}, with the id escaped as a JSON string.
    static QByteArray requestBody(const QString& taskId);

private:
    struct InFlight {
        quint64 ticket = 0;
        bool isCall = false;       // call() (callFinished) rather than query() (queryFinished)
        QString taskId;            // query(): the task asked about
        bool sentReported = false; // querySent / callSent emitted
        QByteArray body;           // what was read so far, at most kMaxBodyBytes
        bool truncated = false;
        bool timedOut = false;
        qint64 deadlineAt = 0; // monotonic ms
        QStringList sslErrors; // certificate problems reported, for the message (at most a few)
    };
    void send(quint64 ticket, const char* action, const QString& region, const QByteArray& body, bool isCall,
              const QString& taskId = {});
    void refuse(quint64 ticket, const QueryResult& refused, bool isCall);
    QueryResult readPoll(int httpStatus, const QByteArray& body, const QString& location,
                         const QString& taskId) const;
    void onFinished(QNetworkReply* reply);
    bool drainBounded(QNetworkReply* reply, InFlight& state);
    void onDeadline();
    void armDeadlineTimer();
    void prepareRequest();

    QNetworkAccessManager* m_nam;
    EndpointConfig m_endpoint;
    Credential m_credential;
    const ProductAdapter* m_product;
    qint64 m_clockOffset = 0;
    QNetworkRequest m_request;  // what every request has in common (prepareRequest())
    QByteArray m_host;          // its Host header, signed
    QString m_wellFormedRegion; // the last region checked (Regions::isWellFormed)
    QHash<QNetworkReply*, InFlight> m_inFlight;
    // One timer for every request's deadline: armed for the earliest of them.
    std::set<std::pair<qint64, QNetworkReply*>> m_deadlines;
    QTimer m_deadlineTimer;
};

} // namespace taskwatch
