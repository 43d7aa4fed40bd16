#include "cdb/CdbService.h"
#include "EmulatorStats.h"
#include "cdb/VendorFormat.h"
#include "gateway/FaultReply.h"
#include "gateway/ServerClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <algorithm>
#include <climits>
#include <limits>
#include <tuple>

namespace taskwatch::sim {

namespace {
constexpr int kDefaultAsyncLimit = 40;
constexpr int kDefaultListLimit = 50;
constexpr qint64 kTasksDefaultLimit = 20;
constexpr qint64 kTasksMaxLimit = 100;
constexpr qint64 kInstancesDefaultLimit = 20;
constexpr qint64 kInstancesMaxLimit = 2000;

// Validates the paging fields shared by both list actions.
bool pagingParams(const QJsonObject& params, qint64 defaultLimit, qint64 maxLimit, qint64* offset,
                  qint64* limit, QString* message) {
    *offset = 0;
    *limit = defaultLimit;
    if (params.contains(QStringLiteral("Offset")) &&
        !vendor::integerParam(params.value(QStringLiteral("Offset")), 0, std::numeric_limits<qint64>::max(),
                              offset)) {
        *message = QStringLiteral("The parameter `Offset` must be a whole number from 0.");
        return false;
    }
    if (params.contains(QStringLiteral("Limit")) &&
        !vendor::integerParam(params.value(QStringLiteral("Limit")), 1, maxLimit, limit)) {
        *message = QStringLiteral("The parameter `Limit` must be a whole number from 1 to %1.").arg(maxLimit);
        return false;
    }
    return true;
}
} // namespace

struct CdbService::TaskQuery {
    qint64 offset = 0;
    qint64 limit = kTasksDefaultLimit;
    QString instanceId;
    QString asyncId;
    QDateTime begin; // invalid: no bound
    QDateTime end;
    std::optional<QSet<QString>> types; // TaskType strings; nullopt: every type
    std::optional<QSet<QString>> statuses;
};

struct CdbService::Listed {
    const ScriptedTask* task;
    QDateTime start;
    const TimelineStep* step;
    std::optional<QString> status;
};

CdbService::CdbService(const ServerClock* clock)
    : m_clock(clock) {}

QDateTime CdbService::serverNow() const {
    return m_clock->now();
}

QStringList CdbService::actions() const {
    return {QString::fromLatin1(kAsyncAction), QString::fromLatin1(kTasksAction),
            QString::fromLatin1(kInstancesAction)};
}

int CdbService::defaultLimit(const QString& action) const {
    return action == QLatin1String(kAsyncAction) ? kDefaultAsyncLimit : kDefaultListLimit;
}

void CdbService::addTask(const ScriptedTask& task) {
    ScriptedTask copy = task;
    copy.id = task.id.toLower();
    m_tasks.insert(copy.id, copy);
    m_runtime.remove(copy.id);
}

void CdbService::setDefaultTimeline(const QList<TimelineStep>& steps) {
    m_defaultTimeline = steps;
}

void CdbService::addInstance(const EmulatedInstance& instance) {
    for (EmulatedInstance& existing : m_instances) {
        if (existing.id == instance.id) {
            existing = instance;
            return;
        }
    }
    m_instances.append(instance);
}

void CdbService::setMalformedTaskItems(int count) {
    m_malformedTaskItems = std::max(0, count);
}

int CdbService::pollsOf(const QString& taskId) const {
    return m_runtime.value(taskId.toLower()).polls;
}

HttpReply CdbService::answer(const ServiceCall& call) {
    if (call.action != QLatin1String(kAsyncAction) && m_unsupportedRegions.contains(call.region))
        return call.error(QStringLiteral("UnsupportedRegion"),
                          QStringLiteral("The region `%1` is not supported.").arg(call.region));
    if (call.action == QLatin1String(kTasksAction))
        return describeTasks(call);
    if (call.action == QLatin1String(kInstancesAction))
        return describeInstances(call);
    return describeAsyncRequestInfo(call);
}

TaskRuntime& CdbService::startRuntime(const QString& id) {
    TaskRuntime& rt = m_runtime[id];
    if (!rt.sinceFirstQuery.isValid()) {
        rt.sinceFirstQuery.start();
        rt.firstQueryAt = serverNow();
    }
    return rt;
}

HttpReply CdbService::describeAsyncRequestInfo(const ServiceCall& call) {
    const QJsonObject& params = call.params;
    const QString& key = call.key;
    QString* outcome = call.outcome;
    if (std::optional<HttpReply> unknown = call.unknownParameter({QStringLiteral("AsyncRequestId")}))
        return *unknown;
    const QJsonValue idValue = params.value(QStringLiteral("AsyncRequestId"));
    if (idValue.isUndefined())
        return call.error(QStringLiteral("MissingParameter"),
                          QStringLiteral("The request is missing a required parameter `AsyncRequestId`."));
    if (!idValue.isString())
        return call.error(QStringLiteral("InvalidParameterValue"),
                          QStringLiteral("The value of parameter `AsyncRequestId` must be a string."));

    const QString id = idValue.toString().toLower();
    *call.taskId = id;
    m_queriedIds[key].insert(id); // verified by now
    const auto notFound = [&] {
        return call.error(QStringLiteral("InvalidParameter.InvalidAsyncRequestId"),
                          QStringLiteral("The async task does not exist."));
    };
    auto task = m_tasks.constFind(id);
    if (task == m_tasks.constEnd()) {
        if (!vendor::isAsyncRequestId(id))
            return call.error(
                QStringLiteral("InvalidParameterValue"),
                QStringLiteral("Invalid parameter value: `AsyncRequestId` is not an async request id."));
        if (!m_defaultTimeline)
            return notFound();
        ScriptedTask generated;
        generated.id = id;
        generated.steps = *m_defaultTimeline;
        task = m_tasks.insert(id, generated);
    }
    if (!task->region.isEmpty() && task->region != call.region)
        return notFound();
    if (task->listWithoutAsyncId || (!task->owner.isEmpty() && task->owner != key))
        return notFound();

    TaskRuntime& rt = startRuntime(id);
    const int earlierPolls = rt.polls++;
    const TimelineStep* current = task->startedAt.isValid()
                                      ? currentStep(task->steps, INT_MAX, sinceStartMs(*task))
                                      : currentStep(task->steps, earlierPolls, rt.sinceFirstQuery.elapsed());

    HttpReply r;
    if (task->fault != Fault::None && (task->faultTimes < 0 || rt.faultsServed < task->faultTimes)) {
        ++rt.faultsServed;
        r = faultReply(task->fault, current, outcome);
    } else if (current && !current->errorCode.isEmpty()) {
        r = call.error(current->errorCode, current->errorMessage);
    } else if (current) {
        *outcome = current->status.value_or(QStringLiteral("null"));
        r.body = vendor::successBody(current->status, current->info);
    } else {
        *outcome = QStringLiteral("null");
        r.body = vendor::successBody(std::nullopt, std::nullopt);
    }
    if (current && !current->requestId.isEmpty() && r.kind == HttpReply::Kind::Normal)
        r.body = vendor::withRequestId(r.body, current->requestId);
    r.delayMs = task->delayMs;
    return r;
}

// DescribeTasks' body as a query: an error message for the first parameter that is not valid.
std::optional<QString> CdbService::parseTaskQuery(const QJsonObject& params, TaskQuery* query) const {
    QString message;
    if (!pagingParams(params, kTasksDefaultLimit, kTasksMaxLimit, &query->offset, &query->limit, &message))
        return message;
    const auto optionalString = [&](const char* name, QString* out) {
        const QJsonValue v = params.value(QLatin1String(name));
        if (v.isUndefined())
            return true;
        if (!v.isString())
            return false;
        *out = v.toString();
        return true;
    };
    QString beginText, endText;
    for (const auto& [name, out] :
         {std::pair{"InstanceId", &query->instanceId}, std::pair{"AsyncRequestId", &query->asyncId},
          std::pair{"StartTimeBegin", &beginText}, std::pair{"StartTimeEnd", &endText}}) {
        if (!optionalString(name, out))
            return QStringLiteral("The parameter `%1` must be a string.").arg(QLatin1String(name));
    }
    if (!beginText.isEmpty() && !(query->begin = vendor::parseVendorTime(beginText)).isValid())
        return QStringLiteral("The parameter `StartTimeBegin` must be `YYYY-MM-DD HH:MM:SS`.");
    if (!endText.isEmpty() && !(query->end = vendor::parseVendorTime(endText)).isValid())
        return QStringLiteral("The parameter `StartTimeEnd` must be `YYYY-MM-DD HH:MM:SS`.");
    for (const auto& [name, words, toWord] :
         {std::tuple{"TaskTypes", &query->types, &vendor::taskTypeWord},
          std::tuple{"TaskStatus", &query->statuses, &vendor::taskStatusWord}}) {
        const QJsonValue v = params.value(QLatin1String(name));
        if (v.isUndefined())
            continue;
        QList<qint64> numbers;
        if (!vendor::integerListParam(v, &numbers))
            return QStringLiteral("The parameter `%1` must be an array of integers.")
                .arg(QLatin1String(name));
        if (numbers.isEmpty())
            continue; // an empty filter does not filter
        QSet<QString> set;
        for (qint64 n : numbers) {
            if (const QString word = toWord(n); !word.isEmpty())
                set.insert(word); // unknown numbers match nothing
        }
        *words = set;
    }
    return std::nullopt;
}

// The tasks of `region` that `key` may see and `query` selects, newest first (then the higher JobId).
QList<CdbService::Listed> CdbService::listTasks(const TaskQuery& query, const QString& key,
                                                const QString& region) {
    QList<Listed> listed;
    for (auto it = m_tasks.constBegin(); it != m_tasks.constEnd(); ++it) {
        const ScriptedTask& t = it.value();
        if (t.jobId <= 0 || t.region.isEmpty() || t.region != region)
            continue;
        if (!t.owner.isEmpty() && t.owner != key)
            continue;
        Listed l{&t, {}, nullptr, std::nullopt};
        if (t.startedAt.isValid()) {
            l.start = t.startedAt.toUTC();
            l.step = listedStep(t.steps, INT_MAX, sinceStartMs(t));
        } else {
            TaskRuntime& rt = startRuntime(t.id);
            l.start = rt.firstQueryAt;
            l.step = listedStep(t.steps, rt.polls, rt.sinceFirstQuery.elapsed());
        }
        if (l.step && l.step->status)
            l.status =
                *l.step->status == QLatin1String("SUCCESS") ? QStringLiteral("SUCCEED") : *l.step->status;

        if (!query.instanceId.isEmpty() && !t.instanceIds.contains(query.instanceId, Qt::CaseInsensitive))
            continue;
        if (!query.asyncId.isEmpty() && (t.listWithoutAsyncId || t.id != query.asyncId.toLower()))
            continue;
        if (query.types && !query.types->contains(t.taskType))
            continue;
        if (query.statuses && (!l.status || !query.statuses->contains(*l.status)))
            continue;
        const qint64 startSecs = l.start.toSecsSinceEpoch();
        if (query.begin.isValid() && startSecs < query.begin.toSecsSinceEpoch())
            continue;
        if (query.end.isValid() && startSecs > query.end.toSecsSinceEpoch())
            continue;
        listed.append(l);
    }
    std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
        const qint64 as = a.start.toSecsSinceEpoch(), bs = b.start.toSecsSinceEpoch();
        return as != bs ? as > bs : a.task->jobId > b.task->jobId;
    });
    return listed;
}

