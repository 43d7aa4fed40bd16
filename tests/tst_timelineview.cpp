// TimelineView and TimelineLayout over the table's model: one lane per instance (and one for tasks without
// one), overlapping tasks on their own tracks, bars painted in their status' colour with its icon and text,
// zoom and scroll, the hover details, the selection shared with the table both ways, arrows and Enter, an
// accessible item per bar, running bars growing with the clock, and the filter's rows only.
#include "FakeTaskList.h"
#include "model/StatusStyle.h"
#include "model/TaskFilterProxyModel.h"
#include "model/TaskTableModel.h"
#include "model/TimelineLayout.h"
#include "platform/QtCompat.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"
#include "window/TimelineView.h"

#include <QAccessible>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QtTest>

using namespace taskwatch;
using taskwatch::ui::TimelineView;

namespace {

const QDateTime kT0 = compat::utcDateTime(QDate(2026, 3, 1), QTime(2, 0, 0));

QString idFor(int n) {
    return QStringLiteral("%1-8fc96c86-2ec79ac8-cb63a7a7").arg(n, 8, 16, QLatin1Char('0'));
}

// A task on `instance` (empty: none, as pasted) from kT0 + startMin to kT0 + endMin (-1: running).
TaskState taskOn(int n, const QString& instance, int startMin, int endMin, const QString& status) {
    TaskState s;
    s.id = idFor(n);
    s.region = QStringLiteral("ap-guangzhou");
    s.addedAt = kT0.addSecs(startMin * 60);
    s.status = status;
    s.phase = endMin >= 0 ? TaskPhase::Finished : TaskPhase::Polling;
    if (!instance.isEmpty()) {
        s.discovery.instanceIds = {instance};
        s.discovery.instanceName = instance == QLatin1String("cdb-aaaa1111")
                                       ? QStringLiteral("orders-primary")
                                       : QStringLiteral("billing-replica");
        s.discovery.startedAt = kT0.addSecs(startMin * 60);
        s.discovery.listedAt = kT0;
        s.discovery.taskType = QStringLiteral("MODIFY PARAM");
        if (endMin >= 0)
            s.discovery.endedAt = kT0.addSecs(endMin * 60);
    }
    if (endMin >= 0) {
        s.finishedAt = kT0.addSecs(endMin * 60);
        s.lastCheckedAt = s.finishedAt;
    }
    s.info = QStringLiteral("step %1").arg(n);
    return s;
}

const QString kA = QStringLiteral("cdb-aaaa1111");
const QString kB = QStringLiteral("cdb-bbbb2222");

// The night of a failure: on A a parameter change 0–30 min, a failed upgrade 10–50 min (overlapping), a
// backup 40–70 min (after the first ended: shares its track); on B a running task from 20 min; a pasted task
// without an instance 5–15 min.
QList<TaskState> night() {
    return {taskOn(1, kA, 0, 30, QStringLiteral("SUCCESS")), taskOn(2, kA, 10, 50, QStringLiteral("FAILED")),
            taskOn(3, kA, 40, 70, QStringLiteral("SUCCESS")),
            taskOn(4, kB, 20, -1, QStringLiteral("RUNNING")),
            taskOn(5, QString(), 5, 15, QStringLiteral("KILLED"))};
}

// `top` painted over `bottom` (the tints of StatusStyle are translucent).
QColor over(const QColor& top, const QColor& bottom) {
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

bool near(const QColor& a, const QColor& b) {
    return qAbs(a.red() - b.red()) <= 2 && qAbs(a.green() - b.green()) <= 2 && qAbs(a.blue() - b.blue()) <= 2;
}

struct Fixture {
    FakeTaskList tasks;
    TaskTableModel model;
    TaskFilterProxyModel proxy;
    QItemSelectionModel selection{&proxy};
    TimelineView view;
    qint64 now = kT0.addSecs(80 * 60).toMSecsSinceEpoch();

    Fixture() {
        model.setTaskList(&tasks);
        model.setClock([this] { return compat::utcFromMSecs(now); });
        proxy.setSourceModel(&model);
        view.setClock([this] { return now; });
        view.setModel(&proxy);
        view.setSelectionModel(&selection);
        view.resize(1200, 500);
        tasks.upsertMany(night());
    }
    int barOf(int n) const { return view.layout().indexOfKey(taskKey(QString(), idFor(n))); }
    int proxyRowOf(int n) const {
        for (int row = 0; row < proxy.rowCount(); ++row)
            if (proxy.index(row, 0).data(TaskTableModel::TaskIdRole).toString() == idFor(n))
                return row;
        return -1;
    }
};

} // namespace

class TestTimelineView : public QObject {
    Q_OBJECT
private slots:
    void lanesAndTracks();
    void barsArePaintedInTheirLanes();
    void zoomAndScroll();
    void hoverShowsTheTask();
    void clickSelectsAndSelectionIsShown();
    void keyboardMovesBetweenBarsAndSelects();
    void accessibleItemPerBar();
    void runningBarsGrowWithTheClock();
    void followsTheFilterAndChanges();
    void emptyTimelineSaysWhatToDo();
    void fitsWhenFirstShown();
    void paintsOnlyTheTracksInView();
};

// One lane per instance, by name, the tasks without one last; overlapping tasks on separate tracks, a task
// starting after another ended on the same track.
void TestTimelineView::lanesAndTracks() {
    Fixture f;
    const TimelineLayout& layout = f.view.layout();
    QCOMPARE(layout.bars().size(), 5);
    QCOMPARE(layout.lanes().size(), 3);
    QCOMPARE(layout.lanes().at(0).id, kB); // "billing-replica" before "orders-primary"
    QCOMPARE(layout.lanes().at(0).name, QStringLiteral("billing-replica"));
    QCOMPARE(layout.lanes().at(1).id, kA);
    QVERIFY(layout.lanes().at(2).id.isEmpty());
    QCOMPARE(layout.lanes().at(1).trackCount, 2);
    const auto bar = [&](int n) { return layout.bars().at(f.barOf(n)); };
    QCOMPARE(bar(1).lane, 1);
    QCOMPARE(bar(2).lane, 1);
    QVERIFY(bar(1).track != bar(2).track); // they overlap
    QCOMPARE(bar(3).track, bar(1).track);  // 40–70 after 0–30
    QCOMPARE(bar(4).lane, 0);
    QCOMPARE(bar(5).lane, 2);
    QCOMPARE(layout.trackCount(), 4);
    QCOMPARE(bar(4).facts.endMs, qint64(-1));
    QVERIFY(layout.anyRunning());
}

// The bars are drawn where the layout puts them: inside their lane's band, in their status' colour, from
// their start to their end.
void TestTimelineView::barsArePaintedInTheirLanes() {
    Fixture f;
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.view.zoomToFit();
    const QImage image = f.view.viewport()->grab().toImage();
    for (int n = 1; n <= 5; ++n) {
        const int index = f.barOf(n);
        const QRect rect = f.view.barRect(index);
        QVERIFY2(f.view.viewport()->rect().contains(rect), qPrintable(QString::number(n)));
        const TimelineLayout::Bar& bar = f.view.layout().bars().at(index);
        // Its vertical place: its track's row in its lane's band.
        const int expectedTop =
            f.view.axisHeight() + bar.track * f.view.trackHeight() + bar.lane * 6 + 2; // lane gap: 6 px
        QCOMPARE(rect.top(), expectedTop);
        // Its colour: a pixel inside, right of the icon and below the text, has the status' tint.
        const QColor inside = image.pixelColor(rect.right() - 2, rect.center().y());
        const QColor tint =
            over(StatusStyle::background(bar.facts.status, false), f.view.palette().color(QPalette::Base));
        QVERIFY2(near(inside, tint), qPrintable(inside.name() + QLatin1String(" for ") + tint.name()));
        const QColor border = image.pixelColor(rect.center().x(), rect.top());
        QCOMPARE(border, StatusStyle::color(bar.facts.status, false));
    }
    // Start and end on the time axis: task 2 (10–50 min) is 40 minutes wide, task 5 (5–15 min) 10.
    const double minutes2 = f.view.barRect(f.barOf(2)).width() * f.view.msPerPixel() / 60000.0;
    const double minutes5 = f.view.barRect(f.barOf(5)).width() * f.view.msPerPixel() / 60000.0;
    QVERIFY2(qAbs(minutes2 - 40) < 0.5, qPrintable(QString::number(minutes2)));
    QVERIFY2(qAbs(minutes5 - 10) < 0.5, qPrintable(QString::number(minutes5)));
}

void TestTimelineView::zoomAndScroll() {
    Fixture f;
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.view.zoomToFit();
    QCOMPARE(f.view.horizontalScrollBar()->maximum(), 0); // everything in view
    const double fit = f.view.msPerPixel();
    // Zooming in keeps the time under the pointer where it is.
    const QRect failed = f.view.barRect(f.barOf(2));
    const int anchor = failed.left() + 20;
    const qint64 before = f.view.leftTime() + qint64((anchor - f.view.labelWidth()) * f.view.msPerPixel());
    f.view.setMsPerPixel(fit / 8, anchor);
    QCOMPARE(f.view.msPerPixel(), fit / 8);
    const qint64 after = f.view.leftTime() + qint64((anchor - f.view.labelWidth()) * f.view.msPerPixel());
    QVERIFY2(qAbs(after - before) <= qint64(f.view.msPerPixel()) + 1,
             qPrintable(QString::number(after - before)));
    QVERIFY(f.view.horizontalScrollBar()->maximum() > 0);
    // Scrolling moves the time shown.
    const qint64 left = f.view.leftTime();
    f.view.horizontalScrollBar()->setValue(f.view.horizontalScrollBar()->value() + 100);
    const qint64 moved = f.view.leftTime() - left;
    QVERIFY2(qAbs(moved - qint64(100 * f.view.msPerPixel())) <= qint64(f.view.msPerPixel()),
             qPrintable(QString::number(moved)));
    // Keys: - zooms out, 0 fits again.
    QTest::keyClick(&f.view, Qt::Key_Minus);
    QVERIFY(f.view.msPerPixel() > fit / 8);
    QTest::keyClick(&f.view, Qt::Key_0);
    QCOMPARE(f.view.msPerPixel(), fit);
    // Ctrl+wheel zooms in around the pointer.
    QWheelEvent wheel(QPointF(anchor, 100), f.view.viewport()->mapToGlobal(QPointF(anchor, 100)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(f.view.viewport(), &wheel);
    QVERIFY(f.view.msPerPixel() < fit);
}

// Hovering a bar shows the task: id, status, instance, type, start, end, duration and Info.
void TestTimelineView::hoverShowsTheTask() {
    Fixture f;
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    const int failed = f.barOf(2);
    QCOMPARE(f.view.barAt(f.view.barRect(failed).center()), failed);
    QCOMPARE(f.view.barAt(QPoint(f.view.labelWidth() + 1, f.view.viewport()->height() - 2)), -1);
    const QString tip = f.view.barToolTip(failed);
    for (const QString& part :
         {idFor(2), QStringLiteral("Failed"), QStringLiteral("orders-primary (cdb-aaaa1111)"),
          QStringLiteral("Modify parameters"), QStringLiteral("Started:"), QStringLiteral("Ended:"),
          QStringLiteral("Duration: 40:00"), QStringLiteral("step 2")})
        QVERIFY2(tip.contains(part), qPrintable(part + QLatin1String(" in ") + tip));
    const QString pasted = f.view.barToolTip(f.barOf(5));
    QVERIFY2(pasted.contains(QLatin1String("its start is not known")), qPrintable(pasted));
    QVERIFY(f.view.barToolTip(f.barOf(4)).contains(QLatin1String("Still running")));
}

// A click selects the task in the shared selection model (the table's); a task made current elsewhere (the
// table) is the timeline's selected, focused bar, scrolled into view.
void TestTimelineView::clickSelectsAndSelectionIsShown() {
    Fixture f;
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    const int failed = f.barOf(2);
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, Qt::NoModifier, f.view.barRect(failed).center());
    QCOMPARE(f.selection.currentIndex().row(), f.proxyRowOf(2));
    QVERIFY(f.selection.isRowSelected(f.proxyRowOf(2), QModelIndex()));
    QCOMPARE(f.selection.selectedRows().size(), 1);
    QVERIFY(f.view.isBarSelected(failed));
    QCOMPARE(f.view.focusedBar(), failed);
    // Ctrl+click adds another.
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, Qt::ControlModifier,
                      f.view.barRect(f.barOf(4)).center());
    QCOMPARE(f.selection.selectedRows().size(), 2);

    // The other way: the table makes task 3 current while the timeline is zoomed in elsewhere.
    f.view.setMsPerPixel(200);
    f.view.scrollToTime(kT0.addSecs(-3600).toMSecsSinceEpoch());
    f.selection.setCurrentIndex(f.proxy.index(f.proxyRowOf(3), 0),
                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const int backup = f.barOf(3);
    QCOMPARE(f.view.focusedBar(), backup);
    QVERIFY(f.view.isBarSelected(backup));
    QVERIFY(!f.view.isBarSelected(failed));
    QVERIFY2(f.view.viewport()->rect().intersects(f.view.barRect(backup)), "scrolled to the selected task");
    // It is drawn selected: the highlight colour on its border.
    const QImage image = f.view.viewport()->grab().toImage();
    const QRect rect = f.view.barRect(backup);
    const QPoint onBorder(std::max(rect.left(), f.view.labelWidth()) + 6, rect.top());
    QCOMPARE(image.pixelColor(onBorder), f.view.palette().color(QPalette::Highlight));
}

// Arrows move a keyboard cursor between bars without selecting; Enter selects the bar under it.
void TestTimelineView::keyboardMovesBetweenBarsAndSelects() {
    Fixture f;
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.view.setFocus();
    f.selection.setCurrentIndex(f.proxy.index(f.proxyRowOf(1), 0),
                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(f.view.focusedBar(), f.barOf(1));
    QTest::keyClick(&f.view, Qt::Key_Right); // 0–30 → 40–70 on the same track
    QCOMPARE(f.view.focusedBar(), f.barOf(3));
    QCOMPARE(f.selection.currentIndex().row(), f.proxyRowOf(1)); // moving does not select
    QTest::keyClick(&f.view, Qt::Key_Left);
    QCOMPARE(f.view.focusedBar(), f.barOf(1));
    QTest::keyClick(&f.view, Qt::Key_Left); // the first of its track: stays
    QCOMPARE(f.view.focusedBar(), f.barOf(1));
    const int trackOf1 = f.view.layout().bars().at(f.barOf(1)).track;
    QTest::keyClick(&f.view, Qt::Key_Down); // the next track: the failed upgrade, overlapping in time
    QCOMPARE(f.view.layout().bars().at(f.view.focusedBar()).track, trackOf1 + 1);
    QCOMPARE(f.view.focusedBar(), f.barOf(2));
    QTest::keyClick(&f.view, Qt::Key_Down); // into the next lane: the pasted task
    QCOMPARE(f.view.focusedBar(), f.barOf(5));
    QTest::keyClick(&f.view, Qt::Key_Up);
    QTest::keyClick(&f.view, Qt::Key_Return);
    QCOMPARE(f.selection.currentIndex().row(), f.proxyRowOf(2));
    QVERIFY(f.selection.isRowSelected(f.proxyRowOf(2), QModelIndex()));
    QTest::keyClick(&f.view, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(f.view.focusedBar(), 0);
    QTest::keyClick(&f.view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(f.view.focusedBar(), int(f.view.layout().bars().size()) - 1);
}

// Screen readers: the timeline is a list with one item per bar, named with its status, id, instance and
// times; selected and focused states follow; pressing an item selects its task.
void TestTimelineView::accessibleItemPerBar() {
    Fixture f;
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    QAccessibleInterface* list = QAccessible::queryAccessibleInterface(&f.view);
    QVERIFY(list);
    QCOMPARE(list->role(), QAccessible::List);
    QCOMPARE(list->text(QAccessible::Name), QStringLiteral("Task timeline"));
    QCOMPARE(list->childCount(), 5);
    for (int i = 0; i < list->childCount(); ++i) {
        QAccessibleInterface* item = list->child(i);
        QVERIFY(item && item->isValid());
        QCOMPARE(item->role(), QAccessible::ListItem);
        QCOMPARE(list->indexOfChild(item), i);
        QCOMPARE(item->parent(), list);
        const TimelineFacts& facts = f.view.layout().bars().at(i).facts;
        const QString name = item->text(QAccessible::Name);
        QVERIFY2(name.contains(facts.id) && name.contains(facts.statusText), qPrintable(name));
    }
    QAccessibleInterface* failed = list->child(f.barOf(2));
    QVERIFY(failed->text(QAccessible::Name).contains(QLatin1String("orders-primary")));
    QVERIFY(!failed->state().selected);
    failed->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(f.selection.currentIndex().row(), f.proxyRowOf(2));
    QVERIFY(failed->state().selected);
    f.view.setFocus();
    QTRY_VERIFY(f.view.hasFocus());
    QCOMPARE(list->focusChild(), failed);
    QVERIFY(failed->state().focused);
    // Its place on screen is the bar's.
    QCOMPARE(failed->rect(), QRect(f.view.viewport()->mapToGlobal(f.view.barRect(f.barOf(2)).topLeft()),
                                   f.view.barRect(f.barOf(2)).size()));
    // A task leaving the timeline takes its item with it.
    f.tasks.remove({idFor(2)});
    QCOMPARE(list->childCount(), 4);
}

// A running task's bar ends at now, and grows as time passes.
void TestTimelineView::runningBarsGrowWithTheClock() {
    Fixture f;
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.view.setMsPerPixel(10000);
    const int running = f.barOf(4);
    const QRect before = f.view.barRect(running);
    QCOMPARE(f.view.layout().bars().at(running).end(f.now), f.now);
    f.now += 30 * 60 * 1000; // half an hour later
    const QRect after = f.view.barRect(running);
    QCOMPARE(after.left(), before.left());
    QVERIFY2(qAbs(after.width() - before.width() - 180) <= 1, qPrintable(QString::number(after.width())));
}

// The timeline shows the rows the table shows: the filter hides bars; a status change recolours in place, a
// task that ends is laid out again.
void TestTimelineView::followsTheFilterAndChanges() {
    Fixture f;
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    QCOMPARE(f.view.layout().bars().size(), 5);
    f.proxy.setHideFinished(true);
    QCOMPARE(f.view.layout().bars().size(), 1); // the running one
    f.proxy.setHideFinished(false);
    f.proxy.setFilterText(QStringLiteral("billing"));
    QCOMPARE(f.view.layout().bars().size(), 1);
    QCOMPARE(f.view.layout().lanes().size(), 1);
    f.proxy.setFilterText(QString());
    // Sorted: the same bars, each told its new row.
    f.proxy.sort(TaskTableModel::StatusColumn, Qt::DescendingOrder);
    QCOMPARE(f.view.layout().bars().size(), 5);
    for (const TimelineLayout::Bar& bar : f.view.layout().bars())
        QCOMPARE(f.proxy.index(bar.row, 0).data(TaskTableModel::TaskKeyRole).toString(), bar.facts.key);
    TaskState ended = taskOn(4, kB, 20, 75, QStringLiteral("SUCCESS"));
    f.tasks.upsert(ended);
    const TimelineLayout::Bar& bar = f.view.layout().bars().at(f.barOf(4));
    QCOMPARE(bar.facts.status, StatusKey::Success);
    QCOMPARE(bar.facts.endMs, kT0.addSecs(75 * 60).toMSecsSinceEpoch());
    QVERIFY(!f.view.layout().anyRunning());
    for (const TimelineLayout::Bar& b : f.view.layout().bars())
        QCOMPARE(f.proxy.index(b.row, 0).data(TaskTableModel::TaskKeyRole).toString(), b.facts.key);
}

void TestTimelineView::emptyTimelineSaysWhatToDo() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    TimelineView view;
    view.setModel(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.layout().bars().size(), 0);
    QCOMPARE(QAccessible::queryAccessibleInterface(&view)->childCount(), 0);
    // Nothing to draw but the sentence: the image is not blank.
    const QImage image = view.viewport()->grab().toImage();
    bool text = false;
    for (int y = 0; y < image.height() && !text; ++y)
        for (int x = 0; x < image.width() && !text; ++x)
            text = image.pixelColor(x, y) != view.palette().color(QPalette::Base);
    QVERIFY(text);
}

// Laid out while hidden (a screen reader or the details asked for a bar), the timeline still shows everything
// across its width when it is first shown, not the zoom a hidden widget's size gives.
void TestTimelineView::fitsWhenFirstShown() {
    Fixture f;
    QCOMPARE(f.view.layout().bars().size(), 5); // hidden, at the size of a widget never shown
    QVERIFY(!f.view.barDescription(0).isEmpty());
    f.view.resize(1200, 500);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    QCOMPARE(f.view.horizontalScrollBar()->maximum(), 0);
    const int barsWidth = f.view.viewport()->width() - f.view.labelWidth();
    int left = f.view.viewport()->width();
    int right = 0;
    for (int i = 0; i < f.view.layout().bars().size(); ++i) {
        left = std::min(left, f.view.barRect(i).left());
        right = std::max(right, f.view.barRect(i).right());
    }
    QVERIFY2(right - left > barsWidth * 3 / 4, qPrintable(QStringLiteral("%1..%2").arg(left).arg(right)));
    QVERIFY(right < f.view.viewport()->width());
}

// Scrolled so that the top of the view falls between two lanes, a paint still starts at the first track in
// view (it used to start at the first track of all, painting every lane above the view: a frame grew with
// the number of lanes scrolled past).
void TestTimelineView::paintsOnlyTheTracksInView() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    TimelineView view;
    view.setModel(&model);
    QList<TaskState> many;
    for (int i = 0; i < 60; ++i)
        many << taskOn(100 + i, QStringLiteral("cdb-%1").arg(i, 8, 10, QLatin1Char('0')), i, i + 30,
                       QStringLiteral("SUCCESS"));
    tasks.upsertMany(many);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.layout().lanes().size(), 60);
    const int lane = view.trackHeight() + TimelineView::kLaneGap;           // one track per lane
    view.verticalScrollBar()->setValue(20 * lane + view.trackHeight() + 2); // in the gap below lane 20
    view.viewport()->repaint();
    const int inView = (view.viewport()->height() - view.axisHeight()) / view.trackHeight() + 2;
    QVERIFY(view.paintedBarCount() > 0);
    QVERIFY2(view.paintedBarCount() <= inView,
             qPrintable(QStringLiteral("%1 painted, %2 in view").arg(view.paintedBarCount()).arg(inView)));
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
