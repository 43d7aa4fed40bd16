// Gives the board an account for every profile that has tasks but no poller yet (see the class comment).
#pragma once

#include "accounts/CredentialStore.h"

#include <QObject>
#include <QSet>
#include <QString>

namespace taskwatch {

class TaskBoard;

// Gives the board an account for every profile that has tasks but no poller yet: reads each one's keychain
// entry (asynchronously, never blocking the GUI) and calls TaskBoard::setAccount, or setAccountMissing with
// the reason ("environment" without TENCENTCLOUD_SECRET_ID/KEY; a profile without a keychain entry).
class AccountLoader : public QObject {
    Q_OBJECT
public:
    AccountLoader(TaskBoard* board, CredentialStore* credentials, QString language,
                  QObject* parent = nullptr);

    // Resolves every profile of the board's tasks that has no account and is not being read.
    void loadMissing();
    // Re-reads one profile (e.g. after the credentials dialog saved it).
    void load(const QString& profile);

signals:
    void keychainProblem(const QString& message); // the keychain itself is unavailable (translated)
    void loaded(const QString& profile);          // an account or a "missing" state was set

private:
    void onRead(const QString& profile, const KeychainResult& result);

    TaskBoard* m_board;
    CredentialStore* m_credentials;
    QString m_language;
    QSet<QString> m_reading;
};

} // namespace taskwatch
