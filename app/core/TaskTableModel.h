// The task list as a table: one row per task id, O(1) id → row, cheap updates (one dataChanged per changed
// row, one ranged signal for a batch, one per second for the Elapsed column), and a filter/sort proxy.
// Untrusted Info text is shown on one line with control characters and bidirectional overrides neutralised.
// Qt Core/Gui only (no widgets).
#pragma once

#include "StatusStyle.h"
#include "TaskTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>
#include <functional>

namespace taskwatch {

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
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw values: text, qint64 msecs since epoch, elapsed ms, severity
        TaskIdRole,                  // QString
        StatusKeyRole,               // QString: StatusStyle::keyName()
        PhaseRole,                   // int: TaskPhase
        FinishedRole                 // bool: TaskState::isDone() or a terminal status
    };
    Q_ENUM(Role)

    static constexpr qsizetype kDisplayInfoChars = 300;  // Info in the table
    static constexpr qsizetype kToolTipInfoChars = 4000; // Info in tooltips
    static constexpr qsizetype kDisplayErrorChars = 120; // error codes and request ids in the table

    using Clock = std::function<QDateTime()>;

    explicit TaskTableModel(QObject* parent = nullptr);
    ~TaskTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // Adds the task, or replaces the stored state of the task with the same id (dataChanged for that row).
    void upsert(const TaskState& state);
    // Many at once: one beginInsertRows for all new ids and one ranged dataChanged for all updated rows.
    // Later entries for the same id win.
    void upsertMany(const QList<TaskState>& states);
    void remove(const QString& id);
    void removeMany(const QStringList& ids); // one beginRemoveRows per contiguous block
    void clear();

    const TaskState* state(int row) const;
    const TaskState* stateOf(const QString& id) const;
    int rowOf(const QString& id) const; // -1 when absent
    bool contains(const QString& id) const { return m_rowOf.contains(id); }
    QStringList ids() const;
    int finishedCount() const;
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
    QHash<QString, int> m_rowOf;
    Clock m_clock;
    bool m_dark = false;
};

// Sorts by TaskTableModel::SortRole; filters by a case-insensitive text found in the id, the status text or
// the Info, and optionally hides finished tasks. Dynamic sort/filter is on.
class TaskFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TaskFilterProxyModel(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }
    void setHideFinished(bool hide);
    bool hideFinished() const { return m_hideFinished; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_text;
    bool m_hideFinished = false;
};

} // namespace taskwatch
