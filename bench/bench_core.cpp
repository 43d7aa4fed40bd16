// Headless benchmarks of CDB TaskWatch (see scripts/bench, which runs every mode and prints the table).
//
//   taskwatch_bench_core populate            fill the TaskStore at its default path (XDG_DATA_HOME) with
//                                            10,000 tasks and 100,000 history rows
//   taskwatch_bench_core loadtasks           TaskStore::open + loadTasks of the populated store
//   taskwatch_bench_core csv BIN             CsvWriter::exportHistory of 100,000 rows, then BIN export-csv
//   taskwatch_bench_core signparse           Signer::sign and ApiClient::parseResponse, per call
//   taskwatch_bench_core adaptive            requests per task-hour and noticing delay of adaptive intervals
//                                            (PollScheduler with a fake clock and a simulated server)
//   taskwatch_bench_core listing BIN         `BIN watch --json` on 200 pasted ids against the emulator:
//                                            requests and delay to report each end when DescribeTasks
//                                            listings drive polling, and without cdb:DescribeTasks
//   taskwatch_bench_core rate                400-task backlog, TaskBoard against an in-process emulator
//   taskwatch_bench_core watch-cpu BIN       CPU of `BIN watch` (child) per 1,000 polls counted at the
//                                            emulator
//   taskwatch_bench_core https-ratio BIN [GUIBIN]  `BIN watch`, the bare QNAM loop and the GUI host over
//                                            HTTPS, alternating: CPU per 1,000 polls and their ratios
//   taskwatch_bench_core stall-inproc        event-loop stall while polling 10,000 tasks, emulator in-process
//   taskwatch_bench_core stall-ext URL       the same against an emulator in another process
//   taskwatch_bench_core stall-idle          the same meter with nothing to do (machine noise)
//   taskwatch_bench_core gui-real BIN        peak RSS of the real GUI binary (offscreen) for a few seconds
//   taskwatch_bench_core pacing-runs BIN [h2]  20 consecutive `BIN watch` runs of 400 tasks against a fresh
//                                            emulator each, over HTTP/1.1 (or, with h2, over HTTP/2 through
//                                            nginx in front of the emulator): RequestLimitExceeded count and
//                                            the median rate while the backlog lasts
//
// Results are ROW/NOTE lines (BenchUtil.h); nothing here asserts a timing.
#include "BenchListing.h"
#include "BenchUtil.h"
#include "Clock.h"
#include "Emulator.h"
#include "TaskBoard.h"
#include "accounts/AccountConfig.h"
#include "api/ApiClient.h"
#include "api/ProxyFactory.h"
#include "api/QueryResult.h"
#include "api/Signer.h"
#include "api/TlsTrust.h"
#include "history/CsvWriter.h"
#include "history/TaskStore.h"
#include "polling/AccountPoller.h"
#include "polling/PollScheduler.h"
#include "task/HistoryEntry.h"
#include "task/PollOutcome.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

using namespace taskwatch;
using namespace taskwatch::bench;

namespace {

constexpr int kStoredTasks = 10000;
constexpr int kHistoryPerTask = 10; // 100,000 rows
constexpr int kFinishedPercent = 80;
constexpr int kBacklogTasks = 400;
constexpr int kStallTasks = 10000;

const QString kRegion = QStringLiteral("ap-guangzhou");

QString demoId() {
    return QString::fromLatin1(sim::Emulator::kDemoSecretId);
}
QString demoKey() {
    return QString::fromLatin1(sim::Emulator::kDemoSecretKey);
}

// The test PKI scripts/bench makes (tests/tls/make-test-pki.sh) for the HTTPS rows; empty when there is none.
QString tlsDir() {
    return qEnvironmentVariable("BENCH_TLS_DIR");
}

// An emulator whose every well-formed id answers RUNNING forever; over TLS (the BENCH_TLS_DIR certificate for
// 127.0.0.1) when `tls`.
std::unique_ptr<sim::Emulator> startEmulator(bool tls = false) {
    auto emulator = std::make_unique<sim::Emulator>();
    if (tls && !emulator->setTlsFiles(tlsDir() + QStringLiteral("/localhost.pem"),
                                      tlsDir() + QStringLiteral("/localhost.key"))) {
        std::fprintf(stderr, "emulator TLS: %s\n", qPrintable(emulator->errorString()));
        return nullptr;
    }
    emulator->addCredential(demoId(), demoKey());
    sim::TimelineStep running;
    running.status = QStringLiteral("RUNNING");
    running.info = QStringLiteral("Emulated task in progress");
    emulator->setDefaultTimeline({running});
    if (!emulator->listen()) {
        std::fprintf(stderr, "emulator: %s\n", qPrintable(emulator->errorString()));
        return nullptr;
    }
    return emulator;
}

// An HTTP/2 server in front of the emulator (pacing must hold with either HTTP version, and a server may
// offer HTTP/2; app/sim speaks HTTP/1.1): nginx terminates TLS, offers h2 by ALPN, and hands each
// request at once (no buffering) to the emulator over kept-alive HTTP/1.1 connections, with the Host the
// client signed. The emulator still verifies every signature and stamps arrivals. Needs nginx (Debian:
// nginx-light) and the test PKI.
class Http2Front {
public:
    // Starts nginx for the emulator listening at `emulatorPort`; false (and `why`) when it cannot.
    bool start(quint16 emulatorPort, QString* why) {
        QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"));
        if (nginx.isEmpty()) // /usr/sbin is not on every user's PATH
            nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")});
        if (nginx.isEmpty() || tlsDir().isEmpty() || !m_dir.isValid()) {
            *why = nginx.isEmpty() ? QStringLiteral("no nginx (apt-get install nginx-light)")
                                   : QStringLiteral("no test PKI (BENCH_TLS_DIR)");
            return false;
        }
        {
            QTcpServer probe; // a free port for nginx (released just before nginx binds it)
            if (!probe.listen(QHostAddress::LocalHost, 0)) {
                *why = probe.errorString();
                return false;
            }
            m_port = probe.serverPort();
        }
        const QString d = m_dir.path();
        const QString host = QStringLiteral("127.0.0.1:%1").arg(m_port);
        QFile conf(d + QStringLiteral("/nginx.conf"));
        if (!conf.open(QIODevice::WriteOnly)) {
            *why = conf.errorString();
            return false;
        }
        conf.write(QStringLiteral(
                       "daemon off;\nworker_processes 1;\nerror_log %1/error.log warn;\npid %1/nginx.pid;\n"
                       "events { worker_connections 512; }\n"
                       "http {\n  log_format proto '$server_protocol';\n  access_log %1/access.log proto;\n"
                       "  client_body_temp_path %1/body; proxy_temp_path %1/proxy; fastcgi_temp_path %1/f;\n"
                       "  uwsgi_temp_path %1/u; scgi_temp_path %1/s;\n"
                       "  upstream emulator { server 127.0.0.1:%2; keepalive 16; }\n"
                       "  server {\n    listen %3 ssl http2;\n"
                       "    ssl_certificate %4/localhost.pem; ssl_certificate_key %4/localhost.key;\n"
                       "    location / { proxy_pass http://emulator; proxy_http_version 1.1;\n"
                       "      proxy_set_header Connection \"\"; proxy_set_header Host %3;\n"
                       "      proxy_buffering off; proxy_request_buffering off; }\n  }\n}\n")
                       .arg(d)
                       .arg(emulatorPort)
                       .arg(host, tlsDir())
                       .toUtf8());
        conf.close();
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(nginx, {QStringLiteral("-p"), d, QStringLiteral("-c"), conf.fileName()});
        if (!m_nginx.waitForStarted(5000)) {
            *why = m_nginx.errorString();
            return false;
        }
        const bool up = runUntil(
            [&] {
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, m_port);
                return s.waitForConnected(100);
            },
            5000);
        if (!up)
            *why = QStringLiteral("nginx did not start: %1").arg(QString::fromLocal8Bit(m_nginx.readAll()));
        return up;
    }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    // Requests nginx answered, by protocol ("HTTP/2.0", "HTTP/1.1").
    QMap<QString, int> protocols() const {
        QMap<QString, int> counts;
        QFile log(m_dir.path() + QStringLiteral("/access.log"));
        if (log.open(QIODevice::ReadOnly))
            for (const QByteArray& line : log.readAll().split('\n'))
                if (!line.isEmpty())
                    ++counts[QString::fromLatin1(line)];
        return counts;
    }
    ~Http2Front() {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            if (!m_nginx.waitForFinished(5000))
                m_nginx.kill();
            m_nginx.waitForFinished(2000);
        }
    }

