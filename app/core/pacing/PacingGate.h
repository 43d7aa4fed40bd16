// Pure pacing arithmetic (no timers, no Qt event loop): may a request leave now, and if not, when?
// Guarantees at most `maxPerWindow` sends in any window of `windowMs` + guard, on an even schedule, so that
// network jitter cannot bunch requests into more than the server's 40 per 1000 ms.
//
// Two separate mechanisms:
//  - the guarded window is the hard bound: at most maxPerWindow sends in any (windowMs + guardMs) ms. The
//    guard (default 40 ms; kHttp2GuardMs over HTTP/2) covers how unevenly requests may reach the server:
//    timer lateness, HTTP/1.1 connections that become free together, HTTP/2 requests held by the kernel.
//    Whatever the client-side spacing, 40 sends in any 1040 ms arrive as at most 40 in any 1000 ms while
//    their network delays differ by less than 40 ms.
//    A send is recorded when it is decided; a request that leaves later (its start waits behind other work of
//    the thread, a new connection, a busy HTTP stack) is moved to when it left (amendSend), so that the
//    window counts departures: a delay that hits one request and not the next would otherwise use up the
//    guard.
//  - the even schedule spreads the sends: one slot every (windowMs + guardMs) / maxPerWindow ms (26 ms by
//    default, 38.5/s). A sender that wakes up late keeps its slot in the schedule and may catch up with
//    shorter gaps (never shorter than minGapMs, 60 % of a spacing), so timer lateness — or a send held back
//    by the window after a late departure — costs no rate; a sender later than kCatchUpSpacings spacings
//    (an idle time) restarts the schedule from now (no burst).
//
// The state is a plain, fixed-size struct (PacingState) so that the same arithmetic runs on a state kept in
// this process or on one shared by processes (SharedBudget's ledger file). Times are integer milliseconds of
// one monotonic clock.
#pragma once

#include <QtGlobal>
#include <algorithm>

namespace taskwatch {

// Trivially copyable, no pointers: it may live in shared memory. Every field is checked before use (a
// shared file is not trusted to be consistent).
struct PacingState {
    static constexpr int kCapacity = 64; // the last sends kept; maxPerWindow is clamped to it
    qint64 lastSend = 0;
    double slot = 0; // the even schedule's slot of the last send (may trail the actual send time)
    qint32 hasSent = 0;
    qint32 count = 0; // valid entries in the ring
    qint32 head = 0;  // index of the oldest entry
    qint32 reserved = 0;
    qint64 sends[kCapacity] = {};
    qint32 owners[kCapacity] = {}; // who sent it (a SharedBudget participant; 0 in a private gate)
};

class PacingGate {
public:
    static constexpr int kDefaultGuardMs = 40;
    // Over HTTP/2 (RateGovernor::noteTransport): QNetworkAccessManager writes a request's HEADERS and DATA
    // frames as two TCP segments without TCP_NODELAY, so the kernel may hold the DATA frame (and the next
    // request behind it) until the server acknowledges the first, which Linux delays by 40 ms: requests reach
    // the server up to ~40 ms late, in pairs. The guard covers that hold with room to spare (40 per 1050 ms:
    // 38.1/s).
    static constexpr int kHttp2GuardMs = 50;
    static constexpr int kCatchUpSpacings = 4; // up to ~100 ms late: caught up with shorter gaps

    explicit PacingGate(int maxPerWindow = 40, int windowMs = 1000, int guardMs = kDefaultGuardMs);

    // For slow-downs (e.g. after RequestLimitExceeded) and the user's rate; clamped to 1..kCapacity.
    void setMaxPerWindow(int n);
    void setGuardMs(int ms) { m_guardMs = std::max(0, ms); }
    int maxPerWindow() const { return m_max; }
    int windowMs() const { return m_windowMs; }
    int guardMs() const { return m_guardMs; }
    qint64 guardedWindowMs() const { return qint64(m_windowMs) + m_guardMs; }
    // The even schedule: (windowMs + guardMs) / maxPerWindow ms per send.
    double spacingMs() const;
    // The shortest gap between two sends (a late sender catching up with the schedule).
    qint64 minGapMs() const;

    // On the gate's own state.
    bool canSend(qint64 nowMs) const { return nextAllowedAt(nowMs) <= nowMs; }
    qint64 nextAllowedAt(qint64 nowMs) const { return nextAllowedAt(m_state, nowMs); } // >= nowMs
    void recordSend(qint64 nowMs) { recordSend(m_state, nowMs, 0); }
    int sentInLast(qint64 nowMs, int windowMs) const { return sentInLast(m_state, nowMs, windowMs); }
    bool amendSend(qint64 recordedMs, qint64 sentMs) { return amendSend(m_state, recordedMs, sentMs, 0); }

    // The same arithmetic on an external state (e.g. one shared by processes). `owner` tags the send.
    qint64 nextAllowedAt(const PacingState& state, qint64 nowMs) const;
    void recordSend(PacingState& state, qint64 nowMs, qint32 owner) const;
    // `owner`'s send recorded at `recordedMs` (the first of its sends recorded then or later) left at
    // `sentMs`: it is moved there (never earlier), the ring kept in time order. False when nothing had to
    // move.
    static bool amendSend(PacingState& state, qint64 recordedMs, qint64 sentMs, qint32 owner);
    // Sends in (nowMs - windowMs, nowMs]; with `owner` >= 0 only that owner's.
    static int sentInLast(const PacingState& state, qint64 nowMs, qint64 windowMs, qint32 owner = -1);
    // Makes a state read from outside consistent (indices in range); returns false when it had to reset it.
    static bool sanitize(PacingState& state);

private:
    int m_max;
    int m_windowMs;
    int m_guardMs;
    PacingState m_state;
};

} // namespace taskwatch
