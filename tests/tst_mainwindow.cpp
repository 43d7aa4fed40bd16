// MainWindow: adding ids (Ctrl+V, the dialog, a big paste), the add report and its unrecognised lines,
// Ctrl+C / Del on the table, the banners (no credentials, credentials rejected), filter and "hide finished",
// persisted settings, notifications, a full INITIAL → RUNNING → SUCCESS cycle against the emulator, and a
// screenshot of the window with tasks in every status.
#include "DarkPalette.h"
#include "Emulator.h"
#include "TaskBoard.h"
#include "accounts/AccountConfig.h"
#include "api/ErrorCatalog.h"
#include "api/Regions.h"
#include "banners/Banner.h"
#include "desktop/Announce.h"
#include "details/DetailsPanel.h"
#include "dialogs/AddTasksDialog.h"
#include "history/TaskStore.h"
#include "model/StatusStyle.h"
#include "model/TaskTableModel.h"
#include "polling/AccountPoller.h"
#include "polling/PollScheduler.h"
#include "task/AddReport.h"
#include "task/HistoryEntry.h"
#include "task/PollOutcome.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"
#include "window/MainWindow.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>
#include <memory>

using namespace taskwatch;
using taskwatch::ui::Banner;
using taskwatch::ui::MainWindow;

namespace {

QString idFor(int n) {
    return QStringLiteral("%1-8fc96c86-2ec79ac8-cb63a7a7").arg(n, 8, 16, QLatin1Char('0'));
}

TaskState stateFor(int n, std::optional<QString> status, TaskPhase phase, std::optional<QString> info = {}) {
    TaskState s;
    s.id = idFor(n);
    s.region = QStringLiteral("ap-guangzhou");
    s.addedAt = QDateTime::currentDateTimeUtc().addSecs(-600 + 37 * n);
    s.status = std::move(status);
    s.info = std::move(info);
    s.phase = phase;
    if (phase != TaskPhase::Waiting) {
        s.lastCheckedAt = QDateTime::currentDateTimeUtc().addSecs(-3);
        s.requestId = QStringLiteral("faae8d6a-38fb-44de-988e-5a0e78aba4%1").arg(n, 2, 10, QLatin1Char('0'));
        s.httpStatus = 200;
    }
    if (phase == TaskPhase::Finished)
        s.finishedAt = s.addedAt.addSecs(95 + 13 * n);
    return s;
}

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

PollOptions pollFor(int minIntervalMs = 200) {
    PollOptions poll;
    poll.minIntervalMs = minIntervalMs;
    return poll;
}

// A board with one paused account (nothing reaches the network) whose scheduler the test speaks for.
struct PausedBoard {
    TaskBoard board;
    explicit PausedBoard(TaskStore* store = nullptr)
        : board(store, pollFor()) {
        board.setPaused(true);
        board.setAccount(kProfile, accountFor());
    }
    PollScheduler* scheduler() const { return board.poller(kProfile)->scheduler(); }
    // The scheduler's report of a terminal answer carrying the state's status and Info.
    void finished(const TaskState& state) {
        PollOutcome outcome;
        outcome.taskId = state.id;
        outcome.kind = PollOutcome::Kind::Finished;
        outcome.observedChange = true;
        outcome.status = state.status;
        outcome.info = state.info;
        outcome.requestId = state.requestId;
        outcome.httpStatus = state.httpStatus;
        outcome.checkedAt = state.lastCheckedAt;
        emit scheduler()->polled(outcome);
        board.flush();
    }
};

int sourceRowsWithStatus(const TaskTableModel* model, const QString& key) {
    int n = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        n += model->index(row, 0).data(TaskTableModel::StatusKeyRole).toString() == key ? 1 : 0;
    return n;
}

// The mnemonic letter of a menu or action text ("E&xport" → 'x'), lowercase; null without one.
QChar mnemonicOf(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Every menu (and submenu) has unique mnemonics among its visible entries; the duplicates otherwise.
QStringList duplicateMnemonics(const QMenu* menu) {
    QStringList problems;
    QHash<QChar, QString> seen;
    const QList<QAction*> actions = menu->actions();
    for (const QAction* action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QChar m = mnemonicOf(action->text());
        if (m.isNull())
            problems << QStringLiteral("%1: \"%2\" has no mnemonic").arg(menu->title(), action->text());
        else if (seen.contains(m))
            problems << QStringLiteral("%1: \"%2\" and \"%3\" share &%4")
                            .arg(menu->title(), seen.value(m), action->text(), QString(m));
        seen.insert(m, action->text());
        if (action->menu())
            problems += duplicateMnemonics(action->menu());
    }
    return problems;
}

// Selects and makes current the first row (whatever modifier state earlier key clicks left).
void selectFirstRow(MainWindow& window) {
    window.view()->selectionModel()->setCurrentIndex(
        window.proxy()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString accessibleName(QObject* object) {
    QAccessibleInterface* iface = object ? QAccessible::queryAccessibleInterface(object) : nullptr;
    return iface ? iface->text(QAccessible::Name) : QString();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void pasteAddsRowsAndReports();
    void unrecognisedLinesAreShown();
    void pasteInFilterFieldIsText();
    void addTasksDialogUsesItsRegion();
    void bigPasteIsOneInsertion();
    void copyAndDeleteSelection();
    void noCredentialsBanner();
    void authFailedBannerAndResume();
    void endpointFailedBanner();
    void credentialsMissingBannerNamesTheProfile();
    void filterAndHideFinished();
    void settingsPersist();
    void maxIntervalSetting();
    void detailsShowErrorAndTimeline();
    void detailsNeutraliseHostileServerText();
    void notificationOnFinish();
    void waitingTasksGoToTheSession();
    void dropTextAndFiles();
    void timelineFromTheStore();
    void offlineBanner();
    void fullCycleAgainstEmulator();
    void menuMnemonicsAreUnique();
    void addTasksDialogKeyboard();
    void pauseIsConsistent();
    void tabOrderReachesEveryControl();
    void controlsHaveAccessibleNames();
    void statusChangesAreAnnounced();
    void undoRemoveAndClearFinished();
    void copyRowsInfoAndError();
    void screenshot();

private:
    void showAndActivate(QWidget& window);
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init() {
    QSettings().clear();
    QApplication::clipboard()->clear();
}

void TestMainWindow::showAndActivate(QWidget& window) {
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

void TestMainWindow::pasteAddsRowsAndReports() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    QSignalSpy inserted(window.model(), &QAbstractItemModel::rowsInserted);
    QApplication::clipboard()->setText(QStringLiteral("Task ids from the console:\n%1\n%2 done\n"
                                                      "{\"AsyncRequestId\": \"%3\"}\n%1\nnothing here\n")
                                           .arg(idFor(1), idFor(2).toUpper(), idFor(3)));
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(window.model()->rowCount(), 3);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(window.model()->rowOf(idFor(2)), 1); // lowercase, in order of appearance
    QCOMPARE(window.model()->stateOf(idFor(1))->region, QStringLiteral("ap-guangzhou"));
    QCOMPARE(window.model()->stateOf(idFor(1))->phase, TaskPhase::Held); // no credentials yet
    const QString report = window.reportText();
    QVERIFY2(report.contains(QLatin1String("3 added")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("1 already present")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("2 lines not recognised")), qPrintable(report));
    auto* reportLabel = window.findChild<QLabel*>(QStringLiteral("reportLabel"));
    QVERIFY(reportLabel && reportLabel->isVisible());

    // Pasting again adds nothing.
    QTest::keyClick(window.view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(window.model()->rowCount(), 3);
    QVERIFY2(window.reportText().contains(QLatin1String("4 already present")),
             qPrintable(window.reportText()));
}

void TestMainWindow::unrecognisedLinesAreShown() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    const AddReport report =
        window.addTaskText(QStringLiteral("garbage line one\n%1\n\n  second \u202Ebad line\n").arg(idFor(7)));
    QCOMPARE(report.added, 1);
    QCOMPARE(report.unrecognisedLineCount, 2);
    QCOMPARE(report.text(), QStringLiteral("1 added, 2 lines not recognised"));
    auto* show = window.findChild<QToolButton*>(QStringLiteral("showUnrecognisedButton"));
    QVERIFY(show);
    QVERIFY(show->isVisible());
    QTest::mouseClick(show, Qt::LeftButton);
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QDialog*>(QStringLiteral("unrecognisedLinesDialog"))) != nullptr);
    QVERIFY(dialog->isVisible());
    const QString lines =
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("unrecognisedLinesText"))->toPlainText();
    QVERIFY(lines.contains(QLatin1String("garbage line one")));
    QVERIFY(lines.contains(QLatin1String("bad line")));
    QVERIFY(!lines.contains(QChar(0x202E))); // shown, never acting
    dialog->close();

    // Nothing unrecognised: no "Show" button.
    window.addTaskText(idFor(8));
    QVERIFY(!show->isVisible());
    QCOMPARE(window.reportText(), QStringLiteral("1 added"));
    window.addTaskText(QStringLiteral("no ids at all"));
    QCOMPARE(window.reportText(), QStringLiteral("1 line not recognised"));
}

void TestMainWindow::pasteInFilterFieldIsText() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    auto* filter = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QVERIFY(filter);
    QApplication::clipboard()->setText(idFor(5));
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClick(filter, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(filter->text(), idFor(5));
    QCOMPARE(window.model()->rowCount(), 0);
}

void TestMainWindow::addTasksDialogUsesItsRegion() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_N, Qt::ControlModifier);
    ui::AddTasksDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ui::AddTasksDialog*>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(Regions::cdb().contains(QStringLiteral("ap-shanghai-fsi")));
    QCOMPARE(Regions::cdb().size(), 18);
    dialog->setText(QStringLiteral("%1\n%2\n").arg(idFor(10), idFor(11)));
    dialog->setRegion(QStringLiteral("ap-tokyo"));
    QCOMPARE(dialog->foundIdCount(), 2);
    dialog->accept();
    QCOMPARE(window.model()->rowCount(), 2);
    QCOMPARE(window.model()->stateOf(idFor(11))->region, QStringLiteral("ap-tokyo"));
    QCOMPARE(window.defaultRegion(), QStringLiteral("ap-tokyo")); // remembered for the next paste
    QCOMPARE(QSettings().value(QStringLiteral("tasks/lastRegion")).toString(), QStringLiteral("ap-tokyo"));
}

