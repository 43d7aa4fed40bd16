#include "pacing/FileLedgerStore.h"

#include <QCoreApplication>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace taskwatch {

FileLedgerStore::FileLedgerStore(const QString& path) {
    const QByteArray native = QFile::encodeName(path);
    m_fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (m_fd < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    struct stat st {};
    if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid() ||
        (st.st_mode & 077) != 0) {
        m_error =
            QCoreApplication::translate("SendBudget", "not a regular file of yours, or accessible to others");
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    const off_t size = off_t(sizeof(LedgerBlock));
    int rc;
    do {
        rc = ::flock(m_fd, LOCK_EX);
    } while (rc != 0 && errno == EINTR);
    if (rc == 0 && ::fstat(m_fd, &st) == 0 && st.st_size < size)
        rc = ::ftruncate(m_fd, size); // zero-filled: an empty block is initialised on first lock
    const int savedErrno = errno;
    ::flock(m_fd, LOCK_UN);
    if (rc != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(savedErrno));
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    void* map = ::mmap(nullptr, sizeof(LedgerBlock), PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, 0);
    if (map == MAP_FAILED) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    m_block = static_cast<LedgerBlock*>(map);
}

FileLedgerStore::~FileLedgerStore() {
    if (m_block)
        ::munmap(m_block, sizeof(LedgerBlock));
    if (m_fd >= 0)
        ::close(m_fd);
}

LedgerBlock* FileLedgerStore::lock() {
    // flock() locks are per open file: two stores of one process exclude each other too, and the kernel
    // releases the lock of a process that dies while holding it.
    while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
    }
    return m_block;
}

void FileLedgerStore::unlock() {
    ::flock(m_fd, LOCK_UN);
}

} // namespace taskwatch
