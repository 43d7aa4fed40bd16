#include "WatchSession.h"

#include "TaskStore.h"

#include <QNetworkAccessManager>

namespace taskwatch {

namespace {
// Plain HTTP/1.1 (loopback only) has 6 connections per host in QNetworkAccessManager: more requests in flight
// would queue inside it and could then leave in a burst that the pacing never produced. HTTPS uses HTTP/2
// (one multiplexed connection), where nothing queues.
PollOptions withTransportLimits(const SessionConfig& config) {
    PollOptions options = config.poll;
    if (config.endpoint.url.scheme() == QLatin1String("http"))
        options.maxInFlight = std::min(options.maxInFlight, 6);
    return options;
}
} // namespace

WatchSession::WatchSession(SessionConfig config, TaskStore* store, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_store(store)
    , m_nam(std::make_unique<QNetworkAccessManager>())
    , m_client(std::make_unique<ApiClient>(m_nam.get(), m_config.endpoint, m_config.credential))
    , m_scheduler(std::make_unique<PollScheduler>(m_client.get(), withTransportLimits(m_config))) {
    connect(m_scheduler.get(), &PollScheduler::taskUpdated, this, &WatchSession::onTaskUpdated);
    useBudgetOf(m_config.credential.secretId);
}

// One budget per SecretId and API action, shared with the user's other TaskWatch processes.
void WatchSession::useBudgetOf(const QString& secretId) {
    if (!m_config.sharedBudget || secretId.isEmpty() || secretId == m_budgetSecretId)
        return;
    m_budgetSecretId = secretId;
    SharedBudget::Choice choice =
        SharedBudget::forAccount(secretId, QStringLiteral("DescribeAsyncRequestInfo"), m_config.poll.maxRate);
    m_scheduler->setBudget(std::move(choice.budget));
    m_pacingWarning = choice.warning;
}

WatchSession::~WatchSession() {
    // The scheduler goes first (it references the client), then the client aborts what is in flight.
    m_scheduler.reset();
    m_client.reset();
}

bool WatchSession::addTask(const QString& id, const QString& region) {
    const QString r = region.isEmpty() ? m_config.defaultRegion : region;
    if (!m_scheduler->addTask(id, r))
        return false;
    if (m_store) {
        if (const TaskState* state = m_scheduler->task(id);
            state && !m_store->upsertTask(*state, m_config.profile))
            emit storeFailed(m_store->lastError());
    }
    return true;
}

QStringList WatchSession::addTasks(const QStringList& ids, const QString& region) {
    QStringList added;
    const auto addAll = [&] {
        for (const QString& id : ids) {
            if (addTask(id, region))
                added.append(id);
        }
        return true;
    };
    if (m_store)
        m_store->transaction(addAll);
    else
        addAll();
    return added;
}

int WatchSession::restoreFromStore() {
    if (!m_store)
        return 0;
    int restored = 0;
    const QList<TaskState> tasks = m_store->loadTasks();
    for (const TaskState& state : tasks)
        restored += m_scheduler->restoreTask(state) ? 1 : 0;
    return restored;
}

void WatchSession::removeTask(const QString& id) {
    m_scheduler->removeTask(id);
    if (m_store && !m_store->removeTask(id))
        emit storeFailed(m_store->lastError());
}

void WatchSession::setCredential(const Credential& credential) {
    m_config.credential = credential;
    m_client->setCredential(credential);
    const QString before = m_pacingWarning;
    useBudgetOf(credential.secretId);
    if (!m_pacingWarning.isEmpty() && m_pacingWarning != before)
        emit pacingFallback(m_pacingWarning);
    m_scheduler->resumeAfterAuthFailure();
}

void WatchSession::setEndpoint(const EndpointConfig& endpoint) {
    m_config.endpoint = endpoint;
    m_client->setEndpoint(endpoint);
    m_scheduler->refreshNow();
}

void WatchSession::onTaskUpdated(const TaskState& state, bool observedChange) {
    if (observedChange)
        emit historyRecorded(TaskStore::entryFrom(state));
    if (m_store && !m_store->record(state, observedChange, m_config.profile))
        emit storeFailed(m_store->lastError());
}

} // namespace taskwatch
