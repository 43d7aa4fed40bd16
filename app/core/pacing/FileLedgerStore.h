// The ledger file: opened (created private to the user), mapped into memory (QFile::map: shared by every
// process that maps it) and locked around each operation (platform/FileLock: released by the OS when a
// process dies).
#pragma once

#include "pacing/LedgerStore.h"

#include <QFile>
#include <QString>

namespace taskwatch {

class FileLedgerStore final : public LedgerStore {
public:
    // Opens `path` (never through a symbolic link); on failure isValid() is false and errorString() says why.
    explicit FileLedgerStore(const QString& path);
    ~FileLedgerStore() override;
    bool isValid() const { return m_block != nullptr; }
    QString errorString() const { return m_error; }
    LedgerBlock* lock() override;
    void unlock() override;

private:
    bool open(const QString& path);

    QFile m_file;
    LedgerBlock* m_block = nullptr;
    QString m_error;
};

} // namespace taskwatch
