// Discovery: the vendor's words and zone-less times mapped to ours, page parsing (malformed items skipped and
// counted), filters, request bodies, --since, and the stored form of the facts.
#include "discovery/Discovery.h"
#include "task/DiscoveryFacts.h"
#include "task/TaskKey.h"
#include "task/TaskStatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace taskwatch;

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi, int s) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

QJsonObject item(qint64 jobId, const QString& asyncId, const QString& status, const QString& start,
                 const QString& end = {}) {
    return QJsonObject{{QStringLiteral("Code"), 0},
                       {QStringLiteral("Message"), QString()},
                       {QStringLiteral("JobId"), jobId},
                       {QStringLiteral("Progress"), 40},
                       {QStringLiteral("TaskStatus"), status},
                       {QStringLiteral("TaskType"), QStringLiteral("MODIFY PARAM")},
                       {QStringLiteral("StartTime"), start},
                       {QStringLiteral("EndTime"), end},
                       {QStringLiteral("InstanceIds"), QJsonArray{QStringLiteral("cdb-c1nl9rpv")}},
                       {QStringLiteral("AsyncRequestId"), asyncId},
                       {QStringLiteral("TaskAttachInfo"), QJsonArray()}};
}
} // namespace

class TestDiscovery : public QObject {
    Q_OBJECT
private slots:
    void vendorTimesAreChinaStandardTime() {
        QCOMPARE(Discovery::parseVendorTime(QStringLiteral("2026-12-01 16:30:05")),
                 utc(2026, 12, 1, 8, 30, 5));
        QCOMPARE(Discovery::parseVendorTime(QStringLiteral("2026-01-01 03:00:00")),
                 utc(2025, 12, 31, 19, 0, 0));
        QVERIFY(!Discovery::parseVendorTime(QString()).isValid());
        QVERIFY(!Discovery::parseVendorTime(QStringLiteral("0000-00-00 00:00:00")).isValid());
        QVERIFY(!Discovery::parseVendorTime(QStringLiteral("yesterday")).isValid());
        QVERIFY(!Discovery::parseVendorTime(QStringLiteral("2026-13-01 00:00:00")).isValid());
        QCOMPARE(Discovery::formatVendorTime(utc(2026, 12, 1, 8, 30, 5)),
                 QStringLiteral("2026-12-01 16:30:05"));
        // Round trip from any zone.
        const QDateTime local = utc(2026, 6, 1, 23, 59, 59).toTimeZone(QTimeZone(-5 * 3600));
        QCOMPARE(Discovery::parseVendorTime(Discovery::formatVendorTime(local)), local.toUTC());
    }

