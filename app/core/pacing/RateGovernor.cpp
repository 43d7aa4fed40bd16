#include "pacing/RateGovernor.h"

#include "pacing/LocalBudget.h"
#include "pacing/PacingGate.h"

#include <algorithm>

namespace taskwatch {

RateGovernor::RateGovernor(int maxRate, int ceiling, int slowdownMs)
    : m_budget(std::make_shared<LocalBudget>())
    , m_maxRate(0)
    , m_ceiling(std::clamp(ceiling, 1, PacingState::kCapacity))
    , m_slowdownMs(std::max(0, slowdownMs)) {
    setMaxRate(maxRate);
}

int RateGovernor::loweredRate(int rate) {
    return std::max(1, rate - std::max(1, rate / 10));
}

void RateGovernor::setBudget(std::shared_ptr<SendBudget> budget, qint64 now) {
    if (!budget)
        budget = std::make_shared<LocalBudget>();
    budget->setMaxPerWindow(m_budget->maxPerWindow());
    budget->setGuardMs(m_budget->guardMs());
    m_budget->setBacklog(now, false);
    m_budget = std::move(budget);
}

void RateGovernor::noteTransport(bool http2) {
    if (http2 == m_http2)
        return;
    m_http2 = http2;
    m_budget->setGuardMs(http2 ? PacingGate::kHttp2GuardMs : PacingGate::kDefaultGuardMs);
}

void RateGovernor::setMaxRate(int perSecond) {
    m_maxRate = std::clamp(perSecond, 1, m_ceiling);
    if (m_slowUntil == 0)
        m_budget->setMaxPerWindow(m_maxRate);
    else
        m_budget->setMaxPerWindow(std::min(m_budget->maxPerWindow(), loweredRate(m_maxRate)));
}

void RateGovernor::update(qint64 now) {
    if (m_slowUntil != 0 && now >= m_slowUntil) {
        m_slowUntil = 0;
        m_budget->setMaxPerWindow(m_maxRate);
    }
}

void RateGovernor::onRateLimited(qint64 now, quint64 sentGeneration) {
    // A first one lowers the rate by 10 %; one sent under the lowered rate and still limited (it repeats
    // within the slow-down) halves it.
    if (m_slowUntil != 0 && sentGeneration != m_generation)
        return;
    const int current = m_budget->maxPerWindow();
    m_budget->setMaxPerWindow(m_slowUntil == 0 ? std::min(current, loweredRate(m_maxRate))
                                               : std::max(1, current / 2));
    ++m_generation;
    m_slowUntil = std::max<qint64>(now + m_slowdownMs, 1);
    m_budget->limitAccount(now, m_slowUntil, m_budget->maxPerWindow());
}

qint64 RateGovernor::nextAllowedAt(qint64 due) const {
    qint64 wake = m_budget->nextAllowedAt(due);
    // The full rate comes back at m_slowUntil: the gate may then allow a send earlier than it does now.
    if (m_slowUntil != 0 && m_slowUntil < wake)
        wake = std::max(m_slowUntil, due);
    return wake;
}

void RateGovernor::onSent(qint64 acquiredAt, qint64 now) {
    if (now - acquiredAt > kSendLagToleranceMs)
        m_budget->amendSend(acquiredAt, now);
}

} // namespace taskwatch
