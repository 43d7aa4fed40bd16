// The GUI's composition root: it opens the history (saying in a banner when that did not go as planned),
// resolves the credentials (environment, then the keychain, without blocking the window), restores the stored
// tasks, runs the demo emulator when asked, and wires the main window to the credentials dialog and the CSV
// export. It owns everything it makes and tears it down in order (window, board, store).
#pragma once

#include "accounts/CredentialStore.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <memory>

class QTemporaryDir;

namespace taskwatch {
class AccountLoader;
class TaskBoard;
class TaskStore;
struct Credential;
namespace sim {
class Emulator;
}
} // namespace taskwatch

namespace taskwatch::ui {

class MainWindow;

// What the GUI's command line asked for.
struct GuiOptions {
    bool demo = false;
    QString region;
    QString endpoint;
    QString profile;
    QString idsText;     // ids to add, in any text
    QString historyPath; // empty: TaskStore::defaultPath()
};

class GuiApp : public QObject {
    Q_OBJECT
public:
    explicit GuiApp(GuiOptions options, QObject* parent = nullptr);
    ~GuiApp() override;

    // Shows the window and starts; false when the demo emulator cannot start.
    bool start();

    MainWindow* window() const { return m_window.get(); }
    TaskBoard* board() const { return m_board.get(); }
    CredentialStore* credentials() { return &m_credentials; }

private:
    void openStore();
    bool startDemo();
    void addInitialIds();
    void onResolved(const CredentialStore::Resolved& resolved);
    void useCredentials(const QString& profile, const Credential& credential, const QString& region,
                        const QString& endpoint);
    void openCredentialsDialog(const QString& profile);
    void exportHistory();

    GuiOptions m_options;
    CredentialStore m_credentials;
    QNetworkAccessManager m_dialogNam;
    std::unique_ptr<QTemporaryDir> m_demoDir;
    std::unique_ptr<TaskStore> m_store;
    QString m_historyProblem; // at start-up: a banner's title and detail (empty: none)
    QString m_historyDetail;
    std::unique_ptr<sim::Emulator> m_emulator;
    std::unique_ptr<TaskBoard> m_board;
    std::unique_ptr<AccountLoader> m_loader;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace taskwatch::ui
