#include "task/TaskLifecycle.h"

namespace taskwatch::TaskLifecycle {

namespace {
// cdb's status words are ours: the vendor's word is the status received unless the answer says another.
void setStatus(TaskState& t, const std::optional<QString>& status,
               const std::optional<QString>& vendor = std::nullopt) {
    t.status = status;
    t.vendorStatus = vendor ? vendor : status;
}
} // namespace

void apply(TaskState& t, const PollOutcome& o, bool held) {
    t.lastCheckedAt = o.checkedAt;
    t.requestId = o.requestId;
    t.httpStatus = o.httpStatus;
    t.lastRawResponse = o.excerpt;
    t.errorCode = o.errorCode;
    t.errorMessage = o.errorMessage;
    t.consecutiveFailures = o.consecutiveFailures;
    t.nextPollAt = o.nextPollAt;
    if (!o.isError()) { // a transient fault keeps the last good status and Info
        setStatus(t, o.status, o.vendorStatus);
        t.info = o.info;
    }
    if (o.observedChange)
        t.lastChangedAt = o.checkedAt;
    switch (o.kind) {
    case PollOutcome::Kind::Answered:
        t.phase = TaskPhase::Polling;
        break;
    case PollOutcome::Kind::Failed:
        t.phase = TaskPhase::Retrying;
        break;
    case PollOutcome::Kind::Finished:
        t.phase = TaskPhase::Finished;
        t.finishedAt = o.checkedAt;
        break;
    case PollOutcome::Kind::Stopped:
        t.phase = TaskPhase::Stopped;
        break;
    case PollOutcome::Kind::Rejected:
        t.phase = TaskPhase::Held;
        break;
    }
    if (held)
        hold(t);
}

TaskPhase pollingPhase(const TaskState& t) {
    const bool hasResult = t.lastCheckedAt.isValid() || t.status.has_value() || !t.errorCode.isEmpty();
    if (!hasResult)
        return TaskPhase::Waiting;
    return t.consecutiveFailures > 0 ? TaskPhase::Retrying : TaskPhase::Polling;
}

bool hold(TaskState& t) {
    if (t.isFinished() || t.phase == TaskPhase::Held)
        return false;
    t.phase = TaskPhase::Held;
    return true;
}

bool release(TaskState& t) {
    if (t.phase != TaskPhase::Held)
        return false;
    t.phase = pollingPhase(t);
    return true;
}

void restart(TaskState& t) {
    t.finishedAt = QDateTime();
    t.consecutiveFailures = 0;
    t.phase = pollingPhase(t);
}

void restore(TaskState& t, bool held) {
    t.nextPollAt = QDateTime(); // a time of an earlier run: the scheduler says anew
    if (t.phase != TaskPhase::Stopped && TaskStatus::isTerminal(t.status))
        t.phase = TaskPhase::Finished;
    if (t.isDone())
        return;
    t.phase = held ? TaskPhase::Held : pollingPhase(t);
}

QString listingErrorCode(int code) {
    return QStringLiteral("TaskError.") + QString::number(code);
}

bool followListing(TaskState& t, const QDateTime& now) {
    const DiscoveryFacts& f = t.discovery;
    const QString code = f.taskCode != 0 ? listingErrorCode(f.taskCode) : QString();
    const bool changed = t.status != f.status || t.errorCode != code || !t.lastCheckedAt.isValid();
    setStatus(t, f.status);
    t.errorCode = code;
    t.errorMessage = f.taskCode != 0 ? f.taskMessage : QString();
    t.lastCheckedAt = now;
    if (TaskStatus::isTerminal(t.status)) {
        t.phase = TaskPhase::Finished;
        if (!t.finishedAt.isValid())
            t.finishedAt = f.endedAt.isValid() ? f.endedAt : now;
    } else if (t.phase != TaskPhase::Held) {
        t.phase = TaskPhase::Polling;
    }
    if (changed)
        t.lastChangedAt = now;
    return changed;
}

bool showListedStatus(TaskState& t, const QDateTime& now) {
    const std::optional<QString>& listed = t.discovery.status;
    if (t.isJobOnly() || t.isFinished() || t.wasAnswered() || !listed || TaskStatus::isTerminal(listed))
        return false;
    const bool changed = t.status != listed;
    setStatus(t, listed);
    t.lastCheckedAt = now;
    if (t.phase != TaskPhase::Held)
        t.phase = TaskPhase::Polling;
    if (changed)
        t.lastChangedAt = now;
    return changed;
}

void finishFromListing(TaskState& t, const QDateTime& now) {
    const DiscoveryFacts& f = t.discovery;
    setStatus(t, f.status);
    t.phase = TaskPhase::Finished;
    t.finishedAt = f.endedAt.isValid() ? f.endedAt : now;
    t.lastChangedAt = now;
    if (f.taskCode != 0) {
        t.errorCode = listingErrorCode(f.taskCode);
        t.errorMessage = f.taskMessage;
    }
}

} // namespace taskwatch::TaskLifecycle