void TestMainWindow::bigPasteIsOneInsertion() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    QString text;
    int lines = 0;
    while (text.size() < 1024 * 1024) {
        text += QStringLiteral("2026-03-01 10:00:%1 INFO task %2 submitted by ops\n")
                    .arg(lines % 60, 2, 10, QLatin1Char('0'))
                    .arg(idFor(lines));
        ++lines;
    }
    QSignalSpy inserted(window.model(), &QAbstractItemModel::rowsInserted);
    const AddReport report = window.addTaskText(text);
    QCOMPARE(report.added, lines);
    QCOMPARE(window.model()->rowCount(), lines);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(window.proxy()->rowCount(), lines);
}

void TestMainWindow::copyAndDeleteSelection() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    window.addTaskText(QStringLiteral("%1\n%2\n%3\n%4\n").arg(idFor(1), idFor(2), idFor(3), idFor(4)));
    QTableView* view = window.view();
    view->setFocus();
    view->selectionModel()->select(window.proxy()->index(0, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->selectionModel()->select(window.proxy()->index(2, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("%1\n%2\n").arg(idFor(1), idFor(3)));

    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(window.model()->rowCount(), 2);
    QCOMPARE(window.model()->rowOf(idFor(1)), -1);
    QCOMPARE(window.model()->rowOf(idFor(3)), -1);
    QCOMPARE(window.model()->rowOf(idFor(2)), 0);
    QCOMPARE(window.model()->rowOf(idFor(4)), 1);

    // Nothing selected: Del removes nothing.
    view->clearSelection();
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(window.model()->rowCount(), 2);
}

void TestMainWindow::noCredentialsBanner() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    QVERIFY(window.isBannerShown(MainWindow::BannerKind::NoCredentials));
    Banner* banner = window.banner(MainWindow::BannerKind::NoCredentials);
    QVERIFY(banner && banner->isVisible());
    QVERIFY(!banner->title().isEmpty());
    QSignalSpy requested(&window, &MainWindow::credentialsRequested);
    auto* setUp = banner->findChild<QPushButton*>(QStringLiteral("setUpCredentialsButton"));
    QVERIFY(setUp);
    QTest::mouseClick(setUp, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::CredentialsRejected));

    window.setDemoMode(true);
    QVERIFY(window.isBannerShown(MainWindow::BannerKind::Demo));
    QVERIFY(window.banner(MainWindow::BannerKind::Demo)->title().contains(QLatin1String("emulator")));
    window.setKeychainUnavailable(QStringLiteral("No keychain service available"));
    QVERIFY(window.isBannerShown(MainWindow::BannerKind::KeychainUnavailable));
    window.setKeychainUnavailable(QString());
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::KeychainUnavailable));

    // With an account the banner goes away.
    board.setPaused(true);
    board.setAccount(kProfile, accountFor());
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::NoCredentials));
}

