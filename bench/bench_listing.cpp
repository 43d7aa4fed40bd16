// Rows 11a-11f: how soon `watch` reports the end of a task, and with how many requests, when DescribeTasks
// listings drive polling — next to the same run for an account without cdb:DescribeTasks, which polls every
// task by id (adaptive intervals), as before listings.
//
// 200 pasted ids in one region, each against an emulator in this process: 180 instance tasks (DescribeTasks
// lists them) and 20 that DescribeTasks does not list (no JobId); each RUNNING until 30–200 s after the start
// (uniform, a fixed seed), then SUCCESS (every tenth FAILED). Both runs at once, each with its own emulator,
// key and `BIN watch --json --no-history` child. A task's delay is the time from its end (the emulator's
// timeline) to the JSON line that reports its final status, read from the child's stdout as it comes. The
// requests are all the emulator received, of every action; they are set against what a fixed 5 s poll per
// task sends: Σ (⌈Lᵢ / 5 s⌉ + 1) for the tasks' lifetimes Lᵢ from the start.
#include "BenchListing.h"
#include "BenchUtil.h"
#include "Emulator.h"
#include "task/TaskStatus.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <vector>

namespace taskwatch::bench {

namespace {

constexpr int kListed = 180;
constexpr int kUnlisted = 20;
constexpr quint32 kSeed = 20260301;
constexpr int kTimeoutS = 400;
const QString kRegion = QStringLiteral("ap-guangzhou");
const QString kTasksAction = QStringLiteral("DescribeTasks");

struct Scripted {
    QString id;
    bool listed = false;
    qint64 startedAgoMs = 0; // before the run's start
    qint64 endsAfterMs = 0;  // after the run's start
    QString finalStatus;
};

QList<Scripted> scenario() {
    QRandomGenerator rng(kSeed);
    QList<Scripted> tasks;
    for (int i = 0; i < kListed + kUnlisted; ++i) {
        Scripted t;
        t.id = taskId('f', i);
        t.listed = i < kListed;
        t.startedAgoMs = qint64(rng.bounded(600000));
        t.endsAfterMs = 30000 + qint64(rng.bounded(170001));
        t.finalStatus = QString::fromLatin1(i % 10 == 9 ? TaskStatus::Failed : TaskStatus::Success);
        tasks.append(t);
    }
    return tasks;
}

// One `watch` child against its own emulator.
class Run {
public:
    Run(QString secretId, bool denied)
        : m_secretId(std::move(secretId))
        , m_denied(denied) {}

