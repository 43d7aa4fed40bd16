#include "dialogs/CredentialsDialog.h"

#include "accounts/CredentialImport.h"
#include "api/Credential.h"
#include "api/Regions.h"
#include "dialogs/DialogKeys.h"
#include "dialogs/ImportMenu.h"
#include "dialogs/RevealAction.h"
#include "task/SafeText.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <utility>

namespace taskwatch::ui {

// --- construction
// ----------------------------------------------------------------------------------------------

CredentialsDialog::CredentialsDialog(CredentialStore* store, QNetworkAccessManager* nam, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_nam(nam)
    , m_probe(new CredentialProbe(nam, this)) {
    Q_ASSERT(store);
    setWindowTitle(tr("Credentials"));
    setObjectName(QStringLiteral("CredentialsDialog"));
    buildUi();

    connect(m_store, &CredentialStore::readFinished, this, &CredentialsDialog::onReadFinished);
    connect(m_store, &CredentialStore::profileStored, this, &CredentialsDialog::onWriteFinished);
    connect(m_store, &CredentialStore::profileDeleted, this, &CredentialsDialog::onRemoveFinished);
    connect(m_probe, &CredentialProbe::finished, this, &CredentialsDialog::onTestFinished);

    QString initial = m_store->activeProfile();
    const QStringList stored = m_store->profiles();
    if (initial.isEmpty() || !stored.contains(initial))
        initial = m_store->effectiveProfileName();
    if (!stored.contains(initial)) {
        if (!stored.isEmpty())
            initial = stored.first();
        else
            m_unsavedProfiles.insert(initial); // "default", to be created by Save
    }
    refreshProfiles(initial);
    loadProfile(currentProfile());
}

CredentialsDialog::~CredentialsDialog() = default;

void CredentialsDialog::buildUi() {
    auto* layout = new QVBoxLayout(this);

    m_environmentLabel = new QLabel(this);
    m_environmentLabel->setObjectName(QStringLiteral("environmentLabel"));
    m_environmentLabel->setWordWrap(true);
    m_environmentLabel->setTextFormat(Qt::PlainText);
    m_environmentLabel->setText(
        tr("TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are set in the environment: they take "
           "precedence over the profiles below."));
    LabelStyle::apply(m_environmentLabel, Severity::Warning);
    m_environmentLabel->setVisible(CredentialStore::fromEnvironment().has_value());
    layout->addWidget(m_environmentLabel);

    buildProfileRow(layout);
    buildFields(layout);
    buildTestRow(layout);
    buildMessageArea(layout);
    buildBottomRow(layout);
    connectControls();
    updateButtons();
}

void CredentialsDialog::buildProfileRow(QBoxLayout* layout) {
    auto* profileRow = new QHBoxLayout;
    m_profileCombo = new QComboBox(this);
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_newProfileButton = new QPushButton(tr("New profile…"), this);
    m_newProfileButton->setObjectName(QStringLiteral("newProfileButton"));
    m_newProfileButton->setAutoDefault(false);
    m_deleteProfileButton = new QPushButton(tr("Delete profile"), this);
    m_deleteProfileButton->setObjectName(QStringLiteral("deleteProfileButton"));
    m_deleteProfileButton->setAutoDefault(false);
    auto* profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profileCombo);
    profileRow->addWidget(profileLabel);
    profileRow->addWidget(m_profileCombo, 1);
    profileRow->addWidget(m_newProfileButton);
    profileRow->addWidget(m_deleteProfileButton);
    layout->addLayout(profileRow);
}

// The fields of a profile (disabled together while the keychain is busy).
void CredentialsDialog::buildFields(QBoxLayout* layout) {
    m_fieldsBox = new QWidget(this);
    m_fieldsBox->setObjectName(QStringLiteral("fieldsBox"));
    auto* form = new QFormLayout(m_fieldsBox);
    form->setContentsMargins(0, 0, 0, 0);
    addKeyRows(form);
    addRegionAndEndpointRows(form);
    layout->addWidget(m_fieldsBox);
}

void CredentialsDialog::addKeyRows(QFormLayout* form) {
    m_secretIdEdit = new QLineEdit(m_fieldsBox);
    m_secretIdEdit->setObjectName(QStringLiteral("secretIdEdit"));
    m_secretIdEdit->setPlaceholderText(tr("AKID…"));
    m_secretIdEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                        Qt::ImhNoAutoUppercase);
    form->addRow(tr("Secret&Id:"), m_secretIdEdit);

