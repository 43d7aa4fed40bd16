#include "accounts/CredentialProbe.h"

#include "api/ApiClient.h"
#include "api/Endpoint.h"
#include "api/ErrorCatalog.h"
#include "task/SafeText.h"

#include <QNetworkAccessManager>

namespace taskwatch {

namespace {

bool provesTheKeys(const QueryResult& result) {
    return result.kind == ResultKind::Success ||
           (result.kind == ResultKind::ApiError &&
            result.errorCode == QLatin1String("InvalidParameter.InvalidAsyncRequestId"));
}

} // namespace

CredentialProbe::CredentialProbe(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam) {}

CredentialProbe::~CredentialProbe() = default;

QString CredentialProbe::effectiveRegion(const QString& region) {
    return region.isEmpty() ? QString::fromLatin1(kFallbackRegion) : region;
}

bool CredentialProbe::start(const QUrl& endpoint, const Credential& credential, const QString& region) {
    if (m_client || !m_nam)
        return false;
    EndpointConfig config;
    config.url = endpoint;
    auto* client = new ApiClient(m_nam, config, credential, this);
    connect(client, &ApiClient::queryFinished, this,
            [this](quint64, const QueryResult& result) { onFinished(result); });
    m_client = client;
    client->query(1, QString::fromLatin1(kProbeTaskId), effectiveRegion(region));
    return true;
}

void CredentialProbe::onFinished(const QueryResult& result) {
    if (ApiClient* client = m_client.data()) {
        client->disconnect(this);
        client->deleteLater();
    }
    m_client = nullptr;
    emit finished(outcomeOf(result), describe(result));
}

CredentialProbe::Outcome CredentialProbe::outcomeOf(const QueryResult& result) {
    if (provesTheKeys(result))
        return Outcome::Accepted;
    if (result.kind == ResultKind::TransportError)
        return Outcome::NetworkProblem;
    return ErrorCatalog::isAuthFailure(result.errorCode) ? Outcome::Rejected : Outcome::ServerError;
}

QString CredentialProbe::describe(const QueryResult& result) {
    const Outcome outcome = outcomeOf(result);
    if (outcome == Outcome::Accepted)
        return tr("The keys and signature were accepted.");
    const QString code = SafeText::singleLine(result.errorCode, 120);
    if (outcome == Outcome::NetworkProblem) {
        QString text = tr("Network problem, the keys were not checked: %1 — %2")
                           .arg(code, SafeText::singleLine(result.errorMessage, 300));
        if (result.httpStatus != 0)
            text += QLatin1Char(' ') + tr("(HTTP %1)").arg(result.httpStatus);
        return text;
    }
    const ErrorDescription d = ErrorCatalog::describe(result.errorCode);
    const QString explanation = (d.meaning + QLatin1Char(' ') + d.hint).trimmed();
    if (outcome == Outcome::Rejected)
        return tr("Rejected: %1 — %2").arg(code, explanation);
    QString text = tr("The server answered %1 — %2").arg(code, explanation);
    const QString message = SafeText::singleLine(result.errorMessage, 300);
    if (!message.isEmpty())
        text += QLatin1Char(' ') + tr("(Server message: %1)").arg(message);
    return text;
}

} // namespace taskwatch
