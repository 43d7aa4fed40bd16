// ApiClient against the built-in emulator over real loopback HTTP: one test per typed outcome, the headers it
// sends, endpoint validation, and parseResponse on hostile bodies.
#include "Emulator.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "api/Endpoint.h"
#include "api/ErrorCatalog.h"
#include "api/ProxyFactory.h"
#include "api/QueryResult.h"
#include "task/TextBounds.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <memory>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDAPICLIENTTEST0000000000000000000");
const QString kKey = QStringLiteral("apiclient-test-secret-key-012345");
const QString kTokenId = QStringLiteral("AKIDAPICLIENTTOKEN000000000000000000");
const QString kTokenKey = QStringLiteral("apiclient-token-secret-key-01234");
const QString kToken = QStringLiteral("sts-token-0123456789abcdef");
const QString kRegion = QStringLiteral("ap-guangzhou");

const QString kSuccess = QStringLiteral("aaaaaaaa-00000000-00000000-00000001");
const QString kNulls = QStringLiteral("aaaaaaaa-00000000-00000000-00000002");
const QString kUnknownStatus = QStringLiteral("aaaaaaaa-00000000-00000000-00000003");
const QString kBadGateway = QStringLiteral("aaaaaaaa-00000000-00000000-00000004");
const QString kServerError = QStringLiteral("aaaaaaaa-00000000-00000000-00000005");
const QString kMalformed = QStringLiteral("aaaaaaaa-00000000-00000000-00000006");
const QString kEmpty = QStringLiteral("aaaaaaaa-00000000-00000000-00000007");
const QString kHuge = QStringLiteral("aaaaaaaa-00000000-00000000-00000008");
const QString kStall = QStringLiteral("aaaaaaaa-00000000-00000000-00000009");
const QString kReset = QStringLiteral("aaaaaaaa-00000000-00000000-0000000a");
const QString kTruncated = QStringLiteral("aaaaaaaa-00000000-00000000-0000000b");
const QString kHostile = QStringLiteral("aaaaaaaa-00000000-00000000-0000000c");
const QString kTaskError = QStringLiteral("aaaaaaaa-00000000-00000000-0000000d");

TimelineStep step(std::optional<QString> status, std::optional<QString> info) {
    TimelineStep s;
    s.status = std::move(status);
    s.info = std::move(info);
    return s;
}

ScriptedTask task(const QString& id, QList<TimelineStep> steps, Fault fault = Fault::None) {
    ScriptedTask t;
    t.id = id;
    t.steps = std::move(steps);
    t.fault = fault;
    return t;
}

QByteArray envelope(const QByteArray& inner) {
    return R"({"Response":)" + inner + "}";
}
} // namespace

// Sends every request to `target` instead (keeping its headers, Host included): an https endpoint's request,
// served by the loopback emulator.
class LoopbackNam : public QNetworkAccessManager {
public:
    explicit LoopbackNam(QUrl target)
        : m_target(std::move(target)) {}

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* data) override {
        QNetworkRequest copy(request);
        QUrl url = m_target;
        url.setPath(request.url().path());
        copy.setUrl(url);
        return QNetworkAccessManager::createRequest(op, copy, data);
    }

private:
    QUrl m_target;
};

class TestApiClient : public QObject {
    Q_OBJECT
    std::unique_ptr<Emulator> m_emu;
    QNetworkAccessManager m_nam;

    EndpointConfig endpoint(int timeoutMs = 15000) const {
        EndpointConfig e;
        e.url = QUrl(m_emu->url());
        e.timeoutMs = timeoutMs;
        return e;
    }

    static Credential credential(const QString& id = kId, const QString& key = kKey,
                                 const QString& token = {}) {
        return Credential{id, key, token};
    }

    // Runs one query and returns its result; checks that exactly one queryFinished came, later, for the
    // ticket.
    QueryResult run(ApiClient& client, const QString& taskId, const QString& region = kRegion) {
        static quint64 nextTicket = 1;
        const quint64 ticket = nextTicket++;
        QSignalSpy spy(&client, &TaskQueryBackend::queryFinished);
        client.query(ticket, taskId, region);
        if (spy.count() != 0) {
            qWarning("queryFinished was emitted from inside query()");
            return {};
        }
        if (!QTest::qWaitFor([&] { return spy.count() > 0; }, 30000)) {
            qWarning("no queryFinished");
            return {};
        }
        QTest::qWait(0);
        if (spy.count() != 1 || spy.first().at(0).toULongLong() != ticket) {
            qWarning("wrong number of queryFinished or wrong ticket");
            return {};
        }
        return spy.first().at(1).value<QueryResult>();
    }

    QueryResult runWith(const Credential& cred, const QString& taskId, int timeoutMs = 15000) {
        ApiClient client(&m_nam, endpoint(timeoutMs), cred);
        return run(client, taskId);
    }

private slots:
    void initTestCase() { qRegisterMetaType<QueryResult>(); }

