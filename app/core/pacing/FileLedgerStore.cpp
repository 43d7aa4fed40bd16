#include "pacing/FileLedgerStore.h"

#include "platform/FileLock.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace taskwatch {

FileLedgerStore::FileLedgerStore(const QString& path) {
    if (!open(path) && m_file.isOpen())
        m_file.close();
}

bool FileLedgerStore::open(const QString& path) {
    // The directory is private to the user (platform/RuntimeDirectory), so nobody else can put a link here
    // between this check and the open.
    if (QFileInfo(path).isSymLink()) {
        m_error =
            QCoreApplication::translate("SendBudget", "not a regular file of yours, or accessible to others");
        return false;
    }
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadWrite, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        m_error = m_file.errorString();
        return false;
    }
    if (const QString problem = platform::checkPrivateFile(m_file); !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    // Grown under the lock: another process may be doing the same. Zero-filled: an empty block is initialised
    // on the first lock.
    if (!platform::lockFile(m_file, &m_error))
        return false;
    // size() after a resize also refreshes the size QFile::map checks against (else it warns on stderr).
    const bool sized =
        m_file.size() >= qint64(sizeof(LedgerBlock)) ||
        (m_file.resize(qint64(sizeof(LedgerBlock))) && m_file.size() >= qint64(sizeof(LedgerBlock)));
    if (!sized)
        m_error = m_file.errorString();
    platform::unlockFile(m_file);
    if (!sized)
        return false;
    uchar* map = m_file.map(0, qint64(sizeof(LedgerBlock)));
    if (!map) {
        m_error = m_file.errorString();
        return false;
    }
    m_block = reinterpret_cast<LedgerBlock*>(map);
    return true;
}

FileLedgerStore::~FileLedgerStore() {
    if (m_block)
        m_file.unmap(reinterpret_cast<uchar*>(m_block));
}

LedgerBlock* FileLedgerStore::lock() {
    platform::lockFile(m_file);
    return m_block;
}

void FileLedgerStore::unlock() {
    platform::unlockFile(m_file);
}

} // namespace taskwatch
