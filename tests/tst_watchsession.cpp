// WatchSession (the run of `watch`) over a real TaskBoard against the emulator in this process: when
// `watch --discover` over several regions may end. The board lists a region again (the listings of its
// unfinished tasks that drive polling, not announced), and tasks end meanwhile; the run must still wait for
// the first listing of every region.
#include "Emulator.h"
#include "TaskBoard.h"
#include "TimelineSteps.h"
#include "WatchOptions.h"
#include "WatchSession.h"
#include "accounts/AccountConfig.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"

#include <QSignalSpy>
#include <QTest>

using namespace taskwatch;
using namespace taskwatch::cli;
using namespace taskwatch::sim;

namespace {
const QString kSecretId = QStringLiteral("AKIDSESSION00000000000000000000000000");
const QString kSecretKey = QStringLiteral("session-test-secret-key");
const QString kProfile = QStringLiteral("session");
const QString kGz = QStringLiteral("ap-guangzhou");
const QString kSh = QStringLiteral("ap-shanghai");
const QString kInstancesAction = QStringLiteral("DescribeDBInstances");

AccountConfig account(const QString& url) {
    AccountConfig config;
    config.endpoint.url = QUrl(url);
    config.endpoint.timeoutMs = 5000;
    config.credential = {kSecretId, kSecretKey, {}};
    config.region = kGz;
    return config;
}

PollOptions fastPoll() {
    PollOptions poll;
    poll.minIntervalMs = 100;
    poll.maxIntervalMs = 100;
    poll.backoffStartMs = 200;
    poll.backoffCapMs = 400;
    return poll;
}

// A task DescribeTasks lists in `region` (on `instanceId` unless empty), polled like a pasted one.
ScriptedTask discoverable(int n, const QString& region, const QString& instanceId,
                          const QList<TimelineStep>& steps) {
    ScriptedTask t;
    t.id = QStringLiteral("5e550000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    t.region = region;
    t.jobId = 7000 + n;
    if (!instanceId.isEmpty())
        t.instanceIds = {instanceId};
    t.steps = steps;
    return t;
}

int listingsOf(const QSignalSpy& discoveryFinished, const QString& region) {
    int n = 0;
    for (const QList<QVariant>& args : discoveryFinished)
        n += args.at(1).toString() == region ? 1 : 0;
    return n;
}
} // namespace

class TestWatchSession : public QObject {
    Q_OBJECT

private slots:
    // Guangzhou is listed, then listed again (its task is unfinished), and its task finishes, all while the
    // first listing of Shanghai still waits (for instance names the server refuses with RequestLimitExceeded,
    // retried without end). Every task known has finished: the run must not end there, before Shanghai's
    // task was ever watched.
    void refreshOfOneRegionDoesNotStandForTheFirstListingOfAnother() {
        Emulator emulator;
        emulator.addCredential(kSecretId, kSecretKey);
        QVERIFY(emulator.listen());
        // Guangzhou's task is on no instance: its listing needs no names.
        ScriptedTask gz = discoverable(1, kGz, {}, {step(0, "RUNNING", "Working")});
        emulator.addTask(gz);
        TimelineStep shDone = step(0, "SUCCESS");
        shDone.afterMs = 1000; // after its first listing
        const ScriptedTask sh =
            discoverable(2, kSh, QStringLiteral("cdb-5e550002"), {step(0, "RUNNING"), shDone});
        emulator.addTask(sh);
        EmulatedInstance instance;
        instance.id = QStringLiteral("cdb-5e550002");
        instance.name = QStringLiteral("shanghai-primary");
        instance.region = kSh;
        emulator.addInstance(instance);
        emulator.setActionError(kInstancesAction, QStringLiteral("RequestLimitExceeded"));

        TaskBoard board(nullptr, fastPoll());
        board.setSharedBudget(false);
        board.setDiscoveryIntervals(50, DiscoveryCoordinator::kFollowIntervalMs);
        board.setDefaultProfile(kProfile);
        board.setAccount(kProfile, account(emulator.url()));
        WatchOptions options;
        options.discover = true;
        options.regions = {kGz, kSh};
        options.since = QDateTime::currentDateTimeUtc().addSecs(-3600);
        options.json = true;
        options.history = false;
        WatchSession session(&board, options, kProfile, kGz);
        QSignalSpy finished(&session, &WatchSession::finished);
        QSignalSpy listed(&board, &TaskBoard::discoveryFinished);
        session.start();

        QTRY_VERIFY_WITH_TIMEOUT(listingsOf(listed, kGz) == 1, 30000);
        // Guangzhou's unfinished tasks are listed again (2 discovery listings, then these).
        QTRY_VERIFY_WITH_TIMEOUT(emulator.requestsOf(QStringLiteral("DescribeTasks")) >= 4, 30000);
        QCOMPARE(listingsOf(listed, kSh), 0);
        QSignalSpy allDone(&board, &TaskBoard::allDone);
        gz.steps = {step(0, "SUCCESS", "Done")};
        emulator.addTask(gz);
        QTRY_COMPARE_WITH_TIMEOUT(allDone.count(), 1, 30000);
        QCOMPARE(board.activeCount(), 0);
        QCOMPARE(listingsOf(listed, kSh), 0);
        QVERIFY2(!session.isFinished(), "watch ended before the first listing of ap-shanghai");

        // The names come through: Shanghai's task is discovered and watched to its end, then the run ends.
        emulator.setActionError(kInstancesAction, {});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(session.exitCode(), 0);
        QVERIFY(listingsOf(listed, kSh) >= 1);
        const TaskState* shTask = board.task(taskKey(kProfile, sh.id));
        QVERIFY(shTask);
        QCOMPARE(shTask->status, std::optional<QString>(QStringLiteral("SUCCESS")));
    }
};

QTEST_GUILESS_MAIN(TestWatchSession)
#include "tst_watchsession.moc"
