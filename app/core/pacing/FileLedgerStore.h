// The ledger file: opened (created 0600) and mmap'ed; flock() around each operation (the kernel releases the
// lock when a process dies).
#pragma once

#include "pacing/LedgerStore.h"

#include <QString>

namespace taskwatch {

class FileLedgerStore final : public LedgerStore {
public:
    // Opens `path`; on failure isValid() is false and errorString() says why.
    explicit FileLedgerStore(const QString& path);
    ~FileLedgerStore() override;
    bool isValid() const { return m_block != nullptr; }
    QString errorString() const { return m_error; }
    LedgerBlock* lock() override;
    void unlock() override;

private:
    int m_fd = -1;
    LedgerBlock* m_block = nullptr;
    QString m_error;
};

} // namespace taskwatch
