// The watched tasks, read-only, and their batched changes: what views listen to (the table model, the
// notifier). TaskBoard, the owner of task state, is the one implementation in the application; tests feed
// views with their own. A task's pointer stays valid until tasksAboutToBeRemoved() names it.
#pragma once

#include "task/TaskState.h"

#include <QObject>
#include <QStringList>

namespace taskwatch {

class TaskList : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual const TaskState* task(const QString& key) const = 0; // null when not on the list
    virtual QStringList keys() const = 0;                        // in the order they were added
    // The profile of ids named without one (a bare id names that profile's task).
    virtual QString defaultProfile() const = 0;
    // Polling is paused: nothing is asked about any task until it resumes.
    virtual bool isPaused() const = 0;

signals:
    void tasksAdded(const QStringList& keys);
    void tasksUpdated(const QStringList& keys);          // batched
    void tasksAboutToBeRemoved(const QStringList& keys); // still readable through task() while emitted
    void pausedChanged(bool paused);
};

} // namespace taskwatch
