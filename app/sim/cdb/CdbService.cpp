#include "cdb/CdbService.h"
#include "EmulatorStats.h"
#include "cdb/FaultReply.h"
#include "cdb/VendorFormat.h"
#include "http/HttpRequest.h"
#include "http/RateLimiter.h"

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
constexpr qsizetype kMaxEchoChars = 64; // untrusted request text quoted back in error messages
constexpr char kVersionName[] = "2017-03-20";

const TimelineStep* currentStep(const QList<TimelineStep>& steps, int earlierPolls, qint64 elapsedMs) {
    const TimelineStep* current = nullptr;
    for (const TimelineStep& s : steps) {
        if (earlierPolls >= s.afterPolls && elapsedMs >= s.afterMs)
            current = &s;
    }
    if (!current && !steps.isEmpty())
        current = &steps.first();
    return current;
}

// The step DescribeTasks lists: the last current one that is not an error step.
const TimelineStep* listedStep(const QList<TimelineStep>& steps, int earlierPolls, qint64 elapsedMs) {
    const TimelineStep* current = nullptr;
    for (const TimelineStep& s : steps) {
        if (s.errorCode.isEmpty() &&
            (current == nullptr || (earlierPolls >= s.afterPolls && elapsedMs >= s.afterMs)))
            current = &s;
    }
    return current;
}

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

CdbService::CdbService(RateLimiter* limiter, EmulatorStats* stats)
    : m_limiter(limiter)
    , m_stats(stats) {
    m_limiter->setLimit(QString::fromLatin1(kAsyncAction), kDefaultAsyncLimit);
    m_limiter->setLimit(QString::fromLatin1(kTasksAction), kDefaultListLimit);
    m_limiter->setLimit(QString::fromLatin1(kInstancesAction), kDefaultListLimit);
}

QDateTime CdbService::serverNow() const {
    return QDateTime::currentDateTimeUtc().addSecs(m_clockOffset);
}

bool CdbService::isServedAction(const QString& action) {
    return action == QLatin1String(kAsyncAction) || action == QLatin1String(kTasksAction) ||
           action == QLatin1String(kInstancesAction);
}

QString CdbService::rateBucket(const QString& action) {
    return isServedAction(action) ? action : QString::fromLatin1(kAsyncAction);
}

void CdbService::addCredential(const QString& secretId, const QString& secretKey, const QString& token) {
    m_credentials.insert(secretId, {secretKey, token});
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

void CdbService::setActionError(const QString& action, const QString& code, const QString& message) {
    if (code.isEmpty())
        m_actionErrors.remove(action);
    else
        m_actionErrors.insert(action, {code, message});
}

void CdbService::setMalformedTaskItems(int count) {
    m_malformedTaskItems = std::max(0, count);
}

void CdbService::setForcedError(const QString& code, const QString& message) {
    m_forcedCode = code;
    m_forcedMessage = message;
}

void CdbService::setForcedHttpStatus(int status, const QByteArray& location) {
    m_forcedHttpStatus = status >= 100 && status <= 599 ? status : 0;
    // One header line of visible text: control characters never go out (CR and LF would end it or smuggle
    // others; HTTP clients such as Qt 6.8's reject a field value with any of them).
    m_forcedLocation = location.toPercentEncoding(QByteArrayLiteral(":/?#[]@!$&'()*+,;=%"));
}

int CdbService::pollsOf(const QString& taskId) const {
    return m_runtime.value(taskId.toLower()).polls;
}

HttpReply CdbService::malformedRequest(int status, const QString& reason) {
    HttpReply r;
    r.status = status;
    r.body = vendor::errorBody(status == 413 ? QStringLiteral("RequestSizeLimitExceeded")
                                             : QStringLiteral("InvalidRequest"),
                               reason);
    return r;
}

HttpReply CdbService::apiError(const QString& code, const QString& message, QString* outcome) {
    if (code.startsWith(QLatin1String("AuthFailure")))
        ++m_stats->authFailures;
    if (code == QLatin1String("RequestLimitExceeded"))
        ++m_stats->rateLimited;
    *outcome = code;
    HttpReply r;
    r.body = vendor::errorBody(code, message);
    return r;
}

HttpReply CdbService::invalidParameter(const QString& message, QString* outcome) {
    return apiError(QStringLiteral("InvalidParameter"), message, outcome);
}

// The vendor refuses a body field the action does not document.
std::optional<HttpReply> CdbService::unknownParameter(const QJsonObject& params, const QStringList& known,
                                                      QString* outcome) {
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!known.contains(it.key()))
            return apiError(
                QStringLiteral("UnknownParameter"),
                QStringLiteral("The parameter `%1` is not recognized.").arg(vendor::echo(it.key().toUtf8())),
                outcome);
    }
    return std::nullopt;
}

