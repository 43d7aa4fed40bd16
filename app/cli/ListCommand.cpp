#include "ListCommand.h"

#include "CliCommon.h"
#include "ListOptions.h"
#include "ListSession.h"
#include "accounts/RunSettings.h"
#include "discovery/Discovery.h"
#include "task/DiscoveryFacts.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    // The listing is cdb's, whose status words are the vendor's.
    o.insert(QStringLiteral("vendorStatus"), f.status ? QJsonValue(*f.status) : QJsonValue());
    o.insert(QStringLiteral("product"), QString::fromLatin1(kCdbProduct));
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
    ListOptions options;
    if (const int rc = ListOptions::parse(arguments, &options); rc >= 0)
        return rc;
    RunSettings settings;
    if (const int rc =
            resolveSettings(options.profile, options.regions.value(0), options.endpoint, &settings);
        rc >= 0)
        return rc;
    if (options.regions.isEmpty())
        options.regions.append(settings.region);

    ListSession session(settings);
    QObject::connect(&session, &ListSession::finished, &session, [] { QCoreApplication::exit(0); });
    session.start(options.filters, options.regions);
    QCoreApplication::exec();

    const QList<Discovery::Item> items = session.items();
    if (options.json) {
        for (const Discovery::Item& item : items)
            printOut(QString::fromUtf8(itemJson(item)));
    } else if (items.isEmpty()) {
        printErr(tr("No tasks found."));
    } else {
        printTable(items);
    }
    return session.exitCode();
}

} // namespace taskwatch::cli
