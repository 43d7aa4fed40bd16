// End to end: the real `cdb-taskwatch` binary watching and listing tasks of every product (--product, named
// ids, bare numbers, the products' list actions, --discover --product) against the emulator over loopback
// HTTP.
#include "Emulator.h"
#include "TimelineSteps.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDPRODUCTSCLI00000000000000000000");
const QString kKey = QStringLiteral("products-cli-secret-key-0123456789");
const QString kGz = QStringLiteral("ap-guangzhou");
const QString kSh = QStringLiteral("ap-shanghai"); // the --discover tasks' region (nothing else is there)
const QString kCdbDone = QStringLiteral("cccccccc-00000002-00000002-00000002");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> jsonLines() const {
        QList<QJsonObject> objects;
        for (const QByteArray& line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                objects.append(QJsonDocument::fromJson(line).object());
        return objects;
    }
};

ScriptedTask productTask(const char* product, const char* id, const QString& region,
                         QList<TimelineStep> steps) {
    ScriptedTask t;
    t.product = QString::fromLatin1(product);
    t.id = QString::fromLatin1(id);
    t.region = region;
    t.instanceIds = {QStringLiteral("inst-1")};
    t.steps = std::move(steps);
    return t;
}

// The last line of each task (product:id), as the run printed them in order.
QHash<QString, QJsonObject> lastLines(const Run& r) {
    QHash<QString, QJsonObject> last;
    for (const QJsonObject& o : r.jsonLines())
        last.insert(o.value(QStringLiteral("product")).toString() + QLatin1Char(':') +
                        o.value(QStringLiteral("id")).toString(),
                    o);
    return last;
}
} // namespace

