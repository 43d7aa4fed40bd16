#include "GuiLauncher.h"

#include "Language.h"
#include "api/Regions.h"

#include "Emulator.h"
#include "TaskBoard.h"
#include "accounts/AccountConfig.h"
#include "accounts/AccountLoader.h"
#include "accounts/CredentialStore.h"
#include "accounts/RunSettings.h"
#include "api/Credential.h"
#include "api/Endpoint.h"
#include "dialogs/CredentialsDialog.h"
#include "dialogs/ExportDialog.h"
#include "discovery/DiscoveryRequest.h"
#include "history/CsvWriter.h"
#include "history/TaskStore.h"
#include "task/TaskKey.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <memory>

namespace taskwatch::ui {

namespace {

struct Options {
    bool demo = false;
    QString region;
    QString endpoint;
    QString profile;
    QString idsText;
};

// The GUI and everything it owns, torn down in the right order (window first, then board, then store).
class GuiController : public QObject {
public:
    explicit GuiController(Options options)
        : m_options(std::move(options)) {}

    ~GuiController() override {
        if (m_window)
            m_window->saveSettings();
        m_window.reset();
        m_loader.reset();
        m_board.reset();
        m_store.reset();
        m_emulator.reset();
    }

    bool start() {
        openStore();
        m_board = std::make_unique<TaskBoard>(m_store.get());
        m_loader = std::make_unique<AccountLoader>(m_board.get(), &m_credentials, Language::apiLanguage());
        m_window = std::make_unique<MainWindow>(m_board.get());
        m_window->setHistoryProblem(m_historyProblem, m_historyDetail);
        connect(m_window.get(), &MainWindow::credentialsRequested, this,
                &GuiController::openCredentialsDialog);
        connect(m_window.get(), &MainWindow::exportHistoryRequested, this, &GuiController::exportHistory);
        connect(m_loader.get(), &AccountLoader::keychainProblem, m_window.get(),
                &MainWindow::setKeychainUnavailable);
        m_window->exportHistoryAction()->setEnabled(m_store != nullptr);
        m_window->show();

        if (m_options.demo)
            return startDemo();
        // The command line's account first (its ids are added under it), then every stored task under its own
        // profile, each polled with that profile's credentials.
        m_board->setDefaultProfile(m_credentials.effectiveProfileName(m_options.profile));
        connect(&m_credentials, &CredentialStore::resolved, this, &GuiController::onResolved);
        // A deleted profile stops polling at once: its tasks stay, held until it has credentials again.
        connect(&m_credentials, &CredentialStore::profileDeleted, this,
                [this](const QString& profile, const KeychainResult& result) {
                    if (result.ok() || result.status == KeychainStatus::NotFound)
                        m_board->removeAccount(profile, tr("The profile was deleted."));
                });
        m_credentials.resolveAsync(m_options.profile);
        return true;
    }

private:
    void openStore() {
        QString path = TaskStore::defaultPath();
        if (m_options.demo) {
            // The demo's tasks never mix with the real history.
            m_demoDir = std::make_unique<QTemporaryDir>();
            path = m_demoDir->filePath(QStringLiteral("demo-history.sqlite"));
        }
        auto store = std::make_unique<TaskStore>(path);
        if (!store->open()) {
            m_historyProblem = tr("The history cannot be used: changes are not saved this time");
            m_historyDetail = tr("%1: %2").arg(QDir::toNativeSeparators(path), store->lastError());
            return;
        }
        if (!store->recoveryMessage().isEmpty()) {
            m_historyProblem = tr("The history was damaged: a new one was started");
            m_historyDetail = store->recoveryMessage(); // names the damaged file and where it was kept
        }
        m_store = std::move(store);
    }

    // lupdate files tr() calls in this class under its qualified name.
    static QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
        return QCoreApplication::translate("taskwatch::ui::GuiController", text, disambiguation, n);
    }

