#include "history/TaskStore.h"

#include "discovery/Discovery.h"
#include "history/TaskStoreSchema.h"
#include "platform/QtCompat.h"
#include "task/HistoryEntry.h"
#include "task/TaskState.h"
#include "task/TextBounds.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QVariant>
#include <atomic>

namespace taskwatch {

namespace {
constexpr int kBusyTimeoutMs = 5000; // how long a connection waits for another one's lock

// SQLite primary result codes the open() checks tell apart (sqlite3.h).
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADb = 26;

int sqliteCode(const QSqlError& error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1; // extended codes carry the primary code in the low byte
}

// The SQL text of a string. A null QString would be bound as SQL NULL by the driver, so a present (maybe
// empty) value is always bound as a non-null string.
QVariant textValue(const QString& s) {
    return s.isNull() ? QVariant(QString::fromLatin1("")) : QVariant(s);
}

QVariant optionalText(const std::optional<QString>& s) {
    return s ? textValue(*s) : QVariant();
}

// A task's product as stored: an empty one is cdb's (the default of TaskState and HistoryEntry).
QVariant productValue(const QString& product) {
    return product.isEmpty() ? QVariant(QString::fromLatin1(kCdbProduct)) : QVariant(product);
}

QVariant timeValue(const QDateTime& t) {
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFrom(const QSqlQuery& q, int column) {
    if (q.isNull(column))
        return {};
    return compat::utcFromMSecs(q.value(column).toLongLong());
}

std::optional<QString> optionalFrom(const QSqlQuery& q, int column) {
    if (q.isNull(column))
        return std::nullopt;
    return q.value(column).toString();
}

QString stringFrom(const QSqlQuery& q, int column) {
    return q.isNull(column) ? QString() : q.value(column).toString();
}

constexpr const char* kPhaseNames[] = {"waiting", "polling", "retrying", "finished", "stopped", "held"};

} // namespace

QString TaskStore::phaseName(TaskPhase phase) {
    const auto i = static_cast<std::size_t>(phase);
    return i < std::size(kPhaseNames) ? QString::fromLatin1(kPhaseNames[i])
                                      : QString::fromLatin1(kPhaseNames[0]);
}

TaskPhase TaskStore::phaseFromName(const QString& name) {
    for (std::size_t i = 0; i < std::size(kPhaseNames); ++i) {
        if (name == QLatin1String(kPhaseNames[i]))
            return static_cast<TaskPhase>(i);
    }
    return TaskPhase::Waiting;
}

QString TaskStore::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

TaskStore::TaskStore(const QString& path)
    : m_path(path) {
    static std::atomic<quint64> counter{0};
    m_connectionName = QStringLiteral("taskwatch-store-%1").arg(++counter);
}

TaskStore::~TaskStore() {
    close();
}

bool TaskStore::isOpen() const {
    return m_db.isValid() && m_db.isOpen();
}

void TaskStore::close() {
    m_upsertQuery.reset(); // statements go before their connection
    m_historyQuery.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
    m_transactionDepth = 0;
}

bool TaskStore::fail(const QString& message) {
    m_lastError = message;
    return false;
}

bool TaskStore::failSql(const QString& what, const QSqlError& error) {
    return fail(
        tr("History database %1: %2 failed: %3").arg(QDir::toNativeSeparators(m_path), what, error.text()));
}

bool TaskStore::exec(const QString& sql) {
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return failSql(sql.section(QLatin1Char(' '), 0, 2), q.lastError());
    return true;
}

bool TaskStore::open() {
    close();
    m_lastError.clear();
    m_recoveryMessage.clear();
    m_movedAsidePath.clear();
    if (m_path.isEmpty())
        return fail(tr("No history database file was given."));

    const OpenOutcome outcome = openOnce();
    if (outcome == OpenOutcome::Ok)
        return true;
    if (outcome == OpenOutcome::Failed) {
        close();
        return false;
    }
    // Damaged: keep the file for the user (never delete it) and start afresh.
    const QString damage = m_lastError;
    close();
    if (!moveAside())
        return false;
    m_recoveryMessage =
        tr("The history database %1 was damaged (%2). It was moved aside to %3 and a new, empty "
           "history was started.")
            .arg(QDir::toNativeSeparators(m_path), damage, QDir::toNativeSeparators(m_movedAsidePath));
    if (openOnce() != OpenOutcome::Ok) {
        close();
        return false;
    }
    return true;
}

TaskStore::OpenOutcome TaskStore::openOnce() {
    const QString nativePath = QDir::toNativeSeparators(m_path);
    const QFileInfo info(m_path);
    if (info.exists()) {
        if (info.isDir()) {
            fail(tr("The history database path %1 is a folder, not a file.").arg(nativePath));
            return OpenOutcome::Failed;
        }
        if (!info.isReadable()) {
            fail(tr("The history database %1 cannot be read: permission denied. Check the file's owner and "
                    "permissions.")
                     .arg(nativePath));
            return OpenOutcome::Failed;
        }
        if (!info.isWritable()) {
            fail(tr("The history database %1 is read-only: permission denied. Check the file's owner and "
                    "permissions.")
                     .arg(nativePath));
            return OpenOutcome::Failed;
        }
    } else {
        const QString dir = info.absolutePath();
        if (!QDir().mkpath(dir)) {
            fail(tr("Cannot create the folder %1 for the history database.")
                     .arg(QDir::toNativeSeparators(dir)));
            return OpenOutcome::Failed;
        }
    }

    // An existing file is first checked through a separate read-only connection: it never writes, never
    // checkpoints nor deletes a -wal file, so a damaged or newer database is left exactly as it was.
    if (info.exists()) {
        const OpenOutcome checked = checkExisting();
        if (checked != OpenOutcome::Ok)
            return checked;
    }

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        fail(tr("The Qt SQLite driver (QSQLITE) is not available: install the Qt 6 SQLite plugin."));
        return OpenOutcome::Failed;
    }
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!m_db.open()) {
        fail(tr("Cannot open the history database %1: %2").arg(nativePath, m_db.lastError().text()));
        return OpenOutcome::Failed;
    }
    // Switching a new file to WAL needs it to itself for a moment: when another process opens the same new
    // file at that instant SQLite answers "database is locked" at once (its busy handler is not used there,
    // to avoid a deadlock), so that is tried again, for as long as the busy timeout.
    for (QElapsedTimer waited;;) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next())
            break; // on a file system without shared memory SQLite keeps the old mode; the store still works
        const bool busy = q.lastError().nativeErrorCode() == QLatin1String("5"); // SQLITE_BUSY
        if (!waited.isValid())
            waited.start();
        if (!busy || waited.elapsed() >= kBusyTimeoutMs) {
            failSql(QStringLiteral("PRAGMA journal_mode"), q.lastError());
            return OpenOutcome::Failed;
        }
        QThread::msleep(10);
    }
    if (!exec(QStringLiteral("PRAGMA synchronous=NORMAL")) || !exec(QStringLiteral("PRAGMA foreign_keys=ON")))
        return OpenOutcome::Failed;

    // The version is read, and the schema created or migrated, inside one write transaction: another process
    // opening the same new file at the same moment waits (busy timeout) and then sees the finished schema.
    int version = -1;
    const bool ok = transaction([&] {
        version = schemaVersion();
        if (version < 0)
            return false;
        if (version > kSchemaVersion) // written by a newer TaskWatch since the check: still refuse
            return fail(newerVersionMessage(version));
        if (version == 0)
            return createSchema();
        if (version < kSchemaVersion)
            return migrate(version);
        return true;
    });
    if (!ok && version > 0 && version < kSchemaVersion) {
        m_lastError =
            tr("Could not upgrade the history database %1 from schema version %2 to %3; it was left "
               "unchanged. %4")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(version)
                .arg(kSchemaVersion)
                .arg(m_lastError);
    }
    return ok ? OpenOutcome::Ok : OpenOutcome::Failed;
}

