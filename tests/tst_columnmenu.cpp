// ColumnMenu through the main window: at the default size every visible column fits (no horizontal
// scrolling) and Info has room; maximised, Info takes the extra width (not the last column); a saved width
// or a bigger font never cuts an id, status, region or time; the header menu hides and shows columns,
// remembered; the RequestId column is hidden until shown.
#include "TaskBoard.h"
#include "model/TaskTableModel.h"
#include "task/TaskState.h"
#include "window/ColumnMenu.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace taskwatch;
using taskwatch::ui::ColumnMenu;
using taskwatch::ui::MainWindow;

namespace {

QList<TaskState> realisticTasks() {
    QList<TaskState> tasks;
    const QStringList statuses{QStringLiteral("SUCCESS"), QStringLiteral("RUNNING"), QStringLiteral("FAILED"),
                               QStringLiteral("INITIAL"), QStringLiteral("UNDEFINED")};
    for (int n = 0; n < statuses.size(); ++n) {
        TaskState s;
        s.id = QStringLiteral("%1-8fc96c86-2ec79ac8-cb63a7a7").arg(n, 8, 16, QLatin1Char('0'));
        s.region = n == 0 ? QStringLiteral("ap-shanghai-fsi") : QStringLiteral("ap-guangzhou");
        s.status = statuses.at(n);
        s.phase = n == 1 || n == 3 ? TaskPhase::Polling : TaskPhase::Finished;
        s.info =
            QStringLiteral("Upgrade instance cdb-2jf7ws1k from 4C8G/200GB to 8C16G/400GB: data sync 64%");
        s.addedAt = QDateTime::currentDateTimeUtc().addSecs(-3 * 86400);
        s.lastCheckedAt = QDateTime::currentDateTimeUtc().addSecs(-2 * 86400);
        s.requestId = QStringLiteral("faae8d6a-38fb-44de-988e-5a0e78aba4a7");
        if (s.phase == TaskPhase::Finished)
            s.finishedAt = s.addedAt.addSecs(86400 + 3723);
        tasks << s;
    }
    TaskState error = tasks.at(1);
    error.id = QStringLiteral("00000009-8fc96c86-2ec79ac8-cb63a7a7");
    error.phase = TaskPhase::Stopped;
    error.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
    tasks << error;
    return tasks;
}

const QList<int> kContentColumns{TaskTableModel::IdColumn, TaskTableModel::RegionColumn,
                                 TaskTableModel::StatusColumn, TaskTableModel::LastCheckedColumn,
                                 TaskTableModel::ElapsedColumn};

} // namespace

class TestColumnMenu : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void defaultAndMaximisedSizes();
    void savedWidthsAndFontChangesNeverCut();
    void headerMenuHidesAndRemembers();
};

void TestColumnMenu::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_columnmenu"));
}

void TestColumnMenu::init() {
    QSettings().clear();
}

void TestColumnMenu::defaultAndMaximisedSizes() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1000, 640)); // the default size
    board.adopt(realisticTasks());
    QTest::qWait(50); // the content columns grow after the rows came
    QTableView* view = window.view();
    QHeaderView* header = view->horizontalHeader();
    QVERIFY(view->isColumnHidden(TaskTableModel::RequestIdColumn)); // in the details panel
    QVERIFY(!view->isColumnHidden(TaskTableModel::ErrorColumn));
    QCOMPARE(header->sectionResizeMode(TaskTableModel::InfoColumn), QHeaderView::Stretch);
    QVERIFY(!header->stretchLastSection());
    // Everything visible fits: no horizontal scrolling, the Error column is on screen, Info has room.
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    const int errorRight = header->sectionViewportPosition(TaskTableModel::ErrorColumn) +
                           header->sectionSize(TaskTableModel::ErrorColumn);
    QVERIFY2(errorRight <= view->viewport()->width(), qPrintable(QString::number(errorRight)));
    QVERIFY2(header->sectionSize(TaskTableModel::InfoColumn) >= 120,
             qPrintable(QString::number(header->sectionSize(TaskTableModel::InfoColumn))));
    for (int column : kContentColumns)
        QVERIFY2(header->sectionSize(column) >=
                     static_cast<QAbstractItemView*>(view)->sizeHintForColumn(column),
                 qPrintable(QString::number(column)));
    const int info = header->sectionSize(TaskTableModel::InfoColumn);
    const int error = header->sectionSize(TaskTableModel::ErrorColumn);

    // Maximised: Info takes the extra width, the last column keeps its own.
    window.resize(1920, 1040);
    QTRY_VERIFY(header->sectionSize(TaskTableModel::InfoColumn) > info + 800);
    QCOMPARE(header->sectionSize(TaskTableModel::ErrorColumn), error);
}

