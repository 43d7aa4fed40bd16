// DetailsPanel on its own: the timeline follows every new change of the shown task, also once its history is
// at the cap (the list keeps its length while its content moves on), is left alone when nothing changed (the
// selection stays), and a task is known by (profile, id): the same id under another profile is another task.
// The product and the vendor's status word are shown, and a permission error names the CAM permission of the
// task's product.
#include "details/DetailsPanel.h"
#include "products/Products.h"
#include "task/HistoryEntry.h"
#include "task/TaskState.h"

#include <QApplication>
#include <QLabel>
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

QString currentTab(DetailsPanel& panel) {
    const auto* tabs = panel.findChild<QTabWidget*>(QStringLiteral("detailsTabs"));
    return tabs->tabText(tabs->currentIndex());
}

} // namespace

class TestDetailsPanel : public QObject {
    Q_OBJECT
private slots:
    void timelineFollowsChangesAtTheCap();
    void unchangedTimelineIsLeftAlone();
    void sameIdUnderAnotherProfileIsAnotherTask();
    void productAndVendorWord();
    void permissionHintNamesTheProductsPermission();
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

// The same id watched under two profiles: each is its own task, with its own timeline and tabs.
void TestDetailsPanel::sameIdUnderAnotherProfileIsAnotherTask() {
    const QString alpha = QStringLiteral("alpha");
    const QString beta = QStringLiteral("beta");
    TaskState running = stateOf(alpha);
    running.info = QStringLiteral("copying data");
    TaskState failing = stateOf(beta); // an error and no Info: opens on its error
    failing.phase = TaskPhase::Stopped;
    failing.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
    failing.errorMessage = QStringLiteral("The async task does not exist.");

    DetailsPanel panel;
    panel.showTask(&running, changes(alpha, 0, 3));
    QCOMPARE(currentTab(panel), DetailsPanel::tr("Info"));
    QCOMPARE(requestIdInRow(panel, 2), change(alpha, 2).requestId);

    panel.showTask(&failing, changes(beta, 0, 3));
    QCOMPARE(panel.taskId(), kId);
    QCOMPARE(currentTab(panel), DetailsPanel::tr("Last error"));
    QCOMPARE(panel.timelineRowCount(), 3);
    QCOMPARE(requestIdInRow(panel, 2), change(beta, 2).requestId);

    panel.showTask(&running, changes(alpha, 0, 3)); // back: no error, so not on the error tab
    QCOMPARE(currentTab(panel), DetailsPanel::tr("Info"));
    QCOMPARE(requestIdInRow(panel, 2), change(alpha, 2).requestId);

    // The same task again keeps the tab its user chose.
    panel.showTask(&failing, changes(beta, 0, 3));
    QCOMPARE(currentTab(panel), DetailsPanel::tr("Last error"));
    panel.findChild<QTabWidget*>(QStringLiteral("detailsTabs"))->setCurrentIndex(0);
    panel.showTask(&failing, changes(beta, 0, 4));
    QCOMPARE(currentTab(panel), DetailsPanel::tr("Info"));
}

// The summary says the product, and the vendor's word beside ours where it differs (none for cdb).
void TestDetailsPanel::productAndVendorWord() {
    DetailsPanel panel;
    TaskState redis = stateOf(QStringLiteral("default"));
    redis.product = QStringLiteral("redis");
    redis.id = QStringLiteral("18215");
    redis.status = QStringLiteral("SUCCESS");
    redis.vendorStatus = QStringLiteral("succeed");
    panel.showTask(&redis, {});
    auto* product = panel.findChild<QLabel*>(QStringLiteral("detailsProduct"));
    auto* vendor = panel.findChild<QLabel*>(QStringLiteral("detailsVendorStatus"));
    QVERIFY(product && vendor);
    QCOMPARE(product->text(), QStringLiteral("redis"));
    QVERIFY(!product->accessibleName().isEmpty());
    QVERIFY(!vendor->accessibleName().isEmpty());
    QVERIFY(vendor->isVisibleTo(&panel));
    QCOMPARE(vendor->text(), QStringLiteral("succeed"));

    TaskState cdb = stateOf(QStringLiteral("default"));
    cdb.vendorStatus = cdb.status; // cdb's words are ours
    panel.showTask(&cdb, {});
    QCOMPARE(product->text(), QStringLiteral("cdb"));
    QVERIFY(!vendor->isVisibleTo(&panel));
}

// AuthFailure.UnauthorizedOperation and the other permission errors: what to do names the permission of the
// task's product's poll action (redis:DescribeTaskInfo), not cdb's.
void TestDetailsPanel::permissionHintNamesTheProductsPermission() {
    DetailsPanel panel;
    auto* hint = panel.findChild<QLabel*>(QStringLiteral("detailsErrorHint"));
    QVERIFY(hint);
    for (const QString& product :
         {QStringLiteral("redis"), QStringLiteral("postgres"), QStringLiteral("mongodb")}) {
        const ProductAdapter* adapter = Products::find(product);
        QVERIFY(adapter);
        const QString permission = adapter->permission(QString::fromLatin1(adapter->pollAction().name));
        QVERIFY(!permission.isEmpty());
        for (const QString& code :
             {QStringLiteral("AuthFailure.UnauthorizedOperation"), QStringLiteral("UnauthorizedOperation")}) {
            TaskState s = stateOf(QStringLiteral("default"));
            s.product = product;
            s.id = QStringLiteral("912");
            s.errorCode = code;
            panel.showTask(&s, {});
            QVERIFY2(hint->text().contains(permission),
                     qPrintable(product + QLatin1String(": ") + hint->text()));
            QVERIFY2(!hint->text().contains(QLatin1String("cdb:")), qPrintable(hint->text()));
            QVERIFY(panel.currentTabText().contains(permission)); // the error tab opens: nothing in Info
        }
    }
    TaskState cdb = stateOf(QStringLiteral("default"));
    cdb.errorCode = QStringLiteral("AuthFailure.UnauthorizedOperation");
    panel.showTask(&cdb, {});
    QVERIFY2(hint->text().contains(QLatin1String("cdb:DescribeAsyncRequestInfo")), qPrintable(hint->text()));
}

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
