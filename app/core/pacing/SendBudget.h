// The request budget one API action of one account spends: "may a request leave now, and if not, when?".
// LocalBudget paces this process only; SharedBudget shares one budget with every process of the user.
#pragma once

#include <QtGlobal>

namespace taskwatch {

class SendBudget {
public:
    virtual ~SendBudget() = default;

    // The caller's own limit (the user's rate, a slow-down after RequestLimitExceeded).
    virtual void setMaxPerWindow(int n) = 0;
    virtual int maxPerWindow() const = 0;
    // Whether the caller has requests waiting for the budget (announced to other participants).
    virtual void setBacklog(qint64 nowMs, bool backlog) = 0;
    // The earliest time a send may be possible (>= nowMs). With a shared budget another participant may take
    // that slot first: tryAcquire() then says no and the caller asks again.
    virtual qint64 nextAllowedAt(qint64 nowMs) const = 0;
    // Takes a send slot at nowMs when the budget allows one (and records the send).
    virtual bool tryAcquire(qint64 nowMs) = 0;
    // This caller's send acquired at `acquiredMs` left at `sentMs` (later): the budget counts it from then.
    virtual void amendSend(qint64 acquiredMs, qint64 sentMs) = 0;
    // This caller's sends in (nowMs - windowMs, nowMs].
    virtual int sentInLast(qint64 nowMs, int windowMs) const = 0;
    // The guard of this caller's window (PacingGate::kDefaultGuardMs, or kHttp2GuardMs over HTTP/2).
    virtual void setGuardMs(int ms) = 0;
    virtual int guardMs() const = 0;
    virtual bool isShared() const = 0;
    // The server said the account is too fast (RequestLimitExceeded): a shared budget lowers every
    // participant's rate to `maxPerWindow` until `untilMs`. The caller lowers its own limit separately.
    virtual void limitAccount(qint64 /*nowMs*/, qint64 /*untilMs*/, int /*maxPerWindow*/) {}
};

} // namespace taskwatch
