#include "window/MainWindow.h"
#include "window/WindowSettings.h"

#include "Clock.h"
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

namespace {

// A filter combo: "All …" (data: empty), then `values` (text and data). Refilled only when the values
// changed, keeping the choice while it is still offered (else back to "All …"); true when refilled.
bool refillFilter(QComboBox* combo, const QString& allText, const QStringList& values) {
    QStringList shown;
    for (int i = 1; i < combo->count(); ++i)
        shown << combo->itemData(i).toString();
    if (shown == values && combo->count() > 0)
        return false;
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(allText, QString());
    for (const QString& v : values)
        combo->addItem(v, v);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    return true;
}

} // namespace

MainWindow::MainWindow(TaskBoard* board, QWidget* parent)
    : QMainWindow(parent)
    , m_board(board)
    , m_model(new TaskTableModel(this))
    , m_proxy(new TaskFilterProxyModel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CDB TaskWatch"));
    setWindowIcon(appIcon());
    setAcceptDrops(true);
    m_proxy->setSourceModel(m_model);

    m_closeGuard = new CloseGuard(this);
    connect(m_closeGuard, &CloseGuard::quitRequested, this, &MainWindow::quit);
    createActions();
    createCentralWidgets();
    createMenus();
    createToolBar();
    createStatusBar();
    setTabOrderChain();

    m_notifier = new Notifier(board, this);
    m_notifier->setSharedTray([this] { return m_closeGuard->trayIcon(); });
    m_notifier->setEnabled(m_notificationsAction->isChecked());
    connect(m_notificationsAction, &QAction::toggled, m_notifier, &Notifier::setEnabled);
    connect(m_notifier, &Notifier::notified, this, &MainWindow::taskNotification);
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &MainWindow::onTick);
    m_tickTimer.start();

    restoreSettings();
    applyTheme();
    m_model->setTaskList(board);
    connectBoard();
    setFollowNetworkReachability(true);
    updateDetails(); // nothing selected yet: the details are a strip
}

MainWindow::~MainWindow() = default;

// ----------------------------------------------------------------------------------------- construction

// ------------------------------------------------------------------------------------------------- board

void MainWindow::connectBoard() {
    connect(m_board, &TaskBoard::tasksAdded, this, &MainWindow::onTasksChanged);
    connect(m_board, &TaskBoard::tasksUpdated, this, &MainWindow::onTasksChanged);
    connect(m_board, &TaskBoard::tasksFinished, m_notifier, &Notifier::tasksFinished);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateProfileViews();
        updateActions();
        updateStatusBar();
    });
    connect(m_board, &TaskBoard::accountChanged, this, &MainWindow::updateAccountBanners);
    // The viewed task's timeline is read again only when a batch holds an observed change of it (the batch's
    // tasksUpdated, which comes first, shows its new state).
    connect(m_board, &TaskBoard::changesObserved, this, [this](const QList<HistoryEntry>& entries) {
        const QString current = currentKey();
        for (const HistoryEntry& e : entries) {
            if (taskKey(e) == current) {
                m_viewedTimelineKey.clear();
                updateDetails();
                break;
            }
        }
    });
    connect(m_board, &TaskBoard::pausedChanged, this, &MainWindow::showPaused);
    connect(m_board, &TaskBoard::rateLimited, this, [this](const QString& profile, const QString& code) {
        // One-pass arg(): the code comes from the server.
        statusBar()->showMessage(
            tr("The server asked %1 to slow down (%2): polling at a lower rate for a while")
                .arg(profile, SafeText::singleLine(code, 80)),
            8000);
    });
    connect(m_board, &TaskBoard::clockCorrected, this, [this](const QString&, qint64 offset) {
        statusBar()->showMessage(
            tr("This computer's clock differs from the server's by %1 s; requests are corrected")
                .arg(qAbs(offset)),
            10000);
    });
    connect(m_board, &TaskBoard::storeFailed, this, [this](const QString& message) {
        m_banners->ensure(BannerKind::StoreFailed)->setDetail(SafeText::singleLine(message, 500));
        m_banners->setShown(BannerKind::StoreFailed, true);
    });
    connect(m_board, &TaskBoard::pacingFallback, this,
            [this](const QString&, const QString& warning) { statusBar()->showMessage(warning, 15000); });
    connectDiscovery();
    showPaused(m_board->isPaused());
    updateProfileViews();
    updateAccountBanners();
    updateActions();
    updateStatusBar();
}

