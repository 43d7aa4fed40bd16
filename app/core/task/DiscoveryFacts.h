// What DescribeTasks says about a task (see discovery/Discovery.h). Empty for a task only pasted, never
// discovered.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace taskwatch {

struct DiscoveryFacts {
    qint64 jobId = 0;
    QString taskType; // the vendor's TaskType ("MODIFY PARAM"), verbatim (bounded)
    QStringList instanceIds;
    QString instanceName;          // of the first instance, from DescribeDBInstances (empty: unknown)
    std::optional<int> progress;   // 0..100
    QDateTime startedAt;           // UTC
    QDateTime endedAt;             // UTC; invalid while not ended
    std::optional<QString> status; // DescribeTasks' status in our words (SUCCEED -> SUCCESS)
    int taskCode = 0;              // DescribeTasks' Code: 0 = no error
    QString taskMessage;           // its Message (bounded, untrusted)
    QDateTime listedAt;            // when DescribeTasks last reported it (UTC); invalid: never
    bool isDiscovered() const { return listedAt.isValid(); }
    bool operator==(const DiscoveryFacts&) const = default;
};

} // namespace taskwatch
