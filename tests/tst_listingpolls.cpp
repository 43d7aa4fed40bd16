// Listings drive polling, with a fake clock: a scripted server (FakeServer) answers DescribeTasks pages and
// DescribeAsyncRequestInfo 20 ms after each request, with the state at the time the request was sent; the
// real DiscoveryClient pages through the listings, ListingMatch decides, and the real PollScheduler polls by
// id. An Owner plays the board and the DiscoveryCoordinator: it lists the unfinished tasks every 2 s, applies
// the decisions (facts, covers, polls) and each poll's outcome (TaskLifecycle). The test advances the clock
// in 5 ms steps.
#include "discovery/Discovery.h"
#include "discovery/DiscoveryClient.h"
#include "discovery/ListingMatch.h"
#include "polling/PollScheduler.h"
#include "polling/TaskQueryBackend.h"
#include "task/PollOutcome.h"
#include "task/TaskLifecycle.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <functional>
#include <map>
#include <optional>

using namespace taskwatch;

namespace {

const QString kRegion = QStringLiteral("ap-guangzhou");
constexpr qint64 kAnswerMs = 20;
constexpr qint64 kStepMs = 5;

QString idOf(int n) {
    return QStringLiteral("%1-11111111-22222222-33333333").arg(0xa0000000u + unsigned(n), 8, 16);
}

int statusNumber(const QString& status) {
    static const QHash<QString, int> numbers{{"UNDEFINED", -1}, {"INITIAL", 0}, {"RUNNING", 1},
                                             {"SUCCESS", 2},    {"FAILED", 3},  {"KILLED", 4},
                                             {"REMOVED", 5},    {"PAUSED", 6}};
    return numbers.value(status, 100); // WAITING has no number
}

class FakeServer : public TaskQueryBackend {
    Q_OBJECT
public:
    struct Step {
        qint64 at = 0;
        QString status;
        int progress = 0;
    };
    struct Task {
        qint64 jobId = 0; // > 0: DescribeTasks lists it
        QList<Step> steps;
    };
    struct Request {
        quint64 ticket = 0;
        bool isCall = false;
        QString action;
        QString id; // DescribeAsyncRequestInfo
        QJsonObject body;
        qint64 sentAt = 0;
    };
    // A different answer for a request (a fault), or nullopt for the scripted one.
    std::function<std::optional<QueryResult>(const Request&, QueryResult& scripted)> alter;
    std::function<void(const Request&)> onSent;

    explicit FakeServer(const qint64* now)
        : m_now(now) {}

    void query(quint64 ticket, const QString& taskId, const QString&) override {
        Request r;
        r.ticket = ticket;
        r.id = taskId;
        r.action = QStringLiteral("DescribeAsyncRequestInfo");
        send(r);
        ++queries[taskId];
    }
    void call(quint64 ticket, const char* action, const QString&, const QByteArray& body) override {
        Request r;
        r.ticket = ticket;
        r.isCall = true;
        r.action = QString::fromLatin1(action);
        r.body = QJsonDocument::fromJson(body).object();
        send(r);
        ++calls[r.action];
    }
    void setClockOffset(qint64) override {}
    qint64 clockOffset() const override { return 0; }
    void abortAll() override { m_pending.clear(); }

    void deliverDue() {
        while (!m_pending.empty() && m_pending.begin()->first <= *m_now) {
            const Request r = m_pending.begin()->second;
            m_pending.erase(m_pending.begin());
            QueryResult result = r.isCall ? listing(r) : answer(r);
            if (alter) {
                if (const std::optional<QueryResult> other = alter(r, result))
                    result = *other;
            }
            if (r.isCall)
                emit callFinished(r.ticket, result);
            else
                emit queryFinished(r.ticket, result);
        }
    }

    Step stateAt(const QString& id, qint64 t) const {
        Step current;
        for (const Step& s : tasks.at(id).steps) {
            if (s.at <= t)
                current = s;
        }
        return current;
    }
    int totalQueries() const {
        int n = 0;
        for (const int q : queries)
            n += q;
        return n;
    }

