// Pure pacing arithmetic (no timers, no Qt event loop): may a request leave now, and if not, when?
// Guarantees at most `maxPerWindow` sends in any window of `windowMs` + guard, and a minimum even spacing,
// so that network jitter cannot bunch requests into more than the server's 40 per 1000 ms.
#pragma once

#include <QtGlobal>
#include <deque>

namespace taskwatch {

class PacingGate {
public:
    explicit PacingGate(int maxPerWindow = 40, int windowMs = 1000, int guardMs = 25);

    void setMaxPerWindow(int n);
    int maxPerWindow() const { return m_max; }

    bool canSend(qint64 nowMs) const { return nextAllowedAt(nowMs) <= nowMs; }
    qint64 nextAllowedAt(qint64 nowMs) const; // >= nowMs
    void recordSend(qint64 nowMs);
    int sentInLast(qint64 nowMs, int windowMs) const;

private:
    int m_max;
    int m_windowMs;
    int m_guardMs;
    std::deque<qint64> m_sends; // send times within the (guarded) window
};

} // namespace taskwatch
