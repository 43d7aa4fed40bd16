#include "discovery/DiscoveryCoordinator.h"

#include "Clock.h"
#include "TaskBoard.h"
#include "polling/AccountPoller.h"

#include <QHash>
#include <algorithm>

namespace taskwatch {

DiscoveryCoordinator::DiscoveryCoordinator(TaskBoard* board)
    : QObject(board)
    , m_board(board) {
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DiscoveryCoordinator::onTick);
}

void DiscoveryCoordinator::discover(const QString& profile, const DiscoveryRequest& request) {
    QStringList regions;
    for (const QString& r : request.regions) {
        if (!r.trimmed().isEmpty() && !regions.contains(r.trimmed()))
            regions.append(r.trimmed());
    }
    if (regions.isEmpty())
        regions.append(m_board->defaultRegion(profile));
    for (const QString& region : std::as_const(regions)) {
        RegionWatch& watch = m_watches[{profile, region}];
        watch.query = request.query;
        watch.query.region = region;
        watch.follow = watch.follow || request.follow;
        listRegion(profile, region);
    }
    m_timer.start();
}

void DiscoveryCoordinator::listRegion(const QString& profile, const QString& region) {
    const auto it = m_watches.find({profile, region});
    if (it == m_watches.end() || it->second.listing)
        return;
    const AccountPoller* account = m_board->poller(profile);
    if (!account || !account->discovery() || !account->status().discoveryProblem.isEmpty() ||
        account->status().isHeld() || m_board->isPaused())
        return;
    it->second.listing = true;
    it->second.listedAt = steadyNowMs();
    account->discovery()->list(it->second.query);
}

void DiscoveryCoordinator::setIntervals(qint64 refreshMs, qint64 followMs) {
    m_refreshMs = std::max<qint64>(1, refreshMs);
    m_followMs = std::max<qint64>(1, followMs);
    m_timer.setInterval(int(std::clamp<qint64>(std::min(m_refreshMs, m_followMs) / 4, 10, 1000)));
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
                       [](const auto& entry) { return entry.second.listing; });
}

void DiscoveryCoordinator::accountStarted(const QString& profile) {
    const AccountPoller* account = m_board->poller(profile);
    DiscoveryClient* client = account ? account->discovery() : nullptr;
    if (!client)
        return;
    connect(client, &DiscoveryClient::listed, this,
            [this, profile](const DiscoveryClient::Result& result) { onListed(profile, result); });
    connect(client, &DiscoveryClient::failed, this,
            [this, profile](const DiscoveryClient::Failure& failure) { onListingFailed(profile, failure); });
    ensureRefreshWatches(profile);
}

void DiscoveryCoordinator::taskPolled(const QString& key, bool finished) {
    // The one more poll after DescribeTasks said finished: then none, whatever it answered.
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
    }
}

void DiscoveryCoordinator::tasksReadded(const QStringList& keys) {
    for (const QString& key : keys)
        m_dismissed.remove(key);
}

bool DiscoveryCoordinator::hasUnfinishedDiscovered(const QString& profile, const QString& region) const {
    return m_board->anyTask([&](const TaskState& t) {
        return t.profile == profile && t.region == region && t.discovery.isDiscovered() &&
               (!t.isFinished() || m_finalPoll.contains(taskKey(t)));
    });
}

// Regions with unfinished discovered tasks (e.g. restored) are listed again even without a discover() call,
// from the oldest such task's start.
void DiscoveryCoordinator::ensureRefreshWatches(const QString& profile) {
    QHash<QString, QDateTime> oldest;
    m_board->anyTask([&](const TaskState& t) {
        if (t.profile != profile || !t.discovery.isDiscovered() || t.isFinished())
            return false;
        QDateTime& since = oldest[t.region];
        const QDateTime start = t.discovery.startedAt.isValid() ? t.discovery.startedAt : t.addedAt;
        if (!since.isValid() || start < since)
            since = start;
        return false;
    });
    for (auto it = oldest.cbegin(); it != oldest.cend(); ++it) {
        RegionWatch& watch = m_watches[{profile, it.key()}];
        if (watch.query.region.isEmpty()) {
            watch.query.region = it.key();
            watch.query.since = it.value().addSecs(-60);
        } else if (watch.query.since.isValid() && it.value() < watch.query.since) {
            watch.query.since = it.value().addSecs(-60);
        }
    }
    if (!oldest.isEmpty())
        m_timer.start();
}

