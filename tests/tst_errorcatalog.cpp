#include "ErrorCatalog.h"

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
    }
    void classify() {
        QFETCH(QString, code);
        QFETCH(int, expected);
        QCOMPARE(int(ErrorCatalog::classify(code)), expected);
        QVERIFY(!ErrorCatalog::describe(code).meaning.isEmpty());
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
