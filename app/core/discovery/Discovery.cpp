#include "discovery/Discovery.h"
#include "task/DiscoveryFacts.h"
#include "task/TaskKey.h"
#include "task/TaskStatus.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>
#include <climits>
#include <cmath>

namespace taskwatch::Discovery {

namespace {
constexpr qsizetype kMaxWordChars = 64;
constexpr qsizetype kMaxIdChars = 128;
constexpr qsizetype kMaxNameChars = 256;
constexpr qsizetype kMaxInstances = 100; // instance ids kept per task

const QTimeZone& vendorZone() {
    static const QTimeZone zone(kVendorUtcOffsetSecs);
    return zone;
}

// Letters, digits, '-' and '_': what an AsyncRequestId or an InstanceId may hold (bounded).
bool isSafeId(const QString& id) {
    if (id.isEmpty() || id.size() > kMaxIdChars)
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('-') && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

// The canonical form of a task type text: uppercase, '-' and '_' as blanks, blanks collapsed.
QString typeKey(const QString& text) {
    QString t = text.trimmed().toUpper();
    t.replace(QLatin1Char('-'), QLatin1Char(' '));
    t.replace(QLatin1Char('_'), QLatin1Char(' '));
    return t.simplified();
}

std::optional<QString> stringField(const QJsonObject& o, const char* name, qsizetype max, bool* ok) {
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        *ok = false;
        return std::nullopt;
    }
    return boundText(v.toString(), max);
}

std::optional<qint64> integerField(const QJsonObject& o, const char* name, bool* ok) {
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble(-1.5);
    if (!v.isDouble() || d != std::trunc(d) || std::abs(d) > 9007199254740991.0) {
        *ok = false;
        return std::nullopt;
    }
    return qint64(d);
}

void putStrings(QJsonObject& body, const char* name, const QStringList& values) {
    if (values.isEmpty())
        return;
    QJsonArray array;
    for (const QString& v : values)
        array.append(v);
    body.insert(QLatin1String(name), array);
}
} // namespace

QDateTime parseVendorTime(const QString& text) {
    const QString t = text.trimmed();
    if (t.isEmpty() || t.startsWith(QLatin1String("0000-00-00")))
        return {};
    QDateTime dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!dt.isValid())
        return {};
    dt.setTimeZone(vendorZone());
    return dt.toUTC();
}

