// End to end: one account's budget shared by real processes. The GUI (offscreen) and two `watch` runs with
// the same SecretId, each with its own 300 tasks that stay RUNNING, against one emulator (in this process,
// on loopback) that enforces 40 requests per 1000 ms. Together: no RequestLimitExceeded, >= 36/s, each
// process >= 20 % (the emulator tells them apart by their task ids); then one `watch` is killed with SIGKILL
// and the others take over its share within 2 s. Also without XDG_RUNTIME_DIR (cron, sudo, ssh without a
// login session, containers): the same sharing through the private per-user directory.
#include "Clock.h"
#include "Emulator.h"
#include "polling/PollScheduler.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
constexpr int kProcesses = 3; // 0: the GUI, 1 and 2: watch
constexpr int kTasksEach = 300;

// Task i of process p: the second group names the process.
QString taskId(int p, int i) {
    return QStringLiteral("%1-0000000%2-2ec79ac8-cb63a7a7").arg(i, 8, 16, QLatin1Char('0')).arg(p);
}
int processOf(const QString& id) {
    const QStringList parts = id.split(QLatin1Char('-'));
    return parts.size() == 4 ? parts[1].right(1).toInt() : -1;
}
// The environment of the three processes: a private home, data and config; the runtime directory set (0700)
// or unset (then the private per-user directory under TMPDIR, whose path is returned in `fallback`).
QProcessEnvironment processEnvironment(const QTemporaryDir& home, bool runtimeDirSet, QString* runtime,
                                       QString* fallback) {
    *runtime = home.filePath(QStringLiteral("run"));
    QDir().mkpath(*runtime);
    ::chmod(QFile::encodeName(*runtime).constData(), 0700);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    const QString tmp = home.filePath(QStringLiteral("tmp"));
    QDir().mkpath(tmp);
    const passwd* pw = ::getpwuid(::geteuid());
    *fallback = QDir(tmp).filePath(QStringLiteral("runtime-") +
                                   (pw ? QString::fromLocal8Bit(pw->pw_name) : QString()));
    if (runtimeDirSet)
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), *runtime);
    else
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    env.insert(QStringLiteral("TMPDIR"), tmp);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), QString::fromLatin1(Emulator::kDemoSecretId));
    env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), QString::fromLatin1(Emulator::kDemoSecretKey));
    env.remove(QStringLiteral("TENCENTCLOUD_SESSION_TOKEN"));
    env.remove(QStringLiteral("TENCENTCLOUD_REGION"));
    return env;
}

// Process 0 is the GUI, the others `watch`, each with its own kTasksEach ids; null when one did not start.
std::vector<std::unique_ptr<QProcess>> startProcesses(const QString& bin, const QString& url,
                                                      const QTemporaryDir& home,
                                                      const QProcessEnvironment& env) {
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int p = 0; p < kProcesses; ++p) {
        const QString idsFile = home.filePath(QStringLiteral("ids%1.txt").arg(p));
        QFile f(idsFile);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < kTasksEach; ++i)
            f.write(taskId(p, i).toLatin1() + '\n');
        f.close();
        QStringList args{QStringLiteral("--endpoint"), url,
                         QStringLiteral("--region"),   QStringLiteral("ap-guangzhou"),
                         QStringLiteral("--ids-from"), idsFile};
        if (p > 0)
            args = QStringList{QStringLiteral("watch"), QStringLiteral("--no-history"),
                               QStringLiteral("--timeout"), QStringLiteral("120")} +
                   args;
        auto proc = std::make_unique<QProcess>();
        proc->setProcessEnvironment(env);
        proc->start(bin, args);
        if (!proc->waitForStarted(10'000))
            return {};
        procs.push_back(std::move(proc));
    }
    return procs;
}
} // namespace

