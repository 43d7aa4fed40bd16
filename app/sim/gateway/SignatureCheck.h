// TC3-HMAC-SHA256 checked the way the vendor does: the Authorization header's form, the SecretId, the
// 5-minute timestamp window, the credential scope, the signature recomputed from the request as received and
// the secret the emulator knows (compared in constant time), and the token of temporary credentials.
#pragma once

#include <QHash>
#include <QString>

namespace taskwatch::sim {

struct HttpRequest;

struct EmulatedCredential {
    QString key;
    QString token; // temporary credentials: the X-TC-Token they need; empty for permanent keys
};

// The vendor's error code (empty: verified) and, through `message`, its message. `service` is the product
// the request is for (the scope must name it, and the signature is recomputed with it); `serverNowSecs` is
// the server's clock (Unix seconds).
QString verifyTc3(const HttpRequest& req, const QHash<QString, EmulatedCredential>& credentials,
                  const QByteArray& service, qint64 serverNowSecs, QString* message);

// The SecretId a request claims (Authorization: TC3-HMAC-SHA256 Credential=AKID/date/...), unverified.
QString claimedSecretId(const HttpRequest& req);
// The service its credential scope names (Credential=AKID/date/SERVICE/...), unverified; empty when none.
QString claimedService(const HttpRequest& req);

} // namespace taskwatch::sim
