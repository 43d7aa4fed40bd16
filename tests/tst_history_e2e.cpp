// History end to end: `watch` records into SQLite, `export-csv` writes it back out, and a `kill -9` in the
// middle of polling loses nothing that was committed and leaves a database that passes integrity_check.
#include "Emulator.h"
#include "TimelineSteps.h"
#include "history/TaskStore.h"
#include "task/HistoryEntry.h"
#include "task/TaskState.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <vector>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDHISTORYTEST00000000000000000000");
const QString kKey = QStringLiteral("history-test-secret-key");

} // namespace

class TestHistoryE2E : public QObject {
    Q_OBJECT
    Emulator m_emulator;

    QProcessEnvironment env(const QTemporaryDir& home) const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        e.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), kId);
        e.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), kKey);
        e.remove(QStringLiteral("TENCENTCLOUD_TOKEN"));
        return e;
    }

    static QString databasePath(const QTemporaryDir& home) {
        // QStandardPaths::AppDataLocation = $XDG_DATA_HOME/<organization>/<application>
        return home.filePath(QStringLiteral("data/cdb-taskwatch/cdb-taskwatch/history.sqlite"));
    }

    QStringList watchArgs(const QStringList& ids) const {
        return QStringList{
                   QStringLiteral("watch"),    QStringLiteral("--endpoint"),   m_emulator.url(),
                   QStringLiteral("--region"), QStringLiteral("ap-guangzhou"), QStringLiteral("--interval"),
                   QStringLiteral("0.1"),      QStringLiteral("--json")} +
               ids;
    }

