#include "window/ColumnLayout.h"

#include "model/TaskTableModel.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QMetaEnum>
#include <QSettings>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>
#include <algorithm>

namespace taskwatch::ui {

namespace {

constexpr auto kWidthsKey = "mainWindow/columnWidths";
// dataChanged over more rows than this is measured column by column (the rows in view and around), not cell
// by cell.
constexpr int kCellByCellRows = 64;

} // namespace

ColumnLayout::Kind ColumnLayout::kindOf(int column) {
    switch (column) {
    case TaskTableModel::InfoColumn:
        return Kind::Stretch;
    case TaskTableModel::InstanceColumn:
    case TaskTableModel::TypeColumn:
    case TaskTableModel::ErrorColumn:
        return Kind::Text;
    default:
        return Kind::Content;
    }
}

ColumnLayout::ColumnLayout(QTableView* view)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport()) {
    const QVariantMap saved = QSettings().value(QLatin1String(kWidthsKey)).toMap();
    const QMetaEnum columns = QMetaEnum::fromType<TaskTableModel::Column>();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        bool ok = false;
        const int column = columns.keyToValue(it.key().toLatin1().constData(), &ok);
        if (ok && column >= 0 && it.value().toInt() > 0 && kindOf(column) != Kind::Stretch)
            m_user.insert(column, it.value().toInt());
    }
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &ColumnLayout::fit);
    QHeaderView* header = m_view->horizontalHeader();
    header->setResizeContentsPrecision(kMeasuredRows);
    header->setStretchLastSection(false);
    connect(header, &QHeaderView::sectionResized, this, &ColumnLayout::onSectionResized);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this] { m_timer.start(); });
    m_view->installEventFilter(this);
    m_viewport->installEventFilter(this);
    connectModel();
}

void ColumnLayout::connectModel() {
    const QAbstractItemModel* model = m_view->model();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &ColumnLayout::scheduleMeasure);
    connect(model, &QAbstractItemModel::modelReset, this, &ColumnLayout::scheduleMeasure);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnLayout::scheduleMeasure);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles) {
                if (!roles.isEmpty() && !roles.contains(Qt::DisplayRole))
                    return;
                growFor(topLeft.row(), bottomRight.row(), topLeft.column(), bottomRight.column());
            });
}

QString ColumnLayout::nameOf(int column) const {
    const char* key = QMetaEnum::fromType<TaskTableModel::Column>().valueToKey(column);
    return key ? QString::fromLatin1(key) : QString::number(column);
}

void ColumnLayout::scheduleMeasure() {
    m_measureDue = true;
    m_timer.start();
}

int ColumnLayout::titleWidth(int column) const {
    const QHeaderView* header = m_view->horizontalHeader();
    QStyleOptionHeader option;
    option.initFrom(header);
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, &option, header);
    const QString title = m_view->model()->headerData(column, Qt::Horizontal).toString();
    int width = header->fontMetrics().horizontalAdvance(title) + 4 * margin;
    // The sort arrow takes room in the sorted column's header only.
    if (header->isSortIndicatorShown() && header->sortIndicatorSection() == column)
        width += header->fontMetrics().height() + 2 * margin;
    return width;
}

int ColumnLayout::capOf(int column) const {
    const int charWidth = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    switch (column) {
    case TaskTableModel::InstanceColumn:
        return charWidth * 30;
    case TaskTableModel::TypeColumn:
        return charWidth * 22;
    default:
        return charWidth * 28;
    }
}

int ColumnLayout::contentWidth(int column) const {
    if (kindOf(column) == Kind::Stretch)
        return 0;
    return std::max(titleWidth(column), m_measured.value(column, 0));
}

int ColumnLayout::contentMinimum(int column) const {
    return kindOf(column) == Kind::Content ? contentWidth(column) : 0;
}

void ColumnLayout::measure() {
    m_measureDue = false;
    m_measured.clear();
    if (m_view->model()->rowCount() == 0)
        return;
    for (int column = 0; column < m_view->model()->columnCount(); ++column) {
        if (kindOf(column) != Kind::Stretch && !m_view->isColumnHidden(column))
            m_measured.insert(column,
                              static_cast<const QAbstractItemView*>(m_view)->sizeHintForColumn(column));
    }
}

