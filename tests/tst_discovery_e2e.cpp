// End to end: `cdb-taskwatch list` (the JSON contract, every page, filters, another key's tasks never shown,
// refusals and exit codes) and `watch --discover` (every unfinished task reaches its final status; exit
// codes) — the real binary against the emulator over loopback HTTP.
#include "Emulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDLISTTEST000000000000000000000000");
const QString kKey = QStringLiteral("list-test-secret-key");
const QString kOtherId = QStringLiteral("AKIDOTHER0000000000000000000000000000");
const QString kOtherKey = QStringLiteral("other-secret-key");
const QString kGz = QStringLiteral("ap-guangzhou");
const QString kSh = QStringLiteral("ap-shanghai");

QString idFor(int n) {
    return QStringLiteral("e2e00000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

TimelineStep timed(qint64 afterMs, const char* status, int taskCode = 0, const char* message = "") {
    TimelineStep t;
    t.afterMs = afterMs;
    t.status = QString::fromLatin1(status);
    t.info = QStringLiteral("step ") + t.status.value();
    t.taskCode = taskCode;
    t.taskMessage = QString::fromUtf8(message);
    return t;
}

ScriptedTask task(int n, const QString& region, qint64 startedSecsAgo, const QList<TimelineStep>& steps,
                  const QString& owner = kId) {
    ScriptedTask t;
    t.id = idFor(n);
    t.region = region;
    t.jobId = 5000 + n;
    t.instanceIds = {QStringLiteral("cdb-e2e00001")};
    t.startedAt = QDateTime::currentDateTimeUtc().addSecs(-startedSecsAgo);
    t.steps = steps;
    t.owner = owner;
    return t;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> json() const {
        QList<QJsonObject> objects;
        for (const QByteArray& line : out.split('\n')) {
            if (!line.trimmed().isEmpty())
                objects.append(QJsonDocument::fromJson(line).object());
        }
        return objects;
    }
};
} // namespace

class TestDiscoveryE2E : public QObject {
    Q_OBJECT
    std::unique_ptr<Emulator> m_emulator;
    QTemporaryDir m_home;

    Run run(const QStringList& args, const QString& secretId = kId, const QString& secretKey = kKey,
            int timeoutMs = 60000) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_TOKEN",
                                 "TENCENTCLOUD_REGION", "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), secretId);
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), secretKey);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TASKWATCH_BIN"),
                QStringList{args.first(), QStringLiteral("--endpoint"), m_emulator->url()} + args.mid(1));
        Run r;
        if (!p.waitForStarted(10000))
            return r;
        p.closeWriteChannel();
        // The emulator lives in this process: its event loop runs while waiting.
        const bool finished = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
        if (!finished) {
            p.kill();
            p.waitForFinished();
        }
        r.exitCode = finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        if (r.out.contains(kKey.toUtf8()) || r.err.contains(kKey.toUtf8()))
            r.exitCode = -999; // the SecretKey was printed
        return r;
    }

