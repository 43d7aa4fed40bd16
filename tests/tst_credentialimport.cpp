// CredentialImport: the SDK INI file, tccli JSON files and the environment. Parsing only (no keychain): a
// failed parse must give a clear error and import nothing.
#include "accounts/CredentialImport.h"
#include "accounts/CredentialStore.h"
#include "api/Credential.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace taskwatch;

class TestCredentialImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& content) {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(content);
        return path;
    }

    static void clearEnvironment() {
        for (const char* name : {"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_TOKEN",
                                 "TENCENTCLOUD_REGION", "TENCENTCLOUD_CREDENTIALS_FILE"})
            qunsetenv(name);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        clearEnvironment();
    }
    void cleanup() { clearEnvironment(); }

    void iniTwoSectionsCommentsAndSpaces() {
        const QByteArray ini = "\xEF\xBB\xBF# Tencent Cloud SDK credentials\n"
                               "; another comment style\n"
                               "\n"
                               "[default]\r\n"
                               "  secret_id =  AKIDdefault0000000001  \r\n"
                               "secret_key=keyDefault/+=value\n"
                               "role_arn = qcs::cam::uin/1:roleName/x\n"
                               "\n"
                               "   [ work ]   \n"
                               "\tSECRET_ID\t= AKIDwork00000000000002\n"
                               "   # indented comment\n"
                               "Secret_Key = keyWork\n";
        const ImportResult r = CredentialImport::parseTencentCloud(ini, QStringLiteral("credentials"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.entries.size(), 2);
        QCOMPARE(r.entries.at(0).profileName, QStringLiteral("default"));
        QCOMPARE(
            r.entries.at(0).credential,
            (Credential{QStringLiteral("AKIDdefault0000000001"), QStringLiteral("keyDefault/+=value"), {}}));
        QCOMPARE(r.entries.at(1).profileName, QStringLiteral("work"));
        QCOMPARE(r.entries.at(1).credential,
                 (Credential{QStringLiteral("AKIDwork00000000000002"), QStringLiteral("keyWork"), {}}));
    }

    void iniFromFileAndSelection() {
        const QString path =
            writeFile(QStringLiteral("tc/credentials"),
                      "[default]\nsecret_id=AKIDa\nsecret_key=ka\n[other]\nsecret_id=AKIDb\nsecret_key=kb\n");
        QVERIFY(!path.isEmpty());
        const ImportResult all = CredentialImport::readTencentCloud(path);
        QVERIFY2(all.ok(), qPrintable(all.error));
        QCOMPARE(all.entries.size(), 2);

        const ImportResult one = CredentialImport::select(all, QStringLiteral("other"));
        QVERIFY2(one.ok(), qPrintable(one.error));
        QCOMPARE(one.entries.size(), 1);
        QCOMPARE(one.entries.first().credential.secretKey, QStringLiteral("kb"));

        const ImportResult none = CredentialImport::select(all, QStringLiteral("missing"));
        QVERIFY(!none.ok());
        QVERIFY(none.entries.isEmpty());
        QVERIFY2(none.error.contains(QLatin1String("missing")) && none.error.contains(QLatin1String("other")),
                 qPrintable(none.error));

        // The default path honours TENCENTCLOUD_CREDENTIALS_FILE, as the Go SDK does.
        qputenv("TENCENTCLOUD_CREDENTIALS_FILE", path.toLocal8Bit());
        QCOMPARE(CredentialImport::defaultTencentCloudPath(), path);
        QCOMPARE(CredentialImport::readTencentCloud().entries.size(), 2);
    }

    void iniErrors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected"); // a fragment of the message

        QTest::newRow("empty file") << QByteArray() << QStringLiteral("contains no credentials");
        QTest::newRow("only comments")
            << QByteArray("# nothing\n\n; here\n") << QStringLiteral("no credentials");
        QTest::newRow("key before section")
            << QByteArray("secret_id=AKID\n[default]\nsecret_key=k\n") << QStringLiteral("line 1");
        QTest::newRow("garbage line")
            << QByteArray("[default]\nsecret_id=AKID\nthis is not ini\nsecret_key=k\n")
            << QStringLiteral("line 3");
        QTest::newRow("unterminated header")
            << QByteArray("[default\nsecret_id=a\nsecret_key=b\n") << QStringLiteral("line 1");
        QTest::newRow("empty section name")
            << QByteArray("[ ]\nsecret_id=a\nsecret_key=b\n") << QStringLiteral("section name is empty");
        QTest::newRow("missing secret_key")
            << QByteArray("[default]\nsecret_id=a\nsecret_key=b\n[x]\nsecret_id=c\n")
            << QStringLiteral("[x] (line 4) has no secret_key");
        QTest::newRow("missing secret_id")
            << QByteArray("[default]\nsecret_key=b\n") << QStringLiteral("has no secret_id");
        QTest::newRow("empty value") << QByteArray("[default]\nsecret_id=\nsecret_key=b\n")
                                     << QStringLiteral("has no secret_id");
        QTest::newRow("no keys at all")
            << QByteArray("[default]\nrole_arn=x\n") << QStringLiteral("neither secret_id nor secret_key");
        QTest::newRow("duplicate section") << QByteArray("[a]\nsecret_id=1\nsecret_key=2\n[a]\nsecret_id=3\n")
                                           << QStringLiteral("appears twice");
        QTest::newRow("unusable name") << QByteArray("[my profile]\nsecret_id=1\nsecret_key=2\n")
                                       << QStringLiteral("cannot be used as a profile name");
    }

    void iniErrors() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const ImportResult r = CredentialImport::parseTencentCloud(content, QStringLiteral("my-credentials"));
        QVERIFY(!r.ok());
        QVERIFY(r.entries.isEmpty());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("my-credentials")), qPrintable(r.error)); // names the file
        // A secret value never appears in an error message.
        QVERIFY2(!r.error.contains(QLatin1String("=b")) && !r.error.contains(QLatin1String("=2")),
                 qPrintable(r.error));
    }

    void iniMissingFile() {
        const ImportResult r =
            CredentialImport::readTencentCloud(m_dir.filePath(QStringLiteral("nope/credentials")));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QLatin1String("does not exist")), qPrintable(r.error));
    }

    void tccliWithAndWithoutToken() {
        const QString dir = m_dir.filePath(QStringLiteral("tccli"));
        QVERIFY(!writeFile(QStringLiteral("tccli/prod.credential"),
                           R"({"secretId": " AKIDprod ", "secretKey": "prodKey", "token": "tok-123"})")
                     .isEmpty());
        QVERIFY(!writeFile(QStringLiteral("tccli/prod.configure"),
                           R"({"_sys_param": {"region": "ap-shanghai", "output": "json"},
                               "cdb": {"endpoint": "cdb.tencentcloudapi.com", "version": "2017-03-20"}})")
                     .isEmpty());
        QVERIFY(!writeFile(QStringLiteral("tccli/plain.credential"),
                           R"({"secretId":"AKIDplain","secretKey":"k"})")
                     .isEmpty());

        const ImportResult prod = CredentialImport::readTccli(QStringLiteral("prod"), dir);
        QVERIFY2(prod.ok(), qPrintable(prod.error));
        QCOMPARE(prod.entries.size(), 1);
        QCOMPARE(prod.entries.first().profileName, QStringLiteral("prod"));
        QCOMPARE(
            prod.entries.first().credential,
            (Credential{QStringLiteral("AKIDprod"), QStringLiteral("prodKey"), QStringLiteral("tok-123")}));
        QCOMPARE(prod.entries.first().region, QStringLiteral("ap-shanghai"));
        QCOMPARE(prod.entries.first().endpoint, QStringLiteral("https://cdb.tencentcloudapi.com"));

        const ImportResult plain = CredentialImport::readTccli(QStringLiteral("plain"), dir);
        QVERIFY2(plain.ok(), qPrintable(plain.error));
        QCOMPARE(plain.entries.first().credential,
                 (Credential{QStringLiteral("AKIDplain"), QStringLiteral("k"), {}}));
        QVERIFY(plain.entries.first().region.isEmpty()); // no .configure: nothing invented

        const ImportResult missing = CredentialImport::readTccli(QStringLiteral("absent"), dir);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error.contains(QLatin1String("absent.credential")), qPrintable(missing.error));

        const ImportResult traversal = CredentialImport::readTccli(QStringLiteral("../prod"), dir);
        QVERIFY(!traversal.ok());
    }

    void tccliErrors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("oauth") << QByteArray(
                                      R"({"type":"oauth","secretId":"AKIDx","secretKey":"k","token":"t",
                                               "expiresAt":1700000000,"oauth":{"openId":"o"}})")
                               << QStringLiteral("oauth login");
        QTest::newRow("sso") << QByteArray(R"({"type":"SSO","secretId":"AKIDx","secretKey":"k"})")
                             << QStringLiteral("sso login");
        QTest::newRow("empty file") << QByteArray("  \n") << QStringLiteral("is empty");
        QTest::newRow("malformed") << QByteArray(R"({"secretId": "AKIDx", )")
                                   << QStringLiteral("not valid JSON");
        QTest::newRow("not an object") << QByteArray(R"(["AKIDx","k"])") << QStringLiteral("JSON object");
        QTest::newRow("missing secretKey")
            << QByteArray(R"({"secretId":"AKIDx"})") << QStringLiteral("has no \"secretKey\"");
        QTest::newRow("missing secretId")
            << QByteArray(R"({"secretKey":"k"})") << QStringLiteral("\"secretId\"");
        QTest::newRow("empty secretId")
            << QByteArray(R"({"secretId":" ","secretKey":"k"})") << QStringLiteral("\"secretId\" is empty");
        QTest::newRow("number token") << QByteArray(R"({"secretId":"a","secretKey":"k","token":5})")
                                      << QStringLiteral("\"token\" must be a string");
    }

    void tccliErrors() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const ImportResult r =
            CredentialImport::parseTccli(content, QStringLiteral("p"), QStringLiteral("p.credential"));
        QVERIFY(!r.ok());
        QVERIFY(r.entries.isEmpty());
        QVERIFY2(r.error.contains(expected, Qt::CaseInsensitive), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("p.credential")), qPrintable(r.error));
    }

    void environment() {
        QVERIFY(!CredentialImport::readEnvironment().ok()); // nothing set
        qputenv("TENCENTCLOUD_SECRET_ID", "AKIDenv");
        const ImportResult partial = CredentialImport::readEnvironment();
        QVERIFY(!partial.ok());
        QVERIFY2(partial.error.contains(QLatin1String("TENCENTCLOUD_SECRET_KEY")), qPrintable(partial.error));

        qputenv("TENCENTCLOUD_SECRET_KEY", "envKey ");
        qputenv("TENCENTCLOUD_TOKEN", "envToken");
        qputenv("TENCENTCLOUD_REGION", "ap-beijing");
        const ImportResult r = CredentialImport::readEnvironment(QStringLiteral("ci"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.entries.size(), 1);
        QCOMPARE(r.entries.first().profileName, QStringLiteral("ci"));
        QCOMPARE(
            r.entries.first().credential,
            (Credential{QStringLiteral("AKIDenv"), QStringLiteral("envKey"), QStringLiteral("envToken")}));
        QCOMPARE(r.entries.first().region, QStringLiteral("ap-beijing"));
        QCOMPARE(CredentialImport::readEnvironment().entries.first().profileName, QStringLiteral("default"));
        QVERIFY(!CredentialImport::readEnvironment(QStringLiteral("bad name")).ok());
    }

    // A failed parse stores nothing: importInto() refuses it before touching the keychain or the settings.
    void failedParseStoresNothing() {
        const QString settingsFile = m_dir.filePath(QStringLiteral("settings.ini"));
        CredentialStore store(settingsFile);
        store.setTimeoutMs(2000);
        const ImportResult bad = CredentialImport::parseTencentCloud(
            "[good]\nsecret_id=AKIDgood\nsecret_key=goodKey\n[bad]\nsecret_id=AKIDbad\n",
            QStringLiteral("f"));
        QVERIFY(!bad.ok());
        QStringList stored;
        const KeychainResult r = CredentialImport::importInto(store, bad, &stored);
        QVERIFY(!r.ok());
        QCOMPARE(r.message, bad.error);
        QVERIFY(stored.isEmpty());
        QVERIFY(store.profiles().isEmpty());
        QFile written(settingsFile);
        QVERIFY(!written.exists() ||
                (written.open(QIODevice::ReadOnly) && !written.readAll().contains("good")));
    }
};

QTEST_GUILESS_MAIN(TestCredentialImport)
#include "tst_credentialimport.moc"
