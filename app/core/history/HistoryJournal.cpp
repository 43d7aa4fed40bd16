#include "history/HistoryJournal.h"

#include "Clock.h"
#include "history/TaskStore.h"
#include "task/TaskKey.h"

#include <deque>

namespace taskwatch {

HistoryJournal::HistoryJournal(TaskStore* store, Lookup lookup, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_lookup(std::move(lookup)) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(kFlushMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { flush(); });
}

void HistoryJournal::scheduleFlush() {
    if (!m_timer.isActive())
        m_timer.start();
}

void HistoryJournal::storeFailure() {
    emit storeFailed(m_store ? m_store->lastError() : QString());
}

void HistoryJournal::recordAdded(const QStringList& keys) {
    if (!m_store || keys.isEmpty())
        return;
    const qint64 steady = steadyNowMs();
    const bool ok = m_store->transaction([&] {
        for (const QString& key : keys) {
            const TaskState* state = m_lookup(key);
            if (state && !m_store->upsertTask(*state, state->profile))
                return false;
        }
        return true;
    });
    if (!ok) {
        storeFailure();
        return;
    }
    for (const QString& key : keys)
        m_writtenAt.insert(key, steady);
}

void HistoryJournal::recordRestored(const QStringList& keys) {
    const qint64 steady = steadyNowMs();
    for (const QString& key : keys)
        m_writtenAt.insert(key, steady);
}

void HistoryJournal::recordUpdate(const QString& key, const std::optional<HistoryEntry>& change) {
    m_pending.insert(key);
    if (change)
        m_changes.append(*change);
    scheduleFlush();
}

void HistoryJournal::recordFinished(const QString& key) {
    m_pending.insert(key);
    if (!m_finished.contains(key))
        m_finished.append(key);
    scheduleFlush();
}

void HistoryJournal::recordChecked(const QString& key) {
    m_unwritten.insert(key);
}

bool HistoryJournal::removeTasks(const QList<const TaskState*>& tasks) {
    if (!m_store)
        return true;
    const bool ok = m_store->transaction([&] {
        for (const TaskState* state : tasks) {
            if (!m_store->removeTask(state->id, state->profile, state->product))
                return false;
        }
        return true;
    });
    if (!ok)
        storeFailure();
    return ok;
}

void HistoryJournal::forget(const QStringList& keys) {
    const QSet<QString> gone(keys.cbegin(), keys.cend());
    for (const QString& key : keys) {
        m_pending.remove(key);
        m_unwritten.remove(key);
        m_writtenAt.remove(key);
        m_finished.removeAll(key);
    }
    m_changes.removeIf([&gone](const HistoryEntry& e) { return gone.contains(taskKey(e)); });
}

void HistoryJournal::flush(FlushMode mode) {
    m_timer.stop();
    if (m_pending.isEmpty() && m_changes.isEmpty() && m_finished.isEmpty() &&
        (mode == FlushMode::Changed || m_unwritten.isEmpty()))
        return;
    const QStringList updated(m_pending.cbegin(), m_pending.cend());
    const QList<HistoryEntry> changes = std::exchange(m_changes, {});
    const QStringList finished = std::exchange(m_finished, {});
    m_pending.clear();
    if (m_store)
        write(updated, changes, finished, mode);
    emit committed(updated, changes, finished);
}

// One transaction with every observed change and every task whose row is due: a changed or finished task at
// once, one whose "last checked" alone moved once kCheckedWriteMs passed (all of them at FlushMode::All).
void HistoryJournal::write(const QStringList& updated, const QList<HistoryEntry>& changes,
                           const QStringList& finished, FlushMode mode) {
    QSet<QString> changed(finished.cbegin(), finished.cend());
    for (const HistoryEntry& e : changes)
        changed.insert(taskKey(e));
    QSet<QString> toWrite(updated.cbegin(), updated.cend());
    if (mode == FlushMode::All)
        toWrite.unite(m_unwritten);
    const qint64 now = steadyNowMs();
    // What is due is decided first: a batch with nothing to write opens no transaction at all.
    QList<const TaskState*> due;
    QStringList dueKeys;
    for (const QString& key : std::as_const(toWrite)) {
        const TaskState* state = m_lookup(key);
        if (!state)
            continue;
        const auto written = m_writtenAt.constFind(key);
        if (mode == FlushMode::All || changed.contains(key) || written == m_writtenAt.constEnd() ||
            now - *written >= kCheckedWriteMs) {
            due.append(state);
            dueKeys.append(key);
        } else {
            m_unwritten.insert(key);
        }
    }
    const bool ok = (changes.isEmpty() && due.isEmpty()) || m_store->transaction([&] {
        for (const HistoryEntry& e : changes) {
            if (!m_store->appendHistory(e))
                return false;
        }
        for (const TaskState* state : std::as_const(due)) {
            if (!m_store->upsertTask(*state, state->profile))
                return false;
        }
        return true;
    });
    for (const QString& key : std::as_const(dueKeys)) {
        if (ok) {
            m_writtenAt.insert(key, now);
            m_unwritten.remove(key);
        } else {
            m_unwritten.insert(key); // written with the next batch, at the latest at exit
        }
    }
    if (!ok)
        storeFailure();
}

QList<HistoryEntry> HistoryJournal::timeline(const QString& profile, const QString& product,
                                             const QString& id) const {
    if (!m_store)
        return {};
    std::deque<HistoryEntry> newest;
    HistoryQuery query;
    query.ids = {id};
    m_store->forEachHistory(query, [&](const HistoryEntry& entry) {
        // Rows written before profiles existed have none: they belong to every profile's task of that id.
        if ((!entry.profile.isEmpty() && entry.profile != profile) || entry.product != product)
            return true;
        newest.push_back(entry);
        if (newest.size() > std::size_t(kMaxTimeline))
            newest.pop_front();
        return true;
    });
    return QList<HistoryEntry>(newest.begin(), newest.end());
}

} // namespace taskwatch
