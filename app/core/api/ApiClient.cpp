#include "api/ApiClient.h"
#include "Clock.h"

#include "api/Credential.h"
#include "api/Endpoint.h"
#include "api/ErrorCatalog.h"
#include "api/ProxyFactory.h"
#include "api/QueryResult.h"
#include "api/Regions.h"
#include "api/Signer.h"
#include "api/TlsTrust.h"
#include "products/Products.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <climits>

namespace taskwatch {

namespace {
constexpr qsizetype kMaxTlsReasons = 4;

bool isProxyError(QNetworkReply::NetworkError error) {
    return (error >= QNetworkReply::ProxyConnectionRefusedError &&
            error <= QNetworkReply::ProxyTimeoutError) ||
           error == QNetworkReply::UnknownProxyError;
}

QDateTime parseHttpDate(const QByteArray& value) {
    if (value.isEmpty())
        return {};
    // HTTP-date (RFC 7231) ends in "GMT", which Qt's RFC 2822 parser rejects: give it a numeric zone.
    QString text = QString::fromLatin1(value).simplified();
    for (const QLatin1String zone : {QLatin1String(" GMT"), QLatin1String(" UTC"), QLatin1String(" UT")}) {
        if (text.endsWith(zone, Qt::CaseInsensitive)) {
            text.chop(zone.size());
            text += QLatin1String(" +0000");
            break;
        }
    }
    QDateTime dt = QDateTime::fromString(text, Qt::RFC2822Date);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QString tlsErrorMessage(QNetworkReply* reply, const QStringList& reasons) {
    const QString host = SafeText::singleLine(reply->url().host(), 100);
    QString message =
        reasons.isEmpty()
            ? QCoreApplication::translate("ApiClient", "The TLS handshake with %1 failed: %2")
                  .arg(host, SafeText::singleLine(reply->errorString(), 300))
            : QCoreApplication::translate("ApiClient", "The server certificate of %1 was refused: %2")
                  .arg(host, reasons.join(QStringLiteral("; ")));
    if (const QString problem = TlsTrust::problem(); !problem.isEmpty())
        message += QLatin1Char(' ') + problem;
    return message;
}

QueryResult transportError(const char* code, const QString& message, int httpStatus, const QByteArray& body) {
    QueryResult r;
    r.kind = ResultKind::TransportError;
    r.errorCode = QString::fromLatin1(code);
    r.errorMessage = boundText(message, kMaxMessageChars);
    r.httpStatus = httpStatus;
    r.excerpt = body.left(kMaxExcerptBytes);
    return r;
}

std::optional<QString> optionalString(const QJsonValue& v, qsizetype max, bool* ok) {
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    if (!v.isString()) {
        *ok = false;
        return std::nullopt;
    }
    return boundText(v.toString(), max);
}
} // namespace

ApiClient::ApiClient(QNetworkAccessManager* nam, EndpointConfig endpoint, Credential credential,
                     QObject* parent)
    : TaskQueryBackend(parent)
    , m_nam(nam)
    , m_endpoint(std::move(endpoint))
    , m_credential(std::move(credential))
    , m_product(Products::find(QString::fromLatin1(kCdbProduct))) {
    TlsTrust::ensureApplied(); // SSL_CERT_FILE, once per process
    prepareRequest();
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ApiClient::onDeadline);
}

ApiClient::~ApiClient() {
    abortAll();
    Signer::clearKeyCache();
}

void ApiClient::setCredential(const Credential& credential) {
    if (credential.secretKey != m_credential.secretKey)
        Signer::clearKeyCache();
    m_credential = credential;
    prepareRequest();
}

void ApiClient::setLanguage(const QString& language) {
    m_endpoint.language = language;
    prepareRequest();
}

void ApiClient::setEndpoint(const EndpointConfig& endpoint) {
    m_endpoint = endpoint;
    prepareRequest();
}

void ApiClient::setProduct(const ProductAdapter& product) {
    m_product = &product;
    prepareRequest();
}

// What every request has in common, built once per endpoint, language and credential: each request is a copy
// with only its action, region, timestamp and signature set.
void ApiClient::prepareRequest() {
    const QUrl url = m_endpoint.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    QUrl requestUrl = url;
    requestUrl.setPath(QStringLiteral("/"));
    m_host = Signer::hostHeader(url);
    QNetworkRequest req(requestUrl);
    req.setRawHeader("Host", m_host);
    req.setRawHeader("Content-Type", kContentType);
    req.setRawHeader("X-TC-Version", m_product->version().toLatin1());
    req.setRawHeader("X-TC-Language", m_endpoint.language.toLatin1());
    req.setRawHeader("X-TC-RequestClient", kRequestClient);
    if (!m_credential.token.isEmpty())
        req.setRawHeader("X-TC-Token", m_credential.token.toUtf8());
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // No cookies: the API uses none, and the jar would be consulted and filled on every request.
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    m_request = req;
}

QByteArray ApiClient::requestBody(const QString& taskId) {
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray id = taskId.toUtf8();
    QByteArray body;
    body.reserve(id.size() + 24);
    body += "{\"AsyncRequestId\":\"";
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            body += '\\';
            body += c;
        } else if (u < 0x20 || u == 0x7f) {
            body += "\\u00";
            body += kHex[u >> 4];
            body += kHex[u & 0xf];
        } else {
            body += c; // UTF-8 as it is (JSON text is UTF-8)
        }
    }
    body += "\"}";
    return body;
}

