// The product adapters: the registry, each product's facts, every documented status word in our vocabulary,
// request bodies byte for byte (ids beyond 2^53 and 2^63 intact), answers with nulls, missing fields and
// wrong types, the window in which an unknown task is still pending, and product-named ids in pasted text.
#include "api/ApiClient.h"
#include "discovery/Discovery.h"
#include "products/NamedTaskIds.h"
#include "products/ProductAdapter.h"
#include "products/Products.h"
#include "task/TaskStatus.h"
#include "task/TextBounds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace taskwatch;

Q_DECLARE_METATYPE(taskwatch::ListQuery)

namespace {
const QString kNone = QStringLiteral("<none>");

QString shown(const std::optional<QString>& v) {
    return v ? *v : kNone;
}

const ProductAdapter& product(const QString& key) {
    const ProductAdapter* p = Products::find(key);
    if (!p)
        qFatal("no product %s", qPrintable(key));
    return *p;
}

// The Response object of a raw body, through the envelope parser the client uses.
QJsonObject responseOf(const QByteArray& raw) {
    QJsonObject response;
    const QueryResult r = ApiClient::parseEnvelope(200, raw, false, {}, &response);
    if (r.kind != ResultKind::Success)
        qWarning("not a successful envelope: %s", raw.constData());
    return response;
}

QByteArray envelope(const QByteArray& responseFields) {
    return "{\"Response\":{" + responseFields + (responseFields.isEmpty() ? "" : ",") +
           "\"RequestId\":\"6ef60bec-0242-43af-bb20-270359fb54a7\"}}";
}

// A poll answer carrying `statusJson` (a JSON value) in the place where the product puts its status.
QByteArray pollAnswerWithStatus(const QString& key, const QByteArray& statusJson) {
    if (key == QLatin1String("postgres"))
        return envelope("\"TotalCount\":1,\"TaskSet\":[{\"TaskId\":912,\"Status\":" + statusJson + "}]");
    return envelope("\"Status\":" + statusJson);
}

QString idFor(const QString& key) {
    return key == QLatin1String("cdb") ? QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7")
                                       : QStringLiteral("912");
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

QStringList named(const NamedTaskIdScan& scan) {
    QStringList out;
    for (const NamedTaskId& n : scan.ids)
        out.append(n.product + QLatin1Char(':') + n.id);
    return out;
}
// pollParsing's postgres rows (DescribeTasks with a TaskId filter).
void addPostgresPollRows() {
    const QByteArray pgTask =
        R"({"TaskId":912,"TaskType":"RestartInstance","DBInstanceId":"postgres-abcd1234",)"
        R"("StartTime":"2026-12-01 16:30:05","EndTime":"","Status":"Running","Progress":40,)"
        R"("TaskDetail":{"CurrentStep":"switch","AllSteps":"[]","Message":"waiting"}})";
    const int found = int(PollAnswer::Kind::Found);
    const int notVisible = int(PollAnswer::Kind::NotVisible);
    const int malformed = int(PollAnswer::Kind::Malformed);

    QTest::newRow("postgres running")
        << "postgres"
        << "912" << envelope("\"TotalCount\":1,\"TaskSet\":[" + pgTask + "]") << found << "RUNNING"
        << "waiting"
        << "";
    QTest::newRow("postgres empty set")
        << "postgres"
        << "912" << envelope(R"("TotalCount":0,"TaskSet":[])") << notVisible << kNone << kNone << "";
    QTest::newRow("postgres null set")
        << "postgres"
        << "912" << envelope(R"("TotalCount":0,"TaskSet":null)") << notVisible << kNone << kNone << "";
    QTest::newRow("postgres missing set")
        << "postgres"
        << "912" << envelope(R"("TotalCount":0)") << notVisible << kNone << kNone << "";
    QTest::newRow("postgres another task")
        << "postgres"
        << "913" << envelope("\"TotalCount\":1,\"TaskSet\":[" + pgTask + "]") << notVisible << kNone << kNone
        << "";
    QTest::newRow("postgres id as text")
        << "postgres"
        << "912" << envelope(R"("TaskSet":[{"TaskId":"912","Status":"Success","TaskDetail":null}])") << found
        << "SUCCESS" << kNone << "";
    QTest::newRow("postgres set object")
        << "postgres"
        << "912" << envelope(R"("TaskSet":{"TaskId":912})") << malformed << kNone << kNone << "TaskSet";
    QTest::newRow("postgres entry string")
        << "postgres"
        << "912" << envelope(R"("TaskSet":["912"])") << malformed << kNone << kNone << "TaskSet[0]";
    QTest::newRow("postgres detail string")
        << "postgres"
        << "912" << envelope(R"("TaskSet":[{"TaskId":912,"Status":"Fail","TaskDetail":"x"}])") << malformed
        << kNone << kNone << "TaskSet[0].TaskDetail";
    QTest::newRow("postgres message number")
        << "postgres"
        << "912" << envelope(R"("TaskSet":[{"TaskId":912,"Status":"Fail","TaskDetail":{"Message":1}}])")
        << malformed << kNone << kNone << "TaskSet[0].TaskDetail.Message";
    QTest::newRow("postgres no task id")
        << "postgres"
        << "912" << envelope(R"("TaskSet":[{"Status":"Fail"}])") << malformed << kNone << kNone << "TaskId";
    QTest::newRow("postgres fractional id")
        << "postgres"
        << "912" << envelope(R"("TaskSet":[{"TaskId":912.5,"Status":"Fail"}])") << malformed << kNone << kNone
        << "TaskId";
}

} // namespace

class TestProductAdapters : public QObject {
    Q_OBJECT
private slots:
    void registryFacts_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("pollAction");
        QTest::addColumn<int>("pollRate");
        QTest::addColumn<QString>("listAction");
        QTest::addColumn<int>("listRate");
        QTest::addColumn<QStringList>("permissions");
        QTest::addColumn<int>("idKind");
        QTest::newRow("cdb") << "cdb"
                             << "2017-03-20"
                             << "DescribeAsyncRequestInfo" << 40 << "DescribeTasks" << Discovery::kMaxRate
                             << QStringList{"cdb:DescribeAsyncRequestInfo", "cdb:DescribeTasks"}
                             << int(IdKind::CdbAsyncRequestId);
        QTest::newRow("mongodb") << "mongodb"
                                 << "2019-07-25"
                                 << "DescribeAsyncRequestInfo" << 20 << "" << 0
                                 << QStringList{"mongodb:DescribeAsyncRequestInfo"}
                                 << int(IdKind::DigitString);
        QTest::newRow("redis") << "redis"
                               << "2018-04-12"
                               << "DescribeTaskInfo" << 20 << "DescribeTaskList" << 100
                               << QStringList{"redis:DescribeTaskInfo", "redis:DescribeTaskList"}
                               << int(IdKind::Integer);
        QTest::newRow("postgres") << "postgres"
                                  << "2017-03-12"
                                  << "DescribeTasks" << 20 << "DescribeTasks" << 20
                                  << QStringList{"postgres:DescribeTasks"} << int(IdKind::Integer);
    }
    void registryFacts() {
        QFETCH(QString, key);
        QFETCH(QString, version);
        QFETCH(QString, pollAction);
        QFETCH(int, pollRate);
        QFETCH(QString, listAction);
        QFETCH(int, listRate);
        QFETCH(QStringList, permissions);
        QFETCH(int, idKind);
        const ProductAdapter* p = Products::find(key);
        QVERIFY(p);
        QCOMPARE(p->key(), key);
        QCOMPARE(p->service(), key); // the host label and the signature's service
        QCOMPARE(p->version(), version);
        QCOMPARE(p->defaultHost(), key + QStringLiteral(".intl.tencentcloudapi.com"));
        QCOMPARE(p->defaultEndpoint(),
                 QStringLiteral("https://") + key + QStringLiteral(".intl.tencentcloudapi.com"));
        QCOMPARE(QString::fromLatin1(p->pollAction().name), pollAction);
        QCOMPARE(p->rateLimit(pollAction), pollRate);
        QCOMPARE(int(p->idKind()), idKind);
        if (listAction.isEmpty()) {
            QVERIFY(!p->listAction());
            QCOMPARE(p->listPageLimit(), 0);
            QVERIFY(p->listBody({}, 0).isEmpty());
            QVERIFY(!p->parseList(QJsonObject()).problem.isEmpty());
        } else {
            QVERIFY(p->listAction());
            QCOMPARE(QString::fromLatin1(p->listAction()->name), listAction);
            QCOMPARE(p->rateLimit(listAction), listRate);
            QCOMPARE(p->listPageLimit(), 100);
        }
        QCOMPARE(p->permissions(), permissions);
        for (const QString& perm : permissions) {
            const QString action = perm.section(QLatin1Char(':'), 1);
            QCOMPARE(p->permission(action), perm);
            QVERIFY(p->permissionHint(action).contains(perm));
        }
        QCOMPARE(p->rateLimit(u"DescribeDBInstances"), 0);
        QVERIFY(p->permission(u"DescribeDBInstances").isEmpty());
        QVERIFY(p->permissionHint(u"DescribeDBInstances").isEmpty());
    }

