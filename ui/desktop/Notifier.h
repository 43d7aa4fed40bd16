// Desktop notifications of finished tasks: batched (one notification for the tasks that finish within a
// second), summary = task and status, body = Info (neutralised), through the desktop's notification service
// (DesktopNotifier, D-Bus) when there is one, else through the system tray.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>

class QSystemTrayIcon;
class QWidget;

namespace taskwatch {
class TaskBoard;
}

namespace taskwatch::ui {

class DesktopNotifier;

class Notifier : public QObject {
    Q_OBJECT
public:
    Notifier(TaskBoard* board, QWidget* window);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    // Keys of tasks that just finished (TaskBoard::tasksFinished).
    void tasksFinished(const QStringList& keys);
    // A tray icon shown by someone else (the window hidden to the tray): used instead of an own second icon.
    void setSharedTray(std::function<QSystemTrayIcon*()> lookup) { m_sharedTray = std::move(lookup); }

signals:
    void notified(const QString& title, const QString& message); // also without a system tray

private:
    void flush();
    void showWindow();

    TaskBoard* m_board;
    QWidget* m_window;
    QStringList m_pending;
    QTimer m_timer;
    DesktopNotifier* m_desktop = nullptr; // Linux only
    QSystemTrayIcon* m_tray = nullptr;
    std::function<QSystemTrayIcon*()> m_sharedTray;
    bool m_enabled = true;
};

} // namespace taskwatch::ui
