// Proxy selection for API requests: HTTPS_PROXY / https_proxy for https, HTTP_PROXY / http_proxy for http,
// NO_PROXY / no_proxy exclusions (host suffixes, "*"), loopback never proxied; without those variables the
// system configuration (desktop settings) decides. Qt's own fallback reads only http_proxy, hence this class.
#pragma once

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>

namespace taskwatch {

class ProxyFactory : public QNetworkProxyFactory {
public:
    explicit ProxyFactory(QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query = QNetworkProxyQuery()) override;

    // Installs an application-wide instance (call once, early in main()).
    static void install();

private:
    QString variable(const char* upper, const char* lower) const;
    bool excluded(const QString& host) const;
    QProcessEnvironment m_env;
};

} // namespace taskwatch
