// The Credentials dialog: edit the keychain profiles of CredentialStore (SecretId, SecretKey, optional token,
// default region, endpoint), test the keys against the API without saving them, import existing credentials,
// and fall back to "this session only" when no keychain works. Secrets live only in the keychain (through
// CredentialStore) or in memory: never in QSettings, never in a log. Its parts: EndpointChooser (the endpoint
// row), ImportMenu (what to import), CredentialProbe (the Test request); the dialog itself keeps the profiles
// and one keychain operation at a time.
//
// Usage from the main window:
//     auto* dlg = new CredentialsDialog(store, nam, this);
//     dlg->setAttribute(Qt::WA_DeleteOnClose);
//     connect(dlg, &CredentialsDialog::credentialsSaved, this, ...);          // stored + made active
//     connect(dlg, &CredentialsDialog::sessionCredentialsChosen, this, ...);  // keep in memory only
//     dlg->open();
#pragma once

#include "accounts/CredentialProbe.h"
#include "accounts/CredentialStore.h"
#include "api/Credential.h"
#include "dialogs/EndpointChooser.h"
#include "dialogs/LabelStyle.h"
#include "dialogs/RegionCombo.h"

#include <QDialog>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

class QAction;
class QBoxLayout;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QToolButton;
class QWidget;

namespace taskwatch {
struct ImportResult;
} // namespace taskwatch

namespace taskwatch::ui {

class ImportMenu;

class CredentialsDialog : public QDialog {
    Q_OBJECT
public:
    // Where requests go. Regional and Financial follow the region: https://cdb.<region>.tencentcloudapi.com.
    using EndpointKind = EndpointChooser::Kind;
    // How a message is styled (also exposed as the "severity" property of the labels, for tests).
    using Severity = LabelStyle::Severity;

    // The id the Test button asks for (see CredentialProbe).
    static constexpr auto kProbeTaskId = CredentialProbe::kProbeTaskId;

    CredentialsDialog(CredentialStore* store, QNetworkAccessManager* nam, QWidget* parent = nullptr);
    ~CredentialsDialog() override;

    // --- state of the form (what Save / Test / "this session only" use)
    QString currentProfile() const;
    Credential credential() const; // trimmed field values
    QString region() const;        // trimmed region field (may be empty)
    EndpointKind endpointKind() const;
    QString endpoint() const;        // the effective URL; empty when the choice is incomplete
    QString endpointProblem() const; // why endpoint() cannot be used (translated), empty when it can
    QString messageText() const;     // the message area (keychain status, save/import results)
    Severity messageSeverity() const;
    QString testResultText() const;
    Severity testResultSeverity() const;
    bool isBusy() const { return m_busy != Busy::None; }    // a keychain operation is running
    bool isTesting() const { return m_probe->isRunning(); } // a Test request is in flight

    // Fills the form (does not save). The endpoint URL is mapped back to International / Mainland /
    // Regional / Financial when it is one of those for `region`, else it becomes a Custom URL; empty =
    // International (the built-in default).
    void setFields(const Credential& credential, const QString& region, const QString& endpoint);
    void setEndpointKind(EndpointKind kind);
    void setCustomEndpoint(const QString& url); // selects Custom
    // After a successful Save, close the dialog with accept() (default: stay open and show "Saved").
    void setCloseOnSave(bool close) { m_closeOnSave = close; }

