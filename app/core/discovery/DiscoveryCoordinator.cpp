#include "discovery/DiscoveryCoordinator.h"

#include "Clock.h"
#include "TaskBoard.h"
#include "polling/AccountPoller.h"

#include <algorithm>

namespace taskwatch {

namespace {
constexpr qint64 kMaxTimerMs = 24LL * 3600 * 1000;
constexpr qint64 kRetryCapMs = 60000;           // a failing tracking listing is tried at least this often
constexpr qint64 kUnknownStartSecs = 24 * 3600; // a task never listed may have started this long before
constexpr qint64 kWindowMarginSecs = 60;        // the start-time window begins this much earlier
} // namespace

DiscoveryCoordinator::DiscoveryCoordinator(TaskBoard* board)
    : QObject(board)
    , m_board(board) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DiscoveryCoordinator::onTick);
    connect(board, &TaskList::pausedChanged, this, [this] {
        for (const QString& profile : m_board->profiles())
            updateTracking(profile);
        schedule();
    });
    connect(board, &TaskBoard::accountChanged, this, [this](const QString& profile) {
        updateTracking(profile);
        schedule();
    });
}

// ---------------------------------------------------------------------------------------- the user's asks

void DiscoveryCoordinator::discover(const QString& profile, const DiscoveryRequest& request) {
    QStringList regions;
    for (const QString& r : request.regions) {
        if (!r.trimmed().isEmpty() && !regions.contains(r.trimmed()))
            regions.append(r.trimmed());
    }
    if (regions.isEmpty())
        regions.append(m_board->defaultRegion(profile));
    for (const QString& region : std::as_const(regions)) {
        const WatchKey key{profile, region};
        RegionWatch& watch = m_watches[key];
        watch.query = request.query;
        watch.query.region = region;
        watch.hasQuery = true;
        watch.follow = watch.follow || request.follow;
        watch.unsupported = false; // asked again: tried again
        if (canList(profile) && watch.discoverListing == 0)
            listDiscovery(key, watch);
    }
    schedule();
}

void DiscoveryCoordinator::setIntervals(qint64 trackMs, qint64 followMs) {
    m_trackMs = std::max<qint64>(1, trackMs);
    m_followMs = std::max<qint64>(1, followMs);
    schedule();
}

void DiscoveryCoordinator::stopFollowing(const QString& profile) {
    for (auto& [key, watch] : m_watches) {
        if (profile.isEmpty() || key.first == profile)
            watch.follow = false;
    }
}

bool DiscoveryCoordinator::isFollowing(const QString& profile) const {
    return std::any_of(m_watches.cbegin(), m_watches.cend(), [&](const auto& entry) {
        return entry.first.first == profile && entry.second.follow;
    });
}

bool DiscoveryCoordinator::isDiscovering() const {
    return std::any_of(m_watches.cbegin(), m_watches.cend(),
                       [](const auto& entry) { return entry.second.discoverListing != 0; });
}

// ------------------------------------------------------------------------------------------ the board's news

void DiscoveryCoordinator::accountStarted(const QString& profile) {
    const AccountPoller* account = m_board->poller(profile);
    DiscoveryClient* client = account ? account->discovery() : nullptr;
    if (!client)
        return;
    connect(client, &DiscoveryClient::listed, this,
            [this, profile](const DiscoveryClient::Result& result) { onListed(profile, result); });
    connect(client, &DiscoveryClient::failed, this,
            [this, profile](const DiscoveryClient::Failure& failure) { onListingFailed(profile, failure); });
    connect(client, &DiscoveryClient::attemptFailed, this,
            [this, profile](quint64 listing) { onAttemptFailed(profile, listing); });
    connect(client, &QObject::destroyed, this, [this, profile] { forgetListings(profile); });
    m_tracking[profile] = canTrack(profile);
    if (m_tracking[profile])
        rejoin(profile);
    schedule();
}

void DiscoveryCoordinator::accountConfigured(const QString& profile) {
    m_listingDenied.remove(profile); // new credentials may have the permission
    updateTracking(profile);
    schedule();
}

void DiscoveryCoordinator::tasksJoined(const QStringList& keys) {
    for (const QString& key : keys) {
        const TaskState* t = m_board->task(key);
        if (!t || t->isFinished() || !canTrack(t->profile))
            continue;
        RegionWatch& watch = m_watches[{t->profile, t->region}];
        if (watch.unsupported)
            continue;
        watch.pending.insert(key);
        if (!t->isJobOnly())
            m_board->cover(key, firstListingWaitMs());
    }
    schedule();
}