    std::map<QString, Task> tasks;
    QHash<QString, int> queries;
    QHash<QString, int> calls;

private:
    void send(Request r) {
        r.sentAt = *m_now;
        if (onSent)
            onSent(r);
        m_pending.emplace(*m_now + kAnswerMs, r);
    }
    static QueryResult success() {
        QueryResult r;
        r.kind = ResultKind::Success;
        r.httpStatus = 200;
        r.requestId = QStringLiteral("req");
        return r;
    }
    QueryResult answer(const Request& r) const {
        QueryResult result = success();
        const Step s = stateAt(r.id, r.sentAt);
        // DescribeAsyncRequestInfo has no WAITING: a task not started yet is UNDEFINED there.
        result.status = s.status == QLatin1String("WAITING") ? QStringLiteral("UNDEFINED") : s.status;
        result.info = QStringLiteral("%1 at %2 %").arg(s.status).arg(s.progress);
        return result;
    }
    QueryResult listing(const Request& r) const {
        QueryResult result = success();
        if (r.action != QLatin1String(Discovery::kTasksAction)) {
            result.response = QJsonObject{{"TotalCount", 0}, {"Items", QJsonArray()}};
            return result;
        }
        QList<int> wanted;
        for (const QJsonValue& v : r.body.value(QStringLiteral("TaskStatus")).toArray())
            wanted.append(v.toInt());
        std::vector<std::pair<qint64, QString>> listed; // (jobId, id)
        for (const auto& [id, task] : tasks) {
            const Step s = stateAt(id, r.sentAt);
            if (task.jobId > 0 && (wanted.isEmpty() || wanted.contains(statusNumber(s.status))))
                listed.emplace_back(task.jobId, id);
        }
        std::sort(listed.begin(), listed.end(), std::greater<>());
        const int offset = r.body.value(QStringLiteral("Offset")).toInt();
        const int limit = r.body.value(QStringLiteral("Limit")).toInt(20);
        QJsonArray items;
        for (int i = offset; i < std::min<int>(int(listed.size()), offset + limit); ++i) {
            const Step s = stateAt(listed[std::size_t(i)].second, r.sentAt);
            items.append(
                QJsonObject{{"JobId", listed[std::size_t(i)].first},
                            {"AsyncRequestId", listed[std::size_t(i)].second},
                            {"TaskStatus", s.status == QLatin1String("SUCCESS") ? "SUCCEED" : s.status},
                            {"Progress", s.progress},
                            {"TaskType", "MODIFY PARAM"},
                            {"StartTime", "2026-01-01 08:00:00"},
                            {"EndTime", "0000-00-00 00:00:00"},
                            {"Code", 0},
                            {"Message", ""}});
        }
        result.response = QJsonObject{{"TotalCount", int(listed.size())}, {"Items", items}};
        return result;
    }

    const qint64* m_now;
    std::multimap<qint64, Request> m_pending;
};

// The board and the coordinator, reduced to what a listing means for the tasks.
class Owner : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kListMs = 2000;
    static constexpr qint64 kCoverMs = 30000;
    static constexpr qint64 kFirstWaitMs = 3000;

    Owner(PollScheduler* scheduler, DiscoveryClient* discovery, const qint64* now)
        : m_scheduler(scheduler)
        , m_discovery(discovery)
        , m_now(now) {
        connect(scheduler, &PollScheduler::polled, this, [this](const PollOutcome& o) {
            TaskLifecycle::apply(tasks.at(o.taskId), o);
            ++outcomes;
        });
        connect(discovery, &DiscoveryClient::listed, this, &Owner::onListed);
        connect(discovery, &DiscoveryClient::failed, this, [this](const DiscoveryClient::Failure&) {
            m_listing = 0;
            ++failed;
        });
    }

    void add(const QString& id) {
        TaskState t;
        t.id = id;
        t.region = kRegion;
        tasks.emplace(id, t);
        m_scheduler->addTask(id, kRegion);
        m_scheduler->cover(id, kFirstWaitMs); // it waits for the first listing
    }

