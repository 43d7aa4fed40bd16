#include "Signer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QUrl>
#include <algorithm>

namespace taskwatch {

namespace {
QByteArray hmac(const QByteArray& key, const QByteArray& message) {
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(const QByteArray& data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}
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

QByteArray Signer::utcDate(qint64 timestamp) {
    return QDateTime::fromSecsSinceEpoch(timestamp, Qt::UTC).date().toString(Qt::ISODate).toLatin1();
}

SignOutput Signer::sign(const SignInput& in, const QString& secretId, const QString& secretKey) {
    SignOutput out;
    out.date = utcDate(in.timestamp);
    out.hashedPayload = sha256Hex(in.payload);

    QList<QPair<QByteArray, QByteArray>> headers{{"content-type", in.contentType}, {"host", in.host}};
    for (const auto& [name, value] : in.extraHeaders)
        headers.append({name, value});
    for (auto& [name, value] : headers) {
        name = name.trimmed().toLower();
        value = value.trimmed().toLower();
    }
    std::sort(headers.begin(), headers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

    QByteArray canonicalHeaders;
    QByteArrayList names;
    for (const auto& [name, value] : headers) {
        canonicalHeaders += name + ':' + value + '\n';
        names.append(name);
    }
    out.signedHeaders = names.join(';');

    out.canonicalRequest =
        in.method + "\n/\n\n" + canonicalHeaders + '\n' + out.signedHeaders + '\n' + out.hashedPayload;
    out.hashedCanonicalRequest = sha256Hex(out.canonicalRequest);
    out.credentialScope = out.date + '/' + in.service + "/tc3_request";
    out.stringToSign = "TC3-HMAC-SHA256\n" + QByteArray::number(in.timestamp) + '\n' + out.credentialScope +
                       '\n' + out.hashedCanonicalRequest;

    out.secretDate = hmac("TC3" + secretKey.toUtf8(), out.date);
    out.secretService = hmac(out.secretDate, in.service);
    out.secretSigning = hmac(out.secretService, "tc3_request");
    out.signature = hmac(out.secretSigning, out.stringToSign).toHex();

    out.authorization = "TC3-HMAC-SHA256 Credential=" + secretId.toUtf8() + '/' + out.credentialScope +
                        ", SignedHeaders=" + out.signedHeaders + ", Signature=" + out.signature;
    return out;
}

} // namespace taskwatch
