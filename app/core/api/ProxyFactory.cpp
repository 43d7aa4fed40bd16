#include "api/ProxyFactory.h"
#include "Clock.h"
#include "api/Endpoint.h"

#include <QHostAddress>
#include <QMutexLocker>
#include <QUrl>
#include <atomic>
#include <chrono>
#include <cstring>

namespace taskwatch {

namespace {
// Every variable that decides a proxy; read together, compared together.
constexpr const char* kVariables[] = {"HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
                                      "http_proxy",  "NO_PROXY",    "no_proxy"};
constexpr int kVariableCount = int(sizeof(kVariables) / sizeof(kVariables[0]));

std::atomic<quint64> g_generation{0};
} // namespace

ProxyFactory::ProxyFactory(QProcessEnvironment environment)
    : ProxyFactory([env = std::move(environment)](const QString& name) { return env.value(name); }) {}

ProxyFactory::ProxyFactory(EnvReader env, SystemLookup system, Clock clock)
    : m_envReader(env ? std::move(env) : EnvReader([](const QString& name) {
        return qEnvironmentVariable(name.toLatin1().constData());
    }))
    , m_system(system ? std::move(system) : SystemLookup([](const QNetworkProxyQuery& query) {
        return QNetworkProxyFactory::systemProxyForQuery(query);
    }))
    , m_clock(clock ? std::move(clock) : Clock(&steadyNowMs)) {}

void ProxyFactory::install() {
    QNetworkProxyFactory::setApplicationProxyFactory(new ProxyFactory()); // Qt takes ownership
}

void ProxyFactory::invalidateAll() {
    g_generation.fetch_add(1, std::memory_order_relaxed);
}

int ProxyFactory::systemLookups() const {
    QMutexLocker lock(&m_mutex);
    return m_systemLookups;
}

QString ProxyFactory::variable(const char* upper, const char* lower) const {
    QString upperValue, lowerValue;
    for (int i = 0; i < kVariableCount; ++i) {
        if (std::strcmp(kVariables[i], lower) == 0)
            lowerValue = m_envValues.value(i);
        else if (std::strcmp(kVariables[i], upper) == 0)
            upperValue = m_envValues.value(i);
    }
    return lowerValue.isEmpty() ? upperValue : lowerValue;
}

void ProxyFactory::refreshEnvironment(qint64 now) {
    if (m_envRead && now - m_envCheckedAt < kEnvCheckMs && now >= m_envCheckedAt)
        return;
    QStringList values;
    values.reserve(kVariableCount);
    for (const char* name : kVariables)
        values.append(m_envReader(QString::fromLatin1(name)).trimmed());
    m_envCheckedAt = now;
    if (m_envRead && values == m_envValues)
        return;
    m_envRead = true;
    m_envValues = values;
    m_cache.clear();
}

bool ProxyFactory::excluded(const QString& host) const {
    if (Endpoint::isLoopbackHost(host))
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

QList<QNetworkProxy> ProxyFactory::resolve(const QNetworkProxyQuery& query, bool* fromSystem) {
    *fromSystem = false;
    const QString host = query.peerHostName();
    if (excluded(host))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    const bool https = query.protocolTag().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    const QString value =
        https ? variable("HTTPS_PROXY", "https_proxy") : variable("HTTP_PROXY", "http_proxy");
    QUrl url;
    if (!value.isEmpty())
        url = QUrl::fromUserInput(value);
    if (!url.isValid() || url.host().isEmpty()) {
        *fromSystem = true;
        ++m_systemLookups;
        return m_system(query);
    }
    const bool socks = url.scheme().startsWith(QLatin1String("socks"));
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                        quint16(url.port(socks ? 1080 : 8080)), url.userName(QUrl::FullyDecoded),
                        url.password(QUrl::FullyDecoded));
    return {proxy};
}

QList<QNetworkProxy> ProxyFactory::queryProxy(const QNetworkProxyQuery& query) {
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock();
    if (const quint64 generation = g_generation.load(std::memory_order_relaxed); generation != m_generation) {
        m_generation = generation;
        m_cache.clear();
    }
    refreshEnvironment(now);
    const QString key = QString::number(int(query.queryType())) + QLatin1Char(' ') + query.protocolTag() +
                        QLatin1Char(' ') + query.peerHostName().toLower() + QLatin1Char(' ') +
                        QString::number(query.peerPort());
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd()) {
        const qint64 age = now - it->resolvedAt;
        if (!it->fromSystem || (age >= 0 && age < kSystemTtlMs))
            return it->proxies;
    }
    Cached entry;
    entry.proxies = resolve(query, &entry.fromSystem);
    entry.resolvedAt = now;
    if (m_cache.size() >= kMaxCached)
        m_cache.clear();
    m_cache.insert(key, entry);
    return entry.proxies;
}

} // namespace taskwatch
