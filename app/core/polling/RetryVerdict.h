// What to do after a failed answer to a request of a listing or any other action sent on its own (not a
// task's poll: PollScheduler has its per-task rules): the one rule of rate limits, clock skew and transient
// faults that DiscoveryClient and ProductListing share.
#pragma once

#include "api/QueryResult.h"

#include <QRandomGenerator>
#include <optional>

namespace taskwatch {

class TaskQueryBackend;

struct RetryVerdict {
    enum class Kind {
        GiveUp,      // a permanent error, an authentication failure, or the attempts are spent
        RateLimited, // slow the action down (its RateGovernor) and send again now
        Now,         // send again now: signed again, after a clock correction when correctedOffset is set
        Later        // a transient fault: send again after delayMs (the next attempt)
    };
    Kind kind = Kind::GiveUp;
    qint64 delayMs = 0;
    std::optional<qint64> correctedOffset; // Now: the client's new clock offset (already set)
};

struct RetryLimits {
    int maxAttempts = 4;
    int backoffStartMs = 1000;
    int backoffCapMs = 8000;
};

// `attempt`: how many times the request was sent (1 for the first); `sentOffset`: the clock offset it was
// signed with. Corrects the client's clock where the answer says so (its ClockCorrector) and tells the
// corrector about every other answer.
RetryVerdict retryVerdict(TaskQueryBackend& client, const QueryResult& result, qint64 sentOffset, int attempt,
                          const RetryLimits& limits, QRandomGenerator& rng);

} // namespace taskwatch
