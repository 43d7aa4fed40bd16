#include "api/Endpoint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <algorithm>

namespace taskwatch::Endpoint {

namespace {
constexpr int kHttp1Connections = 6;
}

bool isLoopbackHost(const QString& host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString validate(const QUrl& url) {
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("ApiClient", "The endpoint \"%1\" is not a valid URL.")
            .arg(url.toDisplayString());
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http")) {
        if (isLoopbackHost(url.host()))
            return {};
        return QCoreApplication::translate(
                   "ApiClient", "Plain http is allowed only for a loopback address (127.0.0.1, ::1, "
                                "localhost); use https for %1.")
            .arg(url.host());
    }
    return QCoreApplication::translate("ApiClient", "The endpoint must use https (got \"%1\").")
        .arg(url.scheme());
}

int maxInFlight(const EndpointConfig& endpoint, int wanted) {
    if (endpoint.url.scheme() == QLatin1String("http") || isLoopbackHost(endpoint.url.host()))
        return std::min(wanted, kHttp1Connections);
    return wanted;
}

QUrl forService(const QUrl& url, const QString& service) {
    const QString host = url.host().toLower();
    static const QLatin1String vendorDomain(".tencentcloudapi.com");
    const qsizetype firstDot = host.indexOf(QLatin1Char('.'));
    if (!host.endsWith(vendorDomain) || firstDot <= 0 || host.left(firstDot) != QLatin1String("cdb") ||
        service.isEmpty())
        return url;
    QUrl result = url;
    result.setHost(service + host.mid(firstDot));
    return result;
}

} // namespace taskwatch::Endpoint
