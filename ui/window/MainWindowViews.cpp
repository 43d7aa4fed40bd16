// The main window's central part: the banners, the tasks as a table or a timeline (two tabs over one model
// and one selection), the details below them (a slim strip while no task is selected), and the window's size
// and state as remembered.
#include "window/MainWindow.h"
#include "window/WindowSettings.h"

#include "api/Regions.h"
#include "banners/BannerArea.h"
#include "details/DetailsPanel.h"
#include "model/TaskTableModel.h"
#include "window/ColumnMenu.h"
#include "window/TimelineView.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace taskwatch::ui {

QRect MainWindow::defaultGeometry(const QRect& available) {
    const QSize size(std::clamp(available.width() * 9 / 10, std::min(1000, available.width()), 2200),
                     std::clamp(available.height() * 9 / 10, std::min(640, available.height()), 1400));
    QRect geometry(QPoint(0, 0), size);
    geometry.moveCenter(available.center());
    return geometry;
}

void MainWindow::createCentralWidgets() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);

    m_banners = new BannerArea(central);
    connect(m_banners, &BannerArea::credentialsRequested, this, &MainWindow::credentialsRequested);
    connect(m_banners, &BannerArea::resumeRequested, this, [this] {
        for (const QString& p : m_board->profiles()) {
            if (m_board->accountStatus(p).state == AccountState::HeldByAuth)
                m_board->resumeAccount(p);
        }
        updateAccountBanners();
    });
    layout->addWidget(m_banners);

    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    createTaskViews(m_splitter);

    m_details = new DetailsPanel(m_splitter);
    m_splitter->addWidget(m_viewTabs);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    connect(m_details, &DetailsPanel::requestIdCopied, this,
            [this] { statusBar()->showMessage(tr("RequestId copied to the clipboard"), 3000); });
    connect(m_details, &DetailsPanel::tabTextCopied, this, [this](const QString& tab) {
        statusBar()->showMessage(tr("%1 copied to the clipboard").arg(tab), 3000);
    });

    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
}

// The table and the timeline: one model (the filtered one), one selection, one current task.
void MainWindow::createTaskViews(QWidget* parent) {
    m_viewTabs = new QTabWidget(parent);
    m_viewTabs->setObjectName(QStringLiteral("taskViews"));
    m_viewTabs->setDocumentMode(true);
    // Switched with View → Table / Timeline (Ctrl+1, Ctrl+2): Tab goes from the filter straight to the tasks.
    m_viewTabs->setFocusPolicy(Qt::NoFocus);
    m_viewTabs->tabBar()->setFocusPolicy(Qt::NoFocus);

    m_view = new TaskTableView(m_proxy, m_viewTabs);
    m_columns = new ColumnMenu(m_view);
    m_columns->setHiddenWhileEmpty({TaskTableModel::InstanceColumn, TaskTableModel::TypeColumn,
                                    TaskTableModel::ProgressColumn, TaskTableModel::StartedColumn,
                                    TaskTableModel::EndedColumn});
    connect(m_view, &QTableView::customContextMenuRequested, this, &MainWindow::showTableContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_board->touch({currentKey()}); // a task looked at is polled at the minimum interval again
        updateDetails();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateDetails);

    m_timeline = new TimelineView(m_viewTabs);
    m_timeline->setModel(m_proxy);
    m_timeline->setSelectionModel(m_view->selectionModel());

    m_viewTabs->addTab(m_view, tr("Table"));
    m_viewTabs->setTabToolTip(0, tr("The tasks as a table (Ctrl+1)"));
    m_viewTabs->addTab(m_timeline, tr("Timeline"));
    m_viewTabs->setTabToolTip(1, tr("What ran on each instance, and when (Ctrl+2)"));
    connect(m_viewTabs, &QTabWidget::currentChanged, this, [this] {
        const bool timeline = isTimelineShown();
        if (m_timelineViewAction) {
            m_timelineViewAction->setChecked(timeline);
            m_tableViewAction->setChecked(!timeline);
        }
    });
}

