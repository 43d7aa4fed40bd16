#include "products/RedisAdapter.h"

#include "discovery/Discovery.h"
#include "products/ResponseFields.h"
#include "task/TaskStatus.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace taskwatch {

namespace {
constexpr qsizetype kMaxIdChars = 128;
constexpr qsizetype kMaxTypeChars = 256;

constexpr VendorStatusWord kWords[] = {
    {"preparing", TaskStatus::Initial}, {"running", TaskStatus::Running}, {"succeed", TaskStatus::Success},
    {"failed", TaskStatus::Failed},     {"error", TaskStatus::Failed},
};

// DescribeTaskList's Result: its own codes, unlike the poll action's words (2 is done here).
constexpr VendorStatusWord kResultCodes[] = {
    {"0", TaskStatus::Initial},
    {"1", TaskStatus::Running},
    {"2", TaskStatus::Success},
    {"4", TaskStatus::Failed},
};

// 0..1 as a percentage; anything else as not reported.
std::optional<int> percent(std::optional<double> fraction) {
    if (!fraction || *fraction < 0 || *fraction > 1)
        return std::nullopt;
    return int(std::lround(*fraction * 100));
}

std::optional<ListItem> readItem(const RedisAdapter& adapter, const QJsonObject& o, const QString& where) {
    ResponseFields fields(o, where);
    ListItem item;
    const std::optional<QString> id = fields.id("TaskId");
    item.reading = adapter.readResult(fields.integer("Result"));
    item.facts.instanceId = fields.text("InstanceId", kMaxIdChars).value_or(QString());
    item.facts.taskType = fields.text("TaskType", kMaxTypeChars).value_or(QString());
    item.facts.progress = percent(fields.number("Progress"));
    item.facts.startedAt = fields.vendorTime("StartTime");
    item.facts.endedAt = fields.vendorTime("EndTime");
    if (!fields.ok() || !id)
        return std::nullopt;
    item.id = *id;
    return item;
}
} // namespace

RedisAdapter::RedisAdapter()
    : ProductAdapter({.key = "redis",
                      .title = QT_TRANSLATE_NOOP("ProductAdapter", "Redis"),
                      .service = "redis",
                      .version = "2018-04-12",
                      .poll = {"DescribeTaskInfo", 20, "redis:DescribeTaskInfo"},
                      .list = {"DescribeTaskList", 100, "redis:DescribeTaskList"},
                      .idKind = IdKind::Integer,
                      .idField = "TaskId",
                      .words = kWords,
                      .listPageLimit = 100}) {}

PollAnswer RedisAdapter::parsePoll(const QJsonObject& response, const QString&) const {
    ResponseFields fields(response);
    PollAnswer a;
    const std::optional<QString> status = fields.text("Status", 256);
    a.info = fields.text("TaskMessage", kMaxInfoChars);
    a.facts.instanceId = fields.text("InstanceId", kMaxIdChars).value_or(QString());
    a.facts.taskType = fields.text("TaskType", kMaxTypeChars).value_or(QString());
    a.facts.startedAt = fields.vendorTime("StartTime");
    if (!fields.ok()) {
        a.problem = fields.problem();
        a.info.reset();
        a.facts = {};
        return a;
    }
    if (!status || status->isEmpty()) {
        a.kind = PollAnswer::Kind::NotVisible; // Status is required: without it there is no task
        a.info.reset();
        a.facts = {};
        return a;
    }
    if (a.info && a.info->isEmpty())
        a.info.reset(); // empty while running and after success
    a.kind = PollAnswer::Kind::Found;
    a.reading = readStatus(status);
    return a;
}

bool RedisAdapter::isNotFoundError(const QString& code) const {
    // The only parameter error DescribeTaskInfo documents; with a well-formed id it most likely means an
    // id the service does not know (unverified), which the unseen window then turns into an error.
    return code == QLatin1String("InvalidParameter.InvalidParameter");
}

StatusReading RedisAdapter::readResult(std::optional<qint64> result) const {
    if (!result)
        return {};
    return readStatus(kResultCodes, QString::number(*result));
}

QByteArray RedisAdapter::listBody(const ListQuery& query, int page) const {
    QJsonObject body;
    QDateTime since = query.since;
    if (query.now.isValid()) {
        const QDateTime earliest = query.now.addDays(-kLookbackDays).addSecs(60); // a minute of leeway
        if (!since.isValid() || since < earliest)
            since = earliest;
    }
    if (since.isValid())
        body.insert(QStringLiteral("BeginTime"), Discovery::formatVendorTime(since));
    if (query.until.isValid())
        body.insert(QStringLiteral("EndTime"), Discovery::formatVendorTime(query.until));
    if (!query.instanceId.isEmpty())
        body.insert(QStringLiteral("InstanceId"), query.instanceId);
    if (query.onlyUnfinished)
        body.insert(QStringLiteral("Result"), QJsonArray{0, 1});
    // Offset must be a multiple of Limit: pages of one size.
    body.insert(QStringLiteral("Limit"), listPageLimit());
    body.insert(QStringLiteral("Offset"), std::max(0, page) * listPageLimit());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ListPage RedisAdapter::parseList(const QJsonObject& response) const {
    ListPage page;
    ResponseFields fields(response);
    const std::optional<qint64> total = fields.integer("TotalCount");
    const std::optional<QJsonArray> tasks = fields.array("Tasks");
    if (!fields.ok()) {
        page.problem = fields.problem();
        return page;
    }
    const QJsonArray items = tasks.value_or(QJsonArray());
    for (qsizetype i = 0; i < items.size(); ++i) {
        std::optional<ListItem> item;
        if (i < ListPage::kMaxListItems && items.at(i).isObject())
            item = readItem(*this, items.at(i).toObject(), QStringLiteral("Tasks[%1]").arg(i));
        if (item)
            page.items.append(*item);
        else
            ++page.malformed;
    }
    page.totalCount = int(std::clamp<qint64>(total.value_or(items.size()), 0, 1 << 30));
    return page;
}

} // namespace taskwatch
