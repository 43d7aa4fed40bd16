// How every API action of a credential reacts to the server's answers, in one place: the pacing rate and its
// slow-down after RequestLimitExceeded (RateGovernor, one per action budget), exponential backoff of
// transient faults (backoffDelayMs) and the correction of the signing clock after
// AuthFailure.SignatureExpire (ClockCorrector, one per signing client: every action signed with that clock
// shares it). The PollScheduler (DescribeAsyncRequestInfo) and the DiscoveryClient (DescribeTasks,
// DescribeDBInstances) both use these; neither has its own copy.
#pragma once

#include "SendBudget.h"
#include "TaskTypes.h"

#include <QRandomGenerator>
#include <memory>

namespace taskwatch {

// Exponential backoff with +-20 % jitter: start, 2 × start, 4 × start … at most cap (milliseconds).
qint64 backoffDelayMs(int failures, int startMs, int capMs, QRandomGenerator& rng);

// The rate one action of a credential is paced at, over its SendBudget: the user's rate, lowered after
// RequestLimitExceeded — by 10 % for `slowdownMs` after a first one, halved when a request sent under the
// lowered rate is limited again — and restored when the slow-down ends. The limit is the account's: a
// shared budget slows the user's other processes down too.
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

// The signing clock of one client (local clock + offset). After AuthFailure.SignatureExpire it measures the
// offset again from the server's Date, however often that happens (NTP fixed the local clock, the laptop
// resumed, the server's clock moved), and gives up when there is no Date, when the Date agrees with the
// clock the request was signed with (a correction would not help) or after several corrections with no
// other answer in between.
class ClockCorrector {
public:
    enum class Verdict {
        Resign,    // signed before the latest correction: just sign it again
        Corrected, // the offset was corrected: sign again (newOffset says to what)
        GiveUp     // treat it as an authentication failure
    };
    // `currentOffset`: the client's offset now; `sentOffset`: the one the request was signed with.
    Verdict onSignatureExpired(const QueryResult& result, qint64 currentOffset, qint64 sentOffset,
                               qint64* newOffset);
    void noteUnskewedAnswer() { m_corrections = 0; } // an answer the clock did not spoil
    void reset() { m_corrections = 0; }              // a new credential or a fixed clock

    // The Date "agrees" with the signing clock when they are this close (Date has a resolution of one
    // second, and the answer takes time).
    static constexpr qint64 kAgreementSecs = 2;
    static constexpr int kMaxCorrections = 3;

private:
    int m_corrections = 0;
};

} // namespace taskwatch
