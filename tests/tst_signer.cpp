// Signer against the vendor's published TC3-HMAC-SHA256 vectors (A, B) and our cdb vector (C).
#include "api/Signer.h"
#include "platform/QtCompat.h"

#include <QCryptographicHash>
#include <QTest>
#include <QUrl>

using namespace taskwatch;

namespace {
// The literal body of the vendor's example: the \uXXXX escapes are 6 ASCII characters each.
const QByteArray kCvmBody =
    R"({"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]})";

SignInput cvmInput() {
    SignInput in;
    in.host = "cvm.tencentcloudapi.com";
    in.contentType = "application/json; charset=utf-8";
    in.payload = kCvmBody;
    in.service = "cvm";
    in.timestamp = 1551113065;
    return in;
}

SignInput cdbInput() {
    SignInput in;
    in.host = "cdb.intl.tencentcloudapi.com";
    in.contentType = "application/json";
    in.payload = R"({"AsyncRequestId":"f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7"})";
    in.service = "cdb";
    in.timestamp = 1551113065;
    return in;
}
} // namespace

class TestSigner : public QObject {
    Q_OBJECT
private slots:
    void hostHeader_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("host");
        QTest::newRow("https default") << QStringLiteral("https://cdb.intl.tencentcloudapi.com")
                                       << QByteArray("cdb.intl.tencentcloudapi.com");
        QTest::newRow("https explicit 443") << QStringLiteral("https://cdb.intl.tencentcloudapi.com:443")
                                            << QByteArray("cdb.intl.tencentcloudapi.com");
        QTest::newRow("https explicit 443, path")
            << QStringLiteral("HTTPS://CDB.intl.TencentCloudAPI.com:443/")
            << QByteArray("cdb.intl.tencentcloudapi.com");
        QTest::newRow("https other port") << QStringLiteral("https://cdb.intl.tencentcloudapi.com:8443")
                                          << QByteArray("cdb.intl.tencentcloudapi.com:8443");
        QTest::newRow("https port 80")
            << QStringLiteral("https://h.example:80") << QByteArray("h.example:80");
        QTest::newRow("http explicit 80") << QStringLiteral("http://127.0.0.1:80") << QByteArray("127.0.0.1");
        QTest::newRow("http port 443")
            << QStringLiteral("http://127.0.0.1:443") << QByteArray("127.0.0.1:443");
        QTest::newRow("http loopback port")
            << QStringLiteral("http://127.0.0.1:8080") << QByteArray("127.0.0.1:8080");
        QTest::newRow("ipv6") << QStringLiteral("http://[::1]:8080") << QByteArray("[::1]:8080");
    }
    void hostHeader() {
        QFETCH(QString, url);
        QFETCH(QByteArray, host);
        QCOMPARE(Signer::hostHeader(QUrl(url)), host);
    }
    void vectorA() {
        const SignOutput out =
            Signer::sign(cvmInput(), QStringLiteral("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"),
                         QStringLiteral("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"));
        QCOMPARE(out.date, QByteArray("2019-02-25"));
        QCOMPARE(out.hashedPayload,
                 QByteArray("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"));
        QCOMPARE(
            out.canonicalRequest,
            QByteArray(
                "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
                "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"));
        QCOMPARE(out.hashedCanonicalRequest,
                 QByteArray("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"));
        QCOMPARE(out.stringToSign,
                 QByteArray("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                            "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"));
        QCOMPARE(out.signature,
                 QByteArray("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"));
        QCOMPARE(
            out.authorization,
            QByteArray(
                "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                "SignedHeaders=content-type;host, "
                "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"));
    }

    void vectorB_withActionHeaderAndIntermediateKeys() {
        SignInput in = cvmInput();
        in.extraHeaders = {{"X-TC-Action", "DescribeInstances"}};
        const SignOutput out = Signer::sign(in, QStringLiteral("AKID") + QString(32, QLatin1Char('*')),
                                            QString(32, QLatin1Char('*')));
        QCOMPARE(out.signedHeaders, QByteArray("content-type;host;x-tc-action"));
        QVERIFY(out.canonicalRequest.contains("\nx-tc-action:describeinstances\n"));
        QCOMPARE(out.hashedCanonicalRequest,
                 QByteArray("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84"));
        QCOMPARE(out.secretDate.toHex(),
                 QByteArray("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0"));
        QCOMPARE(out.secretService.toHex(),
                 QByteArray("8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f"));
        QCOMPARE(out.secretSigning.toHex(),
                 QByteArray("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af"));
        QCOMPARE(out.signature,
                 QByteArray("10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f"));
    }

    void vectorC_cdb() {
        const QString key = QStringLiteral("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
        SignOutput out = Signer::sign(cdbInput(), QStringLiteral("AKIDEXAMPLE"), key);
        QCOMPARE(out.hashedPayload,
                 QByteArray("02bea8dd022a9862ed0514be06601fdfa0b2e1ccc15fd0d18d3ed9a04f4e40a6"));
        QCOMPARE(out.hashedCanonicalRequest,
                 QByteArray("7c0ae5802b2b2bc283e11c0a5c2cb1051b8beadca19315f827f56927f15470ad"));
        QCOMPARE(out.signature,
                 QByteArray("b1aaaeb57da1dc3fd480981049985723f791d191339e5a2fa398b90893a2c158"));

        SignInput withAction = cdbInput();
        withAction.extraHeaders = {{"X-TC-Action", "DescribeAsyncRequestInfo"}};
        out = Signer::sign(withAction, QStringLiteral("AKIDEXAMPLE"), key);
        QCOMPARE(out.hashedCanonicalRequest,
                 QByteArray("4ae052edadcea0e2c5c7a9dad89686b17c950e1d8caeae9331f8e453663554cb"));
        QCOMPARE(out.signature,
                 QByteArray("e150c91bfb5aefd4f2c20b5fe0b6d020fc33cf80171c71e1cef773e50dfa775a"));
    }

    void dateIsUtcJustAfterMidnight() {
        // 2026-11-27T00:00:01Z: in UTC+8 it is already 08:00 on the 27th, in UTC-5 still the 26th.
        const qint64 ts = compat::utcDateTime(QDate(2026, 11, 27), QTime(0, 0, 1)).toSecsSinceEpoch();
        QCOMPARE(Signer::utcDate(ts), QByteArray("2026-11-27"));
        QCOMPARE(Signer::utcDate(ts - 2), QByteArray("2026-11-26"));
        qputenv("TZ", "America/New_York");
        SignInput in = cdbInput();
        in.timestamp = ts;
        const SignOutput out = Signer::sign(in, QStringLiteral("AKIDEXAMPLE"), QStringLiteral("k"));
        QCOMPARE(out.date, QByteArray("2026-11-27"));
        QVERIFY(out.authorization.contains("/2026-11-27/cdb/tc3_request"));
        qunsetenv("TZ");
    }

    void signsTheHostActuallySentAndTrimsLowercasesValues() {
        SignInput in = cdbInput();
        in.host = "127.0.0.1:49152";
        in.contentType = "  Application/JSON ";
        const SignOutput out = Signer::sign(in, QStringLiteral("id"), QStringLiteral("k"));
        QVERIFY(out.canonicalRequest.contains("\ncontent-type:application/json\nhost:127.0.0.1:49152\n"));
        // Different host -> different signature.
        SignInput other = in;
        other.host = "127.0.0.1:49153";
        QVERIFY(Signer::sign(other, QStringLiteral("id"), QStringLiteral("k")).signature != out.signature);
    }

    void tokenDoesNotChangeSignatureOfTwoHeaderForm() {
        // X-TC-Token travels as an unsigned header in the two-header form; signing it (as an extra header)
        // must change the signature, proving extra headers are really covered.
        SignInput in = cdbInput();
        const QByteArray plain = Signer::sign(in, QStringLiteral("id"), QStringLiteral("k")).signature;
        in.extraHeaders = {{"X-TC-Token", "temporary-token"}};
        const SignOutput withToken = Signer::sign(in, QStringLiteral("id"), QStringLiteral("k"));
        QCOMPARE(withToken.signedHeaders, QByteArray("content-type;host;x-tc-token"));
        QVERIFY(withToken.signature != plain);
    }

    // The signing key is cached per (secret key, date, service): a change of any of them derives a new one.
    void cachedSigningKeyFollowsKeyDateAndService() {
        SignInput in = cdbInput();
        const auto fresh = [](const SignInput& input, const QString& key) {
            Signer::clearKeyCache();
            return Signer::sign(input, QStringLiteral("id"), key);
        };
        const SignOutput a = fresh(in, QStringLiteral("key-a"));
        const SignOutput b = fresh(in, QStringLiteral("key-b"));
        QVERIFY(a.secretSigning != b.secretSigning);
        SignInput nextDay = in;
        nextDay.timestamp += 86400;
        const SignOutput aNext = fresh(nextDay, QStringLiteral("key-a"));
        SignInput otherService = in;
        otherService.service = "cvm";
        const SignOutput aCvm = fresh(otherService, QStringLiteral("key-a"));
        QVERIFY(aNext.secretSigning != a.secretSigning);
        QVERIFY(aCvm.secretSigning != a.secretSigning);
        // Interleaved without clearing: every call gives what a fresh derivation gives.
        for (int round = 0; round < 2; ++round) {
            QCOMPARE(Signer::sign(in, QStringLiteral("id"), QStringLiteral("key-a")).authorization,
                     a.authorization);
            QCOMPARE(Signer::sign(in, QStringLiteral("id"), QStringLiteral("key-a")).secretSigning,
                     a.secretSigning);
            QCOMPARE(Signer::sign(in, QStringLiteral("id"), QStringLiteral("key-b")).authorization,
                     b.authorization);
            QCOMPARE(Signer::sign(nextDay, QStringLiteral("id"), QStringLiteral("key-a")).authorization,
                     aNext.authorization);
            QCOMPARE(Signer::sign(otherService, QStringLiteral("id"), QStringLiteral("key-a")).authorization,
                     aCvm.authorization);
        }
        // Within the same UTC day the key is the same: a later second reuses it and still signs correctly.
        SignInput later = in;
        later.timestamp += 60;
        const SignOutput cached = Signer::sign(later, QStringLiteral("id"), QStringLiteral("key-a"));
        QCOMPARE(cached.secretSigning, a.secretSigning);
        QCOMPARE(cached.signature, fresh(later, QStringLiteral("key-a")).signature);
    }

    // The hashes of a payload and of a canonical request are remembered (a task polled again signs the same
    // request): whatever was signed before, each value is the one computed afresh.
    void rememberedHashesAreTheFreshOnes() {
        const QString id = QStringLiteral("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE");
        const QString key = QStringLiteral("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
        const auto sha = [](const QByteArray& data) {
            return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
        };
        for (int round = 0; round < 3; ++round) {
            const SignOutput a = Signer::sign(cvmInput(), id, key);
            QCOMPARE(a.signature,
                     QByteArray("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"));
            SignInput other = cvmInput();
            other.payload[other.payload.size() - 2] = '2'; // another payload of the same length
            other.timestamp += 86400 * round;              // and another day
            const SignOutput b = Signer::sign(other, id, key);
            QCOMPARE(b.hashedPayload, sha(other.payload));
            QVERIFY(b.hashedPayload != a.hashedPayload);
            QCOMPARE(b.hashedCanonicalRequest, sha(b.canonicalRequest));
            QCOMPARE(b.date, Signer::utcDate(other.timestamp));
            SignInput action = other;
            action.extraHeaders = {{"X-TC-Action", "DescribeInstances"}};
            const SignOutput c = Signer::sign(action, id, key);
            QCOMPARE(c.hashedPayload, b.hashedPayload);
            QCOMPARE(c.hashedCanonicalRequest, sha(c.canonicalRequest));
            QVERIFY(c.hashedCanonicalRequest != b.hashedCanonicalRequest);
        }
        // The date of alternating days.
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(Signer::utcDate(1551113065), QByteArray("2019-02-25"));
            QCOMPARE(Signer::utcDate(1551113065 + 86400), QByteArray("2019-02-26"));
        }
    }

    void utcDateBeforeAndAfterEpoch() {
        QCOMPARE(Signer::utcDate(0), QByteArray("1970-01-01"));
        QCOMPARE(Signer::utcDate(86399), QByteArray("1970-01-01"));
        QCOMPARE(Signer::utcDate(86400), QByteArray("1970-01-02"));
        QCOMPARE(Signer::utcDate(-1), QByteArray("1969-12-31"));
        QCOMPARE(Signer::utcDate(-86400), QByteArray("1969-12-31"));
        QCOMPARE(Signer::utcDate(-86401), QByteArray("1969-12-30"));
        QCOMPARE(Signer::utcDate(1551113065), QByteArray("2019-02-25"));
    }
};

QTEST_GUILESS_MAIN(TestSigner)
#include "tst_signer.moc"
