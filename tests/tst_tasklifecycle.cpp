// TaskLifecycle: the phase rules of a task. Each outcome kind gives its phase and keeps or replaces the
// status, Info and error as the scheduler's tests and the TaskBoard rely on; an answer for a held account
// leaves an unfinished task Held; hold, release, restart, restore and the DescribeTasks listing rules; a
// cdb task's vendor status word; the task key with its product.
#include "task/HistoryEntry.h"
#include "task/PollOutcome.h"
#include "task/TaskLifecycle.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"

#include <QTest>
#include <QTimeZone>

using namespace taskwatch;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc());

std::optional<QString> status(const char* s) {
    return QString::fromLatin1(s);
}

PollOutcome outcome(PollOutcome::Kind kind, qint64 atSeconds = 60) {
    PollOutcome o;
    o.taskId = QStringLiteral("t");
    o.kind = kind;
    o.checkedAt = kT0.addSecs(atSeconds);
    o.requestId = QStringLiteral("req-%1").arg(atSeconds);
    o.httpStatus = 200;
    o.excerpt = QByteArrayLiteral("{\"Response\":{}}");
    return o;
}

PollOutcome answered(const char* s, const QString& info, bool changed, qint64 atSeconds = 60) {
    PollOutcome o =
        outcome(TaskStatus::isTerminal(status(s)) ? PollOutcome::Kind::Finished : PollOutcome::Kind::Answered,
                atSeconds);
    o.status = status(s);
    o.info = info;
    o.observedChange = changed;
    return o;
}

PollOutcome failed(PollOutcome::Kind kind, const QString& code, int failures = 0, qint64 atSeconds = 60) {
    PollOutcome o = outcome(kind, atSeconds);
    o.errorCode = code;
    o.errorMessage = QStringLiteral("message of ") + code;
    o.consecutiveFailures = failures;
    o.observedChange = true;
    if (kind == PollOutcome::Kind::Failed)
        o.nextPollAt = o.checkedAt.addSecs(2);
    return o;
}

// A task polled once: RUNNING, Info "working", at kT0.
TaskState running() {
    TaskState t;
    t.id = QStringLiteral("t");
    t.addedAt = kT0.addSecs(-10);
    t.status = status(TaskStatus::Running);
    t.info = QStringLiteral("working");
    t.lastCheckedAt = kT0;
    t.lastChangedAt = kT0;
    t.phase = TaskPhase::Polling;
    return t;
}

TaskState listed(const char* s, int code = 0, const QDateTime& endedAt = {}) {
    TaskState t;
    t.id = QStringLiteral("job-12345");
    t.addedAt = kT0;
    t.discovery.jobId = 12345;
    t.discovery.status = status(s);
    t.discovery.taskCode = code;
    t.discovery.taskMessage = code ? QStringLiteral("listing says no") : QString();
    t.discovery.endedAt = endedAt;
    t.discovery.listedAt = kT0;
    return t;
}

} // namespace

class TestTaskLifecycle : public QObject {
    Q_OBJECT
private slots:
    // ------------------------------------------------------------------------------------------- apply

    void answeredPolls() {
        TaskState t;
        t.id = QStringLiteral("t");
        QCOMPARE(TaskLifecycle::pollingPhase(t), TaskPhase::Waiting);
        const PollOutcome o = answered(TaskStatus::Running, QStringLiteral("step 1"), true);
        TaskLifecycle::apply(t, o);
        QCOMPARE(t.phase, TaskPhase::Polling);
        QCOMPARE(t.status, status(TaskStatus::Running));
        QCOMPARE(t.info, std::optional<QString>(QStringLiteral("step 1")));
        QCOMPARE(t.lastCheckedAt, o.checkedAt);
        QCOMPARE(t.lastChangedAt, o.checkedAt); // an observed change
        QCOMPARE(t.requestId, o.requestId);
        QCOMPARE(t.httpStatus, 200);
        QCOMPARE(t.lastRawResponse, o.excerpt);
        QVERIFY(t.errorCode.isEmpty());
        QVERIFY(!t.finishedAt.isValid());

        // The same again later: checked, not changed.
        const PollOutcome same = answered(TaskStatus::Running, QStringLiteral("step 1"), false, 120);
        TaskLifecycle::apply(t, same);
        QCOMPARE(t.lastCheckedAt, same.checkedAt);
        QCOMPARE(t.lastChangedAt, o.checkedAt);
        QCOMPARE(t.phase, TaskPhase::Polling);
    }

