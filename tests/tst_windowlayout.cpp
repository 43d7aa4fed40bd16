// The main window on a 1600×1000 screen (the offscreen plugin's configuration, see CMakeLists.txt): the
// default geometry uses it; at the default size and maximised, with the discovery columns present, Info is
// whole and at least 30 % of the table and no column is cut; the discovery columns follow the rows the filter
// shows; Elapsed of a discovered task counts from its start; the details are a strip while nothing is
// selected; the region pickers show names; the timeline shares the table's selection both ways; the README's
// screenshots are taken from the demo; and a zh_CN run shows the new texts translated.
#include "DarkPalette.h"
#include "GuiApp.h"
#include "Language.h"
#include "TaskBoard.h"
#include "api/Regions.h"
#include "details/DetailsPanel.h"
#include "dialogs/AddTasksDialog.h"
#include "dialogs/DiscoverDialog.h"
#include "model/StatusStyle.h"
#include "model/TaskFilterProxyModel.h"
#include "model/TaskTableModel.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"
#include "window/ColumnLayout.h"
#include "window/ColumnMenu.h"
#include "window/MainWindow.h"
#include "window/TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace taskwatch;
using taskwatch::ui::MainWindow;

namespace {

const QSize kScreen(1600, 1000);

QString idFor(int n) {
    return QStringLiteral("%1-8fc96c86-2ec79ac8-cb63a7a7").arg(n, 8, 16, QLatin1Char('0'));
}

QDateTime minutesAgo(int minutes) {
    return QDateTime::currentDateTimeUtc().addSecs(-60 * minutes);
}

TaskState discoveredOn(int n, const QString& instance, const QString& name, const QString& type,
                       int startedMinutesAgo, int endedMinutesAgo, const QString& status,
                       const QString& info) {
    TaskState s;
    s.id = idFor(n);
    s.region = n % 2 ? QStringLiteral("ap-guangzhou") : QStringLiteral("ap-shanghai-fsi");
    s.addedAt = minutesAgo(2);
    s.status = status;
    s.info = info;
    s.phase = endedMinutesAgo >= 0 ? TaskPhase::Finished : TaskPhase::Polling;
    s.lastCheckedAt = minutesAgo(0);
    s.requestId = QStringLiteral("faae8d6a-38fb-44de-988e-5a0e78aba4%1").arg(n, 2, 10, QLatin1Char('0'));
    s.discovery.jobId = 2751300 + n;
    s.discovery.taskType = type;
    s.discovery.instanceIds = {instance};
    s.discovery.instanceName = name;
    s.discovery.progress = endedMinutesAgo >= 0 ? 100 : 55;
    s.discovery.startedAt = minutesAgo(startedMinutesAgo);
    if (endedMinutesAgo >= 0) {
        s.discovery.endedAt = minutesAgo(endedMinutesAgo);
        s.finishedAt = s.discovery.endedAt;
    }
    s.discovery.status = status;
    s.discovery.listedAt = minutesAgo(0);
    return s;
}

TaskState pasted(int n, const QString& status, const QString& info) {
    TaskState s;
    s.id = idFor(n);
    s.region = QStringLiteral("ap-guangzhou");
    s.addedAt = minutesAgo(20 - n);
    s.status = status;
    s.info = info;
    s.phase = status == QLatin1String("RUNNING") ? TaskPhase::Polling : TaskPhase::Finished;
    s.lastCheckedAt = minutesAgo(0);
    if (s.phase == TaskPhase::Finished)
        s.finishedAt = minutesAgo(1);
    return s;
}

// What a user of several instances sees: discovered tasks with long instance names and types, pasted tasks
// with long Info, and one stopped by an error.
QList<TaskState> mixedTasks() {
    QList<TaskState> tasks{
        discoveredOn(1, QStringLiteral("cdb-7q2m9x4k"), QStringLiteral("orders-primary"),
                     QStringLiteral("MODIFY PARAM"), 9, -1, QStringLiteral("RUNNING"),
                     QStringLiteral("Modifying parameters: innodb_buffer_pool_size, max_connections")),
        discoveredOn(2, QStringLiteral("cdb-2m8x5v1q"), QStringLiteral("billing-replica-eu-frankfurt"),
                     QStringLiteral("SWITCH DR TO MASTER"), 40, 12, QStringLiteral("SUCCESS"),
                     QStringLiteral("The disaster-recovery instance was promoted")),
        discoveredOn(3, QStringLiteral("cdb-9k4t6w2p"), QStringLiteral("analytics"),
                     QStringLiteral("UPGRADE MASTER"), 30, 5, QStringLiteral("FAILED"),
                     QStringLiteral("Upgrade engine version 5.7 -> 8.0 failed: precheck found 3 tables "
                                    "without a primary key")),
        pasted(4, QStringLiteral("RUNNING"),
               QStringLiteral("Upgrade instance cdb-2jf7ws1k from 4C8G/200GB to 8C16G/400GB: data sync 64%")),
        pasted(5, QStringLiteral("SUCCESS"), QStringLiteral("Dropped the database table successfully.")),
    };
    TaskState stopped = pasted(6, QStringLiteral("RUNNING"), QString());
    stopped.phase = TaskPhase::Stopped;
    stopped.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
    stopped.errorMessage = QStringLiteral("The async task does not exist.");
    tasks << stopped;
    return tasks;
}

const QList<int> kDiscoveryColumns{TaskTableModel::InstanceColumn, TaskTableModel::TypeColumn,
                                   TaskTableModel::ProgressColumn, TaskTableModel::StartedColumn,
                                   TaskTableModel::EndedColumn};

QString outputDir() {
    const QByteArray outDir = qgetenv("TASKWATCH_TEST_OUTPUT");
    const QString dir = outDir.isEmpty() ? QDir::tempPath() + QStringLiteral("/taskwatch-test-output")
                                         : QString::fromLocal8Bit(outDir);
    QDir().mkpath(dir);
    return dir;
}

bool hasHan(const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    }
    return false;
}

} // namespace

class TestWindowLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void defaultGeometryUsesTheScreen();
    void defaultGeometryOnOtherScreens();
    void columnsAtTheDefaultSize();
    void columnsMaximised();
    void discoveryColumnsFollowTheVisibleRows();
    void elapsedCountsFromTheStart();
    void detailsAreAStripWhileNothingIsSelected();
    void regionPickersShowNames();
    void timelineSharesTheSelection();
    void rateAveragesOverTheWindow();
    void screenshots();
    void chineseTexts(); // last: it installs the zh_CN translators

private:
    void verifyColumns(MainWindow& window, const QString& where);
    static void settle() {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
};

void TestWindowLayout::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowlayout"));
    // The screen comes from QT_QPA_PLATFORM=offscreen:configfile=…offscreen-1600x1000.json (ctest sets it).
    QVERIFY2(QGuiApplication::primaryScreen()->geometry().size() == kScreen,
             "run through ctest: the test needs the 1600x1000 offscreen screen");
}

void TestWindowLayout::init() {
    QSettings().clear();
}

// The first start uses most of the screen (remembered afterwards, as the user leaves it).
void TestWindowLayout::defaultGeometryUsesTheScreen() {
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    {
        TaskBoard board(nullptr);
        MainWindow window(&board);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.geometry(), MainWindow::defaultGeometry(available));
        QCOMPARE(window.size(), QSize(1440, 900));
        window.resize(1300, 820);
        window.close(); // saves
    }
    TaskBoard board(nullptr);
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1300, 820));
}

void TestWindowLayout::defaultGeometryOnOtherScreens() {
    // A small screen: all of it. A very large one: a generous window, not a wall. Always centred.
    QCOMPARE(MainWindow::defaultGeometry(QRect(0, 0, 1024, 600)).size(), QSize(1000, 600));
    QCOMPARE(MainWindow::defaultGeometry(QRect(0, 0, 800, 600)).size(), QSize(800, 600));
    QCOMPARE(MainWindow::defaultGeometry(QRect(0, 0, 3840, 2160)).size(), QSize(2200, 1400));
    const QRect second(1920, 0, 2560, 1440);
    QCOMPARE(MainWindow::defaultGeometry(second).center(), second.center());
}

