// HTTPS end to end: the emulator in TLS mode (QSslServer) with a test PKI made at test time by
// tests/tls/make-test-pki.sh (openssl), and the client trusting exactly the test CA through SSL_CERT_FILE.
// The trusted certificate works for ApiClient, `watch` and the GUI; a certificate for another host, an
// expired one and a self-signed one are refused with ClientTlsError, nothing reaches the emulator's API, and
// the refusal is retried with the scheduler's backoff, not in a loop.
#include "Emulator.h"
#include "TimelineSteps.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "api/Endpoint.h"
#include "api/QueryResult.h"
#include "api/TlsTrust.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDHTTPSTEST000000000000000000000000");
const QString kKey = QStringLiteral("https-test-secret-key-0123456789");
const QString kRegion = QStringLiteral("ap-guangzhou");
const QString kDone = QStringLiteral("bbbbbbbb-00000000-00000000-00000001");  // SUCCESS on the 2nd poll
const QString kQuick = QStringLiteral("bbbbbbbb-00000000-00000000-00000002"); // SUCCESS at once

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject lastLine() const {
        const QList<QByteArray> lines = out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object();
    }
};
} // namespace

class TestHttps : public QObject {
    Q_OBJECT
    QTemporaryDir m_pki;
    QTemporaryDir m_home;
    QNetworkAccessManager m_nam;

    QString pki(const QString& name) const { return m_pki.filePath(name); }

    std::unique_ptr<Emulator> emulator(const QString& certificate) {
        auto emu = std::make_unique<Emulator>();
        if (!emu->setTlsFiles(pki(certificate + QStringLiteral(".pem")),
                              pki(certificate + QStringLiteral(".key"))))
            qWarning("setTlsFiles: %s", qPrintable(emu->errorString()));
        emu->addCredential(kId, kKey);
        emu->addTask(
            {kDone, {}, {step(0, "RUNNING", "Working over TLS"), step(1, "SUCCESS", "Done over TLS")}});
        emu->addTask({kQuick, {}, {step(0, "SUCCESS", "Done")}});
        if (!emu->listen())
            qWarning("listen: %s", qPrintable(emu->errorString()));
        return emu;
    }

    QueryResult query(const Emulator& emu, const QString& taskId, const QString& key = kKey) {
        EndpointConfig endpoint;
        endpoint.url = QUrl(emu.url());
        endpoint.timeoutMs = 10000;
        ApiClient client(&m_nam, endpoint, Credential{kId, key, {}});
        QSignalSpy spy(&client, &TaskQueryBackend::queryFinished);
        client.query(1, taskId, kRegion);
        if (!spy.wait(15000))
            return {};
        return spy.first().at(1).value<QueryResult>();
    }

