// Reading one object of an untrusted answer: nulls and missing fields are "not reported", text is bounded,
// and the first field of a wrong type becomes a readable problem instead of a wrong value.
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>
#include <utility>

namespace taskwatch {

class ResponseFields {
public:
    // `where` names the object in problems ("TaskSet[0]"); empty for the Response itself.
    explicit ResponseFields(const QJsonObject& object, QString where = {})
        : m_object(object)
        , m_where(std::move(where)) {}

    // A string, cut to `maxChars`; nullopt when null or absent.
    std::optional<QString> text(const char* name, qsizetype maxChars);
    // A task id given as a JSON number or a digit string, as canonical digit text. Numbers are taken only
    // when Qt kept them exactly (integers up to 2^63 - 1; doubles below 2^53); larger ids must come as text.
    std::optional<QString> id(const char* name);
    std::optional<qint64> integer(const char* name);
    std::optional<double> number(const char* name);
    std::optional<QJsonObject> object(const char* name);
    std::optional<QJsonArray> array(const char* name);
    // A zone-less vendor time (see Discovery::parseVendorTime); invalid when empty, zero or unreadable.
    QDateTime vendorTime(const char* name);

    bool ok() const { return m_problem.isEmpty(); }
    const QString& problem() const { return m_problem; } // the first one, translated

private:
    void wrongType(const char* name, const char* expected);
    QJsonObject m_object;
    QString m_where;
    QString m_problem;
};

// Digits 1 to 18446744073709551615 without a leading zero: the task ids the numeric APIs take.
bool isTaskNumber(QStringView digits);

} // namespace taskwatch