    void registryLookups() {
        QCOMPARE(Products::keys(), (QStringList{"cdb", "mongodb", "redis", "postgres"}));
        QCOMPARE(Products::all().size(), 4);
        QCOMPARE(Products::find(u"Redis"), Products::find(u"redis"));
        QCOMPARE(Products::find(u" POSTGRES "), Products::find(u"postgres"));
        QVERIFY(Products::find(u"redis"));
        QVERIFY(!Products::find(u"keewidb"));
        QVERIFY(!Products::find(u""));
        QVERIFY(!Products::find(u"redis:"));
        QCOMPARE(Products::find(u"mongodb")->key(), QStringLiteral("mongodb"));
    }

    // Every documented word of every product, through the whole path from the raw body.
    void statusWords_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("ours");
        QTest::addColumn<bool>("terminal");
        const auto row = [](const char* key, const char* vendor, const char* ours, bool terminal) {
            QTest::addRow("%s %s", key, vendor) << key << vendor << ours << terminal;
        };
        row("mongodb", "initial", TaskStatus::Initial, false);
        row("mongodb", "running", TaskStatus::Running, false);
        row("mongodb", "success", TaskStatus::Success, true);
        row("mongodb", "failed", TaskStatus::Failed, true);
        row("mongodb", "undoed", TaskStatus::Failed, true);
        row("mongodb", "paused", TaskStatus::Failed, true);
        row("redis", "preparing", TaskStatus::Initial, false);
        row("redis", "running", TaskStatus::Running, false);
        row("redis", "succeed", TaskStatus::Success, true);
        row("redis", "failed", TaskStatus::Failed, true);
        row("redis", "error", TaskStatus::Failed, true);
        row("postgres", "Running", TaskStatus::Running, false);
        row("postgres", "WaitSwitch", TaskStatus::Waiting, false);
        row("postgres", "Success", TaskStatus::Success, true);
        row("postgres", "Fail", TaskStatus::Failed, true);
        row("postgres", "Pause", TaskStatus::Failed, true);
        row("cdb", "INITIAL", TaskStatus::Initial, false);
        row("cdb", "RUNNING", TaskStatus::Running, false);
        row("cdb", "SUCCESS", TaskStatus::Success, true);
        row("cdb", "FAILED", TaskStatus::Failed, true);
        row("cdb", "KILLED", TaskStatus::Killed, true);
        row("cdb", "REMOVED", TaskStatus::Removed, true);
        row("cdb", "PAUSED", TaskStatus::Paused, false);
        row("cdb", "UNDEFINED", TaskStatus::Undefined, false);
        row("cdb", "WAITING", TaskStatus::Waiting, false);
        // Undocumented words: verbatim and unfinished; never borrowing one of our final words.
        row("mongodb", "archived", "archived", false);
        row("redis", "SUCCESS", TaskStatus::Undefined, false);
        row("postgres", "KILLED", TaskStatus::Undefined, false);
        row("redis", "success", "success", false);
        row("cdb", "SUCCEED", "SUCCEED", false);
        // The vendors' case slips.
        row("postgres", "success", TaskStatus::Success, true);
        row("mongodb", "Failed", TaskStatus::Failed, true);
    }
    void statusWords() {
        QFETCH(QString, key);
        QFETCH(QString, vendor);
        QFETCH(QString, ours);
        QFETCH(bool, terminal);
        const ProductAdapter& p = product(key);
        const QByteArray raw = pollAnswerWithStatus(key, '"' + vendor.toUtf8() + '"');
        const PollAnswer a = p.parsePoll(responseOf(raw), idFor(key));
        QCOMPARE(a.kind, PollAnswer::Kind::Found);
        QCOMPARE(shown(a.reading.status), ours);
        QCOMPARE(shown(a.reading.vendorStatus), vendor);
        QCOMPARE(TaskStatus::isTerminal(a.reading.status), terminal);
    }

    void everyDocumentedWordIsTested() {
        // A word added to a table must come with a row in statusWords_data.
        QCOMPARE(product("mongodb").statusWords().size(), std::size_t(6));
        QCOMPARE(product("redis").statusWords().size(), std::size_t(5));
        QCOMPARE(product("postgres").statusWords().size(), std::size_t(5));
        QCOMPARE(product("cdb").statusWords().size(), std::size_t(9));
        for (const ProductAdapter* p : Products::all()) {
            for (const VendorStatusWord& w : p->statusWords())
                QVERIFY2(TaskStatus::isKnown(QString::fromLatin1(w.ours)) ||
                             QLatin1String(w.ours) == QLatin1String(TaskStatus::Waiting),
                         w.ours);
        }
    }

    void pollBodies_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("cdb") << "cdb"
                             << " F96E4F3C-8FC96C86-2EC79AC8-CB63A7A7 "
                             << QByteArray(R"({"AsyncRequestId":"f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7"})");
        QTest::newRow("cdb numeric") << "cdb"
                                     << "4762" << QByteArray();
        QTest::newRow("mongodb") << "mongodb"
                                 << "4762" << QByteArray(R"({"AsyncRequestId":"4762"})");
        QTest::newRow("mongodb long")
            << "mongodb"
            << "1750660112000249" << QByteArray(R"({"AsyncRequestId":"1750660112000249"})");
        QTest::newRow("mongodb 2^64-1")
            << "mongodb"
            << "18446744073709551615" << QByteArray(R"({"AsyncRequestId":"18446744073709551615"})");
        QTest::newRow("mongodb letters") << "mongodb"
                                         << "47a2" << QByteArray();
        QTest::newRow("redis") << "redis"
                               << "18215" << QByteArray(R"({"TaskId":18215})");
        QTest::newRow("redis blanks") << "redis"
                                      << "\t18215\n"
                                      << QByteArray(R"({"TaskId":18215})");
        QTest::newRow("redis 2^32+") << "redis"
                                     << "4295131269" << QByteArray(R"({"TaskId":4295131269})");
        QTest::newRow("redis 2^53+1") << "redis"
                                      << "9007199254740993" << QByteArray(R"({"TaskId":9007199254740993})");
        QTest::newRow("redis 2^64-1")
            << "redis"
            << "18446744073709551615" << QByteArray(R"({"TaskId":18446744073709551615})");
        QTest::newRow("redis 2^64") << "redis"
                                    << "18446744073709551616" << QByteArray();
        QTest::newRow("redis 21 digits") << "redis"
                                         << "100000000000000000000" << QByteArray();
        QTest::newRow("redis 0") << "redis"
                                 << "0" << QByteArray();
        QTest::newRow("redis leading zero") << "redis"
                                            << "007" << QByteArray();
        QTest::newRow("redis negative") << "redis"
                                        << "-1" << QByteArray();
        QTest::newRow("redis exponent") << "redis"
                                        << "1e3" << QByteArray();
        QTest::newRow("redis empty") << "redis"
                                     << "" << QByteArray();
        QTest::newRow("redis quote") << "redis"
                                     << "1\",\"x\":\"" << QByteArray();
        QTest::newRow("redis arabic digits") << "redis" << QString::fromUtf8("\u0661\u0662") << QByteArray();
        QTest::newRow("postgres") << "postgres"
                                  << "912" << QByteArray(R"({"TaskId":912})");
        QTest::newRow("postgres 2^53+1")
            << "postgres"
            << "9007199254740993" << QByteArray(R"({"TaskId":9007199254740993})");
    }
    void pollBodies() {
        QFETCH(QString, key);
        QFETCH(QString, id);
        QFETCH(QByteArray, body);
        const ProductAdapter& p = product(key);
        QCOMPARE(p.pollBody(id), body);
        QCOMPARE(p.normaliseId(id).has_value(), !body.isEmpty());
        if (!body.isEmpty())
            QVERIFY(QJsonDocument::fromJson(body).isObject());
    }

    void integerBodiesKeepEveryDigit() {
        // What the server reads back from our body is the id we meant, beyond double precision.
        const QByteArray body = product("redis").pollBody(QStringLiteral("9007199254740993"));
        const QVariant back =
            QJsonDocument::fromJson(body).object().value(QStringLiteral("TaskId")).toVariant();
        QCOMPARE(back.typeId(), int(QMetaType::LongLong));
        QCOMPARE(back.toLongLong(), Q_INT64_C(9007199254740993));
        QVERIFY(double(Q_INT64_C(9007199254740993)) == 9007199254740992.0); // a double would have lost it
    }

    void pollParsing_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("info");
        QTest::addColumn<QString>("problemMentions");
        const int found = int(PollAnswer::Kind::Found);
        const int notVisible = int(PollAnswer::Kind::NotVisible);
        const int malformed = int(PollAnswer::Kind::Malformed);
        const QString cdbId = QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");

        QTest::newRow("cdb example") << "cdb" << cdbId
                                     << envelope(R"("Info":"删除库表成功","Status":"SUCCESS")") << found
                                     << "SUCCESS" << QString::fromUtf8("删除库表成功") << "";
        QTest::newRow("cdb nulls") << "cdb" << cdbId << envelope(R"("Info":null,"Status":null)") << found
                                   << kNone << kNone << "";
        QTest::newRow("cdb missing") << "cdb" << cdbId << envelope("") << found << kNone << kNone << "";
        QTest::newRow("cdb status number")
            << "cdb" << cdbId << envelope(R"("Status":5)") << malformed << kNone << kNone << "Status";
        QTest::newRow("cdb info object") << "cdb" << cdbId << envelope(R"("Status":"RUNNING","Info":{})")
                                         << malformed << kNone << kNone << "Info";

        QTest::newRow("mongodb example")
            << "mongodb"
            << "4762" << envelope(R"("Status":"success")") << found << "SUCCESS" << kNone << "";
        QTest::newRow("mongodb times") << "mongodb"
                                       << "4762"
                                       << envelope(R"("Status":"running","StartTime":"2022-05-30 15:00:00",)"
                                                   R"("EndTime":null)")
                                       << found << "RUNNING" << kNone << "";
        QTest::newRow("mongodb no status") << "mongodb"
                                           << "4762" << envelope("") << notVisible << kNone << kNone << "";
        QTest::newRow("mongodb null status")
            << "mongodb"
            << "4762" << envelope(R"("Status":null)") << notVisible << kNone << kNone << "";
        QTest::newRow("mongodb status list")
            << "mongodb"
            << "4762" << envelope(R"("Status":["success"])") << malformed << kNone << kNone << "Status";
        QTest::newRow("mongodb start time number")
            << "mongodb"
            << "4762" << envelope(R"("Status":"success","StartTime":1)") << malformed << kNone << kNone
            << "StartTime";

        QTest::newRow("redis failed")
            << "redis"
            << "18215"
            << envelope(R"("Status":"error","StartTime":"2026-12-01 16:30:05",)"
                        R"("TaskType":"redis缓存清空流程","InstanceId":"crs-abcd1234",)"
                        R"("TaskMessage":"disk full")")
            << found << "FAILED"
            << "disk full"
            << "";
        QTest::newRow("redis running empty message")
            << "redis"
            << "18215" << envelope(R"("Status":"running","TaskMessage":"")") << found << "RUNNING" << kNone
            << "";
        QTest::newRow("redis null fields")
            << "redis"
            << "18215"
            << envelope(
                   R"("Status":"succeed","TaskMessage":null,"TaskType":null,"InstanceId":null,"StartTime":null)")
            << found << "SUCCESS" << kNone << "";
        QTest::newRow("redis no status")
            << "redis"
            << "18215" << envelope(R"("TaskMessage":"")") << notVisible << kNone << kNone << "";
        QTest::newRow("redis message number") << "redis"
                                              << "18215" << envelope(R"("Status":"failed","TaskMessage":7)")
                                              << malformed << kNone << kNone << "TaskMessage";

        addPostgresPollRows();
    }
    void pollParsing() {
        QFETCH(QString, key);
        QFETCH(QString, id);
        QFETCH(QByteArray, raw);
        QFETCH(int, kind);
        QFETCH(QString, status);
        QFETCH(QString, info);
        QFETCH(QString, problemMentions);
        const PollAnswer a = product(key).parsePoll(responseOf(raw), id);
        QCOMPARE(int(a.kind), kind);
        QCOMPARE(shown(a.reading.status), status);
        QCOMPARE(shown(a.info), info);
        if (kind == int(PollAnswer::Kind::Malformed))
            QVERIFY2(a.problem.contains(problemMentions), qPrintable(a.problem));
        else
            QVERIFY(a.problem.isEmpty());
    }

    void pollFacts() {
        const PollAnswer redis = product("redis").parsePoll(
            responseOf(
                envelope(R"("Status":"running","StartTime":"2026-12-01 16:30:05",)"
                         R"("TaskType":"redis缓存清空流程","InstanceId":"crs-abcd1234","TaskMessage":"")")),
            QStringLiteral("18215"));
        QCOMPARE(redis.facts.instanceId, QStringLiteral("crs-abcd1234"));
        QCOMPARE(redis.facts.taskType, QString::fromUtf8("redis缓存清空流程"));
        QCOMPARE(redis.facts.startedAt, utc(2026, 12, 1, 8, 30, 5)); // China Standard Time
        QCOMPARE(redis.reading.vendorStatus, std::optional<QString>(QStringLiteral("running")));

        const PollAnswer pg =
            product("postgres")
                .parsePoll(responseOf(envelope(
                               R"("TaskSet":[{"TaskId":912,"Status":"Success","Progress":150,)"
                               R"("StartTime":"2026-12-01 16:30:05","EndTime":"2026-12-01 16:31:00"}])")),
                           QStringLiteral("912"));
        QCOMPARE(pg.kind, PollAnswer::Kind::Found);
        QCOMPARE(pg.facts.progress, std::optional<int>(100));
        QCOMPARE(pg.facts.endedAt, utc(2026, 12, 1, 8, 31, 0));

        const PollAnswer mongo = product("mongodb").parsePoll(
            responseOf(envelope(R"("Status":"success","StartTime":"2022-05-30 15:00:00","EndTime":"")")),
            QStringLiteral("4762"));
        QCOMPARE(mongo.facts.startedAt, utc(2022, 5, 30, 7, 0, 0));
        QVERIFY(!mongo.facts.endedAt.isValid());
        QVERIFY(!mongo.info);
    }

    void longServerTextIsBounded() {
        const QByteArray huge(200 * 1024, 'x');
        const PollAnswer a = product("redis").parsePoll(
            responseOf(envelope("\"Status\":\"" + huge + "\",\"TaskMessage\":\"" + huge + "\"")),
            QStringLiteral("18215"));
        QCOMPARE(a.kind, PollAnswer::Kind::Found);
        QVERIFY(a.reading.vendorStatus->size() < 200);
        QVERIFY(a.reading.status->size() < 200);
        QVERIFY(a.info->size() < kMaxInfoChars + 100);
    }

    void wrongTypesNeverCrash() {
        // Every field of every answer, given every kind of JSON value: a reading or a problem, nothing else.
        const QList<QByteArray> values{
            "null", "1", "-1", "1.5", "1e300", "\"x\"", "\"\"", "[]", "[1]", "{}", "{\"Message\":[]}",
            "true"};
        const QList<QByteArray> fields{"Status",    "Info",    "TaskMessage", "TaskType",   "InstanceId",
                                       "StartTime", "EndTime", "TaskSet",     "TotalCount", "Tasks"};
        for (const ProductAdapter* p : Products::all()) {
            for (const QByteArray& field : fields) {
                for (const QByteArray& value : values) {
                    const QJsonObject response = responseOf(envelope('"' + field + "\":" + value));
                    const PollAnswer a = p->parsePoll(response, idFor(p->key()));
                    QVERIFY(a.kind != PollAnswer::Kind::Malformed || !a.problem.isEmpty());
                    const ListPage page = p->parseList(response);
                    QVERIFY(page.totalCount >= 0);
                }
                for (const QByteArray& value : values) {
                    const QJsonObject inner =
                        responseOf(envelope("\"TaskSet\":[{\"TaskId\":912,\"" + field + "\":" + value +
                                            ",\"TaskDetail\":" + value + "}],\"Tasks\":[{\"TaskId\":1,\"" +
                                            field + "\":" + value + "}]"));
                    const PollAnswer a = p->parsePoll(inner, idFor(p->key()));
                    QVERIFY(a.kind != PollAnswer::Kind::Malformed || !a.problem.isEmpty());
                    (void)p->parseList(inner);
                }
            }
        }
    }

    void notFoundErrors_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("notFound");
        QTest::newRow("cdb unknown id") << "cdb"
                                        << "InvalidParameter.InvalidAsyncRequestId" << true;
        QTest::newRow("cdb generic") << "cdb"
                                     << "InvalidParameter" << false;
        QTest::newRow("redis parameter") << "redis"
                                         << "InvalidParameter.InvalidParameter" << true;
        QTest::newRow("redis permission") << "redis"
                                          << "InvalidParameter.PermissionDenied" << false;
        QTest::newRow("mongodb permission") << "mongodb"
                                            << "InvalidParameter.PermissionDenied" << false;
        QTest::newRow("mongodb status") << "mongodb"
                                        << "InvalidParameterValue.StatusAbnormal" << false;
        QTest::newRow("postgres parameter") << "postgres"
                                            << "InvalidParameterValue.InvalidParameterValueError" << false;
    }
    void notFoundErrors() {
        QFETCH(QString, key);
        QFETCH(QString, code);
        QFETCH(bool, notFound);
        // From the raw error body, as the client sees it.
        const QueryResult r =
            ApiClient::parseEnvelope(200,
                                     "{\"Response\":{\"Error\":{\"Code\":\"" + code.toUtf8() +
                                         "\",\"Message\":\"m\"},\"RequestId\":\"r\"}}",
                                     false);
        QCOMPARE(r.kind, ResultKind::ApiError);
        QCOMPARE(product(key).isNotFoundError(r.errorCode), notFound);
    }

    void unseenWindow_data() {
        QTest::addColumn<qint64>("addedAt");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<bool>("pending");
        const qint64 t = 1'000'000;
        QTest::newRow("just added") << t << t << true;
        QTest::newRow("29.999 s") << t << t + 29'999 << true;
        QTest::newRow("30 s") << t << t + 30'000 << false;
        QTest::newRow("30.001 s") << t << t + 30'001 << false;
        QTest::newRow("an hour") << t << t + 3'600'000 << false;
        QTest::newRow("clock went back") << t << t - 5'000 << true;
        QTest::newRow("from zero") << qint64(0) << qint64(29'999) << true;
    }
    void unseenWindow() {
        QFETCH(qint64, addedAt);
        QFETCH(qint64, now);
        QFETCH(bool, pending);
        QCOMPARE(kUnseenGraceMs, qint64(30'000));
        QCOMPARE(unseenVerdict(addedAt, now), pending ? UnseenVerdict::Pending : UnseenVerdict::NotFound);
    }

    void listBodies_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<ListQuery>("query");
        QTest::addColumn<int>("page");
        QTest::addColumn<QByteArray>("body");
        ListQuery all;
        ListQuery narrow;
        narrow.since = utc(2026, 12, 1, 8, 0, 0);
        narrow.until = utc(2026, 12, 2, 8, 0, 0);
        narrow.onlyUnfinished = true;
        ListQuery lookback; // nothing older than 30 days reaches redis
        lookback.since = utc(2026, 10, 1, 0, 0, 0);
        lookback.now = utc(2026, 12, 31, 0, 0, 0);
        ListQuery recent = lookback;
        recent.since = utc(2026, 12, 30, 0, 0, 0);

        QTest::newRow("redis all") << "redis" << all << 0 << QByteArray(R"({"Limit":100,"Offset":0})");
        narrow.instanceId = QStringLiteral("crs-abcd1234");
        QTest::newRow("redis narrow") << "redis" << narrow << 2
                                      << QByteArray(R"({"BeginTime":"2026-12-01 16:00:00","EndTime":)"
                                                    R"("2026-12-02 16:00:00","InstanceId":"crs-abcd1234",)"
                                                    R"("Limit":100,"Offset":200,"Result":[0,1]})");
        QTest::newRow("redis lookback")
            << "redis" << lookback << 0
            << QByteArray(R"({"BeginTime":"2026-12-01 08:01:00","Limit":100,"Offset":0})");
        QTest::newRow("redis recent")
            << "redis" << recent << 1
            << QByteArray(R"({"BeginTime":"2026-12-30 08:00:00","Limit":100,"Offset":100})");
        QTest::newRow("postgres all") << "postgres" << all << 0
                                      << QByteArray(R"({"Limit":100,"Offset":0,"OrderBy":"StartTime",)"
                                                    R"("OrderByType":"desc"})");
        narrow.instanceId = QStringLiteral("postgres-abcd1234");
        QTest::newRow("postgres narrow")
            << "postgres" << narrow << 1
            << QByteArray(R"({"DBInstanceId":"postgres-abcd1234","Limit":100,)"
                          R"("MaxStartTime":"2026-12-02 16:00:00","MinStartTime":)"
                          R"("2026-12-01 16:00:00","Offset":100,"OrderBy":"StartTime",)"
                          R"("OrderByType":"desc"})");
        narrow.instanceId = QStringLiteral("cdb-c1nl9rpv");
        QTest::newRow("cdb narrow") << "cdb" << narrow << 0
                                    << QByteArray(R"({"InstanceId":"cdb-c1nl9rpv","Limit":100,"Offset":0,)"
                                                  R"("StartTimeBegin":"2026-12-01 16:00:00","StartTimeEnd":)"
                                                  R"("2026-12-02 16:00:00","TaskStatus":[-1,0,1,6]})");
        QTest::newRow("mongodb") << "mongodb" << narrow << 0 << QByteArray();
    }
    void listBodies() {
        QFETCH(QString, key);
        QFETCH(ListQuery, query);
        QFETCH(int, page);
        QFETCH(QByteArray, body);
        QCOMPARE(product(key).listBody(query, page), body);
    }

    void redisListing() {
        const QByteArray raw = envelope(
            R"("TotalCount":7,"Tasks":[)"
            R"({"TaskId":9007199254740993,"StartTime":"2026-12-01 16:30:05","TaskType":"037","InstanceName":"n",)"
            R"("InstanceId":"crs-abcd1234","ProjectId":0,"Progress":1,"EndTime":"2026-12-01 16:31:05","Result":2},)"
            R"({"TaskId":"18446744073709551615","Progress":0.5,"Result":1},)"
            R"({"TaskId":4295131269,"Progress":7,"Result":3,"EndTime":"0000-00-00 00:00:00"},)"
            R"({"TaskId":18446744073709551615,"Result":2},)" // beyond what a JSON number keeps: skipped
            R"({"TaskId":42,"Result":"2"},)"
            R"("not an object",)"
            R"({"Result":4}])");
        const ListPage page = product("redis").parseList(responseOf(raw));
        QVERIFY(page.problem.isEmpty());
        QCOMPARE(page.totalCount, 7);
        QCOMPARE(page.malformed, 4);
        QCOMPARE(page.items.size(), 3);
        const ListItem& done = page.items.at(0);
        QCOMPARE(done.id, QStringLiteral("9007199254740993"));
        QCOMPARE(done.reading, (StatusReading{QStringLiteral("SUCCESS"), QStringLiteral("2")}));
        QCOMPARE(done.facts.progress, std::optional<int>(100));
        QCOMPARE(done.facts.taskType, QStringLiteral("037"));
        QCOMPARE(done.facts.instanceId, QStringLiteral("crs-abcd1234"));
        QCOMPARE(done.facts.startedAt, utc(2026, 12, 1, 8, 30, 5));
        QCOMPARE(done.facts.endedAt, utc(2026, 12, 1, 8, 31, 5));
        QCOMPARE(page.items.at(1).id, QStringLiteral("18446744073709551615"));
        QCOMPARE(page.items.at(1).reading.status, std::optional<QString>(QStringLiteral("RUNNING")));
        QCOMPARE(page.items.at(1).facts.progress, std::optional<int>(50));
        QCOMPARE(page.items.at(2).id, QStringLiteral("4295131269"));
        QCOMPARE(page.items.at(2).reading, (StatusReading{QStringLiteral("3"), QStringLiteral("3")}));
        QVERIFY(!page.items.at(2).facts.progress);
        QVERIFY(!page.items.at(2).facts.endedAt.isValid());

        ListQuery unfinished;
        unfinished.onlyUnfinished = true;
        QVERIFY(!listMatches(unfinished, page.items.at(0)));
        QVERIFY(listMatches(unfinished, page.items.at(1)));
        QVERIFY(listMatches(ListQuery(), page.items.at(0)));
    }

    void redisResultCodes_data() {
        QTest::addColumn<int>("result");
        QTest::addColumn<QString>("ours");
        QTest::newRow("0 init") << 0 << "INITIAL";
        QTest::newRow("1 running") << 1 << "RUNNING";
        QTest::newRow("2 done") << 2 << "SUCCESS";
        QTest::newRow("4 failed") << 4 << "FAILED";
        QTest::newRow("3 undocumented") << 3 << "3";
        QTest::newRow("-1 undocumented") << -1 << "-1";
    }
    void redisResultCodes() {
        QFETCH(int, result);
        QFETCH(QString, ours);
        const ListPage page = product("redis").parseList(
            responseOf(envelope("\"Tasks\":[{\"TaskId\":1,\"Result\":" + QByteArray::number(result) + "}]")));
        QCOMPARE(page.items.size(), 1);
        QCOMPARE(shown(page.items.at(0).reading.status), ours);
        QCOMPARE(shown(page.items.at(0).reading.vendorStatus), QString::number(result));
    }

    void postgresListing() {
        const QByteArray raw = envelope(
            R"("TotalCount":3,"TaskSet":[)"
            R"({"TaskId":912,"TaskType":"RestartInstance","DBInstanceId":"postgres-abcd1234","StartTime":)"
            R"("2026-12-01 16:30:05","EndTime":"","Status":"WaitSwitch","Progress":60,"TaskDetail":)"
            R"({"Message":"waiting for the window","SwitchTag":2}},)"
            R"({"TaskId":4295131269,"Status":"Success","Progress":100,"EndTime":"2026-12-01 16:40:00"},)"
            R"({"TaskId":913,"Status":"Fail","Progress":"x"}])");
        const ListPage page = product("postgres").parseList(responseOf(raw));
        QVERIFY(page.problem.isEmpty());
        QCOMPARE(page.totalCount, 3);
        QCOMPARE(page.malformed, 1);
        QCOMPARE(page.items.size(), 2);
        const ListItem& waiting = page.items.at(0);
        QCOMPARE(waiting.id, QStringLiteral("912"));
        QCOMPARE(waiting.reading, (StatusReading{QStringLiteral("WAITING"), QStringLiteral("WaitSwitch")}));
        QCOMPARE(waiting.info, std::optional<QString>(QStringLiteral("waiting for the window")));
        QCOMPARE(waiting.facts.progress, std::optional<int>(60));
        QCOMPARE(waiting.facts.instanceId, QStringLiteral("postgres-abcd1234"));
        QCOMPARE(waiting.facts.taskType, QStringLiteral("RestartInstance"));
        QVERIFY(!waiting.facts.endedAt.isValid());
        QCOMPARE(page.items.at(1).id, QStringLiteral("4295131269"));

        ListQuery query;
        query.onlyUnfinished = true;
        QVERIFY(listMatches(query, waiting));
        QVERIFY(!listMatches(query, page.items.at(1)));
        query.instanceId = QStringLiteral("postgres-other123");
        QVERIFY(!listMatches(query, waiting));
    }

    void cdbListing() {
        const QByteArray raw = envelope(
            R"("TotalCount":2,"Items":[{"Code":0,"Message":"","JobId":1,"Progress":40,"TaskStatus":"SUCCEED",)"
            R"("TaskType":"MODIFY PARAM","StartTime":"2026-12-01 16:30:05","EndTime":"",)"
            R"("InstanceIds":["cdb-c1nl9rpv"],"AsyncRequestId":"F96E4F3C-8FC96C86-2EC79AC8-CB63A7A7"},)"
            R"({"Code":0,"JobId":2,"TaskStatus":"RUNNING"}])");
        const ListPage page = product("cdb").parseList(responseOf(raw));
        QCOMPARE(page.totalCount, 2);
        QCOMPARE(page.items.size(), 1);
        QCOMPARE(page.malformed, 1); // a job without an AsyncRequestId cannot be polled
        QCOMPARE(page.items.at(0).id, QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7"));
        QCOMPARE(page.items.at(0).reading.status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(page.items.at(0).facts.instanceId, QStringLiteral("cdb-c1nl9rpv"));
        QCOMPARE(page.items.at(0).facts.progress, std::optional<int>(40));
    }

    void listPageProblems_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QString>("problemMentions");
        QTest::addColumn<int>("items");
        QTest::newRow("redis tasks string") << "redis" << QByteArray(R"("Tasks":"x")") << "Tasks" << 0;
        QTest::newRow("redis total text")
            << "redis" << QByteArray(R"("TotalCount":"5","Tasks":[])") << "TotalCount" << 0;
        QTest::newRow("redis tasks null")
            << "redis" << QByteArray(R"("TotalCount":null,"Tasks":null)") << "" << 0;
        QTest::newRow("redis missing") << "redis" << QByteArray() << "" << 0;
        QTest::newRow("postgres set object") << "postgres" << QByteArray(R"("TaskSet":{})") << "TaskSet" << 0;
        QTest::newRow("postgres total fraction")
            << "postgres" << QByteArray(R"("TotalCount":1.5,"TaskSet":[])") << "TotalCount" << 0;
        QTest::newRow("postgres no total")
            << "postgres" << QByteArray(R"("TaskSet":[{"TaskId":1}])") << "" << 1;
    }
    void listPageProblems() {
        QFETCH(QString, key);
        QFETCH(QByteArray, fields);
        QFETCH(QString, problemMentions);
        QFETCH(int, items);
        const ListPage page = product(key).parseList(responseOf(envelope(fields)));
        if (problemMentions.isEmpty()) {
            QVERIFY2(page.problem.isEmpty(), qPrintable(page.problem));
        } else {
            QVERIFY2(page.problem.contains(problemMentions), qPrintable(page.problem));
        }
        QCOMPARE(page.items.size(), items);
        QCOMPARE(page.totalCount, items);
    }

    void listPagesAreBounded() {
        QJsonArray tasks;
        for (int i = 1; i <= ListPage::kMaxListItems + 5; ++i)
            tasks.append(QJsonObject{{QStringLiteral("TaskId"), i}, {QStringLiteral("Result"), 1}});
        const ListPage page = product("redis").parseList(QJsonObject{{QStringLiteral("Tasks"), tasks}});
        QCOMPARE(page.items.size(), ListPage::kMaxListItems);
        QCOMPARE(page.malformed, 5);
    }

    void namedIds_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("bare");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<int>("duplicates");
        QTest::addColumn<int>("rejected");
        const QString none;
        QTest::newRow("mongodb") << "mongodb:4762" << none << QStringList{"mongodb:4762"} << 0 << 0;
        QTest::newRow("mixed sentence")
            << "Restarted: Redis: 18215, postgres:912 and cdb:F96E4F3C-8FC96C86-2EC79AC8-CB63A7A7." << none
            << QStringList{"redis:18215", "postgres:912", "cdb:f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7"} << 0
            << 0;
        QTest::newRow("in json") << "{\"note\":\"redis:18215\",\"other\":\"MONGODB :\t4762\"}" << none
                                 << QStringList{"redis:18215", "mongodb:4762"} << 0 << 0;
        QTest::newRow("beyond 2^53") << "redis:9007199254740993 postgres:18446744073709551615" << none
                                     << QStringList{"redis:9007199254740993", "postgres:18446744073709551615"}
                                     << 0 << 0;
        QTest::newRow("not ids") << "redis:0 redis:007 redis:18446744073709551616 mongodb:abc redis:18215abc"
                                 << none << QStringList() << 0 << 5;
        QTest::newRow("cdb named number") << "cdb:4762" << none << QStringList() << 0 << 1;
        QTest::newRow("glued key") << "myredis:18215 redis_x:1" << none << QStringList() << 0 << 0;
        QTest::newRow("url") << "redis://10.0.0.1:6379/0 mongodb://host:27017" << none << QStringList() << 0
                             << 0;
        QTest::newRow("duplicates") << "redis:1\nREDIS:1 redis: 1" << none << QStringList{"redis:1"} << 2
                                    << 0;
        QTest::newRow("same number two products")
            << "redis:18215 mongodb:18215 postgres:18215" << none
            << QStringList{"redis:18215", "mongodb:18215", "postgres:18215"} << 0 << 0;
        QTest::newRow("unknown product") << "keewidb:18215 tdsql:1" << none << QStringList() << 0 << 0;
        QTest::newRow("bare numbers off") << "task 18215 done" << none << QStringList() << 0 << 0;
        QTest::newRow("bare numbers")
            << "tasks 18215, 42372 at 2026-12-01 16:30:05 on v1.2.3 via 10.0.0.1, then 0 and 007. Last: 327."
            << "redis" << QStringList{"redis:18215", "redis:42372", "redis:327"} << 0 << 0;
        QTest::newRow("bare json value") << R"({"TaskId":18215,"FlowId":"42372"})"
                                         << "Redis" << QStringList{"redis:18215", "redis:42372"} << 0 << 0;
        QTest::newRow("bare with named")
            << "postgres:912 18215 912"
            << "redis" << QStringList{"postgres:912", "redis:18215", "redis:912"} << 0 << 0;
        QTest::newRow("bare beside named duplicates") << "postgres:912 912"
                                                      << "postgres" << QStringList{"postgres:912"} << 1 << 0;
        QTest::newRow("bare cdb ignored") << "18215 f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7"
                                          << "cdb" << QStringList() << 0 << 0;
        QTest::newRow("bare unknown product") << "18215"
                                              << "nosuch" << QStringList() << 0 << 0;
        QTest::newRow("bare glued") << "abc18215 18215x 18215-1 crs-18215 1/2"
                                    << "redis" << QStringList() << 0 << 0;
        QTest::newRow("bare too long") << "123456789012345678901234567890"
                                       << "mongodb" << QStringList() << 0 << 0;
        QTest::newRow("empty") << ""
                               << "redis" << QStringList() << 0 << 0;
    }
    void namedIds() {
        QFETCH(QString, text);
        QFETCH(QString, bare);
        QFETCH(QStringList, ids);
        QFETCH(int, duplicates);
        QFETCH(int, rejected);
        const NamedTaskIdScan scan = NamedTaskIds::extract(text, bare);
        QCOMPARE(named(scan), ids);
        QCOMPARE(scan.duplicates, duplicates);
        QCOMPARE(scan.rejectedCount, rejected);
        QCOMPARE(scan.rejected.size(), rejected);
        QVERIFY(!scan.cut);
    }

    void namedIdsFromGarbage() {
        QRandomGenerator rng(20261201);
        const QString alphabet = QStringLiteral("redis:mongodbpostgrecdb0123456789 -_.:/\n\"{}") +
                                 QChar(0xd83d) + QChar(0xde00) + QChar(0x202e) + QChar(0);
        for (int round = 0; round < 200; ++round) {
            QString text;
            const int length = int(rng.bounded(400));
            for (int i = 0; i < length; ++i)
                text.append(alphabet.at(int(rng.bounded(alphabet.size()))));
            const NamedTaskIdScan scan = NamedTaskIds::extract(text, u"redis");
            for (const NamedTaskId& id : scan.ids)
                QVERIFY(Products::find(id.product)->normaliseId(id.id) == id.id);
        }
        // A lone high surrogate at the end, and text beyond the bound.
        QVERIFY(NamedTaskIds::extract(QString(QChar(0xd83d))).ids.isEmpty());
        QString big = QStringLiteral("redis:1 ");
        big.append(QString(NamedTaskIdScan::kMaxTextChars, QLatin1Char('x')));
        big.append(QStringLiteral(" redis:2"));
        const NamedTaskIdScan scan = NamedTaskIds::extract(big);
        QVERIFY(scan.cut);
        QCOMPARE(named(scan), QStringList{"redis:1"});
    }

    void namedIdsAreBoundedInNumber() {
        QString text;
        for (int i = 1; i <= NamedTaskIdScan::kMaxIds + 3; ++i)
            text += QStringLiteral("redis:%1 ").arg(i);
        const NamedTaskIdScan scan = NamedTaskIds::extract(text);
        QCOMPARE(scan.ids.size(), NamedTaskIdScan::kMaxIds);
        QVERIFY(scan.cut);
        QString rejects;
        for (int i = 0; i < NamedTaskIdScan::kMaxReportedRejects + 10; ++i)
            rejects += QStringLiteral("redis:0 ");
        const NamedTaskIdScan r = NamedTaskIds::extract(rejects);
        QCOMPARE(r.rejectedCount, NamedTaskIdScan::kMaxReportedRejects + 10);
        QCOMPARE(r.rejected.size(), NamedTaskIdScan::kMaxReportedRejects);
    }
};

QTEST_GUILESS_MAIN(TestProductAdapters)
#include "tst_productadapters.moc"
