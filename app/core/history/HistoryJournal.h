// The board's journal: it records which tasks changed and, at most every kFlushMs, commits them to the
// TaskStore in one transaction and only then announces them (committed()): an observed change (status, Info
// or error code) is in the history before anything prints or shows it, so whatever was seen survives a crash.
// A poll that only moved "last checked" is written at most every kCheckedWriteMs per task, and at
// flush(FlushMode::All) (exit). Without a store (watch --no-history) it only batches the announcements.
//
// The tasks are the board's: the journal holds their keys and reads their state through `lookup` when it
// writes. A timeline is read from the store for the task being viewed; none is kept in memory.
#pragma once

#include "task/HistoryEntry.h"
#include "task/TaskState.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <functional>

namespace taskwatch {

class TaskStore;

class HistoryJournal : public QObject {
    Q_OBJECT
public:
    static constexpr int kFlushMs = 100;
    static constexpr qint64 kCheckedWriteMs = 60000; // "last checked" alone: once a minute
    static constexpr int kMaxTimeline = 2000;        // observed changes read for a task's timeline
    using Lookup = std::function<const TaskState*(const QString& key)>;

    // `store` may be null; it must outlive the journal.
    HistoryJournal(TaskStore* store, Lookup lookup, QObject* parent = nullptr);

    TaskStore* store() const { return m_store; }

    // New tasks: written now, in one transaction (their announcement is the board's).
    void recordAdded(const QStringList& keys);
    // Tasks read from the store: written already.
    void recordRestored(const QStringList& keys);
    // The task's state changed; `change` is the observed change it carries, if any (committed in order).
    void recordUpdate(const QString& key, const std::optional<HistoryEntry>& change = std::nullopt);
    // The task finished (terminal status or permanent error): announced with the batch.
    void recordFinished(const QString& key);
    // Only "last checked" (or when a listing saw it) moved: written within kCheckedWriteMs, not announced.
    void recordChecked(const QString& key);
    // Removes the tasks from the store in one transaction (their history stays). False when that failed: the
    // tasks are then still stored, and storeFailed() was emitted.
    bool removeTasks(const QList<const TaskState*>& tasks);
    // The tasks are gone from the board: nothing of theirs is written or announced any more.
    void forget(const QStringList& keys);

    enum class FlushMode { Changed, All };
    // Writes and announces what is pending now (All: also every "last checked" not written yet).
    void flush(FlushMode mode = FlushMode::Changed);
    // The task's observed changes, oldest first, at most kMaxTimeline (the newest); empty without a store.
    QList<HistoryEntry> timeline(const QString& profile, const QString& product, const QString& id) const;

signals:
    // One batch, already in the store: the tasks whose state changed, the observed changes, the tasks that
    // finished.
    void committed(const QStringList& updated, const QList<taskwatch::HistoryEntry>& changes,
                   const QStringList& finished);
    void storeFailed(const QString& message); // a write to the history failed (the changes stay pending)

private:
    void scheduleFlush();
    void write(const QStringList& updated, const QList<HistoryEntry>& changes, const QStringList& finished,
               FlushMode mode);
    void storeFailure();

    TaskStore* m_store;
    Lookup m_lookup;
    QTimer m_timer;
    QSet<QString> m_pending;            // keys updated since the last flush
    QList<HistoryEntry> m_changes;      // observed changes since the last flush, in order
    QStringList m_finished;             // keys finished since the last flush
    QSet<QString> m_unwritten;          // keys whose "last checked" is not written yet
    QHash<QString, qint64> m_writtenAt; // key -> monotonic ms of its last store write
};

} // namespace taskwatch
