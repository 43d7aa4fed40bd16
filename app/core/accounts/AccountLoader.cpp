#include "accounts/AccountLoader.h"

#include "TaskBoard.h"
#include "accounts/RunSettings.h"
#include "api/Credential.h"

#include <QCoreApplication>

namespace taskwatch {

AccountLoader::AccountLoader(TaskBoard* board, CredentialStore* credentials, QString language,
                             QObject* parent)
    : QObject(parent)
    , m_board(board)
    , m_credentials(credentials)
    , m_language(std::move(language)) {
    connect(m_credentials, &CredentialStore::readFinished, this, &AccountLoader::onRead);
}

void AccountLoader::loadMissing() {
    const QStringList profiles = m_board->taskProfiles();
    for (const QString& profile : profiles) {
        if (!m_board->hasAccount(profile))
            load(profile);
    }
}

void AccountLoader::load(const QString& profile) {
    if (profile == QLatin1String(CredentialStore::kEnvironmentProfile)) {
        if (const std::optional<Credential> env = CredentialStore::fromEnvironment()) {
            CredentialStore::Resolved resolved;
            resolved.source = QStringLiteral("environment");
            resolved.credential = *env;
            const RunSettings s = RunSettings::resolve({}, resolved);
            m_board->setAccount(profile, s.account(m_language));
        } else {
            m_board->setAccountMissing(
                profile,
                tr("TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set in this session."));
        }
        emit loaded(profile);
        return;
    }
    if (m_reading.contains(profile))
        return;
    m_reading.insert(profile);
    m_credentials->read(profile);
}

void AccountLoader::onRead(const QString& profile, const KeychainResult& result) {
    if (!m_reading.remove(profile))
        return; // somebody else's read
    if (result.ok() && result.credential.isComplete()) {
        const RunSettings s = RunSettings::forProfile(m_credentials->profile(profile), result.credential);
        if (s.usable()) {
            m_board->setAccount(profile, s.account(m_language));
        } else {
            m_board->setAccountMissing(profile, s.problem);
        }
    } else if (result.status == KeychainStatus::NotFound || result.status == KeychainStatus::Ok) {
        m_board->setAccountMissing(profile, tr("The keychain has no credentials for this profile."));
    } else {
        m_board->setAccountMissing(profile, result.message);
        emit keychainProblem(result.message);
    }
    emit loaded(profile);
}

} // namespace taskwatch
