// PollScheduler with a fake monotonic clock and a fake TaskQueryBackend: the test advances the clock from one
// event to the next (the scheduler's next wake-up, a fake answer becoming due), with random lateness of the
// wake-ups, and checks the pacing invariants over every window of the run. One test uses the real clock and
// the real QTimer. The scheduler keeps no task state: a TaskTable plays its owner (the TaskBoard and its
// AccountPoller), applying each reported outcome with TaskLifecycle and telling the scheduler whether it may
// poll (paused, credentials rejected).
#include "SendWindows.h"
#include "api/ErrorCatalog.h"
#include "api/QueryResult.h"
#include "pacing/MemoryLedgerStore.h"
#include "pacing/PacingGate.h"
#include "pacing/SharedBudget.h"
#include "polling/PollScheduler.h"
#include "task/PollOutcome.h"
#include "task/TaskLifecycle.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <functional>
#include <limits>
#include <map>
#include <unordered_map>
#include <vector>

using namespace taskwatch;

namespace {

QueryResult ok(const QString& status, const QString& info = QStringLiteral("info")) {
    QueryResult r;
    r.kind = ResultKind::Success;
    r.status = status;
    r.info = info;
    r.requestId = QStringLiteral("req-ok");
    r.httpStatus = 200;
    return r;
}

QueryResult apiError(const QString& code, const QString& message = QStringLiteral("message")) {
    QueryResult r;
    r.kind = ResultKind::ApiError;
    r.errorCode = code;
    r.errorMessage = message;
    r.requestId = QStringLiteral("req-err");
    r.httpStatus = 200;
    return r;
}

QueryResult transportError(const QString& code, int httpStatus) {
    QueryResult r;
    r.kind = ResultKind::TransportError;
    r.errorCode = code;
    r.errorMessage = QStringLiteral("transport");
    r.httpStatus = httpStatus;
    r.excerpt = QByteArrayLiteral("<html>502 Bad Gateway</html>");
    return r;
}

class FakeBackend : public TaskQueryBackend {
    Q_OBJECT
public:
    struct Query {
        quint64 ticket = 0;
        QString id;
        QString region;
        qint64 sentAt = 0;
        qint64 offset = 0; // the clock offset the request was signed with
        int index = 0;     // earlier queries of the same task
    };
    // Decides the answer when it becomes due (fake delay) or at once (immediate mode).
    using Responder = std::function<QueryResult(const Query&)>;

    explicit FakeBackend(const qint64* clock)
        : m_clock(clock) {}

    void query(quint64 ticket, const QString& taskId, const QString& region) override {
        Query q{ticket, taskId, region, m_clock ? *m_clock : 0, m_offset, m_counts[taskId]++};
        for (const auto& [t, p] : pending) {
            if (p.query.id == taskId)
                doubleInFlight = true;
        }
        queries.push_back(q);
        if (immediate) {
            QTimer::singleShot(0, this, [this, q] {
                if (pending.erase(q.ticket))
                    emit queryFinished(q.ticket, responder(q));
            });
            pending[ticket] = {0, q};
            return;
        }
        const qint64 lag = sendLag ? sendLag(q) : 0;
        if (sendLag) {
            unsent[ticket] = q.sentAt + lag;
            departures.push_back(q.sentAt + lag);
            busyUntil = std::max(busyUntil, q.sentAt + lag);
        }
        pending[ticket] = {q.sentAt + lag + (delay ? delay(q) : 50), q};
    }
    void setClockOffset(qint64 seconds) override { m_offset = seconds; }
    qint64 clockOffset() const override { return m_offset; }
    void abortAll() override {
        ++aborts;
        pending.clear();
    }

    void answer(quint64 ticket, const QueryResult& result) {
        pending.erase(ticket);
        emit queryFinished(ticket, result);
    }
    // Answers every pending query due by `now`, earliest first (a slot may change `pending`).
    void deliverDue(qint64 now) {
        for (auto it = unsent.begin(); it != unsent.end();) { // querySent of the requests that left by now
            if (it->second > now) {
                ++it;
                continue;
            }
            const quint64 ticket = it->first;
            it = unsent.erase(it);
            emit querySent(ticket);
        }
        if (!responder)
            return;
        for (;;) {
            auto best = pending.end();
            for (auto it = pending.begin(); it != pending.end(); ++it) {
                if (it->second.answerAt <= now &&
                    (best == pending.end() || it->second.answerAt < best->second.answerAt))
                    best = it;
            }
            if (best == pending.end())
                return;
            const Query q = best->second.query;
            pending.erase(best);
            emit queryFinished(q.ticket, responder(q));
        }
    }
    std::optional<qint64> nextAnswerAt() const {
        if (!responder)
            return std::nullopt;
        std::optional<qint64> next;
        for (const auto& [t, p] : pending) {
            if (!next || p.answerAt < *next)
                next = p.answerAt;
        }
        for (const auto& [t, leavesAt] : unsent) {
            if (!next || leavesAt < *next)
                next = leavesAt;
        }
        return next;
    }
    std::vector<qint64> sendTimes() const {
        std::vector<qint64> times;
        for (const Query& q : queries)
            times.push_back(q.sentAt);
        return times;
    }
    std::vector<Query> queriesOf(const QString& id) const {
        std::vector<Query> out;
        for (const Query& q : queries) {
            if (q.id == id)
                out.push_back(q);
        }
        return out;
    }
    std::optional<Query> pendingOf(const QString& id) const {
        for (const auto& [t, p] : pending) {
            if (p.query.id == id)
                return p.query;
        }
        return std::nullopt;
    }

    struct Pending {
        qint64 answerAt = 0;
        Query query;
    };
    Responder responder;
    std::function<qint64(const Query&)> delay;
    // Set: each request leaves that many ms after query() (querySent then): the thread is busy meanwhile (its
    // start waits behind that work, and so does everything else: busyUntil); `departures` are when they left.
    std::function<qint64(const Query&)> sendLag;
    qint64 busyUntil = 0;
    std::map<quint64, qint64> unsent; // ticket -> when it leaves
    std::vector<qint64> departures;
    bool immediate = false;
    std::vector<Query> queries;
    std::map<quint64, Pending> pending;
    bool doubleInFlight = false;
    int aborts = 0;

private:
    const qint64* m_clock;
    qint64 m_offset = 0;
    QHash<QString, int> m_counts;
};

bool endsTask(const PollOutcome& o) {
    return o.kind == PollOutcome::Kind::Finished || o.kind == PollOutcome::Kind::Stopped;
}

// The outcomes a spy on PollScheduler::polled recorded, in order; `endsOnly`: those that ended their task.
QList<PollOutcome> outcomesOf(const QSignalSpy& polled, bool endsOnly = false) {
    QList<PollOutcome> out;
    for (const QList<QVariant>& args : polled) {
        const PollOutcome o = args.at(0).value<PollOutcome>();
        if (!endsOnly || endsTask(o))
            out.append(o);
    }
    return out;
}

// The scheduler's owner, as the TaskBoard and its AccountPoller are, and no scheduling: a TaskState per task
// the test adds or restores through it, changed only by TaskLifecycle (the outcomes the scheduler reports,
// the hold and its release, a retry); the user's pause and the hold after rejected credentials, which it
// tells the scheduler through setMayPoll() and wake().
class TaskTable : public QObject {
    Q_OBJECT
public:
    TaskTable(PollScheduler* sched, TaskQueryBackend* backend)
        : m_sched(sched)
        , m_backend(backend) {
        sched->setMayPoll([this] { return !m_paused && !m_held; });
        connect(sched, &PollScheduler::polled, this, &TaskTable::onPolled);
        connect(sched, &PollScheduler::credentialsRejected, this, &TaskTable::onCredentialsRejected);
    }

    // As TaskBoard::addIds: a new task waits for its first poll (held while the account is). Returns the
    // scheduler's answer (false: the id is present already).
    bool add(const QString& id, const QString& region) {
        if (!m_sched->addTask(id, region))
            return false;
        TaskState s;
        s.id = id;
        s.region = region;
        s.addedAt = QDateTime::currentDateTimeUtc();
        s.phase = m_held ? TaskPhase::Held : TaskPhase::Waiting;
        m_tasks.insert_or_assign(id, std::move(s));
        return true;
    }
    // As TaskBoard::adopt: the phase rules of a restored task, then the scheduler.
    bool restore(TaskState state) {
        TaskLifecycle::restore(state, m_held);
        if (!m_sched->restoreTask(state))
            return false;
        const QString id = state.id;
        m_tasks.insert_or_assign(id, std::move(state));
        return true;
    }
    void remove(const QString& id) {
        m_sched->removeTask(id);
        m_tasks.erase(id);
    }
    // As TaskBoard::retry.
    void retry(const QString& id) {
        m_sched->retry(id);
        const auto it = m_tasks.find(id);
        if (it != m_tasks.end() && it->second.isDone()) {
            TaskLifecycle::restart(it->second);
            if (m_held)
                TaskLifecycle::hold(it->second);
        }
    }
    // As TaskBoard::setPaused: nothing is sent while paused; phases do not change.
    void setPaused(bool paused) {
        m_paused = paused;
        m_sched->wake();
    }
    bool isPaused() const { return m_paused; }
    // As AccountPoller::resume (the credentials may work now): the hold ends and the tasks are polled again.
    void resume() {
        if (!m_held)
            return;
        m_held = false;
        m_backend->clockCorrector().reset();
        for (auto& [id, s] : m_tasks)
            TaskLifecycle::release(s);
        m_sched->wake();
    }
    bool isHeld() const { return m_held; }
    const TaskState* task(const QString& id) const {
        const auto it = m_tasks.find(id);
        return it == m_tasks.end() ? nullptr : &it->second;
    }

signals:
    // An outcome was applied to the task (its state after that).
    void applied(const taskwatch::TaskState& state, const taskwatch::PollOutcome& outcome);
    // The credentials were rejected: the account's polling is held. Once per hold (as
    // AccountPoller::credentialsRejected), while the scheduler tells it with every rejected answer.
    void heldByAuth(const QString& code, const QString& message);

private:
    void onPolled(const PollOutcome& outcome) {
        const auto it = m_tasks.find(outcome.taskId);
        if (it == m_tasks.end())
            return; // the test added it to the scheduler only
        TaskLifecycle::apply(it->second, outcome, m_held);
        const TaskState copy = it->second; // a slot may remove it
        emit applied(copy, outcome);
    }
    void onCredentialsRejected(const QString& code, const QString& message) {
        if (m_held)
            return;
        m_held = true;
        for (auto& [id, s] : m_tasks)
            TaskLifecycle::hold(s);
        m_sched->wake();
        emit heldByAuth(code, message);
    }

