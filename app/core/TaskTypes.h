// Value types shared by the whole core: credentials, one query's typed result, a task's live state and one
// observed change (a history entry). No behaviour lives here beyond tiny predicates.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace taskwatch {

// A Tencent Cloud API key pair, plus the token of temporary (STS) credentials. Never log or print it.
struct Credential {
    QString secretId;
    QString secretKey;
    QString token; // empty for permanent keys
    bool isComplete() const { return !secretId.isEmpty() && !secretKey.isEmpty(); }
    bool operator==(const Credential&) const = default;
};

// The statuses DescribeAsyncRequestInfo documents. Any other string is kept verbatim and treated as
// unfinished.
namespace TaskStatus {
inline constexpr auto Initial = "INITIAL";
inline constexpr auto Running = "RUNNING";
inline constexpr auto Success = "SUCCESS";
inline constexpr auto Failed = "FAILED";
inline constexpr auto Killed = "KILLED";
inline constexpr auto Removed = "REMOVED";
inline constexpr auto Paused = "PAUSED";
inline constexpr auto Undefined = "UNDEFINED";
inline constexpr auto Waiting = "WAITING"; // DescribeTasks only: waiting to start, can be cancelled

bool isTerminal(const std::optional<QString>& status); // SUCCESS FAILED KILLED REMOVED
bool isKnown(const std::optional<QString>& status);    // one of the eight documented values
} // namespace TaskStatus

// How one DescribeAsyncRequestInfo call ended. Exactly one of the three kinds.
enum class ResultKind {
    Success,       // HTTP 200, a Response without Error: status/info/requestId are set
    ApiError,      // HTTP 200, Response.Error: errorCode/errorMessage/requestId are set
    TransportError // anything else: errorCode is a client-side code (see ClientError), excerpt has what came
                   // back
};

// Stable client-side error codes (never sent by the server).
namespace ClientError {
inline constexpr auto NetworkError = "ClientNetworkError"; // connection refused/reset, DNS, proxy, ...
inline constexpr auto TlsError = "ClientTlsError";         // TLS handshake or certificate refused: not sent
inline constexpr auto ServerNetworkError = "ServerNetworkError"; // HTTP 429, 5xx, other non-200 statuses
inline constexpr auto EndpointRedirect = "EndpointRedirect";     // HTTP 3xx: never followed (permanent)
inline constexpr auto EndpointRejected =
    "EndpointRejected";                                // HTTP 4xx other than 429: wrong URL, 401/403/407
inline constexpr auto ParseError = "ClientParseError"; // body is not the documented JSON envelope
inline constexpr auto ResponseTooLarge = "ResponseTooLarge"; // body over the 1 MiB bound
inline constexpr auto InvalidRegion = "ClientInvalidRegion"; // region is not a well-formed id: not sent
inline constexpr auto Timeout = "Timeout";                   // per-request deadline passed
} // namespace ClientError

struct QueryResult {
    ResultKind kind = ResultKind::TransportError;
    std::optional<QString> status; // nullopt = JSON null or absent
    std::optional<QString> info;   // nullopt = JSON null or absent (bounded in size)
    QString requestId;
    QString errorCode;
    QString errorMessage; // bounded in size
    int httpStatus = 0;   // 0 when no HTTP response arrived
    QByteArray excerpt;   // bounded excerpt of the raw body (for the details panel / diagnostics)
    QDateTime serverDate; // the response's Date header, invalid when absent
    QJsonObject response; // the Response object of a successful answer to another action (ApiClient::call)
    bool http2 = false; // the answer came over HTTP/2 (pacing widens its guard: RateGovernor::noteTransport)
    bool isError() const { return kind != ResultKind::Success; }
};

// Where a task is in its life, as the scheduler sees it.
enum class TaskPhase {
    Waiting,  // never polled yet
    Polling,  // polled at least once, not finished
    Retrying, // a transient fault: next poll after a backoff; the last good status is kept
    Finished, // terminal status observed: never polled again
    Stopped,  // a permanent error (e.g. the task does not exist): never polled again until retried
    Held      // polling stopped for the whole credential (authentication failure, paused by the user)
};

