// Small helpers shared by the benchmark executables (not tests: they print numbers, they never fail on them).
//
// Output protocol read by scripts/bench: every result is one line
//   ROW<TAB>key<TAB>measure<TAB>result<TAB>target<TAB>met?
// and every detail worth showing under the table is one line
//   NOTE<TAB>text
// Anything else on stdout/stderr is progress or diagnostics.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QString>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <functional>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace taskwatch::bench {

inline QString num(double value, int decimals) {
    return QString::number(value, 'f', decimals);
}

// Mean, 95th percentile and maximum of a set of delays (seconds); n = 0 when there is none.
struct DelayStats {
    double mean = 0, p95 = 0, max = 0;
    int n = 0;
};
inline DelayStats delayStats(std::vector<double> delays) {
    DelayStats s;
    if (delays.empty())
        return s;
    std::sort(delays.begin(), delays.end());
    double sum = 0;
    for (const double d : delays)
        sum += d;
    s.n = int(delays.size());
    s.mean = sum / double(delays.size());
    s.p95 = delays[std::min(delays.size() - 1, std::size_t(double(delays.size()) * 0.95))];
    s.max = delays.back();
    return s;
}

inline void emitLine(const QString& line) {
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

inline void note(const QString& text) {
    emitLine(QStringLiteral("NOTE\t") + text);
}

inline void progress(const QString& text) {
    std::fputs(("  .. " + text + "\n").toUtf8().constData(), stderr);
    std::fflush(stderr);
}

// A measured value against a target. `atMost` true: the value must be <= target; false: >= target.
inline void row(const QString& key, const QString& measure, double value, int decimals, const QString& unit,
                double target, bool atMost, const QString& missedWhy = {}) {
    const bool met = atMost ? value <= target : value >= target;
    const QString suffix = unit.isEmpty() ? QString() : QStringLiteral(" ") + unit;
    const QString result = num(value, decimals) + suffix;
    const QString targetText =
        (atMost ? QStringLiteral("≤ ") : QStringLiteral("≥ ")) + QString::number(target) + suffix;
    const QString verdict = met ? QStringLiteral("met")
                                : QStringLiteral("missed by ") + num(qAbs(value - target), decimals) +
                                      suffix +
                                      (missedWhy.isEmpty() ? QString() : QStringLiteral(" — ") + missedWhy);
    emitLine(QStringList{QStringLiteral("ROW"), key, measure, result, targetText, verdict}.join(
        QLatin1Char('\t')));
}

// A row with no number (explains why).
inline void rowNotMeasured(const QString& key, const QString& measure, const QString& target,
                           const QString& why) {
    emitLine(QStringList{QStringLiteral("ROW"), key, measure, QStringLiteral("not measured (") + why + ")",
                         target, QStringLiteral("—")}
                 .join(QLatin1Char('\t')));
}

// An informational row without a target.
inline void rowInfo(const QString& key, const QString& measure, const QString& result) {
    emitLine(
        QStringList{QStringLiteral("ROW"), key, measure, result, QStringLiteral("—"), QStringLiteral("—")}
            .join(QLatin1Char('\t')));
}

// Well-formed task ids (the 4×8 hex form); decimal digits are hex digits.
inline QString taskId(char prefix, int n) {
    const QString p = QString(8, QLatin1Char(prefix));
    return QStringLiteral("%1-%2-00000000-00000000").arg(p).arg(n, 8, 10, QLatin1Char('0'));
}

// Runs the event loop for `ms` milliseconds.
inline void runFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until `done` holds (checked every 10 ms) or `timeoutMs` passed. Returns `done()`.
inline bool runUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        runFor(10);
    return done();
}

inline double rusageSeconds(int who) {
    rusage ru{};
    getrusage(who, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// utime + stime of a live process from /proc/PID/stat, seconds (-1 when unreadable).
inline double procCpuSeconds(qint64 pid) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')'); // the command name may contain spaces
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // After ")": state(3) ppid(4) ... utime(14) stime(15): indexes 11 and 12 here.
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks;
}

