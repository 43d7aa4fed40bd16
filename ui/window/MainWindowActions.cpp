// How the main window's actions, menus, tool bar and status bar are made, and when each action is enabled.
#include "window/MainWindow.h"
#include "window/WindowSettings.h"

#include "Language.h"
#include "api/ErrorCatalog.h"
#include "api/Regions.h"
#include "banners/AddReportBar.h"
#include "banners/Banner.h"
#include "desktop/ActionIcons.h"
#include "desktop/Announce.h"
#include "desktop/Notifier.h"
#include "details/DetailsPanel.h"
#include "dialogs/AddTasksDialog.h"
#include "dialogs/DiscoverDialog.h"
#include "discovery/DiscoveryRequest.h"
#include "history/TaskStore.h"
#include "model/StatusStyle.h"
#include "task/AddReport.h"
#include "task/HistoryEntry.h"
#include "task/SafeText.h"
#include "task/TaskIdExtractor.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"
#include "task/TextBounds.h"
#include "window/CloseGuard.h"
#include "window/ColumnMenu.h"
#include "window/PollIntervalMenu.h"
#include "window/RemovalUndo.h"
#include "window/TaskTableView.h"
#include "window/TimelineView.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkInformation>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace taskwatch::ui {

void MainWindow::createActions() {
    const auto make = [this](const QString& text, const QKeySequence& shortcut, const char* name, auto slot) {
        auto* action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action); // shortcuts work anywhere in the window (text fields keep their own)
        return action;
    };
    m_addAction =
        make(tr("&Add Tasks…"), QKeySequence::New, "addTasksAction", &MainWindow::addTasksInteractively);
    m_addAction->setToolTip(
        tr("Add task ids (Ctrl+N); you can also paste them with Ctrl+V or drop text here"));
    m_pasteAction = make(tr("&Paste Task IDs"), QKeySequence::Paste, "pasteIdsAction", &MainWindow::pasteIds);
    m_refreshAction =
        make(tr("&Refresh Now"), QKeySequence(Qt::Key_F5), "refreshAction", &MainWindow::refreshNow);
    m_refreshAction->setToolTip(tr("Query the selected tasks, or all unfinished tasks, now (F5)"));
    m_pauseAction = new QAction(tr("&Pause Polling"), this);
    m_pauseAction->setObjectName(QStringLiteral("pauseAction"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseAction->setToolTip(tr("Stop sending queries until you resume (Ctrl+Shift+P)"));
    connect(m_pauseAction, &QAction::toggled, this, &MainWindow::setPollingPaused);
    addAction(m_pauseAction);
    m_retryAction =
        make(tr("Re&try"), QKeySequence(Qt::CTRL | Qt::Key_R), "retryAction", &MainWindow::retrySelected);
    m_retryAction->setToolTip(tr("Poll the selected tasks again, even after an error (Ctrl+R)"));
    m_removeAction = make(tr("Re&move"), QKeySequence::Delete, "removeAction", &MainWindow::removeSelected);
    m_removeAction->setToolTip(tr("Remove the selected tasks from the list; their history is kept (Del)"));
    m_copyIdsAction =
        make(tr("&Copy IDs"), QKeySequence::Copy, "copyIdsAction", &MainWindow::copySelectedIds);
    m_copyRequestIdAction = make(tr("Copy Request&Id"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                 "copyRequestIdAction", &MainWindow::copySelectedRequestIds);
    m_clearFinishedAction = make(tr("C&lear Finished"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
                                 "clearFinishedAction", &MainWindow::clearFinished);
    m_clearFinishedAction->setToolTip(
        tr("Remove every finished task, also those stopped by an error (Ctrl+Shift+Del; Ctrl+Z undoes)"));
    m_copyRowsAction = make(tr("Copy &Rows"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C), "copyRowsAction",
                            &MainWindow::copySelectedRows);
    m_copyRowsAction->setToolTip(
        tr("Copy the selected rows: their visible columns, tab-separated (Ctrl+Alt+C)"));
    m_copyInfoAction = make(tr("Copy I&nfo"), QKeySequence(), "copyInfoAction", &MainWindow::copyCurrentInfo);
    m_copyErrorAction =
        make(tr("Copy &Error"), QKeySequence(), "copyErrorAction", &MainWindow::copyCurrentError);
    m_undo = new RemovalUndo(m_board, this);
    addAction(m_undo->action());
    connect(m_undo, &RemovalUndo::undone, this,
            [this](int n) { statusBar()->showMessage(tr("Tasks put back: %1").arg(n), 4000); });
    m_exportAction = make(tr("&Export History…"), QKeySequence(Qt::CTRL | Qt::Key_E), "exportHistoryAction",
                          &MainWindow::exportHistoryRequested);
    m_exportAction->setEnabled(false); // enabled by whoever handles exportHistoryRequested()
    m_credentialsAction = make(tr("&Credentials…"), QKeySequence(), "credentialsAction",
                               [this] { emit credentialsRequested(QString()); });
    m_quitAction = make(tr("&Quit"), QKeySequence::Quit, "quitAction", &MainWindow::quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_hideFinishedAction = new QAction(tr("&Hide Finished"), this);
    m_hideFinishedAction->setObjectName(QStringLiteral("hideFinishedAction"));
    m_hideFinishedAction->setCheckable(true);
    m_hideFinishedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_hideFinishedAction->setToolTip(tr("Show only tasks that are still running or waiting (Ctrl+H)"));
    connect(m_hideFinishedAction, &QAction::toggled, m_proxy, &TaskFilterProxyModel::setHideFinished);
    addAction(m_hideFinishedAction);
    m_notificationsAction = new QAction(tr("Desktop &Notifications"), this);
    m_notificationsAction->setObjectName(QStringLiteral("notificationsAction"));
    m_notificationsAction->setCheckable(true);
    m_notificationsAction->setChecked(
        QSettings().value(QLatin1String(WindowSettings::Notifications), true).toBool());
    m_notificationsAction->setToolTip(tr("Show a desktop notification when a task finishes"));
    connect(m_notificationsAction, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QLatin1String(WindowSettings::Notifications), on); });
    m_discoverAction = make(tr("&Discover Tasks…"), QKeySequence(Qt::CTRL | Qt::Key_D), "discoverAction",
                            &MainWindow::discoverInteractively);
    m_discoverAction->setIconText(tr("Discover")); // short on the toolbar: the filter field stays visible
    m_discoverAction->setToolTip(
        tr("List the account's tasks (DescribeTasks) and watch them, without pasting ids (Ctrl+D)"));
    m_tableViewAction = make(tr("Ta&ble"), QKeySequence(Qt::CTRL | Qt::Key_1), "tableViewAction",
                             [this] { showTimeline(false); });
    m_tableViewAction->setToolTip(tr("Show the tasks as a table (Ctrl+1)"));
    m_timelineViewAction = make(tr("Ti&meline"), QKeySequence(Qt::CTRL | Qt::Key_2), "timelineViewAction",
                                [this] { showTimeline(true); });
    m_timelineViewAction->setToolTip(
        tr("Show what ran on each instance, and when: one lane per instance, one bar per task (Ctrl+2)"));
    auto* views = new QActionGroup(this);
    for (QAction* action : {m_tableViewAction, m_timelineViewAction}) {
        action->setCheckable(true);
        views->addAction(action);
    }
    m_tableViewAction->setChecked(true);
    m_findAction = new QAction(tr("&Filter…"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    addAction(m_findAction);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addAction);
    file->addAction(m_pasteAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_credentialsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undo->action());
    edit->addSeparator();
    edit->addAction(m_copyIdsAction);
    edit->addAction(m_copyRequestIdAction);
    edit->addAction(m_copyRowsAction);
    edit->addAction(m_copyInfoAction);
    edit->addAction(m_copyErrorAction);
    edit->addSeparator();
    edit->addAction(m_removeAction);
    edit->addAction(m_clearFinishedAction);
    edit->addSeparator();
    edit->addAction(m_findAction);

    QMenu* tasks = menuBar()->addMenu(tr("&Tasks"));
    tasks->addAction(m_discoverAction);
    tasks->addSeparator();
    tasks->addAction(m_refreshAction);
    tasks->addAction(m_retryAction);
    tasks->addAction(m_pauseAction);
    tasks->addSeparator();
    tasks->addMenu(new PollIntervalMenu(m_board, tasks));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_tableViewAction);
    view->addAction(m_timelineViewAction);
    view->addSeparator();
    view->addAction(m_hideFinishedAction);
    view->addMenu(m_columns->menu());
    view->addAction(m_notificationsAction);
    view->addAction(m_closeGuard->confirmAction());
    view->addAction(m_closeGuard->toTrayAction());
    view->addSeparator();
    // The interface language: the system's unless chosen here (takes effect at the next start).
    QMenu* language = view->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languages = new QActionGroup(language);
    const QString current = Language::configured();
    const QList<QPair<QString, QString>> choices{{QString(), tr("&System default")},
                                                 {QStringLiteral("en"), QStringLiteral("&English")},
                                                 {QStringLiteral("zh_CN"), QStringLiteral("简体中文 (&C)")}};
    for (const auto& [id, name] : choices) {
        QAction* action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(id == current);
        action->setData(id);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, id = id] {
            Language::setConfigured(id);
            statusBar()->showMessage(tr("The language changes when TaskWatch starts again"), 8000);
        });
    }
}

