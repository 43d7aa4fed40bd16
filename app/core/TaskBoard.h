// The task board: the one owner of every watched task's state, and the facade the window and `watch` drive.
// It is the only writer of TaskState: the pollers report outcomes, discovery decides what a listing means,
// the journal writes and announces, and each change is applied here (with TaskLifecycle's phase rules).
// Everything else holds pointers to its tasks (task(); valid until tasksAboutToBeRemoved) or receives copies
// in signals.
//
// Tasks are keyed by (profile, product, task id) (see taskKey()): the same id may be watched under two
// accounts, and two products may use the same number. Each profile in use has an AccountPoller — per product
// its own client and scheduler, its budgets and status (an authentication failure holds only that account's
// tasks). A profile whose credentials are not known (yet, or no more) keeps
// its tasks, shown as held with the reason.
//
// Changes are batched by the HistoryJournal: at most every 100 ms they are written to the TaskStore in one
// transaction and then announced with tasksUpdated() / changesObserved() / tasksFinished().
#pragma once

#include "accounts/AccountConfig.h"
#include "discovery/DiscoveryCoordinator.h"
#include "discovery/DiscoveryRequest.h"
#include "history/HistoryJournal.h"
#include "polling/AccountStatus.h"
#include "polling/PollOptions.h"
#include "task/AddReport.h"
#include "task/HistoryEntry.h"
#include "task/PollOutcome.h"
#include "task/TaskList.h"
#include "task/TaskState.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace taskwatch {

class AccountPoller;
class PollScheduler;
class ProductDiscovery;
class TaskStore;

class TaskBoard : public TaskList {
    Q_OBJECT
public:
    using FlushMode = HistoryJournal::FlushMode;
    using DiscoveryFailure = DiscoveryCoordinator::Failure;

    // `store` may be null (watch --no-history); it must outlive the board. `poll` applies to every account.
    explicit TaskBoard(TaskStore* store, PollOptions poll = {}, QObject* parent = nullptr);
    ~TaskBoard() override; // writes what is not written yet

    // ------------------------------------------------------------------------------------------ accounts
    // Starts the account's polling, or switches it to these credentials and endpoint (resuming after an
    // authentication failure).
    void setAccount(const QString& profile, const AccountConfig& config);
    // The profile's credentials are missing: its tasks are held with `reason` (translated).
    void setAccountMissing(const QString& profile, const QString& reason);
    // The profile was deleted: its polling stops at once and its tasks are held with `reason`.
    void removeAccount(const QString& profile, const QString& reason);
    // Tries the same credentials again after an authentication failure.
    void resumeAccount(const QString& profile);
    bool hasAccount(const QString& profile) const; // polling was started
    AccountStatus accountStatus(const QString& profile) const;
    const AccountConfig* accountConfig(const QString& profile) const;
    QStringList profiles() const;                        // profiles with an account or with tasks, sorted
    QStringList taskProfiles() const;                    // profiles that have tasks, sorted
    AccountPoller* poller(const QString& profile) const; // null when the profile has none
    // Each account paces with the budget of its SecretId shared by every process of the user (SharedBudget);
    // off: each board paces on its own (in-process tests and benchmarks with several emulators). Set before
    // the first setAccount().
    void setSharedBudget(bool shared) { m_sharedBudget = shared; }
    bool isBudgetShared() const { return m_sharedBudget; }

    // The profile used when ids are added without one (the GUI's active profile, watch's profile).
    QString defaultProfile() const override { return resolveProfile({}); } // "default" unless set
    void setDefaultProfile(const QString& profile) { m_defaultProfile = profile; }
    // The region for ids added to `profile` without one: the account's, else the last used, else the default.
    QString defaultRegion(const QString& profile = {}) const;
    void setLastRegion(const QString& region) { m_lastRegion = region; } // e.g. remembered by the GUI

    // ----------------------------------------------------------------------------------------- discovery
    // Lists every region of the request now (see DiscoveryCoordinator; another product's: ProductDiscovery).
    // Needs the account.
    void discover(const DiscoveryRequest& request);
    // For tests: shorter intervals than the coordinator's tracking and follow intervals.
    void setDiscoveryIntervals(qint64 trackMs, qint64 followMs);
    void stopFollowing(const QString& profile = {}); // empty: every profile
    bool isFollowing(const QString& profile) const;
    bool isDiscovering() const; // a listing is under way

    // --------------------------------------------------------------------------------------------- tasks
    // Adds the ids found in any text (announced at once with tasksAdded()); profile/region empty: defaults.
    // cdb's ids are found anywhere; other products' ids when named (`redis:18215`), and bare numbers as ids
    // of `bareNumbersProduct` (a product key; empty: bare numbers are no ids). See NamedTaskIds.
    AddReport addText(const QString& text, const QString& profile = {}, const QString& region = {},
                      const QString& bareNumbersProduct = {});
    // The same for ids of one product already extracted (canonical: ProductAdapter::normaliseId; `product`
    // empty: cdb; an unknown product adds nothing); returns the keys that were new. One store transaction.
    QStringList addIds(const QStringList& ids, const QString& profile = {}, const QString& region = {},
                       const QString& product = {});
    // Every task stored in the TaskStore, each under its profile (start-up). Returns how many; -1 when the
    // stored tasks could not be read (the store's lastError() says why).
    int restore();
    // Adds tasks whose state is known already (restore() uses it; also imports and tests). Not written to the
    // store. A task without a profile goes to the default one. Returns the new keys.
    QStringList adopt(const QList<TaskState>& states);
    // Removes the tasks; their history stays, and a removed discovered task is not added again by discovery
    // (until added by hand or put back). Nothing is removed when the store cannot remove them (false;
    // storeFailed() says why).
    bool remove(const QStringList& keys);
    // Puts removed tasks back (undo of remove()/clearFinished()): adopt()s the states and writes them to the
    // store again. Unfinished ones are polled again. Returns the keys put back.
    QStringList reinstate(const QList<TaskState>& states);
    QStringList clearFinished(); // removes every finished task; returns their keys (none when that failed)
    void retry(const QStringList& keys);
    void refreshNow(const QStringList& keys = {}); // empty: every unfinished task (still paced)
    // The user looks at these tasks: back to the minimum interval (adaptive polling), no extra poll; a task
    // a listing covers is polled once for its Info (unless answered within the minimum interval).
    void touch(const QStringList& keys);
    void setPaused(bool paused);
    bool isPaused() const override { return m_paused; }
    // The adaptive intervals' cap for every account (PollOptions::maxIntervalMs; the GUI's setting).
    void setMaxIntervalMs(int ms);
    const PollOptions& pollOptions() const { return m_poll; }