// A "Key:   123 kB" field of /proc/PID/status, in kB (-1 when unreadable). pid 0: this process.
inline qint64 procStatusKb(qint64 pid, const char* key) {
    QFile f(pid == 0 ? QStringLiteral("/proc/self/status") : QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Milliseconds since this process was started (by /proc/self/stat starttime, 1/CLK_TCK resolution).
inline double msSinceProcessStart() {
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble(); // starttime (field 22)
    timespec ts{};
    clock_gettime(CLOCK_BOOTTIME, &ts);
    const double nowMs = double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// Nanoseconds this thread has spent waiting on a run queue (runnable, but no CPU free): the second field of
// /proc/thread-self/schedstat. -1 when the kernel does not provide it.
class RunQueueClock {
public:
    RunQueueClock()
        : m_fd(::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC)) {}
    ~RunQueueClock() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    RunQueueClock(const RunQueueClock&) = delete;
    RunQueueClock& operator=(const RunQueueClock&) = delete;
    qint64 waitedNs() const {
        char buf[96] = {};
        if (m_fd < 0 || ::pread(m_fd, buf, sizeof buf - 1, 0) <= 0)
            return -1;
        const QList<QByteArray> fields = QByteArray(buf).trimmed().split(' ');
        return fields.size() >= 2 ? fields.at(1).toLongLong() : -1;
    }

private:
    int m_fd;
};

inline qint64 threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Largest gap between the timeouts of a 1 ms precise timer: how long the event loop was kept from running.
// For every gap it also takes the CPU time this thread used meanwhile (work done in the loop: our code) and
// the time it waited for a CPU (a loaded machine: other processes had the cores); the gap less that wait is
// the stall this process itself caused (work, or blocking on I/O or a lock).
class StallMeter {
public:
    StallMeter() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            const qint64 waited = m_runQueue.waitedNs();
            if (m_last >= 0) {
                const double gapMs = double(now - m_last) / 1e6;
                const double cpuMs = double(cpu - m_lastCpu) / 1e6;
                const double waitMs =
                    waited >= 0 && m_lastWaited >= 0 ? double(waited - m_lastWaited) / 1e6 : 0;
                m_max = std::max(m_max, gapMs);
                m_maxCpu = std::max(m_maxCpu, cpuMs);
                m_maxNet = std::max(m_maxNet, gapMs - waitMs);
                if (gapMs > 16.0)
                    ++m_over16;
                if (gapMs > 5.0)
                    ++m_over5;
                ++m_ticks;
            }
            m_last = now;
            m_lastCpu = cpu;
            m_lastWaited = waited;
        });
    }
    void start() {
        m_clock.start();
        m_last = -1;
        m_max = m_maxCpu = m_maxNet = 0;
        m_over16 = m_over5 = m_ticks = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxGapMs() const { return m_max; }
    double maxBusyMs() const { return m_maxCpu; } // the most CPU this thread used within one gap
    double maxNetMs() const { return m_maxNet; }  // the longest gap less the time it waited for a CPU
    bool hasRunQueueClock() const { return m_runQueue.waitedNs() >= 0; }
    int over16() const { return m_over16; }
    int over5() const { return m_over5; }
    int ticks() const { return m_ticks; }
    QString summary() const {
        return QStringLiteral(
                   "1 ms timer: %1 ticks, %2 gaps > 5 ms, %3 > 16 ms; the most CPU used by the loop's "
                   "thread within one gap: %4 ms")
            .arg(m_ticks)
            .arg(m_over5)
            .arg(m_over16)
            .arg(num(m_maxCpu, 1));
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_lastCpu = 0;
    qint64 m_lastWaited = -1;
    RunQueueClock m_runQueue;
    double m_max = 0;
    double m_maxCpu = 0;
    double m_maxNet = 0;
    int m_over16 = 0;
    int m_over5 = 0;
    int m_ticks = 0;
};

// The explanation added to a missed stall target: whether the loop's thread was busy or descheduled.
inline QString busyWhy(const StallMeter& meter) {
    const QString cpu = QStringLiteral("within any gap the loop's thread used at most %1 ms of CPU")
                            .arg(num(meter.maxBusyMs(), 1));
    if (meter.maxBusyMs() > 16.0)
        return cpu + QStringLiteral(": work in the loop");
    return cpu +
           QStringLiteral(": no handler ran that long, the thread was off the CPU (machine load, late timer "
                          "wake-ups: compare the idle baseline 6d)");
}

} // namespace taskwatch::bench