    bool startDemo() {
        m_emulator = std::make_unique<sim::Emulator>();
        m_emulator->addCredential(QString::fromLatin1(sim::Emulator::kDemoSecretId),
                                  QString::fromLatin1(sim::Emulator::kDemoSecretKey));
        const QList<sim::ScriptedTask> tasks = sim::Emulator::demoTasks();
        for (const sim::ScriptedTask& task : tasks)
            m_emulator->addTask(task);
        // What Discover… finds: tasks on three instances in two regions (started relative to now).
        for (const sim::ScriptedTask& task : sim::Emulator::demoDiscoverableTasks())
            m_emulator->addTask(task);
        for (const sim::EmulatedInstance& instance : sim::Emulator::demoInstances())
            m_emulator->addInstance(instance);
        if (!m_emulator->listen()) {
            QTextStream(stderr) << tr("Cannot start the demo emulator: %1").arg(m_emulator->errorString())
                                << '\n';
            return false;
        }
        const QString demo = QStringLiteral("demo");
        AccountConfig config;
        config.credential = {QString::fromLatin1(sim::Emulator::kDemoSecretId),
                             QString::fromLatin1(sim::Emulator::kDemoSecretKey),
                             {}};
        config.endpoint.url = QUrl(m_emulator->url());
        config.endpoint.language = Language::apiLanguage();
        config.region = sim::Emulator::demoRegion();
        m_board->setDefaultProfile(demo);
        m_board->setAccount(demo, config);
        m_window->setDemoMode(true);
        QStringList ids;
        for (const sim::ScriptedTask& task : tasks)
            ids << task.id;
        m_window->addTaskText(ids.join(QLatin1Char('\n')), sim::Emulator::demoRegion());
        // The demo discovers the account's tasks of the last day in both regions, finished ones included.
        DiscoveryRequest discovery;
        discovery.profile = demo;
        discovery.regions = {sim::Emulator::demoRegion(), sim::Emulator::demoSecondRegion()};
        discovery.query.since = QDateTime::currentDateTimeUtc().addDays(-1);
        m_window->discover(discovery);
        addInitialIds();
        return true;
    }

    void addInitialIds() {
        if (!m_options.idsText.isEmpty())
            m_window->addTaskText(m_options.idsText, m_options.region);
        m_options.idsText.clear();
    }

    void onResolved(const CredentialStore::Resolved& resolved) {
        disconnect(&m_credentials, &CredentialStore::resolved, this, &GuiController::onResolved);
        const RunSettings settings =
            RunSettings::resolve({m_options.profile, m_options.region, m_options.endpoint}, resolved);
        m_board->setDefaultProfile(settings.profile);
        if (!settings.usable()) {
            m_window->statusBar()->showMessage(settings.problem, 30000);
        } else if (resolved.ok()) {
            m_board->setAccount(settings.profile, settings.account(Language::apiLanguage()));
        } else if (resolved.status.status != KeychainStatus::Ok &&
                   resolved.status.status != KeychainStatus::NotFound) {
            m_window->setKeychainUnavailable(resolved.status.message);
        }
        // Stored tasks show at once, each under its own profile, then the command line's ids.
        if (m_store && m_board->restore() < 0)
            m_window->setHistoryProblem(
                tr("The saved tasks could not be read: the table shows only new ones"),
                tr("%1 could not be read (%2). The file was left as it is; new tasks are saved to it.")
                    .arg(QDir::toNativeSeparators(m_store->path()), m_store->lastError()));
        addInitialIds();
        m_loader->loadMissing();
        // "Keep discovering", if remembered for this profile: it lists once the account is set.
        m_window->resumeRememberedDiscovery();
    }

    void useCredentials(const QString& profile, const Credential& credential, const QString& region,
                        const QString& endpoint) {
        CredentialStore::Resolved resolved;
        resolved.profile = profile;
        resolved.source = QStringLiteral("profile ") + profile;
        resolved.credential = credential;
        resolved.region = region;
        resolved.endpoint = endpoint;
        const bool isDefault = profile == m_board->defaultProfile();
        const RunSettings settings =
            RunSettings::resolve({{}, isDefault ? m_options.region : QString(), endpoint}, resolved);
        if (!settings.usable()) {
            m_window->statusBar()->showMessage(settings.problem, 30000);
            return;
        }
        m_board->setAccount(profile, settings.account(Language::apiLanguage()));
    }