    void answeredWithoutStatusKeepsNone() {
        TaskState t = running();
        PollOutcome o = outcome(PollOutcome::Kind::Answered);
        o.observedChange = true; // null status and Info: a change from RUNNING
        TaskLifecycle::apply(t, o);
        QCOMPARE(t.phase, TaskPhase::Polling);
        QVERIFY(!t.status.has_value());
        QVERIFY(!t.info.has_value());
    }

    void finishedEnds() {
        TaskState t = running();
        const PollOutcome o = answered(TaskStatus::Success, QStringLiteral("done"), true);
        TaskLifecycle::apply(t, o);
        QCOMPARE(t.phase, TaskPhase::Finished);
        QCOMPARE(t.finishedAt, o.checkedAt);
        QCOMPARE(t.status, status(TaskStatus::Success));
        QCOMPARE(t.info, std::optional<QString>(QStringLiteral("done")));
        QVERIFY(t.isDone());
        QVERIFY(t.isFinished());
    }

    // A transient fault: Retrying, the error and its backoff; the last good status and Info stay.
    void failedRetriesAndKeepsTheLastGoodAnswer() {
        TaskState t = running();
        const PollOutcome o = failed(PollOutcome::Kind::Failed, QStringLiteral("InternalError"), 1);
        TaskLifecycle::apply(t, o);
        QCOMPARE(t.phase, TaskPhase::Retrying);
        QCOMPARE(t.status, status(TaskStatus::Running));
        QCOMPARE(t.info, std::optional<QString>(QStringLiteral("working")));
        QCOMPARE(t.errorCode, QStringLiteral("InternalError"));
        QCOMPARE(t.errorMessage, QStringLiteral("message of InternalError"));
        QCOMPARE(t.consecutiveFailures, 1);
        QCOMPARE(t.nextPollAt, o.checkedAt.addSecs(2));
        QCOMPARE(t.lastChangedAt, o.checkedAt);
        QCOMPARE(TaskLifecycle::pollingPhase(t), TaskPhase::Retrying);

        // A good answer again: the error, failures and backoff time are gone.
        TaskLifecycle::apply(t, answered(TaskStatus::Running, QStringLiteral("working"), true, 120));
        QCOMPARE(t.phase, TaskPhase::Polling);
        QVERIFY(t.errorCode.isEmpty());
        QVERIFY(t.errorMessage.isEmpty());
        QCOMPARE(t.consecutiveFailures, 0);
        QVERIFY(!t.nextPollAt.isValid());
    }