    void init() {
        m_emu = std::make_unique<Emulator>();
        m_emu->addCredential(kId, kKey);
        m_emu->addCredential(kTokenId, kTokenKey, kToken);
        m_emu->addTask(
            task(kSuccess, {step(QStringLiteral("SUCCESS"), QStringLiteral("Dropped the table."))}));
        m_emu->addTask(task(kNulls, {step(std::nullopt, std::nullopt)}));
        m_emu->addTask(
            task(kUnknownStatus, {step(QStringLiteral("ROLLING_BACK"), QStringLiteral("rolling back"))}));
        m_emu->addTask(task(kBadGateway, {}, Fault::Http502Html));
        m_emu->addTask(task(kServerError, {}, Fault::Http500Json));
        m_emu->addTask(task(kMalformed, {}, Fault::MalformedJson));
        m_emu->addTask(task(kEmpty, {}, Fault::EmptyBody));
        m_emu->addTask(task(kHuge, {step(QStringLiteral("RUNNING"), {})}, Fault::HugeInfo));
        m_emu->addTask(task(kStall, {}, Fault::Stall));
        m_emu->addTask(task(kReset, {}, Fault::ConnectionReset));
        m_emu->addTask(task(kTruncated, {}, Fault::TruncatedBody));
        m_emu->addTask(task(kHostile, {step(QStringLiteral("RUNNING"), {})}, Fault::HostileInfo));
        TimelineStep taskError;
        taskError.errorCode = QStringLiteral("CdbError.TaskError");
        taskError.errorMessage = QStringLiteral("backend task error");
        m_emu->addTask(task(kTaskError, {taskError}));
        QVERIFY2(m_emu->listen(), qPrintable(m_emu->errorString()));
        // Every test starts with fresh connections.
        m_nam.clearConnectionCache();
    }

    void cleanup() { m_emu.reset(); }

    void successWithStatusAndInfo() {
        const QueryResult r = runWith(credential(), kSuccess);
        QCOMPARE(r.errorCode, QString());
        QCOMPARE(int(r.kind), int(ResultKind::Success));
        QCOMPARE(r.status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(r.info, std::optional<QString>(QStringLiteral("Dropped the table.")));
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.requestId.size(), 36);
        QVERIFY(r.excerpt.contains("SUCCESS"));
        QVERIFY(!r.isError());
        QCOMPARE(m_emu->pollsOf(kSuccess), 1);
    }

    void statusAndInfoNull() {
        const QueryResult r = runWith(credential(), kNulls);
        QCOMPARE(int(r.kind), int(ResultKind::Success));
        QVERIFY(!r.status.has_value());
        QVERIFY(!r.info.has_value());
        QVERIFY(!r.requestId.isEmpty());
    }

    void unknownStatusVerbatim() {
        const QueryResult r = runWith(credential(), kUnknownStatus);
        QCOMPARE(int(r.kind), int(ResultKind::Success));
        QCOMPARE(r.status, std::optional<QString>(QStringLiteral("ROLLING_BACK")));
    }

    void hostileInfoArrivesAsData() {
        const QueryResult r = runWith(credential(), kHostile);
        QCOMPARE(int(r.kind), int(ResultKind::Success));
        QVERIFY(r.info.has_value());
        QVERIFY(r.info->contains(QChar(0x202E)));
        QVERIFY(r.info->contains(QLatin1String("%s %n %1")));
        QVERIFY(r.info->size() <= kMaxInfoChars);
    }