QString TaskStore::newerVersionMessage(int version) const {
    return tr("The history database %1 was written by a newer version of TaskWatch (schema version %2; this "
              "version understands up to %3). It was left untouched: update TaskWatch, or use another file.")
        .arg(QDir::toNativeSeparators(m_path))
        .arg(version)
        .arg(kSchemaVersion);
}

TaskStore::OpenOutcome TaskStore::checkExisting() {
    const QString nativePath = QDir::toNativeSeparators(m_path);
    const QString name = m_connectionName + QStringLiteral("-check");
    OpenOutcome outcome = OpenOutcome::Ok;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        auto run = [&]() -> OpenOutcome {
            if (!db.open()) {
                fail(tr("Cannot open the history database %1: %2").arg(nativePath, db.lastError().text()));
                return OpenOutcome::Failed;
            }
            QSqlQuery q(db);
            // One read transaction for every check: the version and the tables are seen in the same state,
            // never a new schema half-way (its version not yet, its tables already, committed by another
            // process between two statements).
            q.exec(QStringLiteral("BEGIN"));
            if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
                const int code = sqliteCode(q.lastError());
                if (code == kSqliteNotADb || code == kSqliteCorrupt) {
                    fail(q.lastError().databaseText().isEmpty() ? q.lastError().text()
                                                                : q.lastError().databaseText());
                    return OpenOutcome::Corrupt;
                }
                fail(tr("Cannot read the history database %1: %2").arg(nativePath, q.lastError().text()));
                return OpenOutcome::Failed;
            }
            QStringList problems;
            while (q.next())
                problems << q.value(0).toString();
            if (problems != QStringList{QStringLiteral("ok")}) {
                fail(problems.isEmpty() ? tr("the integrity check returned nothing")
                                        : boundText(problems.join(QStringLiteral("; ")), 400));
                return OpenOutcome::Corrupt;
            }
            if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                failSql(QStringLiteral("PRAGMA user_version"), q.lastError());
                return OpenOutcome::Failed;
            }
            const int version = q.value(0).toInt();
            if (version > kSchemaVersion) {
                fail(newerVersionMessage(version));
                return OpenOutcome::Failed;
            }
            if (version == 0) {
                if (!q.exec(
                        QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT "
                                       "LIKE 'sqlite\\_%' ESCAPE '\\'")) ||
                    !q.next()) {
                    failSql(QStringLiteral("SELECT sqlite_master"), q.lastError());
                    return OpenOutcome::Failed;
                }
                if (q.value(0).toLongLong() > 0) {
                    fail(tr("%1 is an SQLite database but not a TaskWatch history (it has tables and no "
                            "schema "
                            "version). It was left untouched.")
                             .arg(nativePath));
                    return OpenOutcome::Failed;
                }
            }
            return OpenOutcome::Ok;
        };
        outcome = run();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); // read only: nothing to commit
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

