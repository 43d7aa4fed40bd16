// The vendor's wire formats as the emulated cdb service writes and reads them: the JSON envelope, the
// zone-less UTC+8 times, DescribeTasks' status and type numbers and words, how body parameters are typed,
// what an AsyncRequestId looks like. The emulator keeps its own copy of these rules (it does not use the
// client's parsers), so that it can catch the client getting them wrong.
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

// Envelopes: {"Response": {..., "RequestId": "<uuid>"}}.
QByteArray newRequestId();
QByteArray envelope(QJsonObject response);
QByteArray errorBody(const QString& code, const QString& message);
QByteArray successBody(const std::optional<QString>& status, const std::optional<QString>& info);
// The same JSON envelope with a scripted RequestId (bodies that are not an envelope stay as they are).
QByteArray withRequestId(const QByteArray& body, const QString& requestId);

// Untrusted request text quoted back in an error message: bounded, control and format characters replaced.
QString echo(const QByteArray& untrusted);

// The vendor's zone-less `YYYY-MM-DD HH:MM:SS` (UTC+8) of a UTC moment, and back (invalid when malformed).
QString vendorTime(const QDateTime& utc);
QDateTime parseVendorTime(const QString& text);

bool isTerminalWord(const QString& status); // SUCCESS, SUCCEED, FAILED, KILLED, REMOVED
// DescribeTasks' TaskStatus numbers (request filter) -> the words it lists; empty for other numbers.
QString taskStatusWord(qint64 number);
// DescribeTasks' TaskTypes numbers -> TaskType strings; empty for other numbers (4 is not used).
QString taskTypeWord(qint64 number);
// DescribeTasks' Progress of a status without a scripted one: 0 before it runs, 100 when finished, else 50.
int derivedProgress(const std::optional<QString>& status);

// Body parameters typed as the vendor documents them. Integer is the SDKs' int64: a whole JSON number that
// fits in 64 bits.
bool integerParam(const QJsonValue& value, qint64 min, qint64 max, qint64* out); // an Integer in [min, max]
bool integerListParam(const QJsonValue& value, QList<qint64>* out); // an array of Integer, any length
bool stringListParam(const QJsonValue& value, QStringList* out);    // an array of strings (bounded)

// An AsyncRequestId as the vendor issues them, in any case: four groups of 8 hex digits
// (f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7) or a UUID (7ef78bec-0111-43af-bb11-111112fb54a7).
bool isAsyncRequestId(const QString& id);
// A region name: 1 to 128 ASCII letters, digits and dashes.
bool isRegionName(const QString& name);

// The malformed DescribeTasks items of Emulator::setMalformedTaskItems(), by index.
QJsonValue malformedTaskItem(int index);

} // namespace taskwatch::sim::vendor
