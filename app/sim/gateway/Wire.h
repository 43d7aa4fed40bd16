// The vendor's wire conventions every emulated product shares: the JSON envelope and its error form, ids
// written as exact JSON numbers, the zone-less UTC+8 times, how body parameters are typed, and untrusted
// request text quoted back. The emulator keeps its own copy of these rules (it does not use the client's
// parsers), so that it can catch the client getting them wrong.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace taskwatch::sim::vendor {

// Envelopes: {"Response": {..., "RequestId": "<uuid>"}} (or the given RequestId).
QByteArray newRequestId();
QByteArray envelope(QJsonObject response, const QString& requestId = {});
QByteArray errorBody(const QString& code, const QString& message);
// {"Status": ..., "Info": ...}: cdb's DescribeAsyncRequestInfo, and the body the JSON faults carry.
QByteArray successBody(const std::optional<QString>& status, const std::optional<QString>& info);
// The same JSON envelope with a scripted RequestId (bodies that are not an envelope stay as they are).
QByteArray withRequestId(const QByteArray& body, const QString& requestId);

// A JSON number written digit for digit by envelope(), whatever its size (`digits`: [0-9]+).
QJsonValue exactNumber(const QString& digits);

// Untrusted request text quoted back in an error message: bounded, control and format characters replaced.
QString echo(const QByteArray& untrusted);

// The vendor's zone-less `YYYY-MM-DD HH:MM:SS` (UTC+8) of a UTC moment, and back (invalid when malformed).
QString vendorTime(const QDateTime& utc);
QDateTime parseVendorTime(const QString& text);

// Body parameters typed as the vendor documents them. Integer is the SDKs' int64: a whole JSON number that
// fits in 64 bits.
bool integerParam(const QJsonValue& value, qint64 min, qint64 max, qint64* out); // an Integer in [min, max]
bool integerListParam(const QJsonValue& value, QList<qint64>* out); // an array of Integer, any length
bool stringListParam(const QJsonValue& value, QStringList* out);    // an array of strings (bounded)

// The raw text of the top-level member `name` of a JSON object that QJsonDocument accepted (the last one
// when repeated), e.g. a number token with every digit that QJsonValue would have rounded to a double.
std::optional<QByteArray> rawMember(const QByteArray& json, const QString& name);

// A region name: 1 to 128 ASCII letters, digits and dashes.
bool isRegionName(const QString& name);

} // namespace taskwatch::sim::vendor
