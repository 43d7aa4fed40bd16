// GUI benchmarks of CDB TaskWatch: a bench host that wires MainWindow to a TaskBoard and the TaskStore the
// way the application does (the real binary cannot yet be given an endpoint or ids on its command line). Run
// with QT_QPA_PLATFORM=offscreen; every mode talks to an emulator in another process (URL as the argument),
// so its costs are not counted here.
//
//   taskwatch_bench_gui first-paint URL   start → first paint of the table with the 10,000 stored tasks
//   taskwatch_bench_gui rss URL           peak RSS with the populated store (10,000 tasks, 100,000 history
//   rows) taskwatch_bench_gui cpu URL           whole-process CPU per 1,000 polls, 400 tasks pasted
//   taskwatch_bench_gui stall URL         longest event-loop stall while polling 10,000 pasted tasks
//   taskwatch_bench_gui timeline          the timeline with 10,000 tasks: laying them out, and the longest
//                                         frame while scrolling (no emulator: the tasks are given)
//
// Results are ROW/NOTE lines (BenchUtil.h); nothing here asserts a timing.
#include "BenchUtil.h"
#include "Emulator.h"
#include "TaskBoard.h"
#include "accounts/AccountConfig.h"
#include "history/TaskStore.h"
#include "model/TimelineLayout.h"
#include "polling/AccountPoller.h"
#include "polling/PollScheduler.h"
#include "task/AddReport.h"
#include "task/PollOutcome.h"
#include "task/TaskState.h"
#include "window/MainWindow.h"
#include "window/TimelineView.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>

using namespace taskwatch;
using namespace taskwatch::bench;

