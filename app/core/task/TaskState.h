// A watched task's state: one object per task, owned by the TaskBoard (the only writer); everything else
// holds a pointer to it or receives a copy in a signal.
#pragma once

#include "task/DiscoveryFacts.h"
#include "task/TaskKey.h"
#include "task/TaskStatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <optional>

namespace taskwatch {

// Where a task is in its life, as the scheduler sees it.
enum class TaskPhase {
    Waiting,  // never polled yet
    Polling,  // polled at least once, not finished
    Retrying, // a transient fault: next poll after a backoff; the last good status is kept
    Finished, // terminal status observed: never polled again
    Stopped,  // a permanent error (e.g. the task does not exist): never polled again until retried
    Held      // polling stopped for the whole credential (authentication failure, paused by the user)
};

struct TaskState {
    QString
        profile; // the account (credential profile) the task belongs to; "environment" for env credentials
    QString product = QString::fromLatin1(kCdbProduct); // the registry key: "cdb", "mongodb", "redis", ...
    QString id;
    QString region;
    QDateTime addedAt;
    QDateTime lastCheckedAt;
    QDateTime finishedAt;
    QDateTime lastChangedAt; // the last observed change of status, Info or error (UTC); invalid: none yet
    std::optional<QString> status; // our vocabulary (task/TaskStatus.h); an unknown word verbatim (bounded)
    // The vendor's own word for the status, verbatim and bounded like status (for cdb the same as status).
    std::optional<QString> vendorStatus;
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
    // DescribeAsyncRequestInfo answered it (a status, or an error): its status is authoritative, not one a
    // listing showed.
    bool wasAnswered() const { return httpStatus != 0 || !requestId.isEmpty() || !errorCode.isEmpty(); }
    bool isDone() const { return phase == TaskPhase::Finished || phase == TaskPhase::Stopped; }
    // Done, or a terminal status already known (e.g. restored): never polled again.
    bool isFinished() const { return isDone() || TaskStatus::isTerminal(status); }
};

inline bool TaskState::isJobOnly() const {
    return isJobTaskId(id);
}

inline QString taskKey(const TaskState& state) {
    return taskKey(state.profile, state.product, state.id);
}

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::TaskState)