private:
    QTemporaryDir m_dir;
    QProcess m_nginx;
    quint16 m_port = 0;
};

// A board with one account ("default") polling the emulator at `url`, as watch and the GUI build it.
std::unique_ptr<TaskBoard> makeBoard(const QString& url, TaskStore* store) {
    PollOptions poll;
    poll.minIntervalMs = 5000;
    auto board = std::make_unique<TaskBoard>(store, poll);
    AccountConfig config;
    config.endpoint.url = QUrl(url);
    config.credential = {demoId(), demoKey(), {}};
    config.region = kRegion;
    board->setAccount(QStringLiteral("default"), config);
    return board;
}

// ------------------------------------------------------------------------------------------------ populate

int populate() {
    const QString path = TaskStore::defaultPath();
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    TaskStore store(path);
    if (!store.open()) {
        std::fprintf(stderr, "populate: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    QElapsedTimer t;
    t.start();
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-30);
    const bool ok = store.transaction([&] {
        for (int i = 0; i < kStoredTasks; ++i) {
            TaskState s;
            s.id = taskId('b', i);
            s.region = (i % 3 == 0) ? QStringLiteral("ap-shanghai") : kRegion;
            s.addedAt = base.addSecs(qint64(i) * 240);
            const bool finished = (i % 100) < kFinishedPercent;
            for (int h = 0; h < kHistoryPerTask; ++h) {
                HistoryEntry e;
                e.observedAt = s.addedAt.addSecs(qint64(h) * 30);
                e.taskId = s.id;
                e.region = s.region;
                const bool last = h == kHistoryPerTask - 1;
                if (h == 0) {
                    e.status = QStringLiteral("INITIAL");
                    e.info = QString();
                } else if (last && finished) {
                    e.status = QStringLiteral("SUCCESS");
                    e.info =
                        QStringLiteral("Upgrade of instance cdb-%1 finished").arg(i, 8, 36, QLatin1Char('0'));
                } else {
                    e.status = QStringLiteral("RUNNING");
                    e.info = QStringLiteral("Upgrading instance cdb-%1: step %2 of %3, %4% done")
                                 .arg(i, 8, 36, QLatin1Char('0'))
                                 .arg(h)
                                 .arg(kHistoryPerTask)
                                 .arg(h * 100 / kHistoryPerTask);
                }
                e.requestId = QStringLiteral("%1-aaaa-bbbb-cccc-%2")
                                  .arg(i, 8, 16, QLatin1Char('0'))
                                  .arg(h, 12, 10, QLatin1Char('0'));
                if (!store.appendHistory(e))
                    return false;
                s.status = e.status;
                s.info = e.info;
                s.requestId = e.requestId;
                s.lastCheckedAt = e.observedAt;
            }
            s.phase = finished ? TaskPhase::Finished : TaskPhase::Polling;
            if (finished)
                s.finishedAt = s.lastCheckedAt;
            s.httpStatus = 200;
            if (!store.upsertTask(s, QStringLiteral("default")))
                return false;
        }
        return true;
    });
    if (!ok) {
        std::fprintf(stderr, "populate: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    note(QStringLiteral(
             "Store populated: %1 tasks (%2% finished, the rest RUNNING), %3 history rows, %4 MB, in "
             "%5 s (%6)")
             .arg(kStoredTasks)
             .arg(kFinishedPercent)
             .arg(store.historyCount())
             .arg(num(double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6,
                      1))
             .arg(num(double(t.elapsed()) / 1000.0, 1))
             .arg(QStringLiteral("$XDG_DATA_HOME/") +
                  QDir(qEnvironmentVariable("XDG_DATA_HOME")).relativeFilePath(path)));
    return 0;
}

// --------------------------------------------------------------------------------------------- load tasks

// Benchmarks on this shared 2-core machine are noisy: each timing is the best of kRepeats runs (the least
// disturbed), and the CPU time of that run is shown beside it.
constexpr int kRepeats = 3;

int loadTasks() {
    double bestOpen = 1e9, bestLoad = 1e9, bestLoadCpu = 0;
    qsizetype count = 0;
    for (int i = 0; i < kRepeats; ++i) {
        QElapsedTimer t;
        t.start();
        TaskStore store;
        if (!store.open()) {
            rowNotMeasured(QStringLiteral("8"),
                           QStringLiteral("start-up: TaskStore::loadTasks, 10,000 tasks"),
                           QStringLiteral("—"), store.lastError());
            return 1;
        }
        bestOpen = std::min(bestOpen, double(t.nsecsElapsed()) / 1e6);
        const qint64 cpu0 = threadCpuNs();
        t.restart();
        const std::optional<QList<TaskState>> tasks = store.loadTasks();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!tasks) {
            rowNotMeasured(QStringLiteral("8"),
                           QStringLiteral("start-up: TaskStore::loadTasks, 10,000 tasks"),
                           QStringLiteral("—"), store.lastError());
            return 1;
        }
        if (ms < bestLoad) {
            bestLoad = ms;
            bestLoadCpu = double(threadCpuNs() - cpu0) / 1e6;
        }
        count = tasks->size();
    }
    rowInfo(QStringLiteral("8"),
            QStringLiteral("start-up: TaskStore::loadTasks, %L1 stored tasks (best of %2)")
                .arg(count)
                .arg(kRepeats),
            num(bestLoad, 1) + QStringLiteral(" ms (CPU %1 ms; TaskStore::open() before it: %2 ms)")
                                   .arg(num(bestLoadCpu, 1))
                                   .arg(num(bestOpen, 1)));
    return 0;
}

// -------------------------------------------------------------------------------------------------- CSV