// One TaskDetail of DescribeTasks.
QJsonObject CdbService::taskItem(const Listed& l) {
    const ScriptedTask& t = *l.task;
    const bool terminal = l.status && vendor::isTerminalWord(*l.status);
    QString endTime;
    if (terminal)
        endTime = vendor::vendorTime(l.start.addMSecs(l.step->afterMs));
    else if (t.jobId % 2 != 0)
        endTime = QStringLiteral("0000-00-00 00:00:00"); // both forms occur while unfinished
    const int progress =
        l.step && l.step->progress >= 0 ? std::min(l.step->progress, 100) : vendor::derivedProgress(l.status);
    return QJsonObject{
        {QStringLiteral("Code"), l.step ? l.step->taskCode : 0},
        {QStringLiteral("Message"), l.step ? l.step->taskMessage : QString()},
        {QStringLiteral("JobId"), double(t.jobId)},
        {QStringLiteral("Progress"), progress},
        {QStringLiteral("TaskStatus"), l.status ? QJsonValue(*l.status) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("TaskType"), t.taskType},
        {QStringLiteral("StartTime"), vendor::vendorTime(l.start)},
        {QStringLiteral("EndTime"), endTime},
        {QStringLiteral("InstanceIds"), QJsonArray::fromStringList(t.instanceIds)},
        {QStringLiteral("AsyncRequestId"), t.listWithoutAsyncId ? QString() : t.id},
        {QStringLiteral("TaskAttachInfo"), QJsonArray()}};
}