    bool start(const QString& bin, const QList<Scripted>& tasks, qint64 startMs, QString* why) {
        m_emulator = std::make_unique<sim::Emulator>();
        m_emulator->addCredential(m_secretId, secretKey());
        if (m_denied)
            m_emulator->setActionError(kTasksAction, QStringLiteral("AuthFailure.UnauthorizedOperation"),
                                       QStringLiteral("the CAM policy lacks cdb:DescribeTasks"));
        sim::EmulatedInstance instance;
        instance.id = QStringLiteral("cdb-be0c0001");
        instance.name = QStringLiteral("bench-primary");
        instance.region = kRegion;
        m_emulator->addInstance(instance);
        for (int i = 0; i < tasks.size(); ++i) {
            const Scripted& s = tasks.at(i);
            sim::ScriptedTask t;
            t.id = s.id;
            t.region = kRegion;
            t.jobId = s.listed ? 100000 + i : 0;
            if (s.listed)
                t.instanceIds = {instance.id};
            t.startedAt = QDateTime::fromMSecsSinceEpoch(startMs - s.startedAgoMs, QTimeZone::utc());
            sim::TimelineStep running;
            running.status = QString::fromLatin1(TaskStatus::Running);
            running.info = QStringLiteral("Emulated task in progress");
            sim::TimelineStep end;
            end.afterMs = s.startedAgoMs + s.endsAfterMs;
            end.status = s.finalStatus;
            end.info = QStringLiteral("Emulated task ended");
            t.steps = {running, end};
            m_emulator->addTask(t);
            m_endsAtMs.insert(s.id, startMs + s.endsAfterMs);
            m_expected.insert(s.id, s.finalStatus);
        }
        if (!m_emulator->listen()) {
            *why = m_emulator->errorString();
            return false;
        }
        QStringList args{
            QStringLiteral("watch"),     QStringLiteral("--json"),   QStringLiteral("--no-history"),
            QStringLiteral("--timeout"), QString::number(kTimeoutS), QStringLiteral("--endpoint"),
            m_emulator->url(),           QStringLiteral("--region"), kRegion};
        for (const Scripted& s : tasks)
            args << s.id;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), m_secretId); // environment, never argv
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), secretKey());
        m_child.setProcessEnvironment(env);
        m_child.setStandardErrorFile(QProcess::nullDevice());
        QObject::connect(&m_child, &QProcess::readyReadStandardOutput, [this] { read(); });
        m_child.start(bin, args);
        if (!m_child.waitForStarted(10000)) {
            *why = m_child.errorString();
            return false;
        }
        return true;
    }

    bool isRunning() const { return m_child.state() != QProcess::NotRunning; }
    void stop() {
        if (isRunning()) {
            m_child.kill();
            m_child.waitForFinished(5000);
        }
        read();
    }
    int exitCode() const { return m_child.exitStatus() == QProcess::NormalExit ? m_child.exitCode() : -1; }
    const sim::Emulator& emulator() const { return *m_emulator; }

    // The delays of the tasks whose final status was reported, in seconds (listed ones, or the others).
    std::vector<double> delays(const QList<Scripted>& tasks, std::optional<bool> listed = {}) const {
        std::vector<double> out;
        for (const Scripted& s : tasks) {
            if (listed && s.listed != *listed)
                continue;
            if (const auto it = m_reportedAtMs.constFind(s.id); it != m_reportedAtMs.cend())
                out.push_back(double(it.value() - m_endsAtMs.value(s.id)) / 1000.0);
        }
        return out;
    }
    // "67 s → 2.1 s, …" for the tasks DescribeTasks does not list, in the order they end.
    QString unlistedDelays(QList<Scripted> tasks) const {
        std::sort(tasks.begin(), tasks.end(),
                  [](const Scripted& a, const Scripted& b) { return a.endsAfterMs < b.endsAfterMs; });
        QStringList parts;
        for (const Scripted& s : tasks) {
            if (s.listed)
                continue;
            const auto it = m_reportedAtMs.constFind(s.id);
            parts << QStringLiteral("%1 s → %2")
                         .arg(num(double(s.endsAfterMs) / 1000.0, 0),
                              it == m_reportedAtMs.cend()
                                  ? QStringLiteral("not reported")
                                  : num(double(it.value() - m_endsAtMs.value(s.id)) / 1000.0, 1) +
                                        QStringLiteral(" s"));
        }
        return parts.join(QStringLiteral(", "));
    }
    int rightFinalStatuses() const {
        int right = 0;
        for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it)
            right += m_final.value(it.key()) == it.value() ? 1 : 0;
        return right;
    }

private:
    static QString secretKey() { return QStringLiteral("listing-bench-secret-key"); }

    void read() {
        m_buffer += m_child.readAllStandardOutput();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0; nl = m_buffer.indexOf('\n')) {
            const QJsonObject line = QJsonDocument::fromJson(m_buffer.left(nl)).object();
            m_buffer.remove(0, nl + 1);
            const QString id = line.value(QStringLiteral("id")).toString();
            const QString status = line.value(QStringLiteral("status")).toString();
            if (!TaskStatus::isTerminal(status) || m_reportedAtMs.contains(id))
                continue;
            m_reportedAtMs.insert(id, now);
            m_final.insert(id, status);
        }
    }

    QString m_secretId;
    bool m_denied;
    std::unique_ptr<sim::Emulator> m_emulator;
    QProcess m_child;
    QByteArray m_buffer;
    QHash<QString, qint64> m_endsAtMs;
    QHash<QString, QString> m_expected;
    QHash<QString, qint64> m_reportedAtMs;
    QHash<QString, QString> m_final;
};

QString delayText(const DelayStats& d) {
    return QStringLiteral("mean %1 s, p95 %2 s, max %3 s").arg(num(d.mean, 1), num(d.p95, 1), num(d.max, 1));
}

QString requestsText(const sim::Emulator& e) {
    return QStringLiteral(
               "%1 requests: %2 DescribeAsyncRequestInfo, %3 DescribeTasks, %4 DescribeDBInstances")
        .arg(e.stats().requests)
        .arg(e.requestsOf(QStringLiteral("DescribeAsyncRequestInfo")))
        .arg(e.requestsOf(kTasksAction))
        .arg(e.requestsOf(QStringLiteral("DescribeDBInstances")));
}

} // namespace

