// CloseGuard through the main window: closing with unfinished tasks asks once ("Quit and stop watching N
// tasks?"), Cancel keeps the window, "Don't ask again" is remembered; with "Close to Tray" (and a tray) the
// window hides and polling goes on; Quit never hides; nothing unfinished: no question.
#include "TaskBoard.h"
#include "task/TaskState.h"
#include "window/CloseGuard.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QtTest>
#include <functional>

using namespace taskwatch;
using taskwatch::ui::CloseGuard;
using taskwatch::ui::MainWindow;

namespace {

TaskState task(int n, const QString& status, TaskPhase phase) {
    TaskState s;
    s.id = QStringLiteral("%1-8fc96c86-2ec79ac8-cb63a7a7").arg(n, 8, 16, QLatin1Char('0'));
    s.region = QStringLiteral("ap-guangzhou");
    s.status = status;
    s.phase = phase;
    return s;
}

// Answers the next close confirmation with `answer` (after looking at it); counts the questions.
struct Answerer {
    int asked = 0;
    QString text;
    std::function<void(QMessageBox*)> answer;
    QTimer timer;
    Answerer() {
        timer.setInterval(10);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("closeConfirmation") || !box->isVisible())
                return;
            ++asked;
            text = box->text();
            answer(box);
        });
        timer.start();
    }
};

void clickQuit(QMessageBox* box, bool dontAskAgain) {
    box->checkBox()->setChecked(dontAskAgain);
    box->findChild<QPushButton*>(QStringLiteral("confirmQuitButton"))->click();
}

} // namespace

class TestCloseGuard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void nothingUnfinishedClosesWithoutAsking();
    void asksOnceAndRemembersDontAskAgain();
    void closeToTrayHidesAndQuitDoesNot();
    void closeToTrayWithoutTrayAsks();
};

void TestCloseGuard::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_closeguard"));
}

void TestCloseGuard::init() {
    QSettings().clear();
}

void TestCloseGuard::nothingUnfinishedClosesWithoutAsking() {
    TaskBoard board(nullptr);
    board.adopt({task(1, QStringLiteral("SUCCESS"), TaskPhase::Finished)});
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Answerer answerer;
    answerer.answer = [](QMessageBox* box) { box->reject(); };
    QVERIFY(window.close());
    QCOMPARE(answerer.asked, 0);
    QVERIFY(!window.isVisible());
}

void TestCloseGuard::asksOnceAndRemembersDontAskAgain() {
    TaskBoard board(nullptr);
    board.adopt({task(1, QStringLiteral("RUNNING"), TaskPhase::Polling),
                 task(2, QStringLiteral("INITIAL"), TaskPhase::Polling),
                 task(3, QStringLiteral("SUCCESS"), TaskPhase::Finished)});
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* confirmAction = window.findChild<QAction*>(QStringLiteral("confirmQuitAction"));
    QVERIFY(confirmAction && confirmAction->isChecked());

    Answerer answerer;
    answerer.answer = [](QMessageBox* box) { box->findChild<QCheckBox*>()->setChecked(true), box->reject(); };
    QVERIFY(!window.close()); // Cancel: the window stays, "don't ask again" is not taken
    QCOMPARE(answerer.asked, 1);
    QVERIFY2(answerer.text.contains(QLatin1String("2 task")), qPrintable(answerer.text));
    QVERIFY(window.isVisible());
    QVERIFY(window.closeGuard()->confirms());

    answerer.answer = [](QMessageBox* box) { clickQuit(box, true); };
    QVERIFY(window.close());
    QCOMPARE(answerer.asked, 2);
    QVERIFY(!window.isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("closing/confirm")).toBool(), false);
    QVERIFY(!confirmAction->isChecked());

    // Remembered: the next window closes without a question.
    MainWindow again(&board);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(!again.findChild<QAction*>(QStringLiteral("confirmQuitAction"))->isChecked());
    QVERIFY(again.close());
    QCOMPARE(answerer.asked, 2);
}

void TestCloseGuard::closeToTrayHidesAndQuitDoesNot() {
    TaskBoard board(nullptr);
    board.adopt({task(1, QStringLiteral("RUNNING"), TaskPhase::Polling)});
    MainWindow window(&board);
    window.closeGuard()->setTrayAvailability([] { return true; });
    window.findChild<QAction*>(QStringLiteral("closeToTrayAction"))->setChecked(true);
    QCOMPARE(QSettings().value(QStringLiteral("closing/toTray")).toBool(), true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Answerer answerer;
    answerer.answer = [](QMessageBox* box) { clickQuit(box, false); };

    QVERIFY(!window.close()); // hidden, not closed: polling goes on
    QCOMPARE(answerer.asked, 0);
    QVERIFY(!window.isVisible());
    QVERIFY(window.closeGuard()->trayIcon());
    QCOMPARE(board.count(), 1);

    // Quit from the tray: asks (tasks are unfinished), then really closes.
    emit window.closeGuard()->quitRequested();
    QCOMPARE(answerer.asked, 1);
    QVERIFY(!window.isVisible());

    // Quit while shown: closes (asks), never hides.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QAction*>(QStringLiteral("quitAction"))->trigger();
    QCOMPARE(answerer.asked, 2);
    QVERIFY(!window.isVisible());
}

void TestCloseGuard::closeToTrayWithoutTrayAsks() {
    TaskBoard board(nullptr);
    board.adopt({task(1, QStringLiteral("RUNNING"), TaskPhase::Polling)});
    MainWindow window(&board);
    window.closeGuard()->setTrayAvailability([] { return false; });
    window.closeGuard()->setHidesToTray(true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Answerer answerer;
    answerer.answer = [](QMessageBox* box) { box->reject(); };
    QVERIFY(!window.close());
    QCOMPARE(answerer.asked, 1); // no tray to hide in: the question instead
    QVERIFY(window.isVisible());
}

QTEST_MAIN(TestCloseGuard)
#include "tst_closeguard.moc"
