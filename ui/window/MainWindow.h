// The main window: the tasks as a table (sortable, filterable) or as a timeline of what ran on each instance
// (two tabs over one model and one selection), the details of the selected task (a slim strip while none is),
// a banner area for global conditions (never a modal dialog), a status bar with counts, request rate and next
// poll, and every way to add task ids (Ctrl+V, "Add tasks…", drag and drop). Widgets, actions and messages
// only: the tasks and accounts are the TaskBoard's, and the table model listens to it.
#pragma once

#include "TaskBoard.h"
#include "banners/BannerArea.h"
#include "discovery/DiscoveryRequest.h"
#include "model/TaskFilterProxyModel.h"
#include "model/TaskTableModel.h"
#include "task/AddReport.h"
#include "task/HistoryEntry.h"
#include "window/RateMeter.h"
#include "window/TaskTableView.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QDialog;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QSystemTrayIcon;
class QTableView;
class QTabWidget;
class QToolButton;

namespace taskwatch::ui {

class AddReportBar;
class Banner;
class CloseGuard;
class ColumnMenu;
class RemovalUndo;
class DetailsPanel;
class Notifier;
class TimelineView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    using BannerKind = BannerArea::Kind;

    static constexpr qint64 kMaxDroppedFileBytes = 8 * 1024 * 1024;
    // The window's first size on a screen with `available` room: most of a large screen, at least 1000×640
    // where the screen has it, centred. Remembered once the window closes.
    static QRect defaultGeometry(const QRect& available);

    // The board must outlive the window.
    explicit MainWindow(TaskBoard* board, QWidget* parent = nullptr);
    ~MainWindow() override;

    TaskBoard* board() const { return m_board; }

    // Adds the ids found in `text` (profile/region empty: the defaults; bare numbers as ids of
    // `bareNumbersProduct`, empty or cdb: not ids) and shows the report.
    AddReport addTaskText(const QString& text, const QString& region = {}, const QString& profile = {},
                          const QString& bareNumbersProduct = {});
    // The region used for ids added without one.
    QString defaultRegion() const;

    // Global conditions shown in the banner area.
    void setDemoMode(bool demo);
    bool isDemoMode() const { return m_demo; }
    void setKeychainUnavailable(const QString& detail); // empty: available again
    // What happened to the history at start-up (damaged and moved aside, not usable, tasks unreadable): a
    // banner with `title` and `detail` (translated; names the files). Empty title: none.
    void setHistoryProblem(const QString& title, const QString& detail);
    void setOffline(bool offline);
    bool isBannerShown(BannerKind kind) const;
    Banner* banner(BannerKind kind) const; // null when not shown
    // Follows the system's network reachability (QNetworkInformation) for the "offline" banner; on by
    // default.
    void setFollowNetworkReachability(bool follow);
    // The timeline of a task (a key, or an id of the default profile).
    QList<HistoryEntry> history(const QString& keyOrId) const;

    TaskTableModel* model() const { return m_model; }
    TaskFilterProxyModel* proxy() const { return m_proxy; }
    QComboBox* productFilter() const { return m_productFilter; }
    QTableView* view() const { return m_view; }
    TimelineView* timeline() const { return m_timeline; }
    QTabWidget* viewTabs() const { return m_viewTabs; }
    bool isTimelineShown() const;
    DetailsPanel* detailsPanel() const { return m_details; }
    // True while no task is selected: the details are a slim strip and the table has the room.
    bool isDetailsCollapsed() const { return m_detailsCollapsed; }
    // The request rate shown in the status bar (requests per second, averaged over RateMeter::kWindowMs).
    double shownRate() const { return m_rate.rate(); }
    QAction* exportHistoryAction() const { return m_exportAction; }
    CloseGuard* closeGuard() const { return m_closeGuard; }
    ColumnMenu* columnMenu() const { return m_columns; }
    QString reportText() const;
    QStringList selectedKeys() const;

