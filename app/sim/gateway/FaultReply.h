// The transport faults a scripted task can play instead of its answer: gateway pages, broken or empty JSON,
// a cut-short body, a reset or a stalled connection, and Info texts that are huge or hostile.
#pragma once

#include "Script.h"
#include "http/HttpReply.h"

#include <QString>

namespace taskwatch::sim {

// The reply that plays `fault`; `current` (may be null) gives the status the JSON faults carry. `outcome`
// receives "fault:<name>".
HttpReply faultReply(Fault fault, const TimelineStep* current, QString* outcome);

} // namespace taskwatch::sim
