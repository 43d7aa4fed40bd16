// Discovery in the GUI: the Discover dialog (its request, validation, remembered choices, accessibility),
// Tasks → Discover… handing the request to the board, the discovery columns (instance, type, progress bar
// with its number as text, start, end) and the details panel, and discovery against the emulator.
#include "Emulator.h"
#include "TaskBoard.h"
#include "accounts/AccountConfig.h"
#include "api/Regions.h"
#include "banners/Banner.h"
#include "details/DetailsPanel.h"
#include "dialogs/DiscoverDialog.h"
#include "discovery/DiscoveryRequest.h"
#include "model/ProgressDelegate.h"
#include "model/TaskTableModel.h"
#include "platform/QtCompat.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"
#include "window/MainWindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QtTest>

using namespace taskwatch;
using taskwatch::ui::Banner;
using taskwatch::ui::DiscoverDialog;
using taskwatch::ui::MainWindow;

namespace {

const QString kProfile = QStringLiteral("default");

AccountConfig accountFor(const QString& url = QStringLiteral("http://127.0.0.1:9")) {
    AccountConfig config;
    config.endpoint.url = QUrl(url);
    config.endpoint.timeoutMs = 3000;
    config.credential = {
        QLatin1String(sim::Emulator::kDemoSecretId), QLatin1String(sim::Emulator::kDemoSecretKey), {}};
    config.region = QStringLiteral("ap-guangzhou");
    return config;
}

QString idFor(int n) {
    return QStringLiteral("%1-8fc96c86-2ec79ac8-cb63a7a7").arg(n, 8, 16, QLatin1Char('0'));
}

TaskState discoveredTask(int n, int progress) {
    TaskState s;
    s.profile = kProfile;
    s.id = idFor(n);
    s.region = QStringLiteral("ap-guangzhou");
    s.addedAt = QDateTime::currentDateTimeUtc().addSecs(-120);
    s.status = QStringLiteral("RUNNING");
    s.phase = TaskPhase::Polling;
    s.discovery.jobId = 4200 + n;
    s.discovery.taskType = QStringLiteral("UPGRADE MASTER");
    s.discovery.instanceIds = {QStringLiteral("cdb-c1nl9rpv")};
    s.discovery.instanceName = QStringLiteral("orders-primary");
    s.discovery.progress = progress;
    s.discovery.startedAt = QDateTime::currentDateTimeUtc().addSecs(-300);
    s.discovery.status = QStringLiteral("RUNNING");
    s.discovery.listedAt = QDateTime::currentDateTimeUtc();
    return s;
}

QCheckBox* checkBox(QWidget* parent, const char* name) {
    return parent->findChild<QCheckBox*>(QLatin1String(name));
}

} // namespace

class TestDiscoverDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void requestFromTheControls();
    void validation();
    void anotherProductsListing();
    void choicesRememberedPerProfile();
    void accessibleAndKeyboard();
    void menuActionHandsRequestToBoard();
    void discoveryColumnsAndDetails();
    void progressDelegatePaintsTheNumber();
    void headerSavedBeforeTheNewColumns();
    void dialogDiscoversTasksFromTheEmulator();
    void missingPermissionShowsBannerPollingGoesOn();
    void productListingDeniedIsTold();
    void unsupportedRegionIsANonModalMessage();
    void screenshot();

private:
    static DiscoverDialog* openDialog(MainWindow& window);
};

void TestDiscoverDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_discoverdialog"));
}

void TestDiscoverDialog::init() {
    QSettings().clear();
}

