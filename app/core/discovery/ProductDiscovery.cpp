#include "discovery/ProductDiscovery.h"

#include "TaskBoard.h"
#include "api/ApiClient.h"
#include "polling/AccountPoller.h"
#include "task/TaskStatus.h"

#include <QCoreApplication>

namespace taskwatch {

namespace {
// What the board keeps of a listed task: the facts a cdb listing gives, in the same fields.
DiscoveryFacts factsOf(const ListItem& item, const QDateTime& now) {
    DiscoveryFacts f;
    f.taskType = item.facts.taskType;
    if (!item.facts.instanceId.isEmpty())
        f.instanceIds = {item.facts.instanceId};
    f.progress = item.facts.progress;
    f.startedAt = item.facts.startedAt;
    f.endedAt = item.facts.endedAt;
    f.status = item.reading.status;
    f.taskMessage = item.info.value_or(QString());
    f.listedAt = now;
    return f;
}

// The listing's word when it is one of the poll action's (postgres lists with its poll words; redis's
// DescribeTaskList has result codes of its own, which are no status word): nullopt otherwise.
std::optional<QString> pollWordOf(const ProductAdapter& product, const std::optional<QString>& word) {
    for (const VendorStatusWord& w : product.statusWords()) {
        if (word == QLatin1String(w.vendor))
            return word;
    }
    return std::nullopt;
}

ListQuery listQueryOf(const Discovery::Query& q) {
    ListQuery query;
    query.since = q.since;
    query.until = q.until;
    query.instanceId = q.instanceIds.value(0);
    query.onlyUnfinished = q.onlyUnfinished || !q.statusNumbers.isEmpty();
    query.now = QDateTime::currentDateTimeUtc();
    return query;
}

TaskBoard::DiscoveryFailure failureOf(ProductListing::FailureKind kind) {
    switch (kind) {
    case ProductListing::FailureKind::PermissionDenied:
        return TaskBoard::DiscoveryFailure::PermissionDenied;
    case ProductListing::FailureKind::UnsupportedRegion:
        return TaskBoard::DiscoveryFailure::UnsupportedRegion;
    case ProductListing::FailureKind::AuthRejected:
        return TaskBoard::DiscoveryFailure::AuthRejected;
    case ProductListing::FailureKind::NoListAction:
    case ProductListing::FailureKind::Failed:
        break;
    }
    return TaskBoard::DiscoveryFailure::Failed;
}
} // namespace

ProductDiscovery::ProductDiscovery(TaskBoard* board)
    : QObject(board)
    , m_board(board) {}

ProductDiscovery::~ProductDiscovery() = default;

bool ProductDiscovery::isBusy() const {
    return std::any_of(m_listings.cbegin(), m_listings.cend(),
                       [](const auto& entry) { return entry.second->isBusy(); });
}

void ProductDiscovery::accountRemoved(const QString& profile) {
    std::erase_if(m_listings, [&profile](const auto& entry) { return entry.first.first == profile; });
}

ProductListing* ProductDiscovery::listingFor(const QString& profile, const ProductAdapter& product) {
    auto& slot = m_listings[{profile, product.key()}];
    if (slot)
        return slot.get();
    AccountPoller* account = m_board->poller(profile);
    if (!account || !account->scheduler(product.key())) // the product's lane and its client
        return nullptr;
    slot = std::make_unique<ProductListing>(account->client(product.key()), product);
    if (const ProductAction* list = product.listAction(); list && m_board->isBudgetShared()) {
        const AccountConfig* config = account->config();
        slot->setBudget(
            AccountPoller::sharedBudget(config->credential.secretId, product, *list, list->ratePerSecond)
                .budget);
    }
    connect(slot.get(), &ProductListing::listed, this,
            [this, profile](const ProductListing::Result& r) { onListed(profile, r); });
    connect(slot.get(), &ProductListing::failed, this,
            [this, profile](const ProductListing::Failure& f) { onFailed(profile, f); });
    return slot.get();
}

void ProductDiscovery::discover(const QString& profile, const ProductAdapter& product,
                                const DiscoveryRequest& request) {
    QStringList regions;
    for (const QString& r : request.regions) {
        if (!r.trimmed().isEmpty() && !regions.contains(r.trimmed()))
            regions.append(r.trimmed());
    }
    if (regions.isEmpty())
        regions.append(m_board->defaultRegion(profile));
    ProductListing* listing = listingFor(profile, product);
    for (const QString& region : std::as_const(regions)) {
        if (!listing) {
            emit m_board->discoveryFailed(
                profile, region, TaskBoard::DiscoveryFailure::Failed,
                QCoreApplication::translate("ProductDiscovery", "The account %1 does not poll yet.")
                    .arg(profile));
            continue;
        }
        listing->list(listQueryOf(request.query), region);
    }
}

void ProductDiscovery::onListed(const QString& profile, const ProductListing::Result& result) {
    const auto* listing = qobject_cast<const ProductListing*>(sender());
    if (!listing)
        return;
    const QString product = listing->product().key();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList added;
    for (const ListItem& item : result.items) {
        const QString key = taskKey(profile, product, item.id);
        if (m_board->task(key))
            m_board->updateListedFacts(key, factsOf(item, now), now);
        else
            added.append(m_board->addListed(profile, item.id, result.region, factsOf(item, now), now, product,
                                            pollWordOf(listing->product(), item.reading.vendorStatus)));
    }
    m_board->announceAdded(added);
    QString warning;
    if (result.cutOff)
        warning = QCoreApplication::translate("ProductDiscovery", "Only the newest %1 pages were read.")
                      .arg(ProductListing::kMaxPages);
    emit m_board->discoveryFinished(profile, result.region, int(result.items.size()), int(added.size()),
                                    result.malformed, warning);
}

void ProductDiscovery::onFailed(const QString& profile, const ProductListing::Failure& failure) {
    emit m_board->discoveryFailed(profile, failure.region, failureOf(failure.kind), failure.message);
}

} // namespace taskwatch