int csv(const QString& bin) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("history.csv"));
    double best = 1e9, bestCpu = 0;
    qint64 rows = 0;
    QString error;
    for (int i = 0; i < kRepeats && error.isEmpty(); ++i) {
        TaskStore store;
        if (!store.open()) {
            error = store.lastError();
            break;
        }
        const qint64 cpu0 = threadCpuNs();
        QElapsedTimer t;
        t.start();
        if (!CsvWriter::exportHistory(store, {}, out, false, &error, &rows))
            break;
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        if (seconds < best) {
            best = seconds;
            bestCpu = double(threadCpuNs() - cpu0) / 1e9;
        }
    }
    if (!error.isEmpty()) {
        rowNotMeasured(QStringLiteral("5a"), QStringLiteral("CSV export, CsvWriter::exportHistory"),
                       QStringLiteral("≤ 0.5 s"), error);
    } else {
        row(QStringLiteral("5a"),
            QStringLiteral(
                "CSV export of %L1 history rows, CsvWriter::exportHistory to a file (best of %2; CPU "
                "%3 s)")
                .arg(rows)
                .arg(kRepeats)
                .arg(num(bestCpu, 3)),
            best, 3, QStringLiteral("s"), 0.5, true);
        note(QStringLiteral("CSV file: %1 MB for %L2 rows")
                 .arg(num(double(QFileInfo(out).size()) / 1e6, 1))
                 .arg(rows));
    }

    const QString out2 = dir.filePath(QStringLiteral("e2e.csv"));
    double bestE2e = 1e9, bestE2eCpu = 0;
    qint64 lines = 0;
    QString failure;
    for (int i = 0; i < kRepeats && failure.isEmpty(); ++i) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const double children0 = rusageSeconds(RUSAGE_CHILDREN);
        QElapsedTimer t;
        t.start();
        p.start(bin, {QStringLiteral("export-csv"), QStringLiteral("-o"), out2});
        const bool finished = p.waitForFinished(60000);
        const double e2e = double(t.nsecsElapsed()) / 1e9;
        QFile f(out2);
        lines = f.open(QIODevice::ReadOnly) ? f.readAll().count("\r\n") : 0;
        if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 || lines < 2) {
            failure = QStringLiteral("exit code %1, %2 lines written").arg(p.exitCode()).arg(lines);
        } else if (e2e < bestE2e) {
            bestE2e = e2e;
            bestE2eCpu = rusageSeconds(RUSAGE_CHILDREN) - children0;
        }
    }
    if (!failure.isEmpty()) {
        rowNotMeasured(QStringLiteral("5b"),
                       QStringLiteral("CSV export, `cdb-taskwatch export-csv` end to end"),
                       QStringLiteral("≤ 0.5 s"), failure);
        return 0;
    }
    row(QStringLiteral("5b"),
        QStringLiteral(
            "CSV export of %L1 rows, `cdb-taskwatch export-csv -o FILE` end to end, process start to "
            "exit (best of %2; CPU %3 s)")
            .arg(lines - 1)
            .arg(kRepeats)
            .arg(num(bestE2eCpu, 3)),
        bestE2e, 3, QStringLiteral("s"), 0.5, true);
    return 0;
}

// ------------------------------------------------------------------------------------------ sign & parse

int signParse() {
    constexpr int kIterations = 100000;
    SignInput in;
    in.host = "cdb.intl.tencentcloudapi.com";
    in.contentType = "application/json";
    in.payload = R"({"AsyncRequestId":"f2fbd3b1-ab3f4e0a-3b5a6f44-1f4b1b61"})";
    in.service = "cdb";
    in.timestamp = QDateTime::currentSecsSinceEpoch();
    const QString id = QStringLiteral("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE");
    const QString key = QStringLiteral("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
    qsizetype sink = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < kIterations; ++i) {
        in.timestamp += (i & 1); // defeat any caching of identical input
        sink += Signer::sign(in, id, key).authorization.size();
    }
    const double signUs = double(t.nsecsElapsed()) / 1e3 / kIterations;

    const QByteArray body =
        R"({"Response":{"Status":"RUNNING","Info":"Upgrading instance cdb-0000abcd: step 3 )"
        R"(of 10, 30% done","RequestId":"6ad1c1b5-5f2a-4b5a-9f0e-2c3d4e5f6a7b"}})";
    t.restart();
    for (int i = 0; i < kIterations; ++i)
        sink += ApiClient::parseResponse(200, body, false).info->size();
    const double parseUs = double(t.nsecsElapsed()) / 1e3 / kIterations;
    if (sink == 42)
        std::fputs("", stderr);
    // The proxy decision per request for a non-loopback host without proxy variables: the system lookup
    // (libproxy) that every request paid before, and the cached answer now.
    constexpr int kProxyIterations = 2000;
    const QNetworkProxyQuery proxyQuery(QUrl(QStringLiteral("https://cdb.intl.tencentcloudapi.com/")));
    t.restart();
    for (int i = 0; i < kProxyIterations; ++i)
        sink += QNetworkProxyFactory::systemProxyForQuery(proxyQuery).size();
    const double systemUs = double(t.nsecsElapsed()) / 1e3 / kProxyIterations;
    ProxyFactory factory([](const QString&) { return QString(); });
    t.restart();
    for (int i = 0; i < kIterations; ++i)
        sink += factory.queryProxy(proxyQuery).size();
    const double cachedUs = double(t.nsecsElapsed()) / 1e3 / kIterations;
    rowInfo(QStringLiteral("7c"),
            QStringLiteral("proxy decision per request, non-loopback https host, no proxy variables: "
                           "QNetworkProxyFactory::systemProxyForQuery (libproxy; %L1 calls) → ProxyFactory "
                           "cached (%L2 calls, %3 system lookup)")
                .arg(kProxyIterations)
                .arg(kIterations)
                .arg(factory.systemLookups()),
            num(systemUs, 1) + QStringLiteral(" µs → ") + num(cachedUs, 2) + QStringLiteral(" µs"));
    rowInfo(QStringLiteral("7a"),
            QStringLiteral("Signer::sign of a cdb request, per call (%L1 calls)").arg(kIterations),
            num(signUs, 2) + QStringLiteral(" µs"));
    rowInfo(QStringLiteral("7b"),
            QStringLiteral("ApiClient::parseResponse of a success body (%1 bytes), per call (%L2 calls)")
                .arg(body.size())
                .arg(kIterations),
            num(parseUs, 2) + QStringLiteral(" µs"));
    return 0;
}

// ---------------------------------------------------------------------------------------------- adaptive

// A simulated server for the adaptive-interval run: answers each query after 50 ms with the task's state at
// the time the query was sent (RUNNING with Info "step N", SUCCESS at the end).
class SimBackend : public TaskQueryBackend {
public:
    struct Task {
        std::vector<qint64> changes; // times of the Info changes, ascending; the last one is the SUCCESS
    };
    explicit SimBackend(const qint64* now)
        : m_now(now) {}
    void query(quint64 ticket, const QString& taskId, const QString&) override {
        pending.emplace(*m_now + 50, std::make_pair(ticket, taskId)); // answered 50 ms later
        sentAt.insert(ticket, *m_now);
        ++requests;
    }
    void setClockOffset(qint64) override {}
    qint64 clockOffset() const override { return 0; }
    void abortAll() override { pending.clear(); }

