// mongodb (TencentDB for MongoDB): DescribeAsyncRequestInfo like cdb's, but with a numeric id sent as text,
// lowercase status words, no message and no listing action.
#pragma once

#include "products/ProductAdapter.h"

namespace taskwatch {

class MongodbAdapter final : public ProductAdapter {
public:
    MongodbAdapter();
    PollAnswer parsePoll(const QJsonObject& response, const QString& id) const override;
};

} // namespace taskwatch
