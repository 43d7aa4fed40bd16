// Decides which task to poll next and when, for one credential: never more than maxRate requests in any
// 1000 ms window (with a margin for jitter), evenly spread, the most stale task first, newly added tasks
// within a second, finished tasks never again. It reacts to each error class (see ErrorCatalog).
//
// Driven by one single-shot QTimer armed for the earliest moment work can happen (the next send the pacing
// gate allows for a due task); it is not armed while nothing can be sent (paused, held by an authentication
// failure, the in-flight cap reached, no unfinished task), so it never spins. Tasks waiting for their due
// time sit in a set ordered by due time; due tasks sit in a set ordered by the time of their last result
// (never polled first, then the most stale); finished and stopped tasks are in neither, so they cost nothing.
// Every poll is O(log n).
#pragma once

#include "Clock.h"
#include "api/QueryResult.h"
#include "pacing/RateGovernor.h"
#include "pacing/SendBudget.h"
#include "polling/TaskQueryBackend.h"
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

struct PollOptions {
    int maxRate = 40;         // requests per second for the credential (1..40)
    int minIntervalMs = 5000; // minimum time between two polls of the same task
    // Adaptive intervals: a task whose status, Info and error have not changed for a time T is polled every
    // max(minIntervalMs, T / 10), at most every maxIntervalMs (a value <= minIntervalMs: always
    // minIntervalMs). Any change, touch(), refreshNow() and a new task start again from minIntervalMs.
    int maxIntervalMs = 15000;
    int unknownStatusFactor = 4; // unknown statuses are polled this many times slower
    int backoffStartMs = 2000;   // transient faults: 2 s, 4 s, 8 s ... with jitter
    int backoffCapMs = 60000;
    int rateLimitSlowdownMs = 10000; // after RequestLimitExceeded: -10 % for this long (again: half)
    int maxInFlight = 64; // requests in flight at once for the credential (a dead server is not piled up)
};

class PollScheduler : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRate = 40; // DescribeAsyncRequestInfo's limit per account
    using Clock = MonotonicClock;

    PollScheduler(TaskQueryBackend* backend, PollOptions options = {}, Clock clock = &steadyNowMs,
                  QObject* parent = nullptr);
    ~PollScheduler() override;

    // Returns false when the id is already present. The state may carry what was stored earlier (restore).
    bool addTask(const QString& id, const QString& region);
    bool restoreTask(const TaskState& state);
    void removeTask(const QString& id);
    void clear();

    // Finished tasks stay finished and are never polled; Stopped tasks stay stopped until retry().
    // (No allDone() is emitted from here: check activeCount() after restoring.)
    void refreshNow(const QStringList& ids = {}); // empty: every unfinished task (still paced)
    void retry(const QString& id);                // restart a Stopped (or finished) task
    // The user looks at the task (selected it): it is polled at minIntervalMs again, as after a change.
    void touch(const QString& id);
    void
    setPaused(bool paused); // nothing is sent while paused (requests in flight complete); phases unchanged
    bool isPaused() const { return m_paused; }
    // After an authentication failure: polling resumes only through this (e.g. the credentials changed).
    void resumeAfterAuthFailure();
    bool isHeldByAuth() const { return m_authHeld; }

    const TaskState* task(const QString& id) const;
    QStringList taskIds() const;
    int activeCount() const;        // not finished and not stopped
    int finishedCount() const;      // finished or stopped
    double currentRate() const;     // requests sent in the last second
    qint64 msUntilNextPoll() const; // -1 when nothing is scheduled (the internal timer is armed for this)
    int inFlightCount() const { return int(m_inFlight.size()); }
    const PollOptions& options() const { return m_options; }
    void setMaxRate(int perSecond);
    // The adaptive intervals' cap (PollOptions::maxIntervalMs). A lower cap applies at once to the tasks
    // waiting for a longer interval; a higher one from each task's next result.
    void setMaxIntervalMs(int ms);
    // The budget requests are paced by (default: a LocalBudget of this scheduler only). For the account's
    // budget shared with other processes, pass SharedBudget::forAccount(secretId, action).budget; the
    // scheduler's current limit (rate, slow-down) carries over. Null: a new LocalBudget.
    void setBudget(std::shared_ptr<SendBudget> budget);
    SendBudget* budget() const { return &m_rate.budget(); }

    // Does any work that is due now by the clock. The internal timer calls it; fake-clock tests call it
    // directly.
    void pump();

signals:
    void requestSent(const QString& taskId);
    // Every poll result that changed a task's state. `observedChange` = status, Info or error code differ.
    void taskUpdated(const taskwatch::TaskState& state, bool observedChange);
    void taskFinished(const taskwatch::TaskState& state); // terminal status or permanent error, once
    void authFailed(const QString& code, const QString& message);
    // The server's Date disagreed with the clock a request was signed with (AuthFailure.SignatureExpire): the
    // signing clock was (re)corrected to this offset. Emitted for every correction, not only the first.
    void clockCorrected(qint64 offsetSeconds);
    // The endpoint itself is wrong: it answered a redirect (3xx, never followed) or an HTTP client error
    // (4xx other than 429: 404 wrong URL, 401/403, a proxy's 407). Every task of the credential is affected;
    // each task that gets it stops (Stopped). Emitted once per transition: when the first such answer
    // arrives after a good one (or the start), and again only if the status changes.
    void endpointFailed(int httpStatus, const QString& message);
    // An answer came from the API again after endpointFailed (e.g. the endpoint was changed).
    void endpointRecovered();
    void rateLimited(const QString& code);
    void allDone(); // a result or removeTask left every task finished or stopped (once per transition)

private:
    struct Entry;
    enum class Queue { None, Waiting, Ready };
    using Key = std::tuple<qint64, quint64, Entry*>; // (due time or last result time, sequence, entry)

    void schedule();
    std::optional<qint64> nextWakeAt(qint64 now) const;
    void onQuerySent(quint64 ticket);
    void onQueryFinished(quint64 ticket, const QueryResult& result);
    void send(Entry* e, qint64 now);
    void enqueue(Entry* e, qint64 dueAt, qint64 now);
    void dequeue(Entry* e);
    void promoteDue(qint64 now);
    void setPhase(Entry* e, TaskPhase phase);
    void holdForAuth(const QString& code, const QString& message, const QString& exceptId);
    bool applyError(Entry* e, const QueryResult& result);
    void emitUpdated(const QStringList& ids);
    qint64 intervalFor(const Entry* e, qint64 now) const;
    bool canSendAny() const;
    void finish(Entry* e, TaskPhase phase, bool changed);
    void checkAllDone();
    TaskPhase unfinishedPhase(const Entry* e) const;

    TaskQueryBackend* m_backend;
    PollOptions m_options;
    Clock m_clock;
    RateGovernor m_rate; // pacing rate, slow-down after RequestLimitExceeded, over the budget
    QTimer m_timer;
    std::unordered_map<QString, std::unique_ptr<Entry>> m_tasks;
    QHash<quint64, QString> m_inFlight; // every request sent and not yet answered (also of removed tasks)
    std::set<Key> m_waiting;            // keyed by due time
    std::set<Key> m_ready;              // due now; keyed by last result time (never polled first)
    quint64 m_nextTicket = 1;
    quint64 m_nextSeq = 1;
    int m_doneCount = 0;
    bool m_allDoneEmitted = false;
    bool m_paused = false;
    bool m_authHeld = false;
    int m_endpointFailure = 0; // HTTP status of the current endpoint failure (0: none)
    QRandomGenerator m_rng;
};

} // namespace taskwatch