// Moves what the reply has into its body buffer, at most kMaxBodyBytes in all (reading only what is there: no
// large allocation per call). Returns false once the body went over the bound (the reply is then truncated).
bool ApiClient::drainBounded(QNetworkReply* reply, InFlight& state) {
    if (state.truncated)
        return false;
    const qint64 available = reply->bytesAvailable();
    if (available <= 0)
        return true;
    state.body += reply->read(std::min<qint64>(available, kMaxBodyBytes + 1 - state.body.size()));
    if (state.body.size() <= kMaxBodyBytes)
        return true;
    state.truncated = true;
    state.body.truncate(kMaxBodyBytes);
    return false;
}

void ApiClient::armDeadlineTimer() {
    if (m_deadlines.empty()) {
        m_deadlineTimer.stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(m_deadlines.begin()->first - steadyNowMs(), 0, INT_MAX);
    m_deadlineTimer.start(int(wait));
}

void ApiClient::onDeadline() {
    const qint64 now = steadyNowMs();
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        QNetworkReply* reply = m_deadlines.begin()->second;
        m_deadlines.erase(m_deadlines.begin());
        const auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end())
            continue;
        it->timedOut = true;
        reply->abort(); // finished() follows at once: onFinished() reports the Timeout
    }
    armDeadlineTimer();
}

void ApiClient::query(quint64 ticket, const QString& taskId, const QString& region) {
    if (isCdbProduct(m_product->key())) {
        send(ticket, kAction, region, requestBody(taskId), false);
        return;
    }
    const QByteArray body = m_product->pollBody(taskId);
    if (body.isEmpty()) {
        refuse(ticket,
               transportError(ClientError::InvalidTaskId,
                              QCoreApplication::translate("ApiClient", "Not a %1 task id: %2")
                                  .arg(m_product->key(), SafeText::singleLine(taskId, 80)),
                              0, {}),
               false);
        return;
    }
    send(ticket, m_product->pollAction().name, region, body, false, taskId);
}

void ApiClient::refuse(quint64 ticket, const QueryResult& refused, bool isCall) {
    QTimer::singleShot(0, this, [this, ticket, refused, isCall] {
        if (isCall)
            emit callFinished(ticket, refused);
        else
            emit queryFinished(ticket, refused);
    });
}

void ApiClient::call(quint64 ticket, const char* action, const QString& region, const QByteArray& body) {
    send(ticket, action, region, body, true);
}

