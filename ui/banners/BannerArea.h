// The strip of banners at the top of the main window, one per global condition, in a fixed order (the most
// important first). It builds each banner (tone, icon, title, buttons) and reports the buttons' clicks; the
// window decides when a condition holds.
#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

class QVBoxLayout;

namespace taskwatch {
class TaskBoard;
}

namespace taskwatch::ui {

class Banner;

class BannerArea : public QWidget {
    Q_OBJECT
public:
    enum class Kind {
        NoCredentials,
        CredentialsRejected,
        CredentialsMissing,
        EndpointFailed,
        KeychainUnavailable,
        Offline,
        Demo,
        StoreFailed,
        HistoryProblem, // at start-up: the history was damaged, could not be opened or its tasks not read
        DiscoveryDenied // the CAM policy lacks cdb:DescribeTasks / cdb:DescribeDBInstances
    };
    Q_ENUM(Kind)

    explicit BannerArea(QWidget* parent = nullptr);

    Banner* ensure(Kind kind); // created hidden on first use
    void setShown(Kind kind, bool shown);
    bool isShown(Kind kind) const;
    Banner* shown(Kind kind) const; // null when not shown
    void applyTheme(bool dark);
    // The accounts' conditions: credentials rejected (the profiles named), credentials missing, none at all,
    // discovery denied (a CAM permission missing).
    void showAccounts(const TaskBoard& board, bool demo);

signals:
    // "Set Up Credentials…", "Credentials…", "Set Credentials…": for the profile concerned (empty: default).
    void credentialsRequested(const QString& profile);
    void resumeRequested(); // "Resume" after a rejection

private:
    QVBoxLayout* m_layout;
    QHash<Kind, Banner*> m_banners;
    QString m_credentialsProfile;
    QString m_discoveryProfile;
    QStringList m_discoveryDenied;
};

} // namespace taskwatch::ui