    m_secretKeyEdit = new QLineEdit(m_fieldsBox);
    m_secretKeyEdit->setObjectName(QStringLiteral("secretKeyEdit"));
    m_secretKeyEdit->setEchoMode(QLineEdit::Password);
    m_secretKeyToggle = addRevealAction(m_secretKeyEdit, tr("Show the SecretKey"), tr("Hide the SecretKey"));
    m_secretKeyToggle->setObjectName(QStringLiteral("secretKeyToggleAction"));
    form->addRow(tr("Secret&Key:"), m_secretKeyEdit);

    m_tokenEdit = new QLineEdit(m_fieldsBox);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("only for temporary (STS) credentials"));
    m_tokenToggle = addRevealAction(m_tokenEdit, tr("Show the token"), tr("Hide the token"));
    m_tokenToggle->setObjectName(QStringLiteral("tokenToggleAction"));
    form->addRow(tr("&Token (optional):"), m_tokenEdit);
}

void CredentialsDialog::addRegionAndEndpointRows(QFormLayout* form) {
    m_regionCombo = new RegionCombo(m_fieldsBox);
    m_regionCombo->setObjectName(QStringLiteral("regionCombo"));
    m_regionCombo->setCurrentIndex(-1);
    m_regionCombo->lineEdit()->setPlaceholderText(tr("e.g. ap-guangzhou"));
    m_regionCombo->setToolTip(tr("The region used for tasks added without one."));
    form->addRow(tr("Default &region:"), m_regionCombo);

    m_endpoint = new EndpointChooser(m_fieldsBox);
    auto* endpointLabel = new QLabel(tr("&Endpoint:"), m_fieldsBox);
    endpointLabel->setBuddy(m_endpoint->combo());
    form->addRow(endpointLabel, m_endpoint);
}

void CredentialsDialog::buildTestRow(QBoxLayout* layout) {
    auto* testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setAutoDefault(false);
    m_testButton->setToolTip(
        tr("Send one request with these values (nothing is saved) to check that the keys are accepted."));
    m_testResultLabel = new QLabel(this);
    m_testResultLabel->setObjectName(QStringLiteral("testResultLabel"));
    m_testResultLabel->setWordWrap(true);
    m_testResultLabel->setTextFormat(Qt::PlainText);
    m_testResultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResultLabel, 1);
    layout->addLayout(testRow);
}

// The keychain's status and the results of Save and the imports; "Use for this session only" when the
// keychain failed.
void CredentialsDialog::buildMessageArea(QBoxLayout* layout) {
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setHidden(true);
    layout->addWidget(m_messageLabel);
    m_sessionOnlyButton = new QPushButton(tr("Use for this session only"), this);
    m_sessionOnlyButton->setObjectName(QStringLiteral("sessionOnlyButton"));
    m_sessionOnlyButton->setAutoDefault(false);
    m_sessionOnlyButton->setToolTip(
        tr("Keep these keys in memory until the application quits; nothing is written to disk."));
    m_sessionOnlyButton->setHidden(true);
    auto* sessionRow = new QHBoxLayout;
    sessionRow->addWidget(m_sessionOnlyButton);
    sessionRow->addStretch(1);
    layout->addLayout(sessionRow);
    layout->addStretch(1);
}

// Import ▾ ... Save Close.
void CredentialsDialog::buildBottomRow(QBoxLayout* layout) {
    m_importButton = new QToolButton(this);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setText(tr("&Import"));
    m_importButton->setPopupMode(QToolButton::InstantPopup);
    m_importButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_importMenu = new ImportMenu([this] { return currentProfile(); }, m_importButton);
    m_importButton->setMenu(m_importMenu);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    acceptOnCtrlEnter(this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_importButton);
    bottomRow->addWidget(buttons, 1);
    layout->addLayout(bottomRow);
}

void CredentialsDialog::connectControls() {
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &CredentialsDialog::onProfileActivated);
    connect(m_newProfileButton, &QPushButton::clicked, this, &CredentialsDialog::promptNewProfile);
    connect(m_deleteProfileButton, &QPushButton::clicked, this, &CredentialsDialog::promptDeleteProfile);
    connect(m_regionCombo, &QComboBox::editTextChanged, this, &CredentialsDialog::onRegionEdited);
    connect(m_testButton, &QPushButton::clicked, this, &CredentialsDialog::test);
    connect(m_saveButton, &QPushButton::clicked, this, &CredentialsDialog::save);
    connect(m_sessionOnlyButton, &QPushButton::clicked, this, &CredentialsDialog::useForSessionOnly);
    connect(m_importMenu, &ImportMenu::chosen, this, &CredentialsDialog::finishImport);
}

