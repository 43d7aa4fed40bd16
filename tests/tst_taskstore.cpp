// TaskStore: tasks and history round trips (null vs empty, Chinese, 64 KiB Info), record() atomicity,
// migration from the version-1 schema, refusal of newer/foreign databases, recovery from damaged files.
#include "history/TaskStore.h"
#include "platform/QtCompat.h"
#include "task/DiscoveryFacts.h"
#include "task/HistoryEntry.h"
#include "task/TaskState.h"
#include "task/TextBounds.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <latch>
#include <memory>
#include <unistd.h>

using namespace taskwatch;

namespace {

// A plain second connection to a database file, for fixtures and for checking what is really stored.
class RawDb {
public:
    explicit RawDb(const QString& path) {
        static int counter = 0;
        m_name = QStringLiteral("tst-raw-%1").arg(++counter);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawDb() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    bool exec(const QString& sql) {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql)) {
            qWarning() << sql << q.lastError().text();
            return false;
        }
        return true;
    }
    QVariant scalar(const QString& sql) {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next()) {
            qWarning() << sql << q.lastError().text();
            return QVariant(QStringLiteral("<error>"));
        }
        return q.value(0);
    }

private:
    QString m_name;
    bool m_open = false;
};

// The "older" schema of version 1: tasks without http_status and phase, history without the task_id index.
const char* const kSchemaV1[] = {
    "CREATE TABLE tasks (id TEXT PRIMARY KEY NOT NULL, region TEXT NOT NULL DEFAULT '', profile TEXT NOT "
    "NULL "
    "DEFAULT '', added_at INTEGER, status TEXT, info TEXT, request_id TEXT NOT NULL DEFAULT '', error_code "
    "TEXT "
    "NOT NULL DEFAULT '', error_message TEXT NOT NULL DEFAULT '', last_checked_at INTEGER, finished_at "
    "INTEGER)",
    "CREATE TABLE history (id INTEGER PRIMARY KEY, observed_at INTEGER NOT NULL, task_id TEXT NOT NULL, "
    "region "
    "TEXT NOT NULL DEFAULT '', status TEXT, info TEXT, error_code TEXT NOT NULL DEFAULT '', error_message "
    "TEXT NOT "
    "NULL DEFAULT '', request_id TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX history_observed_at ON history(observed_at)",
    "INSERT INTO tasks VALUES ('1a2b3c4d-0001', 'ap-guangzhou', 'default', 1764000000000, 'SUCCESS', '完成', "
    "'req-1', '', '', 1764000060000, 1764000060000)",
    "INSERT INTO tasks VALUES ('1a2b3c4d-0002', 'ap-shanghai', '', 1764000001000, NULL, NULL, '', '', '', "
    "NULL, "
    "NULL)",
    "INSERT INTO tasks VALUES ('1a2b3c4d-0003', 'ap-beijing', 'work', 1764000002000, 'RUNNING', '', 'req-3', "
    "'InternalError', 'oops', 1764000030000, NULL)",
    "INSERT INTO history (observed_at, task_id, region, status, info, request_id) VALUES (1764000030000, "
    "'1a2b3c4d-0001', 'ap-guangzhou', 'RUNNING', NULL, 'req-0')",
    "INSERT INTO history (observed_at, task_id, region, status, info, request_id) VALUES (1764000060000, "
    "'1a2b3c4d-0001', 'ap-guangzhou', 'SUCCESS', '完成', 'req-1')",
    "PRAGMA user_version = 1",
};

// The exact schema of version 2 (the release before profiles in history), with rows as it wrote them.
const char* const kSchemaV2[] = {
    "CREATE TABLE tasks ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " region TEXT NOT NULL DEFAULT '',"
    " profile TEXT NOT NULL DEFAULT '',"
    " added_at INTEGER,"
    " status TEXT,"
    " info TEXT,"
    " request_id TEXT NOT NULL DEFAULT '',"
    " error_code TEXT NOT NULL DEFAULT '',"
    " error_message TEXT NOT NULL DEFAULT '',"
    " http_status INTEGER NOT NULL DEFAULT 0,"
    " last_checked_at INTEGER,"
    " finished_at INTEGER,"
    " phase TEXT NOT NULL DEFAULT 'waiting')",
    "CREATE TABLE history ("
    " id INTEGER PRIMARY KEY,"
    " observed_at INTEGER NOT NULL,"
    " task_id TEXT NOT NULL,"
    " region TEXT NOT NULL DEFAULT '',"
    " status TEXT,"
    " info TEXT,"
    " error_code TEXT NOT NULL DEFAULT '',"
    " error_message TEXT NOT NULL DEFAULT '',"
    " request_id TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX history_observed_at ON history(observed_at)",
    "CREATE INDEX history_task_id ON history(task_id)",
    // Added out of time order: the row order (rowid) must survive the rebuild of the table.
    "INSERT INTO tasks VALUES ('2b-0003', 'ap-beijing', 'work', 1764000002000, 'RUNNING', '', 'req-3', "
    "'InternalError', 'oops', 502, 1764000030000, NULL, 'retrying')",
    "INSERT INTO tasks VALUES ('2b-0001', 'ap-guangzhou', 'default', 1764000002000, 'SUCCESS', '完成', "
    "'req-1', '', '', 200, 1764000060000, 1764000060000, 'finished')",
    "INSERT INTO tasks VALUES ('2b-0002', 'ap-shanghai', '', 1764000001000, NULL, NULL, '', '', '', 0, NULL, "
    "NULL, 'waiting')",
    "INSERT INTO history (observed_at, task_id, region, status, info, request_id) VALUES (1764000030000, "
    "'2b-0001', 'ap-guangzhou', 'RUNNING', NULL, 'req-0')",
    "INSERT INTO history (observed_at, task_id, region, status, info, error_code, error_message, request_id) "
    "VALUES (1764000031000, '2b-0003', 'ap-beijing', 'RUNNING', '', 'InternalError', 'oops', 'req-3')",
    "INSERT INTO history (observed_at, task_id, region, status, info, request_id) VALUES (1764000040000, "
    "'2b-gone', 'ap-beijing', 'SUCCESS', 'removed since', 'req-9')",
    "INSERT INTO history (observed_at, task_id, region, status, info, request_id) VALUES (1764000060000, "
    "'2b-0001', 'ap-guangzhou', 'SUCCESS', '完成', 'req-1')",
    "PRAGMA user_version = 2",
};

