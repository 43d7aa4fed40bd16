// The whole polling stack (TaskBoard -> AccountPoller -> PollScheduler -> ApiClient -> real HTTP) against the
// emulator, one test per fault and error class: no crash, the right classification, other tasks unaffected,
// recovery. Task state is read from the board (its owner); the scheduler's own signals from its scheduler.
#include "Emulator.h"
#include "TaskBoard.h"
#include "TimelineSteps.h"
#include "accounts/AccountConfig.h"
#include "api/Credential.h"
#include "api/ErrorCatalog.h"
#include "polling/AccountPoller.h"
#include "polling/PollScheduler.h"
#include "task/PollOutcome.h"
#include "task/SafeText.h"
#include "task/TaskState.h"
#include "task/TextBounds.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDINTEGRATION000000000000000000000");
const QString kKey = QStringLiteral("integration-secret-key");
const QString kProfile = QStringLiteral("test");

// One account on a board, as the tests drive it.
struct Session {
    TaskBoard board;
    explicit Session(const PollOptions& poll)
        : board(nullptr, poll) {}
    PollScheduler* scheduler() const { return board.poller(kProfile)->scheduler(); }
    const TaskState* task(const QString& id) const { return board.task(taskKey(kProfile, id)); }
    void addTask(const QString& id, const QString& region = {}) { board.addIds({id}, kProfile, region); }
    QStringList keys(const QStringList& ids) const {
        QStringList out;
        for (const QString& id : ids)
            out << taskKey(kProfile, id);
        return out;
    }
    void setCredential(const Credential& credential) {
        AccountConfig config = *board.accountConfig(kProfile);
        config.credential = credential;
        board.setAccount(kProfile, config);
    }
};

QString taskId(int n) {
    return QStringLiteral("cccccccc-%1-00000000-00000000").arg(n, 8, 10, QLatin1Char('0'));
}
} // namespace

class TestPollingIntegration : public QObject {
    Q_OBJECT
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<Session> m_session;
    int m_next = 0;

    // A task that answers RUNNING, then SUCCESS, after `fault` has hit its first `faultTimes` queries.
    QString addTask(Fault fault = Fault::None, int faultTimes = -1, QList<TimelineStep> steps = {}) {
        const QString id = taskId(++m_next);
        if (steps.isEmpty())
            steps = {step(0, "RUNNING", "Working"), step(2, "SUCCESS", "Done")};
        m_emulator->addTask({id, {}, steps, fault, faultTimes, 0});
        return id;
    }

    Session& startSession(int timeoutMs = 15000, Credential credential = {kId, kKey, {}}) {
        PollOptions poll;
        poll.minIntervalMs = 100;
        poll.backoffStartMs = 100;
        poll.backoffCapMs = 400;
        poll.rateLimitSlowdownMs = 500;
        m_session = std::make_unique<Session>(poll);
        AccountConfig config;
        config.endpoint.url = QUrl(m_emulator->url());
        config.endpoint.timeoutMs = timeoutMs;
        config.credential = credential;
        config.region = QStringLiteral("ap-guangzhou");
        m_session->board.setAccount(kProfile, config);
        return *m_session;
    }

    const TaskState& state(const QString& id) const { return *m_session->task(id); }
    bool finishedWith(const QString& id, const char* status) const {
        const TaskState* s = m_session->task(id);
        return s && s->phase == TaskPhase::Finished && s->status == QString::fromLatin1(status);
    }

private slots:
    void init() {
        m_next += 100; // fresh ids per test
        m_emulator = std::make_unique<Emulator>();
        m_emulator->addCredential(kId, kKey);
        QVERIFY(m_emulator->listen());
    }
    void cleanup() {
        m_session.reset();
        m_emulator.reset();
    }

