// End to end: the real `cdb-taskwatch watch` process against the emulator over loopback HTTP.
#include "Emulator.h"
#include "TimelineSteps.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDWATCHTEST0000000000000000000000");
const QString kKey = QStringLiteral("watch-test-secret-key-0123456789");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> lines() const {
        QList<QJsonObject> objects;
        for (const QByteArray& line : out.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError e{};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &e);
            objects.append(e.error == QJsonParseError::NoError ? doc.object() : QJsonObject());
        }
        return objects;
    }
};
} // namespace

class TestWatchE2E : public QObject {
    Q_OBJECT
    Emulator m_emulator;
    QTemporaryDir m_home;

    Run watch(const QStringList& args, bool withCredentials = true, const QByteArray& stdinData = {},
              const QString& key = kKey, const QString& command = QStringLiteral("watch")) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TENCENTCLOUD_SECRET_ID"));
        env.remove(QStringLiteral("TENCENTCLOUD_SECRET_KEY"));
        env.remove(QStringLiteral("TENCENTCLOUD_TOKEN"));
        env.remove(QStringLiteral("TENCENTCLOUD_REGION"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        if (withCredentials) {
            env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), kId);
            env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), key);
        }
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TASKWATCH_BIN"), QStringList{command} + args);
        if (!p.waitForStarted(10000))
            return {};
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        // The emulator lives in this process: keep its event loop running while the child works.
        const bool finished = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000);
        if (!finished) {
            p.kill();
            p.waitForFinished();
        }
        Run r;
        r.exitCode = finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        if (r.out.contains(kKey.toUtf8()) || r.err.contains(kKey.toUtf8())) {
            qWarning("the SecretKey was printed");
            r.exitCode = -999; // fails every exit-code comparison
        }
        return r;
    }

    QStringList common() const {
        return {QStringLiteral("--endpoint"), m_emulator.url(),
                QStringLiteral("--region"),   QStringLiteral("ap-guangzhou"),
                QStringLiteral("--interval"), QStringLiteral("0.1"),
                QStringLiteral("--json"),     QStringLiteral("--no-history")};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        QVERIFY(QFileInfo(qEnvironmentVariable("TASKWATCH_BIN")).isExecutable());
        m_emulator.addCredential(kId, kKey);
        // Timelines count polls per task and the emulator lives for the whole test case: each test that needs
        // the full INITIAL -> RUNNING -> SUCCESS sequence gets its own task (1, 5, 6).
        for (const char* id : {"aaaaaaaa-00000001-00000001-00000001", "aaaaaaaa-00000005-00000005-00000005",
                               "aaaaaaaa-00000006-00000006-00000006"})
            m_emulator.addTask(
                {QString::fromLatin1(id),
                 {},
                 {step(0, "INITIAL", "Task created"), step(1, "RUNNING", "Modifying parameters"),
                  step(2, "RUNNING", "Modifying parameters"), step(3, "SUCCESS", "Done")}});
        m_emulator.addTask({QStringLiteral("aaaaaaaa-00000002-00000002-00000002"),
                            {},
                            {step(0, "RUNNING", nullptr), step(1, "FAILED", "Upgrade failed: disk full")}});
        m_emulator.addTask({QStringLiteral("aaaaaaaa-00000003-00000003-00000003"),
                            {},
                            {step(0, "RUNNING", "Waiting forever")}});
        m_emulator.addTask({QStringLiteral("aaaaaaaa-00000004-00000004-00000004"),
                            {},
                            {step(0, nullptr, nullptr), step(1, "SUCCESS", nullptr)}});
        QVERIFY(m_emulator.listen());
    }

    void successExitsZeroWithOneLinePerChange() {
        const Run r = watch(common() << QStringLiteral("AAAAAAAA-00000001-00000001-00000001"));
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.lines();
        // INITIAL, RUNNING, SUCCESS: the repeated RUNNING poll prints nothing.
        QCOMPARE(lines.size(), 3);
        const QRegularExpression iso(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
        QStringList statuses;
        for (const QJsonObject& o : lines) {
            QVERIFY(iso.match(o.value(QStringLiteral("time")).toString()).hasMatch());
            QCOMPARE(o.value(QStringLiteral("id")).toString(),
                     QStringLiteral("aaaaaaaa-00000001-00000001-00000001"));
            QCOMPARE(o.value(QStringLiteral("region")).toString(), QStringLiteral("ap-guangzhou"));
            QVERIFY(o.value(QStringLiteral("error")).isNull());
            QVERIFY(!o.value(QStringLiteral("requestId")).toString().isEmpty());
            QCOMPARE(o.value(QStringLiteral("product")).toString(), QStringLiteral("cdb"));
            QCOMPARE(o.value(QStringLiteral("vendorStatus")),
                     o.value(QStringLiteral("status"))); // cdb's words
            QCOMPARE(o.keys().size(), 9);
            statuses << o.value(QStringLiteral("status")).toString();
        }
        QCOMPARE(statuses, (QStringList{QStringLiteral("INITIAL"), QStringLiteral("RUNNING"),
                                        QStringLiteral("SUCCESS")}));
        QCOMPARE(lines.last().value(QStringLiteral("info")).toString(), QStringLiteral("Done"));
    }

    void nullStatusAndInfoAreJsonNull() {
        const Run r = watch(common() << QStringLiteral("aaaaaaaa-00000004-00000004-00000004"));
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.lines();
        QVERIFY(lines.size() >= 2);
        QVERIFY(lines.first().value(QStringLiteral("status")).isNull());
        QVERIFY(lines.first().value(QStringLiteral("vendorStatus")).isNull());
        QVERIFY(lines.first().value(QStringLiteral("info")).isNull());
    }

    void failedTaskExitsOne() {
        const Run r = watch(common() << QStringLiteral("aaaaaaaa-00000002-00000002-00000002")
                                     << QStringLiteral("aaaaaaaa-00000001-00000001-00000001"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("\"FAILED\""));
        QVERIFY(r.out.contains("disk full"));
    }

    void unknownTaskIsPermanentFailure() {
        const Run r = watch(common() << QStringLiteral("bbbbbbbb-00000000-00000000-00000000"));
        QCOMPARE(r.exitCode, 1);
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(
            lines.first().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
        QVERIFY(!lines.first()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
    }

    void idsFromStdinAnyText() {
        const QByteArray text = R"({"Response":{"AsyncRequestId":"aaaaaaaa-00000005-00000005-00000005"}})"
                                "\nnoise line\n";
        const Run r = watch(common() << QStringLiteral("--ids-from") << QStringLiteral("-"), true, text);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 3);
    }

    void textOutputIsReadable() {
        QStringList args = common();
        args.removeAll(QStringLiteral("--json"));
        const Run r = watch(args << QStringLiteral("aaaaaaaa-00000006-00000006-00000006"));
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.last().contains("aaaaaaaa-00000006-00000006-00000006"));
        QVERIFY(lines.last().contains("SUCCESS"));
    }

    void usageErrorsExitTwo() {
        QCOMPARE(watch(common()).exitCode, 2); // no ids
        QCOMPARE(watch(common() << QStringLiteral("--bogus")
                                << QStringLiteral("aaaaaaaa-00000001-00000001-00000001"))
                     .exitCode,
                 2);
        QCOMPARE(watch({QStringLiteral("--endpoint"), QStringLiteral("http://example.com"),
                        QStringLiteral("--region"), QStringLiteral("ap-guangzhou"),
                        QStringLiteral("aaaaaaaa-00000001-00000001-00000001")})
                     .exitCode,
                 2);
        QCOMPARE(watch(common() << QStringLiteral("--max-rate") << QStringLiteral("41")
                                << QStringLiteral("aaaaaaaa-00000001-00000001-00000001"))
                     .exitCode,
                 2);
        QCOMPARE(watch({QStringLiteral("--endpoint"), m_emulator.url(), QStringLiteral("--region"),
                        QStringLiteral("ap-guangzhou\r\nX-Injected: 1"),
                        QStringLiteral("aaaaaaaa-00000001-00000001-00000001")})
                     .exitCode,
                 2); // a region becomes a header: never sent unless well formed
        for (const char* bad : {"0", "0.05", "86401", "nan", "inf", "-inf", "abc", "1e999"}) {
            for (const char* option : {"--interval", "--max-interval"}) {
                const Run r = watch(common() << QString::fromLatin1(option) << QString::fromLatin1(bad)
                                             << QStringLiteral("aaaaaaaa-00000001-00000001-00000001"));
                QVERIFY2(r.exitCode == 2,
                         qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(option), QLatin1String(bad))));
                QVERIFY2(r.err.contains(option), qPrintable(r.err));
            }
        }
        const Run help = watch({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* option : {"--region", "--endpoint", "--ids-from", "--interval", "--max-interval",
                                   "--timeout", "--max-rate", "--json", "--profile", "--no-history"})
            QVERIFY2(help.out.contains(option), option);
    }

    void credentialsMissingOrRejectedExitThree() {
        const Run none = watch(common() << QStringLiteral("aaaaaaaa-00000001-00000001-00000001"), false);
        QCOMPARE(none.exitCode, 3);
        QVERIFY(!none.err.isEmpty());
        const Run rejected = watch(common() << QStringLiteral("aaaaaaaa-00000001-00000001-00000001"), true,
                                   {}, QStringLiteral("a-wrong-secret-key"));
        QCOMPARE(rejected.exitCode, 3);
        QVERIFY(rejected.err.contains("AuthFailure.SignatureFailure"));
    }

    void keychainProfileThenWatchWithoutEnvironment() {
        // `credentials set` (key on stdin) stores the profile in the real Secret Service; `watch` then finds
        // it.
        const Run set =
            watch({QStringLiteral("set"), QStringLiteral("--profile"), QStringLiteral("e2e"),
                   QStringLiteral("--secret-id"), kId, QStringLiteral("--region"),
                   QStringLiteral("ap-guangzhou"), QStringLiteral("--endpoint"), m_emulator.url()},
                  false, kKey.toUtf8() + '\n', kKey, QStringLiteral("credentials"));
        QCOMPARE(set.exitCode, 0);
        const Run r = watch({QStringLiteral("--profile"), QStringLiteral("e2e"), QStringLiteral("--interval"),
                             QStringLiteral("0.1"), QStringLiteral("--json"), QStringLiteral("--no-history"),
                             QStringLiteral("aaaaaaaa-00000004-00000004-00000004")},
                            false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("\"SUCCESS\""));
        // No file under this test's HOME/XDG directories holds the SecretKey (the keyring lives elsewhere).
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(kKey.toUtf8()), qPrintable(f.fileName()));
        }
    }

    // A wrong endpoint (HTTP 404) ends `watch` with exit 1 at the first answers, not at --timeout; the line
    // names the status. A redirect (3xx) likewise, naming where it points, never followed.
    void wrongEndpointExitsOneQuickly_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("404") << 404 << QStringLiteral("EndpointRejected");
        QTest::newRow("301") << 301 << QStringLiteral("EndpointRedirect");
    }
    void wrongEndpointExitsOneQuickly() {
        QFETCH(int, status);
        QFETCH(QString, code);
        m_emulator.setForcedHttpStatus(status, "https://elsewhere.example/");
        QElapsedTimer clock;
        clock.start();
        const Run r = watch(common() << QStringLiteral("--timeout") << QStringLiteral("50")
                                     << QStringLiteral("aaaaaaaa-00000003-00000003-00000003")
                                     << QStringLiteral("aaaaaaaa-00000004-00000004-00000004"));
        const qint64 elapsed = clock.elapsed();
        m_emulator.setForcedHttpStatus(0);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(elapsed < 20000, qPrintable(QString::number(elapsed)));
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 2);
        for (const QJsonObject& line : lines) {
            const QJsonObject error = line.value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
            QVERIFY(error.value(QStringLiteral("message")).toString().contains(QString::number(status)));
            if (status == 301)
                QVERIFY(error.value(QStringLiteral("message"))
                            .toString()
                            .contains(QLatin1String("https://elsewhere.example/")));
        }
    }

    void timeoutExitsFour() {
        const Run r = watch(common() << QStringLiteral("--timeout") << QStringLiteral("1")
                                     << QStringLiteral("aaaaaaaa-00000003-00000003-00000003"));
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.lines().size(), 1); // RUNNING once
    }
};

QTEST_GUILESS_MAIN(TestWatchE2E)
#include "tst_watch_e2e.moc"
