#include "pacing/LocalBudget.h"

namespace taskwatch {

bool LocalBudget::tryAcquire(qint64 nowMs) {
    if (!m_gate.canSend(nowMs))
        return false;
    m_gate.recordSend(nowMs);
    return true;
}

} // namespace taskwatch