class TestProductsCliE2E : public QObject {
    Q_OBJECT
    Emulator m_emulator;
    QTemporaryDir m_home;

    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_TOKEN",
                                 "TENCENTCLOUD_REGION", "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), kId);
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), kKey);
        return env;
    }

    // Runs the binary to its end (the emulator lives in this process: its event loop runs meanwhile).
    Run run(const QStringList& args, const QByteArray& stdinData = {}) const {
        Run r;
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(qEnvironmentVariable("TASKWATCH_BIN"), args);
        if (!p.waitForStarted(10000))
            return r;
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        const bool finished = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000);
        if (!finished) {
            p.kill();
            p.waitForFinished();
        }
        r.exitCode = finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QStringList watchArgs(const QString& region = kGz) const {
        return {QStringLiteral("watch"),
                QStringLiteral("--endpoint"),
                m_emulator.url(),
                QStringLiteral("--region"),
                region,
                QStringLiteral("--interval"),
                QStringLiteral("0.1"),
                QStringLiteral("--timeout"),
                QStringLiteral("40"),
                QStringLiteral("--no-history")};
    }
    QStringList listArgs(const QString& product) const {
        return {QStringLiteral("list"),
                QStringLiteral("--endpoint"),
                m_emulator.url(),
                QStringLiteral("--region"),
                kGz,
                QStringLiteral("--product"),
                product};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        QVERIFY(QFileInfo(qEnvironmentVariable("TASKWATCH_BIN")).isExecutable());
        m_emulator.addCredential(kId, kKey);
        for (const ScriptedTask& t : Emulator::demoProductTasks())
            QVERIFY(m_emulator.addTask(t));
        m_emulator.addTask({kCdbDone, {}, {step(0, "SUCCESS", "Dropped the table")}});
        QVERIFY(
            m_emulator.addTask(productTask("redis", "1001", kGz, {step(0, "running"), step(1, "succeed")})));
        QVERIFY(m_emulator.addTask(
            productTask("redis", "1002", kGz, {step(0, "running"), step(1, "failed", "Backup failed")})));
        QVERIFY(m_emulator.addTask(
            productTask("mongodb", "4762", kGz, {step(0, "running"), step(1, "success")})));
        QVERIFY(
            m_emulator.addTask(productTask("redis", "18215", kGz, {step(0, "running"), step(1, "succeed")})));
        QVERIFY(m_emulator.addTask(
            productTask("postgres", "913", kGz, {step(0, "Running"), step(1, "Success")})));
        // --discover --product postgres in kSh: one to succeed, one finished already, one to fail.
        QVERIFY(m_emulator.addTask(
            productTask("postgres", "7001", kSh, {step(0, "Running"), step(2, "Success")})));
        QVERIFY(m_emulator.addTask(productTask("postgres", "7002", kSh, {step(0, "Success")})));
        QVERIFY(m_emulator.addTask(
            productTask("postgres", "7003", kSh, {step(0, "Running"), step(1, "Fail", "Restore failed")})));
        QVERIFY(m_emulator.listen());
    }

    // Bare numbers are ids of --product (any case): each reaches its end, with the right exit status.
    void watchRedisBareNumbers() {
        const Run ok = run(watchArgs() << QStringLiteral("--json") << QStringLiteral("--product")
                                       << QStringLiteral("redis") << QStringLiteral("1001"));
        QCOMPARE(ok.exitCode, 0);
        const QHash<QString, QJsonObject> last = lastLines(ok);
        QCOMPARE(last.keys(), QStringList{QStringLiteral("redis:1001")});
        const QJsonObject done = last.value(QStringLiteral("redis:1001"));
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(done.value(QStringLiteral("vendorStatus")).toString(), QStringLiteral("succeed"));

        const Run failed = run(watchArgs() << QStringLiteral("--product") << QStringLiteral("Redis")
                                           << QStringLiteral("1001") << QStringLiteral("1002"));
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains("Watching 2 task(s)"), failed.err.constData());
        QVERIFY2(failed.err.contains("(redis 2)"), failed.err.constData());
        QVERIFY2(failed.out.contains("redis:1002"), failed.out.constData());
        QVERIFY2(failed.out.contains("FAILED"), failed.out.constData());
    }

    // Without --product, bare numbers are no ids.
    void bareNumbersNeedAProduct() {
        const Run r = run(watchArgs() << QStringLiteral("1001"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("No task ids given"));
    }

    // Named ids of the four products in one text (stdin): each polled with its product's action, each line
    // with its product and the vendor's word.
    void watchMixedNamedIds() {
        const QByteArray text = "deploy log: mongodb:4762 done\nredis: 18215 and Postgres:913 (job 555)\n"
                                "cdb:" +
                                kCdbDone.toLatin1() + "\n";
        const Run r = run(watchArgs() << QStringLiteral("--json") << QStringLiteral("--ids-from")
                                      << QStringLiteral("-"),
                          text);
        QCOMPARE(r.exitCode, 0);
        const QHash<QString, QJsonObject> last = lastLines(r);
        const QHash<QString, QString> vendorWords{
            {QStringLiteral("mongodb:4762"), QStringLiteral("success")},
            {QStringLiteral("redis:18215"), QStringLiteral("succeed")},
            {QStringLiteral("postgres:913"), QStringLiteral("Success")},
            {QStringLiteral("cdb:") + kCdbDone, QStringLiteral("SUCCESS")}};
        QCOMPARE(QSet<QString>(last.keyBegin(), last.keyEnd()),
                 QSet<QString>(vendorWords.keyBegin(), vendorWords.keyEnd()));
        for (auto it = vendorWords.cbegin(); it != vendorWords.cend(); ++it) {
            QCOMPARE(last.value(it.key()).value(QStringLiteral("status")).toString(),
                     QStringLiteral("SUCCESS"));
            QCOMPARE(last.value(it.key()).value(QStringLiteral("vendorStatus")).toString(), it.value());
        }

        const Run text_ = run(watchArgs() << QStringLiteral("--ids-from") << QStringLiteral("-"), text);
        QCOMPARE(text_.exitCode, 0);
        QVERIFY2(text_.err.contains("4 added (cdb 1, mongodb 1, postgres 1, redis 1)"),
                 text_.err.constData());
    }

    void unknownProductIsAUsageError() {
        const Run w =
            run(watchArgs() << QStringLiteral("--product") << QStringLiteral("mysql") << QStringLiteral("1"));
        QCOMPARE(w.exitCode, 2);
        QVERIFY2(w.err.contains("Unknown --product mysql"), w.err.constData());
        const Run l = run(listArgs(QStringLiteral("mysql")));
        QCOMPARE(l.exitCode, 2);
        QVERIFY2(l.err.contains("Unknown --product mysql"), l.err.constData());
    }

    void listRedisJson() { listsTheDemoTasks(QStringLiteral("redis")); }
    void listPostgresJson() { listsTheDemoTasks(QStringLiteral("postgres")); }

    // The table names the ids as watch reads them.
    void listPostgresTable() {
        const Run r = run(listArgs(QStringLiteral("postgres")));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("postgres:22051110000"), r.out.constData());
        QVERIFY(r.out.startsWith("STARTED"));
    }

    void listMongodbHasNoListAction() {
        const Run r = run(listArgs(QStringLiteral("MongoDB")));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("mongodb has no action that lists tasks"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        const Run w = run(watchArgs() << QStringLiteral("--discover") << QStringLiteral("--product")
                                      << QStringLiteral("mongodb"));
        QCOMPARE(w.exitCode, 2);
        QVERIFY2(w.err.contains("mongodb has no action that lists tasks"), w.err.constData());
    }

    // A sub-account without redis:DescribeTaskList: exit 3 (list, watch --discover), and the message names
    // the permission.
    void listPermissionDenied() {
        Emulator denying;
        denying.addCredential(kId, kKey);
        denying.setActionError(QStringLiteral("redis"), QStringLiteral("DescribeTaskList"),
                               QStringLiteral("AuthFailure.UnauthorizedOperation"), QStringLiteral("no"));
        QVERIFY(denying.listen());
        QStringList args = listArgs(QStringLiteral("redis"));
        args[args.indexOf(m_emulator.url())] = denying.url();
        const Run r = run(args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("redis:DescribeTaskList"), r.err.constData());

        // watch --discover with nothing else to watch: exit 3 too, saying why.
        QStringList watch = watchArgs() << QStringLiteral("--discover") << QStringLiteral("--product")
                                        << QStringLiteral("redis");
        watch[watch.indexOf(m_emulator.url())] = denying.url();
        const Run w = run(watch);
        QCOMPARE(w.exitCode, 3);
        QVERIFY2(w.err.contains("redis:DescribeTaskList"), w.err.constData());
        QVERIFY2(w.err.contains("discovery is not permitted"), w.err.constData());
    }

    // The unfinished postgres tasks of the region are found and watched to their end; a finished one is not.
    void watchDiscoverPostgres() {
        const Run r = run(watchArgs(kSh) << QStringLiteral("--json") << QStringLiteral("--discover")
                                         << QStringLiteral("--product") << QStringLiteral("postgres")
                                         << QStringLiteral("--since") << QStringLiteral("1h"));
        QCOMPARE(r.exitCode, 1); // 7003 failed
        const QHash<QString, QJsonObject> last = lastLines(r);
        QCOMPARE(QSet<QString>(last.keyBegin(), last.keyEnd()),
                 (QSet<QString>{QStringLiteral("postgres:7001"), QStringLiteral("postgres:7003")}));
        QCOMPARE(last.value(QStringLiteral("postgres:7001")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("SUCCESS"));
        QCOMPARE(last.value(QStringLiteral("postgres:7003")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("FAILED"));
        QCOMPARE(last.value(QStringLiteral("postgres:7003")).value(QStringLiteral("vendorStatus")).toString(),
                 QStringLiteral("Fail"));
        QCOMPARE(last.value(QStringLiteral("postgres:7001")).value(QStringLiteral("region")).toString(), kSh);
    }

private:
    // `list --product P --json`: one object per task of the product with the existing keys, "product" and
    // "vendorStatus"; the demo's tasks of the product among them.
    void listsTheDemoTasks(const QString& product) {
        const Run r = run(listArgs(product) << QStringLiteral("--json"));
        QCOMPARE(r.exitCode, 0);
        QSet<QString> ids;
        for (const QJsonObject& o : r.jsonLines()) {
            QCOMPARE(o.value(QStringLiteral("product")).toString(), product);
            QVERIFY(o.contains(QStringLiteral("vendorStatus")));
            QVERIFY(o.value(QStringLiteral("vendorStatus")).isString());
            QVERIFY(o.value(QStringLiteral("status")).isString());
            QCOMPARE(o.value(QStringLiteral("region")).toString(), kGz);
            for (const char* key :
                 {"jobId", "instanceIds", "type", "progress", "startTime", "endTime", "message"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            ids.insert(o.value(QStringLiteral("id")).toString());
        }
        int demo = 0;
        for (const ScriptedTask& t : Emulator::demoProductTasks()) {
            if (t.product != product)
                continue;
            ++demo;
            QVERIFY2(ids.contains(t.id), qPrintable(t.id));
        }
        QVERIFY(demo >= 3);
    }
};

QTEST_GUILESS_MAIN(TestProductsCliE2E)
#include "tst_products_cli_e2e.moc"