// Info whole and at least 30 % of the table, every visible column inside the table (no horizontal scroll
// bar), the content columns at least as wide as their widest value and title, the text columns at least as
// wide as their title.
void TestWindowLayout::verifyColumns(MainWindow& window, const QString& where) {
    QTableView* view = window.view();
    QHeaderView* header = view->horizontalHeader();
    const int width = view->viewport()->width();
    QStringList widths;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            widths << QStringLiteral("%1 %2")
                          .arg(window.model()->headerData(column, Qt::Horizontal).toString())
                          .arg(header->sectionSize(column));
    }
    const QByteArray context = (where + QLatin1String(": ") + widths.join(QLatin1String(", "))).toUtf8();
    qInfo("%s of %d", context.constData(), width);
    for (int column : kDiscoveryColumns)
        QVERIFY2(!view->isColumnHidden(column), context.constData());
    QVERIFY2(view->horizontalScrollBar()->maximum() == 0, context.constData());
    const int info = header->sectionSize(TaskTableModel::InfoColumn);
    const int infoLeft = header->sectionViewportPosition(TaskTableModel::InfoColumn);
    QVERIFY2(
        infoLeft >= 0 && infoLeft + info <= width,
        qPrintable(where + QStringLiteral(": Info at %1 + %2 of %3").arg(infoLeft).arg(info).arg(width)));
    // Info keeps at least 30 % of the width, 28 % while the Product column (tasks of several products) takes
    // its ~60 px too.
    const double share = view->isColumnHidden(TaskTableModel::ProductColumn) ? 0.3 : 0.28;
    QVERIFY2(info >= share * width, qPrintable(where + QStringLiteral(": Info %1 px of %2 (%3 %)")
                                                           .arg(info)
                                                           .arg(width)
                                                           .arg(100.0 * info / width, 0, 'f', 1)));
    const ui::ColumnLayout* layout = window.columnMenu()->layout();
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        const QString name = window.model()->headerData(column, Qt::Horizontal).toString();
        const int left = header->sectionViewportPosition(column);
        const int size = header->sectionSize(column);
        QVERIFY2(left >= 0 && left + size <= width, qPrintable(where + QLatin1String(": cut: ") + name));
        const int title = header->fontMetrics().horizontalAdvance(name);
        QVERIFY2(size >= title, qPrintable(where + QLatin1String(": title cut: ") + name));
        if (ui::ColumnLayout::kindOf(column) == ui::ColumnLayout::Kind::Content) {
            QVERIFY2(size >= layout->contentMinimum(column), qPrintable(where + QLatin1String(": ") + name));
            QVERIFY2(size >= static_cast<QAbstractItemView*>(view)->sizeHintForColumn(column),
                     qPrintable(where + QLatin1String(": value cut: ") + name));
        }
    }
}

void TestWindowLayout::columnsAtTheDefaultSize() {
    TaskBoard board(nullptr);
    board.adopt(mixedTasks());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1440, 900));
    settle();
    QTRY_VERIFY(!window.view()->isColumnHidden(TaskTableModel::EndedColumn));
    settle();
    verifyColumns(window, QStringLiteral("default size"));
}

void TestWindowLayout::columnsMaximised() {
    TaskBoard board(nullptr);
    board.adopt(mixedTasks());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    settle();
    const QHeaderView* header = window.view()->horizontalHeader();
    const int infoBefore = header->sectionSize(TaskTableModel::InfoColumn);
    const int instanceBefore = header->sectionSize(TaskTableModel::InstanceColumn);
    window.showMaximized();
    QTRY_VERIFY(window.windowState() & Qt::WindowMaximized);
    QTRY_VERIFY(window.width() >= kScreen.width() - 10);
    settle();
    verifyColumns(window, QStringLiteral("maximised"));
    // The extra width is shared by Info and the texts cut before, never by the columns that fit already.
    QVERIFY(header->sectionSize(TaskTableModel::InfoColumn) > infoBefore);
    QVERIFY(header->sectionSize(TaskTableModel::InstanceColumn) >= instanceBefore);
    window.showNormal();
    QTRY_VERIFY(!(window.windowState() & Qt::WindowMaximized));
    settle();
    QTRY_COMPARE(header->sectionSize(TaskTableModel::InfoColumn), infoBefore);
}

// The discovery columns are there while a row the filter shows has a value in them; hidden, they give their
// room to Info.
void TestWindowLayout::discoveryColumnsFollowTheVisibleRows() {
    TaskBoard board(nullptr);
    board.adopt(mixedTasks());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView* view = window.view();
    const QHeaderView* header = view->horizontalHeader();
    QTRY_VERIFY(!view->isColumnHidden(TaskTableModel::InstanceColumn));
    settle();
    const int infoWithDiscovery = header->sectionSize(TaskTableModel::InfoColumn);
    auto* filter = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    filter->setText(QStringLiteral("data sync")); // only the pasted task 4
    QCOMPARE(window.proxy()->rowCount(), 1);
    for (int column : kDiscoveryColumns)
        QTRY_VERIFY2(view->isColumnHidden(column), qPrintable(QString::number(column)));
    settle();
    QVERIFY2(header->sectionSize(TaskTableModel::InfoColumn) > infoWithDiscovery + 200,
             qPrintable(QString::number(header->sectionSize(TaskTableModel::InfoColumn))));
    // The running discovered task only: everything but Ended (it has not ended).
    filter->setText(QStringLiteral("innodb"));
    QTRY_VERIFY(!view->isColumnHidden(TaskTableModel::InstanceColumn));
    QVERIFY(!view->isColumnHidden(TaskTableModel::ProgressColumn));
    QVERIFY(view->isColumnHidden(TaskTableModel::EndedColumn));
    filter->clear();
    QTRY_VERIFY(!view->isColumnHidden(TaskTableModel::EndedColumn));
}

