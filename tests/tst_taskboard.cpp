// TaskBoard: the one owner of tasks and accounts. Batched, store-first announcements; the add report; tasks
// keyed by (profile, id); each account with its own poller, credential state and 40/s budget (two keys × 300
// tasks against the emulator); restore with profiles; the table model fed by the board under
// QAbstractItemModelTester.
#include "Emulator.h"
#include "TaskBoard.h"
#include "TimelineSteps.h"
#include "accounts/AccountConfig.h"
#include "discovery/DiscoveryRequest.h"
#include "history/TaskStore.h"
#include "model/TaskTableModel.h"
#include "polling/AccountPoller.h"
#include "polling/PollScheduler.h"
#include "task/AddReport.h"
#include "task/HistoryEntry.h"
#include "task/PollOutcome.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kAlphaId = QStringLiteral("AKIDALPHA00000000000000000000000000");
const QString kAlphaKey = QStringLiteral("alpha-secret-key");
const QString kBetaId = QStringLiteral("AKIDBETA000000000000000000000000000");
const QString kBetaKey = QStringLiteral("beta-secret-key");
const QString kAlpha = QStringLiteral("alpha");
const QString kBeta = QStringLiteral("beta");

QString idFor(char prefix, int n) {
    return QStringLiteral("%1-%2-00000000-00000000")
        .arg(QString(8, QLatin1Char(prefix)))
        .arg(n, 8, 10, QLatin1Char('0'));
}

AccountConfig account(const QString& url, const QString& id, const QString& key) {
    AccountConfig config;
    config.endpoint.url = QUrl(url);
    config.endpoint.timeoutMs = 5000;
    config.credential = {id, key, {}};
    config.region = QStringLiteral("ap-guangzhou");
    return config;
}

PollOptions fastPoll(int minIntervalMs = 200) {
    PollOptions poll;
    poll.minIntervalMs = minIntervalMs;
    poll.unlistedIntervalMs = minIntervalMs;
    poll.backoffStartMs = 200;
    poll.backoffCapMs = 400;
    return poll;
}

ScriptedTask scripted(const QString& id, const QList<TimelineStep>& steps) {
    ScriptedTask task;
    task.id = id;
    task.steps = steps;
    return task;
}

TimelineStep timed(qint64 afterMs, const char* status, int progress = -1, int taskCode = 0,
                   const char* taskMessage = "") {
    TimelineStep t;
    t.afterMs = afterMs;
    t.status = QString::fromLatin1(status);
    t.progress = progress;
    t.taskCode = taskCode;
    t.taskMessage = QString::fromUtf8(taskMessage);
    return t;
}

ScriptedTask discoverable(const QString& id, qint64 jobId, qint64 startedMsAgo,
                          const QList<TimelineStep>& steps) {
    ScriptedTask t;
    t.id = id;
    t.region = QStringLiteral("ap-guangzhou");
    t.jobId = jobId;
    t.instanceIds = {QStringLiteral("cdb-c1nl9rpv")};
    t.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-startedMsAgo);
    t.steps = steps;
    return t;
}

DiscoveryRequest everything() {
    DiscoveryRequest r;
    r.regions = {QStringLiteral("ap-guangzhou")};
    r.query.since = QDateTime::currentDateTimeUtc().addDays(-1);
    return r;
}

QStringList ids(char prefix, int count) {
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << idFor(prefix, i);
    return out;
}
} // namespace

class TestTaskBoard : public QObject {
    Q_OBJECT
    std::unique_ptr<Emulator> m_emulator;

private slots:
    void init() {
        m_emulator = std::make_unique<Emulator>();
        m_emulator->addCredential(kAlphaId, kAlphaKey);
        m_emulator->addCredential(kBetaId, kBetaKey);
        QVERIFY(m_emulator->listen());
    }
    void cleanup() { m_emulator.reset(); }

    void addReportAndKeys() {
        TaskBoard board(nullptr);
        board.setDefaultProfile(kAlpha);
        QSignalSpy added(&board, &TaskBoard::tasksAdded);
        const AddReport report =
            board.addText(QStringLiteral("%1\n%2 done\n%1\nno id here\n{\"AsyncRequestId\": \"%3\"}\n")
                              .arg(idFor('a', 1), idFor('a', 2).toUpper(), idFor('a', 3)));
        QCOMPARE(report.added, 3);
        QCOMPARE(report.alreadyPresent, 1);
        QCOMPARE(report.unrecognisedLineCount, 1);
        QCOMPARE(report.text(), QStringLiteral("3 added, 1 already present, 1 line not recognised"));
        QCOMPARE(added.count(), 1); // one announcement for the whole text
        QCOMPARE(added.at(0).at(0).toStringList().size(), 3);
        QCOMPARE(board.keys().first(), taskKey(kAlpha, idFor('a', 1)));
        // Without credentials the tasks wait, held.
        QCOMPARE(board.task(taskKey(kAlpha, idFor('a', 1)))->phase, TaskPhase::Held);

        // The same id under another profile is another task; under the same one it is already present.
        QCOMPARE(board.addIds({idFor('a', 1)}, kBeta).size(), 1);
        QCOMPARE(board.addIds({idFor('a', 1)}, kAlpha).size(), 0);
        QCOMPARE(board.count(), 4);
        QCOMPARE(board.taskProfiles(), (QStringList{kAlpha, kBeta}));
        QCOMPARE(board.task(taskKey(kBeta, idFor('a', 1)))->profile, kBeta);
    }

