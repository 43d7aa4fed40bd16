#include "TaskBoard.h"
#include "Clock.h"

#include "accounts/AccountConfig.h"
#include "accounts/CredentialStore.h"
#include "api/Endpoint.h"
#include "api/ErrorCatalog.h"
#include "api/Regions.h"
#include "discovery/DiscoveryRequest.h"
#include "history/TaskStore.h"
#include "pacing/SharedBudget.h"
#include "task/AddReport.h"
#include "task/DiscoveryFacts.h"
#include "task/HistoryEntry.h"
#include "task/TaskIdExtractor.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"

#include <QNetworkAccessManager>
#include <algorithm>

namespace taskwatch {

struct TaskBoard::Account {
    AccountConfig config;
    AccountState state = AccountState::Unknown;
    QString problem;         // the reason (missing) or the error code (rejected)
    QString problemMessage;  // the server's message with the code
    QString budgetSecretId;  // whose shared pacing budget the scheduler uses
    QString pacingWarning;   // non-empty: the shared budget could not be used (own pacing)
    QString endpointProblem; // the endpoint answers with a permanent HTTP error (translated, sanitised)
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<PollScheduler> scheduler;
    std::unique_ptr<DiscoveryClient> discovery;
    QString discoveryProblem;        // non-empty: the CAM permission is missing, discovery is off
    QString discoveryBudgetSecretId; // whose shared budgets discovery uses

