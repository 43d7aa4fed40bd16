#include "polling/PollScheduler.h"

#include "Clock.h"
#include "api/ErrorCatalog.h"
#include "api/QueryResult.h"
#include "pacing/Backoff.h"
#include "pacing/ClockCorrector.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"
#include "task/TextBounds.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>

namespace taskwatch {

namespace {
constexpr qint64 kNever = LLONG_MIN;       // "last result" of a task never polled: the most stale of all
constexpr qsizetype kMaxStatusChars = 256; // an unknown status string is kept verbatim, but bounded
constexpr qsizetype kMaxCodeChars = 256;   // error codes and request ids
constexpr qint64 kMaxTimerMs = 24LL * 3600 * 1000;
constexpr qint64 kMaxAgeMs = 10LL * 365 * 24 * 3600 * 1000;

std::optional<QString> boundOptional(const std::optional<QString>& text, qsizetype max) {
    if (!text)
        return std::nullopt;
    return boundText(*text, max);
}
} // namespace

struct PollScheduler::Entry {
    TaskState state;
    quint64 seq = 0;
    Queue queue = Queue::None;
    Key queuedKey{0, 0, nullptr};
    qint64 dueAt = 0;
    qint64 lastResultAt = kNever; // monotonic time of the last poll result (kNever: never polled)
    qint64 quietSince = 0;        // monotonic time of the last change, touch or refresh (adaptive interval)
    bool hasResult = false;       // a result was ever applied (the first result is always a change)
    bool inFlight = false;
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
    , m_rng(QRandomGenerator::global()->generate()) {
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

    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // the pacing works in 26 ms steps
    connect(&m_timer, &QTimer::timeout, this, &PollScheduler::pump);
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
    e->seq = m_nextSeq++;
    e->state.id = id;
    e->state.region = region;
    e->state.addedAt = QDateTime::currentDateTimeUtc();
    e->state.phase = m_authHeld ? TaskPhase::Held : TaskPhase::Waiting;
    Entry* raw = e.get();
    m_tasks.emplace(id, std::move(e));
    m_allDoneEmitted = false;
    const qint64 now = m_clock();
    raw->quietSince = now; // a new task starts at the minimum interval
    enqueue(raw, now, now);
    schedule();
    return true;
}

bool PollScheduler::restoreTask(const TaskState& state) {
    if (state.id.isEmpty() || m_tasks.count(state.id))
        return false;
    auto e = std::make_unique<Entry>();
    e->seq = m_nextSeq++;
    e->state = state;
    e->state.nextPollAt = QDateTime();
    e->hasResult = state.lastCheckedAt.isValid() || state.status.has_value() || !state.errorCode.isEmpty();
    Entry* raw = e.get();
    TaskState& s = raw->state;
    if (s.phase != TaskPhase::Stopped && TaskStatus::isTerminal(s.status))
        s.phase = TaskPhase::Finished;
    m_tasks.emplace(s.id, std::move(e));
    if (s.isDone()) {
        ++m_doneCount; // finished tasks stay finished and are never polled
        return true;
    }
    const qint64 now = m_clock();
    if (s.lastCheckedAt.isValid()) {
        const QDateTime wallNow = QDateTime::currentDateTimeUtc();
        raw->lastResultAt = now - std::clamp<qint64>(s.lastCheckedAt.msecsTo(wallNow), 0, kMaxAgeMs);
    }
    raw->quietSince = now;
    if (s.lastChangedAt.isValid())
        raw->quietSince =
            now - std::clamp<qint64>(s.lastChangedAt.msecsTo(QDateTime::currentDateTimeUtc()), 0, kMaxAgeMs);
    s.phase = unfinishedPhase(raw);
    m_allDoneEmitted = false;
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
    if (e->state.isDone())
        --m_doneCount;
    // A request in flight stays counted until its answer arrives; the answer is then ignored.
    m_tasks.erase(it);
    checkAllDone();
    schedule();
}

void PollScheduler::clear() {
    m_waiting.clear();
    m_ready.clear();
    m_tasks.clear();
    m_doneCount = 0;
    m_allDoneEmitted = false;
    if (!m_inFlight.isEmpty()) {
        m_backend->abortAll(); // no answers follow for them
        m_inFlight.clear();
    }
    schedule();
}

void PollScheduler::refreshNow(const QStringList& ids) {
    const qint64 now = m_clock();
    auto refresh = [&](Entry* e) {
        if (e->state.isDone())
            return;
        e->quietSince = now; // the user asked: back to the minimum interval
        if (!e->inFlight)
            enqueue(e, now, now);
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
    if (e->state.isDone()) {
        e->state.finishedAt = QDateTime();
        e->state.consecutiveFailures = 0;
        setPhase(e, unfinishedPhase(e));
    }
    enqueue(e, now, now);
    const TaskState copy = e->state;
    schedule();
    emit taskUpdated(copy, false);
}

void PollScheduler::touch(const QString& id) {
    auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return;
    Entry* e = it->second.get();
    const qint64 now = m_clock();
    e->quietSince = now;
    // Waiting for a longer adaptive interval: come due at the minimum interval after its last send instead.
    if (e->queue == Queue::Waiting && e->hasResult && e->state.consecutiveFailures == 0) {
        const qint64 due = std::max(now, e->sentAt + intervalFor(e, now));
        if (due < e->dueAt) {
            enqueue(e, due, now);
            schedule();
        }
    }
}

void PollScheduler::setPaused(bool paused) {
    m_paused = paused;
    schedule();
}

void PollScheduler::resumeAfterAuthFailure() {
    if (!m_authHeld)
        return;
    m_authHeld = false;
    m_backend->clockCorrector().reset(); // a new credential or a fixed clock may need a new correction
    QStringList changed;
    for (auto& [id, e] : m_tasks) {
        if (e->state.phase == TaskPhase::Held) {
            setPhase(e.get(), unfinishedPhase(e.get()));
            changed.append(id);
        }
    }
    schedule();
    emitUpdated(changed);
}

// ---------------------------------------------------------------------------------------------------------
// Queries

const TaskState* PollScheduler::task(const QString& id) const {
    auto it = m_tasks.find(id);
    return it == m_tasks.end() ? nullptr : &it->second->state;
}

QStringList PollScheduler::taskIds() const {
    std::vector<const Entry*> entries;
    entries.reserve(m_tasks.size());
    for (const auto& [id, e] : m_tasks)
        entries.push_back(e.get());
    std::sort(entries.begin(), entries.end(), [](const Entry* a, const Entry* b) { return a->seq < b->seq; });
    QStringList ids;
    ids.reserve(qsizetype(entries.size()));
    for (const Entry* e : entries)
        ids.append(e->state.id);
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
    const std::optional<qint64> wake = nextWakeAt(now);
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
        if (e->hasResult && e->state.consecutiveFailures == 0 &&
            e->sentAt + intervalFor(e, now) < e->dueAt) // not a back-off: an adaptive interval over the cap
            sooner.push_back(e);
    }
    for (Entry* e : sooner)
        enqueue(e, std::max(now, e->sentAt + intervalFor(e, now)), now);
    schedule();
}

void PollScheduler::setBudget(std::shared_ptr<SendBudget> budget) {
    m_rate.setBudget(std::move(budget), m_clock());
    schedule();
}

// ---------------------------------------------------------------------------------------------------------
// Pacing

void PollScheduler::pump() {
    const qint64 now = m_clock();
    m_rate.update(now);
    promoteDue(now);
    // A shared budget gives participants with requests waiting a fair share: announce the backlog.
    SendBudget& budget = m_rate.budget();
    budget.setBacklog(now, canSendAny() && !m_ready.empty());
    while (canSendAny() && !m_ready.empty() && budget.tryAcquire(now))
        send(std::get<2>(*m_ready.begin()), now);
    budget.setBacklog(now, canSendAny() && !m_ready.empty());
    schedule();
}

bool PollScheduler::canSendAny() const {
    return !m_paused && !m_authHeld && m_inFlight.size() < m_options.maxInFlight;
}

std::optional<qint64> PollScheduler::nextWakeAt(qint64 now) const {
    if (!canSendAny())
        return std::nullopt;
    qint64 due;
    if (!m_ready.empty())
        due = now;
    else if (!m_waiting.empty())
        due = std::max(now, std::get<0>(*m_waiting.begin()));
    else
        return std::nullopt;
    return m_rate.nextAllowedAt(due);
}

void PollScheduler::schedule() {
    const qint64 now = m_clock();
    m_rate.update(now);
    const std::optional<qint64> wake = nextWakeAt(now);
    if (!wake) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(*wake - now, 0, kMaxTimerMs)));
}