void MainWindow::onTasksChanged(const QStringList& keys) {
    if (keys.contains(currentKey()))
        updateDetails();
    updateProfileViews();
    updateActions();
}

void MainWindow::updateAccountBanners() {
    m_banners->showAccounts(*m_board, m_demo);
    updateActions();
    updateStatusBar();
}

bool MainWindow::anyPolling() const {
    const QStringList profiles = m_board->profiles();
    return std::any_of(profiles.cbegin(), profiles.cend(),
                       [this](const QString& p) { return m_board->hasAccount(p); });
}

// The profile and product columns and filters are shown while the tasks have more than one of them.
void MainWindow::updateProfileViews() {
    const QStringList profiles = m_model->profiles();
    m_columns->setAutoHidden(TaskTableModel::ProfileColumn, profiles.size() <= 1);
    m_profileFilterAction->setVisible(profiles.size() > 1);
    if (refillFilter(m_profileFilter, tr("All profiles"), profiles))
        m_proxy->setProfileFilter(m_profileFilter->currentData().toString());
    const QStringList products = m_model->products();
    m_columns->setAutoHidden(TaskTableModel::ProductColumn, products.size() <= 1);
    m_productFilterAction->setVisible(products.size() > 1);
    if (refillFilter(m_productFilter, tr("All products"), products))
        m_proxy->setProductFilter(m_productFilter->currentData().toString());
}

QList<HistoryEntry> MainWindow::history(const QString& keyOrId) const {
    const QString key = keyOrId.contains(QChar(0x1f)) ? keyOrId : taskKey(m_board->defaultProfile(), keyOrId);
    return m_board->timeline(key);
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
    return m_board->defaultRegion();
}

AddReport MainWindow::addTaskText(const QString& text, const QString& region, const QString& profile,
                                  const QString& bareNumbersProduct) {
    const AddReport report = m_board->addText(text, profile, region, bareNumbersProduct);
    if (!report.addedKeys.isEmpty()) {
        const QModelIndex first =
            m_proxy->mapFromSource(m_model->index(m_model->rowOf(report.addedKeys.first()), 0));
        if (first.isValid())
            m_view->scrollTo(first);
    }
    statusBar()->clearMessage();
    m_report->showReport(report);
    updateActions();
    updateStatusBar();
    return report;
}

QString MainWindow::reportText() const {
    return m_report->text();
}

void MainWindow::showUnrecognisedLines() {
    m_report->showUnrecognisedLines();
}

void MainWindow::addTasksInteractively() {
    auto* dialog = new AddTasksDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRegion(defaultRegion());
    QStringList profiles = m_board->profiles();
    if (!profiles.contains(m_board->defaultProfile()))
        profiles.prepend(m_board->defaultProfile());
    dialog->setProfiles(profiles, m_board->defaultProfile());
    dialog->setProduct(QSettings().value(QLatin1String(WindowSettings::LastProduct)).toString());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QSettings settings;
        settings.setValue(QLatin1String(WindowSettings::LastRegion), dialog->region());
        settings.setValue(QLatin1String(WindowSettings::LastProduct), dialog->product());
        addTaskText(dialog->text(), dialog->region(), dialog->profile(), dialog->product());
    });
    // Back to the table (not the filter, where Ctrl+E and friends would be typed away).
    connect(dialog, &QDialog::finished, m_view, [this] { m_view->setFocus(Qt::OtherFocusReason); });
    dialog->open();
}

// --------------------------------------------------------------------------------------------- discovery

void MainWindow::discoverInteractively() {
    auto* dialog = new DiscoverDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QStringList profiles = m_board->profiles();
    if (!profiles.contains(m_board->defaultProfile()))
        profiles.prepend(m_board->defaultProfile());
    QHash<QString, QString> regions;
    for (const QString& p : std::as_const(profiles))
        regions.insert(p, m_board->defaultRegion(p));
    dialog->setProfiles(profiles, m_board->defaultProfile(), regions);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { discover(dialog->request()); });
    dialog->open();
}

