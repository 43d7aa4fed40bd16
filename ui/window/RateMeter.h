// The request rate the status bar shows: the requests counted once a second (those sent in the second
// before), averaged over the last kWindowMs. The last second alone says "0.0 req/s" most of the time while a
// few tasks are polled every 5 to 15 s. Until the window has filled, the average is over the seconds counted
// so far.
#pragma once

#include <QtGlobal>
#include <deque>
#include <utility>

namespace taskwatch::ui {

class RateMeter {
public:
    static constexpr qint64 kWindowMs = 30000;

    // `sentInLastSecond`: the requests sent in the second before `nowMs` (monotonic milliseconds).
    void sample(qint64 nowMs, double sentInLastSecond);
    // Requests per second over the window; 0 before the first sample.
    double rate() const;
    void clear() { m_samples.clear(); }

private:
    std::deque<std::pair<qint64, double>> m_samples; // (when, count), oldest first
};

} // namespace taskwatch::ui
