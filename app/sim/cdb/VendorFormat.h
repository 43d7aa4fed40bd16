// cdb's own wire formats, on top of the shared ones (gateway/Wire.h): DescribeTasks' status and type numbers
// and words, its derived Progress, what an AsyncRequestId looks like.
#pragma once

#include "gateway/Wire.h"

#include <QJsonValue>
#include <QString>
#include <optional>

namespace taskwatch::sim::vendor {

bool isTerminalWord(const QString& status); // SUCCESS, SUCCEED, FAILED, KILLED, REMOVED
// DescribeTasks' TaskStatus numbers (request filter) -> the words it lists; empty for other numbers.
QString taskStatusWord(qint64 number);
// DescribeTasks' TaskTypes numbers -> TaskType strings; empty for other numbers (4 is not used).
QString taskTypeWord(qint64 number);
// DescribeTasks' Progress of a status without a scripted one: 0 before it runs, 100 when finished, else 50.
int derivedProgress(const std::optional<QString>& status);

// An AsyncRequestId as the vendor issues them, in any case: four groups of 8 hex digits
// (f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7) or a UUID (7ef78bec-0111-43af-bb11-111112fb54a7).
bool isAsyncRequestId(const QString& id);

// The malformed DescribeTasks items of Emulator::setMalformedTaskItems(), by index.
QJsonValue malformedTaskItem(int index);

} // namespace taskwatch::sim::vendor
