// Tasks of every product on one board, polled through the whole stack (TaskBoard -> AccountPoller's product
// lanes -> PollScheduler -> ApiClient -> real HTTP) against the emulator, which checks each request's
// signature with the product's service and enforces each (SecretId, service, action) limit: named ids in
// pasted text, each product's status words in our vocabulary with the vendor's word kept, a task that
// appears late, and a backlog of every product at once within every limit.
#include "Emulator.h"
#include "TaskBoard.h"
#include "TimelineSteps.h"
#include "accounts/AccountConfig.h"
#include "polling/AccountPoller.h"
#include "polling/PollScheduler.h"
#include "products/Products.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kSecretId = QStringLiteral("AKIDPRODUCTS00000000000000000000000000");
const QString kSecretKey = QStringLiteral("products-test-secret-key");
const QString kProfile = QStringLiteral("products");
const QString kRegion = QStringLiteral("ap-guangzhou");

ScriptedTask productTask(const char* product, const QString& id, QList<TimelineStep> steps) {
    ScriptedTask t;
    t.product = QString::fromLatin1(product);
    t.id = id;
    t.steps = std::move(steps);
    t.instanceIds = {QStringLiteral("ins-0001")};
    return t;
}
} // namespace

class TestProductsPolling : public QObject {
    Q_OBJECT
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<TaskBoard> m_board;

    TaskBoard& startBoard(PollOptions poll = fastOptions()) {
        m_board = std::make_unique<TaskBoard>(nullptr, poll);
        m_board->setSharedBudget(false); // paced per process: the emulator's limits are the check
        m_board->setDefaultProfile(kProfile);
        AccountConfig config;
        config.endpoint.url = QUrl(m_emulator->url());
        config.credential = {kSecretId, kSecretKey, {}};
        config.region = kRegion;
        m_board->setAccount(kProfile, config);
        return *m_board;
    }
    static PollOptions fastOptions() {
        PollOptions poll;
        poll.minIntervalMs = 100;
        poll.maxIntervalMs = 0;
        poll.backoffStartMs = 100;
        poll.backoffCapMs = 400;
        return poll;
    }
    const TaskState* task(const char* product, const QString& id) const {
        return m_board->task(taskKey(kProfile, QString::fromLatin1(product), id));
    }

private slots:
    void init() {
        m_emulator = std::make_unique<Emulator>();
        m_emulator->addCredential(kSecretId, kSecretKey);
        QVERIFY(m_emulator->listen());
    }
    void cleanup() {
        m_board.reset();
        m_emulator.reset();
    }

