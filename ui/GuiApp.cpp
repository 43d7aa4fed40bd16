#include "GuiApp.h"

#include "Emulator.h"
#include "Language.h"
#include "TaskBoard.h"
#include "accounts/AccountConfig.h"
#include "accounts/AccountLoader.h"
#include "accounts/RunSettings.h"
#include "api/Credential.h"
#include "dialogs/CredentialsDialog.h"
#include "dialogs/ExportDialog.h"
#include "discovery/DiscoveryRequest.h"
#include "history/CsvWriter.h"
#include "history/TaskStore.h"
#include "task/TaskKey.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QDir>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextStream>

namespace taskwatch::ui {

GuiApp::GuiApp(GuiOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {}

GuiApp::~GuiApp() {
    if (m_window)
        m_window->saveSettings();
    m_window.reset();
    m_loader.reset();
    m_board.reset();
    m_store.reset();
    m_emulator.reset();
}

bool GuiApp::start() {
    openStore();
    m_board = std::make_unique<TaskBoard>(m_store.get());
    m_loader = std::make_unique<AccountLoader>(m_board.get(), &m_credentials, Language::apiLanguage());
    m_window = std::make_unique<MainWindow>(m_board.get());
    m_window->setHistoryProblem(m_historyProblem, m_historyDetail);
    connect(m_window.get(), &MainWindow::credentialsRequested, this, &GuiApp::openCredentialsDialog);
    connect(m_window.get(), &MainWindow::exportHistoryRequested, this, &GuiApp::exportHistory);
    connect(m_loader.get(), &AccountLoader::keychainProblem, m_window.get(),
            &MainWindow::setKeychainUnavailable);
    m_window->exportHistoryAction()->setEnabled(m_store != nullptr);
    m_window->show();

    if (m_options.demo)
        return startDemo();
    // The command line's account first (its ids are added under it), then every stored task under its own
    // profile, each polled with that profile's credentials.
    m_board->setDefaultProfile(m_credentials.effectiveProfileName(m_options.profile));
    connect(&m_credentials, &CredentialStore::resolved, this, &GuiApp::onResolved);
    // A deleted profile stops polling at once: its tasks stay, held until it has credentials again.
    connect(&m_credentials, &CredentialStore::profileDeleted, this,
            [this](const QString& profile, const KeychainResult& result) {
                if (result.ok() || result.status == KeychainStatus::NotFound)
                    m_board->removeAccount(profile, tr("The profile was deleted."));
            });
    m_credentials.resolveAsync(m_options.profile);
    return true;
}

void GuiApp::openStore() {
    QString path = m_options.historyPath.isEmpty() ? TaskStore::defaultPath() : m_options.historyPath;
    if (m_options.demo) {
        // The demo's tasks never mix with the real history.
        m_demoDir = std::make_unique<QTemporaryDir>();
        path = m_demoDir->filePath(QStringLiteral("demo-history.sqlite"));
    }
    auto store = std::make_unique<TaskStore>(path);
    if (!store->open()) {
        m_historyProblem = tr("The history cannot be used: changes are not saved this time");
        m_historyDetail = tr("%1: %2").arg(QDir::toNativeSeparators(path), store->lastError());
        // This session's changes are kept in memory: timelines and export still work until it ends.
        store = std::make_unique<TaskStore>(QString::fromLatin1(TaskStore::kInMemory));
        if (store->open())
            m_store = std::move(store);
        return;
    }
    if (!store->recoveryMessage().isEmpty()) {
        m_historyProblem = tr("The history was damaged: a new one was started");
        m_historyDetail = store->recoveryMessage(); // names the damaged file and where it was kept
    }
    m_store = std::move(store);
}

bool GuiApp::startDemo() {
    m_emulator = std::make_unique<sim::Emulator>();
    m_emulator->addCredential(QString::fromLatin1(sim::Emulator::kDemoSecretId),
                              QString::fromLatin1(sim::Emulator::kDemoSecretKey));
    const QList<sim::ScriptedTask> tasks = sim::Emulator::demoTasks();
    for (const sim::ScriptedTask& task : tasks)
        m_emulator->addTask(task);
    // Tasks of every product (mongodb, redis, postgres), served on the same endpoint.
    const QList<sim::ScriptedTask> productTasks = sim::Emulator::demoProductTasks();
    for (const sim::ScriptedTask& task : productTasks)
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
    for (const sim::ScriptedTask& task : productTasks) // named: redis:18215
        ids << QStringLiteral("%1:%2").arg(task.product, task.id);
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

void GuiApp::addInitialIds() {
    if (!m_options.idsText.isEmpty())
        m_window->addTaskText(m_options.idsText, m_options.region);
    m_options.idsText.clear();
}

void GuiApp::onResolved(const CredentialStore::Resolved& resolved) {
    disconnect(&m_credentials, &CredentialStore::resolved, this, &GuiApp::onResolved);
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

void GuiApp::useCredentials(const QString& profile, const Credential& credential, const QString& region,
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

void GuiApp::openCredentialsDialog(const QString& profile) {
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

void GuiApp::exportHistory() {
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
        if (dialog->selectedOnly())
            query.keys = keys; // (profile, product, id): a redis 912 is not a postgres 912
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

} // namespace taskwatch::ui
