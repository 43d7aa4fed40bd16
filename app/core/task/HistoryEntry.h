// One observed change of a task (status, Info or error code): a row of history and of the CSV export.
#pragma once

#include "task/TaskKey.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <optional>

namespace taskwatch {

struct HistoryEntry {
    QDateTime observedAt;                               // UTC
    QString profile;                                    // the account the task was watched under
    QString product = QString::fromLatin1(kCdbProduct); // the task's product (registry key)
    QString taskId;
    QString region;
    std::optional<QString> status;
    std::optional<QString> vendorStatus; // the vendor's word for the status (for cdb the same as status)
    std::optional<QString> info;
    QString errorCode;
    QString errorMessage;
    QString requestId;
    bool operator==(const HistoryEntry&) const = default;
};

inline QString taskKey(const HistoryEntry& entry) {
    return taskKey(entry.profile, entry.product, entry.taskId);
}

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::HistoryEntry)
