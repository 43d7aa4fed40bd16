// The emulated cdb service behind the HTTP server. Every request first meets what the vendor's gateway
// checks (rate limit per SecretId and action, method, URI, action, version, TC3 signature, region), then one
// of the three actions it serves:
// - DescribeAsyncRequestInfo: scripted task timelines, documented business errors and transport faults;
// - DescribeTasks: the tasks with a JobId of the request's region (filters, paging, times in UTC+8 without a
//   zone, SUCCEED spelling, ownership by SecretId), consistent with DescribeAsyncRequestInfo;
// - DescribeDBInstances: the emulated instances of the region (a subset of the vendor's fields).
#pragma once

#include "cdb/Script.h"
#include "cdb/SignatureCheck.h"
#include "http/HttpReply.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace taskwatch::sim {

struct EmulatorStats;
struct HttpRequest;
class RateLimiter;

class CdbService {
public:
    static constexpr char kAsyncAction[] = "DescribeAsyncRequestInfo";
    static constexpr char kTasksAction[] = "DescribeTasks";
    static constexpr char kInstancesAction[] = "DescribeDBInstances";

    // Sets the vendor's default limits on `limiter`; counts rate-limited and auth failures in `stats`.
    CdbService(RateLimiter* limiter, EmulatorStats* stats);

    // The answer to one request that arrived at `arrivedAtMs`; `taskId` (DescribeAsyncRequestInfo) and
    // `outcome` say what it was.
    HttpReply handle(const HttpRequest& req, qint64 arrivedAtMs, QString* taskId, QString* outcome);
    // The answer to bytes that are not an acceptable HTTP request (400) or too large a body (413).
    static HttpReply malformedRequest(int status, const QString& reason);

    // What the account holds.
    void addCredential(const QString& secretId, const QString& secretKey, const QString& token);
    void addTask(const ScriptedTask& task);
    void setDefaultTimeline(const QList<TimelineStep>& steps);
    void addInstance(const EmulatedInstance& instance);

    // Errors and faults (see Emulator).
    void setActionError(const QString& action, const QString& code, const QString& message);
    void setUnsupportedRegions(const QStringList& regions) { m_unsupportedRegions = regions; }
    void setMalformedTaskItems(int count);
    void setForcedError(const QString& code, const QString& message);
    void setForcedHttpStatus(int status, const QByteArray& location);

    // The served actions have a rate-limit window each; any other action shares DescribeAsyncRequestInfo's.
    static bool isServedAction(const QString& action);
    static QString rateBucket(const QString& action);

    void setClockOffset(qint64 seconds) { m_clockOffset = seconds; }
    qint64 clockOffset() const { return m_clockOffset; }
    QDateTime serverNow() const; // the local clock + offset, UTC

    int pollsOf(const QString& taskId) const;
    QSet<QString> taskIdsQueriedBy(const QString& secretId) const { return m_queriedIds.value(secretId); }
    void forgetQueriedIds() { m_queriedIds.clear(); }
    QHash<QByteArray, QByteArray> lastRequestHeaders() const { return m_lastHeaders; }
    QByteArray lastRequestBody() const { return m_lastBody; }

private:
    struct TaskRuntime {
        int polls = 0;
        int faultsServed = 0;
        QElapsedTimer sinceFirstQuery; // started by the first query of either action
        QDateTime firstQueryAt;        // server clock, UTC
    };
    struct TaskQuery; // DescribeTasks' filters and page
    struct Listed;    // a task DescribeTasks lists, as it stands now

    HttpReply apiError(const QString& code, const QString& message, QString* outcome);
    HttpReply invalidParameter(const QString& message, QString* outcome);
    std::optional<HttpReply> unknownParameter(const QJsonObject& params, const QStringList& known,
                                              QString* outcome);
    std::optional<HttpReply> gatewayError(const HttpRequest& req, const QString& key, qint64 arrivedAtMs,
                                          QString* outcome);
    std::optional<HttpReply> regionError(const QByteArray& regionBytes, const QString& action,
                                         QString* outcome);

    HttpReply describeAsyncRequestInfo(const QJsonObject& params, const QString& key, const QString& region,
                                       QString* taskId, QString* outcome);
    HttpReply describeTasks(const QJsonObject& params, const QString& key, const QString& region,
                            QString* outcome);
    std::optional<QString> parseTaskQuery(const QJsonObject& params, TaskQuery* query) const;
    QList<Listed> listTasks(const TaskQuery& query, const QString& key, const QString& region);
    static QJsonObject taskItem(const Listed& listed);
    HttpReply describeInstances(const QJsonObject& params, const QString& key, const QString& region,
                                QString* outcome);

    TaskRuntime& startRuntime(const QString& id);
    qint64 sinceStartMs(const ScriptedTask& task) const { return task.startedAt.msecsTo(serverNow()); }

    RateLimiter* m_limiter;
    EmulatorStats* m_stats;
    QHash<QString, EmulatedCredential> m_credentials;
    QHash<QString, ScriptedTask> m_tasks;
    QHash<QString, TaskRuntime> m_runtime;
    std::optional<QList<TimelineStep>> m_defaultTimeline;
    QList<EmulatedInstance> m_instances;
    qint64 m_clockOffset = 0;
    QHash<QString, QPair<QString, QString>> m_actionErrors; // action -> (code, message)
    QStringList m_unsupportedRegions;
    int m_malformedTaskItems = 0;
    QString m_forcedCode;
    QString m_forcedMessage;
    int m_forcedHttpStatus = 0; // non-zero: answer every request with this HTTP status
    QByteArray m_forcedLocation;
    QHash<QString, QSet<QString>> m_queriedIds; // SecretId -> the task ids it queried with a valid signature
    QHash<QByteArray, QByteArray> m_lastHeaders;
    QByteArray m_lastBody;
};

} // namespace taskwatch::sim