DiscoverDialog* TestDiscoverDialog::openDialog(MainWindow& window) {
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return nullptr;
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_D, Qt::ControlModifier);
    DiscoverDialog* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = window.findChild<DiscoverDialog*>()) != nullptr; }))
        return nullptr;
    if (!QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestDiscoverDialog::requestFromTheControls() {
    DiscoverDialog dialog;
    dialog.setProfiles({QStringLiteral("default"), QStringLiteral("ops")}, QStringLiteral("ops"),
                       {{QStringLiteral("ops"), QStringLiteral("ap-tokyo")}});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.profile(), QStringLiteral("ops"));
    // The profile's own region is checked by default; the others are not.
    QCOMPARE(dialog.regions(), QStringList{QStringLiteral("ap-tokyo")});
    QVERIFY(dialog.onlyUnfinished());
    QVERIFY(!dialog.keepDiscovering());
    QCOMPARE(dialog.since(), DiscoverDialog::Since::LastDay);

    // A second region, checked from the keyboard (Space on the current item).
    auto* regions = dialog.findChild<QListWidget*>(QStringLiteral("discoverRegions"));
    QVERIFY(regions);
    const QList<QListWidgetItem*> shanghai =
        regions->findItems(QStringLiteral("Shanghai (ap-shanghai)"), Qt::MatchExactly); // by name and id
    QCOMPARE(shanghai.size(), 1);
    regions->setFocus();
    regions->setCurrentItem(shanghai.first());
    QTest::keyClick(regions, Qt::Key_Space);
    QCOMPARE(shanghai.first()->checkState(), Qt::Checked);
    QCOMPARE(dialog.regions().size(), 2);
    QVERIFY(dialog.regions().contains(QStringLiteral("ap-shanghai")));

    dialog.setSince(DiscoverDialog::Since::LastHour);
    dialog.findChild<QLineEdit*>(QStringLiteral("discoverInstances"))
        ->setText(QStringLiteral(" cdb-c1nl9rpv, CDB-2jf7ws1k  cdb-c1nl9rpv"));
    auto* type = dialog.findChild<QComboBox*>(QStringLiteral("discoverType"));
    type->setCurrentIndex(type->findData(5)); // modify parameters
    checkBox(&dialog, "discoverOnlyUnfinished")->setChecked(false);
    checkBox(&dialog, "discoverFollow")->setChecked(true);

    const QDateTime now = compat::utcDateTime(QDate(2026, 12, 1), QTime(12, 0));
    const DiscoveryRequest r = dialog.request(now);
    QCOMPARE(r.profile, QStringLiteral("ops"));
    QCOMPARE(r.regions.size(), 2);
    QCOMPARE(r.query.since, now.addSecs(-3600));
    QCOMPARE(r.query.instanceIds,
             (QStringList{QStringLiteral("cdb-c1nl9rpv"), QStringLiteral("cdb-2jf7ws1k")}));
    QCOMPARE(r.query.taskTypes, QList<int>{5});
    QVERIFY(!r.query.onlyUnfinished);
    QVERIFY(r.follow);

    // Seven days; a chosen time (local) becomes UTC.
    dialog.setSince(DiscoverDialog::Since::LastWeek);
    QCOMPARE(dialog.request(now).query.since, now.addDays(-7));
    const QDateTime custom = QDateTime(QDate(2026, 11, 20), QTime(8, 30));
    dialog.setSince(DiscoverDialog::Since::Custom, custom);
    QVERIFY(dialog.findChild<QDateTimeEdit*>(QStringLiteral("discoverCustomSince"))->isEnabled());
    QCOMPARE(dialog.request(now).query.since, custom.toUTC());
    dialog.setSince(DiscoverDialog::Since::LastDay);
    QVERIFY(!dialog.findChild<QDateTimeEdit*>(QStringLiteral("discoverCustomSince"))->isEnabled());
    QCOMPARE(dialog.request(now).query.since, now.addDays(-1));
}

// Redis or PostgreSQL: the request names the product; their listings take no instance or type filter and
// are not kept going, so those controls are off. MySQL again: they are back.
void TestDiscoverDialog::anotherProductsListing() {
    DiscoverDialog dialog;
    dialog.setProfiles({QStringLiteral("default")}, QStringLiteral("default"), {});
    auto* product = dialog.findChild<QComboBox*>(QStringLiteral("discoverProduct"));
    auto* instances = dialog.findChild<QLineEdit*>(QStringLiteral("discoverInstances"));
    auto* follow = dialog.findChild<QCheckBox*>(QStringLiteral("discoverFollow"));
    QVERIFY(product && instances && follow);
    QVERIFY(!product->accessibleName().isEmpty());
    QCOMPARE(product->count(), 3); // MySQL, Redis, PostgreSQL: mongodb has no list action
    QCOMPARE(product->findData(QStringLiteral("mongodb")), -1);
    QCOMPARE(dialog.product(), QStringLiteral("cdb"));
    instances->setText(QStringLiteral("cdb-c1nl9rpv"));
    follow->setChecked(true);
    QCOMPARE(dialog.request().product, QStringLiteral("cdb"));
    QCOMPARE(dialog.request().query.instanceIds, QStringList{QStringLiteral("cdb-c1nl9rpv")});

    dialog.setProduct(QStringLiteral("redis"));
    QCOMPARE(product->currentText(), QStringLiteral("Redis"));
    QVERIFY(!instances->isEnabled());
    QVERIFY(!follow->isEnabled());
    QVERIFY(!follow->isChecked());
    const DiscoveryRequest redis = dialog.request();
    QCOMPARE(redis.product, QStringLiteral("redis"));
    QVERIFY(redis.query.instanceIds.isEmpty());
    QVERIFY(!redis.follow);
    QVERIFY(redis.query.onlyUnfinished);

    dialog.setProduct(QStringLiteral("cdb"));
    QVERIFY(instances->isEnabled());
    QVERIFY(follow->isEnabled());
}

