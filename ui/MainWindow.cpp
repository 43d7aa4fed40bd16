#include "MainWindow.h"

#include "ActionIcons.h"
#include "AddTasksDialog.h"
#include "Banner.h"
#include "DetailsPanel.h"
#include "ErrorCatalog.h"
#include "Language.h"
#include "PollScheduler.h"
#include "Regions.h"
#include "SafeText.h"
#include "StatusStyle.h"
#include "TaskIdExtractor.h"
#include "TaskStore.h"
#include "WatchSession.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
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

// Q_INIT_RESOURCE must be used outside any namespace; the resources live in a static library.
static void initResources() {
    Q_INIT_RESOURCE(resources);
}

namespace taskwatch::ui {

namespace {

namespace Key {
constexpr auto Geometry = "mainWindow/geometry";
constexpr auto WindowState = "mainWindow/windowState";
constexpr auto Splitter = "mainWindow/splitter";
constexpr auto Header = "mainWindow/header";
constexpr auto Filter = "mainWindow/filter";
constexpr auto HideFinished = "mainWindow/hideFinished";
constexpr auto Notifications = "notifications/enabled";
constexpr auto LastRegion = "tasks/lastRegion";
} // namespace Key

constexpr int kFlushIntervalMs = 100;
constexpr int kPerRowUpdateLimit = 16; // above: one ranged dataChanged for the batch
constexpr auto kFallbackRegion = "ap-guangzhou";

// The application icon, painted (no SVG image plugin needed): a database cylinder with a check mark.
QIcon appIcon() {
    initResources();
    QIcon icon(QStringLiteral(":/icons/cdb-taskwatch.svg"));
    if (!icon.pixmap(QSize(32, 32)).isNull())
        return icon;
    QIcon painted;
    for (int side : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pm(side, side);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(side / 64.0, side / 64.0);
        const QColor body(0x1f, 0x6f, 0xeb);
        const QColor top(0x6c, 0xa8, 0xff);
        p.setPen(Qt::NoPen);
        p.setBrush(body);
        p.drawRoundedRect(QRectF(8, 12, 40, 42), 4, 4);
        p.drawEllipse(QRectF(8, 46, 40, 14));
        p.setBrush(top);
        p.drawEllipse(QRectF(8, 5, 40, 14));
        p.setPen(QPen(QColor(255, 255, 255, 150), 2.5));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(8, 20, 40, 14), 180 * 16, 180 * 16);
        p.drawArc(QRectF(8, 33, 40, 14), 180 * 16, 180 * 16);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1a, 0x7f, 0x37));
        p.drawEllipse(QRectF(34, 34, 28, 28));
        p.setPen(QPen(Qt::white, 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(41, 48.5), QPointF(46.5, 54), QPointF(55, 43)}));
        p.end();
        painted.addPixmap(pm);
    }
    return painted;
}

bool isValidRegion(const QString& region) {
    return Regions::isWellFormed(region);
}

} // namespace

QString MainWindow::AddReport::text() const {
    QStringList parts;
    if (added > 0 || (alreadyPresent == 0 && unrecognisedLineCount == 0))
        parts << (added == 0 ? tr("No task ids found") : tr("%n added", nullptr, added));
    if (alreadyPresent > 0)
        parts << tr("%n already present", nullptr, alreadyPresent);
    if (unrecognisedLineCount == 1)
        parts << tr("1 line not recognised");
    else if (unrecognisedLineCount > 1)
        parts << tr("%n lines not recognised", nullptr, unrecognisedLineCount);
    return parts.join(QLatin1String(", "));
}

MainWindow::MainWindow(WatchSession* session, QWidget* parent)
    : QMainWindow(parent)
    , m_model(new TaskTableModel(this))
    , m_proxy(new TaskFilterProxyModel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CDB TaskWatch"));
    setWindowIcon(appIcon());
    setAcceptDrops(true);
    m_proxy->setSourceModel(m_model);

    createActions();
    createCentralWidgets();
    createMenus();
    createToolBar();
    createStatusBar();

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &MainWindow::flushUpdates);
    m_notifyTimer.setSingleShot(true);
    m_notifyTimer.setInterval(1000);
    connect(&m_notifyTimer, &QTimer::timeout, this, &MainWindow::flushNotifications);
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &MainWindow::onTick);
    m_tickTimer.start();

    restoreSettings();
    applyTheme();
    setSession(session);
    setFollowNetworkReachability(true);
    resize(size().expandedTo(QSize(1000, 640)));
}

MainWindow::~MainWindow() = default;

