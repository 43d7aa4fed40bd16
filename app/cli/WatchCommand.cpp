#include "WatchCommand.h"

#include "CliCommon.h"
#include "CredentialStore.h"
#include "ErrorCatalog.h"
#include "Language.h"
#include "Regions.h"
#include "SafeText.h"
#include "TaskIdExtractor.h"
#include "TaskStore.h"
#include "WatchSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <memory>

namespace taskwatch::cli {

namespace {
QString isoMs(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue optionalJson(const std::optional<QString>& v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString jsonLine(const TaskState& s) {
    QJsonObject o;
    o.insert(QStringLiteral("time"),
             isoMs(s.lastCheckedAt.isValid() ? s.lastCheckedAt : QDateTime::currentDateTimeUtc()));
    o.insert(QStringLiteral("id"), s.id);
    o.insert(QStringLiteral("region"), s.region);
    o.insert(QStringLiteral("status"), optionalJson(s.status));
    o.insert(QStringLiteral("info"), optionalJson(s.info));
    o.insert(QStringLiteral("requestId"),
             s.requestId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.requestId));
    if (s.errorCode.isEmpty()) {
        o.insert(QStringLiteral("error"), QJsonValue(QJsonValue::Null));
    } else {
        QJsonObject e;
        e.insert(QStringLiteral("code"), s.errorCode);
        e.insert(QStringLiteral("message"), s.errorMessage);
        o.insert(QStringLiteral("error"), e);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString textLine(const TaskState& s) {
    const QString time = isoMs(s.lastCheckedAt.isValid() ? s.lastCheckedAt : QDateTime::currentDateTimeUtc());
    QString what;
    if (!s.errorCode.isEmpty()) {
        what = QStringLiteral("%1 %2: %3")
                   .arg(s.phase == TaskPhase::Retrying ? tr("RETRYING") : tr("ERROR"), s.errorCode,
                        SafeText::singleLine(s.errorMessage, 500));
    } else {
        // One-pass arg(): server text is never format-interpreted.
        what = QStringLiteral("%1 %2").arg(
            (s.status ? SafeText::singleLine(*s.status, 40) : tr("(no status)")).leftJustified(10),
            s.info ? SafeText::singleLine(*s.info, 500) : QString());
    }
    QString line =
        QStringLiteral("%1  %2  %3  %4").arg(time, s.id.leftJustified(36), s.region.leftJustified(14), what);
    if (!s.requestId.isEmpty())
        line += QStringLiteral("  [RequestId %1]").arg(s.requestId);
    return line.trimmed();
}

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
        "permanently; 2 usage error; 3 no credentials or the server rejected them; 4 --timeout reached."));
    parser.addHelpOption();
    const QCommandLineOption regionOpt(
        QStringLiteral("region"),
        tr("Region of the tasks, e.g. ap-guangzhou. Default: $TENCENTCLOUD_REGION, "
           "then the profile's region."),
        tr("REGION"));
    const QCommandLineOption endpointOpt(
        QStringLiteral("endpoint"),
        tr("API endpoint. Default: the profile's, else "
           "https://cdb.intl.tencentcloudapi.com. Plain http only for loopback."),
        tr("URL"));
    const QCommandLineOption idsFromOpt(
        QStringLiteral("ids-from"),
        tr("Read task ids from FILE (or standard input for -): any text, ids are "
           "extracted."),
        tr("FILE|-"));
    const QCommandLineOption intervalOpt(
        QStringLiteral("interval"), tr("Minimum seconds between two polls of the same task (default 5)."),
        tr("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption timeoutOpt(
        QStringLiteral("timeout"), tr("Give up after SECONDS with exit status 4 (default: wait forever)."),
        tr("SECONDS"));
    const QCommandLineOption maxRateOpt(
        QStringLiteral("max-rate"),
        tr("At most N requests per second for the credential, 1 to 40 (default 40)."), tr("N"),
        QStringLiteral("40"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("One JSON object per line."));
    const QCommandLineOption profileOpt(
        QStringLiteral("profile"), tr("Keychain profile to use when no TENCENTCLOUD_SECRET_ID/KEY are set."),
        tr("NAME"));
    const QCommandLineOption noHistoryOpt(QStringLiteral("no-history"),
                                          tr("Do not record the changes in the history."));
    parser.addOptions({regionOpt, endpointOpt, idsFromOpt, intervalOpt, timeoutOpt, maxRateOpt, jsonOpt,
                       profileOpt, noHistoryOpt});
    parser.addPositionalArgument(QStringLiteral("ID"),
                                 tr("Task ids (AsyncRequestId), or any text containing them."),
                                 QStringLiteral("[ID ...]"));
    if (const int rc = parseOrExit(parser, arguments, QStringLiteral("watch")); rc >= 0)
        return rc;

    // Options.
    bool ok = false;
    const double interval = parser.value(intervalOpt).toDouble(&ok);
    if (!ok || interval < 0.1 || interval > 86400) {
        printErr(tr("--interval must be a number of seconds from 0.1 to 86400."));
        return ExitUsage;
    }
    const int maxRate = parser.value(maxRateOpt).toInt(&ok);
    if (!ok || maxRate < 1 || maxRate > 40) {
        printErr(tr("--max-rate must be a whole number from 1 to 40."));
        return ExitUsage;
    }
    double timeout = 0;
    if (parser.isSet(timeoutOpt)) {
        timeout = parser.value(timeoutOpt).toDouble(&ok);
        if (!ok || timeout <= 0) {
            printErr(tr("--timeout must be a positive number of seconds."));
            return ExitUsage;
        }
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
    if (extracted.ids.isEmpty()) {
        printErr(tr("No task ids given. Pass ids as arguments or with --ids-from FILE|-."));
        return ExitUsage;
    }

    // Credentials, region, endpoint: environment first, then the keychain profile.
    CredentialStore credentials;
    const CredentialStore::Resolved resolved = credentials.resolve(parser.value(profileOpt));
    QString region = parser.value(regionOpt);
    if (region.isEmpty())
        region = qEnvironmentVariable("TENCENTCLOUD_REGION");
    if (region.isEmpty())
        region = resolved.region;
    if (region.isEmpty()) {
        printErr(tr("No region: pass --region (e.g. ap-guangzhou) or set TENCENTCLOUD_REGION."));
        return ExitUsage;
    }
    if (!Regions::isWellFormed(region)) {
        printErr(tr("Not a region id: %1 (expected something like ap-guangzhou).")
                     .arg(SafeText::singleLine(region, 80)));
        return ExitUsage;
    }
    QString endpointText = parser.value(endpointOpt);
    if (endpointText.isEmpty())
        endpointText = resolved.endpoint;
    if (endpointText.isEmpty())
        endpointText = QString::fromLatin1(ApiClient::kDefaultEndpoint);
    const QUrl endpointUrl(endpointText);
    if (const QString why = ApiClient::validateEndpoint(endpointUrl); !why.isEmpty()) {
        printErr(why);
        return ExitUsage;
    }
    if (!resolved.credential.isComplete()) {
        printErr(resolved.status.message.isEmpty() ? tr("No credentials: set TENCENTCLOUD_SECRET_ID and "
                                                        "TENCENTCLOUD_SECRET_KEY, or store a profile "
                                                        "with 'cdb-taskwatch credentials set'.")
                                                   : resolved.status.message);
        return ExitCredentials;
    }

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

    SessionConfig config;
    config.endpoint.url = endpointUrl;
    config.endpoint.language = Language::apiLanguage();
    config.credential = resolved.credential;
    config.profile = resolved.profile;
    config.defaultRegion = region;
    config.poll.maxRate = maxRate;
    config.poll.minIntervalMs = int(interval * 1000);
    WatchSession session(config, store.get());
    if (!session.pacingWarning().isEmpty())
        printErr(tr("warning: %1").arg(session.pacingWarning()));
    PollScheduler* scheduler = session.scheduler();
    const bool json = parser.isSet(jsonOpt);

    int exitCode = -1;
    auto finish = [&](int code) {
        if (exitCode < 0) {
            exitCode = code;
            QCoreApplication::exit(code);
        }
    };
    QObject::connect(scheduler, &PollScheduler::taskUpdated, [&](const TaskState& s, bool observedChange) {
        if (observedChange)
            printOut(json ? jsonLine(s) : textLine(s));
    });
    QObject::connect(&session, &WatchSession::storeFailed,
                     [](const QString& message) { printErr(tr("warning: history: %1").arg(message)); });
    QObject::connect(scheduler, &PollScheduler::clockCorrected, [](qint64 offset) {
        printErr(tr("Your clock differs from the server's by %1 s (corrected).").arg(offset));
    });
    QObject::connect(scheduler, &PollScheduler::authFailed, [&](const QString& code, const QString& message) {
        const ErrorDescription d = ErrorCatalog::describe(code);
        printErr(
            tr("The server rejected the credentials (%1): %2").arg(code, SafeText::singleLine(message, 500)));
        printErr(QStringLiteral("%1 %2").arg(d.meaning, d.hint));
        finish(ExitCredentials);
    });
    QObject::connect(scheduler, &PollScheduler::allDone, [&] {
        bool failed = false;
        for (const QString& id : scheduler->taskIds())
            failed = failed || permanentFailure(*scheduler->task(id));
        finish(failed ? ExitTaskFailed : ExitOk);
    });
    QTimer timeoutTimer;
    timeoutTimer.setSingleShot(true);
    QObject::connect(&timeoutTimer, &QTimer::timeout, [&] {
        printErr(tr("Timed out after %1 s with %2 task(s) unfinished.")
                     .arg(timeout)
                     .arg(scheduler->activeCount()));
        finish(ExitTimeout);
    });
    if (timeout > 0)
        timeoutTimer.start(int(std::min(timeout * 1000, 2e9)));

    for (const QString& id : extracted.ids)
        session.addTask(id, region);
    const int rc = QCoreApplication::exec();
    return exitCode >= 0 ? exitCode : rc;
}

} // namespace taskwatch::cli