    void changesAreBatchedAndStoredBeforeAnnounced() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        TaskBoard board(&store, fastPoll());
        board.setSharedBudget(false);
        for (const QString& id : ids('c', 30))
            m_emulator->addTask(scripted(id, {step(0, "RUNNING", "Working"), step(2, "SUCCESS", "Done")}));
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));

        QElapsedTimer clock;
        clock.start();
        QList<qint64> updateTimes;
        int updatedKeys = 0;
        connect(&board, &TaskBoard::tasksUpdated, this, [&](const QStringList& keys) {
            updateTimes << clock.elapsed();
            updatedKeys += int(keys.size());
        });
        int entriesSeen = 0;
        bool allStoredFirst = true;
        connect(&board, &TaskBoard::changesObserved, this, [&](const QList<HistoryEntry>& entries) {
            entriesSeen += int(entries.size());
            // Announced only after the batch is committed: the history already holds every entry.
            allStoredFirst = allStoredFirst && store.historyCount() >= entriesSeen;
        });
        QSignalSpy finished(&board, &TaskBoard::tasksFinished);
        QSignalSpy allDone(&board, &TaskBoard::allDone);
        board.addIds(ids('c', 30), kAlpha);
        QVERIFY(allDone.wait(20000));
        QCOMPARE(allDone.count(), 1);
        QCOMPARE(board.activeCount(), 0);
        QVERIFY(allStoredFirst);
        QCOMPARE(entriesSeen, 60); // RUNNING and SUCCESS for each
        QCOMPARE(store.historyCount(), 60);
        int finishedKeys = 0;
        for (const QList<QVariant>& args : std::as_const(finished))
            finishedKeys += int(args.at(0).toStringList().size());
        QCOMPARE(finishedKeys, 30);
        // Batched: far fewer announcements than results, never two within ~100 ms.
        QVERIFY2(updateTimes.size() < updatedKeys / 2,
                 qPrintable(QStringLiteral("%1 signals, %2 keys").arg(updateTimes.size()).arg(updatedKeys)));
        for (int i = 1; i < updateTimes.size(); ++i)
            QVERIFY2(updateTimes.at(i) - updateTimes.at(i - 1) >= 90,
                     qPrintable(QString::number(updateTimes.at(i) - updateTimes.at(i - 1))));
        // The timeline of a task: its observed changes, in order.
        const QList<HistoryEntry> timeline = board.timeline(taskKey(kAlpha, idFor('c', 7)));
        QCOMPARE(timeline.size(), 2);
        QCOMPARE(timeline.at(1).status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(timeline.at(1).profile, kAlpha);
    }

    // A poll that only moved "last checked" is not written per poll: once per kCheckedWriteMs (the first
    // one at once), and every pending one at flush(All) (exit). A change is written with its batch.
    void lastCheckedWrittenOncePerPeriod() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        TaskBoard board(&store, fastPoll());
        board.setSharedBudget(false);
        board.setPaused(true); // nothing reaches the network: the test speaks for the scheduler
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        const QString id = idFor('l', 1);
        board.addIds({id}, kAlpha);
        PollScheduler* scheduler = board.poller(kAlpha)->scheduler();
        auto storedCheck = [&] {
            const QList<TaskState> tasks = store.loadTasks().value();
            return tasks.size() == 1 ? tasks.first().lastCheckedAt : QDateTime();
        };
        PollOutcome outcome;
        outcome.taskId = id;
        outcome.status = QStringLiteral("RUNNING");
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-30);
        outcome.checkedAt = t0;
        outcome.observedChange = true;
        emit scheduler->polled(outcome); // a change: written with its batch
        board.flush();
        QCOMPARE(storedCheck(), t0);
        QCOMPARE(store.historyCount(), 1);
        outcome.observedChange = false;
        for (int i = 1; i <= 5; ++i) { // polls that changed nothing: kept in memory
            outcome.checkedAt = t0.addSecs(i);
            emit scheduler->polled(outcome);
            board.flush();
        }
        QCOMPARE(storedCheck(), t0);
        QCOMPARE(board.task(taskKey(kAlpha, id))->lastCheckedAt, t0.addSecs(5));
        QVERIFY(HistoryJournal::kCheckedWriteMs >= 10000);
        board.flush(TaskBoard::FlushMode::All); // exit, SIGINT, SIGTERM
        QCOMPARE(storedCheck(), t0.addSecs(5));
        QCOMPARE(store.historyCount(), 1);
    }

    void authFailureOfOneAccountLeavesTheOtherPolling() {
        TaskBoard board(nullptr, fastPoll());
        board.setSharedBudget(false);
        for (const QString& id : ids('d', 5) + ids('e', 5))
            m_emulator->addTask(scripted(id, {step(0, "RUNNING", "Working"), step(2, "SUCCESS", "Done")}));
        QSignalSpy authFailed(&board, &TaskBoard::authFailed);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        board.setAccount(kBeta, account(m_emulator->url(), kBetaId, QStringLiteral("a wrong key")));
        board.addIds(ids('d', 5), kAlpha);
        board.addIds(ids('e', 5), kBeta);
        QTRY_COMPARE_WITH_TIMEOUT(authFailed.count(), 1, 10000);
        QCOMPARE(authFailed.at(0).at(0).toString(), kBeta);
        QCOMPARE(board.accountStatus(kBeta).state, AccountState::HeldByAuth);
        QCOMPARE(board.accountStatus(kAlpha).state, AccountState::Polling);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QString& id : ids('d', 5)) {
                    if (!board.task(taskKey(kAlpha, id))->isFinished())
                        return false;
                }
                return true;
            }(),
            15000);
        for (const QString& id : ids('e', 5))
            QVERIFY(!board.task(taskKey(kBeta, id))->isFinished());
        const int betaRequests = m_emulator->requestsBy(kBetaId);
        QTest::qWait(600);
        QCOMPARE(m_emulator->requestsBy(kBetaId), betaRequests); // held: nothing more sent

        // New credentials for beta: it resumes and finishes.
        board.setAccount(kBeta, account(m_emulator->url(), kBetaId, kBetaKey));
        QCOMPARE(board.accountStatus(kBeta).state, AccountState::Polling);
        QTRY_COMPARE_WITH_TIMEOUT(board.activeCount(), 0, 15000);
    }

    void restoreKeepsEachTaskWithItsProfile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            TaskStore store(path);
            QVERIFY(store.open());
            TaskBoard board(&store);
            board.addIds(ids('f', 3), kAlpha);
            board.addIds({idFor('f', 0), idFor('g', 1)}, kBeta);
        }
        TaskStore store(path);
        QVERIFY(store.open());
        TaskBoard board(&store, fastPoll());
        board.setSharedBudget(false);
        QSignalSpy added(&board, &TaskBoard::tasksAdded);
        QCOMPARE(board.restore(), 5);
        QCOMPARE(added.count(), 1);
        QCOMPARE(board.taskProfiles(), (QStringList{kAlpha, kBeta}));
        QVERIFY(board.task(taskKey(kAlpha, idFor('f', 0))));
        QVERIFY(board.task(taskKey(kBeta, idFor('f', 0))));
        QVERIFY(board.task(taskKey(kBeta, idFor('g', 1))));
        QVERIFY(!board.task(taskKey(kAlpha, idFor('g', 1))));

        // Only alpha has credentials: its tasks are polled with its key; beta's wait, "credentials missing".
        m_emulator->setDefaultTimeline({step(0, "RUNNING", "Working")});
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        board.setAccountMissing(kBeta, QStringLiteral("credentials missing for profile beta"));
        QCOMPARE(board.accountStatus(kBeta).state, AccountState::CredentialsMissing);
        QCOMPARE(board.accountStatus(kBeta).problem, QStringLiteral("credentials missing for profile beta"));
        QTRY_COMPARE_WITH_TIMEOUT(m_emulator->taskIdsQueriedBy(kAlphaId).size(), 3, 10000);
        QCOMPARE(board.task(taskKey(kBeta, idFor('g', 1)))->phase, TaskPhase::Held);
        QCOMPARE(m_emulator->requestsBy(kBetaId), 0);
    }

    void removeRetryAndClearFinished() {
        TaskBoard board(nullptr, fastPoll());
        board.setSharedBudget(false);
        m_emulator->addTask(scripted(idFor('h', 0), {step(0, "SUCCESS", "Done")}));
        m_emulator->addTask(scripted(idFor('h', 1), {step(0, "RUNNING", "Working")}));
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        board.addIds({idFor('h', 0), idFor('h', 1), idFor('h', 2)}, kAlpha); // h2 does not exist
        QTRY_COMPARE_WITH_TIMEOUT(board.finishedCount(), 2, 10000);
        const QString missing = taskKey(kAlpha, idFor('h', 2));
        QCOMPARE(board.task(missing)->phase, TaskPhase::Stopped);
        board.retry({missing});
        QVERIFY(!board.task(missing)->isDone());
        QTRY_COMPARE_WITH_TIMEOUT(board.task(missing)->phase, TaskPhase::Stopped, 10000);

        QSignalSpy aboutToRemove(&board, &TaskBoard::tasksAboutToBeRemoved);
        const QStringList cleared = board.clearFinished();
        QCOMPARE(cleared.size(), 2);
        QCOMPARE(aboutToRemove.count(), 1);
        QCOMPARE(board.count(), 1);
        board.remove({taskKey(kAlpha, idFor('h', 1))});
        QCOMPARE(board.count(), 0);
        QVERIFY(!board.poller(kAlpha)->scheduler()->contains(idFor('h', 1)));
    }

    // Removing tasks while the history is locked by another process (busy past its timeout): nothing is
    // removed — the tasks stay on the board and in their scheduler, as they stay in the store — and the
    // failure is told. Once the lock is gone the removal goes through, from both.
    void removeWhileTheStoreIsLockedRemovesNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        TaskStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        TaskBoard board(&store, fastPoll());
        board.setSharedBudget(false);
        board.setPaused(true);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        board.addIds(ids('r', 2), kAlpha);
        const QStringList keys{taskKey(kAlpha, idFor('r', 0)), taskKey(kAlpha, idFor('r', 1))};
        PollScheduler* scheduler = board.poller(kAlpha)->scheduler();
        QSignalSpy aboutToRemove(&board, &TaskBoard::tasksAboutToBeRemoved);
        QSignalSpy failed(&board, &TaskBoard::storeFailed);
        {
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(!board.remove(keys));
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(aboutToRemove.count(), 0);
        QCOMPARE(board.count(), 2);
        QVERIFY(scheduler->contains(idFor('r', 0)));
        QCOMPARE(store.loadTasks().value().size(), 2);

        QVERIFY(board.remove(keys));
        QCOMPARE(board.count(), 0);
        QVERIFY(!scheduler->contains(idFor('r', 0)));
        QVERIFY(!scheduler->contains(idFor('r', 1)));
        QCOMPARE(store.loadTasks().value().size(), 0);
    }

    // The in-flight limit follows the transport: 64 over the vendor's HTTP/2, 6 over HTTP/1.1 (plain http to
    // a loopback server, or https to one): switching a profile's endpoint applies the new one, both ways.
    void endpointChangeAppliesItsTransportLimit() {
        TaskBoard board(nullptr, fastPoll());
        board.setSharedBudget(false);
        board.setPaused(true); // nothing goes out
        AccountConfig vendor =
            account(QStringLiteral("https://cdb.intl.tencentcloudapi.com"), kAlphaId, kAlphaKey);
        board.setAccount(kAlpha, vendor);
        PollScheduler* scheduler = board.poller(kAlpha)->scheduler();
        QCOMPARE(scheduler->options().maxInFlight, PollOptions().maxInFlight);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        QCOMPARE(scheduler->options().maxInFlight, 6);
        board.setAccount(kAlpha, vendor);
        QCOMPARE(scheduler->options().maxInFlight, PollOptions().maxInFlight);
    }

    // The undo of Remove / Clear Finished: the states come back, in the store too, and unfinished ones are
    // polled again.
    void reinstateAfterRemove() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        TaskBoard board(&store, fastPoll());
        board.setSharedBudget(false);
        m_emulator->addTask(scripted(idFor('u', 0), {step(0, "SUCCESS", "Done")}));
        m_emulator->addTask(
            scripted(idFor('u', 1), {step(0, "RUNNING", "Working"), step(60000, "SUCCESS", "")}));
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        board.addIds({idFor('u', 0), idFor('u', 1)}, kAlpha);
        const QString done = taskKey(kAlpha, idFor('u', 0));
        const QString running = taskKey(kAlpha, idFor('u', 1));
        QTRY_COMPARE_WITH_TIMEOUT(board.finishedCount(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            board.task(running)->status == std::optional<QString>(QStringLiteral("RUNNING")), 10000);
        board.flush(TaskBoard::FlushMode::All);
        const QList<TaskState> saved{*board.task(done), *board.task(running)};
        board.remove({done, running});
        QCOMPARE(board.count(), 0);
        QCOMPARE(store.loadTasks().value().size(), 0);

        QSignalSpy added(&board, &TaskBoard::tasksAdded);
        QCOMPARE(board.reinstate(saved), (QStringList{done, running}));
        QCOMPARE(added.count(), 1);
        QCOMPARE(board.count(), 2);
        QCOMPARE(board.task(done)->status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(board.task(done)->info, std::optional<QString>(QStringLiteral("Done")));
        QVERIFY(board.task(done)->isFinished());
        QCOMPARE(store.loadTasks().value().size(), 2); // written again: survives a restart
        PollScheduler* scheduler = board.poller(kAlpha)->scheduler();
        QVERIFY(scheduler->contains(idFor('u', 1)));     // polled again
        QCOMPARE(scheduler->activeCount(), 1);           // the finished one is never polled
        QCOMPARE(board.reinstate(saved), QStringList()); // already there: nothing twice
    }

    void modelFedByTheBoard() {
        TaskBoard board(nullptr, fastPoll());
        board.setSharedBudget(false);
        TaskTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setTaskList(&board);
        for (const QString& id : ids('i', 12))
            m_emulator->addTask(scripted(id, {step(0, "RUNNING", "Working"), step(1, "SUCCESS", "Done")}));
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        board.addIds(ids('i', 8), kAlpha);
        board.addIds(ids('i', 12).mid(4), kBeta); // the same ids under another (credential-less) profile
        QCOMPARE(model.rowCount(), 16);
        QCOMPARE(model.profiles(), (QStringList{kAlpha, kBeta}));
        QTRY_COMPARE_WITH_TIMEOUT(board.finishedCount(), 8, 15000);
        QTRY_COMPARE(model.finishedCount(), 8);
        const int row = model.rowOf(taskKey(kAlpha, idFor('i', 5)));
        QCOMPARE(model.index(row, TaskTableModel::ProfileColumn).data().toString(), kAlpha);
        QCOMPARE(
            model.index(row, TaskTableModel::StatusColumn).data(TaskTableModel::StatusKeyRole).toString(),
            QStringLiteral("SUCCESS"));
        QCOMPARE(model.stateOf(taskKey(kBeta, idFor('i', 5)))->phase, TaskPhase::Held);
        board.clearFinished();
        QCOMPARE(model.rowCount(), 8);
        board.remove({taskKey(kBeta, idFor('i', 11)), taskKey(kBeta, idFor('i', 4))});
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.keys(), board.keys());
    }

    // Two accounts × 300 tasks at once: each key within its own 40 per 1000 ms at the server, together well
    // above one account's limit, and no task ever signed with the other account's key.
    void twoAccountsEachWithTheirOwnBudget() {
        m_emulator->setDefaultTimeline({step(0, "RUNNING", "Working")});
        TaskBoard board(nullptr, fastPoll(5000));
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        board.setAccount(kBeta, account(m_emulator->url(), kBetaId, kBetaKey));
        const QStringList alphaIds = ids('a', 300);
        const QStringList betaIds = ids('b', 300);
        board.addIds(alphaIds, kAlpha);
        board.addIds(betaIds, kBeta);
        QTest::qWait(6000);
        const EmulatorStats stats = m_emulator->stats();
        QCOMPARE(stats.rateLimited, 0);
        QVERIFY2(m_emulator->maxInAnyWindowOf(kAlphaId) <= 40,
                 qPrintable(QString::number(m_emulator->maxInAnyWindowOf(kAlphaId))));
        QVERIFY2(m_emulator->maxInAnyWindowOf(kBetaId) <= 40,
                 qPrintable(QString::number(m_emulator->maxInAnyWindowOf(kBetaId))));
        QVERIFY2(stats.maxInAnyWindow > 60, qPrintable(QString::number(stats.maxInAnyWindow)));
        const QSet<QString> alphaSet(alphaIds.cbegin(), alphaIds.cend());
        const QSet<QString> betaSet(betaIds.cbegin(), betaIds.cend());
        const QSet<QString> byAlpha = m_emulator->taskIdsQueriedBy(kAlphaId);
        const QSet<QString> byBeta = m_emulator->taskIdsQueriedBy(kBetaId);
        QVERIFY(byAlpha.size() > 150 && byBeta.size() > 150);
        QVERIFY(byAlpha.intersects(betaSet) == false);
        QVERIFY(byBeta.intersects(alphaSet) == false);
        QVERIFY(alphaSet.contains(byAlpha));
        QVERIFY(betaSet.contains(byBeta));
    }

    // Discovered tasks join the board: an unfinished one with an AsyncRequestId is polled; one finished
    // before it was discovered is shown with its final state (and DescribeTasks' error) and never polled; one
    // without an AsyncRequestId is keyed by its JobId and refreshed from DescribeTasks only. Stored with
    // their facts, restored with them.
    void discoveredTasksJoinTheBoard() {
        const QString running = idFor('d', 1), done = idFor('d', 2), failed = idFor('d', 3);
        EmulatedInstance orders;
        orders.id = QStringLiteral("cdb-c1nl9rpv");
        orders.name = QStringLiteral("orders-primary");
        orders.region = QStringLiteral("ap-guangzhou");
        m_emulator->addInstance(orders);
        m_emulator->addTask(
            discoverable(running, 11, 1000, {timed(0, "RUNNING", 30), timed(2500, "SUCCESS", 100)}));
        m_emulator->addTask(
            discoverable(done, 12, 3600 * 1000, {timed(0, "RUNNING"), timed(60000, "SUCCESS")}));
        m_emulator->addTask(discoverable(failed, 13, 7200 * 1000,
                                         {timed(0, "RUNNING"), timed(1000, "FAILED", 100, 7, "disk full")}));
        ScriptedTask job = discoverable(QStringLiteral("job-only"), 14, 1000,
                                        {timed(0, "RUNNING", 10), timed(2500, "SUCCESS")});
        job.listWithoutAsyncId = true;
        job.taskType = QStringLiteral("REBOOT");
        m_emulator->addTask(job);

        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        TaskBoard board(&store, fastPoll(300));
        board.setSharedBudget(false);
        board.setDiscoveryIntervals(300, 60000);
        board.setDefaultProfile(kAlpha);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        QSignalSpy finished(&board, &TaskBoard::discoveryFinished);
        board.discover(everything());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(2).toInt(), 4); // found
        QCOMPARE(finished.at(0).at(3).toInt(), 4); // added
        QCOMPARE(board.count(), 4);

        const TaskState* r = board.task(taskKey(kAlpha, running));
        QVERIFY(r);
        QCOMPARE(r->discovery.jobId, 11);
        QCOMPARE(r->discovery.instanceName, QStringLiteral("orders-primary"));
        QCOMPARE(r->discovery.taskType, QStringLiteral("MODIFY PARAM"));
        const TaskState* d = board.task(taskKey(kAlpha, done));
        QCOMPARE(d->status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(d->phase, TaskPhase::Finished);
        QVERIFY(d->finishedAt.isValid());
        const TaskState* f = board.task(taskKey(kAlpha, failed));
        QCOMPARE(f->status, std::optional<QString>(QStringLiteral("FAILED")));
        QCOMPARE(f->errorCode, QStringLiteral("TaskError.7"));
        QCOMPARE(f->errorMessage, QStringLiteral("disk full"));
        const TaskState* j = board.task(taskKey(kAlpha, jobTaskId(14)));
        QVERIFY(j);
        QVERIFY(j->isJobOnly());
        QCOMPARE(j->discovery.taskType, QStringLiteral("REBOOT"));
        QCOMPARE(j->status, std::optional<QString>(QStringLiteral("RUNNING")));

        // The running one is polled to its end; the job-only one ends through DescribeTasks.
        QVERIFY(QTest::qWaitFor([&] { return board.activeCount() == 0; }, 15000));
        QCOMPARE(board.task(taskKey(kAlpha, running))->status,
                 std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(board.task(taskKey(kAlpha, jobTaskId(14)))->status,
                 std::optional<QString>(QStringLiteral("SUCCESS")));
        QVERIFY(m_emulator->pollsOf(running) >= 1);
        QCOMPARE(m_emulator->pollsOf(done), 0); // finished when discovered: never polled
        QCOMPARE(m_emulator->pollsOf(failed), 0);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeAsyncRequestInfo")),
                 m_emulator->pollsOf(running));
        // Nothing unfinished: discovery stops listing (not following).
        board.flush(TaskBoard::FlushMode::All);
        const int listings = m_emulator->requestsOf(QStringLiteral("DescribeTasks"));
        QTest::qWait(1000);
        QVERIFY(m_emulator->requestsOf(QStringLiteral("DescribeTasks")) <= listings + 1);

        // Stored with their facts.
        const QList<TaskState> stored = store.loadTasks().value();
        QCOMPARE(stored.size(), 4);
        for (const TaskState& t : stored)
            QVERIFY2(t.discovery.isDiscovered() && t.discovery.jobId > 0, qPrintable(t.id));
    }

    // A discovered task is not polled by id while the listings show it unchanged. Once a listing shows it
    // finished, it gets at most one more DescribeAsyncRequestInfo (for its Info), then none — even when that
    // poll does not answer: the listing's final state ends it. (Leaving the listing of unfinished tasks gets
    // it one poll too; that one may come first.)
    void oneMorePollAfterDescribeTasksSaysFinished() {
        const QString id = idFor('e', 1);
        ScriptedTask t = discoverable(id, 21, 500, {timed(0, "RUNNING"), timed(3000, "SUCCESS")});
        t.fault = Fault::Http502Html; // DescribeAsyncRequestInfo never answers usefully
        m_emulator->addTask(t);
        PollOptions poll = fastPoll(60000);
        poll.backoffStartMs = 60000; // after the first 502 the poller waits a minute
        poll.backoffCapMs = 60000;
        TaskBoard board(nullptr, poll);
        board.setSharedBudget(false);
        board.setDiscoveryIntervals(300, 300);
        board.setDefaultProfile(kAlpha);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        DiscoveryRequest request = everything();
        request.follow = true; // lists every status again: it shows the task finished
        board.discover(request);
        QVERIFY(QTest::qWaitFor([&] { return board.count() == 1; }, 5000));
        QCOMPARE(board.task(taskKey(kAlpha, id))->status, std::optional<QString>(QStringLiteral("RUNNING")));
        QTest::qWait(600); // listed again, unchanged
        QCOMPARE(m_emulator->pollsOf(id), 0);
        QVERIFY(QTest::qWaitFor([&] { return board.activeCount() == 0; }, 10000));
        const TaskState* s = board.task(taskKey(kAlpha, id));
        QCOMPARE(s->status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(s->phase, TaskPhase::Finished);
        const int polls = m_emulator->pollsOf(id);
        QVERIFY2(polls >= 1 && polls <= 2, qPrintable(QString::number(polls)));
        QTest::qWait(800);
        QCOMPARE(m_emulator->pollsOf(id), polls);
        board.stopFollowing();
    }

    // Following lists again every interval: new tasks join; one the user removed is not brought back (until
    // added again by hand).
    void followingAddsNewTasksNotRemovedOnes() {
        const QString first = idFor('g', 1), second = idFor('g', 2);
        m_emulator->addTask(discoverable(first, 31, 1000, {timed(0, "RUNNING")}));
        TaskBoard board(nullptr, fastPoll(60000));
        board.setSharedBudget(false);
        board.setDiscoveryIntervals(60000, 300);
        board.setDefaultProfile(kAlpha);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        DiscoveryRequest request = everything();
        request.follow = true;
        board.discover(request);
        QVERIFY(QTest::qWaitFor([&] { return board.count() == 1; }, 5000));
        QVERIFY(board.isFollowing(kAlpha));
        m_emulator->addTask(discoverable(second, 32, 0, {timed(0, "RUNNING")}));
        QVERIFY(QTest::qWaitFor([&] { return board.count() == 2; }, 5000));
        board.remove({taskKey(kAlpha, first)});
        QSignalSpy listed(&board, &TaskBoard::discoveryFinished);
        QVERIFY(QTest::qWaitFor([&] { return listed.count() >= 2; }, 5000));
        QCOMPARE(board.count(), 1);
        QVERIFY(!board.task(taskKey(kAlpha, first)));
        board.addIds({first});
        QCOMPARE(board.count(), 2);
        board.stopFollowing();
        QVERIFY(!board.isFollowing(kAlpha));
    }

    // Pasted ids are listed with their region's unfinished tasks: a listed task is polled by id only when the
    // listing shows it changed (progress 10 -> 60) or gone (ended), and shows its type and progress; a task
    // the listing does not show is polled by id throughout. Once every task has finished nothing is sent.
    void listingsDrivePollingOfPastedIds() {
        const QString a = idFor('l', 1), b = idFor('l', 2), unlisted = idFor('l', 3);
        m_emulator->addTask(discoverable(
            a, 51, 1000, {timed(0, "RUNNING", 10), timed(2500, "RUNNING", 60), timed(5000, "SUCCESS", 100)}));
        m_emulator->addTask(discoverable(b, 52, 1000, {timed(0, "RUNNING", 10), timed(4000, "FAILED", 100)}));
        m_emulator->addTask(scripted(unlisted, {timed(0, "RUNNING"), timed(3000, "SUCCESS")}));
        TaskBoard board(nullptr, fastPoll(200));
        board.setSharedBudget(false);
        board.setDiscoveryIntervals(200, 60000);
        board.setDefaultProfile(kAlpha);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        QSignalSpy listed(&board, &TaskBoard::discoveryFinished);
        QSignalSpy failed(&board, &TaskBoard::discoveryFailed);
        board.addIds({a, b, unlisted});
        QVERIFY(
            QTest::qWaitFor([&] { return board.task(taskKey(kAlpha, a))->discovery.progress == 10; }, 5000));
        QCOMPARE(board.task(taskKey(kAlpha, a))->discovery.taskType, QStringLiteral("MODIFY PARAM"));
        QCOMPARE(board.task(taskKey(kAlpha, a))->status, std::optional<QString>(QStringLiteral("RUNNING")));
        QVERIFY(QTest::qWaitFor([&] { return board.activeCount() == 0; }, 15000));
        QCOMPARE(board.task(taskKey(kAlpha, a))->status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(board.task(taskKey(kAlpha, b))->status, std::optional<QString>(QStringLiteral("FAILED")));
        QCOMPARE(board.task(taskKey(kAlpha, unlisted))->status,
                 std::optional<QString>(QStringLiteral("SUCCESS")));
        QVERIFY(!board.task(taskKey(kAlpha, a))
                     ->requestId.isEmpty());         // the end came from DescribeAsyncRequestInfo
        QCOMPARE(m_emulator->pollsOf(a), 2);         // progress changed, then gone
        QCOMPARE(m_emulator->pollsOf(b), 1);         // gone
        QVERIFY(m_emulator->pollsOf(unlisted) >= 4); // by id, every 200 ms at first
        QCOMPARE(listed.count(), 0); // these listings are not discoveries: nothing is announced
        QCOMPARE(failed.count(), 0);
        // Idle: only finished tasks, nothing is sent.
        QTest::qWait(300);
        const int requests = m_emulator->stats().requests;
        QTest::qWait(1200);
        QCOMPARE(m_emulator->stats().requests, requests);
    }

    // Without cdb:DescribeTasks the first listing is refused, silently: every pasted id is polled by id at
    // once and throughout, as without listings; no listing is tried again.
    void withoutDescribeTasksPastedIdsArePolledById() {
        const QString a = idFor('m', 1), b = idFor('m', 2);
        m_emulator->addTask(
            discoverable(a, 61, 1000, {timed(0, "RUNNING", 10), timed(2500, "SUCCESS", 100)}));
        m_emulator->addTask(scripted(b, {timed(0, "RUNNING"), timed(2000, "SUCCESS")}));
        m_emulator->setActionError(QStringLiteral("DescribeTasks"),
                                   QStringLiteral("AuthFailure.UnauthorizedOperation"),
                                   QStringLiteral("no policy"));
        TaskBoard board(nullptr, fastPoll(200));
        board.setSharedBudget(false);
        board.setDiscoveryIntervals(200, 60000);
        board.setDefaultProfile(kAlpha);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        QSignalSpy failed(&board, &TaskBoard::discoveryFailed);
        QElapsedTimer added;
        added.start();
        board.addIds({a, b});
        QVERIFY(QTest::qWaitFor([&] { return m_emulator->pollsOf(a) >= 1; }, 5000));
        QVERIFY2(added.elapsed() < 1000, qPrintable(QString::number(added.elapsed())));
        QVERIFY(QTest::qWaitFor([&] { return board.activeCount() == 0; }, 10000));
        QCOMPARE(board.task(taskKey(kAlpha, a))->status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QVERIFY(m_emulator->pollsOf(a) >= 3);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeTasks")), 1);
        QCOMPARE(failed.count(), 0);
        QVERIFY(board.accountStatus(kAlpha).discoveryProblem.isEmpty());
    }

    // Paused: nothing is sent, listings included. Resumed: the tasks wait for a listing again (a listed task
    // is not polled by id in a burst).
    void pausedBoardSendsNothing() {
        const QString a = idFor('n', 1);
        m_emulator->addTask(discoverable(a, 71, 1000, {timed(0, "RUNNING", 10)}));
        TaskBoard board(nullptr, fastPoll(200));
        board.setSharedBudget(false);
        board.setDiscoveryIntervals(200, 60000);
        board.setDefaultProfile(kAlpha);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        board.addIds({a});
        QVERIFY(QTest::qWaitFor([&] { return m_emulator->requestsOf(QStringLiteral("DescribeTasks")) >= 3; },
                                5000));
        board.setPaused(true);
        QTest::qWait(300);
        const int requests = m_emulator->stats().requests;
        QTest::qWait(4000); // longer than a listing covers a task
        QCOMPARE(m_emulator->stats().requests, requests);
        board.setPaused(false);
        const int listings = m_emulator->requestsOf(QStringLiteral("DescribeTasks"));
        QVERIFY(QTest::qWaitFor(
            [&] { return m_emulator->requestsOf(QStringLiteral("DescribeTasks")) >= listings + 3; }, 5000));
        QCOMPARE(m_emulator->pollsOf(a), 0);
    }

    // A sub-account without cdb:DescribeTasks: discovery is off for it (said so, naming the permission),
    // polling of pasted ids goes on.
    void missingPermissionStopsDiscoveryNotPolling() {
        const QString pasted = idFor('f', 1);
        m_emulator->addTask(scripted(pasted, {step(0, "RUNNING"), step(2, "SUCCESS")}));
        m_emulator->setActionError(QStringLiteral("DescribeTasks"),
                                   QStringLiteral("AuthFailure.UnauthorizedOperation"),
                                   QStringLiteral("no policy"));
        TaskBoard board(nullptr, fastPoll(200));
        board.setSharedBudget(false);
        board.setDefaultProfile(kAlpha);
        board.setAccount(kAlpha, account(m_emulator->url(), kAlphaId, kAlphaKey));
        board.addIds({pasted});
        QSignalSpy failed(&board, &TaskBoard::discoveryFailed);
        DiscoveryRequest request = everything();
        request.follow = true;
        board.discover(request);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(2).value<TaskBoard::DiscoveryFailure>(),
                 TaskBoard::DiscoveryFailure::PermissionDenied);
        QVERIFY(board.accountStatus(kAlpha).discoveryProblem.contains(QStringLiteral("cdb:DescribeTasks")));
        QVERIFY(!board.isFollowing(kAlpha));
        QCOMPARE(board.accountStatus(kAlpha).state, AccountState::Polling);
        QVERIFY(QTest::qWaitFor([&] { return board.activeCount() == 0; }, 10000));
        QCOMPARE(board.task(taskKey(kAlpha, pasted))->status,
                 std::optional<QString>(QStringLiteral("SUCCESS")));
        board.discover(everything()); // stays off
        QTest::qWait(300);
        // The listing of the pasted task's region (refused: it is polled by id) and the discovery; no more.
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeTasks")), 2);
    }
};

QTEST_GUILESS_MAIN(TestTaskBoard)
#include "tst_taskboard.moc"