// ----------------------------------------------------------------------------------------- construction

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
    m_exportAction = make(tr("&Export History…"), QKeySequence(Qt::CTRL | Qt::Key_E), "exportHistoryAction",
                          &MainWindow::exportHistoryRequested);
    m_exportAction->setEnabled(false); // enabled by whoever handles exportHistoryRequested()
    m_credentialsAction =
        make(tr("Cr&edentials…"), QKeySequence(), "credentialsAction", &MainWindow::credentialsRequested);
    m_quitAction = make(tr("&Quit"), QKeySequence::Quit, "quitAction", &MainWindow::close);
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
    m_notificationsAction->setChecked(QSettings().value(QLatin1String(Key::Notifications), true).toBool());
    m_notificationsAction->setToolTip(tr("Show a desktop notification when a task finishes"));
    connect(m_notificationsAction, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QLatin1String(Key::Notifications), on); });
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
    edit->addAction(m_copyIdsAction);
    edit->addAction(m_copyRequestIdAction);
    edit->addSeparator();
    edit->addAction(m_removeAction);
    edit->addAction(m_clearFinishedAction);
    edit->addSeparator();
    edit->addAction(m_findAction);

    QMenu* tasks = menuBar()->addMenu(tr("&Tasks"));
    tasks->addAction(m_refreshAction);
    tasks->addAction(m_retryAction);
    tasks->addAction(m_pauseAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_hideFinishedAction);
    view->addAction(m_notificationsAction);
    view->addSeparator();
    // The interface language: the system's unless chosen here (takes effect at the next start).
    QMenu* language = view->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languages = new QActionGroup(language);
    const QString current = Language::configured();
    const QList<QPair<QString, QString>> choices{{QString(), tr("System default")},
                                                 {QStringLiteral("en"), QStringLiteral("English")},
                                                 {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
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
    bar->addAction(m_refreshAction);
    bar->addAction(m_pauseAction);
    bar->addSeparator();
    bar->addAction(m_retryAction);
    bar->addAction(m_removeAction);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_hideFinishedAction);
    m_filterEdit = new QLineEdit(bar);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by ID, status or Info"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMinimumWidth(240);
    m_filterEdit->setMaximumWidth(360);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &TaskFilterProxyModel::setFilterText);
    connect(m_findAction, &QAction::triggered, m_filterEdit, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    bar->addWidget(m_filterEdit);
}

