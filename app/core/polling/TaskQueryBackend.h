// The seam between the PollScheduler and whatever answers DescribeAsyncRequestInfo: ApiClient in the
// application, a scripted fake in the scheduler's tests.
#pragma once

#include "api/QueryResult.h"
#include "pacing/ClockCorrector.h"

#include <QObject>

namespace taskwatch {

class TaskQueryBackend : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // Starts one query; exactly one queryFinished(ticket, ...) follows, later (never from inside this call).
    virtual void query(quint64 ticket, const QString& taskId, const QString& region) = 0;
    // Seconds to add to the local clock when signing (server time - local time); see
    // AuthFailure.SignatureExpire.
    virtual void setClockOffset(qint64 seconds) = 0;
    virtual qint64 clockOffset() const = 0;
    // How that offset is corrected: one corrector per signing clock, shared by every action signed with it.
    ClockCorrector& clockCorrector() { return m_clockCorrector; }
    // Abandon every request in flight; no queryFinished follows for them.
    virtual void abortAll() = 0;

signals:
    // The request of `ticket` was written to its connection (it may have waited in the HTTP stack); at most
    // once per ticket, before queryFinished. Optional: a backend that never says so is paced by its start.
    void querySent(quint64 ticket);
    void queryFinished(quint64 ticket, const taskwatch::QueryResult& result);

private:
    ClockCorrector m_clockCorrector;
};

} // namespace taskwatch
