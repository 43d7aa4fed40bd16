// A built-in emulator of the TencentDB task APIs, over real HTTP/1.1 on 127.0.0.1, plain or over TLS
// (QSslServer; HTTP/1.1 only, no ALPN, so clients do not use HTTP/2). One endpoint serves every product: the
// service named in the TC3 credential scope (Credential=ID/DATE/SERVICE/tc3_request) picks it, the signature
// is checked with that service, and a service nobody serves is answered NoSuchProduct.
// - cdb (2017-03-20): DescribeAsyncRequestInfo (scripted timelines, documented business errors, transport
//   faults), DescribeTasks (the tasks with a JobId of the request's region: filters, paging, times in UTC+8
//   without a zone, SUCCEED spelling, ownership by SecretId) and DescribeDBInstances;
// - mongodb (2019-07-25): DescribeAsyncRequestInfo by numeric string id;
// - redis (2018-04-12): DescribeTaskInfo by integer id, and DescribeTaskList;
// - postgres (2017-03-12): DescribeTasks, by TaskId and as the list;
// any other action of a product is answered InvalidAction, another version NoSuchVersion. Integer ids up to
// 2^64-1 are kept as text and written digit for digit. It checks requests the way the vendor does (TC3
// signature recomputed from the request it received and the secret it knows, 5-minute timestamp window, a
// rate limit per SecretId and (service, action) per 1000 ms: cdb 40 DescribeAsyncRequestInfo, 50
// DescribeTasks, 50 DescribeDBInstances; mongodb 20; redis 20 DescribeTaskInfo, 100 DescribeTaskList;
// postgres 20). Used by --demo, the `emulator` command, the integration tests and the benchmarks.
// This class is the facade: http/ serves the connections, gateway/ checks requests and routes them, cdb/ and
// products/ answer them, demo/ holds the demo data.
#pragma once
#include "EmulatorStats.h"
#include "Script.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace taskwatch::sim {

class Emulator : public QObject {
    Q_OBJECT
public:
    explicit Emulator(QObject* parent = nullptr);
    ~Emulator() override;

    // Listens on 127.0.0.1 (port 0 = any free port). Returns false with errorString() on failure.
    bool listen(quint16 port = 0);
    quint16 port() const;
    QString url() const; // http://127.0.0.1:PORT, or https://127.0.0.1:PORT in TLS mode
    QString errorString() const;

    // TLS mode: serve HTTPS with this certificate, its chain (intermediates, leaf excluded) and private key.
    // Call before listen(); false (with errorString()) after it or when the certificate or key is null. Every
    // behaviour of plain HTTP (signatures, rate limit, Date, keep-alive, faults) is the same over TLS.
    bool setTls(const QSslCertificate& certificate, const QSslKey& key,
                const QList<QSslCertificate>& chain = {});
    // The same from PEM files: the first certificate of `certificateFile` is the server's, any others its
    // chain; `keyFile` holds an unencrypted RSA or EC key.
    bool setTlsFiles(const QString& certificateFile, const QString& keyFile);
    bool isTls() const;

