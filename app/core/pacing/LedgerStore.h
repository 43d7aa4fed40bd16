// Where a ledger lives, and its lock: a file shared by processes (FileLedgerStore) or a block in memory
// (MemoryLedgerStore, unit tests).
#pragma once

#include "pacing/LedgerBlock.h"

namespace taskwatch {

class LedgerStore {
public:
    virtual ~LedgerStore() = default;
    virtual LedgerBlock* lock() = 0;
    virtual void unlock() = 0;
};

} // namespace taskwatch