void TestDiscoverDialog::validation() {
    DiscoverDialog dialog;
    dialog.setProfiles({kProfile}, kProfile, {{kProfile, QStringLiteral("ap-guangzhou")}});
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    auto* problem = dialog.findChild<QLabel*>(QStringLiteral("discoverProblem"));
    QVERIFY(ok->isEnabled());
    dialog.setRegions({});
    QVERIFY(!ok->isEnabled()); // no region
    QVERIFY(!problem->isHidden());
    QVERIFY(problem->text().contains(QLatin1String("region")));
    dialog.setRegions({QStringLiteral("ap-guangzhou")});
    QVERIFY(ok->isEnabled());
    auto* instances = dialog.findChild<QLineEdit*>(QStringLiteral("discoverInstances"));
    instances->setText(QStringLiteral("cdb-c1nl9rpv; rm -rf /"));
    QVERIFY(!ok->isEnabled()); // not an instance id
    bool valid = true;
    QVERIFY(dialog.instanceIds(&valid).isEmpty());
    QVERIFY(!valid);
    QStringList many;
    for (int i = 0; i <= DiscoverDialog::kMaxInstanceIds; ++i)
        many << QStringLiteral("cdb-%1").arg(i, 8, 10, QLatin1Char('0'));
    instances->setText(many.join(QLatin1Char(' ')));
    QVERIFY(!ok->isEnabled()); // too many
    instances->setText(QStringLiteral("cdbro-abcd1234"));
    QVERIFY(ok->isEnabled());
    QVERIFY(problem->isHidden());
    // One profile: nothing to choose.
    QVERIFY(!dialog.findChild<QComboBox*>(QStringLiteral("discoverProfile"))->isEnabled());
    // A region outside the built-in list (well formed) is kept and checked.
    dialog.setRegions({QStringLiteral("ap-newplace")});
    QCOMPARE(dialog.regions(), QStringList{QStringLiteral("ap-newplace")});
}

void TestDiscoverDialog::choicesRememberedPerProfile() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        DiscoverDialog dialog;
        dialog.setProfiles({kProfile, QStringLiteral("ops")}, QStringLiteral("ops"), {});
        dialog.setRegions({QStringLiteral("ap-guangzhou"), QStringLiteral("ap-shanghai")});
        dialog.setSince(DiscoverDialog::Since::LastWeek);
        dialog.findChild<QLineEdit*>(QStringLiteral("discoverInstances"))
            ->setText(QStringLiteral("cdb-c1nl9rpv"));
        checkBox(&dialog, "discoverFollow")->setChecked(true);
        dialog.remember();
    }
    QVERIFY(!DiscoverDialog::rememberedFollow(kProfile)); // another profile's switch
    const std::optional<DiscoveryRequest> follow =
        DiscoverDialog::rememberedFollow(QStringLiteral("ops"), now);
    QVERIFY(follow);
    QCOMPARE(follow->profile, QStringLiteral("ops"));
    QCOMPARE(follow->regions, (QStringList{QStringLiteral("ap-guangzhou"), QStringLiteral("ap-shanghai")}));
    QCOMPARE(follow->query.since, now.addDays(-7));
    QCOMPARE(follow->query.instanceIds, QStringList{QStringLiteral("cdb-c1nl9rpv")});
    QVERIFY(follow->query.onlyUnfinished);
    QVERIFY(follow->follow);
    // Nothing secret and nothing but the choices in the settings.
    const QStringList keys = QSettings().allKeys();
    QCOMPARE(keys, QStringList{QStringLiteral("discovery/profiles")});

    // The next dialog shows the profile's remembered choices; the other profile its defaults.
    DiscoverDialog again;
    again.setProfiles({kProfile, QStringLiteral("ops")}, QStringLiteral("ops"),
                      {{kProfile, QStringLiteral("ap-tokyo")}});
    QCOMPARE(again.regions().size(), 2);
    QCOMPARE(again.since(), DiscoverDialog::Since::LastWeek);
    QVERIFY(again.keepDiscovering());
    auto* profile = again.findChild<QComboBox*>(QStringLiteral("discoverProfile"));
    profile->setCurrentText(kProfile);
    QCOMPARE(again.regions(), QStringList{QStringLiteral("ap-tokyo")});
    QVERIFY(!again.keepDiscovering());
    QCOMPARE(again.since(), DiscoverDialog::Since::LastDay);

    // Switched off: not started again.
    profile->setCurrentText(QStringLiteral("ops"));
    checkBox(&again, "discoverFollow")->setChecked(false);
    again.remember();
    QVERIFY(!DiscoverDialog::rememberedFollow(QStringLiteral("ops")));
}