    void deliverDue(qint64 now) {
        while (!pending.empty() && pending.begin()->first <= now) {
            const auto [ticket, id] = pending.begin()->second;
            pending.erase(pending.begin());
            const qint64 sent = sentAt.take(ticket);
            const Task& task = tasks[id];
            const auto seen = std::upper_bound(task.changes.begin(), task.changes.end(), sent);
            const qsizetype index = seen - task.changes.begin(); // changes that happened before the send
            QueryResult r;
            r.kind = ResultKind::Success;
            r.httpStatus = 200;
            const bool done = seen == task.changes.end();
            r.status = QString::fromLatin1(done ? TaskStatus::Success : TaskStatus::Running);
            r.info = QStringLiteral("step %1").arg(index);
            std::vector<qint64>& noticed = noticedAt[id];
            while (qsizetype(noticed.size()) < index)
                noticed.push_back(now); // every change up to the send is seen with this answer
            emit queryFinished(ticket, r);
        }
    }
    std::optional<qint64> nextAnswerAt() const {
        if (pending.empty())
            return std::nullopt;
        return pending.begin()->first;
    }

    std::unordered_map<QString, Task> tasks;
    std::unordered_map<QString, std::vector<qint64>> noticedAt;
    std::multimap<qint64, std::pair<quint64, QString>> pending;
    QHash<quint64, qint64> sentAt;
    qint64 requests = 0;

private:
    const qint64* m_now;
};

struct AdaptiveResult {
    double requestsPerTaskHour = 0;
    double meanDelayS = 0, p95DelayS = 0, maxDelayS = 0;
    qint64 requests = 0;
    int changes = 0;
};

// `maxIntervalMs` 0: a fixed interval. The same seed draws the same tasks.
AdaptiveResult simulateAdaptive(int tasks, int maxChanges, int maxIntervalMs, quint32 seed) {
    qint64 now = 0;
    SimBackend backend(&now);
    PollOptions options;
    options.minIntervalMs = 5000;
    options.maxIntervalMs = maxIntervalMs;
    PollScheduler scheduler(&backend, options, [&now] { return now; });
    QRandomGenerator rng(seed);
    double taskHours = 0;
    for (int i = 0; i < tasks; ++i) {
        const QString id = taskId('s', i);
        const qint64 lifetime = 3'600'000 + qint64(rng.bounded(3'600'000)); // RUNNING for 1 to 2 h
        SimBackend::Task task;
        const int changes = int(rng.bounded(maxChanges + 1));
        for (int c = 0; c < changes; ++c)
            task.changes.push_back(qint64(rng.bounded(quint32(lifetime))));
        std::sort(task.changes.begin(), task.changes.end());
        task.changes.push_back(lifetime); // SUCCESS
        backend.tasks[id] = task;
        taskHours += double(lifetime) / 3'600'000.0;
        scheduler.addTask(id, kRegion);
    }
    while (scheduler.activeCount() > 0) {
        backend.deliverDue(now);
        scheduler.pump();
        qint64 next = LLONG_MAX;
        if (const qint64 ms = scheduler.msUntilNextPoll(); ms >= 0)
            next = now + std::max<qint64>(ms, 1);
        if (const auto answer = backend.nextAnswerAt())
            next = std::min(next, std::max(*answer, now + 1));
        if (next == LLONG_MAX)
            break;
        now = next;
    }
    std::vector<double> delays;
    for (const auto& [id, task] : backend.tasks) {
        const std::vector<qint64>& noticed = backend.noticedAt[id];
        for (std::size_t c = 0; c < task.changes.size() && c < noticed.size(); ++c)
            delays.push_back(double(noticed[c] - task.changes[c]) / 1000.0);
    }
    AdaptiveResult r;
    r.requests = backend.requests;
    r.changes = int(delays.size());
    r.requestsPerTaskHour = double(backend.requests) / taskHours;
    const DelayStats stats = delayStats(delays);
    r.meanDelayS = stats.mean;
    r.p95DelayS = stats.p95;
    r.maxDelayS = stats.max;
    return r;
}

int adaptive() {
    constexpr int kTasks = 150; // 30 requests per second at a fixed 5 s: the rate limit does not interfere
    constexpr quint32 kSeed = 20261201;
    const QStringList keys{QStringLiteral("9a"), QStringLiteral("9b"), QStringLiteral("9c"),
                           QStringLiteral("9d"), QStringLiteral("9e"), QStringLiteral("9f")};
    int k = 0;
    // First the plain scenario (tasks RUNNING for 1–2 h, then SUCCESS: nothing changes meanwhile), then two
    // harder models with Info changes while running (each change restarts at the 5 s interval).
    for (const int maxChanges : {0, 4, 10}) {
        const AdaptiveResult fixed = simulateAdaptive(kTasks, maxChanges, 0, kSeed);
        const AdaptiveResult adaptiveRun = simulateAdaptive(kTasks, maxChanges, 15000, kSeed);
        const QString changesText = maxChanges == 0
                                        ? QStringLiteral("no Info change")
                                        : QStringLiteral("0–%1 Info changes at random times").arg(maxChanges);
        const QString model =
            QStringLiteral("%1 tasks RUNNING for 1–2 h with %2, then SUCCESS (fake clock, 50 ms "
                           "answers)")
                .arg(kTasks)
                .arg(changesText);
        row(keys.at(k++),
            QStringLiteral(
                "requests per task-hour, adaptive (5 s … 15 s) vs a fixed 5 s interval: %1 — %2 vs "
                "%3 requests per task-hour")
                .arg(model, num(adaptiveRun.requestsPerTaskHour, 0), num(fixed.requestsPerTaskHour, 0)),
            adaptiveRun.requestsPerTaskHour / fixed.requestsPerTaskHour, 3, QStringLiteral("×"), 0.35, true);
        row(keys.at(k++),
            QStringLiteral("delay in noticing a change, p95 (mean / max: %1 s / %2 s; fixed 5 s: mean %3 s, "
                           "p95 %4 s, max %5 s; %6 changes)")
                .arg(num(adaptiveRun.meanDelayS, 1), num(adaptiveRun.maxDelayS, 1), num(fixed.meanDelayS, 1),
                     num(fixed.p95DelayS, 1), num(fixed.maxDelayS, 1), QString::number(adaptiveRun.changes)),
            adaptiveRun.p95DelayS, 1, QStringLiteral("s"), 15, true);
    }
    return 0;
}

// -------------------------------------------------------------------------------------------------- rate

// Requests per second at the server over the arrivals after `skipMs` from the first one.
double steadyRate(const QList<qint64>& arrivals, qint64 skipMs, qint64 endMs, double* seconds) {
    if (arrivals.isEmpty())
        return 0;
    const qint64 from = arrivals.first() + skipMs;
    const auto n =
        std::count_if(arrivals.cbegin(), arrivals.cend(), [&](qint64 a) { return a >= from && a < endMs; });
    *seconds = double(endMs - from) / 1000.0;
    return *seconds > 0 ? double(n) / *seconds : 0;
}

int rate() {
    constexpr int kRunMs = 20000;
    auto emulator = startEmulator();
    if (!emulator)
        return 1;
    auto board = makeBoard(emulator->url(), nullptr);
    TaskBoard& session = *board;
    for (int i = 0; i < kBacklogTasks; ++i)
        session.addIds({taskId('a', i)});
    runFor(kRunMs);
    const qint64 end = steadyNowMs();
    double seconds = 0;
    const QList<qint64> arrivals = emulator->arrivalTimesMs();
    const double steady = steadyRate(arrivals, 2000, end, &seconds);
    const sim::EmulatorStats stats = emulator->stats();
    row(QStringLiteral("1a"),
        QStringLiteral("sustained request rate at the server, %1-task backlog, in-process TaskBoard + "
                       "emulator: arrivals stamped by the shared event loop (steady %2 s of %3 s)")
            .arg(kBacklogTasks)
            .arg(num(seconds, 1))
            .arg(kRunMs / 1000),
        steady, 1, QStringLiteral("req/s"), 38, false);
    row(QStringLiteral("1b"),
        QStringLiteral("max requests in any 1000 ms window at the server (RequestLimitExceeded answers: %1)")
            .arg(stats.rateLimited),
        stats.maxInAnyWindow, 0, QString(), 40, true);
    note(QStringLiteral("Rate run: %1 requests in %2 s, %3 rate limited, %4 auth failures")
             .arg(stats.requests)
             .arg(kRunMs / 1000)
             .arg(stats.rateLimited)
             .arg(stats.authFailures));
    return 0;
}