void TestMainWindow::authFailedBannerAndResume() {
    PausedBoard fb; // nothing goes to the network in this test
    MainWindow window(&fb.board);
    showAndActivate(window);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::NoCredentials));
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::CredentialsRejected));

    emit fb.scheduler()->credentialsRejected(QStringLiteral("AuthFailure.SecretIdNotFound"),
                                             QStringLiteral("The SecretId is not found <b>really</b>"));
    QVERIFY(window.isBannerShown(MainWindow::BannerKind::CredentialsRejected));
    Banner* banner = window.banner(MainWindow::BannerKind::CredentialsRejected);
    QVERIFY(banner->title().contains(QLatin1String("AuthFailure.SecretIdNotFound")));
    QVERIFY(banner->detail().contains(
        ErrorCatalog::describe(QStringLiteral("AuthFailure.SecretIdNotFound")).meaning));
    QVERIFY(banner->detail().contains(QLatin1String("<b>really</b>"))); // plain text, shown as sent
    QVERIFY(!window.findChildren<QDialog*>().size());                   // a banner, never a modal dialog

    auto* resume = banner->findChild<QPushButton*>(QStringLiteral("resumeButton"));
    QVERIFY(resume);
    QTest::mouseClick(resume, Qt::LeftButton);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::CredentialsRejected));
    QVERIFY(!fb.board.isHeldByAuth());
    QCOMPARE(fb.board.accountStatus(kProfile).state, AccountState::Polling);
}

void TestMainWindow::endpointFailedBanner() {
    PausedBoard fb;
    MainWindow window(&fb.board);
    showAndActivate(window);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::EndpointFailed));
    emit fb.scheduler()->endpointFailed(404, QStringLiteral("HTTP 404 <b>Not Found</b>: check the endpoint"));
    QVERIFY(window.isBannerShown(MainWindow::BannerKind::EndpointFailed));
    Banner* banner = window.banner(MainWindow::BannerKind::EndpointFailed);
    QVERIFY2(banner->title().contains(kProfile), qPrintable(banner->title()));
    QVERIFY(banner->detail().contains(QLatin1String("<b>Not Found</b>"))); // plain text, as sent
    QSignalSpy requested(&window, &MainWindow::credentialsRequested);
    QTest::mouseClick(banner->findChild<QPushButton*>(QStringLiteral("fixEndpointButton")), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), kProfile);
    emit fb.scheduler()->endpointRecovered();
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::EndpointFailed));
}

void TestMainWindow::credentialsMissingBannerNamesTheProfile() {
    PausedBoard fb;
    MainWindow window(&fb.board);
    showAndActivate(window);
    TaskState other = stateFor(3, QStringLiteral("RUNNING"), TaskPhase::Polling);
    other.profile = QStringLiteral("customer-b");
    fb.board.adopt({stateFor(1, QStringLiteral("RUNNING"), TaskPhase::Polling), other});
    fb.board.setAccountMissing(QStringLiteral("customer-b"),
                               QStringLiteral("The keychain has no credentials."));
    QVERIFY(window.isBannerShown(MainWindow::BannerKind::CredentialsMissing));
    Banner* banner = window.banner(MainWindow::BannerKind::CredentialsMissing);
    QVERIFY2(banner->title().contains(QLatin1String("customer-b")), qPrintable(banner->title()));
    QCOMPARE(fb.board.task(taskKey(QStringLiteral("customer-b"), idFor(3)))->phase, TaskPhase::Held);
    // Two profiles have tasks: the Profile column and the profile filter show.
    QVERIFY(!window.view()->isColumnHidden(TaskTableModel::ProfileColumn));
    auto* filter = window.findChild<QComboBox*>(QStringLiteral("profileFilter"));
    QVERIFY(filter);
    QTRY_VERIFY(filter->isVisible());
    filter->setCurrentIndex(filter->findData(QStringLiteral("customer-b")));
    QCOMPARE(window.proxy()->rowCount(), 1);
    QSignalSpy requested(&window, &MainWindow::credentialsRequested);
    QTest::mouseClick(banner->findChild<QPushButton*>(QStringLiteral("setCredentialsButton")),
                      Qt::LeftButton);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("customer-b"));
}

void TestMainWindow::filterAndHideFinished() {
    PausedBoard fb;
    MainWindow window(&fb.board);
    showAndActivate(window);
    fb.board.adopt(
        {stateFor(1, QStringLiteral("RUNNING"), TaskPhase::Polling, QStringLiteral("Upgrading the engine")),
         stateFor(2, QStringLiteral("SUCCESS"), TaskPhase::Finished, QStringLiteral("Dropped the table")),
         stateFor(3, QStringLiteral("FAILED"), TaskPhase::Finished, QStringLiteral("Precheck failed")),
         stateFor(4, QStringLiteral("INITIAL"), TaskPhase::Polling)});
    auto* filter = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("engine"));
    QCOMPARE(window.proxy()->rowCount(), 1);
    QCOMPARE(window.proxy()->index(0, 0).data(TaskTableModel::TaskIdRole).toString(), idFor(1));
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("failed")); // status text and Info
    QCOMPARE(window.proxy()->rowCount(), 1);
    filter->clear();
    QCOMPARE(window.proxy()->rowCount(), 4);

    auto* hide = window.findChild<QAction*>(QStringLiteral("hideFinishedAction"));
    QVERIFY(hide);
    hide->trigger();
    QCOMPARE(window.proxy()->rowCount(), 2);
    fb.finished(stateFor(1, QStringLiteral("SUCCESS"), TaskPhase::Finished));
    QCOMPARE(window.proxy()->rowCount(), 1);
    hide->trigger();
    QCOMPARE(window.proxy()->rowCount(), 4);
}

void TestMainWindow::settingsPersist() {
    {
        TaskBoard board(nullptr);
        MainWindow window(&board);
        showAndActivate(window);
        window.findChild<QLineEdit*>(QStringLiteral("filterEdit"))->setText(QStringLiteral("upgrade"));
        window.findChild<QAction*>(QStringLiteral("hideFinishedAction"))->setChecked(true);
        window.view()->setColumnWidth(TaskTableModel::ErrorColumn, 222);
        window.view()->sortByColumn(TaskTableModel::StatusColumn, Qt::DescendingOrder);
        window.resize(1111, 700);
        window.close(); // saves
    }
    TaskBoard restoredBoard(nullptr);
    MainWindow restored(&restoredBoard);
    showAndActivate(restored);
    QCOMPARE(restored.findChild<QLineEdit*>(QStringLiteral("filterEdit"))->text(), QStringLiteral("upgrade"));
    QCOMPARE(restored.proxy()->filterText(), QStringLiteral("upgrade"));
    QVERIFY(restored.proxy()->hideFinished());
    QVERIFY(restored.findChild<QAction*>(QStringLiteral("hideFinishedAction"))->isChecked());
    QCOMPARE(restored.view()->columnWidth(TaskTableModel::ErrorColumn), 222);
    QCOMPARE(restored.proxy()->sortColumn(), int(TaskTableModel::StatusColumn));
    // The geometry came back. Its height shows it: Qt 6.8 fits a restored window into its screen, and the
    // offscreen screen is narrower than the 1111 pixels (the width then comes back as the window's minimum).
    QCOMPARE(restored.height(), 700);
}