    void saveSettings() const;

public slots:
    void addTasksInteractively(); // opens "Add tasks…"
    void pasteIds();
    void copySelectedIds();
    void copySelectedRequestIds();
    void copySelectedRows(); // visible columns, tab-separated, one line per row
    void copyCurrentInfo();  // the current task's full Info
    void copyCurrentError(); // its error code and message
    void removeSelected();
    void retrySelected();
    void refreshNow();
    void setPollingPaused(bool paused);
    void clearFinished();
    void showUnrecognisedLines();
    // Quit (Ctrl+Q, the tray's Quit): closes the window (asking first when tasks are unfinished), never hides
    // it to the tray.
    void quit();
    void discoverInteractively(); // opens "Discover…"
    // Shows the tasks as a timeline (true) or as the table (View → Timeline / Table).
    void showTimeline(bool timeline);
    // Hands the request to the board (with "keep discovering" off, the profile's following stops).
    void discover(const DiscoveryRequest& request);
    // Starts "keep discovering" again if it was remembered for the active profile (start-up).
    bool resumeRememberedDiscovery();

signals:
    // The user asked to set up credentials: for `profile` (empty: the default one).
    void credentialsRequested(const QString& profile);
    void exportHistoryRequested();
    // A task reached a terminal status or a permanent error (also emitted when no system tray exists).
    void taskNotification(const QString& title, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidgets();
    void createStatusBar();
    void setTabOrderChain();
    void restoreSettings();
    void connectBoard();
    void connectDiscovery();
    void createTaskViews(QWidget* parent);
    void setDetailsCollapsed(bool collapsed);

    void onTasksChanged(const QStringList& keys);
    void updateAccountBanners();
    void updateProfileViews();
    void onTick();
    void updateActions();
    void updateStatusBar();
    void updateDetails();
    void showPaused(bool paused);
    void showTableContextMenu(const QPoint& pos);
    void applyTheme();
    QString currentKey() const;
    bool anyPolling() const;

    TaskBoard* m_board;
    TaskTableModel* m_model;
    TaskFilterProxyModel* m_proxy;
    TaskTableView* m_view = nullptr;
    TimelineView* m_timeline = nullptr;
    QTabWidget* m_viewTabs = nullptr;
    DetailsPanel* m_details = nullptr;
    bool m_detailsCollapsed = false;
    int m_detailsHeight = 0; // the details' height when a task is selected (0: not chosen yet)
    RateMeter m_rate;
    QSplitter* m_splitter = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QComboBox* m_profileFilter = nullptr;
    QAction* m_profileFilterAction = nullptr;
    QComboBox* m_productFilter = nullptr;
    QAction* m_productFilterAction = nullptr;
    BannerArea* m_banners = nullptr;

    QLabel* m_countsLabel = nullptr;
    QLabel* m_rateLabel = nullptr;
    QLabel* m_nextPollLabel = nullptr;
    AddReportBar* m_report = nullptr;
    Notifier* m_notifier = nullptr;
    CloseGuard* m_closeGuard = nullptr;
    bool m_quitRequested = false;

    QAction* m_addAction = nullptr;
    QAction* m_pasteAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_retryAction = nullptr;
    QAction* m_removeAction = nullptr;
    QAction* m_copyIdsAction = nullptr;
    QAction* m_copyRequestIdAction = nullptr;
    QAction* m_clearFinishedAction = nullptr;
    QAction* m_copyRowsAction = nullptr;
    QAction* m_copyInfoAction = nullptr;
    QAction* m_copyErrorAction = nullptr;
    RemovalUndo* m_undo = nullptr;
    ColumnMenu* m_columns = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_credentialsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_hideFinishedAction = nullptr;
    QAction* m_notificationsAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_discoverAction = nullptr;
    QAction* m_tableViewAction = nullptr;
    QAction* m_timelineViewAction = nullptr;
    QPointer<QDialog> m_unsupportedRegionMessage;

    QTimer m_tickTimer;
    bool m_demo = false;
    // The selected task's timeline as last read from the history (updateDetails()).
    QString m_viewedTimelineKey;
    QList<HistoryEntry> m_viewedTimeline;
    bool m_followReachability = false;
};

} // namespace taskwatch::ui
