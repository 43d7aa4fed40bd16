// Shared by the pacing tests: counting sends (sorted millisecond times) per sliding window.
#pragma once

#include <QRandomGenerator>
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

// The server's view: each send arrives after a network delay of 0..maxDelayMs (random), e.g. HTTP/2
// multiplexing that holds one request back and lets it leave with the next, or HTTP/1.1 connections that
// become free together. Returns the sorted arrival times.
inline std::vector<qint64> arrivalsAtServer(const std::vector<qint64>& sends, int maxDelayMs, quint32 seed) {
    QRandomGenerator rng(seed);
    std::vector<qint64> arrivals;
    arrivals.reserve(sends.size());
    for (qint64 t : sends)
        arrivals.push_back(t + qint64(rng.bounded(maxDelayMs + 1)));
    std::sort(arrivals.begin(), arrivals.end());
    return arrivals;
}

// The same with sends delivered in pairs: every second send is held back until the next one leaves
// (plus 0..pairGapMs), the worst case of requests bunched by multiplexing.
inline std::vector<qint64> pairedAtServer(const std::vector<qint64>& sends, int pairGapMs, quint32 seed) {
    QRandomGenerator rng(seed);
    std::vector<qint64> arrivals;
    arrivals.reserve(sends.size());
    for (std::size_t i = 0; i < sends.size(); ++i) {
        const qint64 release = (i % 2 == 0 && i + 1 < sends.size()) ? sends[i + 1] : sends[i];
        arrivals.push_back(release + qint64(rng.bounded(pairGapMs + 1)));
    }
    std::sort(arrivals.begin(), arrivals.end());
    return arrivals;
}
