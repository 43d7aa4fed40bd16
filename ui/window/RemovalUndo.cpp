#include "window/RemovalUndo.h"

#include "TaskBoard.h"
#include "task/TaskState.h"

#include <QAction>
#include <QKeySequence>

namespace taskwatch::ui {

RemovalUndo::RemovalUndo(TaskBoard* board, QObject* parent)
    : QObject(parent)
    , m_board(board)
    , m_action(new QAction(tr("&Undo Remove"), this)) {
    m_action->setObjectName(QStringLiteral("undoRemoveAction"));
    m_action->setShortcut(QKeySequence::Undo);
    connect(m_action, &QAction::triggered, this, [this] { undo(); });
    connect(m_board, &TaskBoard::tasksAboutToBeRemoved, this, [this](const QStringList& keys) {
        if (!m_capture)
            return;
        for (const QString& key : keys) {
            if (const TaskState* state = m_board->task(key))
                m_capture->append(*state);
        }
    });
    updateAction();
}

QList<TaskState> RemovalUndo::record(const std::function<void()>& remove) {
    QList<TaskState> removed;
    m_capture = &removed;
    remove();
    m_capture = nullptr;
    if (!removed.isEmpty()) {
        m_steps.append(removed);
        if (m_steps.size() > kMaxSteps)
            m_steps.removeFirst();
    }
    updateAction();
    return removed;
}

QStringList RemovalUndo::undo() {
    if (m_steps.isEmpty())
        return {};
    const QStringList keys = m_board->reinstate(m_steps.takeLast());
    updateAction();
    emit undone(int(keys.size()));
    return keys;
}

void RemovalUndo::updateAction() {
    m_action->setEnabled(!m_steps.isEmpty());
    m_action->setText(m_steps.isEmpty()
                          ? tr("&Undo Remove")
                          : tr("&Undo Remove (%n task(s))", nullptr, int(m_steps.last().size())));
}

} // namespace taskwatch::ui
