// One account's polling: its QNetworkAccessManager; per product a lane of a signed ApiClient (the product's
// service, version, endpoint host and poll action) and a PollScheduler, cdb's with the DiscoveryClient; the
// budgets they spend (one per SecretId, service and API action, shared with the user's other TaskWatch
// processes); one signing clock correction for all of them; and its AccountStatus. An account whose
// credentials are not known yet (or no more) has no client: its tasks are held with the reason. An
// authentication failure holds only this account's polling.
#pragma once

#include "accounts/AccountConfig.h"
#include "pacing/SharedBudget.h"
#include "polling/AccountStatus.h"
#include "polling/PollOptions.h"
#include "task/PollOutcome.h"

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace taskwatch {

class ApiClient;
class DiscoveryClient;
class PollScheduler;
class ProductAdapter;
struct ProductAction;

class AccountPoller : public QObject {
    Q_OBJECT
public:
    // `paused`: whether the user paused polling (asked before every send). `sharedBudget` off: it paces on
    // its own (in-process tests and benchmarks with several emulators).
    AccountPoller(QString profile, PollOptions poll, bool sharedBudget, std::function<bool()> paused,
                  QObject* parent = nullptr);
    ~AccountPoller() override;

    const QString& profile() const { return m_profile; }
    const AccountStatus& status() const { return m_status; }
    bool isStarted() const { return !m_lanes.empty(); }
    const AccountConfig* config() const { return isStarted() ? &m_config : nullptr; }

    // Starts polling with these credentials and endpoint, or switches to them (which also resumes after an
    // authentication failure and asks every unfinished task again).
    void start(const AccountConfig& config);
    // The credentials are missing: its tasks are held with `reason` (translated). A started account keeps
    // polling with the credentials it has (false).
    bool setMissing(const QString& reason);
    // Tries the same credentials again after an authentication failure.
    void resume();
    // Discovery is not permitted for the account (the CAM policy lacks the permission): its listings stop.
    void setDiscoveryDenied(const QString& message);
    // The pause changed: the scheduler sends again (or stops) at once.
    void wake();

    PollScheduler* scheduler() const; // cdb's; null while not started
    // The product's (registry key; empty: cdb), its lane created on first use; null while not started and for
    // an unknown product.
    PollScheduler* scheduler(const QString& product);
    PollScheduler* existingScheduler(const QString& product) const; // without creating it
    QList<PollScheduler*> schedulers() const;                       // every lane's, cdb's first
    DiscoveryClient* discovery() const { return m_discovery.get(); }
    ApiClient* client() const; // cdb's
    ApiClient* client(const QString& product) const;

    // The budget name of a product's poll action: cdb's is the action's name (as before products); the
    // others' "<service>.<action>" (mongodb's DescribeAsyncRequestInfo is not cdb's).
    static QString budgetName(const ProductAdapter& product, const char* action);
    // The budget of (secretId, product's service, action) shared with the user's other processes, at the
    // action's documented rate capped by `maxRate` (a warning when it cannot be shared: SharedBudget).
    static SharedBudget::Choice sharedBudget(const QString& secretId, const ProductAdapter& product,
                                             const ProductAction& action, int maxRate);

signals:
    void polled(const QString& profile, const taskwatch::PollOutcome& outcome); // outcome.product is set
    void statusChanged(const QString& profile);
    // The account's tasks are held (no credentials, rejected ones) or released (polling again).
    void holdChanged(const QString& profile, bool held);
    void credentialsRejected(const QString& profile, const QString& code, const QString& message); // once
    void clockCorrected(const QString& profile, qint64 offsetSeconds);
    void rateLimited(const QString& profile, const QString& code);
    void pacingFallback(const QString& profile, const QString& warning); // once per new credential
    void started(const QString& profile);                                // the client exists now

private:
    struct Lane;
    void createClients();
    Lane& createLane(const ProductAdapter& product);
    void connectLane(Lane& lane);
    void useBudgetOf(const QString& secretId);
    QString useBudget(Lane& lane) const; // the pacing warning (empty: shared)
    void setState(AccountState state, const QString& problem = {}, const QString& message = {});
    void onCredentialsRejected(const QString& code, const QString& message);

    QString m_profile;
    PollOptions m_poll;
    bool m_sharedBudget;
    std::function<bool()> m_paused;
    AccountConfig m_config;
    AccountStatus m_status;
    QString m_budgetSecretId; // whose shared pacing budgets the scheduler and discovery use
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::map<QString, std::unique_ptr<Lane>> m_lanes; // by product key
    std::unique_ptr<DiscoveryClient> m_discovery;
};

} // namespace taskwatch
