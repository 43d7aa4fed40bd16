#include "polling/AccountPoller.h"

#include "api/ApiClient.h"
#include "api/Endpoint.h"
#include "discovery/Discovery.h"
#include "discovery/DiscoveryClient.h"
#include "pacing/SharedBudget.h"
#include "polling/PollScheduler.h"
#include "products/Products.h"
#include "task/TaskKey.h"

#include <QNetworkAccessManager>
#include <algorithm>

namespace taskwatch {

struct AccountPoller::Lane {
    const ProductAdapter* product = nullptr;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<PollScheduler> scheduler;
};

namespace {
// The account's endpoint for a product: the vendor's hosts name the service (the profile's international,
// China, regional or financial-zone choice is kept); a custom URL (an emulator, a proxy) serves every
// product.
EndpointConfig endpointFor(const EndpointConfig& endpoint, const ProductAdapter& product) {
    EndpointConfig e = endpoint;
    e.url = Endpoint::forService(endpoint.url, product.service());
    return e;
}
} // namespace

AccountPoller::AccountPoller(QString profile, PollOptions poll, bool sharedBudget,
                             std::function<bool()> paused, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_poll(poll)
    , m_sharedBudget(sharedBudget)
    , m_paused(std::move(paused)) {}

AccountPoller::~AccountPoller() {
    // The schedulers and discovery go first (they reference the clients), then the clients abort what is in
    // flight.
    m_discovery.reset();
    for (auto& [key, lane] : m_lanes)
        lane->scheduler.reset();
    m_lanes.clear();
}

PollScheduler* AccountPoller::scheduler() const {
    return existingScheduler(QString::fromLatin1(kCdbProduct));
}

PollScheduler* AccountPoller::existingScheduler(const QString& product) const {
    const auto it = m_lanes.find(product.isEmpty() ? QString::fromLatin1(kCdbProduct) : product);
    return it == m_lanes.end() ? nullptr : it->second->scheduler.get();
}

PollScheduler* AccountPoller::scheduler(const QString& product) {
    if (PollScheduler* s = existingScheduler(product))
        return s;
    const ProductAdapter* adapter = Products::find(product);
    if (!isStarted() || !adapter)
        return nullptr;
    return createLane(*adapter).scheduler.get();
}

QList<PollScheduler*> AccountPoller::schedulers() const {
    QList<PollScheduler*> result;
    if (PollScheduler* cdb = scheduler())
        result.append(cdb);
    for (const auto& [key, lane] : m_lanes) {
        if (lane->scheduler.get() != scheduler())
            result.append(lane->scheduler.get());
    }
    return result;
}

ApiClient* AccountPoller::client() const {
    return client(QString::fromLatin1(kCdbProduct));
}

ApiClient* AccountPoller::client(const QString& product) const {
    const auto it = m_lanes.find(product);
    return it == m_lanes.end() ? nullptr : it->second->client.get();
}

QString AccountPoller::budgetName(const ProductAdapter& product, const char* action) {
    if (isCdbProduct(product.key()))
        return QString::fromLatin1(action);
    return product.service() + QLatin1Char('.') + QString::fromLatin1(action);
}

void AccountPoller::start(const AccountConfig& config) {
    m_config = config;
    m_status.endpointProblem.clear();
    if (!isStarted()) {
        createClients();
        setState(AccountState::Polling);
        emit started(m_profile);
        return;
    }
    for (auto& [key, lane] : m_lanes) {
        lane->client->setEndpoint(endpointFor(config.endpoint, *lane->product));
        lane->client->setCredential(config.credential);
        // The transport may have changed (HTTP/2 to the vendor, HTTP/1.1 to a loopback server).
        lane->scheduler->setMaxInFlight(Endpoint::maxInFlight(config.endpoint, m_poll.maxInFlight));
        lane->client->clockCorrector().reset(); // a new credential or a fixed clock may need a new correction
    }
    m_status.discoveryProblem.clear(); // new credentials may have the permission
    useBudgetOf(config.credential.secretId);
    setState(AccountState::Polling);
    for (PollScheduler* s : schedulers())
        s->refreshNow();
}

void AccountPoller::createClients() {
    m_nam = std::make_unique<QNetworkAccessManager>();
    Lane& cdb = createLane(*Products::find(QString::fromLatin1(kCdbProduct)));
    m_discovery = std::make_unique<DiscoveryClient>(cdb.client.get());
    connect(m_discovery.get(), &DiscoveryClient::clockCorrected, this, [this](qint64 offset) {
        for (auto& [key, lane] : m_lanes)
            lane->client->setClockOffset(offset); // one signing clock for the account
        emit clockCorrected(m_profile, offset);
    });
    connect(m_discovery.get(), &DiscoveryClient::rateLimited, this,
            [this](const QString& action) { emit rateLimited(m_profile, action); });
    useBudgetOf(m_config.credential.secretId);
}

AccountPoller::Lane& AccountPoller::createLane(const ProductAdapter& product) {
    auto lane = std::make_unique<Lane>();
    lane->product = &product;
    lane->client = std::make_unique<ApiClient>(m_nam.get(), endpointFor(m_config.endpoint, product),
                                               m_config.credential);
    lane->client->setProduct(product);
    if (const ApiClient* cdb = client())
        lane->client->setClockOffset(cdb->clockOffset()); // one signing clock for the account
    PollOptions options = m_poll;
    options.maxInFlight = Endpoint::maxInFlight(m_config.endpoint, options.maxInFlight);
    options.maxRate = std::min(options.maxRate, product.pollAction().ratePerSecond);
    lane->scheduler = std::make_unique<PollScheduler>(lane->client.get(), options);
    lane->scheduler->setUnseenGraceMs(product.unseenGraceMs());
    lane->scheduler->setMayPoll([this] { return m_status.state == AccountState::Polling && !m_paused(); });
    Lane& result = *lane;
    m_lanes.emplace(product.key(), std::move(lane));
    connectLane(result);
    if (!m_budgetSecretId.isEmpty() && m_sharedBudget)
        useBudget(result); // a later lane: the account's budgets are chosen already
    return result;
}

void AccountPoller::connectLane(Lane& lane) {
    PollScheduler* s = lane.scheduler.get();
    const QString product = lane.product->key();
    connect(s, &PollScheduler::polled, this, [this, product](const PollOutcome& o) {
        PollOutcome outcome = o;
        outcome.product = product;
        emit polled(m_profile, outcome);
    });
    connect(s, &PollScheduler::credentialsRejected, this, &AccountPoller::onCredentialsRejected);
    connect(s, &PollScheduler::endpointFailed, this, [this](int httpStatus, const QString& message) {
        m_status.endpointProblem = message.isEmpty() ? tr("HTTP status %1").arg(httpStatus) : message;
        emit statusChanged(m_profile);
    });
    connect(s, &PollScheduler::endpointRecovered, this, [this] {
        m_status.endpointProblem.clear();
        emit statusChanged(m_profile);
    });
    // Every product's requests are signed with the account's one clock: a correction applies to all.
    ApiClient* corrected = lane.client.get();
    connect(s, &PollScheduler::clockCorrected, this, [this, corrected](qint64 offset) {
        for (auto& [key, other] : m_lanes) {
            if (other->client.get() != corrected)
                other->client->setClockOffset(offset);
        }
        emit clockCorrected(m_profile, offset);
    });
    connect(s, &PollScheduler::rateLimited, this,
            [this](const QString& code) { emit rateLimited(m_profile, code); });
}

SharedBudget::Choice AccountPoller::sharedBudget(const QString& secretId, const ProductAdapter& product,
                                                 const ProductAction& action, int maxRate) {
    return SharedBudget::forAccount(secretId, budgetName(product, action.name),
                                    std::min(maxRate, action.ratePerSecond));
}

QString AccountPoller::useBudget(Lane& lane) const {
    SharedBudget::Choice choice =
        sharedBudget(m_budgetSecretId, *lane.product, lane.product->pollAction(), m_poll.maxRate);
    lane.scheduler->setBudget(std::move(choice.budget));
    return choice.warning;
}

// One budget per SecretId, service and API action, shared with the user's other TaskWatch processes (and with
// other profiles that hold the same key).
void AccountPoller::useBudgetOf(const QString& secretId) {
    if (!m_sharedBudget || secretId.isEmpty() || secretId == m_budgetSecretId)
        return;
    m_budgetSecretId = secretId;
    QString warning;
    for (auto& [key, lane] : m_lanes) {
        const QString w = useBudget(*lane);
        if (warning.isEmpty())
            warning = w;
    }
    // Discovery's actions have budgets of their own (never DescribeAsyncRequestInfo's 40/s).
    const auto budgetOf = [&secretId](const char* action) {
        return SharedBudget::forAccount(secretId, QString::fromLatin1(action), Discovery::kMaxRate).budget;
    };
    m_discovery->setBudgets(budgetOf(Discovery::kTasksAction), budgetOf(Discovery::kInstancesAction));
    const QString before = std::exchange(m_status.pacingWarning, warning);
    if (!m_status.pacingWarning.isEmpty() && m_status.pacingWarning != before)
        emit pacingFallback(m_profile, m_status.pacingWarning);
}

bool AccountPoller::setMissing(const QString& reason) {
    if (isStarted())
        return false; // keeps polling with the credential it has
    setState(AccountState::CredentialsMissing, reason);
    return true;
}

void AccountPoller::resume() {
    if (!isStarted() || m_status.state != AccountState::HeldByAuth)
        return;
    for (auto& [key, lane] : m_lanes)
        lane->client->clockCorrector().reset();
    setState(AccountState::Polling);
}

void AccountPoller::setDiscoveryDenied(const QString& message) {
    m_status.discoveryProblem = message;
    emit statusChanged(m_profile);
}

void AccountPoller::wake() {
    for (PollScheduler* s : schedulers())
        s->wake();
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
    wake();
    emit statusChanged(m_profile);
}

} // namespace taskwatch
