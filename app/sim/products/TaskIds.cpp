#include "products/TaskIds.h"
#include "gateway/ProductService.h"
#include "gateway/Wire.h"

namespace taskwatch::sim::ids {

namespace {
const QString kMaxId = QStringLiteral("18446744073709551615"); // 2^64-1
} // namespace

std::optional<QString> canonical(QStringView text) {
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    qsizetype first = 0;
    while (first < text.size() - 1 && text.at(first) == QLatin1Char('0'))
        ++first;
    QString id = text.mid(first).toString();
    if (id.size() > kMaxId.size() || (id.size() == kMaxId.size() && id > kMaxId))
        return std::nullopt;
    return id;
}

bool less(const QString& a, const QString& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

Param integerParam(const ServiceCall& call, const QString& name, QString* id) {
    const QJsonValue value = call.params.value(name);
    if (value.isUndefined())
        return Param::Absent;
    if (!value.isDouble())
        return Param::Invalid;
    const std::optional<QByteArray> token = vendor::rawMember(call.body, name);
    if (!token)
        return Param::Invalid;
    const std::optional<QString> digits = canonical(QString::fromLatin1(*token));
    if (!digits || token->size() != digits->size()) // JSON has no leading zeros: "-0", "1e3", "1.0" fail
        return Param::Invalid;
    *id = *digits;
    return Param::Ok;
}

} // namespace taskwatch::sim::ids
