#include "cdb/VendorFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QUuid>
#include <limits>

namespace taskwatch::sim::vendor {

namespace {
constexpr qsizetype kMaxFilterValues = 1000;
constexpr qsizetype kMaxEchoChars = 64;
// The vendor's DescribeTasks times carry no zone: they are China Standard Time (UTC+8).
constexpr qint64 kVendorTimeOffsetSecs = 8 * 3600;
} // namespace

QByteArray newRequestId() {
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QByteArray envelope(QJsonObject response) {
    response.insert(QStringLiteral("RequestId"), QString::fromLatin1(newRequestId()));
    return QJsonDocument(QJsonObject{{QStringLiteral("Response"), response}}).toJson(QJsonDocument::Compact);
}

QByteArray withRequestId(const QByteArray& body, const QString& requestId) {
    QJsonObject root = QJsonDocument::fromJson(body).object();
    if (!root.value(QStringLiteral("Response")).isObject())
        return body;
    QJsonObject response = root.value(QStringLiteral("Response")).toObject();
    response.insert(QStringLiteral("RequestId"), requestId);
    root.insert(QStringLiteral("Response"), response);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString& code, const QString& message) {
    return envelope(
        QJsonObject{{QStringLiteral("Error"),
                     QJsonObject{{QStringLiteral("Code"), code}, {QStringLiteral("Message"), message}}}});
}

QByteArray successBody(const std::optional<QString>& status, const std::optional<QString>& info) {
    return envelope(
        QJsonObject{{QStringLiteral("Status"), status ? QJsonValue(*status) : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("Info"), info ? QJsonValue(*info) : QJsonValue(QJsonValue::Null)}});
}

QString echo(const QByteArray& untrusted) {
    QString text = QString::fromUtf8(untrusted.left(kMaxEchoChars));
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QChar(u'?');
    }
    return text;
}

QString vendorTime(const QDateTime& utc) {
    return QLocale::c().toString(utc.toUTC().addSecs(kVendorTimeOffsetSecs), u"yyyy-MM-dd HH:mm:ss");
}

QDateTime parseVendorTime(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return {};
    // Seconds since the epoch of that wall time read as UTC, then back by the vendor's offset (this spelling
    // builds without deprecation warnings from Qt 6.4 to 6.9).
    constexpr qint64 kUnixEpochJulianDay = 2440588;
    const qint64 secs =
        (date.toJulianDay() - kUnixEpochJulianDay) * 86400 + time.msecsSinceStartOfDay() / 1000;
    return QDateTime::fromSecsSinceEpoch(secs - kVendorTimeOffsetSecs).toUTC();
}

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

bool integerParam(const QJsonValue& value, qint64 min, qint64 max, qint64* out) {
    if (!value.isDouble())
        return false;
    // toInteger() answers its default for anything but a whole number that fits in 64 bits: asked with two
    // defaults, it gives the same answer only for such a number.
    const qint64 n = value.toInteger(0);
    if (n != value.toInteger(1) || n < min || n > max)
        return false;
    *out = n;
    return true;
}

bool integerListParam(const QJsonValue& value, QList<qint64>* out) {
    if (!value.isArray())
        return false;
    for (const QJsonValue& v : value.toArray()) {
        qint64 n = 0;
        if (!integerParam(v, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), &n))
            return false;
        out->append(n);
    }
    return true;
}

bool stringListParam(const QJsonValue& value, QStringList* out) {
    if (!value.isArray() || value.toArray().size() > kMaxFilterValues)
        return false;
    for (const QJsonValue& v : value.toArray()) {
        if (!v.isString())
            return false;
        out->append(v.toString());
    }
    return true;
}

bool isAsyncRequestId(const QString& id) {
    static const QRegularExpression re(
        QStringLiteral("^(?:[0-9a-f]{8}(?:-[0-9a-f]{8}){3}"
                       "|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(id).hasMatch();
}

bool isRegionName(const QString& name) {
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('-'))
            return false;
    }
    return true;
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