void TestColumnMenu::savedWidthsAndFontChangesNeverCut() {
    {
        TaskBoard board(nullptr);
        MainWindow window(&board);
        window.view()->setColumnWidth(TaskTableModel::IdColumn, 30);
        window.view()->setColumnWidth(TaskTableModel::StatusColumn, 20);
        window.saveSettings();
    }
    TaskBoard board(nullptr);
    board.adopt(realisticTasks());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView* view = window.view();
    QTest::qWait(50);
    for (int column : kContentColumns)
        QVERIFY2(view->columnWidth(column) >=
                     static_cast<QAbstractItemView*>(view)->sizeHintForColumn(column),
                 qPrintable(QString::number(column)));

    // A bigger font: still nothing cut.
    const int before = view->columnWidth(TaskTableModel::StatusColumn);
    QFont big = view->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    view->setFont(big);
    QTRY_VERIFY(view->columnWidth(TaskTableModel::StatusColumn) > before);
    for (int column : kContentColumns)
        QVERIFY2(view->columnWidth(column) >=
                     static_cast<QAbstractItemView*>(view)->sizeHintForColumn(column),
                 qPrintable(QString::number(column)));
}

void TestColumnMenu::headerMenuHidesAndRemembers() {
    {
        TaskBoard board(nullptr);
        MainWindow window(&board);
        QMenu* menu = window.columnMenu()->menu();
        emit menu->aboutToShow();
        QAction* error = menu->findChild<QAction*>(QStringLiteral("showColumn_ErrorColumn"));
        QAction* requestId = menu->findChild<QAction*>(QStringLiteral("showColumn_RequestIdColumn"));
        QAction* id = menu->findChild<QAction*>(QStringLiteral("showColumn_IdColumn"));
        QVERIFY(error && requestId && id);
        QVERIFY(!id->isEnabled()); // the id always stays
        QVERIFY(
            !menu->findChild<QAction*>(QStringLiteral("showColumn_ProfileColumn"))); // one profile: automatic
        QVERIFY(error->isChecked());
        QVERIFY(!requestId->isChecked());
        // Unique mnemonics.
        QSet<QChar> mnemonics;
        for (const QAction* action : menu->actions()) {
            const qsizetype amp = action->text().indexOf(QLatin1Char('&'));
            QVERIFY2(amp >= 0, qPrintable(action->text()));
            QVERIFY2(!mnemonics.contains(action->text().at(amp + 1).toLower()), qPrintable(action->text()));
            mnemonics.insert(action->text().at(amp + 1).toLower());
        }
        error->setChecked(false);
        requestId->setChecked(true);
        QVERIFY(window.view()->isColumnHidden(TaskTableModel::ErrorColumn));
        QVERIFY(!window.view()->isColumnHidden(TaskTableModel::RequestIdColumn));
        window.saveSettings();
    }
    QCOMPARE(QSettings().value(QStringLiteral("mainWindow/hiddenColumns")).toStringList(),
             QStringList{QStringLiteral("ErrorColumn")});
    TaskBoard board(nullptr);
    MainWindow window(&board);
    QVERIFY(window.view()->isColumnHidden(TaskTableModel::ErrorColumn));
    QVERIFY(!window.view()->isColumnHidden(TaskTableModel::RequestIdColumn));
    // The header's context menu is this menu.
    QCOMPARE(window.view()->horizontalHeader()->contextMenuPolicy(), Qt::CustomContextMenu);
}

QTEST_MAIN(TestColumnMenu)
#include "tst_columnmenu.moc"
