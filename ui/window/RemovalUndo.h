// Undo of Remove and Clear Finished: each removal is recorded (the removed tasks' states, caught from
// TaskBoard::tasksAboutToBeRemoved) as one step; undo() puts the last step back with
// TaskBoard::reinstate() (in the history store too). The "Undo" action (Ctrl+Z) follows the stack.
#pragma once

#include "task/TaskState.h"

#include <QList>
#include <QObject>
#include <functional>

class QAction;

namespace taskwatch {
class TaskBoard;
}

namespace taskwatch::ui {

class RemovalUndo : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxSteps = 20;

    RemovalUndo(TaskBoard* board, QObject* parent);

    // Runs `remove` (a board call that removes tasks) and records what it removed as one step. Returns the
    // states removed.
    QList<TaskState> record(const std::function<void()>& remove);
    bool canUndo() const { return !m_steps.isEmpty(); }
    // Puts the last recorded removal back; returns the keys.
    QStringList undo();
    QAction* action() const { return m_action; }

signals:
    void undone(int count);

private:
    void updateAction();

    TaskBoard* m_board;
    QList<QList<TaskState>> m_steps;
    QList<TaskState>* m_capture = nullptr;
    QAction* m_action;
};

} // namespace taskwatch::ui
