#include "ExportCsvCommand.h"

#include "CliCommon.h"
#include "history/CsvWriter.h"
#include "history/TaskStore.h"
#include "platform/QtCompat.h"
#include "task/TaskIdExtractor.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace taskwatch::cli {

int runExportCsv(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes the history of observed task changes as CSV (RFC 4180, UTF-8, CRLF) with the header\n"
           "%1\n"
           "Exit status: 0 written; 1 the history could not be read or the file not written; 2 usage error.")
            .arg(QLatin1String(CsvWriter::kHeader)));
    parser.addHelpOption();
    const QCommandLineOption outputOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                       tr("Write to FILE (atomically) instead of standard output (-)."),
                                       tr("FILE|-"), QStringLiteral("-"));
    const QCommandLineOption sinceOpt(QStringLiteral("since"),
                                      tr("Only changes observed at or after this time (ISO 8601, e.g. "
                                         "2026-11-27T19:00:00Z or 2026-11-27)."),
                                      tr("ISO-8601"));
    const QCommandLineOption idOpt(QStringLiteral("id"), tr("Only this task (repeatable)."), tr("ID"));
    const QCommandLineOption bomOpt(
        QStringLiteral("excel"),
        tr("Start with a UTF-8 byte order mark so that Excel detects the encoding."));
    const QCommandLineOption profileOpt(QStringLiteral("profile"),
                                        tr("Only changes observed with this credential profile "
                                           "(\"environment\" for environment credentials)."),
                                        tr("NAME"));
    parser.addOptions({outputOpt, sinceOpt, idOpt, profileOpt, bomOpt});
    if (const int rc = parseOrExit(parser, arguments, QStringLiteral("export-csv")); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty()) {
        printErr(tr("Unexpected argument: %1").arg(parser.positionalArguments().first()));
        return ExitUsage;
    }

    HistoryQuery query;
    if (parser.isSet(sinceOpt)) {
        const QString text = parser.value(sinceOpt).trimmed();
        QDateTime since = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!since.isValid())
            since = compat::utcDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0));
        if (!since.isValid()) {
            printErr(tr("--since: not an ISO 8601 date or time: %1").arg(text));
            return ExitUsage;
        }
        query.since = since;
    }
    for (const QString& id : parser.values(idOpt)) {
        if (!TaskIdExtractor::isTaskId(id)) {
            printErr(tr("--id: not a task id: %1").arg(id));
            return ExitUsage;
        }
        query.ids.append(id.trimmed().toLower());
    }

    if (parser.isSet(profileOpt))
        query.profile = parser.value(profileOpt);

    TaskStore store;
    if (!store.open()) {
        printErr(store.lastError());
        return ExitTaskFailed;
    }
    if (!store.recoveryMessage().isEmpty())
        printErr(store.recoveryMessage());
    QString error;
    qint64 rows = 0;
    const QString output = parser.value(outputOpt);
    if (!CsvWriter::exportHistory(store, query, output, parser.isSet(bomOpt), &error, &rows)) {
        printErr(error);
        return ExitTaskFailed;
    }
    if (output != QLatin1String("-"))
        printErr(tr("%1 rows written to %2").arg(QString::number(rows), output));
    return ExitOk;
}

} // namespace taskwatch::cli