void DiscoveryCoordinator::taskPolled(const QString& key, bool finished) {
    // The one more poll after a listing said finished: then none, whatever it answered.
    if (!m_finalPoll.remove(key) || finished)
        return;
    QMetaObject::invokeMethod(
        this, [this, key] { m_board->finishFromListing(key); }, Qt::QueuedConnection);
}

void DiscoveryCoordinator::tasksRemoved(const QList<const TaskState*>& tasks) {
    for (const TaskState* t : tasks) {
        const QString key = taskKey(*t);
        m_finalPoll.remove(key);
        if (t->discovery.isDiscovered())
            m_dismissed.insert(key);
        if (const auto it = m_watches.find({t->profile, t->region}); it != m_watches.end()) {
            it->second.covered.remove(key);
            it->second.expected.remove(key);
            it->second.pending.remove(key);
        }
    }
}

void DiscoveryCoordinator::tasksReadded(const QStringList& keys) {
    for (const QString& key : keys)
        m_dismissed.remove(key);
}

// --------------------------------------------------------------------------------------------- accounts

bool DiscoveryCoordinator::canList(const QString& profile) const {
    const AccountPoller* account = m_board->poller(profile);
    return account && account->discovery() && !account->status().isHeld() &&
           account->status().discoveryProblem.isEmpty() && !m_board->isPaused();
}

bool DiscoveryCoordinator::canTrack(const QString& profile) const {
    return canList(profile) && !m_listingDenied.contains(profile);
}

void DiscoveryCoordinator::updateTracking(const QString& profile) {
    const bool now = canTrack(profile);
    const bool before = m_tracking.value(profile, false);
    if (now == before)
        return;
    m_tracking[profile] = now;
    if (now)
        rejoin(profile);
    else
        uncover(profile);
}

// Every unfinished task of the account waits for a listing again (it starts, resumes, may list again).
void DiscoveryCoordinator::rejoin(const QString& profile) {
    for (auto& [key, watch] : m_watches) {
        if (key.first == profile)
            watch.trackFailures = 0;
    }
    QStringList keys;
    m_board->anyTask([&](const TaskState& t) {
        if (t.profile == profile && !t.isFinished())
            keys.append(taskKey(t));
        return false;
    });
    tasksJoined(keys);
}

// No listing covers the tasks any more: their per-id adaptive polling resumes at once.
void DiscoveryCoordinator::uncover(const QString& profile, const QString& region) {
    m_board->anyTask([&](const TaskState& t) {
        if (t.profile == profile && (region.isEmpty() || t.region == region) && !t.isFinished() &&
            !t.isJobOnly())
            m_board->cover(taskKey(t), 0);
        return false;
    });
    for (auto& [key, watch] : m_watches) {
        if (key.first == profile && (region.isEmpty() || key.second == region)) {
            watch.covered.clear();
            watch.pending.clear();
        }
    }
}

void DiscoveryCoordinator::forgetListings(const QString& profile) {
    for (auto& [key, watch] : m_watches) {
        if (key.first != profile)
            continue;
        watch.discoverListing = 0;
        watch.trackListing = 0;
        watch.expected.clear();
    }
    m_tracking.remove(profile);
}

// ------------------------------------------------------------------------------------------------- timing

DiscoveryCoordinator::RegionTasks DiscoveryCoordinator::unfinishedByRegion() const {
    RegionTasks byRegion;
    m_board->anyTask([&](const TaskState& t) {
        if (!t.isFinished() && !m_finalPoll.contains(taskKey(t)))
            byRegion[{t.profile, t.region}].append(&t);
        return false;
    });
    return byRegion;
}

std::optional<qint64> DiscoveryCoordinator::trackDueAt(const RegionWatch& watch, bool hasTasks,
                                                       qint64 now) const {
    if (!hasTasks || watch.trackListing != 0 || watch.unsupported)
        return std::nullopt;
    if (watch.trackedAt < 0)
        return now;
    if (watch.trackFailures > 0)
        return watch.trackedAt + std::min(kRetryCapMs, m_trackMs << std::min(watch.trackFailures, 10));
    if (watch.lastComplete && (watch.needAllStatuses || !watch.pending.isEmpty()))
        return now;
    const qint64 idleMs = std::max(m_trackMs, kIdleTrackMs * m_trackMs / kTrackMs);
    return watch.trackedAt + (watch.showsAny || !watch.lastComplete ? m_trackMs : idleMs);
}

