// Proxy selection for API requests: HTTPS_PROXY / https_proxy for https, HTTP_PROXY / http_proxy for http,
// NO_PROXY / no_proxy exclusions (host suffixes, "*"), loopback never proxied; without those variables the
// system configuration (desktop settings) decides. Qt's own fallback reads only http_proxy, hence this class.
//
// The answer is cached per (scheme, host, port): the system lookup (libproxy, which reads /etc/nsswitch.conf
// and /etc/services and runs in its own thread) costs more than the rest of a request's client-side work. A
// cached answer is used again until the proxy variables change (their values are compared at most once per
// kEnvCheckMs), the system answer is older than kSystemTtlMs (desktop settings have no cheap change check),
// or invalidateAll() is called (after a proxy error).
#pragma once

#include "Clock.h"

#include <QHash>
#include <QMutex>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QStringList>
#include <functional>

namespace taskwatch {

class ProxyFactory : public QNetworkProxyFactory {
public:
    using EnvReader = std::function<QString(const QString& name)>;
    using SystemLookup = std::function<QList<QNetworkProxy>(const QNetworkProxyQuery&)>;
    using Clock = MonotonicClock;

    static constexpr qint64 kEnvCheckMs = 2000;
    static constexpr qint64 kSystemTtlMs = 60000;
    static constexpr int kMaxCached = 64;

    // Reads the variables from `environment` (a fixed snapshot).
    explicit ProxyFactory(QProcessEnvironment environment);
    // Reads the variables through `env` (default: the live process environment), asks `system` (default:
    // QNetworkProxyFactory::systemProxyForQuery) when they name no proxy.
    explicit ProxyFactory(EnvReader env = {}, SystemLookup system = {}, Clock clock = {});

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query = QNetworkProxyQuery()) override;

    // Installs an application-wide instance (call once, early in main()).
    static void install();
    // Forgets every cached answer of every instance (e.g. after a proxy error): the next request resolves
    // again. Cheap and thread-safe.
    static void invalidateAll();

    int systemLookups() const; // how often the system lookup ran (for tests and benchmarks)

private:
    struct Cached {
        QList<QNetworkProxy> proxies;
        qint64 resolvedAt = 0;
        bool fromSystem = false;
    };
    QList<QNetworkProxy> resolve(const QNetworkProxyQuery& query, bool* fromSystem);
    QString variable(const char* upper, const char* lower) const;
    bool excluded(const QString& host) const;
    void refreshEnvironment(qint64 now); // with m_mutex held

    EnvReader m_envReader;
    SystemLookup m_system;
    Clock m_clock;
    mutable QMutex m_mutex;
    QStringList m_envValues; // the proxy variables as last read
    qint64 m_envCheckedAt = 0;
    bool m_envRead = false;
    quint64 m_generation = 0; // invalidateAll() generation the cache belongs to
    QHash<QString, Cached> m_cache;
    int m_systemLookups = 0;
};

} // namespace taskwatch
