// The emulated postgres service (version 2017-03-12): DescribeTasks, one action for one task (TaskId) and
// for the list, over scripted tasks with integer ids (kept as text, up to 2^64-1) and postgres' own status
// words (Running, Success, WaitSwitch, Fail, Pause). TaskSet items carry TaskDetail (Message, steps and
// input/output as JSON in strings, SwitchTag), Progress 0-100, EndTime "" until the task ended. A task the
// caller cannot see, or not yet, is an empty TaskSet, as the vendor answers fresh ids. Without
// MinStartTime, only the last 180 days are listed.
#pragma once

#include "gateway/ProductService.h"
#include "products/ProductTasks.h"

namespace taskwatch::sim {

class PostgresService : public ProductService {
public:
    static constexpr char kService[] = "postgres";
    static constexpr char kVersion[] = "2017-03-12";
    static constexpr char kTasksAction[] = "DescribeTasks";

    explicit PostgresService(const ServerClock* clock)
        : m_clock(clock)
        , m_tasks(clock) {}

    QString service() const override { return QString::fromLatin1(kService); }
    QByteArray version() const override { return kVersion; }
    QStringList actions() const override { return {QString::fromLatin1(kTasksAction)}; }
    int defaultLimit(const QString&) const override { return 20; }
    HttpReply answer(const ServiceCall& call) override;

    ProductTasks& tasks() { return m_tasks; }

private:
    struct Query;
    std::optional<QString> parseQuery(const ServiceCall& call, Query* query) const;
    QList<ProductTasks::View> select(const Query& query, const ServiceCall& call);

    const ServerClock* m_clock;
    ProductTasks m_tasks;
};

} // namespace taskwatch::sim
