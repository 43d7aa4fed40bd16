// A built-in emulator of the cdb DescribeAsyncRequestInfo endpoint, over real HTTP/1.1 on 127.0.0.1, plain or
// over TLS (QSslServer; HTTP/1.1 only, no ALPN, so clients do not use HTTP/2).
// It checks requests the way the vendor does (TC3 signature recomputed from the request it received and the
// secret it knows, 5-minute timestamp window, 40 requests per 1000 ms), and serves scripted task timelines,
// documented business errors and transport faults. Used by --demo, the integration tests and the benchmarks.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <deque>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace taskwatch::sim {

// One step of a task's timeline. The current step is the last one whose conditions both hold.
struct TimelineStep {
    int afterPolls = 0;            // at least this many earlier queries of the task
    qint64 afterMs = 0;            // at least this long since the task's first query
    std::optional<QString> status; // nullopt -> JSON null
    std::optional<QString> info;   // nullopt -> JSON null
    QString errorCode;             // non-empty: answer with this API error instead (Message = errorMessage)
    QString errorMessage;
    QString requestId; // non-empty: the answer's RequestId instead of a fresh UUID (hostile-server tests)
};

enum class Fault {
    None,
    Http502Html,     // HTTP 502 with an HTML gateway page
    Http500Json,     // HTTP 500 with a JSON body
    MalformedJson,   // HTTP 200, body is not JSON
    EmptyBody,       // HTTP 200, Content-Length: 0
    TruncatedBody,   // Content-Length larger than what is sent, then close
    ConnectionReset, // close the socket without answering
    Stall,           // never answer (the client's deadline must fire)
    HugeInfo,        // a 2 MiB Info
    HostileInfo      // Info with control characters and bidirectional overrides
};

struct ScriptedTask {
    QString id;     // lowercase
    QString region; // empty: any region
    QList<TimelineStep> steps;
    Fault fault = Fault::None;
    int faultTimes = -1; // how many queries the fault affects before the timeline answers (-1: always)
    int delayMs = 0;     // answer this late
};

struct EmulatorStats {
    int requests = 0;       // requests received (complete HTTP requests)
    int rateLimited = 0;    // answered RequestLimitExceeded
    int authFailures = 0;   // answered AuthFailure.*
    int maxInAnyWindow = 0; // the most requests seen in any 1000 ms window (arrival times)
    int tlsHandshakes = 0;  // TLS mode: TLS handshakes started (one per TCP connection accepted)
    int tlsFailures = 0; // TLS mode: handshakes that failed on the server's side (a client that refuses the
                         // certificate may complete the handshake and just close: see tlsHandshakes)
};

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
    void addTask(const ScriptedTask& task);
    // Unknown ids that are well formed get this timeline instead of InvalidAsyncRequestId (benchmarks).
    void setDefaultTimeline(const QList<TimelineStep>& steps);
    void setClockOffset(qint64 seconds); // the server's clock = local clock + offset (Date header, window)
    void setRateLimit(int perSecond);    // default 40; 0 disables the check
    void setForcedError(const QString& code,
                        const QString& message = {}); // answer every request with it (empty: off)
    // Answer every request (after the rate limit) with this HTTP status and a small HTML page, plus a
    // Location header when `location` is given (redirects), Proxy-Authenticate for 407, WWW-Authenticate for
    // 401. 0 turns it off.
    void setForcedHttpStatus(int status, const QByteArray& location = {});

    const EmulatorStats& stats() const { return m_stats; }
    int pollsOf(const QString& taskId) const;
    QList<qint64> arrivalTimesMs() const; // steady-clock arrival times of every request, ms
    // Per SecretId (the vendor limits each account on its own; setRateLimit() applies to each key): the keys
    // seen, how many requests each sent, its most in any 1000 ms, and the task ids it queried (signed).
    QStringList secretIdsSeen() const;
    int requestsBy(const QString& secretId) const;
    int maxInAnyWindowOf(const QString& secretId) const;
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
    static constexpr auto kDemoSecretId = "AKIDDEMO0000000000000000000000000000";
    static constexpr auto kDemoSecretKey = "demo-secret-key-not-a-real-one";
    static QString demoRegion(); // ap-guangzhou

signals:
    void requestHandled(const QString& taskId, const QString& outcome);

private:
    struct Private;
    Private* d;
    EmulatorStats m_stats;
};

} // namespace taskwatch::sim