bool TaskStore::moveAside() {
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = m_path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(target) || QFileInfo::exists(target + QStringLiteral("-wal")) ||
                    QFileInfo::exists(target + QStringLiteral("-shm"));
         ++n)
        target = m_path + QStringLiteral(".corrupt-") + stamp + QStringLiteral("-%1").arg(n);

    if (!QFile::rename(m_path, target)) {
        return fail(
            tr("The history database %1 is damaged and could not be moved aside to %2; it was left in "
               "place. Move or remove it by hand.")
                .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(target)));
    }
    m_movedAsidePath = target;
    for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFileInfo::exists(m_path + suffix) && !QFile::rename(m_path + suffix, target + suffix)) {
            return fail(
                tr("The damaged history database was moved to %1, but %2 could not be moved next to it. "
                   "Move it by hand.")
                    .arg(QDir::toNativeSeparators(target), QDir::toNativeSeparators(m_path + suffix)));
        }
    }
    return true;
}

int TaskStore::schemaVersion() {
    if (!isOpen())
        return -1;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        failSql(QStringLiteral("PRAGMA user_version"), q.lastError());
        return -1;
    }
    return q.value(0).toInt();
}

// Both run inside openOnce()'s write transaction.
bool TaskStore::createSchema() {
    for (const char* sql : TaskStoreSchema::createVersion3()) {
        if (!exec(QString::fromLatin1(sql)))
            return false;
    }
    return migrate(3);
}

bool TaskStore::migrate(int fromVersion) {
    static_assert(TaskStoreSchema::kCurrentVersion == kSchemaVersion);
    for (int version = fromVersion; version < kSchemaVersion; ++version) {
        for (const char* sql : TaskStoreSchema::migrationFrom(version)) {
            if (!exec(QString::fromLatin1(sql)))
                return false;
        }
    }
    return exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
}

