// Turns POSIX signals (SIGINT, SIGTERM…) into a Qt signal, with the self-pipe pattern: the handler only
// write()s the signal number to a non-blocking pipe (async-signal-safe); a QSocketNotifier on the read end
// emits received() from the event loop. One instance at a time; the previous handlers come back when it is
// destroyed.
#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <csignal>
#include <initializer_list>

class QSocketNotifier;

namespace taskwatch::cli {

class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(std::initializer_list<int> signalNumbers, QObject* parent = nullptr);
    ~SignalWatcher() override;
    bool isActive() const { return m_notifier != nullptr; } // false: the pipe or a handler could not be set
    static QString name(int signalNumber);                  // "SIGINT", "SIGTERM", else "signal N"

signals:
    void received(int signalNumber);

private:
    void onReadable();

    int m_fds[2] = {-1, -1};
    QSocketNotifier* m_notifier = nullptr;
    QList<QPair<int, struct sigaction>> m_previous;
};

} // namespace taskwatch::cli
