// A ledger in memory: several SharedBudget objects of one process on one block (unit tests; single-threaded).
#pragma once

#include "pacing/LedgerStore.h"

namespace taskwatch {

class MemoryLedgerStore final : public LedgerStore {
public:
    LedgerBlock* lock() override { return &m_block; }
    void unlock() override {}

private:
    LedgerBlock m_block;
};

} // namespace taskwatch
