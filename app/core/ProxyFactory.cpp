#include "ProxyFactory.h"

#include <QHostAddress>
#include <QUrl>

namespace taskwatch {

ProxyFactory::ProxyFactory(QProcessEnvironment environment)
    : m_env(std::move(environment)) {}

void ProxyFactory::install() {
    QNetworkProxyFactory::setApplicationProxyFactory(new ProxyFactory()); // Qt takes ownership
}

QString ProxyFactory::variable(const char* upper, const char* lower) const {
    const QString lowerValue = m_env.value(QString::fromLatin1(lower)).trimmed();
    return lowerValue.isEmpty() ? m_env.value(QString::fromLatin1(upper)).trimmed() : lowerValue;
}

bool ProxyFactory::excluded(const QString& host) const {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    if (const QHostAddress address(host); !address.isNull() && address.isLoopback())
        return true;
    const QStringList entries = variable("NO_PROXY", "no_proxy").split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString entry : entries) {
        entry = entry.trimmed();
        if (entry == QLatin1String("*"))
            return true;
        if (const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
            colon > 0 && !entry.contains(QLatin1Char(']')))
            entry.truncate(colon); // host:port -> host
        if (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (entry.isEmpty())
            continue;
        if (host.compare(entry, Qt::CaseInsensitive) == 0 ||
            host.endsWith(QLatin1Char('.') + entry, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QList<QNetworkProxy> ProxyFactory::queryProxy(const QNetworkProxyQuery& query) {
    const QString host = query.peerHostName();
    if (excluded(host))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    const bool https = query.protocolTag().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    const QString value =
        https ? variable("HTTPS_PROXY", "https_proxy") : variable("HTTP_PROXY", "http_proxy");
    if (value.isEmpty())
        return systemProxyForQuery(query);
    QUrl url = QUrl::fromUserInput(value);
    if (!url.isValid() || url.host().isEmpty())
        return systemProxyForQuery(query);
    const bool socks = url.scheme().startsWith(QLatin1String("socks"));
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                        quint16(url.port(socks ? 1080 : 8080)), url.userName(QUrl::FullyDecoded),
                        url.password(QUrl::FullyDecoded));
    return {proxy};
}

} // namespace taskwatch
