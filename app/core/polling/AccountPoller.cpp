#include "polling/AccountPoller.h"

#include "api/ApiClient.h"
#include "api/Endpoint.h"
#include "discovery/Discovery.h"
#include "discovery/DiscoveryClient.h"
#include "pacing/SharedBudget.h"
#include "polling/PollScheduler.h"

#include <QNetworkAccessManager>

namespace taskwatch {

AccountPoller::AccountPoller(QString profile, PollOptions poll, bool sharedBudget,
                             std::function<bool()> paused, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_poll(poll)
    , m_sharedBudget(sharedBudget)
    , m_paused(std::move(paused)) {}

AccountPoller::~AccountPoller() {
    // The scheduler and discovery go first (they reference the client), then the client aborts what is in
    // flight.
    m_discovery.reset();
    m_scheduler.reset();
    m_client.reset();
}

void AccountPoller::start(const AccountConfig& config) {
    m_config = config;
    m_status.endpointProblem.clear();
    if (!m_scheduler) {
        createClients();
        setState(AccountState::Polling);
        emit started(m_profile);
        return;
    }
    m_client->setEndpoint(config.endpoint);
    m_client->setCredential(config.credential);
    // The transport may have changed (HTTP/2 to the vendor, HTTP/1.1 to a loopback server).
    m_scheduler->setMaxInFlight(Endpoint::maxInFlight(config.endpoint, m_poll.maxInFlight));
    m_status.discoveryProblem.clear(); // new credentials may have the permission
    useBudgetOf(config.credential.secretId);
    m_client->clockCorrector().reset(); // a new credential or a fixed clock may need a new correction
    setState(AccountState::Polling);
    m_scheduler->refreshNow();
}

void AccountPoller::createClients() {
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_nam.get(), m_config.endpoint, m_config.credential);
    PollOptions options = m_poll;
    options.maxInFlight = Endpoint::maxInFlight(m_config.endpoint, options.maxInFlight);
    m_scheduler = std::make_unique<PollScheduler>(m_client.get(), options);
    m_scheduler->setMayPoll([this] { return m_status.state == AccountState::Polling && !m_paused(); });
    PollScheduler* s = m_scheduler.get();
    connect(s, &PollScheduler::polled, this, [this](const PollOutcome& o) { emit polled(m_profile, o); });
    connect(s, &PollScheduler::credentialsRejected, this, &AccountPoller::onCredentialsRejected);
    connect(s, &PollScheduler::endpointFailed, this, [this](int httpStatus, const QString& message) {
        m_status.endpointProblem = message.isEmpty() ? tr("HTTP status %1").arg(httpStatus) : message;
        emit statusChanged(m_profile);
    });
    connect(s, &PollScheduler::endpointRecovered, this, [this] {
        m_status.endpointProblem.clear();
        emit statusChanged(m_profile);
    });
    connect(s, &PollScheduler::clockCorrected, this,
            [this](qint64 offset) { emit clockCorrected(m_profile, offset); });
    connect(s, &PollScheduler::rateLimited, this,
            [this](const QString& code) { emit rateLimited(m_profile, code); });
    m_discovery = std::make_unique<DiscoveryClient>(m_client.get());
    connect(m_discovery.get(), &DiscoveryClient::clockCorrected, this,
            [this](qint64 offset) { emit clockCorrected(m_profile, offset); });
    connect(m_discovery.get(), &DiscoveryClient::rateLimited, this,
            [this](const QString& action) { emit rateLimited(m_profile, action); });
    useBudgetOf(m_config.credential.secretId);
}

// One budget per SecretId and API action, shared with the user's other TaskWatch processes (and with other
// profiles that hold the same key).
void AccountPoller::useBudgetOf(const QString& secretId) {
    if (!m_sharedBudget || secretId.isEmpty() || secretId == m_budgetSecretId)
        return;
    m_budgetSecretId = secretId;
    SharedBudget::Choice choice =
        SharedBudget::forAccount(secretId, QString::fromLatin1(ApiClient::kAction), m_poll.maxRate);
    m_scheduler->setBudget(std::move(choice.budget));
    // Discovery's actions have budgets of their own (never DescribeAsyncRequestInfo's 40/s).
    const auto budgetOf = [&secretId](const char* action) {
        return SharedBudget::forAccount(secretId, QString::fromLatin1(action), Discovery::kMaxRate).budget;
    };
    m_discovery->setBudgets(budgetOf(Discovery::kTasksAction), budgetOf(Discovery::kInstancesAction));
    const QString before = std::exchange(m_status.pacingWarning, choice.warning);
    if (!m_status.pacingWarning.isEmpty() && m_status.pacingWarning != before)
        emit pacingFallback(m_profile, m_status.pacingWarning);
}

bool AccountPoller::setMissing(const QString& reason) {
    if (m_scheduler)
        return false; // keeps polling with the credential it has
    setState(AccountState::CredentialsMissing, reason);
    return true;
}

void AccountPoller::resume() {
    if (!m_scheduler || m_status.state != AccountState::HeldByAuth)
        return;
    m_client->clockCorrector().reset();
    setState(AccountState::Polling);
}

void AccountPoller::setDiscoveryDenied(const QString& message) {
    m_status.discoveryProblem = message;
    emit statusChanged(m_profile);
}

void AccountPoller::wake() {
    if (m_scheduler)
        m_scheduler->wake();
}

void AccountPoller::onCredentialsRejected(const QString& code, const QString& message) {
    if (m_status.state == AccountState::HeldByAuth)
        return; // told once: the other answers in flight say the same
    emit credentialsRejected(m_profile, code, message);
    setState(AccountState::HeldByAuth, code, message);
}

void AccountPoller::setState(AccountState state, const QString& problem, const QString& message) {
    const bool wasHeld = m_status.isHeld();
    m_status.state = state;
    m_status.problem = problem;
    m_status.problemMessage = message;
    if (wasHeld != m_status.isHeld() || m_status.isHeld())
        emit holdChanged(m_profile, m_status.isHeld());
    if (m_scheduler)
        m_scheduler->wake();
    emit statusChanged(m_profile);
}

} // namespace taskwatch
