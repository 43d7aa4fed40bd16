// GuiApp, the GUI's composition root, started for real (offscreen, the test's private keychain): what the
// window says when the history at start-up is damaged or its tasks cannot be read, and that deleting a
// profile stops its polling at once; the demo shows tasks of every product, and "Export History…" of the
// selected tasks exports theirs only (a redis 912 is not a postgres 912).
#include "Emulator.h"
#include "GuiApp.h"
#include "TaskBoard.h"
#include "accounts/CredentialStore.h"
#include "banners/Banner.h"
#include "dialogs/ExportDialog.h"
#include "history/TaskStore.h"
#include "model/TaskTableModel.h"
#include "products/Products.h"
#include "task/TaskKey.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace taskwatch;
using namespace taskwatch::ui;

namespace {
const QString kId = QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");

Banner* historyBanner(const GuiApp& app) {
    return app.window()->banner(MainWindow::BannerKind::HistoryProblem);
}
} // namespace

class TestGuiApp : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qunsetenv("TENCENTCLOUD_SECRET_ID");
        qunsetenv("TENCENTCLOUD_SECRET_KEY");
    }

    // A file that is not a database: moved aside, a new history started, and a banner (not a status bar
    // message) names both files.
    void damagedHistoryIsShownInABanner() {
        const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        GuiOptions options;
        options.historyPath = path;
        options.profile = QStringLiteral("nobody");
        GuiApp app(options);
        QVERIFY(app.start());
        Banner* banner = historyBanner(app);
        QVERIFY(banner);
        const QStringList moved = QDir(m_dir.path()).entryList({QStringLiteral("damaged.sqlite.corrupt-*")});
        QCOMPARE(moved.size(), 1);
        QVERIFY2(banner->detail().contains(QDir::toNativeSeparators(path)), qPrintable(banner->detail()));
        QVERIFY2(banner->detail().contains(moved.first()), qPrintable(banner->detail()));
    }

    // A history that opens but whose tasks cannot be read: the table would be empty with no word; a banner
    // names the file and says it was left as it is.
    void unreadableTasksAreShownInABanner() {
        const QString path = m_dir.filePath(QStringLiteral("unreadable.sqlite"));
        {
            TaskStore store(path);
            QVERIFY(store.open());
            TaskState t;
            t.id = kId;
            t.profile = QStringLiteral("nobody");
            QVERIFY(store.upsertTask(t));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("breaker"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("ALTER TABLE tasks RENAME TO tasks_elsewhere")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("breaker"));
        GuiOptions options;
        options.historyPath = path;
        options.profile = QStringLiteral("nobody");
        GuiApp app(options);
        QVERIFY(app.start());
        QTRY_VERIFY_WITH_TIMEOUT(historyBanner(app) != nullptr, 15000); // after the keychain answered
        QVERIFY2(historyBanner(app)->detail().contains(QDir::toNativeSeparators(path)),
                 qPrintable(historyBanner(app)->detail()));
        QCOMPARE(app.board()->count(), 0);
    }

    // Deleting a profile (the Credentials dialog does it through the CredentialStore) stops its polling: its
    // tasks stay, held with the reason, and no request goes out with the deleted keys.
    void demoShowsEveryProduct();
    void exportSelectedKeepsProductsApart();

    void deletedProfileStopsPolling() {
        sim::Emulator emulator;
        QVERIFY(emulator.listen());
        emulator.addCredential(QLatin1String(sim::Emulator::kDemoSecretId),
                               QLatin1String(sim::Emulator::kDemoSecretKey));
        sim::TimelineStep running;
        running.status = QStringLiteral("RUNNING");
        emulator.setDefaultTimeline({running});
        const QString profile = QStringLiteral("deleted-%1").arg(QCoreApplication::applicationPid());
        {
            CredentialStore keys;
            Profile p;
            p.name = profile;
            p.region = QStringLiteral("ap-guangzhou");
            p.endpoint = emulator.url();
            const KeychainResult stored =
                keys.storeProfileBlocking(p,
                                          {QLatin1String(sim::Emulator::kDemoSecretId),
                                           QLatin1String(sim::Emulator::kDemoSecretKey),
                                           {}},
                                          false);
            QVERIFY2(stored.ok(), qPrintable(stored.message));
        }
        GuiOptions options;
        options.historyPath = m_dir.filePath(QStringLiteral("deleted.sqlite"));
        options.profile = profile;
        options.idsText = kId;
        GuiApp app(options);
        QVERIFY(app.start());
        TaskBoard* board = app.board();
        QTRY_VERIFY_WITH_TIMEOUT(board->hasAccount(profile), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(emulator.requestsBy(QLatin1String(sim::Emulator::kDemoSecretId)) > 0, 10000);

        app.credentials()->deleteProfile(profile);
        QTRY_VERIFY_WITH_TIMEOUT(!board->hasAccount(profile), 15000);
        const TaskState* task = board->task(taskKey(profile, kId));
        QVERIFY(task);
        QCOMPARE(task->phase, TaskPhase::Held);
        QCOMPARE(board->accountStatus(profile).state, AccountState::CredentialsMissing);
        const int sent = emulator.requestsBy(QLatin1String(sim::Emulator::kDemoSecretId));
        board->refreshNow(); // would poll at once with a poller left
        QTest::qWait(500);
        QCOMPARE(emulator.requestsBy(QLatin1String(sim::Emulator::kDemoSecretId)), sent);
    }
};

// --demo: the emulator serves tasks of every product, and the window shows them (added as named ids).
void TestGuiApp::demoShowsEveryProduct() {
    GuiOptions options;
    options.demo = true;
    GuiApp app(options);
    QVERIFY(app.start());
    QSet<QString> products;
    for (const QString& key : app.board()->keys())
        products.insert(productOfKey(key));
    for (const QString& product : Products::keys())
        QVERIFY2(products.contains(product), qPrintable(product));
    QVERIFY(app.window()->model()->products().size() > 1);
}

// Two tasks with the same id, of two products: exporting the selected one writes its history only.
void TestGuiApp::exportSelectedKeepsProductsApart() {
    const QString path = m_dir.filePath(QStringLiteral("export.sqlite"));
    const QString profile = QStringLiteral("nobody");
    {
        TaskStore store(path);
        QVERIFY(store.open());
        for (const QString& product : {QStringLiteral("redis"), QStringLiteral("postgres")}) {
            TaskState t;
            t.profile = profile;
            t.product = product;
            t.id = QStringLiteral("912");
            t.region = QStringLiteral("ap-guangzhou");
            t.status = QStringLiteral("RUNNING");
            t.lastCheckedAt = QDateTime::currentDateTimeUtc();
            QVERIFY(store.upsertTask(t));
            QVERIFY(store.appendHistory(TaskStore::entryFrom(t)));
        }
    }
    GuiOptions options;
    options.historyPath = path;
    options.profile = profile;
    GuiApp app(options);
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QTRY_COMPARE_WITH_TIMEOUT(window->model()->rowCount(), 2, 15000); // restored after the keychain answered
    const int row = window->model()->rowOf(taskKey(profile, QStringLiteral("redis"), QStringLiteral("912")));
    QVERIFY(row >= 0);
    window->view()->selectionModel()->select(window->proxy()->mapFromSource(window->model()->index(row, 0)),
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(window->selectedKeys().size(), 1);
    QVERIFY(window->exportHistoryAction()->isEnabled());
    window->exportHistoryAction()->trigger();
    ExportDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ExportDialog*>()) != nullptr);
    QVERIFY(dialog->selectedOnly());
    const QString file = m_dir.filePath(QStringLiteral("selected.csv"));
    dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"))->setText(file);
    dialog->accept();
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // the header and the redis task's one change
    QVERIFY2(lines.at(1).endsWith(QLatin1String(",redis")), qPrintable(lines.at(1)));
}

QTEST_MAIN(TestGuiApp)
#include "tst_guiapp.moc"