    void tick() {
        const bool anyUnfinished = std::any_of(tasks.cbegin(), tasks.cend(),
                                               [](const auto& entry) { return !entry.second.isFinished(); });
        if (!lists || m_listing != 0 || !anyUnfinished || (m_listedAt >= 0 && *m_now - m_listedAt < kListMs))
            return;
        m_expected.clear();
        for (const auto& [id, t] : tasks) {
            if (!t.isFinished())
                m_expected.insert(id);
        }
        Discovery::Query query;
        query.region = kRegion;
        query.statusNumbers = Discovery::unfinishedStatusNumbers();
        m_listedAt = *m_now;
        m_listing = m_discovery->list(query);
    }

    std::map<QString, TaskState> tasks;
    QSet<QString> covered;
    bool lists = true;
    int complete = 0;
    int incomplete = 0;
    int failed = 0;
    int outcomes = 0;

private:
    void onListed(const DiscoveryClient::Result& r) {
        m_listing = 0;
        if (!r.complete) {
            ++incomplete;
            return;
        }
        ++complete;
        QList<ListingMatch::Watched> watched;
        for (const QString& id : std::as_const(m_expected)) {
            const TaskState& t = tasks.at(id);
            if (t.isFinished())
                continue;
            ListingMatch::Watched w;
            w.key = w.id = id;
            w.covered = covered.contains(id);
            w.answered = t.wasAnswered();
            w.status = t.status;
            w.listedBefore = t.discovery.isDiscovered();
            w.listedStatus = t.discovery.status;
            w.listedProgress = t.discovery.progress;
            watched.append(w);
        }
        const ListingMatch::Decisions d =
            ListingMatch::match(ListingMatch::Kind::Unfinished, true, r.items, watched);
        const QDateTime wallNow = QDateTime::currentDateTimeUtc();
        for (const Discovery::Item& item : r.items) {
            const auto it = tasks.find(item.id);
            if (it == tasks.end() || it->second.isFinished())
                continue;
            it->second.discovery = item.facts;
            it->second.discovery.listedAt = wallNow;
            TaskLifecycle::showListedStatus(it->second, wallNow);
        }
        for (const QString& id : d.uncover) {
            m_scheduler->cover(id, 0);
            covered.remove(id);
        }
        for (const QString& id : d.unlisted) {
            m_scheduler->markUnlisted(id, kCoverMs);
            covered.remove(id);
        }
        for (const QString& id : d.cover) {
            m_scheduler->cover(id, kCoverMs);
            covered.insert(id);
        }
        for (const QString& id : d.pollOnce)
            m_scheduler->pollOnce(id, r.sentAt);
    }

    PollScheduler* m_scheduler;
    DiscoveryClient* m_discovery;
    const qint64* m_now;
    quint64 m_listing = 0;
    qint64 m_listedAt = -1;
    QSet<QString> m_expected;
};

// Everything wired to one fake clock.
struct Rig {
    qint64 now = 1000000; // any start
    FakeServer server{&now};
    PollScheduler scheduler;
    DiscoveryClient discovery;
    Owner owner;

    static PollOptions options() {
        PollOptions o;
        o.minIntervalMs = 5000;
        o.maxIntervalMs = 15000;
        return o;
    }
    Rig()
        : scheduler(&server, options(), [this] { return now; })
        , discovery(&server, [this] { return now; })
        , owner(&scheduler, &discovery, &now) {}

    qint64 at(qint64 ms) const { return 1000000 + ms; } // a time of the run, from its start

    void task(int n, qint64 jobId, const QList<FakeServer::Step>& steps) {
        FakeServer::Task t;
        t.jobId = jobId;
        for (FakeServer::Step s : steps) {
            s.at = at(s.at);
            t.steps.append(s);
        }
        server.tasks[idOf(n)] = t;
    }
    void runUntil(qint64 ms) {
        while (now < at(ms)) {
            now += kStepMs;
            server.deliverDue();
            scheduler.pump();
            discovery.pump();
            owner.tick();
        }
    }
    bool runUntil(const std::function<bool()>& done, qint64 limitMs) {
        while (!done() && now < at(limitMs))
            runUntil(now - at(0) + kStepMs);
        return done();
    }
    const TaskState& state(int n) const { return owner.tasks.at(idOf(n)); }
};

} // namespace

