#include "polling/PollScheduler.h"

#include "api/ErrorCatalog.h"
#include "pacing/Backoff.h"
#include "task/TextBounds.h"

#include <QHashFunctions>
#include <algorithm>
#include <climits>
#include <utility>

namespace taskwatch {

namespace {
constexpr qint64 kNever = LLONG_MIN;       // "last result" of a task never polled: the most stale of all
constexpr qsizetype kMaxStatusChars = 256; // an unknown status string is kept verbatim, but bounded
constexpr qsizetype kMaxCodeChars = 256;   // error codes and request ids
constexpr qint64 kMaxAgeMs = 10LL * 365 * 24 * 3600 * 1000;

std::optional<QString> boundOptional(const std::optional<QString>& text, qsizetype max) {
    if (!text)
        return std::nullopt;
    return boundText(*text, max);
}

// What an answer said, as a 64-bit hash with the process's random seed: a different status, vendor word
// (postgres Running -> WaitSwitch) or Info is an observed change (the texts themselves are the task's state,
// kept by its owner only). A vendor word that is not given is the status (cdb's words are ours).
size_t answerHash(const std::optional<QString>& status, const std::optional<QString>& vendorStatus,
                  const std::optional<QString>& info) {
    const std::optional<QString>& vendor = vendorStatus ? vendorStatus : status;
    return qHashMulti(QHashSeed::globalSeed(), status.has_value(), status.value_or(QString()),
                      vendor.value_or(QString()), info.has_value(), info.value_or(QString()));
}
} // namespace

// Scheduling facts of one task: where it waits, when it was last answered and what that answer was.
struct PollScheduler::Entry {
    QString id;
    QString region;     // where it is asked about
    qint64 addedAt = 0; // monotonic time it was added (a restored task: as long ago as it was added)
    quint64 seq = 0;
    Queue queue = Queue::None;
    Key queuedKey{0, 0, nullptr};
    qint64 dueAt = 0;
    qint64 lastResultAt = kNever; // monotonic time of the last poll result (kNever: never polled)
    qint64 quietSince = 0;        // monotonic time of the last change, touch or refresh (adaptive interval)
    bool hasResult = false;       // a result was ever applied (the first result is always a change)
    bool done = false;            // finished or stopped: never polled
    bool unknownStatus = false;   // the last status is not a documented one: polled slower
    size_t answer = 0;            // answerHash() of the last good answer
    QString errorCode;            // of the last answer (bounded); empty: it was good
    int failures = 0;             // transient faults in a row
    bool inFlight = false;
    qint64 coveredUntil = 0;        // a listing covers it until then: no adaptive poll meanwhile
    qint64 unlistedUntil = 0;       // a whole listing did not show it: the steady interval until then
    bool pollAsked = false;         // pollOnce, refreshNow or retry asked for a poll: sent whatever the cover
    bool pollAgain = false;         // asked while a request sent too early was in flight: one more after it
    qint64 answeredSentAt = kNever; // when the last answered request was sent
    quint64 ticket = 0;
    qint64 sentAt = 0;
    qint64 sentOffset = 0;      // the backend's clock offset when the request was signed
    quint64 sentGeneration = 0; // the slow-down generation the request was sent under
};

PollScheduler::PollScheduler(TaskQueryBackend* backend, PollOptions options, Clock clock, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_options(options)
    , m_clock(clock ? std::move(clock) : Clock(&steadyNowMs))
    , m_rate(options.maxRate, kMaxRate, options.rateLimitSlowdownMs)
    , m_pump(&m_rate, m_clock,
             {[this](qint64 now) { return firstDueAt(now); }, [this](qint64 now) { sendFirst(now); }})
    , m_mayPoll([] { return true; })
    , m_rng(QRandomGenerator::global()->generate()) {
    qRegisterMetaType<taskwatch::PollOutcome>();
    m_options.maxRate = std::clamp(m_options.maxRate, 1, kMaxRate);
    m_options.minIntervalMs = std::max(0, m_options.minIntervalMs);
    m_options.maxIntervalMs = std::max(0, m_options.maxIntervalMs);
    m_options.unknownStatusFactor = std::max(1, m_options.unknownStatusFactor);
    m_options.backoffStartMs = std::max(1, m_options.backoffStartMs);
    m_options.backoffCapMs = std::max(m_options.backoffStartMs, m_options.backoffCapMs);
    m_options.rateLimitSlowdownMs = std::max(0, m_options.rateLimitSlowdownMs);
    m_options.maxInFlight = std::max(1, m_options.maxInFlight);
    m_rate.setMaxRate(m_options.maxRate);
    m_rate.setSlowdownMs(m_options.rateLimitSlowdownMs);
    connect(m_backend, &TaskQueryBackend::queryFinished, this, &PollScheduler::onQueryFinished);
    connect(m_backend, &TaskQueryBackend::querySent, this, &PollScheduler::onQuerySent);
}

PollScheduler::~PollScheduler() = default;

// ---------------------------------------------------------------------------------------------------------
// Tasks

bool PollScheduler::addTask(const QString& id, const QString& region) {
    if (id.isEmpty() || m_tasks.count(id))
        return false;
    auto e = std::make_unique<Entry>();
    e->id = id;
    e->region = region;
    e->seq = m_nextSeq++;
    Entry* raw = e.get();
    m_tasks.emplace(id, std::move(e));
    const qint64 now = m_clock();
    raw->addedAt = now;
    raw->quietSince = now; // a new task starts at the minimum interval
    enqueue(raw, now, now);
    schedule();
    return true;
}

bool PollScheduler::restoreTask(const TaskState& state) {
    if (state.id.isEmpty() || m_tasks.count(state.id))
        return false;
    auto e = std::make_unique<Entry>();
    e->id = state.id;
    e->region = state.region;
    e->seq = m_nextSeq++;
    e->hasResult = state.lastCheckedAt.isValid() || state.status.has_value() || !state.errorCode.isEmpty();
    e->answer = answerHash(state.status, state.vendorStatus, state.info);
    e->unknownStatus = state.status && !TaskStatus::isKnown(state.status);
    e->errorCode = boundText(state.errorCode, kMaxCodeChars);
    e->failures = state.consecutiveFailures;
    Entry* raw = e.get();
    m_tasks.emplace(state.id, std::move(e));
    if (state.isFinished()) {
        setDone(raw, true); // finished tasks stay finished and are never polled
        return true;
    }
    const qint64 now = m_clock();
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    raw->addedAt = state.addedAt.isValid()
                       ? now - std::clamp<qint64>(state.addedAt.msecsTo(wallNow), 0, kMaxAgeMs)
                       : now - kMaxAgeMs;
    if (state.lastCheckedAt.isValid())
        raw->lastResultAt = now - std::clamp<qint64>(state.lastCheckedAt.msecsTo(wallNow), 0, kMaxAgeMs);
    raw->quietSince = now;
    if (state.lastChangedAt.isValid())
        raw->quietSince = now - std::clamp<qint64>(state.lastChangedAt.msecsTo(wallNow), 0, kMaxAgeMs);
    enqueue(raw, now, now);
    schedule();
    return true;
}

void PollScheduler::removeTask(const QString& id) {
    auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return;
    Entry* e = it->second.get();
    dequeue(e);
    setDone(e, false);
    // A request in flight stays counted until its answer arrives; the answer is then ignored.
    m_tasks.erase(it);
    schedule();
}

void PollScheduler::clear() {
    m_waiting.clear();
    m_ready.clear();
    m_tasks.clear();
    m_doneCount = 0;
    if (!m_inFlight.isEmpty()) {
        m_backend->abortAll(); // no answers follow for them
        m_inFlight.clear();
    }
    schedule();
}

bool PollScheduler::contains(const QString& id) const {
    return m_tasks.count(id) != 0;
}

void PollScheduler::refreshNow(const QStringList& ids) {
    const qint64 now = m_clock();
    auto refresh = [&](Entry* e) {
        if (e->done)
            return;
        e->quietSince = now; // the user asked: back to the minimum interval
        if (!e->inFlight) {
            e->pollAsked = true;
            enqueue(e, now, now);
        }
    };
    if (ids.isEmpty()) {
        for (auto& [id, e] : m_tasks)
            refresh(e.get());
    } else {
        for (const QString& id : ids) {
            if (auto it = m_tasks.find(id); it != m_tasks.end())
                refresh(it->second.get());
        }
    }
    schedule();
}

void PollScheduler::retry(const QString& id) {
    auto it = m_tasks.find(id);
    if (it == m_tasks.end() || it->second->inFlight)
        return;
    Entry* e = it->second.get();
    const qint64 now = m_clock();
    if (e->done) {
        e->failures = 0;
        setDone(e, false);
    }
    e->pollAsked = true;
    enqueue(e, now, now);
    schedule();
}

void PollScheduler::touch(const QString& id) {
    auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return;
    Entry* e = it->second.get();
    const qint64 now = m_clock();
    e->quietSince = now;
    // Covered: its Info is refreshed only with the changes a listing sees; one poll now (none if it was
    // answered within the minimum interval).
    if (e->coveredUntil > now && !e->done && !e->inFlight && !e->pollAsked &&
        (e->lastResultAt == kNever || now - e->lastResultAt >= m_options.minIntervalMs)) {
        e->pollAsked = true;
        enqueue(e, now, now);
        schedule();
        return;
    }
    // Waiting for a longer adaptive interval: come due at the minimum interval after its last send instead
    // (a covered task waits for its listing).
    if (e->queue == Queue::Waiting && e->hasResult && e->failures == 0 && !e->pollAsked) {
        const qint64 due = std::max(now, scheduledDue(e, now));
        if (due < e->dueAt) {
            enqueue(e, due, now);
            schedule();
        }
    }
}

void PollScheduler::cover(const QString& id, qint64 forMs) {
    setListed(id, forMs, 0);
}

void PollScheduler::markUnlisted(const QString& id, qint64 forMs) {
    setListed(id, 0, forMs);
}

void PollScheduler::setListed(const QString& id, qint64 coverMs, qint64 unlistedMs) {
    auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return;
    Entry* e = it->second.get();
    const qint64 now = m_clock();
    e->coveredUntil = coverMs > 0 ? now + coverMs : 0;
    // Ending the mark ends it now: the adaptive interval goes on from the steady one (intervalFor).
    e->unlistedUntil = unlistedMs > 0 ? now + unlistedMs : std::min(e->unlistedUntil, now);
    // Only the task's own schedule moves: a poll asked for, a retry after a fault and a request in flight
    // stay.
    if (e->done || e->inFlight || e->pollAsked || e->failures > 0 || e->queue == Queue::None)
        return;
    enqueue(e, std::max(now, scheduledDue(e, now)), now);
    schedule();
}

bool PollScheduler::isCovered(const QString& id) const {
    const auto it = m_tasks.find(id);
    return it != m_tasks.end() && it->second->coveredUntil > m_clock();
}

bool PollScheduler::pollOnce(const QString& id, qint64 notSentBefore) {
    auto it = m_tasks.find(id);
    if (it == m_tasks.end() || it->second->done)
        return false;
    Entry* e = it->second.get();
    if (e->inFlight) {
        e->pollAgain = e->pollAgain || e->sentAt < notSentBefore;
        return true;
    }
    if (e->answeredSentAt >= notSentBefore || (e->failures > 0 && e->queue == Queue::Waiting))
        return true; // answered since, or its retry after the fault comes
    const qint64 now = m_clock();
    e->pollAsked = true;
    enqueue(e, now, now);
    schedule();
    return true;
}

void PollScheduler::setMayPoll(std::function<bool()> mayPoll) {
    m_mayPoll = mayPoll ? std::move(mayPoll) : [] { return true; };
    schedule();
}

void PollScheduler::wake() {
    schedule();
}

// ---------------------------------------------------------------------------------------------------------
// Queries

QStringList PollScheduler::taskIds() const {
    std::vector<const Entry*> entries;
    entries.reserve(m_tasks.size());
    for (const auto& [id, e] : m_tasks)
        entries.push_back(e.get());
    std::sort(entries.begin(), entries.end(), [](const Entry* a, const Entry* b) { return a->seq < b->seq; });
    QStringList ids;
    ids.reserve(qsizetype(entries.size()));
    for (const Entry* e : entries)
        ids.append(e->id);
    return ids;
}

int PollScheduler::activeCount() const {
    return int(m_tasks.size()) - m_doneCount;
}

int PollScheduler::finishedCount() const {
    return m_doneCount;
}

double PollScheduler::currentRate() const {
    return m_rate.budget().sentInLast(m_clock(), 1000);
}

qint64 PollScheduler::msUntilNextPoll() const {
    const qint64 now = m_clock();
    const std::optional<qint64> wake = m_pump.nextWakeAt(now);
    return wake ? std::max<qint64>(0, *wake - now) : -1;
}

void PollScheduler::setMaxRate(int perSecond) {
    m_options.maxRate = std::clamp(perSecond, 1, kMaxRate);
    m_rate.setMaxRate(m_options.maxRate);
    schedule();
}

void PollScheduler::setMaxIntervalMs(int ms) {
    m_options.maxIntervalMs = std::max(0, ms);
    const qint64 now = m_clock();
    std::vector<Entry*> sooner;
    for (const Key& key : m_waiting) {
        Entry* e = std::get<2>(key);
        if (e->hasResult && e->failures == 0 && !e->pollAsked &&
            scheduledDue(e, now) < e->dueAt) // not a back-off: an adaptive interval over the cap
            sooner.push_back(e);
    }
    for (Entry* e : sooner)
        enqueue(e, std::max(now, scheduledDue(e, now)), now);
    schedule();
}

void PollScheduler::setMaxInFlight(int n) {
    m_options.maxInFlight = std::max(1, n);
    schedule();
}

void PollScheduler::setBudget(std::shared_ptr<SendBudget> budget) {
    m_rate.setBudget(std::move(budget), m_clock());
    schedule();
}

// ---------------------------------------------------------------------------------------------------------
// Pacing

void PollScheduler::pump() {
    m_pump.pump();
}

void PollScheduler::schedule() {
    m_pump.schedule();
}

bool PollScheduler::canSendAny() const {
    return m_inFlight.size() < m_options.maxInFlight && m_mayPoll();
}

std::optional<qint64> PollScheduler::firstDueAt(qint64 now) {
    promoteDue(now);
    if (!canSendAny())
        return std::nullopt;
    if (!m_ready.empty())
        return now;
    if (!m_waiting.empty())
        return std::get<0>(*m_waiting.begin());
    return std::nullopt;
}

void PollScheduler::sendFirst(qint64 now) {
    Entry* e = std::get<2>(*m_ready.begin());
    dequeue(e);
    const quint64 ticket = m_nextTicket++;
    m_inFlight.insert(ticket, e->id);
    e->inFlight = true;
    e->pollAsked = false;
    e->ticket = ticket;
    e->sentAt = now;
    e->sentOffset = m_backend->clockOffset();
    e->sentGeneration = m_rate.generation();
    const QString id = e->id; // the slots of requestSent may remove the task
    m_backend->query(ticket, id, e->region);
    emit requestSent(id);
}

// ---------------------------------------------------------------------------------------------------------
// Queues

void PollScheduler::enqueue(Entry* e, qint64 dueAt, qint64 now) {
    dequeue(e);
    if (e->done)
        return;
    e->dueAt = dueAt;
    if (dueAt <= now) {
        e->queue = Queue::Ready;
        e->queuedKey = Key{e->lastResultAt, e->seq, e};
        m_ready.insert(e->queuedKey);
    } else {
        e->queue = Queue::Waiting;
        e->queuedKey = Key{dueAt, e->seq, e};
        m_waiting.insert(e->queuedKey);
    }
}

void PollScheduler::dequeue(Entry* e) {
    if (e->queue == Queue::Waiting)
        m_waiting.erase(e->queuedKey);
    else if (e->queue == Queue::Ready)
        m_ready.erase(e->queuedKey);
    e->queue = Queue::None;
}

void PollScheduler::promoteDue(qint64 now) {
    while (!m_waiting.empty() && std::get<0>(*m_waiting.begin()) <= now) {
        Entry* e = std::get<2>(*m_waiting.begin());
        m_waiting.erase(m_waiting.begin());
        e->queue = Queue::Ready;
        e->queuedKey = Key{e->lastResultAt, e->seq, e};
        m_ready.insert(e->queuedKey);
    }
}

qint64 PollScheduler::intervalFor(const Entry* e, qint64 now) const {
    qint64 interval = m_options.minIntervalMs;
    if (e->unknownStatus)
        interval *= m_options.unknownStatusFactor;
    const qint64 cap = std::max<qint64>(interval, m_options.maxIntervalMs);
    const qint64 steady = std::clamp<qint64>(m_options.unlistedIntervalMs, interval, cap);
    if (e->unlistedUntil > now)
        return steady;
    // Adaptive: 10 % of the time the task has been quiet, between the base interval and the cap. A task that
    // was polled at the steady interval counts as quiet for 10 steady intervals when that ended, so its
    // interval grows on from the steady one instead of jumping to the cap.
    qint64 quiet = std::max<qint64>(0, now - e->quietSince);
    if (e->unlistedUntil > 0)
        quiet = std::min(quiet, now - e->unlistedUntil + 10 * steady);
    return std::clamp<qint64>(quiet / 10, interval, cap);
}

// When the task comes due on its own: its adaptive interval after its last send (now when it has no result),
// and not before the listing's cover ends.
qint64 PollScheduler::scheduledDue(const Entry* e, qint64 now) const {
    const qint64 due = e->hasResult ? e->sentAt + intervalFor(e, now) : now;
    return std::max(due, e->coveredUntil);
}

void PollScheduler::setDone(Entry* e, bool done) {
    if (e->done == done)
        return;
    e->done = done;
    m_doneCount += done ? 1 : -1;
}

// ---------------------------------------------------------------------------------------------------------
// Results

PollOutcome PollScheduler::outcomeOf(const Entry* e, PollOutcome::Kind kind, const QueryResult& result,
                                     bool changed) const {
    PollOutcome o;
    o.taskId = e->id;
    o.kind = kind;
    o.observedChange = changed;
    o.requestId = boundText(result.requestId, kMaxCodeChars);
    o.httpStatus = result.httpStatus;
    o.excerpt = result.excerpt.left(kMaxExcerptBytes);
    o.checkedAt = QDateTime::currentDateTimeUtc();
    o.consecutiveFailures = e->failures;
    if (result.isError()) {
        o.errorCode = e->errorCode;
        o.errorMessage = boundText(result.errorMessage, kMaxMessageChars);
    } else {
        o.status = boundOptional(result.status, kMaxStatusChars);
        o.info = boundOptional(result.info, kMaxInfoChars);
        o.vendorStatus = boundOptional(result.vendorStatus, kMaxStatusChars);
    }
    return o;
}

void PollScheduler::onQuerySent(quint64 ticket) {
    const auto inFlight = m_inFlight.constFind(ticket);
    if (inFlight == m_inFlight.cend())
        return;
    const auto it = m_tasks.find(inFlight.value());
    if (it != m_tasks.end() && it->second->inFlight && it->second->ticket == ticket)
        m_rate.onSent(it->second->sentAt, m_clock());
}

// Whether the endpoint itself works: told before the task is looked up (a slot may remove tasks).
void PollScheduler::noteEndpoint(const QueryResult& result) {
    if (ErrorCatalog::isEndpointFailure(result.errorCode)) {
        if (m_endpointFailure != result.httpStatus) {
            m_endpointFailure = result.httpStatus;
            emit endpointFailed(result.httpStatus, boundText(result.errorMessage, kMaxMessageChars));
        }
    } else if (result.kind != ResultKind::TransportError && m_endpointFailure != 0) {
        m_endpointFailure = 0;
        emit endpointRecovered();
    }
}

void PollScheduler::onQueryFinished(quint64 ticket, const QueryResult& result) {
    auto inFlight = m_inFlight.find(ticket);
    if (inFlight == m_inFlight.end())
        return; // not ours, or abandoned by clear()
    const QString id = inFlight.value();
    m_inFlight.erase(inFlight);
    if (result.httpStatus != 0) // an HTTP answer: it says which version the connection speaks
        m_rate.noteTransport(result.http2);
    noteEndpoint(result);

    auto it = m_tasks.find(id);
    if (it == m_tasks.end() || !it->second->inFlight || it->second->ticket != ticket) {
        schedule(); // the task was removed (or removed and added again) meanwhile: ignore the answer
        return;
    }
    Entry* e = it->second.get();
    e->inFlight = false;
    if (result.taskUnknown)
        onTaskUnknown(e, result, m_clock());
    else if (result.isError())
        onError(e, result, m_clock());
    else
        onAnswer(e, result, m_clock());
}

void PollScheduler::onAnswer(Entry* e, const QueryResult& result, qint64 now) {
    m_backend->clockCorrector().noteUnskewedAnswer();
    const std::optional<QString> status = boundOptional(result.status, kMaxStatusChars);
    const size_t answer = answerHash(status, boundOptional(result.vendorStatus, kMaxStatusChars),
                                     boundOptional(result.info, kMaxInfoChars));
    const bool changed = !e->hasResult || answer != e->answer || !e->errorCode.isEmpty();
    e->answer = answer;
    e->errorCode.clear();
    e->unknownStatus = status && !TaskStatus::isKnown(status);
    e->failures = 0;
    e->hasResult = true;
    e->lastResultAt = now;
    e->answeredSentAt = e->sentAt;
    if (changed)
        e->quietSince = now;
    PollOutcome::Kind kind = PollOutcome::Kind::Answered;
    if (TaskStatus::isTerminal(status)) {
        kind = PollOutcome::Kind::Finished;
        setDone(e, true);
    } else if (std::exchange(e->pollAgain, false)) {
        e->pollAsked = true;
        enqueue(e, now, now);
    } else {
        enqueue(e, scheduledDue(e, now), now);
    }
    PollOutcome outcome = outcomeOf(e, kind, result, changed);
    // A covered task's next poll is the listing's to ask for: none is planned.
    if (kind == PollOutcome::Kind::Answered && (e->pollAsked || e->coveredUntil <= now))
        outcome.nextPollAt = outcome.checkedAt.addMSecs(std::max<qint64>(0, e->dueAt - now));
    schedule();
    emit polled(outcome);
}

// The service does not know the task: an answer without a status while it may still appear, then a
// permanent error (the vendor's not-found code, or ours when the answer was a success without the task).
void PollScheduler::onTaskUnknown(Entry* e, const QueryResult& result, qint64 now) {
    QueryResult r = result;
    r.taskUnknown = false;
    if (now - e->addedAt < m_unseenGraceMs) {
        r.kind = ResultKind::Success;
        r.status.reset();
        r.vendorStatus.reset();
        r.info.reset();
        r.errorCode.clear();
        r.errorMessage.clear();
        onAnswer(e, r, now);
        return;
    }
    if (r.kind != ResultKind::ApiError || ErrorCatalog::classify(r.errorCode) != ErrorClass::Permanent) {
        r.kind = ResultKind::ApiError;
        r.errorCode = QString::fromLatin1(ClientError::TaskNotFound);
        r.errorMessage = ErrorCatalog::describe(r.errorCode).meaning;
    }
    onError(e, r, now);
}

// AuthFailure.SignatureExpire: sign again (a correction of the clock, or one already made); true when the
// request was queued again, false when the clock cannot help (then it is an authentication failure).
bool PollScheduler::resentAfterClockSkew(Entry* e, const QueryResult& result, qint64 now) {
    qint64 offset = 0;
    switch (m_backend->clockCorrector().onSignatureExpired(result, m_backend->clockOffset(), e->sentOffset,
                                                           &offset)) {
    case ClockCorrector::Verdict::Resign:
        enqueue(e, now, now);
        schedule();
        return true;
    case ClockCorrector::Verdict::Corrected:
        m_backend->setClockOffset(offset);
        enqueue(e, now, now);
        schedule();
        emit clockCorrected(offset);
        return true;
    case ClockCorrector::Verdict::GiveUp:
        break;
    }
    return false;
}

void PollScheduler::onError(Entry* e, const QueryResult& result, qint64 now) {
    const QString code = boundText(result.errorCode, kMaxCodeChars);
    ErrorClass errorClass = ErrorCatalog::classify(code);
    if (errorClass == ErrorClass::RateLimited) {
        // Not an error of the task: slow the credential down and poll the task again soon (same staleness).
        m_rate.onRateLimited(now, e->sentGeneration);
        enqueue(e, now, now);
        schedule();
        emit rateLimited(code);
        return;
    }
    if (errorClass == ErrorClass::ClockSkew) {
        if (resentAfterClockSkew(e, result, now))
            return;
        errorClass = ErrorClass::AuthStop;
    } else {
        m_backend->clockCorrector().noteUnskewedAnswer();
    }

    const bool changed = !e->hasResult || code != e->errorCode;
    if (changed)
        e->quietSince = now;
    e->errorCode = code;
    e->hasResult = true;
    PollOutcome::Kind kind = PollOutcome::Kind::Failed;
    switch (errorClass) {
    case ErrorClass::AuthStop:
        // Its staleness is kept, so that it is polled first once the account may poll again.
        kind = PollOutcome::Kind::Rejected;
        enqueue(e, now, now);
        break;
    case ErrorClass::Permanent:
        kind = PollOutcome::Kind::Stopped;
        setDone(e, true);
        break;
    case ErrorClass::Transient:
    default:
        e->failures += 1; // the last good status and Info stay
        e->lastResultAt = now;
        e->answeredSentAt = e->sentAt;
        e->pollAgain = false; // the retry after the back-off is sent later anyway
        enqueue(e, now + backoffDelayMs(e->failures, m_options.backoffStartMs, m_options.backoffCapMs, m_rng),
                now);
        break;
    }
    PollOutcome outcome = outcomeOf(e, kind, result, changed);
    if (kind == PollOutcome::Kind::Failed)
        outcome.nextPollAt = outcome.checkedAt.addMSecs(std::max<qint64>(0, e->dueAt - now));
    if (kind == PollOutcome::Kind::Rejected)
        emit credentialsRejected(code, outcome.errorMessage);
    schedule();
    emit polled(outcome);
}

} // namespace taskwatch