HttpReply CdbService::describeTasks(const ServiceCall& call) {
    static const QStringList known = {QStringLiteral("InstanceId"),     QStringLiteral("AsyncRequestId"),
                                      QStringLiteral("TaskTypes"),      QStringLiteral("TaskStatus"),
                                      QStringLiteral("StartTimeBegin"), QStringLiteral("StartTimeEnd"),
                                      QStringLiteral("Offset"),         QStringLiteral("Limit")};
    if (std::optional<HttpReply> unknown = call.unknownParameter(known))
        return *unknown;
    TaskQuery query;
    if (const std::optional<QString> error = parseTaskQuery(call.params, &query))
        return call.error(QStringLiteral("InvalidParameter"), *error);

    const QList<Listed> listed = listTasks(query, call.key, call.region);
    const qint64 total = listed.size() + m_malformedTaskItems;
    QJsonArray items;
    const qint64 first = std::min(query.offset, total);
    const qint64 last = std::min(total, first + query.limit); // first <= total: no overflow
    for (qint64 i = first; i < last; ++i) {
        if (i >= listed.size())
            items.append(vendor::malformedTaskItem(int(i - listed.size())));
        else
            items.append(taskItem(listed.at(i)));
    }
    *call.outcome = QStringLiteral("%1:%2").arg(QLatin1String(kTasksAction)).arg(items.size());
    HttpReply r;
    r.body = vendor::envelope(
        QJsonObject{{QStringLiteral("TotalCount"), double(total)}, {QStringLiteral("Items"), items}});
    return r;
}

