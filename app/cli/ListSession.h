// One run of `list`: lists every region through DescribeTasks (DiscoveryClient, paced by the account's shared
// budgets), keeps the tasks that match the filters, reports each region's problems on stderr and decides the
// exit status. finished() comes once every region was listed or failed; runList() prints items().
#pragma once

#include "accounts/RunSettings.h"
#include "api/ApiClient.h"
#include "discovery/DiscoveryClient.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>

namespace taskwatch::cli {

class ListSession : public QObject {
    Q_OBJECT
public:
    explicit ListSession(const RunSettings& settings, QObject* parent = nullptr);

    // Lists each region with `filters` (their region replaced); finished() follows, never from inside.
    void start(const Discovery::Query& filters, const QStringList& regions);
    // The matching tasks of every region, newest first (start time, then JobId).
    QList<Discovery::Item> items() const;
    // 0 listed; 1 a region failed; 3 the credentials or the permission were refused (the worst wins).
    int exitCode() const { return m_exitCode; }

public slots:
    void onListed(const taskwatch::DiscoveryClient::Result& result);
    void onFailed(const taskwatch::DiscoveryClient::Failure& failure);
    void noteClockCorrected(qint64 offsetSeconds);

signals:
    void finished();

private:
    void regionDone();

    QNetworkAccessManager m_nam;
    ApiClient m_client;
    DiscoveryClient m_discovery;
    QList<Discovery::Item> m_items;
    int m_pending = 0; // regions not listed yet
    int m_exitCode = 0;
};

} // namespace taskwatch::cli