// ------------------------------------------------------------------------------------------- pacing runs

// 20 consecutive pacing runs, each a fresh `watch` process with a 400-task backlog (every task is
// polled once: --interval 60) against a fresh emulator over HTTP/1.1, or with `http2` over HTTP/2 through
// nginx (Http2Front). The rate while the backlog lasts is (requests - 1) / (last arrival - first arrival) of
// the 400 first polls, at the emulator.
int pacingRuns(const QString& bin, bool http2) {
    constexpr int kRuns = 20;
    const QString rejected = http2 ? QStringLiteral("1g") : QStringLiteral("1e");
    const QString rateKey = http2 ? QStringLiteral("1h") : QStringLiteral("1f");
    const QString version =
        http2 ? QStringLiteral("HTTP/2 (nginx in front of the emulator)") : QStringLiteral("HTTP/1.1");
    std::vector<double> rates;
    int limited = 0;
    int maxWindow = 0;
    QMap<QString, int> protocols;
    QStringList perRun;
    for (int run = 0; run < kRuns; ++run) {
        auto emulator = startEmulator();
        if (!emulator)
            return 1;
        QString url = emulator->url();
        std::unique_ptr<Http2Front> front;
        if (http2) {
            front = std::make_unique<Http2Front>();
            QString why;
            if (!front->start(quint16(QUrl(url).port()), &why)) {
                rowNotMeasured(rejected, QStringLiteral("pacing runs over %1").arg(version),
                               QStringLiteral("0"), why);
                return 0;
            }
            url = front->url();
        }
        QStringList args{QStringLiteral("watch"),      QStringLiteral("--no-history"),
                         QStringLiteral("--interval"), QStringLiteral("60"),
                         QStringLiteral("--timeout"),  QStringLiteral("13"),
                         QStringLiteral("--endpoint"), url,
                         QStringLiteral("--region"),   kRegion};
        for (int i = 0; i < kBacklogTasks; ++i)
            args << taskId('e', run * 1000 + i);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), demoId()); // environment, never argv
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), demoKey());
        if (http2)
            env.insert(QStringLiteral("SSL_CERT_FILE"), tlsDir() + QStringLiteral("/ca.pem"));
        QProcess child;
        child.setProcessEnvironment(env);
        child.setStandardOutputFile(QProcess::nullDevice());
        child.setStandardErrorFile(QProcess::nullDevice());
        child.start(bin, args);
        if (!child.waitForStarted(10000)) {
            rowNotMeasured(rejected, QStringLiteral("pacing runs"), QStringLiteral("0"), child.errorString());
            return 0;
        }
        QElapsedTimer t;
        t.start();
        while (emulator->stats().requests < kBacklogTasks && t.elapsed() < 20000 &&
               child.state() != QProcess::NotRunning)
            runFor(20);
        child.kill();
        child.waitForFinished(5000);
        const QList<qint64> arrivals = emulator->arrivalTimesMs();
        const sim::EmulatorStats stats = emulator->stats();
        const qsizetype n = std::min<qsizetype>(arrivals.size(), kBacklogTasks);
        const double rate =
            n > 1 ? double(n - 1) * 1000.0 / double(std::max<qint64>(1, arrivals[n - 1] - arrivals.first()))
                  : 0;
        rates.push_back(rate);
        limited += stats.rateLimited;
        maxWindow = std::max(maxWindow, stats.maxInAnyWindow);
        perRun << QStringLiteral("%1/s (%2 limited)").arg(num(rate, 2)).arg(stats.rateLimited);
        progress(QStringLiteral("pacing run %1: %2").arg(run + 1).arg(perRun.last()));
        if (front) {
            const QMap<QString, int> answered = front->protocols();
            for (auto it = answered.cbegin(); it != answered.cend(); ++it)
                protocols[it.key()] += it.value();
        }
    }
    std::vector<double> sorted = rates;
    std::sort(sorted.begin(), sorted.end());
    const double median = (sorted[kRuns / 2 - 1] + sorted[kRuns / 2]) / 2;
    row(rejected,
        QStringLiteral("RequestLimitExceeded in %1 consecutive 400-task `watch` runs over %2")
            .arg(kRuns)
            .arg(version),
        limited, 0, QString(), 0, true);
    row(rateKey,
        QStringLiteral(
            "median rate while the 400-task backlog lasts, %1 runs over %2 (min %3, max %4; max in "
            "any 1000 ms: %5)")
            .arg(kRuns)
            .arg(version, num(sorted.front(), 2), num(sorted.back(), 2))
            .arg(maxWindow),
        median, 2, QStringLiteral("req/s"), 38, false);
    note(QStringLiteral("Pacing runs over %1: %2").arg(version, perRun.join(QStringLiteral(", "))));
    if (http2) {
        QStringList byProtocol;
        for (auto it = protocols.cbegin(); it != protocols.cend(); ++it)
            byProtocol << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        note(QStringLiteral("Requests nginx answered, by protocol: %1")
                 .arg(byProtocol.join(QStringLiteral(", "))));
    }
    return 0;
}

// --------------------------------------------------------------------------------------------- watch CPU

