// Shared by the pacing tests: counting sends (sorted millisecond times) per sliding window.
#pragma once

#include <QtGlobal>
#include <algorithm>
#include <vector>

// The largest number of sends in any half-open window [t, t + windowMs) (two pointers over sorted times).
inline int maxInAnyWindow(const std::vector<qint64>& sends, qint64 windowMs) {
    int best = 0;
    std::size_t lo = 0;
    for (std::size_t hi = 0; hi < sends.size(); ++hi) {
        while (sends[hi] - sends[lo] >= windowMs)
            ++lo;
        best = std::max(best, int(hi - lo + 1));
    }
    return best;
}
