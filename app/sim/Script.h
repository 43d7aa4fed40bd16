// What the emulated account holds, as the tests, benchmarks and the demo script it: tasks of each product
// with a timeline of statuses (and the transport faults to play), and the instances DescribeDBInstances
// lists.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace taskwatch::sim {

// One step of a task's timeline. The current step is the last one whose conditions both hold.
// Status words are the product's own (cdb SUCCESS, mongodb success, redis succeed, postgres Success...).
struct TimelineStep {
    int afterPolls = 0;            // at least this many earlier queries of the task
    qint64 afterMs = 0;            // at least this long since the task's first query
    std::optional<QString> status; // nullopt -> JSON null
    // cdb Info, redis TaskMessage, postgres TaskDetail.Message (mongodb has none). nullopt -> JSON null for
    // cdb, "" for the products whose field is a required string.
    std::optional<QString> info;
    QString errorCode; // non-empty: answer with this API error instead (Message = errorMessage)
    QString errorMessage;
    QString requestId; // non-empty: the answer's RequestId instead of a fresh UUID (hostile-server tests)
    // DescribeTasks' Progress (redis DescribeTaskList: this / 100) while this step is current; -1: derived
    // (0 before the task runs, 100 when it finished, else 50).
    int progress = -1;
    int taskCode = 0; // DescribeTasks' Code (0 = no error) and Message while this step is current
    QString taskMessage{};
    // DescribeTasks lists a task with the last current step that is not an error step (errorCode empty).
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
    QString id;     // cdb: lowercase; the other products: digits, up to 2^64-1, kept as text
    QString region; // empty: any region
    QList<TimelineStep> steps;
    Fault fault = Fault::None;
    int faultTimes = -1; // how many queries the fault affects before the timeline answers (-1: always)
    int delayMs = 0;     // answer this late

    // Discovery (cdb DescribeTasks). jobId > 0 lists the task in DescribeTasks of its region (region must be
    // set). redis DescribeTaskList and postgres DescribeTasks list every task of theirs of the region
    // (a task without a region: of every region).
    qint64 jobId = 0;
    QStringList instanceIds{}; // e.g. {"cdb-c1nl9rpv"}; the other products answer the first one
    // The vendor's TaskType string (redis: DescribeTaskList's code such as "037"; postgres e.g.
    // "RestartInstance").
    QString taskType = QStringLiteral("MODIFY PARAM");
    // UTC. Valid: the timeline's afterMs counts from here (server clock) for BOTH actions and afterPolls is
    // ignored by both, so DescribeTasks and DescribeAsyncRequestInfo report the same step at the same moment.
    // Invalid (default): from the first query of either action (DescribeTasks' StartTime is then that
    // moment).
    QDateTime startedAt{};
    // SecretId that owns the task; empty = every key sees it. DescribeTasks of another key never lists it,
    // and DescribeAsyncRequestInfo by another key answers as for an unknown id.
    QString owner{};
    // DescribeTasks shows AsyncRequestId "" (a job-only task; `id` is then only the emulator's internal key,
    // DescribeAsyncRequestInfo does not know it).
    bool listWithoutAsyncId = false;

    // The service that serves it (the credential scope's): empty or "cdb", "mongodb", "redis", "postgres".
    // Last among the fields, so that brace-initialised cdb tasks keep their meaning.
    QString product{};
    // The other products. Unknown to the service for this long after the task was created (startedAt, or
    // else when it was added): the vendor's fresh tasks appear late. Meanwhile the service answers as for an
    // unknown id, and the task's timeline does not run.
    qint64 hiddenForMs = 0;
    QString taskTitle{};    // redis DescribeTaskInfo's free-text TaskType; empty: taskType
    QString instanceName{}; // redis DescribeTaskList's InstanceName
    qint64 projectId = 0;   // redis DescribeTaskList's ProjectId
    QString operatorUin{};  // redis DescribeTaskList's OperateUin filter matches it
};

// An instance listed by DescribeDBInstances (a subset of the vendor's InstanceInfo).
struct EmulatedInstance {
    QString id{};     // cdb-xxxxxxxx
    QString name{};   // InstanceName
    QString region{}; // listed only in DescribeDBInstances of this region
    QString zone{};
    int status = 1;       // 0 creating, 1 running, 4 isolating, 5 isolated
    int taskStatus = 0;   // 0 no task
    int instanceType = 1; // 1 primary, 2 disaster recovery, 3 read-only
    QString engineVersion = QStringLiteral("8.0");
    QString vip = QStringLiteral("10.0.0.1");
    int vport = 3306;
    QString owner{}; // SecretId that owns it; empty = every key sees it
};

} // namespace taskwatch::sim