void ApiClient::send(quint64 ticket, const char* action, const QString& region, const QByteArray& body,
                     bool isCall, const QString& taskId) {
    // The region travels as a header: a malformed one (CR/LF, spaces…) is never sent. (Checked once per
    // region in a row: the tasks of a board mostly share one.)
    const bool checkedBefore = !region.isEmpty() && region == m_wellFormedRegion;
    if (!checkedBefore && !Regions::isWellFormed(region)) {
        refuse(ticket,
               transportError(ClientError::InvalidRegion,
                              QCoreApplication::translate("ApiClient", "Not a region id: %1")
                                  .arg(SafeText::singleLine(region, 80)),
                              0, {}),
               isCall);
        return;
    }
    m_wellFormedRegion = region;

    SignInput in;
    in.host = m_host;
    in.contentType = kContentType;
    in.payload = body;
    in.service = m_product->service().toLatin1(); // the product's, never taken from the host
    in.timestamp = QDateTime::currentSecsSinceEpoch() + m_clockOffset;
    const SignOutput sig = Signer::sign(in, m_credential.secretId, m_credential.secretKey);

    QNetworkRequest req = m_request; // Host, Content-Type, version, language, client, token, attributes
    req.setRawHeader("X-TC-Action", action);
    req.setRawHeader("X-TC-Region", region.toUtf8());
    req.setRawHeader("X-TC-Timestamp", QByteArray::number(in.timestamp));
    req.setRawHeader("Authorization", sig.authorization);

    QNetworkReply* reply = m_nam->post(req, body);
    // Bound what QNAM itself may hold for us (by default it buffers without limit); readyRead drains it.
    reply->setReadBufferSize(64 * 1024);
    InFlight state;
    state.ticket = ticket;
    state.isCall = isCall;
    state.taskId = taskId;
    state.deadlineAt = steadyNowMs() + std::max(0, m_endpoint.timeoutMs);
    m_inFlight.insert(reply, state);
    const bool earliest = m_deadlines.empty() || state.deadlineAt < m_deadlines.begin()->first;
    m_deadlines.emplace(state.deadlineAt, reply);
    if (earliest)
        armDeadlineTimer();

    // Certificate problems are recorded for the message, never ignored: the handshake fails and nothing is
    // sent.
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError>& errors) {
        const auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end())
            return;
        for (const QSslError& e : errors) {
            const QString reason = SafeText::singleLine(e.errorString(), 200);
            if (it->sslErrors.size() < kMaxTlsReasons && !it->sslErrors.contains(reason))
                it->sslErrors.append(reason);
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        const auto it = m_inFlight.find(reply);
        if (it != m_inFlight.end() && !drainBounded(reply, *it))
            reply->abort(); // over the bound: stop reading, report ResponseTooLarge
    });
    // When it actually left (it may wait for the start, a connection, a free HTTP/1.1 channel): pacing counts
    // from then.
    connect(reply, &QNetworkReply::requestSent, this, [this, reply] {
        const auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end() || it->sentReported)
            return;
        it->sentReported = true;
        if (it->isCall)
            emit callSent(it->ticket);
        else
            emit querySent(it->ticket);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void ApiClient::onFinished(QNetworkReply* reply) {
    reply->deleteLater();
    const auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end())
        return; // abandoned by abortAll()
    drainBounded(reply, *it);
    const InFlight state = std::move(*it);
    m_inFlight.erase(it);
    if (m_deadlines.erase({state.deadlineAt, reply}) && m_deadlines.empty())
        m_deadlineTimer.stop(); // otherwise it stays armed for an earlier or equal deadline: harmless
    const quint64 ticket = state.ticket;
    const QByteArray& body = state.body;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A proxy error, or a connection that failed before any HTTP answer (Qt reports a refused proxy tunnel as
    // UnknownNetworkError): the proxy is resolved again for the next request. Our own aborts do not count.
    if (const QNetworkReply::NetworkError error = reply->error();
        isProxyError(error) || (httpStatus == 0 && error != QNetworkReply::NoError &&
                                error != QNetworkReply::OperationCanceledError))
        ProxyFactory::invalidateAll();

    QueryResult result;
    if (state.timedOut) {
        result = transportError(ClientError::Timeout,
                                QCoreApplication::translate("ApiClient", "No complete answer within %1 s.")
                                    .arg(m_endpoint.timeoutMs / 1000.0),
                                httpStatus, body);
    } else if (state.truncated) {
        result = parseEnvelope(httpStatus, body, true);
    } else if (httpStatus == 0 &&
               (reply->error() == QNetworkReply::SslHandshakeFailedError || !state.sslErrors.isEmpty())) {
        result = transportError(ClientError::TlsError, tlsErrorMessage(reply, state.sslErrors), 0, {});
    } else if (httpStatus == 0 && reply->error() == QNetworkReply::ProxyAuthenticationRequiredError) {
        result = parseEnvelope(407, body, false); // the proxy's 407 (e.g. to CONNECT) never reaches the API
    } else if (httpStatus == 0 || (reply->error() != QNetworkReply::NoError && httpStatus == 200)) {
        result = transportError(ClientError::NetworkError, reply->errorString(), httpStatus, body);
    } else {
        // Redirects are never followed (ManualRedirectPolicy): the target is only reported.
        const QString location = QString::fromLatin1(reply->rawHeader("Location"));
        if (state.isCall) {
            QJsonObject response;
            result = parseEnvelope(httpStatus, body, false, location, &response);
            result.response = std::move(response);
        } else {
            result = readPoll(httpStatus, body, location, state.taskId);
        }
    }
    result.serverDate = parseHttpDate(reply->rawHeader("Date"));
    result.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    if (state.isCall)
        emit callFinished(ticket, result);
    else
        emit queryFinished(ticket, result);
}

// A poll's answer: cdb's as it always was read (parseResponse), another product's by its adapter.
QueryResult ApiClient::readPoll(int httpStatus, const QByteArray& body, const QString& location,
                                const QString& taskId) const {
    if (isCdbProduct(m_product->key()))
        return parseResponse(httpStatus, body, false, location);
    QJsonObject response;
    QueryResult r = parseEnvelope(httpStatus, body, false, location, &response);
    if (r.kind == ResultKind::ApiError) {
        r.taskUnknown = m_product->isNotFoundError(r.errorCode);
        return r;
    }
    if (r.kind != ResultKind::Success)
        return r;
    const PollAnswer answer = m_product->parsePoll(response, taskId);
    switch (answer.kind) {
    case PollAnswer::Kind::Found:
        r.status = answer.reading.status;
        r.vendorStatus = answer.reading.vendorStatus;
        r.info = answer.info;
        break;
    case PollAnswer::Kind::NotVisible:
        r.taskUnknown = true;
        break;
    case PollAnswer::Kind::Malformed:
        return transportError(ClientError::ParseError, answer.problem, httpStatus, body);
    }
    return r;
}

QueryResult ApiClient::parseResponse(int httpStatus, const QByteArray& body, bool truncated,
                                     const QString& location) {
    QJsonObject response;
    QueryResult r = parseEnvelope(httpStatus, body, truncated, location, &response);
    if (r.kind != ResultKind::Success)
        return r;
    bool ok = true;
    r.status = optionalString(response.value(QStringLiteral("Status")), 256, &ok);
    r.info = optionalString(response.value(QStringLiteral("Info")), kMaxInfoChars, &ok);
    if (!ok)
        return transportError(
            ClientError::ParseError,
            QCoreApplication::translate("ApiClient", "Status or Info is neither a string nor null."),
            httpStatus, body);
    return r;
}

QueryResult ApiClient::parseEnvelope(int httpStatus, const QByteArray& body, bool truncated,
                                     const QString& location, QJsonObject* responseOut) {
    if (truncated)
        return transportError(
            ClientError::ResponseTooLarge,
            QCoreApplication::translate("ApiClient", "The response exceeded %1 bytes and was cut off.")
                .arg(kMaxBodyBytes),
            httpStatus, body);
    if (httpStatus != 200) {
        // 3xx and 4xx (not 429) are permanent: a wrong endpoint, access denied, a proxy asking for
        // credentials; 429 and 5xx are transient. ErrorCatalog decides.
        QueryResult r =
            transportError(ErrorCatalog::httpStatusCode(httpStatus).toLatin1().constData(),
                           ErrorCatalog::httpStatusMessage(httpStatus, location), httpStatus, body);
        // Keep the RequestId when a JSON envelope came with the error status.
        const QJsonObject resp =
            QJsonDocument::fromJson(body).object().value(QStringLiteral("Response")).toObject();
        r.requestId = boundText(resp.value(QStringLiteral("RequestId")).toString(), 128);
        return r;
    }

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const auto parseFailure = [&](const QString& why) {
        return transportError(ClientError::ParseError, why, httpStatus, body);
    };
    if (parseError.error != QJsonParseError::NoError)
        return parseFailure(body.isEmpty()
                                ? QCoreApplication::translate("ApiClient", "The response body was empty.")
                                : QCoreApplication::translate("ApiClient", "The response is not JSON: %1.")
                                      .arg(parseError.errorString()));
    const QJsonValue responseValue = doc.object().value(QStringLiteral("Response"));
    if (!doc.isObject() || !responseValue.isObject())
        return parseFailure(
            QCoreApplication::translate("ApiClient", "The response has no \"Response\" object."));
    const QJsonObject response = responseValue.toObject();

    QueryResult r;
    r.httpStatus = httpStatus;
    r.excerpt = body.left(kMaxExcerptBytes);
    r.requestId = boundText(response.value(QStringLiteral("RequestId")).toString(), 128);

    const QJsonValue error = response.value(QStringLiteral("Error"));
    if (!error.isUndefined() && !error.isNull()) {
        const QJsonValue code = error.toObject().value(QStringLiteral("Code"));
        if (!error.isObject() || !code.isString() || code.toString().isEmpty())
            return parseFailure(
                QCoreApplication::translate("ApiClient", "The response has an Error without a Code."));
        r.kind = ResultKind::ApiError;
        r.errorCode = boundText(code.toString(), 128);
        r.errorMessage =
            boundText(error.toObject().value(QStringLiteral("Message")).toString(), kMaxMessageChars);
        return r;
    }

    r.kind = ResultKind::Success;
    if (responseOut)
        *responseOut = response;
    return r;
}

void ApiClient::abortAll() {
    const auto replies = m_inFlight.keys();
    m_inFlight.clear();
    m_deadlines.clear();
    m_deadlineTimer.stop();
    for (QNetworkReply* reply : replies)
        reply->abort();
}

} // namespace taskwatch
