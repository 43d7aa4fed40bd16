// The task board: the one owner of every watched task and of the accounts that poll them. The GUI and the
// `watch` command both drive polling through it; the table model and the CLI output only listen to it.
//
// Tasks are keyed by (profile, task id) (see taskKey()): the same id may be watched under two accounts. Each
// profile in use has its own poller — its own QNetworkAccessManager, signed ApiClient and PollScheduler, so
// its own 40/s pacing budget and its own credential state (an authentication failure holds only that
// account's tasks). A profile whose credentials are not known (yet, or no more) keeps its tasks, shown as
// held with the reason.
//
// Changes are batched: results are collected and, at most every flushIntervalMs (100 ms), written to the
// TaskStore in one transaction — an observed change (status, Info or error code) is committed before it is
// announced, so whatever is printed or shown survives a crash — and then announced with tasksUpdated() /
// changesObserved() / tasksFinished(). A poll that only moved "last checked" is written at most every
// kCheckedWriteMs, and at flush(FlushAll) (exit).
#pragma once

#include "accounts/AccountConfig.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "discovery/Discovery.h"
#include "discovery/DiscoveryClient.h"
#include "discovery/DiscoveryRequest.h"
#include "polling/PollScheduler.h"
#include "task/AddReport.h"
#include "task/HistoryEntry.h"
#include "task/TaskState.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace taskwatch {

class TaskStore;

enum class AccountState {
    Unknown,            // tasks restored, credentials not resolved yet
    CredentialsMissing, // no credentials for the profile (keychain entry gone, environment not set)
    Polling,            // polling (or idle: nothing unfinished)
    HeldByAuth          // the server rejected the credentials: nothing is sent until they change
};

