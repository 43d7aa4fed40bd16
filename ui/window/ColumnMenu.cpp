#include "window/ColumnMenu.h"

#include "model/TaskTableModel.h"

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
constexpr int kPadding = 24; // cell margins, and the header's sort indicator

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
    , m_menu(new QMenu(tr("&Columns"), view)) {
    m_menu->setObjectName(QStringLiteral("columnsMenu"));
    QSettings settings;
    m_hidden = settings.contains(QLatin1String(kHiddenKey))
                   ? settings.value(QLatin1String(kHiddenKey)).toStringList()
                   : defaultHidden();
    connect(m_menu, &QMenu::aboutToShow, this, &ColumnMenu::fillMenu);
    QHeaderView* header = m_view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint& pos) { m_menu->exec(header->viewport()->mapToGlobal(pos)); });
    m_view->installEventFilter(this);
    // New rows may hold wider values: the content columns grow (never shrink) to show them.
    m_grow.setSingleShot(true);
    m_grow.setInterval(0);
    connect(&m_grow, &QTimer::timeout, this, &ColumnMenu::applySizing);
    connect(m_view->model(), &QAbstractItemModel::rowsInserted, &m_grow, qOverload<>(&QTimer::start));
    connect(m_view->model(), &QAbstractItemModel::modelReset, &m_grow, qOverload<>(&QTimer::start));
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
    if (hidden)
        m_autoHidden.insert(column);
    else
        m_autoHidden.remove(column);
    applyVisibility();
}

void ColumnMenu::fillMenu() {
    m_menu->clear();
    QSet<QChar> taken;
    const QAbstractItemModel* model = m_view->model();
    const QHeaderView* header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (m_autoHidden.contains(column))
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
}

int ColumnMenu::contentMinimum(int column) const {
    switch (column) {
    case TaskTableModel::IdColumn:
    case TaskTableModel::RegionColumn:
    case TaskTableModel::StatusColumn:
    case TaskTableModel::LastCheckedColumn:
    case TaskTableModel::ElapsedColumn:
    case TaskTableModel::ProfileColumn:
    case TaskTableModel::ProgressColumn:
    case TaskTableModel::StartedColumn:
    case TaskTableModel::EndedColumn:
        break;
    default:
        return 0; // Info stretches; the others are the user's
    }
    const QHeaderView* header = m_view->horizontalHeader();
    const int title = header->fontMetrics().horizontalAdvance(
                          m_view->model()->headerData(column, Qt::Horizontal).toString()) +
                      kPadding;
    // The widest value shown (QTableView measures the rows in view, with their fonts and icons).
    const int content = m_view->model()->rowCount() > 0
                            ? static_cast<const QAbstractItemView*>(m_view)->sizeHintForColumn(column)
                            : 0;
    return std::max(title, content);
}

void ColumnMenu::applySizing() {
    QHeaderView* header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    const int charWidth = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    for (int column = 0; column < header->count(); ++column) {
        if (column == TaskTableModel::InfoColumn) {
            header->setSectionResizeMode(column, QHeaderView::Stretch);
            continue;
        }
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        const int minimum = contentMinimum(column);
        if (minimum > 0 && header->sectionSize(column) < minimum)
            header->resizeSection(column, minimum);
    }
    header->setMinimumSectionSize(std::min(header->minimumSectionSize(), charWidth * 4));
}

void ColumnMenu::applyVisibility() {
    for (int column = 0; column < m_view->model()->columnCount(); ++column)
        m_view->setColumnHidden(column, m_autoHidden.contains(column) || isUserHidden(column));
}

void ColumnMenu::apply() {
    applySizing();
    applyVisibility();
}

bool ColumnMenu::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
        applySizing(); // a bigger font: no value cut
    return QObject::eventFilter(watched, event);
}

} // namespace taskwatch::ui
