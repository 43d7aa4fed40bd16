// The Credentials dialog: edit the keychain profiles of CredentialStore (SecretId, SecretKey, optional token,
// default region, endpoint), test the keys against the API without saving them, import existing credentials,
// and fall back to "this session only" when no keychain works. Secrets live only in the keychain (through
// CredentialStore) or in memory: never in QSettings, never in a log.
//
// Usage from the main window:
//     auto* dlg = new CredentialsDialog(store, nam, this);
//     dlg->setAttribute(Qt::WA_DeleteOnClose);
//     connect(dlg, &CredentialsDialog::credentialsSaved, this, ...);          // stored + made active
//     connect(dlg, &CredentialsDialog::sessionCredentialsChosen, this, ...);  // keep in memory only
//     dlg->open();
#pragma once

#include "accounts/CredentialStore.h"
#include "api/Credential.h"
#include "api/QueryResult.h"
#include "api/Regions.h"

#include <QDialog>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QToolButton;
class QWidget;

namespace taskwatch {
class ApiClient;
struct ImportResult;
} // namespace taskwatch

namespace taskwatch::ui {

class CredentialsDialog : public QDialog {
    Q_OBJECT
public:
    // Where requests go. Regional and Financial follow the region: https://cdb.<region>.tencentcloudapi.com.
    enum class EndpointKind { International, Mainland, Regional, Financial, Custom };
    Q_ENUM(EndpointKind)

    // How a message is styled (also exposed as the "severity" property of the labels, for tests).
    enum class Severity { None, Info, Busy, Success, Warning, Error };
    Q_ENUM(Severity)

    static constexpr auto kInternationalEndpoint = "https://cdb.intl.tencentcloudapi.com";
    static constexpr auto kMainlandEndpoint = "https://cdb.tencentcloudapi.com";
    // A well-formed id that no task has: the server checks the signature first, then answers
    // InvalidParameter.InvalidAsyncRequestId, which proves the keys were accepted.
    static constexpr auto kProbeTaskId = "00000000-00000000-00000000-00000000";
    // The region the Test button uses when the region field is empty.
    static constexpr auto kFallbackTestRegion = Regions::kDefault;

    CredentialsDialog(CredentialStore* store, QNetworkAccessManager* nam, QWidget* parent = nullptr);
    ~CredentialsDialog() override;

    // Region lists and checks: see Regions.h.

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
    bool isBusy() const { return m_busy != Busy::None; } // a keychain operation is running
    bool isTesting() const;                              // a Test request is in flight

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
    QComboBox* regionCombo() const { return m_regionCombo; }
    QComboBox* endpointCombo() const { return m_endpointCombo; }
    QLineEdit* customEndpointEdit() const { return m_customEndpointEdit; }
    QPushButton* testButton() const { return m_testButton; }
    QPushButton* saveButton() const { return m_saveButton; }
    QPushButton* sessionOnlyButton() const { return m_sessionOnlyButton; }
    QPushButton* newProfileButton() const { return m_newProfileButton; }
    QPushButton* deleteProfileButton() const { return m_deleteProfileButton; }
    QToolButton* importButton() const { return m_importButton; }
    QAction* importTencentCloudAction() const { return m_importTencentCloudAction; }
    QAction* importTccliAction() const { return m_importTccliAction; }
    QAction* importEnvironmentAction() const { return m_importEnvironmentAction; }
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
    // Sends one DescribeAsyncRequestInfo for kProbeTaskId with the fields' values (nothing is saved).
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

    void buildUi();
    void buildImportMenu();
    void refreshProfiles(const QString& select);
    void loadProfile(const QString& name);
    void onProfileActivated(int index);
    void onReadFinished(const QString& profile, const taskwatch::KeychainResult& result);
    void onWriteFinished(const QString& profile, const taskwatch::KeychainResult& result);
    void onRemoveFinished(const QString& profile, const taskwatch::KeychainResult& result);
    void onTestFinished(quint64 ticket, const taskwatch::QueryResult& result);
    void onRegionEdited();
    void promptNewProfile();
    void promptDeleteProfile();
    void promptImportTencentCloud();
    void promptImportTccli();
    void promptImportEnvironment();
    void finishImport(const taskwatch::ImportResult& parsed);
    bool confirmReplace(const QStringList& names);

    void setBusy(Busy busy);
    void updateEndpointUi();
    void updateButtons();
    void setMessage(const QString& text, Severity severity);
    void setTestResult(const QString& text, Severity severity);
    void showKeychainFailure(const taskwatch::KeychainResult& result);
    QString formValidationProblem(bool needProfile) const; // empty when Save/Test may proceed
    QString endpointWarning() const;                       // a non-blocking remark on the endpoint choice
    void applyEndpointUrl(const QString& url, const QString& region);
    static void styleLabel(QLabel* label, Severity severity);

    CredentialStore* m_store;
    QPointer<QNetworkAccessManager> m_nam;

    QComboBox* m_profileCombo = nullptr;
    QPushButton* m_newProfileButton = nullptr;
    QPushButton* m_deleteProfileButton = nullptr;
    QLineEdit* m_secretIdEdit = nullptr;
    QLineEdit* m_secretKeyEdit = nullptr;
    QLineEdit* m_tokenEdit = nullptr;
    QAction* m_secretKeyToggle = nullptr;
    QAction* m_tokenToggle = nullptr;
    QComboBox* m_regionCombo = nullptr;
    QComboBox* m_endpointCombo = nullptr;
    QLineEdit* m_customEndpointEdit = nullptr;
    QLabel* m_endpointInfoLabel = nullptr;
    QLabel* m_environmentLabel = nullptr;
    QLabel* m_messageLabel = nullptr;
    QPushButton* m_sessionOnlyButton = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_testResultLabel = nullptr;
    QToolButton* m_importButton = nullptr;
    QAction* m_importTencentCloudAction = nullptr;
    QAction* m_importTccliAction = nullptr;
    QAction* m_importEnvironmentAction = nullptr;
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
    QPointer<ApiClient> m_testClient;
};

} // namespace taskwatch::ui