std::optional<qint64> DiscoveryCoordinator::followDueAt(const QString& profile,
                                                        const RegionWatch& watch) const {
    if (!watch.follow || !watch.hasQuery || watch.discoverListing != 0 || watch.unsupported ||
        !canList(profile))
        return std::nullopt;
    return watch.discoveredAt < 0 ? steadyNowMs() : watch.discoveredAt + m_followMs;
}

// Arms the timer for the next listing due; none while nothing is (no unfinished task, paused, held): an idle
// board does not wake for listings.
void DiscoveryCoordinator::schedule() {
    const qint64 now = steadyNowMs();
    const RegionTasks tasks = unfinishedByRegion();
    std::optional<qint64> next;
    const auto earliest = [&next](std::optional<qint64> due) {
        if (due && (!next || *due < *next))
            next = due;
    };
    for (auto it = tasks.cbegin(); it != tasks.cend(); ++it) {
        if (canTrack(it.key().first))
            earliest(trackDueAt(m_watches[it.key()], true, now));
    }
    for (const auto& [key, watch] : m_watches)
        earliest(followDueAt(key.first, watch));
    if (!next) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(*next - now, 0, kMaxTimerMs)));
}

void DiscoveryCoordinator::onTick() {
    const qint64 now = steadyNowMs();
    const RegionTasks tasks = unfinishedByRegion();
    for (auto it = tasks.cbegin(); it != tasks.cend(); ++it) {
        if (!canTrack(it.key().first))
            continue;
        RegionWatch& watch = m_watches[it.key()];
        if (const std::optional<qint64> due = trackDueAt(watch, true, now); due && *due <= now)
            listTracking(it.key(), watch, it.value());
    }
    for (auto& [key, watch] : m_watches) {
        if (const std::optional<qint64> due = followDueAt(key.first, watch); due && *due <= now)
            listDiscovery(key, watch);
    }
    schedule();
}

void DiscoveryCoordinator::listDiscovery(const WatchKey& key, RegionWatch& watch) {
    watch.discoveredAt = steadyNowMs();
    watch.discoverListing = m_board->poller(key.first)->discovery()->list(watch.query);
}

// The region's unfinished tasks since the oldest watched one started (a task never listed may have started a
// day before it was added), or — when a job-only task left that listing — every status since the oldest
// job-only one.
void DiscoveryCoordinator::listTracking(const WatchKey& key, RegionWatch& watch,
                                        const QList<const TaskState*>& tasks) {
    QDateTime since;
    QDateTime sinceJobs;
    watch.expected.clear();
    for (const TaskState* t : tasks) {
        watch.expected.insert(taskKey(*t));
        const QDateTime start = t->discovery.startedAt.isValid() ? t->discovery.startedAt
                                                                 : t->addedAt.addSecs(-kUnknownStartSecs);
        if (!since.isValid() || start < since)
            since = start;
        if (t->isJobOnly() && (!sinceJobs.isValid() || start < sinceJobs))
            sinceJobs = start;
    }
    Discovery::Query query;
    query.region = key.second;
    if (watch.needAllStatuses && sinceJobs.isValid()) {
        watch.trackKind = ListingMatch::Kind::AllStatuses;
        query.since = sinceJobs.addSecs(-kWindowMarginSecs);
    } else {
        watch.needAllStatuses = false;
        watch.trackKind = ListingMatch::Kind::Unfinished;
        query.since = since.isValid() ? since.addSecs(-kWindowMarginSecs) : since;
        query.statusNumbers = Discovery::unfinishedStatusNumbers();
    }
    watch.trackedAt = steadyNowMs();
    watch.trackListing = m_board->poller(key.first)->discovery()->list(query);
}

// ------------------------------------------------------------------------------------------------ results

void DiscoveryCoordinator::onListed(const QString& profile, const DiscoveryClient::Result& result) {
    const WatchKey key{profile, result.query.region};
    const auto it = m_watches.find(key);
    if (it == m_watches.end())
        return;
    if (result.listing == it->second.trackListing)
        onTracked(key, it->second, result);
    else if (result.listing == it->second.discoverListing)
        onDiscovered(key, it->second, result);
    schedule();
}

