#include "api/ErrorCatalog.h"

#include "api/QueryResult.h"
#include "task/SafeText.h"

#include <QCoreApplication>
#include <QUrl>

namespace taskwatch {

namespace {
struct Entry {
    const char* code;
    ErrorClass errorClass;
    const char* meaning;
    const char* hint;
};

// Meanings from the vendor's common error codes and the cdb DescribeAsyncRequestInfo page.
// clang-format off
constexpr Entry kEntries[] = {
    {"AuthFailure.SignatureExpire", ErrorClass::ClockSkew,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The request's timestamp differs from the server's clock by more than 5 minutes."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Set this computer's clock right (enable NTP time synchronisation). TaskWatch corrects the offset automatically when the server sends its time.")},
    {"AuthFailure.SecretIdNotFound", ErrorClass::AuthStop,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The SecretId does not exist, or the key was deleted or disabled."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the key in the CAM console (API Keys), look for stray spaces, and update the credentials.")},
    {"AuthFailure.SignatureFailure", ErrorClass::AuthStop,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The signature is wrong: the SecretKey does not match the SecretId."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Enter the SecretKey again (copy it without spaces) and check it belongs to this SecretId.")},
    {"AuthFailure.InvalidSecretId", ErrorClass::AuthStop,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The SecretId is not a valid API key."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Use an API key SecretId (it starts with AKID) from the CAM console.")},
    {"AuthFailure.TokenFailure", ErrorClass::AuthStop,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The temporary credential's token is invalid or has expired."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Obtain a new temporary key pair and token, or remove the token when using permanent keys.")},
    {"AuthFailure.InvalidAuthorization", ErrorClass::AuthStop,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The Authorization header is malformed."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Report this to the TaskWatch developers with the RequestId.")},
    {"AuthFailure.MFAFailure", ErrorClass::AuthStop,
     QT_TRANSLATE_NOOP("ErrorCatalog", "Multi-factor authentication failed."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the MFA settings of the sub-account in the CAM console.")},
    {"AuthFailure.UnauthorizedOperation", ErrorClass::AuthStop,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The key is not authorized for this operation (CAM)."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Grant the sub-account a CAM policy that allows cdb:DescribeAsyncRequestInfo.")},
    {"RequestLimitExceeded", ErrorClass::RateLimited,
     QT_TRANSLATE_NOOP("ErrorCatalog", "Too many requests: the 40 requests per second limit was exceeded."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "TaskWatch slows down by itself. If other tools poll with the same key, lower --max-rate.")},
    {"InvalidParameter.InvalidAsyncRequestId", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The asynchronous task does not exist."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the region (a task exists only in the region of its instance) and that the id was not mistyped.")},
    {"InvalidParameter", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "A parameter of the request is wrong."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the task id and the region.")},
    {"OperationDenied.UserHasNoStrategy", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "This account is not authorized to access the requested resource."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Attach a CAM policy that allows cdb:DescribeAsyncRequestInfo to this sub-account.")},
    {"OperationDenied", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The operation was denied."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the account's permissions and the instance's state.")},
    {"CdbError.TaskError", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The backend task reported an error."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Open a support ticket and quote the RequestId.")},
    {"UnsupportedRegion", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "This API is not available in the chosen region."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Choose the region of the instance (for example ap-guangzhou).")},
    {"UnauthorizedOperation", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The request is not authorized."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the CAM policies of the key.")},
    {"InvalidAction", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The API action does not exist at this endpoint."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the endpoint: it must be a cdb endpoint such as cdb.intl.tencentcloudapi.com.")},
    {"InternalError.FtpError", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "A file transfer failed on the server."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "TaskWatch retries automatically.")},
    {"InternalError.UndefinedError", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "An unknown error occurred on the server."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "TaskWatch retries automatically; if it persists, quote the RequestId to support.")},
    {"InternalError", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "An internal error occurred on the server."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "TaskWatch retries automatically; if it persists, quote the RequestId to support.")},
    {"ServiceUnavailable", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The service is temporarily unavailable."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "TaskWatch retries automatically.")},
    {"ResourceUnavailable", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The resource is temporarily unavailable."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "TaskWatch retries automatically.")},
    {"ClientNetworkError", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The server could not be reached (connection, DNS, TLS or proxy failure)."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the network, the endpoint and the proxy settings. TaskWatch retries automatically.")},
    {"ClientTlsError", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The TLS connection was refused: the server's certificate is not trusted, has expired or is for another host, or the handshake failed. Nothing was sent."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the endpoint and this computer's clock. Behind a TLS-inspecting proxy, set SSL_CERT_FILE to a PEM bundle that includes its CA. Certificate errors are never ignored; TaskWatch retries with backoff.")},
    {"ServerNetworkError", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The server or a gateway answered with an HTTP error."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Usually temporary (for example 504 Gateway Time-out). TaskWatch retries automatically.")},
    {"EndpointRedirect", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The endpoint answered with an HTTP redirect; TaskWatch never follows redirects."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Set the right endpoint (the message names where it redirects to).")},
    {"EndpointRejected", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The endpoint refused the request with an HTTP client error (wrong URL, access denied, or a proxy that needs authentication)."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the endpoint URL and the proxy settings; the message names the HTTP status.")},
    {"ClientParseError", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The response was not the JSON the API documents."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Often a proxy or gateway page. TaskWatch retries automatically; see the raw response.")},
    {"ResponseTooLarge", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The response was larger than 1 MiB and was cut off."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the endpoint and proxy; see the raw response excerpt.")},
    {"ClientInvalidRegion", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The region is not a valid region id, so the request was not sent."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Remove the task and add it again with a region such as ap-guangzhou.")},
    {"ClientTaskNotFound", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The service does not know this task, 30 s after it was added."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Check the product, the region (a task exists only in the region of its instance) and that the id was not mistyped.")},
    {"ClientInvalidTaskId", ErrorClass::Permanent,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The id is not a task id of its product, so the request was not sent."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "Remove the task and add it again with the product's id.")},
    {"Timeout", ErrorClass::Transient,
     QT_TRANSLATE_NOOP("ErrorCatalog", "The server did not answer in time."),
     QT_TRANSLATE_NOOP("ErrorCatalog", "TaskWatch retries automatically. Check the network if it persists.")},
};
// clang-format on

