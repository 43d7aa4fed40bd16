// Discovery for the board: which (account, region) listings run and when, and what a listing means for the
// tasks. Tasks discovered through DescribeTasks join the board: one with an AsyncRequestId unfinished is
// polled like a pasted one (DescribeAsyncRequestInfo stays the source of its status and Info); one finished
// when discovered is shown with its final state and never polled; one without an AsyncRequestId is keyed by
// its JobId and follows the listing only. Type, instance, progress, start and end come from DescribeTasks,
// listed again per (account, region) every refresh interval while the region has unfinished discovered tasks,
// and every follow interval while following. Once DescribeTasks shows a polled task finished, it gets at most
// one more DescribeAsyncRequestInfo (for its Info), then the listing's final state. A discovered task the
// user removed is not added again by a listing (until added by hand or put back).
//
// It decides; the board writes: every change to a task goes through the TaskBoard, the owner of task state.
#pragma once

#include "discovery/DiscoveryClient.h"
#include "discovery/DiscoveryRequest.h"
#include "task/TaskState.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <map>
#include <utility>

namespace taskwatch {

class TaskBoard;

class DiscoveryCoordinator : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kRefreshMs = 15000;
    static constexpr qint64 kFollowIntervalMs = 60000;
    enum class Failure { PermissionDenied, UnsupportedRegion, AuthRejected, Failed };
    Q_ENUM(Failure)

    explicit DiscoveryCoordinator(TaskBoard* board);

    // Lists every region now (once per region even when asked again while listing). Needs the account.
    void discover(const QString& profile, const DiscoveryRequest& request);
    // For tests: shorter intervals than kRefreshMs / kFollowIntervalMs.
    void setIntervals(qint64 refreshMs, qint64 followMs);
    void stopFollowing(const QString& profile = {}); // empty: every profile
    bool isFollowing(const QString& profile) const;
    bool isDiscovering() const; // a listing is under way

    // The account's DiscoveryClient exists now: its listings are heard, and the regions of its unfinished
    // discovered tasks (e.g. restored) are listed again.
    void accountStarted(const QString& profile);
    // Tasks of the account were restored: the regions of its unfinished discovered ones are listed again.
    void tasksRestored(const QString& profile) { ensureRefreshWatches(profile); }
    // A poll of the task was answered: after the one more poll of a task listed finished, it ends.
    void taskPolled(const QString& key, bool finished);
    // The user removed tasks: discovered ones are not added again by a listing.
    void tasksRemoved(const QList<const TaskState*>& tasks);
    // The user added them again (by hand, or undo): listings may add them again.
    void tasksReadded(const QStringList& keys);

signals:
    // A listing of (profile, region) ended: `found` tasks listed, `added` of them new on the board.
    void finished(const QString& profile, const QString& region, int found, int added, int malformed,
                  const QString& warning);
    void failed(const QString& profile, const QString& region, taskwatch::DiscoveryCoordinator::Failure kind,
                const QString& message);

private:
    struct RegionWatch {
        Discovery::Query query;
        bool follow = false;
        bool listing = false;
        qint64 listedAt = -1; // steady ms of the last listing's start; -1: never
    };
    using WatchKey = std::pair<QString, QString>; // (profile, region)

    void listRegion(const QString& profile, const QString& region);
    void onListed(const QString& profile, const DiscoveryClient::Result& result);
    void onListingFailed(const QString& profile, const DiscoveryClient::Failure& failure);
    void mergeItem(const QString& profile, const Discovery::Item& item, const Discovery::Query& query,
                   const QDateTime& now, QStringList* added);
    bool hasUnfinishedDiscovered(const QString& profile, const QString& region) const;
    void ensureRefreshWatches(const QString& profile);
    void onTick();

    TaskBoard* m_board;
    std::map<WatchKey, RegionWatch> m_watches;
    QSet<QString> m_finalPoll; // keys DescribeTasks showed finished: one more poll, then none
    QSet<QString> m_dismissed; // discovered tasks the user removed: not added again by discovery
    QTimer m_timer;
    qint64 m_refreshMs = kRefreshMs;
    qint64 m_followMs = kFollowIntervalMs;
};

} // namespace taskwatch
