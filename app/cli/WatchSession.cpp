#include "WatchSession.h"

#include "CliCommon.h"
#include "ProductListSession.h"
#include "SignalWatcher.h"
#include "WatchOutput.h"
#include "api/ErrorCatalog.h"
#include "api/Regions.h"
#include "discovery/DiscoveryRequest.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"
#include "task/TaskStatus.h"

#include <algorithm>

// Messages use cli::tr (the context "taskwatch::cli", see CliCommon.h), never QObject::tr.

namespace taskwatch::cli {

namespace {
bool permanentFailure(const TaskState& s) {
    if (s.phase == TaskPhase::Stopped)
        return true;
    return s.phase == TaskPhase::Finished &&
           s.status != std::optional<QString>(QString::fromLatin1(TaskStatus::Success));
}
} // namespace

WatchSession::WatchSession(TaskBoard* board, const WatchOptions& options, const QString& profile,
                           const QString& region, QObject* parent)
    : QObject(parent)
    , m_board(board)
    , m_options(options)
    , m_profile(profile)
    , m_region(region) {
    if (m_options.regions.isEmpty())
        m_options.regions.append(region);
    if (m_options.discover) {
        for (const QString& r : std::as_const(m_options.regions))
            m_firstListingPending.insert(r);
    }
    connect(board, &TaskBoard::changesObserved, this, &WatchSession::printChanges);
    connect(board, &TaskBoard::storeFailed, this, &WatchSession::warnStoreFailed);
    connect(board, &TaskBoard::clockCorrected, this, &WatchSession::noteClockCorrected);
    connect(board, &TaskBoard::authFailed, this, &WatchSession::onAuthFailed);
    connect(board, &TaskBoard::allDone, this, &WatchSession::finishIfDone);
    connect(board, &TaskBoard::discoveryFinished, this, &WatchSession::onDiscoveryFinished);
    connect(board, &TaskBoard::discoveryFailed, this, &WatchSession::onDiscoveryFailed);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &WatchSession::onTimeout);
    m_productFollow.setInterval(kProductFollowMs);
    connect(&m_productFollow, &QTimer::timeout, this, &WatchSession::listProduct);
}

void WatchSession::start() {
    if (m_options.timeoutSecs > 0)
        m_timeout.start(int(std::min(m_options.timeoutSecs * 1000, 2e9)));
    for (const QString& r : std::as_const(m_options.regions)) {
        if (!Regions::isKnown(r)) // still sent: a region newer than our list may be valid
            printErr(cli::tr("warning: %1 is not a known cdb region (known: %2); it is used anyway.")
                         .arg(SafeText::singleLine(r, 80), Regions::cdb().join(QStringLiteral(", "))));
    }
    addIds();
    if (m_options.discover)
        startDiscovery();
}

// The ids of the arguments and --ids-from, of every product; the report counts them per product.
void WatchSession::addIds() {
    if (m_options.idCount == 0)
        return;
    const AddReport report =
        m_board->addText(m_options.idText, m_profile, m_region, m_options.bareNumbersProduct());
    if (m_options.json)
        return;
    printErr(WatchOutput::startLine(report.added, m_region));
    const bool onlyCdb = report.addedByProduct.keys() == QStringList{QString::fromLatin1(kCdbProduct)};
    if (!onlyCdb || report.rejected > 0)
        printErr(report.text());
}

void WatchSession::startDiscovery() {
    if (!m_options.json)
        printErr(cli::tr("Discovering unfinished tasks in %1 started since %2.")
                     .arg(m_options.regions.join(QStringLiteral(", ")),
                          m_options.since.toLocalTime().toString(Qt::ISODate)));
    if (m_productListing) {
        connect(m_productListing, &ProductListSession::regionListed, this, &WatchSession::onProductListed);
        connect(m_productListing, &ProductListSession::regionFailed, this,
                &WatchSession::onProductListingFailed);
        listProduct();
        if (m_options.follow)
            m_productFollow.start();
        return;
    }
    DiscoveryRequest request;
    request.profile = m_profile;
    request.regions = m_options.regions;
    request.query.since = m_options.since;
    request.query.onlyUnfinished = true;
    request.follow = m_options.follow;
    m_board->discover(request);
}

void WatchSession::listProduct() {
    if (m_stopping || isFinished())
        return;
    ListQuery query;
    query.since = m_options.since;
    query.onlyUnfinished = true;
    query.now = QDateTime::currentDateTimeUtc();
    m_productListing->start(query, m_options.regions); // a listing still under way is left to end
}

// A product's region was listed: its unfinished tasks are watched (those on the board already are not
// added again).
void WatchSession::onProductListed(const ProductListing::Result& result) {
    if (m_stopping)
        return;
    QStringList ids;
    for (const ListItem& item : result.items)
        ids.append(item.id);
    const QString product = m_productListing->product().key();
    const QStringList added = m_board->addIds(ids, m_profile, result.region, product);
    if (!m_options.json && !added.isEmpty())
        printErr(
            cli::tr("Discovered %1 unfinished %2 task(s) in %3 (%4 listed).")
                .arg(QString::number(added.size()), product, result.region, QString::number(result.listed)));
    firstListingEnded(result.region);
}

void WatchSession::onProductListingFailed(const ProductListing::Failure& failure) {
    // ProductListSession printed the message.
    if (failure.kind == ProductListing::FailureKind::PermissionDenied ||
        failure.kind == ProductListing::FailureKind::AuthRejected)
        m_discoveryDenied = true;
    firstListingEnded(failure.region);
}

