// Lists a product's tasks in a region through its list action (redis DescribeTaskList, postgres
// DescribeTasks): the adapter writes each page's request (ProductAdapter::listBody) and reads its answer
// (parseList); this class pages through them, bounded to kMaxPages pages, and keeps the tasks that pass the
// filters the service cannot apply itself (listMatches).
//
// It sends with a TaskQueryBackend::call() of a client set to the product (ApiClient::setProduct, its
// endpoint through Endpoint::forService) and paces with the same pieces as every other action: a
// RateGovernor over the (service, list action) budget (AccountPoller::budgetName, SharedBudget::forAccount)
// driven by a PacingPump. Its reactions are DiscoveryClient's: slow-down after RequestLimitExceeded,
// exponential backoff of transient faults (a page is tried kMaxAttempts times), the client's ClockCorrector
// after AuthFailure.SignatureExpire. A missing CAM permission (with the adapter's permissionHint), a region
// the account does not have, rejected credentials and a product without a list action end the listing with
// a Failure that says so.
#pragma once

#include "Clock.h"
#include "api/QueryResult.h"
#include "pacing/PacingPump.h"
#include "pacing/RateGovernor.h"
#include "pacing/SendBudget.h"
#include "polling/TaskQueryBackend.h"
#include "products/ProductAdapter.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <deque>
#include <map>
#include <memory>

namespace taskwatch {

class ProductListing : public QObject {
    Q_OBJECT
public:
    using Clock = MonotonicClock;
    static constexpr int kMaxAttempts = 4; // a page after transient faults (then the listing fails)
    static constexpr int kMaxInFlight = 4;
    static constexpr int kMaxPages = 20; // per listing (2,000 tasks at 100 a page); beyond: cut off

    enum class FailureKind {
        PermissionDenied,  // the CAM policy lacks the list action's permission
        UnsupportedRegion, // the account or product has no such region
        AuthRejected,      // the credentials were rejected
        NoListAction,      // the product has no action that lists tasks (mongodb)
        Failed             // anything else, after retries
    };
    struct Result {
        quint64 listing = 0;
        QString region;
        ListQuery query;
        QList<ListItem> items; // the tasks that pass listMatches(), newest first (start time, then id)
        int listed = 0;        // tasks read, before listMatches()
        int malformed = 0;     // items skipped as malformed
        bool cutOff = false;   // more than kMaxPages pages: the oldest were not read
    };
    struct Failure {
        quint64 listing = 0;
        QString region;
        FailureKind kind = FailureKind::Failed;
        QString code;    // the server's code (or a client one)
        QString message; // translated explanation, with the server's message (sanitised)
    };

    // `client` signs for `product` (it and the adapter must outlive this object).
    ProductListing(TaskQueryBackend* client, const ProductAdapter& product, Clock clock = {},
                   QObject* parent = nullptr);
    ~ProductListing() override;

    const ProductAdapter& product() const { return *m_product; }
    // The list action's budget (null: a private one); the shared one comes from
    // SharedBudget::forAccount(secretId, AccountPoller::budgetName(product, listAction), rate).
    void setBudget(std::shared_ptr<SendBudget> budget);
    RateGovernor& rate() { return m_rate; }

    // Starts listing `region`; listed() or failed() follows (later, never from inside this call). Returns
    // its id.
    quint64 list(const ListQuery& query, const QString& region);
    void cancelAll();
    bool isBusy() const { return !m_listings.empty(); }

    // Does what is due now (the timer calls it; fake-clock tests call it directly).
    void pump();

signals:
    void listed(const taskwatch::ProductListing::Result& result);
    void failed(const taskwatch::ProductListing::Failure& failure);
    void clockCorrected(qint64 offsetSeconds);
    void rateLimited();

private:
    struct Request {
        quint64 listing = 0;
        int page = 0;
        int attempt = 0;
        qint64 dueAt = 0;
        quint64 sentGeneration = 0;
        qint64 sentOffset = 0;
        qint64 sentAt = 0; // when the budget gave it its slot
    };
    struct Listing {
        ListQuery query;
        QString region;
        int outstanding = 0; // pages asked for and not answered
        bool firstPageDone = false;
        QList<ListItem> items;
        QSet<QString> seen;
        int listed = 0;
        int malformed = 0;
        bool cutOff = false;
    };

    void enqueue(Request request);
    void send(Request request, qint64 now);
    void onSent(quint64 ticket);
    void onFinished(quint64 ticket, const QueryResult& result);
    void onPage(const Request& request, const QueryResult& result);
    void readPage(quint64 id, Listing& listing, const ListPage& page, qint64 now);
    // What to do with a failed answer: true when the request was queued again.
    bool retryable(Request request, const QueryResult& result, qint64 now);
    void failListing(quint64 id, FailureKind kind, const QString& code, const QString& message);
    void finishListing(quint64 id);
    static FailureKind failureKind(const QString& code);
    QString failureMessage(FailureKind kind, const QueryResult& result, const QString& region) const;

    TaskQueryBackend* m_client;
    const ProductAdapter* m_product;
    Clock m_clock;
    RateGovernor m_rate;
    std::deque<Request> m_queue; // ordered by due time
    int m_inFlightCount = 0;
    QHash<quint64, Request> m_inFlight; // by ticket
    std::map<quint64, Listing> m_listings;
    std::unique_ptr<PacingPump> m_pump;
    QRandomGenerator m_rng;
    quint64 m_nextTicket = 1;
    quint64 m_nextListing = 1;
};

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::ProductListing::Result)
Q_DECLARE_METATYPE(taskwatch::ProductListing::Failure)