QAction* CredentialsDialog::importTencentCloudAction() const {
    return m_importMenu->tencentCloudAction();
}

QAction* CredentialsDialog::importTccliAction() const {
    return m_importMenu->tccliAction();
}

QAction* CredentialsDialog::importEnvironmentAction() const {
    return m_importMenu->environmentAction();
}

// --- form state
// ------------------------------------------------------------------------------------------------

QString CredentialsDialog::currentProfile() const {
    return m_profileCombo->currentData().toString();
}

Credential CredentialsDialog::credential() const {
    return {m_secretIdEdit->text().trimmed(), m_secretKeyEdit->text().trimmed(),
            m_tokenEdit->text().trimmed()};
}

QString CredentialsDialog::region() const {
    return m_regionCombo->region();
}

CredentialsDialog::EndpointKind CredentialsDialog::endpointKind() const {
    return m_endpoint->kind();
}

QString CredentialsDialog::endpoint() const {
    return m_endpoint->url();
}

QString CredentialsDialog::endpointProblem() const {
    return m_endpoint->problem();
}

QString CredentialsDialog::formValidationProblem(bool needProfile) const {
    if (needProfile) {
        const QString name = currentProfile();
        if (!CredentialStore::isValidProfileName(name))
            return tr("Choose or create a profile first.");
    }
    const Credential c = credential();
    if (c.secretId.isEmpty() && c.secretKey.isEmpty())
        return tr("Enter the SecretId and the SecretKey.");
    if (c.secretId.isEmpty())
        return tr("Enter the SecretId.");
    if (c.secretKey.isEmpty())
        return tr("Enter the SecretKey.");
    const QString r = region();
    if (!r.isEmpty() && !Regions::isWellFormed(r))
        return tr("\"%1\" is not a region name (lowercase letters, digits and '-', e.g. ap-guangzhou).")
            .arg(SafeText::singleLine(r, 80));
    return endpointProblem();
}

QString CredentialsDialog::messageText() const {
    return m_messageLabel->text();
}

CredentialsDialog::Severity CredentialsDialog::messageSeverity() const {
    return m_messageSeverity;
}

QString CredentialsDialog::testResultText() const {
    return m_testResultLabel->text();
}

CredentialsDialog::Severity CredentialsDialog::testResultSeverity() const {
    return m_testSeverity;
}

void CredentialsDialog::setFields(const Credential& credential, const QString& region,
                                  const QString& endpoint) {
    m_secretIdEdit->setText(credential.secretId);
    m_secretKeyEdit->setText(credential.secretKey);
    m_tokenEdit->setText(credential.token);
    const QString r = region.trimmed();
    m_regionCombo->setRegion(r);
    m_endpoint->setUrl(endpoint, r.toLower());
}

void CredentialsDialog::setEndpointKind(EndpointKind kind) {
    m_endpoint->setKind(kind);
}

void CredentialsDialog::setCustomEndpoint(const QString& url) {
    m_endpoint->setCustomUrl(url);
}

void CredentialsDialog::onRegionEdited() {
    m_endpoint->setRegion(region());
}

// --- profiles
// --------------------------------------------------------------------------------------------------

void CredentialsDialog::refreshProfiles(const QString& select) {
    const QSignalBlocker blocker(m_profileCombo);
    QStringList names = m_store->profiles();
    for (const QString& name : std::as_const(m_unsavedProfiles)) {
        if (!names.contains(name))
            names.append(name);
    }
    names.sort();
    m_profileCombo->clear();
    for (const QString& name : std::as_const(names)) {
        const bool unsaved = m_unsavedProfiles.contains(name) && !m_store->hasProfile(name);
        m_profileCombo->addItem(unsaved ? tr("%1 (not saved)").arg(name) : name, name);
    }
    const int index = m_profileCombo->findData(select);
    m_profileCombo->setCurrentIndex(index >= 0 ? index : (names.isEmpty() ? -1 : 0));
    updateButtons();
}

void CredentialsDialog::onProfileActivated(int index) {
    if (index < 0)
        return;
    loadProfile(m_profileCombo->itemData(index).toString());
}