class TestListingPolls : public QObject {
    Q_OBJECT

private slots:
    // A task whose listed status or progress changes gets one DescribeAsyncRequestInfo, and only one; tasks
    // that do not change get none. Never answered by id, a listed task shows the listed status.
    void changedListingTriggersExactlyOnePoll() {
        Rig rig;
        rig.task(1, 1, {{0, "RUNNING", 10}, {7000, "RUNNING", 40}});
        rig.task(2, 2, {{0, "INITIAL", 0}, {9000, "RUNNING", 0}});
        rig.task(3, 3, {{0, "RUNNING", 10}});
        for (int n = 1; n <= 3; ++n)
            rig.owner.add(idOf(n));
        rig.runUntil(6000);
        QCOMPARE(rig.server.totalQueries(), 0);
        QVERIFY(rig.owner.complete >= 3);
        QCOMPARE(rig.state(1).status, std::optional<QString>(QStringLiteral("RUNNING")));
        QCOMPARE(rig.state(2).status, std::optional<QString>(QStringLiteral("INITIAL")));
        QCOMPARE(rig.state(1).discovery.progress, std::optional<int>(10));

        rig.runUntil(30000);
        QCOMPARE(rig.server.queries.value(idOf(1)), 1); // progress 10 -> 40
        QCOMPARE(rig.server.queries.value(idOf(2)), 1); // INITIAL -> RUNNING
        QCOMPARE(rig.server.queries.value(idOf(3)), 0);
        QCOMPARE(rig.state(1).info, std::optional<QString>(QStringLiteral("RUNNING at 40 %")));
        QCOMPARE(rig.state(2).status, std::optional<QString>(QStringLiteral("RUNNING")));
        QVERIFY(rig.state(2).wasAnswered());
        QVERIFY(rig.owner.complete >= 13);
    }

    // A task the listing does not show (not an instance task, WAITING) is polled by id once the first listing
    // has not shown it, then every unlistedIntervalMs while listings go on (not the adaptive 5 s of a young
    // task); once listings stop, its adaptive schedule resumes.
    void missingTaskIsPolledById() {
        Rig rig;
        rig.task(1, 1, {{0, "RUNNING", 10}});
        rig.task(2, 0, {{0, "RUNNING", 0}}); // not an instance task
        rig.task(3, 3, {{0, "WAITING", 0}}); // no TaskStatus number selects it
        for (int n = 1; n <= 3; ++n)
            rig.owner.add(idOf(n));
        rig.runUntil(500);
        QCOMPARE(rig.server.queries.value(idOf(2)), 1); // at once, not after the 3 s wait
        QCOMPARE(rig.server.queries.value(idOf(3)), 1);
        rig.runUntil(40000);
        QVERIFY2(rig.server.queries.value(idOf(2)) >= 5,
                 qPrintable(QString::number(rig.server.queries.value(idOf(2)))));
        QVERIFY(rig.server.queries.value(idOf(3)) >= 5);
        QCOMPARE(rig.server.queries.value(idOf(1)), 0);
    }

    // Alone in a region whose listing shows none of the watched tasks, it keeps the adaptive schedule (5 s
    // while young): the listing saves nothing there.
    void unlistedTaskAloneKeepsItsAdaptiveSchedule() {
        Rig rig;
        rig.task(2, 0, {{0, "RUNNING", 0}}); // not an instance task
        QList<qint64> sent;
        rig.server.onSent = [&](const FakeServer::Request& r) {
            if (r.id == idOf(2))
                sent.append(r.sentAt);
        };
        rig.owner.add(idOf(2));
        rig.runUntil(40000);
        QVERIFY2(sent.size() >= 7, qPrintable(QString::number(sent.size())));
        for (qsizetype i = 1; i < sent.size(); ++i) {
            const qint64 gap = sent.at(i) - sent.at(i - 1);
            QVERIFY2(gap >= 5000 && gap < 5100, qPrintable(QStringLiteral("gap %1 ms").arg(gap)));
        }
    }