class TestSharedBudgetE2E : public QObject {
    Q_OBJECT
private slots:
    void guiAndTwoWatchRunsShareOneBudget_data() {
        QTest::addColumn<bool>("runtimeDirSet");
        QTest::newRow("XDG_RUNTIME_DIR set") << true;
        QTest::newRow("XDG_RUNTIME_DIR unset") << false;
    }
    void guiAndTwoWatchRunsShareOneBudget() {
        QFETCH(bool, runtimeDirSet);
        const QString bin = qEnvironmentVariable("TASKWATCH_BIN");
        QVERIFY2(!bin.isEmpty(), "TASKWATCH_BIN is not set");

        Emulator emulator;
        emulator.addCredential(QString::fromLatin1(Emulator::kDemoSecretId),
                               QString::fromLatin1(Emulator::kDemoSecretKey));
        TimelineStep running;
        running.status = QStringLiteral("RUNNING");
        running.info = QStringLiteral("in progress");
        emulator.setDefaultTimeline({running});
        QVERIFY2(emulator.listen(), qPrintable(emulator.errorString()));

        std::vector<std::vector<qint64>> arrivals(kProcesses);
        connect(&emulator, &Emulator::requestHandled, this, [&](const QString& id, const QString&) {
            const int p = processOf(id);
            if (p >= 0 && p < kProcesses)
                arrivals[std::size_t(p)].push_back(steadyNowMs());
        });

        QTemporaryDir home;
        QVERIFY(home.isValid());
        QString runtime;
        QString fallback;
        const QProcessEnvironment env = processEnvironment(home, runtimeDirSet, &runtime, &fallback);
        std::vector<std::unique_ptr<QProcess>> procs = startProcesses(bin, emulator.url(), home, env);
        QCOMPARE(int(procs.size()), kProcesses);
        const auto stopAll = qScopeGuard([&] {
            for (auto& proc : procs) {
                if (proc->state() != QProcess::NotRunning) {
                    proc->kill();
                    proc->waitForFinished(5000);
                }
            }
        });

        // Every process is polling.
        QElapsedTimer waited;
        waited.start();
        const auto allPolling = [&] {
            return std::all_of(arrivals.begin(), arrivals.end(), [](const auto& a) { return a.size() >= 5; });
        };
        while (!allPolling() && waited.elapsed() < 30'000)
            QTest::qWait(50);
        for (int p = 0; p < kProcesses; ++p) {
            QVERIFY2(procs[std::size_t(p)]->state() == QProcess::Running,
                     qPrintable(QString::fromLocal8Bit(procs[std::size_t(p)]->readAllStandardError())));
        }
        QVERIFY2(allPolling(), "not every process started polling");

        const auto countIn = [&](int p, qint64 from, qint64 to) {
            const auto& a = arrivals[std::size_t(p)];
            return int(std::count_if(a.begin(), a.end(), [&](qint64 t) { return t >= from && t < to; }));
        };

        // All three with a backlog: together >= 36/s, each >= 20 %.
        QTest::qWait(1000);
        const qint64 from = steadyNowMs();
        QTest::qWait(8000);
        const qint64 to = steadyNowMs();
        int total = 0;
        int each[kProcesses];
        for (int p = 0; p < kProcesses; ++p)
            total += each[p] = countIn(p, from, to);
        const double rate = total * 1000.0 / double(to - from);
        const QString shares = QStringLiteral("GUI %1, watch %2, watch %3 of %4 (%5/s)")
                                   .arg(each[0])
                                   .arg(each[1])
                                   .arg(each[2])
                                   .arg(total)
                                   .arg(rate, 0, 'f', 1);
        qInfo("together: %s", qPrintable(shares));
        for (int p = 0; p < kProcesses; ++p)
            QVERIFY2(each[p] * 5 >= total, qPrintable(shares));
        QCOMPARE(emulator.stats().rateLimited, 0);
        // The ledger is in the runtime directory or the private fallback (no process paced alone).
        const QDir ledgerDir(runtimeDirSet ? runtime : fallback);
        QVERIFY(
            !ledgerDir.entryList({QStringLiteral("cdb-taskwatch-pacing-*.ledger")}, QDir::Files).isEmpty());
        for (int p = 1; p < kProcesses; ++p) {
            const QByteArray err = procs[std::size_t(p)]->readAllStandardError();
            QVERIFY2(!err.contains("Pacing is per process"), err.constData());
        }
        QVERIFY2(rate >= 36, qPrintable(shares));
        if (!runtimeDirSet)
            return; // the takeover after a kill does not depend on where the ledger is

        // One watch is killed: the GUI and the other watch take over its share within 2 s.
        const qint64 killedAt = steadyNowMs();
        ::kill(pid_t(procs[2]->processId()), SIGKILL);
        QVERIFY(procs[2]->waitForFinished(5000));
        QTest::qWait(6000);
        const qint64 end = steadyNowMs();
        const int after = countIn(0, killedAt + 2000, end) + countIn(1, killedAt + 2000, end);
        const double rateAfter = after * 1000.0 / double(end - killedAt - 2000);
        const QString afterText = QStringLiteral("GUI %1, watch %2 (%3/s)")
                                      .arg(countIn(0, killedAt + 2000, end))
                                      .arg(countIn(1, killedAt + 2000, end))
                                      .arg(rateAfter, 0, 'f', 1);
        qInfo("after the kill: %s", qPrintable(afterText));
        QVERIFY2(rateAfter >= 36, qPrintable(afterText));
        QVERIFY2(countIn(2, killedAt + 100, end) == 0, "the killed process still sent requests");

        QCOMPARE(emulator.stats().rateLimited, 0);
        // The limit is per action (the listings of the tasks' region have their own).
        const int most = emulator.maxInAnyWindowOf(QString::fromLatin1(Emulator::kDemoSecretId),
                                                   QStringLiteral("DescribeAsyncRequestInfo"));
        QVERIFY2(most <= 40, qPrintable(QString::number(most)));
    }
};

QTEST_GUILESS_MAIN(TestSharedBudgetE2E)
#include "tst_sharedbudget_e2e.moc"
