// Checks that a credential is accepted by an endpoint, without storing anything: one DescribeAsyncRequestInfo
// for an id no task has. The server checks the signature first, then answers
// InvalidParameter.InvalidAsyncRequestId, which proves the keys were accepted. Qt Core and Network only: the
// Credentials dialog's Test button uses it, a command could too.
//
//     auto* probe = new CredentialProbe(nam, this);
//     connect(probe, &CredentialProbe::finished, this, &Owner::showVerdict); // (Outcome, sentence)
//     probe->start(QUrl(endpoint), credential, region);
#pragma once

#include "api/Credential.h"
#include "api/QueryResult.h"
#include "api/Regions.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace taskwatch {

class ApiClient;

class CredentialProbe : public QObject {
    Q_OBJECT
public:
    // A well-formed id that no task has.
    static constexpr auto kProbeTaskId = "00000000-00000000-00000000-00000000";
    // The region asked when none is given.
    static constexpr auto kFallbackRegion = Regions::kDefault;

    enum class Outcome {
        Accepted,      // the keys and the signature were accepted
        Rejected,      // an authentication failure: the keys (or the clock) are wrong
        ServerError,   // the server answered with another error: the keys were not judged
        NetworkProblem // no answer of the API: the keys were not checked
    };
    Q_ENUM(Outcome)

    explicit CredentialProbe(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~CredentialProbe() override;

    // Sends the request; finished() follows, never before start() returns. False (nothing sent) while a
    // check is running or without a network access manager. `region` empty = kFallbackRegion.
    bool start(const QUrl& endpoint, const Credential& credential, const QString& region);
    bool isRunning() const { return !m_client.isNull(); }

    // The region start() asks for `region`.
    static QString effectiveRegion(const QString& region);
    // What an answer means, and the sentence that says so (translated; server text made safe for one line).
    static Outcome outcomeOf(const QueryResult& result);
    static QString describe(const QueryResult& result);

signals:
    void finished(taskwatch::CredentialProbe::Outcome outcome, const QString& text);

private:
    void onFinished(const QueryResult& result);

    QPointer<QNetworkAccessManager> m_nam;
    QPointer<ApiClient> m_client;
};

} // namespace taskwatch