void MainWindow::createCentralWidgets() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);

    auto* bannerArea = new QWidget(central);
    bannerArea->setObjectName(QStringLiteral("bannerArea"));
    m_bannerLayout = new QVBoxLayout(bannerArea);
    m_bannerLayout->setContentsMargins(0, 0, 0, 0);
    m_bannerLayout->setSpacing(4);
    layout->addWidget(bannerArea);

    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);

    m_view = new QTableView(m_splitter);
    m_view->setObjectName(QStringLiteral("taskTable"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // insertion order until the user sorts
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setSortingEnabled(true);
    const int charWidth = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int idWidth = mono.horizontalAdvance(QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7")) + 24;
    m_view->setColumnWidth(TaskTableModel::IdColumn, idWidth);
    m_view->setColumnWidth(TaskTableModel::RegionColumn, charWidth * 12);
    m_view->setColumnWidth(TaskTableModel::StatusColumn, charWidth * 15);
    m_view->setColumnWidth(TaskTableModel::InfoColumn, charWidth * 36);
    m_view->setColumnWidth(TaskTableModel::LastCheckedColumn, charWidth * 13);
    m_view->setColumnWidth(TaskTableModel::ElapsedColumn, charWidth * 9);
    m_view->setColumnWidth(TaskTableModel::ErrorColumn, charWidth * 22);
    connect(m_view, &QTableView::customContextMenuRequested, this, &MainWindow::showTableContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateDetails);

    m_details = new DetailsPanel(m_splitter);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    connect(m_details, &DetailsPanel::requestIdCopied, this,
            [this] { statusBar()->showMessage(tr("RequestId copied to the clipboard"), 3000); });

    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
}

void MainWindow::createStatusBar() {
    QStatusBar* bar = statusBar();
    bar->setObjectName(QStringLiteral("statusBar"));

    m_reportWidget = new QWidget(bar);
    m_reportWidget->setObjectName(QStringLiteral("addReport"));
    auto* reportLayout = new QHBoxLayout(m_reportWidget);
    reportLayout->setContentsMargins(4, 0, 4, 0);
    reportLayout->setSpacing(6);
    m_reportLabel = new QLabel(m_reportWidget);
    m_reportLabel->setObjectName(QStringLiteral("reportLabel"));
    m_reportLabel->setTextFormat(Qt::PlainText);
    m_showLinesButton = new QToolButton(m_reportWidget);
    m_showLinesButton->setObjectName(QStringLiteral("showUnrecognisedButton"));
    m_showLinesButton->setText(tr("Show…"));
    m_showLinesButton->setToolTip(tr("Show the lines in which no task id was found"));
    m_showLinesButton->setAutoRaise(true);
    connect(m_showLinesButton, &QToolButton::clicked, this, &MainWindow::showUnrecognisedLines);
    auto* dismiss = new QToolButton(m_reportWidget);
    dismiss->setObjectName(QStringLiteral("dismissReportButton"));
    dismiss->setAutoRaise(true);
    dismiss->setText(QStringLiteral("×"));
    dismiss->setToolTip(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, m_reportWidget, &QWidget::hide);
    reportLayout->addWidget(m_reportLabel);
    reportLayout->addWidget(m_showLinesButton);
    reportLayout->addWidget(dismiss);
    bar->addWidget(m_reportWidget);
    m_reportWidget->hide();

    m_countsLabel = new QLabel(bar);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_rateLabel = new QLabel(bar);
    m_rateLabel->setObjectName(QStringLiteral("rateLabel"));
    m_rateLabel->setToolTip(tr("Queries sent in the last second (the API allows 40 per second)"));
    m_nextPollLabel = new QLabel(bar);
    m_nextPollLabel->setObjectName(QStringLiteral("nextPollLabel"));
    for (QLabel* label : {m_countsLabel, m_rateLabel, m_nextPollLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(8, 0, 8, 0);
        bar->addPermanentWidget(label);
    }
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (const QByteArray geometry = settings.value(QLatin1String(Key::Geometry)).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.value(QLatin1String(Key::WindowState)).toByteArray();
        !state.isEmpty())
        restoreState(state);
    if (const QByteArray splitter = settings.value(QLatin1String(Key::Splitter)).toByteArray();
        !splitter.isEmpty())
        m_splitter->restoreState(splitter);
    else
        m_splitter->setSizes({400, 240});
    if (const QByteArray header = settings.value(QLatin1String(Key::Header)).toByteArray(); !header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    m_filterEdit->setText(settings.value(QLatin1String(Key::Filter)).toString());
    m_hideFinishedAction->setChecked(settings.value(QLatin1String(Key::HideFinished), false).toBool());
    m_lastRegion = settings.value(QLatin1String(Key::LastRegion)).toString();
    if (!isValidRegion(m_lastRegion))
        m_lastRegion.clear();
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(QLatin1String(Key::Geometry), saveGeometry());
    settings.setValue(QLatin1String(Key::WindowState), saveState());
    settings.setValue(QLatin1String(Key::Splitter), m_splitter->saveState());
    settings.setValue(QLatin1String(Key::Header), m_view->horizontalHeader()->saveState());
    settings.setValue(QLatin1String(Key::Filter), m_filterEdit->text());
    settings.setValue(QLatin1String(Key::HideFinished), m_hideFinishedAction->isChecked());
    settings.setValue(QLatin1String(Key::Notifications), m_notificationsAction->isChecked());
    if (!m_lastRegion.isEmpty())
        settings.setValue(QLatin1String(Key::LastRegion), m_lastRegion);
}

// ----------------------------------------------------------------------------------------------- session

WatchSession* MainWindow::session() const {
    return m_session.data();
}

void MainWindow::setSession(WatchSession* session) {
    if (m_session == session && session)
        return;
    if (m_session)
        disconnectSession(m_session);
    flushUpdates();
    m_session = session;
    setBanner(BannerKind::NoCredentials, !session);
    setBanner(BannerKind::CredentialsRejected, false);
    if (session)
        connectSession();
    updateActions();
    updateStatusBar();
    updateDetails();
}

void MainWindow::connectSession() {
    WatchSession* session = m_session;
    PollScheduler* scheduler = session->scheduler();
    connect(scheduler, &PollScheduler::taskUpdated, this,
            [this](const TaskState& state, bool) { onTaskUpdated(state); });
    connect(scheduler, &PollScheduler::taskFinished, this, &MainWindow::onTaskFinished);
    connect(scheduler, &PollScheduler::authFailed, this, &MainWindow::onAuthFailed);
    connect(scheduler, &PollScheduler::rateLimited, this, [this](const QString& code) {
        statusBar()->showMessage(tr("The server asked to slow down (%1): polling at half rate for a while")
                                     .arg(SafeText::singleLine(code, 80)),
                                 8000);
    });
    connect(scheduler, &PollScheduler::clockCorrected, this, [this](qint64 offset) {
        statusBar()->showMessage(
            tr("This computer's clock differs from the server's by %1 s; requests are corrected")
                .arg(qAbs(offset)),
            10000);
    });
    connect(session, &WatchSession::historyRecorded, this, &MainWindow::onHistoryRecorded);
    connect(session, &WatchSession::storeFailed, this, [this](const QString& message) {
        Banner* banner = ensureBanner(BannerKind::StoreFailed);
        banner->setDetail(SafeText::singleLine(message, 500));
        setBanner(BannerKind::StoreFailed, true);
    });
    connect(session, &QObject::destroyed, this, [this] {
        setBanner(BannerKind::NoCredentials, true);
        updateActions();
        updateStatusBar();
    });

    // Tasks added while there was no session are handed over; tasks the session already has (restored from
    // the history) are shown.
    QList<TaskState> fromSession;
    const QStringList ids = m_model->ids();
    for (const QString& id : ids) {
        if (scheduler->task(id))
            continue;
        const TaskState* waiting = m_model->stateOf(id);
        session->addTask(id, waiting ? waiting->region : QString());
    }
    const QStringList sessionIds = scheduler->taskIds();
    for (const QString& id : sessionIds) {
        if (const TaskState* state = scheduler->task(id))
            fromSession.append(*state);
    }
    m_model->upsertMany(fromSession);
    m_pauseAction->setChecked(scheduler->isPaused());
    if (scheduler->isHeldByAuth())
        showCredentialsRejected(QString(), QString());
}

void MainWindow::disconnectSession(WatchSession* session) {
    disconnect(session, nullptr, this, nullptr);
    if (PollScheduler* scheduler = session->scheduler())
        disconnect(scheduler, nullptr, this, nullptr);
}

void MainWindow::onTaskUpdated(const TaskState& state) {
    m_pendingUpdates.insert(state.id, state);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void MainWindow::onTaskFinished(const TaskState& state) {
    onTaskUpdated(state);
    if (!m_notificationsAction->isChecked())
        return;
    m_pendingNotifications.append(state.id);
    if (!m_notifyTimer.isActive())
        m_notifyTimer.start();
}

void MainWindow::flushUpdates() {
    m_flushTimer.stop();
    if (m_pendingUpdates.isEmpty())
        return;
    QList<TaskState> batch;
    batch.reserve(m_pendingUpdates.size());
    for (auto it = m_pendingUpdates.cbegin(); it != m_pendingUpdates.cend(); ++it) {
        // A reply for a task removed meanwhile must not bring it back.
        if (!m_model->contains(it.key()) && !(m_session && m_session->scheduler()->task(it.key())))
            continue;
        batch.append(it.value());
    }
    m_pendingUpdates.clear();
    if (batch.size() <= kPerRowUpdateLimit) {
        for (const TaskState& state : std::as_const(batch))
            m_model->upsert(state);
    } else {
        m_model->upsertMany(batch);
    }
    const QString current = currentId();
    if (!current.isEmpty() &&
        std::any_of(batch.cbegin(), batch.cend(), [&current](const TaskState& s) { return s.id == current; }))
        updateDetails();
    updateActions();
}

void MainWindow::flushNotifications() {
    if (m_pendingNotifications.isEmpty())
        return;
    const QStringList ids = std::exchange(m_pendingNotifications, {});
    QString title;
    QString message;
    if (ids.size() == 1) {
        const TaskState* state = m_model->stateOf(ids.first());
        const QString status = state ? StatusStyle::text(*state) : QString();
        title = tr("Task finished: %1").arg(status);
        message = ids.first();
        if (state && state->info && !state->info->isEmpty())
            message += QLatin1Char('\n') + SafeText::singleLine(*state->info, 200);
    } else {
        title = tr("%n tasks finished", nullptr, int(ids.size()));
        QStringList lines;
        for (const QString& id : ids.mid(0, 5)) {
            const TaskState* state = m_model->stateOf(id);
            lines << QStringLiteral("%1  %2").arg(state ? StatusStyle::text(*state) : QString(), id);
        }
        if (ids.size() > 5)
            lines << tr("and %n more", nullptr, int(ids.size() - 5));
        message = lines.join(QLatin1Char('\n'));
    }
    emit taskNotification(title, message);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(windowTitle());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }
    m_tray->show();
    m_tray->showMessage(title, message, QSystemTrayIcon::Information, 8000);
}

void MainWindow::onAuthFailed(const QString& code, const QString& message) {
    flushUpdates();
    showCredentialsRejected(code, message);
    updateStatusBar();
}

void MainWindow::showCredentialsRejected(const QString& code, const QString& message) {
    Banner* banner = ensureBanner(BannerKind::CredentialsRejected);
    if (code.isEmpty()) {
        banner->setTitle(tr("The credentials were rejected: polling is on hold"));
        banner->setDetail(QString());
    } else {
        const ErrorDescription d = ErrorCatalog::describe(code);
        banner->setTitle(tr("The credentials were rejected (%1): polling is on hold")
                             .arg(SafeText::singleLine(code, 120)));
        QStringList detail;
        if (!d.meaning.isEmpty())
            detail << d.meaning;
        if (!d.hint.isEmpty())
            detail << d.hint;
        if (!message.isEmpty())
            detail << tr("Server message: %1").arg(SafeText::singleLine(message, 300));
        banner->setDetail(detail.join(QLatin1Char('\n')));
    }
    setBanner(BannerKind::CredentialsRejected, true);
}

void MainWindow::resumeAfterAuthFailure() {
    if (!m_session)
        return;
    m_session->setCredential(m_session->config().credential);
    setBanner(BannerKind::CredentialsRejected, false);
    updateStatusBar();
}

void MainWindow::onHistoryRecorded(const HistoryEntry& entry) {
    // Kept in memory without asking the loader: that happens once, when the task is first shown.
    QList<HistoryEntry>& list = m_history[entry.taskId];
    list.append(entry);
    if (list.size() > kMaxHistoryPerTask)
        list.remove(0, list.size() - kMaxHistoryPerTask);
    if (entry.taskId == currentId())
        updateDetails();
}

QList<HistoryEntry>& MainWindow::historyOf(const QString& id) {
    if (m_historyLoader && !m_historyLoaded.value(id)) {
        m_historyLoaded.insert(id, true);
        QList<HistoryEntry> loaded = m_historyLoader(id);
        const QList<HistoryEntry> current = m_history.value(id);
        for (const HistoryEntry& e : current) {
            if (!loaded.contains(e))
                loaded.append(e);
        }
        std::stable_sort(loaded.begin(), loaded.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
            return a.observedAt < b.observedAt;
        });
        if (loaded.size() > kMaxHistoryPerTask)
            loaded.remove(0, loaded.size() - kMaxHistoryPerTask);
        m_history.insert(id, loaded);
    }
    return m_history[id];
}

void MainWindow::setHistoryLoader(HistoryLoader loader) {
    m_historyLoader = std::move(loader);
    m_historyLoaded.clear();
    updateDetails();
}

void MainWindow::setTaskStore(TaskStore* store) {
    if (!store) {
        setHistoryLoader({});
        return;
    }
    setHistoryLoader([store](const QString& id) {
        // Streamed; only the most recent entries are kept (the timeline is bounded).
        QList<HistoryEntry> entries;
        HistoryQuery query;
        query.ids = {id};
        store->forEachHistory(query, [&entries](const HistoryEntry& entry) {
            entries.append(entry);
            if (entries.size() > 2 * kMaxHistoryPerTask)
                entries.remove(0, entries.size() - kMaxHistoryPerTask);
            return true;
        });
        if (entries.size() > kMaxHistoryPerTask)
            entries.remove(0, entries.size() - kMaxHistoryPerTask);
        return entries;
    });
}

void MainWindow::setFollowNetworkReachability(bool follow) {
    if (follow == m_followReachability)
        return;
    m_followReachability = follow;
    if (!follow) {
        if (QNetworkInformation* info = QNetworkInformation::instance())
            disconnect(info, nullptr, this, nullptr);
        setOffline(false);
        return;
    }
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return; // no backend on this system: the banner is never shown
    QNetworkInformation* info = QNetworkInformation::instance();
    const auto apply = [this](QNetworkInformation::Reachability reachability) {
        setOffline(reachability == QNetworkInformation::Reachability::Disconnected);
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(info->reachability());
}

// --------------------------------------------------------------------------------------------- adding ids

QString MainWindow::defaultRegion() const {
    if (m_session && !m_session->config().defaultRegion.isEmpty())
        return m_session->config().defaultRegion;
    if (!m_lastRegion.isEmpty())
        return m_lastRegion;
    return QLatin1String(kFallbackRegion);
}

MainWindow::AddReport MainWindow::addTaskText(const QString& text, const QString& region) {
    const QString r = region.isEmpty() ? defaultRegion() : region;
    const ExtractedIds found = TaskIdExtractor::extract(text);
    AddReport report;
    report.alreadyPresent = found.duplicates;
    report.unrecognisedLineCount = found.unrecognisedLineCount;
    report.unrecognisedLines = found.unrecognisedLines;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TaskState> added;
    added.reserve(found.ids.size());
    QStringList newIds;
    for (const QString& id : found.ids) {
        if (!m_model->contains(id))
            newIds.append(id);
    }
    report.alreadyPresent += int(found.ids.size() - newIds.size());
    // One store transaction for the whole batch (a large paste would otherwise commit once per id).
    const QStringList acceptedList = m_session ? m_session->addTasks(newIds, r) : newIds;
    const QSet<QString> accepted(acceptedList.cbegin(), acceptedList.cend());
    for (const QString& id : std::as_const(newIds)) {
        TaskState state;
        if (m_session) {
            PollScheduler* scheduler = m_session->scheduler();
            if (!accepted.contains(id)) {
                ++report.alreadyPresent;
                if (const TaskState* existing = scheduler->task(id))
                    added.append(*existing); // known to the session but not shown: show it
                continue;
            }
            if (const TaskState* fresh = scheduler->task(id))
                state = *fresh;
        }
        if (state.id.isEmpty()) {
            state.id = id;
            state.region = r;
            state.addedAt = now;
            state.phase = TaskPhase::Waiting;
        }
        added.append(state);
        ++report.added;
    }
    m_model->upsertMany(added); // one insertion for the whole batch
    if (report.added > 0) {
        const QModelIndex first = m_proxy->mapFromSource(m_model->index(m_model->rowOf(added.first().id), 0));
        if (first.isValid())
            m_view->scrollTo(first);
    }
    showReport(report);
    updateActions();
    updateStatusBar();
    return report;
}

void MainWindow::showReport(const AddReport& report) {
    m_lastReport = report;
    m_reportLabel->setText(report.text());
    m_showLinesButton->setVisible(report.unrecognisedLineCount > 0);
    statusBar()->clearMessage();
    m_reportWidget->show();
}

QString MainWindow::reportText() const {
    return m_reportWidget->isVisible() || !m_reportWidget->isHidden() ? m_reportLabel->text() : QString();
}

void MainWindow::showUnrecognisedLines() {
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("unrecognisedLinesDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Lines Without a Task ID"));
    auto* layout = new QVBoxLayout(dialog);
    const int shown = int(m_lastReport.unrecognisedLines.size());
    QString intro =
        m_lastReport.unrecognisedLineCount == 1
            ? tr("1 line did not contain a task id:")
            : tr("%n lines did not contain a task id:", nullptr, m_lastReport.unrecognisedLineCount);
    if (shown < m_lastReport.unrecognisedLineCount)
        intro += QLatin1Char(' ') + tr("(the first %n are shown)", nullptr, shown);
    auto* label = new QLabel(intro, dialog);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    auto* lines = new QPlainTextEdit(dialog);
    lines->setObjectName(QStringLiteral("unrecognisedLinesText"));
    lines->setReadOnly(true);
    lines->setLineWrapMode(QPlainTextEdit::NoWrap);
    QStringList safe;
    safe.reserve(shown);
    for (const QString& line : std::as_const(m_lastReport.unrecognisedLines))
        safe << SafeText::singleLine(line, 500);
    lines->setPlainText(safe.join(QLatin1Char('\n')));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(label);
    layout->addWidget(lines, 1);
    layout->addWidget(buttons);
    dialog->resize(640, 360);
    dialog->show();
}

void MainWindow::addTasksInteractively() {
    auto* dialog = new AddTasksDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRegion(defaultRegion());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_lastRegion = dialog->region();
        QSettings().setValue(QLatin1String(Key::LastRegion), m_lastRegion);
        addTaskText(dialog->text(), dialog->region());
    });
    dialog->open();
}

void MainWindow::pasteIds() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    const QString text = mime ? mime->text() : QString();
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text"), 4000);
        return;
    }
    addTaskText(text);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    bool usable = mime->hasText();
    if (!usable && mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        usable = std::any_of(urls.cbegin(), urls.cend(), [](const QUrl& url) { return url.isLocalFile(); });
    }
    if (usable)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    QString text;
    QStringList unreadable;
    if (mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        for (const QUrl& url : urls) {
            if (!url.isLocalFile())
                continue;
            QFile file(url.toLocalFile());
            if (!file.open(QIODevice::ReadOnly)) {
                unreadable << file.fileName();
                continue;
            }
            text += QString::fromUtf8(file.read(kMaxDroppedFileBytes));
            text += QLatin1Char('\n');
        }
    }
    if (text.isEmpty() && mime->hasText())
        text = mime->text();
    event->acceptProposedAction();
    if (!unreadable.isEmpty())
        statusBar()->showMessage(
            tr("Could not read %1").arg(SafeText::singleLine(unreadable.join(QLatin1String(", ")), 300)),
            8000);
    if (!text.isEmpty())
        addTaskText(text);
}

