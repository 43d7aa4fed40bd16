// The emulator's mongodb, redis and postgres services on the shared endpoint, over real loopback HTTP with
// requests signed by the project's Signer: routing and signature by the credential scope's service, versions
// and actions, each product's status words along a timeline, fields and nulls, ids beyond 2^53, tasks that
// appear late, per-(service, action) rate limits, and the redis and postgres listings.
#include "EmulatorClient.h"
#include "TimelineSteps.h"

#include <QJsonArray>
#include <QTest>

using namespace taskwatch;
using namespace taskwatch::sim;
using namespace taskwatch::emutest;

namespace {
const QString kOtherId = QStringLiteral("AKIDOTHERTEST0000000000000000000000000");
const QString kOtherKey = QStringLiteral("other-test-secret-key-0123456789");

struct Product {
    QByteArray service, version, action;
};
const Product kMongodb{"mongodb", "2019-07-25", "DescribeAsyncRequestInfo"};
const Product kRedis{"redis", "2018-04-12", "DescribeTaskInfo"};
const Product kRedisList{"redis", "2018-04-12", "DescribeTaskList"};
const Product kPostgres{"postgres", "2017-03-12", "DescribeTasks"};
const Product kCdb{"cdb", "2017-03-20", "DescribeAsyncRequestInfo"};

TimelineStep at(int afterPolls, const char* status, const char* info = nullptr) {
    return step(afterPolls, status, info);
}

ScriptedTask productTask(const char* product, const char* id, QList<TimelineStep> steps) {
    ScriptedTask t;
    t.product = QString::fromLatin1(product);
    t.id = QString::fromLatin1(id);
    t.steps = std::move(steps);
    t.instanceIds = {QStringLiteral("ins-0001")};
    return t;
}

// The body of a query by id: mongodb's string id, the others' raw JSON number.
QByteArray idBody(const Product& p, const QByteArray& id) {
    if (p.service == "mongodb")
        return "{\"AsyncRequestId\":\"" + id + "\"}";
    if (p.service == "cdb")
        return "{\"AsyncRequestId\":\"aaaaaaaa-11111111-22222222-33333333\"}";
    return "{\"TaskId\":" + id + "}";
}
} // namespace

class TestEmulatorProducts : public QObject {
    Q_OBJECT
    std::unique_ptr<Emulator> m_emu;