void MainWindow::discover(const DiscoveryRequest& request) {
    const QString profile = request.profile.isEmpty() ? m_board->defaultProfile() : request.profile;
    if (!request.follow)
        m_board->stopFollowing(profile);
    m_board->discover(request);
    if (const QString problem = m_board->accountStatus(profile).discoveryProblem; !problem.isEmpty())
        statusBar()->showMessage(SafeText::singleLine(problem, 300), 15000);
    else if (!m_board->hasAccount(profile))
        statusBar()->showMessage(
            request.follow
                ? tr("Profile %1 has no credentials yet: discovery starts once they are set").arg(profile)
                : tr("Profile %1 has no credentials: set them up to discover its tasks").arg(profile),
            15000);
    else
        statusBar()->showMessage(tr("Discovering tasks in %1…")
                                     .arg(request.regions.isEmpty()
                                              ? m_board->defaultRegion(profile)
                                              : request.regions.join(QLatin1String(", "))),
                                 5000);
}

bool MainWindow::resumeRememberedDiscovery() {
    const std::optional<DiscoveryRequest> request =
        DiscoverDialog::rememberedFollow(m_board->defaultProfile());
    if (!request)
        return false;
    m_board->discover(*request);
    return true;
}

void MainWindow::connectDiscovery() {
    connect(
        m_board, &TaskBoard::discoveryFinished, this,
        [this](const QString& profile, const QString& region, int found, int added, int,
               const QString& warning) {
            QString text =
                tr("Discovered %n task(s) in %1, %2 new", nullptr, found).arg(region, QString::number(added));
            if (m_board->profiles().size() > 1)
                text = tr("%1: %2").arg(profile, text);
            if (!warning.isEmpty())
                text = tr("%1 (%2)").arg(text, SafeText::singleLine(warning, 300));
            statusBar()->showMessage(text, 10000);
        });
    connect(m_board, &TaskBoard::discoveryFailed, this,
            [this](const QString& profile, const QString& region, TaskBoard::DiscoveryFailure kind,
                   const QString& message) {
                const QString safe = SafeText::singleLine(message, 500);
                switch (kind) {
                case TaskBoard::DiscoveryFailure::PermissionDenied:
                    updateAccountBanners(); // the banner names the missing permission (cdb's listings)
                    if (m_board->accountStatus(profile).discoveryProblem.isEmpty()) // another product's
                        statusBar()->showMessage(
                            tr("Discovery in %1 failed for profile %2: %3").arg(region, profile, safe),
                            15000);
                    break;
                case TaskBoard::DiscoveryFailure::UnsupportedRegion: {
                    // Not modal: the other regions go on.
                    const QString text =
                        tr("Region %1 was skipped for profile %2: %3").arg(region, profile, safe);
                    if (auto* box = qobject_cast<QMessageBox*>(m_unsupportedRegionMessage.data())) {
                        box->setText(box->text() + QLatin1Char('\n') + text);
                        break;
                    }
                    auto* box = new QMessageBox(QMessageBox::Information, tr("Region skipped"), text,
                                                QMessageBox::Ok, this);
                    box->setObjectName(QStringLiteral("unsupportedRegionMessage"));
                    box->setTextFormat(Qt::PlainText);
                    box->setWindowModality(Qt::NonModal);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    m_unsupportedRegionMessage = box;
                    box->show();
                    break;
                }
                case TaskBoard::DiscoveryFailure::AuthRejected:
                case TaskBoard::DiscoveryFailure::Failed:
                    statusBar()->showMessage(
                        tr("Discovery in %1 failed for profile %2: %3").arg(region, profile, safe), 15000);
                    break;
                }
            });
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

QStringList MainWindow::selectedKeys() const {
    QList<QModelIndex> rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList keys;
    keys.reserve(rows.size());
    for (const QModelIndex& index : rows)
        keys << index.data(TaskTableModel::TaskKeyRole).toString();
    return keys;
}

QString MainWindow::currentKey() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return {};
    return current.data(TaskTableModel::TaskKeyRole).toString();
}

void MainWindow::copySelectedIds() {
    const QStringList keys = selectedKeys();
    if (keys.isEmpty())
        return;
    QStringList ids;
    for (const QString& key : keys)
        ids << idOfKey(key);
    QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    statusBar()->showMessage(tr("Task ids copied: %1").arg(ids.size()), 3000);
}

void MainWindow::copySelectedRequestIds() {
    QStringList requestIds;
    const QStringList keys = selectedKeys();
    for (const QString& key : keys) {
        if (const TaskState* state = m_board->task(key); state && !state->requestId.isEmpty())
            requestIds << SafeText::singleLine(state->requestId, TaskTableModel::kDisplayErrorChars);
    }
    if (requestIds.isEmpty())
        return;
    QApplication::clipboard()->setText(requestIds.join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("RequestId copied to the clipboard"), 3000);
}