void TestDiscoverDialog::accessibleAndKeyboard() {
    DiscoverDialog dialog;
    dialog.setProfiles({kProfile, QStringLiteral("ops")}, kProfile, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Every input has an accessible name; every labelled one a mnemonic to reach it.
    const QList<QWidget*> inputs{dialog.findChild<QComboBox*>(QStringLiteral("discoverProfile")),
                                 dialog.findChild<QComboBox*>(QStringLiteral("discoverProduct")),
                                 dialog.findChild<QListWidget*>(QStringLiteral("discoverRegions")),
                                 dialog.findChild<QComboBox*>(QStringLiteral("discoverSince")),
                                 dialog.findChild<QDateTimeEdit*>(QStringLiteral("discoverCustomSince")),
                                 checkBox(&dialog, "discoverOnlyUnfinished"),
                                 dialog.findChild<QLineEdit*>(QStringLiteral("discoverInstances")),
                                 dialog.findChild<QComboBox*>(QStringLiteral("discoverType")),
                                 checkBox(&dialog, "discoverFollow")};
    QSet<QChar> mnemonics;
    for (QWidget* w : inputs) {
        QVERIFY(w);
        auto* button = qobject_cast<QAbstractButton*>(w);
        QVERIFY2(!w->accessibleName().isEmpty() || (button && !button->text().isEmpty()),
                 qPrintable(w->objectName()));
        QString text = button ? button->text() : QString();
        if (!button) {
            for (QLabel* label : dialog.findChildren<QLabel*>()) {
                if (label->buddy() == w)
                    text = label->text();
            }
        }
        if (w->objectName() == QLatin1String("discoverCustomSince"))
            continue; // shares the "Started since" label's row
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        QVERIFY2(amp >= 0 && amp + 1 < text.size(), qPrintable(w->objectName()));
        const QChar key = text.at(amp + 1).toLower();
        QVERIFY2(!mnemonics.contains(key), qPrintable(text));
        mnemonics.insert(key);
    }
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->text().contains(QLatin1Char('&')));
    QVERIFY(!mnemonics.contains(ok->text().at(ok->text().indexOf(QLatin1Char('&')) + 1).toLower()));

    // Tab goes through the controls in reading order.
    inputs.first()->setFocus();
    QTRY_VERIFY(inputs.first()->hasFocus());
    QList<QWidget*> order{inputs.first()};
    QWidget* w = inputs.first();
    for (int i = 0; i < inputs.size() - 1; ++i) {
        w = w->nextInFocusChain();
        while (!(w->focusPolicy() & Qt::TabFocus) || !w->isEnabled() || !w->isVisible())
            w = w->nextInFocusChain();
        order << w;
    }
    QList<QWidget*> expected = inputs;
    expected.removeAll(dialog.findChild<QDateTimeEdit*>(QStringLiteral("discoverCustomSince"))); // disabled
    order = order.mid(0, expected.size());
    QCOMPARE(order, expected);

    // Alt+R goes to the regions.
    QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
    QTRY_VERIFY(inputs.at(2)->hasFocus());
}

