#include "ListCommand.h"

#include "CliCommon.h"
#include "Language.h"
#include "accounts/RunSettings.h"
#include "discovery/Discovery.h"
#include "discovery/DiscoveryClient.h"
#include "pacing/SharedBudget.h"
#include "task/DiscoveryFacts.h"
#include "task/SafeText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <algorithm>

namespace taskwatch::cli {

namespace {
QJsonValue isoOrNull(const QDateTime& t) {
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

// The JSON contract of `list --json` (README): one object per task.
QByteArray itemJson(const Discovery::Item& item) {
    const DiscoveryFacts& f = item.facts;
    QJsonObject o;
    o.insert(QStringLiteral("id"), item.hasAsyncRequestId() ? QJsonValue(item.id) : QJsonValue());
    o.insert(QStringLiteral("jobId"), f.jobId);
    o.insert(QStringLiteral("region"), item.region);
    o.insert(QStringLiteral("instanceIds"), QJsonArray::fromStringList(f.instanceIds));
    o.insert(QStringLiteral("instanceName"),
             f.instanceName.isEmpty() ? QJsonValue() : QJsonValue(f.instanceName));
    o.insert(QStringLiteral("type"), f.taskType);
    o.insert(QStringLiteral("status"), f.status ? QJsonValue(*f.status) : QJsonValue());
    o.insert(QStringLiteral("progress"), f.progress ? QJsonValue(*f.progress) : QJsonValue());
    o.insert(QStringLiteral("startTime"), isoOrNull(f.startedAt));
    o.insert(QStringLiteral("endTime"), isoOrNull(f.endedAt));
    o.insert(QStringLiteral("code"), f.taskCode);
    o.insert(QStringLiteral("message"), f.taskMessage.isEmpty() ? QJsonValue() : QJsonValue(f.taskMessage));
    // QJsonDocument escapes control characters: a hostile Message cannot reach the terminal raw.
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString column(const QString& text, qsizetype width) {
    return text.leftJustified(width, QLatin1Char(' '), true);
}

void printTable(const QList<Discovery::Item>& items) {
    const QStringList header{tr("STARTED"), tr("REGION"), tr("INSTANCE"), tr("TYPE"),
                             tr("STATUS"),  tr("PROG"),   tr("ID")};
    QList<QStringList> rows;
    for (const Discovery::Item& item : items) {
        const DiscoveryFacts& f = item.facts;
        QString instance = f.instanceIds.join(QLatin1Char(','));
        if (!f.instanceName.isEmpty())
            instance = f.instanceName + QStringLiteral(" (") + instance + QLatin1Char(')');
        rows.append({f.startedAt.isValid()
                         ? f.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                         : QStringLiteral("-"),
                     item.region, SafeText::singleLine(instance, 60), SafeText::singleLine(f.taskType, 24),
                     SafeText::singleLine(f.status.value_or(QStringLiteral("-")), 24),
                     f.progress ? QString::number(*f.progress) + QLatin1Char('%') : QStringLiteral("-"),
                     item.hasAsyncRequestId() ? item.id : tr("job %1").arg(f.jobId)});
    }
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < header.size(); ++c) {
        qsizetype w = header.at(c).size();
        for (const QStringList& r : std::as_const(rows))
            w = std::max(w, r.at(c).size());
        widths.append(w);
    }
    const auto line = [&](const QStringList& cells) {
        QStringList out;
        for (qsizetype c = 0; c < cells.size(); ++c)
            out << (c + 1 == cells.size() ? cells.at(c) : column(cells.at(c), widths.at(c)));
        printOut(out.join(QStringLiteral("  ")));
    };
    line(header);
    for (const QStringList& r : std::as_const(rows))
        line(r);
}
} // namespace

int runList(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Lists the account's TencentDB for MySQL tasks (DescribeTasks) in one or more regions, newest first, "
        "with their instance names (DescribeDBInstances).\n\n"
        "Exit status: 0 listed; 1 a region could not be listed (network, server); 2 usage error; 3 no "
        "credentials, the server rejected them, or the account may not call DescribeTasks (CAM)."));
    parser.addHelpOption();
    const QCommandLineOption regionOpt(
        QStringLiteral("region"),
        tr("Region to list, e.g. ap-guangzhou; may be given several times. Default: $TENCENTCLOUD_REGION, "
           "then the profile's region."),
        tr("REGION"));
    const QCommandLineOption sinceOpt(
        QStringLiteral("since"),
        tr("Tasks started since WHEN: a duration (90m, 24h, 7d) or an ISO-8601 time (default 24h)."),
        tr("WHEN"), QString::fromLatin1(Discovery::kDefaultSince));
    const QCommandLineOption instanceOpt(
        QStringLiteral("instance"), tr("Only tasks of this instance (cdb-…); may be repeated."), tr("ID"));
    const QCommandLineOption statusOpt(
        QStringLiteral("status"),
        tr("Only tasks with this status: running (every unfinished task), success, failed, killed, removed, "
           "paused, initial, waiting, undefined; may be repeated."),
        tr("S"));
    const QCommandLineOption typeOpt(QStringLiteral("type"),
                                     tr("Only tasks of this type: the vendor's name (\"MODIFY PARAM\", "
                                        "modify-param) or number (5); may be "
                                        "repeated."),
                                     tr("T"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("One JSON object per task and line."));
    const QCommandLineOption profileOpt = profileOption();
    const QCommandLineOption endpointOpt = endpointOption();
    parser.addOptions(
        {regionOpt, sinceOpt, instanceOpt, statusOpt, typeOpt, jsonOpt, profileOpt, endpointOpt});
    if (const int rc = parseOrExit(parser, arguments, QStringLiteral("list")); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty()) {
        printErr(tr("list takes no arguments (got %1).")
                     .arg(SafeText::singleLine(parser.positionalArguments().first(), 80)));
        return ExitUsage;
    }

    Discovery::Query filters;
    const std::optional<QDateTime> since =
        Discovery::parseSince(parser.value(sinceOpt), QDateTime::currentDateTimeUtc());
    if (!since) {
        printErr(tr("--since must be a duration such as 90m, 24h or 7d, or an ISO-8601 time in the past."));
        return ExitUsage;
    }
    filters.since = *since;
    for (const QString& value : parser.values(instanceOpt)) {
        const QString id = value.trimmed();
        if (id.isEmpty() || id.size() > 128 || id.contains(QLatin1Char(' '))) {
            printErr(tr("Not an instance id: %1").arg(SafeText::singleLine(value, 80)));
            return ExitUsage;
        }
        if (!filters.instanceIds.contains(id))
            filters.instanceIds.append(id);
    }
    for (const QString& value : parser.values(statusOpt)) {
        if (!Discovery::isStatusFilterWord(value)) {
            printErr(tr("Unknown --status %1 (running, success, failed, killed, removed, paused, initial, "
                        "waiting, undefined).")
                         .arg(SafeText::singleLine(value, 40)));
            return ExitUsage;
        }
        filters.statuses.append(value.trimmed());
    }
    for (const QString& value : parser.values(typeOpt)) {
        const std::optional<int> type = Discovery::taskTypeNumber(value);
        if (!type) {
            QStringList known;
            for (const Discovery::TaskTypeInfo& t : Discovery::taskTypes())
                known << QLatin1String(t.vendor);
            printErr(tr("Unknown --type %1 (known: %2).")
                         .arg(SafeText::singleLine(value, 40), known.join(QStringLiteral(", "))));
            return ExitUsage;
        }
        if (!filters.taskTypes.contains(*type))
            filters.taskTypes.append(*type);
    }
    QStringList regions;
    if (!collectRegions(parser.values(regionOpt), &regions))
        return ExitUsage;
    RunSettings settings;
    if (const int rc =
            resolveSettings(parser.value(profileOpt), regions.value(0), parser.value(endpointOpt), &settings);
        rc >= 0)
        return rc;
    if (regions.isEmpty())
        regions.append(settings.region);

    QNetworkAccessManager nam;
    ApiClient client(&nam, settings.account(Language::apiLanguage()).endpoint, settings.credential);
    DiscoveryClient discovery(&client);
    discovery.setBudgets(
        SharedBudget::forAccount(settings.credential.secretId, QString::fromLatin1(Discovery::kTasksAction),
                                 Discovery::kMaxRate)
            .budget,
        SharedBudget::forAccount(settings.credential.secretId,
                                 QString::fromLatin1(Discovery::kInstancesAction), Discovery::kMaxRate)
            .budget);
    QList<Discovery::Item> items;
    int pending = int(regions.size());
    int exitCode = ExitOk;
    const auto oneDone = [&] {
        if (--pending == 0)
            QCoreApplication::exit(0);
    };
    QObject::connect(&discovery, &DiscoveryClient::listed, [&](const DiscoveryClient::Result& result) {
        for (const Discovery::Item& item : result.items) {
            if (Discovery::matches(result.query, item))
                items.append(item);
        }
        if (result.malformed > 0)
            printErr(tr("warning: %1: %2 malformed task(s) skipped.")
                         .arg(result.query.region, QString::number(result.malformed)));
        if (result.cutOff)
            printErr(
                tr("warning: %1: only the newest %2 tasks were read.")
                    .arg(result.query.region, QString::number(Discovery::kMaxPages * Discovery::kPageLimit)));
        if (!result.namesProblem.isEmpty())
            printErr(tr("warning: %1: instance names unavailable: %2")
                         .arg(result.query.region, SafeText::singleLine(result.namesProblem, 500)));
        oneDone();
    });
    QObject::connect(&discovery, &DiscoveryClient::failed, [&](const DiscoveryClient::Failure& failure) {
        printErr(SafeText::singleLine(failure.message, 800));
        switch (failure.kind) {
        case DiscoveryClient::FailureKind::PermissionDenied:
        case DiscoveryClient::FailureKind::AuthRejected:
            exitCode = ExitCredentials;
            break;
        case DiscoveryClient::FailureKind::UnsupportedRegion:
            break; // skipped, said so
        case DiscoveryClient::FailureKind::Failed:
            if (exitCode == ExitOk)
                exitCode = ExitTaskFailed;
            break;
        }
        oneDone();
    });
    QObject::connect(&discovery, &DiscoveryClient::clockCorrected, [](qint64 offset) {
        printErr(tr("Your clock differs from the server's by %1 s (corrected).").arg(offset));
    });
    for (const QString& region : std::as_const(regions)) {
        Discovery::Query query = filters;
        query.region = region;
        discovery.list(query);
    }
    QCoreApplication::exec();

    std::stable_sort(items.begin(), items.end(), [](const Discovery::Item& a, const Discovery::Item& b) {
        if (a.facts.startedAt != b.facts.startedAt)
            return a.facts.startedAt > b.facts.startedAt;
        return a.facts.jobId > b.facts.jobId;
    });
    if (parser.isSet(jsonOpt)) {
        for (const Discovery::Item& item : std::as_const(items))
            printOut(QString::fromUtf8(itemJson(item)));
    } else if (items.isEmpty()) {
        printErr(tr("No tasks found."));
    } else {
        printTable(items);
    }
    return exitCode;
}

} // namespace taskwatch::cli
