// Exponential backoff of transient faults, shared by every action (polling, discovery).
#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

namespace taskwatch {

// Exponential backoff with +-20 % jitter: start, 2 × start, 4 × start … at most cap (milliseconds).
qint64 backoffDelayMs(int failures, int startMs, int capMs, QRandomGenerator& rng);

} // namespace taskwatch
