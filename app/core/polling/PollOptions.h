// How one account polls its tasks: rate, intervals (adaptive), backoff, slow-down and the in-flight cap.
#pragma once

namespace taskwatch {

struct PollOptions {
    int maxRate = 40;         // requests per second for the credential (1..40)
    int minIntervalMs = 5000; // minimum time between two polls of the same task
    // Adaptive intervals: a task whose status, Info and error have not changed for a time T is polled every
    // max(minIntervalMs, T / 10), at most every maxIntervalMs (a value <= minIntervalMs: always
    // minIntervalMs). Any change, touch(), refreshNow() and a new task start again from minIntervalMs.
    int maxIntervalMs = 15000;
    // A task that a whole listing of its region's unfinished tasks does not show (see
    // PollScheduler::markUnlisted) is polled at this steady interval instead, kept between minIntervalMs and
    // maxIntervalMs: the listing frees the requests the adaptive intervals save, and a steady interval bounds
    // how late its end is seen (here 8 s, where the adaptive interval reaches 15 s).
    int unlistedIntervalMs = 8000;
    int unknownStatusFactor = 4; // unknown statuses are polled this many times slower
    int backoffStartMs = 2000;   // transient faults: 2 s, 4 s, 8 s ... with jitter
    int backoffCapMs = 60000;
    int rateLimitSlowdownMs = 10000; // after RequestLimitExceeded: -10 % for this long (again: half)
    int maxInFlight = 64; // requests in flight at once for the credential (a dead server is not piled up)
};

} // namespace taskwatch
