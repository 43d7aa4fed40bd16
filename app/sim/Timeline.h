// How a scripted task's timeline stands at a moment: which step is current, which one a listing shows, and
// what the emulator remembers of a task between queries. Shared by every emulated product.
#pragma once

#include "Script.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>

namespace taskwatch::sim {

// The last step whose conditions both hold (the first step before any holds; null without steps).
const TimelineStep* currentStep(const QList<TimelineStep>& steps, int earlierPolls, qint64 elapsedMs);
// The step a listing shows: the last current one that is not an error step.
const TimelineStep* listedStep(const QList<TimelineStep>& steps, int earlierPolls, qint64 elapsedMs);

struct TaskRuntime {
    int polls = 0;
    int faultsServed = 0;
    QElapsedTimer sinceFirstQuery; // started by the first query of any action
    QDateTime firstQueryAt;        // server clock, UTC
};

} // namespace taskwatch::sim
