#include "http/RateLimiter.h"
#include "EmulatorStats.h"

#include <algorithm>

namespace taskwatch::sim {

namespace {
constexpr qsizetype kMaxArrivalsKept = 1000 * 1000;
constexpr qsizetype kMaxActionNamesCounted = 256;
constexpr qint64 kRateWindowMs = RateLimiter::kWindowMs;

// Arrival times in a sliding window, kept sorted: requests on different connections may be handled in
// another order than they arrived (their arrival is the kernel's, see HttpServer). Inserts `t`, forgets what
// no window of interest holds any more, and returns the most arrivals in any kRateWindowMs window holding t.
int insertArrival(std::deque<qint64>& window, qint64 t) {
    window.insert(std::upper_bound(window.begin(), window.end(), t), t);
    while (!window.empty() && window.front() <= window.back() - 2 * kRateWindowMs)
        window.pop_front();
    int most = 0;
    for (auto end = std::lower_bound(window.begin(), window.end(), t);
         end != window.end() && *end < t + kRateWindowMs; ++end) {
        const auto begin = std::upper_bound(window.begin(), end, *end - kRateWindowMs);
        most = std::max(most, int(end - begin) + 1);
    }
    return most;
}
} // namespace

RateLimiter::RateLimiter(EmulatorStats* stats)
    : m_stats(stats) {}

QString RateLimiter::keyBucket(const QString& key, const QString& bucket) {
    return key + QLatin1Char('\n') + bucket;
}

void RateLimiter::setLimit(const QString& bucket, int perWindow) {
    m_limits.insert(bucket, std::max(0, perWindow));
    m_accepted.clear();
}

bool RateLimiter::admit(const QString& key, const QString& action, const QString& bucket, qint64 now) {
    if (m_requestsByAction.contains(action) || m_requestsByAction.size() < kMaxActionNamesCounted)
        ++m_requestsByAction[action];
    ++m_stats->requests;
    if (m_arrivals.size() < kMaxArrivalsKept)
        m_arrivals.insert(std::upper_bound(m_arrivals.begin(), m_arrivals.end(), now), now);
    m_stats->maxInAnyWindow = std::max(m_stats->maxInAnyWindow, insertArrival(m_window, now));

    KeyStats& ks = m_keyStats[key];
    ++ks.requests;
    ks.maxInAnyWindow = std::max(ks.maxInAnyWindow, insertArrival(ks.window, now));

    KeyStats& ka = m_keyBucketStats[keyBucket(key, bucket)];
    ++ka.requests;
    ka.maxInAnyWindow = std::max(ka.maxInAnyWindow, insertArrival(ka.window, now));

    // Admitted only when no window of kRateWindowMs holding this arrival would hold more than `limit`
    // admitted ones: requests on different connections may be handled out of arrival order, and a
    // later arrival handled first must still count against an earlier one handled after it.
    std::deque<qint64>& accepted = m_accepted[keyBucket(key, bucket)];
    const int limit = m_limits.value(bucket);
    if (insertArrival(accepted, now) > limit && limit > 0) {
        if (const auto it = std::lower_bound(accepted.begin(), accepted.end(), now);
            it != accepted.end() && *it == now)
            accepted.erase(it); // refused: not counted as admitted
        return false;
    }
    return true;
}

QStringList RateLimiter::keysSeen() const {
    QStringList keys = m_keyStats.keys();
    keys.sort();
    return keys;
}

int RateLimiter::requestsBy(const QString& key) const {
    return m_keyStats.value(key).requests;
}

int RateLimiter::maxInAnyWindowOf(const QString& key) const {
    return m_keyStats.value(key).maxInAnyWindow;
}

int RateLimiter::maxInAnyWindowOf(const QString& key, const QString& bucket) const {
    return m_keyBucketStats.value(keyBucket(key, bucket)).maxInAnyWindow;
}

void RateLimiter::reset() {
    m_arrivals.clear();
    m_window.clear();
    m_accepted.clear();
    m_keyStats.clear();
    m_keyBucketStats.clear();
    m_requestsByAction.clear();
}

} // namespace taskwatch::sim