    void statusWordsAreOurs() {
        QCOMPARE(Discovery::statusFromVendor(QStringLiteral("SUCCEED")),
                 std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(Discovery::statusFromVendor(QStringLiteral("FAILED")),
                 std::optional<QString>(QStringLiteral("FAILED")));
        QCOMPARE(Discovery::statusFromVendor(QStringLiteral("WAITING")),
                 std::optional<QString>(QStringLiteral("WAITING")));
        QCOMPARE(Discovery::statusFromVendor(QStringLiteral("SOMETHING NEW")),
                 std::optional<QString>(QStringLiteral("SOMETHING NEW")));
        QCOMPARE(Discovery::statusFromVendor(QString()), std::nullopt);
        QVERIFY(!TaskStatus::isTerminal(Discovery::statusFromVendor(QStringLiteral("WAITING"))));
        QVERIFY(!TaskStatus::isTerminal(Discovery::statusFromVendor(QStringLiteral("UNDEFINED"))));
        QVERIFY(TaskStatus::isTerminal(Discovery::statusFromVendor(QStringLiteral("SUCCEED"))));
    }

    void taskTypes() {
        QCOMPARE(Discovery::taskTypeNumber(QStringLiteral("MODIFY PARAM")), std::optional<int>(5));
        QCOMPARE(Discovery::taskTypeNumber(QStringLiteral("modify-param")), std::optional<int>(5));
        QCOMPARE(Discovery::taskTypeNumber(QStringLiteral(" Modify_Param ")), std::optional<int>(5));
        QCOMPARE(Discovery::taskTypeNumber(QStringLiteral("12")), std::optional<int>(12));
        QCOMPARE(Discovery::taskTypeNumber(QStringLiteral("SWITCH DR TO MASTER")), std::optional<int>(13));
        QCOMPARE(Discovery::taskTypeNumber(QStringLiteral("4")), std::nullopt); // 4 is not documented
        QCOMPARE(Discovery::taskTypeNumber(QStringLiteral("defrag")), std::nullopt);
        QCOMPARE(Discovery::readableTaskType(QStringLiteral("MODIFY PARAM")),
                 QStringLiteral("Modify parameters"));
        QCOMPARE(Discovery::readableTaskType(QStringLiteral("NEW KIND")), QStringLiteral("NEW KIND"));
    }

    void since() {
        const QDateTime now = utc(2026, 12, 1, 12, 0, 0);
        QCOMPARE(Discovery::parseSince(QStringLiteral("90m"), now),
                 std::optional<QDateTime>(utc(2026, 12, 1, 10, 30, 0)));
        QCOMPARE(Discovery::parseSince(QStringLiteral("24h"), now),
                 std::optional<QDateTime>(utc(2026, 11, 30, 12, 0, 0)));
        QCOMPARE(Discovery::parseSince(QStringLiteral("7d"), now),
                 std::optional<QDateTime>(utc(2026, 11, 24, 12, 0, 0)));
        QCOMPARE(Discovery::parseSince(QStringLiteral("2026-12-01T08:00:00Z"), now),
                 std::optional<QDateTime>(utc(2026, 12, 1, 8, 0, 0)));
        QCOMPARE(Discovery::parseSince(QStringLiteral("2026-12-01 08:00:00+08:00"), now),
                 std::optional<QDateTime>(utc(2026, 12, 1, 0, 0, 0)));
        QCOMPARE(Discovery::parseSince(QStringLiteral("2027-01-01T00:00:00Z"), now), std::nullopt); // future
        QCOMPARE(Discovery::parseSince(QStringLiteral("soon"), now), std::nullopt);
        QCOMPARE(Discovery::parseSince(QStringLiteral("-5h"), now), std::nullopt);
        QCOMPARE(Discovery::parseSince(QStringLiteral("99999999d"), now), std::nullopt);
    }

    void parsesPages() {
        QJsonArray items{
            item(12, QStringLiteral("F96E4F3C-8FC96C86-2EC79AC8-CB63A7A7"), QStringLiteral("SUCCEED"),
                 QStringLiteral("2026-12-01 16:00:00"), QStringLiteral("2026-12-01 16:05:00")),
            item(13, QString(), QStringLiteral("RUNNING"), QStringLiteral("2026-12-01 16:10:00"),
                 QStringLiteral("0000-00-00 00:00:00")),
            QJsonValue(42), // not an object
            item(0, QString(), QStringLiteral("RUNNING"), QStringLiteral("2026-12-01 16:10:00")), // no key
            item(15, QStringLiteral("bad id\n"), QStringLiteral("RUNNING"), QString())};
        QJsonObject wrongType = item(16, QStringLiteral("a-b"), QStringLiteral("RUNNING"), QString());
        wrongType.insert(QStringLiteral("JobId"), QStringLiteral("sixteen"));
        items.append(wrongType);
        QJsonObject nulls{{QStringLiteral("JobId"), 17},
                          {QStringLiteral("TaskStatus"), QJsonValue()},
                          {QStringLiteral("Progress"), QJsonValue()},
                          {QStringLiteral("InstanceIds"), QJsonValue()}};
        items.append(nulls);
        const QJsonObject response{{QStringLiteral("TotalCount"), 250}, {QStringLiteral("Items"), items}};
        const Discovery::TasksPage page = Discovery::parseTasksPage(response, QStringLiteral("ap-guangzhou"));
        QCOMPARE(page.totalCount, 250);
        QCOMPARE(page.malformed, 4);
        QCOMPARE(page.items.size(), 3);
        const Discovery::Item& a = page.items.at(0);
        QCOMPARE(a.id, QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7"));
        QVERIFY(a.hasAsyncRequestId());
        QCOMPARE(a.region, QStringLiteral("ap-guangzhou"));
        QCOMPARE(a.facts.status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(a.facts.startedAt, utc(2026, 12, 1, 8, 0, 0));
        QCOMPARE(a.facts.endedAt, utc(2026, 12, 1, 8, 5, 0));
        QCOMPARE(a.facts.progress, std::optional<int>(40));
        QCOMPARE(a.facts.jobId, 12);
        QCOMPARE(a.facts.instanceIds, QStringList{QStringLiteral("cdb-c1nl9rpv")});
        const Discovery::Item& b = page.items.at(1);
        QCOMPARE(b.id, jobTaskId(13)); // no AsyncRequestId: keyed by its JobId
        QVERIFY(!b.hasAsyncRequestId());
        QVERIFY(!b.facts.endedAt.isValid()); // the zero date: not ended
        const Discovery::Item& c = page.items.at(2);
        QCOMPARE(c.id, jobTaskId(17));
        QCOMPARE(c.facts.status, std::nullopt);
        QCOMPARE(c.facts.progress, std::nullopt);

        // Neither the Response nor Items as documented: nothing, never a crash.
        QCOMPARE(Discovery::parseTasksPage(QJsonObject{{QStringLiteral("Items"), 5}}, QString()).items.size(),
                 0);
    }

    void parsesInstances() {
        const QJsonObject response{
            {QStringLiteral("TotalCount"), 3},
            {QStringLiteral("Items"),
             QJsonArray{QJsonObject{{QStringLiteral("InstanceId"), QStringLiteral("cdb-1")},
                                    {QStringLiteral("InstanceName"), QStringLiteral("orders")}},
                        QJsonObject{{QStringLiteral("InstanceId"), 7}}, QJsonValue(QStringLiteral("x"))}}};
        const Discovery::InstancesPage page = Discovery::parseInstancesPage(response);
        QCOMPARE(page.totalCount, 3);
        QCOMPARE(page.malformed, 2);
        QCOMPARE(page.names.value(QStringLiteral("cdb-1")), QStringLiteral("orders"));
    }

    void filters() {
        Discovery::Item running;
        running.id = QStringLiteral("a");
        running.facts.status = QStringLiteral("RUNNING");
        running.facts.taskType = QStringLiteral("REBOOT");
        running.facts.instanceIds = {QStringLiteral("cdb-1")};
        Discovery::Item done = running;
        done.facts.status = QStringLiteral("SUCCESS");
        Discovery::Item waiting = running;
        waiting.facts.status = QStringLiteral("WAITING");

        Discovery::Query q;
        QVERIFY(Discovery::matches(q, done));
        q.onlyUnfinished = true;
        QVERIFY(!Discovery::matches(q, done));
        QVERIFY(Discovery::matches(q, waiting));
        q = {};
        q.statuses = {QStringLiteral("running")};
        QVERIFY(Discovery::matches(q, running));
        QVERIFY(Discovery::matches(q, waiting));
        QVERIFY(!Discovery::matches(q, done));
        q.statuses = {QStringLiteral("success")};
        QVERIFY(Discovery::matches(q, done));
        QVERIFY(!Discovery::matches(q, running));
        q = {};
        q.taskTypes = {7};
        QVERIFY(Discovery::matches(q, running));
        q.taskTypes = {5};
        QVERIFY(!Discovery::matches(q, running));
        q = {};
        q.instanceIds = {QStringLiteral("cdb-2"), QStringLiteral("cdb-1")};
        QVERIFY(Discovery::matches(q, running));
        q.instanceIds = {QStringLiteral("cdb-2")};
        QVERIFY(!Discovery::matches(q, running));
        QVERIFY(Discovery::isStatusFilterWord(QStringLiteral("Running")));
        QVERIFY(Discovery::isStatusFilterWord(QStringLiteral("success")));
        QVERIFY(!Discovery::isStatusFilterWord(QStringLiteral("succeed")));
    }

    void requestBodies() {
        Discovery::Query q;
        q.since = utc(2026, 12, 1, 0, 0, 0);
        q.instanceIds = {QStringLiteral("cdb-c1nl9rpv")};
        q.taskTypes = {5, 7};
        const QJsonObject body = QJsonDocument::fromJson(Discovery::tasksRequestBody(q, 200)).object();
        QCOMPARE(body.value(QStringLiteral("StartTimeBegin")).toString(),
                 QStringLiteral("2026-12-01 08:00:00"));
        QCOMPARE(body.value(QStringLiteral("InstanceId")).toString(), QStringLiteral("cdb-c1nl9rpv"));
        QCOMPARE(body.value(QStringLiteral("TaskTypes")).toArray(), (QJsonArray{5, 7}));
        QCOMPARE(body.value(QStringLiteral("Offset")).toInt(), 200);
        QCOMPARE(body.value(QStringLiteral("Limit")).toInt(), Discovery::kPageLimit);
        QVERIFY(!body.contains(QStringLiteral("StartTimeEnd")));
        q.instanceIds.append(QStringLiteral("cdb-2")); // several: filtered here, not sent
        QVERIFY(!QJsonDocument::fromJson(Discovery::tasksRequestBody(q, 0))
                     .object()
                     .contains(QStringLiteral("InstanceId")));
        const QJsonObject inst = QJsonDocument::fromJson(Discovery::instancesRequestBody({}, 100)).object();
        QCOMPARE(inst.value(QStringLiteral("Offset")).toInt(), 100);
        QCOMPARE(inst.value(QStringLiteral("Limit")).toInt(), Discovery::kInstancePageLimit);
    }

    void factsRoundTrip() {
        DiscoveryFacts f;
        f.jobId = 77;
        f.taskType = QStringLiteral("DROP TABLES");
        f.instanceIds = {QStringLiteral("cdb-1")};
        f.instanceName = QStringLiteral("名字 \"q\"");
        f.progress = 0;
        f.startedAt = utc(2026, 12, 1, 1, 2, 3);
        f.status = QStringLiteral("FAILED");
        f.taskCode = -3;
        f.taskMessage = QStringLiteral("no");
        f.listedAt = utc(2026, 12, 1, 1, 2, 4);
        QVERIFY(Discovery::factsFromJson(Discovery::factsToJson(f)) == f);
        QVERIFY(Discovery::factsFromJson("not json") == DiscoveryFacts());
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