bool TaskStore::transaction(const std::function<bool()>& work) {
    if (!isOpen())
        return fail(tr("The history database is not open."));
    const int depth = m_transactionDepth;
    const QString savepoint = QStringLiteral("tw_%1").arg(depth);
    if (!exec(depth == 0 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT ") + savepoint))
        return false;
    ++m_transactionDepth;
    bool ok = work();
    --m_transactionDepth;

    if (ok) {
        if (exec(depth == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + savepoint))
            return true;
        ok = false;
    }
    // Roll back, keeping the error that caused it.
    const QString error = m_lastError;
    QSqlQuery q(m_db);
    if (depth == 0) {
        q.exec(QStringLiteral("ROLLBACK"));
    } else {
        q.exec(QStringLiteral("ROLLBACK TO ") + savepoint);
        q.exec(QStringLiteral("RELEASE ") + savepoint);
    }
    m_lastError = error;
    return false;
}

bool TaskStore::upsertTask(const TaskState& state, const QString& profileOverride) {
    const QString& profile = profileOverride.isEmpty() ? state.profile : profileOverride;
    if (!isOpen())
        return fail(tr("The history database is not open."));
    if (state.id.isEmpty())
        return fail(tr("A task without an id cannot be stored."));
    QSqlQuery& q = prepared(
        m_upsertQuery,
        QStringLiteral(
            "INSERT INTO tasks (id, region, profile, added_at, status, info, request_id, error_code, "
            "error_message, http_status, last_checked_at, finished_at, phase, discovery, last_changed_at, "
            "product, vendor_status) VALUES (:id, :region, :profile, :added_at, :status, :info, :request_id, "
            ":error_code, :error_message, :http_status, :last_checked_at, :finished_at, :phase, :discovery, "
            ":last_changed_at, :product, :vendor_status) "
            "ON CONFLICT(profile, product, id) DO UPDATE SET region = excluded.region, "
            "added_at = COALESCE(excluded.added_at, tasks.added_at), status = excluded.status, info = "
            "excluded.info, "
            "request_id = excluded.request_id, error_code = excluded.error_code, "
            "error_message = excluded.error_message, http_status = excluded.http_status, "
            "last_checked_at = excluded.last_checked_at, finished_at = excluded.finished_at, phase = "
            "excluded.phase, discovery = excluded.discovery, last_changed_at = excluded.last_changed_at, "
            "vendor_status = excluded.vendor_status"));
    // Named placeholders: Qt binds them by a lookup of the name, a positional one costs a formatted string
    // per value (QSqlResult::bindValue(int)), which dominated the cost of a write.
    q.bindValue(QStringLiteral(":id"), state.id);
    q.bindValue(QStringLiteral(":region"), textValue(state.region));
    q.bindValue(QStringLiteral(":profile"), textValue(profile));
    q.bindValue(QStringLiteral(":added_at"), timeValue(state.addedAt));
    q.bindValue(QStringLiteral(":status"), optionalText(state.status));
    q.bindValue(QStringLiteral(":info"), optionalText(state.info));
    q.bindValue(QStringLiteral(":request_id"), textValue(state.requestId));
    q.bindValue(QStringLiteral(":error_code"), textValue(state.errorCode));
    q.bindValue(QStringLiteral(":error_message"), textValue(state.errorMessage));
    q.bindValue(QStringLiteral(":http_status"), state.httpStatus);
    q.bindValue(QStringLiteral(":last_checked_at"), timeValue(state.lastCheckedAt));
    q.bindValue(QStringLiteral(":finished_at"), timeValue(state.finishedAt));
    q.bindValue(QStringLiteral(":phase"), phaseName(state.phase));
    q.bindValue(QStringLiteral(":discovery"),
                state.discovery.isDiscovered()
                    ? QVariant(QString::fromUtf8(Discovery::factsToJson(state.discovery)))
                    : QVariant(QMetaType(QMetaType::QString)));
    q.bindValue(QStringLiteral(":last_changed_at"), timeValue(state.lastChangedAt));
    q.bindValue(QStringLiteral(":product"), productValue(state.product));
    q.bindValue(QStringLiteral(":vendor_status"), optionalText(state.vendorStatus));
    if (!q.exec())
        return failSql(tr("saving task %1").arg(state.id), q.lastError());
    return true;
}

QSqlQuery& TaskStore::prepared(std::unique_ptr<QSqlQuery>& slot, const QString& sql) {
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(m_db);
        slot->prepare(sql);
    }
    return *slot;
}

bool TaskStore::removeTask(const QString& id, const std::optional<QString>& profile, const QString& product) {
    if (!isOpen())
        return fail(tr("The history database is not open."));
    QSqlQuery q(m_db);
    q.prepare(profile ? QStringLiteral("DELETE FROM tasks WHERE id = ? AND product = ? AND profile = ?")
                      : QStringLiteral("DELETE FROM tasks WHERE id = ? AND product = ?"));
    q.addBindValue(id);
    q.addBindValue(productValue(product));
    if (profile)
        q.addBindValue(textValue(*profile));
    if (!q.exec())
        return failSql(tr("removing task %1").arg(id), q.lastError());
    return true;
}

bool TaskStore::appendHistory(const HistoryEntry& e) {
    if (!isOpen())
        return fail(tr("The history database is not open."));
    if (e.taskId.isEmpty())
        return fail(tr("A history entry without a task id cannot be stored."));
    const QDateTime observed = e.observedAt.isValid() ? e.observedAt : QDateTime::currentDateTimeUtc();
    QSqlQuery& q =
        prepared(m_historyQuery,
                 QStringLiteral(
                     "INSERT INTO history (observed_at, task_id, region, status, info, error_code, "
                     "error_message, request_id, profile, product, vendor_status) VALUES (:observed_at, "
                     ":task_id, :region, :status, :info, :error_code, :error_message, :request_id, :profile, "
                     ":product, :vendor_status)"));
    q.bindValue(QStringLiteral(":observed_at"), observed.toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":task_id"), e.taskId);
    q.bindValue(QStringLiteral(":region"), textValue(e.region));
    q.bindValue(QStringLiteral(":status"), optionalText(e.status));
    q.bindValue(QStringLiteral(":info"), optionalText(e.info));
    q.bindValue(QStringLiteral(":error_code"), textValue(e.errorCode));
    q.bindValue(QStringLiteral(":error_message"), textValue(e.errorMessage));
    q.bindValue(QStringLiteral(":request_id"), textValue(e.requestId));
    q.bindValue(QStringLiteral(":profile"), textValue(e.profile));
    q.bindValue(QStringLiteral(":product"), productValue(e.product));
    q.bindValue(QStringLiteral(":vendor_status"), optionalText(e.vendorStatus));
    if (!q.exec())
        return failSql(tr("recording history of task %1").arg(e.taskId), q.lastError());
    return true;
}

