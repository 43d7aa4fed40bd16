// One run of the listing of a product other than cdb (redis DescribeTaskList, postgres DescribeTasks) over
// every region: a client signing for the product (its endpoint through Endpoint::forService) and a
// ProductListing paced by the account's shared budget of (service, list action). `list --product` prints
// its items(); `watch --discover --product` adds each region's unfinished tasks as they are listed. Each
// region's problems are printed on stderr as they come; exitCode() is the worst of them.
#pragma once

#include "accounts/RunSettings.h"
#include "api/ApiClient.h"
#include "discovery/ProductListing.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>

namespace taskwatch::cli {

class ProductListSession : public QObject {
    Q_OBJECT
public:
    // A listed task and the region it was listed in.
    struct Item {
        QString region;
        ListItem task;
    };

    // `product` must have a list action (ProductAdapter::listAction()).
    ProductListSession(const RunSettings& settings, const ProductAdapter& product, QObject* parent = nullptr);

    const ProductAdapter& product() const { return m_listing.product(); }
    // Lists each region with `query`; regionListed()/regionFailed() per region, then finished(), never from
    // inside. A start while a run is under way is ignored (returns false).
    bool start(const ListQuery& query, const QStringList& regions);
    bool isBusy() const { return m_pending > 0; }
    // The tasks of every region listed by the last run, newest first (start time, then id).
    QList<Item> items() const;
    // 0 listed; 1 a region failed; 3 the credentials or the permission were refused (the worst wins).
    int exitCode() const { return m_exitCode; }

signals:
    void regionListed(const taskwatch::ProductListing::Result& result);
    void regionFailed(const taskwatch::ProductListing::Failure& failure);
    void finished();

private:
    void onListed(const ProductListing::Result& result);
    void onFailed(const ProductListing::Failure& failure);
    void regionDone();

    QNetworkAccessManager m_nam;
    ApiClient m_client;
    ProductListing m_listing;
    QList<Item> m_items;
    int m_pending = 0; // regions not listed yet
    int m_exitCode = 0;
};

} // namespace taskwatch::cli