    void stoppedKeepsTheStatus() {
        TaskState t = running();
        const PollOutcome o =
            failed(PollOutcome::Kind::Stopped, QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
        TaskLifecycle::apply(t, o);
        QCOMPARE(t.phase, TaskPhase::Stopped);
        QCOMPARE(t.errorCode, QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
        QCOMPARE(t.status, status(TaskStatus::Running));
        QVERIFY(t.isDone());
        QVERIFY(!t.finishedAt.isValid());
    }

    void rejectedHolds() {
        TaskState t = running();
        TaskLifecycle::apply(
            t, failed(PollOutcome::Kind::Rejected, QStringLiteral("AuthFailure.SecretIdNotFound")));
        QCOMPARE(t.phase, TaskPhase::Held);
        QCOMPARE(t.errorCode, QStringLiteral("AuthFailure.SecretIdNotFound"));
        QCOMPARE(t.status, status(TaskStatus::Running));
        QVERIFY(!t.isDone());
    }

    // An answer that was in flight while the account was held: an unfinished task stays Held (with what the
    // answer said); an end is an end.
    void heldAnswersStayHeld_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("phase");
        QTest::newRow("answered") << int(PollOutcome::Kind::Answered) << int(TaskPhase::Held);
        QTest::newRow("failed") << int(PollOutcome::Kind::Failed) << int(TaskPhase::Held);
        QTest::newRow("rejected") << int(PollOutcome::Kind::Rejected) << int(TaskPhase::Held);
        QTest::newRow("finished") << int(PollOutcome::Kind::Finished) << int(TaskPhase::Finished);
        QTest::newRow("stopped") << int(PollOutcome::Kind::Stopped) << int(TaskPhase::Stopped);
    }
    void heldAnswersStayHeld() {
        QFETCH(int, kind);
        QFETCH(int, phase);
        TaskState t = running();
        t.phase = TaskPhase::Held;
        PollOutcome o;
        switch (PollOutcome::Kind(kind)) {
        case PollOutcome::Kind::Answered:
            o = answered(TaskStatus::Running, QStringLiteral("step 2"), true);
            break;
        case PollOutcome::Kind::Finished:
            o = answered(TaskStatus::Failed, QStringLiteral("failed"), true);
            break;
        default:
            o = failed(PollOutcome::Kind(kind), QStringLiteral("SomeError"), 1);
            break;
        }
        TaskLifecycle::apply(t, o, true);
        QCOMPARE(int(t.phase), phase);
        QCOMPARE(t.lastCheckedAt, o.checkedAt);
        if (o.kind == PollOutcome::Kind::Answered)
            QCOMPARE(t.info, std::optional<QString>(QStringLiteral("step 2")));
        // The same answer while not held: its own phase (Polling, Retrying ...), never Held but for Rejected.
        TaskState free = running();
        TaskLifecycle::apply(free, o, false);
        QCOMPARE(free.phase == TaskPhase::Held, o.kind == PollOutcome::Kind::Rejected);
    }

    // ------------------------------------------------------------------------------------ hold, release

    void holdAndRelease_data() {
        QTest::addColumn<int>("before");
        QTest::addColumn<bool>("polledBefore");
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("released"); // the phase after hold and release
        QTest::newRow("never polled") << int(TaskPhase::Waiting) << false << 0 << int(TaskPhase::Waiting);
        QTest::newRow("polling") << int(TaskPhase::Polling) << true << 0 << int(TaskPhase::Polling);
        QTest::newRow("retrying") << int(TaskPhase::Retrying) << true << 2 << int(TaskPhase::Retrying);
    }
    void holdAndRelease() {
        QFETCH(int, before);
        QFETCH(bool, polledBefore);
        QFETCH(int, failures);
        QFETCH(int, released);
        TaskState t = polledBefore ? running() : TaskState{};
        t.phase = TaskPhase(before);
        t.consecutiveFailures = failures;
        QVERIFY(!TaskLifecycle::release(t)); // not held: nothing to release
        QCOMPARE(int(t.phase), before);
        QVERIFY(TaskLifecycle::hold(t));
        QCOMPARE(t.phase, TaskPhase::Held);
        QVERIFY(!TaskLifecycle::hold(t)); // held already
        QVERIFY(TaskLifecycle::release(t));
        QCOMPARE(int(t.phase), released);
        QCOMPARE(t.consecutiveFailures, failures);
    }

    void holdLeavesEndsAlone() {
        TaskState finished = running();
        finished.status = status(TaskStatus::Success);
        finished.phase = TaskPhase::Finished;
        QVERIFY(!TaskLifecycle::hold(finished));
        QCOMPARE(finished.phase, TaskPhase::Finished);
        TaskState stopped = running();
        stopped.phase = TaskPhase::Stopped;
        QVERIFY(!TaskLifecycle::hold(stopped));
        QCOMPARE(stopped.phase, TaskPhase::Stopped);
        // A terminal status not applied yet (e.g. restored as Polling) is finished too.
        TaskState terminal = running();
        terminal.status = status(TaskStatus::Killed);
        QVERIFY(!TaskLifecycle::hold(terminal));
        QCOMPARE(terminal.phase, TaskPhase::Polling);
    }

    // ------------------------------------------------------------------------------------------ restart

    void restartPollsAStoppedOrFinishedTaskAgain() {
        TaskState stopped = running();
        TaskLifecycle::apply(stopped,
                             failed(PollOutcome::Kind::Stopped, QStringLiteral("UnsupportedRegion"), 3));
        QCOMPARE(stopped.phase, TaskPhase::Stopped);
        TaskLifecycle::restart(stopped);
        QCOMPARE(stopped.phase, TaskPhase::Polling);
        QCOMPARE(stopped.consecutiveFailures, 0);
        QCOMPARE(stopped.errorCode, QStringLiteral("UnsupportedRegion")); // until the next answer

        TaskState finished = running();
        TaskLifecycle::apply(finished, answered(TaskStatus::Success, QStringLiteral("done"), true));
        QVERIFY(finished.finishedAt.isValid());
        TaskLifecycle::restart(finished);
        QCOMPARE(finished.phase, TaskPhase::Polling);
        QVERIFY(!finished.finishedAt.isValid());

        TaskState never;
        never.phase = TaskPhase::Stopped;
        TaskLifecycle::restart(never);
        QCOMPARE(never.phase, TaskPhase::Waiting);
    }

    // ------------------------------------------------------------------------------------------ restore

    void restore_data() {
        QTest::addColumn<int>("stored");
        QTest::addColumn<QString>("storedStatus");
        QTest::addColumn<bool>("polledBefore");
        QTest::addColumn<int>("failures");
        QTest::addColumn<bool>("held");
        QTest::addColumn<int>("phase");
        const QString running = QString::fromLatin1(TaskStatus::Running);
        const QString success = QString::fromLatin1(TaskStatus::Success);
        QTest::newRow("finished") << int(TaskPhase::Finished) << success << true << 0 << false
                                  << int(TaskPhase::Finished);
        QTest::newRow("finished, account held")
            << int(TaskPhase::Finished) << success << true << 0 << true << int(TaskPhase::Finished);
        QTest::newRow("terminal status stored as polling")
            << int(TaskPhase::Polling) << success << true << 0 << false << int(TaskPhase::Finished);
        QTest::newRow("stopped with a terminal status")
            << int(TaskPhase::Stopped) << success << true << 0 << false << int(TaskPhase::Stopped);
        QTest::newRow("stopped") << int(TaskPhase::Stopped) << QString() << true << 0 << false
                                 << int(TaskPhase::Stopped);
        QTest::newRow("held before, account polls")
            << int(TaskPhase::Held) << running << true << 0 << false << int(TaskPhase::Polling);
        QTest::newRow("polling, account held")
            << int(TaskPhase::Polling) << running << true << 0 << true << int(TaskPhase::Held);
        QTest::newRow("never polled")
            << int(TaskPhase::Waiting) << QString() << false << 0 << false << int(TaskPhase::Waiting);
        QTest::newRow("retrying") << int(TaskPhase::Retrying) << running << true << 2 << false
                                  << int(TaskPhase::Retrying);
    }
    void restore() {
        QFETCH(int, stored);
        QFETCH(QString, storedStatus);
        QFETCH(bool, polledBefore);
        QFETCH(int, failures);
        QFETCH(bool, held);
        QFETCH(int, phase);
        TaskState t;
        t.id = QStringLiteral("t");
        t.phase = TaskPhase(stored);
        if (!storedStatus.isEmpty())
            t.status = storedStatus;
        if (polledBefore)
            t.lastCheckedAt = kT0;
        t.consecutiveFailures = failures;
        t.nextPollAt = kT0.addSecs(30); // a backoff of the earlier run: meaningless now
        TaskLifecycle::restore(t, held);
        QCOMPARE(int(t.phase), phase);
        QVERIFY(!t.nextPollAt.isValid());
        QCOMPARE(t.status, storedStatus.isEmpty() ? std::nullopt : std::optional<QString>(storedStatus));
    }

    // -------------------------------------------------------------------------------------- the listing

    void followListing() {
        TaskState t = listed(TaskStatus::Running);
        const QDateTime now = kT0.addSecs(5);
        QVERIFY(TaskLifecycle::followListing(t, now)); // the first listing is a change
        QCOMPARE(t.phase, TaskPhase::Polling);
        QCOMPARE(t.status, status(TaskStatus::Running));
        QCOMPARE(t.lastCheckedAt, now);
        QCOMPARE(t.lastChangedAt, now);
        QVERIFY(t.errorCode.isEmpty());

        const QDateTime later = now.addSecs(30);
        QVERIFY(!TaskLifecycle::followListing(t, later)); // the same again
        QCOMPARE(t.lastCheckedAt, later);
        QCOMPARE(t.lastChangedAt, now);

        // Held stays Held while unfinished.
        t.phase = TaskPhase::Held;
        QVERIFY(!TaskLifecycle::followListing(t, later.addSecs(30)));
        QCOMPARE(t.phase, TaskPhase::Held);

        // An error code is a change, with the listing's message.
        t.discovery.taskCode = 7;
        t.discovery.taskMessage = QStringLiteral("listing says no");
        const QDateTime failedAt = later.addSecs(60);
        QVERIFY(TaskLifecycle::followListing(t, failedAt));
        QCOMPARE(t.errorCode, QStringLiteral("TaskError.7"));
        QCOMPARE(t.errorMessage, QStringLiteral("listing says no"));
        QCOMPARE(t.lastChangedAt, failedAt);

        // A terminal status finishes it (also when held), at the listing's end time.
        const QDateTime endedAt = kT0.addSecs(80);
        t.discovery.status = status(TaskStatus::Failed);
        t.discovery.endedAt = endedAt;
        QVERIFY(TaskLifecycle::followListing(t, failedAt.addSecs(30)));
        QCOMPARE(t.phase, TaskPhase::Finished);
        QCOMPARE(t.finishedAt, endedAt);
        // Listed again later with another end time: the end it had stays.
        t.discovery.endedAt = endedAt.addSecs(600);
        QVERIFY(!TaskLifecycle::followListing(t, failedAt.addSecs(90)));
        QCOMPARE(t.finishedAt, endedAt);
    }

    void followListingWithoutEndTimeEndsNow() {
        TaskState t = listed(TaskStatus::Success);
        const QDateTime now = kT0.addSecs(5);
        QVERIFY(TaskLifecycle::followListing(t, now));
        QCOMPARE(t.phase, TaskPhase::Finished);
        QCOMPARE(t.finishedAt, now);
        QVERIFY(t.errorCode.isEmpty());
        QVERIFY(t.errorMessage.isEmpty());
    }

    void finishFromListing() {
        const QDateTime endedAt = kT0.addSecs(40);
        TaskState t = listed(TaskStatus::Failed, 12, endedAt);
        t.id = QStringLiteral("aaaaaaaa-bbbbbbbb-cccccccc-dddddddd");
        t.status = status(TaskStatus::Running); // the last poll did not say so yet
        t.phase = TaskPhase::Polling;
        const QDateTime now = kT0.addSecs(90);
        TaskLifecycle::finishFromListing(t, now);
        QCOMPARE(t.phase, TaskPhase::Finished);
        QCOMPARE(t.status, status(TaskStatus::Failed));
        QCOMPARE(t.finishedAt, endedAt);
        QCOMPARE(t.lastChangedAt, now);
        QCOMPARE(t.errorCode, TaskLifecycle::listingErrorCode(12));
        QCOMPARE(t.errorMessage, QStringLiteral("listing says no"));

        TaskState plain = listed(TaskStatus::Success);
        TaskLifecycle::finishFromListing(plain, now);
        QCOMPARE(plain.phase, TaskPhase::Finished);
        QCOMPARE(plain.finishedAt, now); // no end time listed
        QVERIFY(plain.errorCode.isEmpty());
    }

    // A cdb task's vendor word is the status it received, by every rule that sets a status; a transient
    // fault keeps both.
    void vendorStatusFollowsTheCdbStatus() {
        TaskState t;
        t.id = QStringLiteral("t");
        QCOMPARE(t.product, QStringLiteral("cdb"));
        QCOMPARE(t.vendorStatus, std::nullopt);
        TaskLifecycle::apply(t, answered("SOME_NEW_WORD", QStringLiteral("step"), true));
        QCOMPARE(t.vendorStatus, status("SOME_NEW_WORD"));
        TaskLifecycle::apply(t, failed(PollOutcome::Kind::Failed, QStringLiteral("InternalError"), 1, 90));
        QCOMPARE(t.vendorStatus, status("SOME_NEW_WORD"));
        TaskLifecycle::apply(t, outcome(PollOutcome::Kind::Answered, 120)); // no status in the answer
        QCOMPARE(t.vendorStatus, std::nullopt);

        TaskState job = listed(TaskStatus::Running);
        QVERIFY(TaskLifecycle::followListing(job, kT0.addSecs(5)));
        QCOMPARE(job.vendorStatus, status(TaskStatus::Running));

        TaskState shown;
        shown.id = QStringLiteral("aaaaaaaa-bbbbbbbb-cccccccc-dddddddd");
        shown.discovery.status = status(TaskStatus::Paused);
        QVERIFY(TaskLifecycle::showListedStatus(shown, kT0));
        QCOMPARE(shown.vendorStatus, status(TaskStatus::Paused));

        shown.discovery.status = status(TaskStatus::Killed);
        TaskLifecycle::finishFromListing(shown, kT0.addSecs(10));
        QCOMPARE(shown.vendorStatus, status(TaskStatus::Killed));
    }

    // Keys: a cdb task keeps the two-part key it always had; ids of other products get their product in
    // the key, so the same id under two products (or two profiles) is two tasks, and every part reads back.
    void taskKeys() {
        const QString cdbId = QStringLiteral("aaaaaaaa-bbbbbbbb-cccccccc-dddddddd");
        QCOMPARE(taskKey(QStringLiteral("prod"), cdbId), QStringLiteral("prod") + QChar(0x1f) + cdbId);
        QCOMPARE(taskKey(QStringLiteral("prod"), QStringLiteral("cdb"), cdbId),
                 taskKey(QStringLiteral("prod"), cdbId));
        QCOMPARE(taskKey(QStringLiteral("prod"), QString(), cdbId), taskKey(QStringLiteral("prod"), cdbId));
        const QString redis = taskKey(QStringLiteral("prod"), QStringLiteral("redis"), QStringLiteral("912"));
        const QString postgres =
            taskKey(QStringLiteral("prod"), QStringLiteral("postgres"), QStringLiteral("912"));
        QVERIFY(redis != postgres);
        QVERIFY(redis != taskKey(QStringLiteral("prod"), QStringLiteral("912")));
        QVERIFY(redis != taskKey(QStringLiteral("work"), QStringLiteral("redis"), QStringLiteral("912")));
        for (const QString& product : {QStringLiteral("cdb"), QStringLiteral("mongodb"),
                                       QStringLiteral("redis"), QStringLiteral("postgres")}) {
            for (const QString& profile : {QStringLiteral("prod"), QString()}) {
                for (const QString& id : {cdbId, QStringLiteral("912"), jobTaskId(4242)}) {
                    const QString key = taskKey(profile, product, id);
                    QCOMPARE(profileOfKey(key), profile);
                    QCOMPARE(productOfKey(key), product);
                    QCOMPARE(idOfKey(key), id);
                }
            }
        }
        QCOMPARE(idOfKey(QStringLiteral("no separator")), QString());
        QCOMPARE(productOfKey(taskKey(QStringLiteral("prod"), jobTaskId(1))), QStringLiteral("cdb"));

        TaskState t;
        t.profile = QStringLiteral("prod");
        t.id = QStringLiteral("912");
        t.product = QStringLiteral("redis");
        QCOMPARE(taskKey(t), redis);
        HistoryEntry e;
        e.profile = t.profile;
        e.product = t.product;
        e.taskId = t.id;
        QCOMPARE(taskKey(e), redis);
    }

    void listingErrorCode() {
        QCOMPARE(TaskLifecycle::listingErrorCode(5), QStringLiteral("TaskError.5"));
        QCOMPARE(TaskLifecycle::listingErrorCode(-1), QStringLiteral("TaskError.-1"));
    }
};

QTEST_GUILESS_MAIN(TestTaskLifecycle)
#include "tst_tasklifecycle.moc"