void PollScheduler::send(Entry* e, qint64 now) {
    dequeue(e);
    const quint64 ticket = m_nextTicket++;
    const QString id = e->state.id;
    const QString region = e->state.region;
    m_inFlight.insert(ticket, id);
    e->inFlight = true;
    e->ticket = ticket;
    e->sentAt = now;
    e->sentOffset = m_backend->clockOffset();
    e->sentGeneration = m_rate.generation();
    e->state.nextPollAt = QDateTime();
    m_backend->query(ticket, id, region);
    emit requestSent(id);
}

// ---------------------------------------------------------------------------------------------------------
// Queues

void PollScheduler::enqueue(Entry* e, qint64 dueAt, qint64 now) {
    dequeue(e);
    if (e->state.isDone())
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
    e->state.nextPollAt = QDateTime::currentDateTimeUtc().addMSecs(std::max<qint64>(0, dueAt - now));
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
    const std::optional<QString>& status = e->state.status;
    if (status && !TaskStatus::isKnown(status))
        interval *= m_options.unknownStatusFactor;
    // Adaptive: 10 % of the time the task has been quiet, between the base interval and the cap.
    const qint64 cap = std::max<qint64>(interval, m_options.maxIntervalMs);
    const qint64 quiet = std::max<qint64>(0, now - e->quietSince);
    return std::clamp<qint64>(quiet / 10, interval, cap);
}

