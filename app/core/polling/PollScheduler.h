// Decides which task to poll next and when, for one credential: never more than maxRate requests in any
// 1000 ms window (with a margin for jitter), evenly spread, the most stale task first, newly added tasks
// within a second, finished tasks never again. It reacts to each error class (see ErrorCatalog) and reports
// every answer as a PollOutcome. It keeps scheduling facts only (due time, quiet time, failures, what the
// last answer was): the task's state is the TaskBoard's, which applies the outcomes.
//
// A task a DescribeTasks listing covers (cover()) waits for the listing instead of its adaptive interval: it
// is polled when asked for (pollOnce(): the listing saw it change or leave), after a fault, on refreshNow(),
// and on its adaptive schedule again once the cover ends (a listing that stops renewing it, or cover(id, 0)).
// A task a whole listing does not show (markUnlisted()) is polled at a steady interval while listings go on.
//
// Its PacingPump sleeps until the earliest moment work can happen (the next send the pacing allows for a due
// task) and not at all while nothing can be sent (the owner says it may not poll: paused, credentials
// rejected; the in-flight cap reached; no unfinished task), so it never spins. Tasks waiting for their due
// time sit in a set ordered by due time; due tasks sit in a set ordered by the time of their last result
// (never polled first, then the most stale); finished and stopped tasks are in neither, so they cost nothing.
// Every poll is O(log n).
#pragma once

#include "Clock.h"
#include "api/QueryResult.h"
#include "pacing/PacingPump.h"
#include "pacing/RateGovernor.h"
#include "pacing/SendBudget.h"
#include "polling/PollOptions.h"
#include "polling/TaskQueryBackend.h"
#include "task/PollOutcome.h"
#include "task/TaskState.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

namespace taskwatch {

class PollScheduler : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRate = 40; // DescribeAsyncRequestInfo's limit per account
    using Clock = MonotonicClock;

    PollScheduler(TaskQueryBackend* backend, PollOptions options = {}, Clock clock = &steadyNowMs,
                  QObject* parent = nullptr);
    ~PollScheduler() override;

    // Returns false when the id is already present.
    bool addTask(const QString& id, const QString& region);
    // A task known before (restored, or added while the account could not poll): its last answer, failures
    // and times set where it stands. A finished or stopped task is kept and never polled.
    bool restoreTask(const TaskState& state);
    void removeTask(const QString& id);
    void clear();
    bool contains(const QString& id) const;

    void refreshNow(const QStringList& ids = {}); // empty: every unfinished task (still paced)
    void retry(const QString& id);                // restart a stopped (or finished) task
    // The user looks at the task (selected it): it is polled at minIntervalMs again, as after a change; a
    // covered one is polled once now (unless answered within minIntervalMs), for its Info.
    void touch(const QString& id);
    // A listing shows the task (or is expected to): for `forMs` from now it is not polled on its adaptive
    // schedule. Each listing renews it; 0 ends it (the adaptive schedule resumes at once). A poll asked for,
    // a retry after a fault and a request in flight are not affected.
    void cover(const QString& id, qint64 forMs);
    // A whole listing of the region's unfinished tasks does not show the task (not an instance task,
    // WAITING): for `forMs` from now it is polled every unlistedIntervalMs instead of its adaptive interval
    // (also after a change or touch()); it is no longer covered. Each listing renews it; cover() ends it.
    void markUnlisted(const QString& id, qint64 forMs);
    bool isCovered(const QString& id) const;
    // One poll of the task answered from a request sent at or after `notSentBefore` (this scheduler's
    // clock): sent now, unless such a request was answered already, is in flight, or is the retry after a
    // fault; a request in flight sent before it is followed by one more. False when the task is not polled.
    bool pollOnce(const QString& id, qint64 notSentBefore);
    // Whether the owner lets it send now (not paused, credentials not rejected); asked before every send.
    // wake() after the answer changed.
    void setMayPoll(std::function<bool()> mayPoll);
    void wake();