// Changed values: the cells that changed may be wider than what was measured (values never get narrower
// often enough to be worth measuring everything for each change; removals and the filter do that). Only the
// changed columns are looked at: the Elapsed column's tick every second measures that column alone.
void ColumnLayout::growFor(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    if (m_measureDue)
        return; // everything is measured soon anyway
    const bool cellByCell = lastRow - firstRow < kCellByCellRows;
    bool grew = false;
    for (int column = firstColumn; column <= lastColumn; ++column) {
        if (kindOf(column) == Kind::Stretch || m_view->isColumnHidden(column))
            continue;
        int widest = m_measured.value(column, 0);
        if (!cellByCell)
            widest =
                std::max(widest, static_cast<const QAbstractItemView*>(m_view)->sizeHintForColumn(column));
        for (int row = firstRow; cellByCell && row <= lastRow; ++row)
            widest = std::max(widest, m_view->sizeHintForIndex(m_view->model()->index(row, column)).width());
        if (widest > m_measured.value(column, 0)) {
            m_measured.insert(column, widest);
            grew = true;
        }
    }
    if (grew)
        m_timer.start();
}

// The text columns' widths: their content (capped) when that leaves Info its share, else each gives up width
// in proportion to what it has above its title, down to its title.
QHash<int, int> ColumnLayout::sharedTextWidths(int available, int fixed, const QList<int>& texts) const {
    QHash<int, int> widths;
    int preferredSum = 0;
    int floorSum = 0;
    for (int column : texts) {
        const int preferred = std::min(contentWidth(column), std::max(capOf(column), titleWidth(column)));
        const int floor = std::min(preferred, titleWidth(column));
        widths.insert(column, preferred);
        preferredSum += preferred;
        floorSum += floor;
    }
    const int info = std::max(titleWidth(TaskTableModel::InfoColumn), int(available * kInfoShare));
    const int budget = available - fixed - info;
    if (preferredSum <= budget)
        return widths;
    const double share =
        preferredSum > floorSum
            ? std::clamp(double(budget - floorSum) / double(preferredSum - floorSum), 0.0, 1.0)
            : 0.0;
    for (int column : texts) {
        const int floor = std::min(widths.value(column), titleWidth(column));
        widths.insert(column, floor + int((widths.value(column) - floor) * share));
    }
    return widths;
}

void ColumnLayout::fit() {
    m_timer.stop();
    if (m_measureDue)
        measure();
    QHeaderView* header = m_view->horizontalHeader();
    const int available = m_view->viewport()->width();
    QHash<int, int> widths;
    QList<int> texts;
    int fixed = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column) || kindOf(column) == Kind::Stretch)
            continue;
        if (kindOf(column) == Kind::Text && !m_user.contains(column)) {
            texts << column;
            continue;
        }
        const int width = std::max(m_user.value(column, 0), contentMinimum(column));
        widths.insert(column, width);
        fixed += width;
    }
    widths.insert(sharedTextWidths(available, fixed, texts));
    m_applying = true;
    for (int column = 0; column < header->count(); ++column) {
        if (kindOf(column) == Kind::Stretch) {
            header->setSectionResizeMode(column, QHeaderView::Stretch);
            continue;
        }
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        if (const auto it = widths.constFind(column);
            it != widths.constEnd() && header->sectionSize(column) != *it)
            header->resizeSection(column, *it);
    }
    m_applying = false;
}

void ColumnLayout::onSectionResized(int column, int oldSize, int newSize) {
    // Our own resizes, Info following the others, and sections being hidden or shown are not choices.
    if (m_applying || kindOf(column) == Kind::Stretch || oldSize == 0 || newSize == 0 ||
        m_view->horizontalHeader()->isSectionHidden(column))
        return;
    m_user.insert(column, newSize);
    saveUserWidths();
}

void ColumnLayout::saveUserWidths() const {
    QVariantMap map;
    for (auto it = m_user.cbegin(); it != m_user.cend(); ++it)
        map.insert(nameOf(it.key()), it.value());
    QSettings settings;
    if (map.isEmpty())
        settings.remove(QLatin1String(kWidthsKey));
    else
        settings.setValue(QLatin1String(kWidthsKey), map);
}

void ColumnLayout::resetWidths() {
    m_user.clear();
    saveUserWidths();
    fit();
}

void ColumnLayout::restoreHeaderState(const QByteArray& state) {
    m_applying = true;
    m_view->horizontalHeader()->restoreState(state);
    m_applying = false;
    scheduleMeasure();
    fit();
}

bool ColumnLayout::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_viewport && event->type() == QEvent::Resize)
        fit(); // at once: no frame with the old share
    else if (watched == m_view &&
             (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
        scheduleMeasure(); // a bigger font: no value cut
    return QObject::eventFilter(watched, event);
}

} // namespace taskwatch::ui