// ------------------------------------------------------------------------------------------ task actions

QStringList MainWindow::selectedIds() const {
    QList<QModelIndex> rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList ids;
    ids.reserve(rows.size());
    for (const QModelIndex& index : rows)
        ids << index.data(TaskTableModel::TaskIdRole).toString();
    return ids;
}

QString MainWindow::currentId() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return {};
    return current.data(TaskTableModel::TaskIdRole).toString();
}

void MainWindow::copySelectedIds() {
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    statusBar()->showMessage(tr("Task ids copied: %1").arg(ids.size()), 3000);
}

void MainWindow::copySelectedRequestIds() {
    QStringList requestIds;
    const QStringList ids = selectedIds();
    for (const QString& id : ids) {
        if (const TaskState* state = m_model->stateOf(id); state && !state->requestId.isEmpty())
            requestIds << state->requestId;
    }
    if (requestIds.isEmpty())
        return;
    QApplication::clipboard()->setText(requestIds.join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("RequestId copied to the clipboard"), 3000);
}

void MainWindow::removeSelected() {
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (m_session) {
        for (const QString& id : ids)
            m_session->removeTask(id);
    }
    for (const QString& id : ids)
        m_pendingUpdates.remove(id);
    m_model->removeMany(ids);
    statusBar()->showMessage(tr("Tasks removed: %1").arg(ids.size()), 4000);
    updateActions();
    updateStatusBar();
}

