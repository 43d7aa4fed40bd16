// What each documented error code means, what the user should do about it, and how polling reacts to it.
// The single place that classifies errors: the scheduler, the GUI details panel and `watch` all ask here.
#pragma once

#include <QString>

namespace taskwatch {

enum class ErrorClass {
    Transient,   // retry this task with exponential backoff (network, 5xx, non-JSON, InternalError, ...)
    RateLimited, // slow the whole credential down, then retry this task
    ClockSkew,   // AuthFailure.SignatureExpire: correct the clock offset from the server's Date and retry
    AuthStop,    // any other AuthFailure.*: stop polling for the credential at once
    Permanent    // the task stops with the error; no retries
};

struct ErrorDescription {
    ErrorClass errorClass = ErrorClass::Permanent;
    QString meaning; // one sentence, translated
    QString hint;    // what to do, translated; may be empty
};

class ErrorCatalog {
public:
    static ErrorClass classify(const QString& code);
    static ErrorDescription describe(const QString& code);
    static bool isAuthFailure(const QString& code) { return code.startsWith(QLatin1String("AuthFailure")); }

    // HTTP statuses other than 200 (no API envelope to classify): 3xx -> EndpointRedirect (never followed),
    // 4xx other than 429 -> EndpointRejected (permanent: wrong URL, 401/403, a proxy's 407), 429, 5xx and
    // anything else -> ServerNetworkError (transient).
    static QString httpStatusCode(int httpStatus);
    // The translated message for such a status; `location` is the redirect target (untrusted: sanitised
    // here).
    static QString httpStatusMessage(int httpStatus, const QString& location = {});
    // The sub-account's CAM policy does not allow the action (AuthFailure.UnauthorizedOperation,
    // UnauthorizedOperation, OperationDenied*): the credentials are good, the action is not permitted.
    static bool isPermissionDenied(const QString& code);
    // A result that says the endpoint itself is wrong (every task of the credential is affected).
    static bool isEndpointFailure(const QString& code);
};

} // namespace taskwatch
