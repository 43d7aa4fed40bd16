#include "ListOptions.h"

#include "CliCommon.h"
#include "products/Products.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"

#include <QCommandLineParser>

namespace taskwatch::cli {

namespace {

// The command line of `list`: its options, and their checks in the order the usage errors are reported.
// Messages use cli::tr (the context "taskwatch::cli", see CliCommon.h), never a class's own tr().
class ListParser {
public:
    ListParser();
    int parse(const QStringList& arguments, ListOptions* options);

private:
    int readSince(ListOptions* options) const;
    int readInstances(ListOptions* options) const;
    int readStatuses(ListOptions* options) const;
    int readTypes(ListOptions* options) const;
    int readProduct(ListOptions* options) const;

    QCommandLineParser m_parser;
    const QCommandLineOption m_region{
        QStringLiteral("region"),
        cli::tr(
            "Region to list, e.g. ap-guangzhou; may be given several times. Default: $TENCENTCLOUD_REGION, "
            "then the profile's region."),
        cli::tr("REGION")};
    const QCommandLineOption m_since{
        QStringLiteral("since"),
        cli::tr("Tasks started since WHEN: a duration (90m, 24h, 7d) or an ISO-8601 time (default 24h)."),
        cli::tr("WHEN"), QString::fromLatin1(Discovery::kDefaultSince)};
    const QCommandLineOption m_instance{QStringLiteral("instance"),
                                        cli::tr("Only tasks of this instance (cdb-…); may be repeated."),
                                        cli::tr("ID")};
    const QCommandLineOption m_status{
        QStringLiteral("status"),
        cli::tr(
            "Only tasks with this status: running (every unfinished task), success, failed, killed, removed, "
            "paused, initial, waiting, undefined; may be repeated."),
        cli::tr("S")};
    const QCommandLineOption m_type{QStringLiteral("type"),
                                    cli::tr("Only tasks of this type: the vendor's name (\"MODIFY PARAM\", "
                                            "modify-param) or number (5); may be "
                                            "repeated."),
                                    cli::tr("T")};
    const QCommandLineOption m_json{QStringLiteral("json"), cli::tr("One JSON object per task and line.")};
    const QCommandLineOption m_product = productOption();
    const QCommandLineOption m_profile = profileOption();
    const QCommandLineOption m_endpoint = endpointOption();
};

ListParser::ListParser() {
    m_parser.setApplicationDescription(cli::tr(
        "Lists the account's TencentDB for MySQL tasks (DescribeTasks) in one or more regions, newest first, "
        "with their instance names (DescribeDBInstances).\n\n"
        "Exit status: 0 listed; 1 a region could not be listed (network, server); 2 usage error; 3 no "
        "credentials, the server rejected them, or the account may not call DescribeTasks (CAM).\n\n"
        "With --product redis or postgres, that product's tasks are listed with its list action (redis "
        "DescribeTaskList, postgres DescribeTasks; CAM permission redis:DescribeTaskList or "
        "postgres:DescribeTasks); --type is cdb's only. mongodb has no action that lists tasks."));
    m_parser.addHelpOption();
    m_parser.addOptions(
        {m_region, m_since, m_instance, m_status, m_type, m_json, m_product, m_profile, m_endpoint});
}

int ListParser::parse(const QStringList& arguments, ListOptions* options) {
    if (const int rc = parseOrExit(m_parser, arguments, QStringLiteral("list")); rc >= 0)
        return rc;
    if (!m_parser.positionalArguments().isEmpty()) {
        printErr(cli::tr("list takes no arguments (got %1).")
                     .arg(SafeText::singleLine(m_parser.positionalArguments().first(), 80)));
        return ExitUsage;
    }
    for (const auto read : {&ListParser::readProduct, &ListParser::readSince, &ListParser::readInstances,
                            &ListParser::readStatuses, &ListParser::readTypes}) {
        if (const int rc = (this->*read)(options); rc >= 0)
            return rc;
    }
    if (!collectRegions(m_parser.values(m_region), &options->regions))
        return ExitUsage;
    options->profile = m_parser.value(m_profile);
    options->endpoint = m_parser.value(m_endpoint);
    options->json = m_parser.isSet(m_json);
    return -1;
}

int ListParser::readSince(ListOptions* options) const {
    const std::optional<QDateTime> since =
        Discovery::parseSince(m_parser.value(m_since), QDateTime::currentDateTimeUtc());
    if (!since) {
        printErr(
            cli::tr("--since must be a duration such as 90m, 24h or 7d, or an ISO-8601 time in the past."));
        return ExitUsage;
    }
    options->filters.since = *since;
    return -1;
}

int ListParser::readInstances(ListOptions* options) const {
    for (const QString& value : m_parser.values(m_instance)) {
        const QString id = value.trimmed();
        if (id.isEmpty() || id.size() > 128 || id.contains(QLatin1Char(' '))) {
            printErr(cli::tr("Not an instance id: %1").arg(SafeText::singleLine(value, 80)));
            return ExitUsage;
        }
        if (!options->filters.instanceIds.contains(id))
            options->filters.instanceIds.append(id);
    }
    return -1;
}

int ListParser::readStatuses(ListOptions* options) const {
    for (const QString& value : m_parser.values(m_status)) {
        if (!Discovery::isStatusFilterWord(value)) {
            printErr(
                cli::tr("Unknown --status %1 (running, success, failed, killed, removed, paused, initial, "
                        "waiting, undefined).")
                    .arg(SafeText::singleLine(value, 40)));
            return ExitUsage;
        }
        options->filters.statuses.append(value.trimmed());
    }
    return -1;
}

int ListParser::readTypes(ListOptions* options) const {
    for (const QString& value : m_parser.values(m_type)) {
        const std::optional<int> type = Discovery::taskTypeNumber(value);
        if (!type) {
            QStringList known;
            for (const Discovery::TaskTypeInfo& t : Discovery::taskTypes())
                known << QLatin1String(t.vendor);
            printErr(cli::tr("Unknown --type %1 (known: %2).")
                         .arg(SafeText::singleLine(value, 40), known.join(QStringLiteral(", "))));
            return ExitUsage;
        }
        if (!options->filters.taskTypes.contains(*type))
            options->filters.taskTypes.append(*type);
    }
    return -1;
}

// --product: a registered product with a list action; --type only for cdb.
int ListParser::readProduct(ListOptions* options) const {
    const ProductAdapter* product = findProductOption(m_parser.value(m_product));
    if (!product)
        return ExitUsage;
    options->product = product->key();
    if (!product->listAction()) {
        printErr(cli::tr("%1 has no action that lists tasks: list its tasks in the console, or watch them "
                         "by id (watch --product %1 ID…).")
                     .arg(product->key()));
        return ExitUsage;
    }
    if (!isCdbProduct(product->key()) && m_parser.isSet(m_type)) {
        printErr(cli::tr("--type filters cdb's tasks only."));
        return ExitUsage;
    }
    return -1;
}

} // namespace

int ListOptions::parse(const QStringList& arguments, ListOptions* options) {
    ListParser parser;
    return parser.parse(arguments, options);
}

} // namespace taskwatch::cli