namespace {

const QString kRegion = QStringLiteral("ap-guangzhou");

// A board with one account ("default") polling the emulator at `url`, as watch and the GUI build it.
std::unique_ptr<TaskBoard> makeBoard(const QString& url, TaskStore* store) {
    PollOptions poll;
    poll.minIntervalMs = 5000;
    auto board = std::make_unique<TaskBoard>(store, poll);
    AccountConfig config;
    config.endpoint.url = QUrl(url);
    config.credential = {QString::fromLatin1(sim::Emulator::kDemoSecretId),
                         QString::fromLatin1(sim::Emulator::kDemoSecretKey),
                         {}};
    config.region = kRegion;
    board->setAccount(QStringLiteral("default"), config);
    return board;
}

// Records the time of the first paint event of a widget.
class PaintWatcher : public QObject {
public:
    explicit PaintWatcher(QWidget* widget) { widget->installEventFilter(this); }
    bool painted() const { return m_painted; }
    double atMs = -1; // since process start
    double atMainMs = -1;
    QElapsedTimer* sinceMain = nullptr;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (!m_painted && event->type() == QEvent::Paint) {
            m_painted = true;
            atMs = msSinceProcessStart();
            atMainMs = sinceMain ? double(sinceMain->nsecsElapsed()) / 1e6 : -1;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_painted = false;
};

QString idsText(char prefix, int count) {
    QStringList ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i)
        ids << taskId(prefix, i);
    return ids.join(QLatin1Char('\n'));
}

// ----------------------------------------------------------------------------------------- first paint

int firstPaint(const QString& url, QElapsedTimer& sinceMain, double processAtMain) {
    TaskStore store;
    if (!store.open()) {
        rowNotMeasured(QStringLiteral("4"), QStringLiteral("start to first paint"), QStringLiteral("≤ 0.5 s"),
                       store.lastError());
        return 1;
    }
    const double openedMs = double(sinceMain.nsecsElapsed()) / 1e6;
    auto board = makeBoard(url, &store);
    TaskBoard& session = *board;
    const int restored = session.restore();
    const double restoredMs = double(sinceMain.nsecsElapsed()) / 1e6;
    ui::MainWindow window(&session);
    const double constructedMs = double(sinceMain.nsecsElapsed()) / 1e6;
    PaintWatcher watcher(window.view()->viewport());
    watcher.sinceMain = &sinceMain;
    window.show();
    const double shownMs = double(sinceMain.nsecsElapsed()) / 1e6;
    runUntil([&] { return watcher.painted(); }, 10000);
    if (!watcher.painted()) {
        rowNotMeasured(QStringLiteral("4"), QStringLiteral("start to first paint"), QStringLiteral("≤ 0.5 s"),
                       QStringLiteral("no paint event on the table viewport within 10 s"));
        return 0;
    }
    row(QStringLiteral("4"),
        QStringLiteral(
            "start to first paint of the task table with %L1 stored tasks (bench host: process start → "
            "first QEvent::Paint on MainWindow's table viewport, offscreen)")
            .arg(window.model()->rowCount()),
        watcher.atMs / 1000.0, 3, QStringLiteral("s"), 0.5, true);
    note(QStringLiteral(
             "first paint: process start → main() %1 ms; then TaskStore open %2 ms, restoreFromStore "
             "(%3 tasks) %4 ms, MainWindow constructed %5 ms, show() %6 ms, first paint %7 ms (ms "
             "since main(), cumulative)")
             .arg(num(processAtMain, 0))
             .arg(num(openedMs, 0))
             .arg(restored)
             .arg(num(restoredMs, 0))
             .arg(num(constructedMs, 0))
             .arg(num(shownMs, 0))
             .arg(num(watcher.atMainMs, 0)));
    return 0;
}

// --------------------------------------------------------------------------------------------------- RSS

int rss(const QString& url) {
    constexpr int kRunMs = 6000;
    constexpr int kSelected = 50;
    TaskStore store;
    if (!store.open()) {
        rowNotMeasured(QStringLiteral("3a"), QStringLiteral("peak RSS"), QStringLiteral("≤ 100 MB"),
                       store.lastError());
        return 1;
    }
    const qint64 history = store.historyCount();
    auto board = makeBoard(url, &store);
    TaskBoard& session = *board;
    session.restore();
    ui::MainWindow window(&session);
    window.show();
    runFor(500);
    // A user looks at a few tasks (their timelines are loaded from the store) and sorts by status.
    QTableView* view = window.view();
    for (int i = 0; i < kSelected; ++i) {
        view->selectRow(i * 97 % std::max(1, window.proxy()->rowCount()));
        QCoreApplication::processEvents();
    }
    view->sortByColumn(TaskTableModel::StatusColumn, Qt::AscendingOrder);
    view->scrollToBottom();
    runFor(kRunMs);
    const qint64 hwm = procStatusKb(0, "VmHWM");
    const qint64 now = procStatusKb(0, "VmRSS");
    row(QStringLiteral("3a"),
        QStringLiteral(
            "peak RSS (VmHWM) of the GUI with %L1 tasks and %L2 history rows (bench host: MainWindow + "
            "TaskBoard + TaskStore, offscreen, %3 timelines opened, sorted, %4 s polling)")
            .arg(window.model()->rowCount())
            .arg(history)
            .arg(kSelected)
            .arg(kRunMs / 1000),
        double(hwm) * 1024.0 / 1e6, 1, QStringLiteral("MB"), 100, true);
    note(QStringLiteral("RSS: VmHWM %1 MB, VmRSS at the end %2 MB (MB = 10^6 bytes)")
             .arg(num(double(hwm) * 1024.0 / 1e6, 1))
             .arg(num(double(now) * 1024.0 / 1e6, 1)));
    return 0;
}

// The window with 10,000 ids pasted at once and polled for 20 s (a fresh history): what the user's session
// holds per task while every task is being polled.
int pasteRss(const QString& url) {
    constexpr int kTasks = 10000;
    constexpr int kRunMs = 20000;
    QTemporaryDir dir;
    TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
    if (!store.open())
        return 1;
    auto board = makeBoard(url, &store);
    ui::MainWindow window(board.get());
    window.show();
    runFor(300);
    const qint64 before = procStatusKb(0, "VmRSS");
    window.addTaskText(idsText('d', kTasks));
    // A user looks at a few tasks (their timelines are read from the store) while everything is polled.
    for (int i = 0; i < 20; ++i) {
        window.view()->selectRow(i * 487 % kTasks);
        runFor(kRunMs / 20);
    }
    const qint64 hwm = procStatusKb(0, "VmHWM");
    row(QStringLiteral("3c"),
        QStringLiteral("peak RSS (VmHWM) of the GUI with %L1 ids pasted and polled for %2 s (bench host: "
                       "MainWindow + TaskBoard + a new TaskStore, offscreen)")
            .arg(kTasks)
            .arg(kRunMs / 1000),
        double(hwm) * 1024.0 / 1e6, 1, QStringLiteral("MB"), 60, true);
    note(QStringLiteral("paste RSS: %1 MB before the paste, VmHWM %2 MB (MB = 10^6 bytes)")
             .arg(num(double(before) * 1024.0 / 1e6, 1))
             .arg(num(double(hwm) * 1024.0 / 1e6, 1)));
    return 0;
}

// --------------------------------------------------------------------------------------------------- CPU

// `seconds` > 0: runs that long (the parent then measures this whole process, as in bench_core https-ratio).
int cpu(const QString& url, int seconds) {
    const int kRunMs = seconds > 0 ? seconds * 1000 : 20000;
    constexpr int kTasks = 400;
    QTemporaryDir dir;
    TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
    if (!store.open())
        return 1;
    auto board = makeBoard(url, &store);
    TaskBoard& session = *board;
    int polls = 0;
    QObject::connect(session.poller(QStringLiteral("default"))->scheduler(), &PollScheduler::requestSent,
                     [&polls](const QString&) { ++polls; });
    ui::MainWindow window(&session);
    window.show();
    window.addTaskText(idsText('f', kTasks));
    runFor(kRunMs);
    const double cpuS = rusageSeconds(RUSAGE_SELF);
    if (polls == 0) {
        rowNotMeasured(QStringLiteral("2b"), QStringLiteral("CPU per 1,000 polls, GUI"),
                       QStringLiteral("≤ 0.35 s"), QStringLiteral("no request sent"));
        return 0;
    }
    row(QStringLiteral("2b"),
        QStringLiteral(
            "CPU (user+sys, whole process) per 1,000 polls, GUI (bench host: MainWindow + TaskBoard "
            "recording history, offscreen), %1 tasks pasted, %2 s")
            .arg(kTasks)
            .arg(kRunMs / 1000),
        cpuS / polls * 1000.0, 3, QStringLiteral("s"), 0.35, true);
    note(QStringLiteral("GUI CPU run: %1 s CPU for %2 requests sent (counted by PollScheduler::requestSent)")
             .arg(num(cpuS, 2))
             .arg(polls));
    return 0;
}

// -------------------------------------------------------------------------------------------------- stall

int stall(const QString& url) {
    constexpr int kRunMs = 10000;
    constexpr int kTasks = 10000;
    QTemporaryDir dir;
    TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
    if (!store.open())
        return 1;
    auto board = makeBoard(url, &store);
    TaskBoard& session = *board;
    int results = 0;
    QObject::connect(session.poller(QStringLiteral("default"))->scheduler(), &PollScheduler::polled,
                     [&](const PollOutcome&) { ++results; });
    ui::MainWindow window(&session);
    window.show();
    runFor(300);
    QElapsedTimer t;
    t.start();
    const AddReport report = window.addTaskText(idsText('9', kTasks));
    const double addMs = double(t.nsecsElapsed()) / 1e6;
    runFor(300); // the paint after the paste
    StallMeter meter;
    meter.start();
    runFor(kRunMs);
    meter.stop();
    row(QStringLiteral("6c"),
        QStringLiteral("longest event-loop stall, GUI (bench host: MainWindow + TaskBoard recording history, "
                       "offscreen) polling %L1 pasted tasks, emulator in a separate process, %2 s")
            .arg(report.added)
            .arg(kRunMs / 1000),
        meter.maxGapMs(), 1, QStringLiteral("ms"), 16, true, busyWhy(meter));
    note(QStringLiteral(
             "GUI stall: pasting %L1 ids (addTaskText, one synchronous call, not in the measurement) "
             "took %2 ms; %3 results in %4 s; %5")
             .arg(report.added)
             .arg(num(addMs, 1))
             .arg(results)
             .arg(kRunMs / 1000)
             .arg(meter.summary()));
    return 0;
}

// ---------------------------------------------------------------------------------------------- timeline

// 10,000 discovered tasks on 200 instances over a week, a tenth still running (a fixed seed: the same every
// run).
QList<TaskState> weekOfTasks(int count, int instances) {
    QRandomGenerator random(20261201);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList statuses{QStringLiteral("SUCCESS"), QStringLiteral("SUCCESS"),
                               QStringLiteral("SUCCESS"), QStringLiteral("FAILED"), QStringLiteral("KILLED")};
    QList<TaskState> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i) {
        TaskState s;
        s.id = taskId('7', i);
        s.region = kRegion;
        const int instance = int(random.bounded(instances));
        s.discovery.instanceIds = {QStringLiteral("cdb-%1").arg(instance, 8, 10, QLatin1Char('0'))};
        s.discovery.instanceName = QStringLiteral("instance-%1").arg(instance);
        s.discovery.taskType = QStringLiteral("MODIFY PARAM");
        s.discovery.startedAt = now.addSecs(-qint64(random.bounded(7 * 86400)));
        s.discovery.listedAt = now;
        s.addedAt = now;
        if (i % 10 == 0) {
            s.status = QStringLiteral("RUNNING");
            s.phase = TaskPhase::Polling;
        } else {
            s.status = statuses.at(int(random.bounded(statuses.size())));
            s.phase = TaskPhase::Finished;
            s.discovery.endedAt = s.discovery.startedAt.addSecs(60 + qint64(random.bounded(3 * 3600)));
            s.finishedAt = s.discovery.endedAt;
        }
        s.info = QStringLiteral("Modify parameters on %1").arg(s.discovery.instanceName);
        tasks << s;
    }
    return tasks;
}

