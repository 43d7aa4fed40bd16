#include "window/TaskTableView.h"

#include "model/ProgressDelegate.h"
#include "model/TaskTableModel.h"

#include <QFontDatabase>
#include <QHeaderView>

namespace taskwatch::ui {

TaskTableView::TaskTableView(QAbstractItemModel* model, QWidget* parent)
    : QTableView(parent) {
    setModel(model);
    setObjectName(QStringLiteral("taskTable"));
    setAccessibleName(tr("Tasks"));
    setAccessibleDescription(tr("One row per task: its id, status, Info, last check and last error"));
    setTabKeyNavigation(false); // Tab leaves the table (arrows move between cells)
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setContextMenuPolicy(Qt::CustomContextMenu);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* header = horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false); // Info stretches (ColumnMenu)
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // insertion order until the user sorts
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setSortingEnabled(true);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int idWidth = mono.horizontalAdvance(QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7")) + 24;
    setColumnWidth(TaskTableModel::IdColumn, idWidth);
    setColumnWidth(TaskTableModel::RegionColumn, charWidth * 12);
    setColumnWidth(TaskTableModel::StatusColumn, charWidth * 15);
    setColumnWidth(TaskTableModel::InfoColumn, charWidth * 36);
    setColumnWidth(TaskTableModel::LastCheckedColumn, charWidth * 13);
    setColumnWidth(TaskTableModel::ElapsedColumn, charWidth * 9);
    setColumnWidth(TaskTableModel::ErrorColumn, charWidth * 18);
    setColumnWidth(TaskTableModel::ProfileColumn, charWidth * 12);
    header->moveSection(TaskTableModel::ProfileColumn, 1); // next to the id (hidden with one profile)
    setColumnHidden(TaskTableModel::ProfileColumn, true);
    // The discovery columns: instance and type next to the id, progress after the status, start and end
    // before "last checked"; hidden until a task is discovered.
    setItemDelegateForColumn(TaskTableModel::ProgressColumn, new ProgressDelegate(this));
    // Narrow by default so Info keeps room (progress, start and end grow to their values: ColumnMenu).
    setColumnWidth(TaskTableModel::InstanceColumn, charWidth * 24);
    setColumnWidth(TaskTableModel::TypeColumn, charWidth * 15);
    setColumnWidth(TaskTableModel::ProgressColumn, charWidth * 8);
    setColumnWidth(TaskTableModel::StartedColumn, charWidth * 8);
    setColumnWidth(TaskTableModel::EndedColumn, charWidth * 8);
    const auto moveNextTo = [header](int column, int after) {
        header->moveSection(header->visualIndex(column), header->visualIndex(after) + 1);
    };
    // The product next to the profile (hidden while the tasks are of one product).
    setColumnWidth(TaskTableModel::ProductColumn, charWidth * 10);
    moveNextTo(TaskTableModel::ProductColumn, TaskTableModel::ProfileColumn);
    setColumnHidden(TaskTableModel::ProductColumn, true);
    moveNextTo(TaskTableModel::InstanceColumn, TaskTableModel::ProductColumn);
    moveNextTo(TaskTableModel::TypeColumn, TaskTableModel::InstanceColumn);
    moveNextTo(TaskTableModel::ProgressColumn, TaskTableModel::StatusColumn);
    moveNextTo(TaskTableModel::StartedColumn, TaskTableModel::InfoColumn);
    moveNextTo(TaskTableModel::EndedColumn, TaskTableModel::StartedColumn);
    for (int c : {TaskTableModel::InstanceColumn, TaskTableModel::TypeColumn, TaskTableModel::ProgressColumn,
                  TaskTableModel::StartedColumn, TaskTableModel::EndedColumn})
        setColumnHidden(c, true);
}

} // namespace taskwatch::ui