    QProcessEnvironment childEnv() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // SSL_CERT_FILE = the test CA
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), kId);
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), kKey);
        env.remove(QStringLiteral("TENCENTCLOUD_TOKEN"));
        env.remove(QStringLiteral("TENCENTCLOUD_REGION"));
        return env;
    }

    // The real binary; the emulators live in this process, so the event loop runs while it works.
    Run run(const QStringList& args, const QProcessEnvironment& env, int waitMs = 60000) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TASKWATCH_BIN"), args);
        if (!p.waitForStarted(10000))
            return {};
        p.closeWriteChannel();
        const bool finished = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, waitMs);
        if (!finished) {
            p.kill();
            p.waitForFinished();
        }
        Run r;
        r.exitCode = finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        if (r.out.contains(kKey.toUtf8()) || r.err.contains(kKey.toUtf8()))
            r.exitCode = -999; // the SecretKey was printed: fails every comparison
        return r;
    }

    QStringList watchArgs(const Emulator& emu, const QString& taskId, const QStringList& extra = {}) const {
        return QStringList{QStringLiteral("watch"),
                           QStringLiteral("--endpoint"),
                           emu.url(),
                           QStringLiteral("--region"),
                           kRegion,
                           QStringLiteral("--interval"),
                           QStringLiteral("0.2"),
                           QStringLiteral("--json"),
                           QStringLiteral("--no-history")} +
               extra + QStringList{taskId};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_pki.isValid());
        QProcess make;
        make.start(QStringLiteral("sh"), {QStringLiteral(TASKWATCH_PKI_SCRIPT), m_pki.path()});
        QVERIFY2(make.waitForFinished(60000), "make-test-pki.sh did not finish");
        QVERIFY2(make.exitStatus() == QProcess::NormalExit && make.exitCode() == 0,
                 make.readAllStandardError().constData());
        // Before the first ApiClient: the process applies SSL_CERT_FILE once.
        qputenv(TlsTrust::kEnvVar, pki(QStringLiteral("ca.pem")).toLocal8Bit());
    }

    void bundleLoading() {
        const TlsTrust::Bundle ca = TlsTrust::load(pki(QStringLiteral("ca.pem")));
        QCOMPARE(ca.certificates.size(), 1);
        QVERIFY(ca.problem.isEmpty());
        const TlsTrust::Bundle missing = TlsTrust::load(pki(QStringLiteral("no-such-file.pem")));
        QVERIFY(missing.certificates.isEmpty());
        QVERIFY(missing.problem.contains(QLatin1String("SSL_CERT_FILE")));
        const TlsTrust::Bundle notPem = TlsTrust::load(pki(QStringLiteral("pki.cnf")));
        QVERIFY(notPem.certificates.isEmpty());
        QVERIFY(notPem.problem.contains(QLatin1String("no PEM certificate")));
    }

    void emulatorTlsSetup() {
        Emulator emu;
        QVERIFY(!emu.setTlsFiles(pki(QStringLiteral("ca.pem")), pki(QStringLiteral("pki.cnf")))); // not a key
        QVERIFY(!emu.errorString().isEmpty());
        QVERIFY(!emu.isTls());
        QVERIFY(emu.setTlsFiles(pki(QStringLiteral("localhost.pem")), pki(QStringLiteral("localhost.key"))));
        QVERIFY(emu.listen());
        QVERIFY(emu.url().startsWith(QLatin1String("https://127.0.0.1:")));
        QVERIFY(!emu.setTlsFiles(pki(QStringLiteral("localhost.pem")), pki(QStringLiteral("localhost.key"))));
    }

    // The trusted certificate: signature checked, Date header read, keep-alive (one handshake for all).
    void trustedCertificateWorks() {
        auto emu = emulator(QStringLiteral("localhost"));
        QVERIFY(emu->isTls());
        EndpointConfig endpoint;
        endpoint.url = QUrl(emu->url());
        ApiClient client(&m_nam, endpoint, Credential{kId, kKey, {}});
        QSignalSpy spy(&client, &TaskQueryBackend::queryFinished);
        for (int i = 1; i <= 3; ++i) {
            client.query(quint64(i), kQuick, kRegion);
            QVERIFY(spy.wait(15000));
            const QueryResult r = spy.last().at(1).value<QueryResult>();
            QCOMPARE(r.errorCode, QString());
            QCOMPARE(r.kind, ResultKind::Success);
            QCOMPARE(r.status, std::optional<QString>(QStringLiteral("SUCCESS")));
            QVERIFY(r.serverDate.isValid());
            QVERIFY(std::abs(r.serverDate.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        }
        QCOMPARE(emu->stats().requests, 3);
        QCOMPARE(emu->stats().tlsHandshakes, 1); // the connection was kept alive
        QCOMPARE(emu->stats().tlsFailures, 0);
        QCOMPARE(emu->lastRequestHeaders().value("host"),
                 QByteArray("127.0.0.1:") + QByteArray::number(emu->port()));
    }

    void signatureAndRateLimitOverTls() {
        auto emu = emulator(QStringLiteral("localhost"));
        QCOMPARE(query(*emu, kQuick, QStringLiteral("not-the-key")).errorCode,
                 QStringLiteral("AuthFailure.SignatureFailure"));
        emu->setRateLimit(1);
        emu->resetStats();
        EndpointConfig endpoint;
        endpoint.url = QUrl(emu->url());
        ApiClient client(&m_nam, endpoint, Credential{kId, kKey, {}});
        QSignalSpy spy(&client, &TaskQueryBackend::queryFinished);
        for (int i = 1; i <= 3; ++i)
            client.query(quint64(i), kQuick, kRegion);
        QVERIFY(QTest::qWaitFor([&] { return spy.size() == 3; }, 15000));
        int limited = 0;
        for (const QList<QVariant>& args : spy)
            limited += args.at(1).value<QueryResult>().errorCode == QLatin1String("RequestLimitExceeded");
        QVERIFY2(limited >= 1, "the rate limit applies over TLS");
        QCOMPARE(emu->stats().rateLimited, limited);
    }

    // Faults behave as over plain HTTP, and a reset after the handshake is a network error, not a TLS one.
    void faultsOverTls() {
        auto emu = emulator(QStringLiteral("localhost"));
        ScriptedTask gateway{QStringLiteral("bbbbbbbb-00000000-00000000-00000003"), {}, {step(0, "SUCCESS")}};
        gateway.fault = Fault::Http502Html;
        emu->addTask(gateway);
        ScriptedTask reset{QStringLiteral("bbbbbbbb-00000000-00000000-00000004"), {}, {step(0, "SUCCESS")}};
        reset.fault = Fault::ConnectionReset;
        emu->addTask(reset);
        const QueryResult r502 = query(*emu, gateway.id);
        QCOMPARE(r502.errorCode, QString::fromLatin1(ClientError::ServerNetworkError));
        QCOMPARE(r502.httpStatus, 502);
        QCOMPARE(query(*emu, reset.id).errorCode, QString::fromLatin1(ClientError::NetworkError));
        QVERIFY(emu->stats().requests >= 2); // QNAM re-sends on a reset connection, as over plain HTTP
    }

    void refused_data() {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("reason");
        QTest::newRow("another host")
            << QStringLiteral("otherhost") << QStringLiteral("host name did not match");
        QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("has expired");
        QTest::newRow("self-signed") << QStringLiteral("selfsigned") << QStringLiteral("self-signed");
    }
    void refused() {
        QFETCH(QString, certificate);
        QFETCH(QString, reason);
        auto emu = emulator(certificate);
        const QueryResult r = query(*emu, kQuick);
        QCOMPARE(r.kind, ResultKind::TransportError);
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::TlsError));
        QVERIFY2(r.errorMessage.contains(reason, Qt::CaseInsensitive), qPrintable(r.errorMessage));
        QVERIFY2(r.errorMessage.contains(QLatin1String("127.0.0.1")), qPrintable(r.errorMessage));
        QCOMPARE(r.httpStatus, 0);
        QVERIFY(emu->stats().tlsHandshakes >= 1); // the client did reach the TLS layer...
        QCOMPARE(emu->stats().requests, 0);       // ...and sent nothing over it
    }

    void emulatorCommandServesHttps() {
        QProcess p;
        p.setProcessEnvironment(childEnv());
        p.start(qEnvironmentVariable("TASKWATCH_BIN"),
                {QStringLiteral("emulator"), QStringLiteral("--tls-cert"),
                 pki(QStringLiteral("localhost.pem")), QStringLiteral("--tls-key"),
                 pki(QStringLiteral("localhost.key"))});
        QVERIFY(p.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([&] { return p.canReadLine() || p.state() == QProcess::NotRunning; }, 30000));
        const QString url = QString::fromUtf8(p.readLine()).trimmed();
        QVERIFY2(url.startsWith(QLatin1String("https://127.0.0.1:")), qPrintable(url));
        EndpointConfig endpoint;
        endpoint.url = QUrl(url);
        ApiClient client(&m_nam, endpoint,
                         Credential{QString::fromLatin1(Emulator::kDemoSecretId),
                                    QString::fromLatin1(Emulator::kDemoSecretKey),
                                    {}});
        QSignalSpy spy(&client, &TaskQueryBackend::queryFinished);
        client.query(1, QStringLiteral("2d9c64a1-f5b0e837-18a6d3c9-b7e1f40a"), Emulator::demoRegion());
        QVERIFY(spy.wait(15000));
        const QueryResult r = spy.first().at(1).value<QueryResult>();
        QCOMPARE(r.errorCode, QString());
        QCOMPARE(r.kind, ResultKind::Success);
        p.terminate();
        QVERIFY(p.waitForFinished(10000));

        const Run half = run(
            {QStringLiteral("emulator"), QStringLiteral("--tls-cert"), pki(QStringLiteral("localhost.pem"))},
            childEnv());
        QCOMPARE(half.exitCode, 2);
        const Run badKey = run({QStringLiteral("emulator"), QStringLiteral("--tls-cert"),
                                pki(QStringLiteral("localhost.pem")), QStringLiteral("--tls-key"),
                                pki(QStringLiteral("pki.cnf"))},
                               childEnv());
        QCOMPARE(badKey.exitCode, 2);
        QVERIFY2(badKey.err.contains("private key"), badKey.err.constData());
    }

    void watchOverHttps() {
        auto emu = emulator(QStringLiteral("localhost"));
        const Run r = run(watchArgs(*emu, kDone), childEnv());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.lastLine().value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(emu->requestsOf(QStringLiteral("DescribeAsyncRequestInfo")), 2);
        QCOMPARE(emu->requestsOf(QStringLiteral("DescribeTasks")), 1); // the task is not listed: by id
        QCOMPARE(emu->stats().tlsFailures, 0);
    }

    // Without SSL_CERT_FILE only the system's authorities are trusted, and the test CA is not one of them.
    void watchWithoutTheTestCaRefuses() {
        auto emu = emulator(QStringLiteral("localhost"));
        QProcessEnvironment env = childEnv();
        env.remove(QString::fromLatin1(TlsTrust::kEnvVar));
        const Run r = run(watchArgs(*emu, kDone, {QStringLiteral("--timeout"), QStringLiteral("1.5")}), env);
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(
            r.lastLine().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("ClientTlsError"));
        QCOMPARE(emu->stats().requests, 0);
    }

    // An unusable SSL_CERT_FILE trusts nothing (no fall back to the system's list) and says why.
    void unusableCertFileTrustsNothing() {
        auto emu = emulator(QStringLiteral("localhost"));
        QProcessEnvironment env = childEnv();
        env.insert(QString::fromLatin1(TlsTrust::kEnvVar), pki(QStringLiteral("no-such-bundle.pem")));
        const Run r = run(watchArgs(*emu, kDone, {QStringLiteral("--timeout"), QStringLiteral("1.5")}), env);
        QCOMPARE(r.exitCode, 4);
        const QJsonObject error = r.lastLine().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("ClientTlsError"));
        QVERIFY2(
            error.value(QStringLiteral("message")).toString().contains(QLatin1String("no-such-bundle.pem")),
            r.out.constData());
        QCOMPARE(emu->stats().requests, 0);
    }

    // A refused certificate is a transient error: the task backs off (2 s, 4 s, ...), no tight loop.
    void watchRefusalBacksOff() {
        auto emu = emulator(QStringLiteral("selfsigned"));
        const Run r =
            run(watchArgs(*emu, kDone, {QStringLiteral("--timeout"), QStringLiteral("5")}), childEnv());
        QCOMPARE(r.exitCode, 4);
        const QJsonObject error = r.lastLine().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("ClientTlsError"));
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QLatin1String("self-signed")),
                 r.out.constData());
        QCOMPARE(emu->stats().requests, 0);
        QVERIFY(emu->stats().tlsHandshakes >= 1);
        // Two requests back off, each on its own: the listing of the region and the task's poll.
        QVERIFY2(emu->stats().tlsHandshakes <= 8, qPrintable(QString::number(emu->stats().tlsHandshakes)));
    }

    // The GUI (real binary, offscreen) over https: the history database records the task's SUCCESS.
    void guiOverHttps() {
        auto emu = emulator(QStringLiteral("localhost"));
        QTemporaryDir home;
        QProcessEnvironment env = childEnv();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QFile ids(home.filePath(QStringLiteral("ids.txt")));
        QVERIFY(ids.open(QIODevice::WriteOnly));
        ids.write(kDone.toLatin1() + '\n');
        ids.close();
        QProcess gui;
        gui.setProcessEnvironment(env);
        gui.start(qEnvironmentVariable("TASKWATCH_BIN"),
                  {QStringLiteral("--endpoint"), emu->url(), QStringLiteral("--region"), kRegion,
                   QStringLiteral("--ids-from"), ids.fileName()});
        QVERIFY(gui.waitForStarted(10000));
        const QString db = home.filePath(QStringLiteral("data/cdb-taskwatch/cdb-taskwatch/history.sqlite"));
        QString status;
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("gui"));
            sql.setDatabaseName(db);
            sql.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=1000"));
            (void)QTest::qWaitFor(
                [&] {
                    if (gui.state() == QProcess::NotRunning || !QFile::exists(db))
                        return gui.state() == QProcess::NotRunning;
                    if (!sql.isOpen() && !sql.open())
                        return false;
                    QSqlQuery q(sql);
                    q.prepare(QStringLiteral("SELECT status FROM tasks WHERE id = ?"));
                    q.addBindValue(kDone);
                    if (q.exec() && q.next())
                        status = q.value(0).toString();
                    return status == QLatin1String("SUCCESS");
                },
                60000);
            sql.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("gui"));
        const bool exitedEarly = gui.state() == QProcess::NotRunning;
        gui.terminate();
        if (!gui.waitForFinished(10000)) {
            gui.kill();
            gui.waitForFinished();
        }
        QVERIFY2(!exitedEarly, gui.readAllStandardError().constData());
        QCOMPARE(status, QStringLiteral("SUCCESS"));
        QVERIFY(emu->stats().requests >= 2);
        QCOMPARE(emu->stats().tlsFailures, 0);
    }
};

QTEST_GUILESS_MAIN(TestHttps)
#include "tst_https.moc"
