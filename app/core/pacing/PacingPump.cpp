#include "pacing/PacingPump.h"

#include <algorithm>

namespace taskwatch {

namespace {
constexpr qint64 kMaxTimerMs = 24LL * 3600 * 1000;
}

PacingPump::PacingPump(RateGovernor* rate, MonotonicClock clock, Work work, QObject* parent)
    : QObject(parent)
    , m_rate(rate)
    , m_clock(std::move(clock))
    , m_work(std::move(work)) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // the pacing works in 26 ms steps
    connect(&m_timer, &QTimer::timeout, this, &PacingPump::pump);
}

void PacingPump::pump() {
    const qint64 now = m_clock();
    m_rate->update(now);
    SendBudget& budget = m_rate->budget();
    const auto dueNow = [&] {
        const std::optional<qint64> due = m_work.firstDueAt(now);
        return due && *due <= now;
    };
    budget.setBacklog(now, dueNow());
    while (dueNow() && budget.tryAcquire(now))
        m_work.sendFirst(now);
    budget.setBacklog(now, dueNow());
    schedule();
}

std::optional<qint64> PacingPump::nextWakeAt(qint64 now) const {
    const std::optional<qint64> due = m_work.firstDueAt(now);
    if (!due)
        return std::nullopt;
    return m_rate->nextAllowedAt(std::max(now, *due));
}

void PacingPump::schedule() {
    const qint64 now = m_clock();
    m_rate->update(now);
    const std::optional<qint64> wake = nextWakeAt(now);
    if (!wake) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(*wake - now, 0, kMaxTimerMs)));
}

} // namespace taskwatch