void DiscoveryCoordinator::onTick() {
    const qint64 now = steadyNowMs();
    bool any = false;
    for (auto& [key, watch] : m_watches) {
        const bool refresh = hasUnfinishedDiscovered(key.first, key.second);
        any = any || refresh || watch.follow || watch.listing;
        if (watch.listing)
            continue;
        qint64 interval = -1; // the shorter of the applicable ones
        if (refresh)
            interval = m_refreshMs;
        if (watch.follow)
            interval = interval < 0 ? m_followMs : std::min(interval, m_followMs);
        if (interval >= 0 && (watch.listedAt < 0 || now - watch.listedAt >= interval))
            listRegion(key.first, key.second);
    }
    if (!any)
        m_timer.stop();
}

void DiscoveryCoordinator::mergeItem(const QString& profile, const Discovery::Item& item,
                                     const Discovery::Query& query, const QDateTime& now,
                                     QStringList* added) {
    const QString key = taskKey(profile, item.id);
    DiscoveryFacts facts = item.facts;
    facts.listedAt = now;
    if (const TaskState* t = m_board->task(key)) {
        m_board->updateListedFacts(key, facts, now);
        // Listed finished while polled: one more poll for its Info, then the listing's final state.
        if (!t->isJobOnly() && TaskStatus::isTerminal(facts.status) && !t->isFinished() &&
            !m_finalPoll.contains(key) && m_board->pollOnce(key))
            m_finalPoll.insert(key);
        return;
    }
    if (!Discovery::matches(query, item) || m_dismissed.contains(key))
        return;
    added->append(m_board->addListed(profile, item.id, item.region, facts, now));
}

void DiscoveryCoordinator::onListed(const QString& profile, const DiscoveryClient::Result& result) {
    const QString region = result.query.region;
    const auto watch = m_watches.find({profile, region});
    if (watch != m_watches.end())
        watch->second.listing = false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList added;
    const Discovery::Query query = watch != m_watches.end() ? watch->second.query : result.query;
    for (const Discovery::Item& item : result.items)
        mergeItem(profile, item, query, now, &added);
    m_board->announceAdded(added);
    QStringList warnings;
    if (result.malformed > 0)
        warnings << tr("%n malformed task(s) skipped", nullptr, result.malformed);
    if (result.cutOff)
        warnings
            << tr("only the newest %1 tasks were read").arg(Discovery::kMaxPages * Discovery::kPageLimit);
    if (!result.namesProblem.isEmpty())
        warnings << result.namesProblem;
    emit finished(profile, region, int(result.items.size()), int(added.size()), result.malformed,
                  warnings.join(QLatin1String("; ")));
    m_timer.start();
}

void DiscoveryCoordinator::onListingFailed(const QString& profile, const DiscoveryClient::Failure& failure) {
    const auto watch = m_watches.find({profile, failure.region});
    Failure kind = Failure::Failed;
    switch (failure.kind) {
    case DiscoveryClient::FailureKind::PermissionDenied:
        kind = Failure::PermissionDenied;
        stopFollowing(profile);
        if (AccountPoller* account = m_board->poller(profile))
            account->setDiscoveryDenied(failure.message);
        break;
    case DiscoveryClient::FailureKind::UnsupportedRegion:
        kind = Failure::UnsupportedRegion;
        if (watch != m_watches.end()) {
            m_watches.erase(watch);
            emit failed(profile, failure.region, kind, failure.message);
            return;
        }
        break;
    case DiscoveryClient::FailureKind::AuthRejected:
        kind = Failure::AuthRejected;
        break;
    case DiscoveryClient::FailureKind::Failed:
        break;
    }
    if (watch != m_watches.end())
        watch->second.listing = false;
    emit failed(profile, failure.region, kind, failure.message);
}

} // namespace taskwatch
