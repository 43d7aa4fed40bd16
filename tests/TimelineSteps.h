// Shared by the tests that script the emulator: one step of a task's timeline, counted in polls.
#pragma once

#include "Emulator.h"

namespace taskwatch::sim {

// From the `afterPolls`-th query on, answer `status` and `info` (nullptr -> JSON null).
inline TimelineStep step(int afterPolls, const char* status, const char* info = nullptr) {
    TimelineStep s;
    s.afterPolls = afterPolls;
    if (status)
        s.status = QString::fromUtf8(status);
    if (info)
        s.info = QString::fromUtf8(info);
    return s;
}

} // namespace taskwatch::sim
