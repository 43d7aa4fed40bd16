#include "discovery/ProductListing.h"

#include "api/ErrorCatalog.h"
#include "pacing/ClockCorrector.h"
#include "polling/RetryVerdict.h"
#include "task/SafeText.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QTimer>
#include <algorithm>

namespace taskwatch {

namespace {
constexpr int kBackoffStartMs = 2000;
constexpr int kBackoffCapMs = 60000;
constexpr int kSlowdownMs = 10000;

// Newest first; ids of the same start time by number (numeric ids: the longer is the larger).
bool newerFirst(const ListItem& a, const ListItem& b) {
    if (a.facts.startedAt != b.facts.startedAt)
        return a.facts.startedAt > b.facts.startedAt;
    if (a.id.size() != b.id.size())
        return a.id.size() > b.id.size();
    return a.id > b.id;
}
} // namespace

ProductListing::ProductListing(TaskQueryBackend* client, const ProductAdapter& product, Clock clock,
                               QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_product(&product)
    , m_clock(clock ? std::move(clock) : Clock(&steadyNowMs))
    , m_rate(std::max(1, product.listAction() ? product.listAction()->ratePerSecond : 1),
             std::max(1, product.listAction() ? product.listAction()->ratePerSecond : 1), kSlowdownMs)
    , m_rng(QRandomGenerator::global()->generate()) {
    qRegisterMetaType<taskwatch::ProductListing::Result>();
    qRegisterMetaType<taskwatch::ProductListing::Failure>();
    const auto firstDueAt = [this](qint64) -> std::optional<qint64> {
        if (m_queue.empty() || m_inFlightCount >= kMaxInFlight)
            return std::nullopt;
        return m_queue.front().dueAt;
    };
    const auto sendFirst = [this](qint64 now) {
        Request r = m_queue.front();
        m_queue.pop_front();
        send(r, now);
    };
    m_pump = std::make_unique<PacingPump>(&m_rate, m_clock, PacingPump::Work{firstDueAt, sendFirst});
    connect(m_client, &TaskQueryBackend::callSent, this, &ProductListing::onSent);
    connect(m_client, &TaskQueryBackend::callFinished, this, &ProductListing::onFinished);
}

ProductListing::~ProductListing() = default;

void ProductListing::setBudget(std::shared_ptr<SendBudget> budget) {
    m_rate.setBudget(std::move(budget), m_clock());
    m_pump->schedule();
}

quint64 ProductListing::list(const ListQuery& query, const QString& region) {
    const quint64 id = m_nextListing++;
    Listing listing;
    listing.query = query;
    listing.region = region;
    listing.outstanding = 1;
    m_listings.emplace(id, std::move(listing));
    if (!m_product->listAction()) {
        const QString message =
            QCoreApplication::translate("ProductListing", "%1 has no action that lists tasks.")
                .arg(m_product->key());
        QTimer::singleShot(
            0, this, [this, id, message] { failListing(id, FailureKind::NoListAction, QString(), message); });
        return id;
    }
    Request first;
    first.listing = id;
    first.dueAt = m_clock();
    enqueue(first);
    return id;
}

void ProductListing::cancelAll() {
    m_listings.clear();
    m_queue.clear();
    m_inFlight.clear(); // their answers are ignored
    m_inFlightCount = 0;
    m_pump->stop();
}

void ProductListing::enqueue(Request request) {
    const auto at = std::upper_bound(m_queue.begin(), m_queue.end(), request.dueAt,
                                     [](qint64 due, const Request& r) { return due < r.dueAt; });
    m_queue.insert(at, request);
    m_pump->schedule();
}

void ProductListing::pump() {
    m_pump->pump();
}

void ProductListing::send(Request request, qint64 now) {
    const auto it = m_listings.find(request.listing);
    if (it == m_listings.end())
        return; // cancelled meanwhile
    const quint64 ticket = m_nextTicket++;
    request.sentAt = now;
    request.sentGeneration = m_rate.generation();
    request.sentOffset = m_client->clockOffset();
    const QByteArray body = m_product->listBody(it->second.query, request.page);
    const QString region = it->second.region;
    ++m_inFlightCount;
    m_inFlight.insert(ticket, request);
    m_client->call(ticket, m_product->listAction()->name, region, body);
}

void ProductListing::onSent(quint64 ticket) {
    const auto it = m_inFlight.constFind(ticket);
    if (it != m_inFlight.cend())
        m_rate.onSent(it->sentAt, m_clock());
}

void ProductListing::onFinished(quint64 ticket, const QueryResult& result) {
    const auto it = m_inFlight.find(ticket);
    if (it == m_inFlight.end())
        return; // cancelled, or another user's call on the same client
    const Request request = it.value();
    m_inFlight.erase(it);
    m_inFlightCount = std::max(0, m_inFlightCount - 1);
    if (result.httpStatus != 0) // an HTTP answer: it says which version the connection speaks
        m_rate.noteTransport(result.http2);
    onPage(request, result);
    m_pump->schedule();
}

ProductListing::FailureKind ProductListing::failureKind(const QString& code) {
    if (ErrorCatalog::isPermissionDenied(code))
        return FailureKind::PermissionDenied;
    if (code.startsWith(QLatin1String("UnsupportedRegion")))
        return FailureKind::UnsupportedRegion;
    if (ErrorCatalog::isAuthFailure(code))
        return FailureKind::AuthRejected;
    return FailureKind::Failed;
}

QString ProductListing::failureMessage(FailureKind kind, const QueryResult& result,
                                       const QString& region) const {
    const QString server = SafeText::singleLine(result.errorMessage, 300);
    const QString code = SafeText::singleLine(result.errorCode, 100);
    const QString action = QLatin1String(m_product->listAction()->name);
    switch (kind) {
    case FailureKind::PermissionDenied:
        return QCoreApplication::translate("ProductListing", "The account may not call %1 of %2 (%3: %4). %5")
            .arg(action, m_product->key(), code, server, m_product->permissionHint(action));
    case FailureKind::UnsupportedRegion:
        return QCoreApplication::translate("ProductListing",
                                           "The region %1 is not available to this account for %2 (%3: %4).")
            .arg(SafeText::singleLine(region, 80), m_product->key(), code, server);
    case FailureKind::AuthRejected:
        return QCoreApplication::translate("ProductListing", "The credentials were rejected (%1: %2).")
            .arg(code, server);
    case FailureKind::NoListAction:
    case FailureKind::Failed:
        break;
    }
    return QCoreApplication::translate("ProductListing", "%1 of %2 failed in %3 (%4: %5).")
        .arg(action, m_product->key(), SafeText::singleLine(region, 80), code, server);
}

bool ProductListing::retryable(Request request, const QueryResult& result, qint64 now) {
    const RetryVerdict v = retryVerdict(*m_client, result, request.sentOffset, request.attempt + 1,
                                        {kMaxAttempts, kBackoffStartMs, kBackoffCapMs}, m_rng);
    switch (v.kind) {
    case RetryVerdict::Kind::RateLimited:
        m_rate.onRateLimited(now, request.sentGeneration);
        emit rateLimited();
        break;
    case RetryVerdict::Kind::Now:
        if (v.correctedOffset)
            emit clockCorrected(*v.correctedOffset);
        break;
    case RetryVerdict::Kind::Later:
        ++request.attempt;
        now += v.delayMs;
        break;
    case RetryVerdict::Kind::GiveUp:
        return false;
    }
    request.dueAt = now;
    enqueue(request);
    return true;
}

void ProductListing::onPage(const Request& request, const QueryResult& result) {
    const auto it = m_listings.find(request.listing);
    if (it == m_listings.end())
        return;
    const qint64 now = m_clock();
    if (result.isError()) {
        if (retryable(request, result, now))
            return;
        const FailureKind kind = failureKind(result.errorCode);
        failListing(request.listing, kind, result.errorCode, failureMessage(kind, result, it->second.region));
        return;
    }
    m_client->clockCorrector().noteUnskewedAnswer();
    const ListPage page = m_product->parseList(result.response);
    if (!page.problem.isEmpty()) {
        failListing(request.listing, FailureKind::Failed, QString::fromLatin1(ClientError::ParseError),
                    QCoreApplication::translate("ProductListing", "%1 of %2 answered what it does not "
                                                                  "document: %3")
                        .arg(QLatin1String(m_product->listAction()->name), m_product->key(),
                             SafeText::singleLine(page.problem, 300)));
        return;
    }
    readPage(request.listing, it->second, page, now);
}

void ProductListing::readPage(quint64 id, Listing& listing, const ListPage& page, qint64 now) {
    listing.malformed += page.malformed;
    for (const ListItem& item : page.items) {
        if (listing.seen.contains(item.id))
            continue; // a task that moved to the next page while we read (a new one came first)
        listing.seen.insert(item.id);
        ++listing.listed;
        if (listMatches(listing.query, item))
            listing.items.append(item);
    }
    --listing.outstanding;
    if (!listing.firstPageDone) {
        listing.firstPageDone = true;
        const int limit = std::max(1, m_product->listPageLimit());
        const int pages = int((qint64(page.totalCount) + limit - 1) / limit);
        const int asked = std::min(pages, kMaxPages);
        listing.cutOff = pages > asked;
        for (int p = 1; p < asked; ++p) {
            Request next;
            next.listing = id;
            next.page = p;
            next.dueAt = now;
            ++listing.outstanding;
            enqueue(next);
        }
    }
    if (listing.outstanding == 0)
        finishListing(id);
}

void ProductListing::finishListing(quint64 id) {
    const auto it = m_listings.find(id);
    if (it == m_listings.end())
        return;
    Listing listing = std::move(it->second);
    m_listings.erase(it);
    Result result;
    result.listing = id;
    result.region = listing.region;
    result.query = listing.query;
    result.items = std::move(listing.items);
    result.listed = listing.listed;
    result.malformed = listing.malformed;
    result.cutOff = listing.cutOff;
    std::stable_sort(result.items.begin(), result.items.end(), newerFirst);
    emit listed(result);
}

void ProductListing::failListing(quint64 id, FailureKind kind, const QString& code, const QString& message) {
    const auto it = m_listings.find(id);
    if (it == m_listings.end())
        return;
    Failure failure;
    failure.listing = id;
    failure.region = it->second.region;
    failure.kind = kind;
    failure.code = boundText(code, 256);
    failure.message = message;
    m_listings.erase(it);
    m_queue.erase(
        std::remove_if(m_queue.begin(), m_queue.end(), [id](const Request& r) { return r.listing == id; }),
        m_queue.end());
    emit failed(failure);
}

} // namespace taskwatch