void PollScheduler::setPhase(Entry* e, TaskPhase phase) {
    const bool wasDone = e->state.isDone();
    e->state.phase = phase;
    const bool isDone = e->state.isDone();
    if (wasDone && !isDone) {
        --m_doneCount;
        m_allDoneEmitted = false;
    } else if (!wasDone && isDone) {
        ++m_doneCount;
    }
}

TaskPhase PollScheduler::unfinishedPhase(const Entry* e) const {
    if (m_authHeld)
        return TaskPhase::Held;
    if (!e->hasResult)
        return TaskPhase::Waiting;
    return e->state.consecutiveFailures > 0 ? TaskPhase::Retrying : TaskPhase::Polling;
}

// A terminal status (Finished) or a permanent error (Stopped): never polled again; told once.
void PollScheduler::finish(Entry* e, TaskPhase phase, bool changed) {
    setPhase(e, phase);
    e->state.nextPollAt = QDateTime();
    const TaskState copy = e->state; // the slots may remove the task
    schedule();
    emit taskUpdated(copy, changed);
    emit taskFinished(copy);
    checkAllDone();
}

void PollScheduler::checkAllDone() {
    if (!m_tasks.empty() && m_doneCount == int(m_tasks.size()) && !m_allDoneEmitted) {
        m_allDoneEmitted = true;
        emit allDone();
    }
}

