#include "ListCommand.h"

#include "CliCommon.h"
#include "ListOptions.h"
#include "ListSession.h"
#include "ProductListSession.h"
#include "accounts/RunSettings.h"
#include "discovery/Discovery.h"
#include "products/Products.h"
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

QString startedCell(const QDateTime& startedAt) {
    return startedAt.isValid() ? startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                               : QStringLiteral("-");
}

QString progressCell(const std::optional<int>& progress) {
    return progress ? QString::number(*progress) + QLatin1Char('%') : QStringLiteral("-");
}

// The aligned table: a header and one row per task (cells already neutralised).
void printRows(const QList<QStringList>& rows) {
    const QStringList header{tr("STARTED"), tr("REGION"), tr("INSTANCE"), tr("TYPE"),
                             tr("STATUS"),  tr("PROG"),   tr("ID")};
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < header.size(); ++c) {
        qsizetype w = header.at(c).size();
        for (const QStringList& r : rows)
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
    for (const QStringList& r : rows)
        line(r);
}

void printTable(const QList<Discovery::Item>& items) {
    QList<QStringList> rows;
    for (const Discovery::Item& item : items) {
        const DiscoveryFacts& f = item.facts;
        QString instance = f.instanceIds.join(QLatin1Char(','));
        if (!f.instanceName.isEmpty())
            instance = f.instanceName + QStringLiteral(" (") + instance + QLatin1Char(')');
        rows.append({startedCell(f.startedAt), item.region, SafeText::singleLine(instance, 60),
                     SafeText::singleLine(f.taskType, 24),
                     SafeText::singleLine(f.status.value_or(QStringLiteral("-")), 24),
                     progressCell(f.progress),
                     item.hasAsyncRequestId() ? item.id : tr("job %1").arg(f.jobId)});
    }
    printRows(rows);
}

// The JSON contract of `list --json` for a product other than cdb: the same keys, the product's values.
QByteArray productItemJson(const ProductAdapter& product, const ProductListSession::Item& item) {
    const ListItem& t = item.task;
    const auto optional = [](const std::optional<QString>& v) { return v ? QJsonValue(*v) : QJsonValue(); };
    QJsonObject o;
    o.insert(QStringLiteral("id"), t.id);
    o.insert(QStringLiteral("jobId"), QJsonValue());
    o.insert(QStringLiteral("region"), item.region);
    o.insert(QStringLiteral("instanceIds"),
             t.facts.instanceId.isEmpty() ? QJsonArray() : QJsonArray::fromStringList({t.facts.instanceId}));
    o.insert(QStringLiteral("instanceName"), QJsonValue());
    o.insert(QStringLiteral("type"), t.facts.taskType);
    o.insert(QStringLiteral("status"), optional(t.reading.status));
    o.insert(QStringLiteral("vendorStatus"), optional(t.reading.vendorStatus));
    o.insert(QStringLiteral("product"), product.key());
    o.insert(QStringLiteral("progress"), t.facts.progress ? QJsonValue(*t.facts.progress) : QJsonValue());
    o.insert(QStringLiteral("startTime"), isoOrNull(t.facts.startedAt));
    o.insert(QStringLiteral("endTime"), isoOrNull(t.facts.endedAt));
    o.insert(QStringLiteral("code"), QJsonValue());
    o.insert(QStringLiteral("message"), optional(t.info));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The table of a product other than cdb; ids named (`redis:18215`), as watch reads them.
void printProductTable(const ProductAdapter& product, const QList<ProductListSession::Item>& items) {
    QList<QStringList> rows;
    for (const ProductListSession::Item& item : items) {
        const ListItem& t = item.task;
        rows.append({startedCell(t.facts.startedAt), item.region,
                     SafeText::singleLine(t.facts.instanceId, 60), SafeText::singleLine(t.facts.taskType, 24),
                     SafeText::singleLine(t.reading.status.value_or(QStringLiteral("-")), 24),
                     progressCell(t.facts.progress), product.key() + QLatin1Char(':') + t.id});
    }
    printRows(rows);
}

// The filters a product's list action cannot apply: several instances, our status words.
bool productItemMatches(const Discovery::Query& filters, const ListItem& task) {
    if (!Discovery::matchesStatus(task.reading.status, filters.statuses))
        return false;
    return filters.instanceIds.isEmpty() || filters.instanceIds.contains(task.facts.instanceId);
}

int runProductList(const ListOptions& options, const RunSettings& settings) {
    const ProductAdapter& product = *Products::find(options.product);
    ListQuery query;
    query.since = options.filters.since;
    query.now = QDateTime::currentDateTimeUtc();
    if (options.filters.instanceIds.size() == 1)
        query.instanceId = options.filters.instanceIds.first();
    ProductListSession session(settings, product);
    QObject::connect(&session, &ProductListSession::finished, &session, [] { QCoreApplication::exit(0); });
    session.start(query, options.regions);
    QCoreApplication::exec();

    QList<ProductListSession::Item> items = session.items();
    items.removeIf(
        [&](const ProductListSession::Item& i) { return !productItemMatches(options.filters, i.task); });
    if (options.json) {
        for (const ProductListSession::Item& item : std::as_const(items))
            printOut(QString::fromUtf8(productItemJson(product, item)));
    } else if (items.isEmpty()) {
        printErr(tr("No tasks found."));
    } else {
        printProductTable(product, items);
    }
    return session.exitCode();
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
    if (!isCdbProduct(options.product))
        return runProductList(options, settings);

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
