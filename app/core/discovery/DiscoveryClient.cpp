#include "discovery/DiscoveryClient.h"

#include "Clock.h"
#include "api/ErrorCatalog.h"
#include "api/QueryResult.h"
#include "pacing/ClockCorrector.h"
#include "pacing/RateGovernor.h"
#include "polling/RetryVerdict.h"
#include "task/SafeText.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <algorithm>
#include <climits>

namespace taskwatch {

namespace {
constexpr int kBackoffStartMs = 2000;
constexpr int kBackoffCapMs = 60000;
constexpr int kSlowdownMs = 10000;
} // namespace

DiscoveryClient::DiscoveryClient(TaskQueryBackend* client, Clock clock, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock ? std::move(clock) : Clock(&steadyNowMs))
    , m_rates{RateGovernor(Discovery::kMaxRate, Discovery::kMaxRate, kSlowdownMs),
              RateGovernor(Discovery::kMaxRate, Discovery::kMaxRate, kSlowdownMs)}
    , m_rng(QRandomGenerator::global()->generate()) {
    qRegisterMetaType<taskwatch::DiscoveryClient::Result>();
    qRegisterMetaType<taskwatch::DiscoveryClient::Failure>();
    for (const Action a : {Tasks, Instances}) {
        const auto firstDueAt = [this, a](qint64) -> std::optional<qint64> {
            if (m_queue[a].empty() || m_inFlightCount[a] >= kMaxInFlight)
                return std::nullopt;
            return m_queue[a].front().dueAt;
        };
        const auto sendFirst = [this, a](qint64 now) {
            Request r = std::move(m_queue[a].front());
            m_queue[a].pop_front();
            send(std::move(r), now);
        };
        m_pumps[a] =
            std::make_unique<PacingPump>(&m_rates[a], m_clock, PacingPump::Work{firstDueAt, sendFirst});
    }
    connect(m_client, &TaskQueryBackend::callSent, this, &DiscoveryClient::onSent);
    connect(m_client, &TaskQueryBackend::callFinished, this, &DiscoveryClient::onFinished);
}

DiscoveryClient::~DiscoveryClient() = default;

const char* DiscoveryClient::actionName(Action action) {
    return action == Tasks ? Discovery::kTasksAction : Discovery::kInstancesAction;
}

QString DiscoveryClient::permissionName(const char* action) {
    return QStringLiteral("cdb:") + QLatin1String(action);
}

void DiscoveryClient::setBudgets(std::shared_ptr<SendBudget> tasks, std::shared_ptr<SendBudget> instances) {
    const qint64 now = m_clock();
    m_rates[Tasks].setBudget(std::move(tasks), now);
    m_rates[Instances].setBudget(std::move(instances), now);
    schedule();
}

quint64 DiscoveryClient::list(const Discovery::Query& query) {
    const quint64 id = m_nextListing++;
    Listing listing;
    listing.query = query;
    listing.outstanding = 1;
    m_listings.emplace(id, std::move(listing));
    Request first;
    first.action = Tasks;
    first.listing = id;
    first.region = query.region;
    first.dueAt = m_clock();
    enqueue(first);
    return id;
}

void DiscoveryClient::cancelAll() {
    m_listings.clear();
    m_queue[Tasks].clear();
    m_queue[Instances].clear();
    for (NameCache& cache : m_names) {
        cache.inProgress = false;
        cache.fetching.clear();
    }
    m_inFlight.clear(); // their answers are ignored
    m_inFlightCount[Tasks] = m_inFlightCount[Instances] = 0;
    for (const auto& pump : m_pumps)
        pump->stop();
}

QString DiscoveryClient::instanceName(const QString& region, const QString& instanceId) const {
    const auto it = m_names.constFind(region);
    return it == m_names.cend() ? QString() : it->names.value(instanceId);
}

void DiscoveryClient::enqueue(Request request) {
    auto& queue = m_queue[request.action];
    const auto at = std::upper_bound(queue.begin(), queue.end(), request.dueAt,
                                     [](qint64 due, const Request& r) { return due < r.dueAt; });
    queue.insert(at, std::move(request));
    schedule();
}

void DiscoveryClient::schedule() {
    for (const auto& pump : m_pumps)
        pump->schedule();
}

void DiscoveryClient::pump() {
    for (const auto& pump : m_pumps)
        pump->pump();
}

void DiscoveryClient::send(Request request, qint64 now) {
    const quint64 ticket = m_nextTicket++;
    request.sentAt = now;
    request.sentGeneration = m_rates[request.action].generation();
    request.sentOffset = m_client->clockOffset();
    QByteArray body;
    if (request.action == Tasks) {
        const auto it = m_listings.find(request.listing);
        if (it == m_listings.end())
            return; // cancelled meanwhile
        body = Discovery::tasksRequestBody(it->second.query, request.offset);
    } else {
        body = Discovery::instancesRequestBody({}, request.offset);
    }
    ++m_inFlightCount[request.action];
    const QString region = request.region;
    const Action action = request.action;
    m_inFlight.insert(ticket, std::move(request));
    m_client->call(ticket, actionName(action), region, body);
    emit requestSent(QLatin1String(actionName(action)), region);
}

void DiscoveryClient::onSent(quint64 ticket) {
    const auto it = m_inFlight.constFind(ticket);
    if (it != m_inFlight.cend())
        m_rates[it->action].onSent(it->sentAt, m_clock());
}

void DiscoveryClient::onFinished(quint64 ticket, const QueryResult& result) {
    const auto it = m_inFlight.find(ticket);
    if (it == m_inFlight.end())
        return; // cancelled
    const Request request = it.value();
    m_inFlight.erase(it);
    m_inFlightCount[request.action] = std::max(0, m_inFlightCount[request.action] - 1);
    if (result.httpStatus != 0) // an HTTP answer: it says which version the connection speaks
        for (RateGovernor& rate : m_rates)
            rate.noteTransport(result.http2);
    if (request.action == Tasks)
        onTasksPage(request, result);
    else
        onInstancesPage(request, result);
    schedule();
}

DiscoveryClient::FailureKind DiscoveryClient::failureKind(const QString& code) {
    if (ErrorCatalog::isPermissionDenied(code))
        return FailureKind::PermissionDenied;
    if (code.startsWith(QLatin1String("UnsupportedRegion")))
        return FailureKind::UnsupportedRegion;
    if (ErrorCatalog::isAuthFailure(code))
        return FailureKind::AuthRejected;
    return FailureKind::Failed;
}

QString DiscoveryClient::failureMessage(Action action, FailureKind kind, const QueryResult& result,
                                        const QString& region) const {
    const QString server = SafeText::singleLine(result.errorMessage, 300);
    const QString code = SafeText::singleLine(result.errorCode, 100);
    switch (kind) {
    case FailureKind::PermissionDenied:
        if (action == Instances)
            return QCoreApplication::translate(
                       "DiscoveryClient", "The account may not call %1: its CAM policy lacks the permission "
                                          "%2 (%3: %4). Tasks are listed without instance names.")
                .arg(QLatin1String(actionName(action)), permissionName(actionName(action)), code, server);
        return QCoreApplication::translate(
                   "DiscoveryClient",
                   "The account may not call %1: its CAM policy lacks the permission %2 (%3: %4). Discovery "
                   "is off for this account; pasted ids are still polled.")
            .arg(QLatin1String(actionName(action)), permissionName(actionName(action)), code, server);
    case FailureKind::UnsupportedRegion:
        return QCoreApplication::translate(
                   "DiscoveryClient", "The region %1 is not available to this account (%2: %3): skipped.")
            .arg(SafeText::singleLine(region, 80), code, server);
    case FailureKind::AuthRejected:
        return QCoreApplication::translate("DiscoveryClient", "The credentials were rejected (%1: %2).")
            .arg(code, server);
    case FailureKind::Failed:
        break;
    }
    return QCoreApplication::translate("DiscoveryClient", "%1 failed (%2: %3).")
        .arg(QLatin1String(actionName(action)), code, server);
}

bool DiscoveryClient::retryable(Request request, const QueryResult& result, qint64 now) {
    const RetryVerdict v = retryVerdict(*m_client, result, request.sentOffset, request.attempt + 1,
                                        {kMaxAttempts, kBackoffStartMs, kBackoffCapMs}, m_rng);
    switch (v.kind) {
    case RetryVerdict::Kind::RateLimited:
        m_rates[request.action].onRateLimited(now, request.sentGeneration);
        request.dueAt = now;
        enqueue(request);
        emit rateLimited(QLatin1String(actionName(request.action)));
        return true;
    case RetryVerdict::Kind::Now:
        if (v.correctedOffset)
            emit clockCorrected(*v.correctedOffset);
        request.dueAt = now;
        enqueue(request);
        return true;
    case RetryVerdict::Kind::Later: {
        ++request.attempt;
        request.dueAt = now + v.delayMs;
        const quint64 listing = request.listing;
        enqueue(std::move(request));
        if (listing != 0)
            emit attemptFailed(listing);
        return true;
    }
    case RetryVerdict::Kind::GiveUp:
        break;
    }
    return false;
}

void DiscoveryClient::onTasksPage(const Request& request, const QueryResult& result) {
    const auto it = m_listings.find(request.listing);
    if (it == m_listings.end())
        return;
    const qint64 now = m_clock();
    if (result.isError()) {
        if (retryable(request, result, now))
            return;
        const FailureKind kind = failureKind(result.errorCode);
        failListing(request.listing, kind, result.errorCode,
                    failureMessage(Tasks, kind, result, request.region));
        return;
    }
    m_client->clockCorrector().noteUnskewedAnswer();
    Listing& listing = it->second;
    const Discovery::TasksPage page = Discovery::parseTasksPage(result.response, request.region);
    listing.malformed += page.malformed;
    listing.lastSentAt = std::max(listing.lastSentAt, request.sentAt);
    if (listing.totalCount < 0)
        listing.totalCount = page.totalCount;
    else if (listing.totalCount != page.totalCount)
        listing.consistent = false; // tasks came or went between two pages: some may have moved unseen
    for (const Discovery::Item& item : page.items) {
        if (listing.seen.contains(item.id))
            continue; // a task that moved to the next page while we read (a new one came first)
        listing.seen.insert(item.id);
        listing.items.append(item);
    }
    --listing.outstanding;
    if (!listing.firstPageDone) {
        listing.firstPageDone = true;
        const int pages = (page.totalCount + Discovery::kPageLimit - 1) / Discovery::kPageLimit;
        const int asked = std::min(pages, Discovery::kMaxPages);
        listing.cutOff = pages > asked;
        for (int p = 1; p < asked; ++p) {
            Request next;
            next.action = Tasks;
            next.listing = request.listing;
            next.region = request.region;
            next.offset = p * Discovery::kPageLimit;
            next.dueAt = now;
            ++listing.outstanding;
            enqueue(next);
        }
    }
    if (listing.outstanding == 0)
        pagesDone(request.listing);
}

void DiscoveryClient::pagesDone(quint64 id) {
    Listing& listing = m_listings.at(id);
    const QString region = listing.query.region;
    bool needNames = false;
    for (const Discovery::Item& item : std::as_const(listing.items))
        needNames = needNames || !item.facts.instanceIds.isEmpty();
    NameCache& cache = m_names[region];
    const qint64 now = m_clock();
    const bool fresh = cache.fetchedAt >= 0 && now - cache.fetchedAt < Discovery::kInstanceNamesMaxAgeMs;
    if (!needNames || fresh) {
        finishListing(id);
        return;
    }
    listing.waitingForNames = true;
    if (cache.inProgress)
        return;
    cache.inProgress = true;
    cache.fetching.clear();
    cache.outstanding = 1;
    Request first;
    first.action = Instances;
    first.region = region;
    first.dueAt = now;
    enqueue(first);
}

void DiscoveryClient::onInstancesPage(const Request& request, const QueryResult& result) {
    NameCache& cache = m_names[request.region];
    if (!cache.inProgress)
        return;
    const qint64 now = m_clock();
    if (result.isError()) {
        if (retryable(request, result, now))
            return;
        failNames(request.region,
                  failureMessage(Instances, failureKind(result.errorCode), result, request.region));
        return;
    }
    m_client->clockCorrector().noteUnskewedAnswer();
    const Discovery::InstancesPage page = Discovery::parseInstancesPage(result.response);
    cache.fetching.insert(page.names);
    --cache.outstanding;
    if (request.offset == 0) {
        const int pages =
            (page.totalCount + Discovery::kInstancePageLimit - 1) / Discovery::kInstancePageLimit;
        for (int p = 1; p < std::min(pages, Discovery::kMaxPages); ++p) {
            Request next;
            next.action = Instances;
            next.region = request.region;
            next.offset = p * Discovery::kInstancePageLimit;
            next.dueAt = now;
            ++cache.outstanding;
            enqueue(next);
        }
    }
    if (cache.outstanding > 0)
        return;
    cache.names = std::move(cache.fetching);
    cache.fetching.clear();
    cache.fetchedAt = now;
    cache.inProgress = false;
    cache.problem.clear();
    QList<quint64> waiting;
    for (const auto& [id, listing] : m_listings) {
        if (listing.waitingForNames && listing.query.region == request.region)
            waiting.append(id);
    }
    for (const quint64 id : waiting)
        finishListing(id);
}

void DiscoveryClient::failNames(const QString& region, const QString& problem) {
    NameCache& cache = m_names[region];
    cache.inProgress = false;
    cache.fetching.clear();
    cache.fetchedAt = m_clock(); // not asked again before the names may be refreshed anyway
    cache.problem = problem;
    // The other pages of that refresh are dropped from the queue.
    auto& queue = m_queue[Instances];
    queue.erase(
        std::remove_if(queue.begin(), queue.end(), [&](const Request& r) { return r.region == region; }),
        queue.end());
    QList<quint64> waiting;
    for (const auto& [id, listing] : m_listings) {
        if (listing.waitingForNames && listing.query.region == region)
            waiting.append(id);
    }
    for (const quint64 id : waiting)
        finishListing(id);
}

void DiscoveryClient::finishListing(quint64 id) {
    const auto it = m_listings.find(id);
    if (it == m_listings.end())
        return;
    Listing listing = std::move(it->second);
    m_listings.erase(it);
    const NameCache& cache = m_names[listing.query.region];
    Result result;
    result.listing = id;
    result.query = listing.query;
    result.malformed = listing.malformed;
    result.cutOff = listing.cutOff;
    result.complete = !listing.cutOff && listing.consistent && listing.malformed == 0 &&
                      listing.items.size() == listing.totalCount;
    result.sentAt = listing.lastSentAt;
    result.namesProblem = cache.problem;
    for (Discovery::Item& item : listing.items) {
        if (!item.facts.instanceIds.isEmpty())
            item.facts.instanceName = cache.names.value(item.facts.instanceIds.first());
        result.items.append(std::move(item));
    }
    std::stable_sort(result.items.begin(), result.items.end(),
                     [](const Discovery::Item& a, const Discovery::Item& b) {
                         if (a.facts.startedAt != b.facts.startedAt)
                             return a.facts.startedAt > b.facts.startedAt;
                         return a.facts.jobId > b.facts.jobId;
                     });
    emit listed(result);
}

void DiscoveryClient::failListing(quint64 id, FailureKind kind, const QString& code, const QString& message) {
    const auto it = m_listings.find(id);
    if (it == m_listings.end())
        return;
    Failure failure;
    failure.listing = id;
    failure.region = it->second.query.region;
    failure.kind = kind;
    failure.code = boundText(code, 256);
    failure.message = message;
    m_listings.erase(it);
    auto& queue = m_queue[Tasks];
    queue.erase(std::remove_if(queue.begin(), queue.end(), [&](const Request& r) { return r.listing == id; }),
                queue.end());
    emit failed(failure);
}

} // namespace taskwatch
