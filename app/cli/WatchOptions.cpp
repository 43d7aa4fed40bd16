#include "WatchOptions.h"

#include "CliCommon.h"
#include "discovery/Discovery.h"
#include "products/NamedTaskIds.h"
#include "products/Products.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"

#include <QCommandLineParser>

namespace taskwatch::cli {

namespace {

constexpr double kMaxTimeoutSecs = 2000000; // about 23 days: within what a timer can wait

// The command line of `watch`: its options, and their checks in the order the usage errors are reported.
// Messages use cli::tr (the context "taskwatch::cli", see CliCommon.h), never a class's own tr().
class WatchParser {
public:
    WatchParser();
    int parse(const QStringList& arguments, WatchOptions* options);

private:
    int readProduct(WatchOptions* options) const;
    int readNumbers(WatchOptions* options) const;
    int readDiscovery(WatchOptions* options) const;
    int readIds(WatchOptions* options) const;

    QCommandLineParser m_parser;
    const QCommandLineOption m_region{
        QStringLiteral("region"),
        cli::tr("Region of the tasks, e.g. ap-guangzhou. Default: $TENCENTCLOUD_REGION, "
                "then the profile's region. With --discover it may be given several times."),
        cli::tr("REGION")};
    const QCommandLineOption m_endpoint = endpointOption();
    const QCommandLineOption m_idsFrom{
        QStringLiteral("ids-from"),
        cli::tr("Read task ids from FILE (or standard input for -): any text, ids are "
                "extracted."),
        cli::tr("FILE|-")};
    const QCommandLineOption m_interval{
        QStringLiteral("interval"),
        cli::tr("Minimum seconds between two polls of the same task (default 5)."), cli::tr("SECONDS"),
        QStringLiteral("5")};
    const QCommandLineOption m_maxInterval{
        QStringLiteral("max-interval"),
        cli::tr(
            "Longest time between two polls of a task that has not changed for a while: it is polled every "
            "tenth of its quiet time, from --interval up to SECONDS (default 15)."),
        cli::tr("SECONDS"), QStringLiteral("15")};
    const QCommandLineOption m_timeout{
        QStringLiteral("timeout"),
        cli::tr("Give up after SECONDS with exit status 4 (default: wait forever)."), cli::tr("SECONDS")};
    const QCommandLineOption m_maxRate{
        QStringLiteral("max-rate"),
        cli::tr("At most N requests per second for the credential, 1 to 40 (default 40)."), cli::tr("N"),
        QStringLiteral("40")};
    const QCommandLineOption m_json{QStringLiteral("json"), cli::tr("One JSON object per line.")};
    const QCommandLineOption m_product = productOption();
    const QCommandLineOption m_profile = profileOption();
    const QCommandLineOption m_noHistory{QStringLiteral("no-history"),
                                         cli::tr("Do not record the changes in the history.")};
    const QCommandLineOption m_discover{
        QStringLiteral("discover"),
        cli::tr("Also watch every unfinished task of the account in the regions (DescribeTasks; with "
                "--product redis or postgres, that product's list action).")};
    const QCommandLineOption m_since{
        QStringLiteral("since"),
        cli::tr("With --discover: tasks started since WHEN, a duration (90m, 24h, 7d) or an ISO-8601 time "
                "(default 24h)."),
        cli::tr("WHEN"), QString::fromLatin1(Discovery::kDefaultSince)};
    const QCommandLineOption m_follow{QStringLiteral("follow"),
                                      cli::tr("With --discover: keep discovering new tasks every 60 s (until "
                                              "--timeout or a signal).")};
};

WatchParser::WatchParser() {
    m_parser.setApplicationDescription(cli::tr(
        "Polls TencentDB for MySQL asynchronous tasks (DescribeAsyncRequestInfo) until every one has "
        "finished, "
        "printing one line per observed change of a task.\n\n"
        "Exit status: 0 every task ended SUCCESS; 1 at least one ended FAILED, KILLED or REMOVED, or failed "
        "permanently; 2 usage error; 3 no credentials or the server rejected them; 4 --timeout reached; "
        "130/143 stopped by SIGINT/SIGTERM (a summary of the tasks is printed on standard error).\n\n"
        "With --discover, the account's unfinished tasks (DescribeTasks) in every --region are watched too, "
        "without pasting ids; --follow keeps discovering new ones every 60 s.\n\n"
        "Tasks of other products (mongodb DescribeAsyncRequestInfo, redis DescribeTaskInfo, postgres "
        "DescribeTasks) are named anywhere in the text: mongodb:4762, redis:18215, postgres:912 (cdb:ID "
        "too). With --product mongodb, redis or postgres, bare numbers are ids of that product, and "
        "--discover lists that product's tasks (redis and postgres only)."));
    m_parser.addHelpOption();
    m_parser.addOptions({m_region, m_endpoint, m_idsFrom, m_interval, m_maxInterval, m_timeout, m_maxRate,
                         m_json, m_product, m_profile, m_noHistory, m_discover, m_since, m_follow});
    m_parser.addPositionalArgument(
        QStringLiteral("ID"),
        cli::tr("Task ids (AsyncRequestId; product:ID for other products, or bare numbers with "
                "--product), or any text containing them."),
        QStringLiteral("[ID ...]"));
}

int WatchParser::parse(const QStringList& arguments, WatchOptions* options) {
    if (const int rc = parseOrExit(m_parser, arguments, QStringLiteral("watch")); rc >= 0)
        return rc;
    for (const auto read : {&WatchParser::readProduct, &WatchParser::readNumbers, &WatchParser::readDiscovery,
                            &WatchParser::readIds}) {
        if (const int rc = (this->*read)(options); rc >= 0)
            return rc;
    }
    options->profile = m_parser.value(m_profile);
    options->endpoint = m_parser.value(m_endpoint);
    options->json = m_parser.isSet(m_json);
    options->history = !m_parser.isSet(m_noHistory);
    return -1;
}

int WatchParser::readProduct(WatchOptions* options) const {
    const ProductAdapter* product = findProductOption(m_parser.value(m_product));
    if (!product)
        return ExitUsage;
    options->product = product->key();
    if (m_parser.isSet(m_discover) && !product->listAction()) {
        printErr(cli::tr("%1 has no action that lists tasks: --discover is not available for it; watch its "
                         "tasks by id.")
                     .arg(product->key()));
        return ExitUsage;
    }
    return -1;
}

// nan, inf and out-of-range values are usage errors (never a silently disabled interval or timeout).
int WatchParser::readNumbers(WatchOptions* options) const {
    if (!parseNumber(m_parser.value(m_interval), 0.1, 86400, &options->intervalSecs)) {
        printErr(cli::tr("--interval must be a number of seconds from 0.1 to 86400."));
        return ExitUsage;
    }
    if (!parseNumber(m_parser.value(m_maxInterval), 0.1, 86400, &options->maxIntervalSecs)) {
        printErr(cli::tr("--max-interval must be a number of seconds from 0.1 to 86400."));
        return ExitUsage;
    }
    bool ok = false;
    options->maxRate = m_parser.value(m_maxRate).trimmed().toInt(&ok);
    if (!ok || options->maxRate < 1 || options->maxRate > 40) {
        printErr(cli::tr("--max-rate must be a whole number from 1 to 40."));
        return ExitUsage;
    }
    options->timeoutSecs = 0;
    if (m_parser.isSet(m_timeout)) {
        if (!parseNumber(m_parser.value(m_timeout), 0, kMaxTimeoutSecs, &options->timeoutSecs) ||
            options->timeoutSecs <= 0) {
            printErr(cli::tr("--timeout must be a number of seconds greater than 0 and at most %1.")
                         .arg(kMaxTimeoutSecs, 0, 'f', 0));
            return ExitUsage;
        }
    }
    return -1;
}

// --discover, --follow, --since and the regions.
int WatchParser::readDiscovery(WatchOptions* options) const {
    options->discover = m_parser.isSet(m_discover);
    options->follow = m_parser.isSet(m_follow);
    if (!options->discover && (options->follow || m_parser.isSet(m_since))) {
        printErr(cli::tr("--follow and --since go with --discover."));
        return ExitUsage;
    }
    const std::optional<QDateTime> since =
        Discovery::parseSince(m_parser.value(m_since), QDateTime::currentDateTimeUtc());
    if (options->discover && !since) {
        printErr(
            cli::tr("--since must be a duration such as 90m, 24h or 7d, or an ISO-8601 time in the past."));
        return ExitUsage;
    }
    options->since = since.value_or(QDateTime());
    if (!collectRegions(m_parser.values(m_region), &options->regions))
        return ExitUsage;
    if (options->regions.size() > 1 && !options->discover) {
        printErr(cli::tr("--region may be given several times only with --discover."));
        return ExitUsage;
    }
    return -1;
}

// The ids of the arguments and of --ids-from: any text, ids are extracted.
int WatchParser::readIds(WatchOptions* options) const {
    const QStringList positional = m_parser.positionalArguments();
    QString text = positional.join(QLatin1Char('\n'));
    if (m_parser.isSet(m_idsFrom)) {
        QString fileText, error;
        if (!readText(m_parser.value(m_idsFrom), &fileText, &error)) {
            printErr(error);
            return ExitUsage;
        }
        text += QLatin1Char('\n') + fileText;
    }
    const QString bare = options->bareNumbersProduct();
    const PastedIds found = NamedTaskIds::extractAll(text, bare);
    if ((found.unrecognisedLineCount > 0 || found.rejected > 0) && !positional.isEmpty()) {
        for (const QString& arg : positional) {
            if (NamedTaskIds::extractAll(arg, bare).ids.isEmpty())
                printErr(cli::tr("warning: not a task id: %1").arg(SafeText::singleLine(arg, 80)));
        }
    }
    if (found.ids.isEmpty() && !options->discover) {
        printErr(cli::tr(
            "No task ids given. Pass ids as arguments or with --ids-from FILE|-, or use --discover."));
        return ExitUsage;
    }
    options->idText = text;
    options->idCount = int(found.ids.size());
    return -1;
}

} // namespace

int WatchOptions::parse(const QStringList& arguments, WatchOptions* options) {
    WatchParser parser;
    return parser.parse(arguments, options);
}

QString WatchOptions::bareNumbersProduct() const {
    return isCdbProduct(product) ? QString() : product;
}

PollOptions WatchOptions::pollOptions() const {
    PollOptions poll;
    poll.maxRate = maxRate;
    poll.minIntervalMs = int(intervalSecs * 1000);
    poll.maxIntervalMs = int(maxIntervalSecs * 1000); // at or below --interval: a fixed interval
    return poll;
}

} // namespace taskwatch::cli