    void apiErrorInvalidAsyncRequestId() {
        const QueryResult r = runWith(credential(), QStringLiteral("deadbeef-00000000-00000000-00000000"));
        QCOMPARE(int(r.kind), int(ResultKind::ApiError));
        QCOMPARE(r.errorCode, QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
        QCOMPARE(r.errorMessage, QStringLiteral("The async task does not exist."));
        QCOMPARE(r.requestId.size(), 36);
        QCOMPARE(r.httpStatus, 200);
        QVERIFY(r.isError());
    }

    void apiErrorFromTimeline() {
        const QueryResult r = runWith(credential(), kTaskError);
        QCOMPARE(int(r.kind), int(ResultKind::ApiError));
        QCOMPARE(r.errorCode, QStringLiteral("CdbError.TaskError"));
        QCOMPARE(r.errorMessage, QStringLiteral("backend task error"));
    }

    void apiErrorSignatureFailureWithWrongKey() {
        const QueryResult r = runWith(credential(kId, QStringLiteral("wrong-key")), kSuccess);
        QCOMPARE(int(r.kind), int(ResultKind::ApiError));
        QCOMPARE(r.errorCode, QStringLiteral("AuthFailure.SignatureFailure"));
        QVERIFY(!r.errorMessage.isEmpty());
        QVERIFY(!r.requestId.isEmpty());
        QCOMPARE(m_emu->stats().authFailures, 1);
    }

    void unknownSecretId() {
        const QueryResult r = runWith(credential(QStringLiteral("AKIDNOBODY"), kKey), kSuccess);
        QCOMPARE(r.errorCode, QStringLiteral("AuthFailure.SecretIdNotFound"));
    }

    void tokenIsSentAsXTcToken() {
        QueryResult r = runWith(credential(kTokenId, kTokenKey, kToken), kSuccess);
        QCOMPARE(r.errorCode, QString());
        QCOMPARE(r.status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(m_emu->lastRequestHeaders().value("x-tc-token"), kToken.toUtf8());
        // Without the token the emulator refuses the temporary key: the header above is what made it pass.
        r = runWith(credential(kTokenId, kTokenKey), kSuccess);
        QCOMPARE(r.errorCode, QStringLiteral("AuthFailure.TokenFailure"));
        QVERIFY(!m_emu->lastRequestHeaders().contains("x-tc-token"));
    }

    void sentHeaders() {
        ApiClient client(&m_nam, endpoint(), credential());
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(run(client, kSuccess).errorCode, QString());
        const qint64 after = QDateTime::currentSecsSinceEpoch();
        const auto headers = m_emu->lastRequestHeaders();
        QCOMPARE(headers.value("x-tc-action"), QByteArray("DescribeAsyncRequestInfo"));
        QCOMPARE(headers.value("x-tc-version"), QByteArray("2017-03-20"));
        QCOMPARE(headers.value("x-tc-region"), kRegion.toUtf8());
        const qint64 ts = headers.value("x-tc-timestamp").toLongLong();
        QVERIFY(ts >= before && ts <= after);
        QCOMPARE(headers.value("x-tc-language"), QByteArray("en-US"));
        // The SDKs allow letters, digits and `_-.` in this header (py/go validate it): no '/'.
        const QByteArray requestClient = headers.value("x-tc-requestclient");
        QCOMPARE(requestClient, QByteArray("cdb-taskwatch-" TASKWATCH_VERSION));
        QVERIFY(requestClient.size() <= 128);
        for (const char c : requestClient)
            QVERIFY2(QByteArrayView("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
                         .contains(c),
                     requestClient.constData());
        QCOMPARE(headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(headers.value("host"), "127.0.0.1:" + QByteArray::number(m_emu->port()));
        QVERIFY(
            headers.value("authorization").startsWith("TC3-HMAC-SHA256 Credential=" + kId.toLatin1() + "/"));
        QVERIFY(!headers.contains("x-tc-token"));
        const QJsonObject body = QJsonDocument::fromJson(m_emu->lastRequestBody()).object();
        QCOMPARE(body, QJsonObject({{"AsyncRequestId", kSuccess}}));

        client.setLanguage(QStringLiteral("zh-CN"));
        QCOMPARE(run(client, kSuccess).errorCode, QString());
        QCOMPARE(m_emu->lastRequestHeaders().value("x-tc-language"), QByteArray("zh-CN"));
        QCOMPARE(run(client, kSuccess, QStringLiteral("ap-shanghai")).errorCode, QString());
        QCOMPARE(m_emu->lastRequestHeaders().value("x-tc-region"), QByteArray("ap-shanghai"));
    }

    // Every request is a copy of one prepared for the endpoint, language and credential: a change of any of
    // them applies to the next request.
    void changesApplyToTheNextRequest() {
        ApiClient client(&m_nam, endpoint(), credential());
        QCOMPARE(run(client, kSuccess).errorCode, QString());
        QVERIFY(!m_emu->lastRequestHeaders().contains("x-tc-token"));

        client.setCredential(credential(kTokenId, kTokenKey, kToken));
        QueryResult r = run(client, kSuccess);
        QCOMPARE(r.errorCode, QString());
        QCOMPARE(m_emu->lastRequestHeaders().value("x-tc-token"), kToken.toUtf8());
        QVERIFY(
            m_emu->lastRequestHeaders().value("authorization").contains("Credential=" + kTokenId.toUtf8()));
        client.setCredential(credential());
        QCOMPARE(run(client, kSuccess).errorCode, QString());
        QVERIFY(!m_emu->lastRequestHeaders().contains("x-tc-token"));

        // Another endpoint: the request goes there, with its Host signed.
        Emulator other;
        other.addCredential(kId, kKey);
        other.addTask(task(kSuccess, {step(QStringLiteral("RUNNING"), QStringLiteral("elsewhere"))}));
        QVERIFY2(other.listen(), qPrintable(other.errorString()));
        EndpointConfig e = endpoint();
        e.url = QUrl(other.url());
        client.setEndpoint(e);
        r = run(client, kSuccess);
        QCOMPARE(r.errorCode, QString());
        QCOMPARE(r.info, std::optional<QString>(QStringLiteral("elsewhere")));
        QCOMPARE(other.lastRequestHeaders().value("host"), "127.0.0.1:" + QByteArray::number(other.port()));
        QCOMPARE(other.lastRequestHeaders().value("x-tc-language"), QByteArray("en-US"));
        client.setLanguage(QStringLiteral("zh-CN"));
        QCOMPARE(run(client, kSuccess).errorCode, QString());
        QCOMPARE(other.lastRequestHeaders().value("x-tc-language"), QByteArray("zh-CN"));
        QCOMPARE(other.lastRequestHeaders().value("host"), "127.0.0.1:" + QByteArray::number(other.port()));
    }

    // A malformed region is refused without a request, also right after a good one (the last good region is
    // remembered, never a bad one).
    void malformedRegionIsNeverSent_data() {
        QTest::addColumn<QString>("region");
        QTest::newRow("empty") << QString();
        QTest::newRow("CRLF") << QStringLiteral("ap-guangzhou\r\nX-Evil: 1");
        QTest::newRow("space") << QStringLiteral("ap guangzhou");
    }
    void malformedRegionIsNeverSent() {
        QFETCH(QString, region);
        ApiClient client(&m_nam, endpoint(), credential());
        for (int i = 0; i < 2; ++i) {
            const int before = m_emu->stats().requests;
            QCOMPARE(run(client, kSuccess, region).errorCode,
                     QString::fromLatin1(ClientError::InvalidRegion));
            QCOMPARE(m_emu->stats().requests, before);
            QCOMPARE(run(client, kSuccess).errorCode, QString());
            QCOMPARE(m_emu->stats().requests, before + 1);
        }
    }

    void explicitDefaultPortIsNotInTheSignedHost_data() {
        QTest::addColumn<QString>("endpointUrl");
        QTest::addColumn<QByteArray>("host");
        QTest::newRow(":443") << QStringLiteral("https://cdb.intl.tencentcloudapi.com:443")
                              << QByteArray("cdb.intl.tencentcloudapi.com");
        QTest::newRow("no port") << QStringLiteral("https://cdb.intl.tencentcloudapi.com")
                                 << QByteArray("cdb.intl.tencentcloudapi.com");
        QTest::newRow(":8443") << QStringLiteral("https://cdb.intl.tencentcloudapi.com:8443")
                               << QByteArray("cdb.intl.tencentcloudapi.com:8443");
    }
    void explicitDefaultPortIsNotInTheSignedHost() {
        // The request goes to the emulator over loopback, with the Host header and signature made for the
        // https endpoint: the emulator verifies the signature with the Host it received, as a server does.
        QFETCH(QString, endpointUrl);
        QFETCH(QByteArray, host);
        LoopbackNam nam(QUrl(m_emu->url()));
        EndpointConfig e = endpoint();
        e.url = QUrl(endpointUrl);
        ApiClient client(&nam, e, credential());
        const QueryResult r = run(client, kSuccess);
        QCOMPARE(r.errorCode, QString());
        QCOMPARE(r.status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(m_emu->lastRequestHeaders().value("host"), host);
        QVERIFY(
            m_emu->lastRequestHeaders().value("authorization").contains("SignedHeaders=content-type;host"));
    }

    void serverDateAndClockOffset() {
        m_emu->setClockOffset(3600);
        ApiClient client(&m_nam, endpoint(), credential());
        QueryResult r = run(client, kSuccess);
        QCOMPARE(r.errorCode, QStringLiteral("AuthFailure.SignatureExpire"));
        QVERIFY(r.serverDate.isValid());
        QCOMPARE(r.serverDate.timeSpec(), Qt::UTC);
        const qint64 offset = r.serverDate.toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch();
        QVERIFY2(qAbs(offset - 3600) <= 5, qPrintable(QString::number(offset)));
        QVERIFY(qAbs(r.serverDate.secsTo(m_emu->serverNow())) <= 5);
        // Signing with the offset the Date header revealed makes the request pass.
        client.setClockOffset(offset);
        r = run(client, kSuccess);
        QCOMPARE(r.errorCode, QString());
        QVERIFY(qAbs(r.serverDate.secsTo(m_emu->serverNow())) <= 5);
    }

    void serverNetworkError502WithHtmlExcerpt() {
        const QueryResult r = runWith(credential(), kBadGateway);
        QCOMPARE(int(r.kind), int(ResultKind::TransportError));
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::ServerNetworkError));
        QCOMPARE(r.httpStatus, 502);
        QVERIFY(r.excerpt.contains("502 Bad Gateway"));
        QVERIFY(r.excerpt.size() <= kMaxExcerptBytes);
        QVERIFY(r.serverDate.isValid());
    }

    void serverNetworkError500KeepsRequestId() {
        const QueryResult r = runWith(credential(), kServerError);
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::ServerNetworkError));
        QCOMPARE(r.httpStatus, 500);
        QCOMPARE(r.requestId.size(), 36);
    }

    // A wrong endpoint (404), access refused (401/403), a proxy's 407 and redirects are permanent, with the
    // status in the message; a redirect is never followed; 429 and 5xx stay transient.
    void httpStatusesAgainstTheEmulator_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        for (int s : {301, 302, 307, 308})
            QTest::addRow("%d", s) << s << QStringLiteral("EndpointRedirect");
        for (int s : {400, 401, 403, 404, 407})
            QTest::addRow("%d", s) << s << QStringLiteral("EndpointRejected");
        for (int s : {429, 503})
            QTest::addRow("%d", s) << s << QStringLiteral("ServerNetworkError");
    }
    void httpStatusesAgainstTheEmulator() {
        QFETCH(int, status);
        QFETCH(QString, code);
        // The redirect target is another live emulator: had the client followed it, the query would succeed.
        Emulator target;
        target.addCredential(kId, kKey);
        target.addTask(task(kSuccess, {step(QStringLiteral("SUCCESS"), QStringLiteral("redirected"))}));
        QVERIFY(target.listen());
        m_emu->setForcedHttpStatus(status, target.url().toLatin1() + "/\x1b[2Jmoved");
        const QueryResult r = runWith(credential(), kSuccess);
        QCOMPARE(int(r.kind), int(ResultKind::TransportError));
        QCOMPARE(r.httpStatus, status);
        QCOMPARE(r.errorCode, code);
        QVERIFY2(r.errorMessage.contains(QString::number(status)), qPrintable(r.errorMessage));
        QCOMPARE(target.stats().requests, 0); // never followed
        if (code == QLatin1String("EndpointRedirect")) {
            QVERIFY2(r.errorMessage.contains(target.url()), qPrintable(r.errorMessage));
            QVERIFY(!r.errorMessage.contains(QChar(0x1b)));
        }
        QCOMPARE(int(ErrorCatalog::classify(r.errorCode)),
                 int(status == 429 || status >= 500 ? ErrorClass::Transient : ErrorClass::Permanent));
    }

