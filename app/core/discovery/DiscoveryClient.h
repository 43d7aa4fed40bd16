// Lists an account's tasks in a region through DescribeTasks (every page) and names their instances
// through DescribeDBInstances (cached per region, refreshed at most every 10 minutes).
//
// It signs and sends with the account's ApiClient (a TaskQueryBackend; a fake in tests): the same endpoint,
// credential and signing clock as polling, but it paces each action with its own budget (50 per second each,
// never DescribeAsyncRequestInfo's 40). Its reactions are the shared ones: RateGovernor slow-down after
// RequestLimitExceeded, exponential backoff of transient faults (a page is tried kMaxAttempts times), and the
// client's ClockCorrector after AuthFailure.SignatureExpire. A missing CAM permission, a region the
// account does not have and rejected credentials end the listing with a Failure that says so.
#pragma once

#include "Clock.h"
#include "api/QueryResult.h"
#include "discovery/Discovery.h"
#include "pacing/PacingPump.h"
#include "pacing/RateGovernor.h"
#include "pacing/SendBudget.h"
#include "polling/TaskQueryBackend.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace taskwatch {

class DiscoveryClient : public QObject {
    Q_OBJECT
public:
    using Clock = MonotonicClock;
    static constexpr int kMaxAttempts = 4; // a page after transient faults (then the listing fails)
    static constexpr int kMaxInFlight = 4; // per action

    enum class FailureKind {
        PermissionDenied,  // the CAM policy lacks cdb:DescribeTasks: discovery is off for the account
        UnsupportedRegion, // the account or product has no such region: skip it
        AuthRejected,      // the credentials were rejected (polling reports that itself)
        Failed             // anything else, after retries
    };
    struct Result {
        quint64 listing = 0;
        Discovery::Query query;
        // Every task listed, newest first, instance names filled in. The filters DescribeTasks cannot apply
        // (Discovery::matches) are the caller's: a task already watched is updated even when it no longer
        // matches (e.g. it finished).
        QList<Discovery::Item> items;
        int malformed = 0;   // items skipped as malformed
        bool cutOff = false; // more than Discovery::kMaxPages pages: the oldest were not read
        // Every task the server counted is in `items`: every page was read, each said the same TotalCount,
        // none was cut off and no item was malformed. Only then does a task's absence mean anything.
        bool complete = false;
        qint64 sentAt = 0;    // monotonic ms (the client's clock): when its last page was sent
        QString namesProblem; // non-empty: instance names unavailable (translated, why)
    };
    struct Failure {
        quint64 listing = 0;
        QString region;
        FailureKind kind = FailureKind::Failed;
        QString code;    // the server's code (or a client one)
        QString message; // translated explanation, with the server's message (sanitised)
    };

    DiscoveryClient(TaskQueryBackend* client, Clock clock = {}, QObject* parent = nullptr);
    ~DiscoveryClient() override;

    // Each action's budget (null: a private one). Shared budgets come from
    // SharedBudget::forAccount(secretId, Discovery::kTasksAction, Discovery::kMaxRate).
    void setBudgets(std::shared_ptr<SendBudget> tasks, std::shared_ptr<SendBudget> instances);
    RateGovernor& tasksRate() { return m_rates[0]; }
    RateGovernor& instancesRate() { return m_rates[1]; }

    // Starts listing; listed() or failed() follows (later, never from inside this call). Returns its id.
    quint64 list(const Discovery::Query& query);
    void cancelAll();
    bool isBusy() const { return !m_listings.empty(); }
    // Instance names known for a region (the cache), for tasks restored before any listing.
    QString instanceName(const QString& region, const QString& instanceId) const;

    // Does what is due now (the timer calls it; fake-clock tests call it directly).
    void pump();

    static QString permissionName(const char* action); // "cdb:DescribeTasks"

signals:
    void listed(const taskwatch::DiscoveryClient::Result& result);
    void failed(const taskwatch::DiscoveryClient::Failure& failure);
    // A page of the listing failed and is tried again later (a transient fault): the listing is late.
    void attemptFailed(quint64 listing);
    void requestSent(const QString& action, const QString& region);
    void clockCorrected(qint64 offsetSeconds);
    void rateLimited(const QString& action);

private:
    enum Action { Tasks = 0, Instances = 1 };
    struct Request {
        Action action = Tasks;
        quint64 listing = 0; // Tasks: the listing; Instances: 0
        QString region;
        int offset = 0;
        int attempt = 0;
        qint64 dueAt = 0;
        quint64 sentGeneration = 0;
        qint64 sentOffset = 0;
        qint64 sentAt = 0; // when the budget gave it its slot
    };
    struct Listing {
        Discovery::Query query;
        int outstanding = 0; // pages asked for and not answered
        bool firstPageDone = false;
        int totalCount = -1;    // as the first page said
        bool consistent = true; // every page said the same TotalCount
        qint64 lastSentAt = 0;
        QList<Discovery::Item> items;
        QSet<QString> seen;
        int malformed = 0;
        bool cutOff = false;
        bool waitingForNames = false;
    };
    struct NameCache {
        QHash<QString, QString> names;
        QHash<QString, QString> fetching; // the names of a refresh under way
        qint64 fetchedAt = -1;            // monotonic ms; -1: never
        bool inProgress = false;
        int outstanding = 0;
        QString problem;
    };

    void enqueue(Request request);
    void schedule();
    void send(Request request, qint64 now);
    void onSent(quint64 ticket);
    void onFinished(quint64 ticket, const QueryResult& result);
    void onTasksPage(const Request& request, const QueryResult& result);
    void onInstancesPage(const Request& request, const QueryResult& result);
    // What to do with a failed answer: true when the request was queued again.
    bool retryable(Request request, const QueryResult& result, qint64 now);
    void failListing(quint64 listing, FailureKind kind, const QString& code, const QString& message);
    void failNames(const QString& region, const QString& problem);
    void pagesDone(quint64 listing);
    void finishListing(quint64 listing);
    static const char* actionName(Action action);
    static FailureKind failureKind(const QString& code);
    QString failureMessage(Action action, FailureKind kind, const QueryResult& result,
                           const QString& region) const;

    TaskQueryBackend* m_client;
    Clock m_clock;
    RateGovernor m_rates[2];
    std::deque<Request> m_queue[2]; // ordered by due time
    int m_inFlightCount[2] = {0, 0};
    QHash<quint64, Request> m_inFlight; // by ticket
    std::map<quint64, Listing> m_listings;
    QHash<QString, NameCache> m_names;      // by region
    std::unique_ptr<PacingPump> m_pumps[2]; // one per action, each over its RateGovernor
    QRandomGenerator m_rng;
    quint64 m_nextTicket = 1;
    quint64 m_nextListing = 1;
};

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::DiscoveryClient::Result)
Q_DECLARE_METATYPE(taskwatch::DiscoveryClient::Failure)
