#include "desktop/Notifier.h"

#include "TaskBoard.h"
#ifdef TASKWATCH_DESKTOP_NOTIFIER
#include "desktop/DesktopNotifier.h"
#endif
#include "model/StatusStyle.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"

#include <QSystemTrayIcon>
#include <QWidget>

namespace taskwatch::ui {

Notifier::Notifier(TaskBoard* board, QWidget* window)
    : QObject(window)
    , m_board(board)
    , m_window(window) {
#ifdef TASKWATCH_DESKTOP_NOTIFIER // the freedesktop notification service (Linux)
    m_desktop = new DesktopNotifier(this);
    connect(m_desktop, &DesktopNotifier::activated, this, &Notifier::showWindow);
#endif
    m_timer.setSingleShot(true);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &Notifier::flush);
}

void Notifier::showWindow() {
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void Notifier::tasksFinished(const QStringList& keys) {
    if (!m_enabled)
        return;
    m_pending.append(keys);
    if (!m_timer.isActive())
        m_timer.start();
}

void Notifier::flush() {
    if (m_pending.isEmpty())
        return;
    const QStringList ids = std::exchange(m_pending, {});
    QString title;
    QString message;
    if (ids.size() == 1) {
        const TaskState* state = m_board->task(ids.first());
        const QString status = state ? StatusStyle::text(*state) : QString();
        title = tr("Task finished: %1").arg(status);
        message = idOfKey(ids.first());
        if (state && state->info && !state->info->isEmpty())
            message += QLatin1Char('\n') + SafeText::singleLine(*state->info, 200);
    } else {
        title = tr("%n tasks finished", nullptr, int(ids.size()));
        QStringList lines;
        for (const QString& id : ids.mid(0, 5)) {
            const TaskState* state = m_board->task(id);
            lines << QStringLiteral("%1  %2").arg(state ? StatusStyle::text(*state) : QString(), idOfKey(id));
        }
        if (ids.size() > 5)
            lines << tr("and %n more", nullptr, int(ids.size() - 5));
        message = lines.join(QLatin1Char('\n'));
    }
    emit notified(title, message);
    // The desktop's notification service when there is one (also without a tray), else the tray.
#ifdef TASKWATCH_DESKTOP_NOTIFIER
    if (m_desktop->notify(title, message))
        return;
#endif
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (QSystemTrayIcon* shared = m_sharedTray ? m_sharedTray() : nullptr; shared && shared->isVisible()) {
        if (m_tray)
            m_tray->hide(); // one icon in the tray, never two
        shared->showMessage(title, message, QSystemTrayIcon::Information, 8000);
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
        m_tray->setToolTip(m_window->windowTitle());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &Notifier::showWindow);
    }
    m_tray->show();
    m_tray->showMessage(title, message, QSystemTrayIcon::Information, 8000);
    // Only for the message: it leaves the tray afterwards (the close-to-tray icon is the lasting one).
    QTimer::singleShot(10000, m_tray, &QSystemTrayIcon::hide);
}

} // namespace taskwatch::ui
