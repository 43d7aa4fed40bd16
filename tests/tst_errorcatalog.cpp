#include "api/ErrorCatalog.h"

#include <QTest>

using namespace taskwatch;

class TestErrorCatalog : public QObject {
    Q_OBJECT
private slots:
    void classify_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("expected");
        auto row = [](const char* code, ErrorClass c) {
            QTest::newRow(code) << QString::fromLatin1(code) << int(c);
        };
        row("AuthFailure.SignatureExpire", ErrorClass::ClockSkew);
        row("AuthFailure.SecretIdNotFound", ErrorClass::AuthStop);
        row("AuthFailure.SomethingNew", ErrorClass::AuthStop);
        row("RequestLimitExceeded", ErrorClass::RateLimited);
        row("RequestLimitExceeded.UinLimitExceeded", ErrorClass::RateLimited);
        row("RequestLimitExceeded.GlobalRegionUinLimitExceeded", ErrorClass::RateLimited);
        row("InternalError", ErrorClass::Transient);
        row("InternalError.FtpError", ErrorClass::Transient);
        row("ServiceUnavailable", ErrorClass::Transient);
        row("ResourceUnavailable", ErrorClass::Transient);
        row("ClientNetworkError", ErrorClass::Transient);
        row("ClientTlsError", ErrorClass::Transient);
        row("ServerNetworkError", ErrorClass::Transient);
        row("ClientParseError", ErrorClass::Transient);
        row("Timeout", ErrorClass::Transient);
        row("InvalidParameter.InvalidAsyncRequestId", ErrorClass::Permanent);
        row("InvalidParameter.Other", ErrorClass::Permanent);
        row("OperationDenied.UserHasNoStrategy", ErrorClass::Permanent);
        row("CdbError.TaskError", ErrorClass::Permanent);
        row("UnsupportedRegion", ErrorClass::Permanent);
        row("TotallyUnknown", ErrorClass::Permanent);
        row("ClientInvalidRegion", ErrorClass::Permanent);
        row("InternalErrorX", ErrorClass::Permanent); // a prefix only counts at a '.' boundary
        row("EndpointRedirect", ErrorClass::Permanent);
        row("EndpointRejected", ErrorClass::Permanent);
    }
    void classify() {
        QFETCH(QString, code);
        QFETCH(int, expected);
        QCOMPARE(int(ErrorCatalog::classify(code)), expected);
        QVERIFY(!ErrorCatalog::describe(code).meaning.isEmpty());
    }
    // HTTP statuses without an API envelope: 3xx and 4xx (not 429) are permanent, 429 and 5xx transient.
    void httpStatuses_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("expected");
        const QString redirect = QStringLiteral("EndpointRedirect");
        const QString rejected = QStringLiteral("EndpointRejected");
        const QString server = QStringLiteral("ServerNetworkError");
        for (int s : {301, 302, 303, 307, 308})
            QTest::addRow("%d", s) << s << redirect << int(ErrorClass::Permanent);
        for (int s : {400, 401, 403, 404, 405, 407, 410, 451})
            QTest::addRow("%d", s) << s << rejected << int(ErrorClass::Permanent);
        for (int s : {429, 500, 502, 503, 504, 599})
            QTest::addRow("%d", s) << s << server << int(ErrorClass::Transient);
    }
    void httpStatuses() {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, expected);
        QCOMPARE(ErrorCatalog::httpStatusCode(status), code);
        QCOMPARE(int(ErrorCatalog::classify(code)), expected);
        QCOMPARE(ErrorCatalog::isEndpointFailure(code), expected == int(ErrorClass::Permanent));
        const QString message = ErrorCatalog::httpStatusMessage(status, QStringLiteral("https://x.example/"));
        QVERIFY2(message.contains(QString::number(status)), qPrintable(message));
    }
    void httpStatusMessagesSayWhatToDo() {
        QVERIFY(ErrorCatalog::httpStatusMessage(404).contains(QLatin1String("endpoint")));
        QVERIFY(ErrorCatalog::httpStatusMessage(407).contains(QLatin1String("proxy")));
        QVERIFY(ErrorCatalog::httpStatusMessage(403).contains(QLatin1String("refused")));
        QCOMPARE(ErrorCatalog::httpStatusMessage(301),
                 QStringLiteral("The endpoint redirects (HTTP 301); set the right endpoint."));
        QCOMPARE(
            ErrorCatalog::httpStatusMessage(302, QStringLiteral("https://cdb.example.com/x")),
            QStringLiteral("The endpoint redirects (HTTP 302) to https://cdb.example.com/x; set the right "
                           "endpoint."));
    }
    void redirectTargetIsSanitised() {
        // Server text: no user info, no control or bidi characters acting, bounded, never format-interpreted.
        const QString hostile =
            QStringLiteral("https://user:pw@evil.example/%1\x1b[31m\u202e%2") + QString(5000, u'a');
        const QString message = ErrorCatalog::httpStatusMessage(307, hostile);
        QVERIFY(!message.contains(QLatin1String("pw@")));
        QVERIFY(!message.contains(QChar(0x1b)));
        QVERIFY(!message.contains(QChar(0x202e)));
        QVERIFY(message.size() < 400);
        QVERIFY(message.contains(QLatin1String("evil.example/")));
    }
    void hintsNameTheCause() {
        QVERIFY(ErrorCatalog::describe(QStringLiteral("AuthFailure.SignatureExpire"))
                    .hint.contains(QLatin1String("clock")));
        QVERIFY(ErrorCatalog::describe(QStringLiteral("InvalidParameter.InvalidAsyncRequestId"))
                    .hint.contains(QLatin1String("region")));
        QVERIFY(ErrorCatalog::describe(QStringLiteral("OperationDenied.UserHasNoStrategy"))
                    .hint.contains(QLatin1String("CAM")));
    }
};

QTEST_GUILESS_MAIN(TestErrorCatalog)
#include "tst_errorcatalog.moc"
