// redis (TencentDB for Redis): DescribeTaskInfo by integer TaskId, DescribeTaskList for the listing (its own
// status codes in Result, progress as 0..1, at most the last 30 days).
#pragma once

#include "products/ProductAdapter.h"

namespace taskwatch {

class RedisAdapter final : public ProductAdapter {
public:
    static constexpr int kLookbackDays = 30; // DescribeTaskList's BeginTime may go back no further

    RedisAdapter();
    PollAnswer parsePoll(const QJsonObject& response, const QString& id) const override;
    bool isNotFoundError(const QString& code) const override;
    QByteArray listBody(const ListQuery& query, int page) const override;
    ListPage parseList(const QJsonObject& response) const override;
    // DescribeTaskList's Result code in our terms: 0 INITIAL, 1 RUNNING, 2 SUCCESS, 4 FAILED (no 3).
    StatusReading readResult(std::optional<qint64> result) const;
};

} // namespace taskwatch
