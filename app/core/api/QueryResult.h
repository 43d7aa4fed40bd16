// How one API call ended, as one typed result: a success, the server's error, or a client-side failure
// (with stable client-side codes).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace taskwatch {

// How one DescribeAsyncRequestInfo call ended. Exactly one of the three kinds.
enum class ResultKind {
    Success,       // HTTP 200, a Response without Error: status/info/requestId are set
    ApiError,      // HTTP 200, Response.Error: errorCode/errorMessage/requestId are set
    TransportError // anything else: errorCode is a client-side code (see ClientError), excerpt has what came
                   // back
};

// Stable client-side error codes (never sent by the server).
namespace ClientError {
inline constexpr auto NetworkError = "ClientNetworkError"; // connection refused/reset, DNS, proxy, ...
inline constexpr auto TlsError = "ClientTlsError";         // TLS handshake or certificate refused: not sent
inline constexpr auto ServerNetworkError = "ServerNetworkError"; // HTTP 429, 5xx, other non-200 statuses
inline constexpr auto EndpointRedirect = "EndpointRedirect";     // HTTP 3xx: never followed (permanent)
inline constexpr auto EndpointRejected =
    "EndpointRejected";                                // HTTP 4xx other than 429: wrong URL, 401/403/407
inline constexpr auto ParseError = "ClientParseError"; // body is not the documented JSON envelope
inline constexpr auto ResponseTooLarge = "ResponseTooLarge"; // body over the 1 MiB bound
inline constexpr auto InvalidRegion = "ClientInvalidRegion"; // region is not a well-formed id: not sent
inline constexpr auto Timeout = "Timeout";                   // per-request deadline passed
inline constexpr auto TaskNotFound = "ClientTaskNotFound";   // unknown to the service after the grace time
inline constexpr auto InvalidTaskId = "ClientInvalidTaskId"; // not an id of the product: not sent
} // namespace ClientError

struct QueryResult {
    ResultKind kind = ResultKind::TransportError;
    std::optional<QString> status; // nullopt = JSON null or absent
    std::optional<QString> info;   // nullopt = JSON null or absent (bounded in size)
    // The vendor's own status word where it is not ours (products other than cdb); nullopt: the same as
    // status.
    std::optional<QString> vendorStatus;
    // The service does not know the task (yet): an ApiError with the product's not-found code, or a success
    // that carries no task. New tasks appear late: the scheduler decides (ProductAdapter::unseenGraceMs).
    bool taskUnknown = false;
    QString requestId;
    QString errorCode;
    QString errorMessage; // bounded in size
    int httpStatus = 0;   // 0 when no HTTP response arrived
    QByteArray excerpt;   // bounded excerpt of the raw body (for the details panel / diagnostics)
    QDateTime serverDate; // the response's Date header, invalid when absent
    QJsonObject response; // the Response object of a successful answer to another action (ApiClient::call)
    bool http2 = false; // the answer came over HTTP/2 (pacing widens its guard: RateGovernor::noteTransport)
    bool isError() const { return kind != ResultKind::Success; }
};

} // namespace taskwatch

Q_DECLARE_METATYPE(taskwatch::QueryResult)