// `https`: the same over TLS (row 2e; the child trusts the test CA through SSL_CERT_FILE).
int watchCpu(const QString& bin, bool https) {
    constexpr int kTimeoutS = 25;
    const QString cpuKey = https ? QStringLiteral("2e") : QStringLiteral("2a");
    if (https && tlsDir().isEmpty()) {
        rowNotMeasured(cpuKey, QStringLiteral("CPU per 1,000 polls, `cdb-taskwatch watch` over HTTPS"),
                       QStringLiteral("≤ 0.35 s"), QStringLiteral("no test PKI (BENCH_TLS_DIR)"));
        return 0;
    }
    auto emulator = startEmulator(https);
    if (!emulator)
        return 1;
    // History on (the default): what a user runs. BENCH_WATCH_NO_HISTORY=1 measures without it.
    QStringList args{QStringLiteral("watch"),      QStringLiteral("--interval"),
                     QStringLiteral("5"),          QStringLiteral("--json"),
                     QStringLiteral("--timeout"),  QString::number(kTimeoutS),
                     QStringLiteral("--endpoint"), emulator->url(),
                     QStringLiteral("--region"),   kRegion};
    const bool noHistory = qEnvironmentVariableIntValue("BENCH_WATCH_NO_HISTORY") == 1;
    if (noHistory)
        args << QStringLiteral("--no-history");
    for (int i = 0; i < kBacklogTasks; ++i)
        args << taskId('c', i);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), demoId()); // environment, never argv
    env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), demoKey());
    if (https)
        env.insert(QStringLiteral("SSL_CERT_FILE"), tlsDir() + QStringLiteral("/ca.pem"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setStandardOutputFile(QProcess::nullDevice());
    child.setStandardErrorFile(QProcess::nullDevice());
    const double childrenBefore = rusageSeconds(RUSAGE_CHILDREN);
    child.start(bin, args);
    if (!child.waitForStarted(10000)) {
        rowNotMeasured(cpuKey, QStringLiteral("CPU per 1,000 polls, `cdb-taskwatch watch`"),
                       QStringLiteral("≤ 0.35 s"), child.errorString());
        return 0;
    }
    const qint64 pid = child.processId();
    double lastSeen = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        if (const double s = procCpuSeconds(pid); s >= 0)
            lastSeen = s;
    });
    sampler.start(200);
    runUntil([&] { return child.state() == QProcess::NotRunning; }, (kTimeoutS + 15) * 1000);
    const qint64 end = steadyNowMs();
    sampler.stop();
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished(5000);
    }
    const double cpu = rusageSeconds(RUSAGE_CHILDREN) - childrenBefore;
    const sim::EmulatorStats stats = emulator->stats();
    if (stats.requests == 0) {
        rowNotMeasured(cpuKey, QStringLiteral("CPU per 1,000 polls, `cdb-taskwatch watch`"),
                       QStringLiteral("≤ 0.35 s"), QStringLiteral("no request reached the emulator"));
        return 0;
    }
    row(cpuKey,
        QStringLiteral(
            "CPU (user+sys, whole process) per 1,000 polls, `cdb-taskwatch watch --json%1`, %2 ids, %3 s, %4")
            .arg(noHistory ? QStringLiteral(" --no-history") : QStringLiteral(" (history on)"))
            .arg(kBacklogTasks)
            .arg(kTimeoutS)
            .arg(https ? QStringLiteral("HTTPS (TLS emulator)") : QStringLiteral("plain HTTP")),
        cpu / stats.requests * 1000.0, 3, QStringLiteral("s"), 0.35, true);
    if (https) {
        note(QStringLiteral(
                 "watch run over HTTPS: exit code %1, CPU %2 s, %3 polls, %4 TLS handshakes, max %5 "
                 "in any 1000 ms window, %6 rate limited")
                 .arg(child.exitCode())
                 .arg(num(cpu, 3))
                 .arg(stats.requests)
                 .arg(stats.tlsHandshakes)
                 .arg(stats.maxInAnyWindow)
                 .arg(stats.rateLimited));
        return 0;
    }
    double seconds = 0;
    const double steady = steadyRate(emulator->arrivalTimesMs(), 2000, end, &seconds);
    row(QStringLiteral("1c"),
        QStringLiteral(
            "sustained request rate at the server, %1-task backlog, `cdb-taskwatch watch` in its own "
            "process (steady %2 s of the run of row 2a)")
            .arg(kBacklogTasks)
            .arg(num(seconds, 1)),
        steady, 1, QStringLiteral("req/s"), 38, false);
    row(QStringLiteral("1d"),
        QStringLiteral("max requests in any 1000 ms window at the server, `watch` in its own process "
                       "(RequestLimitExceeded answers: %1)")
            .arg(stats.rateLimited),
        stats.maxInAnyWindow, 0, QString(), 40, true);
    note(QStringLiteral(
             "watch run: exit code %1 (4 = --timeout reached, expected), CPU %2 s (getrusage of the "
             "child; /proc sampling saw %3 s), %4 polls counted at the emulator, max %5 in any "
             "1000 ms window, %6 rate limited")
             .arg(child.exitCode())
             .arg(num(cpu, 3))
             .arg(num(lastSeen, 2))
             .arg(stats.requests)
             .arg(stats.maxInAnyWindow)
             .arg(stats.rateLimited));
    return 0;
}

// The bare QNetworkAccessManager loop both references use: `pace` (25 ms, precise) POSTs one poll's body to
// `url` on each tick, no signing, no scheduling; `done` counts the answers read.
void startBareLoop(QNetworkAccessManager& nam, QTimer& pace, const QString& url, int* done) {
    QUrl target(url);
    target.setPath(QStringLiteral("/"));
    pace.setTimerType(Qt::PreciseTimer);
    pace.setInterval(25);
    QObject::connect(&pace, &QTimer::timeout, [&nam, target, done] {
        QNetworkRequest request(target);
        request.setRawHeader("Content-Type", "application/json");
        request.setRawHeader("X-TC-Action", "DescribeAsyncRequestInfo");
        QNetworkReply* reply = nam.post(
            request, QByteArrayLiteral(R"({"AsyncRequestId":"abcdefab-00000001-00000000-00000000"})"));
        QObject::connect(reply, &QNetworkReply::finished, [reply, done] {
            reply->readAll();
            reply->deleteLater();
            ++*done;
        });
    });
    pace.start();
}

// A reference for row 2: the CPU that Qt's HTTP stack alone costs per request on this machine — a bare
// QNetworkAccessManager POST at the same 40/s to the same emulator (another process), no signing, no
// scheduler.
int qnamFloor(const QString& url) {
    constexpr int kRunMs = 12000;
    const bool https = url.startsWith(QLatin1String("https:"));
    TlsTrust::ensureApplied(); // SSL_CERT_FILE: the test CA of the TLS emulator
    QNetworkAccessManager nam;
    int done = 0;
    QTimer pace;
    runFor(300); // QNAM's own start-up is not per request
    const double cpu0 = rusageSeconds(RUSAGE_SELF);
    startBareLoop(nam, pace, url, &done);
    runFor(kRunMs);
    pace.stop();
    const double cpu = rusageSeconds(RUSAGE_SELF) - cpu0;
    if (done == 0)
        return 1;
    rowInfo(https ? QStringLiteral("2f") : QStringLiteral("2d"),
            QStringLiteral("reference: bare QNetworkAccessManager POST at 40/s to the emulator (%1), "
                           "CPU per 1,000 requests, no signing nor scheduling (%2 requests)")
                .arg(https ? QStringLiteral("HTTPS, HTTP/1.1 over TLS") : QStringLiteral("plain HTTP/1.1"))
                .arg(done),
            num(cpu / done * 1000.0, 3) + QStringLiteral(" s"));
    return 0;
}

// The bare QNAM loop as a process of its own (the reference of https-ratio): POSTs at 40/s to URL for
// `seconds`, then exits. Its whole-process CPU is measured by the parent, as the `watch` child's is.
int qnamLoop(const QString& url, int seconds) {
    TlsTrust::ensureApplied(); // SSL_CERT_FILE: the test CA of the TLS emulator
    QNetworkAccessManager nam;
    QTimer pace;
    int done = 0;
    startBareLoop(nam, pace, url, &done);
    runFor(seconds * 1000);
    return 0;
}

