// End to end: command-line contracts of the real `cdb-taskwatch` binary (signals and summaries, aligned text,
// hostile server text, numeric options, unknown commands, region handling), against the emulator over
// loopback HTTP.
#include "Emulator.h"
#include "TimelineSteps.h"
#include "api/Signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <sys/types.h>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDCLITEST00000000000000000000000");
const QString kKey = QStringLiteral("cli-test-secret-key-0123456789");

const QString kForever = QStringLiteral("cccccccc-00000001-00000001-00000001");      // RUNNING forever
const QString kForeverUuid = QStringLiteral("7ef78bec-0111-43af-bb11-111112fb54a7"); // no status forever
const QString kDone = QStringLiteral("cccccccc-00000002-00000002-00000002");         // SUCCESS at once
const QString kDoneUuid = QStringLiteral("6ef60bec-0242-43af-bb20-270359fb54a8");    // SUCCESS, null Info
const QString kFailed = QStringLiteral("cccccccc-00000003-00000003-00000003");       // FAILED at once
const QString kHostile = QStringLiteral("cccccccc-00000004-00000004-00000004");      // hostile error
const QString kHostileInfo = QStringLiteral("cccccccc-00000005-00000005-00000005");  // hostile Info/status
const QString kUnknown = QStringLiteral("dddddddd-00000000-00000000-00000000");      // not on the server
const QString kRequestIdUuid = QStringLiteral("6EF60BEC-0242-43AF-BB20-270359FB54A7");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QByteArray> outLines() const { return nonEmptyLines(out); }
    QList<QByteArray> errLines() const { return nonEmptyLines(err); }
    static QList<QByteArray> nonEmptyLines(const QByteArray& bytes) {
        QList<QByteArray> lines;
        for (const QByteArray& line : bytes.split('\n'))
            if (!line.trimmed().isEmpty())
                lines.append(line);
        return lines;
    }
};

QJsonObject jsonObject(const QByteArray& line) {
    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &e);
    return e.error == QJsonParseError::NoError && doc.isObject() ? doc.object() : QJsonObject();
}
} // namespace

class TestCliE2E : public QObject {
    Q_OBJECT
    Emulator m_emulator;
    QTemporaryDir m_home;

