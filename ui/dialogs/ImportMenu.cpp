#include "dialogs/ImportMenu.h"

#include "accounts/CredentialStore.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <utility>

namespace taskwatch::ui {

ImportMenu::ImportMenu(std::function<QString()> suggestedProfile, QWidget* parent)
    : QMenu(parent)
    , m_suggestedProfile(std::move(suggestedProfile)) {
    m_tencentCloud = addAction(tr("From ~/.tencentcloud/&credentials…"));
    m_tencentCloud->setObjectName(QStringLiteral("importTencentCloudAction"));
    m_tencentCloud->setToolTip(
        tr("The SDKs' credentials file (or $TENCENTCLOUD_CREDENTIALS_FILE); each section is a profile."));
    m_tccli = addAction(tr("From a &tccli profile…"));
    m_tccli->setObjectName(QStringLiteral("importTccliAction"));
    m_environment = addAction(tr("From the &environment…"));
    m_environment->setObjectName(QStringLiteral("importEnvironmentAction"));
    m_environment->setToolTip(
        tr("TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and optionally TENCENTCLOUD_TOKEN and "
           "TENCENTCLOUD_REGION."));
    connect(m_tencentCloud, &QAction::triggered, this, &ImportMenu::askTencentCloud);
    connect(m_tccli, &QAction::triggered, this, &ImportMenu::askTccli);
    connect(m_environment, &QAction::triggered, this, &ImportMenu::askEnvironment);
}

QWidget* ImportMenu::owner() const {
    return parentWidget() ? parentWidget()->window() : nullptr;
}

void ImportMenu::askTencentCloud() {
    const QString path = CredentialImport::defaultTencentCloudPath();
    ImportResult parsed = CredentialImport::readTencentCloud(path);
    if (parsed.ok() && parsed.entries.size() > 1) {
        const QString all = tr("All profiles (%1)").arg(parsed.entries.size());
        QStringList choices{all};
        for (const ImportedCredential& e : std::as_const(parsed.entries))
            choices.append(e.profileName);
        bool ok = false;
        const QString choice = QInputDialog::getItem(
            owner(), tr("Import credentials"),
            tr("%1 has several profiles. Which should be imported?").arg(path), choices, 0, false, &ok);
        if (!ok)
            return;
        if (choice != all)
            parsed = CredentialImport::select(parsed, choice);
    }
    emit chosen(parsed);
}

void ImportMenu::askTccli() {
    bool ok = false;
    const QString profile =
        QInputDialog::getText(owner(), tr("Import from tccli"), tr("tccli profile name:"), QLineEdit::Normal,
                              QString::fromLatin1(CredentialStore::kDefaultProfile), &ok);
    if (ok)
        emit chosen(CredentialImport::readTccli(profile.trimmed()));
}

void ImportMenu::askEnvironment() {
    QString suggestion = m_suggestedProfile ? m_suggestedProfile() : QString();
    if (suggestion.isEmpty())
        suggestion = QString::fromLatin1(CredentialStore::kDefaultProfile);
    bool ok = false;
    const QString profile = QInputDialog::getText(owner(), tr("Import from the environment"),
                                                  tr("Store the environment's keys as profile:"),
                                                  QLineEdit::Normal, suggestion, &ok);
    if (ok)
        emit chosen(CredentialImport::readEnvironment(profile.trimmed()));
}

} // namespace taskwatch::ui