    void parseErrorForMalformedJson() {
        const QueryResult r = runWith(credential(), kMalformed);
        QCOMPARE(int(r.kind), int(ResultKind::TransportError));
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::ParseError));
        QCOMPARE(r.httpStatus, 200);
        QVERIFY(r.excerpt.startsWith("{\"Response\": {\"Status\": \"RUN"));
    }

    void parseErrorForEmptyBody() {
        const QueryResult r = runWith(credential(), kEmpty);
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::ParseError));
        QCOMPARE(r.httpStatus, 200);
        QVERIFY(r.excerpt.isEmpty());
    }

    void responseTooLargeForHugeInfo() {
        const QueryResult r = runWith(credential(), kHuge);
        QCOMPARE(int(r.kind), int(ResultKind::TransportError));
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::ResponseTooLarge));
        QCOMPARE(r.httpStatus, 200);
        QVERIFY(r.excerpt.size() <= kMaxExcerptBytes);
        QVERIFY(r.excerpt.startsWith("{\"Response\":{\"Info\":\""));
        QVERIFY(!r.info.has_value());
    }

    void largeBodyUnderTheBoundIsRead() {
        // 900 KiB: under kMaxBodyBytes, so it is read whole (in many chunks) and only Info is cut.
        const QString big(900 * 1024, QChar(u'i'));
        const QString id = QStringLiteral("aaaaaaaa-00000000-00000000-000000ff");
        m_emu->addTask(task(id, {step(QStringLiteral("RUNNING"), big)}));
        const QueryResult r = runWith(credential(), id);
        QCOMPARE(r.errorCode, QString());
        QCOMPARE(r.status, std::optional<QString>(QStringLiteral("RUNNING")));
        QVERIFY(r.info.has_value());
        QVERIFY(r.info->startsWith(big.left(kMaxInfoChars)));
        QVERIFY(r.info->size() < big.size());
    }

    void timeoutAgainstStall() {
        const QueryResult r = runWith(credential(), kStall, 300);
        QCOMPARE(int(r.kind), int(ResultKind::TransportError));
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::Timeout));
        QCOMPARE(r.httpStatus, 0);
        QVERIFY(!r.errorMessage.isEmpty());
    }

    // querySent tells when each request was written to its connection: once per ticket, after query()
    // returned and before its queryFinished (pacing counts from it); call() says so with callSent.
    void querySentOncePerTicketBeforeItsAnswer() {
        ApiClient client(&m_nam, endpoint(15000), credential());
        QList<QPair<char, quint64>> order;
        connect(&client, &TaskQueryBackend::querySent, this, [&](quint64 t) { order.append({'s', t}); });
        connect(&client, &TaskQueryBackend::queryFinished, this, [&](quint64 t, const QueryResult&) {
            order.append({'f', t});
        });
        connect(&client, &ApiClient::callSent, this, [&](quint64 t) { order.append({'S', t}); });
        connect(&client, &ApiClient::callFinished, this, [&](quint64 t, const QueryResult&) {
            order.append({'F', t});
        });
        for (quint64 t = 1; t <= 5; ++t)
            client.query(t, kSuccess, kRegion);
        client.call(6, "DescribeTasks", kRegion, QByteArrayLiteral("{}"));
        QVERIFY(order.isEmpty()); // never from inside query() or call()
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 12, 30000);
        QTest::qWait(50);
        QCOMPARE(order.size(), 12);
        for (quint64 t = 1; t <= 6; ++t) {
            const char sent = t == 6 ? 'S' : 's';
            const char finished = t == 6 ? 'F' : 'f';
            QCOMPARE(order.count({sent, t}), 1);
            QCOMPARE(order.count({finished, t}), 1);
            QVERIFY(order.indexOf({sent, t}) < order.indexOf({finished, t}));
        }
    }

    // One deadline timer serves every request: each times out at its own deadline, in order, and a request
    // that is answered is not disturbed by the others' deadlines.
    void deadlinesOfManyRequests() {
        ApiClient client(&m_nam, endpoint(1500), credential());
        QSignalSpy spy(&client, &TaskQueryBackend::queryFinished);
        QElapsedTimer clock;
        clock.start();
        QHash<quint64, qint64> finishedAt;
        connect(&client, &TaskQueryBackend::queryFinished, this,
                [&](quint64 ticket, const QueryResult&) { finishedAt.insert(ticket, clock.elapsed()); });
        client.query(1, kStall, kRegion); // 1.5 s
        EndpointConfig shortDeadline = endpoint(300);
        client.setEndpoint(shortDeadline);
        client.query(2, kStall, kRegion); // 0.3 s
        client.query(3, kSuccess, kRegion);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 3, 30000);
        QHash<quint64, QueryResult> results;
        for (const auto& args : spy)
            results.insert(args.at(0).toULongLong(), args.at(1).value<QueryResult>());
        QCOMPARE(results.value(1).errorCode, QString::fromLatin1(ClientError::Timeout));
        QCOMPARE(results.value(2).errorCode, QString::fromLatin1(ClientError::Timeout));
        QCOMPARE(results.value(3).errorCode, QString());
        QCOMPARE(results.value(3).status, std::optional<QString>(QStringLiteral("SUCCESS")));
        // The client and this test read the monotonic clock separately, each truncated to whole milliseconds:
        // allow that 1 ms, no more.
        QVERIFY2(finishedAt.value(2) >= 299, qPrintable(QString::number(finishedAt.value(2))));
        QVERIFY2(finishedAt.value(1) >= 1499, qPrintable(QString::number(finishedAt.value(1))));
        QVERIFY(finishedAt.value(2) < finishedAt.value(1));
    }

    // After a proxy error the cached proxy answer is dropped: the next request resolves the proxy again.
    void proxyErrorResolvesTheProxyAgain() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 deadPort = closed.serverPort();
        closed.close(); // a proxy that refuses connections
        static int lookups = 0;
        lookups = 0;
        QNetworkProxyFactory::setApplicationProxyFactory(
            new ProxyFactory([](const QString&) { return QString(); },
                             [deadPort](const QNetworkProxyQuery&) {
                                 ++lookups;
                                 return QList<QNetworkProxy>{QNetworkProxy(
                                     QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), deadPort)};
                             }));
        QNetworkAccessManager nam;
        EndpointConfig e;
        e.url = QUrl(QStringLiteral("https://cdb.example.invalid"));
        e.timeoutMs = 10000;
        ApiClient client(&nam, e, credential());
        const QueryResult first = run(client, kSuccess);
        QCOMPARE(first.errorCode, QString::fromLatin1(ClientError::NetworkError));
        QCOMPARE(lookups, 1);
        const QueryResult second = run(client, kSuccess);
        QCOMPARE(second.errorCode, QString::fromLatin1(ClientError::NetworkError));
        QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
        QCOMPARE(lookups, 2); // resolved again after the first one's proxy error
    }

    // The body is built by hand: it must be exactly the JSON it was (compact) and escape whatever the id
    // holds.
    void requestBodyIsEscapedJson_data() {
        QTest::addColumn<QString>("id");
        QTest::newRow("plain") << QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");
        QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c");
        QTest::newRow("control characters") << QStringLiteral("a\nb\tc\x01\x1f\x7f");
        QTest::newRow("non-ASCII") << QStringLiteral("任务-é-\U0001F600");
        QTest::newRow("closing brace") << QStringLiteral("\"}{\"x\":\"");
        QTest::newRow("empty") << QString();
    }
    void requestBodyIsEscapedJson() {
        QFETCH(QString, id);
        const QByteArray body = ApiClient::requestBody(id);
        QJsonObject expected;
        expected.insert(QStringLiteral("AsyncRequestId"), id);
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object(), expected);
        QCOMPARE(doc.object().size(), 1);
        if (QTest::currentDataTag() == QLatin1String("plain"))
            QCOMPARE(body, QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    void networkErrorForConnectionReset() {
        const QueryResult r = runWith(credential(), kReset);
        QCOMPARE(int(r.kind), int(ResultKind::TransportError));
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::NetworkError));
        QCOMPARE(r.httpStatus, 0);
        QVERIFY(!r.errorMessage.isEmpty());
    }

    void networkErrorForClosedPort() {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        EndpointConfig e;
        e.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
        ApiClient client(&m_nam, e, credential());
        const QueryResult r = run(client, kSuccess);
        QCOMPARE(int(r.kind), int(ResultKind::TransportError));
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::NetworkError));
        QCOMPARE(r.httpStatus, 0);
        QVERIFY(!r.serverDate.isValid());
    }

    void truncatedBodyIsAnError() {
        const QueryResult r = runWith(credential(), kTruncated);
        QCOMPARE(int(r.kind), int(ResultKind::TransportError));
        QVERIFY2(r.errorCode == QLatin1String(ClientError::NetworkError) ||
                     r.errorCode == QLatin1String(ClientError::ParseError),
                 qPrintable(r.errorCode));
        QVERIFY(!r.status.has_value());
    }

    void rateLimitedIsAnApiError() {
        m_emu->setRateLimit(1);
        ApiClient client(&m_nam, endpoint(), credential());
        QSignalSpy spy(&client, &TaskQueryBackend::queryFinished);
        client.query(1, kSuccess, kRegion);
        client.query(2, kSuccess, kRegion);
        client.query(3, kSuccess, kRegion);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 3, 30000);
        int limited = 0;
        for (const auto& args : spy)
            limited += args.at(1).value<QueryResult>().errorCode == QLatin1String("RequestLimitExceeded");
        const QList<qint64> arrivals = m_emu->arrivalTimesMs();
        if (arrivals.last() - arrivals.first() >= 1000)
            QSKIP("the machine was too slow to put 3 requests in one second");
        QCOMPARE(limited, 2);
    }

    void manyQueriesInParallel() {
        ApiClient client(&m_nam, endpoint(), credential());
        QSignalSpy spy(&client, &TaskQueryBackend::queryFinished);
        for (quint64 t = 1; t <= 20; ++t)
            client.query(t, t % 2 ? kSuccess : kNulls, kRegion);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 20, 30000);
        QSet<quint64> tickets;
        for (const auto& args : spy) {
            tickets.insert(args.at(0).toULongLong());
            const QueryResult r = args.at(1).value<QueryResult>();
            QCOMPARE(r.errorCode, QString());
            QCOMPARE(r.status.has_value(), args.at(0).toULongLong() % 2 == 1);
        }
        QCOMPARE(tickets.size(), 20);
        QCOMPARE(m_emu->stats().requests, 20);
    }

    void abortAllEmitsNothing() {
        ApiClient client(&m_nam, endpoint(60000), credential());
        QSignalSpy spy(&client, &TaskQueryBackend::queryFinished);
        QSignalSpy handled(m_emu.get(), &Emulator::requestHandled);
        client.query(1, kStall, kRegion);
        QVERIFY(handled.wait(10000)); // the request reached the emulator
        client.abortAll();
        client.query(2, kSuccess, kRegion); // the client still works afterwards
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QCOMPARE(spy.first().at(0).toULongLong(), quint64(2));
        QTest::qWait(50);
        QCOMPARE(spy.count(), 1);
    }

    void destroyingTheClientWithRequestsInFlight() {
        auto client = std::make_unique<ApiClient>(&m_nam, endpoint(60000), credential());
        QSignalSpy handled(m_emu.get(), &Emulator::requestHandled);
        client->query(1, kStall, kRegion);
        QVERIFY(handled.wait(10000));
        client.reset();
        QTest::qWait(20); // the aborted reply is cleaned up without touching the deleted client
    }

    void validateEndpoint_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::newRow("https") << QStringLiteral("https://cdb.intl.tencentcloudapi.com") << true;
        QTest::newRow("https regional")
            << QStringLiteral("https://cdb.ap-shanghai-fsi.tencentcloudapi.com") << true;
        QTest::newRow("http loopback v4") << QStringLiteral("http://127.0.0.1:1") << true;
        QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:1") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost") << true;
        QTest::newRow("http remote") << QStringLiteral("http://example.com") << false;
        QTest::newRow("http private address") << QStringLiteral("http://192.168.1.10:8080") << false;
        QTest::newRow("http loopback lookalike") << QStringLiteral("http://127.0.0.1.example.com") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com") << false;
        QTest::newRow("ftp bare") << QStringLiteral("ftp://") << false;
        QTest::newRow("no host") << QStringLiteral("https://") << false;
        QTest::newRow("garbage") << QStringLiteral("not a url") << false;
    }

    void validateEndpoint() {
        QFETCH(QString, url);
        QFETCH(bool, ok);
        const QString reason = Endpoint::validate(QUrl(url));
        QVERIFY2(reason.isEmpty() == ok, qPrintable(reason));
    }

    // The vendor's hosts name their service first: another product's requests go to its own host of the same
    // choice (international, China, regional, financial zone); any other URL serves every product.
    void endpointForService_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("international") << QStringLiteral("https://cdb.intl.tencentcloudapi.com")
                                       << QStringLiteral("https://redis.intl.tencentcloudapi.com");
        QTest::newRow("china") << QStringLiteral("https://cdb.tencentcloudapi.com")
                               << QStringLiteral("https://redis.tencentcloudapi.com");
        QTest::newRow("regional") << QStringLiteral("https://cdb.ap-guangzhou.tencentcloudapi.com")
                                  << QStringLiteral("https://redis.ap-guangzhou.tencentcloudapi.com");
        QTest::newRow("financial zone")
            << QStringLiteral("https://cdb.ap-shanghai-fsi.tencentcloudapi.com")
            << QStringLiteral("https://redis.ap-shanghai-fsi.tencentcloudapi.com");
        QTest::newRow("upper case") << QStringLiteral("https://CDB.Intl.TencentCloudAPI.com")
                                    << QStringLiteral("https://redis.intl.tencentcloudapi.com");
        QTest::newRow("emulator") << QStringLiteral("http://127.0.0.1:8080")
                                  << QStringLiteral("http://127.0.0.1:8080");
        QTest::newRow("proxy") << QStringLiteral("https://api-gw.example.com/tc")
                               << QStringLiteral("https://api-gw.example.com/tc");
        QTest::newRow("lookalike") << QStringLiteral("https://cdb.tencentcloudapi.com.example.com")
                                   << QStringLiteral("https://cdb.tencentcloudapi.com.example.com");
        QTest::newRow("other service") << QStringLiteral("https://mariadb.tencentcloudapi.com")
                                       << QStringLiteral("https://mariadb.tencentcloudapi.com");
    }
    void endpointForService() {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(Endpoint::forService(QUrl(url), QStringLiteral("redis")), QUrl(expected));
    }

    void parseResponseHostileBodies_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QByteArray() << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("json null") << QByteArray("null") << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("top-level array")
            << QByteArray(R"([{"Response":{}}])") << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("no Response") << QByteArray(R"({"response":{}})")
                                     << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Response string")
            << envelope(R"("SUCCESS")") << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Response array") << envelope("[]") << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Response null") << envelope("null") << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Error without Code") << envelope(R"({"Error":{"Message":"x"},"RequestId":"r"})")
                                            << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Error Code number") << envelope(R"({"Error":{"Code":5,"Message":"x"}})")
                                           << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Error Code empty") << envelope(R"({"Error":{"Code":"","Message":"x"}})")
                                          << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Error string")
            << envelope(R"({"Error":"AuthFailure"})") << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Status number") << envelope(R"({"Status":3,"Info":null,"RequestId":"r"})")
                                       << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Info object") << envelope(R"({"Status":"RUNNING","Info":{"a":1},"RequestId":"r"})")
                                     << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("legacy shape") << QByteArray(R"({"code":4100,"message":"x","codeDesc":"y"})")
                                      << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("trailing junk") << QByteArray(R"({"Response":{"Status":"SUCCESS"}} junk)")
                                       << QString::fromLatin1(ClientError::ParseError);
        QTest::newRow("Error null is no error")
            << envelope(R"({"Error":null,"Status":"SUCCESS"})") << QString();
        QTest::newRow("fields absent") << envelope(R"({"RequestId":"r"})") << QString();
    }

    void parseResponseHostileBodies() {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const QueryResult r = ApiClient::parseResponse(200, body, false);
        QCOMPARE(r.errorCode, code);
        QCOMPARE(int(r.kind), code.isEmpty() ? int(ResultKind::Success) : int(ResultKind::TransportError));
        QCOMPARE(r.httpStatus, 200);
        QVERIFY(r.excerpt.size() <= kMaxExcerptBytes);
    }

    void parseResponseBoundsInfo() {
        const QString huge(2 * 1024 * 1024, QChar(u'x'));
        const QByteArray body =
            QJsonDocument(
                QJsonObject{
                    {"Response", QJsonObject{{"Status", "RUNNING"}, {"Info", huge}, {"RequestId", "r"}}}})
                .toJson(QJsonDocument::Compact);
        const QueryResult r = ApiClient::parseResponse(200, body, false);
        QCOMPARE(int(r.kind), int(ResultKind::Success));
        QVERIFY(r.info.has_value());
        QVERIFY(r.info->size() < huge.size());
        QVERIFY(r.info->startsWith(huge.left(kMaxInfoChars)));
        QVERIFY(r.info->size() <= kMaxInfoChars + 64); // the cut marker is short
        QVERIFY(r.excerpt.size() <= kMaxExcerptBytes);
    }

    void parseResponseBoundsErrorText() {
        const QString longMessage(1024 * 1024, QChar(u'm'));
        const QString longCode(1000, QChar(u'C'));
        const QString longRequestId(1000, QChar(u'r'));
        const QByteArray body =
            QJsonDocument(
                QJsonObject{{"Response",
                             QJsonObject{{"Error", QJsonObject{{"Code", longCode}, {"Message", longMessage}}},
                                         {"RequestId", longRequestId}}}})
                .toJson(QJsonDocument::Compact);
        const QueryResult r = ApiClient::parseResponse(200, body, false);
        QCOMPARE(int(r.kind), int(ResultKind::ApiError));
        QVERIFY(r.errorMessage.size() <= kMaxMessageChars + 64);
        QVERIFY(r.errorCode.size() <= 128 + 64);
        QVERIFY(r.requestId.size() <= 128 + 64);
    }

    void parseResponseStatusAndTruncation() {
        const QByteArray ok = envelope(R"({"Status":"SUCCESS","Info":"done","RequestId":"r"})");
        QueryResult r = ApiClient::parseResponse(200, ok, true);
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::ResponseTooLarge));
        r = ApiClient::parseResponse(503, ok, false);
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::ServerNetworkError));
        QCOMPARE(r.httpStatus, 503);
        QCOMPARE(r.requestId, QStringLiteral("r"));
        r = ApiClient::parseResponse(503, "<html>Service Unavailable</html>", false);
        QCOMPARE(r.errorCode, QString::fromLatin1(ClientError::ServerNetworkError));
        QCOMPARE(r.requestId, QString());
        QVERIFY(r.excerpt.contains("Service Unavailable"));
        r = ApiClient::parseResponse(200, ok, false);
        QCOMPARE(int(r.kind), int(ResultKind::Success));
        QCOMPARE(r.status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(r.info, std::optional<QString>(QStringLiteral("done")));
        QCOMPARE(r.requestId, QStringLiteral("r"));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