    void addCredential(const QString& secretId, const QString& secretKey, const QString& token = {});
    // Adds (or replaces) a task of `task.product` (empty: cdb). false for an unknown product, or an id that
    // is not a number up to 2^64-1 for the other products.
    bool addTask(const ScriptedTask& task);
    // Unknown ids of the vendor's forms (four groups of 8 hex digits, or a UUID; any case) get this timeline
    // instead of InvalidAsyncRequestId (benchmarks, `emulator --any-id`). Text of any other form is answered
    // InvalidParameterValue, with or without it.
    void setDefaultTimeline(const QList<TimelineStep>& steps);
    void setClockOffset(qint64 seconds); // the server's clock = local clock + offset (Date header, window)
    void setRateLimit(int perSecond);    // DescribeAsyncRequestInfo's limit (default 40); 0 disables it
    // Per action (X-TC-Action) limits, per SecretId, each action with its own 1000 ms window:
    // DescribeAsyncRequestInfo 40 (what setRateLimit() sets), DescribeTasks 50, DescribeDBInstances 50. 0
    // disables. Requests of any other action (answered InvalidAction) share DescribeAsyncRequestInfo's
    // window.
    void setActionRateLimit(const QString& action, int perSecond);
    // The same for an action of any product, e.g. ("redis", "DescribeTaskList"): each (service, action) has
    // its own window (cdb's and postgres' DescribeTasks do not share one). An action the service does not
    // serve is ignored (its requests share the service's first action's window).
    void setActionRateLimit(const QString& service, const QString& action, int perSecond);
    // Answer every request of this action (after the signature is verified) with this API error (empty code:
    // off), e.g. "AuthFailure.UnauthorizedOperation" for a sub-account without cdb:DescribeTasks. Other
    // actions are unaffected.
    void setActionError(const QString& action, const QString& code, const QString& message = {});
    // The same for an action of any product (service as in the credential scope, e.g. "redis").
    void setActionError(const QString& service, const QString& action, const QString& code,
                        const QString& message);
    // DescribeTasks and DescribeDBInstances answer UnsupportedRegion for these regions.
    void setUnsupportedRegions(const QStringList& regions);
    // DescribeTasks adds this many malformed items after the real ones (JobId a string, InstanceIds not an
    // array, an item that is not an object, null...); they count in TotalCount like real ones. 0: off.
    void setMalformedTaskItems(int count);
    // DescribeDBInstances lists it (replaces an instance with the same id).
    void addInstance(const EmulatedInstance& instance);
    void setForcedError(const QString& code,
                        const QString& message = {}); // answer every request with it (empty: off)
    // Answer every request (after the rate limit) with this HTTP status and a small HTML page, plus a
    // Location header when `location` is given (redirects), Proxy-Authenticate for 407, WWW-Authenticate for
    // 401. 0 turns it off.
    void setForcedHttpStatus(int status, const QByteArray& location = {});

    const EmulatorStats& stats() const { return m_stats; }
    int pollsOf(const QString& taskId) const;                         // a cdb task
    int pollsOf(const QString& product, const QString& taskId) const; // queries by id of a product's task
    QList<qint64> arrivalTimesMs() const; // steady-clock arrival times of every request, ms, sorted
    // Per SecretId (the vendor limits each account on its own; setRateLimit() applies to each key): the keys
    // seen, how many requests each sent, its most in any 1000 ms, and the task ids it queried (signed).
    QStringList secretIdsSeen() const;
    int requestsBy(const QString& secretId) const;
    int maxInAnyWindowOf(const QString& secretId) const;                        // every action together
    int maxInAnyWindowOf(const QString& secretId, const QString& action) const; // a cdb action's window
    int maxInAnyWindowOf(const QString& secretId, const QString& service, const QString& action) const;
    int requestsOf(const QString& action) const; // cdb requests received with this X-TC-Action
    int requestsOf(const QString& service, const QString& action) const;
    QSet<QString> taskIdsQueriedBy(const QString& secretId) const;
    void resetStats();

    // The server's clock (local clock + offset), as used for the Date header and the signature window.
    QDateTime serverNow() const;
    qint64 clockOffset() const;
    // The last complete request: header names lowercased, values as received (trimmed); and its body bytes.
    QHash<QByteArray, QByteArray> lastRequestHeaders() const;
    QByteArray lastRequestBody() const;

    // Bounds on what a client may send; above them the request is answered 400 / 413 and the connection
    // closed.
    static constexpr qsizetype kMaxHeaderBytes = 16 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;

    // The demo's dozen tasks across every status, a few errors and faults; timelines measured in seconds.
    static QList<ScriptedTask> demoTasks();
    // A few tasks of mongodb, redis and postgres (running, succeeded, failed with a message, postgres
    // WaitSwitch) in demoRegion(), timelines in seconds from the first query.
    static QList<ScriptedTask> demoProductTasks();
    static constexpr auto kDemoSecretId = "AKIDDEMO0000000000000000000000000000";
    static constexpr auto kDemoSecretKey = "demo-secret-key-not-a-real-one";
    static QString demoRegion(); // ap-guangzhou
    // Tasks that DescribeTasks lists (and DescribeAsyncRequestInfo answers, except the job-only one), in
    // demoRegion() and demoSecondRegion(), on demoInstances(), started relative to now (call it when
    // serving).
    static QList<ScriptedTask> demoDiscoverableTasks();
    static QList<EmulatedInstance> demoInstances();
    static QString demoSecondRegion(); // ap-shanghai

signals:
    void requestHandled(const QString& taskId, const QString& outcome);

private:
    struct Private;
    Private* d;
    EmulatorStats m_stats;
};

} // namespace taskwatch::sim
