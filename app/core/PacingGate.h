// Pure pacing arithmetic (no timers, no Qt event loop): may a request leave now, and if not, when?
// Guarantees at most `maxPerWindow` sends in any window of `windowMs` + guard, and a minimum even spacing,
// so that network jitter cannot bunch requests into more than the server's 40 per 1000 ms.
//
// The server counts 40 requests per 1000 ms by arrival; pacing exactly one request every 25 ms trips its
// limit through timer and network jitter. So the gate counts sends in a guarded window (default 1025 ms,
// i.e. 40 per 1025 ms, about 39.0/s sustained) and spreads them on an even schedule of
// (windowMs + guardMs) / maxPerWindow ms per send. Times are integer milliseconds, so a single gap may be
// the whole-millisecond floor of that spacing (25 ms by default) while the schedule catches up with a late
// sender; the guarded window bounds every stretch of time regardless.
#pragma once

#include <QtGlobal>
#include <deque>

namespace taskwatch {

class PacingGate {
public:
    explicit PacingGate(int maxPerWindow = 40, int windowMs = 1000, int guardMs = 25);

    // For slow-downs (e.g. after RequestLimitExceeded) and the user's rate; clamped to at least 1.
    void setMaxPerWindow(int n);
    int maxPerWindow() const { return m_max; }
    int windowMs() const { return m_windowMs; }
    int guardMs() const { return m_guardMs; }
    // The even spacing between sends: (windowMs + guardMs) / maxPerWindow, in milliseconds.
    double spacingMs() const;

    bool canSend(qint64 nowMs) const { return nextAllowedAt(nowMs) <= nowMs; }
    qint64 nextAllowedAt(qint64 nowMs) const; // >= nowMs
    void recordSend(qint64 nowMs);
    int sentInLast(qint64 nowMs, int windowMs) const; // sends in (nowMs - windowMs, nowMs]

private:
    qint64 guardedWindow() const { return qint64(m_windowMs) + m_guardMs; }

    int m_max;
    int m_windowMs;
    int m_guardMs;
    bool m_hasSent = false;
    qint64 m_lastSend = 0;
    double m_slot = 0; // the even schedule's slot of the last send (may trail the actual send time a little)
    std::deque<qint64> m_sends; // send times within max(guarded window, 1000 ms)
};

} // namespace taskwatch
