// The phase rules of a task, in one place: how a poll's outcome, a hold of its account, a retry, a restore
// and what DescribeTasks lists change a task's state. Only the TaskBoard (the owner of task state) calls
// these; the tests of the scheduler apply outcomes with them too.
//
// Phases: Waiting (never polled) -> Polling / Retrying (a transient fault) -> Finished (a terminal status) or
// Stopped (a permanent error). Held: polling stopped for the task's account (credentials rejected or
// missing); releasing the hold returns the task to its polling phase. Pausing changes no phase.
#pragma once

#include "task/PollOutcome.h"
#include "task/TaskState.h"

#include <QDateTime>

namespace taskwatch::TaskLifecycle {

// A poll's outcome: status, Info, error, times and phase. `held`: the task's account is held meanwhile (an
// answer that was in flight when its credentials were rejected): an unfinished task stays Held.
void apply(TaskState& task, const PollOutcome& outcome, bool held = false);

// The phase of a task that is polled: Waiting before any result, Retrying after a transient fault, else
// Polling.
TaskPhase pollingPhase(const TaskState& task);
// Polling stops for the task's account: an unfinished task is Held. True when the task changed.
bool hold(TaskState& task);
// Polling resumes: a Held task returns to its polling phase. True when the task changed.
bool release(TaskState& task);
// The user retries: a stopped or finished task is polled again (no failures, no end).
void restart(TaskState& task);
// A task read from the history: a terminal status is Finished; an unfinished task is polled (or Held when its
// account cannot poll).
void restore(TaskState& task, bool held);

// A task DescribeTasks listed without an AsyncRequestId follows the listing (its status, Code and Message).
// True when that is an observed change.
bool followListing(TaskState& task, const QDateTime& now);
// A polled task DescribeTasks lists unfinished before DescribeAsyncRequestInfo ever answered it shows the
// listed status (task.discovery.status) until that answer comes. True when that is an observed change.
bool showListedStatus(TaskState& task, const QDateTime& now);
// The listing's final state ends a task: it was listed finished (before it was ever polled, or and the one
// more poll did not say so).
void finishFromListing(TaskState& task, const QDateTime& now);
// The error a task carries when DescribeTasks reports a non-zero Code ("TaskError.<code>").
QString listingErrorCode(int code);

} // namespace taskwatch::TaskLifecycle
