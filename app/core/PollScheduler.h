// Decides which task to poll next and when, for one credential: never more than maxRate requests in any
// 1000 ms window (with a margin for jitter), evenly spread, the most stale task first, newly added tasks
// within a second, finished tasks never again. It reacts to each error class (see ErrorCatalog).
#pragma once

#include "PacingGate.h"
#include "TaskQueryBackend.h"
#include "TaskTypes.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace taskwatch {

struct PollOptions {
    int maxRate = 40;            // requests per second for the credential (1..40)
    int minIntervalMs = 5000;    // minimum time between two polls of the same task
    int unknownStatusFactor = 4; // unknown statuses are polled this many times slower
    int backoffStartMs = 2000;   // transient faults: 2 s, 4 s, 8 s ... with jitter
    int backoffCapMs = 60000;
    int rateLimitSlowdownMs = 10000; // after RequestLimitExceeded: half rate for this long
};

class PollScheduler : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic
    static qint64 steadyNowMs();

    PollScheduler(TaskQueryBackend* backend, PollOptions options = {}, Clock clock = &PollScheduler::steadyNowMs,
                  QObject* parent = nullptr);
    ~PollScheduler() override;

    // Returns false when the id is already present. The state may carry what was stored earlier (restore).
    bool addTask(const QString& id, const QString& region);
    bool restoreTask(const TaskState& state);
    void removeTask(const QString& id);
    void clear();

    void refreshNow(const QStringList& ids = {}); // empty: every unfinished task
    void retry(const QString& id);                 // restart a Stopped (or finished) task
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // After an authentication failure: polling resumes only through this (e.g. the credentials changed).
    void resumeAfterAuthFailure();
    bool isHeldByAuth() const { return m_authHeld; }

    const TaskState* task(const QString& id) const;
    QStringList taskIds() const;
    int activeCount() const;   // not finished and not stopped
    int finishedCount() const; // finished or stopped
    double currentRate() const; // requests sent in the last second
    qint64 msUntilNextPoll() const; // -1 when nothing is scheduled
    const PollOptions& options() const { return m_options; }
    void setMaxRate(int perSecond);

    // Does any work that is due now by the clock. The internal timer calls it; fake-clock tests call it directly.
    void pump();

signals:
    void requestSent(const QString& taskId);
    // Every poll result that changed a task's state. `observedChange` = status, Info or error code differ.
    void taskUpdated(const taskwatch::TaskState& state, bool observedChange);
    void taskFinished(const taskwatch::TaskState& state); // terminal status or permanent error, once
    void authFailed(const QString& code, const QString& message);
    void clockCorrected(qint64 offsetSeconds);
    void rateLimited(const QString& code);
    void allDone(); // every task is finished or stopped

private:
    struct Entry;
    void schedule();
    void onQueryFinished(quint64 ticket, const QueryResult& result);

    TaskQueryBackend* m_backend;
    PollOptions m_options;
    Clock m_clock;
    PacingGate m_gate;
    QTimer m_timer;
    QHash<QString, Entry*> m_tasks;
    QHash<quint64, QString> m_inFlight;
    quint64 m_nextTicket = 1;
    bool m_paused = false;
    bool m_authHeld = false;
    qint64 m_slowUntil = 0;
};

} // namespace taskwatch