bool TaskStore::record(const TaskState& state, bool observedChange, const QString& profileOverride) {
    return transaction([&] {
        if (!upsertTask(state, profileOverride))
            return false;
        if (!observedChange)
            return true;
        HistoryEntry entry = entryFrom(state);
        if (!profileOverride.isEmpty())
            entry.profile = profileOverride;
        return appendHistory(entry);
    });
}

std::optional<QList<TaskState>> TaskStore::loadTasks(const std::optional<QString>& profile) {
    QList<TaskState> tasks;
    if (!isOpen()) {
        fail(tr("The history database is not open."));
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString sql = QStringLiteral(
        "SELECT id, region, added_at, status, info, request_id, error_code, error_message, "
        "http_status, last_checked_at, finished_at, phase, profile, discovery, last_changed_at, product, "
        "vendor_status FROM tasks");
    if (profile)
        sql += QStringLiteral(" WHERE profile = ?");
    sql += QStringLiteral(" ORDER BY COALESCE(added_at, 0), rowid");
    q.prepare(sql);
    if (profile)
        q.addBindValue(textValue(*profile));
    if (!q.exec()) {
        failSql(tr("loading the task list"), q.lastError());
        return std::nullopt;
    }
    while (q.next()) {
        TaskState s;
        s.id = stringFrom(q, 0);
        s.region = stringFrom(q, 1);
        s.addedAt = timeFrom(q, 2);
        s.status = optionalFrom(q, 3);
        s.info = optionalFrom(q, 4);
        s.requestId = stringFrom(q, 5);
        s.errorCode = stringFrom(q, 6);
        s.errorMessage = stringFrom(q, 7);
        s.httpStatus = q.value(8).toInt();
        s.lastCheckedAt = timeFrom(q, 9);
        s.finishedAt = timeFrom(q, 10);
        s.phase = phaseFromName(stringFrom(q, 11));
        s.profile = stringFrom(q, 12);
        if (!q.isNull(13))
            s.discovery = Discovery::factsFromJson(q.value(13).toString().toUtf8());
        s.lastChangedAt = timeFrom(q, 14);
        s.product = stringFrom(q, 15);
        s.vendorStatus = optionalFrom(q, 16);
        tasks.append(std::move(s));
    }
    if (q.lastError().isValid()) {
        failSql(tr("loading the task list"), q.lastError());
        return std::nullopt;
    }
    return tasks;
}

QString TaskStore::profileOf(const QString& id) {
    if (!isOpen())
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT profile FROM tasks WHERE id = ? ORDER BY rowid LIMIT 1"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool TaskStore::forEachHistory(const HistoryQuery& query,
                               const std::function<bool(const HistoryEntry&)>& sink) {
    if (!isOpen())
        return fail(tr("The history database is not open."));
    QSqlQuery q(m_db);
    q.setForwardOnly(true); // rows are stepped one at a time, never all in memory
    const QSet<QString> keys(query.keys.cbegin(), query.keys.cend());
    QStringList where;
    if (query.since.isValid())
        where << QStringLiteral("observed_at >= ?");
    if (!query.ids.isEmpty()) // one JSON array parameter: no limit on the number of ids
        where << QStringLiteral("task_id IN (SELECT value FROM json_each(?))");
    // Keys: their ids narrow the rows read; the whole key is matched below.
    QStringList keyIds;
    for (const QString& key : query.keys)
        keyIds << idOfKey(key);
    if (!keyIds.isEmpty())
        where << QStringLiteral("task_id IN (SELECT value FROM json_each(?))");
    if (query.profile)
        where << QStringLiteral("profile = ?");
    QString sql =
        QStringLiteral("SELECT observed_at, task_id, region, status, info, error_code, error_message, "
                       "request_id, profile, product, vendor_status FROM history");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY observed_at, id");
    if (!q.prepare(sql))
        return failSql(tr("reading the history"), q.lastError());
    if (query.since.isValid())
        q.addBindValue(query.since.toMSecsSinceEpoch());
    if (!query.ids.isEmpty()) {
        const QByteArray json =
            QJsonDocument(QJsonArray::fromStringList(query.ids)).toJson(QJsonDocument::Compact);
        q.addBindValue(QString::fromUtf8(json));
    }
    if (!keyIds.isEmpty())
        q.addBindValue(QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(keyIds)).toJson(QJsonDocument::Compact)));
    if (query.profile)
        q.addBindValue(textValue(*query.profile));
    if (!q.exec())
        return failSql(tr("reading the history"), q.lastError());
    while (q.next()) {
        HistoryEntry e;
        e.observedAt = timeFrom(q, 0);
        e.taskId = stringFrom(q, 1);
        e.region = stringFrom(q, 2);
        e.status = optionalFrom(q, 3);
        e.info = optionalFrom(q, 4);
        e.errorCode = stringFrom(q, 5);
        e.errorMessage = stringFrom(q, 6);
        e.requestId = stringFrom(q, 7);
        e.profile = stringFrom(q, 8);
        e.product = stringFrom(q, 9);
        e.vendorStatus = optionalFrom(q, 10);
        if (!keys.isEmpty() && !keys.contains(taskKey(e)))
            continue;
        if (!sink(e))
            return true;
    }
    if (q.lastError().isValid())
        return failSql(tr("reading the history"), q.lastError());
    return true;
}

qint64 TaskStore::historyCount() {
    if (!isOpen()) {
        fail(tr("The history database is not open."));
        return -1;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM history")) || !q.next()) {
        failSql(tr("counting the history"), q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

HistoryEntry TaskStore::entryFrom(const TaskState& state) {
    HistoryEntry e;
    e.observedAt =
        (state.lastCheckedAt.isValid() ? state.lastCheckedAt : QDateTime::currentDateTimeUtc()).toUTC();
    e.profile = state.profile;
    e.product = state.product;
    e.taskId = state.id;
    e.region = state.region;
    e.status = state.status;
    e.vendorStatus = state.vendorStatus;
    e.info = state.info;
    e.errorCode = state.errorCode;
    e.errorMessage = state.errorMessage;
    e.requestId = state.requestId;
    return e;
}

} // namespace taskwatch
