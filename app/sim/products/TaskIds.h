// The numeric task ids of mongodb, redis and postgres as the emulator keeps them: text of digits, up to
// 2^64-1, so that no id is ever rounded through a double. Integer ids are read from the request body's own
// number token (QJsonValue holds numbers as doubles, exact only up to 2^53).
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace taskwatch::sim {

struct ServiceCall;

namespace ids {

// `text` as an id: ASCII digits, leading zeros dropped, at most 2^64-1; nullopt otherwise.
std::optional<QString> canonical(QStringView text);
// Numeric order of canonical ids.
bool less(const QString& a, const QString& b);

enum class Param { Absent, Invalid, Ok };
// The body's Integer parameter `name` as a canonical id, digit for digit: Invalid for anything but a whole
// JSON number from 0 to 2^64-1 (a string, a fraction, an exponent, a sign...).
Param integerParam(const ServiceCall& call, const QString& name, QString* id);

} // namespace ids
} // namespace taskwatch::sim
