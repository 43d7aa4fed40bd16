#include "SignalWatcher.h"

#include <QMetaObject>
#include <QPointer>
#include <algorithm>
#include <atomic>
#include <vector>
#include <windows.h>

namespace taskwatch::cli {

namespace {
// The one active watcher. The handler runs on a thread the system creates for the event: it only posts a
// queued call to the watcher's thread.
std::atomic<SignalWatcher*> g_active{nullptr};
std::vector<int> g_watched;

int signalFor(DWORD event) {
    switch (event) {
    case CTRL_C_EVENT:
        return SIGINT;
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        return SIGTERM;
    default:
        return 0;
    }
}

BOOL WINAPI onConsoleEvent(DWORD event) {
    SignalWatcher* watcher = g_active.load();
    const int signalNumber = signalFor(event);
    if (!watcher || signalNumber == 0 ||
        std::find(g_watched.begin(), g_watched.end(), signalNumber) == g_watched.end())
        return FALSE; // the next handler (by default: end the process)
    QMetaObject::invokeMethod(
        watcher, [watcher, signalNumber] { emit watcher->received(signalNumber); }, Qt::QueuedConnection);
    // Closing the console ends the process when this returns: give the event loop time to print the summary
    // and exit first (Windows allows about 5 s).
    if (event == CTRL_CLOSE_EVENT || event == CTRL_LOGOFF_EVENT || event == CTRL_SHUTDOWN_EVENT)
        ::Sleep(3000);
    return TRUE;
}
} // namespace

struct SignalWatcher::Private {
    bool active = false;
};

SignalWatcher::SignalWatcher(std::initializer_list<int> signalNumbers, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>()) {
    SignalWatcher* none = nullptr;
    if (!g_active.compare_exchange_strong(none, this))
        return;
    g_watched.assign(signalNumbers.begin(), signalNumbers.end());
    d->active = ::SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
    if (!d->active)
        g_active.store(nullptr);
}

SignalWatcher::~SignalWatcher() {
    if (!d->active)
        return;
    ::SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_active.store(nullptr);
}

bool SignalWatcher::isActive() const {
    return d->active;
}

} // namespace taskwatch::cli
