// Persistent task list and append-only history of observed changes, in one SQLite database (Qt SQL, QSQLITE).
//
// Schema (PRAGMA user_version = TaskStore::kSchemaVersion = 5; the SQL is in history/TaskStoreSchema):
//   tasks   — one row per watched task, keyed by (profile, product, id): the same task id may be watched
//   under
//             two profiles, and ids of two products are two tasks; region, added_at and its latest state
//             (v4: with what DescribeTasks said about it, as JSON, and the time of its last observed change;
//             v5: the product and the vendor's status word). The profile is "" for environment credentials.
//   history — one row per observed change (status, Info or error) with the profile it was observed under and
//             (v5) the task's product and the vendor's status word, never updated nor deleted by the app.
// Rows written before version 5 are cdb tasks'. Opening creates or migrates the schema (v1 -> … -> v5) inside
// one BEGIN IMMEDIATE transaction that also reads the version, so processes opening a new file at once never
// race; a busy database is waited for (5 s busy timeout) and then reported as an error, never silently
// skipped.
// Times are INTEGER milliseconds since the epoch (UTC); a null status/Info is SQL NULL, distinct from ''.
//
// Every call returns success or failure; lastError() then holds a translated, user-presentable message.
// A TaskStore is used from the thread that created it (a QSqlDatabase connection is per thread).
#pragma once

#include "task/HistoryEntry.h"
#include "task/TaskState.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QSqlError;
class QSqlQuery;

namespace taskwatch {

// Which history rows to read: all rows observed at or after `since` (invalid = no lower bound), restricted to
// the task ids in `ids` (empty = every task), to the tasks in `keys` (taskKey(profile, product, id): the same
// id of two products or profiles is two tasks; empty = every task) and to `profile` (nullopt = every
// profile). Rows come ordered by observed_at, then insertion order.
struct HistoryQuery {
    QDateTime since;
    QStringList ids;
    std::optional<QString> profile;
    QStringList keys;
};

class TaskStore {
    Q_DECLARE_TR_FUNCTIONS(TaskStore)
public:
    static constexpr int kSchemaVersion = 5;

    // The default database file: <AppDataLocation>/history.sqlite.
    static QString defaultPath();
    // A database that lives in memory only, for as long as the store is open (a session whose history file
    // cannot be used still has its timelines and export).
    static constexpr auto kInMemory = ":memory:";

    explicit TaskStore(const QString& path = defaultPath());
    ~TaskStore();
    TaskStore(const TaskStore&) = delete;
    TaskStore& operator=(const TaskStore&) = delete;

    // Opens (creating the directory and the file when missing), checks, migrates. A file that is not a
    // database or fails PRAGMA quick_check is moved aside to "<name>.corrupt-<yyyyMMdd-HHmmss>" (with its
    // -wal/-shm) and a fresh database is created: open() then succeeds and recoveryMessage() says so.
    // A database written by a newer TaskWatch (unknown schema version) is refused and left untouched.
    bool open();
    bool isOpen() const;
    void close();
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    // Non-empty when open() had to move a damaged database aside; names the moved file.
    QString recoveryMessage() const { return m_recoveryMessage; }
    // Where the damaged database was moved to (empty when open() recovered nothing).
    QString movedAsidePath() const { return m_movedAsidePath; }

    // Inserts or replaces the row of (profile, state.product, state.id) (its latest state). The profile is
    // `profile` when it is not empty, else state.profile (the argument is for callers that hold the profile
    // apart).
    bool upsertTask(const TaskState& state, const QString& profile = {});
    // Removes the `product` task of `profile` from the list (nullopt: the id under every profile); its
    // history is kept. Removing an unknown task succeeds.
    bool removeTask(const QString& id, const std::optional<QString>& profile = std::nullopt,
                    const QString& product = QString::fromLatin1(kCdbProduct));
    // Appends one row; entry.profile is stored with it.
    bool appendHistory(const HistoryEntry& entry);
    // upsertTask() and, when observedChange, appendHistory(entryFrom(state)) with the same profile, in one
    // transaction.
    bool record(const TaskState& state, bool observedChange, const QString& profile = {});
    // The stored tasks in the order they were added, each with its profile; only those of `profile` when
    // given. Fields not stored (raw response, next poll time, failure count) are left at their defaults.
    // nullopt when they could not be read (lastError() says why).
    std::optional<QList<TaskState>> loadTasks(const std::optional<QString>& profile = std::nullopt);
    // The profile of the first-added task with this id (empty when unknown or none).
    QString profileOf(const QString& id);

    // Streams the matching history rows to `sink` one at a time (bounded memory). `sink` returns false to
    // stop early, which is not an error. Returns false (and sets lastError()) only on a database error.
    bool forEachHistory(const HistoryQuery& query, const std::function<bool(const HistoryEntry&)>& sink);
    qint64 historyCount();

    // Runs `work` in one write transaction (BEGIN IMMEDIATE … COMMIT); rolls back when it returns false or
    // the commit fails. Nested calls join the outer transaction.
    bool transaction(const std::function<bool()>& work);

    // The observed change carried by a state (with its profile): observed at its lastCheckedAt (now when
    // unset), in UTC.
    static HistoryEntry entryFrom(const TaskState& state);

    // Schema version of the open database (PRAGMA user_version); -1 when closed.
    int schemaVersion();

    // Stable text names of TaskPhase as stored in the database ("waiting", "polling", ...).
    static QString phaseName(TaskPhase phase);
    static TaskPhase phaseFromName(const QString& name); // unknown → Waiting

private:
    enum class OpenOutcome { Ok, Failed, Corrupt };
    OpenOutcome openOnce();
    OpenOutcome checkExisting();
    QString newerVersionMessage(int version) const;
    bool moveAside();
    bool createSchema();
    bool migrate(int fromVersion);
    bool exec(const QString& sql);
    bool fail(const QString& message);
    bool failSql(const QString& what, const QSqlError& error);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    // Statements of the polling hot path, prepared once per connection (record() runs for every poll).
    std::unique_ptr<QSqlQuery> m_upsertQuery;
    std::unique_ptr<QSqlQuery> m_historyQuery;
    QSqlQuery& prepared(std::unique_ptr<QSqlQuery>& slot, const QString& sql);
    QString m_lastError;
    QString m_recoveryMessage;
    QString m_movedAsidePath;
    int m_transactionDepth = 0;
};

} // namespace taskwatch
