#include "products/CdbAdapter.h"

#include "discovery/Discovery.h"
#include "products/ResponseFields.h"
#include "task/TaskStatus.h"
#include "task/TextBounds.h"

namespace taskwatch {

namespace {
constexpr VendorStatusWord kWords[] = {
    {TaskStatus::Initial, TaskStatus::Initial}, {TaskStatus::Running, TaskStatus::Running},
    {TaskStatus::Success, TaskStatus::Success}, {TaskStatus::Failed, TaskStatus::Failed},
    {TaskStatus::Killed, TaskStatus::Killed},   {TaskStatus::Removed, TaskStatus::Removed},
    {TaskStatus::Paused, TaskStatus::Paused},   {TaskStatus::Undefined, TaskStatus::Undefined},
    {TaskStatus::Waiting, TaskStatus::Waiting},
};
} // namespace

CdbAdapter::CdbAdapter()
    : ProductAdapter({.key = "cdb",
                      .title = QT_TRANSLATE_NOOP("ProductAdapter", "MySQL"),
                      .service = "cdb",
                      .version = "2017-03-20",
                      .poll = {"DescribeAsyncRequestInfo", 40, "cdb:DescribeAsyncRequestInfo"},
                      // The pacing's existing DescribeTasks rate (newer pages document 100/s).
                      .list = {Discovery::kTasksAction, Discovery::kMaxRate, "cdb:DescribeTasks"},
                      .idKind = IdKind::CdbAsyncRequestId,
                      .idField = "AsyncRequestId",
                      .words = kWords,
                      .listPageLimit = Discovery::kPageLimit}) {}

PollAnswer CdbAdapter::parsePoll(const QJsonObject& response, const QString&) const {
    // An unknown id is an error (InvalidParameter.InvalidAsyncRequestId), so every answer here is a task;
    // a null Status is documented.
    ResponseFields fields(response);
    PollAnswer a;
    const std::optional<QString> status = fields.text("Status", 256);
    a.info = fields.text("Info", kMaxInfoChars);
    if (!fields.ok()) {
        a.problem = fields.problem();
        return a;
    }
    a.kind = PollAnswer::Kind::Found;
    a.reading = readStatus(status);
    return a;
}

bool CdbAdapter::isNotFoundError(const QString& code) const {
    return code == QLatin1String("InvalidParameter.InvalidAsyncRequestId");
}

QByteArray CdbAdapter::listBody(const ListQuery& query, int page) const {
    Discovery::Query q;
    q.since = query.since;
    q.until = query.until;
    if (!query.instanceId.isEmpty())
        q.instanceIds = QStringList{query.instanceId};
    if (query.onlyUnfinished)
        q.statusNumbers = Discovery::unfinishedStatusNumbers();
    return Discovery::tasksRequestBody(q, page * listPageLimit(), listPageLimit());
}

ListPage CdbAdapter::parseList(const QJsonObject& response) const {
    ListPage page;
    const Discovery::TasksPage tasks = Discovery::parseTasksPage(response, QString());
    page.totalCount = tasks.totalCount;
    page.malformed = tasks.malformed;
    for (const Discovery::Item& item : tasks.items) {
        if (!item.hasAsyncRequestId()) {
            ++page.malformed; // a job without an AsyncRequestId cannot be polled by id
            continue;
        }
        ListItem out;
        out.id = item.id;
        // DescribeTasks' SUCCEED arrives as SUCCESS already (Discovery::statusFromVendor).
        out.reading = readStatus(item.facts.status);
        if (!item.facts.taskMessage.isEmpty())
            out.info = item.facts.taskMessage;
        out.facts.instanceId = item.facts.instanceIds.value(0);
        out.facts.taskType = item.facts.taskType;
        out.facts.progress = item.facts.progress;
        out.facts.startedAt = item.facts.startedAt;
        out.facts.endedAt = item.facts.endedAt;
        page.items.append(out);
    }
    return page;
}

} // namespace taskwatch
