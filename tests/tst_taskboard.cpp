// TaskBoard: the one owner of tasks and accounts. Batched, store-first announcements; the add report; tasks
// keyed by (profile, id); each account with its own poller, credential state and 40/s budget (two keys × 300
// tasks against the emulator); restore with profiles; the table model fed by the board under
// QAbstractItemModelTester.
#include "Emulator.h"
#include "TaskBoard.h"
#include "TaskStore.h"
#include "TaskTableModel.h"
#include "TimelineSteps.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
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
        const TaskBoard::AddReport report =
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
        QCOMPARE(board.accountState(kBeta), AccountState::HeldByAuth);
        QCOMPARE(board.accountState(kAlpha), AccountState::Polling);
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
        QCOMPARE(board.accountState(kBeta), AccountState::Polling);
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
        QCOMPARE(board.accountState(kBeta), AccountState::CredentialsMissing);
        QCOMPARE(board.accountProblem(kBeta), QStringLiteral("credentials missing for profile beta"));
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
        QVERIFY(!board.scheduler(kAlpha)->task(idFor('h', 1)));
    }

    void modelFedByTheBoard() {
        TaskBoard board(nullptr, fastPoll());
        board.setSharedBudget(false);
        TaskTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setBoard(&board);
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
};

QTEST_GUILESS_MAIN(TestTaskBoard)
#include "tst_taskboard.moc"
