#include "pacing/PacingGate.h"

#include <algorithm>
#include <cmath>

namespace taskwatch {

namespace {
constexpr int kCap = PacingState::kCapacity;

int indexOfLatest(const PacingState& s, int k) { // k = 1: the latest send
    return (s.head + s.count - k) % kCap;
}
} // namespace

PacingGate::PacingGate(int maxPerWindow, int windowMs, int guardMs)
    : m_max(std::clamp(maxPerWindow, 1, kCap))
    , m_windowMs(std::max(1, windowMs))
    , m_guardMs(std::max(0, guardMs)) {}

void PacingGate::setMaxPerWindow(int n) {
    m_max = std::clamp(n, 1, kCap);
}

double PacingGate::spacingMs() const {
    return double(guardedWindowMs()) / double(m_max);
}

qint64 PacingGate::minGapMs() const {
    return std::max<qint64>(1, qint64(std::floor(spacingMs() * 0.6)));
}

qint64 PacingGate::nextAllowedAt(const PacingState& s, qint64 nowMs) const {
    qint64 t = nowMs;
    if (s.hasSent) {
        // The even schedule, and never closer than the minimum gap to the previous send.
        t = std::max(t, qint64(std::ceil(s.slot + spacingMs())));
        t = std::max(t, s.lastSend + minGapMs());
    }
    // At most m_max sends in any guarded window: the m_max-th latest send must have left the window.
    if (s.count >= m_max)
        t = std::max(t, s.sends[indexOfLatest(s, m_max)] + guardedWindowMs());
    return t;
}

void PacingGate::recordSend(PacingState& s, qint64 nowMs, qint32 owner) const {
    const double spacing = spacingMs();
    const double now = double(nowMs);
    if (!s.hasSent || now - (s.slot + spacing) > kCatchUpSpacings * spacing) {
        s.slot = now; // the first send, or after an idle time (or a very late one): restart the schedule
    } else {
        // On time or a little late: the slot follows the schedule (fractions carry over), so that the
        // next sends catch up; never ahead of the actual send.
        s.slot = std::min(s.slot + spacing, now);
    }
    s.hasSent = 1;
    s.lastSend = nowMs;
    int index;
    if (s.count < kCap) {
        index = (s.head + s.count) % kCap;
        ++s.count;
    } else {
        index = s.head;
        s.head = (s.head + 1) % kCap;
    }
    s.sends[index] = nowMs;
    s.owners[index] = owner;
}

bool PacingGate::amendSend(PacingState& s, qint64 recordedMs, qint64 sentMs, qint32 owner) {
    for (int k = s.count; k >= 1; --k) { // oldest first: the first of the owner's sends since recordedMs
        int i = indexOfLatest(s, k);
        if (s.owners[i] != owner || s.sends[i] < recordedMs)
            continue;
        if (s.sends[i] >= sentMs)
            return false;
        s.sends[i] = sentMs;
        for (int newer = k - 1; newer >= 1; --newer) { // keep the ring in time order
            const int j = indexOfLatest(s, newer);
            if (s.sends[j] >= s.sends[i])
                break;
            std::swap(s.sends[j], s.sends[i]);
            std::swap(s.owners[j], s.owners[i]);
            i = j;
        }
        return true;
    }
    return false;
}

int PacingGate::sentInLast(const PacingState& s, qint64 nowMs, qint64 windowMs, qint32 owner) {
    int n = 0;
    for (int k = 1; k <= s.count; ++k) {
        const int i = indexOfLatest(s, k);
        const qint64 t = s.sends[i];
        if (t > nowMs - windowMs && t <= nowMs && (owner < 0 || s.owners[i] == owner))
            ++n;
    }
    return n;
}

bool PacingGate::sanitize(PacingState& s) {
    const bool ok = s.count >= 0 && s.count <= kCap && s.head >= 0 && s.head < kCap &&
                    (s.hasSent == 0 || s.hasSent == 1) && std::isfinite(s.slot);
    if (!ok)
        s = PacingState{};
    return ok;
}

} // namespace taskwatch