void TestDiscoverDialog::menuActionHandsRequestToBoard() {
    TaskBoard board(nullptr);
    board.setPaused(true); // nothing reaches the network
    board.setAccount(kProfile, accountFor());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // In the Tasks menu and on the toolbar, with Ctrl+D.
    auto* action = window.findChild<QAction*>(QStringLiteral("discoverAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    bool inMenu = false;
    for (QAction* menu : window.menuBar()->actions())
        inMenu = inMenu || (menu->menu() && menu->menu()->actions().contains(action));
    QVERIFY(inMenu);
    QVERIFY(window.findChild<QToolBar*>(QStringLiteral("mainToolBar"))->actions().contains(action));
    // Its short toolbar text leaves room for the filter field (not pushed into the overflow menu).
    QVERIFY(window.findChild<QLineEdit*>(QStringLiteral("filterEdit"))->isVisible());

    DiscoverDialog* dialog = openDialog(window);
    QVERIFY(dialog);
    QCOMPARE(dialog->regions(), QStringList{QStringLiteral("ap-guangzhou")});
    checkBox(dialog, "discoverFollow")->setChecked(true);
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(board.isFollowing(kProfile));
    QVERIFY(DiscoverDialog::rememberedFollow(kProfile));
    QTRY_VERIFY(!window.findChild<DiscoverDialog*>()); // closed and deleted

    // Started again at the next start (the remembered switch), and off when unchecked.
    TaskBoard next(nullptr);
    next.setPaused(true);
    next.setAccount(kProfile, accountFor());
    MainWindow nextWindow(&next);
    QVERIFY(nextWindow.resumeRememberedDiscovery());
    QVERIFY(next.isFollowing(kProfile));

    dialog = openDialog(window);
    QVERIFY(dialog);
    QVERIFY(dialog->keepDiscovering());
    checkBox(dialog, "discoverFollow")->setChecked(false);
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(!board.isFollowing(kProfile));
    QVERIFY(!DiscoverDialog::rememberedFollow(kProfile));
    QVERIFY(!nextWindow.resumeRememberedDiscovery());
}

void TestDiscoverDialog::discoveryColumnsAndDetails() {
    TaskBoard board(nullptr);
    board.setPaused(true);
    board.setAccount(kProfile, accountFor());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView* view = window.view();
    board.addText(idFor(1));
    // No task discovered: the discovery columns are hidden.
    for (int c = TaskTableModel::InstanceColumn; c < TaskTableModel::ColumnCount; ++c)
        QVERIFY(view->isColumnHidden(c));

    TaskState failed = discoveredTask(2, 30);
    failed.discovery.taskCode = 1234;
    failed.discovery.taskMessage = QStringLiteral("precheck failed \u202E\nsee console");
    board.adopt({failed});
    QTRY_VERIFY(!view->isColumnHidden(TaskTableModel::ProgressColumn));
    for (int c = TaskTableModel::InstanceColumn; c < TaskTableModel::EndedColumn; ++c)
        QVERIFY(!view->isColumnHidden(c));
    QVERIFY(view->isColumnHidden(TaskTableModel::EndedColumn)); // nothing ended yet: no empty column
    TaskState ended = discoveredTask(3, 100);
    ended.discovery.endedAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    board.adopt({ended});
    QTRY_VERIFY(!view->isColumnHidden(TaskTableModel::EndedColumn));
    // Instance and type next to the id, progress after the status.
    QHeaderView* header = view->horizontalHeader();
    QVERIFY(header->visualIndex(TaskTableModel::InstanceColumn) <
            header->visualIndex(TaskTableModel::RegionColumn));
    QCOMPARE(header->visualIndex(TaskTableModel::ProgressColumn),
             header->visualIndex(TaskTableModel::StatusColumn) + 1);
    const int row = window.model()->rowOf(taskKey(kProfile, idFor(2)));
    QCOMPARE(window.model()->index(row, TaskTableModel::ProgressColumn).data().toString(),
             QStringLiteral("30 %"));
    QCOMPARE(window.model()->index(row, TaskTableModel::TypeColumn).data().toString(),
             QStringLiteral("Upgrade primary instance"));

    view->selectRow(window.proxy()->mapFromSource(window.model()->index(row, 0)).row());
    const QString details = window.detailsPanel()->discoveryText();
    QVERIFY2(details.contains(QLatin1String("orders-primary (cdb-c1nl9rpv)")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("Upgrade primary instance (UPGRADE MASTER)")),
             qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("30 %")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("4202")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("Code 1234: precheck failed")), qPrintable(details));
    QVERIFY(!details.contains(QChar(0x202E)));
    auto* result = window.detailsPanel()->findChild<QLabel*>(QStringLiteral("detailsTaskResult"));
    QVERIFY(result && result->isVisible());
    QVERIFY(!result->text().contains(QLatin1Char('\n')));
    auto* progress = window.detailsPanel()->findChild<QProgressBar*>(QStringLiteral("detailsProgress"));
    QVERIFY(progress && progress->isVisible());
    QCOMPARE(progress->value(), 30);
    QCOMPARE(progress->text(), QStringLiteral("30 %"));
    QCOMPARE(progress->accessibleName(), QStringLiteral("Progress"));
    for (const char* name :
         {"detailsInstance", "detailsTaskType", "detailsStarted", "detailsEnded", "detailsJobId"})
        QVERIFY(!window.detailsPanel()->findChild<QLabel*>(QLatin1String(name))->accessibleName().isEmpty());

    // A pasted task: no discovery rows.
    view->selectRow(
        window.proxy()->mapFromSource(window.model()->index(window.model()->rowOf(idFor(1)), 0)).row());
    QCOMPARE(window.detailsPanel()->discoveryText(), QString());
    QVERIFY(!progress->isVisible());
}

void TestDiscoverDialog::progressDelegatePaintsTheNumber() {
    TaskBoard board(nullptr);
    board.setPaused(true);
    board.setAccount(kProfile, accountFor());
    MainWindow window(&board);
    window.resize(1400, 500);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    board.adopt({discoveredTask(1, 0), discoveredTask(2, 100)});
    QTableView* view = window.view();
    QTRY_VERIFY(!view->isColumnHidden(TaskTableModel::ProgressColumn));
    QVERIFY(qobject_cast<ui::ProgressDelegate*>(view->itemDelegateForColumn(TaskTableModel::ProgressColumn)));
    QVERIFY(view->itemDelegateForColumn(TaskTableModel::ProgressColumn) != view->itemDelegate());
    // The 100 % cell and the 0 % cell differ (the bar is drawn), and both show their number.
    QCoreApplication::processEvents();
    const auto cellImage = [view](int proxyRow) {
        const QRect rect = view->visualRect(view->model()->index(proxyRow, TaskTableModel::ProgressColumn));
        return view->viewport()->grab(rect).toImage();
    };
    const QImage empty = cellImage(0);
    const QImage full = cellImage(1);
    QVERIFY(!empty.isNull());
    QVERIFY(empty != full);
}

// A header state saved by a version with 9 columns: the new columns still appear once a task is discovered,
// with a usable width.
void TestDiscoverDialog::headerSavedBeforeTheNewColumns() {
    {
        QStandardItemModel old(0, TaskTableModel::ProfileColumn + 1);
        QTableView oldView;
        oldView.setModel(&old);
        oldView.horizontalHeader()->resizeSection(TaskTableModel::InfoColumn, 321);
        QSettings().setValue(QStringLiteral("mainWindow/header"), oldView.horizontalHeader()->saveState());
    }
    TaskBoard board(nullptr);
    board.setPaused(true);
    board.setAccount(kProfile, accountFor());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QHeaderView* header = window.view()->horizontalHeader();
    QCOMPARE(header->count(), int(TaskTableModel::ColumnCount));
    TaskState ended = discoveredTask(1, 50);
    ended.discovery.endedAt = QDateTime::currentDateTimeUtc();
    board.adopt({ended});
    QTRY_VERIFY(!window.view()->isColumnHidden(TaskTableModel::ProgressColumn));
    // The discovery columns (the Product column shows only with tasks of two products).
    QVERIFY(header->isSectionHidden(TaskTableModel::ProductColumn));
    for (int c = TaskTableModel::InstanceColumn; c <= TaskTableModel::EndedColumn; ++c) {
        QVERIFY(!header->isSectionHidden(c));
        QVERIFY2(header->sectionSize(c) > 20, qPrintable(QString::number(c)));
    }
}

// The emulator serving the demo's discoverable tasks (two regions, three instances).
struct DemoAccount {
    sim::Emulator emulator;
    TaskBoard board{nullptr};
    bool start() {
        emulator.addCredential(QLatin1String(sim::Emulator::kDemoSecretId),
                               QLatin1String(sim::Emulator::kDemoSecretKey));
        for (const sim::ScriptedTask& task : sim::Emulator::demoDiscoverableTasks())
            emulator.addTask(task);
        for (const sim::EmulatedInstance& instance : sim::Emulator::demoInstances())
            emulator.addInstance(instance);
        if (!emulator.listen())
            return false;
        board.setSharedBudget(false);
        board.setAccount(kProfile, accountFor(emulator.url()));
        return true;
    }
};

int rowOfType(const TaskTableModel* model, const QString& readableType) {
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, TaskTableModel::TypeColumn).data().toString() == readableType)
            return row;
    }
    return -1;
}

