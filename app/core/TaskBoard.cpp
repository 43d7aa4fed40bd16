#include "TaskBoard.h"

#include "accounts/CredentialStore.h"
#include "api/Regions.h"
#include "discovery/DiscoveryClient.h"
#include "discovery/ProductDiscovery.h"
#include "history/TaskStore.h"
#include "polling/AccountPoller.h"
#include "polling/PollScheduler.h"
#include "products/NamedTaskIds.h"
#include "products/Products.h"
#include "task/TaskLifecycle.h"

#include <QSet>
#include <algorithm>

namespace taskwatch {

TaskBoard::TaskBoard(TaskStore* store, PollOptions poll, QObject* parent)
    : TaskList(parent)
    , m_poll(poll)
    , m_journal(store, [this](const QString& key) -> const TaskState* { return find(key); })
    , m_discovery(new DiscoveryCoordinator(this))
    , m_productDiscovery(new ProductDiscovery(this)) {
    connect(&m_journal, &HistoryJournal::committed, this, &TaskBoard::onCommitted);
    connect(&m_journal, &HistoryJournal::storeFailed, this, &TaskBoard::storeFailed);
    connect(m_discovery, &DiscoveryCoordinator::finished, this, &TaskBoard::discoveryFinished);
    connect(m_discovery, &DiscoveryCoordinator::failed, this, &TaskBoard::discoveryFailed);
}

TaskBoard::~TaskBoard() {
    const QSignalBlocker blocker(this);
    m_journal.flush(FlushMode::All);
    delete std::exchange(m_productDiscovery, nullptr); // its listings use the accounts' clients
    m_pollers.clear();
}

// ------------------------------------------------------------------------------------------------ accounts

AccountPoller* TaskBoard::poller(const QString& profile) const {
    const auto it = m_pollers.find(profile);
    return it == m_pollers.end() ? nullptr : it->second.get();
}

PollScheduler* TaskBoard::schedulerOf(const TaskState* t) const {
    AccountPoller* p = t ? poller(t->profile) : nullptr;
    return p && p->isStarted() ? p->scheduler(t->product) : nullptr;
}

AccountPoller& TaskBoard::ensurePoller(const QString& profile) {
    std::unique_ptr<AccountPoller>& slot = m_pollers[profile];
    if (slot)
        return *slot;
    slot = std::make_unique<AccountPoller>(profile, m_poll, m_sharedBudget, [this] { return m_paused; });
    AccountPoller* p = slot.get();
    connect(p, &AccountPoller::polled, this, &TaskBoard::onPolled);
    connect(p, &AccountPoller::holdChanged, this, &TaskBoard::onHoldChanged);
    connect(p, &AccountPoller::started, this, &TaskBoard::onAccountStarted);
    connect(p, &AccountPoller::statusChanged, this, &TaskBoard::accountChanged);
    connect(p, &AccountPoller::clockCorrected, this, &TaskBoard::clockCorrected);
    connect(p, &AccountPoller::rateLimited, this, &TaskBoard::rateLimited);
    connect(p, &AccountPoller::pacingFallback, this, &TaskBoard::pacingFallback);
    connect(p, &AccountPoller::credentialsRejected, this,
            [this](const QString& profile, const QString& code, const QString& message) {
                m_journal.flush(); // what was seen before is told first
                emit authFailed(profile, code, message);
            });
    return *p;
}

void TaskBoard::setAccount(const QString& profile, const AccountConfig& config) {
    ensurePoller(profile).start(config);
    m_discovery->accountConfigured(profile);
}

void TaskBoard::setAccountMissing(const QString& profile, const QString& reason) {
    ensurePoller(profile).setMissing(reason);
}

void TaskBoard::removeAccount(const QString& profile, const QString& reason) {
    if (!hasAccount(profile))
        return;
    m_productDiscovery->accountRemoved(profile); // its listings use the account's clients
    m_pollers.erase(profile);                    // its requests in flight are abandoned with its client
    ensurePoller(profile).setMissing(reason);
}

void TaskBoard::resumeAccount(const QString& profile) {
    if (AccountPoller* p = poller(profile))
        p->resume();
}

bool TaskBoard::hasAccount(const QString& profile) const {
    const AccountPoller* p = poller(profile);
    return p && p->isStarted();
}

bool TaskBoard::isHeld(const QString& profile) const {
    const AccountPoller* p = poller(profile);
    return !p || p->status().isHeld();
}

AccountStatus TaskBoard::accountStatus(const QString& profile) const {
    const AccountPoller* p = poller(profile);
    return p ? p->status() : AccountStatus{};
}

const AccountConfig* TaskBoard::accountConfig(const QString& profile) const {
    const AccountPoller* p = poller(profile);
    return p ? p->config() : nullptr;
}

QStringList TaskBoard::profiles() const {
    QSet<QString> all;
    for (const auto& [name, p] : m_pollers)
        all.insert(name);
    for (const auto& t : m_tasks)
        all.insert(t->profile);
    QStringList list(all.cbegin(), all.cend());
    list.sort();
    return list;
}

QStringList TaskBoard::taskProfiles() const {
    QSet<QString> all;
    for (const auto& t : m_tasks)
        all.insert(t->profile);
    QStringList list(all.cbegin(), all.cend());
    list.sort();
    return list;
}

QString TaskBoard::resolveProfile(const QString& profile) const {
    if (!profile.isEmpty())
        return profile;
    if (!m_defaultProfile.isEmpty())
        return m_defaultProfile;
    return QString::fromLatin1(CredentialStore::kDefaultProfile);
}

QString TaskBoard::defaultRegion(const QString& profile) const {
    if (const AccountConfig* config = accountConfig(resolveProfile(profile));
        config && !config->region.isEmpty())
        return config->region;
    if (!m_lastRegion.isEmpty())
        return m_lastRegion;
    return QString::fromLatin1(Regions::kDefault);
}

// The account polls now: its tasks known before (restored, or added while its credentials were unknown) join
// its scheduler.
void TaskBoard::onAccountStarted(const QString& profile) {
    for (const auto& t : m_tasks) {
        if (PollScheduler* s = t->profile == profile && !t->isJobOnly() ? schedulerOf(t.get()) : nullptr)
            s->restoreTask(*t);
    }
    m_discovery->accountStarted(profile);
}

void TaskBoard::onHoldChanged(const QString& profile, bool held) {
    for (const auto& t : m_tasks) {
        if (t->profile == profile && (held ? TaskLifecycle::hold(*t) : TaskLifecycle::release(*t)))
            m_journal.recordUpdate(taskKey(*t));
    }
}

// --------------------------------------------------------------------------------------------------- tasks

TaskState* TaskBoard::find(const QString& key) const {
    return m_byKey.value(key, nullptr);
}

const TaskState* TaskBoard::task(const QString& key) const {
    return find(key);
}

// `key` is taskKey(state), shared with the caller's lists (one string per task).
TaskState& TaskBoard::insert(TaskState state, const QString& key) {
    auto owned = std::make_unique<TaskState>(std::move(state));
    TaskState& t = *owned;
    m_byKey.insert(key, &t);
    m_tasks.push_back(std::move(owned));
    return t;
}

AddReport TaskBoard::addText(const QString& text, const QString& profile, const QString& region,
                             const QString& bareNumbersProduct) {
    const PastedIds found = NamedTaskIds::extractAll(text, bareNumbersProduct);
    AddReport report;
    report.alreadyPresent = found.duplicates;
    report.rejected = found.rejected;
    report.unrecognisedLineCount = found.unrecognisedLineCount;
    report.unrecognisedLines = found.unrecognisedLines;
    for (const QString& product : Products::keys()) {
        const QStringList ids = found.idsOf(product);
        if (ids.isEmpty())
            continue;
        const QStringList added = addIds(ids, profile, region, product);
        if (!added.isEmpty())
            report.addedByProduct.insert(product, int(added.size()));
        report.addedKeys += added;
    }
    report.added = int(report.addedKeys.size());
    report.alreadyPresent += int(found.ids.size()) - report.added;
    return report;
}

QStringList TaskBoard::addIds(const QStringList& ids, const QString& profileName, const QString& regionName,
                              const QString& productName) {
    const QString profile = resolveProfile(profileName);
    const QString region = regionName.trimmed().isEmpty() ? defaultRegion(profile) : regionName.trimmed();
    if (!regionName.trimmed().isEmpty())
        m_lastRegion = region;
    const ProductAdapter* product =
        Products::find(productName.isEmpty() ? QString::fromLatin1(kCdbProduct) : productName);
    if (!product)
        return {};
    AccountPoller* p = poller(profile);
    PollScheduler* scheduler = p && p->isStarted() ? p->scheduler(product->key()) : nullptr;
    const bool held = isHeld(profile);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList added;
    for (const QString& id : ids) {
        const QString key = taskKey(profile, product->key(), id);
        if (id.isEmpty() || m_byKey.contains(key))
            continue;
        TaskState state;
        state.profile = profile;
        state.product = product->key();
        state.id = id;
        state.region = region;
        state.addedAt = now;
        state.phase = held ? TaskPhase::Held : TaskPhase::Waiting;
        insert(std::move(state), key);
        if (scheduler)
            scheduler->addTask(id, region);
        added.append(key);
    }
    m_discovery->tasksReadded(added);
    announceAdded(added);
    m_discovery->tasksJoined(added);
    return added;
}

// New tasks: written in one transaction, then announced at once.
void TaskBoard::announceAdded(const QStringList& keys) {
    if (keys.isEmpty())
        return;
    m_allDoneEmitted = false;
    m_journal.recordAdded(keys);
    emit tasksAdded(keys);
}

int TaskBoard::restore() {
    TaskStore* store = m_journal.store();
    if (!store)
        return 0;
    const std::optional<QList<TaskState>> stored = store->loadTasks();
    if (!stored)
        return -1;
    return int(adopt(*stored).size());
}

QStringList TaskBoard::adopt(const QList<TaskState>& states) {
    QStringList added;
    for (TaskState state : states) {
        if (state.profile.isEmpty())
            state.profile = resolveProfile({}); // written before profiles existed
        const QString key = taskKey(state);
        if (state.id.isEmpty() || m_byKey.contains(key))
            continue;
        if (!state.isJobOnly()) { // a job is refreshed from DescribeTasks only: never polled
            TaskLifecycle::restore(state, isHeld(state.profile));
            if (PollScheduler* s = schedulerOf(&state))
                s->restoreTask(state);
        }
        insert(std::move(state), key);
        added.append(key);
    }
    if (added.isEmpty())
        return added;
    m_allDoneEmitted = false;
    m_journal.recordRestored(added);
    m_discovery->tasksReadded(added);
    emit tasksAdded(added);
    m_discovery->tasksJoined(added);
    return added;
}

bool TaskBoard::remove(const QStringList& keys) {
    QList<const TaskState*> present;
    QStringList presentKeys;
    for (const QString& key : keys) {
        const TaskState* t = find(key);
        if (t && !present.contains(t)) {
            present.append(t);
            presentKeys.append(key);
        }
    }
    if (present.isEmpty())
        return true;
    // The store first: when it cannot remove them, they stay on the board (and polled), as they stay stored.
    if (!m_journal.removeTasks(present))
        return false;
    emit tasksAboutToBeRemoved(presentKeys);
    m_discovery->tasksRemoved(present);
    m_journal.forget(presentKeys);
    const QSet<const TaskState*> gone(present.cbegin(), present.cend());
    for (const TaskState* t : std::as_const(present)) {
        if (PollScheduler* s = schedulerOf(t))
            s->removeTask(t->id);
        m_byKey.remove(taskKey(*t));
    }
    std::erase_if(m_tasks, [&gone](const std::unique_ptr<TaskState>& t) { return gone.contains(t.get()); });
    return true;
}

QStringList TaskBoard::reinstate(const QList<TaskState>& states) {
    const QStringList added = adopt(states);
    m_journal.recordAdded(added);
    return added;
}

QStringList TaskBoard::clearFinished() {
    QStringList keys;
    for (const auto& t : m_tasks) {
        if (t->isFinished())
            keys.append(taskKey(*t));
    }
    return remove(keys) ? keys : QStringList();
}

void TaskBoard::retry(const QStringList& keys) {
    for (const QString& key : keys) {
        TaskState* t = find(key);
        PollScheduler* s = schedulerOf(t);
        if (!s || t->isJobOnly())
            continue;
        s->retry(t->id);
        if (t->isDone()) {
            TaskLifecycle::restart(*t);
            if (isHeld(t->profile))
                TaskLifecycle::hold(*t);
        }
        m_journal.recordUpdate(key);
        m_allDoneEmitted = false;
    }
}

void TaskBoard::refreshNow(const QStringList& keys) {
    if (keys.isEmpty()) {
        for (const auto& [name, p] : m_pollers) {
            for (PollScheduler* s : p->schedulers())
                s->refreshNow();
        }
        return;
    }
    QHash<PollScheduler*, QStringList> byScheduler;
    for (const QString& key : keys) {
        const TaskState* t = find(key);
        if (PollScheduler* s = schedulerOf(t))
            byScheduler[s].append(t->id);
    }
    for (auto it = byScheduler.cbegin(); it != byScheduler.cend(); ++it)
        it.key()->refreshNow(it.value());
}

void TaskBoard::touch(const QStringList& keys) {
    for (const QString& key : keys) {
        const TaskState* t = find(key);
        if (PollScheduler* s = schedulerOf(t))
            s->touch(t->id);
    }
}

void TaskBoard::setPaused(bool paused) {
    if (m_paused == paused)
        return;
    m_paused = paused;
    for (const auto& [name, p] : m_pollers)
        p->wake();
    emit pausedChanged(paused);
}

void TaskBoard::setMaxIntervalMs(int ms) {
    m_poll.maxIntervalMs = std::max(0, ms);
    for (const auto& [name, p] : m_pollers) {
        for (PollScheduler* s : p->schedulers())
            s->setMaxIntervalMs(m_poll.maxIntervalMs);
    }
}

QStringList TaskBoard::keys() const {
    QStringList out;
    out.reserve(qsizetype(m_tasks.size()));
    for (const auto& t : m_tasks)
        out.append(taskKey(*t));
    return out;
}

int TaskBoard::activeCount() const {
    return int(
        std::count_if(m_tasks.cbegin(), m_tasks.cend(), [](const auto& t) { return !t->isFinished(); }));
}

bool TaskBoard::anyTask(const std::function<bool(const TaskState&)>& predicate) const {
    return std::any_of(m_tasks.cbegin(), m_tasks.cend(), [&](const auto& t) { return predicate(*t); });
}

double TaskBoard::currentRate() const {
    double rate = 0;
    for (const auto& [name, p] : m_pollers) {
        for (const PollScheduler* s : p->schedulers())
            rate += s->currentRate();
    }
    return rate;
}

qint64 TaskBoard::msUntilNextPoll() const {
    qint64 soonest = -1;
    for (const auto& [name, p] : m_pollers) {
        for (const PollScheduler* s : p->schedulers()) {
            const qint64 ms = s->msUntilNextPoll();
            if (ms >= 0 && (soonest < 0 || ms < soonest))
                soonest = ms;
        }
    }
    return soonest;
}

int TaskBoard::inFlightCount() const {
    int n = 0;
    for (const auto& [name, p] : m_pollers) {
        for (const PollScheduler* s : p->schedulers())
            n += s->inFlightCount();
    }
    return n;
}

bool TaskBoard::isHeldByAuth() const {
    return std::any_of(m_pollers.cbegin(), m_pollers.cend(), [](const auto& entry) {
        return entry.second->status().state == AccountState::HeldByAuth;
    });
}

QList<HistoryEntry> TaskBoard::timeline(const QString& key) const {
    if (!m_byKey.contains(key))
        return {};
    return m_journal.timeline(profileOfKey(key), productOfKey(key), idOfKey(key));
}

void TaskBoard::flush(FlushMode mode) {
    m_journal.flush(mode);
}

// ----------------------------------------------------------------------------------------------- outcomes

void TaskBoard::onPolled(const QString& profile, const PollOutcome& outcome) {
    const QString key = taskKey(profile, outcome.product, outcome.taskId);
    TaskState* t = find(key);
    if (!t)
        return; // an answer for a task removed meanwhile
    TaskLifecycle::apply(*t, outcome, isHeld(profile));
    m_journal.recordUpdate(key,
                           outcome.observedChange ? std::optional(TaskStore::entryFrom(*t)) : std::nullopt);
    if (outcome.kind == PollOutcome::Kind::Finished || outcome.kind == PollOutcome::Kind::Stopped)
        m_journal.recordFinished(key);
    m_discovery->taskPolled(key, t->isFinished());
}

void TaskBoard::onCommitted(const QStringList& updated, const QList<HistoryEntry>& changes,
                            const QStringList& finished) {
    if (!updated.isEmpty())
        emit tasksUpdated(updated);
    if (!changes.isEmpty())
        emit changesObserved(changes);
    if (!finished.isEmpty())
        emit tasksFinished(finished);
    // Any unfinished task ends the check at once (a count of them would visit every task at every batch).
    if (!m_allDoneEmitted && count() > 0 && !anyTask([](const TaskState& t) { return !t.isFinished(); })) {
        m_allDoneEmitted = true;
        emit allDone();
    }
}

// ----------------------------------------------------------------------------------------------- discovery

void TaskBoard::discover(const DiscoveryRequest& request) {
    const ProductAdapter* product = Products::find(request.product);
    if (product && !isCdbProduct(product->key()))
        m_productDiscovery->discover(resolveProfile(request.profile), *product, request);
    else
        m_discovery->discover(resolveProfile(request.profile), request);
}

void TaskBoard::setDiscoveryIntervals(qint64 trackMs, qint64 followMs) {
    m_discovery->setIntervals(trackMs, followMs);
}

void TaskBoard::stopFollowing(const QString& profile) {
    m_discovery->stopFollowing(profile);
}

bool TaskBoard::isFollowing(const QString& profile) const {
    return m_discovery->isFollowing(profile);
}

bool TaskBoard::isDiscovering() const {
    return m_discovery->isDiscovering() || m_productDiscovery->isBusy();
}

// What DescribeTasks says now about a task on the board; a job without an AsyncRequestId follows it.
void TaskBoard::updateListedFacts(const QString& key, DiscoveryFacts facts, const QDateTime& now) {
    TaskState* t = find(key);
    if (!t)
        return;
    DiscoveryFacts before = t->discovery;
    before.listedAt = facts.listedAt;
    if (facts.instanceName.isEmpty())
        facts.instanceName = before.instanceName; // names may be unavailable this time
    t->discovery = facts;
    if (t->isJobOnly()) {
        const bool wasFinished = t->isFinished();
        const bool changed = TaskLifecycle::followListing(*t, now);
        m_journal.recordUpdate(key, changed ? std::optional(TaskStore::entryFrom(*t)) : std::nullopt);
        if (!wasFinished && t->isFinished())
            m_journal.recordFinished(key);
    } else if (TaskLifecycle::showListedStatus(*t, now)) { // never answered by id: the listed status
        m_journal.recordUpdate(key, TaskStore::entryFrom(*t));
    } else if (!(before == facts)) {
        m_journal.recordUpdate(key);
    } else {
        m_journal.recordChecked(key);
    }
}

// A task a listing found: finished already (shown with its final state, never polled), a job without an
// AsyncRequestId (follows the listing), or unfinished (polled like a pasted one).
QString TaskBoard::addListed(const QString& profile, const QString& id, const QString& region,
                             const DiscoveryFacts& facts, const QDateTime& now, const QString& product,
                             const std::optional<QString>& vendorStatus) {
    TaskState state;
    state.profile = profile;
    state.product = product;
    state.id = id;
    state.region = region;
    state.addedAt = now;
    state.discovery = facts;
    const QString key = taskKey(profile, product, id);
    TaskState& t = insert(std::move(state), key);
    const bool held = isHeld(profile);
    if (t.isJobOnly()) {
        TaskLifecycle::followListing(t, now);
        m_journal.recordUpdate(key, TaskStore::entryFrom(t));
    } else if (TaskStatus::isTerminal(facts.status)) {
        t.lastCheckedAt = now;
        TaskLifecycle::finishFromListing(t, now);
        if (vendorStatus)
            t.vendorStatus = vendorStatus;
        m_journal.recordUpdate(key, TaskStore::entryFrom(t));
    } else {
        t.phase = held ? TaskPhase::Held : TaskPhase::Waiting;
        if (TaskLifecycle::showListedStatus(t, now)) // until the poll action answers
            m_journal.recordUpdate(key, TaskStore::entryFrom(t));
        if (PollScheduler* s = schedulerOf(&t))
            s->addTask(id, region);
    }
    if (t.isFinished())
        m_journal.recordFinished(key);
    return key;
}

bool TaskBoard::pollNow(const QString& key) {
    const TaskState* t = find(key);
    PollScheduler* s = schedulerOf(t);
    if (!s || !s->contains(t->id))
        return false;
    s->refreshNow({t->id});
    return true;
}

bool TaskBoard::pollOnce(const QString& key, qint64 notSentBefore) {
    const TaskState* t = find(key);
    PollScheduler* s = schedulerOf(t);
    return s && s->pollOnce(t->id, notSentBefore);
}

// A covered task has no per-id poll planned: the time of the next one it showed is dropped.
void TaskBoard::cover(const QString& key, qint64 forMs) {
    TaskState* t = find(key);
    PollScheduler* s = schedulerOf(t);
    if (!s)
        return;
    s->cover(t->id, forMs);
    if (forMs > 0 && t->nextPollAt.isValid() && t->phase == TaskPhase::Polling) {
        t->nextPollAt = QDateTime();
        m_journal.recordUpdate(key);
    }
}

void TaskBoard::markUnlisted(const QString& key, qint64 forMs) {
    const TaskState* t = find(key);
    if (PollScheduler* s = schedulerOf(t))
        s->markUnlisted(t->id, forMs);
}

// DescribeTasks said finished and the one more poll did not: the task takes the listing's final state.
void TaskBoard::finishFromListing(const QString& key) {
    TaskState* t = find(key);
    if (!t || t->isFinished())
        return;
    if (PollScheduler* s = schedulerOf(t))
        s->removeTask(t->id);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    TaskLifecycle::finishFromListing(*t, now);
    HistoryEntry entry = TaskStore::entryFrom(*t);
    entry.observedAt = now;
    m_journal.recordUpdate(key, entry);
    m_journal.recordFinished(key);
}

} // namespace taskwatch