QString formatVendorTime(const QDateTime& time) {
    if (!time.isValid())
        return {};
    return time.toTimeZone(vendorZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

std::optional<QString> statusFromVendor(const QString& word) {
    const QString w = boundText(word.trimmed(), kMaxWordChars);
    if (w.isEmpty())
        return std::nullopt;
    if (w == QLatin1String("SUCCEED"))
        return QString::fromLatin1(TaskStatus::Success);
    return w;
}

const QList<TaskTypeInfo>& taskTypes() {
    static const QList<TaskTypeInfo> types = {
        {1, "ROLLBACK", QT_TRANSLATE_NOOP("Discovery", "Rollback")},
        {2, "SQL OPERATION", QT_TRANSLATE_NOOP("Discovery", "SQL operation")},
        {3, "IMPORT DATA", QT_TRANSLATE_NOOP("Discovery", "Import data")},
        {5, "MODIFY PARAM", QT_TRANSLATE_NOOP("Discovery", "Modify parameters")},
        {6, "INITIAL", QT_TRANSLATE_NOOP("Discovery", "Initialise instance")},
        {7, "REBOOT", QT_TRANSLATE_NOOP("Discovery", "Reboot")},
        {8, "OPEN GTID", QT_TRANSLATE_NOOP("Discovery", "Enable GTID")},
        {9, "UPGRADE RO", QT_TRANSLATE_NOOP("Discovery", "Upgrade read-only instance")},
        {10, "BATCH ROLLBACK", QT_TRANSLATE_NOOP("Discovery", "Batch rollback")},
        {11, "UPGRADE MASTER", QT_TRANSLATE_NOOP("Discovery", "Upgrade primary instance")},
        {12, "DROP TABLES", QT_TRANSLATE_NOOP("Discovery", "Drop tables")},
        {13, "SWITCH DR TO MASTER", QT_TRANSLATE_NOOP("Discovery", "Promote disaster-recovery instance")},
    };
    return types;
}

std::optional<int> taskTypeNumber(const QString& text) {
    bool isNumber = false;
    const int n = text.trimmed().toInt(&isNumber);
    const QString key = typeKey(text);
    for (const TaskTypeInfo& t : taskTypes()) {
        if ((isNumber && n == t.number) || key == QLatin1String(t.vendor))
            return t.number;
    }
    return std::nullopt;
}

QString readableTaskType(const QString& vendor) {
    const QString key = typeKey(vendor);
    for (const TaskTypeInfo& t : taskTypes()) {
        if (key == QLatin1String(t.vendor))
            return QCoreApplication::translate("Discovery", t.readable);
    }
    return vendor;
}

bool isStatusFilterWord(const QString& word) {
    const QString w = word.trimmed().toUpper();
    if (w == QLatin1String("RUNNING") || w == QLatin1String("WAITING"))
        return true;
    return TaskStatus::isKnown(w);
}

bool matchesStatus(const std::optional<QString>& status, const QStringList& filterWords) {
    if (filterWords.isEmpty())
        return true;
    for (const QString& word : filterWords) {
        const QString w = word.trimmed().toUpper();
        if (w == QLatin1String("RUNNING") ? !TaskStatus::isTerminal(status) : (status && *status == w))
            return true;
    }
    return false;
}

std::optional<QDateTime> parseSince(const QString& text, const QDateTime& now) {
    const QString t = text.trimmed();
    static const QRegularExpression duration(
        QRegularExpression::anchoredPattern(QStringLiteral("(\\d{1,7}(?:\\.\\d{1,3})?)\\s*([smhdw])")),
        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = duration.match(t); m.hasMatch()) {
        static const QHash<QChar, double> unit{{QLatin1Char('s'), 1},
                                               {QLatin1Char('m'), 60},
                                               {QLatin1Char('h'), 3600},
                                               {QLatin1Char('d'), 86400},
                                               {QLatin1Char('w'), 604800}};
        const double secs = m.captured(1).toDouble() * unit.value(m.captured(2).toLower().at(0));
        if (secs > 10.0 * 366 * 86400)
            return std::nullopt;
        return now.toUTC().addMSecs(-qint64(secs * 1000));
    }
    QString iso = t;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(iso, Qt::ISODate);
    if (!dt.isValid() || dt.toUTC() > now.toUTC())
        return std::nullopt;
    return dt.toUTC();
}

QList<int> unfinishedStatusNumbers() {
    return {-1, 0, 1, 6};
}

QByteArray tasksRequestBody(const Query& query, int offset, int limit) {
    QJsonObject body;
    if (query.instanceIds.size() == 1)
        body.insert(QStringLiteral("InstanceId"), query.instanceIds.first());
    if (!query.taskTypes.isEmpty()) {
        QJsonArray types;
        for (const int t : query.taskTypes)
            types.append(t);
        body.insert(QStringLiteral("TaskTypes"), types);
    }
    if (!query.statusNumbers.isEmpty()) {
        QJsonArray statuses;
        for (const int s : query.statusNumbers)
            statuses.append(s);
        body.insert(QStringLiteral("TaskStatus"), statuses);
    }
    if (query.since.isValid())
        body.insert(QStringLiteral("StartTimeBegin"), formatVendorTime(query.since));
    if (query.until.isValid())
        body.insert(QStringLiteral("StartTimeEnd"), formatVendorTime(query.until));
    body.insert(QStringLiteral("Offset"), offset);
    body.insert(QStringLiteral("Limit"), limit);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray instancesRequestBody(const QStringList& instanceIds, int offset, int limit) {
    QJsonObject body;
    putStrings(body, "InstanceIds", instanceIds);
    body.insert(QStringLiteral("Offset"), offset);
    body.insert(QStringLiteral("Limit"), limit);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

TasksPage parseTasksPage(const QJsonObject& response, const QString& region) {
    TasksPage page;
    bool ok = true;
    page.totalCount =
        int(std::clamp<qint64>(integerField(response, "TotalCount", &ok).value_or(0), 0, 1 << 30));
    const QJsonArray items = response.value(QStringLiteral("Items")).toArray();
    for (const QJsonValue& value : items) {
        if (!value.isObject()) {
            ++page.malformed;
            continue;
        }
        const QJsonObject o = value.toObject();
        bool itemOk = true;
        Item item;
        item.region = region;
        DiscoveryFacts& f = item.facts;
        f.jobId = integerField(o, "JobId", &itemOk).value_or(0);
        const QString asyncId =
            stringField(o, "AsyncRequestId", kMaxIdChars + 1, &itemOk).value_or(QString());
        f.taskType = stringField(o, "TaskType", kMaxWordChars, &itemOk).value_or(QString());
        f.status = statusFromVendor(stringField(o, "TaskStatus", kMaxWordChars, &itemOk).value_or(QString()));
        if (const std::optional<qint64> progress = integerField(o, "Progress", &itemOk))
            f.progress = int(std::clamp<qint64>(*progress, 0, 100));
        f.startedAt =
            parseVendorTime(stringField(o, "StartTime", kMaxWordChars, &itemOk).value_or(QString()));
        f.endedAt = parseVendorTime(stringField(o, "EndTime", kMaxWordChars, &itemOk).value_or(QString()));
        f.taskCode = int(std::clamp<qint64>(integerField(o, "Code", &itemOk).value_or(0), INT_MIN, INT_MAX));
        f.taskMessage = stringField(o, "Message", kMaxMessageChars, &itemOk).value_or(QString());
        const QJsonValue instances = o.value(QStringLiteral("InstanceIds"));
        if (instances.isArray()) {
            for (const QJsonValue& v : instances.toArray()) {
                if (v.isString() && isSafeId(v.toString()) && f.instanceIds.size() < kMaxInstances)
                    f.instanceIds.append(v.toString());
                else if (!v.isString())
                    itemOk = false;
            }
        } else if (!instances.isUndefined() && !instances.isNull()) {
            itemOk = false;
        }
        if (!asyncId.isEmpty()) {
            if (!isSafeId(asyncId))
                itemOk = false;
            item.id = asyncId.toLower();
        } else if (f.jobId > 0) {
            item.id = jobTaskId(f.jobId);
        } else {
            itemOk = false; // nothing to key it by
        }
        if (!itemOk) {
            ++page.malformed;
            continue;
        }
        page.items.append(item);
    }
    if (!ok)
        page.totalCount = int(items.size());
    return page;
}

InstancesPage parseInstancesPage(const QJsonObject& response) {
    InstancesPage page;
    bool ok = true;
    page.totalCount =
        int(std::clamp<qint64>(integerField(response, "TotalCount", &ok).value_or(0), 0, 1 << 30));
    const QJsonArray items = response.value(QStringLiteral("Items")).toArray();
    for (const QJsonValue& value : items) {
        const QJsonObject o = value.toObject();
        bool itemOk = value.isObject();
        const QString id = stringField(o, "InstanceId", kMaxIdChars + 1, &itemOk).value_or(QString());
        const QString name = stringField(o, "InstanceName", kMaxNameChars, &itemOk).value_or(QString());
        if (!itemOk || !isSafeId(id)) {
            ++page.malformed;
            continue;
        }
        page.names.insert(id, name);
    }
    if (!ok)
        page.totalCount = int(items.size());
    return page;
}

bool matches(const Query& query, const Item& item) {
    if (query.onlyUnfinished && TaskStatus::isTerminal(item.facts.status))
        return false;
    if (!matchesStatus(item.facts.status, query.statuses))
        return false;
    if (!query.taskTypes.isEmpty()) {
        const std::optional<int> type = taskTypeNumber(item.facts.taskType);
        if (!type || !query.taskTypes.contains(*type))
            return false;
    }
    if (!query.instanceIds.isEmpty()) {
        bool any = false;
        for (const QString& id : item.facts.instanceIds)
            any = any || query.instanceIds.contains(id);
        if (!any)
            return false;
    }
    return true;
}

namespace {
QJsonValue timeJson(const QDateTime& t) {
    return t.isValid() ? QJsonValue(t.toMSecsSinceEpoch()) : QJsonValue();
}
QDateTime timeFromJson(const QJsonValue& v) {
    return v.isDouble() ? QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble()), QTimeZone::utc())
                        : QDateTime();
}
} // namespace

QByteArray factsToJson(const DiscoveryFacts& f) {
    QJsonObject o;
    o.insert(QStringLiteral("jobId"), f.jobId);
    o.insert(QStringLiteral("type"), f.taskType);
    o.insert(QStringLiteral("instanceIds"), QJsonArray::fromStringList(f.instanceIds));
    o.insert(QStringLiteral("instanceName"), f.instanceName);
    o.insert(QStringLiteral("progress"), f.progress ? QJsonValue(*f.progress) : QJsonValue());
    o.insert(QStringLiteral("startedAt"), timeJson(f.startedAt));
    o.insert(QStringLiteral("endedAt"), timeJson(f.endedAt));
    o.insert(QStringLiteral("status"), f.status ? QJsonValue(*f.status) : QJsonValue());
    o.insert(QStringLiteral("code"), f.taskCode);
    o.insert(QStringLiteral("message"), f.taskMessage);
    o.insert(QStringLiteral("listedAt"), timeJson(f.listedAt));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

DiscoveryFacts factsFromJson(const QByteArray& json) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    DiscoveryFacts f;
    f.jobId = qint64(o.value(QStringLiteral("jobId")).toDouble());
    f.taskType = boundText(o.value(QStringLiteral("type")).toString(), kMaxWordChars);
    for (const QJsonValue& v : o.value(QStringLiteral("instanceIds")).toArray()) {
        if (isSafeId(v.toString()) && f.instanceIds.size() < kMaxInstances)
            f.instanceIds.append(v.toString());
    }
    f.instanceName = boundText(o.value(QStringLiteral("instanceName")).toString(), kMaxNameChars);
    if (o.value(QStringLiteral("progress")).isDouble())
        f.progress = std::clamp(o.value(QStringLiteral("progress")).toInt(), 0, 100);
    f.startedAt = timeFromJson(o.value(QStringLiteral("startedAt")));
    f.endedAt = timeFromJson(o.value(QStringLiteral("endedAt")));
    if (o.value(QStringLiteral("status")).isString())
        f.status = boundText(o.value(QStringLiteral("status")).toString(), kMaxWordChars);
    f.taskCode = o.value(QStringLiteral("code")).toInt();
    f.taskMessage = boundText(o.value(QStringLiteral("message")).toString(), kMaxMessageChars);
    f.listedAt = timeFromJson(o.value(QStringLiteral("listedAt")));
    return f;
}

} // namespace taskwatch::Discovery
