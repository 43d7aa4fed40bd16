// The pump every paced action shares (polling, discovery's listings): while work is due and the action's
// budget gives a slot, it sends; then it arms one single-shot timer for the earliest moment work can happen
// (the budget's next slot for the first due work) and none while nothing can be sent, so it never spins. It
// announces a backlog to the budget (a shared budget gives the processes with work waiting a fair share).
// The owner keeps its queue and answers two questions: when is the first work due, and send it.
#pragma once

#include "Clock.h"
#include "pacing/RateGovernor.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

namespace taskwatch {

class PacingPump : public QObject {
    Q_OBJECT
public:
    struct Work {
        // When the first work that may be sent is due (now or later); nullopt: none (nothing queued, the
        // owner may not send, its in-flight cap is reached).
        std::function<std::optional<qint64>(qint64 now)> firstDueAt;
        // Sends that work: called only when it is due and the budget gave it a slot.
        std::function<void(qint64 now)> sendFirst;
    };

    PacingPump(RateGovernor* rate, MonotonicClock clock, Work work, QObject* parent = nullptr);

    // Sends what is due now as fast as the budget allows, then schedule()s. The timer calls it; fake-clock
    // tests call it through the owner.
    void pump();
    // Arms the timer for the next moment work can happen (or stops it).
    void schedule();
    // That moment; nullopt: nothing can be sent.
    std::optional<qint64> nextWakeAt(qint64 now) const;
    void stop() { m_timer.stop(); }

private:
    RateGovernor* m_rate;
    MonotonicClock m_clock;
    Work m_work;
    QTimer m_timer;
};

} // namespace taskwatch