// The HTTPS comparison, in one run and alternating: `BIN watch --json` (history on, 400 ids) over HTTPS,
// the bare QNAM loop over HTTPS (a child process: qnam-loop) and, when GUIBIN is given, the GUI bench host
// (GUIBIN cpu, offscreen) — each a whole process, its user+sys CPU (getrusage of the reaped child) per 1,000
// requests counted at one TLS emulator in this process; kRounds rounds, the order turned each round; medians.
// Rows 2e-2i from the rounds' measurements (CPU s per 1,000 requests; -1 where a run failed).
void reportHttpsRatios(const std::vector<double>& watch, const std::vector<double>& loop,
                       const std::vector<double>& gui, const std::vector<double>& watchRatios,
                       const std::vector<double>& guiRatios, const QStringList& details, int rounds,
                       int seconds) {
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty()      ? -1.0
               : v.size() % 2 ? v[v.size() / 2]
                              : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    };
    const double mw = median(watch), ml = median(loop), mg = median(gui);
    if (mw <= 0 || ml <= 0) {
        rowNotMeasured(QStringLiteral("2g"), QStringLiteral("`watch` over HTTPS vs the bare QNAM loop"),
                       QStringLiteral("≤ 1.4×"), details.join(QStringLiteral("; ")));
        return;
    }
    rowInfo(
        QStringLiteral("2e"),
        QStringLiteral("CPU (user+sys, whole process) per 1,000 polls, `cdb-taskwatch watch --json` (history "
                       "on), %1 ids, HTTPS to the TLS emulator, %2 s; median of %3 (alternating with 2f, "
                       "2h)")
            .arg(kBacklogTasks)
            .arg(seconds)
            .arg(rounds),
        num(mw, 3) + QStringLiteral(" s"));
    rowInfo(
        QStringLiteral("2f"),
        QStringLiteral("reference: bare QNetworkAccessManager POST loop at 40/s, own process, HTTPS to the "
                       "same emulator, CPU per 1,000 requests, %1 s; median of %2")
            .arg(seconds)
            .arg(rounds),
        num(ml, 3) + QStringLiteral(" s"));
    // The ratio is taken within each round (its three runs follow each other, in a turning order) and the
    // median of the rounds' ratios is the result: a ratio of the two medians would pair a watch run with a
    // loop run of another round, under other machine conditions. Both are printed.
    row(QStringLiteral("2g"),
        QStringLiteral("`watch` over HTTPS ÷ the bare QNAM loop over HTTPS, median of the %1 rounds' ratios "
                       "(the ratio of the medians, 2e ÷ 2f: %2)")
            .arg(watchRatios.size())
            .arg(num(mw / ml, 2)),
        median(watchRatios), 2, QStringLiteral("×"), 1.4, true);
    if (mg > 0) {
        rowInfo(
            QStringLiteral("2h"),
            QStringLiteral("CPU (user+sys, whole process) per 1,000 polls, GUI (bench host: MainWindow + "
                           "TaskBoard recording history, offscreen), %1 tasks pasted, HTTPS, %2 s; median "
                           "of %3")
                .arg(kBacklogTasks)
                .arg(seconds)
                .arg(rounds),
            num(mg, 3) + QStringLiteral(" s"));
        row(QStringLiteral("2i"),
            QStringLiteral("GUI over HTTPS ÷ the bare QNAM loop over HTTPS, median of the %1 rounds' ratios "
                           "(2h ÷ 2f: %2)")
                .arg(guiRatios.size())
                .arg(num(mg / ml, 2)),
            median(guiRatios), 2, QStringLiteral("×"), 2.0, true);
    }
    note(QStringLiteral("HTTPS ratio runs (CPU s per 1,000 requests): %1")
             .arg(details.join(QStringLiteral("; "))));
}

int httpsRatio(const QString& bin, const QString& guiBin) {
    constexpr int kRounds = 5;
    constexpr int kSeconds = 25;
    if (tlsDir().isEmpty()) {
        rowNotMeasured(QStringLiteral("2g"), QStringLiteral("`watch` over HTTPS vs the bare QNAM loop"),
                       QStringLiteral("≤ 1.4×"), QStringLiteral("no test PKI (BENCH_TLS_DIR)"));
        return 0;
    }
    auto emulator = startEmulator(true);
    if (!emulator)
        return 1;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), demoId()); // environment, never argv
    env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), demoKey());
    env.insert(QStringLiteral("SSL_CERT_FILE"), tlsDir() + QStringLiteral("/ca.pem"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QTemporaryDir data; // the watch and GUI runs record history here, not in the populated store
    env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    // Runs one child to its end; returns its CPU per 1,000 requests (-1 when it failed) and fills `detail`.
    auto measure = [&](const QString& program, const QStringList& args, QString* detail) -> double {
        QProcess child;
        child.setProcessEnvironment(env);
        child.setStandardOutputFile(QProcess::nullDevice());
        child.setStandardErrorFile(QProcess::nullDevice());
        const int requests0 = emulator->stats().requests;
        const double cpu0 = rusageSeconds(RUSAGE_CHILDREN);
        child.start(program, args);
        if (!child.waitForStarted(10000)) {
            *detail = child.errorString();
            return -1;
        }
        runUntil([&] { return child.state() == QProcess::NotRunning; }, (kSeconds + 20) * 1000);
        if (child.state() != QProcess::NotRunning) {
            child.kill();
            child.waitForFinished(5000);
        }
        const double cpu = rusageSeconds(RUSAGE_CHILDREN) - cpu0;
        const int requests = emulator->stats().requests - requests0;
        *detail = QStringLiteral("%1 s CPU / %2 requests").arg(num(cpu, 2)).arg(requests);
        return requests > 0 ? cpu / requests * 1000.0 : -1;
    };
    QStringList watchArgs{QStringLiteral("watch"),      QStringLiteral("--interval"),
                          QStringLiteral("5"),          QStringLiteral("--json"),
                          QStringLiteral("--timeout"),  QString::number(kSeconds),
                          QStringLiteral("--endpoint"), emulator->url(),
                          QStringLiteral("--region"),   kRegion};
    for (int i = 0; i < kBacklogTasks; ++i)
        watchArgs << taskId('c', i);
    const QString self = QCoreApplication::applicationFilePath();
    std::vector<double> watch, loop, gui;
    std::vector<double> watchRatios, guiRatios; // per round: each side ÷ the loop of the same round
    QStringList details;
    for (int round = 1; round <= kRounds; ++round) {
        QString d1, d2, d3;
        double w = -1, l = -1, g = -1;
        // The order turns each round (watch, loop, GUI; loop, GUI, watch; …): a drift of the machine over the
        // run (another process, the CPU's clock) falls on every side alike instead of on whoever runs first.
        for (int i = 0; i < 3; ++i) {
            switch ((round - 1 + i) % 3) {
            case 0:
                w = measure(bin, watchArgs, &d1);
                break;
            case 1:
                l = measure(self, {QStringLiteral("qnam-loop"), emulator->url(), QString::number(kSeconds)},
                            &d2);
                break;
            default:
                if (!guiBin.isEmpty())
                    g = measure(guiBin, {QStringLiteral("cpu"), emulator->url(), QString::number(kSeconds)},
                                &d3);
            }
        }
        if (w > 0)
            watch.push_back(w);
        if (l > 0)
            loop.push_back(l);
        if (g > 0)
            gui.push_back(g);
        if (w > 0 && l > 0)
            watchRatios.push_back(w / l);
        if (g > 0 && l > 0)
            guiRatios.push_back(g / l);
        details << QStringLiteral("round %1: watch %2 (%3), loop %4 (%5)%6; watch ÷ loop %7")
                       .arg(round)
                       .arg(num(w, 3), d1, num(l, 3), d2)
                       .arg(guiBin.isEmpty() ? QString() : QStringLiteral(", GUI %1 (%2)").arg(num(g, 3), d3))
                       .arg(w > 0 && l > 0 ? num(w / l, 2) : QStringLiteral("—"));
        progress(details.last());
    }
    reportHttpsRatios(watch, loop, gui, watchRatios, guiRatios, details, kRounds, kSeconds);
    return 0;
}

// -------------------------------------------------------------------------------------------------- stall

int stall(const QString& externalUrl) {
    constexpr int kRunMs = 10000;
    std::unique_ptr<sim::Emulator> emulator;
    QString url = externalUrl;
    if (url.isEmpty()) {
        emulator = startEmulator();
        if (!emulator)
            return 1;
        url = emulator->url();
    }
    auto board = makeBoard(url, nullptr);
    TaskBoard& session = *board;
    int polls = 0;
    QObject::connect(session.poller(QStringLiteral("default"))->scheduler(), &PollScheduler::polled,
                     [&](const PollOutcome&) { ++polls; });
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < kStallTasks; ++i)
        session.addIds({taskId(externalUrl.isEmpty() ? 'd' : 'e', i)});
    const double addMs = double(t.nsecsElapsed()) / 1e6;
    StallMeter meter;
    meter.start();
    runFor(kRunMs);
    meter.stop();
    const QString where = externalUrl.isEmpty()
                              ? QStringLiteral("emulator in-process (shares the event loop)")
                              : QStringLiteral("emulator in a separate process");
    row(externalUrl.isEmpty() ? QStringLiteral("6a") : QStringLiteral("6b"),
        QStringLiteral("longest event-loop stall, headless TaskBoard polling %L1 tasks, %2, %3 s")
            .arg(kStallTasks)
            .arg(where)
            .arg(kRunMs / 1000),
        meter.maxGapMs(), 1, QStringLiteral("ms"), 16, true, busyWhy(meter));
    note(QStringLiteral(
             "stall (%1): adding %L2 tasks took %3 ms (one synchronous batch, before the measurement); "
             "%4 results in %5 s; %6")
             .arg(where)
             .arg(kStallTasks)
             .arg(num(addMs, 1))
             .arg(polls)
             .arg(kRunMs / 1000)
             .arg(meter.summary()));
    return 0;
}

