// Discovery of another product's tasks (redis DescribeTaskList, postgres DescribeTasks) for the board: one
// ProductListing per (account, product), over the account's client of that product and paced by the shared
// budget of (SecretId, service, list action). Each region's listing adds its tasks to the board — unfinished
// ones are polled by id, finished ones shown with their listed end — and the board reports it like a cdb
// listing (discoveryFinished / discoveryFailed). One listing per request: these products' listings are not
// followed (cdb's are, by the DiscoveryCoordinator).
#pragma once

#include "discovery/DiscoveryRequest.h"
#include "discovery/ProductListing.h"

#include <QObject>
#include <map>
#include <memory>
#include <utility>

namespace taskwatch {

class TaskBoard;

class ProductDiscovery : public QObject {
    Q_OBJECT
public:
    explicit ProductDiscovery(TaskBoard* board);
    ~ProductDiscovery() override;

    // Lists each region of the request with the product's list action. Needs the account; a product without
    // a list action (mongodb) fails at once.
    void discover(const QString& profile, const ProductAdapter& product, const DiscoveryRequest& request);
    bool isBusy() const;
    void accountRemoved(const QString& profile); // its listings end without a word

private:
    using Key = std::pair<QString, QString>; // (profile, product)
    ProductListing* listingFor(const QString& profile, const ProductAdapter& product);
    void onListed(const QString& profile, const ProductListing::Result& result);
    void onFailed(const QString& profile, const ProductListing::Failure& failure);

    TaskBoard* m_board;
    std::map<Key, std::unique_ptr<ProductListing>> m_listings;
};

} // namespace taskwatch
