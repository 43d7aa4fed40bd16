#include "gateway/Wire.h"

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
// The vendor's times carry no zone: they are China Standard Time (UTC+8).
constexpr qint64 kVendorTimeOffsetSecs = 8 * 3600;
// Prefix of the strings exactNumber() makes: a control character no scripted text starts with.
constexpr QChar kNumberMarkChars[] = {QChar(0x0001), QChar(u'N')};
const QString kNumberMark(kNumberMarkChars, 2);

bool isJsonBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Past the string that starts at `i` (a quote).
qsizetype skipString(const QByteArray& json, qsizetype i) {
    for (++i; i < json.size(); ++i) {
        if (json.at(i) == '\\')
            ++i;
        else if (json.at(i) == '"')
            return i + 1;
    }
    return i;
}

// Past the value that starts at `i`.
qsizetype skipValue(const QByteArray& json, qsizetype i) {
    if (i >= json.size())
        return i;
    if (json.at(i) == '"')
        return skipString(json, i);
    if (json.at(i) == '{' || json.at(i) == '[') {
        int depth = 0;
        while (i < json.size()) {
            const char c = json.at(i);
            if (c == '"') {
                i = skipString(json, i);
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return i;
    }
    while (i < json.size() && json.at(i) != ',' && json.at(i) != '}' && json.at(i) != ']' &&
           !isJsonBlank(json.at(i)))
        ++i;
    return i;
}
} // namespace

QByteArray newRequestId() {
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QJsonValue exactNumber(const QString& digits) {
    return QString(kNumberMark + digits);
}

QByteArray envelope(QJsonObject response, const QString& requestId) {
    response.insert(QStringLiteral("RequestId"),
                    requestId.isEmpty() ? QString::fromLatin1(newRequestId()) : requestId);
    QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("Response"), response}}).toJson(QJsonDocument::Compact);
    // exactNumber() strings become bare numbers, digit for digit (a double would round ids above 2^53).
    static const QByteArray mark = QByteArrayLiteral("\"\\u0001N");
    for (qsizetype at = json.indexOf(mark); at >= 0; at = json.indexOf(mark, at)) {
        qsizetype end = at + mark.size();
        while (end < json.size() && json.at(end) >= '0' && json.at(end) <= '9')
            ++end;
        if (end < json.size() && json.at(end) == '"' && end > at + mark.size()) {
            const QByteArray digits = json.mid(at + mark.size(), end - at - mark.size());
            json.replace(at, end + 1 - at, digits);
            at += digits.size();
        } else {
            at = end;
        }
    }
    return json;
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

bool isRegionName(const QString& name) {
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

std::optional<QByteArray> rawMember(const QByteArray& json, const QString& name) {
    std::optional<QByteArray> found;
    qsizetype i = 0;
    const auto blanks = [&] {
        while (i < json.size() && isJsonBlank(json.at(i)))
            ++i;
    };
    blanks();
    if (i >= json.size() || json.at(i) != '{')
        return std::nullopt;
    ++i;
    for (;;) {
        blanks();
        if (i >= json.size() || json.at(i) != '"')
            return found; // `}` or the end
        const qsizetype keyStart = i;
        i = skipString(json, i);
        const QByteArray rawKey = json.mid(keyStart, i - keyStart);
        const QString key = rawKey.contains('\\')
                                ? QJsonDocument::fromJson("[" + rawKey + "]").array().at(0).toString()
                                : QString::fromUtf8(rawKey.mid(1, rawKey.size() - 2));
        blanks();
        if (i >= json.size() || json.at(i) != ':')
            return std::nullopt;
        ++i;
        blanks();
        const qsizetype valueStart = i;
        i = skipValue(json, i);
        if (key == name)
            found = json.mid(valueStart, i - valueStart);
        blanks();
        if (i < json.size() && json.at(i) == ',')
            ++i;
    }
}

} // namespace taskwatch::sim::vendor