// Paints the viewport `steps` times, moving `bar` by `by` before each paint (wrapping at its end): the time
// of each paint, in ms.
// `cpu`: the thread's CPU time of each paint, in ms (a long paint with little CPU waited for the machine).
QList<double> scrollFrames(ui::TimelineView* view, QScrollBar* bar, int by, int steps, QList<double>* cpu) {
    QList<double> frames;
    frames.reserve(steps);
    for (int i = 0; i < steps; ++i) {
        const int next = bar->value() + by;
        bar->setValue(next > bar->maximum() ? bar->minimum() : next);
        QElapsedTimer t;
        t.start();
        const qint64 cpuBefore = threadCpuNs();
        view->viewport()->repaint();
        frames << double(t.nsecsElapsed()) / 1e6;
        cpu->append(double(threadCpuNs() - cpuBefore) / 1e6);
    }
    return frames;
}

double median(QList<double> values) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

int timeline() {
    constexpr int kTasks = 10000;
    constexpr int kInstances = 200;
    constexpr int kSteps = 300;
    TaskBoard board(nullptr);
    board.adopt(weekOfTasks(kTasks, kInstances));
    ui::MainWindow window(&board);
    window.resize(1440, 900);
    window.show();
    runFor(300);
    window.showTimeline(true);
    ui::TimelineView* view = window.timeline();
    runFor(300);
    // Laying out: what a change of the set of rows costs (tasks came or went, the filter changed).
    QList<double> layouts;
    for (int i = 0; i < 5; ++i) {
        TimelineLayout layout;
        QElapsedTimer t;
        t.start();
        layout.build(window.proxy());
        layouts << double(t.nsecsElapsed()) / 1e6;
        if (layout.bars().size() != kTasks)
            return 1;
    }
    view->zoomToFit();
    QList<double> cpu;
    const QList<double> lanes =
        scrollFrames(view, view->verticalScrollBar(), view->trackHeight() * 7, kSteps, &cpu);
    const QList<double> weekScroll =
        scrollFrames(view, view->verticalScrollBar(), view->verticalScrollBar()->pageStep(), kSteps, &cpu);
    view->setMsPerPixel(60000); // a minute per pixel: a day is 1,440 pixels
    const QList<double> time = scrollFrames(view, view->horizontalScrollBar(), 240, kSteps, &cpu);
    const double longestCpu = *std::max_element(cpu.cbegin(), cpu.cend());
    const QList<double> all = lanes + weekScroll + time;
    const auto slowest = std::max_element(all.cbegin(), all.cend());
    const double longest = *slowest;
    row(QStringLiteral("10a"),
        QStringLiteral(
            "laying out the timeline of %L1 tasks on %2 instances (TimelineLayout over the table's "
            "model, median of 5)")
            .arg(kTasks)
            .arg(kInstances),
        median(layouts), 1, QStringLiteral("ms"), 50, true);
    row(QStringLiteral("10b"),
        QStringLiteral("longest frame scrolling the timeline of %L1 tasks (%2 repaints: lanes and pages with "
                       "the whole week in view, then the time at a minute per pixel; MainWindow 1440×900, "
                       "offscreen)")
            .arg(kTasks)
            .arg(all.size()),
        longest, 1, QStringLiteral("ms"), 16, true,
        QStringLiteral("that paint used %1 ms of CPU (the rest: waiting for the machine)")
            .arg(num(cpu.at(slowest - all.cbegin()), 1)));
    note(
        QStringLiteral("timeline: %L1 bars on %L2 tracks in %3 lanes; layout %4 ms (runs: %5); frames median "
                       "%6 ms scrolling lanes, %7 ms by pages (week in view), %8 ms scrolling the time "
                       "(1 min/px); longest %9 ms; longest in CPU time %10 ms")
            .arg(view->layout().bars().size())
            .arg(view->layout().trackCount())
            .arg(view->layout().lanes().size())
            .arg(num(median(layouts), 1))
            .arg([&layouts] {
                QStringList out;
                for (double v : layouts)
                    out << num(v, 1);
                return out.join(QStringLiteral(", "));
            }())
            .arg(num(median(lanes), 2))
            .arg(num(median(weekScroll), 2))
            .arg(num(median(time), 2))
            .arg(num(longest, 1))
            .arg(num(longestCpu, 1)));
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    QElapsedTimer sinceMain;
    sinceMain.start();
    const double processAtMain = msSinceProcessStart();
    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch"));
    QCoreApplication::setApplicationName(QStringLiteral("cdb-taskwatch"));
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const QString url = args.value(2);
    if (mode == QLatin1String("timeline"))
        return timeline();
    if (url.isEmpty()) {
        std::fprintf(
            stderr, "usage: %s first-paint|rss|paste-rss|cpu|stall EMULATOR_URL [SECONDS (cpu)] | timeline\n",
            argv[0]);
        return 2;
    }
    if (mode == QLatin1String("first-paint"))
        return firstPaint(url, sinceMain, processAtMain);
    if (mode == QLatin1String("rss"))
        return rss(url);
    if (mode == QLatin1String("paste-rss"))
        return pasteRss(url);
    if (mode == QLatin1String("cpu"))
        return cpu(url, args.value(3).toInt());
    if (mode == QLatin1String("stall"))
        return stall(url);
    std::fprintf(stderr, "unknown mode %s\n", qPrintable(mode));
    return 2;
}
