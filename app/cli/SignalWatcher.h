// Turns the requests to stop a console program into a Qt signal, emitted from the event loop:
// - Linux and macOS: POSIX signals (SIGINT, SIGTERM…) with the self-pipe pattern: the handler only write()s
// the
//   signal number to a non-blocking pipe (async-signal-safe); a QSocketNotifier on the read end emits
//   received();
// - Windows: console control events (SetConsoleCtrlHandler): Ctrl+C arrives as SIGINT, Ctrl+Break, closing
// the
//   console window, logging off and shutting down as SIGTERM (when those are watched).
// One instance at a time (a second one is inactive); the previous handlers come back when it is destroyed.
#pragma once

#include <QObject>
#include <QString>
#include <csignal>
#include <initializer_list>
#include <memory>

namespace taskwatch::cli {

class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(std::initializer_list<int> signalNumbers, QObject* parent = nullptr);
    ~SignalWatcher() override;
    bool isActive() const; // false: the pipe or a handler could not be set, or another watcher is active
    static QString name(int signalNumber); // "SIGINT", "SIGTERM", else "signal N"

signals:
    void received(int signalNumber);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace taskwatch::cli