HttpReply CdbService::describeInstances(const ServiceCall& call) {
    const QJsonObject& params = call.params;
    static const QStringList known = {QStringLiteral("InstanceIds"), QStringLiteral("InstanceNames"),
                                      QStringLiteral("Offset"), QStringLiteral("Limit")};
    if (std::optional<HttpReply> unknown = call.unknownParameter(known))
        return *unknown;
    QString message;
    qint64 offset = 0, limit = 0;
    if (!pagingParams(params, kInstancesDefaultLimit, kInstancesMaxLimit, &offset, &limit, &message))
        return call.error(QStringLiteral("InvalidParameter"), message);
    QStringList ids, names;
    if (params.contains(QStringLiteral("InstanceIds")) &&
        !vendor::stringListParam(params.value(QStringLiteral("InstanceIds")), &ids))
        return call.error(QStringLiteral("InvalidParameter"),
                          QStringLiteral("The parameter `InstanceIds` must be an array of strings."));
    if (params.contains(QStringLiteral("InstanceNames")) &&
        !vendor::stringListParam(params.value(QStringLiteral("InstanceNames")), &names))
        return call.error(QStringLiteral("InvalidParameter"),
                          QStringLiteral("The parameter `InstanceNames` must be an array of strings."));
    QList<const EmulatedInstance*> listed;
    for (const EmulatedInstance& instance : m_instances) {
        if (instance.region != call.region || (!instance.owner.isEmpty() && instance.owner != call.key))
            continue;
        if (!ids.isEmpty() && !ids.contains(instance.id, Qt::CaseInsensitive))
            continue;
        if (!names.isEmpty() && !names.contains(instance.name))
            continue;
        listed.append(&instance);
    }
    QJsonArray items;
    const qint64 first = std::min<qint64>(offset, listed.size());
    const qint64 last = std::min<qint64>(listed.size(), first + limit); // first <= size: no overflow
    for (qint64 i = first; i < last; ++i) {
        const EmulatedInstance& in = *listed.at(i);
        items.append(QJsonObject{{QStringLiteral("InstanceId"), in.id},
                                 {QStringLiteral("InstanceName"), in.name},
                                 {QStringLiteral("Region"), in.region},
                                 {QStringLiteral("Zone"), in.zone},
                                 {QStringLiteral("Status"), in.status},
                                 {QStringLiteral("TaskStatus"), in.taskStatus},
                                 {QStringLiteral("InstanceType"), in.instanceType},
                                 {QStringLiteral("EngineVersion"), in.engineVersion},
                                 {QStringLiteral("Vip"), in.vip},
                                 {QStringLiteral("Vport"), in.vport}});
    }
    *call.outcome = QStringLiteral("%1:%2").arg(QLatin1String(kInstancesAction)).arg(items.size());
    HttpReply r;
    r.body = vendor::envelope(
        QJsonObject{{QStringLiteral("TotalCount"), double(listed.size())}, {QStringLiteral("Items"), items}});
    return r;
}

} // namespace taskwatch::sim