    void unlistedTaskIsPolledAtTheSteadyInterval() {
        Rig rig;
        rig.task(1, 1, {{0, "RUNNING", 10}});
        rig.task(2, 0, {{0, "RUNNING", 0}}); // not an instance task
        QList<qint64> sent;
        rig.server.onSent = [&](const FakeServer::Request& r) {
            if (r.id == idOf(2))
                sent.append(r.sentAt - rig.at(0));
        };
        rig.owner.add(idOf(1));
        rig.owner.add(idOf(2));
        rig.runUntil(200000);
        const qint64 steady = Rig::options().unlistedIntervalMs;
        QCOMPARE(steady, 8000);
        QVERIFY2(sent.size() >= 25, qPrintable(QString::number(sent.size())));
        for (qsizetype i = 1; i < sent.size(); ++i) {
            const qint64 gap = sent.at(i) - sent.at(i - 1);
            QVERIFY2(gap >= steady && gap < steady + 100, qPrintable(QStringLiteral("gap %1 ms").arg(gap)));
        }
        // Listings stop: the mark runs out and the adaptive schedule (10 % of the quiet time) takes over,
        // growing on from the steady interval (quiet for 200 s, it would jump to the 15 s cap at once).
        rig.owner.lists = false;
        sent.clear();
        rig.runUntil(400000);
        QVERIFY(sent.size() >= 8);
        qint64 longest = 0;
        qint64 firstLonger = 0; // the first gap after the mark ran out
        for (qsizetype i = 1; i < sent.size(); ++i) {
            const qint64 gap = sent.at(i) - sent.at(i - 1);
            QVERIFY2(gap >= longest,
                     qPrintable(QStringLiteral("gap %1 ms after %2 ms").arg(gap).arg(longest)));
            if (gap > steady + 100 && firstLonger == 0)
                firstLonger = gap;
            longest = gap;
        }
        QVERIFY2(firstLonger < steady + 2000, qPrintable(QStringLiteral("gap %1 ms").arg(firstLonger)));
        QVERIFY2(longest > steady + 4000, qPrintable(QStringLiteral("gap %1 ms").arg(longest)));
    }

