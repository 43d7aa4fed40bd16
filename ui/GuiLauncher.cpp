#include "GuiLauncher.h"

#include "Language.h"
#include "Regions.h"

#include "CredentialStore.h"
#include "CredentialsDialog.h"
#include "CsvWriter.h"
#include "Emulator.h"
#include "MainWindow.h"
#include "TaskStore.h"
#include "WatchSession.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileDialog>
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

// The GUI and everything it owns, torn down in the right order (window first, then session, then store).
class GuiController : public QObject {
public:
    explicit GuiController(Options options)
        : m_options(std::move(options)) {}

    ~GuiController() override {
        if (m_window)
            m_window->saveSettings();
        m_window.reset();
        m_session.reset();
        m_store.reset();
        m_emulator.reset();
    }

    bool start() {
        openStore();
        m_window = std::make_unique<MainWindow>();
        if (m_store) {
            m_window->setTaskStore(m_store.get());
            // Stored tasks show at once, even before the credentials are known.
            m_window->model()->upsertMany(m_store->loadTasks());
            if (!m_storeProblem.isEmpty())
                m_window->statusBar()->showMessage(m_storeProblem, 15000);
        }
        connect(m_window.get(), &MainWindow::credentialsRequested, this,
                &GuiController::openCredentialsDialog);
        connect(m_window.get(), &MainWindow::exportHistoryRequested, this, &GuiController::exportHistory);
        m_window->exportHistoryAction()->setEnabled(m_store != nullptr);
        connect(m_window->model(), &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex&, int first, int last) {
                    if (m_session || !m_store)
                        return; // the session removes from the store itself
                    for (int row = first; row <= last; ++row) {
                        if (const TaskState* state = m_window->model()->state(row))
                            m_store->removeTask(state->id);
                    }
                });
        m_window->show();

