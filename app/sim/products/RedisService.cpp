#include "products/RedisService.h"
#include "gateway/ServerClock.h"
#include "gateway/Wire.h"
#include "products/TaskIds.h"

#include <QJsonArray>
#include <QSet>
#include <limits>

namespace taskwatch::sim {

namespace {
constexpr qint64 kDefaultLimit = 20;
constexpr qint64 kMaxLimit = 100;
constexpr qint64 kListedDays = 30; // the listing covers the last 30 days only

bool ended(const std::optional<QString>& status) {
    return status && (*status == QLatin1String("succeed") || *status == QLatin1String("failed") ||
                      *status == QLatin1String("error"));
}

// DescribeTaskList's Result: 0 preparing, 1 running, 2 done, 4 failed (there is no 3).
int resultCode(const std::optional<QString>& status) {
    if (!status || *status == QLatin1String("preparing"))
        return 0;
    if (*status == QLatin1String("succeed"))
        return 2;
    if (*status == QLatin1String("failed") || *status == QLatin1String("error"))
        return 4;
    return 1;
}

// Progress is a fraction 0..1 (1 with Result 2 in the vendor's example).
double progressOf(const ProductTasks::View& v) {
    if (v.step && v.step->progress >= 0)
        return std::min(v.step->progress, 100) / 100.0;
    const int result = resultCode(v.status());
    return result == 0 ? 0.0 : result == 2 ? 1.0 : 0.5;
}
} // namespace

struct RedisService::ListQuery {
    qint64 offset = 0;
    qint64 limit = kDefaultLimit;
    QString instanceId;
    QString instanceName;
    QDateTime begin; // invalid: no bound
    QDateTime end;
    QStringList taskTypes; // empty: every type
    QSet<qint64> results;  // empty: every Result
    QStringList operators; // empty: every operator
};

QStringList RedisService::actions() const {
    return {QString::fromLatin1(kInfoAction), QString::fromLatin1(kListAction)};
}

int RedisService::defaultLimit(const QString& action) const {
    return action == QLatin1String(kListAction) ? 100 : 20;
}

HttpReply RedisService::answer(const ServiceCall& call) {
    if (call.action == QLatin1String(kListAction))
        return describeTaskList(call);
    return describeTaskInfo(call);
}

HttpReply RedisService::describeTaskInfo(const ServiceCall& call) {
    if (std::optional<HttpReply> unknown = call.unknownParameter({QStringLiteral("TaskId")}))
        return *unknown;
    QString id;
    switch (ids::integerParam(call, QStringLiteral("TaskId"), &id)) {
    case ids::Param::Absent:
        return call.error(QStringLiteral("MissingParameter"),
                          QStringLiteral("The request is missing a required parameter `TaskId`."));
    case ids::Param::Invalid:
        return call.error(QStringLiteral("InvalidParameterValue"),
                          QStringLiteral("The value of parameter `TaskId` must be an integer."));
    case ids::Param::Ok:
        break;
    }
    *call.taskId = id;
    const std::optional<ProductTasks::View> view = m_tasks.query(id, call.key, call.region);
    if (!view) // the vendor's "business parameter error", what an unknown TaskId gets
        return call.error(QStringLiteral("InvalidParameter.InvalidParameter"),
                          QStringLiteral("The task does not exist."));
    return ProductTasks::reply(*view, call, [](const ProductTasks::View& v) {
        const std::optional<QString> status = v.status();
        const ScriptedTask& t = *v.task;
        return QJsonObject{
            {QStringLiteral("Status"), status ? QJsonValue(*status) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("StartTime"), vendor::vendorTime(v.start)},
            {QStringLiteral("TaskType"), t.taskTitle.isEmpty() ? t.taskType : t.taskTitle},
            {QStringLiteral("InstanceId"), t.instanceIds.value(0)},
            {QStringLiteral("TaskMessage"), v.info()}};
    });
}

// DescribeTaskList's body as a query: an error message for the first parameter that is not valid.
std::optional<QString> RedisService::parseListQuery(const QJsonObject& params, ListQuery* q) const {
    const auto has = [&](const char* name) { return params.contains(QLatin1String(name)); };
    const auto value = [&](const char* name) { return params.value(QLatin1String(name)); };
    if (has("Limit") && !vendor::integerParam(value("Limit"), 1, kMaxLimit, &q->limit))
        return QStringLiteral("The parameter `Limit` must be a whole number from 1 to %1.").arg(kMaxLimit);
    if (has("Offset") &&
        !vendor::integerParam(value("Offset"), 0, std::numeric_limits<qint64>::max(), &q->offset))
        return QStringLiteral("The parameter `Offset` must be a whole number from 0.");
    if (q->offset % q->limit != 0)
        return QStringLiteral("The parameter `Offset` must be a multiple of `Limit`.");
    for (const auto& [name, out] :
         {std::pair{"InstanceId", &q->instanceId}, std::pair{"InstanceName", &q->instanceName}}) {
        if (has(name) && !value(name).isString())
            return QStringLiteral("The parameter `%1` must be a string.").arg(QLatin1String(name));
        *out = value(name).toString();
    }
    for (const auto& [name, out] : {std::pair{"BeginTime", &q->begin}, std::pair{"EndTime", &q->end}}) {
        if (!has(name))
            continue;
        if (!value(name).isString() || !(*out = vendor::parseVendorTime(value(name).toString())).isValid())
            return QStringLiteral("The parameter `%1` must be `YYYY-MM-DD hh:mm:ss`.")
                .arg(QLatin1String(name));
    }
    for (const auto& [name, out] :
         {std::pair{"TaskTypes", &q->taskTypes}, std::pair{"OperateUin", &q->operators}}) {
        if (has(name) && !vendor::stringListParam(value(name), out))
            return QStringLiteral("The parameter `%1` must be an array of strings.").arg(QLatin1String(name));
    }
    QList<qint64> results;
    if (has("Result") && !vendor::integerListParam(value("Result"), &results))
        return QStringLiteral("The parameter `Result` must be an array of integers.");
    for (qint64 r : results) {
        if (r != 0 && r != 1 && r != 2 && r != 4)
            return QStringLiteral("The parameter `Result` takes 0, 1, 2 and 4.");
        q->results.insert(r);
    }
    return std::nullopt;
}

HttpReply RedisService::describeTaskList(const ServiceCall& call) {
    // TaskStatus ("internal use"), ProjectIds and OperatorUin (deprecated) are accepted and ignored.
    static const QStringList known = {
        QStringLiteral("InstanceId"), QStringLiteral("InstanceName"), QStringLiteral("Limit"),
        QStringLiteral("Offset"),     QStringLiteral("ProjectIds"),   QStringLiteral("TaskTypes"),
        QStringLiteral("BeginTime"),  QStringLiteral("EndTime"),      QStringLiteral("TaskStatus"),
        QStringLiteral("Result"),     QStringLiteral("OperatorUin"),  QStringLiteral("OperateUin")};
    if (std::optional<HttpReply> unknown = call.unknownParameter(known))
        return *unknown;
    ListQuery q;
    if (const std::optional<QString> error = parseListQuery(call.params, &q))
        return call.error(QStringLiteral("InvalidParameterValue"), *error);

    const QDateTime oldest = m_clock->now().addDays(-kListedDays);
    QJsonArray page;
    qint64 total = 0;
    for (const ProductTasks::View& v : m_tasks.list(call.key, call.region)) {
        const ScriptedTask& t = *v.task;
        if (v.start < oldest || (q.begin.isValid() && v.start < q.begin) ||
            (q.end.isValid() && v.start > q.end))
            continue;
        if (!q.instanceId.isEmpty() && !t.instanceIds.contains(q.instanceId, Qt::CaseInsensitive))
            continue;
        if (!q.instanceName.isEmpty() && t.instanceName != q.instanceName)
            continue;
        if ((!q.taskTypes.isEmpty() && !q.taskTypes.contains(t.taskType)) ||
            (!q.operators.isEmpty() && !q.operators.contains(t.operatorUin)))
            continue;
        if (!q.results.isEmpty() && !q.results.contains(resultCode(v.status())))
            continue;
        if (total++ < q.offset || page.size() >= q.limit)
            continue;
        page.append(QJsonObject{
            {QStringLiteral("TaskId"), vendor::exactNumber(t.id)},
            {QStringLiteral("StartTime"), vendor::vendorTime(v.start)},
            {QStringLiteral("TaskType"), t.taskType},
            {QStringLiteral("InstanceName"), t.instanceName},
            {QStringLiteral("InstanceId"), t.instanceIds.value(0)},
            {QStringLiteral("ProjectId"), double(t.projectId)},
            {QStringLiteral("Progress"), progressOf(v)},
            {QStringLiteral("EndTime"), ended(v.status()) ? vendor::vendorTime(v.endAt()) : QString()},
            {QStringLiteral("Result"), resultCode(v.status())}});
    }
    *call.outcome = QStringLiteral("%1:%2").arg(QLatin1String(kListAction)).arg(page.size());
    HttpReply r;
    r.body = vendor::envelope(
        QJsonObject{{QStringLiteral("TotalCount"), double(total)}, {QStringLiteral("Tasks"), page}});
    return r;
}

} // namespace taskwatch::sim
