#include "ProxyFactory.h"

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
};

QTEST_GUILESS_MAIN(TestProxyFactory)
#include "tst_proxyfactory.moc"