    const TaskState* task(const QString& key) const override; // valid until its tasksAboutToBeRemoved
    QStringList keys() const override;                        // in the order they were added
    int count() const { return int(m_tasks.size()); }
    int activeCount() const;
    int finishedCount() const { return count() - activeCount(); }
    // True when `predicate` holds for some task (in the order they were added; it stops there).
    bool anyTask(const std::function<bool(const TaskState&)>& predicate) const;
    double currentRate() const;     // requests in the last second, all accounts
    qint64 msUntilNextPoll() const; // the soonest of all accounts; -1 when nothing is scheduled
    int inFlightCount() const;
    bool isHeldByAuth() const; // some account is held

    // The task's observed changes, oldest first, the newest HistoryJournal::kMaxTimeline (from the store).
    QList<HistoryEntry> timeline(const QString& key) const;
    // Writes and announces what is pending now (All: also every "last checked" not written yet).
    void flush(FlushMode mode = FlushMode::Changed);

signals: // and TaskList's: tasksAdded, tasksUpdated (batched), tasksAboutToBeRemoved, pausedChanged
    void changesObserved(const QList<taskwatch::HistoryEntry>& entries); // batched; already in the store
    void tasksFinished(const QStringList& keys); // batched; terminal status or permanent error
    void accountChanged(const QString& profile); // its status or config changed
    void authFailed(const QString& profile, const QString& code, const QString& message);
    void clockCorrected(const QString& profile, qint64 offsetSeconds);
    void rateLimited(const QString& profile, const QString& code);
    void storeFailed(const QString& message); // a write to the history failed (polling goes on)
    void pacingFallback(const QString& profile, const QString& warning); // emitted once per new credential
    void allDone(); // a batch left every task finished (once per transition)
    // A listing of (profile, region) ended: `found` tasks listed, `added` of them new on the board.
    void discoveryFinished(const QString& profile, const QString& region, int found, int added, int malformed,
                           const QString& warning);
    void discoveryFailed(const QString& profile, const QString& region,
                         taskwatch::TaskBoard::DiscoveryFailure kind, const QString& message);

private:
    friend class DiscoveryCoordinator; // decides what listings mean; writes through the methods below
    friend class ProductDiscovery;     // the same for the other products' listings

    AccountPoller& ensurePoller(const QString& profile);
    QString resolveProfile(const QString& profile) const;
    TaskState* find(const QString& key) const;
    // The scheduler of a task's account and product (its lane created on first use); null for no task and
    // while the account does not poll.
    PollScheduler* schedulerOf(const TaskState* task) const;
    TaskState& insert(TaskState state, const QString& key);
    bool isHeld(const QString& profile) const;
    void onPolled(const QString& profile, const PollOutcome& outcome);
    void onHoldChanged(const QString& profile, bool held);
    void onAccountStarted(const QString& profile);
    void onCommitted(const QStringList& updated, const QList<HistoryEntry>& changes,
                     const QStringList& finished);
    void announceAdded(const QStringList& keys);

    // Discovery's writes (DiscoveryCoordinator).
    void updateListedFacts(const QString& key, DiscoveryFacts facts, const QDateTime& now);
    QString addListed(const QString& profile, const QString& id, const QString& region,
                      const DiscoveryFacts& facts, const QDateTime& now,
                      const QString& product = QString::fromLatin1(kCdbProduct),
                      const std::optional<QString>& vendorStatus = std::nullopt);
    bool pollNow(const QString& key); // false: the task is not polled
    // One DescribeAsyncRequestInfo answered from a request sent at or after `notSentBefore` (the poller's
    // clock; see PollScheduler::pollOnce).
    bool pollOnce(const QString& key, qint64 notSentBefore);
    // A listing covers the task for `forMs` (0: no more): see PollScheduler::cover.
    void cover(const QString& key, qint64 forMs);
    // A whole listing does not show the task: polled by id at a steady interval for `forMs` (see
    // PollScheduler::markUnlisted).
    void markUnlisted(const QString& key, qint64 forMs);
    void finishFromListing(const QString& key);

    PollOptions m_poll;
    std::vector<std::unique_ptr<TaskState>> m_tasks; // in the order they were added
    QHash<QString, TaskState*> m_byKey;
    std::map<QString, std::unique_ptr<AccountPoller>> m_pollers;
    HistoryJournal m_journal;
    DiscoveryCoordinator* m_discovery;    // a child
    ProductDiscovery* m_productDiscovery; // a child
    QString m_defaultProfile;
    QString m_lastRegion;
    bool m_paused = false;
    bool m_allDoneEmitted = false;
    bool m_sharedBudget = true;
};

} // namespace taskwatch
