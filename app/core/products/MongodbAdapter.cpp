#include "products/MongodbAdapter.h"

#include "products/ResponseFields.h"
#include "task/TaskStatus.h"

namespace taskwatch {

namespace {
// paused and undoed are failures too (paused: failed and paused; undoed: failed and rolled back).
constexpr VendorStatusWord kWords[] = {
    {"initial", TaskStatus::Initial}, {"running", TaskStatus::Running}, {"success", TaskStatus::Success},
    {"failed", TaskStatus::Failed},   {"undoed", TaskStatus::Failed},   {"paused", TaskStatus::Failed},
};
} // namespace

MongodbAdapter::MongodbAdapter()
    : ProductAdapter({.key = "mongodb",
                      .title = QT_TRANSLATE_NOOP("ProductAdapter", "MongoDB"),
                      .service = "mongodb",
                      .version = "2019-07-25",
                      .poll = {"DescribeAsyncRequestInfo", 20, "mongodb:DescribeAsyncRequestInfo"},
                      .list = {},
                      .idKind = IdKind::DigitString,
                      .idField = "AsyncRequestId",
                      .words = kWords,
                      .listPageLimit = 0}) {}

PollAnswer MongodbAdapter::parsePoll(const QJsonObject& response, const QString&) const {
    ResponseFields fields(response);
    PollAnswer a;
    const std::optional<QString> status = fields.text("Status", 256);
    a.facts.startedAt = fields.vendorTime("StartTime");
    a.facts.endedAt = fields.vendorTime("EndTime");
    if (!fields.ok()) {
        a.problem = fields.problem();
        return a;
    }
    // Status is documented as always present: an answer without one knows no such task (best effort; the
    // vendor documents no "not found" code for this action).
    if (!status || status->isEmpty()) {
        a.kind = PollAnswer::Kind::NotVisible;
        return a;
    }
    a.kind = PollAnswer::Kind::Found;
    a.reading = readStatus(status);
    return a;
}

} // namespace taskwatch
