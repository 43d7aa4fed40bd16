// The vendor's rate limit, by arrival time: per key (SecretId) and bucket (a group of actions), a request is
// refused when any 1000 ms window holding its arrival would hold more admitted requests than the bucket's
// limit. Requests on different connections may be handled in another order than they arrived; a later
// arrival handled first still counts against an earlier one handled after it. Also keeps the counts the tests
// and benchmarks read (arrivals, the most in any window, per key and per bucket).
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <deque>

namespace taskwatch::sim {

struct EmulatorStats;

class RateLimiter {
public:
    static constexpr qint64 kWindowMs = 1000;

    explicit RateLimiter(EmulatorStats* stats);

    // Requests per kWindowMs for each key in this bucket; 0 disables the limit. Forgets what was admitted.
    void setLimit(const QString& bucket, int perWindow);
    int limit(const QString& bucket) const { return m_limits.value(bucket); }

    // Records a request of `action` (counted by name) from `key` that arrived at `arrivedAtMs`; false when it
    // is over the key's limit in `bucket` (refused requests are counted, not admitted).
    bool admit(const QString& key, const QString& action, const QString& bucket, qint64 arrivedAtMs);

    QList<qint64> arrivals() const { return m_arrivals; } // every request's arrival, ms, sorted
    QStringList keysSeen() const;                         // sorted
    int requestsBy(const QString& key) const;
    int maxInAnyWindowOf(const QString& key) const;                        // every bucket together
    int maxInAnyWindowOf(const QString& key, const QString& bucket) const; // one bucket
    int requestsOf(const QString& action) const { return m_requestsByAction.value(action); }
    void reset(); // forgets every arrival and count (the limits stay)

private:
    struct KeyStats {
        int requests = 0;
        int maxInAnyWindow = 0;
        std::deque<qint64> window; // arrival times, sorted (insertArrival)
    };
    static QString keyBucket(const QString& key, const QString& bucket);

    EmulatorStats* m_stats;
    QHash<QString, int> m_limits;
    QHash<QString, int> m_requestsByAction;
    QHash<QString, KeyStats> m_keyStats;
    QHash<QString, KeyStats> m_keyBucketStats; // keyBucket()
    // Per key and bucket, as the vendor limits each account: arrival times of requests not refused.
    QHash<QString, std::deque<qint64>> m_accepted;
    std::deque<qint64> m_window; // arrival times of every request, sorted (insertArrival)
    QList<qint64> m_arrivals;
};

} // namespace taskwatch::sim
