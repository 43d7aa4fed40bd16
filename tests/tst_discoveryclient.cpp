// DiscoveryClient against the emulator: every page, newest first, instance names cached for 10 minutes (fake
// clock), filters sent, per-action budgets (a 40/s polling backlog on the same client and key: each action
// within its own limit, together above 40), rate limiting, clock correction shared with polling, permission,
// region and credential refusals, malformed items.
#include "Clock.h"
#include "Emulator.h"
#include "TimelineSteps.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "api/Endpoint.h"
#include "discovery/DiscoveryClient.h"
#include "pacing/LocalBudget.h"
#include "polling/PollScheduler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDDISCOVERY0000000000000000000000");
const QString kKey = QStringLiteral("discovery-secret-key");
const QString kGz = QStringLiteral("ap-guangzhou");
const QString kSh = QStringLiteral("ap-shanghai");

QString idFor(int n) {
    return QStringLiteral("d15c0000-0000-0000-0000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

ScriptedTask discoverable(int n, const QString& region, const QString& instance, qint64 startedSecsAgo,
                          const char* status = "RUNNING") {
    ScriptedTask t;
    t.id = idFor(n);
    t.region = region;
    t.jobId = 1000 + n;
    t.instanceIds = {instance};
    t.startedAt = QDateTime::currentDateTimeUtc().addSecs(-startedSecsAgo);
    t.steps = {step(0, status)};
    return t;
}

// A budget of this process that counts the sends it granted.
class CountingBudget final : public SendBudget {
public:
    explicit CountingBudget(int maxPerWindow)
        : m_budget(maxPerWindow) {}
    int granted() const { return m_granted; }
    void setMaxPerWindow(int n) override { m_budget.setMaxPerWindow(n); }
    int maxPerWindow() const override { return m_budget.maxPerWindow(); }
    void setBacklog(qint64 nowMs, bool backlog) override { m_budget.setBacklog(nowMs, backlog); }
    qint64 nextAllowedAt(qint64 nowMs) const override { return m_budget.nextAllowedAt(nowMs); }
    bool tryAcquire(qint64 nowMs) override {
        const bool ok = m_budget.tryAcquire(nowMs);
        m_granted += ok ? 1 : 0;
        return ok;
    }
    void amendSend(qint64 acquiredMs, qint64 sentMs) override { m_budget.amendSend(acquiredMs, sentMs); }
    int sentInLast(qint64 nowMs, int windowMs) const override { return m_budget.sentInLast(nowMs, windowMs); }
    void setGuardMs(int ms) override { m_budget.setGuardMs(ms); }
    int guardMs() const override { return m_budget.guardMs(); }
    bool isShared() const override { return false; }

private:
    LocalBudget m_budget;
    int m_granted = 0;
};

EmulatedInstance instance(const QString& id, const QString& name, const QString& region) {
    EmulatedInstance i;
    i.id = id;
    i.name = name;
    i.region = region;
    return i;
}
} // namespace

class TestDiscoveryClient : public QObject {
    Q_OBJECT
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
    qint64 m_skewMs = 0; // added to the steady clock: the fake clock of the name cache

    DiscoveryClient::Clock clock() {
        return [this] { return steadyNowMs() + m_skewMs; };
    }

    DiscoveryClient::Result listOnce(DiscoveryClient& d, const Discovery::Query& query) {
        QSignalSpy listed(&d, &DiscoveryClient::listed);
        QSignalSpy failed(&d, &DiscoveryClient::failed);
        d.list(query);
        if (!QTest::qWaitFor([&] { return listed.count() + failed.count() > 0; }, 20000))
            return {};
        if (failed.count() > 0) {
            qWarning("listing failed: %s",
                     qPrintable(failed.at(0).at(0).value<DiscoveryClient::Failure>().message));
            return {};
        }
        return listed.at(0).at(0).value<DiscoveryClient::Result>();
    }

    Discovery::Query query(const QString& region, qint64 sinceSecsAgo = 86400) {
        Discovery::Query q;
        q.region = region;
        q.since = QDateTime::currentDateTimeUtc().addSecs(-sinceSecsAgo);
        return q;
    }

private slots:
    void init() {
        m_skewMs = 0;
        m_emulator = std::make_unique<Emulator>();
        m_emulator->addCredential(kId, kKey);
        QVERIFY(m_emulator->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        EndpointConfig endpoint;
        endpoint.url = QUrl(m_emulator->url());
        endpoint.timeoutMs = 5000;
        m_client = std::make_unique<ApiClient>(m_nam.get(), endpoint, Credential{kId, kKey, {}});
    }
    void cleanup() {
        m_client.reset();
        m_nam.reset();
        m_emulator.reset();
    }

    void everyPageNewestFirstWithCachedNames() {
        m_emulator->addInstance(
            instance(QStringLiteral("cdb-aaaa0001"), QStringLiteral("orders-primary"), kGz));
        m_emulator->addInstance(instance(QStringLiteral("cdb-aaaa0002"), QStringLiteral("analytics"), kGz));
        for (int i = 0; i < 250; ++i)
            m_emulator->addTask(
                discoverable(i, kGz, i % 2 ? QStringLiteral("cdb-aaaa0001") : QStringLiteral("cdb-aaaa0002"),
                             60 + i * 60));
        for (int i = 250; i < 255; ++i)
            m_emulator->addTask(discoverable(i, kSh, QStringLiteral("cdb-bbbb0001"), 60));
        m_emulator->addTask(discoverable(300, kGz, QStringLiteral("cdb-aaaa0001"), 3 * 86400)); // too old

        DiscoveryClient d(m_client.get(), clock());
        const DiscoveryClient::Result r = listOnce(d, query(kGz));
        QCOMPARE(r.items.size(), 250);
        QCOMPARE(r.malformed, 0);
        QVERIFY(!r.cutOff);
        QCOMPARE(r.items.first().id, idFor(0)); // the newest first
        QCOMPARE(r.items.last().id, idFor(249));
        for (qsizetype i = 1; i < r.items.size(); ++i)
            QVERIFY(r.items.at(i - 1).facts.startedAt >= r.items.at(i).facts.startedAt);
        QCOMPARE(r.items.first().facts.instanceName, QStringLiteral("analytics"));
        QCOMPARE(r.items.at(1).facts.instanceName, QStringLiteral("orders-primary"));
        QCOMPARE(r.items.first().facts.status, std::optional<QString>(QStringLiteral("RUNNING")));
        QCOMPARE(r.items.first().region, kGz);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeTasks")), 3);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeDBInstances")), 1);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeAsyncRequestInfo")), 0);

        // Names are cached per region for 10 minutes.
        QCOMPARE(listOnce(d, query(kGz)).items.size(), 250);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeDBInstances")), 1);
        m_skewMs = Discovery::kInstanceNamesMaxAgeMs + 1000;
        QCOMPARE(listOnce(d, query(kGz)).items.size(), 250);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeDBInstances")), 2);
        // Another region has its own tasks and names.
        const DiscoveryClient::Result sh = listOnce(d, query(kSh));
        QCOMPARE(sh.items.size(), 5);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeDBInstances")), 3);
    }

    void filtersAreSent() {
        for (int i = 0; i < 10; ++i) {
            ScriptedTask t = discoverable(
                i, kGz, i < 4 ? QStringLiteral("cdb-aaaa0001") : QStringLiteral("cdb-aaaa0002"), 60);
            t.taskType = i % 2 ? QStringLiteral("REBOOT") : QStringLiteral("MODIFY PARAM");
            m_emulator->addTask(t);
        }
        DiscoveryClient d(m_client.get(), clock());
        Discovery::Query q = query(kGz);
        q.instanceIds = {QStringLiteral("cdb-aaaa0001")};
        QCOMPARE(listOnce(d, q).items.size(), 4);
        q.taskTypes = {7};
        const DiscoveryClient::Result r = listOnce(d, q);
        QCOMPARE(r.items.size(), 2);
        for (const Discovery::Item& item : r.items)
            QCOMPARE(item.facts.taskType, QStringLiteral("REBOOT"));
        // The start-time window goes to the server.
        QCOMPARE(listOnce(d, query(kGz, 30)).items.size(), 0);
    }

    // Discovery paces DescribeTasks with its own budget, never polling's: every listing request is granted by
    // the tasks budget, every poll by polling's, the listing gets through next to a polling backlog, and
    // neither action goes past its limit per 1000 ms.
    void ownBudgetsNextToAPollingBacklog() {
        QList<TimelineStep> running{step(0, "RUNNING")};
        m_emulator->setDefaultTimeline(running);
        for (int i = 0; i < 3000; ++i)
            m_emulator->addTask(discoverable(i, kGz, QStringLiteral("cdb-aaaa0001"), 60 + i));
        PollOptions poll;
        poll.minIntervalMs = 60000;
        PollScheduler scheduler(m_client.get(), poll);
        auto polls = std::make_shared<CountingBudget>(40);
        scheduler.setBudget(polls);
        for (int i = 0; i < 400; ++i)
            scheduler.addTask(QStringLiteral("ba5e0000-0000-0000-0000-%1").arg(i, 12, 10, QLatin1Char('0')),
                              kGz);
        QTest::qWait(300); // the backlog is under way
        DiscoveryClient d(m_client.get(), clock());
        auto listings = std::make_shared<CountingBudget>(Discovery::kMaxRate);
        d.setBudgets(listings, nullptr);
        const DiscoveryClient::Result r = listOnce(d, query(kGz));
        QCOMPARE(r.items.size(), 3000);
        QVERIFY(scheduler.activeCount() > 0);       // the backlog was still there when the listing ended
        scheduler.setMayPoll([] { return false; }); // no more sends: the counts settle
        QVERIFY(QTest::qWaitFor([&] { return scheduler.inFlightCount() == 0; }, 10000));
        const QString tasksAction = QStringLiteral("DescribeTasks");
        const QString pollAction = QStringLiteral("DescribeAsyncRequestInfo");
        QCOMPARE(listings->granted(), m_emulator->requestsOf(tasksAction));
        QCOMPARE(polls->granted(), m_emulator->requestsOf(pollAction));
        QVERIFY(listings->granted() >= 3000 / Discovery::kPageLimit);
        QCOMPARE(m_emulator->stats().rateLimited, 0);
        const int tasksMax = m_emulator->maxInAnyWindowOf(kId, tasksAction);
        const int pollMax = m_emulator->maxInAnyWindowOf(kId, pollAction);
        qInfo("per 1000 ms: DescribeTasks %d, DescribeAsyncRequestInfo %d, together %d", tasksMax, pollMax,
              m_emulator->maxInAnyWindowOf(kId));
        QVERIFY(tasksMax <= Discovery::kMaxRate);
        QVERIFY(pollMax <= 40);
    }

    void rateLimitedPagesAreRetried() {
        for (int i = 0; i < 800; ++i)
            m_emulator->addTask(discoverable(i, kGz, QStringLiteral("cdb-aaaa0001"), 60 + i));
        m_emulator->setActionRateLimit(QStringLiteral("DescribeTasks"), 4);
        DiscoveryClient d(m_client.get(), clock());
        QSignalSpy limited(&d, &DiscoveryClient::rateLimited);
        const DiscoveryClient::Result r = listOnce(d, query(kGz));
        QCOMPARE(r.items.size(), 800);
        QVERIFY(limited.count() >= 1);
        QVERIFY(d.tasksRate().isSlowed());
    }

    // The signing clock is the client's: a correction made by discovery is the one polling signs with.
    void clockSkewIsCorrected() {
        m_emulator->addTask(discoverable(1, kGz, QStringLiteral("cdb-aaaa0001"), 60));
        m_emulator->setClockOffset(1800);
        DiscoveryClient d(m_client.get(), clock());
        QSignalSpy corrected(&d, &DiscoveryClient::clockCorrected);
        Discovery::Query q = query(kGz);
        q.since = QDateTime::currentDateTimeUtc().addSecs(-86400);
        const DiscoveryClient::Result r = listOnce(d, q);
        QCOMPARE(r.items.size(), 1);
        QCOMPARE(corrected.count(), 1);
        QVERIFY(std::abs(m_client->clockOffset() - 1800) <= 2);
    }

    void refusals_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no cdb:DescribeTasks")
            << "DescribeTasks"
            << "AuthFailure.UnauthorizedOperation" << int(DiscoveryClient::FailureKind::PermissionDenied)
            << "cdb:DescribeTasks";
        QTest::newRow("OperationDenied")
            << "DescribeTasks"
            << "OperationDenied.UserHasNoStrategy" << int(DiscoveryClient::FailureKind::PermissionDenied)
            << "cdb:DescribeTasks";
        QTest::newRow("rejected key")
            << "DescribeTasks"
            << "AuthFailure.SecretIdNotFound" << int(DiscoveryClient::FailureKind::AuthRejected)
            << "SecretIdNotFound";
        QTest::newRow("bad parameter")
            << "DescribeTasks"
            << "InvalidParameter" << int(DiscoveryClient::FailureKind::Failed) << "InvalidParameter";
    }
    void refusals() {
        QFETCH(QString, action);
        QFETCH(QString, code);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        m_emulator->addTask(discoverable(1, kGz, QStringLiteral("cdb-aaaa0001"), 60));
        m_emulator->setActionError(action, code, QStringLiteral("refused \x1b[31m by policy"));
        DiscoveryClient d(m_client.get(), clock());
        QSignalSpy failed(&d, &DiscoveryClient::failed);
        d.list(query(kGz));
        QVERIFY(failed.wait(10000));
        const auto f = failed.at(0).at(0).value<DiscoveryClient::Failure>();
        QCOMPARE(int(f.kind), kind);
        QCOMPARE(f.region, kGz);
        QCOMPARE(f.code, code);
        QVERIFY2(f.message.contains(mentions), qPrintable(f.message));
        QVERIFY(!f.message.contains(QChar(0x1b))); // the server's text is neutralised
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeTasks")), 1); // never retried
    }

    void unsupportedRegionIsSkipped() {
        m_emulator->setUnsupportedRegions({kSh});
        m_emulator->addTask(discoverable(1, kGz, QStringLiteral("cdb-aaaa0001"), 60));
        DiscoveryClient d(m_client.get(), clock());
        QSignalSpy failed(&d, &DiscoveryClient::failed);
        QSignalSpy listed(&d, &DiscoveryClient::listed);
        d.list(query(kSh));
        d.list(query(kGz));
        QVERIFY(QTest::qWaitFor([&] { return failed.count() + listed.count() == 2; }, 10000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(int(failed.at(0).at(0).value<DiscoveryClient::Failure>().kind),
                 int(DiscoveryClient::FailureKind::UnsupportedRegion));
        QCOMPARE(listed.at(0).at(0).value<DiscoveryClient::Result>().items.size(), 1);
    }

    void malformedItemsAreCounted() {
        for (int i = 0; i < 5; ++i)
            m_emulator->addTask(discoverable(i, kGz, QStringLiteral("cdb-aaaa0001"), 60 + i));
        m_emulator->setMalformedTaskItems(3);
        DiscoveryClient d(m_client.get(), clock());
        const DiscoveryClient::Result r = listOnce(d, query(kGz));
        QCOMPARE(r.items.size(), 5);
        QCOMPARE(r.malformed, 3);
    }

    void missingNamesPermissionKeepsTheTasks() {
        m_emulator->addTask(discoverable(1, kGz, QStringLiteral("cdb-aaaa0001"), 60));
        m_emulator->setActionError(QStringLiteral("DescribeDBInstances"),
                                   QStringLiteral("UnauthorizedOperation"));
        DiscoveryClient d(m_client.get(), clock());
        const DiscoveryClient::Result r = listOnce(d, query(kGz));
        QCOMPARE(r.items.size(), 1);
        QVERIFY(r.items.first().facts.instanceName.isEmpty());
        QVERIFY2(r.namesProblem.contains(QStringLiteral("cdb:DescribeDBInstances")),
                 qPrintable(r.namesProblem));
        QVERIFY2(!r.namesProblem.contains(QStringLiteral("Discovery is off")), qPrintable(r.namesProblem));
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryClient)
#include "tst_discoveryclient.moc"
