#include "gateway/SignatureCheck.h"
#include "api/Signer.h"
#include "http/HttpRequest.h"

#include <QList>
#include <algorithm>
#include <cstdlib>

namespace taskwatch::sim {

namespace {
constexpr qint64 kSignatureWindowSecs = 300;

bool isLowerHex(const QByteArray& s) {
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

struct AuthParts {
    QByteArray secretId;
    QByteArray date;
    QByteArray service;
    QByteArray signedHeaders;
    QByteArray signature;
};

// `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=hex`
bool parseAuthorization(const QByteArray& value, AuthParts* out) {
    static const QByteArray prefix = "TC3-HMAC-SHA256 ";
    if (!value.startsWith(prefix))
        return false;
    const QList<QByteArray> fields = value.mid(prefix.size()).split(',');
    if (fields.size() != 3)
        return false;
    QHash<QByteArray, QByteArray> kv;
    for (const QByteArray& raw : fields) {
        const QByteArray field = raw.trimmed();
        const qsizetype eq = field.indexOf('=');
        if (eq <= 0)
            return false;
        const QByteArray key = field.left(eq);
        if (kv.contains(key))
            return false;
        kv.insert(key, field.mid(eq + 1));
    }
    if (!kv.contains("Credential") || !kv.contains("SignedHeaders") || !kv.contains("Signature"))
        return false;
    const QList<QByteArray> scope = kv.value("Credential").split('/');
    if (scope.size() != 4 || scope[3] != "tc3_request")
        return false;
    for (const QByteArray& part : scope) {
        if (part.isEmpty())
            return false;
    }
    const QByteArray signature = kv.value("Signature").toLower();
    if (signature.size() != 64 || !isLowerHex(signature))
        return false;
    const QByteArray signedHeaders = kv.value("SignedHeaders");
    for (const QByteArray& name : signedHeaders.split(';')) {
        if (!isHttpToken(name))
            return false;
    }
    out->secretId = scope[0];
    out->date = scope[1];
    out->service = scope[2];
    out->signedHeaders = signedHeaders;
    out->signature = kv.value("Signature");
    return true;
}
} // namespace

QString verifyTc3(const HttpRequest& req, const QHash<QString, EmulatedCredential>& credentials,
                  const QByteArray& service, qint64 serverNowSecs, QString* message) {
    AuthParts auth;
    if (!parseAuthorization(req.header("authorization"), &auth)) {
        *message = QStringLiteral("The Authorization header is missing or malformed; expected "
                                  "`TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`.");
        return QStringLiteral("AuthFailure.InvalidAuthorization");
    }
    const auto cred = credentials.constFind(QString::fromUtf8(auth.secretId));
    if (cred == credentials.constEnd()) {
        *message = QStringLiteral("The SecretId is not found, please ensure that your SecretId is correct.");
        return QStringLiteral("AuthFailure.SecretIdNotFound");
    }
    const QByteArray tsText = req.header("x-tc-timestamp");
    bool tsOk = !tsText.isEmpty() && tsText.size() <= 12;
    for (char c : tsText)
        tsOk = tsOk && c >= '0' && c <= '9';
    if (!tsOk) {
        *message = QStringLiteral("The X-TC-Timestamp header is missing or not a Unix time in seconds.");
        return QStringLiteral("AuthFailure.InvalidAuthorization");
    }
    const qint64 timestamp = tsText.toLongLong();
    const qint64 now = serverNowSecs;
    if (std::abs(timestamp - now) > kSignatureWindowSecs) {
        *message = QStringLiteral("Signature expired. Timestamp and server time cannot differ by more than 5 "
                                  "minutes (request %1, server %2).")
                       .arg(timestamp)
                       .arg(now);
        return QStringLiteral("AuthFailure.SignatureExpire");
    }
    const QList<QByteArray> signedNames = auth.signedHeaders.split(';');
    if (!signedNames.contains("content-type") || !signedNames.contains("host")) {
        *message = QStringLiteral("SignedHeaders must include content-type and host.");
        return QStringLiteral("AuthFailure.InvalidAuthorization");
    }
    if (auth.date != Signer::utcDate(timestamp)) {
        *message = QStringLiteral("The credential date must be the UTC date of X-TC-Timestamp.");
        return QStringLiteral("AuthFailure.SignatureFailure");
    }
    if (auth.service != service) {
        *message = QStringLiteral("The credential scope names the wrong service.");
        return QStringLiteral("AuthFailure.SignatureFailure");
    }

    SignInput in;
    in.method = req.method;
    in.host = req.header("host");
    in.contentType = req.header("content-type");
    in.payload = req.body;
    in.service = auth.service;
    in.timestamp = timestamp;
    for (const QByteArray& name : signedNames) {
        if (name == "content-type" || name == "host")
            continue;
        if (!req.headers.contains(name)) {
            *message = QStringLiteral("A signed header is missing from the request.");
            return QStringLiteral("AuthFailure.SignatureFailure");
        }
        in.extraHeaders.append({name, req.headers.value(name)});
    }
    const SignOutput expected = Signer::sign(in, QString::fromUtf8(auth.secretId), cred->key);
    if (expected.signedHeaders != auth.signedHeaders ||
        !constantTimeEquals(expected.signature, auth.signature)) {
        *message = QStringLiteral("The provided credentials could not be validated. Please check your "
                                  "signature is correct.");
        return QStringLiteral("AuthFailure.SignatureFailure");
    }

    const bool tokenSent = req.headers.contains("x-tc-token");
    const QString token = QString::fromUtf8(req.header("x-tc-token"));
    if (!cred->token.isEmpty() ? token != cred->token : (tokenSent && !token.isEmpty())) {
        *message = QStringLiteral("The token is invalid or expired.");
        return QStringLiteral("AuthFailure.TokenFailure");
    }
    return {};
}

QString claimedSecretId(const HttpRequest& req) {
    const QByteArray auth = req.header("authorization");
    const qsizetype at = auth.indexOf("Credential=");
    if (at < 0)
        return {};
    const qsizetype start = at + 11;
    const qsizetype end = auth.indexOf('/', start);
    return end < 0 ? QString() : QString::fromUtf8(auth.mid(start, std::min<qsizetype>(end - start, 128)));
}

QString claimedService(const HttpRequest& req) {
    const QByteArray auth = req.header("authorization");
    const qsizetype at = auth.indexOf("Credential=");
    if (at < 0)
        return {};
    const qsizetype idEnd = auth.indexOf('/', at);
    const qsizetype dateEnd = idEnd < 0 ? -1 : auth.indexOf('/', idEnd + 1);
    const qsizetype serviceEnd = dateEnd < 0 ? -1 : auth.indexOf('/', dateEnd + 1);
    if (serviceEnd < 0)
        return {};
    // Bounded: the name keys a rate-limit count and is quoted back in NoSuchProduct.
    return QString::fromUtf8(auth.mid(dateEnd + 1, std::min<qsizetype>(serviceEnd - dateEnd - 1, 32)));
}

} // namespace taskwatch::sim