    QStringList taskIds() const;    // in the order they were added
    int activeCount() const;        // not finished and not stopped
    int finishedCount() const;      // finished or stopped
    double currentRate() const;     // requests sent in the last second
    qint64 msUntilNextPoll() const; // -1 when nothing is scheduled (the pump's timer is armed for this)
    int inFlightCount() const { return int(m_inFlight.size()); }
    const PollOptions& options() const { return m_options; }
    void setMaxRate(int perSecond);
    // The adaptive intervals' cap (PollOptions::maxIntervalMs). A lower cap applies at once to the tasks
    // waiting for a longer interval; a higher one from each task's next result.
    void setMaxIntervalMs(int ms);
    // Requests in flight at once (PollOptions::maxInFlight; the transport's limit, see
    // Endpoint::maxInFlight).
    void setMaxInFlight(int n);
    // An id the service does not know (QueryResult::taskUnknown) is pending for this long after the task was
    // added (new tasks appear late), then stopped as not found; 0 (the default): stopped at once.
    void setUnseenGraceMs(qint64 ms) { m_unseenGraceMs = ms; }
    // The budget requests are paced by (default: a LocalBudget of this scheduler only). For the account's
    // budget shared with other processes, pass SharedBudget::forAccount(secretId, action).budget; the
    // scheduler's current limit (rate, slow-down) carries over. Null: a new LocalBudget.
    void setBudget(std::shared_ptr<SendBudget> budget);
    SendBudget* budget() const { return &m_rate.budget(); }

    // Does any work that is due now by the clock. The pump's timer calls it; fake-clock tests call it
    // directly.
    void pump();

signals:
    void requestSent(const QString& taskId);
    // Every answer that concerns a task (not a rate limit or a clock to correct: those are only re-sent).
    void polled(const taskwatch::PollOutcome& outcome);
    // The server rejected the credentials (an authentication failure): told with each such answer; the owner
    // stops the account's polling (setMayPoll) until the credentials change.
    void credentialsRejected(const QString& code, const QString& message);
    // The server's Date disagreed with the clock a request was signed with (AuthFailure.SignatureExpire): the
    // signing clock was (re)corrected to this offset. Emitted for every correction, not only the first.
    void clockCorrected(qint64 offsetSeconds);
    // The endpoint itself is wrong: it answered a redirect (3xx, never followed) or an HTTP client error
    // (4xx other than 429: 404 wrong URL, 401/403, a proxy's 407). Every task of the credential is affected;
    // each task that gets it stops. Emitted once per transition: when the first such answer arrives after a
    // good one (or the start), and again only if the status changes.
    void endpointFailed(int httpStatus, const QString& message);
    // An answer came from the API again after endpointFailed (e.g. the endpoint was changed).
    void endpointRecovered();
    void rateLimited(const QString& code);

private:
    struct Entry;
    enum class Queue { None, Waiting, Ready };
    using Key = std::tuple<qint64, quint64, Entry*>; // (due time or last result time, sequence, entry)

    void schedule();
    std::optional<qint64> firstDueAt(qint64 now);
    void sendFirst(qint64 now);
    void onQuerySent(quint64 ticket);
    void onQueryFinished(quint64 ticket, const QueryResult& result);
    void onAnswer(Entry* e, const QueryResult& result, qint64 now);
    void onError(Entry* e, const QueryResult& result, qint64 now);
    void onTaskUnknown(Entry* e, const QueryResult& result, qint64 now);
    bool resentAfterClockSkew(Entry* e, const QueryResult& result, qint64 now);
    void noteEndpoint(const QueryResult& result);
    void enqueue(Entry* e, qint64 dueAt, qint64 now);
    void dequeue(Entry* e);
    void setListed(const QString& id, qint64 coverMs, qint64 unlistedMs);
    void promoteDue(qint64 now);
    void setDone(Entry* e, bool done);
    PollOutcome outcomeOf(const Entry* e, PollOutcome::Kind kind, const QueryResult& result,
                          bool changed) const;
    qint64 intervalFor(const Entry* e, qint64 now) const;
    qint64 scheduledDue(const Entry* e, qint64 now) const;
    bool canSendAny() const;

    TaskQueryBackend* m_backend;
    PollOptions m_options;
    Clock m_clock;
    RateGovernor m_rate; // pacing rate, slow-down after RequestLimitExceeded, over the budget
    PacingPump m_pump;
    std::function<bool()> m_mayPoll;
    std::unordered_map<QString, std::unique_ptr<Entry>> m_tasks;
    QHash<quint64, QString> m_inFlight; // every request sent and not yet answered (also of removed tasks)
    std::set<Key> m_waiting;            // keyed by due time
    std::set<Key> m_ready;              // due now; keyed by last result time (never polled first)
    quint64 m_nextTicket = 1;
    quint64 m_nextSeq = 1;
    int m_doneCount = 0;
    int m_endpointFailure = 0; // HTTP status of the current endpoint failure (0: none)
    qint64 m_unseenGraceMs = 0;
    QRandomGenerator m_rng;
};

} // namespace taskwatch
