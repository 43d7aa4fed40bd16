// One live polling session for one credential: the QNetworkAccessManager, the signed ApiClient, the
// PollScheduler, and (optionally) recording every observed change into the TaskStore. The GUI and the
// `watch` command both drive polling through this class, so they behave the same.
#pragma once

#include "ApiClient.h"
#include "PollScheduler.h"

#include <QObject>
#include <memory>

class QNetworkAccessManager;

namespace taskwatch {

class TaskStore;

struct SessionConfig {
    EndpointConfig endpoint;
    Credential credential;
    QString profile;       // recorded with stored tasks (empty for environment credentials)
    QString defaultRegion; // used when a task is added without a region
    PollOptions poll;
    // Pace with the budget of the SecretId shared by every process of the user (SharedBudget); false: this
    // session's own pacing only (in-process tests and benchmarks that run several emulators).
    bool sharedBudget = true;
};

class WatchSession : public QObject {
    Q_OBJECT
public:
    // `store` may be null (watch --no-history); it must outlive the session.
    WatchSession(SessionConfig config, TaskStore* store, QObject* parent = nullptr);
    ~WatchSession() override;

    PollScheduler* scheduler() const { return m_scheduler.get(); }
    ApiClient* client() const { return m_client.get(); }
    const SessionConfig& config() const { return m_config; }

    // Adds a task (region empty → defaultRegion) and records it; false when already present.
    bool addTask(const QString& id, const QString& region = {});
    // The same for many ids, recorded in one transaction (a large paste). Returns the ids that were new.
    QStringList addTasks(const QStringList& ids, const QString& region = {});
    // Re-adds every task stored in the TaskStore (start-up). Returns how many.
    int restoreFromStore();
    void removeTask(const QString& id); // from the list; its history stays
    // New credentials (or the user asked to resume after an authentication failure).
    void setCredential(const Credential& credential);
    void setEndpoint(const EndpointConfig& endpoint);
    // Non-empty when the budget shared with other processes could not be used and this session paces on its
    // own (one translated line saying why; the CLI prints it to stderr, the GUI shows it in the status bar).
    QString pacingWarning() const { return m_pacingWarning; }

signals:
    void historyRecorded(const taskwatch::HistoryEntry& entry);
    void storeFailed(const QString& message); // a write to the history failed (polling goes on)
    // A new credential's budget fell back to per-process pacing (not emitted from the constructor: read
    // pacingWarning() after constructing).
    void pacingFallback(const QString& warning);

private:
    void onTaskUpdated(const TaskState& state, bool observedChange);
    void useBudgetOf(const QString& secretId);

    SessionConfig m_config;
    TaskStore* m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<PollScheduler> m_scheduler;
    QString m_budgetSecretId;
    QString m_pacingWarning;
};

} // namespace taskwatch
