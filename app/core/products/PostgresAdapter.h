// postgres (TencentDB for PostgreSQL): one action, DescribeTasks, lists tasks and, with a TaskId, answers
// for one. A new task may be missing from it at first (an empty TaskSet).
#pragma once

#include "products/ProductAdapter.h"

namespace taskwatch {

class PostgresAdapter final : public ProductAdapter {
public:
    PostgresAdapter();
    PollAnswer parsePoll(const QJsonObject& response, const QString& id) const override;
    QByteArray listBody(const ListQuery& query, int page) const override;
    ListPage parseList(const QJsonObject& response) const override;
    // One entry of TaskSet; nullopt with `problem` set when it is not what the API documents.
    std::optional<ListItem> readTask(const QJsonObject& task, const QString& where, QString* problem) const;
};

} // namespace taskwatch
