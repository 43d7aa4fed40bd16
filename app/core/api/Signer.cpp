#include "api/Signer.h"

#include <QCryptographicHash>
#include <QDate>
#include <QHash>
#include <QMessageAuthenticationCode>
#include <QUrl>
#include <algorithm>
#include <limits>

namespace taskwatch {

namespace {
QByteArray hmac(const QByteArray& key, const QByteArray& message) {
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(const QByteArray& data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

void wipe(QByteArray& bytes) {
    bytes.fill('\0');
    bytes.clear();
}

// The derived signing key of the last call; a day's key for one service is all it ever holds.
struct KeyCache {
    QByteArray keyHash; // SHA-256 of the secret key: the key itself is not kept here
    QByteArray date;
    QByteArray service;
    QByteArray secretDate;
    QByteArray secretService;
    QByteArray secretSigning;
    void clear() {
        wipe(keyHash);
        wipe(secretDate);
        wipe(secretService);
        wipe(secretSigning);
        date.clear();
        service.clear();
    }
    ~KeyCache() { clear(); }
};
thread_local KeyCache t_keyCache;

// The SHA-256 (hex) of what does not change between two signatures of the same request: its payload and its
// canonical request (neither holds the time). A task polled again signs the same two texts, so they are
// hashed once. Bounded: emptied when full. Neither text is a secret (both are what the request sends).
class HashMemo {
public:
    QByteArray hex(const QByteArray& data) {
        if (const auto it = m_hexByData.constFind(data); it != m_hexByData.cend())
            return *it;
        if (m_hexByData.size() >= kMaxEntries)
            m_hexByData.clear();
        const QByteArray digest = sha256Hex(data);
        m_hexByData.insert(data, digest);
        return digest;
    }

private:
    static constexpr qsizetype kMaxEntries = 8192;
    QHash<QByteArray, QByteArray> m_hexByData;
};
thread_local HashMemo t_payloadHashes;
thread_local HashMemo t_canonicalHashes;

// The canonical headers (and their names) of the last headers signed.
struct HeaderMemo {
    bool valid = false;
    QByteArray contentType;
    QByteArray host;
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    QByteArray canonicalHeaders;
    QByteArray signedHeaders;
};
thread_local HeaderMemo t_headers;

// The date of the last timestamp's UTC day (a day's timestamps all give the same date).
struct DateMemo {
    qint64 day = std::numeric_limits<qint64>::min();
    QByteArray date;
};
thread_local DateMemo t_date;
} // namespace

QByteArray Signer::hostHeader(const QUrl& url) {
    QByteArray host = url.host(QUrl::FullyEncoded).toLower().toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // IPv6 literal
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == QLatin1String("https")  ? 443
                            : scheme == QLatin1String("http") ? 80
                                                              : -1;
    // An explicit default port (https://cdb.intl.tencentcloudapi.com:443) is not part of the Host: a server
    // verifies the signature with the Host it received, and clients send none for the default port.
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

void Signer::clearKeyCache() {
    t_keyCache.clear();
}

QByteArray Signer::utcDate(qint64 timestamp) {
    // Days since 1970-01-01 (rounded down, also before it); Julian day 2440588 is 1970-01-01.
    const qint64 days = timestamp >= 0 ? timestamp / 86400 : -((-timestamp + 86399) / 86400);
    DateMemo& memo = t_date;
    if (memo.day != days || memo.date.isEmpty()) {
        memo.date = QDate::fromJulianDay(2440588 + days).toString(Qt::ISODate).toLatin1();
        memo.day = days;
    }
    return memo.date;
}

SignOutput Signer::sign(const SignInput& in, const QString& secretId, const QString& secretKey) {
    SignOutput out;
    out.date = utcDate(in.timestamp);
    out.hashedPayload = t_payloadHashes.hex(in.payload);

    // The canonical headers depend only on the headers signed: made again only when they differ from the
    // last call's.
    HeaderMemo& memo = t_headers;
    if (!memo.valid || memo.contentType != in.contentType || memo.host != in.host ||
        memo.extraHeaders != in.extraHeaders) {
        QList<QPair<QByteArray, QByteArray>> headers{{"content-type", in.contentType}, {"host", in.host}};
        for (const auto& [name, value] : in.extraHeaders)
            headers.append({name, value});
        for (auto& [name, value] : headers) {
            name = name.trimmed().toLower();
            value = value.trimmed().toLower();
        }
        std::sort(headers.begin(), headers.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        QByteArray canonicalHeaders;
        QByteArrayList names;
        for (const auto& [name, value] : headers) {
            canonicalHeaders += name + ':' + value + '\n';
            names.append(name);
        }
        memo.contentType = in.contentType;
        memo.host = in.host;
        memo.extraHeaders = in.extraHeaders;
        memo.canonicalHeaders = canonicalHeaders;
        memo.signedHeaders = names.join(';');
        memo.valid = true;
    }
    const QByteArray& canonicalHeaders = memo.canonicalHeaders;
    out.signedHeaders = memo.signedHeaders;

    out.canonicalRequest =
        in.method + "\n/\n\n" + canonicalHeaders + '\n' + out.signedHeaders + '\n' + out.hashedPayload;
    out.hashedCanonicalRequest = t_canonicalHashes.hex(out.canonicalRequest);
    out.credentialScope = out.date + '/' + in.service + "/tc3_request";
    out.stringToSign = "TC3-HMAC-SHA256\n" + QByteArray::number(in.timestamp) + '\n' + out.credentialScope +
                       '\n' + out.hashedCanonicalRequest;

    QByteArray key = "TC3" + secretKey.toUtf8();
    const QByteArray keyHash = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    KeyCache& cache = t_keyCache;
    if (cache.keyHash != keyHash || cache.date != out.date || cache.service != in.service ||
        cache.secretSigning.isEmpty()) {
        cache.clear();
        cache.secretDate = hmac(key, out.date);
        cache.secretService = hmac(cache.secretDate, in.service);
        cache.secretSigning = hmac(cache.secretService, "tc3_request");
        cache.keyHash = keyHash;
        cache.date = out.date;
        cache.service = in.service;
    }
    wipe(key);
    out.secretDate = cache.secretDate;
    out.secretService = cache.secretService;
    out.secretSigning = cache.secretSigning;
    out.signature = hmac(out.secretSigning, out.stringToSign).toHex();

    out.authorization = "TC3-HMAC-SHA256 Credential=" + secretId.toUtf8() + '/' + out.credentialScope +
                        ", SignedHeaders=" + out.signedHeaders + ", Signature=" + out.signature;
    return out;
}

} // namespace taskwatch