    ~Account() {
        // The scheduler and discovery go first (they reference the client), then the client aborts what is
        // in flight.
        discovery.reset();
        scheduler.reset();
        client.reset();
    }
};

namespace {
// The poller's copy of a task replaces the board's, but the profile and what DescribeTasks said are the
// board's (the poller knows neither).
void takePolled(TaskState& task, const TaskState& polled) {
    const QString profile = task.profile;
    const DiscoveryFacts facts = task.discovery;
    task = polled;
    task.profile = profile;
    task.discovery = facts;
}

} // namespace

TaskBoard::TaskBoard(TaskStore* store, PollOptions poll, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_poll(poll) {
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDefaultFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
    m_discoveryTimer.setInterval(1000);
    connect(&m_discoveryTimer, &QTimer::timeout, this, &TaskBoard::onDiscoveryTick);
}

TaskBoard::~TaskBoard() {
    const QSignalBlocker blocker(this);
    flush(FlushMode::All);
    m_accounts.clear();
}

// ------------------------------------------------------------------------------------------------ accounts

TaskBoard::Account* TaskBoard::account(const QString& profile) const {
    const auto it = m_accounts.find(profile);
    return it == m_accounts.end() ? nullptr : it->second.get();
}

TaskBoard::Account& TaskBoard::ensureAccount(const QString& profile) {
    std::unique_ptr<Account>& slot = m_accounts[profile];
    if (!slot)
        slot = std::make_unique<Account>();
    return *slot;
}

void TaskBoard::setAccount(const QString& profile, const AccountConfig& config) {
    Account& a = ensureAccount(profile);
    a.config = config;
    a.problem.clear();
    a.problemMessage.clear();
    a.endpointProblem.clear();
    a.state = AccountState::Polling;
    if (!a.scheduler) {
        startPoller(profile, a);
    } else {
        a.client->setEndpoint(config.endpoint);
        a.client->setCredential(config.credential);
        a.discoveryProblem.clear(); // new credentials may have the permission
        useBudgetOf(profile, a);
        a.scheduler->resumeAfterAuthFailure();
        a.scheduler->refreshNow();
    }
    emit accountChanged(profile);
}

// One budget per SecretId and API action, shared with the user's other TaskWatch processes (and with other
// profiles that hold the same key).
void TaskBoard::useBudgetOf(const QString& profile, Account& a) {
    const QString& secretId = a.config.credential.secretId;
    if (!m_sharedBudget || secretId.isEmpty() || secretId == a.budgetSecretId)
        return;
    a.budgetSecretId = secretId;
    SharedBudget::Choice choice =
        SharedBudget::forAccount(secretId, QString::fromLatin1(ApiClient::kAction), m_poll.maxRate);
    a.scheduler->setBudget(std::move(choice.budget));
    // Discovery's actions have budgets of their own (never DescribeAsyncRequestInfo's 40/s).
    if (a.discovery) {
        a.discoveryBudgetSecretId = secretId;
        a.discovery->setBudgets(
            SharedBudget::forAccount(secretId, QString::fromLatin1(Discovery::kTasksAction),
                                     Discovery::kMaxRate)
                .budget,
            SharedBudget::forAccount(secretId, QString::fromLatin1(Discovery::kInstancesAction),
                                     Discovery::kMaxRate)
                .budget);
    }
    const QString before = std::exchange(a.pacingWarning, choice.warning);
    if (!a.pacingWarning.isEmpty() && a.pacingWarning != before)
        emit pacingFallback(profile, a.pacingWarning);
}

QString TaskBoard::endpointProblem(const QString& profile) const {
    const Account* a = account(profile);
    return a ? a->endpointProblem : QString();
}

QString TaskBoard::pacingWarning(const QString& profile) const {
    const Account* a = account(profile);
    return a ? a->pacingWarning : QString();
}

void TaskBoard::startPoller(const QString& profile, Account& a) {
    a.nam = std::make_unique<QNetworkAccessManager>();
    a.client = std::make_unique<ApiClient>(a.nam.get(), a.config.endpoint, a.config.credential);
    a.scheduler = std::make_unique<PollScheduler>(a.client.get(), [&] {
        PollOptions options = m_poll;
        options.maxInFlight = Endpoint::maxInFlight(a.config.endpoint, options.maxInFlight);
        return options;
    }());
    PollScheduler* s = a.scheduler.get();
    connect(s, &PollScheduler::taskUpdated, this,
            [this, profile](const TaskState& state, bool observed) { onUpdated(profile, state, observed); });
    connect(s, &PollScheduler::taskFinished, this,
            [this, profile](const TaskState& state) { onFinished(profile, state); });
    connect(s, &PollScheduler::authFailed, this,
            [this, profile](const QString& code, const QString& message) {
                if (Account* acc = account(profile)) {
                    acc->state = AccountState::HeldByAuth;
                    acc->problem = code;
                    acc->problemMessage = message;
                }
                flush();
                emit authFailed(profile, code, message);
                emit accountChanged(profile);
            });
    connect(s, &PollScheduler::endpointFailed, this, [this, profile](int httpStatus, const QString& message) {
        if (Account* acc = account(profile))
            acc->endpointProblem = message.isEmpty() ? tr("HTTP status %1").arg(httpStatus) : message;
        emit endpointFailed(profile, httpStatus, message);
        emit accountChanged(profile);
    });
    connect(s, &PollScheduler::endpointRecovered, this, [this, profile] {
        if (Account* acc = account(profile))
            acc->endpointProblem.clear();
        emit accountChanged(profile);
    });
    connect(s, &PollScheduler::clockCorrected, this,
            [this, profile](qint64 offset) { emit clockCorrected(profile, offset); });
    connect(s, &PollScheduler::rateLimited, this,
            [this, profile](const QString& code) { emit rateLimited(profile, code); });
    s->setPaused(m_paused);
    startDiscovery(profile, a);
    useBudgetOf(profile, a);
    // The profile's tasks known before (restored, or added while its credentials were unknown) start polling.
    for (const QString& key : std::as_const(m_order)) {
        auto it = m_tasks.find(key);
        if (it == m_tasks.end() || it->profile != profile || it->isJobOnly())
            continue;
        s->restoreTask(*it);
        if (const TaskState* polled = s->task(it->id)) {
            takePolled(*it, *polled);
            m_pending.insert(key);
        }
    }
    scheduleFlush();
}

void TaskBoard::setAccountMissing(const QString& profile, const QString& reason) {
    Account& a = ensureAccount(profile);
    if (a.scheduler)
        return; // keeps polling with the credential it has
    a.state = AccountState::CredentialsMissing;
    a.problem = reason;
    holdTasks(profile);
    emit accountChanged(profile);
}

void TaskBoard::holdTasks(const QString& profile) {
    for (auto it = m_tasks.begin(); it != m_tasks.end(); ++it) {
        if (it->profile != profile || it->isFinished() || it->phase == TaskPhase::Held)
            continue;
        it->phase = TaskPhase::Held;
        m_pending.insert(it.key());
    }
    scheduleFlush();
}

void TaskBoard::resumeAccount(const QString& profile) {
    Account* a = account(profile);
    if (!a || !a->scheduler)
        return;
    a->state = AccountState::Polling;
    a->problem.clear();
    a->problemMessage.clear();
    a->scheduler->resumeAfterAuthFailure();
    emit accountChanged(profile);
}

bool TaskBoard::hasAccount(const QString& profile) const {
    const Account* a = account(profile);
    return a && a->scheduler;
}

AccountState TaskBoard::accountState(const QString& profile) const {
    const Account* a = account(profile);
    if (!a)
        return AccountState::Unknown;
    if (a->scheduler)
        return a->scheduler->isHeldByAuth() || a->state == AccountState::HeldByAuth ? AccountState::HeldByAuth
                                                                                    : AccountState::Polling;
    return a->state;
}

QString TaskBoard::accountProblem(const QString& profile) const {
    const Account* a = account(profile);
    return a ? a->problem : QString();
}

QString TaskBoard::accountProblemMessage(const QString& profile) const {
    const Account* a = account(profile);
    return a ? a->problemMessage : QString();
}

const AccountConfig* TaskBoard::accountConfig(const QString& profile) const {
    const Account* a = account(profile);
    return a && a->scheduler ? &a->config : nullptr;
}

QStringList TaskBoard::profiles() const {
    QSet<QString> all;
    for (const auto& [name, a] : m_accounts)
        all.insert(name);
    for (const TaskState& s : m_tasks)
        all.insert(s.profile);
    QStringList list(all.cbegin(), all.cend());
    list.sort();
    return list;
}

QStringList TaskBoard::taskProfiles() const {
    QSet<QString> all;
    for (const TaskState& s : m_tasks)
        all.insert(s.profile);
    QStringList list(all.cbegin(), all.cend());
    list.sort();
    return list;
}

PollScheduler* TaskBoard::scheduler(const QString& profile) const {
    const Account* a = account(profile);
    return a ? a->scheduler.get() : nullptr;
}

ApiClient* TaskBoard::client(const QString& profile) const {
    const Account* a = account(profile);
    return a ? a->client.get() : nullptr;
}

QString TaskBoard::resolveProfile(const QString& profile) const {
    if (!profile.isEmpty())
        return profile;
    if (!m_defaultProfile.isEmpty())
        return m_defaultProfile;
    return QString::fromLatin1(CredentialStore::kDefaultProfile);
}

QString TaskBoard::defaultRegion(const QString& profile) const {
    if (const Account* a = account(resolveProfile(profile)); a && !a->config.region.isEmpty())
        return a->config.region;
    if (!m_lastRegion.isEmpty())
        return m_lastRegion;
    return QString::fromLatin1(Regions::kDefault);
}

// --------------------------------------------------------------------------------------------------- tasks

AddReport TaskBoard::addText(const QString& text, const QString& profile, const QString& region) {
    const ExtractedIds found = TaskIdExtractor::extract(text);
    AddReport report;
    report.alreadyPresent = found.duplicates;
    report.unrecognisedLineCount = found.unrecognisedLineCount;
    report.unrecognisedLines = found.unrecognisedLines;
    report.addedKeys = addIds(found.ids, profile, region);
    report.added = int(report.addedKeys.size());
    report.alreadyPresent += int(found.ids.size()) - report.added;
    return report;
}

QStringList TaskBoard::addIds(const QStringList& ids, const QString& profileName, const QString& regionName) {
    const QString profile = resolveProfile(profileName);
    const QString region = regionName.trimmed().isEmpty() ? defaultRegion(profile) : regionName.trimmed();
    if (!regionName.trimmed().isEmpty())
        m_lastRegion = region;
    Account* a = account(profile);
    PollScheduler* scheduler = a ? a->scheduler.get() : nullptr;
    const bool held = !scheduler;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList added;
    for (const QString& id : ids) {
        const QString key = taskKey(profile, id);
        if (id.isEmpty() || m_tasks.contains(key))
            continue;
        m_dismissed.remove(key);
        TaskState state;
        if (scheduler && scheduler->addTask(id, region)) {
            state = *scheduler->task(id);
        } else {
            state.id = id;
            state.region = region;
            state.addedAt = now;
            state.phase = held ? TaskPhase::Held : TaskPhase::Waiting;
        }
        state.profile = profile;
        m_tasks.insert(key, state);
        m_order.append(key);
        added.append(key);
    }
    if (added.isEmpty())
        return added;
    m_allDoneEmitted = false;
    writeAdded(added);
    emit tasksAdded(added);
    return added;
}

// New tasks, each under its profile, in one transaction.
void TaskBoard::writeAdded(const QStringList& keys) {
    if (!m_store)
        return;
    const qint64 steady = steadyNowMs();
    const bool ok = m_store->transaction([&] {
        for (const QString& key : keys) {
            const TaskState& state = m_tasks[key];
            if (!m_store->upsertTask(state, state.profile))
                return false;
            m_writtenAt.insert(key, steady);
        }
        return true;
    });
    if (!ok)
        storeFailure();
}

int TaskBoard::restore() {
    if (!m_store)
        return 0;
    const QStringList added = adopt(m_store->loadTasks());
    return int(added.size());
}

QStringList TaskBoard::adopt(const QList<TaskState>& states) {
    QStringList added;
    const qint64 steady = steadyNowMs();
    for (TaskState state : states) {
        if (state.profile.isEmpty())
            state.profile = resolveProfile({}); // written before profiles existed
        const QString key = taskKey(state);
        if (state.id.isEmpty() || m_tasks.contains(key))
            continue;
        m_dismissed.remove(key);
        if (state.isJobOnly()) {
            // Refreshed from DescribeTasks only: never polled.
        } else if (PollScheduler* s = scheduler(state.profile)) {
            s->restoreTask(state);
            if (const TaskState* polled = s->task(state.id))
                takePolled(state, *polled);
        } else if (!state.isFinished()) {
            state.phase = TaskPhase::Held;
        }
        m_tasks.insert(key, state);
        m_order.append(key);
        m_writtenAt.insert(key, steady);
        added.append(key);
    }
    if (!added.isEmpty()) {
        m_allDoneEmitted = false;
        QSet<QString> profiles;
        for (const QString& key : std::as_const(added))
            profiles.insert(profileOfKey(key));
        for (const QString& profile : std::as_const(profiles)) {
            if (const Account* a = account(profile); a && a->discovery)
                ensureRefreshWatches(profile);
        }
        emit tasksAdded(added);
    }
    return added;
}

void TaskBoard::remove(const QStringList& keys) {
    QStringList present;
    for (const QString& key : keys) {
        if (m_tasks.contains(key) && !present.contains(key))
            present.append(key);
    }
    if (present.isEmpty())
        return;
    emit tasksAboutToBeRemoved(present);
    const QSet<QString> gone(present.cbegin(), present.cend());
    // A discovered task the user removed is not brought back by the next listing (until added again).
    for (const QString& key : std::as_const(present)) {
        if (m_tasks.value(key).discovery.isDiscovered())
            m_dismissed.insert(key);
    }
    const auto work = [&] {
        for (const QString& key : std::as_const(present)) {
            const TaskState& state = m_tasks[key];
            if (PollScheduler* s = scheduler(state.profile))
                s->removeTask(state.id);
            if (m_store && !m_store->removeTask(state.id, state.profile))
                return false;
        }
        return true;
    };
    if (m_store ? !m_store->transaction(work) : !work())
        storeFailure();
    for (const QString& key : std::as_const(present)) {
        m_tasks.remove(key);
        m_pending.remove(key);
        m_unwritten.remove(key);
        m_writtenAt.remove(key);
        m_timelines.remove(key);
        m_timelineLoaded.remove(key);
        m_pendingFinished.removeAll(key);
        m_finalPoll.remove(key);
    }
    m_order.removeIf([&gone](const QString& key) { return gone.contains(key); });
    m_pendingEntries.removeIf(
        [&gone](const HistoryEntry& e) { return gone.contains(taskKey(e.profile, e.taskId)); });
}

QStringList TaskBoard::reinstate(const QList<TaskState>& states) {
    const QStringList added = adopt(states);
    writeAdded(added);
    return added;
}

QStringList TaskBoard::clearFinished() {
    QStringList keys;
    for (const QString& key : std::as_const(m_order)) {
        if (m_tasks.value(key).isFinished())
            keys.append(key);
    }
    remove(keys);
    return keys;
}

void TaskBoard::retry(const QStringList& keys) {
    for (const QString& key : keys) {
        auto it = m_tasks.find(key);
        if (it == m_tasks.end())
            continue;
        PollScheduler* s = scheduler(it->profile);
        if (!s)
            continue;
        if (it->isJobOnly())
            continue;
        s->retry(it->id);
        if (const TaskState* polled = s->task(it->id)) {
            takePolled(*it, *polled);
            m_pending.insert(key);
            m_allDoneEmitted = false;
        }
    }
    scheduleFlush();
}

void TaskBoard::refreshNow(const QStringList& keys) {
    if (keys.isEmpty()) {
        for (const auto& [name, a] : m_accounts) {
            if (a->scheduler)
                a->scheduler->refreshNow();
        }
        return;
    }
    QHash<QString, QStringList> byProfile;
    for (const QString& key : keys) {
        if (const auto it = m_tasks.constFind(key); it != m_tasks.constEnd())
            byProfile[it->profile].append(it->id);
    }
    for (auto it = byProfile.cbegin(); it != byProfile.cend(); ++it) {
        if (PollScheduler* s = scheduler(it.key()))
            s->refreshNow(it.value());
    }
}

void TaskBoard::touch(const QStringList& keys) {
    for (const QString& key : keys) {
        if (const auto it = m_tasks.constFind(key); it != m_tasks.constEnd()) {
            if (PollScheduler* s = scheduler(it->profile))
                s->touch(it->id);
        }
    }
}

void TaskBoard::setPaused(bool paused) {
    m_paused = paused;
    for (const auto& [name, a] : m_accounts) {
        if (a->scheduler)
            a->scheduler->setPaused(paused);
    }
}

void TaskBoard::setMaxIntervalMs(int ms) {
    m_poll.maxIntervalMs = std::max(0, ms);
    for (const auto& [name, a] : m_accounts) {
        if (a->scheduler)
            a->scheduler->setMaxIntervalMs(m_poll.maxIntervalMs);
    }
}

const TaskState* TaskBoard::task(const QString& key) const {
    const auto it = m_tasks.constFind(key);
    return it == m_tasks.constEnd() ? nullptr : &*it;
}

QStringList TaskBoard::keys() const {
    return m_order;
}

int TaskBoard::activeCount() const {
    return int(
        std::count_if(m_tasks.cbegin(), m_tasks.cend(), [](const TaskState& s) { return !s.isFinished(); }));
}

double TaskBoard::currentRate() const {
    double rate = 0;
    for (const auto& [name, a] : m_accounts)
        rate += a->scheduler ? a->scheduler->currentRate() : 0;
    return rate;
}

qint64 TaskBoard::msUntilNextPoll() const {
    qint64 soonest = -1;
    for (const auto& [name, a] : m_accounts) {
        const qint64 ms = a->scheduler ? a->scheduler->msUntilNextPoll() : -1;
        if (ms >= 0 && (soonest < 0 || ms < soonest))
            soonest = ms;
    }
    return soonest;
}

int TaskBoard::inFlightCount() const {
    int n = 0;
    for (const auto& [name, a] : m_accounts)
        n += a->scheduler ? a->scheduler->inFlightCount() : 0;
    return n;
}

bool TaskBoard::isHeldByAuth() const {
    return std::any_of(m_accounts.cbegin(), m_accounts.cend(), [](const auto& entry) {
        return entry.second->scheduler && entry.second->scheduler->isHeldByAuth();
    });
}

QList<HistoryEntry> TaskBoard::timeline(const QString& key) {
    QList<HistoryEntry>& list = m_timelines[key];
    if (m_store && !m_timelineLoaded.contains(key) && m_tasks.contains(key)) {
        m_timelineLoaded.insert(key);
        const QString profile = profileOfKey(key);
        QList<HistoryEntry> loaded;
        HistoryQuery query;
        query.ids = {idOfKey(key)};
        m_store->forEachHistory(query, [&](const HistoryEntry& entry) {
            if (!entry.profile.isEmpty() && entry.profile != profile)
                return true;
            loaded.append(entry);
            if (loaded.size() > 2 * kMaxTimeline)
                loaded.remove(0, loaded.size() - kMaxTimeline);
            return true;
        });
        for (const HistoryEntry& e : std::as_const(list)) {
            const bool known = std::any_of(loaded.cbegin(), loaded.cend(), [&e](const HistoryEntry& l) {
                return l.observedAt == e.observedAt && l.status == e.status && l.info == e.info &&
                       l.errorCode == e.errorCode;
            });
            if (!known)
                loaded.append(e);
        }
        std::stable_sort(loaded.begin(), loaded.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
            return a.observedAt < b.observedAt;
        });
        list = std::move(loaded);
    }
    if (list.size() > kMaxTimeline)
        list.remove(0, list.size() - kMaxTimeline);
    return list;
}

// ------------------------------------------------------------------------------------------------ batching

void TaskBoard::onUpdated(const QString& profile, const TaskState& state, bool observedChange) {
    const QString key = taskKey(profile, state.id);
    auto it = m_tasks.find(key);
    if (it == m_tasks.end())
        return; // a reply for a task removed meanwhile
    takePolled(*it, state);
    m_pending.insert(key);
    if (observedChange)
        m_pendingEntries.append(TaskStore::entryFrom(*it));
    if (m_finalPoll.contains(key)) {
        // The one more poll after DescribeTasks said finished: then none, whatever it answered.
        m_finalPoll.remove(key);
        if (!state.isFinished())
            QMetaObject::invokeMethod(
                this, [this, key] { finishFromDiscovery(key); }, Qt::QueuedConnection);
    }
    scheduleFlush();
}

void TaskBoard::onFinished(const QString& profile, const TaskState& state) {
    const QString key = taskKey(profile, state.id);
    if (!m_tasks.contains(key))
        return;
    if (!m_pendingFinished.contains(key))
        m_pendingFinished.append(key);
    scheduleFlush();
}

void TaskBoard::scheduleFlush() {
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TaskBoard::storeFailure() {
    emit storeFailed(m_store ? m_store->lastError() : QString());
}

void TaskBoard::flush(FlushMode mode) {
    m_flushTimer.stop();
    if (m_pending.isEmpty() && m_pendingEntries.isEmpty() && m_pendingFinished.isEmpty() &&
        (mode == FlushMode::Changed || m_unwritten.isEmpty()))
        return;
    const QStringList updated(m_pending.cbegin(), m_pending.cend());
    const QList<HistoryEntry> entries = std::exchange(m_pendingEntries, {});
    const QStringList finished = std::exchange(m_pendingFinished, {});
    m_pending.clear();

    if (m_store) {
        QSet<QString> changed;
        for (const HistoryEntry& e : entries)
            changed.insert(taskKey(e.profile, e.taskId));
        for (const QString& key : finished)
            changed.insert(key);
        QSet<QString> toWrite(updated.cbegin(), updated.cend());
        if (mode == FlushMode::All)
            toWrite.unite(m_unwritten);
        const qint64 now = steadyNowMs();
        // What is due is decided first: a batch with nothing to write opens no transaction at all.
        QList<const TaskState*> due;
        QStringList dueKeys;
        for (const QString& key : std::as_const(toWrite)) {
            const auto it = m_tasks.constFind(key);
            if (it == m_tasks.constEnd())
                continue;
            const auto written = m_writtenAt.constFind(key);
            if (mode == FlushMode::All || changed.contains(key) || written == m_writtenAt.constEnd() ||
                now - *written >= kCheckedWriteMs) {
                due.append(&*it);
                dueKeys.append(key);
            } else {
                m_unwritten.insert(key);
            }
        }
        const bool ok = (entries.isEmpty() && due.isEmpty()) || m_store->transaction([&] {
            for (const HistoryEntry& e : entries) {
                if (!m_store->appendHistory(e))
                    return false;
            }
            for (const TaskState* state : std::as_const(due)) {
                if (!m_store->upsertTask(*state, state->profile))
                    return false;
            }
            return true;
        });
        for (const QString& key : std::as_const(dueKeys)) {
            if (ok) {
                m_writtenAt.insert(key, now);
                m_unwritten.remove(key);
            } else {
                m_unwritten.insert(key); // written with the next batch, at the latest at exit
            }
        }
        if (!ok)
            storeFailure();
    }

    for (const HistoryEntry& e : entries) {
        const QString key = taskKey(e.profile, e.taskId);
        QList<HistoryEntry>& list = m_timelines[key];
        list.append(e);
        if (list.size() > kMaxTimeline)
            list.remove(0, list.size() - kMaxTimeline);
    }
    if (!updated.isEmpty())
        emit tasksUpdated(updated);
    if (!entries.isEmpty())
        emit changesObserved(entries);
    if (!finished.isEmpty())
        emit tasksFinished(finished);
    // Any unfinished task ends the check at once (a count of them would visit every task at every batch).
    if (!m_allDoneEmitted && count() > 0 &&
        std::none_of(m_tasks.cbegin(), m_tasks.cend(), [](const TaskState& s) { return !s.isFinished(); })) {
        m_allDoneEmitted = true;
        emit allDone();
    }
}

// ----------------------------------------------------------------------------------------------- discovery

namespace {
// The error a task carries when DescribeTasks reports a non-zero Code (ErrorCatalog describes the prefix).
QString taskErrorCode(int code) {
    return QStringLiteral("TaskError.") + QString::number(code);
}
} // namespace

void TaskBoard::startDiscovery(const QString& profile, Account& a) {
    a.discovery = std::make_unique<DiscoveryClient>(a.client.get());
    DiscoveryClient* d = a.discovery.get();
    connect(d, &DiscoveryClient::listed, this,
            [this, profile](const DiscoveryClient::Result& result) { onListed(profile, result); });
    connect(d, &DiscoveryClient::failed, this,
            [this, profile](const DiscoveryClient::Failure& failure) { onListingFailed(profile, failure); });
    connect(d, &DiscoveryClient::clockCorrected, this,
            [this, profile](qint64 offset) { emit clockCorrected(profile, offset); });
    connect(d, &DiscoveryClient::rateLimited, this,
            [this, profile](const QString& action) { emit rateLimited(profile, action); });
    ensureRefreshWatches(profile);
}

void TaskBoard::discover(const DiscoveryRequest& request) {
    const QString profile = resolveProfile(request.profile);
    QStringList regions;
    for (const QString& r : request.regions) {
        if (!r.trimmed().isEmpty() && !regions.contains(r.trimmed()))
            regions.append(r.trimmed());
    }
    if (regions.isEmpty())
        regions.append(defaultRegion(profile));
    for (const QString& region : std::as_const(regions)) {
        RegionWatch& watch = m_regionWatches[{profile, region}];
        watch.query = request.query;
        watch.query.region = region;
        watch.follow = watch.follow || request.follow;
        listRegion(profile, region);
    }
    m_discoveryTimer.start();
}

void TaskBoard::listRegion(const QString& profile, const QString& region) {
    const auto it = m_regionWatches.find({profile, region});
    if (it == m_regionWatches.end() || it->second.listing)
        return;
    Account* a = account(profile);
    if (!a || !a->discovery || !a->discoveryProblem.isEmpty() || m_paused ||
        accountState(profile) == AccountState::HeldByAuth)
        return;
    it->second.listing = true;
    it->second.listedAt = steadyNowMs();
    a->discovery->list(it->second.query);
}

void TaskBoard::setDiscoveryIntervals(qint64 refreshMs, qint64 followMs) {
    m_discoveryRefreshMs = std::max<qint64>(1, refreshMs);
    m_followMs = std::max<qint64>(1, followMs);
    m_discoveryTimer.setInterval(
        int(std::clamp<qint64>(std::min(m_discoveryRefreshMs, m_followMs) / 4, 10, 1000)));
}

void TaskBoard::stopFollowing(const QString& profile) {
    for (auto& [key, watch] : m_regionWatches) {
        if (profile.isEmpty() || key.first == profile)
            watch.follow = false;
    }
}

bool TaskBoard::isFollowing(const QString& profile) const {
    return std::any_of(m_regionWatches.cbegin(), m_regionWatches.cend(), [&](const auto& entry) {
        return entry.first.first == profile && entry.second.follow;
    });
}

bool TaskBoard::isDiscovering() const {
    return std::any_of(m_regionWatches.cbegin(), m_regionWatches.cend(),
                       [](const auto& entry) { return entry.second.listing; });
}

QString TaskBoard::discoveryProblem(const QString& profile) const {
    const Account* a = account(profile);
    return a ? a->discoveryProblem : QString();
}

bool TaskBoard::hasUnfinishedDiscovered(const QString& profile, const QString& region) const {
    return std::any_of(m_tasks.cbegin(), m_tasks.cend(), [&](const TaskState& t) {
        return t.profile == profile && t.region == region && t.discovery.isDiscovered() &&
               (!t.isFinished() || m_finalPoll.contains(taskKey(t)));
    });
}

// Regions with unfinished discovered tasks (e.g. restored) are listed again even without a discover() call,
// from the oldest such task's start.
void TaskBoard::ensureRefreshWatches(const QString& profile) {
    QHash<QString, QDateTime> oldest;
    for (const TaskState& t : std::as_const(m_tasks)) {
        if (t.profile != profile || !t.discovery.isDiscovered() || t.isFinished())
            continue;
        QDateTime& since = oldest[t.region];
        const QDateTime start = t.discovery.startedAt.isValid() ? t.discovery.startedAt : t.addedAt;
        if (!since.isValid() || start < since)
            since = start;
    }
    for (auto it = oldest.cbegin(); it != oldest.cend(); ++it) {
        RegionWatch& watch = m_regionWatches[{profile, it.key()}];
        if (watch.query.region.isEmpty()) {
            watch.query.region = it.key();
            watch.query.since = it.value().addSecs(-60);
        } else if (watch.query.since.isValid() && it.value() < watch.query.since) {
            watch.query.since = it.value().addSecs(-60);
        }
    }
    if (!oldest.isEmpty())
        m_discoveryTimer.start();
}

void TaskBoard::onDiscoveryTick() {
    const qint64 now = steadyNowMs();
    bool any = false;
    for (auto& [key, watch] : m_regionWatches) {
        const bool refresh = hasUnfinishedDiscovered(key.first, key.second);
        any = any || refresh || watch.follow || watch.listing;
        if (watch.listing)
            continue;
        qint64 interval = -1; // the shorter of the applicable ones
        if (refresh)
            interval = m_discoveryRefreshMs;
        if (watch.follow)
            interval = interval < 0 ? m_followMs : std::min(interval, m_followMs);
        if (interval >= 0 && (watch.listedAt < 0 || now - watch.listedAt >= interval))
            listRegion(key.first, key.second);
    }
    if (!any)
        m_discoveryTimer.stop();
}

void TaskBoard::applyJobFacts(TaskState& t, const QDateTime& now, QList<HistoryEntry>* entries) {
    const DiscoveryFacts& f = t.discovery;
    const QString code = f.taskCode != 0 ? taskErrorCode(f.taskCode) : QString();
    const bool changed = t.status != f.status || t.errorCode != code || !t.lastCheckedAt.isValid();
    t.status = f.status;
    t.errorCode = code;
    t.errorMessage = f.taskCode != 0 ? f.taskMessage : QString();
    t.lastCheckedAt = now;
    if (TaskStatus::isTerminal(t.status)) {
        t.phase = TaskPhase::Finished;
        if (!t.finishedAt.isValid())
            t.finishedAt = f.endedAt.isValid() ? f.endedAt : now;
    } else if (t.phase != TaskPhase::Held) {
        t.phase = TaskPhase::Polling;
    }
    if (changed) {
        t.lastChangedAt = now;
        entries->append(TaskStore::entryFrom(t));
    }
}

void TaskBoard::mergeDiscovered(const QString& profile, const Discovery::Item& item,
                                const Discovery::Query& query, const QDateTime& now, QStringList* added,
                                QList<HistoryEntry>* entries) {
    const QString key = taskKey(profile, item.id);
    DiscoveryFacts facts = item.facts;
    facts.listedAt = now;
    if (const auto it = m_tasks.find(key); it != m_tasks.end()) {
        TaskState& t = *it;
        DiscoveryFacts before = t.discovery;
        before.listedAt = facts.listedAt;
        if (facts.instanceName.isEmpty())
            facts.instanceName = before.instanceName; // names may be unavailable this time
        t.discovery = facts;
        if (!(before == facts))
            m_pending.insert(key);
        else
            m_unwritten.insert(key);
        if (t.isJobOnly()) {
            const bool wasFinished = t.isFinished();
            applyJobFacts(t, now, entries);
            m_pending.insert(key);
            if (!wasFinished && t.isFinished())
                m_pendingFinished.append(key);
        } else if (TaskStatus::isTerminal(facts.status) && !t.isFinished() && !m_finalPoll.contains(key)) {
            PollScheduler* s = scheduler(profile);
            if (s && s->task(t.id)) {
                m_finalPoll.insert(key);
                s->refreshNow({t.id});
            }
        }
        return;
    }
    if (!Discovery::matches(query, item) || m_dismissed.contains(key))
        return;
    TaskState t;
    t.profile = profile;
    t.id = item.id;
    t.region = item.region;
    t.addedAt = now;
    t.discovery = facts;
    if (t.isJobOnly()) {
        applyJobFacts(t, now, entries);
    } else if (TaskStatus::isTerminal(facts.status)) {
        // Finished before it was discovered: shown with its final state, never polled.
        t.status = facts.status;
        t.phase = TaskPhase::Finished;
        t.finishedAt = facts.endedAt.isValid() ? facts.endedAt : now;
        t.lastCheckedAt = now;
        t.lastChangedAt = now;
        if (facts.taskCode != 0) {
            t.errorCode = taskErrorCode(facts.taskCode);
            t.errorMessage = facts.taskMessage;
        }
        entries->append(TaskStore::entryFrom(t));
    } else if (PollScheduler* s = scheduler(profile); s && s->addTask(t.id, t.region)) {
        const TaskState polled = *s->task(t.id);
        t.phase = polled.phase;
        t.addedAt = polled.addedAt;
    } else {
        t.phase = TaskPhase::Held;
    }
    m_tasks.insert(key, t);
    m_order.append(key);
    added->append(key);
}

void TaskBoard::onListed(const QString& profile, const DiscoveryClient::Result& result) {
    const QString region = result.query.region;
    const auto watch = m_regionWatches.find({profile, region});
    if (watch != m_regionWatches.end())
        watch->second.listing = false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList added;
    QList<HistoryEntry> entries;
    const Discovery::Query query = watch != m_regionWatches.end() ? watch->second.query : result.query;
    for (const Discovery::Item& item : result.items)
        mergeDiscovered(profile, item, query, now, &added, &entries);
    if (!added.isEmpty()) {
        m_allDoneEmitted = false;
        writeAdded(added);
        emit tasksAdded(added);
    }
    // Observed changes of tasks refreshed from DescribeTasks (and the final state of those discovered
    // finished) go through the batch: committed before they are announced.
    for (const HistoryEntry& e : std::as_const(entries)) {
        const QString key = taskKey(e.profile, e.taskId);
        m_pendingEntries.append(e);
        m_pending.insert(key);
        if (added.contains(key) && m_tasks.value(key).isFinished() && !m_pendingFinished.contains(key))
            m_pendingFinished.append(key);
    }
    scheduleFlush();
    QStringList warnings;
    if (result.malformed > 0)
        warnings << tr("%n malformed task(s) skipped", nullptr, result.malformed);
    if (result.cutOff)
        warnings
            << tr("only the newest %1 tasks were read").arg(Discovery::kMaxPages * Discovery::kPageLimit);
    if (!result.namesProblem.isEmpty())
        warnings << result.namesProblem;
    emit discoveryFinished(profile, region, int(result.items.size()), int(added.size()), result.malformed,
                           warnings.join(QLatin1String("; ")));
    m_discoveryTimer.start();
}

void TaskBoard::onListingFailed(const QString& profile, const DiscoveryClient::Failure& failure) {
    const auto watch = m_regionWatches.find({profile, failure.region});
    DiscoveryFailure kind = DiscoveryFailure::Failed;
    switch (failure.kind) {
    case DiscoveryClient::FailureKind::PermissionDenied:
        kind = DiscoveryFailure::PermissionDenied;
        if (Account* a = account(profile))
            a->discoveryProblem = failure.message;
        stopFollowing(profile);
        emit accountChanged(profile);
        break;
    case DiscoveryClient::FailureKind::UnsupportedRegion:
        kind = DiscoveryFailure::UnsupportedRegion;
        if (watch != m_regionWatches.end()) {
            m_regionWatches.erase(watch);
            emit discoveryFailed(profile, failure.region, kind, failure.message);
            return;
        }
        break;
    case DiscoveryClient::FailureKind::AuthRejected:
        kind = DiscoveryFailure::AuthRejected;
        break;
    case DiscoveryClient::FailureKind::Failed:
        break;
    }
    if (watch != m_regionWatches.end())
        watch->second.listing = false;
    emit discoveryFailed(profile, failure.region, kind, failure.message);
}

// DescribeTasks said finished and the one more poll did not: the task takes DescribeTasks' final status.
void TaskBoard::finishFromDiscovery(const QString& key) {
    const auto it = m_tasks.find(key);
    if (it == m_tasks.end() || it->isFinished())
        return;
    if (PollScheduler* s = scheduler(it->profile))
        s->removeTask(it->id);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    it->status = it->discovery.status;
    it->phase = TaskPhase::Finished;
    it->finishedAt = it->discovery.endedAt.isValid() ? it->discovery.endedAt : now;
    it->lastChangedAt = now;
    if (it->discovery.taskCode != 0) {
        it->errorCode = taskErrorCode(it->discovery.taskCode);
        it->errorMessage = it->discovery.taskMessage;
    }
    HistoryEntry entry = TaskStore::entryFrom(*it);
    entry.observedAt = now;
    m_pendingEntries.append(entry);
    m_pending.insert(key);
    if (!m_pendingFinished.contains(key))
        m_pendingFinished.append(key);
    scheduleFlush();
}

} // namespace taskwatch
