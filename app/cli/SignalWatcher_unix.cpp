#include "SignalWatcher.h"

#include <QList>
#include <QPair>
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

// pipe() + fcntl(): macOS has no pipe2().
bool makePipe(int fds[2]) {
    if (::pipe(fds) != 0)
        return false;
    for (int i = 0; i < 2; ++i) {
        if (::fcntl(fds[i], F_SETFD, FD_CLOEXEC) != 0 ||
            ::fcntl(fds[i], F_SETFL, ::fcntl(fds[i], F_GETFL) | O_NONBLOCK) != 0) {
            ::close(fds[0]);
            ::close(fds[1]);
            return false;
        }
    }
    return true;
}
} // namespace

struct SignalWatcher::Private {
    int fds[2] = {-1, -1};
    QSocketNotifier* notifier = nullptr;
    QList<QPair<int, struct sigaction>> previous;
};

SignalWatcher::SignalWatcher(std::initializer_list<int> signalNumbers, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>()) {
    if (g_writeFd >= 0 || !makePipe(d->fds)) {
        d->fds[0] = d->fds[1] = -1;
        return;
    }
    g_writeFd = d->fds[1];
    d->notifier = new QSocketNotifier(d->fds[0], QSocketNotifier::Read, this);
    connect(d->notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char bytes[64];
        ssize_t n = 0;
        while ((n = ::read(d->fds[0], bytes, sizeof bytes)) > 0) {
            for (ssize_t i = 0; i < n; ++i)
                emit received(int(bytes[i]));
        }
    });
    for (const int signalNumber : signalNumbers) {
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        struct sigaction previous = {};
        if (::sigaction(signalNumber, &action, &previous) == 0)
            d->previous.append({signalNumber, previous});
    }
}

SignalWatcher::~SignalWatcher() {
    for (const auto& [signalNumber, previous] : std::as_const(d->previous))
        ::sigaction(signalNumber, &previous, nullptr);
    if (d->fds[1] >= 0 && g_writeFd == d->fds[1])
        g_writeFd = -1;
    delete d->notifier;
    for (int& fd : d->fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

bool SignalWatcher::isActive() const {
    return d->notifier != nullptr;
}

} // namespace taskwatch::cli