void CredentialsDialog::selectProfile(const QString& name) {
    if (m_busy != Busy::None && m_busy != Busy::Reading)
        return; // the combo is disabled meanwhile; a programmatic call waits for the user
    if (m_profileCombo->findData(name) < 0) {
        if (!CredentialStore::isValidProfileName(name))
            return;
        if (!m_store->hasProfile(name))
            m_unsavedProfiles.insert(name);
        refreshProfiles(name);
    } else {
        const QSignalBlocker blocker(m_profileCombo);
        m_profileCombo->setCurrentIndex(m_profileCombo->findData(name));
    }
    loadProfile(name);
}

void CredentialsDialog::loadProfile(const QString& name) {
    // Forget what the form showed: the keys of another profile must not stay in the fields.
    m_secretIdEdit->clear();
    m_secretKeyEdit->clear();
    m_tokenEdit->clear();
    m_secretKeyToggle->setChecked(false);
    m_tokenToggle->setChecked(false);
    setTestResult({}, Severity::None);
    m_sessionOnlyOffered = false;
    if (name.isEmpty()) {
        setBusy(Busy::None);
        setMessage(tr("Create a profile with \"New profile…\"."), Severity::Info);
        return;
    }
    const Profile meta = m_store->profile(name);
    setFields({}, meta.region, meta.endpoint);
    if (!m_store->hasProfile(name)) {
        setBusy(Busy::None);
        setMessage(m_notice + tr("New profile \"%1\": enter its keys and Save.").arg(name), Severity::Info);
        m_notice.clear();
        return;
    }
    m_busyProfile = name;
    setBusy(Busy::Reading);
    setMessage(tr("Reading the keychain…"), Severity::Busy);
    m_store->read(name);
}

void CredentialsDialog::onReadFinished(const QString& profile, const KeychainResult& result) {
    if (m_busy != Busy::Reading || profile != m_busyProfile)
        return; // a read of another profile, or by someone else
    setBusy(Busy::None);
    const QString notice = std::exchange(m_notice, QString());
    switch (result.status) {
    case KeychainStatus::Ok:
        m_secretIdEdit->setText(result.credential.secretId);
        m_secretKeyEdit->setText(result.credential.secretKey);
        m_tokenEdit->setText(result.credential.token);
        setMessage(notice + tr("Profile \"%1\" loaded from the keychain.").arg(profile), Severity::Info);
        break;
    case KeychainStatus::NotFound:
        setMessage(notice +
                       tr("No keys are stored for profile \"%1\" yet: enter them and Save.").arg(profile),
                   Severity::Info);
        break;
    case KeychainStatus::Unavailable:
    case KeychainStatus::AccessDenied:
    case KeychainStatus::TimedOut:
    case KeychainStatus::Error:
        showKeychainFailure(result);
        break;
    }
    updateButtons();
}

bool CredentialsDialog::newProfile(const QString& rawName) {
    const QString name = rawName.trimmed();
    if (!CredentialStore::isValidProfileName(name)) {
        setMessage(tr("\"%1\" is not a valid profile name: use 1 to 64 letters, digits, '.', '_' or '-'.")
                       .arg(SafeText::singleLine(name, 80)),
                   Severity::Error);
        return false;
    }
    selectProfile(name);
    return currentProfile() == name;
}

void CredentialsDialog::promptNewProfile() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New profile"), tr("Profile name (letters, digits, '.', '_' or '-'):"),
                              QLineEdit::Normal, QString(), &ok);
    if (ok)
        newProfile(name);
}

void CredentialsDialog::promptDeleteProfile() {
    const QString name = currentProfile();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete profile"),
        tr("Delete profile \"%1\"? Its keys are removed from the keychain; this cannot be undone.").arg(name),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        deleteProfile(name);
}

void CredentialsDialog::deleteProfile(const QString& name) {
    if (m_busy != Busy::None && m_busy != Busy::Reading)
        return;
    if (!m_store->hasProfile(name)) {
        if (!m_unsavedProfiles.remove(name))
            return;
        refreshProfiles(m_store->activeProfile());
        loadProfile(currentProfile());
        return;
    }
    m_busyProfile = name;
    setBusy(Busy::Removing);
    setMessage(tr("Removing profile \"%1\" from the keychain…").arg(name), Severity::Busy);
    m_store->deleteProfile(name);
}

