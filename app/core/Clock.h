// The one monotonic clock of the core: milliseconds of std::chrono::steady_clock (CLOCK_MONOTONIC on Linux,
// which every process of the machine shares: the shared pacing ledger relies on it). Whatever waits or paces
// takes a MonotonicClock, so that tests drive it with a fake one.
#pragma once

#include <QtGlobal>
#include <chrono>
#include <functional>

namespace taskwatch {

using MonotonicClock = std::function<qint64()>; // milliseconds, never going back

inline qint64 steadyNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace taskwatch
