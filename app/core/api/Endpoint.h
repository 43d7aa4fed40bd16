// Where an account's requests go: the endpoint URL, the language of the answers and the per-request deadline;
// the one check of which URLs may be used (https anywhere, plain http only to a loopback address); and how
// many requests the transport can carry at once.
#pragma once

#include <QString>
#include <QUrl>

namespace taskwatch {

struct EndpointConfig {
    QUrl url = QUrl(QStringLiteral("https://cdb.intl.tencentcloudapi.com"));
    QString language = QStringLiteral("en-US"); // X-TC-Language: en-US or zh-CN
    int timeoutMs = 15000;
};

namespace Endpoint {
inline constexpr auto kDefault = "https://cdb.intl.tencentcloudapi.com";

// localhost, 127.0.0.0/8, ::1 (and their mapped forms).
bool isLoopbackHost(const QString& host);
// Empty when the URL may be used; otherwise a translated reason (plain http to a non-loopback host, a bad
// scheme, not a URL).
QString validate(const QUrl& url);
// At most `wanted` requests in flight, fewer where the transport would queue them: QNetworkAccessManager has
// 6 HTTP/1.1 connections per host, and requests beyond them would queue inside it and could then leave in a
// burst that the pacing never produced. Plain http (loopback only) and https to a loopback server (the
// emulator speaks HTTP/1.1) are limited to that; the vendor's hosts negotiate HTTP/2 (one multiplexed
// connection), where nothing queues.
int maxInFlight(const EndpointConfig& endpoint, int wanted);
// The URL of another service of the same choice: the vendor's hosts name the service first
// (cdb.intl.tencentcloudapi.com, cdb.tencentcloudapi.com, cdb.<region>.tencentcloudapi.com: the same with
// `service` in its place); any other URL (an emulator, a proxy) serves every service and is kept.
QUrl forService(const QUrl& url, const QString& service);
} // namespace Endpoint

} // namespace taskwatch
