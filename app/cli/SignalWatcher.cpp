#include "SignalWatcher.h"

#include <QSocketNotifier>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace taskwatch::cli {

namespace {
volatile std::sig_atomic_t g_writeFd = -1;

extern "C" void onSignal(int signalNumber) {
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    const int fd = g_writeFd;
    if (fd >= 0) {
        const ssize_t written = ::write(fd, &byte, 1); // pipe full: the signal is already pending anyway
        (void)written;
    }
    errno = savedErrno;
}
} // namespace

SignalWatcher::SignalWatcher(std::initializer_list<int> signalNumbers, QObject* parent)
    : QObject(parent) {
    if (g_writeFd >= 0 || ::pipe2(m_fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        m_fds[0] = m_fds[1] = -1;
        return;
    }
    g_writeFd = m_fds[1];
    m_notifier = new QSocketNotifier(m_fds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);
    for (const int signalNumber : signalNumbers) {
        struct sigaction action {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        struct sigaction previous {};
        if (::sigaction(signalNumber, &action, &previous) == 0)
            m_previous.append({signalNumber, previous});
    }
}

SignalWatcher::~SignalWatcher() {
    for (const auto& [signalNumber, previous] : std::as_const(m_previous))
        ::sigaction(signalNumber, &previous, nullptr);
    if (m_fds[1] >= 0 && g_writeFd == m_fds[1])
        g_writeFd = -1;
    delete m_notifier;
    for (int& fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

QString SignalWatcher::name(int signalNumber) {
    switch (signalNumber) {
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    default:
        return QStringLiteral("signal %1").arg(signalNumber);
    }
}

void SignalWatcher::onReadable() {
    unsigned char bytes[64];
    ssize_t n = 0;
    while ((n = ::read(m_fds[0], bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < n; ++i)
            emit received(int(bytes[i]));
    }
}

} // namespace taskwatch::cli
