// CredentialStore against the real Secret Service (gnome-keyring in the private D-Bus session that
// scripts/with-keyring provides): write/read/list/remove, "not found" is not an error, the resolution order,
// profile metadata in QSettings, and the SecretKey nowhere on disk but in the encrypted keyring.
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/resource.h>
#endif
#include "accounts/CredentialStore.h"
#include "api/Credential.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace taskwatch;

class TestCredentialStore : public QObject {
    Q_OBJECT

private:
    const QString m_prefix =
        QStringLiteral("tst-store-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    // Distinctive secrets, so that a search of the disk for them is meaningful.
    const QString m_secretKey = QStringLiteral("SK-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString m_token = QStringLiteral("TK-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString m_secretKey2 = QStringLiteral("SK2-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<QTemporaryDir> m_config;

    QString name(const char* suffix) const { return m_prefix + QLatin1Char('-') + QLatin1String(suffix); }

    static void clearEnvironment() {
        for (const char* var : {"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_TOKEN",
                                "TENCENTCLOUD_REGION"})
            qunsetenv(var);
    }

    // Every regular file under `roots` (except below `exclude`) that contains `needle`.
    static QStringList filesContaining(const QStringList& roots, const QString& exclude,
                                       const QByteArray& needle) {
        QStringList hits;
        QSet<QString> seen;
        for (const QString& root : roots) {
            if (root.isEmpty())
                continue;
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString canonical = QFileInfo(path).canonicalFilePath();
                if (seen.contains(canonical) || (!exclude.isEmpty() && canonical.startsWith(exclude)))
                    continue;
                seen.insert(canonical);
                if (!it.fileInfo().isFile())
                    continue; // sockets, fifos
                QFile f(path);
                if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                    hits.append(path);
            }
        }
        return hits;
    }

    QStringList scanRoots() const {
        QStringList roots{qEnvironmentVariable("KR_HOME"), QDir::homePath()};
        for (const char* var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"})
            roots.append(qEnvironmentVariable(var));
        return roots;
    }

    QString keyringsDir() const {
        return QFileInfo(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/keyrings"))
            .canonicalFilePath();
    }

private slots:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("KR_HOME"))
            QSKIP("needs the private keyring session: run under scripts/with-keyring");
        clearEnvironment();
        // Private settings location for this test (set before the first QSettings is made).
        m_config =
            std::make_unique<QTemporaryDir>(QDir::homePath() + QStringLiteral("/tst_credentialstore-XXXXXX"));
        QVERIFY(m_config->isValid());
        qputenv("XDG_CONFIG_HOME", m_config->path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch"));
        QCoreApplication::setApplicationName(QStringLiteral("cdb-taskwatch"));
        QVERIFY2(QSettings().fileName().startsWith(m_config->path()), qPrintable(QSettings().fileName()));
    }

    void cleanup() { clearEnvironment(); }

    // Runs first: once a key may be read, the process can no longer dump core (nor be ptrace-attached by
    // other processes of the user).
    void readingAKeyDisablesCoreDumps() {
#ifdef Q_OS_LINUX
        if (prctl(PR_GET_DUMPABLE) != 1)
            QSKIP("this test process was not dumpable to begin with");
        CredentialStore store;
        store.readBlocking(name("never-stored"));
        QCOMPARE(prctl(PR_GET_DUMPABLE), 0);
        rlimit core{};
        QCOMPARE(getrlimit(RLIMIT_CORE, &core), 0);
        QCOMPARE(core.rlim_cur, rlim_t(0));
#else
        QSKIP("Linux only");
#endif
    }

    // wipe() zeroes the buffer every shared copy points at (such as the one a keychain job returned), not a
    // detached copy of it; literal data is only released.
    void wipeZeroesTheSharedBuffer() {
        QByteArray held = QByteArray("secret-key-bytes");
        QByteArray returned = held; // implicitly shared, as binaryData() hands out the job's buffer
        CredentialStore::wipe(returned);
        QVERIFY(returned.isEmpty());
        QCOMPARE(held, QByteArray(16, '\0'));

        QString text = QString::fromLatin1("secret");
        QString alias = text;
        CredentialStore::wipe(alias);
        QVERIFY(alias.isEmpty());
        QCOMPARE(text, QString(6, QChar(0)));

        Credential c{QStringLiteral("AKIDx"), QString::fromLatin1("key"), QString::fromLatin1("token")};
        const QString keyAlias = c.secretKey, tokenAlias = c.token;
        CredentialStore::wipe(c);
        QVERIFY(c.secretKey.isEmpty() && c.token.isEmpty() && c.secretId.isEmpty());
        QCOMPARE(keyAlias, QString(3, QChar(0)));
        QCOMPARE(tokenAlias, QString(5, QChar(0)));

        QString literal = QStringLiteral("read-only literal"); // static data: never written
        CredentialStore::wipe(literal);
        QVERIFY(literal.isEmpty());
        QByteArray raw = QByteArray::fromRawData("raw", 3);
        CredentialStore::wipe(raw);
        QVERIFY(raw.isEmpty());
        QCOMPARE(QStringLiteral("read-only literal").size(), 17);
    }

    void basics() {
        QCOMPARE(CredentialStore::serviceName(), QStringLiteral(TASKWATCH_APP_ID));
        QCOMPARE(CredentialStore::keychainKey(QStringLiteral("work")), QStringLiteral("profile:work"));
        QCOMPARE(CredentialStore::mask(QStringLiteral("AKIDabcdefgh1234")),
                 QStringLiteral("************1234"));
        QCOMPARE(CredentialStore::mask(QStringLiteral("abcd")), QStringLiteral("****"));
        QCOMPARE(CredentialStore::mask(QString()), QString());
        QVERIFY(CredentialStore::isValidProfileName(QStringLiteral("prod_2.eu-west")));
        QVERIFY(!CredentialStore::isValidProfileName(QStringLiteral("a/b")));
        QVERIFY(!CredentialStore::isValidProfileName(QStringLiteral("..")));
        QVERIFY(!CredentialStore::isValidProfileName(QString()));
        const Credential c{QStringLiteral("AKID"), QStringLiteral("k\"ey"), QStringLiteral("t")};
        QCOMPARE(CredentialStore::decode(CredentialStore::encode(c)), std::optional<Credential>(c));
        QVERIFY(!CredentialStore::decode("not json"));
        QVERIFY(!CredentialStore::decode(R"({"secretId":"a"})"));
    }

    void writeReadListRemove() {
        const QString profile = name("main");
        CredentialStore store;
        store.saveProfile(
            {profile, QStringLiteral("ap-guangzhou"), QStringLiteral("https://cdb.tencentcloudapi.com")});
        const Credential credential{QStringLiteral("AKIDstoretest00001234"), m_secretKey, m_token};

        const KeychainResult written = store.writeBlocking(profile, credential);
        QVERIFY2(written.ok(), qPrintable(written.message));

        CredentialStore other; // a fresh instance reads what the first one stored
        const KeychainResult read = other.readBlocking(profile);
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.credential, credential);

        QVERIFY(other.profiles().contains(profile));
        QCOMPARE(other.profile(profile), (Profile{profile, QStringLiteral("ap-guangzhou"),
                                                  QStringLiteral("https://cdb.tencentcloudapi.com")}));

        // Overwrite: one entry per profile, the new value replaces the old one.
        const Credential replaced{QStringLiteral("AKIDstoretest00005678"), m_secretKey2, {}};
        QVERIFY(store.writeBlocking(profile, replaced).ok());
        QCOMPARE(store.readBlocking(profile).credential, replaced);

        // The entry really is in the Secret Service, under service = app id and key = profile:<name>.
        const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
        if (!secretTool.isEmpty()) {
            QProcess p;
            p.start(secretTool,
                    {QStringLiteral("lookup"), QStringLiteral("server"), CredentialStore::serviceName(),
                     QStringLiteral("user"), CredentialStore::keychainKey(profile)});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 0);
            QVERIFY(p.readAllStandardOutput().contains(m_secretKey2.toUtf8()));
        } else {
            qWarning("secret-tool not installed: skipping the direct Secret Service lookup");
        }

        const KeychainResult removed = store.removeBlocking(profile);
        QVERIFY2(removed.ok(), qPrintable(removed.message));
        const KeychainResult gone = store.readBlocking(profile);
        QCOMPARE(gone.status, KeychainStatus::NotFound);
        QVERIFY(gone.message.contains(profile));
        QVERIFY(!gone.credential.isComplete());

        store.setActiveProfile(profile);
        QCOMPARE(store.activeProfile(), profile);
        store.removeProfile(profile);
        QVERIFY(!store.profiles().contains(profile));
        QVERIFY(store.activeProfile().isEmpty()); // removing the active profile clears the choice
    }

    void missingProfileIsNotFound() {
        CredentialStore store;
        const KeychainResult r = store.readBlocking(name("never-stored"));
        QCOMPARE(r.status, KeychainStatus::NotFound);
        QVERIFY(!r.message.isEmpty());

        const KeychainResult invalid = store.readBlocking(QStringLiteral("bad/name"));
        QCOMPARE(invalid.status, KeychainStatus::Error);
    }

    void asyncSignals() {
        const QString profile = name("async");
        CredentialStore store;
        QSignalSpy written(&store, &CredentialStore::writeFinished);
        QSignalSpy read(&store, &CredentialStore::readFinished);
        QSignalSpy removed(&store, &CredentialStore::removeFinished);
        const Credential credential{QStringLiteral("AKIDasync"), m_secretKey, {}};

        store.write(profile, credential);
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().at(0).toString(), profile);
        QVERIFY(written.first().at(1).value<KeychainResult>().ok());

        store.read(profile);
        QVERIFY(read.wait(30000));
        QCOMPARE(read.first().at(1).value<KeychainResult>().credential, credential);

        store.remove(profile);
        QVERIFY(removed.wait(30000));
        QVERIFY(removed.first().at(1).value<KeychainResult>().ok());

        store.read(profile);
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, 30000);
        QCOMPARE(read.at(1).at(1).value<KeychainResult>().status, KeychainStatus::NotFound);
        QCOMPARE(written.size(), 1);
        QCOMPARE(removed.size(), 1);
    }

    void resolutionOrder() {
        const QString alpha = name("alpha");
        const QString beta = name("beta");
        CredentialStore store;
        const Credential alphaCredential{QStringLiteral("AKIDalpha"), m_secretKey, {}};
        const Credential betaCredential{QStringLiteral("AKIDbeta"), m_secretKey2, m_token};
        QVERIFY(store.writeBlocking(alpha, alphaCredential).ok());
        QVERIFY(store.writeBlocking(beta, betaCredential).ok());
        store.saveProfile({alpha, QStringLiteral("ap-guangzhou"), {}});
        store.saveProfile(
            {beta, QStringLiteral("ap-singapore"), QStringLiteral("https://cdb.intl.tencentcloudapi.com")});

        // Nothing chosen: "default".
        store.setActiveProfile({});
        QCOMPARE(store.effectiveProfileName(), QStringLiteral("default"));
        const CredentialStore::Resolved fallback = store.resolve();
        QCOMPARE(fallback.profile, QStringLiteral("default"));
        QCOMPARE(fallback.source, QStringLiteral("profile default"));

        // The active profile.
        store.setActiveProfile(alpha);
        CredentialStore::Resolved r = store.resolve();
        QVERIFY2(r.ok(), qPrintable(r.status.message));
        QCOMPARE(r.source, QStringLiteral("profile ") + alpha);
        QCOMPARE(r.credential, alphaCredential);
        QCOMPARE(r.region, QStringLiteral("ap-guangzhou"));

        // A named profile beats the active one.
        r = store.resolve(beta);
        QVERIFY(r.ok());
        QCOMPARE(r.profile, beta);
        QCOMPARE(r.credential, betaCredential);
        QCOMPARE(r.region, QStringLiteral("ap-singapore"));
        QCOMPARE(r.endpoint, QStringLiteral("https://cdb.intl.tencentcloudapi.com"));

        // A named profile that does not exist: not configured, no credential.
        r = store.resolve(name("nobody"));
        QVERIFY(!r.ok());
        QCOMPARE(r.status.status, KeychainStatus::NotFound);

        // The environment beats every profile; the profile's metadata still applies.
        qputenv("TENCENTCLOUD_SECRET_ID", "AKIDfromenv");
        qputenv("TENCENTCLOUD_SECRET_KEY", "keyfromenv");
        r = store.resolve(beta);
        QVERIFY(r.ok());
        QCOMPARE(r.source, QStringLiteral("environment"));
        QCOMPARE(r.credential, (Credential{QStringLiteral("AKIDfromenv"), QStringLiteral("keyfromenv"), {}}));
        QCOMPARE(r.profile, beta);
        QCOMPARE(r.region, QStringLiteral("ap-singapore"));
        qputenv("TENCENTCLOUD_TOKEN", "envtoken");
        qputenv("TENCENTCLOUD_REGION", "ap-tokyo");
        r = store.resolve();
        QCOMPARE(r.credential.token, QStringLiteral("envtoken"));
        QCOMPARE(r.region, QStringLiteral("ap-tokyo"));

        // The asynchronous form gives the same answer.
        QSignalSpy spy(&store, &CredentialStore::resolved);
        store.resolveAsync(alpha);
        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.first().at(0).value<CredentialStore::Resolved>().source, QStringLiteral("environment"));

        // Only half of the pair in the environment: ignored.
        qunsetenv("TENCENTCLOUD_SECRET_KEY");
        r = store.resolve();
        QCOMPARE(r.source, QStringLiteral("profile ") + alpha);
        QCOMPARE(r.credential, alphaCredential);
        store.resolveAsync(beta);
        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.at(1).at(0).value<CredentialStore::Resolved>().credential, betaCredential);

        QVERIFY(store.removeBlocking(alpha).ok());
        QVERIFY(store.removeBlocking(beta).ok());
        store.removeProfile(alpha);
        store.removeProfile(beta);
    }

    void settingsHoldNoSecret() {
        const QString profile = name("settings");
        CredentialStore store;
        QVERIFY(store.writeBlocking(profile, {QStringLiteral("AKIDsettings"), m_secretKey, m_token}).ok());
        store.saveProfile({profile, QStringLiteral("eu-frankfurt"), {}});
        store.setActiveProfile(profile);

        QFile file(QSettings().fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains(profile.toUtf8()));
        QVERIFY(content.contains("eu-frankfurt"));
        QVERIFY(!content.contains(m_secretKey.toUtf8()));
        QVERIFY(!content.contains(m_token.toUtf8()));
        QVERIFY(!content.contains("AKIDsettings"));
        QVERIFY(!content.toLower().contains("secret"));

        // The injectable location: an explicit INI file.
        const QString explicitFile = m_config->filePath(QStringLiteral("explicit.ini"));
        CredentialStore injected(explicitFile);
        QVERIFY(injected.profiles().isEmpty());
        injected.saveProfile({QStringLiteral("x"), QStringLiteral("ap-seoul"), {}});
        QCOMPARE(QSettings(explicitFile, QSettings::IniFormat)
                     .value(QStringLiteral("profiles/x/region"))
                     .toString(),
                 QStringLiteral("ap-seoul"));
        QVERIFY(!store.profiles().contains(QStringLiteral("x")));

        QVERIFY(store.removeBlocking(profile).ok());
        store.removeProfile(profile);
    }

    void errorMapping() {
        // What the no-keychain situations of QtKeychain 0.13 / libsecret report (see the CI recipe).
        KeychainResult r =
            keychainResultFromError(7, QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY"));
        QCOMPARE(r.status, KeychainStatus::Unavailable);
        QVERIFY(r.message.contains(QLatin1String("gnome-keyring")));
        r = keychainResultFromError(
            7, QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files"));
        QCOMPARE(r.status, KeychainStatus::Unavailable);
        r = keychainResultFromError(5, QString());
        QCOMPARE(r.status, KeychainStatus::Unavailable);
        r = keychainResultFromError(4, QStringLiteral("Cannot create an item in a locked collection"));
        QCOMPARE(r.status, KeychainStatus::AccessDenied);
        QVERIFY(r.message.contains(QLatin1String("locked")));
        r = keychainResultFromError(1, QStringLiteral("Entry not found"));
        QCOMPARE(r.status, KeychainStatus::NotFound);
        r = keychainResultFromError(7, QStringLiteral("Something odd"));
        QCOMPARE(r.status, KeychainStatus::Error);
        QVERIFY(r.message.contains(QLatin1String("Something odd")));
        QCOMPARE(keychainResultFromError(0, {}).status, KeychainStatus::Ok);
    }

    // Runs last: no file under HOME / the XDG dirs but the encrypted keyring holds a secret.
    void secretsNowhereOnDisk() {
        const QString exclude = keyringsDir();
        QVERIFY2(!exclude.isEmpty() && QFileInfo(exclude).isDir(), qPrintable(exclude));
        const QStringList roots = scanRoots();

        // The scan works: a planted marker is found.
        const QByteArray marker = "marker-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        QFile planted(m_config->filePath(QStringLiteral("planted.txt")));
        QVERIFY(planted.open(QIODevice::WriteOnly));
        planted.write("x" + marker + "y");
        planted.close();
        QCOMPARE(filesContaining(roots, exclude, marker).size(), 1);
        planted.remove();

        for (const QString& secret : {m_secretKey, m_secretKey2, m_token}) {
            const QStringList hits = filesContaining(roots, exclude, secret.toUtf8());
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        }
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