bool MainWindow::isTimelineShown() const {
    return m_viewTabs->currentWidget() == m_timeline;
}

void MainWindow::showTimeline(bool timeline) {
    QWidget* shown = timeline ? static_cast<QWidget*>(m_timeline) : m_view;
    QWidget* other = timeline ? static_cast<QWidget*>(m_view) : m_timeline;
    const bool hadFocus = other->hasFocus();
    m_viewTabs->setCurrentWidget(shown);
    if (hadFocus)
        shown->setFocus(Qt::OtherFocusReason);
}

// While no task is selected the details say so in a slim strip and the tasks get the room; the height the
// user gave the details comes back with the next selected task.
void MainWindow::setDetailsCollapsed(bool collapsed) {
    if (collapsed == m_detailsCollapsed)
        return;
    const QList<int> sizes = m_splitter->sizes();
    const int total = std::max(0, sizes.value(0) + sizes.value(1));
    m_detailsCollapsed = collapsed;
    if (collapsed) {
        if (sizes.value(1) > m_details->stripHeight())
            m_detailsHeight = sizes.value(1);
        m_details->setMaximumHeight(m_details->stripHeight());
        m_splitter->setSizes({total, m_details->stripHeight()});
        return;
    }
    m_details->setMaximumHeight(QWIDGETSIZE_MAX);
    const int height = m_detailsHeight > 0 ? std::min(m_detailsHeight, total * 3 / 4) : total * 2 / 5;
    m_splitter->setSizes({total - height, height});
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (const QByteArray geometry = settings.value(QLatin1String(WindowSettings::Geometry)).toByteArray();
        geometry.isEmpty() || !restoreGeometry(geometry))
        setGeometry(defaultGeometry(screen()->availableGeometry()));
    if (const QByteArray state = settings.value(QLatin1String(WindowSettings::WindowState)).toByteArray();
        !state.isEmpty())
        restoreState(state);
    m_detailsHeight = std::max(0, settings.value(QLatin1String(WindowSettings::DetailsHeight)).toInt());
    if (const QByteArray header = settings.value(QLatin1String(WindowSettings::Header)).toByteArray();
        !header.isEmpty())
        m_columns->restoreHeaderState(header); // a saved width never cuts a value; hidden columns as chosen
    else
        m_columns->apply();
    m_filterEdit->setText(settings.value(QLatin1String(WindowSettings::Filter)).toString());
    m_hideFinishedAction->setChecked(
        settings.value(QLatin1String(WindowSettings::HideFinished), false).toBool());
    if (const QString region = settings.value(QLatin1String(WindowSettings::LastRegion)).toString();
        Regions::isWellFormed(region))
        m_board->setLastRegion(region);
    showTimeline(settings.value(QLatin1String(WindowSettings::TaskView)).toString() ==
                 QLatin1String("timeline"));
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(QLatin1String(WindowSettings::Geometry), saveGeometry());
    settings.setValue(QLatin1String(WindowSettings::WindowState), saveState());
    const int details = m_detailsCollapsed ? m_detailsHeight : m_splitter->sizes().value(1);
    if (details > 0)
        settings.setValue(QLatin1String(WindowSettings::DetailsHeight), details);
    settings.setValue(QLatin1String(WindowSettings::Header), m_view->horizontalHeader()->saveState());
    settings.setValue(QLatin1String(WindowSettings::Filter), m_filterEdit->text());
    settings.setValue(QLatin1String(WindowSettings::HideFinished), m_hideFinishedAction->isChecked());
    settings.setValue(QLatin1String(WindowSettings::Notifications), m_notificationsAction->isChecked());
    settings.setValue(QLatin1String(WindowSettings::TaskView),
                      isTimelineShown() ? QStringLiteral("timeline") : QStringLiteral("table"));
}

} // namespace taskwatch::ui
