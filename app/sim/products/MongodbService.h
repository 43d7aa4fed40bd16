// The emulated mongodb service (version 2019-07-25): DescribeAsyncRequestInfo over scripted tasks, by a
// numeric string id, with mongodb's own status words (initial, running, paused, undoed, failed, success),
// StartTime, and EndTime once the task ended. No Info field and no listing, as the vendor documents.
#pragma once

#include "gateway/ProductService.h"
#include "products/ProductTasks.h"

namespace taskwatch::sim {

class MongodbService : public ProductService {
public:
    static constexpr char kService[] = "mongodb";
    static constexpr char kVersion[] = "2019-07-25";
    static constexpr char kAsyncAction[] = "DescribeAsyncRequestInfo";

    explicit MongodbService(const ServerClock* clock)
        : m_tasks(clock) {}

    QString service() const override { return QString::fromLatin1(kService); }
    QByteArray version() const override { return kVersion; }
    QStringList actions() const override { return {QString::fromLatin1(kAsyncAction)}; }
    int defaultLimit(const QString&) const override { return 20; }
    HttpReply answer(const ServiceCall& call) override;

    ProductTasks& tasks() { return m_tasks; }

private:
    ProductTasks m_tasks;
};

} // namespace taskwatch::sim
