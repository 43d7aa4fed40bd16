// The emulated cdb service behind the gateway (gateway/, which checks what the vendor's gateway checks
// first), serving three actions:
// - DescribeAsyncRequestInfo: scripted task timelines, documented business errors and transport faults;
// - DescribeTasks: the tasks with a JobId of the request's region (filters, paging, times in UTC+8 without a
//   zone, SUCCEED spelling, ownership by SecretId), consistent with DescribeAsyncRequestInfo;
// - DescribeDBInstances: the emulated instances of the region (a subset of the vendor's fields).
#pragma once

#include "Script.h"
#include "Timeline.h"
#include "gateway/ProductService.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace taskwatch::sim {

class ServerClock;

class CdbService : public ProductService {
public:
    static constexpr char kService[] = "cdb";
    static constexpr char kVersion[] = "2017-03-20";
    static constexpr char kAsyncAction[] = "DescribeAsyncRequestInfo";
    static constexpr char kTasksAction[] = "DescribeTasks";
    static constexpr char kInstancesAction[] = "DescribeDBInstances";

    explicit CdbService(const ServerClock* clock);

    QString service() const override { return QString::fromLatin1(kService); }
    QByteArray version() const override { return kVersion; }
    QStringList actions() const override;
    int defaultLimit(const QString& action) const override; // 40 DescribeAsyncRequestInfo, 50 the others
    HttpReply answer(const ServiceCall& call) override;

    // What the account holds.
    void addTask(const ScriptedTask& task);
    void setDefaultTimeline(const QList<TimelineStep>& steps);
    void addInstance(const EmulatedInstance& instance);

    // Errors (see Emulator).
    void setUnsupportedRegions(const QStringList& regions) { m_unsupportedRegions = regions; }
    void setMalformedTaskItems(int count);

    int pollsOf(const QString& taskId) const;
    QSet<QString> taskIdsQueriedBy(const QString& secretId) const { return m_queriedIds.value(secretId); }
    void forgetQueriedIds() { m_queriedIds.clear(); }

private:
    struct TaskQuery; // DescribeTasks' filters and page
    struct Listed;    // a task DescribeTasks lists, as it stands now

    HttpReply describeAsyncRequestInfo(const ServiceCall& call);
    HttpReply describeTasks(const ServiceCall& call);
    std::optional<QString> parseTaskQuery(const QJsonObject& params, TaskQuery* query) const;
    QList<Listed> listTasks(const TaskQuery& query, const QString& key, const QString& region);
    static QJsonObject taskItem(const Listed& listed);
    HttpReply describeInstances(const ServiceCall& call);

    QDateTime serverNow() const;
    TaskRuntime& startRuntime(const QString& id);
    qint64 sinceStartMs(const ScriptedTask& task) const { return task.startedAt.msecsTo(serverNow()); }

    const ServerClock* m_clock;
    QHash<QString, ScriptedTask> m_tasks;
    QHash<QString, TaskRuntime> m_runtime;
    std::optional<QList<TimelineStep>> m_defaultTimeline;
    QList<EmulatedInstance> m_instances;
    QStringList m_unsupportedRegions;
    int m_malformedTaskItems = 0;
    QHash<QString, QSet<QString>> m_queriedIds; // SecretId -> the task ids it queried with a valid signature
};

} // namespace taskwatch::sim
