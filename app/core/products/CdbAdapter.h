// cdb (TencentDB for MySQL): DescribeAsyncRequestInfo for one task, DescribeTasks for the listing (its codec
// is discovery/Discovery.h). cdb's status words are our vocabulary.
#pragma once

#include "products/ProductAdapter.h"

namespace taskwatch {

class CdbAdapter final : public ProductAdapter {
public:
    CdbAdapter();
    PollAnswer parsePoll(const QJsonObject& response, const QString& id) const override;
    bool isNotFoundError(const QString& code) const override;
    qint64 unseenGraceMs() const override { return 0; }
    QByteArray listBody(const ListQuery& query, int page) const override;
    ListPage parseList(const QJsonObject& response) const override;
};

} // namespace taskwatch
