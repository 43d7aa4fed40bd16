#include "demo/DemoScenario.h"
#include "api/Regions.h"

#include <QDateTime>
#include <optional>

namespace taskwatch::sim::demo {

namespace {
TimelineStep step(qint64 afterMs, std::optional<QString> status, std::optional<QString> info) {
    TimelineStep s;
    s.afterMs = afterMs;
    s.status = std::move(status);
    s.info = std::move(info);
    return s;
}

TimelineStep errorStep(qint64 afterMs, const QString& code, const QString& message) {
    TimelineStep s;
    s.afterMs = afterMs;
    s.errorCode = code;
    s.errorMessage = message;
    return s;
}
} // namespace

QString region() {
    return QString::fromLatin1(Regions::kDefault);
}

QList<ScriptedTask> scriptedTasks() {
    const auto s = [](const char* text) { return std::optional<QString>(QString::fromUtf8(text)); };
    const std::optional<QString> null;
    QList<ScriptedTask> tasks;
    const auto add = [&](const char* id, QList<TimelineStep> steps) {
        ScriptedTask t;
        t.id = QString::fromLatin1(id);
        t.steps = std::move(steps);
        tasks.append(t);
        return &tasks.last();
    };

    // Parameter change: INITIAL -> RUNNING -> SUCCESS over ~25 s.
    add("3f2a9c41-7be05d12-9a4c8e63-0d5f1b27",
        {step(0, s("INITIAL"), s("Task created, waiting for scheduling")),
         step(4000, s("RUNNING"),
              s("Modify parameters: innodb_buffer_pool_size 1073741824 -> 2147483648, max_connections 800 -> "
                "1200 (instance cdb-8xk2m4pq)")),
         step(25000, s("SUCCESS"), s("Parameters modified successfully; instance cdb-8xk2m4pq restarted"))});
    // Instance upgrade with progress in Info, SUCCESS after ~40 s.
    add("8d41e0b7-52c9a3f6-1e7d4b08-c6a2f915",
        {step(0, s("INITIAL"), null),
         step(3000, s("RUNNING"),
              s("Upgrade instance cdb-2jf7ws1k from 4C8G/200GB to 8C16G/400GB: data sync 12%")),
         step(15000, s("RUNNING"),
              s("Upgrade instance cdb-2jf7ws1k from 4C8G/200GB to 8C16G/400GB: data sync 64%")),
         step(30000, s("RUNNING"), s("Upgrade instance cdb-2jf7ws1k: switching to the new instance")),
         step(40000, s("SUCCESS"), s("Upgrade instance cdb-2jf7ws1k finished: 8C16G/400GB"))});
    // Short task: SUCCESS after ~10 s.
    add("5b0c7e2d-a39f4186-6d2e0b94-17f8c3a5",
        {step(0, s("RUNNING"), s("Create account app_reader@10.0.%")),
         step(10000, s("SUCCESS"), s("Account app_reader@10.0.% created and privileges granted"))});
    // FAILED with a reason.
    add("c7e91a30-4f6b2d85-b08c3e17-9a5d6f42",
        {step(0, s("RUNNING"), s("Upgrade engine version 5.7 -> 8.0: running prechecks")),
         step(15000, s("FAILED"),
              s("Upgrade engine version 5.7 -> 8.0 failed: precheck found 3 tables without a primary key "
                "(shop.order_archive, shop.tmp_import, crm.audit_log)"))});
    // KILLED by the user.
    add("0e6d4f93-b72a8c15-3f9e0d61-d84b2a7c",
        {step(0, s("RUNNING"), s("Rollback database shop to 2024-05-11 03:00:00 (UTC+8)")),
         step(20000, s("KILLED"), s("Task terminated by user request"))});
    // REMOVED.
    add("a4f82c6e-190d7b35-e5c6a4f8-2b7390de",
        {step(0, s("INITIAL"), s("Import job created: s3://backup/shop.sql.gz")),
         step(8000, s("REMOVED"), s("Task record removed"))});
    // PAUSED, and stays there.
    add("61b3d8f0-e8c5974a-4a1f2e6b-f03c85d9",
        {step(0, s("RUNNING"), s("Switch master/slave for cdb-4kq9xz0m: syncing replica")),
         step(6000, s("PAUSED"), s("Paused: waiting for the manual switch confirmation"))});
    // UNDEFINED: created, waiting for the maintenance window.
    add("9f07a5c2-3d8e61b4-c92b7f05-5e4a0d18",
        {step(0, s("UNDEFINED"), s("Waiting for the maintenance window (03:00-04:00 UTC+8) to start"))});
    // Status stays null.
    add("2d9c64a1-f5b0e837-18a6d3c9-b7e1f40a", {step(0, null, null)});
    // A status the documentation does not list.
    add("e3a5b917-6c2f0d48-7b9e1a53-40c8f26d",
        {step(0, s("RUNNING"), s("Modify parameters: long_query_time 10 -> 2")),
         step(10000, s("ROLLING_BACK"), s("Rolling back the parameter change after a failed restart"))});
    // Backend task error.
    add("74c0e2b8-8a1d5f39-d36f0c72-e9b5a18f",
        {errorStep(0, QStringLiteral("CdbError.TaskError"),
                   QStringLiteral("Backend task error: the task worker lost its lease."))});
    // Not authorized.
    add("b8d3f061-27e94ca5-5f0b8d2e-6a1c739b",
        {errorStep(
            0, QStringLiteral("OperationDenied.UserHasNoStrategy"),
            QStringLiteral("You are not authorized to perform operation (cdb:DescribeAsyncRequestInfo) on "
                           "resource (qcs::cdb:ap-guangzhou:uin/100012345678:instanceId/*)."))});
    // Transient 502 for the first two queries, then SUCCESS.
    ScriptedTask* flaky = add("1c5e8a7f-d0b36294-a87f5c1e-38d9e6b0",
                              {step(0, s("SUCCESS"), s("Open WAN access for cdb-7mw3pd5v: done"))});
    flaky->fault = Fault::Http502Html;
    flaky->faultTimes = 2;
    // Chinese Info text.
    add("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7",
        {step(0, s("RUNNING"), s("正在删除库表")), step(12000, s("SUCCESS"), s("删除库表成功"))});
    return tasks;
}

QString secondRegion() {
    return QStringLiteral("ap-shanghai");
}

QList<EmulatedInstance> instances() {
    const auto make = [](const char* id, const char* name, const QString& region, const char* zone, int type,
                         const char* version, const char* vip, int taskStatus) {
        EmulatedInstance i;
        i.id = QString::fromLatin1(id);
        i.name = QString::fromLatin1(name);
        i.region = region;
        i.zone = QString::fromLatin1(zone);
        i.instanceType = type;
        i.engineVersion = QString::fromLatin1(version);
        i.vip = QString::fromLatin1(vip);
        i.taskStatus = taskStatus;
        return i;
    };
    return {make("cdb-7q2m9x4k", "orders-primary", region(), "ap-guangzhou-3", 1, "8.0", "10.0.1.12", 0),
            make("cdb-3h8v5n1r", "orders-ro-1", region(), "ap-guangzhou-4", 3, "8.0", "10.0.1.37", 1),
            make("cdb-9k4t6w2p", "analytics", secondRegion(), "ap-shanghai-2", 1, "5.7", "10.1.4.8", 13)};
}

QList<ScriptedTask> discoverableTasks() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto s = [](const char* text) { return std::optional<QString>(QString::fromUtf8(text)); };
    const auto p = [](TimelineStep st, int progress) {
        st.progress = progress;
        return st;
    };
    constexpr qint64 kMin = 60 * 1000;
    const QString orders = QStringLiteral("cdb-7q2m9x4k"), ordersRo = QStringLiteral("cdb-3h8v5n1r"),
                  analytics = QStringLiteral("cdb-9k4t6w2p");
    QList<ScriptedTask> tasks;
    const auto add = [&](const char* id, qint64 jobId, const QString& region, const QString& instance,
                         const char* type, qint64 startedSecsAgo, QList<TimelineStep> steps) {
        ScriptedTask t;
        t.id = QString::fromLatin1(id);
        t.region = region;
        t.jobId = jobId;
        t.instanceIds = {instance};
        t.taskType = QString::fromLatin1(type);
        t.startedAt = now.addSecs(-startedSecsAgo);
        t.steps = std::move(steps);
        tasks.append(t);
        return &tasks.last();
    };

