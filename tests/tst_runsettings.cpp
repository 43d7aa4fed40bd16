// RunSettings: the one resolution of a run's account, credential, region and endpoint for `watch` and the GUI
// (the README's order: command line, environment, profile, defaults), and AccountLoader's reasons.
#include "accounts/AccountConfig.h"
#include "accounts/AccountLoader.h"
#include "accounts/RunSettings.h"
#include "api/Endpoint.h"

#include <QTemporaryFile>
#include <QTest>

using namespace taskwatch;

namespace {
CredentialStore::Resolved fromProfile(const QString& name, const QString& region, const QString& endpoint) {
    CredentialStore::Resolved r;
    r.profile = name;
    r.source = QStringLiteral("profile ") + name;
    r.credential = {QStringLiteral("AKIDPROFILE"), QStringLiteral("key"), {}};
    r.region = region;
    r.endpoint = endpoint;
    r.status = {KeychainStatus::Ok, {}, r.credential};
    return r;
}
} // namespace

class TestRunSettings : public QObject {
    Q_OBJECT
private slots:
    void init() { qunsetenv("TENCENTCLOUD_REGION"); }

    void commandLineThenEnvironmentThenProfile() {
        const auto resolved = fromProfile(QStringLiteral("prod"), QStringLiteral("ap-tokyo"),
                                          QStringLiteral("https://cdb.tencentcloudapi.com"));
        RunSettings s = RunSettings::resolve({}, resolved);
        QVERIFY(s.usable());
        QCOMPARE(s.profile, QStringLiteral("prod"));
        QCOMPARE(s.region, QStringLiteral("ap-tokyo"));
        QCOMPARE(s.endpoint, QUrl(QStringLiteral("https://cdb.tencentcloudapi.com")));
        QVERIFY(!s.fromEnvironment);

        qputenv("TENCENTCLOUD_REGION", " ap-seoul\n"); // a CI secret with a trailing newline
        s = RunSettings::resolve({}, resolved);
        QCOMPARE(s.region, QStringLiteral("ap-seoul"));

        s = RunSettings::resolve(
            {QString(), QStringLiteral(" ap-beijing "), QStringLiteral("http://127.0.0.1:9")}, resolved);
        QCOMPARE(s.region, QStringLiteral("ap-beijing"));
        QCOMPARE(s.endpoint, QUrl(QStringLiteral("http://127.0.0.1:9")));
        QVERIFY(s.usable());
    }

    void environmentCredentialsAreTheEnvironmentAccount() {
        CredentialStore::Resolved resolved =
            fromProfile(QStringLiteral("default"), QStringLiteral("ap-tokyo"),
                        QStringLiteral("https://cdb.tencentcloudapi.com"));
        resolved.source = QStringLiteral("environment");
        const RunSettings s = RunSettings::resolve({}, resolved);
        QVERIFY(s.fromEnvironment);
        QCOMPARE(s.profile, QLatin1String(CredentialStore::kEnvironmentProfile));
        // With environment credentials the profile's region and endpoint still apply (as for watch).
        QCOMPARE(s.region, QStringLiteral("ap-tokyo"));
        QCOMPARE(s.endpoint, QUrl(QStringLiteral("https://cdb.tencentcloudapi.com")));
    }

    void defaultsAndProblems() {
        RunSettings s = RunSettings::resolve({}, fromProfile(QStringLiteral("p"), {}, {}));
        QVERIFY(s.region.isEmpty()); // nothing names one: watch refuses, the GUI asks
        QCOMPARE(s.endpoint, QUrl(QLatin1String(Endpoint::kDefault)));
        QVERIFY(s.usable());

        s = RunSettings::resolve({QString(), QStringLiteral("ap-guangzhou\r\nX-Injected: 1"), QString()},
                                 fromProfile(QStringLiteral("p"), {}, {}));
        QVERIFY(!s.usable());
        s = RunSettings::resolve({QString(), QString(), QStringLiteral("http://example.com")},
                                 fromProfile(QStringLiteral("p"), {}, {}));
        QVERIFY(!s.usable()); // plain http only for loopback

        const AccountConfig account =
            RunSettings::resolve({}, fromProfile(QStringLiteral("p"), QStringLiteral("ap-tokyo"), {}))
                .account(QStringLiteral("zh-CN"));
        QCOMPARE(account.endpoint.language, QStringLiteral("zh-CN"));
        QCOMPARE(account.region, QStringLiteral("ap-tokyo"));
        QCOMPARE(account.credential.secretId, QStringLiteral("AKIDPROFILE"));
    }

    void aStoredProfileKeepsItsOwnRegion() {
        qputenv("TENCENTCLOUD_REGION", "ap-seoul");
        const RunSettings s = RunSettings::forProfile({QStringLiteral("b"), QStringLiteral("ap-tokyo"), {}},
                                                      {QStringLiteral("AKIDB"), QStringLiteral("k"), {}});
        QCOMPARE(s.region, QStringLiteral("ap-tokyo"));
        QCOMPARE(s.profile, QStringLiteral("b"));
    }

    // A malformed TENCENTCLOUD_REGION is not the stored profile's problem: the profile uses its own region.
    void aMalformedEnvironmentRegionLeavesStoredProfilesUsable() {
        qputenv("TENCENTCLOUD_REGION", "not a region; rm -rf");
        const RunSettings s = RunSettings::forProfile({QStringLiteral("b"), QStringLiteral("ap-tokyo"), {}},
                                                      {QStringLiteral("AKIDB"), QStringLiteral("k"), {}});
        QCOMPARE(s.region, QStringLiteral("ap-tokyo"));
        QVERIFY2(s.usable(), qPrintable(s.problem));
        // The profile's own malformed region is still a problem.
        const RunSettings bad = RunSettings::forProfile({QStringLiteral("c"), QStringLiteral("ap tokyo"), {}},
                                                        {QStringLiteral("AKIDC"), QStringLiteral("k"), {}});
        QVERIFY(!bad.usable());
    }

    void readTextRefusesWhatIsTooLarge() {
        QString text;
        QString error;
        QVERIFY(!RunSettings::readText(QStringLiteral("/nonexistent/ids.txt"), &text, &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent/ids.txt")));
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(QByteArray(2048, 'x'));
        file.flush();
        QVERIFY(!RunSettings::readText(file.fileName(), &text, &error, 1024));
        QVERIFY(RunSettings::readText(file.fileName(), &text, &error, 4096));
        QCOMPARE(text.size(), 2048);
    }
};

QTEST_GUILESS_MAIN(TestRunSettings)
#include "tst_runsettings.moc"