// A task discovered 2½ minutes after it started shows 2:30, not the time since the window found it.
void TestWindowLayout::elapsedCountsFromTheStart() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TaskState found = mixedTasks().at(0);
    found.discovery.startedAt = QDateTime::currentDateTimeUtc().addSecs(-150);
    found.addedAt = QDateTime::currentDateTimeUtc();
    board.adopt({found});
    const QModelIndex elapsed = window.proxy()->index(0, TaskTableModel::ElapsedColumn);
    const QString text = elapsed.data().toString();
    QVERIFY2(text == QLatin1String("2:30") || text == QLatin1String("2:31"), qPrintable(text));
    QVERIFY2(elapsed.data(Qt::ToolTipRole).toString().contains(QLatin1String("task's start")),
             qPrintable(elapsed.data(Qt::ToolTipRole).toString()));
}

// Nothing selected: the details are one line and the tasks have the room; a selection brings them back at
// the height they had.
void TestWindowLayout::detailsAreAStripWhileNothingIsSelected() {
    TaskBoard board(nullptr);
    board.adopt(mixedTasks());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    settle();
    ui::DetailsPanel* details = window.detailsPanel();
    QVERIFY(window.isDetailsCollapsed());
    QVERIFY2(details->height() <= details->stripHeight(), qPrintable(QString::number(details->height())));
    QVERIFY(details->findChild<QWidget*>(QStringLiteral("detailsPlaceholder"))->isVisible());
    const int tableAlone = window.viewTabs()->height();
    QVERIFY2(tableAlone > 600, qPrintable(QString::number(tableAlone)));

    window.view()->selectRow(0);
    settle();
    QVERIFY(!window.isDetailsCollapsed());
    QVERIFY2(details->height() > 200, qPrintable(QString::number(details->height())));
    QVERIFY(window.viewTabs()->height() < tableAlone - 150);
    // The user makes the details taller; after a deselection and a new selection it is that height again.
    auto* splitter = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
    const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
    splitter->setSizes({total - 420, 420});
    settle();
    window.view()->selectionModel()->clear();
    settle();
    QVERIFY(window.isDetailsCollapsed());
    QVERIFY(details->height() <= details->stripHeight());
    window.view()->selectRow(1);
    settle();
    QCOMPARE(splitter->sizes().value(1), 420);
    // Remembered for the next start.
    window.saveSettings();
    QCOMPARE(QSettings().value(QStringLiteral("mainWindow/detailsHeight")).toInt(), 420);
}

// Every region picker lists the regions by name and id, and gives back the id.
void TestWindowLayout::regionPickersShowNames() {
    ui::AddTasksDialog add;
    auto* combo = add.findChild<QComboBox*>(QStringLiteral("addTasksRegion"));
    QVERIFY(combo);
    const int tokyo = combo->findData(QStringLiteral("ap-tokyo"));
    QVERIFY(tokyo >= 0);
    QCOMPARE(combo->itemText(tokyo), QStringLiteral("Tokyo (ap-tokyo)"));
    QCOMPARE(combo->currentText(), QStringLiteral("Guangzhou (ap-guangzhou)")); // the default
    combo->setCurrentIndex(tokyo);
    QCOMPARE(add.region(), QStringLiteral("ap-tokyo"));
    add.setRegion(QStringLiteral("ap-newplace")); // newer than the list: as typed
    QCOMPARE(add.region(), QStringLiteral("ap-newplace"));

    ui::DiscoverDialog discover;
    auto* list = discover.findChild<QListWidget*>(QStringLiteral("discoverRegions"));
    QVERIFY(list);
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts << list->item(i)->text();
    QVERIFY2(texts.contains(QStringLiteral("Silicon Valley (na-siliconvalley)")),
             qPrintable(texts.join(',')));
    QVERIFY(texts.contains(QStringLiteral("Shanghai Finance (ap-shanghai-fsi)")));
    discover.setRegions({QStringLiteral("ap-shanghai"), QStringLiteral("na-siliconvalley")});
    QCOMPARE(discover.regions(),
             (QStringList{QStringLiteral("ap-shanghai"), QStringLiteral("na-siliconvalley")}));
}

