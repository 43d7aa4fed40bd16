#include "products/PostgresAdapter.h"

#include "discovery/Discovery.h"
#include "products/ResponseFields.h"
#include "task/TaskStatus.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace taskwatch {

namespace {
constexpr qsizetype kMaxIdChars = 128;
constexpr qsizetype kMaxTypeChars = 256;

// Pause is a failure (Terraform fails fast on it too); WaitSwitch waits for the switch window.
constexpr VendorStatusWord kWords[] = {
    {"Running", TaskStatus::Running}, {"WaitSwitch", TaskStatus::Waiting}, {"Success", TaskStatus::Success},
    {"Fail", TaskStatus::Failed},     {"Pause", TaskStatus::Failed},
};
} // namespace

PostgresAdapter::PostgresAdapter()
    : ProductAdapter({.key = "postgres",
                      .title = QT_TRANSLATE_NOOP("ProductAdapter", "PostgreSQL"),
                      .service = "postgres",
                      .version = "2017-03-12",
                      .poll = {"DescribeTasks", 20, "postgres:DescribeTasks"},
                      .list = {"DescribeTasks", 20, "postgres:DescribeTasks"},
                      .idKind = IdKind::Integer,
                      .idField = "TaskId",
                      .words = kWords,
                      .listPageLimit = 100}) {}

std::optional<ListItem> PostgresAdapter::readTask(const QJsonObject& task, const QString& where,
                                                  QString* problem) const {
    ResponseFields fields(task, where);
    ListItem item;
    const std::optional<QString> id = fields.id("TaskId");
    item.reading = readStatus(fields.text("Status", 256));
    item.facts.instanceId = fields.text("DBInstanceId", kMaxIdChars).value_or(QString());
    item.facts.taskType = fields.text("TaskType", kMaxTypeChars).value_or(QString());
    if (const std::optional<qint64> progress = fields.integer("Progress"))
        item.facts.progress = int(std::clamp<qint64>(*progress, 0, 100));
    item.facts.startedAt = fields.vendorTime("StartTime");
    item.facts.endedAt = fields.vendorTime("EndTime"); // "" while running
    if (const std::optional<QJsonObject> detail = fields.object("TaskDetail")) {
        ResponseFields detailFields(*detail, where + QLatin1String(".TaskDetail"));
        item.info = detailFields.text("Message", kMaxInfoChars);
        if (!detailFields.ok() && problem)
            *problem = detailFields.problem();
        if (!detailFields.ok())
            return std::nullopt;
    }
    if (!fields.ok() || !id) {
        if (problem)
            *problem = fields.ok() ? QCoreApplication::translate("Products", "%1 has no TaskId.").arg(where)
                                   : fields.problem();
        return std::nullopt;
    }
    if (item.info && item.info->isEmpty())
        item.info.reset();
    item.id = *id;
    return item;
}

PollAnswer PostgresAdapter::parsePoll(const QJsonObject& response, const QString& id) const {
    ResponseFields fields(response);
    PollAnswer a;
    const std::optional<QJsonArray> taskSet = fields.array("TaskSet");
    if (!fields.ok()) {
        a.problem = fields.problem();
        return a;
    }
    const QJsonArray tasks = taskSet.value_or(QJsonArray());
    const std::optional<QString> wanted = normaliseId(id);
    // The TaskId filter should leave one entry; a server that ignored it must not lend us another task's
    // status, so only the entry with our id counts.
    for (qsizetype i = 0; i < tasks.size() && i < ListPage::kMaxListItems; ++i) {
        const QString where = QStringLiteral("TaskSet[%1]").arg(i);
        if (!tasks.at(i).isObject()) {
            a.problem = QCoreApplication::translate("Products", "%1 is not an object.").arg(where);
            return a;
        }
        QString problem;
        const std::optional<ListItem> item = readTask(tasks.at(i).toObject(), where, &problem);
        if (!item) {
            a.problem = problem;
            return a;
        }
        if (item->id != wanted)
            continue;
        a.kind = PollAnswer::Kind::Found;
        a.reading = item->reading;
        a.info = item->info;
        a.facts = item->facts;
        return a;
    }
    a.kind = PollAnswer::Kind::NotVisible; // an empty TaskSet: not created yet, or no such task
    return a;
}

QByteArray PostgresAdapter::listBody(const ListQuery& query, int page) const {
    QJsonObject body;
    if (!query.instanceId.isEmpty())
        body.insert(QStringLiteral("DBInstanceId"), query.instanceId);
    if (query.since.isValid())
        body.insert(QStringLiteral("MinStartTime"), Discovery::formatVendorTime(query.since));
    if (query.until.isValid())
        body.insert(QStringLiteral("MaxStartTime"), Discovery::formatVendorTime(query.until));
    // No status filter: onlyUnfinished is applied here (listMatches).
    body.insert(QStringLiteral("OrderBy"), QStringLiteral("StartTime"));
    body.insert(QStringLiteral("OrderByType"), QStringLiteral("desc"));
    body.insert(QStringLiteral("Limit"), listPageLimit());
    body.insert(QStringLiteral("Offset"), std::max(0, page) * listPageLimit());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ListPage PostgresAdapter::parseList(const QJsonObject& response) const {
    ListPage page;
    ResponseFields fields(response);
    const std::optional<qint64> total = fields.integer("TotalCount");
    const std::optional<QJsonArray> taskSet = fields.array("TaskSet");
    if (!fields.ok()) {
        page.problem = fields.problem();
        return page;
    }
    const QJsonArray tasks = taskSet.value_or(QJsonArray());
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        std::optional<ListItem> item;
        if (i < ListPage::kMaxListItems && tasks.at(i).isObject())
            item = readTask(tasks.at(i).toObject(), QStringLiteral("TaskSet[%1]").arg(i), nullptr);
        if (item)
            page.items.append(*item);
        else
            ++page.malformed;
    }
    page.totalCount = int(std::clamp<qint64>(total.value_or(tasks.size()), 0, 1 << 30));
    return page;
}

} // namespace taskwatch