private slots:
    void init() {
        m_emulator = std::make_unique<Emulator>();
        m_emulator->addCredential(kId, kKey);
        m_emulator->addCredential(kOtherId, kOtherKey);
        QVERIFY(m_emulator->listen());
        EmulatedInstance orders;
        orders.id = QStringLiteral("cdb-e2e00001");
        orders.name = QStringLiteral("orders-primary");
        orders.region = kGz;
        m_emulator->addInstance(orders);
    }
    void cleanup() { m_emulator.reset(); }

    void listJsonContract() {
        for (int i = 0; i < 140; ++i) // two pages of running tasks in Guangzhou
            m_emulator->addTask(task(i, kGz, 600 + i, {timed(0, "RUNNING")}));
        m_emulator->addTask(task(200, kGz, 30, {timed(0, "RUNNING"), timed(1000, "SUCCESS")}));
        m_emulator->addTask(task(201, kGz, 60, {timed(0, "RUNNING"), timed(1000, "FAILED", 7, "disk full")}));
        ScriptedTask job = task(202, kSh, 90, {timed(0, "RUNNING")});
        job.listWithoutAsyncId = true;
        job.taskType = QStringLiteral("REBOOT");
        m_emulator->addTask(job);
        for (int i = 300; i < 303; ++i) // another key's: never shown
            m_emulator->addTask(task(i, kGz, 10, {timed(0, "RUNNING")}, kOtherId));
        m_emulator->addTask(task(400, kGz, 9 * 86400, {timed(0, "RUNNING")})); // before --since

        const Run r = run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--region"), kGz,
                           QStringLiteral("--region"), kSh, QStringLiteral("--since"), QStringLiteral("7d")});
        QCOMPARE(r.exitCode, 0);
        const QList<QJsonObject> objects = r.json();
        QCOMPARE(objects.size(), 143);
        const QSet<QString> keys{
            QStringLiteral("id"),          QStringLiteral("jobId"),        QStringLiteral("region"),
            QStringLiteral("instanceIds"), QStringLiteral("instanceName"), QStringLiteral("type"),
            QStringLiteral("status"),      QStringLiteral("progress"),     QStringLiteral("startTime"),
            QStringLiteral("endTime"),     QStringLiteral("code"),         QStringLiteral("message"),
            QStringLiteral("product"),     QStringLiteral("vendorStatus")};
        static const QRegularExpression isoZ(QRegularExpression::anchoredPattern(
            QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")));
        QString previous;
        for (const QJsonObject& o : objects) {
            const QStringList k = o.keys();
            QCOMPARE(QSet<QString>(k.cbegin(), k.cend()), keys);
            QVERIFY(o.value(QStringLiteral("status")).toString() != QLatin1String("SUCCEED"));
            QCOMPARE(o.value(QStringLiteral("product")).toString(), QStringLiteral("cdb"));
            QCOMPARE(o.value(QStringLiteral("vendorStatus")), o.value(QStringLiteral("status")));
            const QString start = o.value(QStringLiteral("startTime")).toString();
            QVERIFY2(isoZ.match(start).hasMatch(), qPrintable(start));
            QVERIFY2(previous.isEmpty() || start <= previous, "newest first");
            previous = start;
            QVERIFY(!o.value(QStringLiteral("id"))
                         .toString()
                         .startsWith(QLatin1String("e2e00000-0000-4000-8000-0000000003")));
        }
        // The newest: the succeeded one (30 s ago), then the failed one, then the job-only one.
        const QJsonObject done = objects.at(0);
        QCOMPARE(done.value(QStringLiteral("id")).toString(), idFor(200));
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));
        QVERIFY(isoZ.match(done.value(QStringLiteral("endTime")).toString()).hasMatch());
        QCOMPARE(done.value(QStringLiteral("instanceName")).toString(), QStringLiteral("orders-primary"));
        QCOMPARE(done.value(QStringLiteral("instanceIds")).toArray(),
                 QJsonArray{QStringLiteral("cdb-e2e00001")});
        QCOMPARE(done.value(QStringLiteral("type")).toString(), QStringLiteral("MODIFY PARAM"));
        QCOMPARE(done.value(QStringLiteral("jobId")).toInt(), 5200);
        QCOMPARE(done.value(QStringLiteral("code")).toInt(), 0);
        QVERIFY(done.value(QStringLiteral("message")).isNull());
        QCOMPARE(done.value(QStringLiteral("progress")).toInt(), 100);
        const QJsonObject failed = objects.at(1);
        QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
        QCOMPARE(failed.value(QStringLiteral("code")).toInt(), 7);
        QCOMPARE(failed.value(QStringLiteral("message")).toString(), QStringLiteral("disk full"));
        const QJsonObject jobOnly = objects.at(2);
        QVERIFY(jobOnly.value(QStringLiteral("id")).isNull());
        QCOMPARE(jobOnly.value(QStringLiteral("region")).toString(), kSh);
        QCOMPARE(jobOnly.value(QStringLiteral("type")).toString(), QStringLiteral("REBOOT"));
        QVERIFY(jobOnly.value(QStringLiteral("endTime")).isNull());
        QVERIFY(jobOnly.value(QStringLiteral("instanceName")).isNull()); // no such instance in Shanghai
        QCOMPARE(objects.at(3).value(QStringLiteral("status")).toString(), QStringLiteral("RUNNING"));
        QVERIFY(objects.at(3).value(QStringLiteral("endTime")).isNull());
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("DescribeAsyncRequestInfo")), 0);

        // The aligned table says the same.
        const Run table = run({QStringLiteral("list"), QStringLiteral("--region"), kGz});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("STARTED"));
        QCOMPARE(table.out.count('\n'), 1 + 142);
    }

    void listFilters() {
        m_emulator->addTask(task(1, kGz, 30, {timed(0, "RUNNING"), timed(1000, "SUCCESS")}));
        m_emulator->addTask(task(2, kGz, 40, {timed(0, "RUNNING")}));
        ScriptedTask reboot = task(3, kGz, 50, {timed(0, "WAITING")});
        reboot.taskType = QStringLiteral("REBOOT");
        reboot.instanceIds = {QStringLiteral("cdb-e2e00002")};
        m_emulator->addTask(reboot);
        const auto ids = [&](const QStringList& extra) {
            QStringList out;
            const Run r = run(QStringList{QStringLiteral("list"), QStringLiteral("--json"),
                                          QStringLiteral("--region"), kGz} +
                              extra);
            if (r.exitCode != 0)
                return QStringList{QStringLiteral("exit %1").arg(r.exitCode)};
            for (const QJsonObject& o : r.json())
                out << o.value(QStringLiteral("id")).toString();
            return out;
        };
        QCOMPARE(ids({QStringLiteral("--status"), QStringLiteral("running")}),
                 (QStringList{idFor(2), idFor(3)}));
        QCOMPARE(ids({QStringLiteral("--status"), QStringLiteral("success")}), QStringList{idFor(1)});
        QCOMPARE(ids({QStringLiteral("--type"), QStringLiteral("reboot")}), QStringList{idFor(3)});
        QCOMPARE(ids({QStringLiteral("--type"), QStringLiteral("5"), QStringLiteral("--status"),
                      QStringLiteral("running")}),
                 QStringList{idFor(2)});
        QCOMPARE(ids({QStringLiteral("--instance"), QStringLiteral("cdb-e2e00002")}), QStringList{idFor(3)});
        QCOMPARE(ids({QStringLiteral("--instance"), QStringLiteral("cdb-e2e00002"),
                      QStringLiteral("--instance"), QStringLiteral("cdb-e2e00001")}),
                 (QStringList{idFor(1), idFor(2), idFor(3)}));
        QCOMPARE(ids({QStringLiteral("--since"), QStringLiteral("35s")}), QStringList{idFor(1)});

        for (const QStringList& bad :
             {QStringList{QStringLiteral("--since"), QStringLiteral("yesterday")},
              QStringList{QStringLiteral("--status"), QStringLiteral("succeed")},
              QStringList{QStringLiteral("--type"), QStringLiteral("defragment")},
              QStringList{QStringLiteral("--region"), QStringLiteral("ap guangzhou")},
              QStringList{QStringLiteral("stray")}}) {
            const Run r = run(QStringList{QStringLiteral("list")} + bad);
            QVERIFY2(r.exitCode == 2, qPrintable(bad.join(QLatin1Char(' ')) + QStringLiteral(": ") +
                                                 QString::fromUtf8(r.err)));
            QVERIFY(!r.err.isEmpty());
        }
    }

    void listRefusals() {
        m_emulator->addTask(task(1, kGz, 30, {timed(0, "RUNNING")}));
        m_emulator->setUnsupportedRegions({kSh});
        Run r = run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--region"), kGz,
                     QStringLiteral("--region"), kSh});
        QCOMPARE(r.exitCode, 0); // the unsupported region is skipped, said so
        QCOMPARE(r.json().size(), 1);
        QVERIFY2(r.err.contains("ap-shanghai"), r.err.constData());

        r = run({QStringLiteral("list"), QStringLiteral("--region"), kGz}, kId, QStringLiteral("wrong-key"));
        QCOMPARE(r.exitCode, 3);

        m_emulator->setActionError(QStringLiteral("DescribeTasks"),
                                   QStringLiteral("AuthFailure.UnauthorizedOperation"),
                                   QStringLiteral("not authorized"));
        r = run({QStringLiteral("list"), QStringLiteral("--region"), kGz});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("cdb:DescribeTasks"), r.err.constData());
    }

    // Every unfinished task found reaches its final status, the job-only one through DescribeTasks; a task
    // finished before is not watched. Exit 0 when all succeed.
    void watchDiscoverToTheEnd() {
        m_emulator->addTask(task(1, kGz, 1, {timed(0, "RUNNING"), timed(2000, "SUCCESS")}));
        m_emulator->addTask(
            task(2, kSh, 1, {timed(0, "INITIAL"), timed(1500, "RUNNING"), timed(3000, "SUCCESS")}));
        m_emulator->addTask(task(3, kGz, 3600, {timed(0, "RUNNING"), timed(1000, "SUCCESS")})); // done before
        ScriptedTask job = task(4, kGz, 1, {timed(0, "RUNNING"), timed(2000, "SUCCESS")});
        job.listWithoutAsyncId = true;
        m_emulator->addTask(job);
        const Run r = run({QStringLiteral("watch"), QStringLiteral("--discover"), QStringLiteral("--json"),
                           QStringLiteral("--no-history"), QStringLiteral("--interval"),
                           QStringLiteral("0.2"), QStringLiteral("--region"), kGz, QStringLiteral("--region"),
                           kSh, QStringLiteral("--timeout"), QStringLiteral("50")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QHash<QString, QString> last;
        for (const QJsonObject& o : r.json())
            last.insert(o.value(QStringLiteral("id")).toString(),
                        o.value(QStringLiteral("status")).toString());
        QCOMPARE(last.value(idFor(1)), QStringLiteral("SUCCESS"));
        QCOMPARE(last.value(idFor(2)), QStringLiteral("SUCCESS"));
        QCOMPARE(last.value(QStringLiteral("job:5004")), QStringLiteral("SUCCESS"));
        QVERIFY(!last.contains(idFor(3)));
        QCOMPARE(m_emulator->pollsOf(idFor(3)), 0);
    }

    void watchDiscoverExitCodes() {
        m_emulator->addTask(task(1, kGz, 0, {timed(0, "RUNNING"), timed(2500, "FAILED")}));
        Run r = run({QStringLiteral("watch"), QStringLiteral("--discover"), QStringLiteral("--no-history"),
                     QStringLiteral("--interval"), QStringLiteral("0.2"), QStringLiteral("--region"), kGz});
        QCOMPARE(r.exitCode, 1);

        m_emulator->addTask(task(2, kGz, 1, {timed(0, "RUNNING")})); // never ends
        r = run({QStringLiteral("watch"), QStringLiteral("--discover"), QStringLiteral("--no-history"),
                 QStringLiteral("--interval"), QStringLiteral("0.2"), QStringLiteral("--region"), kGz,
                 QStringLiteral("--timeout"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 4);

        // Nothing unfinished: nothing to watch, exit 0.
        r = run({QStringLiteral("watch"), QStringLiteral("--discover"), QStringLiteral("--no-history"),
                 QStringLiteral("--region"), kSh});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("No unfinished task"), r.err.constData());

        m_emulator->setActionError(QStringLiteral("DescribeTasks"), QStringLiteral("OperationDenied"));
        r = run({QStringLiteral("watch"), QStringLiteral("--discover"), QStringLiteral("--no-history"),
                 QStringLiteral("--region"), kGz});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("cdb:DescribeTasks"), r.err.constData());

        r = run({QStringLiteral("watch"), QStringLiteral("--follow")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryE2E)
#include "tst_discovery_e2e.moc"