void MainWindow::createToolBar() {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_addAction);
    bar->addAction(m_discoverAction);
    // Text only on the toolbar (the icon is in the menu): at the minimum width the filter field stays
    // visible.
    if (auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(m_discoverAction)))
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_refreshAction);
    bar->addAction(m_pauseAction);
    bar->addSeparator();
    bar->addAction(m_retryAction);
    bar->addAction(m_removeAction);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_hideFinishedAction);
    m_profileFilter = new QComboBox(bar);
    m_profileFilter->setObjectName(QStringLiteral("profileFilter"));
    m_profileFilter->setAccessibleName(tr("Show the tasks of profile"));
    m_profileFilter->setToolTip(tr("Show the tasks of one profile (account) only"));
    m_profileFilter->addItem(tr("All profiles"), QString());
    connect(m_profileFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setProfileFilter(m_profileFilter->currentData().toString()); });
    m_profileFilterAction = bar->addWidget(m_profileFilter);
    m_profileFilterAction->setVisible(false);
    m_filterEdit = new QLineEdit(bar);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by ID, status, Info, error, instance or type"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter tasks"));
    m_filterEdit->setAccessibleDescription(
        tr("Shows only the tasks whose id, status, Info, error or profile contains this text (Ctrl+F)"));
    // The line edit's own clear button: named for screen readers.
    for (QToolButton* clear : m_filterEdit->findChildren<QToolButton*>()) {
        clear->setObjectName(QStringLiteral("filterClearButton"));
        clear->setAccessibleName(tr("Clear the filter"));
        clear->setToolTip(tr("Clear the filter"));
    }
    m_filterEdit->setMinimumWidth(240);
    m_filterEdit->setMaximumWidth(360);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &TaskFilterProxyModel::setFilterText);
    connect(m_findAction, &QAction::triggered, m_filterEdit, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    bar->addWidget(m_filterEdit);
    // Shown, like the profile filter, only while the tasks are of more than one product: with one there is
    // nothing to choose. After the text filter: in a narrow window it is the one that goes to the toolbar's
    // overflow menu, never the text filter.
    m_productFilter = new QComboBox(bar);
    m_productFilter->setObjectName(QStringLiteral("productFilter"));
    m_productFilter->setAccessibleName(tr("Show the tasks of product"));
    m_productFilter->setToolTip(tr("Show the tasks of one product only"));
    m_productFilter->addItem(tr("All products"), QString());
    connect(m_productFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setProductFilter(m_productFilter->currentData().toString()); });
    m_productFilterAction = bar->addWidget(m_productFilter);
    m_productFilterAction->setVisible(false);
}