void TestDiscoverDialog::dialogDiscoversTasksFromTheEmulator() {
    DemoAccount demo;
    QVERIFY2(demo.start(), qPrintable(demo.emulator.errorString()));
    MainWindow window(&demo.board);
    window.resize(1400, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&demo.board, &TaskBoard::discoveryFinished);

    DiscoverDialog* dialog = openDialog(window);
    QVERIFY(dialog);
    dialog->setRegions({sim::Emulator::demoRegion(), sim::Emulator::demoSecondRegion()});
    QVERIFY(dialog->onlyUnfinished());
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 15000);
    // Unfinished only: 4 in ap-guangzhou (one without an AsyncRequestId), 2 in ap-shanghai.
    TaskTableModel* model = window.model();
    QTRY_COMPARE(model->rowCount(), 6);
    QVERIFY(!window.view()->isColumnHidden(TaskTableModel::ProgressColumn));
    const int modify = rowOfType(model, QStringLiteral("Modify parameters"));
    QVERIFY(modify >= 0);
    QCOMPARE(model->index(modify, TaskTableModel::IdColumn).data().toString(),
             QStringLiteral("4a7c2e91-b3d05f68-91e4c27a-0d6b8f35"));
    QCOMPARE(model->index(modify, TaskTableModel::InstanceColumn).data().toString(),
             QStringLiteral("orders-primary (cdb-7q2m9x4k)"));
    const QVariant progress =
        model->index(modify, TaskTableModel::ProgressColumn).data(TaskTableModel::ProgressRole);
    QVERIFY(progress.isValid());
    QCOMPARE(model->index(modify, TaskTableModel::ProgressColumn).data().toString(),
             QStringLiteral("%1 %").arg(progress.toInt()));
    QVERIFY(!model->index(modify, TaskTableModel::StartedColumn).data().toString().isEmpty());
    const int drop = rowOfType(model, QStringLiteral("Drop tables"));
    QVERIFY(drop >= 0);
    QCOMPARE(model->index(drop, TaskTableModel::RegionColumn).data().toString(),
             sim::Emulator::demoSecondRegion());
    QCOMPARE(model->index(drop, TaskTableModel::InstanceColumn).data().toString(),
             QStringLiteral("analytics (cdb-9k4t6w2p)"));
    const int reboot = rowOfType(model, QStringLiteral("Reboot"));
    QVERIFY(reboot >= 0);
    QCOMPARE(model->index(reboot, TaskTableModel::IdColumn).data().toString(), QStringLiteral("job:2751342"));
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("Discovered")),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::DiscoveryDenied));

    // Again, finished ones too: the failed import with DescribeTasks' code and message, the finished SQL.
    dialog = openDialog(window);
    QVERIFY(dialog);
    QCOMPARE(dialog->regions().size(), 2); // remembered
    checkBox(dialog, "discoverOnlyUnfinished")->setChecked(false);
    finished.clear();
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 15000);
    QTRY_COMPARE(model->rowCount(), 8);
    const int import = rowOfType(model, QStringLiteral("Import data"));
    QVERIFY(import >= 0);
    QCOMPARE(model->index(import, 0).data(TaskTableModel::StatusKeyRole).toString(),
             QStringLiteral("FAILED"));
    QVERIFY(!model->index(import, TaskTableModel::EndedColumn).data().toString().isEmpty());
    window.view()->selectRow(window.proxy()->mapFromSource(model->index(import, 0)).row());
    const QString details = window.detailsPanel()->discoveryText();
    QVERIFY2(details.contains(QLatin1String("Code 10017: Import failed")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("1980442")), qPrintable(details));
}

