// CredentialProbe: what an answer to the probe request means for the keys (accepted, rejected, another error
// of the server, no answer), the sentence that says so, and that nothing is sent without a network access
// manager. The request itself against the emulator: tst_credentialsdialog (the Test button).
#include "accounts/CredentialProbe.h"
#include "api/QueryResult.h"

#include <QSignalSpy>
#include <QtTest>

using namespace taskwatch;
using Outcome = CredentialProbe::Outcome;

namespace {

QueryResult apiError(const QString& code, const QString& message = {}) {
    QueryResult r;
    r.kind = ResultKind::ApiError;
    r.errorCode = code;
    r.errorMessage = message;
    r.httpStatus = 200;
    return r;
}

} // namespace

class TestCredentialProbe : public QObject {
    Q_OBJECT
private slots:
    void outcomes_data() {
        QTest::addColumn<QueryResult>("result");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<QString>("textPart");
        QueryResult success;
        success.kind = ResultKind::Success;
        QTest::newRow("success") << success << Outcome::Accepted << "accepted";
        QTest::newRow("no such task") << apiError(QStringLiteral("InvalidParameter.InvalidAsyncRequestId"))
                                      << Outcome::Accepted << "accepted";
        QTest::newRow("wrong key") << apiError(QStringLiteral("AuthFailure.SignatureFailure"))
                                   << Outcome::Rejected << "Rejected: AuthFailure.SignatureFailure";
        QTest::newRow("other error") << apiError(QStringLiteral("InternalError"), QStringLiteral("busy\nnow"))
                                     << Outcome::ServerError << "(Server message: busy now)";
        QueryResult refused;
        refused.kind = ResultKind::TransportError;
        refused.errorCode = QString::fromLatin1(ClientError::EndpointRejected);
        refused.errorMessage = QStringLiteral("Forbidden");
        refused.httpStatus = 403;
        QTest::newRow("no answer") << refused << Outcome::NetworkProblem << "(HTTP 403)";
    }

    void outcomes() {
        QFETCH(QueryResult, result);
        QFETCH(Outcome, outcome);
        QFETCH(QString, textPart);
        QCOMPARE(CredentialProbe::outcomeOf(result), outcome);
        const QString text = CredentialProbe::describe(result);
        QVERIFY2(text.contains(textPart), qPrintable(text));
        QVERIFY(!text.contains(QLatin1Char('\n')));
    }

    void regionFallsBack() {
        QCOMPARE(CredentialProbe::effectiveRegion(QString()),
                 QString::fromLatin1(CredentialProbe::kFallbackRegion));
        QCOMPARE(CredentialProbe::effectiveRegion(QStringLiteral("ap-tokyo")), QStringLiteral("ap-tokyo"));
    }

    void nothingSentWithoutNetworkAccess() {
        CredentialProbe probe(nullptr);
        QSignalSpy finished(&probe, &CredentialProbe::finished);
        QVERIFY(!probe.start(QUrl(QStringLiteral("https://cdb.tencentcloudapi.com")),
                             {QStringLiteral("AKIDx"), QStringLiteral("key"), {}}, {}));
        QVERIFY(!probe.isRunning());
        QCOMPARE(finished.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCredentialProbe)
#include "tst_credentialprobe.moc"
