#include "PacingGate.h"

#include <algorithm>
#include <cmath>

namespace taskwatch {

PacingGate::PacingGate(int maxPerWindow, int windowMs, int guardMs)
    : m_max(std::max(1, maxPerWindow))
    , m_windowMs(std::max(1, windowMs))
    , m_guardMs(std::max(0, guardMs)) {}

void PacingGate::setMaxPerWindow(int n) {
    m_max = std::max(1, n);
}

double PacingGate::spacingMs() const {
    return double(guardedWindow()) / double(m_max);
}

qint64 PacingGate::nextAllowedAt(qint64 nowMs) const {
    qint64 t = nowMs;
    if (m_hasSent) {
        const double spacing = spacingMs();
        // The even schedule, and never closer than the whole-millisecond spacing to the previous send.
        t = std::max(t, qint64(std::ceil(m_slot + spacing)));
        t = std::max(t, m_lastSend + qint64(std::floor(spacing)));
    }
    // At most m_max sends in any guarded window: the m_max-th latest send must have left the window.
    const auto n = m_sends.size();
    if (n >= std::size_t(m_max))
        t = std::max(t, m_sends[n - std::size_t(m_max)] + guardedWindow());
    return t;
}

void PacingGate::recordSend(qint64 nowMs) {
    const double spacing = spacingMs();
    if (!m_hasSent) {
        m_slot = double(nowMs);
    } else {
        // On time: the next slot follows the schedule exactly (fractions carry over). A late sender may
        // catch up by at most one spacing; after an idle time the schedule restarts from now.
        m_slot = std::max(m_slot + spacing, double(nowMs) - spacing);
        m_slot = std::min(m_slot, double(nowMs));
    }
    m_hasSent = true;
    m_lastSend = nowMs;
    m_sends.push_back(nowMs);
    const qint64 horizon = std::max<qint64>(guardedWindow(), 1000);
    while (!m_sends.empty() && m_sends.front() <= nowMs - horizon)
        m_sends.pop_front();
}

int PacingGate::sentInLast(qint64 nowMs, int windowMs) const {
    int count = 0;
    for (auto it = m_sends.rbegin(); it != m_sends.rend() && *it > nowMs - windowMs; ++it) {
        if (*it <= nowMs)
            ++count;
    }
    return count;
}

} // namespace taskwatch