void PollScheduler::emitUpdated(const QStringList& ids) {
    // Looked up one by one: a slot may remove tasks while we emit.
    for (const QString& id : ids) {
        if (auto it = m_tasks.find(id); it != m_tasks.end()) {
            const TaskState copy = it->second->state;
            emit taskUpdated(copy, false);
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Results

bool PollScheduler::applyError(Entry* e, const QueryResult& result) {
    TaskState& s = e->state;
    const QString code = boundText(result.errorCode, kMaxCodeChars);
    const bool changed = !e->hasResult || code != s.errorCode;
    if (changed) {
        e->quietSince = m_clock();
        s.lastChangedAt = QDateTime::currentDateTimeUtc();
    }
    s.errorCode = code;
    s.errorMessage = boundText(result.errorMessage, kMaxMessageChars);
    s.httpStatus = result.httpStatus;
    s.requestId = boundText(result.requestId, kMaxCodeChars);
    s.lastRawResponse = result.excerpt.left(kMaxExcerptBytes);
    s.lastCheckedAt = QDateTime::currentDateTimeUtc();
    e->hasResult = true;
    return changed;
}

void PollScheduler::holdForAuth(const QString& code, const QString& message, const QString& exceptId) {
    m_authHeld = true;
    m_timer.stop();
    QStringList changed;
    for (auto& [id, e] : m_tasks) {
        if (!e->state.isDone() && e->state.phase != TaskPhase::Held) {
            setPhase(e.get(), TaskPhase::Held);
            if (id != exceptId)
                changed.append(id);
        }
    }
    emit authFailed(code, message);
    emitUpdated(changed);
}

void PollScheduler::onQuerySent(quint64 ticket) {
    const auto inFlight = m_inFlight.constFind(ticket);
    if (inFlight == m_inFlight.cend())
        return;
    const auto it = m_tasks.find(inFlight.value());
    if (it != m_tasks.end() && it->second->inFlight && it->second->ticket == ticket)
        m_rate.onSent(it->second->sentAt, m_clock());
}

void PollScheduler::onQueryFinished(quint64 ticket, const QueryResult& result) {
    auto inFlight = m_inFlight.find(ticket);
    if (inFlight == m_inFlight.end())
        return; // not ours, or abandoned by clear()
    const QString id = inFlight.value();
    m_inFlight.erase(inFlight);
    if (result.httpStatus != 0) // an HTTP answer: it says which version the connection speaks
        m_rate.noteTransport(result.http2);

    // Whether the endpoint itself works: told before the task is looked up (a slot may remove tasks).
    if (ErrorCatalog::isEndpointFailure(result.errorCode)) {
        if (m_endpointFailure != result.httpStatus) {
            m_endpointFailure = result.httpStatus;
            emit endpointFailed(result.httpStatus, boundText(result.errorMessage, kMaxMessageChars));
        }
    } else if (result.kind != ResultKind::TransportError && m_endpointFailure != 0) {
        m_endpointFailure = 0;
        emit endpointRecovered();
    }

    auto it = m_tasks.find(id);
    if (it == m_tasks.end() || !it->second->inFlight || it->second->ticket != ticket) {
        schedule(); // the task was removed (or removed and added again) meanwhile: ignore the answer
        return;
    }
    Entry* e = it->second.get();
    TaskState& s = e->state;
    e->inFlight = false;
    const qint64 now = m_clock();

    if (!result.isError()) {
        m_backend->clockCorrector().noteUnskewedAnswer();
        const std::optional<QString> status = boundOptional(result.status, kMaxStatusChars);
        const std::optional<QString> info = boundOptional(result.info, kMaxInfoChars);
        const bool changed = !e->hasResult || status != s.status || info != s.info || !s.errorCode.isEmpty();
        s.status = status;
        s.info = info;
        s.requestId = boundText(result.requestId, kMaxCodeChars);
        s.errorCode.clear();
        s.errorMessage.clear();
        s.httpStatus = result.httpStatus;
        s.lastRawResponse = result.excerpt.left(kMaxExcerptBytes);
        s.lastCheckedAt = QDateTime::currentDateTimeUtc();
        s.consecutiveFailures = 0;
        e->hasResult = true;
        e->lastResultAt = now;
        if (changed) {
            e->quietSince = now;
            s.lastChangedAt = s.lastCheckedAt;
        }
        if (TaskStatus::isTerminal(s.status)) {
            s.finishedAt = s.lastCheckedAt;
            finish(e, TaskPhase::Finished, changed);
            return;
        }
        setPhase(e, unfinishedPhase(e));
        enqueue(e, e->sentAt + intervalFor(e, now), now);
        const TaskState copy = s;
        schedule();
        emit taskUpdated(copy, changed);
        return;
    }

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
        qint64 offset = 0;
        switch (m_backend->clockCorrector().onSignatureExpired(result, m_backend->clockOffset(),
                                                               e->sentOffset, &offset)) {
        case ClockCorrector::Verdict::Resign:
            enqueue(e, now, now);
            schedule();
            return;
        case ClockCorrector::Verdict::Corrected:
            m_backend->setClockOffset(offset);
            enqueue(e, now, now);
            schedule();
            emit clockCorrected(offset);
            return;
        case ClockCorrector::Verdict::GiveUp:
            errorClass = ErrorClass::AuthStop;
            break;
        }
    } else {
        m_backend->clockCorrector().noteUnskewedAnswer();
    }

    const bool changed = applyError(e, result);
    switch (errorClass) {
    case ErrorClass::AuthStop: {
        // Its staleness is kept, so that it is polled first once resumed.
        enqueue(e, now, now);
        setPhase(e, TaskPhase::Held);
        const TaskState copy = s;
        const bool first = !m_authHeld;
        if (first)
            holdForAuth(code, s.errorMessage, id);
        else
            schedule();
        emit taskUpdated(copy, changed);
        return;
    }
    case ErrorClass::Permanent: {
        finish(e, TaskPhase::Stopped, changed);
        return;
    }
    case ErrorClass::Transient:
    default: {
        s.consecutiveFailures += 1; // the last good status and Info stay
        e->lastResultAt = now;
        setPhase(e, unfinishedPhase(e));
        enqueue(e,
                now + backoffDelayMs(s.consecutiveFailures, m_options.backoffStartMs, m_options.backoffCapMs,
                                     m_rng),
                now);
        const TaskState copy = s;
        schedule();
        emit taskUpdated(copy, changed);
        return;
    }
    }
}

} // namespace taskwatch
