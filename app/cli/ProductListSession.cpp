#include "ProductListSession.h"

#include "CliCommon.h"
#include "Language.h"
#include "polling/AccountPoller.h"
#include "task/SafeText.h"

#include <algorithm>

// Messages use cli::tr (the context "taskwatch::cli", see CliCommon.h), never QObject::tr.

namespace taskwatch::cli {

namespace {
EndpointConfig endpointFor(const RunSettings& settings, const ProductAdapter& product) {
    EndpointConfig endpoint = settings.account(Language::apiLanguage()).endpoint;
    endpoint.url = Endpoint::forService(endpoint.url, product.service());
    return endpoint;
}
} // namespace

ProductListSession::ProductListSession(const RunSettings& settings, const ProductAdapter& product,
                                       QObject* parent)
    : QObject(parent)
    , m_client(&m_nam, endpointFor(settings, product), settings.credential)
    , m_listing(&m_client, product) {
    m_client.setProduct(product);
    if (const ProductAction* action = product.listAction())
        m_listing.setBudget(
            AccountPoller::sharedBudget(settings.credential.secretId, product, *action, action->ratePerSecond)
                .budget);
    connect(&m_listing, &ProductListing::listed, this, &ProductListSession::onListed);
    connect(&m_listing, &ProductListing::failed, this, &ProductListSession::onFailed);
    connect(&m_listing, &ProductListing::clockCorrected, this, [](qint64 offsetSeconds) {
        printErr(cli::tr("Your clock differs from the server's by %1 s (corrected).").arg(offsetSeconds));
    });
}

bool ProductListSession::start(const ListQuery& query, const QStringList& regions) {
    if (m_pending > 0 || regions.isEmpty())
        return false;
    m_items.clear();
    m_exitCode = ExitOk;
    m_pending = int(regions.size());
    for (const QString& region : regions)
        m_listing.list(query, region);
    return true;
}

QList<ProductListSession::Item> ProductListSession::items() const {
    QList<Item> sorted = m_items;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Item& a, const Item& b) {
        return a.task.facts.startedAt > b.task.facts.startedAt; // each region's tasks are sorted already
    });
    return sorted;
}

void ProductListSession::onListed(const ProductListing::Result& result) {
    for (const ListItem& task : result.items)
        m_items.append({result.region, task});
    if (result.malformed > 0)
        printErr(cli::tr("warning: %1: %2 malformed task(s) skipped.")
                     .arg(result.region, QString::number(result.malformed)));
    if (result.cutOff)
        printErr(cli::tr("warning: %1: only the newest %2 tasks were read.")
                     .arg(result.region, QString::number(ProductListing::kMaxPages *
                                                         std::max(1, product().listPageLimit()))));
    emit regionListed(result);
    regionDone();
}

void ProductListSession::onFailed(const ProductListing::Failure& failure) {
    printErr(SafeText::singleLine(failure.message, 800));
    switch (failure.kind) {
    case ProductListing::FailureKind::PermissionDenied:
    case ProductListing::FailureKind::AuthRejected:
        m_exitCode = ExitCredentials;
        break;
    case ProductListing::FailureKind::UnsupportedRegion:
        break; // skipped, said so
    case ProductListing::FailureKind::NoListAction:
    case ProductListing::FailureKind::Failed:
        if (m_exitCode == ExitOk)
            m_exitCode = ExitTaskFailed;
        break;
    }
    emit regionFailed(failure);
    regionDone();
}

void ProductListSession::regionDone() {
    if (--m_pending == 0)
        emit finished();
}

} // namespace taskwatch::cli
