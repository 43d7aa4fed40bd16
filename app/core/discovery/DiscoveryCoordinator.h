// Discovery and the listings that drive polling, for the board: which (account, region) listings run and
// when, and what a listing means for the tasks.
//
// Tracking: every (account, region) with unfinished tasks — pasted or discovered — has its unfinished tasks
// listed (DescribeTasks with the unfinished TaskStatus numbers, a start-time window wide enough for them,
// every page) every tracking interval while any is unfinished. ListingMatch decides what a listing means:
// a task it shows is covered (its per-id adaptive polling waits, PollScheduler::cover) and polled once by id
// when its listed status or progress changed; a covered task that left the listing is polled once; a task it
// does not show keeps its per-id adaptive polling. A new, restored or resumed task waits a moment for the
// next listing before its first per-id poll. A listing that failed or is not complete changes nothing; the
// covers it did not renew run out and per-id polling resumes. A refusal for want of cdb:DescribeTasks stops
// the tracking listings of the account silently (pasted ids are polled by id, as without listings); a region
// the account does not have is not tracked. A job-only task (no AsyncRequestId) that left the unfinished
// listing makes the next listing one of every status, which says how it ended. A region whose listing shows
// none of its tasks is listed again only every idle interval.
//
// Discovery: discover() lists every region with the user's filters now (and every follow interval while
// following); tasks it finds join the board. One with an AsyncRequestId unfinished is covered and shows the
// listed status until DescribeAsyncRequestInfo answers it; one finished when discovered is shown with its
// final state and never polled; one without an AsyncRequestId follows the listings only. Once a listing shows
// a polled task finished, it gets at most one more DescribeAsyncRequestInfo (for its Info), then the
// listing's final state. A discovered task the user removed is not added again by a listing (until added by
// hand or put back). Only these listings are announced (finished(), failed()).
//
// It decides; the board writes: every change to a task goes through the TaskBoard, the owner of task state.
#pragma once

#include "discovery/DiscoveryClient.h"
#include "discovery/DiscoveryRequest.h"
#include "discovery/ListingMatch.h"
#include "task/TaskState.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <map>
#include <optional>
#include <utility>

namespace taskwatch {

class TaskBoard;

class DiscoveryCoordinator : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kTrackMs = 2000;      // the unfinished tasks of a region listed again
    static constexpr qint64 kIdleTrackMs = 30000; // ... when the last listing showed none of its tasks
    static constexpr qint64 kFollowIntervalMs = 60000;
    enum class Failure { PermissionDenied, UnsupportedRegion, AuthRejected, Failed };
    Q_ENUM(Failure)

    explicit DiscoveryCoordinator(TaskBoard* board);

    // Lists every region now (once per region even when asked again while listing). Needs the account.
    void discover(const QString& profile, const DiscoveryRequest& request);
    // For tests: shorter intervals than kTrackMs / kFollowIntervalMs (the idle interval scales with the
    // tracking one).
    void setIntervals(qint64 trackMs, qint64 followMs);
    void stopFollowing(const QString& profile = {}); // empty: every profile
    bool isFollowing(const QString& profile) const;
    bool isDiscovering() const; // a discovery listing is under way

    // The account's DiscoveryClient exists now: its listings are heard and its tasks listed.
    void accountStarted(const QString& profile);
    // The account's credentials or endpoint were set again: its listings may be permitted now.
    void accountConfigured(const QString& profile);
    // Tasks joined the board (added, restored, put back): each waits a moment for a listing of its region
    // before its first per-id poll.
    void tasksJoined(const QStringList& keys);
    // A poll of the task was answered: after the one more poll of a task listed finished, it ends.
    void taskPolled(const QString& key, bool finished);
    // The user removed tasks: discovered ones are not added again by a listing.
    void tasksRemoved(const QList<const TaskState*>& tasks);
    // The user added them again (by hand, or undo): listings may add them again.
    void tasksReadded(const QStringList& keys);

