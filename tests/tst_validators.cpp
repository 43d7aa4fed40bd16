// The whole-string validators of values that travel as headers or name keychain entries: region ids and
// profile names. `^…$` would accept a trailing "\n" (PCRE's `$` matches before a final newline).
#include "accounts/CredentialStore.h"
#include "api/Regions.h"

#include <QSet>
#include <QTest>

using namespace taskwatch;

class TestValidators : public QObject {
    Q_OBJECT
private slots:
    void regionIds_data() {
        QTest::addColumn<QString>("region");
        QTest::addColumn<bool>("wellFormed");
        QTest::newRow("guangzhou") << QStringLiteral("ap-guangzhou") << true;
        QTest::newRow("fsi") << QStringLiteral("ap-shanghai-fsi") << true;
        QTest::newRow("unknown but well formed") << QStringLiteral("xx-nowhere-9") << true;
        QTest::newRow("trailing LF") << QStringLiteral("ap-guangzhou\n") << false;
        QTest::newRow("trailing CRLF") << QStringLiteral("ap-guangzhou\r\n") << false;
        QTest::newRow("leading LF") << QStringLiteral("\nap-guangzhou") << false;
        QTest::newRow("inner LF") << QStringLiteral("ap-guangzhou\nX-Injected: 1") << false;
        QTest::newRow("trailing space") << QStringLiteral("ap-guangzhou ") << false;
        QTest::newRow("upper case") << QStringLiteral("AP-GUANGZHOU") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("too long") << QStringLiteral("ap-") + QString(70, QLatin1Char('a')) << false;
    }
    void regionIds() {
        QFETCH(QString, region);
        QFETCH(bool, wellFormed);
        QCOMPARE(Regions::isWellFormed(region), wellFormed);
        QCOMPARE(Regions::regionalEndpoint(region).isEmpty(), !wellFormed);
    }

    void knownRegions() {
        for (const QString& region : Regions::cdb()) {
            QVERIFY(Regions::isWellFormed(region));
            QVERIFY(Regions::isKnown(region));
        }
        QVERIFY(!Regions::isKnown(QStringLiteral("xx-nowhere-9")));
        QVERIFY(!Regions::isKnown(QStringLiteral("ap-guangzhou\n")));
    }

    void endpointWarnings() {
        // One rule set for the credentials dialog and `credentials set --endpoint`
        // (Regions::endpointWarning).
        QVERIFY(Regions::endpointWarning(QStringLiteral("ap-guangzhou"), {}).isEmpty());
        QVERIFY(Regions::endpointWarning(QStringLiteral("ap-shanghai-fsi"),
                                         QStringLiteral("https://cdb.shanghai-fsi.tencentcloudapi.com"))
                    .isEmpty() == false);
        const QString fsi = Regions::endpointWarning(QStringLiteral("ap-shanghai-fsi"), {});
        QVERIFY2(fsi.contains(QLatin1String("https://cdb.ap-shanghai-fsi.tencentcloudapi.com")),
                 qPrintable(fsi));
        QVERIFY(!Regions::endpointWarning(QStringLiteral("ap-shenzhen-fsi"),
                                          QStringLiteral("https://cdb.tencentcloudapi.com"))
                     .isEmpty());
        QVERIFY(Regions::endpointWarning(QStringLiteral("ap-shanghai-fsi"),
                                         QStringLiteral("https://cdb.ap-shanghai-fsi.tencentcloudapi.com"))
                    .isEmpty());
        const QString other = Regions::endpointWarning(
            QStringLiteral("ap-guangzhou"), QStringLiteral("https://cdb.ap-beijing.tencentcloudapi.com"));
        QVERIFY2(other.contains(QLatin1String("ap-beijing")), qPrintable(other));
        QVERIFY(
            Regions::endpointWarning(QStringLiteral("ap-guangzhou"), QStringLiteral("http://127.0.0.1:8080"))
                .isEmpty());
    }

    // Every listed region has a name; a picker shows "Name (id)" and reads the id back from a label, a name
    // or the id itself; anything else stays what was typed (lowercase).
    void regionNames() {
        for (const QString& region : Regions::cdb())
            QVERIFY2(!Regions::name(region).isEmpty(), qPrintable(region));
        QCOMPARE(Regions::name(QStringLiteral("ap-guangzhou")), QStringLiteral("Guangzhou"));
        QCOMPARE(Regions::label(QStringLiteral("ap-guangzhou")), QStringLiteral("Guangzhou (ap-guangzhou)"));
        QCOMPARE(Regions::label(QStringLiteral("ap-newplace")), QStringLiteral("ap-newplace"));
        QVERIFY(Regions::name(QStringLiteral("ap-newplace")).isEmpty());
        QCOMPARE(Regions::fromText(QStringLiteral(" Guangzhou (ap-guangzhou) ")),
                 QStringLiteral("ap-guangzhou"));
        QCOMPARE(Regions::fromText(QStringLiteral("广州（ap-guangzhou）")), QStringLiteral("ap-guangzhou"));
        QCOMPARE(Regions::fromText(QStringLiteral("silicon valley")), QStringLiteral("na-siliconvalley"));
        QCOMPARE(Regions::fromText(QStringLiteral("AP-Tokyo")), QStringLiteral("ap-tokyo"));
        QCOMPARE(Regions::fromText(QStringLiteral("ap-guangzhou\nX: 1")),
                 QStringLiteral("ap-guangzhou\nx: 1"));
        QVERIFY(!Regions::isWellFormed(Regions::fromText(QStringLiteral("ap-guangzhou\nX: 1"))));
        // The names are unique: a name always stands for one region.
        QSet<QString> names;
        for (const QString& region : Regions::cdb())
            names.insert(Regions::name(region).toLower());
        QCOMPARE(names.size(), Regions::cdb().size());
    }

    void profileNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("prod_2.eu-west") << true;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('p')) << true;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('p')) << false;
        QTest::newRow("trailing LF") << QStringLiteral("prod\n") << false;
        QTest::newRow("leading LF") << QStringLiteral("\nprod") << false;
        QTest::newRow("trailing space") << QStringLiteral("prod ") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("dot dot") << QStringLiteral("..") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void profileNames() {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(CredentialStore::isValidProfileName(name), valid);
    }
};

QTEST_GUILESS_MAIN(TestValidators)
#include "tst_validators.moc"