class TaskBoard : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultFlushMs = 100;
    static constexpr qint64 kCheckedWriteMs = 60000; // "every >= 10 s" (issue 13): once a minute
    static constexpr int kMaxTimeline = 2000;        // observed changes kept per task for the timeline

    // `store` may be null (watch --no-history); it must outlive the board. `poll` applies to every account.
    explicit TaskBoard(TaskStore* store, PollOptions poll = {}, QObject* parent = nullptr);
    ~TaskBoard() override; // writes what is not written yet

    // ------------------------------------------------------------------------------------------ accounts
    // Creates the account's poller, or updates its credential/endpoint (resuming after an auth failure).
    void setAccount(const QString& profile, const AccountConfig& config);
    // The profile's credentials are missing: its tasks are held with `reason` (translated).
    void setAccountMissing(const QString& profile, const QString& reason);
    // Tries the same credentials again after an authentication failure.
    void resumeAccount(const QString& profile);
    bool hasAccount(const QString& profile) const; // a poller exists
    AccountState accountState(const QString& profile) const;
    QString accountProblem(const QString& profile) const;        // reason of CredentialsMissing / auth code
    QString accountProblemMessage(const QString& profile) const; // the server's message (untrusted)
    const AccountConfig* accountConfig(const QString& profile) const;
    QStringList profiles() const;                           // profiles with an account or with tasks, sorted
    QStringList taskProfiles() const;                       // profiles that have tasks, sorted
    PollScheduler* scheduler(const QString& profile) const; // null without a poller
    // Each account paces with the budget of its SecretId shared by every process of the user (SharedBudget);
    // off: each board paces on its own (in-process tests and benchmarks with several emulators). Set before
    // the first setAccount().
    void setSharedBudget(bool shared) { m_sharedBudget = shared; }
    // Non-empty when the account's shared budget could not be used and it paces on its own (translated).
    QString pacingWarning(const QString& profile) const;
    // Non-empty while the account's endpoint answers with a permanent HTTP error (a wrong URL, a redirect).
    QString endpointProblem(const QString& profile) const;
    ApiClient* client(const QString& profile) const;

    // The profile used when ids are added without one (the GUI's active profile, watch's profile).
    QString defaultProfile() const { return resolveProfile({}); } // "default" unless set
    void setDefaultProfile(const QString& profile) { m_defaultProfile = profile; }
    // The region for ids added to `profile` without one: the account's, else the last used, else the default.
    QString defaultRegion(const QString& profile = {}) const;
    void setLastRegion(const QString& region) { m_lastRegion = region; } // e.g. remembered by the GUI

    // ----------------------------------------------------------------------------------------- discovery
    // Tasks discovered through DescribeTasks join the board: one with an AsyncRequestId unfinished is polled
    // like a pasted one (DescribeAsyncRequestInfo stays the source of its status and Info); one finished
    // when discovered is shown with its final state and never polled; one without an AsyncRequestId is keyed
    // by its JobId and refreshed from DescribeTasks only. Type, instance, progress, start and end come from
    // DescribeTasks, listed again per (profile, region) every kDiscoveryRefreshMs while the region has
    // unfinished discovered tasks, and every kFollowIntervalMs while following. Once DescribeTasks shows a
    // polled task finished, it gets at most one more DescribeAsyncRequestInfo (for its Info), then none.
    static constexpr qint64 kDiscoveryRefreshMs = 15000;
    static constexpr qint64 kFollowIntervalMs = 60000;
    enum class DiscoveryFailure { PermissionDenied, UnsupportedRegion, AuthRejected, Failed };
    Q_ENUM(DiscoveryFailure)
    // Lists every region now (once per region even when asked again while listing). Needs the account.
    void discover(const DiscoveryRequest& request);
    // For tests: shorter intervals than kDiscoveryRefreshMs / kFollowIntervalMs.
    void setDiscoveryIntervals(qint64 refreshMs, qint64 followMs);
    void stopFollowing(const QString& profile = {}); // empty: every profile
    bool isFollowing(const QString& profile) const;
    bool isDiscovering() const; // a listing is under way
    // Non-empty when discovery is off for the account (the CAM permission is missing), translated.
    QString discoveryProblem(const QString& profile) const;

    // --------------------------------------------------------------------------------------------- tasks
    // Adds the ids found in any text (announced at once with tasksAdded()); profile/region empty: defaults.
    AddReport addText(const QString& text, const QString& profile = {}, const QString& region = {});
    // The same for ids already extracted; returns the keys that were new. One store transaction.
    QStringList addIds(const QStringList& ids, const QString& profile = {}, const QString& region = {});
    // Every task stored in the TaskStore, each under its profile (start-up). Returns how many.
    int restore();
    // Adds tasks whose state is known already (restore() uses it; also imports and tests). Not written to the
    // store. A task without a profile goes to the default one. Returns the new keys.
    QStringList adopt(const QList<TaskState>& states);
    // Their history stays; a removed discovered task is not added again by discovery (until added by hand or
    // reinstated).
    void remove(const QStringList& keys);
    // Puts removed tasks back (undo of remove()/clearFinished()): adopt()s the states and writes them to the
    // store again. Unfinished ones are polled again. Returns the keys put back.
    QStringList reinstate(const QList<TaskState>& states);
    QStringList clearFinished(); // removes every finished task; returns their keys
    void retry(const QStringList& keys);
    void refreshNow(const QStringList& keys = {}); // empty: every unfinished task (still paced)
    // The user looks at these tasks: back to the minimum interval (adaptive polling), no extra poll.
    void touch(const QStringList& keys);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // The adaptive intervals' cap for every account (PollOptions::maxIntervalMs; the GUI's setting).
    void setMaxIntervalMs(int ms);
    const PollOptions& pollOptions() const { return m_poll; }

    const TaskState* task(const QString& key) const;
    QStringList keys() const; // in the order they were added
    int count() const { return int(m_tasks.size()); }
    int activeCount() const;
    int finishedCount() const { return count() - activeCount(); }
    double currentRate() const;     // requests in the last second, all accounts
    qint64 msUntilNextPoll() const; // the soonest of all accounts; -1 when nothing is scheduled
    int inFlightCount() const;
    bool isHeldByAuth() const; // some account is held

    // The observed changes of a task: the stored ones (loaded once) and this run's, oldest first, bounded.
    QList<HistoryEntry> timeline(const QString& key);

    enum class FlushMode { Changed, All };
    // Writes and announces what is pending now (All: also every "last checked" not written yet).
    void flush(FlushMode mode = FlushMode::Changed);