void MainWindow::clearFinished() {
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const TaskState* state = m_model->state(row);
        if (TaskTableModel::isFinished(*state))
            ids << state->id;
    }
    if (ids.isEmpty())
        return;
    if (m_session) {
        for (const QString& id : std::as_const(ids))
            m_session->removeTask(id);
    }
    m_model->removeMany(ids);
    statusBar()->showMessage(tr("Finished tasks cleared: %1").arg(ids.size()), 4000);
    updateActions();
    updateStatusBar();
}

void MainWindow::retrySelected() {
    if (!m_session)
        return;
    PollScheduler* scheduler = m_session->scheduler();
    const QStringList ids = selectedIds();
    QList<TaskState> states;
    for (const QString& id : ids) {
        scheduler->retry(id);
        if (const TaskState* state = scheduler->task(id))
            states << *state;
    }
    m_model->upsertMany(states);
    updateActions();
}

void MainWindow::refreshNow() {
    if (!m_session)
        return;
    const QStringList ids = selectedIds();
    m_session->scheduler()->refreshNow(ids);
    statusBar()->showMessage(ids.isEmpty() ? tr("Refreshing every unfinished task")
                                           : tr("Refreshing the selected tasks: %1").arg(ids.size()),
                             3000);
}

void MainWindow::setPollingPaused(bool paused) {
    if (m_pauseAction->isChecked() != paused) {
        m_pauseAction->setChecked(paused); // comes back here through toggled()
        return;
    }
    m_pauseAction->setText(paused ? tr("Resume &Polling") : tr("&Pause Polling"));
    m_pauseAction->setIcon(actionIcon(paused ? ActionIcon::Resume : ActionIcon::Pause, palette()));
    if (m_session && m_session->scheduler()->isPaused() != paused)
        m_session->scheduler()->setPaused(paused);
    updateStatusBar();
}