void MainWindow::removeSelected() {
    const QStringList keys = selectedKeys();
    if (keys.isEmpty())
        return;
    const QList<TaskState> removed = m_undo->record([&] { m_board->remove(keys); });
    if (removed.isEmpty())
        return; // the history could not remove them: they stay, and its banner says why
    statusBar()->showMessage(tr("Tasks removed: %1 (Ctrl+Z puts them back)").arg(removed.size()), 8000);
}

void MainWindow::clearFinished() {
    const QList<TaskState> removed = m_undo->record([this] { m_board->clearFinished(); });
    if (removed.isEmpty())
        return;
    const auto stopped = std::count_if(removed.cbegin(), removed.cend(), [](const TaskState& s) {
        return !s.errorCode.isEmpty() && !TaskStatus::isTerminal(s.status);
    });
    // Tasks stopped by an error are finished too: said, never removed silently.
    statusBar()->showMessage(
        stopped > 0
            ? tr("Finished tasks cleared: %1, of which %2 stopped by an error (Ctrl+Z puts them back)")
                  .arg(removed.size())
                  .arg(stopped)
            : tr("Finished tasks cleared: %1 (Ctrl+Z puts them back)").arg(removed.size()),
        10000);
}

void MainWindow::copySelectedRows() {
    QList<QModelIndex> rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    const QHeaderView* header = m_view->horizontalHeader();
    QStringList lines;
    for (const QModelIndex& row : std::as_const(rows)) {
        QStringList cells;
        for (int visual = 0; visual < header->count(); ++visual) {
            const int column = header->logicalIndex(visual);
            if (header->isSectionHidden(column))
                continue;
            // Display text is neutralised already; no tab or line break may split the cell.
            cells << SafeText::singleLine(m_proxy->index(row.row(), column).data().toString(),
                                          TaskTableModel::kDisplayInfoChars);
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    statusBar()->showMessage(tr("Rows copied: %1").arg(lines.size()), 3000);
}

void MainWindow::copyCurrentInfo() {
    const TaskState* state = m_board->task(currentKey());
    if (!state || !state->info || state->info->isEmpty())
        return;
    QApplication::clipboard()->setText(
        boundText(SafeText::multiLine(*state->info), DetailsPanel::kMaxInfoChars));
    statusBar()->showMessage(tr("Info copied to the clipboard"), 3000);
}

void MainWindow::copyCurrentError() {
    const TaskState* state = m_board->task(currentKey());
    if (!state || state->errorCode.isEmpty())
        return;
    QString text = SafeText::singleLine(state->errorCode, TaskTableModel::kDisplayErrorChars);
    if (!state->errorMessage.isEmpty())
        text += QLatin1String(": ") + boundText(SafeText::multiLine(state->errorMessage), kMaxMessageChars);
    QApplication::clipboard()->setText(text);
    statusBar()->showMessage(tr("Error copied to the clipboard"), 3000);
}

void MainWindow::retrySelected() {
    m_board->retry(selectedKeys());
    updateActions();
}

void MainWindow::refreshNow() {
    const QStringList keys = selectedKeys();
    m_board->refreshNow(keys);
    statusBar()->showMessage(keys.isEmpty() ? tr("Refreshing every unfinished task")
                                            : tr("Refreshing the selected tasks: %1").arg(keys.size()),
                             3000);
}

void MainWindow::setPollingPaused(bool paused) {
    m_board->setPaused(paused); // the board is where the pause lives: showPaused() follows it
}

void MainWindow::showPaused(bool paused) {
    {
        const QSignalBlocker blocker(m_pauseAction);
        m_pauseAction->setChecked(paused);
    }
    m_pauseAction->setText(paused ? tr("Resume &Polling") : tr("&Pause Polling"));
    m_pauseAction->setIcon(actionIcon(paused ? ActionIcon::Resume : ActionIcon::Pause, palette()));
    updateActions(); // Refresh Now is off while paused
    updateDetails();
    updateStatusBar();
}

// ------------------------------------------------------------------------------------ status and details

void MainWindow::onTick() {
    m_model->tick();
    m_rate.sample(steadyNowMs(), m_board->currentRate());
    updateStatusBar();
}

void MainWindow::updateStatusBar() {
    const int active = m_board->activeCount();
    const int finished = m_board->count() - active;
    m_countsLabel->setText(tr("%1 active · %2 finished").arg(active).arg(finished));
    m_rateLabel->setText(tr("%1 req/s").arg(m_rate.rate(), 0, 'f', 1));
    if (!anyPolling()) {
        m_nextPollLabel->setText(tr("Not polling: no credentials"));
    } else if (m_board->isPaused()) {
        m_nextPollLabel->setText(tr("Polling paused"));
    } else if (m_board->isHeldByAuth() && m_board->msUntilNextPoll() < 0) {
        m_nextPollLabel->setText(tr("Polling on hold"));
    } else {
        const qint64 ms = m_board->msUntilNextPoll();
        if (ms < 0)
            m_nextPollLabel->setText(m_board->inFlightCount() > 0 ? tr("Waiting for replies") : tr("Idle"));
        else if (ms < 1000)
            m_nextPollLabel->setText(tr("Next poll in <1 s"));
        else
            m_nextPollLabel->setText(tr("Next poll in %1 s").arg((ms + 999) / 1000));
    }
}

// The selected task's state and timeline. The timeline is read from the history when another task is
// selected or the task's observed changes grew (changesObserved), not for every poll of it.
void MainWindow::updateDetails() {
    const QString key = currentKey();
    const TaskState* state = key.isEmpty() ? nullptr : m_model->stateOf(key);
    if (!state) {
        m_viewedTimelineKey.clear();
        m_viewedTimeline.clear();
        m_details->showTask(nullptr, {});
        setDetailsCollapsed(true);
        return;
    }
    setDetailsCollapsed(false);
    if (key != m_viewedTimelineKey) {
        m_viewedTimeline = m_board->timeline(key);
        m_viewedTimelineKey = key;
    }
    m_details->showTask(state, m_viewedTimeline, m_board->isPaused());
}

// ------------------------------------------------------------------------------------------------ banners

bool MainWindow::isBannerShown(BannerKind kind) const {
    return m_banners->isShown(kind);
}

Banner* MainWindow::banner(BannerKind kind) const {
    return m_banners->shown(kind);
}

void MainWindow::setDemoMode(bool demo) {
    m_demo = demo;
    m_banners->setShown(BannerKind::Demo, demo);
    setWindowTitle(demo ? tr("CDB TaskWatch (Demo)") : tr("CDB TaskWatch"));
    if (demo)
        m_banners->setShown(BannerKind::Offline, false); // the emulator is on this computer
    updateAccountBanners();
}

void MainWindow::setKeychainUnavailable(const QString& detail) {
    if (!detail.isEmpty())
        m_banners->ensure(BannerKind::KeychainUnavailable)->setDetail(SafeText::singleLine(detail, 500));
    m_banners->setShown(BannerKind::KeychainUnavailable, !detail.isEmpty());
}

void MainWindow::setHistoryProblem(const QString& title, const QString& detail) {
    if (!title.isEmpty()) {
        Banner* banner = m_banners->ensure(BannerKind::HistoryProblem);
        banner->setTitle(title);
        banner->setDetail(detail);
    }
    m_banners->setShown(BannerKind::HistoryProblem, !title.isEmpty());
}

void MainWindow::setOffline(bool offline) {
    m_banners->setShown(BannerKind::Offline, offline && !m_demo);
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
    m_discoverAction->setIcon(actionIcon(ActionIcon::Discover, pal));
    m_banners->applyTheme(dark);
    m_model->setDarkTheme(dark);
    m_details->setDarkTheme(dark);
    m_timeline->setDarkTheme(dark);
    updateDetails();
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
}

void MainWindow::quit() {
    m_quitRequested = true;
    if (!close() && !isVisible())
        show(); // hidden to the tray, and the user cancelled: show the window again
    m_quitRequested = false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    switch (m_closeGuard->decide(m_board->activeCount(), m_quitRequested)) {
    case CloseGuard::Decision::Cancel:
        event->ignore();
        return;
    case CloseGuard::Decision::Hide:
        saveSettings();
        event->ignore();
        hide(); // polling goes on; the tray icon brings the window back
        statusBar()->clearMessage();
        return;
    case CloseGuard::Decision::Close:
        break;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
    if (isHidden() && QApplication::quitOnLastWindowClosed() && m_quitRequested)
        QApplication::quit(); // a window hidden to the tray: closing it emits no lastWindowClosed
}

} // namespace taskwatch::ui