// What the gateway answers before it looks at the signature: the rate limit (every request counts, signed or
// not), the scripted HTTP status and error, then the method, URI, action and version.
std::optional<HttpReply> CdbService::gatewayError(const HttpRequest& req, const QString& key,
                                                  qint64 arrivedAtMs, QString* outcome) {
    const QByteArray action = req.header("x-tc-action");
    const QString actionName = QString::fromUtf8(action.left(kMaxEchoChars));
    if (!m_limiter->admit(key, actionName, rateBucket(actionName), arrivedAtMs))
        return apiError(QStringLiteral("RequestLimitExceeded"),
                        QStringLiteral("Your current request times exceeds the frequency limit `%1` for a "
                                       "second. Please reduce the frequency of calls.")
                            .arg(m_limiter->limit(rateBucket(actionName))),
                        outcome);
    if (m_forcedHttpStatus != 0) {
        *outcome = QStringLiteral("http:%1").arg(m_forcedHttpStatus);
        return HttpReply::statusPage(m_forcedHttpStatus, m_forcedLocation);
    }
    if (!m_forcedCode.isEmpty())
        return apiError(
            m_forcedCode,
            m_forcedMessage.isEmpty() ? QStringLiteral("Forced by the emulator.") : m_forcedMessage, outcome);
    if (req.method != "POST")
        return apiError(QStringLiteral("UnsupportedProtocol"),
                        QStringLiteral("The request method `%1` is not supported; use POST with "
                                       "TC3-HMAC-SHA256.")
                            .arg(vendor::echo(req.method)),
                        outcome);
    if (req.target != "/")
        return apiError(
            QStringLiteral("UnsupportedProtocol"),
            QStringLiteral("The request URI `%1` is not supported; use `/`.").arg(vendor::echo(req.target)),
            outcome);
    if (action.isEmpty())
        return apiError(QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing a required parameter `Action`."), outcome);
    if (!isServedAction(QString::fromUtf8(action)))
        return apiError(QStringLiteral("InvalidAction"),
                        QStringLiteral("The requested action `%1` does not exist.").arg(vendor::echo(action)),
                        outcome);
    const QByteArray version = req.header("x-tc-version");
    if (version.isEmpty())
        return apiError(QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing a required parameter `Version`."), outcome);
    if (version != kVersionName)
        return apiError(QStringLiteral("NoSuchVersion"),
                        QStringLiteral("The API version `%1` does not exist.").arg(vendor::echo(version)),
                        outcome);
    return std::nullopt;
}

// After the signature: the region, then the errors scripted for the action and the unsupported regions.
std::optional<HttpReply> CdbService::regionError(const QByteArray& regionBytes, const QString& action,
                                                 QString* outcome) {
    if (regionBytes.isEmpty())
        return apiError(QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing a required parameter `Region`."), outcome);
    const QString region = QString::fromUtf8(regionBytes);
    if (region.size() > 64 || !vendor::isRegionName(region))
        return apiError(QStringLiteral("UnsupportedRegion"),
                        QStringLiteral("The region `%1` is not supported.").arg(vendor::echo(regionBytes)),
                        outcome);
    const auto actionError = m_actionErrors.constFind(action);
    if (actionError != m_actionErrors.constEnd())
        return apiError(actionError->first,
                        actionError->second.isEmpty() ? QStringLiteral("Forced by the emulator.")
                                                      : actionError->second,
                        outcome);
    if (action != QLatin1String(kAsyncAction) && m_unsupportedRegions.contains(region))
        return apiError(QStringLiteral("UnsupportedRegion"),
                        QStringLiteral("The region `%1` is not supported.").arg(region), outcome);
    return std::nullopt;
}

HttpReply CdbService::handle(const HttpRequest& req, qint64 arrivedAtMs, QString* taskId, QString* outcome) {
    m_lastHeaders = req.headers;
    m_lastBody = req.body;
    const QString claimedKey = claimedSecretId(req);
    if (std::optional<HttpReply> error = gatewayError(req, claimedKey, arrivedAtMs, outcome))
        return *error;

    QString message;
    const QString authError = verifyTc3(req, m_credentials, serverNow().toSecsSinceEpoch(), &message);
    if (!authError.isEmpty())
        return apiError(authError, message, outcome);

    const QString actionName = QString::fromUtf8(req.header("x-tc-action").left(kMaxEchoChars));
    const QByteArray regionBytes = req.header("x-tc-region");
    if (std::optional<HttpReply> error = regionError(regionBytes, actionName, outcome))
        return *error;
    const QString region = QString::fromUtf8(regionBytes);

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return apiError(QStringLiteral("InvalidParameter"),
                        QStringLiteral("The request body is not a JSON object."), outcome);
    const QJsonObject params = doc.object();
    if (actionName == QLatin1String(kTasksAction))
        return describeTasks(params, claimedKey, region, outcome);
    if (actionName == QLatin1String(kInstancesAction))
        return describeInstances(params, claimedKey, region, outcome);
    return describeAsyncRequestInfo(params, claimedKey, region, taskId, outcome);
}

CdbService::TaskRuntime& CdbService::startRuntime(const QString& id) {
    TaskRuntime& rt = m_runtime[id];
    if (!rt.sinceFirstQuery.isValid()) {
        rt.sinceFirstQuery.start();
        rt.firstQueryAt = serverNow();
    }
    return rt;
}

HttpReply CdbService::describeAsyncRequestInfo(const QJsonObject& params, const QString& key,
                                               const QString& region, QString* taskId, QString* outcome) {
    if (std::optional<HttpReply> unknown =
            unknownParameter(params, {QStringLiteral("AsyncRequestId")}, outcome))
        return *unknown;
    const QJsonValue idValue = params.value(QStringLiteral("AsyncRequestId"));
    if (idValue.isUndefined())
        return apiError(QStringLiteral("MissingParameter"),
                        QStringLiteral("The request is missing a required parameter `AsyncRequestId`."),
                        outcome);
    if (!idValue.isString())
        return apiError(QStringLiteral("InvalidParameterValue"),
                        QStringLiteral("The value of parameter `AsyncRequestId` must be a string."), outcome);

    const QString id = idValue.toString().toLower();
    *taskId = id;
    m_queriedIds[key].insert(id); // verified by now
    const auto notFound = [&] {
        return apiError(QStringLiteral("InvalidParameter.InvalidAsyncRequestId"),
                        QStringLiteral("The async task does not exist."), outcome);
    };
    auto task = m_tasks.constFind(id);
    if (task == m_tasks.constEnd()) {
        if (!vendor::isAsyncRequestId(id))
            return apiError(
                QStringLiteral("InvalidParameterValue"),
                QStringLiteral("Invalid parameter value: `AsyncRequestId` is not an async request id."),
                outcome);
        if (!m_defaultTimeline)
            return notFound();
        ScriptedTask generated;
        generated.id = id;
        generated.steps = *m_defaultTimeline;
        task = m_tasks.insert(id, generated);
    }
    if (!task->region.isEmpty() && task->region != region)
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
        r = apiError(current->errorCode, current->errorMessage, outcome);
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

HttpReply CdbService::describeTasks(const QJsonObject& params, const QString& key, const QString& region,
                                    QString* outcome) {
    static const QStringList known = {QStringLiteral("InstanceId"),     QStringLiteral("AsyncRequestId"),
                                      QStringLiteral("TaskTypes"),      QStringLiteral("TaskStatus"),
                                      QStringLiteral("StartTimeBegin"), QStringLiteral("StartTimeEnd"),
                                      QStringLiteral("Offset"),         QStringLiteral("Limit")};
    if (std::optional<HttpReply> unknown = unknownParameter(params, known, outcome))
        return *unknown;
    TaskQuery query;
    if (const std::optional<QString> error = parseTaskQuery(params, &query))
        return invalidParameter(*error, outcome);

    const QList<Listed> listed = listTasks(query, key, region);
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
    *outcome = QStringLiteral("%1:%2").arg(QLatin1String(kTasksAction)).arg(items.size());
    HttpReply r;
    r.body = vendor::envelope(
        QJsonObject{{QStringLiteral("TotalCount"), double(total)}, {QStringLiteral("Items"), items}});
    return r;
}

HttpReply CdbService::describeInstances(const QJsonObject& params, const QString& key, const QString& region,
                                        QString* outcome) {
    static const QStringList known = {QStringLiteral("InstanceIds"), QStringLiteral("InstanceNames"),
                                      QStringLiteral("Offset"), QStringLiteral("Limit")};
    if (std::optional<HttpReply> unknown = unknownParameter(params, known, outcome))
        return *unknown;
    QString message;
    qint64 offset = 0, limit = 0;
    if (!pagingParams(params, kInstancesDefaultLimit, kInstancesMaxLimit, &offset, &limit, &message))
        return invalidParameter(message, outcome);
    QStringList ids, names;
    if (params.contains(QStringLiteral("InstanceIds")) &&
        !vendor::stringListParam(params.value(QStringLiteral("InstanceIds")), &ids))
        return invalidParameter(QStringLiteral("The parameter `InstanceIds` must be an array of strings."),
                                outcome);
    if (params.contains(QStringLiteral("InstanceNames")) &&
        !vendor::stringListParam(params.value(QStringLiteral("InstanceNames")), &names))
        return invalidParameter(QStringLiteral("The parameter `InstanceNames` must be an array of strings."),
                                outcome);
    QList<const EmulatedInstance*> listed;
    for (const EmulatedInstance& instance : m_instances) {
        if (instance.region != region || (!instance.owner.isEmpty() && instance.owner != key))
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
    *outcome = QStringLiteral("%1:%2").arg(QLatin1String(kInstancesAction)).arg(items.size());
    HttpReply r;
    r.body = vendor::envelope(
        QJsonObject{{QStringLiteral("TotalCount"), double(listed.size())}, {QStringLiteral("Items"), items}});
    return r;
}

} // namespace taskwatch::sim
