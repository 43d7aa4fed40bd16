// What closing the main window does while tasks are unfinished: one question ("Quit and stop watching N
// tasks?", with "Don't ask again"), or, when the user chose it and the desktop has a system tray, the window
// hides to the tray and polling goes on (the tray icon shows it again or quits). Quit (Ctrl+Q, the tray's
// Quit) never hides. Both choices are settings (QSettings closing/confirm, closing/toTray).
#pragma once

#include <QObject>
#include <functional>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace taskwatch::ui {

class CloseGuard : public QObject {
    Q_OBJECT
public:
    enum class Decision { Close, Hide, Cancel };

    explicit CloseGuard(QWidget* window);

    // The window is being closed with `unfinished` tasks; `quit`: by Quit rather than the window's close
    // button. May ask (modal).
    Decision decide(int unfinished, bool quit);

    bool confirms() const;
    void setConfirms(bool on);
    bool hidesToTray() const;
    void setHidesToTray(bool on);
    bool trayAvailable() const { return m_trayAvailable(); }
    // For tests: what says whether the desktop has a system tray.
    void setTrayAvailability(std::function<bool()> available) { m_trayAvailable = std::move(available); }

    // Checkable actions for the View menu ("Ask Before Quitting", "Close to Tray").
    QAction* confirmAction() const { return m_confirmAction; }
    QAction* toTrayAction() const { return m_toTrayAction; }
    QSystemTrayIcon* trayIcon() const { return m_tray; } // while hidden to the tray

signals:
    void quitRequested(); // the tray's Quit

private:
    void showTray();

    QWidget* m_window;
    std::function<bool()> m_trayAvailable;
    QAction* m_confirmAction;
    QAction* m_toTrayAction;
    QSystemTrayIcon* m_tray = nullptr;
    QMenu* m_trayMenu = nullptr;
};

} // namespace taskwatch::ui
