// The details of the selected task, below the table: a summary (product, the vendor's status word where it
// is not ours, region, status, times, HTTP status, the RequestId with a copy button; for a discovered task
// also its instance, type, progress, start, end, JobId and DescribeTasks' code and message) and tabs for the
// full Info, the status timeline (every observed change with its time), the last error (code, message,
// meaning, hint: a permission error names the CAM permission of the task's product) and the raw last
// response (bounded).
#pragma once

#include "task/HistoryEntry.h"
#include "task/TaskState.h"
#include "task/TextBounds.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeWidget;
class QVBoxLayout;

namespace taskwatch::ui {

class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxInfoChars = 64 * 1024;
    static constexpr int kMaxTimelineRows = 2000;

    explicit DetailsPanel(QWidget* parent = nullptr);

    // Shows the task (null: the "select a task" placeholder). Cheap to call again for the same task: fields
    // whose text did not change are left alone (selection and scroll positions stay), and the timeline is
    // refilled only when `history` differs from the one shown (its length alone says nothing once the list
    // is at its cap). `paused`: polling is paused, and the summary says so instead of a next query time.
    void showTask(const TaskState* state, const QList<HistoryEntry>& history, bool paused = false);
    QString taskId() const { return m_taskId; }
    void setDarkTheme(bool dark);
    // The focusable widgets in tab order: the tabs, their pages, the RequestId's copy button.
    QList<QWidget*> focusChain() const;
    // The height of the "select a task" strip the panel shrinks to while no task is selected.
    int stripHeight() const;

    // For tests and the main window.
    QString infoText() const;
    int timelineRowCount() const;
    QString requestId() const { return m_requestIdValue; }
    // What the current tab shows, as text (what its Copy button copies).
    QString currentTabText() const;
    void copyCurrentTab();
    // The discovery facts as shown (empty when the task was never discovered), for tests.
    QString discoveryText() const;

signals:
    void requestIdCopied(const QString& requestId);
    void tabTextCopied(const QString& tabName);

private:
    // The constructor's parts: the summary on the left, the tabs on the right.
    QWidget* buildSummary(QWidget* page);
    void buildSummaryHeader(QWidget* summary, QVBoxLayout* summaryLayout);
    void addPollingRows(QWidget* summary);
    void addDiscoveryRows(QWidget* summary);
    QTabWidget* buildTabs(QWidget* page);
    void addInfoTab();
    void addTimelineTab();
    void addErrorTab();
    void addRawTab();

    void copyRequestId();
    void fillTimeline(const QList<HistoryEntry>& history);
    void fillError(const TaskState& state);
    void fillDiscovery(const TaskState& state);

    QString m_taskId;
    QString m_taskKey; // taskKey(profile, id) of the task shown; empty: none
    QString m_requestIdValue;
    bool m_dark = false;
    QList<HistoryEntry> m_timelineShown; // what the timeline shows (shares the caller's list)
    bool m_timelineStale = true;         // refill at the next showTask (another task, another theme)
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    QLabel* m_statusIcon;
    QLabel* m_idLabel;
    QLabel* m_statusLabel;
    QLabel* m_productValue = nullptr;
    QLabel* m_vendorStatusValue = nullptr;
    QLabel* m_regionValue;
    QLabel* m_phaseValue;
    QLabel* m_addedValue;
    QLabel* m_checkedValue;
    QLabel* m_finishedValue;
    QLabel* m_httpValue;
    QLabel* m_requestIdLabel;
    QFormLayout* m_form = nullptr;
    QLabel* m_instanceValue = nullptr;
    QLabel* m_typeValue = nullptr;
    QProgressBar* m_progressValue = nullptr;
    QLabel* m_startedValue = nullptr;
    QLabel* m_endedValue = nullptr;
    QLabel* m_jobIdValue = nullptr;
    QLabel* m_taskResultValue = nullptr;
    QToolButton* m_copyRequestId;
    QToolButton* m_copyTab;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_info;
    QTreeWidget* m_timeline;
    QLabel* m_errorCode;
    QLabel* m_errorMessage;
    QLabel* m_errorMeaning;
    QLabel* m_errorHint;
    QLabel* m_noError;
    QWidget* m_errorFields = nullptr; // the error page's form, shown while there is an error
    QWidget* m_errorPage;
    QPlainTextEdit* m_raw;
};

} // namespace taskwatch::ui