// What DescribeTasks says about a task (see Discovery.h). Empty for a task only pasted, never discovered.
struct DiscoveryFacts {
    qint64 jobId = 0;
    QString taskType; // the vendor's TaskType ("MODIFY PARAM"), verbatim (bounded)
    QStringList instanceIds;
    QString instanceName;          // of the first instance, from DescribeDBInstances (empty: unknown)
    std::optional<int> progress;   // 0..100
    QDateTime startedAt;           // UTC
    QDateTime endedAt;             // UTC; invalid while not ended
    std::optional<QString> status; // DescribeTasks' status in our words (SUCCEED -> SUCCESS)
    int taskCode = 0;              // DescribeTasks' Code: 0 = no error
    QString taskMessage;           // its Message (bounded, untrusted)
    QDateTime listedAt;            // when DescribeTasks last reported it (UTC); invalid: never
    bool isDiscovered() const { return listedAt.isValid(); }
    bool operator==(const DiscoveryFacts&) const = default;
};

struct TaskState {
    QString
        profile; // the account (credential profile) the task belongs to; "environment" for env credentials
    QString id;
    QString region;
    QDateTime addedAt;
    QDateTime lastCheckedAt;
    QDateTime finishedAt;
    QDateTime lastChangedAt; // the last observed change of status, Info or error (UTC); invalid: none yet
    std::optional<QString> status;
    std::optional<QString> info;
    QString requestId;
    QString errorCode; // last error, empty when the last poll succeeded
    QString errorMessage;
    int httpStatus = 0;
    QByteArray lastRawResponse; // bounded
    TaskPhase phase = TaskPhase::Waiting;
    QDateTime nextPollAt;
    int consecutiveFailures = 0;
    DiscoveryFacts discovery;
    // A task DescribeTasks listed without an AsyncRequestId: keyed by its JobId, never polled.
    bool isJobOnly() const;
    bool isDone() const { return phase == TaskPhase::Finished || phase == TaskPhase::Stopped; }
    // Done, or a terminal status already known (e.g. restored): never polled again.
    bool isFinished() const { return isDone() || TaskStatus::isTerminal(status); }
};

// A task on the board is identified by (profile, task id): the same id may be watched under two accounts.
// As one string (hash keys, model roles): profile, U+001F, id (neither may contain a control character).
inline QString taskKey(const QString& profile, const QString& id) {
    return profile + QChar(0x1f) + id;
}
inline QString taskKey(const TaskState& state) {
    return taskKey(state.profile, state.id);
}
inline QString profileOfKey(const QString& key) {
    return key.section(QChar(0x1f), 0, 0);
}
inline QString idOfKey(const QString& key) {
    return key.section(QChar(0x1f), 1);
}
// The task id of a job without an AsyncRequestId: "job:<JobId>" (never a well-formed AsyncRequestId).
inline QString jobTaskId(qint64 jobId) {
    return QStringLiteral("job:") + QString::number(jobId);
}
inline bool isJobTaskId(const QString& id) {
    return id.startsWith(QLatin1String("job:"));
}
inline bool TaskState::isJobOnly() const {
    return isJobTaskId(id);
}

// One observed change of a task (status, Info or error code): a row of history and of the CSV export.
struct HistoryEntry {
    QDateTime observedAt; // UTC
    QString profile;      // the account the task was watched under
    QString taskId;
    QString region;
    std::optional<QString> status;
    std::optional<QString> info;
    QString errorCode;
    QString errorMessage;
    QString requestId;
    bool operator==(const HistoryEntry&) const = default;
};

// Bounds applied to untrusted server text.
inline constexpr qsizetype kMaxBodyBytes = 1024 * 1024; // bodies above are cut off and reported
inline constexpr qsizetype kMaxInfoChars = 64 * 1024;   // Info is cut to this many characters
inline constexpr qsizetype kMaxMessageChars = 4 * 1024; // error messages
inline constexpr qsizetype kMaxExcerptBytes = 4 * 1024; // raw excerpts kept for diagnostics

// Cuts untrusted text to `max` characters, marking the cut. Never splits a surrogate pair.
QString boundText(const QString& text, qsizetype max);

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::QueryResult)
Q_DECLARE_METATYPE(taskwatch::TaskState)
Q_DECLARE_METATYPE(taskwatch::HistoryEntry)