// Printed once the board has committed the batch to the history.
void WatchSession::printChanges(const QList<HistoryEntry>& entries) {
    if (m_stopping)
        return;
    for (const HistoryEntry& e : entries) {
        if (m_options.json) {
            printOut(WatchOutput::jsonLine(e));
        } else {
            const TaskState* now = m_board->task(taskKey(e));
            printOut(WatchOutput::textLine(e, now ? now->phase : TaskState().phase));
        }
    }
}

void WatchSession::warnStoreFailed(const QString& message) {
    printErr(cli::tr("warning: history: %1").arg(SafeText::singleLine(message, 500)));
}

void WatchSession::noteClockCorrected(const QString& profile, qint64 offsetSeconds) {
    Q_UNUSED(profile);
    printErr(cli::tr("Your clock differs from the server's by %1 s (corrected).").arg(offsetSeconds));
}

void WatchSession::onAuthFailed(const QString& profile, const QString& code, const QString& message) {
    Q_UNUSED(profile);
    const ErrorDescription d = ErrorCatalog::describe(code);
    printErr(cli::tr("The server rejected the credentials (%1): %2")
                 .arg(SafeText::singleLine(code, 100), SafeText::singleLine(message, 500)));
    printErr(QStringLiteral("%1 %2").arg(d.meaning, d.hint));
    finish(ExitCredentials);
}

void WatchSession::onDiscoveryFinished(const QString& profile, const QString& region, int found, int added,
                                       int malformed, const QString& warning) {
    Q_UNUSED(profile);
    Q_UNUSED(malformed);
    if (!warning.isEmpty())
        printErr(cli::tr("warning: %1: %2").arg(region, SafeText::singleLine(warning, 500)));
    if (!m_options.json && added > 0)
        printErr(cli::tr("Discovered %1 unfinished task(s) in %2 (%3 listed).")
                     .arg(QString::number(added), region, QString::number(found)));
    firstListingEnded(region);
}

void WatchSession::onDiscoveryFailed(const QString& profile, const QString& region,
                                     TaskBoard::DiscoveryFailure kind, const QString& message) {
    Q_UNUSED(profile);
    printErr(SafeText::singleLine(message, 800));
    if (kind == TaskBoard::DiscoveryFailure::PermissionDenied ||
        kind == TaskBoard::DiscoveryFailure::AuthRejected)
        m_discoveryDenied = true;
    firstListingEnded(region);
}

// A listing of `region` ended. Refreshes and --follow listings end the same way: only a region still waiting
// for its first listing counts (watch has one account: the profile needs no check).
void WatchSession::firstListingEnded(const QString& region) {
    if (m_firstListingPending.remove(region) && m_firstListingPending.isEmpty())
        finishIfDone();
}

// With --discover, the end is decided only once every region was listed (and never while following).
void WatchSession::finishIfDone() {
    if (!m_firstListingPending.isEmpty() || m_options.follow || m_board->activeCount() > 0)
        return;
    if (m_board->count() == 0) {
        printErr(m_discoveryDenied ? cli::tr("No task to watch: discovery is not permitted for this account.")
                                   : cli::tr("No unfinished task found."));
        finish(m_discoveryDenied ? ExitCredentials : ExitOk);
        return;
    }
    const QStringList keys = m_board->keys();
    const bool failed = std::any_of(keys.cbegin(), keys.cend(), [this](const QString& key) {
        const TaskState* s = m_board->task(key);
        return s && permanentFailure(*s);
    });
    finish(failed ? ExitTaskFailed : ExitOk);
}

void WatchSession::onTimeout() {
    stopWithSummary(
        ExitTimeout, QStringLiteral("timeout"),
        cli::tr("Timed out after %1 s with %2 task(s) unfinished.")
            .arg(QString::number(m_options.timeoutSecs), QString::number(m_board->activeCount())));
}

// Ctrl-C / kill: stop polling, summarise, exit 128 + N (130, 143).
void WatchSession::onSignal(int signalNumber) {
    stopWithSummary(ExitSignalBase + signalNumber, SignalWatcher::name(signalNumber),
                    cli::tr("Interrupted by %1: stopped polling.").arg(SignalWatcher::name(signalNumber)));
}

void WatchSession::finish(int code) {
    if (m_exitCode >= 0)
        return;
    m_exitCode = code;
    m_timeout.stop();
    m_productFollow.stop();
    emit finished(code);
}

void WatchSession::stopWithSummary(int code, const QString& reason, const QString& headline) {
    if (m_exitCode >= 0 || m_stopping)
        return;
    m_board->setPaused(true);
    m_board->flush(TaskBoard::FlushMode::All); // every change printed so far, and the last checks, written
    m_stopping = true;
    const QList<TaskState> tasks = allTasks();
    if (m_options.json) {
        printErr(WatchOutput::summaryJson(tasks, reason, code));
    } else {
        printErr(headline);
        for (const QString& line : WatchOutput::summaryText(tasks))
            printErr(line);
    }
    finish(code);
}

QList<TaskState> WatchSession::allTasks() const {
    QList<TaskState> tasks;
    for (const QString& key : m_board->keys()) {
        if (const TaskState* s = m_board->task(key))
            tasks.append(*s);
    }
    return tasks;
}

} // namespace taskwatch::cli
