#include "cdb/VendorFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace taskwatch::sim::vendor {

bool isTerminalWord(const QString& status) {
    return status == QLatin1String("SUCCESS") || status == QLatin1String("SUCCEED") ||
           status == QLatin1String("FAILED") || status == QLatin1String("KILLED") ||
           status == QLatin1String("REMOVED");
}

// DescribeTasks' TaskStatus numbers (request filter) -> the words it lists.
QString taskStatusWord(qint64 number) {
    switch (number) {
    case -1:
        return QStringLiteral("UNDEFINED");
    case 0:
        return QStringLiteral("INITIAL");
    case 1:
        return QStringLiteral("RUNNING");
    case 2:
        return QStringLiteral("SUCCEED");
    case 3:
        return QStringLiteral("FAILED");
    case 4:
        return QStringLiteral("KILLED");
    case 5:
        return QStringLiteral("REMOVED");
    case 6:
        return QStringLiteral("PAUSED");
    default:
        return {};
    }
}

// DescribeTasks' TaskTypes numbers -> TaskType strings (4 is not used by the vendor).
QString taskTypeWord(qint64 number) {
    switch (number) {
    case 1:
        return QStringLiteral("ROLLBACK");
    case 2:
        return QStringLiteral("SQL OPERATION");
    case 3:
        return QStringLiteral("IMPORT DATA");
    case 5:
        return QStringLiteral("MODIFY PARAM");
    case 6:
        return QStringLiteral("INITIAL");
    case 7:
        return QStringLiteral("REBOOT");
    case 8:
        return QStringLiteral("OPEN GTID");
    case 9:
        return QStringLiteral("UPGRADE RO");
    case 10:
        return QStringLiteral("BATCH ROLLBACK");
    case 11:
        return QStringLiteral("UPGRADE MASTER");
    case 12:
        return QStringLiteral("DROP TABLES");
    case 13:
        return QStringLiteral("SWITCH DR TO MASTER");
    default:
        return {};
    }
}

int derivedProgress(const std::optional<QString>& status) {
    if (!status)
        return 0;
    if (isTerminalWord(*status))
        return 100;
    if (*status == QLatin1String("INITIAL") || *status == QLatin1String("WAITING") ||
        *status == QLatin1String("UNDEFINED"))
        return 0;
    return 50;
}

bool isAsyncRequestId(const QString& id) {
    static const QRegularExpression re(
        QStringLiteral("^(?:[0-9a-f]{8}(?:-[0-9a-f]{8}){3}"
                       "|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(id).hasMatch();
}

// The malformed DescribeTasks items of setMalformedTaskItems(), by index.
QJsonValue malformedTaskItem(int index) {
    switch (index % 5) {
    case 0:
        return QJsonObject{{QStringLiteral("Code"), 0},
                           {QStringLiteral("Message"), QString()},
                           {QStringLiteral("JobId"), QStringLiteral("not-a-number")},
                           {QStringLiteral("Progress"), QStringLiteral("half")},
                           {QStringLiteral("TaskStatus"), QStringLiteral("RUNNING")},
                           {QStringLiteral("TaskType"), QStringLiteral("MODIFY PARAM")},
                           {QStringLiteral("StartTime"), QStringLiteral("2024-05-11 03:00:00")},
                           {QStringLiteral("EndTime"), QString()},
                           {QStringLiteral("InstanceIds"), QStringLiteral("cdb-notarray")},
                           {QStringLiteral("AsyncRequestId"), QStringLiteral("not an id")},
                           {QStringLiteral("TaskAttachInfo"), QStringLiteral("not an array")}};
    case 1:
        return QStringLiteral("this item is not an object");
    case 2:
        return QJsonObject{{QStringLiteral("Code"), QStringLiteral("zero")},
                           {QStringLiteral("JobId"), -7},
                           {QStringLiteral("Progress"), 1e9},
                           {QStringLiteral("TaskStatus"), 2},
                           {QStringLiteral("TaskType"), QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("StartTime"), QStringLiteral("yesterday")},
                           {QStringLiteral("EndTime"), 17},
                           {QStringLiteral("InstanceIds"), QJsonArray{1, QJsonValue(QJsonValue::Null)}},
                           {QStringLiteral("AsyncRequestId"), 12345},
                           {QStringLiteral("TaskAttachInfo"), QJsonArray{QStringLiteral("x")}}};
    case 3:
        return QJsonValue(QJsonValue::Null);
    default:
        return QJsonObject{};
    }
}

} // namespace taskwatch::sim::vendor
