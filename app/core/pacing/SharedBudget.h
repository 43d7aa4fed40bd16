// SharedBudget: one budget shared by every process of the user on this machine (the GUI and any number
// of `watch` runs with the same SecretId). They share one PacingGate state — the even schedule and the
// guarded window, so together they stay within 40 in any 1000 ms — kept in a small ledger (LedgerBlock)
// under a lock. Fairness: a participant with requests waiting announces it with a heartbeat; while k
// participants have a backlog each takes at most ceil(max / k) of the guarded window, unless a send slot
// stays unused for half a spacing (then anyone may take it, so the budget is still used). A participant
// that stops heartbeating (it exited, was killed, or has nothing waiting) no longer counts after
// kLeaseMs; its slot in the ledger is reused after kReuseMs.
//
// The ledger is either a file in the user's private runtime directory (platform/RuntimeDirectory:
// XDG_RUNTIME_DIR, or a private per-user directory where it is unset, the per-user equivalent on macOS and
// Windows), named from a hash of SecretId and action (never the SecretId itself), mapped into memory and
// locked per operation (released by the OS when a process dies), or a block in memory shared by several
// SharedBudget objects of one process (unit tests). Times are milliseconds of the monotonic clock, which all
// processes of the machine share (Clock.h: steadyNowMs); with the in-memory ledger any clock works.
#pragma once

#include "pacing/LedgerBlock.h"
#include "pacing/LedgerStore.h"
#include "pacing/PacingGate.h"
#include "pacing/SendBudget.h"

#include <QString>
#include <algorithm>
#include <memory>
#include <optional>

namespace taskwatch {

class SharedBudget final : public SendBudget {
public:
    static constexpr qint64 kLeaseMs = 500;  // a backlog counts this long after its last announcement
    static constexpr qint64 kReuseMs = 2000; // a silent participant's slot is reused after this

    // `accountMax`: the account's limit shared by all participants (40 per 1000 ms). setMaxPerWindow() then
    // sets this participant's own limit (the user's rate, its slow-down): at most that many of its own
    // sends in the guarded window, within the shared schedule.
    explicit SharedBudget(std::shared_ptr<LedgerStore> store, int accountMax = 40);
    ~SharedBudget() override; // leaves the ledger (its slot is free at once)

    void setMaxPerWindow(int n) override { m_ownMax = std::clamp(n, 1, PacingState::kCapacity); }
    int maxPerWindow() const override { return m_ownMax; }
    void limitAccount(qint64 nowMs, qint64 untilMs, int maxPerWindow) override;
    void setBacklog(qint64 nowMs, bool backlog) override;
    qint64 nextAllowedAt(qint64 nowMs) const override;
    bool tryAcquire(qint64 nowMs) override;
    void amendSend(qint64 acquiredMs, qint64 sentMs) override;
    int sentInLast(qint64 nowMs, int windowMs) const override;
    // This participant's guard: the shared schedule and window as it applies them to its own sends.
    void setGuardMs(int ms) override {
        m_gate.setGuardMs(ms);
        m_mine.setGuardMs(ms);
    }
    int guardMs() const override { return m_gate.guardMs(); }
    bool isShared() const override { return true; }

    // Participants with a backlog now (including this one when it has).
    int activeParticipants(qint64 nowMs) const;

    // The budget for one account and API action: a SharedBudget on the ledger file in the user's runtime
    // directory, or — when that directory is unsafe or unusable (a symbolic link, another user's, open to
    // others, not writable) or the file cannot be used — a LocalBudget and a warning (translated, one line)
    // that says why. `runtimeDir` empty: platform::userRuntimeDirectory().
    struct Choice {
        std::shared_ptr<SendBudget> budget;
        QString warning; // empty when shared
    };
    static Choice forAccount(const QString& secretId, const QString& action, int maxPerWindow = 40,
                             const QString& runtimeDir = {});
    // The ledger's file name for an account and action (a hash: the SecretId is never in it).
    static QString ledgerFileName(const QString& secretId, const QString& action);

private:
    int join(LedgerBlock* block, qint64 nowMs) const; // this participant's index (registers when needed)
    int activeLocked(const LedgerBlock* block, int me, qint64 nowMs) const;
    qint64 unusedSlotAt(const LedgerBlock* block) const;
    // The shared gate with the account's current limit.
    const PacingGate& gateFor(const LedgerBlock* block, qint64 nowMs) const;
    // When fewer than `limit` of this participant's sends are in the guarded window again; nullopt: now.
    std::optional<qint64> ownFreeAt(const LedgerBlock* block, int limit, qint64 nowMs) const;
    int fairShare(const LedgerBlock* block, int me, qint64 nowMs) const;
    qint64 nextAllowedLocked(const LedgerBlock* block, int me, qint64 nowMs) const;

    std::shared_ptr<LedgerStore> m_store;
    int m_accountMax;
    int m_ownMax;
    mutable PacingGate m_gate; // the arithmetic, applied to the ledger's state (gateFor())
    PacingGate m_mine;         // this participant's own sends (sentInLast without the lock)
    quint64 m_token = 0;
    qint32 m_tag = 0; // marks this participant's sends in the ledger
    bool m_backlog = false;
    qint64 m_announcedAt = 0;
    mutable int m_index = -1;
};

} // namespace taskwatch