        if (m_options.demo)
            return startDemo();
        if (const auto env = CredentialStore::fromEnvironment()) {
            startSession(*env, qEnvironmentVariable("TENCENTCLOUD_REGION"), {});
        } else {
            connect(&m_credentials, &CredentialStore::resolved, this, &GuiController::onResolved);
            m_credentials.resolveAsync(m_options.profile);
        }
        addInitialIds();
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
            m_storeProblem = tr("History disabled: %1").arg(store->lastError());
            return;
        }
        m_storeProblem = store->recoveryMessage();
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
        if (!m_emulator->listen()) {
            QTextStream(stderr) << tr("Cannot start the demo emulator: %1").arg(m_emulator->errorString())
                                << '\n';
            return false;
        }
        m_options.endpoint = m_emulator->url();
        startSession({QString::fromLatin1(sim::Emulator::kDemoSecretId),
                      QString::fromLatin1(sim::Emulator::kDemoSecretKey),
                      {}},
                     sim::Emulator::demoRegion(), {});
        m_window->setDemoMode(true);
        QStringList ids;
        for (const sim::ScriptedTask& task : tasks)
            ids << task.id;
        m_window->addTaskText(ids.join(QLatin1Char('\n')), sim::Emulator::demoRegion());
        addInitialIds();
        return true;
    }

    void addInitialIds() {
        if (!m_options.idsText.isEmpty())
            m_window->addTaskText(m_options.idsText, m_options.region);
        m_options.idsText.clear();
    }

    void onResolved(const CredentialStore::Resolved& resolved) {
        if (resolved.ok()) {
            startSession(resolved.credential, resolved.region, resolved.endpoint);
            return;
        }
        switch (resolved.status.status) {
        case KeychainStatus::Ok:
        case KeychainStatus::NotFound:
            break; // not configured: the window's "no credentials" banner offers the dialog
        default:
            m_window->setKeychainUnavailable(resolved.status.message);
        }
    }

    void startSession(const Credential& credential, const QString& region, const QString& endpoint) {
        SessionConfig config;
        const QString url = !m_options.endpoint.isEmpty() ? m_options.endpoint
                            : !endpoint.isEmpty()         ? endpoint
                                                          : QString::fromLatin1(ApiClient::kDefaultEndpoint);
        config.endpoint.url = QUrl(url);
        if (const QString why = ApiClient::validateEndpoint(config.endpoint.url); !why.isEmpty()) {
            m_window->statusBar()->showMessage(why, 30000);
            return;
        }
        config.endpoint.language = Language::apiLanguage(); // server messages in the UI's language
        config.credential = credential;
        config.defaultRegion = !m_options.region.isEmpty() ? m_options.region
                               : !region.isEmpty()         ? region
                                                           : QStringLiteral("ap-guangzhou");
        if (m_session) {
            m_session->setEndpoint(config.endpoint);
            m_session->setCredential(credential);
            m_window->setSession(m_session.get());
            return;
        }
        config.profile = m_credentials.effectiveProfileName(m_options.profile);
        m_session = std::make_unique<WatchSession>(config, m_store.get());
        m_session->restoreFromStore();
        m_window->setSession(m_session.get());
    }

    void openCredentialsDialog() {
        if (m_options.demo) {
            m_window->statusBar()->showMessage(tr("The demo uses built-in credentials; run without --demo to "
                                                  "set up your own."),
                                               8000);
        }
        auto* dialog = new CredentialsDialog(&m_credentials, &m_dialogNam, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setCloseOnSave(true);
        connect(dialog, &CredentialsDialog::credentialsSaved, this,
                [this](const QString&, const Credential& credential, const QString& region,
                       const QString& endpoint) {
                    m_window->setKeychainUnavailable(QString());
                    if (!m_options.demo)
                        startSession(credential, region, endpoint);
                });
        connect(dialog, &CredentialsDialog::sessionCredentialsChosen, this,
                [this, dialog](const Credential& credential, const QString& region, const QString& endpoint) {
                    if (!m_options.demo)
                        startSession(credential, region, endpoint);
                    dialog->close();
                });
        dialog->open();
    }

    void exportHistory() {
        if (!m_store)
            return;
        HistoryQuery query;
        const QModelIndexList selected = m_window->view()->selectionModel()->selectedRows();
        for (const QModelIndex& index : selected) {
            const QModelIndex source = m_window->proxy()->mapToSource(index);
            if (const TaskState* state = m_window->model()->state(source.row()))
                query.ids << state->id;
        }
        const QString suggested =
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
            QStringLiteral("/cdb-taskwatch-history-%1.csv")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        const QString title = query.ids.isEmpty() ? tr("Export the history of all tasks")
                                                  : tr("Export the history of %n selected task(s)", nullptr,
                                                       int(query.ids.size()));
        const QString file = QFileDialog::getSaveFileName(m_window.get(), title, suggested,
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (file.isEmpty())
            return;
        QString error;
        qint64 rows = 0;
        if (!CsvWriter::exportHistory(*m_store, query, file, false, &error, &rows)) {
            m_window->statusBar()->showMessage(tr("Export failed: %1").arg(error), 15000);
            return;
        }
        m_window->statusBar()->showMessage(tr("%n row(s) exported to %1", nullptr, int(rows)).arg(file),
                                           10000);
    }

    Options m_options;
    CredentialStore m_credentials;
    QNetworkAccessManager m_dialogNam;
    std::unique_ptr<QTemporaryDir> m_demoDir;
    std::unique_ptr<TaskStore> m_store;
    QString m_storeProblem;
    std::unique_ptr<sim::Emulator> m_emulator;
    std::unique_ptr<WatchSession> m_session;
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
        if (const QString why = ApiClient::validateEndpoint(QUrl(options.endpoint)); !why.isEmpty()) {
            QTextStream(stderr) << why << '\n';
            return 2;
        }
    }
    if (parser.isSet(idsFromOpt)) {
        QFile file(parser.value(idsFromOpt));
        if (!file.open(QIODevice::ReadOnly)) {
            QTextStream(stderr) << tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()) << '\n';
            return 2;
        }
        options.idsText += QLatin1Char('\n') + QString::fromUtf8(file.read(64 * 1024 * 1024));
    }

    GuiController controller(std::move(options));
    if (!controller.start())
        return 1;
    return QApplication::exec();
}

} // namespace taskwatch::ui
