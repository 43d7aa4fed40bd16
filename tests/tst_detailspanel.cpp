// DetailsPanel on its own: the timeline follows every new change of the shown task, also once its history is
// at the cap (the list keeps its length while its content moves on), and is left alone when nothing changed
// (the selection stays).
#include "details/DetailsPanel.h"
#include "task/HistoryEntry.h"
#include "task/TaskState.h"

#include <QApplication>
#include <QTabWidget>
#include <QTimeZone>
#include <QTreeWidget>
#include <QtTest>

using namespace taskwatch;
using taskwatch::ui::DetailsPanel;

namespace {

const QString kId = QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");
const QDateTime kStart = QDateTime(QDate(2025, 3, 1), QTime(8, 0), QTimeZone::utc());

TaskState stateOf(const QString& profile) {
    TaskState s;
    s.profile = profile;
    s.id = kId;
    s.region = QStringLiteral("ap-guangzhou");
    s.addedAt = kStart;
    s.status = QStringLiteral("RUNNING");
    s.phase = TaskPhase::Polling;
    return s;
}

// The n-th observed change of the task under `profile`; its RequestId names it.
HistoryEntry change(const QString& profile, int n) {
    HistoryEntry e;
    e.observedAt = kStart.addSecs(n);
    e.profile = profile;
    e.taskId = kId;
    e.region = QStringLiteral("ap-guangzhou");
    e.status = QStringLiteral("RUNNING");
    e.info = QStringLiteral("step %1").arg(n);
    e.requestId = QStringLiteral("%1-req-%2").arg(profile).arg(n);
    return e;
}

// Changes first..last-1, built anew (no data shared with an earlier list).
QList<HistoryEntry> changes(const QString& profile, int first, int last) {
    QList<HistoryEntry> list;
    for (int n = first; n < last; ++n)
        list.append(change(profile, n));
    return list;
}

QTreeWidget* timelineOf(DetailsPanel& panel) {
    return panel.findChild<QTreeWidget*>(QStringLiteral("detailsTimeline"));
}

QString requestIdInRow(DetailsPanel& panel, int row) {
    const QTreeWidgetItem* item = timelineOf(panel)->topLevelItem(row);
    return item ? item->text(4) : QString();
}

} // namespace

class TestDetailsPanel : public QObject {
    Q_OBJECT
private slots:
    void timelineFollowsChangesAtTheCap();
    void unchangedTimelineIsLeftAlone();
};

// The list handed to the panel holds at most kMaxTimelineRows changes: once there, a new change drops the
// oldest, and the length stays the same.
void TestDetailsPanel::timelineFollowsChangesAtTheCap() {
    const QString profile = QStringLiteral("default");
    const int cap = DetailsPanel::kMaxTimelineRows;
    DetailsPanel panel;
    const TaskState state = stateOf(profile);
    panel.showTask(&state, changes(profile, 0, cap));
    QCOMPARE(panel.timelineRowCount(), cap);
    QCOMPARE(requestIdInRow(panel, cap - 1), change(profile, cap - 1).requestId);

    panel.showTask(&state, changes(profile, 1, cap + 1));
    QCOMPARE(panel.timelineRowCount(), cap);
    QCOMPARE(requestIdInRow(panel, 0), change(profile, 1).requestId);
    QCOMPARE(requestIdInRow(panel, cap - 1), change(profile, cap).requestId);

    panel.showTask(&state, changes(profile, 2, cap + 2));
    QCOMPARE(requestIdInRow(panel, cap - 1), change(profile, cap + 1).requestId);
}

// Showing the same task with the same changes again (a list built anew) keeps the rows and the selection.
void TestDetailsPanel::unchangedTimelineIsLeftAlone() {
    const QString profile = QStringLiteral("default");
    DetailsPanel panel;
    const TaskState state = stateOf(profile);
    panel.showTask(&state, changes(profile, 0, 30));
    QTreeWidget* timeline = timelineOf(panel);
    QTreeWidgetItem* chosen = timeline->topLevelItem(10);
    timeline->setCurrentItem(chosen);
    QVERIFY(chosen->isSelected());

    panel.showTask(&state, changes(profile, 0, 30));
    QCOMPARE(timeline->topLevelItem(10), chosen);
    QVERIFY(chosen->isSelected());

    panel.showTask(&state, changes(profile, 0, 31)); // a new change: refilled
    QCOMPARE(panel.timelineRowCount(), 31);
    QCOMPARE(requestIdInRow(panel, 30), change(profile, 30).requestId);
}

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
