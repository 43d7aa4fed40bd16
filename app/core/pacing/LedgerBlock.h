// The shared pacing ledger's block: plain data, the same in every process of the user that paces one account
// and action (its header is checked on every lock and it is re-initialised when it does not match this
// version).
#pragma once

#include "pacing/PacingGate.h"

#include <QtGlobal>

namespace taskwatch {

struct LedgerParticipant {
    quint64 token = 0;       // random, 0: free
    qint64 heartbeatMs = 0;  // the last operation of the participant
    qint64 backlogUntil = 0; // has requests waiting until then (renewed while it has)
    qint32 pid = 0;          // informational only
    qint32 ownMax = 0;       // its own limit (below the account's: the others share what it leaves)
};

struct LedgerBlock {
    static constexpr quint32 kMagic = 0x4C505754; // "TWPL"
    static constexpr quint32 kVersion = 2;
    static constexpr int kMaxParticipants = 32;
    quint32 magic = 0;
    quint32 version = 0;
    quint32 size = 0;
    qint32 limitMax = 0;   // > 0: the account's lowered limit after RequestLimitExceeded ...
    qint64 limitUntil = 0; // ... until then
    LedgerParticipant participants[kMaxParticipants];
    PacingState pacing;
};

} // namespace taskwatch