// Tasks > Slowest Poll Interval: the adaptive intervals' cap (watch's --max-interval), 15 s by default, kept
// in QSettings and applied to every account's scheduler, also to accounts created later.
void TestMainWindow::maxIntervalSetting() {
    {
        PausedBoard fb;
        MainWindow window(&fb.board);
        showAndActivate(window);
        auto* menu = window.findChild<QMenu*>(QStringLiteral("maxIntervalMenu"));
        QVERIFY(menu);
        QVERIFY(window.findChild<QAction*>(QStringLiteral("maxInterval15Action"))->isChecked());
        QCOMPARE(fb.scheduler()->options().maxIntervalMs, 15000);
        QCOMPARE(menu->actions().size(), 5);
        for (QAction* action : menu->actions())
            QVERIFY(!action->text().isEmpty() && !action->toolTip().isEmpty());
        window.findChild<QAction*>(QStringLiteral("maxInterval60Action"))->trigger();
        QCOMPARE(fb.scheduler()->options().maxIntervalMs, 60000);
        QCOMPARE(fb.board.pollOptions().maxIntervalMs, 60000);
        QCOMPARE(QSettings().value(QStringLiteral("polling/maxIntervalSeconds")).toInt(), 60);
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("maxInterval15Action"))->isChecked());
        window.findChild<QAction*>(QStringLiteral("maxInterval5Action"))->trigger(); // not adaptive
        QCOMPARE(fb.scheduler()->options().maxIntervalMs, 5000);
        window.findChild<QAction*>(QStringLiteral("maxInterval30Action"))->trigger();
    }
    {
        // The next start: the stored choice reaches an account set up after the window.
        TaskBoard board(nullptr, pollFor(5000));
        MainWindow window(&board);
        QVERIFY(window.findChild<QAction*>(QStringLiteral("maxInterval30Action"))->isChecked());
        board.setPaused(true);
        board.setAccount(kProfile, accountFor());
        QCOMPARE(board.poller(kProfile)->scheduler()->options().maxIntervalMs, 30000);
    }
    // A stored value that is not a choice (edited by hand): the default.
    QSettings().setValue(QStringLiteral("polling/maxIntervalSeconds"), QStringLiteral("7; rm"));
    TaskBoard board(nullptr, pollFor(5000));
    MainWindow window(&board);
    QVERIFY(window.findChild<QAction*>(QStringLiteral("maxInterval15Action"))->isChecked());
    QCOMPARE(board.pollOptions().maxIntervalMs, 15000);
}

void TestMainWindow::detailsShowErrorAndTimeline() {
    QTemporaryDir dir;
    TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY2(store.open(), qPrintable(store.lastError()));
    HistoryEntry old;
    old.observedAt = QDateTime::currentDateTimeUtc().addSecs(-100);
    old.taskId = idFor(5);
    old.status = QStringLiteral("INITIAL");
    QVERIFY(store.appendHistory(old));
    TaskBoard board(&store);
    MainWindow window(&board);
    showAndActivate(window);
    TaskState error =
        stateFor(5, QStringLiteral("RUNNING"), TaskPhase::Stopped, QStringLiteral("line 1\nline 2"));
    error.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
    error.errorMessage = QStringLiteral("The async task does not exist.");
    error.lastRawResponse = R"({"Response":{"Error":{"Code":"InvalidParameter.InvalidAsyncRequestId"}}})";
    board.adopt({error});
    selectFirstRow(window);
    ui::DetailsPanel* details = window.detailsPanel();
    QCOMPARE(details->taskId(), idFor(5));
    QCOMPARE(details->infoText(), QStringLiteral("line 1\nline 2")); // full Info, line breaks kept
    QCOMPARE(details->requestId(), error.requestId);
    QCOMPARE(details->timelineRowCount(), 1);
    QCOMPARE(details->findChild<QLabel*>(QStringLiteral("detailsErrorCode"))->text(), error.errorCode);
    QCOMPARE(details->findChild<QLabel*>(QStringLiteral("detailsErrorMeaning"))->text(),
             ErrorCatalog::describe(error.errorCode).meaning);
    QVERIFY(details->findChild<QPlainTextEdit*>(QStringLiteral("detailsRawResponse"))
                ->toPlainText()
                .contains(QLatin1String("\"Code\": \"InvalidParameter.InvalidAsyncRequestId\"")));

    auto* copy = details->findChild<QToolButton*>(QStringLiteral("copyRequestIdButton"));
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), error.requestId);

    window.view()->clearSelection();
    window.view()->selectionModel()->clearCurrentIndex();
    QCOMPARE(details->taskId(), QString());
}

void TestMainWindow::detailsNeutraliseHostileServerText() {
    PausedBoard fb;
    MainWindow window(&fb.board);
    showAndActivate(window);
    // An unknown status with markup and a RequestId with an escape sequence and a bidi override.
    TaskState hostile = stateFor(6, QStringLiteral("<b>BIG</b><img src=x>"), TaskPhase::Polling, {});
    hostile.requestId = QStringLiteral("6ef60bec\x1b]8;;http://evil\x07\u202e-0242");
    fb.board.adopt({hostile});
    selectFirstRow(window);
    ui::DetailsPanel* details = window.detailsPanel();
    QCOMPARE(details->taskId(), idFor(6));
    const QString tip = details->findChild<QLabel*>(QStringLiteral("detailsStatus"))->toolTip();
    QVERIFY2(tip.contains(QLatin1String("&lt;b&gt;BIG&lt;/b&gt;&lt;img src=x&gt;")), qPrintable(tip));
    QVERIFY2(!tip.contains(QLatin1String("<b>")) && !tip.contains(QLatin1String("<img")), qPrintable(tip));
    QVERIFY(tip.contains(StatusStyle::description(StatusKey::Unknown).toHtmlEscaped()));

    auto* copy = details->findChild<QToolButton*>(QStringLiteral("copyRequestIdButton"));
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied, SafeText::singleLine(hostile.requestId, 80));
    for (const QChar c : copied)
        QVERIFY2(!SafeText::isUnsafe(c), qPrintable(QString::number(c.unicode(), 16)));
}

void TestMainWindow::notificationOnFinish() {
    PausedBoard fb;
    MainWindow window(&fb.board);
    showAndActivate(window);
    fb.board.adopt({stateFor(1, QStringLiteral("RUNNING"), TaskPhase::Polling)});
    QSignalSpy notified(&window, &MainWindow::taskNotification);
    fb.finished(stateFor(1, QStringLiteral("SUCCESS"), TaskPhase::Finished));
    QTRY_COMPARE(notified.count(), 1);
    QVERIFY(notified.at(0).at(0).toString().contains(StatusStyle::label(StatusKey::Success)));
    QVERIFY(notified.at(0).at(1).toString().contains(idFor(1)));
    QCOMPARE(window.model()->stateOf(idFor(1))->status, std::optional<QString>(QStringLiteral("SUCCESS")));

    // Switched off by the setting.
    window.findChild<QAction*>(QStringLiteral("notificationsAction"))->setChecked(false);
    QCOMPARE(QSettings().value(QStringLiteral("notifications/enabled")).toBool(), false);
    fb.board.adopt({stateFor(2, QStringLiteral("RUNNING"), TaskPhase::Polling)});
    fb.finished(stateFor(2, QStringLiteral("FAILED"), TaskPhase::Finished));
    QTRY_COMPARE(window.model()->stateOf(idFor(2))->status, std::optional<QString>(QStringLiteral("FAILED")));
    QTest::qWait(1200); // longer than the notification batching window: nothing may come
    QCOMPARE(notified.count(), 1);
}