    RequestSpec spec(const Product& p, const QByteArray& body) const {
        RequestSpec s;
        s.service = p.service;
        s.version = p.version;
        s.action = p.action;
        s.body = body;
        return s;
    }
    HttpResponse call(const RequestSpec& s) {
        RawClient client(m_emu->port());
        if (!client.connected())
            return {};
        client.send(signedRequest(s, m_emu->port()));
        return client.next().value_or(HttpResponse{});
    }
    HttpResponse query(const Product& p, const QByteArray& id) { return call(spec(p, idBody(p, id))); }
    // The one postgres TaskSet item of a query by id (empty object when none).
    QJsonObject pgItem(const QByteArray& id) {
        const QJsonArray set = query(kPostgres, id).response().value("TaskSet").toArray();
        return set.size() == 1 ? set.first().toObject() : QJsonObject{};
    }
    HttpResponse list(const Product& p, const QJsonObject& body) {
        return call(spec(p, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }
    static QStringList idsOf(const HttpResponse& r, const char* array) {
        QStringList ids;
        for (const QJsonValue& v : r.response().value(QLatin1String(array)).toArray())
            ids.append(QString::number(v.toObject().value("TaskId").toInteger()));
        return ids;
    }
    // Sends `count` copies of a request on one connection and returns the error codes in order; nullopt when
    // the machine was too slow to put them in one second (the limit would then be right to admit them).
    std::optional<QStringList> burst(const RequestSpec& s, int count) {
        m_emu->resetStats();
        RawClient client(m_emu->port());
        if (!client.connected())
            return QStringList{QStringLiteral("not connected")};
        const QByteArray one = signedRequest(s, m_emu->port());
        QByteArray all;
        for (int i = 0; i < count; ++i)
            all += one;
        client.send(all);
        QStringList codes;
        for (int i = 0; i < count; ++i)
            codes.append(client.next().value_or(HttpResponse{}).errorCode());
        const QList<qint64> arrivals = m_emu->arrivalTimesMs();
        if (arrivals.size() == count && arrivals.last() - arrivals.first() >= 1000)
            return std::nullopt;
        return codes;
    }

private slots:
    void init() {
        m_emu = std::make_unique<Emulator>();
        m_emu->addCredential(kId, kKey);
        m_emu->addCredential(kOtherId, kOtherKey);
        QVERIFY(m_emu->addTask(productTask("mongodb", "4762", {at(0, "running")})));
        QVERIFY(m_emu->addTask(productTask("redis", "18215", {at(0, "running")})));
        QVERIFY(m_emu->addTask(productTask("postgres", "912", {at(0, "Running")})));
        ScriptedTask cdb;
        cdb.id = QStringLiteral("aaaaaaaa-11111111-22222222-33333333");
        cdb.steps = {at(0, "RUNNING")};
        QVERIFY(m_emu->addTask(cdb));
        QVERIFY(m_emu->listen());
    }
    void cleanup() { m_emu.reset(); }

    void signatureIsCheckedWithTheProductsService_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("mongodb") << 0;
        QTest::newRow("redis") << 1;
        QTest::newRow("postgres") << 2;
    }
    void signatureIsCheckedWithTheProductsService() {
        QFETCH(int, which);
        const Product p = QList<Product>{kMongodb, kRedis, kPostgres}.at(which);
        const QByteArray id = p.service == "mongodb" ? "4762" : p.service == "redis" ? "18215" : "912";
        QCOMPARE(query(p, id).errorCode(), QString());
        // Signed for cdb, sent with this product's scope.
        RequestSpec forged = spec(p, idBody(p, id));
        forged.service = "cdb";
        QByteArray auth = signedRequest(forged, m_emu->port());
        auth = auth.mid(auth.indexOf("Authorization: ") + 15);
        auth = auth.left(auth.indexOf("\r\n"));
        forged.authorization = QByteArray(auth).replace("/cdb/", "/" + p.service + "/");
        QCOMPARE(call(forged).errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
        // The reverse: signed for this product, sent with cdb's scope.
        RequestSpec reverse = spec(kCdb, idBody(kCdb, {}));
        reverse.service = p.service;
        auth = signedRequest(reverse, m_emu->port());
        auth = auth.mid(auth.indexOf("Authorization: ") + 15);
        auth = auth.left(auth.indexOf("\r\n"));
        reverse.authorization = QByteArray(auth).replace("/" + p.service + "/", "/cdb/");
        QCOMPARE(call(reverse).errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
        QCOMPARE(m_emu->stats().authFailures, 2);
    }

    void unknownServiceIsNoSuchProduct() {
        RequestSpec s = spec(Product{"cvm", "2017-03-12", "DescribeInstances"}, "{}");
        QCOMPARE(call(s).errorCode(), QStringLiteral("NoSuchProduct"));
        s.secretKey = QStringLiteral("wrong");
        QCOMPARE(call(s).errorCode(), QStringLiteral("AuthFailure.SignatureFailure"));
    }

    void versionsAndActions() {
        for (const Product& p : {kMongodb, kRedis, kRedisList, kPostgres}) {
            RequestSpec s = spec(p, idBody(p, "1"));
            s.version = kCdb.version;
            QCOMPARE(call(s).errorCode(), QStringLiteral("NoSuchVersion"));
        }
        RequestSpec cdbWithRedisVersion = spec(kCdb, idBody(kCdb, {}));
        cdbWithRedisVersion.version = kRedis.version;
        QCOMPARE(call(cdbWithRedisVersion).errorCode(), QStringLiteral("NoSuchVersion"));
        QCOMPARE(call(spec(Product{"redis", "2018-04-12", "DescribeTasks"}, "{}")).errorCode(),
                 QStringLiteral("InvalidAction"));
        QCOMPARE(call(spec(Product{"mongodb", "2019-07-25", "DescribeTaskList"}, "{}")).errorCode(),
                 QStringLiteral("InvalidAction"));
        QCOMPARE(call(spec(Product{"postgres", "2017-03-12", "DescribeTaskInfo"}, "{}")).errorCode(),
                 QStringLiteral("InvalidAction"));
        QCOMPARE(call(spec(Product{"cdb", "2017-03-20", "DescribeTaskInfo"}, "{}")).errorCode(),
                 QStringLiteral("InvalidAction"));
    }

    void mongodbStatusesAndFields() {
        QVERIFY(
            m_emu->addTask(productTask("mongodb", "28920",
                                       {at(0, nullptr), at(1, "initial"), at(2, "running"), at(3, "paused"),
                                        at(4, "undoed"), at(5, "failed"), at(6, "success")})));
        const QJsonObject first = query(kMongodb, "28920").response();
        QVERIFY(first.value("Status").isNull());
        QVERIFY(first.value("StartTime").isString());
        QStringList seen;
        for (int i = 0; i < 6; ++i) {
            const QJsonObject r = query(kMongodb, "28920").response();
            seen.append(r.value("Status").toString());
            QVERIFY(!r.contains("Info")); // mongodb has no message field
            const bool ended = seen.last() == "undoed" || seen.last() == "failed" || seen.last() == "success";
            QCOMPARE(r.contains("EndTime"), ended);
        }
        QCOMPARE(seen, QStringList({"initial", "running", "paused", "undoed", "failed", "success"}));
        QCOMPARE(m_emu->pollsOf(QStringLiteral("mongodb"), QStringLiteral("28920")), 7);
        QCOMPARE(query(kMongodb, "99").errorCode(), QStringLiteral("InvalidParameter.PermissionDenied"));
        QCOMPARE(call(spec(kMongodb, R"({"AsyncRequestId":4762})")).errorCode(),
                 QStringLiteral("InvalidParameterValue"));
        QCOMPARE(query(kMongodb, "47a2").errorCode(), QStringLiteral("InvalidParameterValue"));
        QCOMPARE(call(spec(kMongodb, "{}")).errorCode(), QStringLiteral("MissingParameter"));
    }

    void redisStatusesAndFields() {
        ScriptedTask t = productTask("redis", "42372",
                                     {at(0, "preparing"), at(1, "running"), at(2, "succeed"),
                                      at(3, "failed", "boom"), at(4, "error", "disk full"), at(5, nullptr)});
        t.taskTitle = QStringLiteral("redis缓存清空流程");
        t.taskType = QStringLiteral("020");
        QVERIFY(m_emu->addTask(t));
        QStringList statuses, messages;
        for (int i = 0; i < 6; ++i) {
            const QJsonObject r = query(kRedis, "42372").response();
            statuses.append(r.value("Status").isNull() ? QStringLiteral("<null>")
                                                       : r.value("Status").toString());
            messages.append(r.value("TaskMessage").toString());
            QCOMPARE(r.value("TaskType").toString(), QStringLiteral("redis缓存清空流程"));
            QCOMPARE(r.value("InstanceId").toString(), QStringLiteral("ins-0001"));
            QVERIFY(r.value("StartTime").isString());
            QVERIFY(r.value("TaskMessage").isString()); // required: "" while there is nothing to say
        }
        QCOMPARE(statuses, QStringList({"preparing", "running", "succeed", "failed", "error", "<null>"}));
        QCOMPARE(messages, QStringList({"", "", "", "boom", "disk full", ""}));
        QCOMPARE(query(kRedis, "7").errorCode(), QStringLiteral("InvalidParameter.InvalidParameter"));
        QCOMPARE(call(spec(kRedis, "{}")).errorCode(), QStringLiteral("MissingParameter"));
        QCOMPARE(call(spec(kRedis, R"({"TaskId":18215,"Foo":1})")).errorCode(),
                 QStringLiteral("UnknownParameter"));
    }

    void postgresStatusesAndFields() {
        QVERIFY(
            m_emu->addTask(productTask("postgres", "120321",
                                       {at(0, "Running"), at(1, "WaitSwitch", "waiting for the window"),
                                        at(2, "Pause"), at(3, "Fail", "no space left"), at(4, "Success")})));
        QStringList statuses;
        for (int i = 0; i < 5; ++i) {
            const QJsonObject item = pgItem("120321");
            statuses.append(item.value("Status").toString());
            QCOMPARE(item.value("TaskId").toInteger(), 120321);
            QCOMPARE(item.value("DBInstanceId").toString(), QStringLiteral("ins-0001"));
            const QJsonObject detail = item.value("TaskDetail").toObject();
            QVERIFY(detail.value("AllSteps").isString()); // JSON in a string
            QVERIFY(detail.value("Input").isString());
            QCOMPARE(detail.value("SwitchTag").toInt(), statuses.last() == "WaitSwitch" ? 3 : 0);
            if (statuses.last() == "WaitSwitch")
                QCOMPARE(detail.value("Message").toString(), QStringLiteral("waiting for the window"));
            if (statuses.last() == "Fail")
                QCOMPARE(detail.value("Message").toString(), QStringLiteral("no space left"));
            const bool ended = statuses.last() == "Success" || statuses.last() == "Fail";
            QCOMPARE(item.value("EndTime").toString().isEmpty(), !ended);
            QCOMPARE(item.value("Progress").toInt(), statuses.last() == "Success" ? 100 : 50);
        }
        QCOMPARE(statuses, QStringList({"Running", "WaitSwitch", "Pause", "Fail", "Success"}));
        const HttpResponse unknown = query(kPostgres, "4242");
        QCOMPARE(unknown.errorCode(), QString());
        QCOMPARE(unknown.response().value("TotalCount").toInt(), 0);
        QVERIFY(unknown.response().value("TaskSet").toArray().isEmpty());
    }

    void idsBeyondDoublesRoundTrip() {
        // 2^53 and 2^53+1 are one double; 2^64-1 is the largest id.
        for (const char* product : {"redis", "postgres", "mongodb"}) {
            QVERIFY(m_emu->addTask(productTask(product, "9007199254740992", {at(0, "A")})));
            QVERIFY(m_emu->addTask(productTask(product, "9007199254740993", {at(0, "B")})));
            QVERIFY(m_emu->addTask(productTask(product, "18446744073709551615", {at(0, "C")})));
        }
        QVERIFY(!m_emu->addTask(productTask("redis", "18446744073709551616", {at(0, "D")})));
        for (const Product& p : {kMongodb, kRedis}) {
            QCOMPARE(query(p, "9007199254740993").response().value("Status").toString(), QStringLiteral("B"));
            QCOMPARE(query(p, "9007199254740992").response().value("Status").toString(), QStringLiteral("A"));
            QCOMPARE(query(p, "18446744073709551615").response().value("Status").toString(),
                     QStringLiteral("C"));
            QCOMPARE(query(p, "18446744073709551616").errorCode(), QStringLiteral("InvalidParameterValue"));
        }
        const HttpResponse pg = query(kPostgres, "9007199254740993");
        QVERIFY2(pg.body.contains("\"TaskId\":9007199254740993"), pg.body.constData());
        QVERIFY(query(kPostgres, "18446744073709551615").body.contains("\"TaskId\":18446744073709551615,"));
        const HttpResponse listed = list(kRedisList, {});
        for (const char* id : {"9007199254740992", "9007199254740993", "18446744073709551615"})
            QVERIFY2(listed.body.contains("\"TaskId\":" + QByteArray(id) + ","), id);
        for (const QByteArray& bad : {QByteArray("1.5"), QByteArray("1e3"), QByteArray("-1"),
                                      QByteArray("\"18215\""), QByteArray("18446744073709551616")})
            QCOMPARE(call(spec(kRedis, "{\"TaskId\":" + bad + "}")).errorCode(),
                     QStringLiteral("InvalidParameterValue"));
        QCOMPARE(call(spec(kPostgres, R"({"TaskId":"912"})")).errorCode(),
                 QStringLiteral("InvalidParameterValue"));
    }

    void freshTasksAppearLate() {
        for (const char* product : {"mongodb", "redis", "postgres"}) {
            ScriptedTask hidden = productTask(product, "5001", {at(0, "x")});
            hidden.hiddenForMs = 3600 * 1000; // created now: hidden for the whole test
            QVERIFY(m_emu->addTask(hidden));
            ScriptedTask shown = productTask(product, "5002", {at(0, "y")});
            shown.startedAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
            shown.hiddenForMs = 3600 * 1000; // created two hours ago: visible again
            QVERIFY(m_emu->addTask(shown));
        }
        QCOMPARE(query(kMongodb, "5001").errorCode(), QStringLiteral("InvalidParameter.PermissionDenied"));
        QCOMPARE(query(kRedis, "5001").errorCode(), QStringLiteral("InvalidParameter.InvalidParameter"));
        QVERIFY(pgItem("5001").isEmpty());
        QVERIFY(!idsOf(list(kRedisList, {}), "Tasks").contains("5001"));
        QVERIFY(!idsOf(list(kPostgres, {}), "TaskSet").contains("5001"));
        QCOMPARE(m_emu->pollsOf(QStringLiteral("redis"), QStringLiteral("5001")), 0); // its timeline waits
        QCOMPARE(query(kMongodb, "5002").response().value("Status").toString(), QStringLiteral("y"));
        QCOMPARE(query(kRedis, "5002").response().value("Status").toString(), QStringLiteral("y"));
        QCOMPARE(pgItem("5002").value("Status").toString(), QStringLiteral("y"));
    }

    void ownershipAndRegion() {
        ScriptedTask mine = productTask("redis", "6001", {at(0, "running")});
        mine.owner = kOtherId;
        mine.region = QStringLiteral("ap-shanghai");
        QVERIFY(m_emu->addTask(mine));
        QCOMPARE(query(kRedis, "6001").errorCode(), QStringLiteral("InvalidParameter.InvalidParameter"));
        RequestSpec other = spec(kRedis, idBody(kRedis, "6001"));
        other.secretId = kOtherId;
        other.secretKey = kOtherKey;
        QCOMPARE(call(other).errorCode(),
                 QStringLiteral("InvalidParameter.InvalidParameter")); // other region
        other.region = "ap-shanghai";
        QCOMPARE(call(other).response().value("Status").toString(), QStringLiteral("running"));
    }

    void pollLimitsArePerServiceAndAction() {
        const auto redisCodes = burst(spec(kRedis, idBody(kRedis, "18215")), 21);
        if (!redisCodes)
            QSKIP("the machine was too slow to put 21 requests in one second");
        QCOMPARE(redisCodes->count(QString()), 20);
        QCOMPARE(redisCodes->last(), QStringLiteral("RequestLimitExceeded"));
        QCOMPARE(m_emu->requestsOf(QStringLiteral("redis"), QStringLiteral("DescribeTaskInfo")), 21);
        // The redis burst took nothing from cdb's DescribeAsyncRequestInfo, nor from the other products.
        QCOMPARE(query(kCdb, {}).errorCode(), QString());
        QCOMPARE(query(kMongodb, "4762").errorCode(), QString());
        QCOMPARE(query(kPostgres, "912").errorCode(), QString());
        QCOMPARE(list(kRedisList, {}).errorCode(), QString());
        QCOMPARE(m_emu->requestsOf(QStringLiteral("DescribeAsyncRequestInfo")), 1);
        QCOMPARE(m_emu->maxInAnyWindowOf(kId, QStringLiteral("redis"), QStringLiteral("DescribeTaskInfo")),
                 21);

        for (const Product& p : {kMongodb, kPostgres}) {
            const auto codes = burst(spec(p, idBody(p, p.service == "mongodb" ? "4762" : "912")), 21);
            if (!codes)
                QSKIP("the machine was too slow to put 21 requests in one second");
            QCOMPARE(codes->count(QString()), 20);
            QCOMPARE(codes->last(), QStringLiteral("RequestLimitExceeded"));
        }
        // postgres' DescribeTasks is not cdb's.
        QCOMPARE(call(spec(Product{"cdb", "2017-03-20", "DescribeTasks"}, "{}")).errorCode(), QString());
    }

    void redisListLimitIsItsOwn() {
        const auto codes = burst(spec(kRedisList, "{}"), 101);
        if (!codes)
            QSKIP("the machine was too slow to put 101 requests in one second");
        QCOMPARE(codes->count(QString()), 100);
        QCOMPARE(codes->last(), QStringLiteral("RequestLimitExceeded"));
        QCOMPARE(query(kRedis, "18215").errorCode(), QString());
    }

    void actionLimitsAndErrorsAreConfiguredPerService() {
        m_emu->setActionRateLimit(QStringLiteral("postgres"), QStringLiteral("DescribeTasks"), 2);
        const auto pg = burst(spec(kPostgres, "{}"), 3);
        if (!pg)
            QSKIP("the machine was too slow to put 3 requests in one second");
        QCOMPARE(*pg, QStringList({"", "", "RequestLimitExceeded"}));
        const auto cdb = burst(spec(Product{"cdb", "2017-03-20", "DescribeTasks"}, "{}"), 3);
        if (!cdb)
            QSKIP("the machine was too slow to put 3 requests in one second");
        QCOMPARE(*cdb, QStringList({"", "", ""}));

        m_emu->setActionError(QStringLiteral("redis"), QStringLiteral("DescribeTaskInfo"),
                              QStringLiteral("AuthFailure.UnauthorizedOperation"),
                              QStringLiteral("no redis"));
        QCOMPARE(query(kRedis, "18215").errorCode(), QStringLiteral("AuthFailure.UnauthorizedOperation"));
        QCOMPARE(list(kRedisList, {}).errorCode(), QString());
        QCOMPARE(query(kCdb, {}).errorCode(), QString());
        m_emu->setActionError(QStringLiteral("DescribeAsyncRequestInfo"), QStringLiteral("FailedOperation"));
        QCOMPARE(query(kCdb, {}).errorCode(), QStringLiteral("FailedOperation"));
        QCOMPARE(query(kMongodb, "4762").errorCode(), QString()); // the cdb overload is cdb's only
    }

    void redisListFiltersAndPaging() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<std::tuple<const char*, const char*, const char*, int>> rows = {
            {"7001", "succeed", "crs-a", 1},
            {"7002", "running", "crs-a", 2},
            {"7003", "failed", "crs-b", 3},
            {"7004", "preparing", "crs-b", 4},
            {"7005", "error", "crs-a", 5}};
        for (const auto& [id, status, instance, ageMin] : rows) {
            ScriptedTask t = productTask("redis", id, {at(0, status)});
            t.startedAt = now.addSecs(-60 * ageMin);
            t.instanceIds = {QString::fromLatin1(instance)};
            t.instanceName = QStringLiteral("name-") + QString::fromLatin1(instance);
            t.taskType = ageMin % 2 ? QStringLiteral("037") : QStringLiteral("020");
            t.operatorUin = QStringLiteral("100%1").arg(ageMin);
            QVERIFY(m_emu->addTask(t));
        }
        ScriptedTask old = productTask("redis", "7000", {at(0, "succeed")});
        old.startedAt = now.addDays(-31); // outside the listing's 30 days
        QVERIFY(m_emu->addTask(old));
        m_emu->addTask(
            productTask("redis", "18215", {at(0, "running")})); // replaced: started by its first query
        HttpResponse r = list(kRedisList, {{"Limit", 2}, {"Offset", 2}, {"InstanceId", "crs-a"}});
        QCOMPARE(r.errorCode(), QString());
        QCOMPARE(r.response().value("TotalCount").toInt(), 3);
        QCOMPARE(idsOf(r, "Tasks"), QStringList({"7005"}));
        QCOMPARE(idsOf(list(kRedisList, {{"InstanceId", "crs-a"}}), "Tasks"),
                 QStringList({"7001", "7002", "7005"}));
        QCOMPARE(idsOf(list(kRedisList, {{"Result", QJsonArray{4}}}), "Tasks"),
                 QStringList({"7003", "7005"}));
        QCOMPARE(idsOf(list(kRedisList, {{"Result", QJsonArray{0, 2}}}), "Tasks"),
                 QStringList({"7001", "7004"}));
        QCOMPARE(idsOf(list(kRedisList, {{"TaskTypes", QJsonArray{"020"}}}), "Tasks"),
                 QStringList({"7002", "7004"}));
        QCOMPARE(idsOf(list(kRedisList, {{"InstanceName", "name-crs-b"}}), "Tasks"),
                 QStringList({"7003", "7004"}));
        QCOMPARE(idsOf(list(kRedisList, {{"OperateUin", QJsonArray{"1003"}}}), "Tasks"),
                 QStringList({"7003"}));
        const QJsonObject first =
            list(kRedisList, {{"InstanceId", "crs-a"}}).response().value("Tasks")[0].toObject();
        QCOMPARE(first.value("Result").toInt(), 2);
        QCOMPARE(first.value("Progress").toDouble(), 1.0);
        QCOMPARE(first.value("InstanceName").toString(), QStringLiteral("name-crs-a"));
        QVERIFY(!first.value("EndTime").toString().isEmpty());
        for (const QJsonObject& bad :
             {QJsonObject{{"Limit", 2}, {"Offset", 1}}, QJsonObject{{"Limit", 101}},
              QJsonObject{{"Result", QJsonArray{3}}}, QJsonObject{{"BeginTime", "yesterday"}}})
            QCOMPARE(list(kRedisList, bad).errorCode(), QStringLiteral("InvalidParameterValue"));
        QCOMPARE(list(kRedisList, {{"TaskStatus", QJsonArray{1}}, {"ProjectIds", QJsonArray{0}}}).errorCode(),
                 QString());
    }

    void postgresListFiltersAndPaging() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 1; i <= 4; ++i) {
            ScriptedTask t =
                productTask("postgres", QByteArray::number(8000 + i).constData(), {at(0, "Running")});
            t.startedAt = now.addSecs(-60 * i);
            t.instanceIds = {i % 2 ? QStringLiteral("postgres-odd") : QStringLiteral("postgres-even")};
            QVERIFY(m_emu->addTask(t));
        }
        ScriptedTask old = productTask("postgres", "8000", {at(0, "Success")});
        old.startedAt = now.addDays(-200);
        QVERIFY(m_emu->addTask(old));
        m_emu->addTask(productTask("postgres", "912", {at(0, "Running")}));
        m_emu->addTask(productTask("postgres", "912", {}));
        HttpResponse r = list(kPostgres, {{"DBInstanceId", "postgres-odd"}});
        QCOMPARE(idsOf(r, "TaskSet"), QStringList({"8001", "8003"}));
        QCOMPARE(r.response().value("TotalCount").toInt(), 2);
        QCOMPARE(
            idsOf(list(kPostgres, {{"DBInstanceId", "postgres-odd"}, {"OrderByType", "asc"}}), "TaskSet"),
            QStringList({"8003", "8001"}));
        r = list(kPostgres, {{"MinStartTime", "2000-01-01 00:00:00"}, {"Limit", 2}, {"Offset", 3}});
        QCOMPARE(r.response().value("TotalCount").toInt(), 6);
        QCOMPARE(idsOf(r, "TaskSet"), QStringList({"8003", "8004"}));
        QVERIFY(!idsOf(list(kPostgres, {{"Limit", 100}}), "TaskSet").contains("8000")); // older than 180 days
        QCOMPARE(pgItem("8000").value("Status").toString(), QStringLiteral("Success")); // by id it is known
        for (const QJsonObject& bad :
             {QJsonObject{{"Limit", 0}}, QJsonObject{{"OrderBy", "Name"}}, QJsonObject{{"OrderByType", "up"}},
              QJsonObject{{"MaxStartTime", "soon"}}})
            QCOMPARE(list(kPostgres, bad).errorCode(), QStringLiteral("InvalidParameterValue"));
    }

    void demoProductTasksCoverEveryProduct() {
        QSet<QString> seen;
        Emulator demo;
        for (const ScriptedTask& t : Emulator::demoProductTasks()) {
            QVERIFY2(demo.addTask(t), qPrintable(t.id));
            QCOMPARE(t.region, Emulator::demoRegion());
            const TimelineStep& last = t.steps.last();
            seen.insert(t.product + QLatin1Char(':') + last.status.value_or(QString()));
            if (last.status == QStringLiteral("failed") || last.status == QStringLiteral("Fail"))
                QVERIFY(t.product == QLatin1String("mongodb") || !last.info.value_or(QString()).isEmpty());
        }
        for (const char* want :
             {"mongodb:running", "mongodb:success", "mongodb:failed", "redis:running", "redis:succeed",
              "redis:failed", "postgres:Running", "postgres:Success", "postgres:Fail", "postgres:WaitSwitch"})
            QVERIFY2(seen.contains(QLatin1String(want)), want);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorProducts)
#include "tst_emulator_products.moc"
