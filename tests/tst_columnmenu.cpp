// ColumnMenu and ColumnLayout through the main window (1600×1000 screen): at the default size every visible
// column fits (no horizontal scrolling) and Info has room; wider, Info takes the extra width (not the last
// column); a saved width or a bigger font never cuts an id, status, region or time; a width the user drags is
// kept until "Fit Widths to Content"; the header menu hides and shows columns, remembered; the RequestId
// column is hidden until shown; columns hidden while empty follow the rows shown and their changes.
#include "FakeTaskList.h"
#include "TaskBoard.h"
#include "model/TaskFilterProxyModel.h"
#include "model/TaskTableModel.h"
#include "task/TaskState.h"
#include "window/ColumnLayout.h"
#include "window/ColumnMenu.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QScreen>
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
    void draggedWidthsAreKeptUntilFitted();
    void headerMenuHidesAndRemembers();
    void hiddenWhileEmptyFollowsTheRows();
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
    QCOMPARE(window.size(),
             MainWindow::defaultGeometry(QGuiApplication::primaryScreen()->availableGeometry()).size());
    board.adopt(realisticTasks());
    QTest::qWait(50); // the content columns are measured after the rows came
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
    QVERIFY2(header->sectionSize(TaskTableModel::InfoColumn) >= 0.3 * view->viewport()->width(),
             qPrintable(QString::number(header->sectionSize(TaskTableModel::InfoColumn))));
    for (int column : kContentColumns)
        QVERIFY2(header->sectionSize(column) >=
                     static_cast<QAbstractItemView*>(view)->sizeHintForColumn(column),
                 qPrintable(QString::number(column)));
    const int info = header->sectionSize(TaskTableModel::InfoColumn);
    QHash<int, int> content;
    for (int column : kContentColumns)
        content.insert(column, header->sectionSize(column));

    // Wider: Info takes the extra width; the columns that fit their content keep it.
    window.resize(window.width() + 800, window.height());
    QTRY_VERIFY(header->sectionSize(TaskTableModel::InfoColumn) > info + 500);
    for (int column : kContentColumns)
        QCOMPARE(header->sectionSize(column), content.value(column));
    // And narrower again: the same share as before.
    window.resize(window.width() - 800, window.height());
    QTRY_COMPARE(header->sectionSize(TaskTableModel::InfoColumn), info);
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

// A width the user drags is theirs, remembered by column name; a content column never goes below its content
// even then; "Fit Widths to Content" forgets them.
void TestColumnMenu::draggedWidthsAreKeptUntilFitted() {
    {
        TaskBoard board(nullptr);
        board.adopt(realisticTasks());
        MainWindow window(&board);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        QHeaderView* header = window.view()->horizontalHeader();
        header->resizeSection(TaskTableModel::ErrorColumn, 333); // as a drag does
        header->resizeSection(TaskTableModel::RegionColumn, 10);
        QCOMPARE(window.columnMenu()->layout()->userWidths().value(TaskTableModel::ErrorColumn), 333);
        window.columnMenu()->layout()->fit();
        QCOMPARE(header->sectionSize(TaskTableModel::ErrorColumn), 333);
        QVERIFY(header->sectionSize(TaskTableModel::RegionColumn) >=
                window.columnMenu()->contentMinimum(TaskTableModel::RegionColumn));
    }
    QCOMPARE(QSettings()
                 .value(QStringLiteral("mainWindow/columnWidths"))
                 .toMap()
                 .value(QStringLiteral("ErrorColumn")),
             QVariant(333));
    TaskBoard board(nullptr);
    board.adopt(realisticTasks());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);
    QHeaderView* header = window.view()->horizontalHeader();
    QCOMPARE(header->sectionSize(TaskTableModel::ErrorColumn), 333);
    QMenu* menu = window.columnMenu()->menu();
    emit menu->aboutToShow();
    QAction* fit = nullptr;
    for (QAction* action : menu->actions())
        fit = action->objectName() == QLatin1String("fitColumnWidthsAction") ? action : fit;
    QVERIFY(fit);
    QVERIFY(fit->isEnabled());
    fit->trigger();
    QVERIFY(window.columnMenu()->layout()->userWidths().isEmpty());
    QVERIFY(header->sectionSize(TaskTableModel::ErrorColumn) < 333);
    QVERIFY(!QSettings().contains(QStringLiteral("mainWindow/columnWidths")));
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
            if (action->isSeparator())
                continue;
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

// The columns hidden while empty: shown while a row of the view's model has a value in them (also when a
// change fills one), hidden again when the rows with values leave the view.
void TestColumnMenu::hiddenWhileEmptyFollowsTheRows() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    TaskFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    ColumnMenu columns(&view);
    columns.setHiddenWhileEmpty({TaskTableModel::TypeColumn, TaskTableModel::EndedColumn});
    view.resize(1200, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.isColumnHidden(TaskTableModel::TypeColumn));
    QList<TaskState> list = realisticTasks();
    tasks.upsertMany(list);
    QTRY_VERIFY(view.isColumnHidden(TaskTableModel::TypeColumn)); // pasted tasks: nothing to show
    // A change fills the column (DescribeTasks listed a task): shown at once.
    list[1].discovery.taskType = QStringLiteral("REBOOT");
    list[1].discovery.listedAt = QDateTime::currentDateTimeUtc();
    tasks.upsert(list.at(1));
    QVERIFY(!view.isColumnHidden(TaskTableModel::TypeColumn));
    QVERIFY(view.isColumnHidden(TaskTableModel::EndedColumn));
    emit columns.menu()->aboutToShow(); // not offered while empty
    QVERIFY(!columns.menu()->findChild<QAction*>(QStringLiteral("showColumn_EndedColumn")));
    QVERIFY(columns.menu()->findChild<QAction*>(QStringLiteral("showColumn_TypeColumn")));
    // The filter hides that row: the column goes, and comes back with it.
    proxy.setFilterText(list.at(0).id);
    QTRY_VERIFY(view.isColumnHidden(TaskTableModel::TypeColumn));
    proxy.setFilterText(QString());
    QTRY_VERIFY(!view.isColumnHidden(TaskTableModel::TypeColumn));
    // The user's choice wins over a value: hidden stays hidden.
    columns.setUserHidden(TaskTableModel::TypeColumn, true);
    QVERIFY(view.isColumnHidden(TaskTableModel::TypeColumn));
    columns.setUserHidden(TaskTableModel::TypeColumn, false);
    // The row leaves the model: hidden again.
    tasks.remove({list.at(1).id});
    QTRY_VERIFY(view.isColumnHidden(TaskTableModel::TypeColumn));
}

QTEST_MAIN(TestColumnMenu)
#include "tst_columnmenu.moc"
