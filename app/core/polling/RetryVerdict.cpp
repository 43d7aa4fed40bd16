#include "polling/RetryVerdict.h"

#include "api/ErrorCatalog.h"
#include "pacing/Backoff.h"
#include "polling/TaskQueryBackend.h"

namespace taskwatch {

RetryVerdict retryVerdict(TaskQueryBackend& client, const QueryResult& result, qint64 sentOffset, int attempt,
                          const RetryLimits& limits, QRandomGenerator& rng) {
    RetryVerdict v;
    const ErrorClass errorClass = ErrorCatalog::classify(result.errorCode);
    if (errorClass == ErrorClass::RateLimited) {
        v.kind = RetryVerdict::Kind::RateLimited;
        return v;
    }
    if (errorClass == ErrorClass::ClockSkew) {
        qint64 offset = 0;
        switch (
            client.clockCorrector().onSignatureExpired(result, client.clockOffset(), sentOffset, &offset)) {
        case ClockCorrector::Verdict::Corrected:
            client.setClockOffset(offset);
            v.correctedOffset = offset;
            [[fallthrough]];
        case ClockCorrector::Verdict::Resign:
            v.kind = RetryVerdict::Kind::Now;
            return v;
        case ClockCorrector::Verdict::GiveUp:
            return v;
        }
    }
    client.clockCorrector().noteUnskewedAnswer();
    if (errorClass == ErrorClass::Transient && attempt < limits.maxAttempts) {
        v.kind = RetryVerdict::Kind::Later;
        v.delayMs = backoffDelayMs(attempt, limits.backoffStartMs, limits.backoffCapMs, rng);
    }
    return v;
}

} // namespace taskwatch