// The exact schema of version 4 (the release before products were told apart: every task is a cdb task), as
// it made a new file (version 3's tables, then version 4's columns), with rows as it wrote them.
const char* const kSchemaV4[] = {
    "CREATE TABLE tasks ("
    " id TEXT NOT NULL,"
    " region TEXT NOT NULL DEFAULT '',"
    " profile TEXT NOT NULL DEFAULT '',"
    " added_at INTEGER,"
    " status TEXT,"
    " info TEXT,"
    " request_id TEXT NOT NULL DEFAULT '',"
    " error_code TEXT NOT NULL DEFAULT '',"
    " error_message TEXT NOT NULL DEFAULT '',"
    " http_status INTEGER NOT NULL DEFAULT 0,"
    " last_checked_at INTEGER,"
    " finished_at INTEGER,"
    " phase TEXT NOT NULL DEFAULT 'waiting',"
    " PRIMARY KEY (profile, id))",
    "CREATE TABLE history ("
    " id INTEGER PRIMARY KEY,"
    " observed_at INTEGER NOT NULL,"
    " task_id TEXT NOT NULL,"
    " region TEXT NOT NULL DEFAULT '',"
    " status TEXT,"
    " info TEXT,"
    " error_code TEXT NOT NULL DEFAULT '',"
    " error_message TEXT NOT NULL DEFAULT '',"
    " request_id TEXT NOT NULL DEFAULT '',"
    " profile TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX history_observed_at ON history(observed_at)",
    "CREATE INDEX history_task_id ON history(task_id)",
    "CREATE INDEX history_profile ON history(profile)",
    "ALTER TABLE tasks ADD COLUMN discovery TEXT",
    "ALTER TABLE tasks ADD COLUMN last_changed_at INTEGER",
    // Added out of time order: the row order (rowid) must survive the rebuild of the table.
    "INSERT INTO tasks VALUES ('4d-0003', 'ap-beijing', 'work', 1764000002000, 'RUNNING', '', 'req-3', "
    "'InternalError', 'oops', 502, 1764000030000, NULL, 'retrying', NULL, 1764000030000)",
    "INSERT INTO tasks VALUES ('4d-0001', 'ap-guangzhou', 'default', 1764000002000, 'SUCCESS', '完成', "
    "'req-1', '', '', 200, 1764000060000, 1764000060000, 'finished', "
    "'{\"jobId\":4242,\"status\":\"SUCCESS\",\"listedAt\":1764000060000}', 1764000060000)",
    "INSERT INTO tasks VALUES ('4d-0001', 'ap-guangzhou', 'work', 1764000001000, NULL, NULL, '', '', '', 0, "
    "NULL, NULL, 'waiting', NULL, NULL)",
    "INSERT INTO history (observed_at, task_id, region, status, info, request_id, profile) VALUES "
    "(1764000030000, '4d-0001', 'ap-guangzhou', 'RUNNING', NULL, 'req-0', 'default')",
    "INSERT INTO history (observed_at, task_id, region, status, info, error_code, error_message, request_id, "
    "profile) VALUES (1764000031000, '4d-0003', 'ap-beijing', NULL, '', 'InternalError', 'oops', 'req-3', "
    "'work')",
    "INSERT INTO history (observed_at, task_id, region, status, info, request_id, profile) VALUES "
    "(1764000060000, '4d-0001', 'ap-guangzhou', 'SUCCESS', '完成', 'req-1', 'default')",
    "PRAGMA user_version = 4",
};

QByteArray fileHash(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QDateTime utc(qint64 ms) {
    return compat::utcFromMSecs(ms);
}

TaskState makeState(const QString& id, std::optional<QString> status, std::optional<QString> info) {
    TaskState s;
    s.id = id;
    s.region = QStringLiteral("ap-guangzhou");
    s.addedAt = utc(1764000000000);
    s.lastCheckedAt = utc(1764000012345);
    s.status = std::move(status);
    s.info = std::move(info);
    s.requestId = QStringLiteral("b8d7c7f6-req");
    s.httpStatus = 200;
    s.phase = TaskPhase::Polling;
    return s;
}

HistoryEntry makeEntry(qint64 ms, const QString& id,
                       std::optional<QString> status = QStringLiteral("RUNNING"),
                       std::optional<QString> info = std::nullopt) {
    HistoryEntry e;
    e.observedAt = utc(ms);
    e.taskId = id;
    e.region = QStringLiteral("ap-shanghai");
    e.status = std::move(status);
    e.info = std::move(info);
    e.requestId = QStringLiteral("req-%1").arg(ms);
    return e;
}

QList<HistoryEntry> readHistory(TaskStore& store, const HistoryQuery& q = {}) {
    QList<HistoryEntry> out;
    const bool ok = store.forEachHistory(q, [&out](const HistoryEntry& e) {
        out.append(e);
        return true;
    });
    if (!ok)
        qWarning() << store.lastError();
    return out;
}

QStringList corruptFiles(const QString& dir) {
    return QDir(dir).entryList({QStringLiteral("*.corrupt-*")}, QDir::Files, QDir::Name);
}

} // namespace

class TestTaskStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultPath() {
        const QString p = TaskStore::defaultPath();
        QVERIFY(p.endsWith(QLatin1String("/history.sqlite")));
        QVERIFY(p.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void createsDirectoryAndSchema() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("a/b/history.sqlite"));
        TaskStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(store.path(), path);
        QCOMPARE(store.schemaVersion(), TaskStore::kSchemaVersion);
        QVERIFY(store.recoveryMessage().isEmpty());
        QCOMPARE(store.historyCount(), qint64(0));
        QVERIFY(store.loadTasks().value().isEmpty());

