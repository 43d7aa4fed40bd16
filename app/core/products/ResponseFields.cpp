#include "products/ResponseFields.h"

#include "discovery/Discovery.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QVariant>
#include <cmath>

namespace taskwatch {

namespace {
constexpr qsizetype kMaxTimeChars = 64;
constexpr double kExactDoubleLimit = 9007199254740992.0; // 2^53: every integer below is a double exactly
} // namespace

bool isTaskNumber(QStringView digits) {
    static constexpr QLatin1String kMax("18446744073709551615"); // 2^64 - 1
    if (digits.isEmpty() || digits.size() > kMax.size() || digits.front() == QLatin1Char('0'))
        return false;
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    // Same length: digit strings compare like the numbers they spell.
    return digits.size() < kMax.size() || digits.compare(kMax) <= 0;
}

void ResponseFields::wrongType(const char* name, const char* expected) {
    if (!m_problem.isEmpty())
        return;
    const QString field =
        m_where.isEmpty() ? QLatin1String(name) : m_where + QLatin1Char('.') + QLatin1String(name);
    m_problem = QCoreApplication::translate("Products", "The field %1 is not %2.")
                    .arg(field, QCoreApplication::translate("Products", expected));
}

std::optional<QString> ResponseFields::text(const char* name, qsizetype maxChars) {
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        wrongType(name, QT_TRANSLATE_NOOP("Products", "a string"));
        return std::nullopt;
    }
    return boundText(v.toString(), maxChars);
}

std::optional<QString> ResponseFields::id(const char* name) {
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    std::optional<QString> digits;
    if (v.isString()) {
        const QString t = v.toString().trimmed();
        if (isTaskNumber(t))
            digits = t;
    } else if (v.isDouble()) {
        // Qt keeps a JSON integer that fits 64 signed bits as an integer, anything else as a double.
        const QVariant exact = v.toVariant();
        if (exact.typeId() == QMetaType::LongLong && exact.toLongLong() > 0) {
            digits = QString::number(exact.toLongLong());
        } else {
            const double d = v.toDouble();
            if (d >= 1 && d < kExactDoubleLimit && d == std::trunc(d))
                digits = QString::number(qint64(d));
        }
    }
    if (!digits)
        wrongType(name, QT_TRANSLATE_NOOP("Products", "a task id"));
    return digits;
}

std::optional<qint64> ResponseFields::integer(const char* name) {
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble(0.5);
    if (!v.isDouble() || d != std::trunc(d) || std::abs(d) >= kExactDoubleLimit) {
        wrongType(name, QT_TRANSLATE_NOOP("Products", "an integer"));
        return std::nullopt;
    }
    return qint64(d);
}

std::optional<double> ResponseFields::number(const char* name) {
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        wrongType(name, QT_TRANSLATE_NOOP("Products", "a number"));
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<QJsonObject> ResponseFields::object(const char* name) {
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isObject()) {
        wrongType(name, QT_TRANSLATE_NOOP("Products", "an object"));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QJsonArray> ResponseFields::array(const char* name) {
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isArray()) {
        wrongType(name, QT_TRANSLATE_NOOP("Products", "a list"));
        return std::nullopt;
    }
    return v.toArray();
}

QDateTime ResponseFields::vendorTime(const char* name) {
    const std::optional<QString> t = text(name, kMaxTimeChars);
    return t ? Discovery::parseVendorTime(*t) : QDateTime();
}

} // namespace taskwatch