QList<ListingMatch::Watched> DiscoveryCoordinator::watchedOf(const QString& profile,
                                                             const QSet<QString>& keys,
                                                             const RegionWatch& watch) const {
    QList<ListingMatch::Watched> watched;
    watched.reserve(keys.size());
    for (const QString& key : keys) {
        const TaskState* t = m_board->task(key);
        if (!t || t->profile != profile || t->isFinished() || m_finalPoll.contains(key))
            continue;
        ListingMatch::Watched w;
        w.key = key;
        w.id = t->id;
        w.jobOnly = t->isJobOnly();
        w.covered = watch.covered.contains(key);
        w.answered = t->wasAnswered();
        w.status = t->status;
        w.listedBefore = t->discovery.isDiscovered();
        w.listedStatus = t->discovery.status;
        w.listedProgress = t->discovery.progress;
        watched.append(w);
    }
    return watched;
}

// The listing's facts go to the tasks it shows (before that, the decisions compared them with the last ones),
// then the covers and the polls.
void DiscoveryCoordinator::apply(const QString& profile, const DiscoveryClient::Result& result,
                                 const QList<ListingMatch::Watched>& watched,
                                 const ListingMatch::Decisions& decisions, RegionWatch& watch) {
    QSet<QString> keys;
    for (const ListingMatch::Watched& w : watched)
        keys.insert(w.key);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Discovery::Item& item : result.items) {
        const QString key = taskKey(profile, item.id);
        if (!keys.contains(key))
            continue;
        DiscoveryFacts facts = item.facts;
        facts.listedAt = now;
        m_board->updateListedFacts(key, facts, now);
        watch.showsAny = true;
    }
    for (const QString& key : decisions.uncover) {
        m_board->cover(key, 0);
        watch.covered.remove(key);
    }
    for (const QString& key : decisions.unlisted) {
        m_board->markUnlisted(key, coverMs());
        watch.covered.remove(key);
    }
    for (const QString& key : decisions.cover) {
        m_board->cover(key, coverMs());
        watch.covered.insert(key);
    }
    for (const QString& key : decisions.pollOnce) {
        if (!decisions.finishedListed.contains(key))
            m_board->pollOnce(key, result.sentAt);
        else if (m_board->pollNow(key)) // one more poll for its Info, then the listing's final state
            m_finalPoll.insert(key);
    }
}

void DiscoveryCoordinator::onTracked(const WatchKey& key, RegionWatch& watch,
                                     const DiscoveryClient::Result& result) {
    watch.trackListing = 0;
    watch.trackFailures = 0;
    const QSet<QString> expected = std::exchange(watch.expected, {});
    watch.lastComplete = result.complete;
    if (!result.complete)
        return; // changes nothing: the next listing may
    const QList<ListingMatch::Watched> watched = watchedOf(key.first, expected, watch);
    const ListingMatch::Decisions decisions =
        ListingMatch::match(watch.trackKind, true, result.items, watched);
    if (watch.trackKind == ListingMatch::Kind::Unfinished) {
        watch.showsAny = false;
        watch.pending.subtract(expected);
    } else {
        watch.needAllStatuses = false;
    }
    apply(key.first, result, watched, decisions, watch);
    watch.needAllStatuses = watch.needAllStatuses || decisions.needAllStatuses;
}

QString DiscoveryCoordinator::addListed(const QString& profile, const Discovery::Item& item,
                                        RegionWatch& watch, const QDateTime& now) {
    DiscoveryFacts facts = item.facts;
    facts.listedAt = now;
    const QString key = m_board->addListed(profile, item.id, item.region, facts, now);
    const TaskState* t = m_board->task(key);
    if (t && !t->isFinished() && !t->isJobOnly() && canTrack(profile)) {
        m_board->cover(key, coverMs()); // listed just now: the tracking listings take over
        watch.covered.insert(key);
    }
    return key;
}

