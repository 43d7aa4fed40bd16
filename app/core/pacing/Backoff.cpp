#include "pacing/Backoff.h"

#include <algorithm>
#include <cmath>

namespace taskwatch {

qint64 backoffDelayMs(int failures, int startMs, int capMs, QRandomGenerator& rng) {
    startMs = std::max(1, startMs);
    capMs = std::max(startMs, capMs);
    const double nominal =
        std::min(std::ldexp(double(startMs), std::clamp(failures - 1, 0, 40)), double(capMs));
    const double jitter = 0.8 + 0.4 * rng.generateDouble(); // +-20 %
    return std::max<qint64>(1, std::llround(nominal * jitter));
}

} // namespace taskwatch