    void failedOrPartialPageChangesNothing_data() {
        QTest::addColumn<QString>("fault");
        QTest::newRow("page fails") << "fails";
        QTest::newRow("pages disagree") << "disagree";
        QTest::newRow("malformed item") << "malformed";
    }
    // 150 tasks (two pages). While the second page fails, disagrees with the first about the total or holds a
    // malformed item, nothing changes — not even for the task that ended meanwhile; the next whole listing
    // catches it.
    void failedOrPartialPageChangesNothing() {
        QFETCH(QString, fault);
        Rig rig;
        for (int n = 1; n <= 150; ++n)
            rig.task(n, n, {{0, "RUNNING", 10}});
        rig.server.tasks[idOf(10)].steps.append({rig.at(9000), "SUCCESS", 100}); // on page 2
        for (int n = 1; n <= 150; ++n)
            rig.owner.add(idOf(n));
        rig.runUntil(8500);
        QCOMPARE(rig.server.totalQueries(), 0);
        QCOMPARE(rig.owner.covered.size(), 150);
        const std::map<QString, TaskState> before = rig.owner.tasks;
        const int completeBefore = rig.owner.complete;
        int faults = 0;
        rig.server.alter = [&](const FakeServer::Request& r,
                               QueryResult& scripted) -> std::optional<QueryResult> {
            if (!r.isCall || r.body.value(QStringLiteral("Offset")).toInt() != 100 ||
                r.sentAt < rig.at(8500) || faults >= 4)
                return std::nullopt;
            ++faults;
            if (fault == QLatin1String("fails")) {
                QueryResult e;
                e.kind = ResultKind::ApiError;
                e.httpStatus = 200;
                e.errorCode = QStringLiteral("InternalError");
                return e;
            }
            QJsonObject response = scripted.response;
            response.insert(QStringLiteral("TotalCount"),
                            response.value(QStringLiteral("TotalCount")).toInt() + 1);
            if (fault == QLatin1String("malformed")) {
                QJsonArray items = response.value(QStringLiteral("Items")).toArray();
                items.append(QJsonObject{{"JobId", "not a number"}, {"AsyncRequestId", idOf(999)}});
                response.insert(QStringLiteral("Items"), items);
            }
            scripted.response = response;
            return scripted;
        };
        // Until the faulty listings are over: nothing changed, nothing was polled.
        QVERIFY(rig.runUntil(
            [&] { return faults == 4 && (fault != QLatin1String("fails") || rig.owner.failed == 1); },
            40000));
        QCOMPARE(rig.server.totalQueries(), 0);
        QCOMPARE(rig.owner.complete, completeBefore);
        for (const auto& [id, t] : before) {
            const TaskState& now = rig.owner.tasks.at(id);
            QCOMPARE(now.status, t.status);
            QCOMPARE(now.phase, t.phase);
            QCOMPARE(now.discovery.progress, t.discovery.progress);
        }
        // The next whole listing: the task that ended is polled once and ends; no other task is polled.
        QVERIFY(rig.runUntil([&] { return rig.state(10).isFinished(); }, 60000));
        QCOMPARE(rig.state(10).status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(rig.server.queries.value(idOf(10)), 1);
        QCOMPARE(rig.server.totalQueries(), 1);
    }

    void taskFinishedBetweenTwoPagesIsCaught_data() {
        QTest::addColumn<int>("job");
        QTest::newRow("on the first page") << 140;
        QTest::newRow("on the second page") << 10;
    }
    // A task ends after the first page of a listing was read and before the second: the tasks after it move
    // up a place, so the first task of the second page is seen on neither. That listing is not whole (the
    // pages disagree about the total): it decides nothing — no task is taken for gone. The next one catches
    // the task that ended, and only it is polled.
    void taskFinishedBetweenTwoPagesIsCaught() {
        QFETCH(int, job);
        Rig rig;
        for (int n = 1; n <= 150; ++n)
            rig.task(n, n, {{0, "RUNNING", 10}});
        for (int n = 1; n <= 150; ++n)
            rig.owner.add(idOf(n));
        rig.runUntil(8500);
        QCOMPARE(rig.server.totalQueries(), 0);
        qint64 endedAt = -1;
        rig.server.onSent = [&](const FakeServer::Request& r) {
            if (endedAt < 0 && r.isCall && r.body.value(QStringLiteral("Offset")).toInt() == 0) {
                endedAt = r.sentAt + kAnswerMs / 2; // after the first page was read, before the second
                rig.server.tasks[idOf(job)].steps.append({endedAt, "SUCCESS", 100});
            }
        };
        const int incompleteBefore = rig.owner.incomplete;
        QVERIFY(rig.runUntil([&] { return rig.state(job).isFinished(); }, 20000));
        QCOMPARE(rig.owner.incomplete, incompleteBefore + 1);
        QVERIFY2(rig.now - endedAt <= Owner::kListMs + 500, qPrintable(QString::number(rig.now - endedAt)));
        QCOMPARE(rig.state(job).status, std::optional<QString>(QStringLiteral("SUCCESS")));
        rig.runUntil(30000);
        QCOMPARE(rig.server.queries.value(idOf(job)), 1);
        QCOMPARE(rig.server.totalQueries(), 1);
    }

    // A cover holds back the adaptive polls of an answered task; when it is not renewed, they resume. A poll
    // asked for while a request sent before the listing is in flight is followed by one more.
    void coverHoldsAdaptivePollsUntilItEnds() {
        Rig rig;
        rig.owner.lists = false;
        rig.task(1, 0, {{0, "RUNNING", 10}});
        rig.scheduler.addTask(idOf(1), kRegion);
        rig.owner.tasks.emplace(idOf(1), TaskState{});
        rig.runUntil(100);
        QCOMPARE(rig.server.queries.value(idOf(1)), 1);
        rig.scheduler.cover(idOf(1), 20000);
        QVERIFY(rig.scheduler.isCovered(idOf(1)));
        rig.runUntil(20000);
        QCOMPARE(rig.server.queries.value(idOf(1)), 1);
        rig.runUntil(21000);
        QCOMPARE(rig.server.queries.value(idOf(1)), 2); // the cover ran out
        QVERIFY(!rig.scheduler.isCovered(idOf(1)));

        rig.scheduler.cover(idOf(1), 60000);
        rig.scheduler.pollOnce(idOf(1), rig.now);
        rig.runUntil(21010);
        QCOMPARE(rig.server.queries.value(idOf(1)), 3); // sent at 21005: in flight now
        rig.scheduler.pollOnce(idOf(1), rig.at(21010)); // a listing sent after it saw a change
        rig.scheduler.pollOnce(idOf(1), rig.at(21000)); // ... and one sent before it: nothing more
        rig.runUntil(25000);
        QCOMPARE(rig.server.queries.value(idOf(1)), 4);
        rig.scheduler.pollOnce(idOf(1), rig.at(21020)); // answered since: nothing to send
        rig.runUntil(40000);
        QCOMPARE(rig.server.queries.value(idOf(1)), 4);
    }

    // The pure rules, one by one.
    void matchRules() {
        const auto item = [](const QString& id, const char* status, int progress) {
            Discovery::Item i;
            i.id = id;
            i.facts.status = QString::fromLatin1(status);
            i.facts.progress = progress;
            return i;
        };
        const auto watched = [](const QString& id, bool covered, bool listedBefore, const char* status,
                                int progress) {
            ListingMatch::Watched w;
            w.key = w.id = id;
            w.covered = covered;
            w.answered = true;
            w.status = QStringLiteral("RUNNING");
            w.listedBefore = listedBefore;
            if (listedBefore) {
                w.listedStatus = QString::fromLatin1(status);
                w.listedProgress = progress;
            }
            return w;
        };
        const QList<Discovery::Item> items{item("same", "RUNNING", 10), item("moved", "RUNNING", 20),
                                           item("first", "RUNNING", 5), item("ended", "SUCCESS", 100)};
        const QList<ListingMatch::Watched> tasks{
            watched("same", true, true, "RUNNING", 10), watched("moved", true, true, "RUNNING", 10),
            watched("first", false, false, "", 0),      watched("ended", true, true, "RUNNING", 90),
            watched("left", true, true, "RUNNING", 90), watched("never", false, false, "", 0)};
        ListingMatch::Decisions d = ListingMatch::match(ListingMatch::Kind::Unfinished, true, items, tasks);
        QCOMPARE(d.pollOnce, (QStringList{"moved", "ended", "left"}));
        QCOMPARE(d.finishedListed, QStringList{"ended"});
        QCOMPARE(d.cover, (QStringList{"same", "moved", "first"}));
        QCOMPARE(d.uncover, QStringList{"ended"});
        QCOMPARE(d.unlisted, (QStringList{"left", "never"}));
        // Not whole: nothing. A discovery listing: nothing about the tasks it does not show.
        QVERIFY(ListingMatch::match(ListingMatch::Kind::Unfinished, false, items, tasks).isEmpty());
        d = ListingMatch::match(ListingMatch::Kind::Discovery, false, items, tasks);
        QCOMPARE(d.pollOnce, (QStringList{"moved", "ended"}));
        QVERIFY(!d.uncover.contains("left") && d.unlisted.isEmpty());
        // A whole listing that shows none of the watched tasks frees no polls: they keep their adaptive ones.
        d = ListingMatch::match(ListingMatch::Kind::Unfinished, true, {item("other", "RUNNING", 1)}, tasks);
        QVERIFY(d.unlisted.isEmpty());
        QCOMPARE(d.uncover, (QStringList{"same", "moved", "first", "ended", "left", "never"}));
        // A job-only task that left asks for a listing of every status.
        ListingMatch::Watched job = watched("job:7", true, true, "RUNNING", 10);
        job.jobOnly = true;
        d = ListingMatch::match(ListingMatch::Kind::Unfinished, true, {}, {job});
        QVERIFY(d.needAllStatuses);
        QVERIFY(d.pollOnce.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestListingPolls)
#include "tst_listingpolls.moc"