// The same meter with nothing to do: what the machine itself (scheduler, other load) costs.
int stallIdle() {
    constexpr int kRunMs = 5000;
    StallMeter meter;
    meter.start();
    runFor(kRunMs);
    meter.stop();
    rowInfo(
        QStringLiteral("6d"),
        QStringLiteral(
            "baseline: longest gap of the same 1 ms timer in an idle event loop, %1 s (machine noise)")
            .arg(kRunMs / 1000),
        num(meter.maxGapMs(), 1) +
            QStringLiteral(" ms (%1 gaps > 5 ms, %2 > 16 ms; the longest gap less its wait for a CPU: %3 ms)")
                .arg(meter.over5())
                .arg(meter.over16())
                .arg(num(meter.maxNetMs(), 1)));
    return 0;
}

// ---------------------------------------------------------------------------------------- real GUI RSS

int guiReal(const QString& bin) {
    constexpr int kRunMs = 4000;
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    gui.setProcessEnvironment(env);
    gui.setStandardOutputFile(QProcess::nullDevice());
    gui.setStandardErrorFile(QProcess::nullDevice());
    gui.start(bin, {});
    if (!gui.waitForStarted(10000)) {
        rowNotMeasured(QStringLiteral("3b"), QStringLiteral("peak RSS, real `cdb-taskwatch` GUI"),
                       QStringLiteral("≤ 100 MB"), gui.errorString());
        return 0;
    }
    const qint64 pid = gui.processId();
    qint64 hwm = -1;
    bool opensStore = false;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        if (const qint64 kb = procStatusKb(pid, "VmHWM"); kb > 0)
            hwm = kb;
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        for (const QFileInfo& fd : fds.entryInfoList(QDir::System | QDir::Files | QDir::NoDotAndDotDot)) {
            if (fd.symLinkTarget().endsWith(QLatin1String("history.sqlite")))
                opensStore = true;
        }
    });
    sampler.start(250);
    runUntil([&] { return gui.state() == QProcess::NotRunning; }, kRunMs);
    sampler.stop();
    const bool exitedEarly = gui.state() == QProcess::NotRunning;
    gui.terminate();
    if (!gui.waitForFinished(3000)) {
        gui.kill();
        gui.waitForFinished(3000);
    }
    if (hwm <= 0) {
        rowNotMeasured(QStringLiteral("3b"), QStringLiteral("peak RSS, real `cdb-taskwatch` GUI"),
                       QStringLiteral("≤ 100 MB"),
                       exitedEarly ? QStringLiteral("it exited at once") : QStringLiteral("no /proc status"));
        return 0;
    }
    row(QStringLiteral("3b"),
        opensStore
            ? QStringLiteral("peak RSS (VmHWM), real `cdb-taskwatch` GUI offscreen for %1 s; it opened the "
                             "populated store")
                  .arg(kRunMs / 1000)
            : QStringLiteral("peak RSS (VmHWM), real `cdb-taskwatch` GUI offscreen for %1 s — it did NOT "
                             "hold the populated store open while sampled")
                  .arg(kRunMs / 1000),
        double(hwm) * 1024.0 / 1e6, 1, QStringLiteral("MB"), 100, true);
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    // The same names as app/main.cpp, so that TaskStore::defaultPath() is the application's.
    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch"));
    QCoreApplication::setApplicationName(QStringLiteral("cdb-taskwatch"));
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == QLatin1String("populate"))
        return populate();
    if (mode == QLatin1String("loadtasks"))
        return loadTasks();
    if (mode == QLatin1String("csv") && args.size() > 2)
        return csv(args.at(2));
    if (mode == QLatin1String("signparse"))
        return signParse();
    if (mode == QLatin1String("rate"))
        return rate();
    if (mode == QLatin1String("adaptive"))
        return adaptive();
    if (mode == QLatin1String("listing") && args.size() > 2)
        return listingRuns(args.at(2));
    if (mode == QLatin1String("watch-cpu") && args.size() > 2)
        return watchCpu(args.at(2), args.value(3) == QLatin1String("https"));
    if (mode == QLatin1String("qnam-loop") && args.size() > 3)
        return qnamLoop(args.at(2), args.at(3).toInt());
    if (mode == QLatin1String("https-ratio") && args.size() > 2)
        return httpsRatio(args.at(2), args.value(3));
    if (mode == QLatin1String("stall-inproc"))
        return stall({});
    if (mode == QLatin1String("qnam-floor") && args.size() > 2)
        return qnamFloor(args.at(2));
    if (mode == QLatin1String("stall-idle"))
        return stallIdle();
    if (mode == QLatin1String("stall-ext") && args.size() > 2)
        return stall(args.at(2));
    if (mode == QLatin1String("gui-real") && args.size() > 2)
        return guiReal(args.at(2));
    if (mode == QLatin1String("pacing-runs") && args.size() > 2)
        return pacingRuns(args.at(2), args.size() > 3 && args.at(3) == QLatin1String("h2"));
    std::fprintf(
        stderr,
        "usage: %s populate|loadtasks|csv BIN|signparse|rate|adaptive|listing BIN|watch-cpu "
        "BIN [https]|https-ratio BIN [GUIBIN]|qnam-loop URL SECONDS|stall-inproc|stall-idle|qnam-floor URL|"
        "stall-ext URL|gui-real BIN|pacing-runs BIN [h2]\n",
        argv[0]);
    return 2;
}