    QProcessEnvironment environment(bool withCredentials = true) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_TOKEN",
                                 "TENCENTCLOUD_REGION", "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        if (withCredentials) {
            env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), kId);
            env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), kKey);
        }
        return env;
    }

    std::unique_ptr<QProcess> start(const QStringList& args, const QProcessEnvironment& env,
                                    const QByteArray& stdinData = {}) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->start(qEnvironmentVariable("TASKWATCH_BIN"), args);
        if (!p->waitForStarted(10000))
            return nullptr;
        if (!stdinData.isEmpty())
            p->write(stdinData);
        p->closeWriteChannel();
        return p;
    }

    // Waits for the end (the emulator lives in this process: its event loop runs meanwhile).
    static Run finish(QProcess* p, int timeoutMs = 60000) {
        Run r;
        if (!p)
            return r;
        const bool finished = QTest::qWaitFor([&] { return p->state() == QProcess::NotRunning; }, timeoutMs);
        if (!finished) {
            p->kill();
            p->waitForFinished();
        }
        r.exitCode = finished && p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        r.out = p->readAllStandardOutput();
        r.err = p->readAllStandardError();
        if (r.out.contains(kKey.toUtf8()) || r.err.contains(kKey.toUtf8())) {
            qWarning("the SecretKey was printed");
            r.exitCode = -999;
        }
        return r;
    }

    Run run(const QStringList& args, const QProcessEnvironment& env, const QByteArray& stdinData = {}) {
        auto p = start(args, env, stdinData);
        return finish(p.get());
    }

    Run watch(const QStringList& args, const QByteArray& stdinData = {}) {
        return run(QStringList{QStringLiteral("watch")} + args, environment(), stdinData);
    }

    QStringList common(bool json) const {
        QStringList args{QStringLiteral("--endpoint"),  m_emulator.url(),
                         QStringLiteral("--region"),    QStringLiteral("ap-guangzhou"),
                         QStringLiteral("--interval"),  QStringLiteral("0.1"),
                         QStringLiteral("--no-history")};
        if (json)
            args << QStringLiteral("--json");
        return args;
    }

    // Starts `watch` on a task that never finishes plus one that succeeds, waits until both were printed,
    // sends `signalNumber` and returns what the process did.
    Run interrupted(int signalNumber, bool json) {
        const QStringList args = QStringList{QStringLiteral("watch")} + common(json) << kDone << kForever;
        auto p = start(args, environment());
        if (!p)
            return {};
        QByteArray out;
        const bool ready = QTest::qWaitFor(
            [&] {
                out += p->readAllStandardOutput();
                return out.contains(kDone.toUtf8()) && out.contains(kForever.toUtf8());
            },
            30000);
        if (!ready) {
            qWarning("watch printed no line for both tasks");
            p->kill();
            p->waitForFinished();
            return {};
        }
        ::kill(pid_t(p->processId()), signalNumber);
        Run r = finish(p.get(), 20000);
        r.out = out + r.out;
        return r;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        QVERIFY(QFileInfo(qEnvironmentVariable("TASKWATCH_BIN")).isExecutable());
        m_emulator.addCredential(kId, kKey);
        m_emulator.addTask({kForever, {}, {step(0, "RUNNING", "Waiting forever")}});
        m_emulator.addTask({kForeverUuid, {}, {step(0, nullptr, nullptr)}});
        m_emulator.addTask({kDone, {}, {step(0, "SUCCESS", "Dropped the table")}});
        m_emulator.addTask({kDoneUuid, {}, {step(0, "SUCCESS", nullptr)}});
        m_emulator.addTask({kFailed, {}, {step(0, "FAILED", "Upgrade failed: disk full")}});

        TimelineStep hostileError;
        hostileError.errorCode = QStringLiteral("InvalidParameter\x1b[2J.Bad\x1b]0;pwned\x07");
        hostileError.errorMessage = QStringLiteral("message \x1b[31mred\x1b[0m \u202Eevil\u2028next\u200B.");
        hostileError.requestId = QStringLiteral("\x1b[5m6ef60bec-0242-43af\x1b[0m\u202E");
        m_emulator.addTask({kHostile, {}, {hostileError}});
        TimelineStep hostileStatus =
            step(0, "RUNNING\x1b[1m", "Info \x1b]8;;http://x\x07link\x1b[K\r\nline 2");
        hostileStatus.requestId = QStringLiteral("req\x1b[31m-1");
        TimelineStep hostileDone = step(1, "SUCCESS", "done\x1b[0m");
        hostileDone.requestId = QStringLiteral("req\x1b[31m-2");
        m_emulator.addTask({kHostileInfo, {}, {hostileStatus, hostileDone}});
        QVERIFY(m_emulator.listen());
    }

    // --- defect 1: a region (or profile) with surrounding whitespace ---------------------------------------

    void regionWithTrailingNewlineFromEnvironment() {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("TENCENTCLOUD_REGION"), QStringLiteral("ap-guangzhou\n"));
        QStringList args = common(true);
        args.removeAt(args.indexOf(QStringLiteral("--region")) + 1);
        args.removeAll(QStringLiteral("--region"));
        const Run r = run(QStringList{QStringLiteral("watch")} + args << QStringLiteral("--timeout")
                                                                      << QStringLiteral("20") << kDone,
                          env);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.outLines();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(jsonObject(lines.first()).value(QStringLiteral("status")).toString(),
                 QStringLiteral("SUCCESS"));
        QCOMPARE(jsonObject(lines.first()).value(QStringLiteral("region")).toString(),
                 QStringLiteral("ap-guangzhou"));
        QCOMPARE(m_emulator.lastRequestHeaders().value("x-tc-region"), QByteArray("ap-guangzhou"));
    }

    void regionOptionIsTrimmed() {
        QStringList args = common(true);
        args[args.indexOf(QStringLiteral("--region")) + 1] = QStringLiteral(" ap-guangzhou\t\n");
        const Run r = watch(args << kDone);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("\"region\":\"ap-guangzhou\""));
    }

    // --- defect 5: a RequestId is not a task --------------------------------------------------------------

    void tccliResponseOnStdinWatchesOnlyTheTask() {
        // README: tccli cdb … | cdb-taskwatch watch --region ap-guangzhou --ids-from - --json --timeout 1800
        const QByteArray tccli = "{\n    \"AsyncRequestId\": \"" + kDone.toUtf8() +
                                 "\",\n    \"RequestId\": \"" + kRequestIdUuid.toUtf8() + "\"\n}\n";
        const Run r = watch(common(true) << QStringLiteral("--ids-from") << QStringLiteral("-")
                                         << QStringLiteral("--timeout") << QStringLiteral("30"),
                            tccli);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.outLines();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(jsonObject(lines.first()).value(QStringLiteral("id")).toString(), kDone);
        QCOMPARE(jsonObject(lines.first()).value(QStringLiteral("product")).toString(),
                 QStringLiteral("cdb"));
        QCOMPARE(jsonObject(lines.first()).value(QStringLiteral("vendorStatus")).toString(),
                 QStringLiteral("SUCCESS"));
        QVERIFY(!r.out.contains(kRequestIdUuid.toLower().toUtf8()));
    }

    // --- defect 6: server text never reaches the terminal raw ---------------------------------------------

    void hostileServerTextIsNeutralisedInTextMode() {
        const Run r = watch(common(false) << kHostile << kHostileInfo);
        QCOMPARE(r.exitCode, 1); // the hostile error code is a permanent error
        QVERIFY2(!r.out.contains('\x1b'), r.out.constData());
        QVERIFY2(!r.err.contains('\x1b'), r.err.constData());
        QVERIFY(!r.out.contains('\x07'));
        QVERIFY(!r.out.contains("\u202E"));
        QVERIFY(!r.out.contains("\u2028"));
        QVERIFY(!r.out.contains("\u200B"));
        QVERIFY(r.out.contains("InvalidParameter"));
        QVERIFY(r.out.contains("[2J.Bad"));       // visible, not acting
        QVERIFY(r.out.contains("6ef60bec-0242")); // the RequestId is still shown
        QVERIFY(r.out.contains("SUCCESS"));
        for (const QByteArray& line : r.outLines())
            QVERIFY2(!line.contains('\r'), line.constData());
    }

    void hostileServerTextInJsonModeIsEscaped() {
        const Run r = watch(common(true) << kHostile);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.out.contains('\x1b'));
        QVERIFY(!r.err.contains('\x1b'));
        const QJsonObject o = jsonObject(r.outLines().value(0));
        // JSON keeps the data (escaped as \u001b), and the scripted RequestId arrived.
        QCOMPARE(o.value(QStringLiteral("requestId")).toString(),
                 QStringLiteral("\x1b[5m6ef60bec-0242-43af\x1b[0m\u202E"));
    }

    void hostileAuthFailureIsNeutralised() {
        Emulator rejecting;
        rejecting.addCredential(kId, kKey);
        rejecting.setForcedError(QStringLiteral("AuthFailure.Secret\x1b[2JIdNotFound"),
                                 QStringLiteral("rejected \x1b]0;title\x07 \u202Eevil"));
        QVERIFY(rejecting.listen());
        QStringList args = common(false);
        args[args.indexOf(QStringLiteral("--endpoint")) + 1] = rejecting.url();
        const Run r = watch(args << kDone);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(!r.err.contains('\x1b'), r.err.constData());
        QVERIFY2(!r.out.contains('\x1b'), r.out.constData());
        QVERIFY(!r.err.contains("\u202E"));
        QVERIFY(r.err.contains("AuthFailure.Secret"));
    }

    // --- defect 7: numeric options ------------------------------------------------------------------------

    void nonFiniteOrAbsurdNumbersAreUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        const auto watchWith = [](const char* option, const char* value) {
            return QStringList{QStringLiteral("watch"), QString::fromLatin1(option),
                               QString::fromLatin1(value)};
        };
        for (const char* v :
             {"nan", "NaN", "inf", "-inf", "infinity", "-1", "0", "0.01", "1e300", "86401", "x"})
            QTest::newRow(qPrintable(QStringLiteral("--interval %1").arg(QLatin1String(v))))
                << watchWith("--interval", v);
        for (const char* v : {"nan", "inf", "-inf", "-5", "0", "1e300", "1e12", ""})
            QTest::newRow(qPrintable(QStringLiteral("--timeout %1").arg(QLatin1String(v))))
                << watchWith("--timeout", v);
        for (const char* v : {"nan", "inf", "0", "41", "1e3", "2.5"})
            QTest::newRow(qPrintable(QStringLiteral("--max-rate %1").arg(QLatin1String(v))))
                << watchWith("--max-rate", v);
        const auto emulatorWith = [](const char* option, const char* value) {
            return QStringList{QStringLiteral("emulator"), QString::fromLatin1(option),
                               QString::fromLatin1(value)};
        };
        for (const char* v : {"nan", "inf", "-1", "1e300", "100000000"})
            QTest::newRow(qPrintable(QStringLiteral("emulator --any-id %1").arg(QLatin1String(v))))
                << emulatorWith("--any-id", v);
        for (const char* v : {"nan", "inf", "-1", "1e9", "9999999999"})
            QTest::newRow(qPrintable(QStringLiteral("emulator --rate-limit %1").arg(QLatin1String(v))))
                << emulatorWith("--rate-limit", v);
        for (const char* v : {"nan", "inf", "-inf", "1e300", "9223372036854775807", "0.5"})
            QTest::newRow(qPrintable(QStringLiteral("emulator --clock-offset %1").arg(QLatin1String(v))))
                << emulatorWith("--clock-offset", v);
    }

    void nonFiniteOrAbsurdNumbersAreUsageErrors() {
        QFETCH(QStringList, args);
        if (args.first() == QLatin1String("watch")) // the option under test comes last: the last value counts
            args = QStringList{QStringLiteral("watch")} + common(true) + args.mid(1) << kDone;
        const Run r = run(args, environment());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.outLines().isEmpty());
        QVERIFY(!r.err.isEmpty());
    }

    void sensibleNumbersStillWork() {
        QStringList args = common(true);
        args[args.indexOf(QStringLiteral("--interval")) + 1] = QStringLiteral("0.25");
        QCOMPARE(watch(args << QStringLiteral("--timeout") << QStringLiteral("1e2") << kDone).exitCode, 0);
    }

    // --- command line: signals, summaries, timeout --------------------------------------------------------

    void sigintTextSummary() {
        const Run r = interrupted(SIGINT, false);
        QCOMPARE(r.exitCode, 130);
        const QByteArray err = r.err;
        QVERIFY2(err.contains("SIGINT"), err.constData());
        QVERIFY2(err.contains("2 task(s): 1 SUCCESS, 1 RUNNING."), err.constData());
        const qsizetype unfinished = err.indexOf("Unfinished (1):");
        QVERIFY2(unfinished >= 0, err.constData());
        QVERIFY(err.mid(unfinished).contains(kForever.toUtf8()));
        QVERIFY(!err.mid(unfinished).contains(kDone.toUtf8()));
        QVERIFY(r.errLines().first().startsWith("Watching 2 task(s) in ap-guangzhou"));
    }

    void sigtermTextSummary() {
        const Run r = interrupted(SIGTERM, false);
        QCOMPARE(r.exitCode, 143);
        QVERIFY2(r.err.contains("SIGTERM"), r.err.constData());
        QVERIFY(r.err.contains("Unfinished (1):"));
    }

    void signalJsonSummary_data() {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("name");
        QTest::newRow("SIGINT") << int(SIGINT) << 130 << QStringLiteral("SIGINT");
        QTest::newRow("SIGTERM") << int(SIGTERM) << 143 << QStringLiteral("SIGTERM");
    }

    void signalJsonSummary() {
        QFETCH(int, signalNumber);
        QFETCH(int, exitCode);
        QFETCH(QString, name);
        const Run r = interrupted(signalNumber, true);
        QCOMPARE(r.exitCode, exitCode);
        // stdout stays one object per change; the summary is one object on stderr.
        for (const QByteArray& line : r.outLines()) {
            const QJsonObject o = jsonObject(line);
            QVERIFY2(o.contains(QStringLiteral("id")) && !o.contains(QStringLiteral("summary")),
                     line.constData());
        }
        const QList<QByteArray> errLines = r.errLines();
        QVERIFY(!errLines.isEmpty());
        const QJsonObject summary = jsonObject(errLines.last()).value(QStringLiteral("summary")).toObject();
        QVERIFY2(!summary.isEmpty(), r.err.constData());
        QCOMPARE(summary.value(QStringLiteral("reason")).toString(), name);
        QCOMPARE(summary.value(QStringLiteral("exitCode")).toInt(), exitCode);
        QCOMPARE(summary.value(QStringLiteral("tasks")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("statuses")).toObject(),
                 (QJsonObject{{QStringLiteral("SUCCESS"), 1}, {QStringLiteral("RUNNING"), 1}}));
        QCOMPARE(summary.value(QStringLiteral("unfinished")).toArray(), QJsonArray{kForever});
        QVERIFY(!r.err.contains("Watching")); // no text start line in --json mode
    }

    void timeoutNamesUnfinishedTasks() {
        const Run r = watch(common(false) << QStringLiteral("--timeout") << QStringLiteral("1") << kDone
                                          << kForever << kForeverUuid);
        QCOMPARE(r.exitCode, 4);
        const qsizetype unfinished = r.err.indexOf("Unfinished (2):");
        QVERIFY2(unfinished >= 0, r.err.constData());
        QVERIFY(r.err.contains("Timed out after 1 s with 2 task(s) unfinished."));
        const QByteArray tail = r.err.mid(unfinished);
        QVERIFY(tail.contains(kForever.toUtf8()));
        QVERIFY(tail.contains(kForeverUuid.toUtf8()));
        QVERIFY(!tail.contains(kDone.toUtf8()));

        const Run j = watch(common(true) << QStringLiteral("--timeout") << QStringLiteral("1") << kForever);
        QCOMPARE(j.exitCode, 4);
        const QJsonObject summary = jsonObject(j.errLines().value(j.errLines().size() - 1))
                                        .value(QStringLiteral("summary"))
                                        .toObject();
        QCOMPARE(summary.value(QStringLiteral("reason")).toString(), QStringLiteral("timeout"));
        QCOMPARE(summary.value(QStringLiteral("unfinished")).toArray(), QJsonArray{kForever});
    }

    // --- command line: aligned text output ----------------------------------------------------------------

    void textColumnsAligned() {
        const Run r = watch(common(false) << QStringLiteral("--timeout") << QStringLiteral("2") << kDone
                                          << kDoneUuid << kFailed << kForeverUuid << kUnknown << kForever);
        QCOMPARE(r.exitCode, 4);
        const QList<QByteArray> lines = r.outLines();
        QCOMPARE(lines.size(), 6);
        // time (24) + 2, id (36) + 2, region (16) + 2: status at 82; status column 11 + 2: the rest at 95.
        constexpr int statusCol = 24 + 2 + 36 + 2 + 16 + 2;
        constexpr int restCol = statusCol + 11 + 2;
        bool sawNoStatus = false, sawNullInfo = false, sawError = false;
        for (const QByteArray& bytes : lines) {
            const QString line = QString::fromUtf8(bytes);
            QVERIFY2(line.size() > restCol, qPrintable(line));
            QVERIFY2(line.at(statusCol - 1) == QLatin1Char(' ') && line.at(statusCol) != QLatin1Char(' '),
                     qPrintable(line));
            QVERIFY2(line.at(restCol - 1) == QLatin1Char(' ') && line.at(restCol) != QLatin1Char(' '),
                     qPrintable(line));
            QVERIFY2(!line.endsWith(QLatin1Char(' ')), qPrintable(line));
            QCOMPARE(line.mid(24 + 2 + 36 + 2, 12), QStringLiteral("ap-guangzhou"));
            sawNoStatus = sawNoStatus || line.mid(statusCol, 11) == QLatin1String("(no status)");
            if (line.contains(kDoneUuid)) {
                sawNullInfo = true;
                QVERIFY2(line.mid(restCol).startsWith(QLatin1String("[RequestId ")), qPrintable(line));
            }
            if (line.contains(kUnknown)) {
                sawError = true;
                QVERIFY2(line.mid(statusCol).startsWith(QLatin1String("ERROR ")), qPrintable(line));
                QVERIFY2(
                    line.mid(restCol).startsWith(QLatin1String("InvalidParameter.InvalidAsyncRequestId: ")),
                    qPrintable(line));
            }
        }
        QVERIFY(sawNoStatus);
        QVERIFY(sawNullInfo);
        QVERIFY(sawError);
        QVERIFY(r.errLines().first().startsWith("Watching 6 task(s) in ap-guangzhou"));
    }

    // --- command line: commands, usage, emulator, regions -------------------------------------------------

    void unknownSubcommandIsUsageError() {
        const Run r = run({QStringLiteral("bogus")}, environment());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("bogus"));
        for (const char* command : {"watch", "export-csv", "credentials", "emulator"})
            QVERIFY2(r.err.contains(command), command);
        QCOMPARE(run({QStringLiteral("wach"), kDone}, environment()).exitCode, 2);
    }

    // The GUI's --help names every command the unknown-command message lists.
    void helpNamesEveryCommand() {
        const Run unknown = run({QStringLiteral("bogus")}, environment());
        const qsizetype from = unknown.err.indexOf("Commands: ") + 10;
        QVERIFY(from >= 10);
        const QList<QByteArray> commands =
            unknown.err.mid(from, unknown.err.indexOf(" (see", from) - from).split(',');
        QVERIFY(commands.size() >= 5);
        const Run help = run({QStringLiteral("--help")}, environment());
        const qsizetype at = help.out.indexOf("Headless commands: ");
        QVERIFY(at >= 0);
        const QByteArray line = help.out.mid(at, help.out.indexOf('\n', at) - at);
        for (const QByteArray& command : commands)
            QVERIFY2(line.contains(command.trimmed() + (command == commands.last() ? " (" : ",")),
                     (command.trimmed() + " missing from: " + line).constData());
    }

    void taskIdStillStartsTheGui() {
        // A task id (or text containing one) is not a command: the GUI starts with it (offscreen here).
        QProcessEnvironment env = environment(false);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        auto p = start({QStringLiteral("F96E4F3C-8fc96c86-2ec79ac8-cb63a7a7")}, env);
        QVERIFY(p);
        QTest::qWait(1500);
        const bool stillRunning = p->state() == QProcess::Running;
        const QByteArray err = p->readAllStandardError();
        p->kill();
        p->waitForFinished();
        QVERIFY2(!err.contains("Unknown command"), err.constData());
        QVERIFY2(stillRunning || p->exitCode() != 2, err.constData());
    }

    void usageLinesNameTheProgram() {
        for (const QStringList& args : {QStringList{QStringLiteral("watch"), QStringLiteral("--help")},
                                        QStringList{QStringLiteral("emulator"), QStringLiteral("--help")},
                                        QStringList{QStringLiteral("--help")}}) {
            const Run r = run(args, environment());
            QCOMPARE(r.exitCode, 0);
            const QByteArray first = r.outLines().value(0);
            QVERIFY2(first.startsWith("Usage: cdb-taskwatch"), first.constData());
            QVERIFY2(
                !r.out.contains('/' + QFileInfo(qEnvironmentVariable("TASKWATCH_BIN")).fileName().toUtf8()),
                r.out.constData());
        }
        QVERIFY(run({QStringLiteral("watch"), QStringLiteral("--help")}, environment())
                    .outLines()
                    .value(0)
                    .startsWith("Usage: cdb-taskwatch watch"));
    }

    void emulatorPrintsDemoCredentials() {
        auto p = start({QStringLiteral("emulator")}, environment(false));
        QVERIFY(p);
        QByteArray out;
        const bool ready = QTest::qWaitFor(
            [&] {
                out += p->readAllStandardOutput();
                return out.count('\n') >= 3;
            },
            20000);
        p->terminate();
        p->waitForFinished();
        QVERIFY2(ready, out.constData());
        const QList<QByteArray> lines = out.split('\n');
        QVERIFY(lines.at(0).startsWith("http://127.0.0.1:")); // scripts read the URL from the first line
        QCOMPARE(lines.at(1), QByteArray("TENCENTCLOUD_SECRET_ID=") + Emulator::kDemoSecretId);
        QCOMPARE(lines.at(2), QByteArray("TENCENTCLOUD_SECRET_KEY=") + Emulator::kDemoSecretKey);
    }

    void emulatorServesDiscoveryData() {
        // `emulator` also lists the demo discovery tasks (DescribeTasks) and instances (DescribeDBInstances)
        // of both demo regions, signed with the demo key; its stdout contract stays the same.
        auto p = start({QStringLiteral("emulator")}, environment(false));
        QVERIFY(p);
        QByteArray out;
        const bool ready = QTest::qWaitFor(
            [&] {
                out += p->readAllStandardOutput();
                return out.count('\n') >= 3;
            },
            20000);
        QVERIFY2(ready, out.constData());
        const QUrl url(QString::fromLatin1(out.split('\n').at(0)));
        QNetworkAccessManager nam;
        const auto post = [&](const QByteArray& action, const QString& region) {
            SignInput in;
            in.host = Signer::hostHeader(url);
            in.contentType = "application/json";
            in.payload = "{}";
            in.timestamp = QDateTime::currentSecsSinceEpoch();
            const SignOutput sig = Signer::sign(in, QString::fromLatin1(Emulator::kDemoSecretId),
                                                QString::fromLatin1(Emulator::kDemoSecretKey));
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, in.contentType);
            request.setRawHeader("X-TC-Action", action);
            request.setRawHeader("X-TC-Version", "2017-03-20");
            request.setRawHeader("X-TC-Region", region.toLatin1());
            request.setRawHeader("X-TC-Timestamp", QByteArray::number(in.timestamp));
            request.setRawHeader("Authorization", sig.authorization);
            std::unique_ptr<QNetworkReply> reply(nam.post(request, in.payload));
            [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return reply->isFinished(); }, 10000);
            return QJsonDocument::fromJson(reply->readAll()).object().value("Response").toObject();
        };
        int tasks = 0, instances = 0;
        for (const QString& region : {Emulator::demoRegion(), Emulator::demoSecondRegion()}) {
            const QJsonObject listed = post("DescribeTasks", region);
            QVERIFY2(!listed.contains("Error"), qPrintable(QJsonDocument(listed).toJson()));
            QVERIFY(listed.value("TotalCount").toInt() > 0);
            tasks += listed.value("TotalCount").toInt();
            const QJsonObject names = post("DescribeDBInstances", region);
            QVERIFY2(!names.contains("Error"), qPrintable(QJsonDocument(names).toJson()));
            instances += names.value("TotalCount").toInt();
        }
        p->terminate();
        p->waitForFinished();
        QCOMPARE(tasks, Emulator::demoDiscoverableTasks().size());
        QCOMPARE(instances, Emulator::demoInstances().size());
    }

    void unknownRegionWarnsOnceAndIsSent() {
        QStringList args = common(false);
        args[args.indexOf(QStringLiteral("--region")) + 1] = QStringLiteral("xx-nowhere-9");
        const Run r = watch(args << kDone << kDoneUuid);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err.count("xx-nowhere-9 is not a known cdb region"), 1);
        QCOMPARE(m_emulator.lastRequestHeaders().value("x-tc-region"), QByteArray("xx-nowhere-9"));
        const Run known = watch(common(false) << kDone);
        QCOMPARE(known.exitCode, 0);
        QVERIFY(!known.err.contains("not a known"));
    }
};

QTEST_GUILESS_MAIN(TestCliE2E)
#include "tst_cli_e2e.moc"
