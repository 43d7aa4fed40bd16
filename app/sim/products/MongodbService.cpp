#include "products/MongodbService.h"
#include "gateway/Wire.h"
#include "products/TaskIds.h"

namespace taskwatch::sim {

namespace {
// Ended: EndTime is written. `paused` (failed, paused) may still be resumed, so it has none.
bool ended(const std::optional<QString>& status) {
    return status && (*status == QLatin1String("success") || *status == QLatin1String("failed") ||
                      *status == QLatin1String("undoed"));
}
} // namespace

HttpReply MongodbService::answer(const ServiceCall& call) {
    if (std::optional<HttpReply> unknown = call.unknownParameter({QStringLiteral("AsyncRequestId")}))
        return *unknown;
    const QJsonValue idValue = call.params.value(QStringLiteral("AsyncRequestId"));
    if (idValue.isUndefined())
        return call.error(QStringLiteral("MissingParameter"),
                          QStringLiteral("The request is missing a required parameter `AsyncRequestId`."));
    if (!idValue.isString())
        return call.error(QStringLiteral("InvalidParameterValue"),
                          QStringLiteral("The value of parameter `AsyncRequestId` must be a string."));
    // A numeric string (the vendor issues `^\d+$`, the same id space as FlowId).
    const std::optional<QString> id = ids::canonical(idValue.toString());
    if (!id)
        return call.error(QStringLiteral("InvalidParameterValue"),
                          QStringLiteral("Invalid parameter value: `AsyncRequestId` must be a number."));
    *call.taskId = *id;
    const std::optional<ProductTasks::View> view = m_tasks.query(*id, call.key, call.region);
    if (!view) {
        // The vendor documents no not-found code for this action; of the codes it lists for it, this is
        // the one an id the account cannot see gets.
        return call.error(QStringLiteral("InvalidParameter.PermissionDenied"),
                          QStringLiteral("The async request does not exist or is not yours."));
    }
    return ProductTasks::reply(*view, call, [](const ProductTasks::View& v) {
        const std::optional<QString> status = v.status();
        QJsonObject fields{
            {QStringLiteral("Status"), status ? QJsonValue(*status) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("StartTime"), vendor::vendorTime(v.start)}};
        if (ended(status)) // EndTime is optional ("outopt"): absent until the task ended
            fields.insert(QStringLiteral("EndTime"), vendor::vendorTime(v.endAt()));
        return fields;
    });
}

} // namespace taskwatch::sim