void TestMainWindow::waitingTasksGoToTheSession() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    window.addTaskText(QStringLiteral("%1 %2").arg(idFor(1), idFor(2)), QStringLiteral("ap-seoul"));
    QCOMPARE(board.task(taskKey(kProfile, idFor(1)))->phase, TaskPhase::Held); // no credentials yet
    board.setPaused(true);
    board.setAccount(kProfile, accountFor());
    PollScheduler* scheduler = board.poller(kProfile)->scheduler();
    QCOMPARE(scheduler->taskIds(), (QStringList{idFor(1), idFor(2)}));
    QCOMPARE(board.task(taskKey(kProfile, idFor(2)))->region, QStringLiteral("ap-seoul"));
    QCOMPARE(board.task(taskKey(kProfile, idFor(2)))->phase, TaskPhase::Waiting); // held no more
    QCOMPARE(window.model()->rowCount(), 2);

    // With an account, adding goes to its poller; removing too.
    window.addTaskText(idFor(3));
    QVERIFY(scheduler->contains(idFor(3)));
    window.view()->setFocus();
    window.view()->selectRow(
        window.proxy()->mapFromSource(window.model()->index(window.model()->rowOf(idFor(3)), 0)).row());
    QTest::keyClick(window.view(), Qt::Key_Delete);
    QVERIFY(!scheduler->contains(idFor(3)));
    QCOMPARE(window.model()->rowOf(idFor(3)), -1);
}

void TestMainWindow::dropTextAndFiles() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    QVERIFY(window.acceptDrops());

    QMimeData text;
    text.setText(QStringLiteral("dropped %1\n").arg(idFor(1)));
    const QPoint pos = window.view()->geometry().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(pos, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(window.model()->rowCount(), 1);
    QCOMPARE(window.reportText(), QStringLiteral("1 added"));

    // A text file: its content is read (not its name).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("ids.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("%1\n%2\nnot an id\n").arg(idFor(2), idFor(3)).toUtf8());
    file.close();
    QMimeData files;
    files.setUrls({QUrl::fromLocalFile(file.fileName())});
    QDragEnterEvent enterFile(pos, Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enterFile);
    QVERIFY(enterFile.isAccepted());
    QDropEvent dropFile(pos, Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &dropFile);
    QCOMPARE(window.model()->rowCount(), 3);
    QCOMPARE(window.reportText(), QStringLiteral("2 added, 1 line not recognised"));

    // Something that is neither text nor a local file is refused.
    QMimeData image;
    image.setData(QStringLiteral("image/png"), QByteArray("\x89PNG"));
    QDragEnterEvent enterImage(pos, Qt::CopyAction, &image, Qt::LeftButton, Qt::NoModifier);
    enterImage.setAccepted(false);
    QApplication::sendEvent(&window, &enterImage);
    QVERIFY(!enterImage.isAccepted());
}

void TestMainWindow::timelineFromTheStore() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY2(store.open(), qPrintable(store.lastError()));
    for (int i = 0; i < 2; ++i) {
        HistoryEntry e;
        e.observedAt = QDateTime::currentDateTimeUtc().addSecs(-300 + 60 * i);
        e.taskId = idFor(4);
        e.region = QStringLiteral("ap-guangzhou");
        e.status = i == 0 ? QStringLiteral("INITIAL") : QStringLiteral("RUNNING");
        QVERIFY(store.appendHistory(e));
    }
    PausedBoard fb(&store);
    MainWindow window(&fb.board);
    showAndActivate(window);
    fb.board.adopt({stateFor(4, QStringLiteral("RUNNING"), TaskPhase::Polling)});
    selectFirstRow(window);
    QCOMPARE(window.detailsPanel()->timelineRowCount(), 2); // from before this run

    // Observed during this run: merged in.
    fb.finished(stateFor(4, QStringLiteral("SUCCESS"), TaskPhase::Finished));
    QCOMPARE(window.detailsPanel()->timelineRowCount(), 3);
    QCOMPARE(window.history(idFor(4)).last().status, std::optional<QString>(QStringLiteral("SUCCESS")));
}

void TestMainWindow::offlineBanner() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    window.setFollowNetworkReachability(false);
    showAndActivate(window);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::Offline));
    window.setOffline(true);
    QVERIFY(window.isBannerShown(MainWindow::BannerKind::Offline));
    window.setOffline(false);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::Offline));
    window.setDemoMode(true); // the emulator runs on this computer: never "offline"
    window.setOffline(true);
    QVERIFY(!window.isBannerShown(MainWindow::BannerKind::Offline));
    QVERIFY(window.windowTitle().contains(QLatin1String("Demo")));
}

void TestMainWindow::fullCycleAgainstEmulator() {
    sim::Emulator emulator;
    QVERIFY2(emulator.listen(), qPrintable(emulator.errorString()));
    emulator.addCredential(QLatin1String(sim::Emulator::kDemoSecretId),
                           QLatin1String(sim::Emulator::kDemoSecretKey));
    const QString id = QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");
    sim::ScriptedTask task;
    task.id = id;
    sim::TimelineStep initial;
    initial.status = QStringLiteral("INITIAL");
    initial.info = QStringLiteral("Task created");
    sim::TimelineStep running;
    running.afterPolls = 1;
    running.status = QStringLiteral("RUNNING");
    running.info = QStringLiteral("Dropping the table");
    sim::TimelineStep success;
    success.afterPolls = 2;
    success.status = QStringLiteral("SUCCESS");
    success.info = QStringLiteral("Dropped the database table successfully.");
    task.steps = {initial, running, success};
    emulator.addTask(task);

    // Each status stays on the server for one poll, 1 s apart: far longer than the table's 100 ms batching.
    QTemporaryDir dir;
    TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY2(store.open(), qPrintable(store.lastError()));
    TaskBoard board(&store, pollFor(1000));
    board.setAccount(kProfile, accountFor(emulator.url()));
    MainWindow window(&board);
    showAndActivate(window);
    QStringList seen; // the statuses the table showed, in order
    connect(window.model(), &QAbstractItemModel::dataChanged, &window, [&] {
        const int row = window.model()->rowOf(id);
        const QString key = window.model()->index(row, 0).data(TaskTableModel::StatusKeyRole).toString();
        if (seen.isEmpty() || seen.last() != key)
            seen << key;
    });
    QSignalSpy finished(&board, &TaskBoard::tasksFinished);
    window.addTaskText(id);
    QCOMPARE(window.model()->rowCount(), 1);
    selectFirstRow(window);
    // The view repaints on the batch's announcement, which comes once the batch is in the history.
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(sourceRowsWithStatus(window.model(), QStringLiteral("SUCCESS")), 1);
    QCOMPARE(seen,
             (QStringList{QStringLiteral("INITIAL"), QStringLiteral("RUNNING"), QStringLiteral("SUCCESS")}));
    const QModelIndex info = window.model()->index(0, TaskTableModel::InfoColumn);
    QCOMPARE(info.data().toString(), QStringLiteral("Dropped the database table successfully."));
    QVERIFY(!window.model()->index(0, TaskTableModel::RequestIdColumn).data().toString().isEmpty());
    QTRY_COMPARE(window.history(id).size(), 3); // every observed change, in the timeline
    QCOMPARE(window.history(id).at(0).status, std::optional<QString>(QStringLiteral("INITIAL")));
    QCOMPARE(window.history(id).at(1).status, std::optional<QString>(QStringLiteral("RUNNING")));
    QCOMPARE(window.history(id).at(2).status, std::optional<QString>(QStringLiteral("SUCCESS")));
    QTRY_COMPARE(window.detailsPanel()->timelineRowCount(), 3);
    QCOMPARE(window.model()->activeCount(), 0);
}

