// A TaskList for the tests of views (the table model, its proxy, delegates): it owns the states the test
// gives it and announces them as the board would (added, updated, about to be removed), without polling
// anything.
#pragma once

#include "task/TaskKey.h"
#include "task/TaskList.h"
#include "task/TaskState.h"

#include <QHash>
#include <memory>
#include <vector>

class FakeTaskList : public taskwatch::TaskList {
public:
    using TaskState = taskwatch::TaskState;

    const TaskState* task(const QString& key) const override {
        const auto it = m_byKey.constFind(key);
        return it == m_byKey.cend() ? nullptr : *it;
    }
    QStringList keys() const override {
        QStringList out;
        for (const auto& t : m_tasks)
            out << taskwatch::taskKey(*t);
        return out;
    }
    QString defaultProfile() const override { return m_defaultProfile; }
    bool isPaused() const override { return m_paused; }

    // Adds the task, or replaces the state of the task with the same key; one announcement per kind.
    void upsert(const TaskState& state) { upsertMany({state}); }
    void upsertMany(const QList<TaskState>& states) {
        QStringList added;
        QStringList updated;
        for (const TaskState& state : states) {
            const QString key = taskwatch::taskKey(state);
            if (TaskState* t = m_byKey.value(key)) {
                *t = state;
                if (!added.contains(key) && !updated.contains(key))
                    updated << key;
                continue;
            }
            m_tasks.push_back(std::make_unique<TaskState>(state));
            m_byKey.insert(key, m_tasks.back().get());
            added << key;
        }
        if (!updated.isEmpty())
            emit tasksUpdated(updated);
        if (!added.isEmpty())
            emit tasksAdded(added);
    }
    // Keys, or bare ids of the default profile's tasks.
    void remove(const QStringList& keysOrIds) {
        QStringList present;
        for (const QString& keyOrId : keysOrIds) {
            const QString key =
                keyOrId.contains(QChar(0x1f)) ? keyOrId : taskwatch::taskKey(m_defaultProfile, keyOrId);
            if (m_byKey.contains(key) && !present.contains(key))
                present << key;
        }
        if (present.isEmpty())
            return;
        emit tasksAboutToBeRemoved(present);
        for (const QString& key : present) {
            const TaskState* t = m_byKey.take(key);
            std::erase_if(m_tasks, [t](const std::unique_ptr<TaskState>& p) { return p.get() == t; });
        }
    }
    void setDefaultProfile(const QString& profile) { m_defaultProfile = profile; }
    void setPaused(bool paused) {
        m_paused = paused;
        emit pausedChanged(paused);
    }

private:
    std::vector<std::unique_ptr<TaskState>> m_tasks;
    QHash<QString, TaskState*> m_byKey;
    QString m_defaultProfile;
    bool m_paused = false;
};