    void transientFaultsRecoverAndKeepOthersGoing_data() {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("code");
        QTest::newRow("502 html") << int(Fault::Http502Html) << QStringLiteral("ServerNetworkError");
        QTest::newRow("500 json") << int(Fault::Http500Json) << QStringLiteral("ServerNetworkError");
        QTest::newRow("malformed json") << int(Fault::MalformedJson) << QStringLiteral("ClientParseError");
        QTest::newRow("empty body") << int(Fault::EmptyBody) << QStringLiteral("ClientParseError");
        QTest::newRow("truncated body") << int(Fault::TruncatedBody) << QString();
        QTest::newRow("connection reset")
            << int(Fault::ConnectionReset) << QStringLiteral("ClientNetworkError");
        QTest::newRow("2 MiB Info") << int(Fault::HugeInfo) << QStringLiteral("ResponseTooLarge");
    }
    void transientFaultsRecoverAndKeepOthersGoing() {
        QFETCH(int, fault);
        QFETCH(QString, code);
        Session& session = startSession();
        const QString faulty = addTask(Fault(fault), 2);
        const QString healthy = addTask();
        QStringList errorCodes;
        // Connected after the account's poller: the board has applied the outcome when this slot runs.
        connect(session.scheduler(), &PollScheduler::polled, this, [&](const PollOutcome& o) {
            const TaskState* s = session.task(o.taskId);
            QVERIFY(s);
            if (s->id == faulty && !s->errorCode.isEmpty()) {
                errorCodes << s->errorCode;
                QCOMPARE(int(o.kind), int(PollOutcome::Kind::Failed));
                QCOMPARE(int(s->phase), int(TaskPhase::Retrying));
                QCOMPARE(int(ErrorCatalog::classify(s->errorCode)), int(ErrorClass::Transient));
            }
        });
        session.addTask(faulty);
        session.addTask(healthy);
        QTRY_VERIFY_WITH_TIMEOUT(finishedWith(healthy, "SUCCESS"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(finishedWith(faulty, "SUCCESS"), 15000);
        QVERIFY(!errorCodes.isEmpty());
        if (!code.isEmpty())
            QCOMPARE(errorCodes.first(), code);
        QVERIFY(state(faulty).errorCode.isEmpty()); // cleared by the good answer
    }

    void malformedRegionIsNeverSent() {
        Session& session = startSession();
        const QString id = addTask();
        session.addTask(id, QStringLiteral("ap-guangzhou\r\nX-Injected: 1"));
        QTRY_VERIFY_WITH_TIMEOUT(state(id).phase == TaskPhase::Stopped, 10000);
        QCOMPARE(state(id).errorCode, QStringLiteral("ClientInvalidRegion"));
        QCOMPARE(m_emulator->stats().requests, 0);
    }

    void stallHitsTheDeadlineThenRecovers() {
        Session& session = startSession(300);
        const QString stalled = addTask(Fault::Stall, 1);
        session.addTask(stalled);
        QTRY_VERIFY_WITH_TIMEOUT(state(stalled).errorCode == QLatin1String("Timeout"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(finishedWith(stalled, "SUCCESS"), 15000);
    }

    void nullAndUnknownStatusesAreKept() {
        Session& session = startSession();
        const QString nullTask = addTask(Fault::None, -1, {step(0, nullptr), step(2, "SUCCESS")});
        const QString unknown = addTask(Fault::None, -1, {step(0, "ROLLING_BACK", "Rolling back")});
        session.addTask(nullTask);
        session.addTask(unknown);
        QTRY_VERIFY_WITH_TIMEOUT(state(unknown).status == QStringLiteral("ROLLING_BACK"), 10000);
        QVERIFY(!state(unknown).isDone());
        QTRY_VERIFY_WITH_TIMEOUT(finishedWith(nullTask, "SUCCESS"), 10000);
        QVERIFY(!state(unknown).isDone()); // an unknown status never counts as finished
    }

    void hostileInfoIsBoundedAndDisplayedSafely() {
        Session& session = startSession();
        const QString hostile = addTask(Fault::HostileInfo, -1);
        session.addTask(hostile);
        QTRY_VERIFY_WITH_TIMEOUT(state(hostile).info.has_value(), 10000);
        const QString shown = SafeText::singleLine(*state(hostile).info);
        for (const QChar c : shown)
            QVERIFY(!SafeText::isUnsafe(c));
        QVERIFY(state(hostile).info->size() <= kMaxInfoChars + 64);
    }

    void permanentErrorsStopWithTheirHint_data() {
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown task") << QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
        QTest::newRow("no strategy") << QStringLiteral("OperationDenied.UserHasNoStrategy");
        QTest::newRow("task error") << QStringLiteral("CdbError.TaskError");
        QTest::newRow("region") << QStringLiteral("UnsupportedRegion");
    }
    void permanentErrorsStopWithTheirHint() {
        QFETCH(QString, code);
        Session& session = startSession();
        TimelineStep error;
        error.errorCode = code;
        error.errorMessage = QStringLiteral("message from the server");
        const QString failing = addTask(Fault::None, -1, {error});
        const QString healthy = addTask();
        session.addTask(failing);
        session.addTask(healthy);
        QTRY_VERIFY_WITH_TIMEOUT(state(failing).phase == TaskPhase::Stopped, 10000);
        QCOMPARE(state(failing).errorCode, code);
        QVERIFY(!ErrorCatalog::describe(code).hint.isEmpty());
        const int polls = m_emulator->pollsOf(failing);
        QTRY_VERIFY_WITH_TIMEOUT(finishedWith(healthy, "SUCCESS"), 10000);
        QTest::qWait(400); // several poll intervals: the stopped task must not be asked again
        QCOMPARE(m_emulator->pollsOf(failing), polls);
    }

    void authFailureStopsRequests() {
        Session& session = startSession(15000, {kId, QStringLiteral("wrong key"), {}});
        QSignalSpy authFailed(&session.board, &TaskBoard::authFailed);
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            ids << addTask();
            session.addTask(ids.last());
        }
        QTRY_COMPARE_WITH_TIMEOUT(authFailed.count(), 1, 10000);
        QCOMPARE(authFailed.first().at(0).toString(), kProfile);
        QCOMPARE(authFailed.first().at(1).toString(), QStringLiteral("AuthFailure.SignatureFailure"));
        QCOMPARE(session.board.accountStatus(kProfile).state, AccountState::HeldByAuth);
        QTRY_COMPARE_WITH_TIMEOUT(session.scheduler()->inFlightCount(), 0, 10000);
        const int requests = m_emulator->stats().requests;
        QTest::qWait(500);
        QCOMPARE(m_emulator->stats().requests, requests); // nothing more is sent
        QCOMPARE(authFailed.count(), 1);
        for (const QString& id : ids)
            QCOMPARE(state(id).phase, TaskPhase::Held);
        // New credentials resume polling, and the tasks finish.
        session.setCredential({kId, kKey, {}});
        QTRY_COMPARE_WITH_TIMEOUT(session.scheduler()->activeCount(), 0, 15000);
        for (const QString& id : ids)
            QVERIFY(finishedWith(id, "SUCCESS"));
        QCOMPARE(authFailed.count(), 1);
    }

    void serverClockSkewIsCorrected_data() {
        QTest::addColumn<int>("offset");
        QTest::newRow("server 1 h ahead") << 3600;
        QTest::newRow("server 1 h behind") << -3600;
    }
    void serverClockSkewIsCorrected() {
        QFETCH(int, offset);
        m_emulator->setClockOffset(offset);
        Session& session = startSession();
        // Corrected once for the account, by whichever request met it first (the listing of the region or
        // the task's poll: they sign with one clock).
        QSignalSpy corrected(&session.board, &TaskBoard::clockCorrected);
        QSignalSpy authFailed(&session.board, &TaskBoard::authFailed);
        const QString id = addTask();
        session.addTask(id);
        QTRY_VERIFY_WITH_TIMEOUT(finishedWith(id, "SUCCESS"), 15000);
        QCOMPARE(corrected.count(), 1);
        QVERIFY(qAbs(corrected.first().at(1).toLongLong() - offset) <= 5);
        QCOMPARE(authFailed.count(), 0);
    }

    // The server's clock moves mid-run (+1 h, then -1 h, then right): every move is measured and corrected
    // again; the credential is never held.
    void serverClockMovesAndIsCorrectedEachTime() {
        Session& session = startSession();
        QSignalSpy corrected(&session.board, &TaskBoard::clockCorrected); // the listing or the poll
        QSignalSpy authFailed(&session.board, &TaskBoard::authFailed);
        const QString id = addTask(Fault::None, -1, {step(0, "RUNNING", "Working")});
        session.addTask(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_emulator->pollsOf(id) >= 2, 10000);
        QCOMPARE(corrected.count(), 0);
        int expected = 0;
        for (const int offset : {3600, -3600, 0}) {
            m_emulator->setClockOffset(offset);
            ++expected;
            QTRY_COMPARE_WITH_TIMEOUT(corrected.count(), expected, 10000);
            QVERIFY(qAbs(corrected.last().at(1).toLongLong() - offset) <= 5);
            const int polls = m_emulator->pollsOf(id);
            QTRY_VERIFY_WITH_TIMEOUT(m_emulator->pollsOf(id) >= polls + 2, 10000); // polling goes on
            QCOMPARE(state(id).phase, TaskPhase::Polling);
            QVERIFY(state(id).errorCode.isEmpty());
        }
        QCOMPARE(authFailed.count(), 0);
        QVERIFY(!session.board.isHeldByAuth());
        QCOMPARE(session.board.accountStatus(kProfile).state, AccountState::Polling);
    }

    // A wrong endpoint (404) stops every task at its first answer (no retries), with the status in the
    // message, and endpointFailed comes once; fixing the endpoint recovers.
    void wrongEndpointStopsEveryTaskAndSignalsOnce() {
        m_emulator->setForcedHttpStatus(404);
        Session& session = startSession();
        QSignalSpy endpointFailed(session.scheduler(), &PollScheduler::endpointFailed);
        QSignalSpy recovered(session.scheduler(), &PollScheduler::endpointRecovered);
        QSignalSpy allDone(&session.board, &TaskBoard::allDone);
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            ids << addTask();
            session.addTask(ids.last());
        }
        QTRY_COMPARE_WITH_TIMEOUT(allDone.count(), 1, 10000);
        // One each, never retried.
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeAsyncRequestInfo")), 5);
        for (const QString& id : ids) {
            QCOMPARE(state(id).phase, TaskPhase::Stopped);
            QCOMPARE(state(id).errorCode, QStringLiteral("EndpointRejected"));
            QCOMPARE(state(id).httpStatus, 404);
            QVERIFY(state(id).errorMessage.contains(QLatin1String("404")));
        }
        QCOMPARE(endpointFailed.count(), 1);
        QCOMPARE(endpointFailed.first().at(0).toInt(), 404);
        QVERIFY(endpointFailed.first().at(1).toString().contains(QLatin1String("404")));
        QCOMPARE(recovered.count(), 0);

        m_emulator->setForcedHttpStatus(0);
        session.board.retry(session.keys(ids));
        for (const QString& id : ids)
            QVERIFY(!state(id).isDone());
        QTRY_COMPARE_WITH_TIMEOUT(session.scheduler()->activeCount(), 0, 15000);
        QCOMPARE(recovered.count(), 1);
        QCOMPARE(endpointFailed.count(), 1);
        for (const QString& id : ids)
            QVERIFY(finishedWith(id, "SUCCESS"));
        QTRY_COMPARE_WITH_TIMEOUT(allDone.count(), 2, 10000); // done again, told again
    }

    void rateLimitedServerSlowsUsDownAndEverythingFinishes() {
        m_emulator->setRateLimit(10); // a server (or another tool sharing the key) allowing far less
        Session& session = startSession();
        QSignalSpy rateLimited(session.scheduler(), &PollScheduler::rateLimited);
        QStringList ids;
        for (int i = 0; i < 30; ++i) {
            ids << addTask();
            session.addTask(ids.last());
        }
        QTRY_COMPARE_WITH_TIMEOUT(session.scheduler()->activeCount(), 0, 60000);
        QVERIFY(rateLimited.count() > 0);
        for (const QString& id : ids)
            QVERIFY(finishedWith(id, "SUCCESS"));
    }

    void backlogNeverExceedsFortyPerSecondAtTheServer() {
        Session& session = startSession();
        TimelineStep running = step(0, "RUNNING", "Working");
        for (int i = 0; i < 200; ++i)
            session.addTask(addTask(Fault::None, -1, {running}));
        QTRY_VERIFY_WITH_TIMEOUT(m_emulator->stats().requests >= 200, 30000);
        QCOMPARE(m_emulator->stats().rateLimited, 0);
        // The limit is per action (the region's listings have their own).
        const int most = m_emulator->maxInAnyWindowOf(kId, QStringLiteral("DescribeAsyncRequestInfo"));
        QVERIFY2(most <= 40, qPrintable(QString::number(most)));
    }
};

QTEST_GUILESS_MAIN(TestPollingIntegration)
#include "tst_polling_integration.moc"
