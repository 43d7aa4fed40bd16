// DescribeTasks and DescribeDBInstances in our terms: request bodies, parsing of their pages, and the one
// place where the vendor's words and times become ours (SUCCEED -> SUCCESS; zone-less times in China
// Standard Time -> UTC; an empty or zero EndTime -> not ended). Pure functions, no network: the
// DiscoveryClient sends, the TaskBoard merges.
#pragma once

#include "task/DiscoveryFacts.h"
#include "task/TaskKey.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace taskwatch::Discovery {

inline constexpr auto kTasksAction = "DescribeTasks";
inline constexpr auto kInstancesAction = "DescribeDBInstances";
inline constexpr int kMaxRate = 50;    // per action and account (the vendor's older pages; newer: 100)
inline constexpr int kPageLimit = 100; // DescribeTasks' maximum Limit
inline constexpr int kInstancePageLimit = 100; // DescribeDBInstances allows 2000; 100 keeps pages < 1 MiB
inline constexpr int kMaxPages = 100;          // per listing (10,000 tasks); beyond: reported as cut off
inline constexpr qint64 kInstanceNamesMaxAgeMs = 10 * 60 * 1000; // refreshed at most every 10 minutes

// THE vendor time zone: DescribeTasks' StartTime/EndTime and StartTimeBegin/End carry no zone; they are
// China Standard Time, the console's time. Change this one line if that proves wrong.
inline constexpr int kVendorUtcOffsetSecs = 8 * 3600;

// "YYYY-MM-DD HH:MM:SS" (vendor time) -> UTC; invalid for empty, "0000-00-00 00:00:00" and malformed text.
QDateTime parseVendorTime(const QString& text);
QString formatVendorTime(const QDateTime& time); // any zone -> vendor time text

// DescribeTasks' TaskStatus in our words: SUCCEED -> SUCCESS, every other word verbatim (bounded);
// empty or absent -> nullopt. WAITING and UNDEFINED are unfinished (TaskStatus::isTerminal).
std::optional<QString> statusFromVendor(const QString& word);

// The documented task types: number (request filter TaskTypes), vendor string (TaskType) and a readable,
// translated name.
struct TaskTypeInfo {
    int number;
    const char* vendor;
    const char* readable; // QT_TRANSLATE_NOOP("Discovery", ...)
};
const QList<TaskTypeInfo>& taskTypes();
// "MODIFY PARAM", "modify-param", "modify_param", "Modify Param" or "5" -> 5; nullopt when unknown.
std::optional<int> taskTypeNumber(const QString& text);
// The readable, translated name of a vendor TaskType ("MODIFY PARAM" -> "Modify parameters"); unknown
// strings verbatim.
QString readableTaskType(const QString& vendor);

// Status words a user may filter by (`--status`): our words, lowercase or not; "running" = every unfinished
// task. Returns false for an unknown word.
bool isStatusFilterWord(const QString& word);
bool matchesStatus(const std::optional<QString>& status, const QStringList& filterWords); // empty: all

// `--since` and the GUI's custom start: a duration back from `now` ("90m", "24h", "7d", "2w", "45s") or an
// ISO-8601 time ("2026-12-01T08:00:00Z", "2026-12-01 08:00"; without a zone: local time). nullopt when
// neither, or in the future.
std::optional<QDateTime> parseSince(const QString& text, const QDateTime& now);
inline constexpr auto kDefaultSince = "24h";

// What to list in one region.
struct Query {
    QString region;
    QDateTime since;         // StartTimeBegin; invalid: none
    QDateTime until;         // StartTimeEnd; invalid: none
    QStringList instanceIds; // empty: every instance (one: sent as InstanceId; more: filtered here)
    QList<int> taskTypes;    // TaskTypes numbers; empty: all
    QStringList statuses;    // our status words (see isStatusFilterWord); filtered here
    bool onlyUnfinished = false;
    QList<int> statusNumbers; // TaskStatus numbers (the server filters); empty: every status
    bool operator==(const Query&) const = default;
};

// The TaskStatus numbers of the unfinished statuses: -1 UNDEFINED, 0 INITIAL, 1 RUNNING, 6 PAUSED. WAITING
// has no number: a listing by status never shows a waiting task.
QList<int> unfinishedStatusNumbers();

QByteArray tasksRequestBody(const Query& query, int offset, int limit = kPageLimit);
QByteArray instancesRequestBody(const QStringList& instanceIds, int offset, int limit = kInstancePageLimit);

// One task of a DescribeTasks page.
struct Item {
    QString id; // the AsyncRequestId (lowercase), or jobTaskId(JobId) when it has none
    QString region;
    DiscoveryFacts facts; // listedAt is left invalid (the caller sets it)
    bool hasAsyncRequestId() const { return !isJobTaskId(id); }
};

struct TasksPage {
    int totalCount = 0;
    QList<Item> items;
    int malformed = 0; // items skipped: not an object, no usable JobId or AsyncRequestId, wrong types
};
TasksPage parseTasksPage(const QJsonObject& response, const QString& region);

struct InstancesPage {
    int totalCount = 0;
    QHash<QString, QString> names; // InstanceId -> InstanceName (bounded, untrusted)
    int malformed = 0;
};
InstancesPage parseInstancesPage(const QJsonObject& response);

// Whether an item passes the filters DescribeTasks cannot apply itself (several instances, our status
// words, only unfinished).
bool matches(const Query& query, const Item& item);

// DiscoveryFacts as stored with a task (TaskStore): compact JSON; unreadable text gives empty facts.
QByteArray factsToJson(const DiscoveryFacts& facts);
DiscoveryFacts factsFromJson(const QByteArray& json);

} // namespace taskwatch::Discovery