    PollScheduler* m_sched;
    TaskQueryBackend* m_backend;
    std::unordered_map<QString, TaskState> m_tasks;
    bool m_paused = false;
    bool m_held = false;
};

// The fake clock, the fake backend, the scheduler under test and its owner, and the event loop that drives
// them.
struct Sim {
    explicit Sim(PollOptions options = {}, quint32 seed = 1)
        : backend(&now)
        , sched(&backend, options, [this] { return now; })
        , tasks(&sched, &backend)
        , rng(seed) {}

    // Advances the fake clock event by event up to `until`: answers that became due, then pump(); the
    // scheduler's wake-ups come `0..wakeJitter` ms late like a real timer's.
    void runUntil(qint64 until) {
        for (int guard = 0; guard < 10'000'000; ++guard) {
            backend.deliverDue(now);
            sched.pump();
            const qint64 ms = sched.msUntilNextPoll();
            if (ms == 0) {
                spun = true; // pump() left work it could do now: a real timer would spin
                return;
            }
            qint64 next = std::numeric_limits<qint64>::max();
            if (ms > 0)
                next = now + ms + (wakeJitter > 0 ? rng.bounded(wakeJitter + 1) : 0);
            if (const auto answerAt = backend.nextAnswerAt())
                next = std::min(next, std::max(*answerAt, now + 1));
            if (next < backend.busyUntil)
                next = backend.busyUntil; // a busy thread: the timer fires when the work is done
            if (next > until) {
                now = std::max(now, until);
                backend.deliverDue(now);
                sched.pump();
                return;
            }
            now = next;
        }
        spun = true;
    }

    qint64 now = 0;
    FakeBackend backend;
    PollScheduler sched;
    TaskTable tasks;
    QRandomGenerator rng;
    int wakeJitter = 0;
    bool spun = false;
};

int countIn(const std::vector<qint64>& sends, qint64 from, qint64 to) {
    return int(std::count_if(sends.begin(), sends.end(), [&](qint64 t) { return t >= from && t < to; }));
}

std::vector<qint64> windowOf(const std::vector<qint64>& sends, qint64 from, qint64 to) {
    std::vector<qint64> out;
    std::copy_if(sends.begin(), sends.end(), std::back_inserter(out),
                 [&](qint64 t) { return t >= from && t < to; });
    return out;
}

// The options of a fixed interval (no adaptive intervals), for the tests of other behaviour.
PollOptions fixedInterval(PollOptions options = {}) {
    options.maxIntervalMs = 0;
    return options;
}

QString taskId(int i) {
    return QStringLiteral("%1-8fc96c86-2ec79ac8-cb63a7a7").arg(i, 8, 16, QLatin1Char('0'));
}

} // namespace

