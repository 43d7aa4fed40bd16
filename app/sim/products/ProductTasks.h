// The scripted tasks of one product (mongodb, redis or postgres) and how its service sees them: by id (a
// query, which runs the timeline and counts a poll) or in a listing, only when visible to the asking
// SecretId in the asked region and no longer hidden, and the reply of a query (its fault, its error step or
// the product's fields) with the shared mechanisms.
#pragma once

#include "Script.h"
#include "Timeline.h"
#include "http/HttpReply.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace taskwatch::sim {

class ServerClock;
struct ServiceCall;

class ProductTasks {
public:
    // A task as its service sees it now.
    struct View {
        const ScriptedTask* task = nullptr;
        const TimelineStep* step = nullptr; // the current step (query) or the listed one; null without steps
        QDateTime start;                    // UTC: startedAt, or else its first query
        TaskRuntime* runtime = nullptr;
        std::optional<QString> status() const { return step ? step->status : std::nullopt; }
        QString info() const { return step ? step->info.value_or(QString()) : QString(); }
        QDateTime endAt() const { return start.addMSecs(step ? step->afterMs : 0); } // when the step began
    };

    explicit ProductTasks(const ServerClock* clock);

    void add(const ScriptedTask& task); // `task.id` must be a canonical id (ids::canonical)
    // A query by id (counts a poll); nullopt when the service does not know the task for this caller.
    std::optional<View> query(const QString& id, const QString& key, const QString& region);
    // What a listing shows (no poll counted), newest first, then the higher id.
    QList<View> list(const QString& key, const QString& region);
    // The answer to a query: the task's fault while it plays, its error step, or the product's `fields`
    // (with the step's RequestId when scripted); `outcome` is set, the task's delay applied.
    static HttpReply reply(const View& view, const ServiceCall& call,
                           const std::function<QJsonObject(const View&)>& fields);

    int pollsOf(const QString& id) const { return m_runtime.value(id).polls; }

private:
    bool visible(const ScriptedTask& task, const QString& key, const QString& region) const;
    TaskRuntime& startRuntime(const QString& id);

    const ServerClock* m_clock;
    QHash<QString, ScriptedTask> m_tasks;
    QHash<QString, QDateTime> m_addedAt; // server clock
    QHash<QString, TaskRuntime> m_runtime;
};

} // namespace taskwatch::sim
