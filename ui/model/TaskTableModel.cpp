#include "model/TaskTableModel.h"

#include "api/ErrorCatalog.h"
#include "api/QueryResult.h"
#include "discovery/Discovery.h"
#include "products/Products.h"
#include "task/DiscoveryFacts.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"
#include "task/TaskList.h"
#include "task/TaskState.h"
#include "task/TextBounds.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QLocale>
#include <QSet>
#include <algorithm>

namespace taskwatch {

namespace {

// Tooltips are shown as rich text when they look like HTML: untrusted text is always escaped and wrapped so
// it is rendered as plain, wrapped text.
QString plainToolTip(const QString& text) {
    return SafeText::toolTip(text);
}

QString formatTimestamp(const QDateTime& when, const QDateTime& now) {
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return local.toString(QStringLiteral("HH:mm:ss"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString longTime(const QDateTime& when) {
    return QLocale().toString(when.toLocalTime(), QLocale::LongFormat);
}

// SafeText::singleLine without a copy when there is nothing to neutralise or cut (almost always): the
// timeline reads every row's facts when it lays them out.
QString oneLine(const QString& text, qsizetype maxChars) {
    if (text.size() <= maxChars && std::none_of(text.cbegin(), text.cend(), SafeText::isUnsafe))
        return text;
    return SafeText::singleLine(text, maxChars);
}

qint64 sortTime(const QDateTime& when) {
    return when.isValid() ? when.toMSecsSinceEpoch() : qint64(-1);
}

// "orders-primary (cdb-c1nl9rpv)", "cdb-c1nl9rpv", "cdb-a, cdb-b, cdb-c +2": server text, one line, bounded.
QString instanceText(const DiscoveryFacts& f) {
    QStringList ids;
    const qsizetype shown = qMin<qsizetype>(f.instanceIds.size(), TaskTableModel::kMaxShownInstanceIds);
    for (qsizetype i = 0; i < shown; ++i)
        ids << SafeText::singleLine(f.instanceIds.at(i), 64);
    QString idText = ids.join(QLatin1String(", "));
    if (f.instanceIds.size() > shown)
        idText = TaskTableModel::tr("%1 +%2").arg(idText, QString::number(f.instanceIds.size() - shown));
    const QString name = SafeText::singleLine(f.instanceName, TaskTableModel::kDisplayNameChars);
    if (name.isEmpty())
        return idText;
    if (idText.isEmpty())
        return name;
    return TaskTableModel::tr("%1 (%2)").arg(name, idText); // one pass: both are server text
}

} // namespace

TaskTableModel::TaskTableModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_dark(StatusStyle::isApplicationDark()) {}

TaskTableModel::~TaskTableModel() = default;

int TaskTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TaskTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags TaskTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("Task ID");
        case RegionColumn:
            return tr("Region");
        case StatusColumn:
            return tr("Status");
        case InfoColumn:
            return tr("Info");
        case LastCheckedColumn:
            return tr("Last checked");
        case ElapsedColumn:
            return tr("Elapsed");
        case ErrorColumn:
            return tr("Error");
        case RequestIdColumn:
            return tr("RequestId");
        case ProfileColumn:
            return tr("Profile");
        case InstanceColumn:
            return tr("Instance");
        case TypeColumn:
            return tr("Type");
        case ProgressColumn:
            return tr("Progress");
        case StartedColumn:
            return tr("Started");
        case EndedColumn:
            return tr("Ended");
        case ProductColumn:
            return tr("Product");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn:
            return tr("The AsyncRequestId of the task");
        case InfoColumn:
            return tr("The task's execution information, as reported by the server");
        case LastCheckedColumn:
            return tr("When the server was last asked about the task");
        case ElapsedColumn:
            return tr("Time since the task started (DescribeTasks' start; when that is not known, since it "
                      "was added); the final duration once it finished");
        case ErrorColumn:
            return tr("The error of the last query, if it failed");
        case RequestIdColumn:
            return tr("The RequestId of the last response: quote it to Tencent Cloud support");
        case ProfileColumn:
            return tr("The credential profile (account) the task is polled with");
        case InstanceColumn:
            return tr("The instance the task acts on: its name and id (DescribeTasks)");
        case TypeColumn:
            return tr("What the task does (DescribeTasks' task type)");
        case ProgressColumn:
            return tr("How far the task is, in percent (DescribeTasks)");
        case StartedColumn:
            return tr("When the task started (DescribeTasks)");
        case EndedColumn:
            return tr("When the task ended (DescribeTasks); empty while it runs");
        case ProductColumn:
            return tr("The product the task belongs to (cdb is TencentDB for MySQL)");
        default:
            return {};
        }
    }
    return {};
}

QVariant TaskTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TaskState& s = *m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(s, column);
    case Qt::ToolTipRole:
        return toolTipData(s, column);
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return StatusStyle::icon(StatusStyle::keyFor(s), m_dark);
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn)
            return StatusStyle::color(StatusStyle::keyFor(s), m_dark);
        if (column == ErrorColumn && !s.errorCode.isEmpty())
            return StatusStyle::color(StatusKey::Error, m_dark);
        return {};
    case Qt::BackgroundRole:
        if (column == StatusColumn)
            return StatusStyle::background(StatusStyle::keyFor(s), m_dark);
        return {};
    case Qt::TextAlignmentRole:
        if (column == ElapsedColumn || column == LastCheckedColumn || column == StartedColumn ||
            column == EndedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (column == ProgressColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        return {};
    case Qt::FontRole:
        if ((column == IdColumn || column == RequestIdColumn) &&
            qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case SortRole:
        return sortData(s, column);
    case TaskIdRole:
        return s.id;
    case TaskKeyRole:
        return taskKey(s);
    case ProfileRole:
        return s.profile;
    case StatusKeyRole:
        return StatusStyle::keyName(StatusStyle::keyFor(s));
    case PhaseRole:
        return static_cast<int>(s.phase);
    case FinishedRole:
        return isFinished(s);
    case ProgressRole:
        return s.discovery.progress ? QVariant(*s.discovery.progress) : QVariant();
    case DiscoveredRole:
        return s.discovery.isDiscovered();
    case TimelineRole:
        return QVariant::fromValue(timelineFacts(s));
    case ProductRole:
        return productOf(s);
    default:
        return {};
    }
}

QVariant TaskTableModel::displayData(const TaskState& s, int column) const {
    switch (column) {
    case IdColumn:
        return s.id;
    case RegionColumn:
        return SafeText::singleLine(s.region, kDisplayErrorChars);
    case StatusColumn:
        return StatusStyle::text(s);
    case InfoColumn:
        return s.info ? SafeText::singleLine(*s.info, kDisplayInfoChars) : QString();
    case LastCheckedColumn:
        return formatTimestamp(s.lastCheckedAt, m_clock());
    case ElapsedColumn: {
        const qint64 ms = elapsedMs(s);
        return ms < 0 ? QString() : formatDuration(ms);
    }
    case ErrorColumn: {
        if (s.errorCode.isEmpty())
            return QString();
        const QString code = SafeText::singleLine(s.errorCode, kDisplayErrorChars);
        if (s.errorCode == QLatin1String(ClientError::ServerNetworkError) && s.httpStatus > 0)
            return tr("%1 (HTTP %2)").arg(code, QString::number(s.httpStatus));
        return code;
    }
    case RequestIdColumn:
        return SafeText::singleLine(s.requestId, kDisplayErrorChars);
    case ProfileColumn:
        return s.profile;
    case InstanceColumn:
        return instanceText(s.discovery);
    case TypeColumn:
        return s.discovery.taskType.isEmpty()
                   ? QString()
                   : SafeText::singleLine(Discovery::readableTaskType(s.discovery.taskType),
                                          kDisplayNameChars);
    case ProgressColumn:
        // The number as text, so that screen readers read it (the delegate draws the bar).
        return s.discovery.progress ? tr("%1 %").arg(*s.discovery.progress) : QString();
    case StartedColumn:
        return formatTimestamp(s.discovery.startedAt, m_clock());
    case EndedColumn:
        return formatTimestamp(s.discovery.endedAt, m_clock());
    case ProductColumn:
        return productOf(s);
    }
    return {};
}

QVariant TaskTableModel::sortData(const TaskState& s, int column) const {
    switch (column) {
    case IdColumn:
        return s.id;
    case RegionColumn:
        return s.region;
    case StatusColumn:
        return StatusStyle::severity(StatusStyle::keyFor(s));
    case InfoColumn:
        return s.info.value_or(QString());
    case LastCheckedColumn:
        return s.lastCheckedAt.isValid() ? s.lastCheckedAt.toMSecsSinceEpoch() : qint64(-1);
    case ElapsedColumn:
        return elapsedMs(s);
    case ErrorColumn:
        return s.errorCode;
    case RequestIdColumn:
        return s.requestId;
    case ProfileColumn:
        return s.profile;
    case InstanceColumn:
        return s.discovery.instanceName.isEmpty() ? s.discovery.instanceIds.value(0)
                                                  : s.discovery.instanceName;
    case TypeColumn:
        return s.discovery.taskType;
    case ProgressColumn:
        return s.discovery.progress.value_or(-1);
    case StartedColumn:
        return sortTime(s.discovery.startedAt);
    case EndedColumn:
        return sortTime(s.discovery.endedAt);
    case ProductColumn:
        return productOf(s);
    }
    return {};
}

QVariant TaskTableModel::toolTipData(const TaskState& s, int column) const {
    switch (column) {
    case StatusColumn: {
        const StatusKey key = StatusStyle::keyFor(s);
        QString text = StatusStyle::text(s) + QLatin1Char('\n') + StatusStyle::description(key);
        if (key == StatusKey::Error && s.status)
            text += QLatin1Char('\n') + tr("Last status: %1").arg(SafeText::singleLine(*s.status, 64));
        if (const QString vendor = vendorWordOf(s); !vendor.isEmpty())
            text += QLatin1Char('\n') + tr("%1 says: %2").arg(productOf(s), vendor);
        if (s.phase == TaskPhase::Retrying && s.nextPollAt.isValid())
            text += QLatin1Char('\n') +
                    (m_tasks && m_tasks->isPaused()
                         ? tr("Paused: no attempt until polling resumes")
                         : tr("Next attempt at %1")
                               .arg(s.nextPollAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
        return plainToolTip(text);
    }
    case InfoColumn:
        if (!s.info || s.info->isEmpty())
            return {};
        return plainToolTip(boundText(SafeText::multiLine(*s.info), kToolTipInfoChars));
    case LastCheckedColumn:
        if (!s.lastCheckedAt.isValid())
            return tr("Not checked yet");
        return QLocale().toString(s.lastCheckedAt.toLocalTime(), QLocale::LongFormat);
    case ElapsedColumn:
        if (isStartKnown(s))
            return tr("Counted from the task's start at %1 (DescribeTasks)")
                .arg(QLocale().toString(s.discovery.startedAt.toLocalTime(), QLocale::ShortFormat));
        if (!s.addedAt.isValid())
            return {};
        return tr("Counted from when the task was added, %1 (its start is not known)")
            .arg(QLocale().toString(s.addedAt.toLocalTime(), QLocale::ShortFormat));
    case ErrorColumn: {
        if (s.errorCode.isEmpty())
            return {};
        const ErrorDescription d = errorDescription(s);
        QString text = SafeText::singleLine(s.errorCode, kDisplayErrorChars);
        if (!s.errorMessage.isEmpty())
            text += QLatin1Char('\n') + boundText(SafeText::multiLine(s.errorMessage), 1000);
        if (!d.meaning.isEmpty())
            text += QLatin1Char('\n') + d.meaning;
        if (!d.hint.isEmpty())
            text += QLatin1Char('\n') + d.hint;
        return plainToolTip(text);
    }
    case RequestIdColumn:
        if (s.requestId.isEmpty())
            return {};
        return tr("Quote this RequestId to Tencent Cloud support");
    case InstanceColumn: {
        const DiscoveryFacts& f = s.discovery;
        if (f.instanceIds.isEmpty() && f.instanceName.isEmpty())
            return {};
        QStringList lines;
        if (!f.instanceName.isEmpty())
            lines << SafeText::singleLine(f.instanceName, kDisplayNameChars);
        for (const QString& id : f.instanceIds.mid(0, 50))
            lines << SafeText::singleLine(id, 64);
        return plainToolTip(lines.join(QLatin1Char('\n')));
    }
    case TypeColumn:
        if (s.discovery.taskType.isEmpty())
            return {};
        return plainToolTip(tr("Task type: %1").arg(SafeText::singleLine(s.discovery.taskType, 120)));
    case ProgressColumn:
        if (!s.discovery.progress)
            return {};
        if (!s.discovery.listedAt.isValid())
            return tr("%1 % done").arg(*s.discovery.progress);
        return tr("%1 % done, as listed at %2")
            .arg(QString::number(*s.discovery.progress),
                 s.discovery.listedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    case StartedColumn:
        return s.discovery.startedAt.isValid() ? longTime(s.discovery.startedAt) : QVariant();
    case EndedColumn:
        if (s.discovery.endedAt.isValid())
            return longTime(s.discovery.endedAt);
        return s.discovery.isDiscovered() ? tr("Not ended yet") : QVariant();
    default:
        return {};
    }
}

bool TaskTableModel::isFinished(const TaskState& state) {
    return state.isFinished();
}

QString TaskTableModel::productOf(const TaskState& s) {
    return s.product.isEmpty() ? QString::fromLatin1(kCdbProduct) : s.product;
}

QString TaskTableModel::vendorWordOf(const TaskState& s) {
    if (!s.vendorStatus || s.vendorStatus->isEmpty() || s.vendorStatus == s.status)
        return {};
    return oneLine(*s.vendorStatus, 64);
}

ErrorDescription TaskTableModel::errorDescription(const TaskState& s) {
    ErrorDescription d = ErrorCatalog::describe(s.errorCode);
    if (isCdbProduct(s.product) || !ErrorCatalog::isPermissionDenied(s.errorCode))
        return d;
    if (const ProductAdapter* product = Products::find(s.product)) {
        if (const QString hint = product->permissionHint(QString::fromLatin1(product->pollAction().name));
            !hint.isEmpty())
            d.hint = hint;
    }
    return d;
}

QDateTime TaskTableModel::startedAt(const TaskState& s) {
    return isStartKnown(s) ? s.discovery.startedAt : s.addedAt;
}

QDateTime TaskTableModel::endedAt(const TaskState& s) {
    if (s.discovery.endedAt.isValid())
        return s.discovery.endedAt;
    if (!isFinished(s))
        return {};
    return s.finishedAt.isValid() ? s.finishedAt : s.lastCheckedAt;
}

qint64 TaskTableModel::elapsedMs(const TaskState& s) const {
    const QDateTime start = startedAt(s);
    if (!start.isValid())
        return -1;
    QDateTime end = endedAt(s);
    if (!end.isValid())
        end = m_clock();
    return qMax<qint64>(0, start.msecsTo(end));
}

TimelineFacts TaskTableModel::timelineFacts(const TaskState& s) {
    TimelineFacts f;
    f.key = taskKey(s);
    f.id = s.id;
    if (!s.discovery.instanceIds.isEmpty()) {
        f.lane = oneLine(s.discovery.instanceIds.first(), 64);
        f.laneName = oneLine(s.discovery.instanceName, kDisplayNameChars);
    }
    f.status = StatusStyle::keyFor(s);
    f.statusText = StatusStyle::text(s);
    if (!s.discovery.taskType.isEmpty())
        f.type = oneLine(Discovery::readableTaskType(s.discovery.taskType), kDisplayNameChars);
    const QDateTime start = startedAt(s);
    const QDateTime end = endedAt(s);
    f.startKnown = isStartKnown(s);
    f.startMs = start.isValid() ? start.toMSecsSinceEpoch() : -1;
    f.endMs = end.isValid() ? end.toMSecsSinceEpoch() : -1;
    if (f.startMs >= 0 && f.endMs >= 0 && f.endMs < f.startMs)
        f.endMs = f.startMs; // clocks of two sources: never a bar that ends before it starts
    return f;
}

QString TaskTableModel::formatDuration(qint64 ms) {
    const qint64 totalSeconds = qMax<qint64>(0, ms) / 1000;
    const qint64 days = totalSeconds / 86400;
    const int hours = static_cast<int>((totalSeconds / 3600) % 24);
    const int minutes = static_cast<int>((totalSeconds / 60) % 60);
    const int seconds = static_cast<int>(totalSeconds % 60);
    const auto two = [](int v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (days > 0)
        return tr("%1 d %2").arg(days).arg(
            QStringLiteral("%1:%2:%3").arg(two(hours), two(minutes), two(seconds)));
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(two(minutes), two(seconds));
    if (minutes > 0)
        return QStringLiteral("%1:%2").arg(minutes).arg(two(seconds));
    return tr("%1 s").arg(seconds);
}

void TaskTableModel::setTaskList(TaskList* tasks) {
    if (m_tasks)
        disconnect(m_tasks, nullptr, this, nullptr);
    m_tasks = tasks;
    clear();
    if (!tasks)
        return;
    connect(tasks, &TaskList::tasksAdded, this, &TaskTableModel::addTasks);
    connect(tasks, &TaskList::tasksUpdated, this, &TaskTableModel::updateTasks);
    connect(tasks, &TaskList::tasksAboutToBeRemoved, this, &TaskTableModel::removeTasks);
    connect(tasks, &QObject::destroyed, this, [this] {
        m_tasks = nullptr;
        clear();
    });
    addTasks(tasks->keys());
}

// New tasks: one beginInsertRows for all of them.
void TaskTableModel::addTasks(const QStringList& keys) {
    QList<const TaskState*> added;
    added.reserve(keys.size());
    const int first = static_cast<int>(m_rows.size());
    for (const QString& key : keys) {
        const TaskState* state = m_tasks->task(key);
        if (state && !m_rowOf.contains(state)) {
            m_rowOf.insert(state, first + static_cast<int>(added.size()));
            added.append(state);
        }
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_rows.append(added);
    endInsertRows();
}

// Changed tasks: one dataChanged per row while at most half of the rows changed (views repaint only those),
// one ranged signal above that (cheaper than many): qBittorrent's rule.
void TaskTableModel::updateTasks(const QStringList& keys) {
    QList<int> changedRows;
    changedRows.reserve(keys.size());
    for (const QString& key : keys) {
        if (const auto it = m_rowOf.constFind(m_tasks->task(key)); it != m_rowOf.constEnd())
            changedRows.append(*it);
    }
    if (changedRows.isEmpty())
        return;
    std::sort(changedRows.begin(), changedRows.end());
    changedRows.erase(std::unique(changedRows.begin(), changedRows.end()), changedRows.end());
    if (changedRows.size() * 2 <= m_rows.size()) {
        for (int row : std::as_const(changedRows))
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        emit dataChanged(index(changedRows.first(), 0), index(changedRows.last(), ColumnCount - 1));
    }
}

QStringList TaskTableModel::profiles() const {
    QStringList out;
    for (const TaskState* s : m_rows) {
        if (!out.contains(s->profile))
            out.append(s->profile);
    }
    out.sort();
    return out;
}

QStringList TaskTableModel::products() const {
    QSet<QString> present;
    for (const TaskState* s : m_rows)
        present.insert(productOf(*s));
    QStringList out;
    for (const QString& key : Products::keys()) {
        if (present.remove(key))
            out.append(key);
    }
    QStringList unknown = present.values(); // not registered (a newer history): after the known ones
    unknown.sort();
    return out + unknown;
}

void TaskTableModel::reindexFrom(int row) {
    for (int r = row; r < m_rows.size(); ++r)
        m_rowOf[m_rows.at(r)] = r;
}

// Tasks about to be removed: one beginRemoveRows per contiguous block, from the bottom up (the rows above a
// removed block keep their numbers), and the index rebuilt once from the first removed row.
void TaskTableModel::removeTasks(const QStringList& keys) {
    QList<int> rows;
    rows.reserve(keys.size());
    for (const QString& key : keys) {
        if (const auto it = m_rowOf.constFind(m_tasks->task(key)); it != m_rowOf.constEnd())
            rows.append(*it);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    qsizetype i = rows.size() - 1;
    while (i >= 0) {
        const int last = rows.at(i);
        int first = last;
        while (i > 0 && rows.at(i - 1) == first - 1) {
            --i;
            --first;
        }
        --i;
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r)
            m_rowOf.remove(m_rows.at(r));
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    reindexFrom(rows.first());
}

void TaskTableModel::clear() {
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
}

const TaskState* TaskTableModel::state(int row) const {
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return m_rows.at(row);
}

const TaskState* TaskTableModel::stateOf(const QString& key) const {
    return state(rowOf(key));
}

int TaskTableModel::rowOf(const QString& key) const {
    if (!m_tasks)
        return -1;
    if (key.contains(QChar(0x1f)))
        return m_rowOf.value(m_tasks->task(key), -1);
    // A bare id names the task of the list's default profile (or of the empty profile).
    if (const int row = m_rowOf.value(m_tasks->task(taskKey(m_tasks->defaultProfile(), key)), -1); row >= 0)
        return row;
    return m_rowOf.value(m_tasks->task(taskKey(QString(), key)), -1);
}

bool TaskTableModel::contains(const QString& key) const {
    return rowOf(key) >= 0;
}

QStringList TaskTableModel::keys() const {
    QStringList out;
    out.reserve(m_rows.size());
    for (const TaskState* s : m_rows)
        out.append(taskKey(*s));
    return out;
}

QStringList TaskTableModel::ids() const {
    QStringList out;
    out.reserve(m_rows.size());
    for (const TaskState* s : m_rows)
        out.append(s->id);
    return out;
}

int TaskTableModel::finishedCount() const {
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const TaskState* s) { return isFinished(*s); }));
}

bool TaskTableModel::hasDiscoveredTasks() const {
    return std::any_of(m_rows.cbegin(), m_rows.cend(),
                       [](const TaskState* s) { return s->discovery.isDiscovered(); });
}

void TaskTableModel::tick() {
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (isFinished(*m_rows.at(row)))
            continue;
        if (first < 0)
            first = row;
        last = row;
    }
    if (first < 0)
        return;
    emit dataChanged(index(first, ElapsedColumn), index(last, ElapsedColumn), {Qt::DisplayRole, SortRole});
}

void TaskTableModel::setDarkTheme(bool dark) {
    if (m_dark == dark)
        return;
    m_dark = dark;
    if (m_rows.isEmpty())
        return;
    emit dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1),
                     {Qt::DecorationRole, Qt::ForegroundRole, Qt::BackgroundRole});
}

void TaskTableModel::setClock(Clock clock) {
    m_clock = std::move(clock);
}

} // namespace taskwatch