void CredentialsDialog::onRemoveFinished(const QString& profile, const KeychainResult& result) {
    if (m_busy != Busy::Removing || profile != m_busyProfile)
        return;
    setBusy(Busy::None);
    if (!result.ok() && result.status != KeychainStatus::NotFound) {
        showKeychainFailure(result); // the metadata stays: the keys are still in the keychain
        updateButtons();
        return;
    }
    m_unsavedProfiles.remove(profile);
    if (m_store->profiles().isEmpty())
        m_unsavedProfiles.insert(QString::fromLatin1(CredentialStore::kDefaultProfile));
    m_notice = tr("Deleted profile \"%1\".").arg(profile) + QLatin1Char(' ');
    emit profileDeleted(profile);
    refreshProfiles(m_store->activeProfile());
    loadProfile(currentProfile());
}

// --- save / session only
// ---------------------------------------------------------------------------------------

void CredentialsDialog::save() {
    if (m_busy != Busy::None)
        return;
    const QString problem = formValidationProblem(true);
    if (!problem.isEmpty()) {
        setMessage(problem, Severity::Error);
        return;
    }
    m_busyProfile = currentProfile();
    m_savingCredential = credential();
    m_savingRegion = region();
    m_savingEndpoint = endpoint();
    setBusy(Busy::Writing);
    setMessage(tr("Writing to the keychain…"), Severity::Busy);
    m_store->storeProfile({m_busyProfile, m_savingRegion, m_savingEndpoint}, m_savingCredential, true);
}

void CredentialsDialog::onWriteFinished(const QString& profile, const KeychainResult& result) {
    if (m_busy != Busy::Writing || profile != m_busyProfile)
        return;
    setBusy(Busy::None);
    const Credential saved = std::exchange(m_savingCredential, Credential{});
    if (!result.ok()) {
        showKeychainFailure(result);
        updateButtons();
        return;
    }
    m_unsavedProfiles.remove(profile);
    m_sessionOnlyOffered = false;
    refreshProfiles(profile);
    setMessage(tr("Saved profile \"%1\" in the keychain; it is now the active profile.").arg(profile),
               Severity::Success);
    emit credentialsSaved(profile, saved, m_savingRegion, m_savingEndpoint);
    if (m_closeOnSave)
        accept();
}

void CredentialsDialog::useForSessionOnly() {
    const QString problem = formValidationProblem(false);
    if (!problem.isEmpty()) {
        setMessage(problem, Severity::Error);
        return;
    }
    emit sessionCredentialsChosen(credential(), region(), endpoint());
    setMessage(tr("These keys are used for this session only: nothing was written to the keychain or to "
                  "disk, and they are forgotten when the application quits."),
               Severity::Success);
}

void CredentialsDialog::showKeychainFailure(const KeychainResult& result) {
    QString text = result.message;
    if (text.isEmpty())
        text = tr("The keychain reported an error.");
    setMessage(text + QLatin1Char('\n') +
                   tr("Nothing was stored. You can still use the keys for this session only."),
               Severity::Error);
    m_sessionOnlyOffered = true;
    updateButtons();
}

// --- test
// ------------------------------------------------------------------------------------------------------

void CredentialsDialog::test() {
    if (m_probe->isRunning())
        return;
    const QString problem = formValidationProblem(false);
    if (!problem.isEmpty()) {
        setTestResult(problem, Severity::Error);
        return;
    }
    if (!m_nam) {
        setTestResult(tr("No network access is available."), Severity::Error);
        return;
    }
    const QUrl url(endpoint());
    setTestResult(tr("Testing the keys against %1 (region %2)…")
                      .arg(url.host(), CredentialProbe::effectiveRegion(region())),
                  Severity::Busy);
    m_probe->start(url, credential(), region());
    updateButtons();
}

void CredentialsDialog::onTestFinished(CredentialProbe::Outcome outcome, const QString& text) {
    updateButtons();
    switch (outcome) {
    case CredentialProbe::Outcome::Accepted:
        setTestResult(text, Severity::Success);
        return;
    case CredentialProbe::Outcome::ServerError:
        setTestResult(text, Severity::Warning);
        return;
    case CredentialProbe::Outcome::Rejected:
    case CredentialProbe::Outcome::NetworkProblem:
        setTestResult(text, Severity::Error);
        return;
    }
}

// --- import
// ----------------------------------------------------------------------------------------------------

void CredentialsDialog::importTencentCloud(const QString& path, const QString& section) {
    const ImportResult parsed = CredentialImport::readTencentCloud(path);
    finishImport(section.isEmpty() ? parsed : CredentialImport::select(parsed, section));
}

