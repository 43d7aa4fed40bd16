#include "Timeline.h"

namespace taskwatch::sim {

const TimelineStep* currentStep(const QList<TimelineStep>& steps, int earlierPolls, qint64 elapsedMs) {
    const TimelineStep* current = nullptr;
    for (const TimelineStep& s : steps) {
        if (earlierPolls >= s.afterPolls && elapsedMs >= s.afterMs)
            current = &s;
    }
    if (!current && !steps.isEmpty())
        current = &steps.first();
    return current;
}

const TimelineStep* listedStep(const QList<TimelineStep>& steps, int earlierPolls, qint64 elapsedMs) {
    const TimelineStep* current = nullptr;
    for (const TimelineStep& s : steps) {
        if (s.errorCode.isEmpty() &&
            (current == nullptr || (earlierPolls >= s.afterPolls && elapsedMs >= s.afterMs)))
            current = &s;
    }
    return current;
}

} // namespace taskwatch::sim
