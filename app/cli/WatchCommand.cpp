#include "WatchCommand.h"

#include "CliCommon.h"
#include "Language.h"
#include "SignalWatcher.h"
#include "TaskBoard.h"
#include "WatchOutput.h"
#include "accounts/RunSettings.h"
#include "api/ErrorCatalog.h"
#include "api/Regions.h"
#include "discovery/DiscoveryRequest.h"
#include "history/TaskStore.h"
#include "task/HistoryEntry.h"
#include "task/SafeText.h"
#include "task/TaskIdExtractor.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>
#include <memory>

namespace taskwatch::cli {

namespace {
bool permanentFailure(const TaskState& s) {
    if (s.phase == TaskPhase::Stopped)
        return true;
    return s.phase == TaskPhase::Finished &&
           s.status != std::optional<QString>(QString::fromLatin1(TaskStatus::Success));
}
} // namespace

int runWatch(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Polls TencentDB for MySQL asynchronous tasks (DescribeAsyncRequestInfo) until every one has "
        "finished, "
        "printing one line per observed change of a task.\n\n"
        "Exit status: 0 every task ended SUCCESS; 1 at least one ended FAILED, KILLED or REMOVED, or failed "
        "permanently; 2 usage error; 3 no credentials or the server rejected them; 4 --timeout reached; "
        "130/143 stopped by SIGINT/SIGTERM (a summary of the tasks is printed on standard error).\n\n"
        "With --discover, the account's unfinished tasks (DescribeTasks) in every --region are watched too, "
        "without pasting ids; --follow keeps discovering new ones every 60 s."));
    parser.addHelpOption();
    const QCommandLineOption regionOpt(
        QStringLiteral("region"),
        tr("Region of the tasks, e.g. ap-guangzhou. Default: $TENCENTCLOUD_REGION, "
           "then the profile's region. With --discover it may be given several times."),
        tr("REGION"));
    const QCommandLineOption endpointOpt = endpointOption();
    const QCommandLineOption idsFromOpt(
        QStringLiteral("ids-from"),
        tr("Read task ids from FILE (or standard input for -): any text, ids are "
           "extracted."),
        tr("FILE|-"));
    const QCommandLineOption intervalOpt(
        QStringLiteral("interval"), tr("Minimum seconds between two polls of the same task (default 5)."),
        tr("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption maxIntervalOpt(
        QStringLiteral("max-interval"),
        tr("Longest time between two polls of a task that has not changed for a while: it is polled every "
           "tenth of its quiet time, from --interval up to SECONDS (default 15)."),
        tr("SECONDS"), QStringLiteral("15"));
    const QCommandLineOption timeoutOpt(
        QStringLiteral("timeout"), tr("Give up after SECONDS with exit status 4 (default: wait forever)."),
        tr("SECONDS"));
    const QCommandLineOption maxRateOpt(
        QStringLiteral("max-rate"),
        tr("At most N requests per second for the credential, 1 to 40 (default 40)."), tr("N"),
        QStringLiteral("40"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("One JSON object per line."));
    const QCommandLineOption profileOpt = profileOption();
    const QCommandLineOption noHistoryOpt(QStringLiteral("no-history"),
                                          tr("Do not record the changes in the history."));
    const QCommandLineOption discoverOpt(
        QStringLiteral("discover"),
        tr("Also watch every unfinished task of the account in the regions (DescribeTasks)."));
    const QCommandLineOption sinceOpt(
        QStringLiteral("since"),
        tr("With --discover: tasks started since WHEN, a duration (90m, 24h, 7d) or an ISO-8601 time "
           "(default 24h)."),
        tr("WHEN"), QString::fromLatin1(Discovery::kDefaultSince));
    const QCommandLineOption followOpt(QStringLiteral("follow"),
                                       tr("With --discover: keep discovering new tasks every 60 s (until "
                                          "--timeout or a signal)."));
    parser.addOptions({regionOpt, endpointOpt, idsFromOpt, intervalOpt, maxIntervalOpt, timeoutOpt,
                       maxRateOpt, jsonOpt, profileOpt, noHistoryOpt, discoverOpt, sinceOpt, followOpt});
    parser.addPositionalArgument(QStringLiteral("ID"),
                                 tr("Task ids (AsyncRequestId), or any text containing them."),
                                 QStringLiteral("[ID ...]"));
    if (const int rc = parseOrExit(parser, arguments, QStringLiteral("watch")); rc >= 0)
        return rc;

    // Options.
    // nan, inf and out-of-range values are usage errors (never a silently disabled interval or timeout).
    bool ok = false;
    double interval = 0;
    if (!parseNumber(parser.value(intervalOpt), 0.1, 86400, &interval)) {
        printErr(tr("--interval must be a number of seconds from 0.1 to 86400."));
        return ExitUsage;
    }
    double maxInterval = 0;
    if (!parseNumber(parser.value(maxIntervalOpt), 0.1, 86400, &maxInterval)) {
        printErr(tr("--max-interval must be a number of seconds from 0.1 to 86400."));
        return ExitUsage;
    }
    const int maxRate = parser.value(maxRateOpt).trimmed().toInt(&ok);
    if (!ok || maxRate < 1 || maxRate > 40) {
        printErr(tr("--max-rate must be a whole number from 1 to 40."));
        return ExitUsage;
    }
    constexpr double kMaxTimeoutSecs = 2000000; // about 23 days: within what a timer can wait
    double timeout = 0;
    if (parser.isSet(timeoutOpt)) {
        if (!parseNumber(parser.value(timeoutOpt), 0, kMaxTimeoutSecs, &timeout) || timeout <= 0) {
            printErr(tr("--timeout must be a number of seconds greater than 0 and at most %1.")
                         .arg(kMaxTimeoutSecs, 0, 'f', 0));
            return ExitUsage;
        }
    }

    const bool discover = parser.isSet(discoverOpt);
    if (!discover && (parser.isSet(followOpt) || parser.isSet(sinceOpt))) {
        printErr(tr("--follow and --since go with --discover."));
        return ExitUsage;
    }
    const std::optional<QDateTime> since =
        Discovery::parseSince(parser.value(sinceOpt), QDateTime::currentDateTimeUtc());
    if (discover && !since) {
        printErr(tr("--since must be a duration such as 90m, 24h or 7d, or an ISO-8601 time in the past."));
        return ExitUsage;
    }
    QStringList regions;
    if (!collectRegions(parser.values(regionOpt), &regions))
        return ExitUsage;
    if (regions.size() > 1 && !discover) {
        printErr(tr("--region may be given several times only with --discover."));
        return ExitUsage;
    }

    // Ids.
    QString text = parser.positionalArguments().join(QLatin1Char('\n'));
    if (parser.isSet(idsFromOpt)) {
        QString fileText, error;
        if (!readText(parser.value(idsFromOpt), &fileText, &error)) {
            printErr(error);
            return ExitUsage;
        }
        text += QLatin1Char('\n') + fileText;
    }
    const ExtractedIds extracted = TaskIdExtractor::extract(text);
    if (extracted.unrecognisedLineCount > 0 && !parser.positionalArguments().isEmpty()) {
        for (const QString& arg : parser.positionalArguments()) {
            if (TaskIdExtractor::extract(arg).ids.isEmpty())
                printErr(tr("warning: not a task id: %1").arg(SafeText::singleLine(arg, 80)));
        }
    }
    if (extracted.ids.isEmpty() && !discover) {
        printErr(
            tr("No task ids given. Pass ids as arguments or with --ids-from FILE|-, or use --discover."));
        return ExitUsage;
    }

    // Credentials, profile, region, endpoint: one resolution for watch, list and the GUI (RunSettings).
    RunSettings settings;
    if (const int rc =
            resolveSettings(parser.value(profileOpt), regions.value(0), parser.value(endpointOpt), &settings);
        rc >= 0)
        return rc;
    const QString region = settings.region;
    if (regions.isEmpty())
        regions.append(region);

    // History.
    std::unique_ptr<TaskStore> store;
    if (!parser.isSet(noHistoryOpt)) {
        store = std::make_unique<TaskStore>();
        if (!store->open()) {
            printErr(tr("warning: history disabled: %1").arg(store->lastError()));
            store.reset();
        } else if (!store->recoveryMessage().isEmpty()) {
            printErr(tr("warning: %1").arg(store->recoveryMessage()));
        }
    }

    PollOptions poll;
    poll.maxRate = maxRate;
    poll.minIntervalMs = int(interval * 1000);
    poll.maxIntervalMs = int(maxInterval * 1000); // at or below --interval: a fixed interval
    TaskBoard board(store.get(), poll);
    board.setDefaultProfile(settings.profile);
    board.setAccount(settings.profile, settings.account(Language::apiLanguage()));
    if (const QString warning = board.accountStatus(settings.profile).pacingWarning; !warning.isEmpty())
        printErr(tr("warning: %1").arg(warning));
    const bool json = parser.isSet(jsonOpt);

    int exitCode = -1;
    bool stopping = false; // a signal or the timeout: nothing more is printed per change
    auto finish = [&](int code) {
        if (exitCode < 0) {
            exitCode = code;
            QCoreApplication::exit(code);
        }
    };
    auto allTasks = [&] {
        QList<TaskState> tasks;
        for (const QString& key : board.keys())
            tasks.append(*board.task(key));
        return tasks;
    };
    // Stops polling, prints what was reached (stderr; one JSON object in --json mode) and exits with `code`.
    auto stopWithSummary = [&](int code, const QString& reason, const QString& headline) {
        if (exitCode >= 0 || stopping)
            return;
        board.setPaused(true);
        board.flush(TaskBoard::FlushMode::All); // every change printed so far, and the last checks, written
        stopping = true;
        const QList<TaskState> tasks = allTasks();
        if (json) {
            printErr(WatchOutput::summaryJson(tasks, reason, code));
        } else {
            printErr(headline);
            for (const QString& line : WatchOutput::summaryText(tasks))
                printErr(line);
        }
        finish(code);
    };
    // Printed once the board has committed the batch to the history.
    QObject::connect(&board, &TaskBoard::changesObserved, [&](const QList<HistoryEntry>& entries) {
        if (stopping)
            return;
        for (const HistoryEntry& e : entries) {
            TaskState s;
            if (const TaskState* now = board.task(taskKey(e.profile, e.taskId)))
                s.phase = now->phase;
            s.id = e.taskId;
            s.region = e.region;
            s.lastCheckedAt = e.observedAt;
            s.status = e.status;
            s.info = e.info;
            s.requestId = e.requestId;
            s.errorCode = e.errorCode;
            s.errorMessage = e.errorMessage;
            printOut(json ? WatchOutput::jsonLine(s) : WatchOutput::textLine(s));
        }
    });
    QObject::connect(&board, &TaskBoard::storeFailed, [](const QString& message) {
        printErr(tr("warning: history: %1").arg(SafeText::singleLine(message, 500)));
    });
    QObject::connect(&board, &TaskBoard::clockCorrected, [](const QString&, qint64 offset) {
        printErr(tr("Your clock differs from the server's by %1 s (corrected).").arg(offset));
    });
    QObject::connect(
        &board, &TaskBoard::authFailed, [&](const QString&, const QString& code, const QString& message) {
            const ErrorDescription d = ErrorCatalog::describe(code);
            printErr(tr("The server rejected the credentials (%1): %2")
                         .arg(SafeText::singleLine(code, 100), SafeText::singleLine(message, 500)));
            printErr(QStringLiteral("%1 %2").arg(d.meaning, d.hint));
            finish(ExitCredentials);
        });
    // With --discover, the end is decided only once every region was listed (and never while following).
    int regionsListing = discover ? int(regions.size()) : 0;
    bool discoveryDenied = false;
    const auto finishIfDone = [&] {
        if (regionsListing > 0 || parser.isSet(followOpt) || board.activeCount() > 0)
            return;
        if (board.count() == 0) {
            printErr(discoveryDenied ? tr("No task to watch: discovery is not permitted for this account.")
                                     : tr("No unfinished task found."));
            finish(discoveryDenied ? ExitCredentials : ExitOk);
            return;
        }
        bool failed = false;
        for (const QString& key : board.keys())
            failed = failed || permanentFailure(*board.task(key));
        finish(failed ? ExitTaskFailed : ExitOk);
    };
    QObject::connect(&board, &TaskBoard::allDone, finishIfDone);
    QObject::connect(
        &board, &TaskBoard::discoveryFinished,
        [&](const QString&, const QString& listed, int found, int added, int, const QString& warning) {
            if (!warning.isEmpty())
                printErr(tr("warning: %1: %2").arg(listed, SafeText::singleLine(warning, 500)));
            if (!json && added > 0)
                printErr(tr("Discovered %1 unfinished task(s) in %2 (%3 listed).")
                             .arg(QString::number(added), listed, QString::number(found)));
            if (regionsListing > 0 && --regionsListing == 0)
                finishIfDone();
        });
    QObject::connect(&board, &TaskBoard::discoveryFailed,
                     [&](const QString&, const QString& failedRegion, TaskBoard::DiscoveryFailure kind,
                         const QString& message) {
                         printErr(SafeText::singleLine(message, 800));
                         if (kind == TaskBoard::DiscoveryFailure::PermissionDenied ||
                             kind == TaskBoard::DiscoveryFailure::AuthRejected)
                             discoveryDenied = true;
                         Q_UNUSED(failedRegion);
                         if (regionsListing > 0 && --regionsListing == 0)
                             finishIfDone();
                     });
    QTimer timeoutTimer;
    timeoutTimer.setSingleShot(true);
    QObject::connect(&timeoutTimer, &QTimer::timeout, [&] {
        stopWithSummary(ExitTimeout, QStringLiteral("timeout"),
                        tr("Timed out after %1 s with %2 task(s) unfinished.")
                            .arg(QString::number(timeout), QString::number(board.activeCount())));
    });
    if (timeout > 0)
        timeoutTimer.start(int(std::min(timeout * 1000, 2e9)));

    // Ctrl-C / kill: stop polling, summarise, exit 128 + N (130, 143).
    SignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &SignalWatcher::received, [&](int signalNumber) {
        stopWithSummary(ExitSignalBase + signalNumber, SignalWatcher::name(signalNumber),
                        tr("Interrupted by %1: stopped polling.").arg(SignalWatcher::name(signalNumber)));
    });

    for (const QString& r : std::as_const(regions)) {
        if (!Regions::isKnown(r)) // still sent: a region newer than our list may be valid
            printErr(tr("warning: %1 is not a known cdb region (known: %2); it is used anyway.")
                         .arg(SafeText::singleLine(r, 80), Regions::cdb().join(QStringLiteral(", "))));
    }
    if (!extracted.ids.isEmpty()) {
        if (!json)
            printErr(WatchOutput::startLine(int(extracted.ids.size()), region));
        board.addIds(extracted.ids, settings.profile, region);
    }
    if (discover) {
        if (!json)
            printErr(
                tr("Discovering unfinished tasks in %1 started since %2.")
                    .arg(regions.join(QStringLiteral(", ")), since->toLocalTime().toString(Qt::ISODate)));
        DiscoveryRequest request;
        request.profile = settings.profile;
        request.regions = regions;
        request.query.since = *since;
        request.query.onlyUnfinished = true;
        request.follow = parser.isSet(followOpt);
        board.discover(request);
    }
    const int rc = QCoreApplication::exec();
    return exitCode >= 0 ? exitCode : rc;
}

} // namespace taskwatch::cli