class TestPollScheduler : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        qRegisterMetaType<TaskState>();
        qRegisterMetaType<PollOutcome>();
    }

    // Requests that leave later than the scheduler sent them: the thread is busy right after the first send
    // of a backlog for 80 ms (start-up work), later after every 50th for 30..90 ms; the request's start waits
    // behind that work, and so does the scheduler's next wake-up, which then catches up with shorter gaps.
    // The server sees the departures; counted from them (querySent), at most 40 leave in any 1000 ms, at
    // >= 38/s. Counted from the sends, the late first one and the 40 after it fit into one 1000 ms window.
    void lateDeparturesStayWithinTheWindow() {
        Sim sim({}, 5);
        sim.wakeJitter = 2;
        QRandomGenerator lags(11);
        sim.backend.sendLag = [&](const FakeBackend::Query& q) -> qint64 {
            if (q.ticket == sim.backend.queries.front().ticket)
                return 80;
            return sim.backend.queries.size() % 50 == 0 ? 30 + lags.bounded(61) : 0;
        };
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(40); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (int i = 0; i < 400; ++i)
            sim.tasks.add(taskId(i), QStringLiteral("ap-guangzhou"));
        sim.runUntil(9'000);
        QVERIFY(!sim.spun);
        std::vector<qint64> departures = sim.backend.departures;
        std::sort(departures.begin(), departures.end());
        QVERIFY2(departures.size() >= 330, qPrintable(QString::number(departures.size())));
        const int most = maxInAnyWindow(departures, 1000);
        QVERIFY2(most <= 40, qPrintable(QString::number(most)));
        const double rate =
            1000.0 * double(departures.size() - 1) / double(departures.back() - departures.front());
        QVERIFY2(rate >= 38.0, qPrintable(QString::number(rate)));
    }

    // Over HTTP/2 the kernel may hold a request ~40 ms (its DATA frame waits for the server's delayed ACK):
    // once answers say HTTP/2, the window's guard is kHttp2GuardMs (40 per 1050 ms), and back over HTTP/1.1.
    void http2AnswersWidenTheGuard() {
        Sim sim({}, 5);
        bool http2 = true;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        sim.backend.responder = [&](const FakeBackend::Query&) {
            QueryResult r = ok(QString::fromLatin1(TaskStatus::Running));
            r.http2 = http2;
            return r;
        };
        for (int i = 0; i < 400; ++i)
            sim.tasks.add(taskId(i), QStringLiteral("ap-guangzhou"));
        const auto sendsBetween = [&](qint64 from, qint64 to) {
            std::vector<qint64> sends;
            for (const FakeBackend::Query& q : sim.backend.queries)
                if (q.sentAt >= from && q.sentAt < to)
                    sends.push_back(q.sentAt);
            return sends;
        };
        sim.runUntil(5'000);
        QVERIFY(!sim.spun);
        const std::vector<qint64> overHttp2 = sendsBetween(100, 5'000); // after the first answer
        const int most = maxInAnyWindow(overHttp2, 1000 + PacingGate::kHttp2GuardMs);
        QVERIFY2(most <= 40, qPrintable(QString::number(most)));
        const double rate =
            1000.0 * double(overHttp2.size() - 1) / double(overHttp2.back() - overHttp2.front());
        QVERIFY2(rate >= 38.0 && rate <= 38.3, qPrintable(QString::number(rate)));

        http2 = false; // the connection is HTTP/1.1 again: the default guard
        sim.runUntil(10'000);
        const std::vector<qint64> overHttp1 = sendsBetween(5'200, 10'000);
        const double rate1 =
            1000.0 * double(overHttp1.size() - 1) / double(overHttp1.back() - overHttp1.front());
        QVERIFY2(rate1 >= 38.3, qPrintable(QString::number(rate1)));
        QVERIFY(maxInAnyWindow(overHttp1, 1000 + PacingGate::kDefaultGuardMs) <= 40);
    }

    void invariantsWith400Tasks_data() {
        QTest::addColumn<int>("wakeJitter");
        QTest::addColumn<bool>("checkRate");
        QTest::newRow("wake-ups 0..1 ms late") << 1 << true;
        QTest::newRow("wake-ups 0..6 ms late") << 6 << true;
        QTest::newRow("wake-ups 0..15 ms late") << 15 << false;
    }

    void invariantsWith400Tasks() {
        QFETCH(int, wakeJitter);
        QFETCH(bool, checkRate);
        Sim sim({}, 42);
        sim.wakeJitter = wakeJitter;
        QRandomGenerator delays(7);
        sim.backend.delay = [&](const FakeBackend::Query&) { return qint64(20 + delays.bounded(380)); };
        // Task i finishes after (i % 7) polls, except every fourth task, which keeps running.
        sim.backend.responder = [](const FakeBackend::Query& q) {
            const int i = q.id.left(8).toInt(nullptr, 16);
            if (i % 4 != 0 && q.index >= i % 7)
                return ok(QString::fromLatin1(i % 3 ? TaskStatus::Success : TaskStatus::Failed));
            return ok(QString::fromLatin1(q.index % 2 ? TaskStatus::Running : TaskStatus::Initial),
                      QStringLiteral("step %1").arg(q.index));
        };
        QHash<QString, qint64> finishedAt;
        QHash<QString, int> finishedTimes;
        connect(&sim.sched, &PollScheduler::polled, this, [&](const PollOutcome& o) {
            if (!endsTask(o))
                return;
            finishedAt[o.taskId] = sim.now;
            ++finishedTimes[o.taskId];
        });
        QSignalSpy sent(&sim.sched, &PollScheduler::requestSent);
        for (int i = 0; i < 400; ++i)
            QVERIFY(sim.tasks.add(taskId(i), QStringLiteral("ap-guangzhou")));
        QVERIFY(!sim.tasks.add(taskId(0), QStringLiteral("ap-guangzhou"))); // already present

        sim.runUntil(120'000);
        QVERIFY(!sim.spun);
        QVERIFY(!sim.backend.doubleInFlight);

        const std::vector<qint64> sends = sim.backend.sendTimes();
        QCOMPARE(qsizetype(sends.size()), sent.size());
        QVERIFY2(maxInAnyWindow(sends, 1000) <= 40, "more than 40 requests in a 1000 ms window");
        QVERIFY2(maxInAnyWindow(sends, 1040) <= 40, "more than 40 requests in a 1040 ms window");
        // At the server: network delays that differ by up to 39 ms, or requests leaving in pairs.
        QVERIFY(maxInAnyWindow(arrivalsAtServer(sends, 39, 5), 1000) <= 40);
        QVERIFY(maxInAnyWindow(pairedAtServer(sends, 8, 6), 1000) <= 40);
        if (checkRate) {
            // The backlog keeps every task due during the first rounds: at least 38 requests per second.
            const int inFirst20s = countIn(sends, 0, 20'000);
            QVERIFY2(inFirst20s >= 38 * 20, qPrintable(QString::number(inFirst20s)));
        }

        // Every finishing task finished exactly once and was never polled after its terminal status.
        int finishing = 0;
        for (int i = 0; i < 400; ++i) {
            const QString id = taskId(i);
            const TaskState* s = sim.tasks.task(id);
            QVERIFY(s);
            const auto polls = sim.backend.queriesOf(id);
            for (std::size_t k = 1; k < polls.size(); ++k)
                QVERIFY2(polls[k].sentAt - polls[k - 1].sentAt >= 5000, "minIntervalMs not respected");
            if (i % 4 == 0) {
                QCOMPARE(s->phase, TaskPhase::Polling);
                QVERIFY(!finishedAt.contains(id));
                continue;
            }
            ++finishing;
            QCOMPARE(s->phase, TaskPhase::Finished);
            QVERIFY(s->finishedAt.isValid());
            QCOMPARE(finishedTimes.value(id), 1);
            QCOMPARE(int(polls.size()), i % 7 + 1);
            QVERIFY(polls.back().sentAt < finishedAt.value(id));
        }
        QCOMPARE(sim.sched.finishedCount(), finishing);
        QCOMPARE(sim.sched.activeCount(), 100);
    }

    void newTaskFirstPolledWithinASecondBehindBacklog() {
        Sim sim({}, 3);
        sim.wakeJitter = 1;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(150); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (int i = 0; i < 400; ++i)
            sim.tasks.add(taskId(i), QStringLiteral("ap-guangzhou"));
        sim.runUntil(25'000); // a steady backlog: each task waits about 10 s for its turn
        const qint64 addedAt = sim.now;
        const QStringList fresh = {QStringLiteral("new-a"), QStringLiteral("new-b"), QStringLiteral("new-c")};
        for (const QString& id : fresh)
            QVERIFY(sim.tasks.add(id, QStringLiteral("ap-guangzhou")));
        QCOMPARE(sim.tasks.task(QStringLiteral("new-a"))->phase, TaskPhase::Waiting);
        sim.runUntil(addedAt + 3000);
        for (const QString& id : fresh) {
            const auto polls = sim.backend.queriesOf(id);
            QVERIFY(!polls.empty());
            QVERIFY2(polls.front().sentAt - addedAt <= 1000,
                     qPrintable(QString::number(polls.front().sentAt - addedAt)));
        }
        // In the order they were added.
        QVERIFY(sim.backend.queriesOf(fresh[0]).front().sentAt <
                sim.backend.queriesOf(fresh[1]).front().sentAt);
        QVERIFY(sim.backend.queriesOf(fresh[1]).front().sentAt <
                sim.backend.queriesOf(fresh[2]).front().sentAt);
        QVERIFY(!sim.spun);
    }

    // A product whose new tasks appear late: an id the service does not know is pending (answered, no status,
    // no error) until the grace time after it was added, then stopped as not found, with the vendor's
    // not-found code when it sent one. Without a grace time (cdb) it stops at the first such answer.
    void unknownTaskIsPendingForTheGraceThenNotFound() {
        Sim sim;
        sim.sched.setUnseenGraceMs(30'000);
        const QString late = QStringLiteral("late"), never = QStringLiteral("never"),
                      vendor = QStringLiteral("vendor");
        sim.backend.responder = [&](const FakeBackend::Query& q) {
            QueryResult r = ok(QString::fromLatin1(TaskStatus::Running));
            if (q.id == vendor)
                r = apiError(QStringLiteral("InvalidParameter.InvalidParameter"));
            r.taskUnknown = q.id != late || sim.now < 12'000;
            return r;
        };
        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        for (const QString& id : {late, never, vendor})
            QVERIFY(sim.tasks.add(id, QStringLiteral("ap-guangzhou")));
        sim.runUntil(29'000);
        for (const QString& id : {never, vendor}) {
            QVERIFY(sim.backend.queriesOf(id).size() >= 3);
            QCOMPARE(sim.tasks.task(id)->phase, TaskPhase::Polling);
            QVERIFY(!sim.tasks.task(id)->status.has_value());
            QVERIFY(sim.tasks.task(id)->errorCode.isEmpty());
        }
        QCOMPARE(sim.tasks.task(late)->status, QString::fromLatin1(TaskStatus::Running));
        sim.runUntil(45'000);
        QCOMPARE(sim.tasks.task(never)->phase, TaskPhase::Stopped);
        QCOMPARE(sim.tasks.task(never)->errorCode, QString::fromLatin1(ClientError::TaskNotFound));
        QCOMPARE(sim.tasks.task(vendor)->phase, TaskPhase::Stopped);
        QCOMPARE(sim.tasks.task(vendor)->errorCode, QStringLiteral("InvalidParameter.InvalidParameter"));
        QCOMPARE(sim.tasks.task(late)->phase, TaskPhase::Polling);
        for (const PollOutcome& o : outcomesOf(polled)) {
            if (o.taskId != late)
                QVERIFY(o.kind == PollOutcome::Kind::Answered || o.kind == PollOutcome::Kind::Stopped);
        }

        Sim cdb; // no grace
        cdb.backend.responder = [](const FakeBackend::Query&) {
            QueryResult r = apiError(QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
            r.taskUnknown = true;
            return r;
        };
        QVERIFY(cdb.tasks.add(never, QStringLiteral("ap-guangzhou")));
        cdb.runUntil(2'000);
        QCOMPARE(cdb.backend.queriesOf(never).size(), size_t(1));
        QCOMPARE(cdb.tasks.task(never)->phase, TaskPhase::Stopped);
    }

    // Another vendor word under the same status of ours (an adapter maps several words to one of ours) is a
    // change, like another status or Info.
    void anotherVendorWordIsAChange() {
        Sim sim;
        const QString id = QStringLiteral("pg");
        sim.backend.responder = [&](const FakeBackend::Query& q) {
            QueryResult r = ok(QString::fromLatin1(TaskStatus::Running));
            r.vendorStatus = q.index < 2 ? QStringLiteral("Running") : QStringLiteral("Preparing");
            return r;
        };
        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        QVERIFY(sim.tasks.add(id, QStringLiteral("ap-guangzhou")));
        sim.runUntil(30'000);
        QList<bool> changes;
        for (const PollOutcome& o : outcomesOf(polled))
            changes << o.observedChange;
        QVERIFY(changes.size() >= 4);
        QCOMPARE(changes.mid(0, 4), (QList<bool>{true, false, true, false}));
        QCOMPARE(sim.tasks.task(id)->vendorStatus, QStringLiteral("Preparing"));
    }

    void mostStaleFirst() {
        Sim sim;
        const QString a = QStringLiteral("a"), b = QStringLiteral("b"), c = QStringLiteral("c");
        // The first answers arrive in the order c, a, b.
        sim.backend.delay = [&](const FakeBackend::Query& q) {
            if (q.index > 0)
                return qint64(10);
            return q.id == a ? qint64(200) : q.id == b ? qint64(300) : qint64(50);
        };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (const QString& id : {a, b, c})
            sim.tasks.add(id, {});
        sim.runUntil(1000);
        QCOMPARE(int(sim.backend.queries.size()), 3);
        QCOMPARE(sim.backend.queries[0].id, a); // never polled: in the order added
        QCOMPARE(sim.backend.queries[1].id, b);
        QCOMPARE(sim.backend.queries[2].id, c);
        // Let all three become due together: the one whose last result is oldest goes first.
        sim.tasks.setPaused(true);
        sim.runUntil(20'000);
        QCOMPARE(int(sim.backend.queries.size()), 3);
        sim.tasks.setPaused(false);
        sim.runUntil(20'500);
        QCOMPARE(int(sim.backend.queries.size()), 6);
        QCOMPARE(sim.backend.queries[3].id, c);
        QCOMPARE(sim.backend.queries[4].id, a);
        QCOMPARE(sim.backend.queries[5].id, b);
        QVERIFY(!sim.spun);
    }

    void minIntervalPerTask() {
        PollOptions options = fixedInterval();
        options.minIntervalMs = 2000;
        Sim sim(options);
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(30); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (int i = 0; i < 3; ++i)
            sim.tasks.add(taskId(i), {});
        sim.runUntil(60'000);
        for (int i = 0; i < 3; ++i) {
            const auto polls = sim.backend.queriesOf(taskId(i));
            QVERIFY(polls.size() >= 29);
            for (std::size_t k = 1; k < polls.size(); ++k) {
                const qint64 gap = polls[k].sentAt - polls[k - 1].sentAt;
                QVERIFY2(gap >= 2000, qPrintable(QString::number(gap)));
                QVERIFY2(gap <= 2100,
                         qPrintable(QString::number(gap))); // and not much later: nothing competes
            }
        }
        QVERIFY(!sim.spun);
    }

    void transientBackoffAndRecovery() {
        Sim sim(fixedInterval(), 5);
        const QString a = QStringLiteral("a"), b = QStringLiteral("b");
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(50); };
        // a: RUNNING, then 8 transient faults of several kinds, then SUCCESS. b: always RUNNING.
        sim.backend.responder = [&](const FakeBackend::Query& q) {
            if (q.id == b)
                return ok(QString::fromLatin1(TaskStatus::Running));
            if (q.index == 0)
                return ok(QString::fromLatin1(TaskStatus::Running), QStringLiteral("working"));
            if (q.index <= 8) {
                switch (q.index % 3) {
                case 0:
                    return apiError(QStringLiteral("InternalError"));
                case 1:
                    return transportError(QString::fromLatin1(ClientError::NetworkError), 0);
                default:
                    return transportError(QString::fromLatin1(ClientError::ServerNetworkError), 502);
                }
            }
            return ok(QString::fromLatin1(TaskStatus::Success), QStringLiteral("done"));
        };
        std::vector<std::pair<qint64, TaskState>> updatesA;
        bool bRetried = false;
        connect(&sim.tasks, &TaskTable::applied, this, [&](const TaskState& s, const PollOutcome&) {
            if (s.id == a)
                updatesA.emplace_back(sim.now, s);
            else if (s.phase != TaskPhase::Polling)
                bRetried = true;
        });
        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        sim.tasks.add(a, {});
        sim.tasks.add(b, {});
        sim.runUntil(400'000);
        QVERIFY(!sim.spun);

        QCOMPARE(int(updatesA.size()), 10);
        const auto pollsA = sim.backend.queriesOf(a);
        QCOMPARE(int(pollsA.size()), 10);
        bool jittered = false;
        for (int k = 1; k <= 8; ++k) {
            const auto& [at, s] = updatesA[std::size_t(k)];
            QCOMPARE(s.phase, TaskPhase::Retrying);
            QCOMPARE(s.consecutiveFailures, k);
            QVERIFY(!s.errorCode.isEmpty());
            QCOMPARE(s.status,
                     std::optional<QString>(QString::fromLatin1(TaskStatus::Running))); // last good kept
            QCOMPARE(s.info, std::optional<QString>(QStringLiteral("working")));
            QVERIFY(s.nextPollAt.isValid());
            const double nominal = std::min(2000.0 * (1 << (k - 1)), 60000.0);
            const qint64 gap = pollsA[std::size_t(k) + 1].sentAt - at;
            QVERIFY2(gap >= qint64(nominal * 0.8) && gap <= qint64(nominal * 1.2) + 2,
                     qPrintable(QStringLiteral("failure %1: %2 ms").arg(k).arg(gap)));
            jittered = jittered || std::abs(double(gap) - nominal) > 2;
        }
        QVERIFY2(jittered, "the backoff has no jitter");
        QCOMPARE(updatesA[2].second.httpStatus, 502); // failure 2 was an HTTP 502
        const TaskState* s = sim.tasks.task(a);
        QCOMPARE(s->phase, TaskPhase::Finished);
        QCOMPARE(s->status, std::optional<QString>(QString::fromLatin1(TaskStatus::Success)));
        QVERIFY(s->errorCode.isEmpty());
        QVERIFY(s->errorMessage.isEmpty());
        QCOMPARE(s->consecutiveFailures, 0);
        QCOMPARE(outcomesOf(polled, true).size(), 1);
        QVERIFY(pollsA.back().sentAt < updatesA.back().first);

        // The other task went on at its normal interval the whole time.
        QVERIFY(!bRetried);
        const auto pollsB = sim.backend.queriesOf(b);
        for (std::size_t k = 1; k < pollsB.size(); ++k) {
            const qint64 gap = pollsB[k].sentAt - pollsB[k - 1].sentAt;
            QVERIFY2(gap >= 5000 && gap <= 5030, qPrintable(QString::number(gap)));
        }
        QVERIFY(pollsB.size() >= 79);
    }

    void rateLimitSlowsThenRecovers() {
        Sim sim({}, 9);
        sim.wakeJitter = 1;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(100); };
        // The requests sent during 60 ms at t = 10 s are refused with RequestLimitExceeded.
        sim.backend.responder = [](const FakeBackend::Query& q) {
            if (q.sentAt >= 10'000 && q.sentAt < 10'060)
                return apiError(QStringLiteral("RequestLimitExceeded"), QStringLiteral("too fast"));
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (int i = 0; i < 400; ++i)
            sim.tasks.add(taskId(i), {});
        std::vector<std::pair<qint64, QString>> limited; // when, which task
        connect(&sim.sched, &PollScheduler::rateLimited, this, [&](const QString& code) {
            QCOMPARE(code, QStringLiteral("RequestLimitExceeded"));
            for (const auto& q : sim.backend.queries) {
                if (q.sentAt >= 10'000 && q.sentAt < 10'060 && !sim.backend.pending.count(q.ticket)) {
                    bool known = false;
                    for (const auto& l : limited)
                        known = known || l.second == q.id;
                    if (!known)
                        limited.emplace_back(sim.now, q.id);
                }
            }
        });
        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        sim.runUntil(40'000);
        QVERIFY(!sim.spun);

        QVERIFY(limited.size() >= 2);
        const qint64 t = limited.front().first;
        const std::vector<qint64> sends = sim.backend.sendTimes();
        QVERIFY(maxInAnyWindow(sends, 1000) <= 40);
        // A single burst of refusals: -10 % for 10 s (36 per 1040 ms; the first second still holds the fast
        // requests), lowered once only and not halved.
        const std::vector<qint64> slow = windowOf(sends, t + 1100, t + 10'000);
        QVERIFY2(maxInAnyWindow(slow, 1000) <= 36, qPrintable(QString::number(maxInAnyWindow(slow, 1000))));
        QVERIFY2(maxInAnyWindow(slow, 1040) <= 36, qPrintable(QString::number(maxInAnyWindow(slow, 1040))));
        QVERIFY2(slow.size() >= 8 * 34, qPrintable(QString::number(slow.size())));
        // Then the full rate again.
        const int after = countIn(sends, t + 11'100, t + 21'100);
        QVERIFY2(after >= 38 * 10, qPrintable(QString::number(after)));

        // The refused tasks are no error on their rows and are polled again promptly.
        for (const auto& [refusedAt, id] : limited) {
            const auto when = refusedAt; // a lambda cannot capture a structured binding before Clang 16
            const TaskState* s = sim.tasks.task(id);
            QVERIFY(s->errorCode.isEmpty());
            QCOMPARE(s->consecutiveFailures, 0);
            QCOMPARE(s->phase, TaskPhase::Polling);
            const auto polls = sim.backend.queriesOf(id);
            auto next =
                std::find_if(polls.begin(), polls.end(), [&](const auto& q) { return q.sentAt >= when; });
            QVERIFY(next != polls.end());
            QVERIFY2(next->sentAt - when <= 1000, qPrintable(QString::number(next->sentAt - when)));
            for (const PollOutcome& o : outcomesOf(polled)) // a refusal is no outcome of a task
                QVERIFY(o.errorCode.isEmpty());
        }
    }

    void rateLimitUnderSlowRateHalvesAgain() {
        Sim sim({}, 10);
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(100); };
        // One or two refusals at 5 s (-10 %: 36 per 1040 ms), and one or two more for requests sent at the
        // lowered rate at 7 s: the first of those repeats within the slow-down and halves the rate (18), a
        // second says nothing new.
        sim.backend.responder = [](const FakeBackend::Query& q) {
            if ((q.sentAt >= 5000 && q.sentAt < 5030) || (q.sentAt >= 7000 && q.sentAt < 7060))
                return apiError(QStringLiteral("RequestLimitExceeded.UinLimitExceeded"));
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (int i = 0; i < 400; ++i)
            sim.tasks.add(taskId(i), {});
        QSignalSpy limited(&sim.sched, &PollScheduler::rateLimited);
        sim.runUntil(30'000);
        QVERIFY(limited.size() >= 2);
        const std::vector<qint64> sends = sim.backend.sendTimes();
        const std::vector<qint64> lowered = windowOf(sends, 6200, 7000); // 36 per 1040 ms
        QVERIFY2(maxInAnyWindow(lowered, 1000) <= 36,
                 qPrintable(QString::number(maxInAnyWindow(lowered, 1000))));
        QVERIFY(lowered.size() >= 26);
        const std::vector<qint64> slower = windowOf(sends, 8200, 15'000); // 18 per 1040 ms
        QVERIFY2(maxInAnyWindow(slower, 1000) <= 18,
                 qPrintable(QString::number(maxInAnyWindow(slower, 1000))));
        QVERIFY(slower.size() >= 6 * 16);
        QVERIFY(countIn(sends, 19'000, 29'000) >= 38 * 10); // recovered to the full rate
        QVERIFY(!sim.spun);
    }

    // Two schedulers (two processes) on one in-memory ledger and one fake clock, both with a backlog:
    // together within 40 per 1040 ms and >= 38/s, each about half; when one stops without a goodbye (killed),
    // the other has the whole budget within 2 s.
    void twoSchedulersShareOneLedger() {
        auto ledger = std::make_shared<MemoryLedgerStore>();
        Sim a({}, 1), b({}, 2);
        QRandomGenerator jitter(3);
        for (Sim* s : {&a, &b}) {
            s->sched.setBudget(std::make_shared<SharedBudget>(ledger));
            QVERIFY(s->sched.budget()->isShared());
            s->backend.delay = [](const FakeBackend::Query&) { return qint64(60); };
            s->backend.responder = [](const FakeBackend::Query&) {
                return ok(QString::fromLatin1(TaskStatus::Running));
            };
            for (int i = 0; i < 400; ++i)
                s->tasks.add(taskId(i), {});
        }
        qint64 now = 0;
        const auto runTogether = [&](qint64 until, std::vector<Sim*> sims) {
            while (now < until) {
                qint64 next = until;
                for (Sim* s : sims) {
                    s->now = now;
                    s->backend.deliverDue(now);
                    s->sched.pump();
                    if (const qint64 ms = s->sched.msUntilNextPoll(); ms >= 0)
                        next = std::min(next, now + ms + qint64(jitter.bounded(3)));
                    if (const auto answerAt = s->backend.nextAnswerAt())
                        next = std::min(next, *answerAt);
                }
                now = std::max(next, now + 1);
            }
        };
        runTogether(20'000, {&a, &b});
        const std::vector<qint64> sa = a.backend.sendTimes(), sb = b.backend.sendTimes();
        std::vector<qint64> all = sa;
        all.insert(all.end(), sb.begin(), sb.end());
        std::sort(all.begin(), all.end());
        QVERIFY2(maxInAnyWindow(all, 1040) <= 40, qPrintable(QString::number(maxInAnyWindow(all, 1040))));
        const int together = countIn(all, 1000, 20'000);
        QVERIFY2(together >= 38 * 19, qPrintable(QString::number(together)));
        QVERIFY2(countIn(sa, 1000, 20'000) >= together * 45 / 100,
                 qPrintable(QString::number(countIn(sa, 1000, 20'000))));
        QVERIFY2(countIn(sb, 1000, 20'000) >= together * 45 / 100,
                 qPrintable(QString::number(countIn(sb, 1000, 20'000))));

        runTogether(30'000, {&a}); // b is gone
        const std::vector<qint64> alone = a.backend.sendTimes();
        QVERIFY2(countIn(alone, 22'000, 30'000) >= 38 * 8,
                 qPrintable(QString::number(countIn(alone, 22'000, 30'000))));
        QVERIFY(!a.spun && !b.spun);
    }

    void authFailureStopsEverything() {
        Sim sim;
        bool broken = true;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(300); };
        sim.backend.responder = [&](const FakeBackend::Query& q) {
            if (broken && q.sentAt >= 3000)
                return apiError(QStringLiteral("AuthFailure.SecretIdNotFound"),
                                QStringLiteral("no such key"));
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (int i = 0; i < 50; ++i)
            sim.tasks.add(taskId(i), {});
        std::size_t queriesAtFailure = 0;
        qsizetype pendingAtFailure = 0;
        connect(&sim.tasks, &TaskTable::heldByAuth, this, [&] {
            queriesAtFailure = sim.backend.queries.size();
            pendingAtFailure = qsizetype(sim.backend.pending.size());
        });
        QSignalSpy held(&sim.tasks, &TaskTable::heldByAuth);
        QSignalSpy rejected(&sim.sched, &PollScheduler::credentialsRejected);
        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        sim.runUntil(60'000);
        QVERIFY(!sim.spun);

        QCOMPARE(held.size(), 1);
        QCOMPARE(held.at(0).at(0).toString(), QStringLiteral("AuthFailure.SecretIdNotFound"));
        QCOMPARE(held.at(0).at(1).toString(), QStringLiteral("no such key"));
        // The scheduler tells every rejected answer (those in flight too), each reported as Rejected.
        int rejectedOutcomes = 0;
        for (const PollOutcome& o : outcomesOf(polled))
            rejectedOutcomes += o.kind == PollOutcome::Kind::Rejected ? 1 : 0;
        QVERIFY(rejected.size() >= 1);
        QCOMPARE(rejected.size(), rejectedOutcomes);
        for (const QList<QVariant>& args : std::as_const(rejected)) {
            QCOMPARE(args.at(0).toString(), QStringLiteral("AuthFailure.SecretIdNotFound"));
            QCOMPARE(args.at(1).toString(), QStringLiteral("no such key"));
        }
        QVERIFY(pendingAtFailure > 0);                          // requests were in flight ...
        QVERIFY(sim.backend.pending.empty());                   // ... and completed
        QCOMPARE(sim.backend.queries.size(), queriesAtFailure); // but nothing was sent after the failure
        QVERIFY(sim.tasks.isHeld());
        QCOMPARE(sim.sched.msUntilNextPoll(), -1);
        int withError = 0;
        for (int i = 0; i < 50; ++i) {
            const TaskState* s = sim.tasks.task(taskId(i));
            QCOMPARE(s->phase, TaskPhase::Held);
            withError += s->errorCode == QLatin1String("AuthFailure.SecretIdNotFound") ? 1 : 0;
        }
        QVERIFY(withError >= 1);
        // A task added while held is held too.
        sim.tasks.add(QStringLiteral("late"), {});
        QCOMPARE(sim.tasks.task(QStringLiteral("late"))->phase, TaskPhase::Held);
        sim.runUntil(70'000);
        QCOMPARE(sim.backend.queries.size(), queriesAtFailure);

        // New credentials: polling restarts.
        broken = false;
        sim.tasks.resume();
        QVERIFY(!sim.tasks.isHeld());
        sim.runUntil(80'000);
        QVERIFY(sim.backend.queries.size() >= queriesAtFailure + 51);
        for (int i = 0; i < 50; ++i) {
            const TaskState* s = sim.tasks.task(taskId(i));
            QCOMPARE(s->phase, TaskPhase::Polling);
            QVERIFY(s->errorCode.isEmpty());
        }
        QCOMPARE(sim.tasks.task(QStringLiteral("late"))->phase, TaskPhase::Polling);
        QCOMPARE(held.size(), 1);
        QVERIFY(!sim.spun);
    }

    void signatureExpireCorrectsClock_data() {
        QTest::addColumn<qint64>("skew");
        QTest::newRow("server 1 h ahead") << qint64(3600);
        QTest::newRow("server 1 h behind") << qint64(-3600);
    }

    void signatureExpireCorrectsClock() {
        QFETCH(qint64, skew);
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(100); };
        sim.backend.responder = [&](const FakeBackend::Query& q) {
            if (std::abs(q.offset - skew) > 300) {
                QueryResult r =
                    apiError(QStringLiteral("AuthFailure.SignatureExpire"), QStringLiteral("expired"));
                r.serverDate = QDateTime::currentDateTimeUtc().addSecs(skew);
                return r;
            }
            return ok(QString::fromLatin1(TaskStatus::Success));
        };
        QSignalSpy corrected(&sim.sched, &PollScheduler::clockCorrected);
        QSignalSpy rejected(&sim.sched, &PollScheduler::credentialsRejected);
        for (int i = 0; i < 5; ++i)
            sim.tasks.add(taskId(i), {});
        sim.runUntil(10'000);
        QCOMPARE(corrected.size(), 1);
        const qint64 offset = corrected.at(0).at(0).toLongLong();
        QVERIFY2(std::abs(offset - skew) <= 2, qPrintable(QString::number(offset)));
        QCOMPARE(sim.backend.clockOffset(), offset);
        QCOMPARE(rejected.size(), 0);
        for (int i = 0; i < 5; ++i) {
            const TaskState* s = sim.tasks.task(taskId(i));
            QCOMPARE(s->phase, TaskPhase::Finished);
            QCOMPARE(s->status, std::optional<QString>(QString::fromLatin1(TaskStatus::Success)));
            QVERIFY(s->errorCode.isEmpty());
        }
        QVERIFY(!sim.spun);
    }

    // The server's clock moves after the first correction (NTP, a resumed laptop...): each move is measured
    // and corrected again from the Date of the SignatureExpire answer, and polling goes on.
    void signatureExpireCorrectsAgainWhenTheServerClockMoves() {
        Sim sim;
        qint64 skew = 3600;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(100); };
        sim.backend.responder = [&](const FakeBackend::Query& q) {
            if (std::abs(q.offset - skew) > 300) {
                QueryResult r =
                    apiError(QStringLiteral("AuthFailure.SignatureExpire"), QStringLiteral("expired"));
                r.serverDate = QDateTime::currentDateTimeUtc().addSecs(skew);
                return r;
            }
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        QSignalSpy corrected(&sim.sched, &PollScheduler::clockCorrected);
        QSignalSpy rejected(&sim.sched, &PollScheduler::credentialsRejected);
        for (int i = 0; i < 5; ++i)
            sim.tasks.add(taskId(i), {});
        qint64 until = 0;
        int expected = 0;
        for (const qint64 next : {qint64(3600), qint64(-3600), qint64(0), qint64(7200)}) {
            skew = next;
            until += 20'000;
            sim.runUntil(until);
            ++expected;
            QCOMPARE(corrected.size(), expected);
            QVERIFY(std::abs(corrected.last().at(0).toLongLong() - skew) <= 2);
            QVERIFY(std::abs(sim.backend.clockOffset() - skew) <= 2);
            QCOMPARE(rejected.size(), 0);
            for (int i = 0; i < 5; ++i) {
                QCOMPARE(sim.tasks.task(taskId(i))->phase, TaskPhase::Polling);
                QVERIFY(sim.tasks.task(taskId(i))->errorCode.isEmpty());
            }
        }
        QVERIFY(!sim.spun);
    }

    // A server whose Date keeps jumping without ever accepting a signature cannot be followed for ever.
    void signatureExpireWithAJumpingDateGivesUp() {
        Sim sim;
        int n = 0;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(100); };
        sim.backend.responder = [&](const FakeBackend::Query&) {
            QueryResult r =
                apiError(QStringLiteral("AuthFailure.SignatureExpire"), QStringLiteral("expired"));
            r.serverDate = QDateTime::currentDateTimeUtc().addSecs(++n % 2 ? 1000 : -1000);
            return r;
        };
        QSignalSpy corrected(&sim.sched, &PollScheduler::clockCorrected);
        QSignalSpy rejected(&sim.sched, &PollScheduler::credentialsRejected);
        sim.tasks.add(taskId(1), {});
        sim.runUntil(30'000);
        QCOMPARE(corrected.size(), 3);
        QCOMPARE(rejected.size(), 1);
        QVERIFY(sim.tasks.isHeld());
        QCOMPARE(sim.tasks.task(taskId(1))->phase, TaskPhase::Held);
        QCOMPARE(sim.sched.msUntilNextPoll(), -1);
        QVERIFY(!sim.spun);
    }

    // A wrong endpoint stops each task at its answer (no retries); endpointFailed once per transition.
    void endpointFailureStopsTasksAndSignalsOncePerTransition() {
        Sim sim;
        int status = 404;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(50); };
        sim.backend.responder = [&](const FakeBackend::Query&) {
            if (status == 0)
                return ok(QString::fromLatin1(TaskStatus::Success));
            QueryResult r = transportError(ErrorCatalog::httpStatusCode(status), status);
            r.errorMessage = ErrorCatalog::httpStatusMessage(status);
            return r;
        };
        QSignalSpy failed(&sim.sched, &PollScheduler::endpointFailed);
        QSignalSpy recovered(&sim.sched, &PollScheduler::endpointRecovered);
        for (int i = 0; i < 4; ++i)
            sim.tasks.add(taskId(i), {});
        sim.runUntil(30'000);
        QCOMPARE(int(sim.backend.queries.size()), 4);
        QCOMPARE(sim.sched.activeCount(), 0); // every task stopped
        QCOMPARE(sim.sched.finishedCount(), 4);
        QCOMPARE(sim.sched.msUntilNextPoll(), -1);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toInt(), 404);
        QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("404")));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(sim.tasks.task(taskId(i))->phase, TaskPhase::Stopped);

        status = 407; // another status: told again
        sim.tasks.retry(taskId(0));
        sim.runUntil(31'000);
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(1).at(0).toInt(), 407);

        status = 0; // fixed
        for (int i = 0; i < 4; ++i)
            sim.tasks.retry(taskId(i));
        sim.runUntil(40'000);
        QCOMPARE(recovered.size(), 1);
        QCOMPARE(failed.size(), 2);
        QCOMPARE(sim.sched.activeCount(), 0);

        status = 301; // broken again
        sim.tasks.add(taskId(9), {});
        sim.runUntil(41'000);
        QCOMPARE(failed.size(), 3);
        QCOMPARE(failed.at(2).at(0).toInt(), 301);
        QVERIFY(!sim.spun);
    }

    // 429 and 5xx are transient: retried with backoff, never stopped, no endpoint failure.
    void serverHttpErrorsAreRetried() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(50); };
        sim.backend.responder = [&](const FakeBackend::Query& q) {
            if (q.index < 3)
                return transportError(ErrorCatalog::httpStatusCode(q.index == 0 ? 429 : 503), 503);
            return ok(QString::fromLatin1(TaskStatus::Success));
        };
        QSignalSpy failed(&sim.sched, &PollScheduler::endpointFailed);
        sim.tasks.add(taskId(1), {});
        sim.runUntil(60'000);
        QCOMPARE(int(sim.backend.queries.size()), 4);
        QCOMPARE(sim.tasks.task(taskId(1))->phase, TaskPhase::Finished);
        QCOMPARE(failed.size(), 0);
    }

    void signatureExpireWithoutDateOrStillFailingStops_data() {
        QTest::addColumn<bool>("withDate");
        QTest::newRow("no Date header") << false;
        QTest::newRow("correction does not help") << true;
    }

    void signatureExpireWithoutDateOrStillFailingStops() {
        QFETCH(bool, withDate);
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(100); };
        sim.backend.responder = [&](const FakeBackend::Query&) {
            QueryResult r =
                apiError(QStringLiteral("AuthFailure.SignatureExpire"), QStringLiteral("expired"));
            if (withDate)
                r.serverDate = QDateTime::currentDateTimeUtc().addSecs(1000);
            return r;
        };
        QSignalSpy corrected(&sim.sched, &PollScheduler::clockCorrected);
        QSignalSpy rejected(&sim.sched, &PollScheduler::credentialsRejected);
        QSignalSpy held(&sim.tasks, &TaskTable::heldByAuth);
        for (int i = 0; i < 3; ++i)
            sim.tasks.add(taskId(i), {});
        sim.runUntil(30'000);
        QCOMPARE(corrected.size(), withDate ? 1 : 0);
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.at(0).at(0).toString(), QStringLiteral("AuthFailure.SignatureExpire"));
        QVERIFY(rejected.size() >= 1);
        for (const QList<QVariant>& args : std::as_const(rejected))
            QCOMPARE(args.at(0).toString(), QStringLiteral("AuthFailure.SignatureExpire"));
        QVERIFY(sim.tasks.isHeld());
        QCOMPARE(sim.sched.msUntilNextPoll(), -1);
        QVERIFY(sim.backend.queries.size() <= 7);
        QVERIFY(!sim.spun);
    }

    void permanentErrorStopsTask() {
        Sim sim;
        const QString x = QStringLiteral("x"), y = QStringLiteral("y");
        bool exists = false;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(40); };
        sim.backend.responder = [&](const FakeBackend::Query& q) {
            if (q.id == x && !exists)
                return apiError(QStringLiteral("InvalidParameter.InvalidAsyncRequestId"),
                                QStringLiteral("no task"));
            return ok(QString::fromLatin1(q.id == x ? TaskStatus::Success : TaskStatus::Running));
        };
        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        sim.tasks.add(x, {});
        sim.tasks.add(y, {});
        sim.runUntil(60'000);
        QCOMPARE(int(sim.backend.queriesOf(x).size()), 1);
        QVERIFY(sim.backend.queriesOf(y).size() >= 11);
        const TaskState* s = sim.tasks.task(x);
        QCOMPARE(s->phase, TaskPhase::Stopped);
        QCOMPARE(s->errorCode, QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
        QCOMPARE(s->errorMessage, QStringLiteral("no task"));
        QList<PollOutcome> ends = outcomesOf(polled, true);
        QCOMPARE(ends.size(), 1);
        QCOMPARE(ends.at(0).taskId, x);
        QCOMPARE(int(ends.at(0).kind), int(PollOutcome::Kind::Stopped));
        QCOMPARE(sim.sched.finishedCount(), 1);
        QCOMPARE(sim.sched.activeCount(), 1);

        exists = true;
        sim.tasks.retry(x);
        QCOMPARE(sim.tasks.task(x)->phase, TaskPhase::Polling);
        sim.runUntil(61'000);
        QCOMPARE(int(sim.backend.queriesOf(x).size()), 2);
        s = sim.tasks.task(x);
        QCOMPARE(s->phase, TaskPhase::Finished);
        QVERIFY(s->errorCode.isEmpty());
        ends = outcomesOf(polled, true);
        QCOMPARE(ends.size(), 2);
        QCOMPARE(int(ends.at(1).kind), int(PollOutcome::Kind::Finished));
        QVERIFY(!sim.spun);
    }

    void unknownStatusPolledSlower() {
        Sim sim(fixedInterval());
        const QString u = QStringLiteral("u"), k = QStringLiteral("k");
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        sim.backend.responder = [&](const FakeBackend::Query& q) {
            return ok(q.id == u ? QStringLiteral("SOMETHING_NEW") : QString::fromLatin1(TaskStatus::Running));
        };
        sim.tasks.add(u, {});
        sim.tasks.add(k, {});
        sim.runUntil(121'000);
        const auto pu = sim.backend.queriesOf(u);
        const auto pk = sim.backend.queriesOf(k);
        QCOMPARE(int(pu.size()), 7); // every 20 s
        QVERIFY(pk.size() >= 24);    // every 5 s
        for (std::size_t i = 1; i < pu.size(); ++i)
            QVERIFY(pu[i].sentAt - pu[i - 1].sentAt >= 20'000);
        QCOMPARE(sim.tasks.task(u)->status, std::optional<QString>(QStringLiteral("SOMETHING_NEW")));
        QCOMPARE(sim.tasks.task(u)->phase, TaskPhase::Polling);
    }

    // A quiet task is polled every max(min interval, 10 % of its quiet time), at most every maxIntervalMs;
    // a change brings it back to the minimum at once.
    void adaptiveIntervalGrowsAndResets() {
        Sim sim; // 5 s minimum, 15 s cap
        constexpr qint64 kChangeAt = 600'000;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        sim.backend.responder = [](const FakeBackend::Query& q) {
            return ok(QString::fromLatin1(TaskStatus::Running),
                      q.sentAt < kChangeAt ? QStringLiteral("step 1") : QStringLiteral("step 2"));
        };
        sim.tasks.add(QStringLiteral("t"), {});
        sim.runUntil(1'200'000);
        const auto polls = sim.backend.queriesOf(QStringLiteral("t"));
        qint64 quietSince = 10; // the first result (a change) came at 10 ms
        bool sawCap = false, sawGrowth = false, sawReset = false;
        for (std::size_t k = 1; k < polls.size(); ++k) {
            const qint64 gap = polls[k].sentAt - polls[k - 1].sentAt;
            const qint64 resultAt = polls[k - 1].sentAt + 10;
            if (polls[k - 1].sentAt >= kChangeAt && quietSince < kChangeAt) {
                quietSince = resultAt; // the change was seen with this result
                sawReset = true;
                QCOMPARE(gap, qint64(5000));
            }
            const qint64 expected = std::clamp<qint64>((resultAt - quietSince) / 10, 5000, 15000);
            QVERIFY2(
                gap == expected,
                qPrintable(QStringLiteral("poll %1: gap %2, expected %3").arg(k).arg(gap).arg(expected)));
            sawCap = sawCap || gap == 15000;
            sawGrowth = sawGrowth || (gap > 5000 && gap < 15000);
        }
        QVERIFY(sawCap);
        QVERIFY(sawGrowth);
        QVERIFY(sawReset);
        // A fixed 5 s interval would have sent 240 in 20 minutes.
        QVERIFY2(polls.size() < 120, qPrintable(QString::number(polls.size())));
        QVERIFY(!sim.spun);
    }

    // The first gap after a change is the minimum again, and the change time is recorded.
    void adaptiveIntervalLastChangedAt() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        sim.backend.responder = [](const FakeBackend::Query& q) {
            return ok(QString::fromLatin1(TaskStatus::Running),
                      q.sentAt < 300'000 ? QStringLiteral("a") : QStringLiteral("b"));
        };
        sim.tasks.add(QStringLiteral("t"), {});
        sim.runUntil(100);
        const QDateTime first = sim.tasks.task(QStringLiteral("t"))->lastChangedAt;
        QVERIFY(first.isValid());
        sim.runUntil(299'000);
        QCOMPARE(sim.tasks.task(QStringLiteral("t"))->lastChangedAt, first); // same answers: no change
        sim.runUntil(330'000);
        QVERIFY(sim.tasks.task(QStringLiteral("t"))->lastChangedAt >= first);
        const auto polls = sim.backend.queriesOf(QStringLiteral("t"));
        std::size_t seen = 0;
        while (polls[seen].sentAt < 300'000)
            ++seen;
        QVERIFY(seen + 1 < polls.size());
        QCOMPARE(polls[seen + 1].sentAt - polls[seen].sentAt, qint64(5000));
    }

    // Selecting a task (touch) or Refresh brings a slowed-down task back to the minimum interval.
    void adaptiveIntervalTouchAndRefresh() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        const QString t = QStringLiteral("t"), u = QStringLiteral("u");
        sim.tasks.add(t, {});
        sim.tasks.add(u, {});
        sim.runUntil(600'000);
        auto lastGap = [&](const QString& id) {
            const auto polls = sim.backend.queriesOf(id);
            return polls[polls.size() - 1].sentAt - polls[polls.size() - 2].sentAt;
        };
        QCOMPARE(lastGap(t), qint64(15000));
        QCOMPARE(lastGap(u), qint64(15000));
        const std::size_t before = sim.backend.queriesOf(t).size();
        while (sim.backend.queriesOf(t).size() == before)
            sim.runUntil(sim.now + 100); // up to t's next send
        const qint64 lastSent = sim.backend.queriesOf(t).back().sentAt;
        sim.runUntil(lastSent + 2000);
        QVERIFY(sim.sched.msUntilNextPoll() > 3000);
        sim.sched.touch(t); // due 5 s after its last send instead of 15 s
        QCOMPARE(sim.sched.msUntilNextPoll(), 3000);
        sim.runUntil(lastSent + 5000);
        QCOMPARE(sim.backend.queriesOf(t).back().sentAt, lastSent + 5000);
        sim.runUntil(lastSent + 30'000);
        auto polls = sim.backend.queriesOf(t);
        for (std::size_t k = polls.size() - 5; k < polls.size(); ++k)
            QCOMPARE(polls[k].sentAt - polls[k - 1].sentAt, qint64(5000));
        QCOMPARE(lastGap(u), qint64(15000)); // the other task was not touched

        const qint64 refreshAt = sim.now;
        sim.sched.refreshNow({u});
        sim.runUntil(refreshAt + 20'010);
        polls = sim.backend.queriesOf(u);
        std::size_t k = 0;
        while (polls[k].sentAt < refreshAt)
            ++k;
        QVERIFY(polls[k].sentAt - refreshAt < 100); // at once (the pacing spreads sends by 25 ms)
        QCOMPARE(polls[k + 1].sentAt - polls[k].sentAt, qint64(5000));
        QCOMPARE(polls[k + 2].sentAt - polls[k + 1].sentAt, qint64(5000));
        sim.sched.touch(QStringLiteral("nope")); // unknown ids are ignored
    }

    // maxIntervalMs <= minIntervalMs: a fixed interval; the cap applies to unknown statuses' longer base too.
    void adaptiveIntervalOffAndUnknownStatus() {
        Sim sim(fixedInterval());
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        sim.backend.responder = [](const FakeBackend::Query& q) {
            return ok(q.id == QLatin1String("u") ? QStringLiteral("SOMETHING_NEW")
                                                 : QString::fromLatin1(TaskStatus::Running));
        };
        sim.tasks.add(QStringLiteral("k"), {});
        sim.runUntil(600'000);
        const auto polls = sim.backend.queriesOf(QStringLiteral("k"));
        QCOMPARE(int(polls.size()), 121);
        for (std::size_t k = 1; k < polls.size(); ++k)
            QCOMPARE(polls[k].sentAt - polls[k - 1].sentAt, qint64(5000));

        Sim adaptive;
        adaptive.backend.delay = sim.backend.delay;
        adaptive.backend.responder = sim.backend.responder;
        adaptive.tasks.add(QStringLiteral("u"), {});
        adaptive.runUntil(1'200'000);
        const auto pu = adaptive.backend.queriesOf(QStringLiteral("u"));
        for (std::size_t k = 1; k < pu.size(); ++k)
            QVERIFY(pu[k].sentAt - pu[k - 1].sentAt == 20000); // 4 x 5 s, above the 15 s cap: stays 20 s
    }

    // The cap changed while running (the GUI's setting): a lower cap applies at once to a task waiting for a
    // longer interval; a higher one from its next result.
    void adaptiveIntervalCapChanged() {
        PollOptions options;
        options.maxIntervalMs = 60'000;
        Sim sim(options);
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        const QString t = QStringLiteral("t");
        sim.tasks.add(t, {});
        sim.runUntil(1'800'000);
        auto polls = sim.backend.queriesOf(t);
        QCOMPARE(polls.back().sentAt - polls[polls.size() - 2].sentAt, qint64(60'000));
        const qint64 lastSent = polls.back().sentAt;
        sim.runUntil(lastSent + 20'000); // waiting for lastSent + 60 s
        sim.sched.setMaxIntervalMs(15'000);
        QCOMPARE(sim.sched.options().maxIntervalMs, 15'000);
        QCOMPARE(sim.sched.msUntilNextPoll(), 0); // overdue under the new cap: at once
        sim.runUntil(lastSent + 20'000 + 60'000);
        polls = sim.backend.queriesOf(t);
        std::size_t k = 0;
        while (polls[k].sentAt <= lastSent)
            ++k;
        QCOMPARE(polls[k].sentAt, lastSent + 20'000);
        for (std::size_t i = k + 1; i < polls.size(); ++i)
            QCOMPARE(polls[i].sentAt - polls[i - 1].sentAt, qint64(15'000));

        sim.runUntil(sim.now + 5000);       // between two polls
        sim.sched.setMaxIntervalMs(30'000); // higher: the waiting task keeps its due time, then 30 s
        const qint64 raisedAt = sim.now;
        sim.runUntil(raisedAt + 100'000);
        polls = sim.backend.queriesOf(t);
        while (polls[k].sentAt <= raisedAt)
            ++k;
        QCOMPARE(polls[k].sentAt - polls[k - 1].sentAt, qint64(15'000));
        for (std::size_t i = k + 1; i < polls.size(); ++i)
            QCOMPARE(polls[i].sentAt - polls[i - 1].sentAt, qint64(30'000));
        QVERIFY(!sim.spun);
    }

    // A restored task keeps its quiet time (lastChangedAt): polled at once, then at the longer interval.
    void adaptiveIntervalRestored() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        TaskState state;
        state.id = QStringLiteral("r");
        state.status = QString::fromLatin1(TaskStatus::Running);
        state.info = QStringLiteral("info");
        state.lastCheckedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        state.lastChangedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        state.phase = TaskPhase::Polling;
        QVERIFY(sim.tasks.restore(state));
        sim.runUntil(40'000);
        const auto polls = sim.backend.queriesOf(QStringLiteral("r"));
        QCOMPARE(int(polls.size()), 3);
        QCOMPARE(polls[0].sentAt, qint64(0));
        QCOMPARE(polls[1].sentAt, qint64(15000));
    }

    void nullStatusIsNormal() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            QueryResult r = ok({});
            r.status.reset();
            r.info.reset();
            return r;
        };
        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        sim.tasks.add(QStringLiteral("n"), {});
        sim.runUntil(30'500);
        QCOMPARE(int(sim.backend.queries.size()), 7);
        const QList<PollOutcome> outcomes = outcomesOf(polled);
        QCOMPARE(outcomes.size(), 7);
        QVERIFY(outcomes.at(0).observedChange);  // the first result is always a change
        QVERIFY(!outcomes.at(1).observedChange); // the same again is not
        QCOMPARE(int(outcomes.at(0).kind), int(PollOutcome::Kind::Answered));
        QVERIFY(!outcomes.at(0).status.has_value());
        const TaskState* n = sim.tasks.task(QStringLiteral("n"));
        QCOMPARE(n->phase, TaskPhase::Polling);
        QVERIFY(!n->status.has_value());
    }

    void observedChange() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(10); };
        const QList<QueryResult> script = {ok(QStringLiteral("RUNNING"), QStringLiteral("a")),
                                           ok(QStringLiteral("RUNNING"), QStringLiteral("a")),
                                           ok(QStringLiteral("RUNNING"), QStringLiteral("b")),
                                           apiError(QStringLiteral("InternalError")),
                                           apiError(QStringLiteral("InternalError")),
                                           ok(QStringLiteral("RUNNING"), QStringLiteral("b")),
                                           ok(QStringLiteral("SUCCESS"), QStringLiteral("b"))};
        sim.backend.responder = [&](const FakeBackend::Query& q) { return script.at(q.index); };
        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        sim.tasks.add(QStringLiteral("t"), {});
        sim.runUntil(100'000);
        const QList<PollOutcome> outcomes = outcomesOf(polled);
        QCOMPARE(outcomes.size(), 7);
        const QList<bool> expected = {true, false, true, true, false, true, true};
        for (int i = 0; i < 7; ++i)
            QCOMPARE(outcomes.at(i).observedChange, expected.at(i));
    }

    void pauseAndResume() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(200); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (int i = 0; i < 10; ++i)
            sim.tasks.add(taskId(i), {});
        sim.runUntil(5100);
        QVERIFY(!sim.backend.pending.empty());
        sim.tasks.setPaused(true);
        QVERIFY(sim.tasks.isPaused());
        const std::size_t before = sim.backend.queries.size();
        sim.runUntil(30'000);
        QCOMPARE(sim.backend.queries.size(), before);
        QVERIFY(sim.backend.pending.empty()); // what was in flight completed
        QCOMPARE(sim.sched.msUntilNextPoll(), -1);
        sim.tasks.setPaused(false);
        sim.runUntil(31'000);
        QCOMPARE(sim.backend.queries.size(), before + 10); // every task was due
        QVERIFY(!sim.spun);
    }

    void removeTaskWithRequestInFlight() {
        Sim sim; // no responder: the test answers
        const QString a = QStringLiteral("a"), b = QStringLiteral("b");
        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        sim.tasks.add(a, {});
        sim.tasks.add(b, {});
        sim.runUntil(0);
        QCOMPARE(int(sim.backend.queries.size()), 1);
        const quint64 oldTicket = sim.backend.queries[0].ticket;
        QCOMPARE(sim.backend.queries[0].id, a);
        QCOMPARE(sim.sched.inFlightCount(), 1);

        sim.tasks.remove(a);
        QVERIFY(!sim.sched.contains(a));
        QVERIFY(sim.sched.contains(b));
        QCOMPARE(sim.sched.taskIds(), QStringList{b});
        QCOMPARE(sim.sched.inFlightCount(), 1); // still out there
        QVERIFY(sim.tasks.add(a, {}));          // added again: a new task with the same id
        sim.runUntil(100);
        QCOMPARE(int(sim.backend.queries.size()), 3);
        QCOMPARE(sim.backend.queries[1].id, b);
        QCOMPARE(sim.backend.queries[2].id, a);

        // The answer to the removed task's request changes nothing.
        sim.backend.answer(oldTicket, ok(QString::fromLatin1(TaskStatus::Success)));
        QCOMPARE(polled.size(), 0); // no outcome at all, so none that ends a task
        QCOMPARE(sim.sched.finishedCount(), 0);
        QCOMPARE(sim.tasks.task(a)->phase, TaskPhase::Waiting);
        QCOMPARE(sim.sched.inFlightCount(), 2);
        // Unknown tickets are ignored.
        emit sim.backend.queryFinished(999'999, ok(QString::fromLatin1(TaskStatus::Success)));
        QCOMPARE(polled.size(), 0);

        sim.backend.answer(sim.backend.queries[2].ticket, ok(QString::fromLatin1(TaskStatus::Running)));
        QCOMPARE(polled.size(), 1);
        QCOMPARE(outcomesOf(polled).at(0).taskId, a);
        QCOMPARE(sim.tasks.task(a)->phase, TaskPhase::Polling);
        QCOMPARE(sim.sched.taskIds(), (QStringList{b, a}));
    }

    // The scheduler's counts follow each end (the owner decides when everything is done: TaskBoard::allDone):
    // when a Finished or Stopped outcome is told, it is counted already; the active count reaches 0 once per
    // transition, with nothing left to poll, and a new task makes it 1 again.
    void countsFollowEachEnd() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(20); };
        sim.backend.responder = [](const FakeBackend::Query& q) {
            if (q.id == QLatin1String("bad"))
                return apiError(QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
            return ok(QString::fromLatin1(q.index >= 1 ? TaskStatus::Success : TaskStatus::Running));
        };
        struct Counts {
            int active, finished;
        };
        std::vector<Counts> atEnds; // the counts when each end was told
        int drained = 0;            // ends that left no active task
        connect(&sim.sched, &PollScheduler::polled, this, [&](const PollOutcome& o) {
            if (!endsTask(o))
                return;
            atEnds.push_back({sim.sched.activeCount(), sim.sched.finishedCount()});
            drained += sim.sched.activeCount() == 0 ? 1 : 0;
        });
        for (const char* id : {"one", "two", "bad"})
            sim.tasks.add(QString::fromLatin1(id), {});
        QCOMPARE(sim.sched.activeCount(), 3);
        QCOMPARE(sim.sched.finishedCount(), 0);
        sim.runUntil(4000);
        QCOMPARE(int(atEnds.size()), 1); // "bad" stopped at its first answer
        QCOMPARE(atEnds[0].active, 2);
        QCOMPARE(atEnds[0].finished, 1);
        QCOMPARE(drained, 0);
        sim.runUntil(20'000);
        QCOMPARE(int(atEnds.size()), 3);
        QCOMPARE(atEnds[1].active, 1);
        QCOMPARE(atEnds[1].finished, 2);
        QCOMPARE(atEnds[2].active, 0);
        QCOMPARE(atEnds[2].finished, 3);
        QCOMPARE(drained, 1);
        QCOMPARE(sim.sched.activeCount(), 0);
        QCOMPARE(sim.sched.msUntilNextPoll(), -1);
        for (const char* id : {"one", "two"})
            QCOMPARE(sim.tasks.task(QString::fromLatin1(id))->phase, TaskPhase::Finished);
        QCOMPARE(sim.tasks.task(QStringLiteral("bad"))->phase, TaskPhase::Stopped);
        const std::size_t queries = sim.backend.queries.size();
        sim.runUntil(40'000);
        QCOMPARE(int(atEnds.size()), 3);
        QCOMPARE(sim.backend.queries.size(), queries);
        // A new task, then done again: one more transition.
        sim.tasks.add(QStringLiteral("three"), {});
        QCOMPARE(sim.sched.activeCount(), 1);
        QCOMPARE(sim.sched.finishedCount(), 3);
        sim.runUntil(60'000);
        QCOMPARE(int(atEnds.size()), 4);
        QCOMPARE(atEnds[3].active, 0);
        QCOMPARE(atEnds[3].finished, 4);
        QCOMPARE(drained, 2);
        QVERIFY(!sim.spun);
    }

    void clearAbandonsEverything() {
        Sim sim;
        for (int i = 0; i < 5; ++i)
            sim.tasks.add(taskId(i), {});
        sim.runUntil(200);
        QVERIFY(sim.sched.inFlightCount() > 0);
        sim.sched.clear();
        QCOMPARE(sim.backend.aborts, 1);
        QCOMPARE(sim.sched.inFlightCount(), 0);
        QVERIFY(sim.sched.taskIds().isEmpty());
        QCOMPARE(sim.sched.msUntilNextPoll(), -1);
        const std::size_t before = sim.backend.queries.size();
        sim.runUntil(10'000);
        QCOMPARE(sim.backend.queries.size(), before);
    }

    void restoreTasks() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(20); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        const QDateTime wall = QDateTime::currentDateTimeUtc();
        TaskState done;
        done.id = QStringLiteral("done");
        done.status = QString::fromLatin1(TaskStatus::Success);
        done.phase = TaskPhase::Finished;
        done.lastCheckedAt = wall.addSecs(-3600);
        TaskState terminalButPolling = done; // inconsistent store: the terminal status wins
        terminalButPolling.id = QStringLiteral("terminal");
        terminalButPolling.phase = TaskPhase::Polling;
        TaskState stopped;
        stopped.id = QStringLiteral("stopped");
        stopped.phase = TaskPhase::Stopped;
        stopped.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
        TaskState running;
        running.id = QStringLiteral("running");
        running.status = QString::fromLatin1(TaskStatus::Running);
        running.info = QStringLiteral("info");
        running.phase = TaskPhase::Held;
        running.lastCheckedAt = wall.addSecs(-60);
        TaskState fresh;
        fresh.id = QStringLiteral("fresh");

        QVERIFY(sim.tasks.restore(done));
        QVERIFY(sim.tasks.restore(terminalButPolling));
        QVERIFY(sim.tasks.restore(stopped));
        QVERIFY(sim.tasks.restore(running));
        QVERIFY(sim.tasks.restore(fresh));
        QVERIFY(!sim.tasks.restore(fresh));
        QCOMPARE(sim.sched.finishedCount(), 3);
        QCOMPARE(sim.sched.activeCount(), 2);
        QCOMPARE(sim.tasks.task(QStringLiteral("terminal"))->phase, TaskPhase::Finished);
        QCOMPARE(sim.tasks.task(QStringLiteral("running"))->phase, TaskPhase::Polling);
        QCOMPARE(sim.tasks.task(QStringLiteral("fresh"))->phase, TaskPhase::Waiting);

        QSignalSpy polled(&sim.sched, &PollScheduler::polled);
        sim.runUntil(60'000);
        QVERIFY(sim.backend.queriesOf(QStringLiteral("done")).empty());
        QVERIFY(sim.backend.queriesOf(QStringLiteral("terminal")).empty());
        QVERIFY(sim.backend.queriesOf(QStringLiteral("stopped")).empty());
        QCOMPARE(sim.backend.queries.at(0).id, QStringLiteral("fresh")); // never polled goes first
        QCOMPARE(sim.backend.queries.at(1).id, QStringLiteral("running"));
        // The stored status and Info come back unchanged: no observed change.
        int ofRunning = 0;
        for (const PollOutcome& o : outcomesOf(polled)) {
            if (o.taskId == QLatin1String("running")) {
                ++ofRunning;
                QVERIFY(!o.observedChange);
            }
        }
        QVERIFY(ofRunning >= 2);
        QCOMPARE(sim.tasks.task(QStringLiteral("running"))->phase, TaskPhase::Polling);
        QCOMPARE(sim.sched.finishedCount(), 3);
    }

    void refreshNowPollsPromptly() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(20); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        sim.tasks.add(QStringLiteral("a"), {});
        sim.tasks.add(QStringLiteral("b"), {});
        sim.runUntil(1000);
        QCOMPARE(int(sim.backend.queries.size()), 2);
        sim.sched.refreshNow({QStringLiteral("b")});
        sim.runUntil(1100);
        QCOMPARE(int(sim.backend.queries.size()), 3);
        QCOMPARE(sim.backend.queries.back().id, QStringLiteral("b"));
        sim.sched.refreshNow();
        sim.runUntil(1200);
        QCOMPARE(int(sim.backend.queries.size()), 5);
        QVERIFY(!sim.spun);
    }

    void inFlightCapped() {
        PollOptions options;
        options.maxInFlight = 4;
        Sim sim(options); // the test answers
        for (int i = 0; i < 20; ++i)
            sim.tasks.add(taskId(i), {});
        sim.runUntil(5000);
        QCOMPARE(int(sim.backend.queries.size()), 4);
        QCOMPARE(sim.sched.msUntilNextPoll(), -1); // waiting for an answer, not spinning
        QVERIFY(!sim.spun);
        sim.backend.answer(sim.backend.queries[0].ticket, ok(QString::fromLatin1(TaskStatus::Running)));
        sim.runUntil(6000);
        QCOMPARE(int(sim.backend.queries.size()), 5);
    }

    void setMaxRateLimitsRequests() {
        Sim sim;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(50); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (int i = 0; i < 200; ++i)
            sim.tasks.add(taskId(i), {});
        sim.sched.setMaxRate(10);
        QCOMPARE(sim.sched.options().maxRate, 10);
        sim.runUntil(20'000);
        const std::vector<qint64> sends = sim.backend.sendTimes();
        QVERIFY(maxInAnyWindow(sends, 1000) <= 10);
        QVERIFY(sends.size() >= 9 * 20);
        QVERIFY(sim.sched.currentRate() <= 10);
        QVERIFY(sim.sched.currentRate() >= 9);
    }

    void tenThousandTasks() {
        Sim sim;
        sim.wakeJitter = 1;
        sim.backend.delay = [](const FakeBackend::Query&) { return qint64(80); };
        sim.backend.responder = [](const FakeBackend::Query&) {
            return ok(QString::fromLatin1(TaskStatus::Running));
        };
        for (int i = 0; i < 10'000; ++i) {
            if (i % 10 == 0) {
                sim.tasks.add(taskId(i), {});
            } else {
                TaskState s;
                s.id = taskId(i);
                s.status = QString::fromLatin1(TaskStatus::Killed);
                s.phase = TaskPhase::Finished;
                sim.tasks.restore(s);
            }
        }
        QCOMPARE(sim.sched.finishedCount(), 9000);
        sim.runUntil(60'000);
        QVERIFY(!sim.spun);
        for (const auto& q : sim.backend.queries)
            QVERIFY(q.id.left(8).toInt(nullptr, 16) % 10 == 0);
        // 1000 active tasks: each polled once in the first 26 s, in the order added.
        const std::vector<qint64> sends = sim.backend.sendTimes();
        QVERIFY(sends.size() >= 38 * 59);
        QVERIFY(maxInAnyWindow(sends, 1000) <= 40);
        for (int k = 0; k < 1000; ++k)
            QCOMPARE(sim.backend.queries[std::size_t(k)].id, taskId(k * 10));
    }

    void realTimerAndClock() {
        PollOptions options;
        options.minIntervalMs = 50;
        FakeBackend backend(nullptr);
        backend.immediate = true;
        backend.responder = [](const FakeBackend::Query& q) {
            return ok(QString::fromLatin1(q.index >= 2 ? TaskStatus::Success : TaskStatus::Running));
        };
        PollScheduler sched(&backend, options);
        TaskTable tasks(&sched, &backend);
        for (int i = 0; i < 5; ++i)
            QVERIFY(tasks.add(taskId(i), QStringLiteral("ap-guangzhou")));
        QTRY_COMPARE_WITH_TIMEOUT(sched.finishedCount(), 5, 20000);
        QCOMPARE(sched.activeCount(), 0);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(tasks.task(taskId(i))->status,
                     std::optional<QString>(QString::fromLatin1(TaskStatus::Success)));
            QCOMPARE(tasks.task(taskId(i))->phase, TaskPhase::Finished);
        }
        QTest::qWait(200); // four minimum intervals: nothing more is sent
        QCOMPARE(int(backend.queries.size()), 15);
        QCOMPARE(sched.msUntilNextPoll(), -1);
    }
};

QTEST_GUILESS_MAIN(TestPollScheduler)
#include "tst_pollscheduler.moc"