// View → Timeline shows the same tasks; a bar clicked is the table's and the details' task, a row selected
// in the table is the timeline's selected bar; the choice of view is remembered.
void TestWindowLayout::timelineSharesTheSelection() {
    {
        TaskBoard board(nullptr);
        board.adopt(mixedTasks());
        MainWindow window(&board);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.isTimelineShown());
        ui::TimelineView* timeline = window.timeline();
        window.view()->setFocus();
        QTest::keyClick(window.view(), Qt::Key_2, Qt::ControlModifier); // View → Timeline
        QVERIFY(window.isTimelineShown());
        QVERIFY(timeline->isVisible());
        QVERIFY(window.findChild<QAction*>(QStringLiteral("timelineViewAction"))->isChecked());
        QTRY_VERIFY(timeline->hasFocus());
        // Every task of the model, in its instance's lane (three instances and the pasted tasks).
        QCOMPARE(timeline->layout().bars().size(), window.proxy()->rowCount());
        QCOMPARE(timeline->layout().lanes().size(), 4);
        for (const TimelineLayout::Bar& bar : timeline->layout().bars()) {
            const TaskState* state = board.task(bar.facts.key);
            QVERIFY(state);
            QCOMPARE(timeline->layout().lanes().at(bar.lane).id, state->discovery.instanceIds.value(0));
        }
        // A click on the failed upgrade: the table's current row, the details' task.
        const QString failedKey = taskKey(*window.model()->stateOf(idFor(3)));
        const int failed = timeline->layout().indexOfKey(failedKey);
        QVERIFY(failed >= 0);
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, Qt::NoModifier,
                          timeline->barRect(failed).center());
        QCOMPARE(window.selectedKeys(), QStringList{failedKey});
        QCOMPARE(window.detailsPanel()->taskId(), idFor(3));
        QVERIFY(!window.isDetailsCollapsed());
        // The table selects task 5: the timeline shows it selected.
        window.showTimeline(false);
        QVERIFY(!window.isTimelineShown());
        const QModelIndex five =
            window.proxy()->mapFromSource(window.model()->index(window.model()->rowOf(idFor(5)), 0));
        window.view()->selectRow(five.row());
        const int fiveBar = timeline->layout().indexOfKey(taskKey(*window.model()->stateOf(idFor(5))));
        QVERIFY(timeline->isBarSelected(fiveBar));
        QVERIFY(!timeline->isBarSelected(failed));
        QCOMPARE(timeline->focusedBar(), fiveBar);
        QCOMPARE(window.detailsPanel()->taskId(), idFor(5));
        // Keyboard in the timeline: Enter selects the bar the arrows moved to.
        window.showTimeline(true);
        timeline->setFocus();
        QTest::keyClick(timeline, Qt::Key_Home, Qt::ControlModifier);
        QTest::keyClick(timeline, Qt::Key_Return);
        QCOMPARE(window.selectedKeys(), QStringList{timeline->layout().bars().first().facts.key});
        // The filter applies to both.
        window.findChild<QLineEdit*>(QStringLiteral("filterEdit"))->setText(QStringLiteral("orders"));
        QCOMPARE(timeline->layout().bars().size(), 1);
        window.findChild<QLineEdit*>(QStringLiteral("filterEdit"))->clear();
        window.saveSettings();
    }
    TaskBoard board(nullptr);
    MainWindow window(&board);
    QVERIFY(window.isTimelineShown());
    QVERIFY(window.findChild<QAction*>(QStringLiteral("timelineViewAction"))->isChecked());
}

// The status bar's rate: the tick samples the last second, the label shows the average.
void TestWindowLayout::rateAveragesOverTheWindow() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    auto* label = window.findChild<QLabel*>(QStringLiteral("rateLabel"));
    QVERIFY(label);
    QVERIFY(label->toolTip().contains(QLatin1String("30 s")));
    QCOMPARE(label->text(), QStringLiteral("0.0 req/s"));
}

