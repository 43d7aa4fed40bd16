// The seam between the pollers and the API: DescribeAsyncRequestInfo for the PollScheduler (query()), any
// other action of the service for the DiscoveryClient (call()). ApiClient in the application, scripted fakes
// in the tests.
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
    // Any other action of the same service, version, endpoint, signing and envelope (DescribeTasks,
    // DescribeDBInstances): `body` is the JSON request body. Exactly one callFinished(ticket, ...) follows,
    // later, with the Response object in result.response when the answer is a success. Tickets are the
    // caller's: they need not differ from query()'s. A backend of DescribeAsyncRequestInfo only answers
    // InvalidAction.
    virtual void call(quint64 ticket, const char* action, const QString& region, const QByteArray& body) {
        Q_UNUSED(action);
        Q_UNUSED(region);
        Q_UNUSED(body);
        QMetaObject::invokeMethod(
            this,
            [this, ticket] {
                QueryResult r;
                r.kind = ResultKind::ApiError;
                r.errorCode = QStringLiteral("InvalidAction");
                emit callFinished(ticket, r);
            },
            Qt::QueuedConnection);
    }

signals:
    // The request of `ticket` was written to its connection (it may have waited in the HTTP stack); at most
    // once per ticket, before queryFinished. Optional: a backend that never says so is paced by its start.
    void querySent(quint64 ticket);
    void queryFinished(quint64 ticket, const taskwatch::QueryResult& result);
    void callSent(quint64 ticket); // call()'s querySent
    void callFinished(quint64 ticket, const taskwatch::QueryResult& result);

private:
    ClockCorrector m_clockCorrector;
};

} // namespace taskwatch