const Entry* find(const QString& code) {
    // Exact match first, then the longest documented prefix (RequestLimitExceeded.UinLimitExceeded ->
    // RequestLimitExceeded).
    const Entry* best = nullptr;
    qsizetype bestLen = -1;
    for (const Entry& e : kEntries) {
        const QLatin1String c(e.code);
        if (code == c)
            return &e;
        if (code.startsWith(c) && code.size() > c.size() && code.at(c.size()) == QLatin1Char('.') &&
            c.size() > bestLen) {
            best = &e;
            bestLen = c.size();
        }
    }
    return best;
}
} // namespace

ErrorClass ErrorCatalog::classify(const QString& code) {
    if (const Entry* e = find(code))
        return e->errorClass;
    if (isAuthFailure(code))
        return ErrorClass::AuthStop;
    return ErrorClass::Permanent;
}

QString ErrorCatalog::httpStatusCode(int httpStatus) {
    if (httpStatus >= 300 && httpStatus < 400)
        return QString::fromLatin1(ClientError::EndpointRedirect);
    if (httpStatus >= 400 && httpStatus < 500 && httpStatus != 429)
        return QString::fromLatin1(ClientError::EndpointRejected);
    return QString::fromLatin1(ClientError::ServerNetworkError);
}

QString ErrorCatalog::httpStatusMessage(int httpStatus, const QString& location) {
    const QString status = QString::number(httpStatus);
    if (httpStatus >= 300 && httpStatus < 400) {
        // The target is server text: shown without credentials, on one line, bounded.
        const QString target =
            SafeText::singleLine(QUrl(location).toDisplayString(QUrl::RemoveUserInfo), 200).trimmed();
        if (target.isEmpty())
            return QCoreApplication::translate("ErrorCatalog",
                                               "The endpoint redirects (HTTP %1); set the right endpoint.")
                .arg(status);
        return QCoreApplication::translate("ErrorCatalog",
                                           "The endpoint redirects (HTTP %1) to %2; set the right endpoint.")
            .arg(status, target);
    }
    switch (httpStatus) {
    case 401:
    case 403:
        return QCoreApplication::translate(
                   "ErrorCatalog", "The endpoint refused access (HTTP %1): check the endpoint URL and "
                                   "any gateway or proxy in between.")
            .arg(status);
    case 404:
        return QCoreApplication::translate(
            "ErrorCatalog",
            "The endpoint answered HTTP 404 (Not Found): the URL is wrong; set the right endpoint.");
    case 407:
        return QCoreApplication::translate(
            "ErrorCatalog",
            "The proxy requires authentication (HTTP 407): set the proxy's user name and password.");
    default:
        break;
    }
    if (httpStatus >= 400 && httpStatus < 500 && httpStatus != 429)
        return QCoreApplication::translate(
                   "ErrorCatalog", "The endpoint rejected the request (HTTP %1): check the endpoint URL.")
            .arg(status);
    return QCoreApplication::translate("ErrorCatalog", "HTTP status %1 from the server.").arg(status);
}

bool ErrorCatalog::isPermissionDenied(const QString& code) {
    return code == QLatin1String("AuthFailure.UnauthorizedOperation") ||
           code == QLatin1String("UnauthorizedOperation") ||
           code.startsWith(QLatin1String("OperationDenied"));
}

bool ErrorCatalog::isEndpointFailure(const QString& code) {
    return code == QLatin1String(ClientError::EndpointRedirect) ||
           code == QLatin1String(ClientError::EndpointRejected);
}

ErrorDescription ErrorCatalog::describe(const QString& code) {
    if (const Entry* e = find(code))
        return {e->errorClass, QCoreApplication::translate("ErrorCatalog", e->meaning),
                QCoreApplication::translate("ErrorCatalog", e->hint)};
    if (code.startsWith(QLatin1String("TaskError.")))
        return {ErrorClass::Permanent,
                QCoreApplication::translate(
                    "ErrorCatalog", "The task itself failed: DescribeTasks reports this code and message "
                                    "for it."),
                QCoreApplication::translate(
                    "ErrorCatalog", "Read the message, fix the cause on the instance (see its task list "
                                    "in the console) and run the operation again.")};
    if (isAuthFailure(code))
        return {ErrorClass::AuthStop,
                QCoreApplication::translate("ErrorCatalog", "The server rejected the credentials."),
                QCoreApplication::translate("ErrorCatalog", "Check the SecretId, SecretKey and token.")};
    return {ErrorClass::Permanent,
            QCoreApplication::translate("ErrorCatalog", "An error the API documents for this request."),
            QCoreApplication::translate(
                "ErrorCatalog", "Quote the RequestId to support if the message does not explain it.")};
}

} // namespace taskwatch
