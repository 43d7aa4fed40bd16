#include "window/CloseGuard.h"

#include <QAction>
#include <QCheckBox>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

namespace taskwatch::ui {

namespace {
constexpr auto kConfirmKey = "closing/confirm";
constexpr auto kToTrayKey = "closing/toTray";
} // namespace

CloseGuard::CloseGuard(QWidget* window)
    : QObject(window)
    , m_window(window)
    , m_trayAvailable([] { return QSystemTrayIcon::isSystemTrayAvailable(); })
    , m_confirmAction(new QAction(tr("&Ask Before Quitting"), this))
    , m_toTrayAction(new QAction(tr("Close to &Tray"), this)) {
    m_confirmAction->setObjectName(QStringLiteral("confirmQuitAction"));
    m_confirmAction->setCheckable(true);
    m_confirmAction->setChecked(confirms());
    m_confirmAction->setToolTip(tr("Ask before closing the window stops watching unfinished tasks"));
    connect(m_confirmAction, &QAction::toggled, this, &CloseGuard::setConfirms);
    m_toTrayAction->setObjectName(QStringLiteral("closeToTrayAction"));
    m_toTrayAction->setCheckable(true);
    m_toTrayAction->setChecked(hidesToTray());
    m_toTrayAction->setToolTip(
        tr("Closing the window hides it in the system tray and polling goes on (Quit ends TaskWatch)"));
    connect(m_toTrayAction, &QAction::toggled, this, &CloseGuard::setHidesToTray);
}

bool CloseGuard::confirms() const {
    return QSettings().value(QLatin1String(kConfirmKey), true).toBool();
}

void CloseGuard::setConfirms(bool on) {
    QSettings().setValue(QLatin1String(kConfirmKey), on);
    if (m_confirmAction->isChecked() != on)
        m_confirmAction->setChecked(on);
}

bool CloseGuard::hidesToTray() const {
    return QSettings().value(QLatin1String(kToTrayKey), false).toBool();
}

void CloseGuard::setHidesToTray(bool on) {
    QSettings().setValue(QLatin1String(kToTrayKey), on);
    if (m_toTrayAction->isChecked() != on)
        m_toTrayAction->setChecked(on);
}

CloseGuard::Decision CloseGuard::decide(int unfinished, bool quit) {
    if (unfinished <= 0)
        return Decision::Close;
    if (!quit && hidesToTray() && trayAvailable()) {
        showTray();
        return Decision::Hide;
    }
    if (!confirms())
        return Decision::Close;
    QMessageBox box(QMessageBox::Question, tr("Quit TaskWatch"),
                    tr("Quit and stop watching %n task(s)?", nullptr, unfinished), QMessageBox::NoButton,
                    m_window);
    box.setObjectName(QStringLiteral("closeConfirmation"));
    box.setInformativeText(tr("Unfinished tasks are kept and polled again at the next start."));
    QPushButton* quitButton = box.addButton(tr("&Quit"), QMessageBox::AcceptRole);
    quitButton->setObjectName(QStringLiteral("confirmQuitButton"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(quitButton);
    box.setEscapeButton(QMessageBox::Cancel);
    auto* again = new QCheckBox(tr("&Don't ask again"), &box);
    again->setObjectName(QStringLiteral("dontAskAgain"));
    box.setCheckBox(again);
    box.exec();
    if (box.clickedButton() != quitButton)
        return Decision::Cancel;
    if (again->isChecked())
        setConfirms(false);
    return Decision::Close;
}

void CloseGuard::showTray() {
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
        m_tray->setObjectName(QStringLiteral("closeToTrayIcon"));
        m_tray->setToolTip(m_window->windowTitle());
        m_trayMenu = new QMenu(m_window);
        const auto restore = [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
            m_tray->hide();
        };
        m_trayMenu->addAction(tr("&Show TaskWatch"), this, restore);
        m_trayMenu->addAction(tr("&Quit"), this, &CloseGuard::quitRequested);
        m_tray->setContextMenu(m_trayMenu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [restore](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                        restore();
                });
    }
    m_tray->show();
}

} // namespace taskwatch::ui