void CredentialsDialog::importTccli(const QString& profile, const QString& tccliDir) {
    finishImport(CredentialImport::readTccli(profile, tccliDir));
}

void CredentialsDialog::importEnvironment(const QString& profile) {
    finishImport(CredentialImport::readEnvironment(profile));
}

bool CredentialsDialog::confirmReplace(const QStringList& names) {
    const auto answer = QMessageBox::question(
        this, tr("Replace profiles"),
        tr("These profiles already exist and their keys will be replaced: %1. Continue?")
            .arg(names.join(QStringLiteral(", "))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    return answer == QMessageBox::Yes;
}

void CredentialsDialog::finishImport(const ImportResult& parsed) {
    if (m_busy != Busy::None && m_busy != Busy::Reading)
        return;
    if (!parsed.ok()) {
        setMessage(parsed.error, Severity::Error); // nothing was stored
        return;
    }
    if (parsed.entries.isEmpty()) {
        setMessage(tr("There was nothing to import."), Severity::Warning);
        return;
    }
    QStringList existing;
    for (const ImportedCredential& e : parsed.entries) {
        if (m_store->hasProfile(e.profileName))
            existing.append(e.profileName);
    }
    if (!existing.isEmpty() && !confirmReplace(existing))
        return;

    setBusy(Busy::Importing);
    setMessage(tr("Writing to the keychain…"), Severity::Busy);
    QStringList stored;
    const QPointer<CredentialsDialog> alive(this);
    // importInto() waits in a local event loop for each keychain job: the window keeps repainting.
    const KeychainResult result = CredentialImport::importInto(*m_store, parsed, &stored);
    if (!alive)
        return;
    setBusy(Busy::None);
    for (const QString& name : std::as_const(stored))
        m_unsavedProfiles.remove(name);

    if (!result.ok()) {
        // Put the first entry that could not be stored into the form, so that it can still be used for this
        // session (or saved again once the keychain works).
        for (const ImportedCredential& e : parsed.entries) {
            if (stored.contains(e.profileName))
                continue;
            if (!m_store->hasProfile(e.profileName))
                m_unsavedProfiles.insert(e.profileName);
            refreshProfiles(e.profileName);
            setFields(e.credential, e.region, e.endpoint);
            break;
        }
        showKeychainFailure(result);
        if (!stored.isEmpty())
            setMessage(messageText() + QLatin1Char('\n') +
                           tr("Imported before the failure: %1.").arg(stored.join(QStringLiteral(", "))),
                       Severity::Error);
        return;
    }
    m_notice = tr("Imported %n profile(s): %1.", nullptr, int(stored.size()))
                   .arg(stored.join(QStringLiteral(", "))) +
               QLatin1Char(' ');
    refreshProfiles(stored.first());
    loadProfile(currentProfile());
}

// --- presentation
// ----------------------------------------------------------------------------------------------

void CredentialsDialog::setBusy(Busy busy) {
    m_busy = busy;
    updateButtons();
}

void CredentialsDialog::updateButtons() {
    const bool idle = m_busy == Busy::None;
    const bool hasProfile = !currentProfile().isEmpty();
    m_profileCombo->setEnabled(idle || m_busy == Busy::Reading);
    m_newProfileButton->setEnabled(idle || m_busy == Busy::Reading);
    m_deleteProfileButton->setEnabled(idle && hasProfile);
    m_fieldsBox->setEnabled(idle);
    m_saveButton->setEnabled(idle && hasProfile);
    m_importButton->setEnabled(idle);
    m_testButton->setEnabled(!m_probe->isRunning() && m_busy != Busy::Reading);
    m_testButton->setText(m_probe->isRunning() ? tr("Testing…") : tr("&Test"));
    m_sessionOnlyButton->setHidden(!m_sessionOnlyOffered);
    m_sessionOnlyButton->setEnabled(m_sessionOnlyOffered && idle);
}

void CredentialsDialog::setMessage(const QString& text, Severity severity) {
    m_messageSeverity = text.isEmpty() ? Severity::None : severity;
    m_messageLabel->setText(text);
    m_messageLabel->setHidden(text.isEmpty());
    LabelStyle::apply(m_messageLabel, m_messageSeverity);
}

void CredentialsDialog::setTestResult(const QString& text, Severity severity) {
    m_testSeverity = text.isEmpty() ? Severity::None : severity;
    m_testResultLabel->setText(text);
    LabelStyle::apply(m_testResultLabel, m_testSeverity);
}

} // namespace taskwatch::ui
