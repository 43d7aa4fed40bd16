// The emulated redis service (version 2018-04-12), over scripted tasks with integer ids (kept as text, up to
// 2^64-1) and redis' own status words (preparing, running, succeed, failed, error):
// - DescribeTaskInfo(TaskId): Status, StartTime, TaskType (free text), InstanceId, TaskMessage;
// - DescribeTaskList: the region's tasks newest first, filtered by instance, type, time, Result code
//   (0 preparing, 1 running, 2 succeed, 4 failed/error) and operator, paged (Limit <= 100, Offset a
//   multiple of Limit), Progress a float 0..1, only the last 30 days.
#pragma once

#include "gateway/ProductService.h"
#include "products/ProductTasks.h"

namespace taskwatch::sim {

class RedisService : public ProductService {
public:
    static constexpr char kService[] = "redis";
    static constexpr char kVersion[] = "2018-04-12";
    static constexpr char kInfoAction[] = "DescribeTaskInfo";
    static constexpr char kListAction[] = "DescribeTaskList";

    explicit RedisService(const ServerClock* clock)
        : m_clock(clock)
        , m_tasks(clock) {}

    QString service() const override { return QString::fromLatin1(kService); }
    QByteArray version() const override { return kVersion; }
    QStringList actions() const override;
    int defaultLimit(const QString& action) const override; // 20 DescribeTaskInfo, 100 DescribeTaskList
    HttpReply answer(const ServiceCall& call) override;

    ProductTasks& tasks() { return m_tasks; }

private:
    struct ListQuery;
    HttpReply describeTaskInfo(const ServiceCall& call);
    HttpReply describeTaskList(const ServiceCall& call);
    std::optional<QString> parseListQuery(const QJsonObject& params, ListQuery* query) const;

    const ServerClock* m_clock;
    ProductTasks m_tasks;
};

} // namespace taskwatch::sim