void MainWindow::createStatusBar() {
    QStatusBar* bar = statusBar();
    bar->setObjectName(QStringLiteral("statusBar"));

    m_report = new AddReportBar(bar);
    bar->addWidget(m_report);
    m_report->hide();

    m_countsLabel = new QLabel(bar);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_rateLabel = new QLabel(bar);
    m_rateLabel->setObjectName(QStringLiteral("rateLabel"));
    m_rateLabel->setToolTip(
        tr("Queries sent per second, averaged over the last %1 s (the API allows 40 per second)")
            .arg(RateMeter::kWindowMs / 1000));
    m_nextPollLabel = new QLabel(bar);
    m_nextPollLabel->setObjectName(QStringLiteral("nextPollLabel"));
    for (QLabel* label : {m_countsLabel, m_rateLabel, m_nextPollLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(8, 0, 8, 0);
        bar->addPermanentWidget(label);
    }
    // The temporary messages ("Tasks removed: 1") are painted, not widgets: announced for screen readers.
    bar->setAccessibleName(tr("Status"));
    connect(bar, &QStatusBar::messageChanged, bar,
            [bar](const QString& message) { announce(bar, message, tr("Status")); });
}

void MainWindow::setTabOrderChain() {
    // toolbar (profile filter, filter, product filter) → table or timeline (whichever is shown) → details
    // tabs → details content → status bar
    QList<QWidget*> chain{m_profileFilter, m_filterEdit, m_productFilter, m_view, m_timeline};
    chain += m_details->focusChain();
    chain += m_report->focusChain();
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

void MainWindow::showTableContextMenu(const QPoint& pos) {
    QMenu menu(this);
    menu.addAction(m_refreshAction);
    menu.addAction(m_retryAction);
    menu.addSeparator();
    menu.addAction(m_copyIdsAction);
    menu.addAction(m_copyRequestIdAction);
    menu.addAction(m_copyRowsAction);
    menu.addAction(m_copyInfoAction);
    menu.addAction(m_copyErrorAction);
    menu.addSeparator();
    menu.addAction(m_removeAction);
    menu.addAction(m_clearFinishedAction);
    menu.addAction(m_undo->action());
    menu.addSeparator();
    menu.addAction(m_pauseAction);
    menu.addAction(m_addAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void MainWindow::updateActions() {
    const QStringList keys = selectedKeys();
    const bool polling = anyPolling();
    bool anyRequestId = false;
    bool anyRetryable = false;
    for (const QString& key : keys) {
        const TaskState* state = m_board->task(key);
        if (!state)
            continue;
        anyRequestId = anyRequestId || !state->requestId.isEmpty();
        anyRetryable = anyRetryable || state->isDone() || !state->errorCode.isEmpty();
    }
    m_copyIdsAction->setEnabled(!keys.isEmpty());
    m_copyRowsAction->setEnabled(!keys.isEmpty());
    const TaskState* current = m_board->task(currentKey());
    m_copyInfoAction->setEnabled(current && current->info && !current->info->isEmpty());
    m_copyErrorAction->setEnabled(current && !current->errorCode.isEmpty());
    m_copyRequestIdAction->setEnabled(anyRequestId);
    m_removeAction->setEnabled(!keys.isEmpty());
    m_retryAction->setEnabled(polling && anyRetryable);
    // Paused: nothing is sent, so Refresh Now would promise a query that does not come.
    m_refreshAction->setEnabled(polling && !m_board->isPaused() && m_board->activeCount() > 0);
    m_pauseAction->setEnabled(polling);
    m_clearFinishedAction->setEnabled(m_board->finishedCount() > 0);
}

} // namespace taskwatch::ui