void TestDiscoverDialog::missingPermissionShowsBannerPollingGoesOn() {
    DemoAccount demo;
    demo.emulator.setActionError(QStringLiteral("DescribeTasks"),
                                 QStringLiteral("AuthFailure.UnauthorizedOperation"),
                                 QStringLiteral("you are not authorized"));
    QVERIFY2(demo.start(), qPrintable(demo.emulator.errorString()));
    sim::ScriptedTask pasted;
    pasted.id = idFor(7);
    sim::TimelineStep running;
    running.status = QStringLiteral("RUNNING");
    pasted.steps = {running};
    demo.emulator.addTask(pasted);
    MainWindow window(&demo.board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.addTaskText(idFor(7));
    QSignalSpy failed(&demo.board, &TaskBoard::discoveryFailed);
    DiscoveryRequest request;
    request.regions = {sim::Emulator::demoRegion()};
    request.follow = true;
    window.discover(request);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QTRY_VERIFY(window.isBannerShown(MainWindow::BannerKind::DiscoveryDenied));
    Banner* banner = window.banner(MainWindow::BannerKind::DiscoveryDenied);
    QVERIFY2(banner->detail().contains(QLatin1String("cdb:DescribeTasks")), qPrintable(banner->detail()));
    QVERIFY(banner->title().contains(kProfile));
    QVERIFY(!demo.board.isFollowing(kProfile));
    // Polling of the pasted id goes on.
    QTRY_COMPARE_WITH_TIMEOUT(window.model()->stateOf(idFor(7))->status,
                              std::optional<QString>(QStringLiteral("RUNNING")), 10000);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::CredentialsRejected));
    // Dismissed, it stays away while nothing changes.
    banner->findChild<QPushButton*>(QStringLiteral("dismissDiscoveryButton"))->click();
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::DiscoveryDenied));
    emit demo.board.accountChanged(kProfile);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::DiscoveryDenied));
}

