#include "products/ProductTasks.h"
#include "gateway/FaultReply.h"
#include "gateway/ProductService.h"
#include "gateway/ServerClock.h"
#include "gateway/Wire.h"
#include "products/TaskIds.h"

#include <algorithm>
#include <climits>

namespace taskwatch::sim {

ProductTasks::ProductTasks(const ServerClock* clock)
    : m_clock(clock) {}

void ProductTasks::add(const ScriptedTask& task) {
    m_tasks.insert(task.id, task);
    m_addedAt.insert(task.id, m_clock->now());
    m_runtime.remove(task.id);
}

bool ProductTasks::visible(const ScriptedTask& task, const QString& key, const QString& region) const {
    if (!task.region.isEmpty() && task.region != region)
        return false;
    if (!task.owner.isEmpty() && task.owner != key)
        return false;
    const QDateTime created = task.startedAt.isValid() ? task.startedAt : m_addedAt.value(task.id);
    return created.msecsTo(m_clock->now()) >= task.hiddenForMs;
}

TaskRuntime& ProductTasks::startRuntime(const QString& id) {
    TaskRuntime& rt = m_runtime[id];
    if (!rt.sinceFirstQuery.isValid()) {
        rt.sinceFirstQuery.start();
        rt.firstQueryAt = m_clock->now();
    }
    return rt;
}

std::optional<ProductTasks::View> ProductTasks::query(const QString& id, const QString& key,
                                                      const QString& region) {
    const auto it = m_tasks.constFind(id);
    if (it == m_tasks.constEnd() || !visible(*it, key, region))
        return std::nullopt;
    View v{&*it, nullptr, {}, &startRuntime(id)};
    const int earlierPolls = v.runtime->polls++;
    if (it->startedAt.isValid()) {
        v.start = it->startedAt.toUTC();
        v.step = currentStep(it->steps, INT_MAX, v.start.msecsTo(m_clock->now()));
    } else {
        v.start = v.runtime->firstQueryAt;
        v.step = currentStep(it->steps, earlierPolls, v.runtime->sinceFirstQuery.elapsed());
    }
    return v;
}

QList<ProductTasks::View> ProductTasks::list(const QString& key, const QString& region) {
    QList<View> views;
    for (auto it = m_tasks.constBegin(); it != m_tasks.constEnd(); ++it) {
        if (!visible(*it, key, region))
            continue;
        View v{&*it, nullptr, {}, &startRuntime(it.key())};
        if (it->startedAt.isValid()) {
            v.start = it->startedAt.toUTC();
            v.step = listedStep(it->steps, INT_MAX, v.start.msecsTo(m_clock->now()));
        } else {
            v.start = v.runtime->firstQueryAt;
            v.step = listedStep(it->steps, v.runtime->polls, v.runtime->sinceFirstQuery.elapsed());
        }
        views.append(v);
    }
    std::sort(views.begin(), views.end(), [](const View& a, const View& b) {
        const qint64 as = a.start.toSecsSinceEpoch(), bs = b.start.toSecsSinceEpoch();
        return as != bs ? as > bs : ids::less(b.task->id, a.task->id);
    });
    return views;
}

HttpReply ProductTasks::reply(const View& view, const ServiceCall& call,
                              const std::function<QJsonObject(const View&)>& fields) {
    const ScriptedTask& task = *view.task;
    *call.taskId = task.id;
    HttpReply r;
    if (task.fault != Fault::None && (task.faultTimes < 0 || view.runtime->faultsServed < task.faultTimes)) {
        ++view.runtime->faultsServed;
        r = faultReply(task.fault, view.step, call.outcome);
    } else if (view.step && !view.step->errorCode.isEmpty()) {
        r = call.error(view.step->errorCode, view.step->errorMessage);
    } else {
        r.body = vendor::envelope(fields(view), view.step ? view.step->requestId : QString());
        *call.outcome = view.status().value_or(QStringLiteral("null"));
    }
    r.delayMs = task.delayMs;
    return r;
}

} // namespace taskwatch::sim