void TestMainWindow::menuMnemonicsAreUnique() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    QStringList problems;
    QHash<QChar, QString> bar;
    const QList<QAction*> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 4);
    for (const QAction* action : menus) {
        const QChar m = mnemonicOf(action->text());
        QVERIFY2(!m.isNull() && !bar.contains(m), qPrintable(action->text()));
        bar.insert(m, action->text());
        problems += duplicateMnemonics(action->menu());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestMainWindow::addTasksDialogKeyboard() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    window.findChild<QLineEdit*>(QStringLiteral("filterEdit"))->setFocus();
    window.addTasksInteractively();
    ui::AddTasksDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ui::AddTasksDialog*>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    auto* text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("addTasksText"));
    QTRY_VERIFY(text->hasFocus());
    // The Add button and the fields have mnemonics; the instruction labels the text (Alt+I).
    auto* add = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY2(!mnemonicOf(add->text()).isNull(), qPrintable(add->text()));
    auto* intro = dialog->findChild<QLabel*>(QStringLiteral("addTasksIntro"));
    QCOMPARE(intro->buddy(), text);
    QVERIFY(!mnemonicOf(intro->text()).isNull());
    QTest::keyClicks(text, idFor(21));
    QTest::keyClick(text, Qt::Key_Return); // Enter is a new line in the text
    QTest::keyClicks(text, idFor(22));
    QVERIFY(dialog->isVisible());
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier); // Ctrl+Enter adds
    QTRY_VERIFY(window.findChild<ui::AddTasksDialog*>() == nullptr);
    QCOMPARE(window.model()->rowCount(), 2);
    QCOMPARE(window.focusWidget(), window.view()); // focus back on the table, not the filter

    // Esc cancels.
    window.addTasksInteractively();
    QTRY_VERIFY((dialog = window.findChild<ui::AddTasksDialog*>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("addTasksText"));
    QTest::keyClicks(text, idFor(23));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(window.findChild<ui::AddTasksDialog*>() == nullptr);
    QCOMPARE(window.model()->rowCount(), 2);
    QCOMPARE(window.focusWidget(), window.view());
}

void TestMainWindow::pauseIsConsistent() {
    PausedBoard fb;
    MainWindow window(&fb.board);
    showAndActivate(window);
    const TaskState running = stateFor(1, QStringLiteral("RUNNING"), TaskPhase::Polling);
    fb.board.adopt({running});
    PollOutcome answer; // the scheduler's report of an answer, with the time of the next query
    answer.taskId = running.id;
    answer.status = running.status;
    answer.checkedAt = QDateTime::currentDateTimeUtc();
    answer.nextPollAt = answer.checkedAt.addSecs(30);
    emit fb.scheduler()->polled(answer);
    fb.board.flush();
    selectFirstRow(window);
    window.view()->setFocus();
    auto* refresh = window.findChild<QAction*>(QStringLiteral("refreshAction"));
    auto* phase = window.detailsPanel()->findChild<QLabel*>(QStringLiteral("detailsPhase"));
    QVERIFY(phase);
    // Paused: F5 promises nothing, and no place shows a next query time.
    QVERIFY(!refresh->isEnabled());
    QTest::keyClick(window.view(), Qt::Key_F5);
    QVERIFY2(window.statusBar()->currentMessage().isEmpty(),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY2(phase->text().contains(QLatin1String("Paused")), qPrintable(phase->text()));
    QCOMPARE(window.findChild<QLabel*>(QStringLiteral("nextPollLabel"))->text(),
             QStringLiteral("Polling paused"));

    // Resumed: polling again (the next query time comes with the region's next listing or answer).
    window.setPollingPaused(false);
    QVERIFY(refresh->isEnabled());
    QVERIFY2(phase->text().startsWith(QLatin1String("Polling")), qPrintable(phase->text()));
    window.setPollingPaused(true);
    QVERIFY(!refresh->isEnabled());
    QVERIFY2(phase->text().contains(QLatin1String("Paused")), qPrintable(phase->text()));
}

void TestMainWindow::tabOrderReachesEveryControl() {
    PausedBoard fb;
    MainWindow window(&fb.board);
    showAndActivate(window);
    fb.board.adopt({stateFor(1, QStringLiteral("RUNNING"), TaskPhase::Polling, QStringLiteral("x")),
                    stateFor(2, QStringLiteral("SUCCESS"), TaskPhase::Finished)});
    window.addTaskText(QStringLiteral("%1\nnot an id\n").arg(idFor(1))); // the report bar and its buttons
    selectFirstRow(window);
    auto* filter = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    filter->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), filter);
    QWidgetList forward;
    for (int i = 0; i < 40; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget* now = QApplication::focusWidget();
        QVERIFY(now);
        if (now == filter)
            break;
        QVERIFY2(!forward.contains(now),
                 qPrintable(now->objectName())); // a cycle that misses the filter: a trap
        forward << now;
    }
    QCOMPARE(QApplication::focusWidget(), filter); // came round: nothing traps Tab
    QStringList names;
    for (QWidget* w : std::as_const(forward))
        names << (w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className())
                                            : w->objectName());
    const auto position = [&](const QString& name) { return names.indexOf(name); };
    const QTabBar* tabs =
        window.detailsPanel()->findChild<QTabWidget*>(QStringLiteral("detailsTabs"))->tabBar();
    // table → details tabs → details content → the RequestId's copy button → the status bar's buttons
    QVERIFY2(position(QStringLiteral("taskTable")) == 0, qPrintable(names.join(QLatin1Char(' '))));
    QCOMPARE(forward.indexOf(const_cast<QTabBar*>(tabs)), 1);
    QCOMPARE(position(QStringLiteral("detailsInfo")), 2);
    QCOMPARE(position(QStringLiteral("copyTabButton")), 3);
    QCOMPARE(position(QStringLiteral("copyRequestIdButton")), 4);
    QVERIFY2(position(QStringLiteral("showUnrecognisedButton")) > 3,
             qPrintable(names.join(QLatin1Char(' '))));
    QVERIFY2(position(QStringLiteral("dismissReportButton")) > 3, qPrintable(names.join(QLatin1Char(' '))));

    // Shift+Tab walks the same way back.
    QWidgetList backward;
    for (int i = 0; i < 40; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
        if (QApplication::focusWidget() == filter)
            break;
        backward.prepend(QApplication::focusWidget());
    }
    QCOMPARE(QApplication::focusWidget(), filter);
    QCOMPARE(backward, forward);

    // Only one object reports focus.
    int focused = 0;
    for (QWidget* w : window.findChildren<QWidget*>()) {
        if (QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
            iface && iface->state().focused)
            ++focused;
    }
    QCOMPARE(focused, 1);
}

