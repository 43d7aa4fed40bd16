// A SendBudget of this process only: a PacingGate (unit tests with a fake clock, and the fallback when no
// shared ledger can be used).
#pragma once

#include "pacing/PacingGate.h"
#include "pacing/SendBudget.h"

namespace taskwatch {

class LocalBudget final : public SendBudget {
public:
    explicit LocalBudget(int maxPerWindow = 40)
        : m_gate(maxPerWindow) {}
    void setMaxPerWindow(int n) override { m_gate.setMaxPerWindow(n); }
    int maxPerWindow() const override { return m_gate.maxPerWindow(); }
    void setBacklog(qint64, bool) override {}
    qint64 nextAllowedAt(qint64 nowMs) const override { return m_gate.nextAllowedAt(nowMs); }
    bool tryAcquire(qint64 nowMs) override;
    void amendSend(qint64 acquiredMs, qint64 sentMs) override { m_gate.amendSend(acquiredMs, sentMs); }
    int sentInLast(qint64 nowMs, int windowMs) const override { return m_gate.sentInLast(nowMs, windowMs); }
    void setGuardMs(int ms) override { m_gate.setGuardMs(ms); }
    int guardMs() const override { return m_gate.guardMs(); }
    bool isShared() const override { return false; }
    const PacingGate& gate() const { return m_gate; }

private:
    PacingGate m_gate;
};

} // namespace taskwatch
