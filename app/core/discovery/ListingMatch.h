// What one DescribeTasks listing of a region means for the tasks watched there, as pure decisions (no clock,
// no network, no writes): which task gets one DescribeAsyncRequestInfo now, which the listing covers (its
// per-id polling waits for the next listing) and which it does not show (per-id polling, steady), and
// whether a listing of every status must follow (a task without an AsyncRequestId left the unfinished
// listing: only such a listing says how it ended). The DiscoveryCoordinator applies them through the board.
//
// The rules, per watched task:
// - listed unfinished: covered; polled once when its listed status or progress differs from the last
//   listing's (or, listed for the first time, its status from DescribeAsyncRequestInfo differs). One never
//   answered by DescribeAsyncRequestInfo shows the listed status instead (TaskLifecycle::showListedStatus).
// - listed finished: polled once (its Info and RequestId; the terminal answer ends it).
// - absent from a complete listing of the unfinished tasks: no longer covered; unlisted (polled by id at a
//   steady interval, see PollScheduler::markUnlisted) when the listing shows some other watched task, else
//   on its adaptive schedule; polled once when it was covered (it left the listing: finished, or waiting).
// - a listing that is not complete (a page failed, pages disagreed, cut off, malformed items) decides nothing
//   for the tracking listings; a discovery listing (the user's filters) judges only the tasks it shows.
#pragma once

#include "discovery/Discovery.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace taskwatch::ListingMatch {

enum class Kind {
    Unfinished,  // the region's unfinished tasks (TaskStatus filter): absence means it left
    AllStatuses, // every status since the oldest job-only task watched: how job-only tasks ended
    Discovery    // the user's query (filters): says nothing about the tasks it does not show
};

// A task of the region watched when the listing started, as it stands before the listing is applied.
struct Watched {
    QString key;
    QString id; // as listed: the AsyncRequestId (lowercase) or jobTaskId()
    bool jobOnly = false;
    bool covered = false;  // the previous listing showed it unfinished
    bool answered = false; // TaskState::wasAnswered()
    std::optional<QString> status;
    bool listedBefore = false; // facts from an earlier listing (this run or before)
    std::optional<QString> listedStatus;
    std::optional<int> listedProgress;
};

struct Decisions {
    QStringList pollOnce;         // one DescribeAsyncRequestInfo now
    QStringList finishedListed;   // of pollOnce: listed with a terminal status
    QStringList cover;            // listed unfinished: its per-id polling waits for the listings
    QStringList uncover;          // per-id adaptive polling (listed finished: its one more poll ends it)
    QStringList unlisted;         // absent from a whole listing that shows others: per-id, steady
    bool needAllStatuses = false; // a job-only task left the unfinished listing
    bool isEmpty() const {
        return pollOnce.isEmpty() && cover.isEmpty() && uncover.isEmpty() && unlisted.isEmpty() &&
               !needAllStatuses;
    }
};

// `complete`: DiscoveryClient::Result::complete.
Decisions match(Kind kind, bool complete, const QList<Discovery::Item>& items, const QList<Watched>& watched);

// Whether a listed task differs from what the task shows (see the rules above).
bool changed(const Watched& task, const Discovery::Item& item);

} // namespace taskwatch::ListingMatch