void TestMainWindow::controlsHaveAccessibleNames() {
    PausedBoard fb;
    MainWindow window(&fb.board);
    showAndActivate(window);
    fb.board.adopt({stateFor(1, QStringLiteral("RUNNING"), TaskPhase::Polling, QStringLiteral("x"))});
    selectFirstRow(window);
    auto* filter = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QCOMPARE(accessibleName(filter), QStringLiteral("Filter tasks"));
    QCOMPARE(accessibleName(window.findChild<QToolButton*>(QStringLiteral("filterClearButton"))),
             QStringLiteral("Clear the filter"));
    QCOMPARE(accessibleName(window.view()), QStringLiteral("Tasks"));
    ui::DetailsPanel* details = window.detailsPanel();
    QCOMPARE(accessibleName(details->findChild<QPlainTextEdit*>(QStringLiteral("detailsInfo"))),
             QStringLiteral("Info"));
    QCOMPARE(accessibleName(details->findChild<QPlainTextEdit*>(QStringLiteral("detailsRawResponse"))),
             QStringLiteral("Raw response"));
    QCOMPARE(accessibleName(details->findChild<QTreeWidget*>(QStringLiteral("detailsTimeline"))),
             QStringLiteral("Timeline"));
    auto* requestId = details->findChild<QLabel*>(QStringLiteral("detailsRequestId"));
    QCOMPARE(accessibleName(requestId), QStringLiteral("RequestId"));
    QAccessibleInterface* requestIdIface = QAccessible::queryAccessibleInterface(requestId);
    QCOMPARE(requestIdIface->text(QAccessible::Description),
             fb.board.task(fb.board.keys().first())->requestId);
    // Every focusable control of the window has a name (its own, its text, or its label's).
    for (QWidget* w : window.findChildren<QWidget*>()) {
        if (!w->isVisible() || w->focusPolicy() == Qt::NoFocus || w->focusProxy())
            continue;
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
        QVERIFY(iface);
        QString name = iface->text(QAccessible::Name);
        const auto labels = iface->relations(QAccessible::Label);
        for (const auto& [label, relation] : labels)
            name += label->text(QAccessible::Name);
        QVERIFY2(!name.isEmpty(),
                 qPrintable(w->objectName() + QLatin1Char(' ') + w->metaObject()->className()));
    }

    // The Add dialog's text field: named and labelled by its instruction.
    ui::AddTasksDialog dialog;
    auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("addTasksText"));
    QCOMPARE(accessibleName(text), QStringLiteral("Task IDs"));
    QAccessibleInterface* textIface = QAccessible::queryAccessibleInterface(text);
    bool labelled = false;
    for (const auto& [label, relation] : textIface->relations(QAccessible::Label))
        labelled = labelled || label->object() == dialog.findChild<QLabel*>(QStringLiteral("addTasksIntro"));
    QVERIFY(labelled);
}

void TestMainWindow::statusChangesAreAnnounced() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    QSignalSpy announced(ui::Announcer::instance(), &ui::Announcer::announced);
    window.addTaskText(QStringLiteral("%1\n").arg(idFor(1)));
    QVERIFY(!announced.isEmpty());
    QCOMPARE(announced.last().at(1).toString(), window.reportText());
    announced.clear();
    selectFirstRow(window);
    QCOMPARE(window.selectedKeys().size(), 1);
    window.removeSelected();
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.at(0).at(0).value<QWidget*>(), window.statusBar());
    QVERIFY2(announced.at(0).at(1).toString().startsWith(QLatin1String("Tasks removed: 1")),
             qPrintable(announced.at(0).at(1).toString()));
    // The status bar is the live region: its accessible name is the message, then "Status" again.
    QCOMPARE(accessibleName(window.statusBar()), announced.at(0).at(1).toString());
    window.statusBar()->clearMessage();
    QCOMPARE(accessibleName(window.statusBar()), QStringLiteral("Status"));

    // The Add dialog's live count.
    announced.clear();
    ui::AddTasksDialog dialog;
    dialog.setText(QStringLiteral("%1\n%2\n").arg(idFor(2), idFor(3)));
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.at(0).at(1).toString(), QStringLiteral("2 task ids found"));
    QCOMPARE(accessibleName(dialog.findChild<QLabel*>(QStringLiteral("addTasksCount"))),
             QStringLiteral("2 task ids found"));
}

void TestMainWindow::undoRemoveAndClearFinished() {
    QTemporaryDir dir;
    TaskStore store(dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY2(store.open(), qPrintable(store.lastError()));
    PausedBoard fb(&store);
    MainWindow window(&fb.board);
    showAndActivate(window);
    TaskState stopped = stateFor(3, std::nullopt, TaskPhase::Stopped);
    stopped.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
    fb.board.adopt({stateFor(1, QStringLiteral("RUNNING"), TaskPhase::Polling, QStringLiteral("working")),
                    stateFor(2, QStringLiteral("SUCCESS"), TaskPhase::Finished, QStringLiteral("done")),
                    stopped});
    auto* undo = window.findChild<QAction*>(QStringLiteral("undoRemoveAction"));
    QVERIFY(undo && !undo->isEnabled());

    // Del, then Ctrl+Z: the task is back with its state, in the store too.
    selectFirstRow(window);
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_Delete);
    QCOMPARE(window.model()->rowCount(), 2);
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("Ctrl+Z")),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(undo->isEnabled());
    QTest::keyClick(window.view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window.model()->rowCount(), 3);
    QCOMPARE(window.model()->stateOf(idFor(1))->info, std::optional<QString>(QStringLiteral("working")));
    QVERIFY(!undo->isEnabled());
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("put back: 1")));
    QCOMPARE(store.loadTasks().value().size(), 1); // the one put back (the adopted ones were never written)

    // Clear Finished removes the finished and the stopped task, and says that one had an error.
    window.clearFinished();
    QCOMPARE(window.model()->rowCount(), 1);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QLatin1String("cleared: 2")) &&
                 message.contains(QLatin1String("1 stopped by an error")),
             qPrintable(message));
    undo->trigger();
    QCOMPARE(window.model()->rowCount(), 3);
    QCOMPARE(window.model()->stateOf(idFor(3))->errorCode, stopped.errorCode);
    QCOMPARE(window.model()->stateOf(idFor(2))->status, std::optional<QString>(QStringLiteral("SUCCESS")));
}