int listingRuns(const QString& bin) {
    const QList<Scripted> tasks = scenario();
    double fixedPolls = 0; // a fixed 5 s poll per task, from the start to the first poll after its end
    for (const Scripted& s : tasks)
        fixedPolls += std::ceil(double(s.endsAfterMs) / 5000.0) + 1;
    Run listing(QStringLiteral("AKIDLISTINGBENCH000000000000000000001"), false);
    Run perId(QStringLiteral("AKIDLISTINGBENCH000000000000000000002"), true);
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    QString why;
    if (!listing.start(bin, tasks, startMs, &why) || !perId.start(bin, tasks, startMs, &why)) {
        rowNotMeasured(QStringLiteral("11a"), QStringLiteral("listings drive polling"),
                       QStringLiteral("≤ 0.15×"), why);
        return 0;
    }
    progress(QStringLiteral("two `watch` runs of 200 tasks, up to 200 s each"));
    runUntil([&] { return !listing.isRunning() && !perId.isRunning(); }, (kTimeoutS + 20) * 1000);
    listing.stop();
    perId.stop();

    const auto ratio = [&](const Run& r) { return double(r.emulator().stats().requests) / fixedPolls; };
    const DelayStats withListings = delayStats(listing.delays(tasks));
    const DelayStats byId = delayStats(perId.delays(tasks));
    const QString scenarioText =
        QStringLiteral("200 pasted ids (180 that DescribeTasks lists, 20 it does not), "
                       "each ending 30–200 s in, `watch --json`");
    row(QStringLiteral("11a"),
        QStringLiteral("requests of every action ÷ a fixed 5 s poll per task (%1 requests), listings drive "
                       "polling: %2 — %3; per id only (no cdb:DescribeTasks, as before): %4×")
            .arg(num(fixedPolls, 0), scenarioText, requestsText(listing.emulator()), num(ratio(perId), 3)),
        ratio(listing), 3, QStringLiteral("×"), 0.15, true);
    row(QStringLiteral("11b"),
        QStringLiteral("delay from a task's end to its report, p95, listings drive polling (%1; per id only: "
                       "%2; %3 of 200 reported)")
            .arg(delayText(withListings), delayText(byId))
            .arg(withListings.n),
        withListings.p95, 1, QStringLiteral("s"), 5, true);
    row(QStringLiteral("11c"),
        QStringLiteral("final statuses right, listings drive polling (exit code %1; RequestLimitExceeded "
                       "answers: %2)")
            .arg(listing.exitCode())
            .arg(listing.emulator().stats().rateLimited),
        listing.rightFinalStatuses(), 0, QString(), 200, false);
    row(QStringLiteral("11d"),
        QStringLiteral("RequestLimitExceeded answers, both runs (listings: %1, per id only: %2)")
            .arg(listing.emulator().stats().rateLimited)
            .arg(perId.emulator().stats().rateLimited),
        listing.emulator().stats().rateLimited + perId.emulator().stats().rateLimited, 0, QString(), 0, true);
    rowInfo(
        QStringLiteral("11e"),
        QStringLiteral("the same run for an account without cdb:DescribeTasks (per-id adaptive polling, as "
                       "before): requests ÷ a fixed 5 s poll per task — %1")
            .arg(requestsText(perId.emulator())),
        num(ratio(perId), 3) + QStringLiteral("×"));
    rowInfo(QStringLiteral("11f"),
            QStringLiteral("the same run without cdb:DescribeTasks: delay from a task's end to its report "
                           "(final statuses right: %1 of 200; exit code %2)")
                .arg(perId.rightFinalStatuses())
                .arg(perId.exitCode()),
            delayText(byId));
    note(QStringLiteral(
             "Listing run, delays of the 180 listed tasks: %1; of the 20 tasks DescribeTasks does not "
             "list (polled by id): %2")
             .arg(delayText(delayStats(listing.delays(tasks, true))),
                  delayText(delayStats(listing.delays(tasks, false)))));
    note(QStringLiteral("Listing run, the 20 tasks DescribeTasks does not list, end → delay: %1")
             .arg(listing.unlistedDelays(tasks)));
    return 0;
}

} // namespace taskwatch::bench
