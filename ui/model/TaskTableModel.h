// The task list as a table: one row per task (profile, id), O(1) key → row, cheap updates (one dataChanged
// per changed row while at most half the rows changed, else one ranged signal; one per second for the Elapsed
// column). It listens to a TaskBoard (setBoard): the board's batched changes are the only writes.
// Untrusted Info text is shown on one line with control characters and bidirectional overrides neutralised.
// Qt Core/Gui only (no widgets).
#pragma once

#include "model/StatusStyle.h"
#include "task/TaskState.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <functional>

namespace taskwatch {

class TaskBoard;

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
        DiscoveredRole               // bool: DescribeTasks listed the task
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

    // Mirrors the board: its tasks now, then its batched additions, updates and removals. Null: empty.
    void setBoard(TaskBoard* board);
    TaskBoard* board() const { return m_board; }

    // Adds the task, or replaces the stored state of the task with the same key (dataChanged for that row).
    void upsert(const TaskState& state);
    // Many at once: one beginInsertRows for all new ids and one ranged dataChanged for all updated rows.
    // Later entries for the same id win.
    void upsertMany(const QList<TaskState>& states);
    // Keys are taskKey(profile, id); a bare id names the task of the empty profile.
    void remove(const QString& key);
    void removeMany(const QStringList& keys); // one beginRemoveRows per contiguous block
    void clear();

    const TaskState* state(int row) const;
    const TaskState* stateOf(const QString& key) const;
    int rowOf(const QString& key) const; // -1 when absent
    bool contains(const QString& key) const;
    QStringList ids() const;
    QStringList keys() const;
    QStringList profiles() const; // distinct, sorted
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
    qint64 elapsedMs(const TaskState& state) const;

private:
    QVariant displayData(const TaskState& state, int column) const;
    QVariant sortData(const TaskState& state, int column) const;
    QVariant toolTipData(const TaskState& state, int column) const;
    void reindexFrom(int row);

    QList<TaskState> m_rows;
    QHash<QString, int> m_rowOf;  // taskKey → row
    TaskBoard* m_board = nullptr; // unset when it is destroyed
    Clock m_clock;
    bool m_dark = false;
};

} // namespace taskwatch