    // How long a listing covers a task it shows, and how long a new task waits for its first listing.
    qint64 coverMs() const { return 4 * m_trackMs + 2000; }
    qint64 firstListingWaitMs() const { return m_trackMs + 1000; }

signals:
    // A discovery listing of (profile, region) ended: `found` tasks listed, `added` of them new on the board.
    void finished(const QString& profile, const QString& region, int found, int added, int malformed,
                  const QString& warning);
    void failed(const QString& profile, const QString& region, taskwatch::DiscoveryCoordinator::Failure kind,
                const QString& message);

private:
    struct RegionWatch {
        // What the user asked to discover: listed now, and every follow interval while following.
        Discovery::Query query;
        bool hasQuery = false;
        bool follow = false;
        quint64 discoverListing = 0; // under way (DiscoveryClient's id; 0: none)
        qint64 discoveredAt = -1;    // steady ms of the last one's start; -1: never
        // The listings that drive polling.
        quint64 trackListing = 0;
        ListingMatch::Kind trackKind = ListingMatch::Kind::Unfinished;
        qint64 trackedAt = -1; // steady ms of the last one's start; -1: never
        int trackFailures = 0; // failed in a row: the next one waits longer
        bool lastComplete = false;
        bool needAllStatuses = false; // a job-only task left: list every status next
        bool showsAny = false;        // the last complete listing showed some task of the region
        QSet<QString> covered;        // keys it showed unfinished
        QSet<QString> expected;       // keys watched when the listing under way started
        QSet<QString> pending;        // keys joined since: list now
        bool unsupported = false;     // the account has no such region
    };
    using WatchKey = std::pair<QString, QString>; // (profile, region)
    using RegionTasks = QHash<WatchKey, QList<const TaskState*>>;

    bool canList(const QString& profile) const;
    bool canTrack(const QString& profile) const;
    RegionTasks unfinishedByRegion() const;
    std::optional<qint64> trackDueAt(const RegionWatch& watch, bool hasTasks, qint64 now) const;
    std::optional<qint64> followDueAt(const QString& profile, const RegionWatch& watch) const;
    void schedule();
    void onTick();
    void listDiscovery(const WatchKey& key, RegionWatch& watch);
    void listTracking(const WatchKey& key, RegionWatch& watch, const QList<const TaskState*>& tasks);

    void onListed(const QString& profile, const DiscoveryClient::Result& result);
    void onTracked(const WatchKey& key, RegionWatch& watch, const DiscoveryClient::Result& result);
    void onDiscovered(const WatchKey& key, RegionWatch& watch, const DiscoveryClient::Result& result);
    void onListingFailed(const QString& profile, const DiscoveryClient::Failure& failure);
    void onTrackingFailed(const WatchKey& key, RegionWatch& watch, const DiscoveryClient::Failure& failure);
    void onDiscoveryFailed(const WatchKey& key, const DiscoveryClient::Failure& failure);
    void onAttemptFailed(const QString& profile, quint64 listing);
    // The tasks waiting for the first listing of the region are polled by id now (it failed, or is late).
    void releasePending(const RegionWatch& watch);

    QList<ListingMatch::Watched> watchedOf(const QString& profile, const QSet<QString>& keys,
                                           const RegionWatch& watch) const;
    void apply(const QString& profile, const DiscoveryClient::Result& result,
               const QList<ListingMatch::Watched>& watched, const ListingMatch::Decisions& decisions,
               RegionWatch& watch);
    QString addListed(const QString& profile, const Discovery::Item& item, RegionWatch& watch,
                      const QDateTime& now);
    // Whether the account's tracking listings run changed: its tasks join again, or lose their covers.
    void updateTracking(const QString& profile);
    void rejoin(const QString& profile);
    void uncover(const QString& profile, const QString& region = {}); // empty region: every region
    void forgetListings(const QString& profile);                      // its DiscoveryClient is gone

    TaskBoard* m_board;
    std::map<WatchKey, RegionWatch> m_watches;
    QSet<QString> m_finalPoll;       // keys a listing showed finished: one more poll, then none
    QSet<QString> m_dismissed;       // discovered tasks the user removed: not added again by discovery
    QSet<QString> m_listingDenied;   // profiles whose tracking listings were refused (cdb:DescribeTasks)
    QHash<QString, bool> m_tracking; // profile -> its tracking listings run (canTrack) as last seen
    QTimer m_timer;                  // single shot: the next listing due
    qint64 m_trackMs = kTrackMs;
    qint64 m_followMs = kFollowIntervalMs;
};

} // namespace taskwatch