// The README's pictures, from the demo as `scripts/run` shows it to a new user: the table with discovered
// and pasted tasks, the timeline, and the dark theme.
void TestWindowLayout::screenshots() {
    ui::GuiOptions options;
    options.demo = true;
    ui::GuiApp app(options);
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->size(), QSize(1440, 900));
    // The demo discovers in two regions; then the first polls bring statuses and Info.
    QTRY_VERIFY_WITH_TIMEOUT(window->model()->rowCount() >= 12, 20000);
    const auto withInfo = [window] {
        int n = 0;
        for (int row = 0; row < window->model()->rowCount(); ++row)
            n += window->model()->index(row, TaskTableModel::InfoColumn).data().toString().isEmpty() ? 0 : 1;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(withInfo() >= 8, 20000);
    window->view()->sortByColumn(TaskTableModel::StartedColumn, Qt::DescendingOrder);
    window->view()->selectRow(1);
    QTest::qWait(1200); // the status bar's counts follow the one-second tick
    settle();
    verifyColumns(*window, QStringLiteral("demo"));
    const QString dir = outputDir();
    QVERIFY(window->grab().save(dir + QStringLiteral("/screenshot.png")));

    window->showTimeline(true);
    window->timeline()->zoomToFit();
    settle();
    QVERIFY(window->timeline()->layout().lanes().size() >= 3);
    QVERIFY(window->grab().save(dir + QStringLiteral("/screenshot-timeline.png")));
    window->showTimeline(false);

    const QPalette saved = QApplication::palette();
    QApplication::setPalette(test::darkPalette());
    QTRY_VERIFY(window->model()->isDarkTheme());
    settle();
    QVERIFY(window->grab().save(dir + QStringLiteral("/screenshot-dark.png")));
    QApplication::setPalette(saved);
    QTRY_VERIFY(!window->model()->isDarkTheme());
    qInfo("screenshots: %s", qPrintable(dir));
}

// Under zh_CN the new texts are Chinese: the views' tabs and menu entries, the timeline, region names, the
// rate's tooltip, the Elapsed tooltip.
void TestWindowLayout::chineseTexts() {
    Language::setConfigured(QStringLiteral("zh_CN"));
    Language::install();
    QVERIFY(hasHan(Regions::name(QStringLiteral("ap-guangzhou"))));
    const QString label = Regions::label(QStringLiteral("ap-guangzhou"));
    QVERIFY2(label.startsWith(Regions::name(QStringLiteral("ap-guangzhou"))) &&
                 label.contains(QLatin1String("ap-guangzhou")),
             qPrintable(label));
    QCOMPARE(Regions::fromText(label), QStringLiteral("ap-guangzhou"));
    TaskBoard board(nullptr);
    board.adopt(mixedTasks());
    MainWindow window(&board);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList texts{
        window.viewTabs()->tabText(0),
        window.viewTabs()->tabText(1),
        window.findChild<QAction*>(QStringLiteral("tableViewAction"))->text(),
        window.findChild<QAction*>(QStringLiteral("timelineViewAction"))->text(),
        window.timeline()->accessibleName(),
        window.findChild<QLabel*>(QStringLiteral("rateLabel"))->toolTip(),
        window.findChild<QAction*>(QStringLiteral("fitColumnWidthsAction"))->text(),
        window.timeline()->barDescription(0),
        window.timeline()->barToolTip(0),
        window.proxy()->index(0, TaskTableModel::ElapsedColumn).data(Qt::ToolTipRole).toString(),
        window.detailsPanel()->findChild<QLabel*>(QStringLiteral("detailsPlaceholder"))->text()};
    for (const QString& text : std::as_const(texts))
        QVERIFY2(hasHan(text), qPrintable(text));
    ui::DiscoverDialog discover;
    auto* list = discover.findChild<QListWidget*>(QStringLiteral("discoverRegions"));
    QVERIFY2(hasHan(list->item(0)->text()), qPrintable(list->item(0)->text()));

    // The demo's timeline in Chinese, for the README.
    ui::GuiOptions options;
    options.demo = true;
    ui::GuiApp app(options);
    QVERIFY(app.start());
    MainWindow* demo = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(demo));
    QTRY_VERIFY_WITH_TIMEOUT(demo->model()->rowCount() >= 20, 20000);
    demo->showTimeline(true);
    QVERIFY(hasHan(demo->viewTabs()->tabText(1)));
    QTest::qWait(1200); // the first polls and the status bar's counts
    settle();
    QVERIFY(demo->grab().save(outputDir() + QStringLiteral("/screenshot-timeline-zh_CN.png")));
    Language::setConfigured(QString());
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
