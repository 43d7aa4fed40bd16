// The main window: the task table (sortable, filterable), the details of the selected task, a banner area
// for global conditions (never a modal dialog), a status bar with counts, request rate and next poll, and
// every way to add task ids (Ctrl+V, "Add tasks…", drag and drop). Polling goes through a WatchSession,
// which may be absent (no credentials yet): added tasks then wait in the table until setSession().
#pragma once

#include "TaskTableModel.h"
#include "TaskTypes.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QSystemTrayIcon;
class QTableView;
class QToolButton;
class QVBoxLayout;

namespace taskwatch {
class TaskStore;
class WatchSession;
} // namespace taskwatch

namespace taskwatch::ui {

class Banner;
class DetailsPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class BannerKind {
        NoCredentials,
        CredentialsRejected,
        KeychainUnavailable,
        Offline,
        Demo,
        StoreFailed
    };
    Q_ENUM(BannerKind)

    // What adding a text of ids did (shown as a one-line report).
    struct AddReport {
        int added = 0;
        int alreadyPresent = 0; // in the table already, or repeated in the same text
        int unrecognisedLineCount = 0;
        QStringList unrecognisedLines; // the first TaskIdExtractor::kMaxReportedLines of them
        QString text() const;          // "3 added, 1 already present, 2 lines not recognised"
    };

    static constexpr int kMaxHistoryPerTask = 2000;
    static constexpr qint64 kMaxDroppedFileBytes = 8 * 1024 * 1024;

    // `session` may be null: no credentials yet (the banner says so).
    explicit MainWindow(WatchSession* session = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    void setSession(WatchSession* session);
    WatchSession* session() const;

    // Adds the ids found in `text` (region empty: the default region) and shows the report.
    AddReport addTaskText(const QString& text, const QString& region = {});
    // The region used for ids added without one (the session's default, else the last one chosen).
    QString defaultRegion() const;

    // Global conditions shown in the banner area.
    void setDemoMode(bool demo);
    bool isDemoMode() const { return m_demo; }
    void setKeychainUnavailable(const QString& detail); // empty: available again
    void setOffline(bool offline);
    void showCredentialsRejected(const QString& code, const QString& message);
    bool isBannerShown(BannerKind kind) const;
    Banner* banner(BannerKind kind) const; // null when not shown

    // Where the timeline of a task comes from before this run (e.g. the TaskStore); called once per task when
    // it is first selected. Entries recorded during this run are merged in.
    using HistoryLoader = std::function<QList<HistoryEntry>(const QString& taskId)>;
    void setHistoryLoader(HistoryLoader loader);
    // The same, reading the TaskStore (null: none). The store must outlive the window or be unset first.
    void setTaskStore(TaskStore* store);
    // Follows the system's network reachability (QNetworkInformation) for the "offline" banner; on by
    // default.
    void setFollowNetworkReachability(bool follow);
    QList<HistoryEntry> history(const QString& taskId) const { return m_history.value(taskId); }

    TaskTableModel* model() const { return m_model; }
    TaskFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    DetailsPanel* detailsPanel() const { return m_details; }
    QAction* exportHistoryAction() const { return m_exportAction; }
    QString reportText() const;

    void saveSettings() const;

public slots:
    void addTasksInteractively(); // opens "Add tasks…"
    void pasteIds();
    void copySelectedIds();
    void copySelectedRequestIds();
    void removeSelected();
    void retrySelected();
    void refreshNow();
    void setPollingPaused(bool paused);
    void clearFinished();
    void showUnrecognisedLines();

signals:
    void credentialsRequested();
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
    void restoreSettings();
    void connectSession();
    void disconnectSession(WatchSession* session);

    void onTaskUpdated(const TaskState& state);
    void onTaskFinished(const TaskState& state);
    void onAuthFailed(const QString& code, const QString& message);
    void onHistoryRecorded(const HistoryEntry& entry);
    void flushUpdates();
    void flushNotifications();
    void onTick();
    void updateActions();
    void updateStatusBar();
    void updateDetails();
    void showReport(const AddReport& report);
    void showTableContextMenu(const QPoint& pos);
    void resumeAfterAuthFailure();
    void setBanner(BannerKind kind, bool shown);
    Banner* ensureBanner(BannerKind kind);
    static QIcon bannerIcon(BannerKind kind, bool dark);
    void applyTheme();
    QStringList selectedIds() const;
    QString currentId() const;
    QList<HistoryEntry>& historyOf(const QString& id);

    QPointer<WatchSession> m_session;
    TaskTableModel* m_model;
    TaskFilterProxyModel* m_proxy;
    QTableView* m_view = nullptr;
    DetailsPanel* m_details = nullptr;
    QSplitter* m_splitter = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QVBoxLayout* m_bannerLayout = nullptr;
    QHash<BannerKind, Banner*> m_banners;

    QLabel* m_countsLabel = nullptr;
    QLabel* m_rateLabel = nullptr;
    QLabel* m_nextPollLabel = nullptr;
    QWidget* m_reportWidget = nullptr;
    QLabel* m_reportLabel = nullptr;
    QToolButton* m_showLinesButton = nullptr;
    AddReport m_lastReport;

    QAction* m_addAction = nullptr;
    QAction* m_pasteAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_retryAction = nullptr;
    QAction* m_removeAction = nullptr;
    QAction* m_copyIdsAction = nullptr;
    QAction* m_copyRequestIdAction = nullptr;
    QAction* m_clearFinishedAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_credentialsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_hideFinishedAction = nullptr;
    QAction* m_notificationsAction = nullptr;
    QAction* m_findAction = nullptr;

    QHash<QString, QList<HistoryEntry>> m_history;
    QHash<QString, bool> m_historyLoaded;
    HistoryLoader m_historyLoader;
    QHash<QString, TaskState> m_pendingUpdates;
    QStringList m_pendingNotifications;
    QTimer m_flushTimer;
    QTimer m_notifyTimer;
    QTimer m_tickTimer;
    QSystemTrayIcon* m_tray = nullptr;
    bool m_demo = false;
    bool m_followReachability = false;
    QString m_lastRegion;
};

} // namespace taskwatch::ui