    // One pasted text names tasks of all four products; each is polled with its product's action until it
    // ends, its status in our words and the vendor's word beside it.
    void everyProductIsPolledToItsEnd() {
        const QString cdbId = QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");
        m_emulator->addTask({cdbId, {}, {step(0, "RUNNING"), step(2, "SUCCESS", "Done")}});
        m_emulator->addTask(
            productTask("mongodb", QStringLiteral("4762"), {step(0, "running"), step(2, "undoed")}));
        m_emulator->addTask(productTask("redis", QStringLiteral("18446744073709551615"),
                                        {step(0, "preparing", ""), step(2, "succeed", "")}));
        m_emulator->addTask(
            productTask("postgres", QStringLiteral("912"),
                        {step(0, "WaitSwitch", "window"), step(2, "Fail", "Restore failed")}));
        TaskBoard& board = startBoard();
        const AddReport report = board.addText(
            QStringLiteral("done: %1\nmongodb:4762 and Redis: 18446744073709551615\npostgres:912\nredis:0")
                .arg(cdbId));
        QCOMPARE(report.added, 4);
        QCOMPARE(report.rejected, 1);
        QCOMPARE(report.unrecognisedLineCount, 0);
        QCOMPARE(report.addedByProduct.value(QStringLiteral("redis")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(board.activeCount(), 0, 15000);

        const struct {
            const char* product;
            QString id;
            const char* status;
            const char* vendor;
            std::optional<QString> info;
        } expected[] = {
            {"cdb", cdbId, TaskStatus::Success, TaskStatus::Success, QStringLiteral("Done")},
            {"mongodb", QStringLiteral("4762"), TaskStatus::Failed, "undoed", std::nullopt},
            {"redis", QStringLiteral("18446744073709551615"), TaskStatus::Success, "succeed", std::nullopt},
            {"postgres", QStringLiteral("912"), TaskStatus::Failed, "Fail", QStringLiteral("Restore failed")},
        };
        for (const auto& e : expected) {
            const TaskState* t = task(e.product, e.id);
            QVERIFY2(t, e.product);
            QCOMPARE(t->phase, TaskPhase::Finished);
            QCOMPARE(t->product, QString::fromLatin1(e.product));
            QCOMPARE(t->status, QString::fromLatin1(e.status));
            QCOMPARE(t->vendorStatus, QString::fromLatin1(e.vendor));
            QCOMPARE(t->info, e.info);
            QVERIFY2(t->errorCode.isEmpty(), qPrintable(t->errorCode + QLatin1Char(' ') + t->errorMessage));
            QVERIFY(m_emulator->pollsOf(QString::fromLatin1(e.product), e.id) >= 3);
        }
        // Each product's own action, signed for its own service (the emulator refuses any other signature).
        QVERIFY(m_emulator->requestsOf(QStringLiteral("redis"), QStringLiteral("DescribeTaskInfo")) >= 3);
        QVERIFY(m_emulator->requestsOf(QStringLiteral("postgres"), QStringLiteral("DescribeTasks")) >= 3);
        QVERIFY(m_emulator->requestsOf(QStringLiteral("mongodb"),
                                       QStringLiteral("DescribeAsyncRequestInfo")) >= 3);
        QCOMPARE(m_emulator->stats().authFailures, 0);
    }

    // A product's new task is unknown to its service for a while: pending (no status, no error) meanwhile,
    // then polled to its end.
    void taskAppearingLateIsPendingThenFound() {
        ScriptedTask late =
            productTask("redis", QStringLiteral("7001"), {step(0, "running", ""), step(1, "succeed", "")});
        late.hiddenForMs = 1500;
        m_emulator->addTask(late);
        TaskBoard& board = startBoard();
        board.addIds({QStringLiteral("7001")}, kProfile, kRegion, QStringLiteral("redis"));
        const TaskState* t = task("redis", QStringLiteral("7001"));
        QVERIFY(t);
        QTRY_VERIFY_WITH_TIMEOUT(t->lastCheckedAt.isValid(), 5000);
        QCOMPARE(t->phase, TaskPhase::Polling);
        QVERIFY(!t->status.has_value());
        QVERIFY(t->errorCode.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(t->phase, TaskPhase::Finished, 10000);
        QCOMPARE(t->vendorStatus, QStringLiteral("succeed"));
        QVERIFY(t->errorCode.isEmpty());
    }

    // Discover for redis: one listing of the region adds its tasks, the unfinished one polled by id until it
    // ends, the finished one shown with its listed end and the vendor's word; the board reports the listing.
    void discoverListsAProductsTasks() {
        ScriptedTask running =
            productTask("redis", QStringLiteral("5001"), {step(0, "running", ""), step(3, "succeed", "")});
        ScriptedTask done =
            productTask("redis", QStringLiteral("5002"), {step(0, "failed", "Backup failed")});
        ScriptedTask elsewhere = productTask("redis", QStringLiteral("5003"), {step(0, "running", "")});
        running.region = done.region = kRegion;
        elsewhere.region = QStringLiteral("ap-shanghai");
        for (const ScriptedTask& t : {running, done, elsewhere})
            m_emulator->addTask(t);
        TaskBoard& board = startBoard();
        QSignalSpy finished(&board, &TaskBoard::discoveryFinished);
        QSignalSpy failed(&board, &TaskBoard::discoveryFailed);
        DiscoveryRequest request;
        request.profile = kProfile;
        request.product = QStringLiteral("redis");
        request.regions = {kRegion};
        board.discover(request);
        QVERIFY(board.isDiscovering());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.at(0).at(1).toString(), kRegion);
        QCOMPARE(finished.at(0).at(2).toInt(), 2); // found
        QCOMPARE(finished.at(0).at(3).toInt(), 2); // added
        QVERIFY(!task("redis", QStringLiteral("5003")));
        const TaskState* failedTask = task("redis", QStringLiteral("5002"));
        QVERIFY(failedTask);
        QCOMPARE(failedTask->phase, TaskPhase::Finished);
        QCOMPARE(failedTask->status, QString::fromLatin1(TaskStatus::Failed));
        // DescribeTaskList reports a result code, not redis's word: the status stands for it.
        QCOMPARE(failedTask->vendorStatus, std::optional(QString::fromLatin1(TaskStatus::Failed)));
        QCOMPARE(m_emulator->pollsOf(QStringLiteral("redis"), QStringLiteral("5002")), 0);
        const TaskState* runningTask = task("redis", QStringLiteral("5001"));
        QVERIFY(runningTask);
        QCOMPARE(runningTask->discovery.instanceIds, QStringList{QStringLiteral("ins-0001")});
        QTRY_COMPARE_WITH_TIMEOUT(runningTask->phase, TaskPhase::Finished, 10000);
        QCOMPARE(runningTask->vendorStatus, QStringLiteral("succeed"));
        QVERIFY(m_emulator->requestsOf(QStringLiteral("redis"), QStringLiteral("DescribeTaskList")) >= 1);
    }

    // 60 running tasks of each product at once, as fast as the options allow: every (SecretId, service,
    // action) window of the emulator stays within its limit, and nothing is answered RequestLimitExceeded.
    void backlogOfEveryProductStaysWithinEachLimit() {
        // Each product's poll action, its service and its word for a running task (text, not char pointers:
        // GCC 14 misreads constant strings picked by a condition as empty ones).
        struct Lane {
            QString service, action, running;
            bool hasInfo;
        };
        const QList<Lane> lanes{
            {QStringLiteral("cdb"), QStringLiteral("DescribeAsyncRequestInfo"), QStringLiteral("RUNNING"),
             true},
            {QStringLiteral("mongodb"), QStringLiteral("DescribeAsyncRequestInfo"), QStringLiteral("running"),
             false},
            {QStringLiteral("redis"), QStringLiteral("DescribeTaskInfo"), QStringLiteral("running"), true},
            {QStringLiteral("postgres"), QStringLiteral("DescribeTasks"), QStringLiteral("Running"), true},
        };
        QStringList text;
        for (int i = 1; i <= 60; ++i) {
            for (const Lane& lane : lanes) {
                ScriptedTask t;
                const bool cdb = lane.service == QLatin1String("cdb");
                t.product = cdb ? QString() : lane.service;
                t.id = cdb ? QStringLiteral("%1-00000000-00000000-00000000").arg(i, 8, 16, QLatin1Char('0'))
                           : QString::number(100000 + i);
                TimelineStep running;
                running.status = lane.running;
                if (lane.hasInfo && !cdb)
                    running.info = QString();
                t.steps = {running};
                t.instanceIds = {QStringLiteral("ins-0001")};
                m_emulator->addTask(t);
                text << (cdb ? t.id : lane.service + QLatin1Char(':') + t.id);
            }
        }
        PollOptions poll = fastOptions();
        poll.minIntervalMs = 50; // every task is due again long before its turn: a steady backlog
        TaskBoard& board = startBoard(poll);
        QSignalSpy limited(&board, &TaskBoard::rateLimited);
        QCOMPARE(board.addText(text.join(QLatin1Char('\n'))).added, 240);
        QTest::qWait(4000);
        for (const Lane& lane : lanes) {
            const int most = m_emulator->maxInAnyWindowOf(kSecretId, lane.service, lane.action);
            const int limit = Products::find(lane.service)->rateLimit(lane.action);
            QVERIFY2(most <= limit,
                     qPrintable(QStringLiteral("%1: %2 > %3").arg(lane.service).arg(most).arg(limit)));
            // Each lane keeps its own pace: a backlog reaches most of its limit.
            QVERIFY2(most >= limit * 3 / 4,
                     qPrintable(QStringLiteral("%1: only %2").arg(lane.service).arg(most)));
        }
        QCOMPARE(m_emulator->stats().rateLimited, 0);
        QCOMPARE(limited.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProductsPolling)
#include "tst_products_polling.moc"