void MainWindow::showTableContextMenu(const QPoint& pos) {
    QMenu menu(this);
    menu.addAction(m_refreshAction);
    menu.addAction(m_retryAction);
    menu.addSeparator();
    menu.addAction(m_copyIdsAction);
    menu.addAction(m_copyRequestIdAction);
    menu.addSeparator();
    menu.addAction(m_removeAction);
    menu.addAction(m_clearFinishedAction);
    menu.addSeparator();
    menu.addAction(m_pauseAction);
    menu.addAction(m_addAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void MainWindow::updateActions() {
    const QStringList ids = selectedIds();
    const bool hasSession = !m_session.isNull();
    bool anyRequestId = false;
    bool anyRetryable = false;
    for (const QString& id : ids) {
        const TaskState* state = m_model->stateOf(id);
        if (!state)
            continue;
        anyRequestId = anyRequestId || !state->requestId.isEmpty();
        anyRetryable = anyRetryable || state->isDone() || !state->errorCode.isEmpty();
    }
    m_copyIdsAction->setEnabled(!ids.isEmpty());
    m_copyRequestIdAction->setEnabled(anyRequestId);
    m_removeAction->setEnabled(!ids.isEmpty());
    m_retryAction->setEnabled(hasSession && anyRetryable);
    m_refreshAction->setEnabled(hasSession && m_model->activeCount() > 0);
    m_pauseAction->setEnabled(hasSession);
    m_clearFinishedAction->setEnabled(m_model->finishedCount() > 0);
}

// ------------------------------------------------------------------------------------ status and details

void MainWindow::onTick() {
    m_model->tick();
    if (m_session && isBannerShown(BannerKind::CredentialsRejected) &&
        !m_session->scheduler()->isHeldByAuth())
        setBanner(BannerKind::CredentialsRejected, false); // resumed elsewhere (new credentials)
    updateStatusBar();
}

void MainWindow::updateStatusBar() {
    const int finished = m_model->finishedCount();
    const int active = m_model->rowCount() - finished;
    m_countsLabel->setText(tr("%1 active · %2 finished").arg(active).arg(finished));
    if (!m_session) {
        m_rateLabel->setText(tr("%1 req/s").arg(0.0, 0, 'f', 1));
        m_nextPollLabel->setText(tr("Not polling: no credentials"));
        return;
    }
    PollScheduler* scheduler = m_session->scheduler();
    m_rateLabel->setText(tr("%1 req/s").arg(scheduler->currentRate(), 0, 'f', 1));
    if (scheduler->isHeldByAuth()) {
        m_nextPollLabel->setText(tr("Polling on hold"));
    } else if (scheduler->isPaused()) {
        m_nextPollLabel->setText(tr("Polling paused"));
    } else {
        const qint64 ms = scheduler->msUntilNextPoll();
        if (ms < 0)
            m_nextPollLabel->setText(scheduler->inFlightCount() > 0 ? tr("Waiting for replies") : tr("Idle"));
        else if (ms < 1000)
            m_nextPollLabel->setText(tr("Next poll in <1 s"));
        else
            m_nextPollLabel->setText(tr("Next poll in %1 s").arg((ms + 999) / 1000));
    }
    if (m_pauseAction->isChecked() != scheduler->isPaused())
        m_pauseAction->setChecked(scheduler->isPaused());
}

void MainWindow::updateDetails() {
    const QString id = currentId();
    const TaskState* state = id.isEmpty() ? nullptr : m_model->stateOf(id);
    if (!state) {
        m_details->showTask(nullptr, {});
        return;
    }
    m_details->showTask(state, historyOf(id));
}

// ------------------------------------------------------------------------------------------------ banners

QIcon MainWindow::bannerIcon(BannerKind kind, bool dark) {
    switch (kind) {
    case BannerKind::NoCredentials:
        return StatusStyle::icon(StatusKey::Held, dark);
    case BannerKind::Offline:
        return StatusStyle::icon(StatusKey::NoStatus, dark);
    case BannerKind::Demo: {
        const QColor blue = StatusStyle::color(StatusKey::Running, dark);
        return paintedIcon(ActionIcon::Info, blue, blue);
    }
    case BannerKind::CredentialsRejected:
    case BannerKind::KeychainUnavailable:
    case BannerKind::StoreFailed:
        break;
    }
    return StatusStyle::icon(StatusKey::Error, dark);
}

Banner* MainWindow::ensureBanner(BannerKind kind) {
    if (Banner* existing = m_banners.value(kind))
        return existing;
    auto* banner = new Banner(m_bannerLayout->parentWidget());
    banner->hide();
    const bool dark = StatusStyle::isDark(palette());
    switch (kind) {
    case BannerKind::NoCredentials: {
        banner->setObjectName(QStringLiteral("bannerNoCredentials"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("No credentials: tasks are not polled yet"));
        banner->setDetail(
            tr("Add a Tencent Cloud API key (SecretId and SecretKey) to start. Tasks you add now "
               "wait in the list."));
        QPushButton* setUp =
            banner->addButton(tr("Set Up Credentials…"), QStringLiteral("setUpCredentialsButton"));
        connect(setUp, &QPushButton::clicked, this, &MainWindow::credentialsRequested);
        break;
    }
    case BannerKind::CredentialsRejected: {
        banner->setObjectName(QStringLiteral("bannerCredentialsRejected"));
        banner->setTone(Banner::Tone::Error);
        banner->setIcon(bannerIcon(kind, dark));
        QPushButton* resume = banner->addButton(tr("Resume"), QStringLiteral("resumeButton"));
        resume->setToolTip(tr("Try the same credentials again"));
        connect(resume, &QPushButton::clicked, this, &MainWindow::resumeAfterAuthFailure);
        QPushButton* edit = banner->addButton(tr("Credentials…"), QStringLiteral("editCredentialsButton"));
        connect(edit, &QPushButton::clicked, this, &MainWindow::credentialsRequested);
        break;
    }
    case BannerKind::KeychainUnavailable:
        banner->setObjectName(QStringLiteral("bannerKeychainUnavailable"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("The system keychain is not available: credentials cannot be saved"));
        break;
    case BannerKind::Offline:
        banner->setObjectName(QStringLiteral("bannerOffline"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("Offline: no network connection"));
        banner->setDetail(tr("Polling goes on and recovers by itself when the network is back."));
        break;
    case BannerKind::Demo:
        banner->setObjectName(QStringLiteral("bannerDemo"));
        banner->setTone(Banner::Tone::Info);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("Demo: tasks come from the built-in emulator, not from Tencent Cloud"));
        break;
    case BannerKind::StoreFailed:
        banner->setObjectName(QStringLiteral("bannerStoreFailed"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("The history could not be saved; polling goes on"));
        QPushButton* dismiss = banner->addButton(tr("Dismiss"), QStringLiteral("dismissButton"));
        connect(dismiss, &QPushButton::clicked, this, [this] { setBanner(BannerKind::StoreFailed, false); });
        break;
    }
    // Keep a fixed order: the most important condition first.
    int position = 0;
    for (auto it = m_banners.cbegin(); it != m_banners.cend(); ++it) {
        if (int(it.key()) < int(kind))
            ++position;
    }
    m_bannerLayout->insertWidget(position, banner);
    m_banners.insert(kind, banner);
    return banner;
}

void MainWindow::setBanner(BannerKind kind, bool shown) {
    if (!shown) {
        if (Banner* banner = m_banners.value(kind))
            banner->hide();
        return;
    }
    ensureBanner(kind)->show();
}

bool MainWindow::isBannerShown(BannerKind kind) const {
    Banner* banner = m_banners.value(kind);
    return banner && !banner->isHidden();
}

Banner* MainWindow::banner(BannerKind kind) const {
    Banner* banner = m_banners.value(kind);
    return banner && !banner->isHidden() ? banner : nullptr;
}

void MainWindow::setDemoMode(bool demo) {
    m_demo = demo;
    setBanner(BannerKind::Demo, demo);
    setWindowTitle(demo ? tr("CDB TaskWatch (Demo)") : tr("CDB TaskWatch"));
    if (demo)
        setBanner(BannerKind::Offline, false); // the emulator is on this computer
}

void MainWindow::setKeychainUnavailable(const QString& detail) {
    if (detail.isEmpty()) {
        setBanner(BannerKind::KeychainUnavailable, false);
        return;
    }
    ensureBanner(BannerKind::KeychainUnavailable)->setDetail(SafeText::singleLine(detail, 500));
    setBanner(BannerKind::KeychainUnavailable, true);
}

void MainWindow::setOffline(bool offline) {
    setBanner(BannerKind::Offline, offline && !m_demo);
}

// --------------------------------------------------------------------------------------------------- misc

void MainWindow::applyTheme() {
    const bool dark = StatusStyle::isDark(palette());
    const QPalette pal = palette();
    m_addAction->setIcon(actionIcon(ActionIcon::Add, pal));
    m_refreshAction->setIcon(actionIcon(ActionIcon::Refresh, pal));
    m_pauseAction->setIcon(
        actionIcon(m_pauseAction->isChecked() ? ActionIcon::Resume : ActionIcon::Pause, pal));
    m_retryAction->setIcon(actionIcon(ActionIcon::Retry, pal));
    m_removeAction->setIcon(actionIcon(ActionIcon::Remove, pal));
    m_hideFinishedAction->setIcon(actionIcon(ActionIcon::Filter, pal));
    m_copyIdsAction->setIcon(actionIcon(ActionIcon::Copy, pal));
    for (auto it = m_banners.cbegin(); it != m_banners.cend(); ++it) {
        it.value()->setIcon(bannerIcon(it.key(), dark));
        it.value()->updateStyle();
    }
    m_model->setDarkTheme(dark);
    m_details->setDarkTheme(dark);
    updateDetails();
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace taskwatch::ui
