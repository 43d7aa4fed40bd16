// CredentialsDialog: password fields and their show/hide toggles, region/endpoint choices (regional follows
// the region, financial-zone regions get their own host, custom URLs validated inline), Save into the real
// Secret Service (never into QSettings), asynchronous profile loading, the Test button against the in-process
// emulator, the importers, profile deletion with confirmation, and a keychain that does not work (a child
// process with a D-Bus session address that leads nowhere): the store's message inline and "Use for this
// session only".
#include "Emulator.h"
#include "accounts/CredentialImport.h"
#include "accounts/CredentialStore.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "api/Endpoint.h"
#include "api/ErrorCatalog.h"
#include "api/QueryResult.h"
#include "api/Regions.h"
#include "dialogs/CredentialsDialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUuid>
#include <QtTest>
#include <functional>

using namespace taskwatch;
using taskwatch::ui::CredentialsDialog;

namespace {

constexpr int kKeychainWaitMs = 20000;
constexpr auto kChildVar = "TASKWATCH_TST_CREDENTIALSDIALOG_CHILD";

QString unique(const char* what) {
    return QLatin1String(what) + QUuid::createUuid().toString(QUuid::Id128);
}

bool keyringAvailable() {
    return !qEnvironmentVariableIsEmpty("KR_HOME");
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// Answers the next modal dialog (QInputDialog::getItem, QMessageBox::question...) once it is shown; gives up
// after 10 s (the test then fails on its own checks).
void answerNextModal(std::function<void(QWidget*)> answer) {
    auto* timer = new QTimer;
    timer->setInterval(20);
    auto* clock = new QElapsedTimer;
    clock->start();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, clock, answer] {
        QWidget* modal = QApplication::activeModalWidget();
        if (modal || clock->elapsed() > 10000) {
            timer->stop();
            timer->deleteLater();
            delete clock;
            if (modal)
                answer(modal);
        }
    });
    timer->start();
}

} // namespace

#define REQUIRE_KEYRING()                                                                                    \
    do {                                                                                                     \
        if (!keyringAvailable())                                                                             \
            QSKIP("needs the private keyring session: run under scripts/with-keyring");                      \
    } while (false)

class TestCredentialsDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_settings;            // this test function's QSettings file
    QStringList m_keychainEntries; // profiles this run may have written, removed at the end
    QNetworkAccessManager m_nam;

    QString profileName(const char* what) {
        const QString name = QLatin1String("tst-dlg-") + QLatin1String(what) + QLatin1Char('-') +
                             QUuid::createUuid().toString(QUuid::Id128).left(8);
        m_keychainEntries.append(name);
        return name;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        for (const char* var : {"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_TOKEN",
                                "TENCENTCLOUD_REGION", "TENCENTCLOUD_CREDENTIALS_FILE"})
            qunsetenv(var);
    }

    void init() {
        m_settings =
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".ini"));
        QFile::remove(m_settings);
    }

    void cleanupTestCase() {
        if (!keyringAvailable() || qEnvironmentVariableIsSet(kChildVar))
            return;
        CredentialStore store(m_dir.filePath(QStringLiteral("cleanup.ini")));
        for (const QString& name : std::as_const(m_keychainEntries))
            store.removeBlocking(name);
    }

    void freshStoreOffersDefaultProfile() {
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        QCOMPARE(dlg.currentProfile(), QStringLiteral("default"));
        QVERIFY(!dlg.isBusy()); // nothing stored: no keychain read
        QVERIFY(dlg.secretIdEdit()->text().isEmpty());
        QCOMPARE(dlg.endpointKind(), CredentialsDialog::EndpointKind::International);
        QCOMPARE(dlg.endpoint(), QStringLiteral("https://cdb.intl.tencentcloudapi.com"));
        QVERIFY(store.profiles().isEmpty()); // nothing is stored before Save
        for (const char* name : {"secretIdEdit", "secretKeyEdit", "tokenEdit", "regionCombo", "endpointCombo",
                                 "testButton", "saveButton", "messageLabel"})
            QVERIFY2(dlg.findChild<QWidget*>(QLatin1String(name)), name);
    }

    void secretFieldsArePasswordsWithToggle() {
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        QCOMPARE(dlg.secretKeyEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(dlg.tokenEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(dlg.secretIdEdit()->echoMode(), QLineEdit::Normal);
        QVERIFY(dlg.secretKeyEdit()->actions().contains(dlg.secretKeyToggleAction()));
        QVERIFY(dlg.tokenEdit()->actions().contains(dlg.tokenToggleAction()));

        dlg.secretKeyToggleAction()->trigger();
        QCOMPARE(dlg.secretKeyEdit()->echoMode(), QLineEdit::Normal);
        QCOMPARE(dlg.tokenEdit()->echoMode(), QLineEdit::Password); // each field has its own toggle
        dlg.secretKeyToggleAction()->trigger();
        QCOMPARE(dlg.secretKeyEdit()->echoMode(), QLineEdit::Password);

        dlg.tokenToggleAction()->trigger();
        QCOMPARE(dlg.tokenEdit()->echoMode(), QLineEdit::Normal);
        dlg.tokenToggleAction()->trigger();
        QCOMPARE(dlg.tokenEdit()->echoMode(), QLineEdit::Password);
    }

    void regionCombo() {
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        QVERIFY(dlg.regionCombo()->isEditable());
        QStringList items;
        for (int i = 0; i < dlg.regionCombo()->count(); ++i)
            items.append(dlg.regionCombo()->itemData(i).toString());
        QCOMPARE(items, Regions::cdb());
        QCOMPARE(items.size(), 18);
        QVERIFY(items.contains(QStringLiteral("ap-shanghai-fsi")));
        QVERIFY(items.contains(QStringLiteral("sa-saopaulo")));
        // Listed by name and id; the region is the id.
        QCOMPARE(dlg.regionCombo()->itemText(int(items.indexOf(QStringLiteral("ap-guangzhou")))),
                 QStringLiteral("Guangzhou (ap-guangzhou)"));
        dlg.regionCombo()->setCurrentIndex(int(items.indexOf(QStringLiteral("na-siliconvalley"))));
        QCOMPARE(dlg.region(), QStringLiteral("na-siliconvalley"));
        // Free text is allowed, normalised to lowercase; a name stands for its region.
        dlg.regionCombo()->setEditText(QStringLiteral(" AP-Mumbai "));
        QCOMPARE(dlg.region(), QStringLiteral("ap-mumbai"));
        dlg.regionCombo()->setEditText(QStringLiteral("tokyo"));
        QCOMPARE(dlg.region(), QStringLiteral("ap-tokyo"));
    }

    void endpointChoices() {
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        auto* info = dlg.findChild<QLabel*>(QStringLiteral("endpointInfoLabel"));
        QVERIFY(info);

        dlg.setEndpointKind(CredentialsDialog::EndpointKind::Mainland);
        QCOMPARE(dlg.endpoint(), QStringLiteral("https://cdb.tencentcloudapi.com"));
        QVERIFY(dlg.endpointProblem().isEmpty());

        // Regional follows the region.
        dlg.regionCombo()->setEditText(QStringLiteral("ap-guangzhou"));
        dlg.setEndpointKind(CredentialsDialog::EndpointKind::Regional);
        QCOMPARE(dlg.endpoint(), QStringLiteral("https://cdb.ap-guangzhou.tencentcloudapi.com"));
        dlg.regionCombo()->setEditText(QStringLiteral("eu-frankfurt"));
        QCOMPARE(dlg.endpoint(), QStringLiteral("https://cdb.eu-frankfurt.tencentcloudapi.com"));
        QVERIFY(info->text().contains(QStringLiteral("https://cdb.eu-frankfurt.tencentcloudapi.com")));
        dlg.regionCombo()->setEditText(QString());
        QVERIFY(dlg.endpoint().isEmpty());
        QVERIFY(!dlg.endpointProblem().isEmpty());
        QCOMPARE(info->text(), dlg.endpointProblem());
        QCOMPARE(info->property("severity").toString(), QStringLiteral("Error"));

        // A financial-zone region switches to its own host, and back to Regional when it is left.
        dlg.regionCombo()->setEditText(QStringLiteral("ap-shenzhen-fsi"));
        QCOMPARE(dlg.endpointKind(), CredentialsDialog::EndpointKind::Financial);
        QCOMPARE(dlg.endpoint(), QStringLiteral("https://cdb.ap-shenzhen-fsi.tencentcloudapi.com"));
        QVERIFY(info->text().contains(QStringLiteral("require their own host")));
        dlg.regionCombo()->setEditText(QStringLiteral("ap-tokyo"));
        QCOMPARE(dlg.endpointKind(), CredentialsDialog::EndpointKind::Regional);
        dlg.setEndpointKind(CredentialsDialog::EndpointKind::International);
        dlg.regionCombo()->setEditText(QStringLiteral("ap-shanghai-fsi"));
        QCOMPARE(dlg.endpointKind(), CredentialsDialog::EndpointKind::Financial);
        QCOMPARE(dlg.endpoint(), QStringLiteral("https://cdb.ap-shanghai-fsi.tencentcloudapi.com"));
        // Financial zone without an fsi region cannot be used.
        dlg.setEndpointKind(CredentialsDialog::EndpointKind::Financial);
        dlg.regionCombo()->setEditText(QStringLiteral("ap-tokyo"));
        dlg.setEndpointKind(CredentialsDialog::EndpointKind::Financial);
        QVERIFY(dlg.endpoint().isEmpty());
        QVERIFY(dlg.endpointProblem().contains(QStringLiteral("ap-shanghai-fsi")));

        // Custom: validated by Endpoint::validate, the message inline.
        dlg.setCustomEndpoint(QStringLiteral("http://cdb.example.com"));
        QVERIFY(!dlg.customEndpointEdit()->isHidden());
        const QString expected = Endpoint::validate(QUrl(QStringLiteral("http://cdb.example.com")));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(dlg.endpointProblem(), expected);
        QCOMPARE(info->text(), expected);
        dlg.customEndpointEdit()->setText(QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(dlg.endpointProblem().isEmpty());
        QCOMPARE(dlg.endpoint(), QStringLiteral("http://127.0.0.1:8080"));
        dlg.setEndpointKind(CredentialsDialog::EndpointKind::International);
        QVERIFY(dlg.customEndpointEdit()->isHidden());

        // Save refuses an unusable endpoint, with the reason in the message area.
        dlg.setFields({QStringLiteral("AKIDx"), QStringLiteral("key"), {}}, QStringLiteral("ap-tokyo"),
                      QStringLiteral("ftp://cdb.example.com"));
        QCOMPARE(dlg.endpointKind(), CredentialsDialog::EndpointKind::Custom);
        QSignalSpy saved(&dlg, &CredentialsDialog::credentialsSaved);
        dlg.saveButton()->click();
        QVERIFY(!dlg.isBusy());
        QCOMPARE(dlg.messageSeverity(), CredentialsDialog::Severity::Error);
        QCOMPARE(dlg.messageText(), dlg.endpointProblem());
        QCOMPARE(saved.count(), 0);
    }

    void setFieldsMapsEndpoints_data() {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("url");
        QTest::addColumn<CredentialsDialog::EndpointKind>("kind");
        QTest::addColumn<QString>("effective");
        using K = CredentialsDialog::EndpointKind;
        QTest::newRow("empty = default") << "ap-tokyo"
                                         << "" << K::International << "https://cdb.intl.tencentcloudapi.com";
        QTest::newRow("intl") << "ap-tokyo"
                              << "https://cdb.intl.tencentcloudapi.com/" << K::International
                              << "https://cdb.intl.tencentcloudapi.com";
        QTest::newRow("mainland") << ""
                                  << "https://cdb.tencentcloudapi.com" << K::Mainland
                                  << "https://cdb.tencentcloudapi.com";
        QTest::newRow("regional") << "ap-seoul"
                                  << "https://cdb.ap-seoul.tencentcloudapi.com" << K::Regional
                                  << "https://cdb.ap-seoul.tencentcloudapi.com";
        QTest::newRow("financial") << "ap-shanghai-fsi"
                                   << "https://cdb.ap-shanghai-fsi.tencentcloudapi.com" << K::Financial
                                   << "https://cdb.ap-shanghai-fsi.tencentcloudapi.com";
        QTest::newRow("another region's host") << "ap-seoul"
                                               << "https://cdb.ap-tokyo.tencentcloudapi.com" << K::Custom
                                               << "https://cdb.ap-tokyo.tencentcloudapi.com";
        QTest::newRow("loopback") << "ap-seoul"
                                  << "http://127.0.0.1:9000" << K::Custom << "http://127.0.0.1:9000";
    }

    void setFieldsMapsEndpoints() {
        QFETCH(QString, region);
        QFETCH(QString, url);
        QFETCH(CredentialsDialog::EndpointKind, kind);
        QFETCH(QString, effective);
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        dlg.setFields({QStringLiteral("AKIDa"), QStringLiteral("k"), {}}, region, url);
        QCOMPARE(dlg.region(), region);
        QCOMPARE(dlg.endpointKind(), kind);
        QCOMPARE(dlg.endpoint(), effective);
        QVERIFY(dlg.endpointProblem().isEmpty());
    }

    void testButton_data() {
        QTest::addColumn<QString>("secretKey");
        QTest::addColumn<QString>("secretId");
        QTest::addColumn<QString>("forcedError");
        QTest::addColumn<bool>("knownTask");
        QTest::addColumn<CredentialsDialog::Severity>("severity");
        QTest::addColumn<QString>("expectedCode");
        using S = CredentialsDialog::Severity;
        QTest::newRow("right key") << "right-key"
                                   << ""
                                   << "" << false << S::Success << "";
        QTest::newRow("wrong key") << "wrong-key"
                                   << ""
                                   << "" << false << S::Error << "AuthFailure.SignatureFailure";
        QTest::newRow("unknown SecretId") << "right-key"
                                          << "AKIDnobody000000000000000000000000"
                                          << "" << false << S::Error << "AuthFailure.SecretIdNotFound";
        QTest::newRow("a task answer") << "right-key"
                                       << ""
                                       << "" << true << S::Success << "";
        QTest::newRow("other API error")
            << "right-key"
            << ""
            << "UnauthorizedOperation" << false << S::Warning << "UnauthorizedOperation";
    }

    void testButton() {
        QFETCH(QString, secretKey);
        QFETCH(QString, secretId);
        QFETCH(QString, forcedError);
        QFETCH(bool, knownTask);
        QFETCH(CredentialsDialog::Severity, severity);
        QFETCH(QString, expectedCode);

        const QString goodId = QStringLiteral("AKIDdialogtest00000000000000000000");
        sim::Emulator emulator;
        QVERIFY2(emulator.listen(), qPrintable(emulator.errorString()));
        emulator.addCredential(goodId, QStringLiteral("right-key"));
        if (!forcedError.isEmpty())
            emulator.setForcedError(forcedError, QStringLiteral("forced by the test"));
        if (knownTask) {
            sim::ScriptedTask task;
            task.id = QString::fromLatin1(CredentialsDialog::kProbeTaskId);
            task.steps.append({0, 0, QStringLiteral("RUNNING"), QStringLiteral("step 1"), {}, {}, {}});
            emulator.addTask(task);
        }

        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        dlg.setFields({secretId.isEmpty() ? goodId : secretId, secretKey, {}}, QStringLiteral("ap-guangzhou"),
                      emulator.url());
        QCOMPARE(dlg.endpointKind(), CredentialsDialog::EndpointKind::Custom);
        QVERIFY(dlg.testButton()->isEnabled());

        QTest::mouseClick(dlg.testButton(), Qt::LeftButton);
        // Busy while the request is in flight (it never finishes inside the click).
        QVERIFY(dlg.isTesting());
        QVERIFY(!dlg.testButton()->isEnabled());
        QCOMPARE(dlg.testResultSeverity(), CredentialsDialog::Severity::Busy);

        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isTesting(), 20000);
        QVERIFY(dlg.testButton()->isEnabled());
        QCOMPARE(emulator.stats().requests, 1);
        QCOMPARE(emulator.lastRequestHeaders().value("x-tc-region"), QByteArray("ap-guangzhou"));
        QVERIFY(emulator.lastRequestBody().contains(CredentialsDialog::kProbeTaskId));
        QCOMPARE(dlg.testResultSeverity(), severity);
        const QString text = dlg.testResultText();
        if (severity == CredentialsDialog::Severity::Success) {
            QCOMPARE(text, QStringLiteral("The keys and signature were accepted."));
        } else {
            QVERIFY2(text.contains(expectedCode), qPrintable(text));
            const ErrorDescription d = ErrorCatalog::describe(expectedCode);
            QVERIFY2(text.contains(d.meaning), qPrintable(text));
            if (ErrorCatalog::isAuthFailure(expectedCode))
                QVERIFY2(text.startsWith(QStringLiteral("Rejected: ") + expectedCode), qPrintable(text));
        }
        QCOMPARE(dlg.testResultLabel()->textFormat(), Qt::PlainText);
        QVERIFY(store.profiles().isEmpty()); // testing saves nothing
    }

    void testButtonTransportError() {
        quint16 port = 0;
        {
            QTcpServer probe; // a free port, closed again: the connection is refused
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        dlg.setFields({QStringLiteral("AKIDa"), QStringLiteral("k"), {}}, QString(),
                      QStringLiteral("http://127.0.0.1:%1").arg(port));
        dlg.test();
        QVERIFY(dlg.isTesting());
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isTesting(), 20000);
        QCOMPARE(dlg.testResultSeverity(), CredentialsDialog::Severity::Error);
        QVERIFY2(dlg.testResultText().contains(QLatin1String(ClientError::NetworkError)),
                 qPrintable(dlg.testResultText()));
        QVERIFY2(dlg.testResultText().contains(QStringLiteral("Network problem")),
                 qPrintable(dlg.testResultText()));
    }

    void testNeedsKeys() {
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        dlg.setFields({QStringLiteral("AKIDa"), {}, {}}, QStringLiteral("ap-tokyo"), {});
        dlg.testButton()->click();
        QVERIFY(!dlg.isTesting());
        QCOMPARE(dlg.testResultSeverity(), CredentialsDialog::Severity::Error);
        QVERIFY(dlg.testResultText().contains(QStringLiteral("SecretKey")));
    }

    void saveWritesTheKeychainNotTheSettings() {
        REQUIRE_KEYRING();
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        const QString name = profileName("save");
        QVERIFY(dlg.newProfile(name));
        QCOMPARE(dlg.currentProfile(), name);
        const Credential c{QStringLiteral("AKIDsave") + unique(""), unique("SK-"), unique("TK-")};
        dlg.setFields(c, QStringLiteral("ap-singapore"), {});
        dlg.setEndpointKind(CredentialsDialog::EndpointKind::Regional);

        QSignalSpy saved(&dlg, &CredentialsDialog::credentialsSaved);
        QTest::mouseClick(dlg.saveButton(), Qt::LeftButton);
        QVERIFY(dlg.isBusy()); // the write is asynchronous
        QVERIFY(!dlg.saveButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kKeychainWaitMs);
        QVERIFY(!dlg.isBusy());
        QCOMPARE(dlg.messageSeverity(), CredentialsDialog::Severity::Success);
        QVERIFY(dlg.sessionOnlyButton()->isHidden());

        const QList<QVariant> args = saved.takeFirst();
        QCOMPARE(args.at(0).toString(), name);
        QCOMPARE(args.at(1).value<Credential>(), c);
        QCOMPARE(args.at(2).toString(), QStringLiteral("ap-singapore"));
        QCOMPARE(args.at(3).toString(), QStringLiteral("https://cdb.ap-singapore.tencentcloudapi.com"));

        // The real Secret Service has it (through a second store: nothing cached).
        CredentialStore other(m_settings);
        const KeychainResult r = other.readBlocking(name);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.credential, c);
        QCOMPARE(other.activeProfile(), name);
        QCOMPARE(other.profile(name),
                 (Profile{name, QStringLiteral("ap-singapore"),
                          QStringLiteral("https://cdb.ap-singapore.tencentcloudapi.com")}));

        // The settings file has the metadata, never a secret.
        const QByteArray settings = fileBytes(m_settings);
        QVERIFY(settings.contains(name.toUtf8()));
        QVERIFY(!settings.contains(c.secretKey.toUtf8()));
        QVERIFY(!settings.contains(c.token.toUtf8()));
        QVERIFY(!settings.contains(c.secretId.toUtf8()));

        // A new dialog reads the active profile asynchronously.
        CredentialsDialog again(&store, &m_nam);
        QCOMPARE(again.currentProfile(), name);
        QVERIFY(again.isBusy());
        QCOMPARE(again.messageText(), QStringLiteral("Reading the keychain…"));
        QVERIFY(!again.secretKeyEdit()->isEnabled());
        QCOMPARE(again.region(), QStringLiteral("ap-singapore")); // metadata is there at once
        QTRY_VERIFY_WITH_TIMEOUT(!again.isBusy(), kKeychainWaitMs);
        QCOMPARE(again.credential(), c);
        QVERIFY(again.secretKeyEdit()->isEnabled());
        QCOMPARE(again.secretKeyEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(again.endpointKind(), CredentialsDialog::EndpointKind::Regional);
        QCOMPARE(again.messageSeverity(), CredentialsDialog::Severity::Info);
    }

    void profileWithoutKeysIsNotAnError() {
        REQUIRE_KEYRING();
        CredentialStore store(m_settings);
        const QString name = profileName("nokeys");
        store.saveProfile({name, QStringLiteral("ap-tokyo"), {}});
        CredentialsDialog dlg(&store, &m_nam);
        dlg.selectProfile(name);
        QVERIFY(dlg.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isBusy(), kKeychainWaitMs);
        QVERIFY(dlg.credential().secretId.isEmpty());
        QVERIFY(dlg.credential().secretKey.isEmpty());
        QCOMPARE(dlg.region(), QStringLiteral("ap-tokyo"));
        QCOMPARE(dlg.messageSeverity(), CredentialsDialog::Severity::Info);
        QVERIFY(dlg.sessionOnlyButton()->isHidden());
    }

    void switchingProfilesClearsTheKeys() {
        REQUIRE_KEYRING();
        CredentialStore store(m_settings);
        const QString a = profileName("a");
        const QString b = profileName("b");
        const Credential ca{QStringLiteral("AKIDa"), unique("SKa-"), {}};
        QVERIFY(store.writeBlocking(a, ca).ok());
        store.saveProfile({a, {}, {}});
        store.saveProfile({b, {}, {}});
        store.setActiveProfile(a);
        CredentialsDialog dlg(&store, &m_nam);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isBusy(), kKeychainWaitMs);
        QCOMPARE(dlg.credential(), ca);
        dlg.profileCombo()->setCurrentIndex(dlg.profileCombo()->findData(b)); // as the user would
        QCOMPARE(dlg.currentProfile(), b);
        QVERIFY(dlg.secretKeyEdit()->text().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isBusy(), kKeychainWaitMs);
        QVERIFY(dlg.secretKeyEdit()->text().isEmpty());
    }

    void importTencentCloudFile() {
        REQUIRE_KEYRING();
        const QString name = profileName("imp");
        const Credential c{QStringLiteral("AKIDimport0000000000000000000000000"), unique("SKimp-"), {}};
        const QString path = m_dir.filePath(QStringLiteral("credentials-good"));
        QVERIFY(writeFile(path, "# SDK credentials\n[" + name.toUtf8() + "]\nsecret_id = " +
                                    c.secretId.toUtf8() + "\nsecret_key = " + c.secretKey.toUtf8() + "\n"));
        qputenv("TENCENTCLOUD_CREDENTIALS_FILE", path.toUtf8());
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        dlg.importTencentCloudAction()->trigger(); // one section: no question asked
        qunsetenv("TENCENTCLOUD_CREDENTIALS_FILE");

        QCOMPARE(dlg.currentProfile(), name);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isBusy(), kKeychainWaitMs);
        QCOMPARE(dlg.credential(), c);
        QVERIFY2(dlg.messageText().contains(QStringLiteral("Imported 1 profile")),
                 qPrintable(dlg.messageText()));
        QVERIFY(store.hasProfile(name));
        const KeychainResult r = store.readBlocking(name);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.credential, c);
        QVERIFY(!fileBytes(m_settings).contains(c.secretKey.toUtf8()));
    }

    void importMalformedFileStoresNothing() {
        const QString good = profileName("good");
        const QString path = m_dir.filePath(QStringLiteral("credentials-bad"));
        // The first section is fine, the second lacks its secret_key: the whole file is refused.
        QVERIFY(writeFile(path, "[" + good.toUtf8() + "]\nsecret_id=AKIDgood\nsecret_key=goodKey\n[bad]\n" +
                                    "secret_id=AKIDbad\n"));
        const QString expected = CredentialImport::readTencentCloud(path).error;
        QVERIFY(!expected.isEmpty());

        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        dlg.importTencentCloud(path);
        QVERIFY(!dlg.isBusy());
        QCOMPARE(dlg.messageText(), expected);
        QCOMPARE(dlg.messageSeverity(), CredentialsDialog::Severity::Error);
        QVERIFY(store.profiles().isEmpty());
        QCOMPARE(dlg.currentProfile(), QStringLiteral("default"));
        if (keyringAvailable())
            QCOMPARE(store.readBlocking(good).status, KeychainStatus::NotFound);

        // The same through the menu, with HOME pointing at a directory whose file is malformed.
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".tencentcloud")));
        QVERIFY(
            writeFile(home.filePath(QStringLiteral(".tencentcloud/credentials")), "[x]\nno equals sign\n"));
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", home.path().toUtf8());
        const QString homeError = CredentialImport::readTencentCloud().error;
        dlg.importTencentCloudAction()->trigger();
        qputenv("HOME", oldHome);
        QVERIFY(!homeError.isEmpty());
        QCOMPARE(dlg.messageText(), homeError);
        QVERIFY(store.profiles().isEmpty());
    }

    void importAsksWhichSection() {
        REQUIRE_KEYRING();
        const QString a = profileName("sa");
        const QString b = profileName("sb");
        const QString path = m_dir.filePath(QStringLiteral("credentials-two"));
        QVERIFY(writeFile(path, "[" + a.toUtf8() + "]\nsecret_id=AKIDa\nsecret_key=keyA\n[" + b.toUtf8() +
                                    "]\nsecret_id=AKIDb\nsecret_key=keyB\n"));
        qputenv("TENCENTCLOUD_CREDENTIALS_FILE", path.toUtf8());
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        bool asked = false;
        answerNextModal([&](QWidget* modal) {
            auto* input = qobject_cast<QInputDialog*>(modal);
            if (!input) {
                modal->close();
                return;
            }
            asked = input->comboBoxItems().contains(b) && input->comboBoxItems().contains(a);
            input->setTextValue(b);
            input->accept();
        });
        dlg.importTencentCloudAction()->trigger();
        qunsetenv("TENCENTCLOUD_CREDENTIALS_FILE");
        QVERIFY(asked);
        QCOMPARE(dlg.currentProfile(), b);
        QVERIFY(store.hasProfile(b));
        QVERIFY(!store.hasProfile(a));
        QCOMPARE(store.readBlocking(b).credential.secretKey, QStringLiteral("keyB"));
        QCOMPARE(store.readBlocking(a).status, KeychainStatus::NotFound);
    }

    void importEnvironment() {
        REQUIRE_KEYRING();
        const QString name = profileName("env");
        const QString key = unique("SKenv-");
        qputenv("TENCENTCLOUD_SECRET_ID", "AKIDenv00000000000000000000000000");
        qputenv("TENCENTCLOUD_SECRET_KEY", key.toUtf8());
        qputenv("TENCENTCLOUD_REGION", "ap-seoul");
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        QVERIFY(!dlg.findChild<QLabel*>(QStringLiteral("environmentLabel"))->isHidden());
        dlg.importEnvironment(name);
        for (const char* var : {"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_REGION"})
            qunsetenv(var);
        QCOMPARE(dlg.currentProfile(), name);
        QCOMPARE(store.profile(name).region, QStringLiteral("ap-seoul"));
        QCOMPARE(store.readBlocking(name).credential.secretKey, key);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isBusy(), kKeychainWaitMs);
        QCOMPARE(dlg.region(), QStringLiteral("ap-seoul"));
    }

    void deleteProfileAsksFirst() {
        REQUIRE_KEYRING();
        CredentialStore store(m_settings);
        const QString name = profileName("del");
        QVERIFY(store.writeBlocking(name, {QStringLiteral("AKIDdel"), QStringLiteral("kdel"), {}}).ok());
        store.saveProfile({name, {}, {}});
        CredentialsDialog dlg(&store, &m_nam);
        dlg.selectProfile(name);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isBusy(), kKeychainWaitMs);
        QSignalSpy deleted(&dlg, &CredentialsDialog::profileDeleted);

        bool askedNo = false;
        answerNextModal([&](QWidget* modal) {
            auto* box = qobject_cast<QMessageBox*>(modal);
            askedNo = box && box->text().contains(name);
            if (box)
                box->button(QMessageBox::No)->click();
            else
                modal->close();
        });
        dlg.deleteProfileButton()->click();
        QVERIFY(askedNo);
        QVERIFY(!dlg.isBusy());
        QVERIFY(store.hasProfile(name));

        answerNextModal([](QWidget* modal) {
            if (auto* box = qobject_cast<QMessageBox*>(modal))
                box->button(QMessageBox::Yes)->click();
            else
                modal->close();
        });
        dlg.deleteProfileButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, kKeychainWaitMs);
        QCOMPARE(deleted.at(0).at(0).toString(), name);
        QVERIFY(!store.hasProfile(name));
        QCOMPARE(store.readBlocking(name).status, KeychainStatus::NotFound);
        QCOMPARE(dlg.profileCombo()->findData(name), -1);
    }

    void newProfileRejectsBadNames() {
        CredentialStore store(m_settings);
        CredentialsDialog dlg(&store, &m_nam);
        QVERIFY(!dlg.newProfile(QStringLiteral("has space")));
        QCOMPARE(dlg.messageSeverity(), CredentialsDialog::Severity::Error);
        QCOMPARE(dlg.currentProfile(), QStringLiteral("default"));
        QVERIFY(dlg.newProfile(QStringLiteral("work")));
        QCOMPARE(dlg.currentProfile(), QStringLiteral("work"));
        QVERIFY(store.profiles().isEmpty()); // stored only by Save
    }

    // The keychain part with a D-Bus session address that leads nowhere, in a child process (QtKeychain and
    // libsecret keep their first bus connection for the life of a process).
    void keychainUnavailable() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildVar), m_dir.filePath(QStringLiteral("child.ini")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-such-bus")));
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("keychainUnavailableChild")});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForFinished(120000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestCredentialsDialog::keychainUnavailableChild()"),
                 output.constData());
    }

    void keychainUnavailableChild() {
        const QString settingsFile = qEnvironmentVariable(kChildVar);
        if (settingsFile.isEmpty())
            QSKIP("runs only as the child process of keychainUnavailable()");
        CredentialStore store(settingsFile);
        store.setTimeoutMs(5000);
        const QString name = QStringLiteral("unreachable");
        store.saveProfile({name, QStringLiteral("ap-tokyo"), {}});
        store.setActiveProfile(name);

        QSignalSpy reads(&store, &CredentialStore::readFinished);
        CredentialsDialog dlg(&store, &m_nam);
        QVERIFY(dlg.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(reads.count(), 1, kKeychainWaitMs);
        const KeychainResult read = reads.at(0).at(1).value<KeychainResult>();
        QVERIFY2(read.status == KeychainStatus::Unavailable || read.status == KeychainStatus::AccessDenied ||
                     read.status == KeychainStatus::TimedOut || read.status == KeychainStatus::Error,
                 qPrintable(read.message));
        qInfo("keychain status: %d", int(read.status));
        QVERIFY(!read.message.isEmpty());
        QVERIFY(!dlg.isBusy());
        QVERIFY2(dlg.messageText().contains(read.message), qPrintable(dlg.messageText()));
        QCOMPARE(dlg.messageSeverity(), CredentialsDialog::Severity::Error);
        QCOMPARE(dlg.messageLabel()->textFormat(), Qt::PlainText);
        QVERIFY(!dlg.sessionOnlyButton()->isHidden());
        QVERIFY(dlg.sessionOnlyButton()->isEnabled());

        // Save fails the same way: inline, nothing written anywhere, no credentialsSaved.
        const Credential c{QStringLiteral("AKIDsession"), unique("SKsession-"), {}};
        dlg.setFields(c, QStringLiteral("ap-seoul"), {});
        QSignalSpy writes(&store, &CredentialStore::writeFinished);
        QSignalSpy saved(&dlg, &CredentialsDialog::credentialsSaved);
        dlg.saveButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(writes.count(), 1, kKeychainWaitMs);
        const KeychainResult write = writes.at(0).at(1).value<KeychainResult>();
        QVERIFY(!write.ok());
        QVERIFY2(dlg.messageText().contains(write.message), qPrintable(dlg.messageText()));
        QCOMPARE(saved.count(), 0);
        QCOMPARE(store.profile(name).region, QStringLiteral("ap-tokyo")); // metadata unchanged
        QVERIFY(!fileBytes(settingsFile).contains(c.secretKey.toUtf8()));

        // "Use for this session only" hands the keys to the caller.
        QSignalSpy session(&dlg, &CredentialsDialog::sessionCredentialsChosen);
        QVERIFY(dlg.sessionOnlyButton()->isEnabled());
        QTest::mouseClick(dlg.sessionOnlyButton(), Qt::LeftButton);
        QCOMPARE(session.count(), 1);
        QCOMPARE(session.at(0).at(0).value<Credential>(), c);
        QCOMPARE(session.at(0).at(1).toString(), QStringLiteral("ap-seoul"));
        QCOMPARE(session.at(0).at(2).toString(), QStringLiteral("https://cdb.intl.tencentcloudapi.com"));
        QVERIFY(!fileBytes(settingsFile).contains(c.secretKey.toUtf8()));
    }
};

QTEST_MAIN(TestCredentialsDialog)
#include "tst_credentialsdialog.moc"
