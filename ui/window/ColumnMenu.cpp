#include "window/ColumnMenu.h"

#include "model/TaskTableModel.h"
#include "window/ColumnLayout.h"

#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QMenu>
#include <QMetaEnum>
#include <QSettings>
#include <QTableView>
#include <QTimer>

namespace taskwatch::ui {

namespace {

constexpr auto kHiddenKey = "mainWindow/hiddenColumns";

// The text with a mnemonic on its first letter not taken yet ("Last checked" → "&Last checked").
QString withMnemonic(const QString& text, QSet<QChar>* taken) {
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QLatin1String("&&"));
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        const QChar c = escaped.at(i).toLower();
        if (!c.isLetterOrNumber() || taken->contains(c))
            continue;
        taken->insert(c);
        return escaped.left(i) + QLatin1Char('&') + escaped.mid(i);
    }
    return escaped;
}

} // namespace

QStringList ColumnMenu::defaultHidden() {
    return {QStringLiteral("RequestIdColumn")};
}

ColumnMenu::ColumnMenu(QTableView* view)
    : QObject(view)
    , m_view(view)
    , m_menu(new QMenu(tr("&Columns"), view))
    , m_layout(new ColumnLayout(view))
    , m_resetWidths(new QAction(tr("&Fit Widths to Content"), this)) {
    m_menu->setObjectName(QStringLiteral("columnsMenu"));
    m_resetWidths->setObjectName(QStringLiteral("fitColumnWidthsAction"));
    m_resetWidths->setToolTip(tr("Forget the widths you dragged: every column fits its content again"));
    connect(m_resetWidths, &QAction::triggered, m_layout, &ColumnLayout::resetWidths);
    QSettings settings;
    m_hidden = settings.contains(QLatin1String(kHiddenKey))
                   ? settings.value(QLatin1String(kHiddenKey)).toStringList()
                   : defaultHidden();
    connect(m_menu, &QMenu::aboutToShow, this, &ColumnMenu::fillMenu);
    QHeaderView* header = m_view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint& pos) { m_menu->exec(header->viewport()->mapToGlobal(pos)); });
    // Columns shown while some row has a value: looked at again when rows come, go or are filtered (once,
    // soon), and for changed rows only whether they fill an empty column.
    m_emptyCheck.setSingleShot(true);
    m_emptyCheck.setInterval(0);
    connect(&m_emptyCheck, &QTimer::timeout, this, &ColumnMenu::checkEmptyColumns);
    const QAbstractItemModel* model = m_view->model();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, &m_emptyCheck, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::modelReset, &m_emptyCheck, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::layoutChanged, &m_emptyCheck, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles) {
                if (roles.isEmpty() || roles.contains(Qt::DisplayRole))
                    checkChangedRows(topLeft.row(), bottomRight.row(), topLeft.column(),
                                     bottomRight.column());
            });
    apply();
}

QString ColumnMenu::nameOf(int column) const {
    const char* key = QMetaEnum::fromType<TaskTableModel::Column>().valueToKey(column);
    return key ? QString::fromLatin1(key) : QString::number(column);
}

bool ColumnMenu::isUserHidden(int column) const {
    return column != TaskTableModel::IdColumn && m_hidden.contains(nameOf(column));
}

void ColumnMenu::setUserHidden(int column, bool hidden) {
    if (column == TaskTableModel::IdColumn || isUserHidden(column) == hidden)
        return;
    if (hidden)
        m_hidden.append(nameOf(column));
    else
        m_hidden.removeAll(nameOf(column));
    QSettings().setValue(QLatin1String(kHiddenKey), m_hidden);
    applyVisibility();
}

void ColumnMenu::setAutoHidden(int column, bool hidden) {
    if (hidden == m_autoHidden.contains(column))
        return;
    if (hidden)
        m_autoHidden.insert(column);
    else
        m_autoHidden.remove(column);
    applyVisibility();
}

void ColumnMenu::setHiddenWhileEmpty(const QList<int>& columns) {
    m_hiddenWhileEmpty = columns;
    checkEmptyColumns();
}

bool ColumnMenu::hasValue(int column, int firstRow, int lastRow) const {
    const QAbstractItemModel* model = m_view->model();
    for (int row = firstRow; row <= lastRow; ++row) {
        if (!model->index(row, column).data().toString().isEmpty())
            return true;
    }
    return false;
}

void ColumnMenu::checkEmptyColumns() {
    m_emptyCheck.stop();
    const int last = m_view->model()->rowCount() - 1;
    QSet<int> empty;
    for (int column : std::as_const(m_hiddenWhileEmpty)) {
        if (!hasValue(column, 0, last))
            empty.insert(column);
    }
    if (empty == m_empty)
        return;
    m_empty = empty;
    applyVisibility();
}

// Changed rows can fill an empty column (a task listed by DescribeTasks); emptying one takes rows leaving.
// Only the changed columns are looked at (the Elapsed column's tick touches no empty column).
void ColumnMenu::checkChangedRows(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    bool filled = false;
    for (auto it = m_empty.begin(); it != m_empty.end();) {
        if (*it >= firstColumn && *it <= lastColumn && hasValue(*it, firstRow, lastRow)) {
            it = m_empty.erase(it);
            filled = true;
        } else {
            ++it;
        }
    }
    if (filled)
        applyVisibility();
}

void ColumnMenu::fillMenu() {
    m_menu->clear();
    QSet<QChar> taken{QLatin1Char('f')}; // Fit Widths to Content
    const QAbstractItemModel* model = m_view->model();
    const QHeaderView* header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (m_autoHidden.contains(column) || m_empty.contains(column))
            continue;
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        QAction* action = m_menu->addAction(withMnemonic(title, &taken));
        action->setObjectName(QStringLiteral("showColumn_%1").arg(nameOf(column)));
        action->setCheckable(true);
        action->setChecked(!isUserHidden(column));
        action->setEnabled(column != TaskTableModel::IdColumn); // the id stays
        connect(action, &QAction::toggled, this,
                [this, column](bool shown) { setUserHidden(column, !shown); });
    }
    m_menu->addSeparator();
    m_menu->addAction(m_resetWidths);
    m_resetWidths->setEnabled(!m_layout->userWidths().isEmpty());
}

int ColumnMenu::contentMinimum(int column) const {
    return m_layout->contentMinimum(column);
}

void ColumnMenu::applyVisibility() {
    bool changed = false;
    for (int column = 0; column < m_view->model()->columnCount(); ++column) {
        const bool hidden = m_autoHidden.contains(column) || m_empty.contains(column) || isUserHidden(column);
        if (m_view->isColumnHidden(column) != hidden) {
            m_view->setColumnHidden(column, hidden);
            changed = true;
        }
    }
    if (changed)
        m_layout->scheduleMeasure(); // a column shown is measured; the others share what it leaves
}

void ColumnMenu::restoreHeaderState(const QByteArray& state) {
    m_layout->restoreHeaderState(state);
    apply();
}

void ColumnMenu::apply() {
    // restoreState() restores hidden sections too: ours win.
    for (int column = 0; column < m_view->model()->columnCount(); ++column)
        m_view->setColumnHidden(column, m_autoHidden.contains(column) || m_empty.contains(column) ||
                                            isUserHidden(column));
    m_layout->scheduleMeasure();
    m_layout->fit();
}

} // namespace taskwatch::ui
