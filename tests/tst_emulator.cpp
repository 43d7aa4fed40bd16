// The built-in emulator, driven over real loopback TCP with hand-made HTTP requests: HTTP parsing and
// robustness, TC3 verification exactly as the vendor does it, the rate limit, timelines and faults.
#include "EmulatorClient.h"
#include "api/Signer.h"
#include "platform/QtCompat.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <memory>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace taskwatch;
using namespace taskwatch::sim;
using namespace taskwatch::emutest;

namespace {
const QString kTokenId = QStringLiteral("AKIDTOKENTEST000000000000000000000000");
const QString kTokenKey = QStringLiteral("token-test-secret-key-0123456789");
const QString kToken = QStringLiteral("sts-token-abcdef0123456789");
const QString kOtherId = QStringLiteral("AKIDOTHERTEST0000000000000000000000000");
const QString kOtherKey = QStringLiteral("other-test-secret-key-0123456789");
constexpr char kBinaryGarbage[] = "\x00\x01\x02\xff\xfe garbage\r\n\r\n";

TimelineStep step(int afterPolls, qint64 afterMs, std::optional<QString> status,
                  std::optional<QString> info) {
    TimelineStep s;
    s.afterPolls = afterPolls;
    s.afterMs = afterMs;
    s.status = std::move(status);
    s.info = std::move(info);
    return s;
}

ScriptedTask task(const char* id, QList<TimelineStep> steps, Fault fault = Fault::None, int faultTimes = -1) {
    ScriptedTask t;
    t.id = QString::fromLatin1(id);
    t.steps = std::move(steps);
    t.fault = fault;
    t.faultTimes = faultTimes;
    return t;
}

QByteArray bodyFor(const char* id) {
    return QJsonDocument(QJsonObject{{"AsyncRequestId", QString::fromLatin1(id)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestEmulator : public QObject {
    Q_OBJECT
    std::unique_ptr<Emulator> m_emu;

    QByteArray hostHeader() const { return "127.0.0.1:" + QByteArray::number(m_emu->port()); }

    QByteArray signedRequest(const RequestSpec& spec) const {
        return emutest::signedRequest(spec, m_emu->port());
    }

    std::optional<HttpResponse> exchange(const QByteArray& raw) {
        RawClient client(m_emu->port());
        if (!client.connected())
            return std::nullopt;
        client.send(raw);
        return client.next();
    }

    HttpResponse call(const RequestSpec& spec) {
        const auto r = exchange(signedRequest(spec));
        return r.value_or(HttpResponse{});
    }

    QString statusOf(const HttpResponse& r) const {
        const QJsonValue v = r.response().value("Status");
        return v.isNull() ? QStringLiteral("<null>") : v.toString();
    }

    RequestSpec forId(const char* id) const {
        RequestSpec spec;
        spec.body = bodyFor(id);
        return spec;
    }

    RequestSpec forText(const QString& id) const {
        RequestSpec spec;
        spec.body = QJsonDocument(QJsonObject{{"AsyncRequestId", id}}).toJson(QJsonDocument::Compact);
        return spec;
    }
    // Texts that are not an AsyncRequestId (four groups of 8 hex digits, or a UUID).
    static void malformedIds() {
        QTest::addColumn<QString>("id");
        QTest::newRow("words") << QStringLiteral("not-an-id");
        QTest::newRow("blanks and punctuation") << QStringLiteral("not a valid id!");
        QTest::newRow("empty") << QString();
        QTest::newRow("three groups") << QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8");
        QTest::newRow("five groups") << QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7-00000000");
        QTest::newRow("not hex") << QStringLiteral("g96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");
        QTest::newRow("blank around") << QStringLiteral(" f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");
        QTest::newRow("uuid without dashes") << QStringLiteral("7ef78bec011143afbb11111112fb54a7");
        QTest::newRow("uuid groups misplaced") << QStringLiteral("7ef78bec0-111-43af-bb11-111112fb54a7");
        QTest::newRow("vendor doc placeholder") << QStringLiteral("123asd21-2dasdasd-123qcsdw-313213");
        QTest::newRow("non-ascii digits") << QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a\u0661");
    }

    RequestSpec actionSpec(const QByteArray& action, const QJsonObject& body,
                           const QByteArray& region = kRegion, const QString& secretId = kId,
                           const QString& secretKey = kKey) const {
        RequestSpec spec;
        spec.action = action;
        spec.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        spec.region = region;
        spec.secretId = secretId;
        spec.secretKey = secretKey;
        return spec;
    }
    HttpResponse tasksCall(const QJsonObject& body, const QByteArray& region = kRegion) {
        return call(actionSpec("DescribeTasks", body, region));
    }
    // The JobIds DescribeTasks lists, in order (fails the test on an API error).
    QList<qint64> jobIds(const HttpResponse& r) const {
        QList<qint64> ids;
        for (const QJsonValue& item : r.response().value("Items").toArray())
            ids.append(qint64(item.toObject().value("JobId").toDouble()));
        return ids;
    }
    QList<qint64> listJobs(const QJsonObject& body) {
        const HttpResponse r = tasksCall(body);
        if (!r.errorCode().isEmpty())
            qWarning("DescribeTasks error %s", qPrintable(r.errorCode()));
        return jobIds(r);
    }
    static ScriptedTask job(const char* id, qint64 jobId, const QDateTime& startedAt,
                            QList<TimelineStep> steps, const char* type = "MODIFY PARAM",
                            const char* instance = "cdb-aaaa0001") {
        ScriptedTask t = task(id, std::move(steps));
        t.region = QString::fromLatin1(kRegion);
        t.jobId = jobId;
        t.startedAt = startedAt;
        t.taskType = QString::fromLatin1(type);
        t.instanceIds = {QString::fromLatin1(instance)};
        return t;
    }
    static QJsonObject itemOf(const HttpResponse& r, qint64 jobId) {
        for (const QJsonValue& item : r.response().value("Items").toArray()) {
            if (qint64(item.toObject().value("JobId").toDouble()) == jobId)
                return item.toObject();
        }
        return {};
    }

    // Three RUNNING tasks for the DescribeTasks parameter tests: JobIds 81, 82, 83, newest first.
    void addThreeRunningJobs() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 1; i <= 3; ++i)
            m_emu->addTask(
                job(QStringLiteral("a100000%1-11111111-22222222-33333333").arg(i).toLatin1().constData(),
                    80 + i, now.addSecs(-i), {step(0, 0, QStringLiteral("RUNNING"), {})}));
    }

private slots:
    void init() {
        m_emu = std::make_unique<Emulator>();
        m_emu->addCredential(kId, kKey);
        m_emu->addCredential(kTokenId, kTokenKey, kToken);
        m_emu->addCredential(kOtherId, kOtherKey);
        m_emu->addTask(task("aaaaaaaa-11111111-22222222-33333333",
                            {step(0, 0, QStringLiteral("SUCCESS"), QStringLiteral("Done"))}));
        QVERIFY2(m_emu->listen(), qPrintable(m_emu->errorString()));
        QVERIFY(m_emu->port() != 0);
        QCOMPARE(m_emu->url(), QStringLiteral("http://127.0.0.1:%1").arg(m_emu->port()));
    }

    void cleanup() { m_emu.reset(); }

    void correctSignatureIsAccepted() {
        QSignalSpy handled(m_emu.get(), &Emulator::requestHandled);
        const HttpResponse r = call({});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.headers.value("connection"), QByteArray("keep-alive"));
        QCOMPARE(r.headers.value("content-length").toInt(), r.body.size());
        QVERIFY(r.headers.contains("date"));
        QCOMPARE(r.errorCode(), QString());
        QCOMPARE(r.response().value("Status").toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(r.response().value("Info").toString(), QStringLiteral("Done"));
        static const QRegularExpression uuid(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        QVERIFY(uuid.match(r.response().value("RequestId").toString()).hasMatch());
        QCOMPARE(handled.count(), 1);
        QCOMPARE(handled.at(0).at(0).toString(), QStringLiteral("aaaaaaaa-11111111-22222222-33333333"));
        QCOMPARE(handled.at(0).at(1).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(m_emu->stats().requests, 1);
        QCOMPARE(m_emu->pollsOf(QStringLiteral("AAAAAAAA-11111111-22222222-33333333")), 1);
        QCOMPARE(m_emu->lastRequestHeaders().value("x-tc-region"), kRegion);
        QCOMPARE(m_emu->lastRequestBody(), bodyFor("aaaaaaaa-11111111-22222222-33333333"));
    }

    void requestIdsDiffer() {
        const HttpResponse a = call({});
        const HttpResponse b = call({});
        QVERIFY(!a.response().value("RequestId").toString().isEmpty());
        QVERIFY(a.response().value("RequestId") != b.response().value("RequestId"));
    }

    void extraSignedHeaderIsAccepted() {
        RequestSpec spec;
        spec.extraSigned = {{"X-TC-Action", "DescribeAsyncRequestInfo"}};
        QCOMPARE(call(spec).response().value("Status").toString(), QStringLiteral("SUCCESS"));
    }

    void flippedSignatureDigitFails() {
        RequestSpec spec;
        spec.timestamp = QDateTime::currentSecsSinceEpoch();
        SignInput in;
        in.host = hostHeader();
        in.contentType = spec.contentType;
        in.payload = spec.body;
        in.timestamp = *spec.timestamp;
        QByteArray auth = Signer::sign(in, kId, kKey).authorization;
        spec.authorization = auth;
        QCOMPARE(call(spec).errorCode(), QString()); // the unmodified header is good
        const qsizetype last = auth.size() - 1;
        auth[last] = auth.at(last) == '0' ? '1' : '0';
        spec.authorization = auth;
        const HttpResponse r = call(spec);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
        QVERIFY(!r.response().value("RequestId").toString().isEmpty());
        QCOMPARE(m_emu->stats().authFailures, 1);
    }

    void wrongKeyFails() {
        RequestSpec spec;
        spec.secretKey = QStringLiteral("not-the-key");
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
    }

    void tamperedRequestFails() {
        // Signed for one body, sent with another: the server recomputes from what it received.
        RequestSpec spec;
        QByteArray raw = signedRequest(spec);
        raw.replace("aaaaaaaa-11111111", "aaaaaaaa-11111112");
        QCOMPARE(exchange(raw)->errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
        // Signed for another Host than the one sent.
        spec.host = "cdb.tencentcloudapi.com";
        raw = signedRequest(spec);
        raw.replace("Host: cdb.tencentcloudapi.com", "Host: " + hostHeader());
        QCOMPARE(exchange(raw)->errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
    }

    void unknownSecretId() {
        RequestSpec spec;
        spec.secretId = QStringLiteral("AKIDUNKNOWN");
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.SecretIdNotFound"));
    }

    void malformedAuthorization_data() {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("other algorithm") << QByteArray("HMAC-SHA1 Credential=x");
        QTest::newRow("no signature") << QByteArray(
            "TC3-HMAC-SHA256 Credential=ID/2024-01-01/cdb/tc3_request, SignedHeaders=content-type;host");
        QTest::newRow("short scope") << QByteArray("TC3-HMAC-SHA256 Credential=ID/cdb/tc3_request, "
                                                   "SignedHeaders=content-type;host, Signature=" +
                                                   QByteArray(64, 'a'));
        QTest::newRow("bad signature") << QByteArray(
            "TC3-HMAC-SHA256 Credential=ID/2024-01-01/cdb/tc3_request, SignedHeaders=content-type;host, "
            "Signature=xyz");
        QTest::newRow("garbage") << QByteArray("TC3-HMAC-SHA256 ,,,===");
    }

    void malformedAuthorization() {
        QFETCH(QByteArray, authorization);
        RequestSpec spec;
        spec.authorization = authorization;
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.InvalidAuthorization"));
    }

    void signedHeadersMustIncludeContentTypeAndHost() {
        RequestSpec spec;
        const qint64 ts = QDateTime::currentSecsSinceEpoch();
        spec.timestamp = ts;
        const QByteArray date = Signer::utcDate(ts);
        spec.authorization = "TC3-HMAC-SHA256 Credential=" + kId.toLatin1() + "/" + date +
                             "/cdb/tc3_request, SignedHeaders=content-type, Signature=" + QByteArray(64, 'a');
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.InvalidAuthorization"));
    }

    void credentialScopeMustMatch() {
        // The date of the scope must be the UTC date of the timestamp (not a local date).
        RequestSpec spec;
        const qint64 ts = QDateTime::currentSecsSinceEpoch();
        spec.timestamp = ts;
        QByteArray auth = signedRequest(spec);
        auth = auth.mid(auth.indexOf("Authorization: ") + 15);
        auth = auth.left(auth.indexOf("\r\n"));
        const QByteArray date = Signer::utcDate(ts);
        spec.authorization = QByteArray(auth).replace(date, Signer::utcDate(ts + 86400));
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
        spec.authorization = QByteArray(auth).replace("/cdb/", "/cvm/");
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
    }

    void timestampWindow() {
        // 5 s either side of the 300 s bound: a call that straddles a second tick under load (seen at ±1 s)
        // still lands on the intended side.
        RequestSpec spec;
        spec.timestamp = QDateTime::currentSecsSinceEpoch() - 305;
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.SignatureExpire"));
        spec.timestamp = QDateTime::currentSecsSinceEpoch() + 305;
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.SignatureExpire"));
        spec.timestamp = QDateTime::currentSecsSinceEpoch() - 295;
        QCOMPARE(call(spec).errorCode(), QString());
        spec.timestamp = QDateTime::currentSecsSinceEpoch() + 295;
        QCOMPARE(call(spec).errorCode(), QString());
    }

    void clockOffsetMovesTheWindowAndTheDate() {
        m_emu->setClockOffset(3600);
        QCOMPARE(m_emu->clockOffset(), 3600);
        RequestSpec spec;
        const HttpResponse expired = call(spec);
        QCOMPARE(expired.errorCode(), QStringLiteral("AuthFailure.SignatureExpire"));
        const QDateTime serverDate =
            QLocale::c().toDateTime(QString::fromLatin1(expired.headers.value("date")),
                                    QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
        QVERIFY2(serverDate.isValid(), expired.headers.value("date").constData());
        const QDateTime serverUtc = compat::asUtc(serverDate);
        const qint64 skew = serverUtc.toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch();
        QVERIFY2(skew > 3590 && skew < 3610, qPrintable(QString::number(skew)));
        QVERIFY(qAbs(m_emu->serverNow().toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch() - 3600) < 10);

        spec.timestamp = QDateTime::currentSecsSinceEpoch() + 3600;
        QCOMPARE(call(spec).errorCode(), QString());
    }

    void dateHeaderIsAnHttpDate() {
        const HttpResponse r = call({});
        static const QRegularExpression httpDate(QStringLiteral(
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
            "\\d{4} \\d\\d:\\d\\d:\\d\\d GMT$"));
        QVERIFY2(httpDate.match(QString::fromLatin1(r.headers.value("date"))).hasMatch(),
                 r.headers.value("date").constData());
    }

    void tokenRules() {
        RequestSpec spec;
        spec.secretId = kTokenId;
        spec.secretKey = kTokenKey;
        spec.token = kToken.toUtf8();
        QCOMPARE(call(spec).errorCode(), QString());
        spec.token = "wrong-token";
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.TokenFailure"));
        spec.token = QByteArray();
        QCOMPARE(call(spec).errorCode(), QStringLiteral("AuthFailure.TokenFailure"));
        // A token sent with a permanent key.
        RequestSpec permanent;
        permanent.token = kToken.toUtf8();
        QCOMPARE(call(permanent).errorCode(), QStringLiteral("AuthFailure.TokenFailure"));
        QCOMPARE(m_emu->stats().authFailures, 3);
    }

    void missingRegion() {
        RequestSpec spec;
        spec.region = QByteArray();
        const HttpResponse r = call(spec);
        QCOMPARE(r.errorCode(), QStringLiteral("MissingParameter"));
        QVERIFY(r.errorMessage().contains(QLatin1String("Region")));
    }

    void actionVersionAndMethod() {
        RequestSpec spec;
        spec.action = "DescribeDBInstanceZ";
        QCOMPARE(call(spec).errorCode(), QStringLiteral("InvalidAction"));
        spec = {};
        spec.action = QByteArray();
        QCOMPARE(call(spec).errorCode(), QStringLiteral("MissingParameter"));
        spec = {};
        spec.version = "2019-07-22";
        QCOMPARE(call(spec).errorCode(), QStringLiteral("NoSuchVersion"));

        QByteArray get = signedRequest({});
        get.replace(0, 4, "GET");
        const auto r = exchange(get);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->errorCode(), QStringLiteral("UnsupportedProtocol"));
    }

    void badParameters() {
        RequestSpec spec;
        spec.body = "[1,2]";
        QCOMPARE(call(spec).errorCode(), QStringLiteral("InvalidParameter"));
        spec.body = "{}";
        QCOMPARE(call(spec).errorCode(), QStringLiteral("MissingParameter"));
        spec.body = R"({"AsyncRequestId":42})";
        QCOMPARE(call(spec).errorCode(), QStringLiteral("InvalidParameterValue"));
        spec.body = R"({"AsyncRequestId":"aaaaaaaa-11111111-22222222-33333333","Limit":1})";
        QCOMPARE(call(spec).errorCode(), QStringLiteral("UnknownParameter"));
    }

    void unknownTaskAndRegion() {
        const HttpResponse r = call(forId("deadbeef-00000000-00000000-00000000"));
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
        QCOMPARE(r.errorMessage(), QStringLiteral("The async task does not exist."));

        ScriptedTask regional =
            task("bbbbbbbb-11111111-22222222-33333333", {step(0, 0, QStringLiteral("RUNNING"), {})});
        regional.region = QStringLiteral("ap-shanghai");
        m_emu->addTask(regional);
        RequestSpec spec = forId("bbbbbbbb-11111111-22222222-33333333");
        QCOMPARE(call(spec).errorCode(), QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
        spec.region = "ap-shanghai";
        QCOMPARE(statusOf(call(spec)), QStringLiteral("RUNNING"));
    }

    void defaultTimelineAnswersAnyId() {
        m_emu->setDefaultTimeline(
            {step(0, 0, QStringLiteral("RUNNING"), {}), step(1, 0, QStringLiteral("SUCCESS"), {})});
        const RequestSpec spec = forId("12345678-9abcdef0-12345678-9abcdef0");
        QCOMPARE(statusOf(call(spec)), QStringLiteral("RUNNING"));
        QCOMPARE(statusOf(call(spec)), QStringLiteral("SUCCESS"));
        QCOMPARE(m_emu->pollsOf(QStringLiteral("12345678-9abcdef0-12345678-9abcdef0")), 2);
        QCOMPARE(call(forId("not a valid id!")).errorCode(), QStringLiteral("InvalidParameterValue"));
    }

    // --any-id answers unknown ids of the vendor's two forms only; any other text is an invalid value, never
    // a task.
    void anyIdRefusesMalformedIds_data() { malformedIds(); }
    void anyIdRefusesMalformedIds() {
        QFETCH(QString, id);
        m_emu->setDefaultTimeline({step(0, 0, QStringLiteral("RUNNING"), {})});
        const HttpResponse r = call(forText(id));
        QCOMPARE(r.response().value("Status").toString(), QString()); // was RUNNING
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidParameterValue"));
        QVERIFY(r.errorMessage().contains(QLatin1String("`AsyncRequestId`")));
        QCOMPARE(m_emu->pollsOf(id), 0);
    }

    // The same answer without --any-id: the form is checked before the task is looked up.
    void malformedIdIsAnInvalidParameterValue_data() { malformedIds(); }
    void malformedIdIsAnInvalidParameterValue() {
        QFETCH(QString, id);
        QCOMPARE(call(forText(id)).errorCode(), QStringLiteral("InvalidParameterValue"));
    }

    void anyIdAnswersBothIdFormsInAnyCase() {
        m_emu->setDefaultTimeline({step(0, 0, QStringLiteral("RUNNING"), {})});
        for (const char* id :
             {"38265324-dd030463-3d46a793-4a0420b1", "F96E4F3C-8FC96C86-2EC79AC8-CB63A7A7",
              "7EF78BEC-0111-43AF-BB11-111112FB54A7", "6ef60bec-0242-43af-bb20-270359fb54a7"})
            QCOMPARE(statusOf(call(forId(id))), QStringLiteral("RUNNING"));
    }

    void forcedError() {
        m_emu->setForcedError(QStringLiteral("InternalError"), QStringLiteral("boom"));
        HttpResponse r = call({});
        QCOMPARE(r.errorCode(), QStringLiteral("InternalError"));
        QCOMPARE(r.errorMessage(), QStringLiteral("boom"));
        m_emu->setForcedError({});
        QCOMPARE(call({}).errorCode(), QString());
    }

    void timelineByPolls() {
        m_emu->addTask(
            task("cccccccc-11111111-22222222-33333333",
                 {step(0, 0, QStringLiteral("INITIAL"), {}), step(2, 0, QStringLiteral("RUNNING"), {}),
                  step(4, 0, QStringLiteral("SUCCESS"), QStringLiteral("Finished"))}));
        const RequestSpec spec = forId("cccccccc-11111111-22222222-33333333");
        QStringList seen;
        for (int i = 0; i < 6; ++i)
            seen << statusOf(call(spec));
        QCOMPARE(seen, QStringList({"INITIAL", "INITIAL", "RUNNING", "RUNNING", "SUCCESS", "SUCCESS"}));
        QCOMPARE(m_emu->pollsOf(QStringLiteral("cccccccc-11111111-22222222-33333333")), 6);
    }

    void timelineByTime() {
        m_emu->addTask(
            task("dddddddd-11111111-22222222-33333333",
                 {step(0, 0, QStringLiteral("RUNNING"), {}), step(0, 300, QStringLiteral("SUCCESS"), {})}));
        const RequestSpec spec = forId("dddddddd-11111111-22222222-33333333");
        QElapsedTimer sinceFirst;
        sinceFirst.start(); // started before the emulator's clock for the task: never shorter than it
        QCOMPARE(statusOf(call(spec)), QStringLiteral("RUNNING"));
        QString status;
        int polls = 1;
        QVERIFY(QTest::qWaitFor(
            [&] {
                status = statusOf(call(spec));
                ++polls;
                return status == QLatin1String("SUCCESS");
            },
            20000));
        QVERIFY2(sinceFirst.elapsed() >= 300, "SUCCESS came before the step's afterMs");
        QCOMPARE(m_emu->pollsOf(QStringLiteral("dddddddd-11111111-22222222-33333333")), polls);
    }

    void timelineBothConditions() {
        // A step needs both its poll count and its time.
        m_emu->addTask(
            task("eeeeeeee-11111111-22222222-33333333", {step(0, 0, QStringLiteral("RUNNING"), {}),
                                                         step(1, 3600000, QStringLiteral("SUCCESS"), {})}));
        const RequestSpec spec = forId("eeeeeeee-11111111-22222222-33333333");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(statusOf(call(spec)), QStringLiteral("RUNNING"));
    }

    void nullStatusAndInfoAreJsonNull() {
        m_emu->addTask(task("ffffffff-11111111-22222222-33333333", {step(0, 0, std::nullopt, std::nullopt)}));
        const HttpResponse r = call(forId("ffffffff-11111111-22222222-33333333"));
        QVERIFY(r.response().contains("Status"));
        QVERIFY(r.response().value("Status").isNull());
        QVERIFY(r.response().contains("Info"));
        QVERIFY(r.response().value("Info").isNull());
        QVERIFY(r.body.contains(R"("Status":null)"));
        QVERIFY(r.body.contains(R"("Info":null)"));
    }

    void errorStepAnswersTheError() {
        TimelineStep err;
        err.errorCode = QStringLiteral("CdbError.TaskError");
        err.errorMessage = QStringLiteral("backend task error");
        m_emu->addTask(task("abababab-11111111-22222222-33333333", {err}));
        const HttpResponse r = call(forId("abababab-11111111-22222222-33333333"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errorCode(), QStringLiteral("CdbError.TaskError"));
        QCOMPARE(r.errorMessage(), QStringLiteral("backend task error"));
    }

    void chineseInfoIsUtf8() {
        m_emu->addTask(task("acacacac-11111111-22222222-33333333",
                            {step(0, 0, QStringLiteral("SUCCESS"), QString::fromUtf8("删除库表成功"))}));
        const HttpResponse r = call(forId("acacacac-11111111-22222222-33333333"));
        QVERIFY(r.body.contains("删除库表成功"));
        QCOMPARE(r.response().value("Info").toString(), QString::fromUtf8("删除库表成功"));
    }

    void rateLimitBurst() {
        // 41 requests in one burst, pipelined on one connection: exactly the 41st is over the limit.
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        QByteArray burst;
        for (int i = 0; i < 41; ++i)
            burst += signedRequest({});
        client.send(burst);
        QList<HttpResponse> responses;
        for (int i = 0; i < 41; ++i) {
            const auto r = client.next();
            QVERIFY2(r, qPrintable(QStringLiteral("response %1 missing").arg(i)));
            responses.append(*r);
        }
        const QList<qint64> arrivals = m_emu->arrivalTimesMs();
        QCOMPARE(arrivals.size(), 41);
        if (arrivals.last() - arrivals.first() >= 1000)
            QSKIP("the machine was too slow to put 41 requests in one second");
        for (int i = 0; i < 40; ++i)
            QCOMPARE(responses.at(i).errorCode(), QString());
        QCOMPARE(responses.at(40).errorCode(), QStringLiteral("RequestLimitExceeded"));
        QCOMPARE(m_emu->stats().rateLimited, 1);
        QCOMPARE(m_emu->stats().requests, 41);
        QCOMPARE(m_emu->stats().maxInAnyWindow, 41);

        m_emu->resetStats();
        QCOMPARE(m_emu->stats().requests, 0);
        QCOMPARE(m_emu->stats().maxInAnyWindow, 0);
        QVERIFY(m_emu->arrivalTimesMs().isEmpty());
    }

    // The emulator counts requests by when they arrived, not by when it got round to them: 45 requests, one
    // every 30 ms (33 in any second), each on its own connection, arrive while the emulator's thread is
    // blocked for 1.5 s. Handled together afterwards they are still at most 34 in any 1000 ms, and none is
    // refused (stamped when handled, all 45 would be within a few ms: 5 refused).
    void arrivalsAreCountedWhenTheyArrived() {
        const QByteArray request = signedRequest({});
        const quint16 port = m_emu->port();
        std::vector<int> fds;
        std::thread client([&] {
            for (int i = 0; i < 45; ++i) {
                const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
                sockaddr_in addr{};
                addr.sin_family = AF_INET;
                addr.sin_port = htons(port);
                addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0)
                    (void)::send(fd, request.constData(), size_t(request.size()), 0);
                fds.push_back(fd);
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
            }
        });
        QThread::msleep(1500); // the emulator's thread is busy: nothing is accepted or read meanwhile
        client.join();
        QTRY_COMPARE_WITH_TIMEOUT(m_emu->stats().requests, 45, 10000);
        const QList<qint64> arrivals = m_emu->arrivalTimesMs();
        QVERIFY2(arrivals.last() - arrivals.first() >= 1200,
                 qPrintable(QString::number(arrivals.last() - arrivals.first())));
        QVERIFY2(m_emu->stats().maxInAnyWindow <= 34,
                 qPrintable(QString::number(m_emu->stats().maxInAnyWindow)));
        QCOMPARE(m_emu->stats().rateLimited, 0);
        for (const int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }

    // Requests on different connections may be handled in another order than they arrived: a later arrival
    // handled first still counts against the earlier ones (limit 1 per second: one of three is admitted).
    void outOfOrderArrivalsAreLimited() {
        m_emu->setRateLimit(1);
        const QByteArray request = signedRequest({});
        const quint16 port = m_emu->port();
        std::vector<int> fds(3, -1);
        for (int i = 2; i >= 0; --i) { // connected (and accepted) in the order 2, 1, 0
            fds[i] = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(port);
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            QVERIFY(fds[i] >= 0 && ::connect(fds[i], reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
            QTest::qWait(50);
        }
        std::thread client([&] { // the requests arrive in the order 0, 1, 2 while the emulator is busy
            for (const int fd : fds) {
                (void)::send(fd, request.constData(), size_t(request.size()), 0);
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
            }
        });
        QThread::msleep(400);
        client.join();
        QTRY_COMPARE_WITH_TIMEOUT(m_emu->stats().requests, 3, 10000);
        const QList<qint64> arrivals = m_emu->arrivalTimesMs();
        if (arrivals.last() - arrivals.first() >= 1000)
            QSKIP("the machine was too slow to put 3 requests in one second");
        QCOMPARE(m_emu->stats().rateLimited, 2);
        for (const int fd : fds)
            ::close(fd);
    }

    void rateLimitConfigurable() {
        m_emu->setRateLimit(3);
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        QByteArray burst;
        for (int i = 0; i < 5; ++i)
            burst += signedRequest({});
        client.send(burst);
        QStringList codes;
        for (int i = 0; i < 5; ++i)
            codes << client.next().value_or(HttpResponse{}).errorCode();
        const QList<qint64> arrivals = m_emu->arrivalTimesMs();
        if (arrivals.size() == 5 && arrivals.last() - arrivals.first() >= 1000)
            QSKIP("the machine was too slow to put 5 requests in one second");
        QCOMPARE(codes, QStringList({"", "", "", "RequestLimitExceeded", "RequestLimitExceeded"}));

        m_emu->setRateLimit(0); // disabled
        for (int i = 0; i < 5; ++i)
            QCOMPARE(call({}).errorCode(), QString());
    }

    void keepAliveAndPipelining() {
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        client.send(signedRequest({}));
        QCOMPARE(client.next().value_or(HttpResponse{}).errorCode(), QString());
        client.send(signedRequest({}));
        const auto second = client.next();
        QVERIFY(second);
        QCOMPARE(second->response().value("Status").toString(), QStringLiteral("SUCCESS"));
        // Two requests in one write, answered in order.
        client.send(signedRequest({}) + signedRequest(forId("deadbeef-00000000-00000000-00000000")));
        QCOMPARE(client.next().value_or(HttpResponse{}).errorCode(), QString());
        QCOMPARE(client.next().value_or(HttpResponse{}).errorCode(),
                 QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
        // A request split into many small writes.
        const QByteArray raw = signedRequest({});
        for (qsizetype i = 0; i < raw.size(); i += 7) {
            client.send(raw.mid(i, 7));
            client.socket().flush();
            QTest::qWait(1);
        }
        QCOMPARE(client.next().value_or(HttpResponse{}).errorCode(), QString());
        QCOMPARE(m_emu->stats().requests, 5);
    }

    void connectionCloseIsHonoured() {
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        RequestSpec spec;
        spec.extraHeaders = "Connection: close\r\n";
        client.send(signedRequest(spec));
        const auto r = client.next();
        QVERIFY(r);
        QCOMPARE(r->headers.value("connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
    }

    void garbageGets400AndServerKeepsServing_data() {
        QTest::addColumn<QByteArray>("garbage");
        QTest::addColumn<int>("status");
        QTest::newRow("binary") << QByteArray::fromRawData(kBinaryGarbage, sizeof(kBinaryGarbage) - 1) << 400;
        QTest::newRow("tls hello") << QByteArray::fromHex("1603010200010001fc0303") << 400;
        QTest::newRow("bad request line") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("POST / HTTP/9.9\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("no host") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << 400;
        QTest::newRow("bad content-length")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n") << 400;
        QTest::newRow("two content-lengths")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << 400;
        QTest::newRow("chunked")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray("POST / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n") << 400;
        QTest::newRow("control char in value")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\x01y\r\n\r\n") << 400;
        QTest::newRow("huge headers")
            << QByteArray("POST / HTTP/1.1\r\nX-Junk: " + QByteArray(20000, 'a')) << 400;
        QTest::newRow("huge body") << QByteArray(
                                          "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n")
                                   << 413;
    }

    void garbageGets400AndServerKeepsServing() {
        QFETCH(QByteArray, garbage);
        QFETCH(int, status);
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        client.send(garbage);
        const auto r = client.next();
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QCOMPARE(r->headers.value("content-type"), QByteArray("application/json"));
        QVERIFY(!r->errorCode().isEmpty());
        QVERIFY(client.waitClosed());
        QCOMPARE(call({}).errorCode(), QString());
    }

    void randomGarbageDoesNotKillTheServer() {
        QRandomGenerator rng(20240511);
        QList<std::shared_ptr<RawClient>> clients;
        for (int i = 0; i < 60; ++i) {
            auto client = std::make_shared<RawClient>(m_emu->port());
            QVERIFY(client->connected());
            QByteArray junk(qsizetype(rng.bounded(1, 3000)), Qt::Uninitialized);
            for (char& c : junk)
                c = char(rng.bounded(256));
            if (i % 3 == 0) // something that starts like HTTP
                junk.prepend("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n");
            client->send(junk);
            clients.append(client);
        }
        // Most are answered 400 and closed; some wait for more bytes. Give the server the chance to see them
        // all.
        [[maybe_unused]] const bool allClosed = QTest::qWaitFor(
            [&] {
                return std::all_of(clients.cbegin(), clients.cend(), [](const auto& c) {
                    return c->socket().state() == QAbstractSocket::UnconnectedState;
                });
            },
            1500);
        clients.clear(); // abandon them all, mid-request or not
        QCOMPARE(call({}).errorCode(), QString());
    }

    void delayDoesNotBlockOtherClients() {
        ScriptedTask slow =
            task("babababa-11111111-22222222-33333333", {step(0, 0, QStringLiteral("RUNNING"), {})});
        slow.delayMs = 2000;
        m_emu->addTask(slow);
        RawClient slowClient(m_emu->port());
        QVERIFY(slowClient.connected());
        QSignalSpy handled(m_emu.get(), &Emulator::requestHandled);
        QElapsedTimer sinceSent;
        sinceSent.start(); // never shorter than the emulator's delay timer
        slowClient.send(signedRequest(forId("babababa-11111111-22222222-33333333")));
        QVERIFY(handled.wait(5000)); // the slow request was taken in
        // Meanwhile another client is answered.
        QCOMPARE(call({}).errorCode(), QString());
        const qsizetype slowBytes = slowClient.readRaw().size();
        if (sinceSent.elapsed() < slow.delayMs)
            QCOMPARE(slowBytes, 0); // answered while the delayed one is still pending
        const auto r = slowClient.next();
        QVERIFY(r);
        QCOMPARE(r->response().value("Status").toString(), QStringLiteral("RUNNING"));
        QVERIFY(sinceSent.elapsed() >= slow.delayMs); // the delay is honoured (a lower bound, not a goal)
    }

    void faultHttp502Html() {
        m_emu->addTask(task("10000000-11111111-22222222-33333333",
                            {step(0, 0, QStringLiteral("SUCCESS"), {})}, Fault::Http502Html, 2));
        const RequestSpec spec = forId("10000000-11111111-22222222-33333333");
        for (int i = 0; i < 2; ++i) {
            const HttpResponse r = call(spec);
            QCOMPARE(r.status, 502);
            QCOMPARE(r.headers.value("content-type"), QByteArray("text/html"));
            QVERIFY(r.body.contains("Bad Gateway"));
        }
        QCOMPARE(statusOf(call(spec)), QStringLiteral("SUCCESS"));
        QCOMPARE(m_emu->pollsOf(QStringLiteral("10000000-11111111-22222222-33333333")), 3);
    }

    void faultHttp500Json() {
        m_emu->addTask(task("20000000-11111111-22222222-33333333", {}, Fault::Http500Json));
        const HttpResponse r = call(forId("20000000-11111111-22222222-33333333"));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.errorCode(), QStringLiteral("InternalError"));
    }

    void faultMalformedAndEmpty() {
        m_emu->addTask(task("30000000-11111111-22222222-33333333", {}, Fault::MalformedJson));
        HttpResponse r = call(forId("30000000-11111111-22222222-33333333"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.startsWith("{\"Response\": {\"Status\": \"RUN"));
        QJsonParseError e{};
        QJsonDocument::fromJson(r.body, &e);
        QVERIFY(e.error != QJsonParseError::NoError);

        m_emu->addTask(task("40000000-11111111-22222222-33333333", {}, Fault::EmptyBody));
        r = call(forId("40000000-11111111-22222222-33333333"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-length"), QByteArray("0"));
        QVERIFY(r.body.isEmpty());
    }

    void faultTruncatedBody() {
        m_emu->addTask(task("50000000-11111111-22222222-33333333", {}, Fault::TruncatedBody));
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        client.send(signedRequest(forId("50000000-11111111-22222222-33333333")));
        QVERIFY(!client.next()); // never complete
        QVERIFY(client.waitClosed());
        const QByteArray got = client.pending();
        QVERIFY(got.contains("Content-Length: 500"));
        QCOMPARE(got.size() - (got.indexOf("\r\n\r\n") + 4), 20);
    }

    void faultConnectionReset() {
        m_emu->addTask(task("60000000-11111111-22222222-33333333", {}, Fault::ConnectionReset));
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        client.send(signedRequest(forId("60000000-11111111-22222222-33333333")));
        QVERIFY(client.waitClosed());
        QVERIFY(client.pending().isEmpty());
        QCOMPARE(call({}).errorCode(), QString());
    }

    void faultStall() {
        m_emu->addTask(task("70000000-11111111-22222222-33333333", {}, Fault::Stall));
        QSignalSpy handled(m_emu.get(), &Emulator::requestHandled);
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        client.send(signedRequest(forId("70000000-11111111-22222222-33333333")));
        QVERIFY(handled.wait(5000));
        QCOMPARE(handled.first().at(1).toString(), QStringLiteral("fault:Stall"));
        QVERIFY(!client.next(300)); // nothing comes; the socket stays open
        QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
        client.send("more data that is ignored\r\n\r\n");
        QCOMPARE(call({}).errorCode(), QString()); // others are still served
        QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
        QVERIFY(client.readRaw().isEmpty());
    }

    void faultHugeInfo() {
        m_emu->addTask(task("80000000-11111111-22222222-33333333",
                            {step(0, 0, QStringLiteral("RUNNING"), {})}, Fault::HugeInfo));
        const HttpResponse r = call(forId("80000000-11111111-22222222-33333333"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.response().value("Status").toString(), QStringLiteral("RUNNING"));
        QCOMPARE(r.response().value("Info").toString().size(), 2 * 1024 * 1024);
    }

    void faultHostileInfo() {
        m_emu->addTask(task("90000000-11111111-22222222-33333333",
                            {step(0, 0, QStringLiteral("RUNNING"), {})}, Fault::HostileInfo));
        const HttpResponse r = call(forId("90000000-11111111-22222222-33333333"));
        QCOMPARE(r.status, 200);
        const QString info = r.response().value("Info").toString();
        QVERIFY(info.contains(QChar(0)));
        QVERIFY(info.contains(QChar(0x1b)));
        QVERIFY(info.contains(QChar(0x1f)));
        QVERIFY(info.contains(QChar(0x202E)));
        QVERIFY(info.contains(QChar(0x2066)));
        QVERIFY(info.contains(QLatin1String("%s %n %1")));
        QVERIFY(r.body.contains("\\u0000"));
    }

    void headHasNoBody() {
        QByteArray head = signedRequest({});
        head.replace(0, 4, "HEAD");
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        client.send(head + signedRequest({}));
        // The HEAD answer has headers only, so the next answer starts right after its blank line.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QByteArray raw = client.readRaw();
                return raw.count("HTTP/1.1 200 OK") == 2 && raw.endsWith("}}");
            },
            10000));
        const QByteArray raw = client.readRaw();
        QVERIFY(raw.mid(raw.indexOf("\r\n\r\n") + 4).startsWith("HTTP/1.1 200 OK"));
    }

    void demoTasksAreComplete() {
        const QList<ScriptedTask> demo = Emulator::demoTasks();
        QVERIFY(demo.size() >= 12);
        QCOMPARE(Emulator::demoRegion(), QStringLiteral("ap-guangzhou"));
        static const QRegularExpression idPattern(QStringLiteral("^[0-9a-f]{8}(-[0-9a-f]{8}){3}$"));
        QSet<QString> ids, finals, errors;
        bool chinese = false, transient502 = false, nullStatus = false;
        for (const ScriptedTask& t : demo) {
            QVERIFY2(idPattern.match(t.id).hasMatch(), qPrintable(t.id));
            QVERIFY2(!ids.contains(t.id), qPrintable(t.id));
            ids.insert(t.id);
            QVERIFY(!t.steps.isEmpty());
            for (const TimelineStep& s : t.steps) {
                QCOMPARE(s.afterPolls, 0); // the demo unfolds with time, not with polls
                if (!s.errorCode.isEmpty())
                    errors.insert(s.errorCode);
                if (s.info && s.info->contains(QString::fromUtf8("删除库表成功")))
                    chinese = true;
            }
            const TimelineStep& last = t.steps.last();
            if (last.errorCode.isEmpty()) {
                if (last.status)
                    finals.insert(*last.status);
                else
                    nullStatus = true;
            }
            if (t.fault == Fault::Http502Html && t.faultTimes == 2)
                transient502 = true;
        }
        for (const char* status :
             {"SUCCESS", "FAILED", "KILLED", "REMOVED", "PAUSED", "UNDEFINED", "ROLLING_BACK"})
            QVERIFY2(finals.contains(QLatin1String(status)), status);
        QVERIFY(errors.contains(QStringLiteral("CdbError.TaskError")));
        QVERIFY(errors.contains(QStringLiteral("OperationDenied.UserHasNoStrategy")));
        QVERIFY(chinese);
        QVERIFY(transient502);
        QVERIFY(nullStatus);
    }

    void demoTaskServedWithDemoCredential() {
        Emulator demo;
        demo.addCredential(QString::fromLatin1(Emulator::kDemoSecretId),
                           QString::fromLatin1(Emulator::kDemoSecretKey));
        for (const ScriptedTask& t : Emulator::demoTasks())
            demo.addTask(t);
        QVERIFY(demo.listen());
        RequestSpec spec = forId("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");
        spec.secretId = QString::fromLatin1(Emulator::kDemoSecretId);
        spec.secretKey = QString::fromLatin1(Emulator::kDemoSecretKey);
        spec.host = "127.0.0.1:" + QByteArray::number(demo.port());
        RawClient client(demo.port());
        QVERIFY(client.connected());
        client.send(signedRequest(spec));
        const auto r = client.next();
        QVERIFY(r);
        QCOMPARE(r->response().value("Status").toString(), QStringLiteral("RUNNING"));
    }

    void describeTasksPagingAndOrder() {
        const QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-3600);
        for (int i = 1; i <= 25; ++i) {
            const QByteArray id = QStringLiteral("1000%1ab-11111111-22222222-33333333")
                                      .arg(i, 2, 10, QLatin1Char('0'))
                                      .toLatin1();
            // Jobs 24 and 25 start in the same second: the higher JobId comes first.
            const QDateTime started = base.addSecs(i >= 24 ? 24 * 60 : i * 60);
            m_emu->addTask(job(id.constData(), i, started, {step(0, 0, QStringLiteral("RUNNING"), {})}));
        }
        HttpResponse r = tasksCall({});
        QCOMPARE(r.errorCode(), QString());
        QCOMPARE(r.response().value("TotalCount").toInt(), 25);
        QList<qint64> expected;
        for (int i = 25; i >= 6; --i)
            expected.append(i);
        QCOMPARE(jobIds(r), expected); // default Limit 20, newest first
        QVERIFY(!r.response().value("RequestId").toString().isEmpty());

        QCOMPARE(listJobs({{"Offset", 20}, {"Limit", 10}}), QList<qint64>({5, 4, 3, 2, 1}));
        QCOMPARE(listJobs({{"Offset", 3}, {"Limit", 2}}), QList<qint64>({22, 21}));
        QCOMPARE(listJobs({{"Offset", 25}}), QList<qint64>());
        QCOMPARE(listJobs({{"Limit", 100}}).size(), 25);
        r = tasksCall({{"Limit", 101}});
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidParameter"));
        QVERIFY(r.errorMessage().contains(QLatin1String("Limit")));
        QCOMPARE(tasksCall({{"Offset", 25}}).response().value("TotalCount").toInt(), 25);
        // Another region lists none of them.
        QCOMPARE(tasksCall({}, "ap-shanghai").response().value("TotalCount").toInt(), 0);
        QCOMPARE(m_emu->requestsOf(QStringLiteral("DescribeTasks")), 8);
    }

    void describeTasksBadParameters_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("array body") << QByteArray("[1]") << "InvalidParameter";
        QTest::newRow("not json") << QByteArray("{") << "InvalidParameter";
        QTest::newRow("types not array") << QByteArray(R"({"TaskTypes":5})") << "InvalidParameter";
        QTest::newRow("types strings") << QByteArray(R"({"TaskTypes":["5"]})") << "InvalidParameter";
        QTest::newRow("status fraction") << QByteArray(R"({"TaskStatus":[1.5]})") << "InvalidParameter";
        QTest::newRow("offset negative") << QByteArray(R"({"Offset":-1})") << "InvalidParameter";
        QTest::newRow("limit string") << QByteArray(R"({"Limit":"20"})") << "InvalidParameter";
        QTest::newRow("limit zero") << QByteArray(R"({"Limit":0})") << "InvalidParameter";
        QTest::newRow("instance number") << QByteArray(R"({"InstanceId":5})") << "InvalidParameter";
        QTest::newRow("async null") << QByteArray(R"({"AsyncRequestId":null})") << "InvalidParameter";
        QTest::newRow("bad month") << QByteArray(R"({"StartTimeBegin":"2025-13-01 00:00:00"})")
                                   << "InvalidParameter";
        QTest::newRow("iso time") << QByteArray(R"({"StartTimeEnd":"2025-01-01T00:00:00Z"})")
                                  << "InvalidParameter";
        QTest::newRow("unknown") << QByteArray(R"({"Status":[1]})") << "UnknownParameter";
    }
    void describeTasksBadParameters() {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        RequestSpec spec = actionSpec("DescribeTasks", {});
        spec.body = body;
        QCOMPARE(call(spec).errorCode(), code);
    }

    void describeTasksFilters() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime fixed =
            compat::utcDateTime(QDate(2025, 3, 1), QTime(20, 30, 0)); // 2025-03-02 04:30:00 UTC+8
        m_emu->addTask(
            job("a0000001-11111111-22222222-33333333", 11, fixed,
                {step(0, 0, QStringLiteral("RUNNING"), {}), step(0, 1000, QStringLiteral("SUCCESS"), {})},
                "MODIFY PARAM", "cdb-aaaa0001"));
        m_emu->addTask(job("a0000002-11111111-22222222-33333333", 12, fixed.addSecs(3600),
                           {step(0, 0, QStringLiteral("FAILED"), {})}, "REBOOT", "cdb-aaaa0002"));
        m_emu->addTask(job("a0000003-11111111-22222222-33333333", 13, now.addSecs(-10),
                           {step(0, 0, QStringLiteral("RUNNING"), {})}, "REBOOT", "cdb-aaaa0001"));
        m_emu->addTask(job("a0000004-11111111-22222222-33333333", 14, now.addSecs(-5),
                           {step(0, 0, QStringLiteral("PAUSED"), {})}, "DROP TABLES", "cdb-aaaa0003"));
        QCOMPARE(listJobs({}), QList<qint64>({14, 13, 12, 11}));

        QCOMPARE(listJobs({{"InstanceId", "cdb-aaaa0001"}}), QList<qint64>({13, 11}));
        QCOMPARE(listJobs({{"InstanceId", "cdb-nothere0"}}), QList<qint64>());
        QCOMPARE(listJobs({{"AsyncRequestId", "a0000002-11111111-22222222-33333333"}}), QList<qint64>({12}));
        QCOMPARE(listJobs({{"AsyncRequestId", "A0000004-11111111-22222222-33333333"}}), QList<qint64>({14}));
        QCOMPARE(listJobs({{"TaskTypes", QJsonArray{7}}}), QList<qint64>({13, 12}));
        QCOMPARE(listJobs({{"TaskTypes", QJsonArray{5, 12}}}), QList<qint64>({14, 11}));
        QCOMPARE(listJobs({{"TaskTypes", QJsonArray{4}}}), QList<qint64>());
        QCOMPARE(listJobs({{"TaskTypes", QJsonArray{}}}).size(), 4); // an empty filter does not filter
        QCOMPARE(listJobs({{"TaskStatus", QJsonArray{2}}}), QList<qint64>({11})); // SUCCEED
        QCOMPARE(listJobs({{"TaskStatus", QJsonArray{1, 3}}}), QList<qint64>({13, 12}));
        QCOMPARE(listJobs({{"TaskStatus", QJsonArray{6}}}), QList<qint64>({14}));
        QCOMPARE(listJobs({{"TaskStatus", QJsonArray{0, -1, 4, 5}}}), QList<qint64>());
        // Times are UTC+8: job 11 started 2025-03-02 04:30:00 there, job 12 an hour later (both inclusive).
        QCOMPARE(
            listJobs({{"StartTimeBegin", "2025-03-02 04:30:00"}, {"StartTimeEnd", "2025-03-02 05:30:00"}}),
            QList<qint64>({12, 11}));
        QCOMPARE(
            listJobs({{"StartTimeBegin", "2025-03-02 04:30:01"}, {"StartTimeEnd", "2025-03-02 05:29:59"}}),
            QList<qint64>());
        QCOMPARE(listJobs({{"StartTimeEnd", "2025-03-02 04:30:00"}}), QList<qint64>({11}));
        QCOMPARE(listJobs({{"StartTimeBegin", "2025-03-02 05:00:00"}}), QList<qint64>({14, 13, 12}));
        // Read as UTC, 04:30 would be 8 hours later than job 11's start: nothing from the 1st, 20:30 UTC.
        QCOMPARE(
            listJobs({{"StartTimeBegin", "2025-03-01 20:30:00"}, {"StartTimeEnd", "2025-03-01 21:30:00"}}),
            QList<qint64>());
        // Filters combine.
        QCOMPARE(listJobs({{"InstanceId", "cdb-aaaa0001"}, {"TaskTypes", QJsonArray{7}}}),
                 QList<qint64>({13}));
        const HttpResponse r = tasksCall({{"InstanceId", "cdb-aaaa0001"}, {"Limit", 1}});
        QCOMPARE(r.response().value("TotalCount").toInt(), 2);
        QCOMPARE(jobIds(r), QList<qint64>({13}));
    }

    void describeTasksItemFieldsAndTimes() {
        // Started at a known UTC moment; done 90 s later: SUCCEED, times printed in UTC+8 without a zone.
        const QDateTime fixed = compat::utcDateTime(QDate(2025, 3, 1), QTime(20, 30, 0));
        TimelineStep running = step(0, 0, QStringLiteral("RUNNING"), QStringLiteral("working"));
        TimelineStep done = step(0, 90000, QStringLiteral("SUCCESS"), QStringLiteral("done"));
        ScriptedTask t = job("b0000001-11111111-22222222-33333333", 21, fixed, {running, done},
                             "UPGRADE MASTER", "cdb-c1nl9rpv");
        t.instanceIds.append(QStringLiteral("cdb-c1nl9rp2"));
        m_emu->addTask(t);
        TimelineStep failed = step(0, 0, QStringLiteral("FAILED"), {});
        failed.taskCode = 10017;
        failed.taskMessage = QStringLiteral("precheck failed");
        m_emu->addTask(job("b0000002-11111111-22222222-33333333", 22, fixed, {failed}));

        const HttpResponse r = tasksCall({});
        QCOMPARE(r.errorCode(), QString());
        const QJsonObject item = itemOf(r, 21);
        QCOMPARE(item.value("TaskStatus").toString(), QStringLiteral("SUCCEED"));
        QCOMPARE(item.value("Progress").toInt(), 100);
        QCOMPARE(item.value("Code").toInt(), 0);
        QCOMPARE(item.value("Message").toString(), QString());
        QCOMPARE(item.value("TaskType").toString(), QStringLiteral("UPGRADE MASTER"));
        QCOMPARE(item.value("StartTime").toString(), QStringLiteral("2025-03-02 04:30:00"));
        QCOMPARE(item.value("EndTime").toString(), QStringLiteral("2025-03-02 04:31:30"));
        QCOMPARE(item.value("InstanceIds").toArray(), QJsonArray({"cdb-c1nl9rpv", "cdb-c1nl9rp2"}));
        QCOMPARE(item.value("AsyncRequestId").toString(),
                 QStringLiteral("b0000001-11111111-22222222-33333333"));
        QVERIFY(item.value("TaskAttachInfo").isArray());
        QVERIFY(item.value("TaskAttachInfo").toArray().isEmpty());
        QVERIFY(item.value("JobId").isDouble());

        const QJsonObject bad = itemOf(r, 22);
        QCOMPARE(bad.value("TaskStatus").toString(), QStringLiteral("FAILED"));
        QCOMPARE(bad.value("Code").toInt(), 10017);
        QCOMPARE(bad.value("Message").toString(), QStringLiteral("precheck failed"));
        QCOMPARE(bad.value("EndTime").toString(), QStringLiteral("2025-03-02 04:30:00"));
        QCOMPARE(bad.value("Progress").toInt(), 100);
    }

    void describeTasksUnfinishedAndProgress() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        TimelineStep explicitProgress = step(0, 0, QStringLiteral("RUNNING"), {});
        explicitProgress.progress = 37;
        m_emu->addTask(job("c0000001-11111111-22222222-33333333", 31, now.addSecs(-60), {explicitProgress}));
        m_emu->addTask(job("c0000002-11111111-22222222-33333333", 32, now.addSecs(-60),
                           {step(0, 0, QStringLiteral("RUNNING"), {})}));
        m_emu->addTask(job("c0000003-11111111-22222222-33333333", 33, now.addSecs(-60),
                           {step(0, 0, QStringLiteral("WAITING"), {})}));
        m_emu->addTask(job("c0000004-11111111-22222222-33333333", 34, now.addSecs(-60),
                           {step(0, 0, QStringLiteral("INITIAL"), {}),
                            step(0, 3600 * 1000, QStringLiteral("SUCCESS"), {})}));
        const HttpResponse r = tasksCall({});
        QCOMPARE(itemOf(r, 31).value("Progress").toInt(), 37);
        QCOMPARE(itemOf(r, 32).value("Progress").toInt(), 50);
        QCOMPARE(itemOf(r, 33).value("Progress").toInt(), 0);
        QCOMPARE(itemOf(r, 33).value("TaskStatus").toString(), QStringLiteral("WAITING"));
        QCOMPARE(itemOf(r, 34).value("TaskStatus").toString(), QStringLiteral("INITIAL"));
        // Unfinished: both forms of "not ended" occur.
        QCOMPARE(itemOf(r, 31).value("EndTime").toString(), QStringLiteral("0000-00-00 00:00:00"));
        QCOMPARE(itemOf(r, 32).value("EndTime").toString(), QString());
        QCOMPARE(itemOf(r, 33).value("EndTime").toString(), QStringLiteral("0000-00-00 00:00:00"));
        QCOMPARE(itemOf(r, 34).value("EndTime").toString(), QString());
        QVERIFY(itemOf(r, 34).value("EndTime").isString());
    }

    void describeTasksAgreesWithDescribeAsyncRequestInfo() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Finished 5 s ago: SUCCESS in one action, SUCCEED in the other, whatever the polls.
        m_emu->addTask(job("d0000001-11111111-22222222-33333333", 41, now.addSecs(-10),
                           {step(0, 0, QStringLiteral("RUNNING"), {}),
                            step(0, 5000, QStringLiteral("SUCCESS"), QStringLiteral("ok"))}));
        // Running for a minute more; afterPolls is ignored once startedAt is set (by both actions).
        m_emu->addTask(
            job("d0000002-11111111-22222222-33333333", 42, now.addSecs(-2),
                {step(0, 0, QStringLiteral("INITIAL"), {}), step(50, 0, QStringLiteral("RUNNING"), {}),
                 step(0, 60000, QStringLiteral("SUCCESS"), {})}));
        // An error step in DescribeAsyncRequestInfo: DescribeTasks lists the step before it.
        TimelineStep error;
        error.errorCode = QStringLiteral("CdbError.TaskError");
        error.afterMs = 1000;
        m_emu->addTask(job("d0000003-11111111-22222222-33333333", 43, now.addSecs(-10),
                           {step(0, 0, QStringLiteral("RUNNING"), {}), error}));
        for (int round = 0; round < 2; ++round) {
            QCOMPARE(statusOf(call(forId("d0000001-11111111-22222222-33333333"))), QStringLiteral("SUCCESS"));
            QCOMPARE(statusOf(call(forId("d0000002-11111111-22222222-33333333"))), QStringLiteral("RUNNING"));
            QCOMPARE(call(forId("d0000003-11111111-22222222-33333333")).errorCode(),
                     QStringLiteral("CdbError.TaskError"));
            const HttpResponse r = tasksCall({});
            QCOMPARE(itemOf(r, 41).value("TaskStatus").toString(), QStringLiteral("SUCCEED"));
            QCOMPARE(itemOf(r, 42).value("TaskStatus").toString(), QStringLiteral("RUNNING"));
            QCOMPARE(itemOf(r, 43).value("TaskStatus").toString(), QStringLiteral("RUNNING"));
        }
        QCOMPARE(m_emu->pollsOf(QStringLiteral("d0000001-11111111-22222222-33333333")), 2);
    }

    void describeTasksWithoutStartedAtStartsAtFirstQuery() {
        ScriptedTask t =
            job("e0000001-11111111-22222222-33333333", 51, QDateTime(),
                {step(0, 0, QStringLiteral("RUNNING"), {}), step(1, 0, QStringLiteral("SUCCESS"), {})});
        m_emu->addTask(t);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        HttpResponse r = tasksCall({});
        QCOMPARE(itemOf(r, 51).value("TaskStatus").toString(), QStringLiteral("RUNNING"));
        const QDateTime start = QDateTime::fromString(itemOf(r, 51).value("StartTime").toString(),
                                                      QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QVERIFY(start.isValid());
        const QDateTime startUtc = compat::utcDateTime(start.date(), start.time()).addSecs(-8 * 3600);
        QVERIFY(std::abs(startUtc.secsTo(before)) <= 2);
        QCOMPARE(statusOf(call(forId("e0000001-11111111-22222222-33333333"))), QStringLiteral("RUNNING"));
        r = tasksCall({}); // one earlier poll now: the second step
        QCOMPARE(itemOf(r, 51).value("TaskStatus").toString(), QStringLiteral("SUCCEED"));
    }

    void describeTasksOwnership() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ScriptedTask owned = job("f0000001-11111111-22222222-33333333", 61, now.addSecs(-5),
                                 {step(0, 0, QStringLiteral("RUNNING"), {})});
        owned.owner = kOtherId;
        m_emu->addTask(owned);
        m_emu->addTask(job("f0000002-11111111-22222222-33333333", 62, now.addSecs(-5),
                           {step(0, 0, QStringLiteral("RUNNING"), {})}));
        QCOMPARE(listJobs({}), QList<qint64>({62}));
        QCOMPARE(listJobs({{"AsyncRequestId", "f0000001-11111111-22222222-33333333"}}), QList<qint64>());
        QCOMPARE(call(forId("f0000001-11111111-22222222-33333333")).errorCode(),
                 QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));

        const HttpResponse mine = call(actionSpec("DescribeTasks", {}, kRegion, kOtherId, kOtherKey));
        QCOMPARE(jobIds(mine), QList<qint64>({62, 61}));
        RequestSpec spec = forId("f0000001-11111111-22222222-33333333");
        spec.secretId = kOtherId;
        spec.secretKey = kOtherKey;
        QCOMPARE(statusOf(call(spec)), QStringLiteral("RUNNING"));
    }

    void describeTasksJobOnly() {
        ScriptedTask t = job("f1000001-11111111-22222222-33333333", 71, QDateTime::currentDateTimeUtc(),
                             {step(0, 0, QStringLiteral("RUNNING"), {})}, "REBOOT");
        t.listWithoutAsyncId = true;
        m_emu->addTask(t);
        const HttpResponse r = tasksCall({});
        QCOMPARE(jobIds(r), QList<qint64>({71}));
        QVERIFY(itemOf(r, 71).value("AsyncRequestId").isString());
        QCOMPARE(itemOf(r, 71).value("AsyncRequestId").toString(), QString());
        QCOMPARE(listJobs({{"AsyncRequestId", "f1000001-11111111-22222222-33333333"}}), QList<qint64>());
        QCOMPARE(call(forId("f1000001-11111111-22222222-33333333")).errorCode(),
                 QStringLiteral("InvalidParameter.InvalidAsyncRequestId"));
    }

    // Offset is an Integer with no documented maximum: a page past the last task is empty, TotalCount stays.
    void describeTasksOffsetPastTheEnd() {
        addThreeRunningJobs();
        for (const double offset : {2e9, 1e15, 9e18}) {
            const HttpResponse r = tasksCall({{"Offset", offset}});
            QCOMPARE(r.errorCode(), QString());
            QCOMPARE(r.response().value("TotalCount").toInt(), 3);
            QVERIFY(r.response().value("Items").toArray().isEmpty());
        }
    }

    // TaskStatus and TaskTypes are arrays of Integer (the SDKs' int64): a number that names no status or type
    // matches nothing, however large.
    void describeTasksFilterNumbersAreInt64() {
        addThreeRunningJobs();
        QCOMPARE(listJobs({{"TaskStatus", QJsonArray{4294967297.0, 1}}}), QList<qint64>({81, 82, 83}));
        QCOMPARE(listJobs({{"TaskStatus", QJsonArray{-4294967296.0}}}), QList<qint64>());
        QCOMPARE(listJobs({{"TaskTypes", QJsonArray{1e12}}}), QList<qint64>());
        QCOMPARE(listJobs({{"TaskTypes", QJsonArray{1e12, 5}}}), QList<qint64>({81, 82, 83}));
    }

    // The filter arrays have no documented length (the body's 64 KiB bound them).
    void describeTasksFilterArraysHaveNoLengthLimit() {
        addThreeRunningJobs();
        QJsonArray statuses;
        for (int i = 0; i < 5000; ++i)
            statuses.append(i % 2 == 0 ? 3 : 4); // FAILED, KILLED
        QCOMPARE(listJobs({{"TaskStatus", statuses}}), QList<qint64>());
        statuses.append(1);
        QCOMPARE(listJobs({{"TaskStatus", statuses}}), QList<qint64>({81, 82, 83}));
        QJsonArray types;
        for (int i = 0; i < 2000; ++i)
            types.append(i % 13 + 1);
        QCOMPARE(listJobs({{"TaskTypes", types}}), QList<qint64>({81, 82, 83}));
    }

    // What is not an Integer (or a negative Offset) stays InvalidParameter.
    void describeTasksInvalidIntegers_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("offset negative") << QByteArray(R"({"Offset":-1})");
        QTest::newRow("offset beyond 64 bits") << QByteArray(R"({"Offset":1e19})");
        QTest::newRow("offset 2^63") << QByteArray(R"({"Offset":9223372036854775808})");
        QTest::newRow("offset fraction") << QByteArray(R"({"Offset":0.5})");
        QTest::newRow("limit beyond 64 bits") << QByteArray(R"({"Limit":1e19})");
        QTest::newRow("status beyond 64 bits") << QByteArray(R"({"TaskStatus":[1e19]})");
        QTest::newRow("type below 64 bits") << QByteArray(R"({"TaskTypes":[-1e19]})");
        QTest::newRow("status string") << QByteArray(R"({"TaskStatus":[1,"2"]})");
        QTest::newRow("status object") << QByteArray(R"({"TaskStatus":{"0":1}})");
    }
    void describeTasksInvalidIntegers() {
        QFETCH(QByteArray, body);
        RequestSpec spec = actionSpec("DescribeTasks", {});
        spec.body = body;
        QCOMPARE(call(spec).errorCode(), QStringLiteral("InvalidParameter"));
    }

    // A poller listing the unfinished tasks of a start-time window page by page (TaskStatus -1, 0, 1, 6;
    // Offset += Limit until Offset >= TotalCount) sees every such task exactly once, with the same TotalCount
    // on every page. WAITING has no TaskStatus number: no status filter selects it.
    void describeTasksUnfinishedWindowEveryPage() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QStringList words = {"RUNNING", "INITIAL", "PAUSED",  "UNDEFINED", "SUCCESS",
                                   "FAILED",  "KILLED",  "REMOVED", "WAITING"};
        QSet<qint64> expected;
        for (int i = 0; i < 270; ++i) {
            const QString& word = words.at(i % words.size());
            // 250 in the window (three start in each second), 20 started before it.
            const qint64 ago = i < 250 ? 60 + i / 3 : 3600 + i;
            const QString id = QStringLiteral("%1-11111111-22222222-33333333").arg(0xb0000000u + i, 8, 16);
            m_emu->addTask(job(id.toLatin1().constData(), 5000 + i, now.addSecs(-ago),
                               {step(0, 0, word, {}), step(0, 3600 * 1000, QStringLiteral("SUCCESS"), {})}));
            if (i < 250 &&
                (word == "RUNNING" || word == "INITIAL" || word == "PAUSED" || word == "UNDEFINED"))
                expected.insert(5000 + i);
        }
        ScriptedTask elsewhere = job("c1000001-11111111-22222222-33333333", 9001, now.addSecs(-100),
                                     {step(0, 0, QStringLiteral("RUNNING"), {})});
        elsewhere.region = QStringLiteral("ap-shanghai");
        m_emu->addTask(elsewhere);

        const auto vendorTime = [](const QDateTime& utc) {
            return QLocale::c().toString(utc.toUTC().addSecs(8 * 3600), u"yyyy-MM-dd HH:mm:ss");
        };
        QJsonObject body{{"TaskStatus", QJsonArray{-1, 0, 1, 6}},
                         {"StartTimeBegin", vendorTime(now.addSecs(-3000))},
                         {"StartTimeEnd", vendorTime(now)},
                         {"Limit", 100}};
        QList<qint64> seen;
        int pages = 0;
        for (qint64 offset = 0, total = 1; offset < total; offset += 100, ++pages) {
            body.insert("Offset", offset);
            const HttpResponse r = tasksCall(body);
            QCOMPARE(r.errorCode(), QString());
            total = qint64(r.response().value("TotalCount").toDouble());
            QCOMPARE(total, qint64(expected.size()));
            seen += jobIds(r);
        }
        QCOMPARE(pages, 2); // 112 tasks
        QCOMPARE(seen.size(), expected.size());
        QCOMPARE(QSet<qint64>(seen.begin(), seen.end()), expected);
    }

    // DescribeDBInstances shares the paging rules: a page past the last instance is empty.
    void describeDBInstancesOffsetPastTheEnd() {
        EmulatedInstance instance;
        instance.id = QStringLiteral("cdb-aaaa0001");
        instance.region = QString::fromLatin1(kRegion);
        m_emu->addInstance(instance);
        for (const double offset : {2e9, 9e18}) {
            const HttpResponse r =
                call(actionSpec("DescribeDBInstances", {{"Offset", offset}, {"Limit", 2000}}));
            QCOMPARE(r.errorCode(), QString());
            QCOMPARE(r.response().value("TotalCount").toInt(), 1);
            QVERIFY(r.response().value("Items").toArray().isEmpty());
        }
    }

    void perActionRateLimits() {
        // 40 DescribeAsyncRequestInfo and 51 DescribeTasks from one key in one burst: each action has its own
        // window, so only the 51st DescribeTasks is over its limit of 50.
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        QByteArray burst;
        for (int i = 0; i < 40; ++i)
            burst += signedRequest({});
        const QByteArray listing = signedRequest(actionSpec("DescribeTasks", {}));
        for (int i = 0; i < 51; ++i)
            burst += listing;
        client.send(burst);
        QStringList codes;
        for (int i = 0; i < 91; ++i) {
            const auto r = client.next();
            QVERIFY2(r, qPrintable(QStringLiteral("response %1 missing").arg(i)));
            codes.append(r->errorCode());
        }
        const QList<qint64> arrivals = m_emu->arrivalTimesMs();
        QCOMPARE(arrivals.size(), 91);
        if (arrivals.last() - arrivals.first() >= 1000)
            QSKIP("the machine was too slow to put 91 requests in one second");
        for (int i = 0; i < 90; ++i)
            QVERIFY2(codes.at(i).isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(i).arg(codes.at(i))));
        QCOMPARE(codes.at(90), QStringLiteral("RequestLimitExceeded"));
        QCOMPARE(m_emu->requestsOf(QStringLiteral("DescribeAsyncRequestInfo")), 40);
        QCOMPARE(m_emu->requestsOf(QStringLiteral("DescribeTasks")), 51);
        QCOMPARE(m_emu->maxInAnyWindowOf(kId, QStringLiteral("DescribeTasks")), 51);
        QCOMPARE(m_emu->maxInAnyWindowOf(kId, QStringLiteral("DescribeAsyncRequestInfo")), 40);
        QCOMPARE(m_emu->maxInAnyWindowOf(kId), 91);
        // Another key has its own DescribeTasks window.
        QCOMPARE(call(actionSpec("DescribeTasks", {}, kRegion, kOtherId, kOtherKey)).errorCode(), QString());
        // DescribeDBInstances has its own too.
        QCOMPARE(call(actionSpec("DescribeDBInstances", {})).errorCode(), QString());
    }

    void actionRateLimitConfigurable() {
        m_emu->setActionRateLimit(QStringLiteral("DescribeDBInstances"), 2);
        RawClient client(m_emu->port());
        QVERIFY(client.connected());
        const QByteArray one = signedRequest(actionSpec("DescribeDBInstances", {}));
        client.send(one + one + one + signedRequest({}));
        QStringList codes;
        for (int i = 0; i < 4; ++i)
            codes << client.next().value_or(HttpResponse{}).errorCode();
        const QList<qint64> arrivals = m_emu->arrivalTimesMs();
        if (arrivals.size() == 4 && arrivals.last() - arrivals.first() >= 1000)
            QSKIP("the machine was too slow to put 4 requests in one second");
        QCOMPARE(codes, QStringList({"", "", "RequestLimitExceeded", ""}));
        m_emu->setActionRateLimit(QStringLiteral("DescribeDBInstances"), 0);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(call(actionSpec("DescribeDBInstances", {})).errorCode(), QString());
    }

    void actionErrorAndUnsupportedRegion() {
        m_emu->setActionError(QStringLiteral("DescribeTasks"),
                              QStringLiteral("AuthFailure.UnauthorizedOperation"),
                              QStringLiteral("no cdb:DescribeTasks"));
        HttpResponse r = tasksCall({});
        QCOMPARE(r.errorCode(), QStringLiteral("AuthFailure.UnauthorizedOperation"));
        QCOMPARE(r.errorMessage(), QStringLiteral("no cdb:DescribeTasks"));
        QCOMPARE(call({}).errorCode(), QString()); // other actions unaffected
        QCOMPARE(call(actionSpec("DescribeDBInstances", {})).errorCode(), QString());
        // The signature is still checked first.
        RequestSpec badKey = actionSpec("DescribeTasks", {});
        badKey.secretKey = QStringLiteral("wrong");
        QCOMPARE(call(badKey).errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
        m_emu->setActionError(QStringLiteral("DescribeTasks"), {});
        QCOMPARE(tasksCall({}).errorCode(), QString());

        m_emu->setUnsupportedRegions({QStringLiteral("ap-tokyo")});
        QCOMPARE(tasksCall({}, "ap-tokyo").errorCode(), QStringLiteral("UnsupportedRegion"));
        QCOMPARE(call(actionSpec("DescribeDBInstances", {}, "ap-tokyo")).errorCode(),
                 QStringLiteral("UnsupportedRegion"));
        QCOMPARE(tasksCall({}).errorCode(), QString());
        RequestSpec poll;
        poll.region = "ap-tokyo";
        QCOMPARE(call(poll).errorCode(), QString()); // a region-less task, polled anywhere
    }

    void malformedTaskItems() {
        m_emu->addTask(job("f2000001-11111111-22222222-33333333", 81, QDateTime::currentDateTimeUtc(),
                           {step(0, 0, QStringLiteral("RUNNING"), {})}));
        m_emu->setMalformedTaskItems(5);
        HttpResponse r = tasksCall({});
        QCOMPARE(r.response().value("TotalCount").toInt(), 6);
        const QJsonArray items = r.response().value("Items").toArray();
        QCOMPARE(items.size(), 6);
        QCOMPARE(qint64(items.at(0).toObject().value("JobId").toDouble()), 81);
        QVERIFY(items.at(1).toObject().value("JobId").isString());
        QVERIFY(items.at(1).toObject().value("InstanceIds").isString());
        QVERIFY(items.at(2).isString()); // not an object
        QVERIFY(items.at(3).toObject().value("TaskStatus").isDouble());
        QVERIFY(items.at(4).isNull());
        QVERIFY(items.at(5).isObject());
        // They page like real ones.
        r = tasksCall({{"Offset", 4}, {"Limit", 10}});
        QCOMPARE(r.response().value("TotalCount").toInt(), 6);
        QCOMPARE(r.response().value("Items").toArray().size(), 2);
        m_emu->setMalformedTaskItems(0);
        QCOMPARE(tasksCall({}).response().value("TotalCount").toInt(), 1);
    }

    void describeDBInstances() {
        const auto make = [](const char* id, const char* name, const char* region,
                             const QString& owner = {}) {
            EmulatedInstance i;
            i.id = QString::fromLatin1(id);
            i.name = QString::fromLatin1(name);
            i.region = QString::fromLatin1(region);
            i.zone = QString::fromLatin1(region) + QStringLiteral("-3");
            i.owner = owner;
            return i;
        };
        m_emu->addInstance(make("cdb-aaaa0001", "orders-primary", "ap-guangzhou"));
        m_emu->addInstance(make("cdb-aaaa0002", "orders-ro-1", "ap-guangzhou"));
        m_emu->addInstance(make("cdb-aaaa0003", "analytics", "ap-guangzhou"));
        m_emu->addInstance(make("cdb-bbbb0001", "shanghai", "ap-shanghai"));
        m_emu->addInstance(make("cdb-cccc0001", "someone-else", "ap-guangzhou", kOtherId));
        EmulatedInstance ro = make("cdb-aaaa0002", "orders-ro-1", "ap-guangzhou");
        ro.instanceType = 3;
        ro.taskStatus = 1;
        ro.engineVersion = QStringLiteral("5.7");
        ro.vip = QStringLiteral("10.0.1.37");
        ro.vport = 3307;
        m_emu->addInstance(ro); // replaces

        const auto ids = [](const HttpResponse& r) {
            QStringList out;
            for (const QJsonValue& item : r.response().value("Items").toArray())
                out << item.toObject().value("InstanceId").toString();
            return out;
        };
        const auto list = [&](const QJsonObject& body, const QByteArray& region = kRegion) {
            return call(actionSpec("DescribeDBInstances", body, region));
        };
        HttpResponse r = list({});
        QCOMPARE(r.errorCode(), QString());
        QCOMPARE(r.response().value("TotalCount").toInt(), 3);
        QCOMPARE(ids(r), QStringList({"cdb-aaaa0001", "cdb-aaaa0002", "cdb-aaaa0003"}));
        const QJsonObject item = r.response().value("Items").toArray().at(1).toObject();
        QCOMPARE(item.value("InstanceName").toString(), QStringLiteral("orders-ro-1"));
        QCOMPARE(item.value("Region").toString(), QStringLiteral("ap-guangzhou"));
        QCOMPARE(item.value("Zone").toString(), QStringLiteral("ap-guangzhou-3"));
        QCOMPARE(item.value("Status").toInt(), 1);
        QCOMPARE(item.value("TaskStatus").toInt(), 1);
        QCOMPARE(item.value("InstanceType").toInt(), 3);
        QCOMPARE(item.value("EngineVersion").toString(), QStringLiteral("5.7"));
        QCOMPARE(item.value("Vip").toString(), QStringLiteral("10.0.1.37"));
        QCOMPARE(item.value("Vport").toInt(), 3307);

        r = list({{"Limit", 2}});
        QCOMPARE(r.response().value("TotalCount").toInt(), 3);
        QCOMPARE(ids(r), QStringList({"cdb-aaaa0001", "cdb-aaaa0002"}));
        QCOMPARE(ids(list({{"Offset", 2}, {"Limit", 2}})), QStringList({"cdb-aaaa0003"}));
        QCOMPARE(ids(list({{"InstanceIds", QJsonArray{"cdb-aaaa0003", "cdb-bbbb0001"}}})),
                 QStringList({"cdb-aaaa0003"}));
        QCOMPARE(ids(list({{"InstanceNames", QJsonArray{"orders-primary"}}})), QStringList({"cdb-aaaa0001"}));
        QCOMPARE(ids(list({}, "ap-shanghai")), QStringList({"cdb-bbbb0001"}));
        QCOMPARE(ids(call(actionSpec("DescribeDBInstances", {}, kRegion, kOtherId, kOtherKey))),
                 QStringList({"cdb-aaaa0001", "cdb-aaaa0002", "cdb-aaaa0003", "cdb-cccc0001"}));
        QCOMPARE(list({{"Limit", 2000}}).errorCode(), QString());
        QCOMPARE(list({{"Limit", 2001}}).errorCode(), QStringLiteral("InvalidParameter"));
        QCOMPARE(list({{"InstanceIds", "cdb-aaaa0001"}}).errorCode(), QStringLiteral("InvalidParameter"));
        QCOMPARE(list({{"InstanceNames", QJsonArray{1}}}).errorCode(), QStringLiteral("InvalidParameter"));
        QCOMPARE(list({{"Offset", 1.5}}).errorCode(), QStringLiteral("InvalidParameter"));
        QCOMPARE(list({{"Bogus", 1}}).errorCode(), QStringLiteral("UnknownParameter"));
    }

    void demoDiscoverableTasksAreComplete() {
        const QList<ScriptedTask> discoverable = Emulator::demoDiscoverableTasks();
        const QList<EmulatedInstance> instances = Emulator::demoInstances();
        QVERIFY(discoverable.size() >= 8);
        QCOMPARE(instances.size(), 3);
        QCOMPARE(Emulator::demoSecondRegion(), QStringLiteral("ap-shanghai"));
        static const QRegularExpression idPattern(QStringLiteral("^[0-9a-f]{8}(-[0-9a-f]{8}){3}$"));
        QSet<QString> ids, jobs, regions, types, finals;
        for (const ScriptedTask& t : Emulator::demoTasks())
            ids.insert(t.id);
        QSet<QString> instanceIds;
        for (const EmulatedInstance& i : instances) {
            instanceIds.insert(i.id);
            QVERIFY(!i.name.isEmpty());
        }
        bool jobOnly = false, failedWithCode = false, progressing = false;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const ScriptedTask& t : discoverable) {
            QVERIFY2(idPattern.match(t.id).hasMatch(), qPrintable(t.id));
            QVERIFY2(!ids.contains(t.id), qPrintable(t.id));
            ids.insert(t.id);
            QVERIFY(t.jobId > 0);
            QVERIFY(!jobs.contains(QString::number(t.jobId)));
            jobs.insert(QString::number(t.jobId));
            QVERIFY(t.owner.isEmpty());
            QVERIFY(t.startedAt.isValid() && t.startedAt <= now);
            regions.insert(t.region);
            types.insert(t.taskType);
            for (const QString& instance : t.instanceIds) {
                QVERIFY2(instanceIds.contains(instance), qPrintable(instance));
                for (const EmulatedInstance& i : instances) {
                    if (i.id == instance)
                        QCOMPARE(i.region, t.region);
                }
            }
            jobOnly = jobOnly || t.listWithoutAsyncId;
            const TimelineStep& last = t.steps.last();
            finals.insert(last.status.value_or(QString()));
            failedWithCode = failedWithCode || (last.status == QStringLiteral("FAILED") &&
                                                last.taskCode != 0 && !last.taskMessage.isEmpty());
            const qint64 elapsed = t.startedAt.msecsTo(now);
            progressing = progressing || (t.steps.size() >= 4 && elapsed < last.afterMs && elapsed > 60000);
        }
        QCOMPARE(regions, QSet<QString>({Emulator::demoRegion(), Emulator::demoSecondRegion()}));
        QVERIFY(types.size() >= 5);
        QVERIFY(jobOnly);
        QVERIFY(failedWithCode);
        QVERIFY(progressing);
        QVERIFY(finals.contains(QStringLiteral("WAITING")));

        // Served: each region lists its tasks, one of them already SUCCEED an hour ago; names resolve.
        Emulator demo;
        demo.addCredential(QString::fromLatin1(Emulator::kDemoSecretId),
                           QString::fromLatin1(Emulator::kDemoSecretKey));
        for (const ScriptedTask& t : discoverable)
            demo.addTask(t);
        for (const EmulatedInstance& i : instances)
            demo.addInstance(i);
        QVERIFY(demo.listen());
        int total = 0;
        QSet<QString> statuses;
        for (const QString& region : {Emulator::demoRegion(), Emulator::demoSecondRegion()}) {
            RequestSpec spec = actionSpec("DescribeTasks", {}, region.toLatin1(),
                                          QString::fromLatin1(Emulator::kDemoSecretId),
                                          QString::fromLatin1(Emulator::kDemoSecretKey));
            spec.host = "127.0.0.1:" + QByteArray::number(demo.port());
            RawClient client(demo.port());
            QVERIFY(client.connected());
            client.send(signedRequest(spec));
            const auto r = client.next();
            QVERIFY(r);
            QCOMPARE(r->errorCode(), QString());
            const int count = r->response().value("TotalCount").toInt();
            QVERIFY(count >= 3);
            total += count;
            for (const QJsonValue& item : r->response().value("Items").toArray())
                statuses.insert(item.toObject().value("TaskStatus").toString());
            spec.action = "DescribeDBInstances";
            client.send(signedRequest(spec));
            const auto names = client.next();
            QVERIFY(names);
            QVERIFY(names->response().value("TotalCount").toInt() >= 1);
        }
        QCOMPARE(total, discoverable.size());
        for (const char* status : {"RUNNING", "SUCCEED", "FAILED", "WAITING"})
            QVERIFY2(statuses.contains(QLatin1String(status)), status);
    }

    void listenFailsOnABusyPort() {
        Emulator other;
        QVERIFY(!other.listen(m_emu->port()));
        QVERIFY(!other.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEmulator)
#include "tst_emulator.moc"
