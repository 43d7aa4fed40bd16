// The task list as a table: one row per task (profile, id), O(1) key → row, cheap updates (one dataChanged
// per changed row while at most half the rows changed, else one ranged signal; one per second for the Elapsed
// column). It holds pointers to the tasks of a TaskList (the board, the owner of task state: setTaskList) and
// copies nothing: its batched additions, updates and removals are the model's only changes.
// Untrusted Info text is shown on one line with control characters and bidirectional overrides neutralised.
// Qt Core/Gui only (no widgets).
#pragma once

#include "api/ErrorCatalog.h"
#include "model/StatusStyle.h"
#include "task/TaskState.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <functional>

namespace taskwatch {

class TaskList;

// What the timeline draws of a task, read in one call per row (TaskTableModel::TimelineRole).
struct TimelineFacts {
    QString key;        // taskKey(profile, id)
    QString id;         // the task id (or job:<JobId>)
    QString lane;       // the instance the task acts on (its first instance id); empty: none known
    QString laneName;   // that instance's name, one line, bounded (server text); empty: unknown
    QString statusText; // StatusStyle::text(): what the table's Status column says
    QString type;       // what the task does, readable (DescribeTasks' type); empty: not known
    StatusKey status = StatusKey::NoStatus;
    qint64 startMs = -1;     // msecs since the epoch (UTC): TaskTableModel::startedAt
    qint64 endMs = -1;       // TaskTableModel::endedAt; -1 while the task runs
    bool startKnown = false; // DescribeTasks gave the start (else startMs is when the task was added)
};

class TaskTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        RegionColumn,
        StatusColumn,
        InfoColumn,
        LastCheckedColumn,
        ElapsedColumn,
        ErrorColumn,
        RequestIdColumn,
        ProfileColumn,  // shown when more than one profile has tasks
        InstanceColumn, // the discovery columns (DescribeTasks): shown once a task was discovered
        TypeColumn,
        ProgressColumn,
        StartedColumn,
        EndedColumn,
        ProductColumn, // shown when tasks of more than one product are on the board (last: saved layouts)
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw values: text, qint64 msecs since epoch, elapsed ms, severity
        TaskIdRole,                  // QString
        StatusKeyRole,               // QString: StatusStyle::keyName()
        PhaseRole,                   // int: TaskPhase
        FinishedRole,                // bool: TaskState::isDone() or a terminal status
        TaskKeyRole,                 // QString: taskKey(profile, id)
        ProfileRole,                 // QString
        ProgressRole,                // int 0..100 (DescribeTasks' Progress); invalid when not known
        DiscoveredRole,              // bool: DescribeTasks listed the task
        TimelineRole,                // TimelineFacts
        ProductRole                  // QString: the product's registry key ("cdb", "redis"…)
    };
    Q_ENUM(Role)

    static constexpr qsizetype kDisplayInfoChars = 300;  // Info in the table
    static constexpr qsizetype kToolTipInfoChars = 4000; // Info in tooltips
    static constexpr qsizetype kDisplayErrorChars = 120; // error codes and request ids in the table
    static constexpr qsizetype kDisplayNameChars = 120;  // instance names and task types in the table
    static constexpr int kMaxShownInstanceIds = 3;       // in the Instance column (the tooltip has them all)

    using Clock = std::function<QDateTime()>;

    explicit TaskTableModel(QObject* parent = nullptr);
    ~TaskTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // Shows the list's tasks now, then follows its additions, updates and removals. Null: empty.
    void setTaskList(TaskList* tasks);
    TaskList* taskList() const { return m_tasks; }

    const TaskState* state(int row) const;
    const TaskState* stateOf(const QString& key) const;
    int rowOf(const QString& key) const; // -1 when absent
    bool contains(const QString& key) const;
    QStringList ids() const;
    QStringList keys() const;
    QStringList profiles() const; // distinct, sorted
    QStringList products() const; // distinct, in the registry's order (Products::keys())
    int finishedCount() const;
    bool hasDiscoveredTasks() const; // some task was listed by DescribeTasks (the discovery columns)
    int activeCount() const { return rowCount() - finishedCount(); }

    // Emits one dataChanged for the Elapsed column, spanning the unfinished rows (none: no signal).
    void tick();
    // Switches the colour/icon variants (emits dataChanged for the decoration/colour roles only).
    void setDarkTheme(bool dark);
    bool isDarkTheme() const { return m_dark; }
    // The clock for Elapsed (tests).
    void setClock(Clock clock);

    static bool isFinished(const TaskState& state);
    // "5 s", "2:05", "1:02:03", "3 d 04:05:06".
    static QString formatDuration(qint64 ms);
    // When the task started: DescribeTasks' start when it listed one, else when the task was added here.
    static QDateTime startedAt(const TaskState& state);
    static bool isStartKnown(const TaskState& state) { return state.discovery.startedAt.isValid(); }
    // When it ended: DescribeTasks' end, else when it finished here (its last check when that is unknown);
    // invalid while it runs.
    static QDateTime endedAt(const TaskState& state);
    // From startedAt() to endedAt(), or to now while it runs; -1 when the start is unknown.
    qint64 elapsedMs(const TaskState& state) const;
    static TimelineFacts timelineFacts(const TaskState& state);
    // The task's product key ("cdb" for a task that names none).
    static QString productOf(const TaskState& state);
    // The vendor's word for the status when it differs from ours (one line, bounded); empty otherwise.
    static QString vendorWordOf(const TaskState& state);
    // What the task's last error means and what to do: the catalog's words, except that a permission error
    // of a task of another product than cdb names that product's CAM permission, not cdb's.
    static ErrorDescription errorDescription(const TaskState& state);

private:
    QVariant displayData(const TaskState& state, int column) const;
    QVariant sortData(const TaskState& state, int column) const;
    QVariant toolTipData(const TaskState& state, int column) const;
    void reindexFrom(int row);
    void addTasks(const QStringList& keys);
    void updateTasks(const QStringList& keys);
    void removeTasks(const QStringList& keys);
    void clear();

    QList<const TaskState*> m_rows;       // the list's tasks (their owner's), in its order
    QHash<const TaskState*, int> m_rowOf; // task → row
    TaskList* m_tasks = nullptr;          // unset when it is destroyed
    Clock m_clock;
    bool m_dark = false;
};

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::TimelineFacts)
