// TC3-HMAC-SHA256 request signing, exactly as Tencent Cloud API 3.0 specifies it.
// Every intermediate value is exposed so that tests can compare them with the published vectors,
// and so that the emulator can verify a request the way the vendor does (by recomputing it).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

class QUrl;

namespace taskwatch {

struct SignInput {
    QByteArray method = "POST";
    QByteArray host;        // exactly the Host header the request carries (with :port when not default)
    QByteArray contentType; // exactly the Content-Type sent
    QByteArray payload;     // exact body bytes
    QByteArray service = "cdb";
    qint64 timestamp = 0; // Unix seconds (X-TC-Timestamp)
    // Further headers to sign besides content-type and host, e.g. {"X-TC-Action",
    // "DescribeAsyncRequestInfo"}.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
};

struct SignOutput {
    QByteArray date;          // UTC YYYY-MM-DD of the timestamp
    QByteArray hashedPayload; // lowercase hex
    QByteArray signedHeaders; // e.g. content-type;host
    QByteArray canonicalRequest;
    QByteArray hashedCanonicalRequest; // lowercase hex
    QByteArray credentialScope;        // date/service/tc3_request
    QByteArray stringToSign;
    QByteArray secretDate;    // raw bytes
    QByteArray secretService; // raw bytes
    QByteArray secretSigning; // raw bytes
    QByteArray signature;     // lowercase hex
    QByteArray authorization; // the Authorization header value
};

class Signer {
public:
    // The signing key (secretDate -> secretService -> secretSigning) depends only on the secret key, the UTC
    // date and the service: it is derived once and kept for the next calls of the same thread with the same
    // (SHA-256 of the secret key, date, service), one entry only, replaced (and wiped) when any of them
    // changes.
    static SignOutput sign(const SignInput& input, const QString& secretId, const QString& secretKey);
    static QByteArray utcDate(qint64 timestamp);
    // The Host header (and signed host) for an endpoint: lowercase host, with :port only when it is not the
    // scheme's default (https://h:443 -> "h", http://127.0.0.1:8080 -> "127.0.0.1:8080").
    static QByteArray hostHeader(const QUrl& url);
    // Wipes this thread's cached signing key (e.g. when the credentials are replaced).
    static void clearKeyCache();
};

} // namespace taskwatch