    // Parameter change, started 2 min ago, progressing for about 3.5 more minutes.
    add("4a7c2e91-b3d05f68-91e4c27a-0d6b8f35", 2751301, region(), orders, "MODIFY PARAM", 120,
        {p(step(0, s("INITIAL"), s("Task created, waiting for scheduling")), 0),
         p(step(5000, s("RUNNING"), s("Modify parameters: checking innodb_buffer_pool_size")), 10),
         p(step(1 * kMin, s("RUNNING"), s("Modify parameters: applying to the replica")), 30),
         p(step(150000, s("RUNNING"), s("Modify parameters: applying to the primary")), 55),
         p(step(4 * kMin, s("RUNNING"), s("Modify parameters: restarting cdb-7q2m9x4k")), 80),
         step(330000, s("SUCCESS"), s("Parameters modified successfully"))});
    // Read-only instance upgrade, started 4 min ago, done in about 5 more minutes.
    add("d2e8b4a0-6c1f9357-3a0e7d2b-c95f1e84", 2751288, region(), ordersRo, "UPGRADE RO", 240,
        {p(step(0, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: preparing")), 5),
         p(step(1 * kMin, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: data sync 20%")), 20),
         p(step(3 * kMin, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: data sync 40%")), 40),
         p(step(5 * kMin, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: data sync 60%")), 60),
         p(step(7 * kMin, s("RUNNING"), s("Upgrade read-only instance cdb-3h8v5n1r: switching")), 85),
         step(9 * kMin, s("SUCCESS"), s("Upgrade read-only instance cdb-3h8v5n1r finished"))});
    // Data import that failed 13 min ago.
    {
        TimelineStep failed = step(12 * kMin, s("FAILED"),
                                   s("Import failed: analytics.events line 18234: duplicate key 'PRIMARY'"));
        failed.taskCode = 10017;
        failed.taskMessage = QStringLiteral("Import failed: analytics.events line 18234: duplicate entry for "
                                            "key 'PRIMARY'");
        add("7b1f0c3d-e84a2659-c0d7f1e3-2a96b5c8", 1980442, secondRegion(), analytics, "IMPORT DATA", 25 * 60,
            {p(step(0, s("RUNNING"), s("Import data: downloading events.sql.gz")), 10),
             p(step(5 * kMin, s("RUNNING"), s("Import data: loading analytics.events")), 45), failed});
    }
    // SQL operation that succeeded an hour ago.
    add("e05c9a72-1d3b8f46-b7a2e5c9-6f1d0384", 2749870, region(), orders, "SQL OPERATION", 65 * 60,
        {p(step(0, s("RUNNING"), s("SQL operation: ALTER TABLE shop.orders ADD INDEX idx_created")), 20),
         step(3 * kMin, s("SUCCESS"), s("SQL operation finished"))});
    // A reboot that has no AsyncRequestId (a job only), started a minute ago.
    ScriptedTask* reboot =
        add("93d6f2b8-4e0a7c15-68b3d9f0-e1c4a527", 2751342, region(), ordersRo, "REBOOT", 60,
            {p(step(0, s("RUNNING"), s("Reboot: stopping")), 20),
             p(step(1 * kMin, s("RUNNING"), s("Reboot: starting")), 60),
             step(150000, s("SUCCESS"), s("Reboot finished"))});
    reboot->listWithoutAsyncId = true;
    // Waiting for the maintenance window.
    add("5f8e1d3c-a2b7094e-d4c1f862-7e3a9b05", 1980460, secondRegion(), analytics, "OPEN GTID", 30,
        {step(0, s("WAITING"), s("Open GTID: waiting for the maintenance window (03:00-04:00 UTC+8)"))});
    // Dropping tables, started 3 min ago, done in 3 more minutes.
    add("c1a4e7f0-95d2b836-2f7c0e4a-b8d5e319", 1980451, secondRegion(), analytics, "DROP TABLES", 180,
        {p(step(0, s("RUNNING"), s("Drop tables: analytics.tmp_2023_*")), 5),
         p(step(90000, s("RUNNING"), s("Drop tables: 14 of 28 dropped")), 50),
         p(step(4 * kMin, s("RUNNING"), s("Drop tables: 24 of 28 dropped")), 85),
         step(6 * kMin, s("SUCCESS"), s("Drop tables: 28 tables dropped"))});
    // A rollback, started 10 min ago, done in about 6 more minutes.
    add("28b0d5e6-f7c3a194-e9a6b2d1-4c07f85e", 2751104, region(), orders, "ROLLBACK", 10 * 60,
        {p(step(0, s("INITIAL"), s("Rollback: waiting for a backup")), 0),
         p(step(30000, s("RUNNING"), s("Rollback shop.orders to 2024-05-11 03:00:00 (UTC+8): restoring")),
           15),
         p(step(8 * kMin, s("RUNNING"), s("Rollback shop.orders: applying binlog")), 70),
         step(16 * kMin, s("SUCCESS"), s("Rollback finished"))});
    return tasks;
}

QList<ScriptedTask> productTasks() {
    const auto s = [](const char* text) { return std::optional<QString>(QString::fromUtf8(text)); };
    QList<ScriptedTask> tasks;
    const auto add = [&](const char* product, const char* id, const char* instance, const char* type,
                         QList<TimelineStep> steps) {
        ScriptedTask t;
        t.product = QString::fromLatin1(product);
        t.id = QString::fromLatin1(id);
        t.region = region();
        t.instanceIds = {QString::fromLatin1(instance)};
        t.taskType = QString::fromLatin1(type);
        t.steps = std::move(steps);
        tasks.append(t);
        return &tasks.last();
    };
    const std::optional<QString> none;

    // mongodb: no message field; numeric string ids.
    add("mongodb", "1750660112000249", "cmgo-6ielucen", "",
        {step(0, s("initial"), none), step(3000, s("running"), none), step(30000, s("success"), none)});
    add("mongodb", "1750660112001784", "cmgo-6ielucen", "", {step(0, s("running"), none)});
    add("mongodb", "174548484400", "cmgo-9d0p6umb", "",
        {step(0, s("running"), none), step(12000, s("failed"), none)});

    // redis: DescribeTaskInfo's free-text TaskType, DescribeTaskList's code.
    ScriptedTask* flush = add(
        "redis", "2031393158", "crs-5a4py64p", "020",
        {step(0, s("preparing"), s("")), step(2000, s("running"), s("")), step(20000, s("succeed"), s(""))});
    flush->taskTitle = QStringLiteral("redis缓存清空流程");
    flush->instanceName = QStringLiteral("cache-orders");
    ScriptedTask* account = add("redis", "140171780", "crs-5a4py64p", "037", {step(0, s("running"), s(""))});
    account->taskTitle = QStringLiteral("修改实例账号");
    account->instanceName = QStringLiteral("cache-orders");
    ScriptedTask* backup =
        add("redis", "4295131269", "crs-0b8dkd3q", "012",
            {step(0, s("running"), s("")),
             step(15000, s("failed"), s("Backup failed: the instance is being migrated"))});
    backup->taskTitle = QStringLiteral("手动备份");
    backup->instanceName = QStringLiteral("cache-sessions");

    // postgres: Running, Success, Fail with a message, WaitSwitch.
    add("postgres", "120321", "postgres-4wdeb0zv", "RestartInstance",
        {step(0, s("Running"), s("")), step(25000, s("Success"), s(""))});
    add("postgres", "25104", "postgres-4wdeb0zv", "ModifyDBInstanceParameters",
        {step(0, s("Running"), s(""))});
    add("postgres", "22051110000", "postgres-7h2kq9xe", "RestoreDatabase",
        {step(0, s("Running"), s("")),
         step(18000, s("Fail"), s("Restore failed: the backup set is no longer available"))});
    add("postgres", "912", "postgres-7h2kq9xe", "ModifyDBInstanceSpec",
        {step(0, s("Running"), s("")),
         step(8000, s("WaitSwitch"), s("Waiting for the maintenance window (03:00-04:00 UTC+8)"))});
    return tasks;
}

} // namespace taskwatch::sim::demo
