// What one poll of a task found, as the scheduler reports it: the facts of the answer (bounded) and what the
// scheduler concluded for its own schedule. The scheduler keeps no task state: the TaskBoard applies an
// outcome to the task (TaskLifecycle::apply), the only place where a poll changes a task.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <optional>

namespace taskwatch {

struct PollOutcome {
    enum class Kind {
        Answered, // a status (and Info) that is not terminal: polled again later
        Finished, // a terminal status: never polled again
        Failed,   // a transient fault: polled again after a backoff; the last good status and Info stay
        Stopped,  // a permanent error (the task does not exist, the endpoint is wrong): not polled until
                  // retried
        Rejected  // the credentials were rejected: nothing is sent for the account until they change
    };
    QString taskId;
    QString product; // registry key; set by the account's poller (empty: cdb)
    Kind kind = Kind::Answered;
    // The status, Info or error code differ from the task's last result (the first result always does).
    bool observedChange = false;
    std::optional<QString> status;       // Answered / Finished only
    std::optional<QString> info;         // Answered / Finished only
    std::optional<QString> vendorStatus; // Answered / Finished: the vendor's word (nullopt: as status)
    QString requestId;
    QString errorCode; // empty for Answered / Finished
    QString errorMessage;
    int httpStatus = 0;
    QByteArray excerpt; // bounded excerpt of the raw body
    QDateTime checkedAt;
    int consecutiveFailures = 0; // Failed: how many in a row
    QDateTime nextPollAt;        // Answered, Failed: when it is asked about again

    bool isError() const { return kind == Kind::Failed || kind == Kind::Stopped || kind == Kind::Rejected; }
};

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::PollOutcome)