    void openCredentialsDialog(const QString& profile) {
        if (m_options.demo) {
            m_window->statusBar()->showMessage(tr("The demo uses built-in credentials; run without --demo to "
                                                  "set up your own."),
                                               8000);
        }
        auto* dialog = new CredentialsDialog(&m_credentials, &m_dialogNam, m_window.get());
        if (!profile.isEmpty() && profile != QLatin1String(CredentialStore::kEnvironmentProfile))
            dialog->selectProfile(profile);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setCloseOnSave(true);
        connect(dialog, &CredentialsDialog::credentialsSaved, this,
                [this](const QString& profile, const Credential& credential, const QString& region,
                       const QString& endpoint) {
                    m_window->setKeychainUnavailable(QString());
                    if (!m_options.demo)
                        useCredentials(profile, credential, region, endpoint);
                });
        connect(dialog, &CredentialsDialog::sessionCredentialsChosen, this,
                [this, dialog](const Credential& credential, const QString& region, const QString& endpoint) {
                    if (!m_options.demo)
                        useCredentials(m_board->defaultProfile(), credential, region, endpoint);
                    dialog->close();
                });
        dialog->open();
    }

    void exportHistory() {
        if (!m_store)
            return;
        const QStringList keys = m_window->selectedKeys();
        const QString suggested =
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
            QStringLiteral("/cdb-taskwatch-history-%1.csv")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        auto* dialog = new ExportDialog(int(keys.size()), suggested, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, keys] {
            HistoryQuery query;
            if (dialog->selectedOnly()) {
                for (const QString& key : keys)
                    query.ids << idOfKey(key);
            }
            const QString file = dialog->path();
            QString error;
            qint64 rows = 0;
            if (!CsvWriter::exportHistory(*m_store, query, file, dialog->excel(), &error, &rows)) {
                m_window->statusBar()->showMessage(tr("Export failed: %1").arg(error), 15000);
                return;
            }
            m_window->statusBar()->showMessage(tr("%n row(s) exported to %1", nullptr, int(rows)).arg(file),
                                               10000);
        });
        dialog->open();
    }

    Options m_options;
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

} // namespace

int runGui(const QStringList& arguments) {
    const auto tr = [](const char* text) { return QCoreApplication::translate("taskwatch::ui", text); };
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "CDB TaskWatch: watch TencentDB for MySQL asynchronous tasks (AsyncRequestId) until they finish.\n"
        "Headless commands: watch, export-csv, credentials, emulator (see 'cdb-taskwatch COMMAND --help')."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOpt(QStringLiteral("demo"),
                                     tr("Try the app against the built-in emulator (no account needed)."));
    const QCommandLineOption regionOpt(QStringLiteral("region"), tr("Region for the tasks given here."),
                                       tr("REGION"));
    const QCommandLineOption endpointOpt(QStringLiteral("endpoint"), tr("API endpoint URL."), tr("URL"));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), tr("Keychain profile to use."),
                                        tr("NAME"));
    const QCommandLineOption idsFromOpt(QStringLiteral("ids-from"), tr("Add the task ids found in FILE."),
                                        tr("FILE"));
    parser.addOptions({demoOpt, regionOpt, endpointOpt, profileOpt, idsFromOpt});
    parser.addPositionalArgument(QStringLiteral("ID"), tr("Task ids to add (any text containing them)."),
                                 QStringLiteral("[ID ...]"));
    parser.process(arguments); // --help / --version / errors exit here, as Qt applications do

    Options options;
    options.demo = parser.isSet(demoOpt);
    options.region = parser.value(regionOpt).trimmed();
    options.endpoint = parser.value(endpointOpt).trimmed();
    options.profile = parser.value(profileOpt).trimmed();
    options.idsText = parser.positionalArguments().join(QLatin1Char('\n'));
    if (!options.region.isEmpty() && !Regions::isWellFormed(options.region)) {
        QTextStream(stderr)
            << tr("Not a region id: %1 (expected something like ap-guangzhou).").arg(options.region) << '\n';
        return 2;
    }
    if (!options.endpoint.isEmpty()) {
        if (const QString why = Endpoint::validate(QUrl(options.endpoint)); !why.isEmpty()) {
            QTextStream(stderr) << why << '\n';
            return 2;
        }
    }
    if (parser.isSet(idsFromOpt)) {
        QString text;
        QString error;
        if (!RunSettings::readText(parser.value(idsFromOpt), &text, &error)) {
            QTextStream(stderr) << error << '\n';
            return 2;
        }
        options.idsText += QLatin1Char('\n') + text;
    }

    GuiController controller(std::move(options));
    if (!controller.start())
        return 1;
    return QApplication::exec();
}

} // namespace taskwatch::ui