        RawDb raw(path);
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), TaskStore::kSchemaVersion);
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                      "('history_observed_at', 'history_task_id')"))
                .toInt(),
            2);
    }

    void taskRoundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString bigInfo = QString(kMaxInfoChars, QChar(0x4E2D)); // 64 Ki characters of 中
        QList<TaskState> states;
        states << makeState(QStringLiteral("task-null"), std::nullopt, std::nullopt);
        states << makeState(QStringLiteral("task-empty"), QString::fromLatin1(""), QString::fromLatin1(""));
        states << makeState(QStringLiteral("task-zh"), QStringLiteral("SUCCESS"),
                            QStringLiteral("备份完成，耗时 3 分钟"));
        states << makeState(QStringLiteral("task-big"), QStringLiteral("FAILED"), bigInfo);
        states[1].addedAt = utc(1764000000001);
        states[2].addedAt = utc(1764000000002);
        states[2].finishedAt = utc(1764000099999);
        states[2].phase = TaskPhase::Finished;
        states[2].product = QStringLiteral("mongodb");
        states[2].vendorStatus = QStringLiteral("success");
        states[3].vendorStatus = QStringLiteral("FAILED");
        states[3].addedAt = utc(1764000000003);
        states[3].errorCode = QStringLiteral("InternalError");
        states[3].errorMessage = QStringLiteral("内部错误, \"quoted\"\r\nsecond line");
        states[3].httpStatus = 502;
        states[3].phase = TaskPhase::Stopped;
        {
            TaskStore store(path);
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            for (const TaskState& s : std::as_const(states))
                QVERIFY2(store.upsertTask(s, QStringLiteral("prod")), qPrintable(store.lastError()));
        }
        TaskStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        const QList<TaskState> loaded = store.loadTasks().value();
        QCOMPARE(loaded.size(), states.size());
        for (qsizetype i = 0; i < states.size(); ++i) {
            const TaskState& a = states.at(i);
            const TaskState& b = loaded.at(i);
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.region, a.region);
            QCOMPARE(b.addedAt, a.addedAt);
            QCOMPARE(b.lastCheckedAt, a.lastCheckedAt);
            QCOMPARE(b.finishedAt, a.finishedAt);
            QCOMPARE(b.status.has_value(), a.status.has_value());
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.info.has_value(), a.info.has_value());
            QCOMPARE(b.info, a.info);
            QCOMPARE(b.requestId, a.requestId);
            QCOMPARE(b.errorCode, a.errorCode);
            QCOMPARE(b.errorMessage, a.errorMessage);
            QCOMPARE(b.httpStatus, a.httpStatus);
            QCOMPARE(b.phase, a.phase);
            QCOMPARE(b.product, a.product);
            QCOMPARE(b.vendorStatus, a.vendorStatus);
        }
        QCOMPARE(loaded.at(3).info->size(), kMaxInfoChars);

        // What is in the file: SQL NULL for the null state, '' for the empty one.
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral(
                                "SELECT status IS NULL AND info IS NULL FROM tasks WHERE id = 'task-null'"))
                     .toInt(),
                 1);
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT status = '' AND info = '' FROM tasks WHERE id = 'task-empty'"))
                .toInt(),
            1);

        // Each task comes back with its profile.
        for (const TaskState& s : loaded)
            QCOMPARE(s.profile, QStringLiteral("prod"));

        // Update in place: the latest state of (profile, id) replaces the old one.
        TaskState updated = loaded.at(0);
        updated.status = QStringLiteral("RUNNING");
        updated.info = QStringLiteral("50%");
        QVERIFY(store.upsertTask(updated));
        QCOMPARE(store.profileOf(updated.id), QStringLiteral("prod"));
        QCOMPARE(store.loadTasks().value().size(), states.size());
        QCOMPARE(store.loadTasks().value().at(0).status, std::optional<QString>(QStringLiteral("RUNNING")));
        // The same id under another profile is another task (the profile argument overrides state.profile).
        updated.status = QStringLiteral("INITIAL");
        QVERIFY(store.upsertTask(updated, QStringLiteral("staging")));
        const QList<TaskState> again = store.loadTasks().value();
        QCOMPARE(again.size(), states.size() + 1);
        QCOMPARE(again.at(0).status, std::optional<QString>(QStringLiteral("RUNNING")));
        QCOMPARE(again.at(0).profile, QStringLiteral("prod"));
        const QList<TaskState> inStaging = store.loadTasks(QStringLiteral("staging")).value();
        QCOMPARE(inStaging.size(), 1);
        QCOMPARE(inStaging.first().id, updated.id);
        QCOMPARE(inStaging.first().profile, QStringLiteral("staging"));
        QCOMPARE(inStaging.first().status, std::optional<QString>(QStringLiteral("INITIAL")));
        QCOMPARE(store.loadTasks(QStringLiteral("staging")).value().size(), 1);
        QCOMPARE(store.loadTasks(QStringLiteral("prod")).value().size(), states.size());
        // Removing takes the profile: the other profile's task stays.
        QVERIFY(store.removeTask(updated.id, QStringLiteral("staging")));
        QCOMPARE(store.loadTasks(QStringLiteral("staging")).value().size(), 0);
        QCOMPARE(store.loadTasks(QStringLiteral("prod")).value().size(), states.size());
        QCOMPARE(store.historyCount(), qint64(0)); // upsertTask never writes history
    }

    void historyRoundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        QList<HistoryEntry> entries;
        entries << makeEntry(1000, QStringLiteral("t1"), std::nullopt, std::nullopt);
        entries << makeEntry(2000, QStringLiteral("t1"), QString::fromLatin1(""), QString::fromLatin1(""));
        entries << makeEntry(3000, QStringLiteral("t2"), QStringLiteral("SUCCESS"),
                             QStringLiteral("迁移完成"));
        entries << makeEntry(4000, QStringLiteral("t2"), QStringLiteral("FAILED"),
                             QString(kMaxInfoChars, QLatin1Char('x')));
        entries[3].errorCode = QStringLiteral("FailedOperation");
        entries[3].errorMessage = QStringLiteral("失败：磁盘已满");
        entries[3].region = QString::fromLatin1("");
        entries[2].product = QStringLiteral("redis");
        entries[2].vendorStatus = QStringLiteral("succeed");
        entries[3].vendorStatus = QStringLiteral("FAILED");
        {
            TaskStore store(path);
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            for (const HistoryEntry& e : std::as_const(entries))
                QVERIFY2(store.appendHistory(e), qPrintable(store.lastError()));
        }
        TaskStore store(path);
        QVERIFY(store.open());
        QCOMPARE(store.historyCount(), entries.size());
        const QList<HistoryEntry> read = readHistory(store);
        QCOMPARE(read.size(), entries.size());
        for (qsizetype i = 0; i < entries.size(); ++i) {
            QCOMPARE(read.at(i).status.has_value(), entries.at(i).status.has_value());
            QCOMPARE(read.at(i).info.has_value(), entries.at(i).info.has_value());
            QCOMPARE(read.at(i).observedAt.timeSpec(), Qt::UTC);
            QVERIFY2(read.at(i) == entries.at(i), qPrintable(QString::number(i)));
        }
        RawDb raw(path);
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT count(*) FROM history WHERE status IS NULL AND info IS NULL"))
                .toInt(),
            1);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM history WHERE status = '' AND info = ''"))
                     .toInt(),
                 1);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT observed_at FROM history WHERE status = 'SUCCESS'"))
                     .toLongLong(),
                 3000);
    }

    void removeKeepsHistory() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open());
        const TaskState s = makeState(QStringLiteral("gone"), QStringLiteral("RUNNING"), std::nullopt);
        QVERIFY(store.record(s, true));
        QCOMPARE(store.loadTasks().value().size(), 1);
        QVERIFY(store.removeTask(s.id));
        QVERIFY(store.loadTasks().value().isEmpty());
        QCOMPARE(store.historyCount(), qint64(1));
        QVERIFY(store.removeTask(QStringLiteral("never-there")));
    }

    void recordWritesBoth() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open());
        TaskState s = makeState(QStringLiteral("rec"), QStringLiteral("RUNNING"), QStringLiteral("10%"));
        QVERIFY(store.record(s, true, QStringLiteral("p")));
        QVERIFY(store.record(s, false, QStringLiteral("p"))); // no observed change: no history row
        QCOMPARE(store.historyCount(), qint64(1));
        const QList<HistoryEntry> h = readHistory(store);
        QCOMPARE(h.size(), 1);
        HistoryEntry expected = TaskStore::entryFrom(s);
        expected.profile = QStringLiteral("p"); // the row carries the profile it was recorded with
        QCOMPARE(h.first(), expected);
        QCOMPARE(h.first().observedAt, s.lastCheckedAt);
        QCOMPARE(store.profileOf(s.id), QStringLiteral("p"));
    }

    void recordIsAtomic() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        TaskStore store(path);
        QVERIFY(store.open());
        TaskState s = makeState(QStringLiteral("atomic"), QStringLiteral("RUNNING"), std::nullopt);
        QVERIFY(store.record(s, true));
        {
            RawDb raw(path); // make every history insert fail from now on
            QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER no_history BEFORE INSERT ON history BEGIN SELECT "
                                            "RAISE(ABORT, 'injected failure'); END")));
        }
        TaskState next = s;
        next.status = QStringLiteral("SUCCESS");
        next.phase = TaskPhase::Finished;
        QVERIFY(!store.record(next, true));
        QVERIFY2(store.lastError().contains(QLatin1String("injected failure")),
                 qPrintable(store.lastError()));
        // The task row was not updated either.
        const QList<TaskState> tasks = store.loadTasks().value();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().status, std::optional<QString>(QStringLiteral("RUNNING")));
        QCOMPARE(tasks.first().phase, TaskPhase::Polling);
        QCOMPARE(store.historyCount(), qint64(1));
        // Without an observed change the upsert alone goes through; and the store is usable after the
        // failure.
        QVERIFY2(store.record(next, false), qPrintable(store.lastError()));
        QCOMPARE(store.loadTasks().value().first().status, std::optional<QString>(QStringLiteral("SUCCESS")));
    }

    void transactions() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open());
        // Rolled back as a whole when the work fails.
        QVERIFY(!store.transaction([&] {
            return store.appendHistory(makeEntry(1, QStringLiteral("a"))) &&
                   store.appendHistory(makeEntry(2, QStringLiteral("a"))) && false;
        }));
        QCOMPARE(store.historyCount(), qint64(0));
        // Bulk write, with a nested transaction that fails and is undone alone.
        const bool ok = store.transaction([&] {
            for (int i = 0; i < 500; ++i) {
                if (!store.appendHistory(makeEntry(10 + i, QStringLiteral("bulk"))))
                    return false;
            }
            const bool inner = store.transaction(
                [&] { return store.appendHistory(makeEntry(9999, QStringLiteral("x"))) && false; });
            return !inner;
        });
        QVERIFY2(ok, qPrintable(store.lastError()));
        QCOMPARE(store.historyCount(), qint64(500));
        // Nested success is kept.
        QVERIFY(store.transaction([&] {
            return store.transaction([&] { return store.appendHistory(makeEntry(1, QStringLiteral("n"))); });
        }));
        QCOMPARE(store.historyCount(), qint64(501));
    }

    void historyQuery() {
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open());
        // Inserted out of time order; two rows share a timestamp (insertion order must break the tie).
        const QList<HistoryEntry> in = {
            makeEntry(5000, QStringLiteral("b")),
            makeEntry(1000, QStringLiteral("a")),
            makeEntry(3000, QStringLiteral("c")),
            makeEntry(3000, QStringLiteral("a"), QStringLiteral("SUCCESS")),
            makeEntry(7000, QStringLiteral("a")),
        };
        for (const HistoryEntry& e : in)
            QVERIFY(store.appendHistory(e));

        auto ids = [](const QList<HistoryEntry>& list) {
            QStringList out;
            for (const HistoryEntry& e : list)
                out << QStringLiteral("%1@%2").arg(e.taskId).arg(e.observedAt.toMSecsSinceEpoch());
            return out;
        };
        QCOMPARE(ids(readHistory(store)),
                 QStringList({QStringLiteral("a@1000"), QStringLiteral("c@3000"), QStringLiteral("a@3000"),
                              QStringLiteral("b@5000"), QStringLiteral("a@7000")}));
        HistoryQuery since;
        since.since = utc(3000);
        QCOMPARE(ids(readHistory(store, since)),
                 QStringList({QStringLiteral("c@3000"), QStringLiteral("a@3000"), QStringLiteral("b@5000"),
                              QStringLiteral("a@7000")}));
        HistoryQuery byId;
        byId.ids = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("no'such\"id")};
        QCOMPARE(ids(readHistory(store, byId)),
                 QStringList({QStringLiteral("a@1000"), QStringLiteral("a@3000"), QStringLiteral("b@5000"),
                              QStringLiteral("a@7000")}));
        HistoryQuery both;
        both.since = utc(3001);
        both.ids = {QStringLiteral("a")};
        QCOMPARE(ids(readHistory(store, both)), QStringList({QStringLiteral("a@7000")}));
        HistoryQuery none;
        none.since = utc(8000);
        QVERIFY(readHistory(store, none).isEmpty());

        // The sink can stop early; that is not an error.
        int seen = 0;
        QVERIFY(store.forEachHistory({}, [&seen](const HistoryEntry&) { return ++seen < 2; }));
        QCOMPARE(seen, 2);
    }

    void manyIds() {
        // More ids than SQLite allows bound parameters in one statement.
        QTemporaryDir dir;
        TaskStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open());
        QVERIFY(store.transaction([&] {
            for (int i = 0; i < 40; ++i) {
                if (!store.appendHistory(makeEntry(i, QStringLiteral("id-%1").arg(i))))
                    return false;
            }
            return true;
        }));
        HistoryQuery q;
        for (int i = 0; i < 40000; i += 2)
            q.ids << QStringLiteral("id-%1").arg(i);
        QCOMPARE(readHistory(store, q).size(), 20);
    }

    void uniqueConnections() {
        QTemporaryDir dir;
        const QStringList before = QSqlDatabase::connectionNames();
        {
            TaskStore a(dir.filePath(QStringLiteral("a.sqlite")));
            TaskStore b(dir.filePath(QStringLiteral("b.sqlite")));
            TaskStore a2(dir.filePath(QStringLiteral("a.sqlite"))); // a second connection to the same file
            QVERIFY(a.open());
            QVERIFY(b.open());
            QVERIFY(a2.open());
            QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 3);
            QVERIFY(a.appendHistory(makeEntry(1, QStringLiteral("x"))));
            QCOMPARE(b.historyCount(), qint64(0));
            QCOMPARE(a2.historyCount(), qint64(1));
        }
        QCOMPARE(QSqlDatabase::connectionNames(), before);
    }

    void migratesVersion1() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RawDb raw(path);
            for (const char* sql : kSchemaV1)
                QVERIFY(raw.exec(QString::fromUtf8(sql)));
        }
        TaskStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), TaskStore::kSchemaVersion);
        QVERIFY(store.recoveryMessage().isEmpty());

        const QList<TaskState> tasks = store.loadTasks().value();
        QCOMPARE(tasks.size(), 3);
        QCOMPARE(tasks.at(0).id, QStringLiteral("1a2b3c4d-0001"));
        QCOMPARE(tasks.at(0).status, std::optional<QString>(QStringLiteral("SUCCESS")));
        QCOMPARE(tasks.at(0).info, std::optional<QString>(QStringLiteral("完成")));
        QCOMPARE(tasks.at(0).phase, TaskPhase::Finished);
        QCOMPARE(tasks.at(0).httpStatus, 0);
        QCOMPARE(tasks.at(0).finishedAt, utc(1764000060000));
        QCOMPARE(tasks.at(1).status, std::nullopt);
        QCOMPARE(tasks.at(1).info, std::nullopt);
        QCOMPARE(tasks.at(1).phase, TaskPhase::Waiting);
        QCOMPARE(tasks.at(2).info, std::optional<QString>(QString::fromLatin1("")));
        QCOMPARE(tasks.at(2).errorMessage, QStringLiteral("oops"));
        QCOMPARE(tasks.at(2).phase, TaskPhase::Polling);
        QCOMPARE(store.loadTasks(QStringLiteral("work")).value().size(), 1);

        const QList<HistoryEntry> h = readHistory(store);
        QCOMPARE(h.size(), 2);
        QCOMPARE(h.at(0).info, std::nullopt);
        QCOMPARE(h.at(1).info, std::optional<QString>(QStringLiteral("完成")));

        // The new columns work.
        TaskState s = tasks.at(2);
        s.httpStatus = 503;
        s.phase = TaskPhase::Retrying;
        QVERIFY(store.record(s, true));
        QCOMPARE(store.loadTasks().value().at(2).httpStatus, 503);
        QCOMPARE(store.loadTasks().value().at(2).phase, TaskPhase::Retrying);
        store.close();

        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), TaskStore::kSchemaVersion);
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'history_task_id'"))
                .toInt(),
            1);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }

    // A database written by the previous release (schema 2): tasks and history keep every field, history rows
    // get the profile of their task, and the tasks table takes (profile, id) pairs afterwards.
    // Version 3 had no discovery facts nor last change time; a v3 row loads with empty facts, and facts
    // written later survive a reload exactly.
    void migratesVersion3AndKeepsDiscoveryFacts() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral(
                "CREATE TABLE tasks (id TEXT NOT NULL, region TEXT NOT NULL DEFAULT '', profile TEXT NOT "
                "NULL "
                "DEFAULT '', added_at INTEGER, status TEXT, info TEXT, request_id TEXT NOT NULL DEFAULT '', "
                "error_code TEXT NOT NULL DEFAULT '', error_message TEXT NOT NULL DEFAULT '', http_status "
                "INTEGER NOT NULL DEFAULT 0, last_checked_at INTEGER, finished_at INTEGER, phase TEXT NOT "
                "NULL "
                "DEFAULT 'waiting', PRIMARY KEY (profile, id))")));
            QVERIFY(raw.exec(QStringLiteral(
                "CREATE TABLE history (id INTEGER PRIMARY KEY, observed_at INTEGER NOT NULL, task_id TEXT "
                "NOT "
                "NULL, region TEXT NOT NULL DEFAULT '', status TEXT, info TEXT, error_code TEXT NOT NULL "
                "DEFAULT '', error_message TEXT NOT NULL DEFAULT '', request_id TEXT NOT NULL DEFAULT '', "
                "profile TEXT NOT NULL DEFAULT '')")));
            QVERIFY(
                raw.exec(QStringLiteral("INSERT INTO tasks (id, region, profile, added_at, status) VALUES "
                                        "('3c-0001', 'ap-guangzhou', 'default', 1764000000000, 'RUNNING')")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 3")));
        }
        TaskStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), TaskStore::kSchemaVersion);
        QList<TaskState> tasks = store.loadTasks().value();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().status, std::optional<QString>(QStringLiteral("RUNNING")));
        QVERIFY(!tasks.first().discovery.isDiscovered());
        QVERIFY(!tasks.first().lastChangedAt.isValid());

        TaskState t = tasks.first();
        t.lastChangedAt = utc(1764000050000);
        DiscoveryFacts& f = t.discovery;
        f.jobId = 9001;
        f.taskType = QStringLiteral("MODIFY PARAM");
        f.instanceIds = {QStringLiteral("cdb-c1nl9rpv"), QStringLiteral("cdb-2")};
        f.instanceName = QStringLiteral("orders \"primary\" 订单");
        f.progress = 42;
        f.startedAt = utc(1764000000000);
        f.status = QStringLiteral("RUNNING");
        f.taskCode = 7;
        f.taskMessage = QStringLiteral("disk full");
        f.listedAt = utc(1764000060000);
        QVERIFY2(store.upsertTask(t), qPrintable(store.lastError()));
        tasks = store.loadTasks().value();
        QCOMPARE(tasks.size(), 1);
        QVERIFY(tasks.first().discovery == f);
        QCOMPARE(tasks.first().lastChangedAt, utc(1764000050000));
    }

    // A database written by the previous release (schema 4): every task and history row becomes a cdb one,
    // with the vendor's word equal to its status, every other field kept; afterwards ids of two products
    // are two tasks.
    void migratesVersion4ToProducts() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RawDb raw(path);
            for (const char* sql : kSchemaV4)
                QVERIFY(raw.exec(QString::fromUtf8(sql)));
        }
        TaskStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), TaskStore::kSchemaVersion);

        const QList<TaskState> tasks = store.loadTasks().value();
        QCOMPARE(tasks.size(), 3);
        QCOMPARE(tasks.at(0).id, QStringLiteral("4d-0001")); // ordered by added_at, then row order
        QCOMPARE(tasks.at(0).profile, QStringLiteral("work"));
        QCOMPARE(tasks.at(0).status, std::nullopt);
        QCOMPARE(tasks.at(0).vendorStatus, std::nullopt);
        QCOMPARE(tasks.at(1).id, QStringLiteral("4d-0003"));
        QCOMPARE(tasks.at(1).httpStatus, 502);
        QCOMPARE(tasks.at(1).phase, TaskPhase::Retrying);
        QCOMPARE(tasks.at(1).info, std::optional<QString>(QString::fromLatin1("")));
        QCOMPARE(tasks.at(1).errorMessage, QStringLiteral("oops"));
        QCOMPARE(tasks.at(1).lastChangedAt, utc(1764000030000));
        QCOMPARE(tasks.at(1).vendorStatus, std::optional<QString>(QStringLiteral("RUNNING")));
        QCOMPARE(tasks.at(2).id, QStringLiteral("4d-0001"));
        QCOMPARE(tasks.at(2).profile, QStringLiteral("default"));
        QCOMPARE(tasks.at(2).info, std::optional<QString>(QStringLiteral("完成")));
        QCOMPARE(tasks.at(2).finishedAt, utc(1764000060000));
        QCOMPARE(tasks.at(2).phase, TaskPhase::Finished);
        QCOMPARE(tasks.at(2).discovery.jobId, qint64(4242));
        QVERIFY(tasks.at(2).discovery.isDiscovered());
        QCOMPARE(tasks.at(2).vendorStatus, std::optional<QString>(QStringLiteral("SUCCESS")));
        for (const TaskState& t : tasks)
            QCOMPARE(t.product, QStringLiteral("cdb"));

        const QList<HistoryEntry> h = readHistory(store);
        QCOMPARE(h.size(), 3);
        for (const HistoryEntry& e : h) {
            QCOMPARE(e.product, QStringLiteral("cdb"));
            QCOMPARE(e.vendorStatus, e.status);
        }
        QCOMPARE(h.at(1).status, std::nullopt);
        QCOMPARE(h.at(1).errorCode, QStringLiteral("InternalError"));
        QCOMPARE(h.at(2).info, std::optional<QString>(QStringLiteral("完成")));

        // The same id under three products is three tasks, each with its own row and history.
        for (const char* product : {"redis", "postgres", "cdb"}) {
            TaskState t = makeState(QStringLiteral("912"), QStringLiteral("RUNNING"), std::nullopt);
            t.profile = QStringLiteral("work");
            t.product = QString::fromLatin1(product);
            t.vendorStatus = QStringLiteral("%1-running").arg(t.product);
            QVERIFY2(store.record(t, true), qPrintable(store.lastError()));
        }
        QCOMPARE(store.loadTasks(QStringLiteral("work")).value().size(), 2 + 3);
        QVERIFY(store.removeTask(QStringLiteral("912"), QStringLiteral("work"), QStringLiteral("redis")));
        QStringList left;
        const QList<TaskState> work = store.loadTasks(QStringLiteral("work")).value();
        for (const TaskState& t : work) {
            if (t.id == QLatin1String("912"))
                left << t.product + QLatin1Char('=') + t.vendorStatus.value_or(QString());
        }
        QCOMPARE(left, (QStringList{QStringLiteral("postgres=postgres-running"),
                                    QStringLiteral("cdb=cdb-running")}));
        HistoryQuery q;
        q.ids = {QStringLiteral("912")};
        QStringList products;
        for (const HistoryEntry& e : readHistory(store, q))
            products << e.product + QLatin1Char('=') + e.vendorStatus.value_or(QString());
        QCOMPARE(products, (QStringList{QStringLiteral("redis=redis-running"),
                                        QStringLiteral("postgres=postgres-running"),
                                        QStringLiteral("cdb=cdb-running")}));
        store.close();

        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM "
                                           "pragma_table_info('tasks') WHERE pk > 0 ORDER BY pk)"))
                     .toString(),
                 QStringLiteral("profile,product,id"));
    }

    void migratesVersion2() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RawDb raw(path);
            for (const char* sql : kSchemaV2)
                QVERIFY(raw.exec(QString::fromUtf8(sql)));
        }
        TaskStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), TaskStore::kSchemaVersion);

        const QList<TaskState> tasks = store.loadTasks().value();
        QCOMPARE(tasks.size(), 3);
        // Ordered by added_at, then the original row order.
        QCOMPARE(tasks.at(0).id, QStringLiteral("2b-0002"));
        QCOMPARE(tasks.at(0).profile, QString());
        QCOMPARE(tasks.at(0).status, std::nullopt);
        QCOMPARE(tasks.at(0).phase, TaskPhase::Waiting);
        QCOMPARE(tasks.at(1).id, QStringLiteral("2b-0003"));
        QCOMPARE(tasks.at(1).profile, QStringLiteral("work"));
        QCOMPARE(tasks.at(1).httpStatus, 502);
        QCOMPARE(tasks.at(1).phase, TaskPhase::Retrying);
        QCOMPARE(tasks.at(1).info, std::optional<QString>(QString::fromLatin1("")));
        QCOMPARE(tasks.at(1).errorMessage, QStringLiteral("oops"));
        QCOMPARE(tasks.at(2).id, QStringLiteral("2b-0001"));
        QCOMPARE(tasks.at(2).profile, QStringLiteral("default"));
        QCOMPARE(tasks.at(2).info, std::optional<QString>(QStringLiteral("完成")));
        QCOMPARE(tasks.at(2).finishedAt, utc(1764000060000));
        QCOMPARE(tasks.at(2).phase, TaskPhase::Finished);

        const QList<HistoryEntry> h = readHistory(store);
        QCOMPARE(h.size(), 4);
        QCOMPARE(h.at(0).taskId, QStringLiteral("2b-0001"));
        QCOMPARE(h.at(0).profile, QStringLiteral("default"));
        QCOMPARE(h.at(0).info, std::nullopt);
        QCOMPARE(h.at(1).taskId, QStringLiteral("2b-0003"));
        QCOMPARE(h.at(1).profile, QStringLiteral("work"));
        QCOMPARE(h.at(1).errorCode, QStringLiteral("InternalError"));
        QCOMPARE(h.at(2).taskId, QStringLiteral("2b-gone"));
        QCOMPARE(h.at(2).profile, QString()); // its task is gone: no profile known
        QCOMPARE(h.at(3).profile, QStringLiteral("default"));
        QCOMPARE(h.at(3).info, std::optional<QString>(QStringLiteral("完成")));
        HistoryQuery work;
        work.profile = QStringLiteral("work");
        QCOMPARE(readHistory(store, work).size(), 1);

        // The same id under a second profile is a second task; its history is told apart.
        TaskState other = tasks.at(2);
        other.profile = QStringLiteral("staging");
        other.status = QStringLiteral("RUNNING");
        other.lastCheckedAt = utc(1764000070000);
        QVERIFY2(store.record(other, true), qPrintable(store.lastError()));
        QCOMPARE(store.loadTasks().value().size(), 4);
        QCOMPARE(store.loadTasks(QStringLiteral("default")).value().first().status,
                 std::optional<QString>(QStringLiteral("SUCCESS")));
        HistoryQuery staging;
        staging.profile = QStringLiteral("staging");
        const QList<HistoryEntry> hs = readHistory(store, staging);
        QCOMPARE(hs.size(), 1);
        QCOMPARE(hs.first().taskId, QStringLiteral("2b-0001"));
        QCOMPARE(hs.first().status, std::optional<QString>(QStringLiteral("RUNNING")));
        store.close();

        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), TaskStore::kSchemaVersion);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM "
                                           "pragma_table_info('tasks') WHERE pk > 0 ORDER BY pk)"))
                     .toString(),
                 QStringLiteral("profile,product,id"));
    }

    // Several connections opening one new file at the same moment (as two `watch` runs on a fresh HOME do):
    // every open succeeds and records, none sees a half-made schema or fails on a busy database.
    void parallelOpensOfANewFile() {
        for (int round = 0; round < 5; ++round) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("sub/history.sqlite"));
            constexpr int kThreads = 8;
            std::latch start(kThreads);
            QStringList errors;
            QMutex mutex;
            std::vector<std::unique_ptr<QThread>> threads;
            for (int t = 0; t < kThreads; ++t) {
                threads.emplace_back(QThread::create([&, t] {
                    TaskStore store(path);
                    start.arrive_and_wait();
                    QString error;
                    if (!store.open())
                        error = QStringLiteral("open: ") + store.lastError();
                    else if (!store.record(makeState(QStringLiteral("task-%1").arg(t),
                                                     QStringLiteral("RUNNING"), std::nullopt),
                                           true, QStringLiteral("p%1").arg(t)))
                        error = QStringLiteral("record: ") + store.lastError();
                    if (!error.isEmpty()) {
                        QMutexLocker lock(&mutex);
                        errors << error;
                    }
                }));
                threads.back()->start();
            }
            for (auto& thread : threads)
                QVERIFY(thread->wait(60000));
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
            TaskStore store(path);
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            QCOMPARE(store.loadTasks().value().size(), kThreads);
            QCOMPARE(store.historyCount(), qint64(kThreads));
            QCOMPARE(store.schemaVersion(), TaskStore::kSchemaVersion);
            QVERIFY(corruptFiles(dir.filePath(QStringLiteral("sub"))).isEmpty());
        }
    }

    void failedMigrationLeavesVersion1() {
        // A version-1 file whose tasks table already has a "phase" column: the ALTER fails, and the whole
        // migration is rolled back.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RawDb raw(path);
            for (const char* sql : kSchemaV1)
                QVERIFY(raw.exec(QString::fromUtf8(sql)));
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE tasks ADD COLUMN phase TEXT")));
        }
        TaskStore store(path);
        QVERIFY(!store.open());
        QVERIFY2(store.lastError().contains(QLatin1String("schema version 1")),
                 qPrintable(store.lastError()));
        QVERIFY(corruptFiles(dir.path()).isEmpty());
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('tasks') WHERE name = "
                                           "'http_status'"))
                     .toInt(),
                 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM tasks")).toInt(), 3);
    }

    void refusesNewerVersion() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE future (x)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO future VALUES (42)")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 7")));
        }
        const QByteArray before = fileHash(path);
        const QDateTime mtime = QFileInfo(path).lastModified();
        {
            TaskStore store(path);
            QVERIFY(!store.open());
            QVERIFY(!store.isOpen());
            QVERIFY2(store.lastError().contains(QLatin1String("newer")), qPrintable(store.lastError()));
            QVERIFY(store.lastError().contains(QLatin1String("7")));
            QVERIFY(store.recoveryMessage().isEmpty());
            QVERIFY(!store.upsertTask(makeState(QStringLiteral("x"), std::nullopt, std::nullopt)));
        }
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QFileInfo(path).lastModified(), mtime);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("history.sqlite")});
    }

    void refusesForeignDatabase() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")));
        }
        const QByteArray before = fileHash(path);
        TaskStore store(path);
        QVERIFY(!store.open());
        QVERIFY2(store.lastError().contains(QLatin1String("not a TaskWatch history")),
                 qPrintable(store.lastError()));
        QCOMPARE(fileHash(path), before);
    }

    void recoversFromDamage_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("random bytes") << QStringLiteral("random");
        QTest::newRow("truncated database") << QStringLiteral("truncated");
        QTest::newRow("garbled pages") << QStringLiteral("garbled");
    }

    void recoversFromDamage() {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        if (kind == QLatin1String("random")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray bytes(16 * 1024, Qt::Uninitialized);
            QRandomGenerator gen(4180);
            for (char& c : bytes)
                c = char(gen.bounded(256));
            f.write(bytes);
            f.close();
            QFile wal(path + QStringLiteral("-wal")); // a stray WAL goes along with its database
            QVERIFY(wal.open(QIODevice::WriteOnly));
            wal.write("not a wal");
        } else {
            {
                TaskStore store(path);
                QVERIFY(store.open());
                QVERIFY(store.transaction([&] {
                    for (int i = 0; i < 3000; ++i) {
                        if (!store.appendHistory(makeEntry(i, QStringLiteral("t%1").arg(i % 7),
                                                           QStringLiteral("RUNNING"),
                                                           QString(200, QChar(0x5B57 + i % 50)))))
                            return false;
                    }
                    return true;
                }));
            }
            QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal"))); // checkpointed on close
            QFile f(path);
            const qint64 size = f.size();
            QVERIFY(size > 500 * 1024);
            if (kind == QLatin1String("truncated")) {
                QVERIFY(f.resize(size / 3));
            } else {
                QVERIFY(f.open(QIODevice::ReadWrite));
                QRandomGenerator gen(26);
                for (qint64 off = 8192; off < size; off += 64 * 1024) { // leave the header page alone
                    QVERIFY(f.seek(off));
                    QByteArray junk(2048, Qt::Uninitialized);
                    for (char& c : junk)
                        c = char(gen.bounded(256));
                    f.write(junk);
                }
                f.close();
            }
        }
        const QByteArray damagedHash = fileHash(path);

        TaskStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(!store.recoveryMessage().isEmpty());
        const QStringList moved = corruptFiles(dir.path());
        QVERIFY2(moved.contains(QFileInfo(store.movedAsidePath()).fileName()), qPrintable(moved.join(u' ')));
        QVERIFY(QRegularExpression(QStringLiteral("^history\\.sqlite\\.corrupt-\\d{8}-\\d{6}$"))
                    .match(QFileInfo(store.movedAsidePath()).fileName())
                    .hasMatch());
        QVERIFY2(store.recoveryMessage().contains(QDir::toNativeSeparators(store.movedAsidePath())),
                 qPrintable(store.recoveryMessage()));
        QCOMPARE(fileHash(store.movedAsidePath()), damagedHash); // moved, not rewritten
        if (kind == QLatin1String("random")) {
            QFile movedWal(store.movedAsidePath() + QStringLiteral("-wal")); // moved along, untouched
            QVERIFY(movedWal.open(QIODevice::ReadOnly));
            QCOMPARE(movedWal.readAll(), QByteArray("not a wal"));
        }

        // The fresh database works.
        QCOMPARE(store.schemaVersion(), TaskStore::kSchemaVersion);
        QCOMPARE(store.historyCount(), qint64(0));
        QVERIFY(
            store.record(makeState(QStringLiteral("fresh"), QStringLiteral("RUNNING"), std::nullopt), true));
        QCOMPARE(store.historyCount(), qint64(1));
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    }

    void secondRecoveryKeepsBothCopies() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        for (int round = 1; round <= 2; ++round) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, char('A' + round)));
            f.close();
            TaskStore store(path);
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            QVERIFY(!store.recoveryMessage().isEmpty());
            QCOMPARE(corruptFiles(dir.path()).size(), round); // never overwrites an earlier copy
        }
    }

    void unusablePaths() {
        QTemporaryDir dir;
        {
            TaskStore store(dir.path()); // a folder
            QVERIFY(!store.open());
            QVERIFY2(store.lastError().contains(QLatin1String("folder")), qPrintable(store.lastError()));
            QVERIFY(store.recoveryMessage().isEmpty());
        }
        {
            QFile blocker(dir.filePath(QStringLiteral("file")));
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            blocker.close();
            TaskStore store(dir.filePath(QStringLiteral("file/sub/history.sqlite")));
            QVERIFY(!store.open());
            QVERIFY2(store.lastError().contains(QLatin1String("Cannot create the folder")),
                     qPrintable(store.lastError()));
        }
        QVERIFY(corruptFiles(dir.path()).isEmpty());
    }

    void unreadableFile() {
        if (::geteuid() == 0)
            QSKIP("root bypasses file permissions");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            TaskStore store(path);
            QVERIFY(store.open());
        }
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        TaskStore store(path);
        QVERIFY(!store.open());
        QVERIFY2(store.lastError().contains(QLatin1String("permission denied")),
                 qPrintable(store.lastError()));
        QVERIFY(corruptFiles(dir.path()).isEmpty());
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }

    void closedStoreFails() {
        TaskStore store(QStringLiteral("/nonexistent-never-opened.sqlite"));
        QVERIFY(!store.appendHistory(makeEntry(1, QStringLiteral("x"))));
        QVERIFY(!store.lastError().isEmpty());
        QCOMPARE(store.historyCount(), qint64(-1));
        QVERIFY(!store.forEachHistory({}, [](const HistoryEntry&) { return true; }));
    }

    void entryFromState() {
        TaskState s = makeState(QStringLiteral("e"), std::nullopt, QStringLiteral("i"));
        s.lastCheckedAt = QDateTime(QDate(2026, 11, 28), QTime(3, 40), QTimeZone(8 * 3600));
        s.errorCode = QStringLiteral("Timeout");
        s.product = QStringLiteral("postgres");
        s.vendorStatus = QStringLiteral("Running");
        const HistoryEntry e = TaskStore::entryFrom(s);
        QCOMPARE(e.product, s.product);
        QCOMPARE(e.vendorStatus, s.vendorStatus);
        QCOMPARE(e.observedAt.timeSpec(), Qt::UTC);
        QCOMPARE(e.observedAt, compat::utcDateTime(QDate(2026, 11, 27), QTime(19, 40)));
        QCOMPARE(e.taskId, s.id);
        QCOMPARE(e.status, std::nullopt);
        QCOMPARE(e.info, s.info);
        QCOMPARE(e.errorCode, s.errorCode);
        s.lastCheckedAt = {};
        QVERIFY(TaskStore::entryFrom(s).observedAt.isValid());
    }
};

QTEST_GUILESS_MAIN(TestTaskStore)
#include "tst_taskstore.moc"