private slots:
    void initTestCase() {
        m_emulator.addCredential(kId, kKey);
        m_emulator.addTask({QStringLiteral("dddddddd-00000001-00000001-00000001"),
                            {},
                            {step(0, "INITIAL", "Created"), step(1, "RUNNING", "Step 1, \"quoted\", 中文"),
                             step(2, "SUCCESS", "=HYPERLINK(\"x\")")}});
        m_emulator.addTask({QStringLiteral("dddddddd-00000002-00000002-00000002"),
                            {},
                            {step(0, "RUNNING", "line one\r\nline two"), step(2, "FAILED", "Disk full")}});
        m_emulator.addTask(
            {QStringLiteral("dddddddd-00000003-00000003-00000003"),
             {},
             {step(0, "INITIAL", "Created"), step(1, "RUNNING", "Working"), step(2, "SUCCESS", "Done")}});
        m_emulator.addTask({QStringLiteral("dddddddd-00000004-00000004-00000004"),
                            {},
                            {step(0, "RUNNING", "Working"), step(2, "FAILED", "Disk full")}});
        TimelineStep running = step(0, "RUNNING", "0");
        QList<TimelineStep> ticking{running};
        for (int i = 1; i <= 1000; ++i) // changes Info on every poll: one history row per poll
            ticking.append(step(i, "RUNNING", QByteArray::number(i).constData()));
        for (int t = 0; t < 20; ++t)
            m_emulator.addTask(
                {QStringLiteral("eeeeeeee-%1-00000000-00000000").arg(t, 8, 10, QLatin1Char('0')),
                 {},
                 ticking});
        QVERIFY(m_emulator.listen());
    }

    void watchThenExportCsv() {
        QTemporaryDir home;
        QProcess watch;
        watch.setProcessEnvironment(env(home));
        watch.start(qEnvironmentVariable("TASKWATCH_BIN"),
                    watchArgs({QStringLiteral("dddddddd-00000001-00000001-00000001"),
                               QStringLiteral("dddddddd-00000002-00000002-00000002")}));
        QVERIFY(QTest::qWaitFor([&] { return watch.state() == QProcess::NotRunning; }, 60000));
        QCOMPARE(watch.exitCode(), 1); // one FAILED
        const QList<QByteArray> lines = watch.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 5); // 3 changes of task 1, 2 of task 2

        QProcess exporter;
        exporter.setProcessEnvironment(env(home));
        exporter.start(qEnvironmentVariable("TASKWATCH_BIN"), {QStringLiteral("export-csv")});
        QVERIFY(QTest::qWaitFor([&] { return exporter.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(exporter.exitCode(), 0);
        const QByteArray csv = exporter.readAllStandardOutput();
        QVERIFY(csv.startsWith(
            "observed_at,task_id,region,status,info,error_code,error_message,request_id,product\r\n"));
        QCOMPARE(csv.count("\r\n"), 6 + 1); // header + 5 rows + the CRLF inside a quoted Info
        QCOMPARE(csv.count(",cdb\r\n"), 5); // every row ends with its product
        QVERIFY(csv.contains("\"Step 1, \"\"quoted\"\", 中文\""));
        QVERIFY(csv.contains("\"'=HYPERLINK(\"\"x\"\")\"")); // formula neutralised, quotes doubled
        QVERIFY(csv.contains("\"line one\r\nline two\""));
        // Every JSON line's requestId is in the CSV.
        for (const QByteArray& line : lines) {
            const QString requestId =
                QJsonDocument::fromJson(line).object().value(QStringLiteral("requestId")).toString();
            QVERIFY(!requestId.isEmpty());
            QVERIFY(csv.contains(requestId.toUtf8()));
        }

        // --id and --output FILE.
        const QString file = home.filePath(QStringLiteral("one.csv"));
        exporter.start(qEnvironmentVariable("TASKWATCH_BIN"),
                       {QStringLiteral("export-csv"), QStringLiteral("--id"),
                        QStringLiteral("dddddddd-00000002-00000002-00000002"), QStringLiteral("--output"),
                        file});
        QVERIFY(QTest::qWaitFor([&] { return exporter.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(exporter.exitCode(), 0);
        QFile out(file);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray one = out.readAll();
        QVERIFY(!one.contains("dddddddd-00000001"));
        QVERIFY(one.contains("Disk full"));
        // Usage errors.
        exporter.start(
            qEnvironmentVariable("TASKWATCH_BIN"),
            {QStringLiteral("export-csv"), QStringLiteral("--since"), QStringLiteral("yesterday")});
        QVERIFY(QTest::qWaitFor([&] { return exporter.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(exporter.exitCode(), 2);
    }

    // export-csv --profile NAME: only the rows observed with that profile; the header is unchanged.
    void exportCsvByProfile() {
        QTemporaryDir home;
        {
            TaskStore store(databasePath(home));
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            TaskState s;
            s.id = QStringLiteral("ffffffff-00000001-00000001-00000001");
            s.region = QStringLiteral("ap-guangzhou");
            s.status = QStringLiteral("RUNNING");
            s.info = QStringLiteral("seen by prod");
            s.requestId = QStringLiteral("req-prod");
            s.profile = QStringLiteral("prod");
            QVERIFY(store.record(s, true));
            s.info = QStringLiteral("seen by staging"); // the same task id under a second profile
            s.requestId = QStringLiteral("req-staging");
            QVERIFY(store.record(s, true, QStringLiteral("staging")));
            s.info = QStringLiteral("seen with environment keys");
            s.requestId = QStringLiteral("req-env");
            s.profile.clear();
            QVERIFY(store.record(s, true));
        }
        const auto exportCsv = [&](const QStringList& args, int* exitCode) {
            QProcess exporter;
            exporter.setProcessEnvironment(env(home));
            exporter.start(qEnvironmentVariable("TASKWATCH_BIN"),
                           QStringList{QStringLiteral("export-csv")} + args);
            if (!QTest::qWaitFor([&] { return exporter.state() == QProcess::NotRunning; }, 30000))
                return QByteArray();
            *exitCode = exporter.exitCode();
            return exporter.readAllStandardOutput();
        };
        const QByteArray header =
            "observed_at,task_id,region,status,info,error_code,error_message,request_id,product\r\n";
        int rc = -1;
        const QByteArray prod = exportCsv({QStringLiteral("--profile"), QStringLiteral("prod")}, &rc);
        QCOMPARE(rc, 0);
        QVERIFY(prod.startsWith(header));
        QCOMPARE(prod.count("\r\n"), 2);
        QVERIFY(prod.contains("req-prod"));
        QVERIFY(!prod.contains("req-staging") && !prod.contains("req-env"));
        const QByteArray staging = exportCsv({QStringLiteral("--profile"), QStringLiteral("staging")}, &rc);
        QCOMPARE(rc, 0);
        QCOMPARE(staging.count("\r\n"), 2);
        QVERIFY(staging.contains("req-staging"));
        const QByteArray none = exportCsv({QStringLiteral("--profile"), QString()}, &rc);
        QCOMPARE(rc, 0);
        QCOMPARE(none.count("\r\n"), 2);
        QVERIFY(none.contains("req-env"));
        const QByteArray all = exportCsv({}, &rc);
        QCOMPARE(rc, 0);
        QVERIFY(all.startsWith(header));
        QCOMPARE(all.count("\r\n"), 4);
    }

    // Several first runs at once on a fresh HOME: each creates-or-opens the new history without a race.
    void parallelFirstRunsAllOpenTheHistory() {
        QTemporaryDir home;
        std::vector<std::unique_ptr<QProcess>> runs;
        for (int i = 0; i < 8; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(env(home));
            p->start(qEnvironmentVariable("TASKWATCH_BIN"), {QStringLiteral("export-csv")});
            runs.push_back(std::move(p));
        }
        for (auto& p : runs) {
            QVERIFY(QTest::qWaitFor([&] { return p->state() == QProcess::NotRunning; }, 30000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
    }

    // Two `watch` runs started at once on a fresh HOME: both record their changes.
    void twoWatchesAtOnceBothRecord() {
        QTemporaryDir home;
        const QString a = QStringLiteral("dddddddd-00000003-00000003-00000003");
        const QString b = QStringLiteral("dddddddd-00000004-00000004-00000004");
        QProcess first, second;
        first.setProcessEnvironment(env(home));
        second.setProcessEnvironment(env(home));
        first.start(qEnvironmentVariable("TASKWATCH_BIN"), watchArgs({a}));
        second.start(qEnvironmentVariable("TASKWATCH_BIN"), watchArgs({b}));
        QVERIFY(QTest::qWaitFor(
            [&] { return first.state() == QProcess::NotRunning && second.state() == QProcess::NotRunning; },
            60000));
        const QByteArray errors = first.readAllStandardError() + second.readAllStandardError();
        QVERIFY2(!errors.contains("history"), errors.constData());
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(second.exitCode(), 1); // FAILED
        TaskStore store(databasePath(home));
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.loadTasks().value().size(), 2);
        qint64 rowsA = 0, rowsB = 0;
        QVERIFY(store.forEachHistory({}, [&](const HistoryEntry& e) {
            rowsA += e.taskId == a;
            rowsB += e.taskId == b;
            return true;
        }));
        QCOMPARE(rowsA, qint64(3));
        QCOMPARE(rowsB, qint64(2));
    }

    void killNineLosesNothingCommitted() {
        QTemporaryDir home;
        QProcess watch;
        watch.setProcessEnvironment(env(home));
        QStringList ids;
        for (int t = 0; t < 20; ++t)
            ids << QStringLiteral("eeeeeeee-%1-00000000-00000000").arg(t, 8, 10, QLatin1Char('0'));
        watch.start(qEnvironmentVariable("TASKWATCH_BIN"), watchArgs(ids));
        QVERIFY(watch.waitForStarted());
        QByteArray printed;
        QVERIFY(QTest::qWaitFor(
            [&] {
                printed += watch.readAllStandardOutput();
                return printed.count('\n') >= 150;
            },
            60000));
        ::kill(pid_t(watch.processId()), SIGKILL);
        QVERIFY(watch.waitForFinished(10000));
        printed += watch.readAllStandardOutput();
        const qsizetype completeLines = printed.count('\n');

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(databasePath(home));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));

        TaskStore store(databasePath(home));
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(store.recoveryMessage().isEmpty());
        // Each change is committed before its line is printed: every printed line is in the history.
        QVERIFY2(
            store.historyCount() >= completeLines,
            qPrintable(QStringLiteral("%1 rows, %2 lines").arg(store.historyCount()).arg(completeLines)));
        QCOMPARE(store.loadTasks().value().size(), 20);
    }
};

QTEST_GUILESS_MAIN(TestHistoryE2E)
#include "tst_history_e2e.moc"
