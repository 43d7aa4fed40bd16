// The rate one action of a credential is paced at, over its SendBudget: the user's rate, lowered after
// RequestLimitExceeded — by 10 % for `slowdownMs` after a first one, halved when a request sent under the
// lowered rate is limited again — and restored when the slow-down ends. The limit is the account's: a
// shared budget slows the user's other processes down too.
#pragma once

#include "pacing/SendBudget.h"

#include <algorithm>
#include <memory>

namespace taskwatch {

class RateGovernor {
public:
    // `ceiling`: the highest rate the action allows (40 for DescribeAsyncRequestInfo, 50 for DescribeTasks).
    RateGovernor(int maxRate, int ceiling, int slowdownMs);

    SendBudget& budget() const { return *m_budget; }
    // Null: a new LocalBudget. The current limit (rate, slow-down) carries over.
    void setBudget(std::shared_ptr<SendBudget> budget, qint64 now);
    void setMaxRate(int perSecond);
    int maxRate() const { return m_maxRate; }
    int ceiling() const { return m_ceiling; }
    void setSlowdownMs(int ms) { m_slowdownMs = std::max(0, ms); }

    // Ends a slow-down whose time is up (call before pacing decisions).
    void update(qint64 now);
    // RequestLimitExceeded for a request sent under `sentGeneration` (generation() when it was sent).
    // Requests sent before the current slow-down began were paced at the old rate: they say nothing new.
    void onRateLimited(qint64 now, quint64 sentGeneration);
    quint64 generation() const { return m_generation; }
    bool isSlowed() const { return m_slowUntil != 0; }
    // The earliest moment at or after `due` the budget allows a send, counting the end of a slow-down.
    qint64 nextAllowedAt(qint64 due) const;
    // A request acquired at `acquiredAt` was written to its connection by `now` (QNetworkReply::requestSent):
    // when it left more than kSendLagToleranceMs later, the budget counts it from `now`
    // (SendBudget::amendSend).
    void onSent(qint64 acquiredAt, qint64 now);
    // Shorter delays are left to the guard (a shared ledger is not locked for them).
    static constexpr qint64 kSendLagToleranceMs = 5;
    // Which HTTP version the last answer came over (QueryResult::http2): over HTTP/2 the window's guard is
    // PacingGate::kHttp2GuardMs, otherwise kDefaultGuardMs.
    void noteTransport(bool http2);

    static int loweredRate(int rate); // -10 %: 40 -> 36

private:
    std::shared_ptr<SendBudget> m_budget;
    int m_maxRate;
    int m_ceiling;
    int m_slowdownMs;
    qint64 m_slowUntil = 0; // 0: not slowed down
    quint64 m_generation = 0;
    bool m_http2 = false;
};

} // namespace taskwatch