signals:
    void tasksAdded(const QStringList& keys);
    void tasksUpdated(const QStringList& keys);          // batched
    void tasksAboutToBeRemoved(const QStringList& keys); // still readable through task() while emitted
    void changesObserved(const QList<taskwatch::HistoryEntry>& entries); // batched; already in the store
    void tasksFinished(const QStringList& keys); // batched; terminal status or permanent error
    void accountChanged(const QString& profile); // state, problem or config changed
    void authFailed(const QString& profile, const QString& code, const QString& message);
    void clockCorrected(const QString& profile, qint64 offsetSeconds);
    void rateLimited(const QString& profile, const QString& code);
    void storeFailed(const QString& message); // a write to the history failed (polling goes on)
    void pacingFallback(const QString& profile, const QString& warning); // emitted once per new credential
    void endpointFailed(const QString& profile, int httpStatus, const QString& message);
    void allDone(); // a flush left every task finished (once per transition)
    // A listing of (profile, region) ended: `found` tasks listed, `added` of them new on the board.
    void discoveryFinished(const QString& profile, const QString& region, int found, int added, int malformed,
                           const QString& warning);
    void discoveryFailed(const QString& profile, const QString& region,
                         taskwatch::TaskBoard::DiscoveryFailure kind, const QString& message);

private:
    struct Account;
    Account* account(const QString& profile) const;
    Account& ensureAccount(const QString& profile);
    void startPoller(const QString& profile, Account& account);
    void useBudgetOf(const QString& profile, Account& account);
    void onUpdated(const QString& profile, const TaskState& state, bool observedChange);
    void onFinished(const QString& profile, const TaskState& state);
    void scheduleFlush();
    void storeFailure();
    void writeAdded(const QStringList& keys);
    void holdTasks(const QString& profile);
    QString resolveProfile(const QString& profile) const;
    void startDiscovery(const QString& profile, Account& account);
    void listRegion(const QString& profile, const QString& region);
    void onListed(const QString& profile, const DiscoveryClient::Result& result);
    void onListingFailed(const QString& profile, const DiscoveryClient::Failure& failure);
    void mergeDiscovered(const QString& profile, const Discovery::Item& item, const Discovery::Query& query,
                         const QDateTime& now, QStringList* added, QList<HistoryEntry>* entries);
    void applyJobFacts(TaskState& task, const QDateTime& now, QList<HistoryEntry>* entries);
    void finishFromDiscovery(const QString& key);
    void ensureRefreshWatches(const QString& profile);
    bool hasUnfinishedDiscovered(const QString& profile, const QString& region) const;
    void onDiscoveryTick();

    TaskStore* m_store;
    PollOptions m_poll;
    std::map<QString, std::unique_ptr<Account>> m_accounts;
    QHash<QString, TaskState> m_tasks;  // key → latest state
    QStringList m_order;                // keys in insertion order
    QHash<QString, qint64> m_writtenAt; // key → steady ms of its last store write
    QSet<QString> m_unwritten;          // keys whose "last checked" is not written yet
    QSet<QString> m_pending;            // keys updated since the last flush
    QList<HistoryEntry> m_pendingEntries;
    QStringList m_pendingFinished;
    QHash<QString, QList<HistoryEntry>> m_timelines;
    struct RegionWatch {
        Discovery::Query query;
        bool follow = false;
        bool listing = false;
        qint64 listedAt = -1; // steady ms of the last listing's start; -1: never
    };
    std::map<std::pair<QString, QString>, RegionWatch> m_regionWatches; // (profile, region)
    QSet<QString> m_finalPoll; // keys DescribeTasks showed finished: one more poll, then none
    QSet<QString> m_dismissed; // discovered tasks the user removed: not added again by discovery
    QTimer m_discoveryTimer;
    qint64 m_discoveryRefreshMs = kDiscoveryRefreshMs;
    qint64 m_followMs = kFollowIntervalMs;
    QSet<QString> m_timelineLoaded;
    QTimer m_flushTimer;
    QString m_defaultProfile;
    QString m_lastRegion;
    bool m_paused = false;
    bool m_allDoneEmitted = false;
    bool m_sharedBudget = true;
};

} // namespace taskwatch