void DiscoveryCoordinator::onDiscovered(const WatchKey& key, RegionWatch& watch,
                                        const DiscoveryClient::Result& result) {
    watch.discoverListing = 0;
    const QString& profile = key.first;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Tasks on the board: what the listing shows of them (facts, polls); finished ones get the facts only.
    QSet<QString> onBoard;
    QStringList finishedShown;
    for (const Discovery::Item& item : result.items) {
        const QString taskKeyOf = taskKey(profile, item.id);
        if (const TaskState* t = m_board->task(taskKeyOf)) {
            if (t->isFinished())
                finishedShown.append(taskKeyOf);
            else
                onBoard.insert(taskKeyOf);
        }
    }
    const QList<ListingMatch::Watched> watched = watchedOf(profile, onBoard, watch);
    apply(profile, result, watched,
          ListingMatch::match(ListingMatch::Kind::Discovery, result.complete, result.items, watched), watch);
    for (const Discovery::Item& item : result.items) {
        const QString k = taskKey(profile, item.id);
        if (finishedShown.contains(k)) {
            DiscoveryFacts facts = item.facts;
            facts.listedAt = now;
            m_board->updateListedFacts(k, facts, now);
        }
    }
    QStringList added;
    for (const Discovery::Item& item : result.items) {
        const QString k = taskKey(profile, item.id);
        if (!m_board->task(k) && Discovery::matches(watch.query, item) && !m_dismissed.contains(k))
            added.append(addListed(profile, item, watch, now));
    }
    m_board->announceAdded(added);
    QStringList warnings;
    if (result.malformed > 0)
        warnings << tr("%n malformed task(s) skipped", nullptr, result.malformed);
    if (result.cutOff)
        warnings
            << tr("only the newest %1 tasks were read").arg(Discovery::kMaxPages * Discovery::kPageLimit);
    if (!result.namesProblem.isEmpty())
        warnings << result.namesProblem;
    emit finished(profile, key.second, int(result.items.size()), int(added.size()), result.malformed,
                  warnings.join(QLatin1String("; ")));
}

// ------------------------------------------------------------------------------------------------ failures

void DiscoveryCoordinator::onListingFailed(const QString& profile, const DiscoveryClient::Failure& failure) {
    const WatchKey key{profile, failure.region};
    const auto it = m_watches.find(key);
    if (it == m_watches.end())
        return;
    if (failure.listing == it->second.trackListing)
        onTrackingFailed(key, it->second, failure);
    else if (failure.listing == it->second.discoverListing)
        onDiscoveryFailed(key, failure);
    schedule();
}

void DiscoveryCoordinator::releasePending(const RegionWatch& watch) {
    for (const QString& key : watch.pending) {
        if (!watch.covered.contains(key))
            m_board->cover(key, 0);
    }
}

void DiscoveryCoordinator::onAttemptFailed(const QString& profile, quint64 listing) {
    for (const auto& [key, watch] : m_watches) {
        if (key.first == profile && watch.trackListing == listing)
            releasePending(watch);
    }
}

// Said to no one (the user asked for no listing): the tasks are polled by id instead.
void DiscoveryCoordinator::onTrackingFailed(const WatchKey& key, RegionWatch& watch,
                                            const DiscoveryClient::Failure& failure) {
    watch.trackListing = 0;
    watch.expected.clear();
    releasePending(watch);
    switch (failure.kind) {
    case DiscoveryClient::FailureKind::PermissionDenied:
        m_listingDenied.insert(key.first);
        updateTracking(key.first);
        break;
    case DiscoveryClient::FailureKind::UnsupportedRegion:
        watch.unsupported = true;
        uncover(key.first, key.second);
        break;
    case DiscoveryClient::FailureKind::AuthRejected:
        ++watch.trackFailures;
        uncover(key.first); // the per-id polls find out and hold the account
        break;
    case DiscoveryClient::FailureKind::Failed:
        ++watch.trackFailures; // the covers it did not renew run out
        break;
    }
}

void DiscoveryCoordinator::onDiscoveryFailed(const WatchKey& key, const DiscoveryClient::Failure& failure) {
    const QString& profile = key.first;
    RegionWatch& watch = m_watches[key];
    watch.discoverListing = 0;
    Failure kind = Failure::Failed;
    switch (failure.kind) {
    case DiscoveryClient::FailureKind::PermissionDenied:
        kind = Failure::PermissionDenied;
        stopFollowing(profile);
        if (AccountPoller* account = m_board->poller(profile))
            account->setDiscoveryDenied(failure.message); // the tracking listings stop too
        break;
    case DiscoveryClient::FailureKind::UnsupportedRegion:
        kind = Failure::UnsupportedRegion;
        watch.hasQuery = false;
        watch.follow = false;
        watch.unsupported = true;
        uncover(profile, key.second);
        break;
    case DiscoveryClient::FailureKind::AuthRejected:
        kind = Failure::AuthRejected;
        break;
    case DiscoveryClient::FailureKind::Failed:
        break;
    }
    emit failed(profile, failure.region, kind, failure.message);
}

} // namespace taskwatch
