#include "products/PostgresService.h"
#include "gateway/ServerClock.h"
#include "gateway/Wire.h"
#include "products/TaskIds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <limits>

namespace taskwatch::sim {

namespace {
constexpr qint64 kDefaultLimit = 20;
constexpr qint64 kMaxLimit = 100;
constexpr qint64 kDefaultDays = 180; // listed without MinStartTime

bool ended(const std::optional<QString>& status) {
    return status && (*status == QLatin1String("Success") || *status == QLatin1String("Fail"));
}

QString endTime(const ProductTasks::View& v) {
    return ended(v.status()) ? vendor::vendorTime(v.endAt()) : QString();
}

QJsonObject taskItem(const ProductTasks::View& v) {
    const ScriptedTask& t = *v.task;
    const std::optional<QString> status = v.status();
    int progress = status == QStringLiteral("Success") ? 100 : 50;
    if (v.step && v.step->progress >= 0)
        progress = std::min(v.step->progress, 100);
    QStringList allSteps;
    for (const TimelineStep& s : t.steps) {
        if (!s.taskMessage.isEmpty() && !allSteps.contains(s.taskMessage))
            allSteps.append(s.taskMessage);
    }
    // AllSteps, Input and Output are JSON encoded in strings.
    const auto jsonText = [](const QJsonValue& value) {
        return QString::fromUtf8(value.isArray()
                                     ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    };
    const bool waitsSwitch = status == QStringLiteral("WaitSwitch");
    const QJsonObject detail{
        {QStringLiteral("CurrentStep"), v.step ? v.step->taskMessage : QString()},
        {QStringLiteral("AllSteps"), jsonText(QJsonArray::fromStringList(allSteps))},
        {QStringLiteral("Input"),
         jsonText(QJsonObject{{QStringLiteral("DBInstanceId"), t.instanceIds.value(0)}})},
        {QStringLiteral("Output"), jsonText(QJsonObject{})},
        {QStringLiteral("SwitchTag"), waitsSwitch ? 3 : 0}, // 3: switch in the maintenance window
        {QStringLiteral("SwitchTime"), QString()},
        {QStringLiteral("Message"), v.info()}};
    return QJsonObject{
        {QStringLiteral("TaskId"), vendor::exactNumber(t.id)},
        {QStringLiteral("TaskType"), t.taskType},
        {QStringLiteral("DBInstanceId"), t.instanceIds.value(0)},
        {QStringLiteral("StartTime"), vendor::vendorTime(v.start)},
        {QStringLiteral("EndTime"), endTime(v)},
        {QStringLiteral("Status"), status ? QJsonValue(*status) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("Progress"), progress},
        {QStringLiteral("TaskDetail"), detail}};
}
} // namespace

struct PostgresService::Query {
    std::optional<QString> taskId;
    QString instanceId;
    QDateTime minStart; // invalid: the last 180 days
    QDateTime maxStart;
    qint64 offset = 0;
    qint64 limit = kDefaultLimit;
    bool byEndTime = false;
    bool ascending = false;
};

// The body as a query: an error message for the first parameter that is not valid.
std::optional<QString> PostgresService::parseQuery(const ServiceCall& call, Query* q) const {
    const QJsonObject& params = call.params;
    const auto has = [&](const char* name) { return params.contains(QLatin1String(name)); };
    const auto value = [&](const char* name) { return params.value(QLatin1String(name)); };
    QString id;
    if (ids::integerParam(call, QStringLiteral("TaskId"), &id) == ids::Param::Invalid)
        return QStringLiteral("The value of parameter `TaskId` must be an integer.");
    if (!id.isEmpty())
        q->taskId = id;
    if (has("DBInstanceId") && !value("DBInstanceId").isString())
        return QStringLiteral("The parameter `DBInstanceId` must be a string.");
    q->instanceId = value("DBInstanceId").toString();
    for (const auto& [name, out] :
         {std::pair{"MinStartTime", &q->minStart}, std::pair{"MaxStartTime", &q->maxStart}}) {
        if (has(name) &&
            (!value(name).isString() || !(*out = vendor::parseVendorTime(value(name).toString())).isValid()))
            return QStringLiteral("The parameter `%1` must be `YYYY-MM-DD hh:mm:ss`.")
                .arg(QLatin1String(name));
    }
    if (has("Limit") && !vendor::integerParam(value("Limit"), 1, kMaxLimit, &q->limit))
        return QStringLiteral("The parameter `Limit` must be a whole number from 1 to %1.").arg(kMaxLimit);
    if (has("Offset") &&
        !vendor::integerParam(value("Offset"), 0, std::numeric_limits<qint64>::max(), &q->offset))
        return QStringLiteral("The parameter `Offset` must be a whole number from 0.");
    const QString orderBy = value("OrderBy").toString(QStringLiteral("StartTime"));
    const QString orderType = value("OrderByType").toString(QStringLiteral("desc"));
    if ((has("OrderBy") && !value("OrderBy").isString()) ||
        (orderBy != QLatin1String("StartTime") && orderBy != QLatin1String("EndTime")))
        return QStringLiteral("The parameter `OrderBy` takes StartTime or EndTime.");
    if ((has("OrderByType") && !value("OrderByType").isString()) ||
        (orderType != QLatin1String("asc") && orderType != QLatin1String("desc")))
        return QStringLiteral("The parameter `OrderByType` takes asc or desc.");
    q->byEndTime = orderBy == QLatin1String("EndTime");
    q->ascending = orderType == QLatin1String("asc");
    return std::nullopt;
}

// The tasks the query selects, in its order (without a TaskId; a query by TaskId is answered by id).
QList<ProductTasks::View> PostgresService::select(const Query& q, const ServiceCall& call) {
    const QDateTime minStart = q.minStart.isValid() ? q.minStart : m_clock->now().addDays(-kDefaultDays);
    QList<ProductTasks::View> selected;
    for (const ProductTasks::View& v : m_tasks.list(call.key, call.region)) {
        if (v.start < minStart || (q.maxStart.isValid() && v.start > q.maxStart))
            continue;
        if (!q.instanceId.isEmpty() && !v.task->instanceIds.contains(q.instanceId, Qt::CaseInsensitive))
            continue;
        selected.append(v);
    }
    // list() gives newest first, then the higher id; sort stably by the asked key on top of it.
    const auto key = [&](const ProductTasks::View& v) {
        return q.byEndTime ? endTime(v) : vendor::vendorTime(v.start);
    };
    std::stable_sort(selected.begin(), selected.end(), [&](const auto& a, const auto& b) {
        return q.ascending ? key(a) < key(b) : key(a) > key(b);
    });
    return selected;
}

HttpReply PostgresService::answer(const ServiceCall& call) {
    static const QStringList known = {QStringLiteral("TaskId"),       QStringLiteral("DBInstanceId"),
                                      QStringLiteral("MinStartTime"), QStringLiteral("MaxStartTime"),
                                      QStringLiteral("Limit"),        QStringLiteral("Offset"),
                                      QStringLiteral("OrderBy"),      QStringLiteral("OrderByType")};
    if (std::optional<HttpReply> unknown = call.unknownParameter(known))
        return *unknown;
    Query q;
    if (const std::optional<QString> error = parseQuery(call, &q))
        return call.error(QStringLiteral("InvalidParameterValue"), *error);

    const auto answerWith = [&](const QList<ProductTasks::View>& views) {
        QJsonArray page;
        const qint64 first = std::min<qint64>(q.offset, views.size());
        for (qint64 i = first; i < views.size() && page.size() < q.limit; ++i)
            page.append(taskItem(views.at(i)));
        *call.outcome = QStringLiteral("%1:%2").arg(QLatin1String(kTasksAction)).arg(page.size());
        return QJsonObject{{QStringLiteral("TotalCount"), double(views.size())},
                           {QStringLiteral("TaskSet"), page}};
    };
    if (!q.taskId) {
        HttpReply r;
        r.body = vendor::envelope(answerWith(select(q, call)));
        return r;
    }
    *call.taskId = *q.taskId;
    const std::optional<ProductTasks::View> view = m_tasks.query(*q.taskId, call.key, call.region);
    const bool selected = view && (q.instanceId.isEmpty() ||
                                   view->task->instanceIds.contains(q.instanceId, Qt::CaseInsensitive));
    if (!selected) { // unknown, not visible (yet) or filtered out: an empty TaskSet
        HttpReply r;
        r.body = vendor::envelope(answerWith({}));
        *call.outcome = QStringLiteral("unknown");
        return r;
    }
    return ProductTasks::reply(*view, call, [&](const ProductTasks::View& v) { return answerWith({v}); });
}

} // namespace taskwatch::sim
