// What the emulated account holds, as the tests, benchmarks and the demo script it: tasks with a timeline of
// statuses (and the transport faults to play), and the instances DescribeDBInstances lists.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

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
    // DescribeTasks' Progress while this step is current; -1: derived (0 for INITIAL/WAITING/UNDEFINED, 50
    // for RUNNING/PAUSED and unknown words, 100 for a terminal status).
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
    QString id;     // lowercase
    QString region; // empty: any region
    QList<TimelineStep> steps;
    Fault fault = Fault::None;
    int faultTimes = -1; // how many queries the fault affects before the timeline answers (-1: always)
    int delayMs = 0;     // answer this late

    // Discovery (DescribeTasks). jobId > 0 lists the task in DescribeTasks of its region (region must be
    // set).
    qint64 jobId = 0;
    QStringList instanceIds{};                         // e.g. {"cdb-c1nl9rpv"}
    QString taskType = QStringLiteral("MODIFY PARAM"); // the vendor's TaskType string
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
