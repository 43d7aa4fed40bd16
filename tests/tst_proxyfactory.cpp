#include "api/ProxyFactory.h"

#include <QTest>
#include <QUrl>

using namespace taskwatch;

namespace {
QNetworkProxy proxyFor(const QProcessEnvironment& env, const char* url) {
    ProxyFactory f(env);
    const QList<QNetworkProxy> list = f.queryProxy(QNetworkProxyQuery(QUrl(QString::fromLatin1(url))));
    return list.isEmpty() ? QNetworkProxy() : list.first();
}
} // namespace

class TestProxyFactory : public QObject {
    Q_OBJECT
private slots:
    void httpsProxyForHttps() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://user:p%40ss@proxy.corp:3128"));
        const QNetworkProxy p = proxyFor(env, "https://cdb.intl.tencentcloudapi.com/");
        QCOMPARE(p.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(p.hostName(), QStringLiteral("proxy.corp"));
        QCOMPARE(p.port(), quint16(3128));
        QCOMPARE(p.user(), QStringLiteral("user"));
        QCOMPARE(p.password(), QStringLiteral("p@ss")); // percent-decoded
    }
    void lowercaseWins() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://upper:1"));
        env.insert(QStringLiteral("https_proxy"), QStringLiteral("http://lower:2"));
        QCOMPARE(proxyFor(env, "https://cdb.tencentcloudapi.com/").hostName(), QStringLiteral("lower"));
    }
    void noProxySuffixesAndLoopback() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("https_proxy"), QStringLiteral("http://proxy:3128"));
        env.insert(QStringLiteral("no_proxy"),
                   QStringLiteral("example.org, .tencentcloudapi.com,internal:8443"));
        QCOMPARE(proxyFor(env, "https://cdb.tencentcloudapi.com/").type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor(env, "https://example.org/").type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor(env, "https://internal/").type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor(env, "https://notexample.org/").type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxyFor(env, "http://127.0.0.1:8080/").type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor(env, "http://localhost:8080/").type(), QNetworkProxy::NoProxy);
        env.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
        QCOMPARE(proxyFor(env, "https://cdb.tencentcloudapi.com/").type(), QNetworkProxy::NoProxy);
    }
    void httpUsesHttpProxyOnly() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("https_proxy"), QStringLiteral("http://s:1"));
        env.insert(QStringLiteral("http_proxy"), QStringLiteral("socks5://h:1080"));
        const QNetworkProxy p = proxyFor(env, "http://some.host/");
        QCOMPARE(p.type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(p.hostName(), QStringLiteral("h"));
    }

    // The system lookup (libproxy) runs once per endpoint, not once per request; again after its TTL, after
    // invalidateAll() (a proxy error), and for another endpoint. Loopback never asks it.
    void systemLookupOncePerEndpoint() {
        qint64 now = 1000;
        int lookups = 0;
        ProxyFactory f([](const QString&) { return QString(); },
                       [&lookups](const QNetworkProxyQuery&) {
                           ++lookups;
                           return QList<QNetworkProxy>{
                               QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("desktop"), 3128)};
                       },
                       [&now] { return now; });
        const QNetworkProxyQuery api(QUrl(QStringLiteral("https://cdb.tencentcloudapi.com/")));
        for (int i = 0; i < 1000; ++i) {
            const QList<QNetworkProxy> list = f.queryProxy(api);
            QCOMPARE(list.size(), 1);
            QCOMPARE(list.first().hostName(), QStringLiteral("desktop"));
            now += 25; // 40 requests per second, 25 s in all
        }
        QCOMPARE(lookups, 1);
        QCOMPARE(f.systemLookups(), 1);
        f.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://cdb.intl.tencentcloudapi.com/"))));
        QCOMPARE(lookups, 2);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(f.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://127.0.0.1:8080/"))))
                         .first()
                         .type(),
                     QNetworkProxy::NoProxy);
        QCOMPARE(lookups, 2);
        now += ProxyFactory::kSystemTtlMs; // the desktop settings may have changed
        f.queryProxy(api);
        QCOMPARE(lookups, 3);
        f.queryProxy(api);
        QCOMPARE(lookups, 3);
        ProxyFactory::invalidateAll(); // e.g. after a proxy error
        f.queryProxy(api);
        f.queryProxy(api);
        QCOMPARE(lookups, 4);
    }

    // A change of the proxy variables is seen within kEnvCheckMs, without a system lookup per request.
    void environmentChangeSeen() {
        qint64 now = 0;
        QHash<QString, QString> env{{QStringLiteral("https_proxy"), QStringLiteral("http://first:1")}};
        int lookups = 0;
        ProxyFactory f([&env](const QString& name) { return env.value(name); },
                       [&lookups](const QNetworkProxyQuery&) {
                           ++lookups;
                           return QList<QNetworkProxy>{QNetworkProxy(QNetworkProxy::NoProxy)};
                       },
                       [&now] { return now; });
        const QNetworkProxyQuery api(QUrl(QStringLiteral("https://cdb.tencentcloudapi.com/")));
        QCOMPARE(f.queryProxy(api).first().hostName(), QStringLiteral("first"));
        env.insert(QStringLiteral("https_proxy"), QStringLiteral("http://second:2"));
        now += ProxyFactory::kEnvCheckMs;
        QCOMPARE(f.queryProxy(api).first().hostName(), QStringLiteral("second"));
        env.insert(QStringLiteral("no_proxy"), QStringLiteral(".tencentcloudapi.com"));
        now += ProxyFactory::kEnvCheckMs;
        QCOMPARE(f.queryProxy(api).first().type(), QNetworkProxy::NoProxy);
        env.clear(); // no variable: the system decides
        now += ProxyFactory::kEnvCheckMs;
        QCOMPARE(f.queryProxy(api).first().type(), QNetworkProxy::NoProxy);
        QCOMPARE(lookups, 1);
    }
};

QTEST_GUILESS_MAIN(TestProxyFactory)
#include "tst_proxyfactory.moc"
