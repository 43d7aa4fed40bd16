// One observed change of a task (status, Info or error code): a row of history and of the CSV export.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <optional>

namespace taskwatch {

struct HistoryEntry {
    QDateTime observedAt; // UTC
    QString profile;      // the account the task was watched under
    QString taskId;
    QString region;
    std::optional<QString> status;
    std::optional<QString> info;
    QString errorCode;
    QString errorMessage;
    QString requestId;
    bool operator==(const HistoryEntry&) const = default;
};

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::HistoryEntry)