    // --- widgets (for the main window's tests and for tests of this dialog)
    QComboBox* profileCombo() const { return m_profileCombo; }
    QLineEdit* secretIdEdit() const { return m_secretIdEdit; }
    QLineEdit* secretKeyEdit() const { return m_secretKeyEdit; }
    QLineEdit* tokenEdit() const { return m_tokenEdit; }
    QAction* secretKeyToggleAction() const { return m_secretKeyToggle; }
    QAction* tokenToggleAction() const { return m_tokenToggle; }
    RegionCombo* regionCombo() const { return m_regionCombo; }
    QComboBox* endpointCombo() const { return m_endpoint->combo(); }
    QLineEdit* customEndpointEdit() const { return m_endpoint->customEdit(); }
    QPushButton* testButton() const { return m_testButton; }
    QPushButton* saveButton() const { return m_saveButton; }
    QPushButton* sessionOnlyButton() const { return m_sessionOnlyButton; }
    QPushButton* newProfileButton() const { return m_newProfileButton; }
    QPushButton* deleteProfileButton() const { return m_deleteProfileButton; }
    QToolButton* importButton() const { return m_importButton; }
    QAction* importTencentCloudAction() const;
    QAction* importTccliAction() const;
    QAction* importEnvironmentAction() const;
    QLabel* messageLabel() const { return m_messageLabel; }
    QLabel* testResultLabel() const { return m_testResultLabel; }

public slots:
    // Shows `name`'s region/endpoint at once and reads its keys from the keychain asynchronously ("Reading
    // the keychain…"); a profile without stored keys just gives empty fields.
    void selectProfile(const QString& name);
    // Adds an unsaved profile (stored by Save). False, with the reason in the message area, for an invalid
    // name; an existing name is simply selected.
    bool newProfile(const QString& name);
    // Removes the profile's keychain entry and metadata, without asking (the button asks first).
    void deleteProfile(const QString& name);
    // Writes the keys to the keychain, then the metadata; makes the profile active; emits credentialsSaved.
    void save();
    // Sends one DescribeAsyncRequestInfo for kProbeTaskId with the fields' values (nothing is saved); the
    // region field empty = CredentialProbe::kFallbackRegion.
    void test();
    // Emits sessionCredentialsChosen with the fields' values (nothing is written anywhere).
    void useForSessionOnly();
    // Imports: each parses first and stores nothing when the source is malformed. `section` empty = all
    // sections of the INI file; an empty `path` = CredentialImport::defaultTencentCloudPath().
    void importTencentCloud(const QString& path = {}, const QString& section = {});
    void importTccli(const QString& profile, const QString& tccliDir = {});
    void importEnvironment(const QString& profile);

signals:
    void credentialsSaved(const QString& profile, const taskwatch::Credential& credential,
                          const QString& region, const QString& endpoint);
    void sessionCredentialsChosen(const taskwatch::Credential& credential, const QString& region,
                                  const QString& endpoint);
    // A profile was deleted (keychain entry and metadata).
    void profileDeleted(const QString& profile);

private:
    enum class Busy { None, Reading, Writing, Removing, Importing };

    // The layout, top to bottom (the order of creation is the tab order).
    void buildUi();
    void buildProfileRow(QBoxLayout* layout);
    void buildFields(QBoxLayout* layout);
    void addKeyRows(QFormLayout* form);
    void addRegionAndEndpointRows(QFormLayout* form);
    void buildTestRow(QBoxLayout* layout);
    void buildMessageArea(QBoxLayout* layout);
    void buildBottomRow(QBoxLayout* layout);
    void connectControls();

    void refreshProfiles(const QString& select);
    void loadProfile(const QString& name);
    void onProfileActivated(int index);
    void onReadFinished(const QString& profile, const taskwatch::KeychainResult& result);
    void onWriteFinished(const QString& profile, const taskwatch::KeychainResult& result);
    void onRemoveFinished(const QString& profile, const taskwatch::KeychainResult& result);
    void onTestFinished(taskwatch::CredentialProbe::Outcome outcome, const QString& text);
    void onRegionEdited();
    void promptNewProfile();
    void promptDeleteProfile();
    void finishImport(const taskwatch::ImportResult& parsed);
    bool confirmReplace(const QStringList& names);

    void setBusy(Busy busy);
    void updateButtons();
    void setMessage(const QString& text, Severity severity);
    void setTestResult(const QString& text, Severity severity);
    void showKeychainFailure(const taskwatch::KeychainResult& result);
    QString formValidationProblem(bool needProfile) const; // empty when Save/Test may proceed

    CredentialStore* m_store;
    QPointer<QNetworkAccessManager> m_nam;
    CredentialProbe* m_probe;

    QComboBox* m_profileCombo = nullptr;
    QPushButton* m_newProfileButton = nullptr;
    QPushButton* m_deleteProfileButton = nullptr;
    QLineEdit* m_secretIdEdit = nullptr;
    QLineEdit* m_secretKeyEdit = nullptr;
    QLineEdit* m_tokenEdit = nullptr;
    QAction* m_secretKeyToggle = nullptr;
    QAction* m_tokenToggle = nullptr;
    RegionCombo* m_regionCombo = nullptr;
    EndpointChooser* m_endpoint = nullptr;
    QLabel* m_environmentLabel = nullptr;
    QLabel* m_messageLabel = nullptr;
    QPushButton* m_sessionOnlyButton = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_testResultLabel = nullptr;
    QToolButton* m_importButton = nullptr;
    ImportMenu* m_importMenu = nullptr;
    QPushButton* m_saveButton = nullptr;
    QWidget* m_fieldsBox = nullptr;

    QSet<QString> m_unsavedProfiles; // added with "New profile…", not stored yet
    Busy m_busy = Busy::None;
    QString m_busyProfile; // the profile of the keychain operation in flight
    Credential m_savingCredential;
    QString m_savingRegion;
    QString m_savingEndpoint;
    bool m_sessionOnlyOffered = false;
    Severity m_messageSeverity = Severity::None;
    Severity m_testSeverity = Severity::None;
    QString m_notice; // prefixed to the message of the next finished profile load
    bool m_closeOnSave = false;
};

} // namespace taskwatch::ui