// Another product's listing refused by the CAM policy: the status bar names that product's permission; the
// account's cdb discovery is not marked denied (its banner stays away).
void TestDiscoverDialog::productListingDeniedIsTold() {
    DemoAccount demo;
    demo.emulator.setActionError(QStringLiteral("redis"), QStringLiteral("DescribeTaskList"),
                                 QStringLiteral("AuthFailure.UnauthorizedOperation"),
                                 QStringLiteral("not allowed"));
    QVERIFY2(demo.start(), qPrintable(demo.emulator.errorString()));
    MainWindow window(&demo.board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy failed(&demo.board, &TaskBoard::discoveryFailed);
    DiscoveryRequest request;
    request.product = QStringLiteral("redis");
    request.regions = {sim::Emulator::demoRegion()};
    window.discover(request);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QLatin1String("redis:DescribeTaskList")), qPrintable(message));
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::DiscoveryDenied));
}

void TestDiscoverDialog::unsupportedRegionIsANonModalMessage() {
    DemoAccount demo;
    demo.emulator.setUnsupportedRegions({sim::Emulator::demoSecondRegion()});
    QVERIFY2(demo.start(), qPrintable(demo.emulator.errorString()));
    MainWindow window(&demo.board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&demo.board, &TaskBoard::discoveryFinished);
    DiscoveryRequest request;
    request.regions = {sim::Emulator::demoRegion(), sim::Emulator::demoSecondRegion()};
    window.discover(request);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = window.findChild<QMessageBox*>(QStringLiteral("unsupportedRegionMessage"))) != nullptr, 10000);
    QVERIFY(box->isVisible());
    QCOMPARE(box->windowModality(), Qt::NonModal);
    QVERIFY2(box->text().contains(sim::Emulator::demoSecondRegion()), qPrintable(box->text()));
    // The other region is listed all the same.
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(1).toString(), sim::Emulator::demoRegion());
    QTRY_VERIFY(window.model()->rowCount() > 0);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::DiscoveryDenied));
    box->close();
}

// The README's screenshot of discovered tasks: the demo's discovery, everything of the last day.
void TestDiscoverDialog::screenshot() {
    DemoAccount demo;
    QVERIFY2(demo.start(), qPrintable(demo.emulator.errorString()));
    MainWindow window(&demo.board);
    window.setDemoMode(true);
    window.resize(1600, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&demo.board, &TaskBoard::discoveryFinished);
    DiscoveryRequest request;
    request.regions = {sim::Emulator::demoRegion(), sim::Emulator::demoSecondRegion()};
    request.query.since = QDateTime::currentDateTimeUtc().addDays(-1);
    window.discover(request);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 15000);
    QTRY_COMPARE(window.model()->rowCount(), 8);
    // Every task shows a status (the listed one until DescribeAsyncRequestInfo answers a change; the waiting
    // one, which the listings of unfinished tasks cannot show, is polled by id and shows its Info).
    const auto withStatus = [&window] {
        int n = 0;
        for (int row = 0; row < window.model()->rowCount(); ++row)
            n += window.model()->index(row, TaskTableModel::StatusColumn).data().toString().isEmpty() ? 0 : 1;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(withStatus(), 8, 15000);
    window.proxy()->sort(TaskTableModel::StartedColumn, Qt::DescendingOrder);
    window.view()->horizontalHeader()->setSortIndicator(TaskTableModel::StartedColumn, Qt::DescendingOrder);
    window.view()->selectRow(0); // looked at: polled once for its Info
    QTRY_VERIFY_WITH_TIMEOUT(
        !window.proxy()->index(0, TaskTableModel::InfoColumn).data().toString().isEmpty(), 15000);
    QTest::qWait(1200); // the status bar's counts follow the one-second tick
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    const QByteArray outDir = qgetenv("TASKWATCH_TEST_OUTPUT");
    const QString dir = outDir.isEmpty() ? QDir::tempPath() + QStringLiteral("/taskwatch-test-output")
                                         : QString::fromLocal8Bit(outDir);
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/mainwindow-discovery.png");
    QVERIFY2(window.grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestDiscoverDialog)
#include "tst_discoverdialog.moc"