void TestMainWindow::copyRowsInfoAndError() {
    PausedBoard fb;
    MainWindow window(&fb.board);
    showAndActivate(window);
    TaskState stopped = stateFor(2, std::nullopt, TaskPhase::Stopped, QStringLiteral("line 1\nline 2"));
    stopped.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
    stopped.errorMessage = QStringLiteral("The async task does not exist.");
    fb.board.adopt(
        {stateFor(1, QStringLiteral("RUNNING"), TaskPhase::Polling, QStringLiteral("a\tb")), stopped});
    window.view()->selectionModel()->select(
        QItemSelection(window.proxy()->index(0, 0), window.proxy()->index(1, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_C, Qt::ControlModifier | Qt::AltModifier);
    const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    int visible = 0;
    for (int c = 0; c < window.proxy()->columnCount(); ++c)
        visible += window.view()->isColumnHidden(c) ? 0 : 1;
    QCOMPARE(int(lines.at(0).count(QLatin1Char('\t'))), visible - 1); // one cell per visible column
    QVERIFY(lines.at(0).startsWith(idFor(1) + QLatin1Char('\t')));
    QVERIFY(lines.at(1).contains(stopped.errorCode));

    window.view()->selectionModel()->setCurrentIndex(
        window.proxy()->index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    window.findChild<QAction*>(QStringLiteral("copyInfoAction"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("line 1\nline 2"));
    window.findChild<QAction*>(QStringLiteral("copyErrorAction"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("InvalidParameter.InvalidAsyncRequestId: The async task does not exist."));

    // The details panel copies the current tab.
    ui::DetailsPanel* details = window.detailsPanel();
    auto* tabs = details->findChild<QTabWidget*>(QStringLiteral("detailsTabs"));
    tabs->setCurrentWidget(details->findChild<QPlainTextEdit*>(QStringLiteral("detailsInfo")));
    QApplication::clipboard()->clear();
    details->findChild<QToolButton*>(QStringLiteral("copyTabButton"))->click();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("line 1\nline 2"));
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Info copied")));
}

void TestMainWindow::screenshot() {
    QTemporaryDir storeDir;
    TaskStore store(storeDir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY2(store.open(), qPrintable(store.lastError()));
    for (int i = 0; i < 3; ++i) {
        HistoryEntry e;
        e.taskId = idFor(9);
        e.observedAt = QDateTime::currentDateTimeUtc().addSecs(-60 + 20 * i);
        e.status = i == 0 ? std::optional<QString>(QStringLiteral("INITIAL")) : std::nullopt;
        e.errorCode = i == 0 ? QString() : QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
        e.requestId = QStringLiteral("b8e1c4a2-5d3f-4e6a-9c7b-2f1e0d9a8b7c");
        QVERIFY(store.appendHistory(e));
    }
    PausedBoard fb(&store);
    MainWindow window(&fb.board);
    window.setDemoMode(true);
    window.resize(1280, 760);
    showAndActivate(window);
    TaskState retrying =
        stateFor(8, QStringLiteral("RUNNING"), TaskPhase::Retrying, QStringLiteral("data sync 64%"));
    retrying.errorCode = QStringLiteral("ServerNetworkError");
    retrying.httpStatus = 502;
    retrying.consecutiveFailures = 2;
    TaskState stopped = stateFor(9, std::nullopt, TaskPhase::Stopped);
    stopped.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
    stopped.errorMessage = QStringLiteral("The async task does not exist.");
    stopped.httpStatus = 200;
    stopped.lastRawResponse = R"({"Response":{"Error":{"Code":"InvalidParameter.InvalidAsyncRequestId",)"
                              R"("Message":"The async task does not exist."},)"
                              R"("RequestId":"b8e1c4a2-5d3f-4e6a-9c7b-2f1e0d9a8b7c"}})";
    stopped.requestId = QStringLiteral("b8e1c4a2-5d3f-4e6a-9c7b-2f1e0d9a8b7c");
    fb.board.adopt(
        {stateFor(0, QStringLiteral("SUCCESS"), TaskPhase::Finished,
                  QStringLiteral("Parameters modified successfully; instance cdb-8xk2m4pq restarted")),
         stateFor(
             1, QStringLiteral("RUNNING"), TaskPhase::Polling,
             QStringLiteral("Upgrade instance cdb-2jf7ws1k from 4C8G/200GB to 8C16G/400GB: data sync 64%")),
         stateFor(2, QStringLiteral("INITIAL"), TaskPhase::Polling,
                  QStringLiteral("Task created, waiting for scheduling")),
         stateFor(
             3, QStringLiteral("FAILED"), TaskPhase::Finished,
             QStringLiteral(
                 "Upgrade engine version 5.7 -> 8.0 failed: precheck found 3 tables without a primary key")),
         stateFor(4, QStringLiteral("KILLED"), TaskPhase::Finished,
                  QStringLiteral("Rollback stopped by the user")),
         stateFor(5, QStringLiteral("PAUSED"), TaskPhase::Polling,
                  QStringLiteral("Waiting for the switch window")),
         stateFor(6, QStringLiteral("UNDEFINED"), TaskPhase::Polling,
                  QStringLiteral("Waiting for the maintenance window")),
         stateFor(7, QStringLiteral("REMOVED"), TaskPhase::Finished, QStringLiteral("Task removed")),
         retrying, stopped, stateFor(10, QStringLiteral("MIGRATING"), TaskPhase::Polling, std::nullopt),
         stateFor(11, std::nullopt, TaskPhase::Waiting)});
    window.view()->selectRow(9);
    window.addTaskText(QStringLiteral("%1\nnot an id\n").arg(idFor(0))); // the report line, nothing new
    QCOMPARE(window.model()->rowCount(), 12);
    QCOMPARE(fb.scheduler()->inFlightCount(), 0);

    QCoreApplication::sendPostedEvents(); // let the layouts settle before grabbing
    QCoreApplication::processEvents();
    const QByteArray outDir = qgetenv("TASKWATCH_TEST_OUTPUT");
    const QString dir = outDir.isEmpty() ? QDir::tempPath() + QStringLiteral("/taskwatch-test-output")
                                         : QString::fromLocal8Bit(outDir);
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/mainwindow.png");
    const QPixmap shot = window.grab();
    QVERIFY(!shot.isNull());
    QVERIFY2(shot.save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));

    // The same window in a dark palette: the dark status colours are used.
    const QPalette saved = QApplication::palette();
    QApplication::setPalette(test::darkPalette());
    QTRY_VERIFY(window.model()->isDarkTheme());
    QCOMPARE(window.model()->index(0, TaskTableModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
             StatusStyle::color(StatusKey::Success, true));
    QCoreApplication::processEvents();
    QVERIFY(window.grab().save(dir + QStringLiteral("/mainwindow-dark.png")));
    QApplication::setPalette(saved);
    QTRY_VERIFY(!window.model()->isDarkTheme());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
