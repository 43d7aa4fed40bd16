// TaskTableModel and TaskFilterProxyModel: model consistency under QAbstractItemModelTester, minimal change
// signals, the id → row index, roles per status, hostile Info, the Elapsed tick, sorting and filtering.
#include "FakeTaskList.h"
#include "TaskBoard.h"
#include "model/StatusStyle.h"
#include "model/TaskFilterProxyModel.h"
#include "model/TaskTableModel.h"
#include "platform/QtCompat.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QtTest>

using namespace taskwatch;

namespace {

const QDateTime kT0 = compat::utcDateTime(QDate(2026, 3, 1), QTime(10, 0, 0));

QString idFor(int n) {
    return QStringLiteral("%1-8fc96c86-2ec79ac8-cb63a7a7").arg(n, 8, 16, QLatin1Char('0'));
}

TaskState task(int n, std::optional<QString> status = std::nullopt, TaskPhase phase = TaskPhase::Polling) {
    TaskState s;
    s.id = idFor(n);
    s.region = QStringLiteral("ap-guangzhou");
    s.addedAt = kT0;
    s.status = std::move(status);
    s.phase = phase;
    s.vendorStatus = s.status; // cdb's words are ours
    if (phase == TaskPhase::Finished) {
        s.lastCheckedAt = kT0.addSecs(90);
        s.finishedAt = kT0.addSecs(90);
    }
    return s;
}

TaskState finished(int n, const QString& status = QStringLiteral("SUCCESS")) {
    return task(n, status, TaskPhase::Finished);
}

// A task as DescribeTasks lists it.
TaskState discovered(int n, const QString& type, std::optional<int> progress,
                     const QString& name = QStringLiteral("orders-primary")) {
    TaskState s = task(n, QStringLiteral("RUNNING"));
    s.discovery.jobId = 1000 + n;
    s.discovery.taskType = type;
    s.discovery.instanceIds = {QStringLiteral("cdb-c1nl9rpv")};
    s.discovery.instanceName = name;
    s.discovery.progress = progress;
    s.discovery.startedAt = kT0.addSecs(-60 * n);
    s.discovery.status = QStringLiteral("RUNNING");
    s.discovery.listedAt = kT0.addSecs(5);
    return s;
}

// A task of another product than cdb: its id is digits, its vendor's word its own.
TaskState productTask(const char* product, const char* id, const char* status, const char* vendorWord) {
    TaskState s = task(0, QString::fromLatin1(status));
    s.product = QString::fromLatin1(product);
    s.id = QString::fromLatin1(id);
    s.vendorStatus = QString::fromLatin1(vendorWord);
    return s;
}

QList<int> rolesOf(const QList<QVariant>& signalArgs) {
    return signalArgs.at(2).value<QList<int>>();
}

} // namespace

class TestTaskTableModel : public QObject {
    Q_OBJECT
private slots:
    void consistentUnderModelTester();
    void updateSignalsOnlyThatRow();
    void upsertManyEmitsOneRangedSignal();
    void bigBatchIsOneInsertion();
    void idIndexStaysRightAfterRemovals();
    void rolesPerStatus_data();
    void rolesPerStatus();
    void hostileInfoIsNeutralised();
    void tickTouchesOnlyElapsedOfUnfinishedRows();
    void elapsedStopsWhenFinished();
    void elapsedCountsFromAKnownStart();
    void timelineFacts();
    void sortRoleCarriesRawValues();
    void proxySortsAndFilters();
    void darkThemeSwitchSignalsColourRolesOnly();
    void formatDuration();
    void discoveryColumns();
    void discoveryColumnsSortAndFilter();
    void productColumn();
    void productFilterAndSort();
    void vendorWordAndProductPermission();
};

void TestTaskTableModel::consistentUnderModelTester() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    TaskFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(TaskTableModel::StatusColumn, Qt::DescendingOrder);

    for (int i = 0; i < 10; ++i)
        tasks.upsert(task(i, QStringLiteral("RUNNING")));
    QCOMPARE(model.rowCount(), 10);
    tasks.upsert(finished(3));
    tasks.upsert(finished(7, QStringLiteral("FAILED")));
    QList<TaskState> batch;
    for (int i = 5; i < 25; ++i)
        batch.append(i % 3 == 0 ? finished(i) : task(i, QStringLiteral("INITIAL")));
    tasks.upsertMany(batch);
    QCOMPARE(model.rowCount(), 25);

    for (int column = 0; column < TaskTableModel::ColumnCount; ++column) {
        proxy.sort(column, Qt::AscendingOrder);
        proxy.sort(column, Qt::DescendingOrder);
    }
    proxy.setFilterText(QStringLiteral("0000001"));
    QVERIFY(proxy.rowCount() > 0);
    QVERIFY(proxy.rowCount() < model.rowCount());
    proxy.setFilterText(QString());
    proxy.setHideFinished(true);
    QCOMPARE(proxy.rowCount(), model.activeCount());
    tasks.upsert(finished(1)); // leaves the filtered view dynamically
    QCOMPARE(proxy.rowCount(), model.activeCount());
    tasks.remove({idFor(0)});
    tasks.remove({idFor(24)});
    tasks.remove({idFor(2), idFor(4), idFor(5), idFor(6), idFor(20), QStringLiteral("absent")});
    proxy.setHideFinished(false);
    QCOMPARE(proxy.rowCount(), model.rowCount());
    model.tick();
    model.setDarkTheme(!model.isDarkTheme());
    model.setTaskList(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestTaskTableModel::updateSignalsOnlyThatRow() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    for (int i = 0; i < 6; ++i)
        tasks.upsert(task(i, QStringLiteral("RUNNING")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    TaskState s = task(3, QStringLiteral("RUNNING"));
    s.info = QStringLiteral("50% done");
    tasks.upsert(s);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 3);
    QCOMPARE(bottomRight.row(), 3);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), TaskTableModel::ColumnCount - 1);
    QVERIFY(rolesOf(changed.at(0)).isEmpty()); // every role of that row may have changed
    QCOMPARE(model.index(3, TaskTableModel::InfoColumn).data().toString(), QStringLiteral("50% done"));

    // A new id is an insertion at the end, not a change.
    changed.clear();
    tasks.upsert(task(42));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 6);
    QCOMPARE(inserted.at(0).at(2).toInt(), 6);
}

void TestTaskTableModel::upsertManyEmitsOneRangedSignal() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    for (int i = 0; i < 8; ++i)
        tasks.upsert(task(i, QStringLiteral("RUNNING")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QList<TaskState> batch{finished(2), task(100),
                           finished(5), task(5, QStringLiteral("RUNNING")),
                           task(101),   task(100, QStringLiteral("INITIAL")),
                           finished(4)};
    tasks.upsertMany(batch);
    // Rows 2, 4, 5 of 8 changed: at most half, so one signal per row (qBittorrent's rule).
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 4);
    QCOMPARE(changed.at(2).at(1).value<QModelIndex>().row(), 5);
    QCOMPARE(aboutToInsert.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 8);
    QCOMPARE(inserted.at(0).at(2).toInt(), 9); // two new ids, the duplicate collapsed
    QCOMPARE(model.rowCount(), 10);
    // Later entries for the same id win.
    QCOMPARE(model.stateOf(idFor(5))->status, std::optional<QString>(QStringLiteral("RUNNING")));
    QCOMPARE(model.stateOf(idFor(100))->status, std::optional<QString>(QStringLiteral("INITIAL")));

    // More than half of the rows changed: one ranged signal over them.
    changed.clear();
    QList<TaskState> most;
    for (int i = 1; i < 8; ++i)
        most << finished(i);
    tasks.upsertMany(most);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 7);
    QCOMPARE(model.rowOf(idFor(101)), 9);
}

void TestTaskTableModel::bigBatchIsOneInsertion() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QList<TaskState> batch;
    for (int i = 0; i < 20000; ++i)
        batch.append(task(i));
    tasks.upsertMany(batch);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 20000);
    QCOMPARE(model.rowOf(idFor(12345)), 12345);
}

void TestTaskTableModel::idIndexStaysRightAfterRemovals() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    QList<TaskState> batch;
    for (int i = 0; i < 100; ++i)
        batch.append(task(i));
    tasks.upsertMany(batch);

    const auto verifyIndex = [&model] {
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString id = model.state(row)->id;
            if (model.rowOf(id) != row)
                return false;
            if (model.index(row, TaskTableModel::IdColumn).data(TaskTableModel::TaskIdRole).toString() != id)
                return false;
        }
        return true;
    };
    tasks.remove({idFor(0)});
    tasks.remove({idFor(50)});
    tasks.remove({idFor(99)});
    tasks.remove({QStringLiteral("not-there")});
    QCOMPARE(model.rowCount(), 97);
    QVERIFY(verifyIndex());
    QCOMPARE(model.rowOf(idFor(0)), -1);
    QCOMPARE(model.rowOf(idFor(50)), -1);
    QCOMPARE(model.rowOf(idFor(51)), 49);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QStringList scattered;
    for (int i = 1; i < 99; i += 3)
        scattered.append(idFor(i));
    scattered << idFor(2) << idFor(3) << idFor(4) << idFor(2); // a contiguous block and a duplicate
    tasks.remove(scattered);
    QVERIFY(verifyIndex());
    for (const QString& id : scattered)
        QCOMPARE(model.rowOf(id), -1);
    QVERIFY(removed.count() < scattered.size()); // contiguous rows went in one block
    QCOMPARE(model.ids().size(), model.rowCount());

    tasks.upsert(task(0)); // re-adding after removal appends
    QCOMPARE(model.rowOf(idFor(0)), model.rowCount() - 1);
    QVERIFY(verifyIndex());
}

void TestTaskTableModel::rolesPerStatus_data() {
    QTest::addColumn<TaskState>("state");
    QTest::addColumn<int>("key");
    QTest::newRow("waiting") << task(1, std::nullopt, TaskPhase::Waiting) << int(StatusKey::NoStatus);
    QTest::newRow("INITIAL") << task(1, QStringLiteral("INITIAL")) << int(StatusKey::Initial);
    QTest::newRow("RUNNING") << task(1, QStringLiteral("RUNNING")) << int(StatusKey::Running);
    QTest::newRow("PAUSED") << task(1, QStringLiteral("PAUSED")) << int(StatusKey::Paused);
    QTest::newRow("UNDEFINED") << task(1, QStringLiteral("UNDEFINED")) << int(StatusKey::Undefined);
    QTest::newRow("SUCCESS") << finished(1) << int(StatusKey::Success);
    QTest::newRow("FAILED") << finished(1, QStringLiteral("FAILED")) << int(StatusKey::Failed);
    QTest::newRow("KILLED") << finished(1, QStringLiteral("KILLED")) << int(StatusKey::Killed);
    QTest::newRow("REMOVED") << finished(1, QStringLiteral("REMOVED")) << int(StatusKey::Removed);
    QTest::newRow("unknown") << task(1, QStringLiteral("MIGRATING")) << int(StatusKey::Unknown);
    TaskState error = task(1, std::nullopt, TaskPhase::Stopped);
    error.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
    QTest::newRow("error") << error << int(StatusKey::Error);
    TaskState held = task(1, QStringLiteral("RUNNING"), TaskPhase::Held);
    held.errorCode = QStringLiteral("AuthFailure.SecretIdNotFound");
    QTest::newRow("held") << held << int(StatusKey::Held);
}

void TestTaskTableModel::rolesPerStatus() {
    QFETCH(TaskState, state);
    QFETCH(int, key);
    const auto statusKey = static_cast<StatusKey>(key);
    for (bool dark : {false, true}) {
        FakeTaskList tasks;
        TaskTableModel model;
        model.setTaskList(&tasks);
        model.setDarkTheme(dark);
        tasks.upsert(state);
        const QModelIndex status = model.index(0, TaskTableModel::StatusColumn);
        QCOMPARE(status.data(TaskTableModel::StatusKeyRole).toString(), StatusStyle::keyName(statusKey));
        QCOMPARE(status.data(Qt::DisplayRole).toString(), StatusStyle::text(state));
        QVERIFY(!status.data(Qt::DisplayRole).toString().isEmpty());
        QCOMPARE(status.data(Qt::ForegroundRole).value<QColor>(), StatusStyle::color(statusKey, dark));
        QCOMPARE(status.data(Qt::BackgroundRole).value<QColor>(), StatusStyle::background(statusKey, dark));
        const QIcon icon = status.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.pixmap(24).toImage(), StatusStyle::icon(statusKey, dark).pixmap(24).toImage());
        QCOMPARE(status.data(TaskTableModel::SortRole).toInt(), StatusStyle::severity(statusKey));
        QCOMPARE(status.data(TaskTableModel::PhaseRole).toInt(), int(state.phase));
        QVERIFY(!status.data(Qt::ToolTipRole).toString().isEmpty());
        // Only the status column carries the icon.
        QVERIFY(!model.index(0, TaskTableModel::IdColumn).data(Qt::DecorationRole).isValid());
    }
}

void TestTaskTableModel::hostileInfoIsNeutralised() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    TaskState s = task(1, QStringLiteral("RUNNING"));
    const QString hostile =
        QStringLiteral("price \u202E0.99$\u202C ok\u2066iso\u2069 \u202Aa\u202Bb\u202Dc") +
        QStringLiteral("\nline two\r\n\tbell\x07 esc\x1b[31m del\x7f c1\u0085 <b>bold</b>") +
        QString(2000, QLatin1Char('x'));
    s.info = hostile;
    tasks.upsert(s);
    const QString shown = model.index(0, TaskTableModel::InfoColumn).data().toString();
    QVERIFY(shown.startsWith(QLatin1String("price ")));
    QVERIFY(shown.contains(QLatin1String("line two")));
    for (const QChar c : shown) {
        const char16_t u = c.unicode();
        QVERIFY2(!(u >= 0x202A && u <= 0x202E) && !(u >= 0x2066 && u <= 0x2069),
                 qPrintable(QString::number(u, 16)));
        QVERIFY2(u >= 0x20 && !(u >= 0x7f && u <= 0x9f), qPrintable(QString::number(u, 16)));
    }
    QVERIFY(shown.size() <= TaskTableModel::kDisplayInfoChars + 40); // cut for display, marked
    QVERIFY(shown.size() < hostile.size());

    // The tooltip keeps more of the text but is escaped: HTML in Info is shown, never interpreted.
    const QString tip = model.index(0, TaskTableModel::InfoColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QLatin1String("&lt;b&gt;bold&lt;/b&gt;")));
    QVERIFY(!tip.contains(QLatin1String("<b>bold")));
    QVERIFY(!tip.contains(QChar(0x202E)));
    QVERIFY(tip.size() > shown.size());

    // A null Info is an empty cell, not "null".
    tasks.upsert(task(2));
    QCOMPARE(model.index(1, TaskTableModel::InfoColumn).data().toString(), QString());
}

void TestTaskTableModel::tickTouchesOnlyElapsedOfUnfinishedRows() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    tasks.upsertMany({finished(0), task(1, QStringLiteral("RUNNING")), finished(2), task(3), finished(4)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick();
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.column(), int(TaskTableModel::ElapsedColumn));
    QCOMPARE(bottomRight.column(), int(TaskTableModel::ElapsedColumn));
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 3);
    QVERIFY(rolesOf(changed.at(0)).contains(Qt::DisplayRole));
    QVERIFY(rolesOf(changed.at(0)).contains(TaskTableModel::SortRole));
    QVERIFY(!rolesOf(changed.at(0)).contains(Qt::DecorationRole));

    changed.clear();
    tasks.upsertMany({finished(1), finished(3)});
    changed.clear();
    model.tick();
    QCOMPARE(changed.count(), 0); // nothing left to tick
}

void TestTaskTableModel::elapsedStopsWhenFinished() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    QDateTime now = kT0.addSecs(125);
    model.setClock([&now] { return now; });
    tasks.upsert(task(1, QStringLiteral("RUNNING")));
    const QModelIndex elapsed = model.index(0, TaskTableModel::ElapsedColumn);
    QCOMPARE(elapsed.data().toString(), QStringLiteral("2:05"));
    QCOMPARE(elapsed.data(TaskTableModel::SortRole).toLongLong(), 125000);
    now = kT0.addSecs(3 * 3600 + 61);
    QCOMPARE(elapsed.data().toString(), QStringLiteral("3:01:01"));

    tasks.upsert(finished(1)); // finished at kT0 + 90 s
    now = kT0.addSecs(86400);
    QCOMPARE(elapsed.data().toString(), QStringLiteral("1:30"));
    QCOMPARE(elapsed.data(TaskTableModel::SortRole).toLongLong(), 90000);

    TaskState noAdded = task(2);
    noAdded.addedAt = QDateTime();
    tasks.upsert(noAdded);
    QCOMPARE(model.index(1, TaskTableModel::ElapsedColumn).data().toString(), QString());
}

// A discovered task started before the window found it: Elapsed counts from DescribeTasks' start (and says
// so), and stops at its end; a pasted one counts from when it was added.
void TestTaskTableModel::elapsedCountsFromAKnownStart() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    QDateTime now = kT0.addSecs(30);
    model.setClock([&now] { return now; });
    TaskState found = discovered(1, QStringLiteral("MODIFY PARAM"), 40);
    found.discovery.startedAt = kT0.addSecs(-150); // 2½ minutes before it was found (added at kT0)
    tasks.upsert(found);
    tasks.upsert(task(2, QStringLiteral("RUNNING")));
    const QModelIndex elapsed = model.index(0, TaskTableModel::ElapsedColumn);
    QCOMPARE(elapsed.data().toString(), QStringLiteral("3:00"));
    QCOMPARE(elapsed.data(TaskTableModel::SortRole).toLongLong(), 180000);
    QVERIFY2(elapsed.data(Qt::ToolTipRole).toString().contains(QLatin1String("start")),
             qPrintable(elapsed.data(Qt::ToolTipRole).toString()));
    QVERIFY(elapsed.data(Qt::ToolTipRole).toString().contains(QLatin1String("DescribeTasks")));
    const QModelIndex pasted = model.index(1, TaskTableModel::ElapsedColumn);
    QCOMPARE(pasted.data().toString(), QStringLiteral("30 s"));
    QVERIFY2(pasted.data(Qt::ToolTipRole).toString().contains(QLatin1String("added")),
             qPrintable(pasted.data(Qt::ToolTipRole).toString()));

    // Its end as DescribeTasks lists it ends the count, even before our own poll saw it finish.
    found.discovery.endedAt = kT0.addSecs(15);
    tasks.upsert(found);
    now = kT0.addSecs(3600);
    QCOMPARE(elapsed.data().toString(), QStringLiteral("2:45"));
    QCOMPARE(TaskTableModel::startedAt(found), found.discovery.startedAt);
    QCOMPARE(TaskTableModel::endedAt(found), found.discovery.endedAt);
}

// What the timeline reads of a row, in one call: lane (the first instance), start, end, status.
void TestTaskTableModel::timelineFacts() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    TaskState found = discovered(1, QStringLiteral("MODIFY PARAM"), 40);
    found.discovery.instanceIds = {QStringLiteral("cdb-a"), QStringLiteral("cdb-b")};
    tasks.upsert(found);
    tasks.upsert(finished(2, QStringLiteral("FAILED")));
    const auto facts = [&model](int row) {
        return model.index(row, 0).data(TaskTableModel::TimelineRole).value<TimelineFacts>();
    };
    const TimelineFacts a = facts(0);
    QCOMPARE(a.id, idFor(1));
    QCOMPARE(a.key, model.index(0, 0).data(TaskTableModel::TaskKeyRole).toString());
    QCOMPARE(a.lane, QStringLiteral("cdb-a"));
    QCOMPARE(a.laneName, QStringLiteral("orders-primary"));
    QCOMPARE(a.status, StatusKey::Running);
    QCOMPARE(a.statusText, QStringLiteral("Running"));
    QCOMPARE(a.type, QStringLiteral("Modify parameters"));
    QVERIFY(a.startKnown);
    QCOMPARE(a.startMs, found.discovery.startedAt.toMSecsSinceEpoch());
    QCOMPARE(a.endMs, qint64(-1)); // running
    const TimelineFacts b = facts(1);
    QVERIFY(b.lane.isEmpty());
    QVERIFY(!b.startKnown);
    QCOMPARE(b.startMs, kT0.toMSecsSinceEpoch());
    QCOMPARE(b.endMs, kT0.addSecs(90).toMSecsSinceEpoch());
    QCOMPARE(b.status, StatusKey::Failed);
}

void TestTaskTableModel::sortRoleCarriesRawValues() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    TaskState s = finished(1);
    s.requestId = QStringLiteral("faae8d6a-38fb-44de-988e-5a0e78aba4a7");
    tasks.upsert(s);
    tasks.upsert(task(2));
    const auto sortValue = [&model](int row, int column) {
        return model.index(row, column).data(TaskTableModel::SortRole);
    };
    QCOMPARE(sortValue(0, TaskTableModel::LastCheckedColumn).userType(), QMetaType::LongLong);
    QCOMPARE(sortValue(0, TaskTableModel::LastCheckedColumn).toLongLong(),
             kT0.addSecs(90).toMSecsSinceEpoch());
    QCOMPARE(sortValue(1, TaskTableModel::LastCheckedColumn).toLongLong(), -1); // never checked sorts first
    QCOMPARE(sortValue(0, TaskTableModel::ElapsedColumn).userType(), QMetaType::LongLong);
    QCOMPARE(sortValue(0, TaskTableModel::StatusColumn).userType(), QMetaType::Int);
    QCOMPARE(sortValue(0, TaskTableModel::RequestIdColumn).toString(), s.requestId);
    QCOMPARE(model.index(0, 0).data(TaskTableModel::FinishedRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(TaskTableModel::FinishedRole).toBool(), false);
}

void TestTaskTableModel::proxySortsAndFilters() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    QDateTime now = kT0.addSecs(600);
    model.setClock([&now] { return now; });
    TaskState error = task(0, std::nullopt, TaskPhase::Stopped);
    error.errorCode = QStringLiteral("InvalidParameter.InvalidAsyncRequestId");
    TaskState running = task(1, QStringLiteral("RUNNING"));
    running.info = QStringLiteral("Upgrading the engine version");
    running.lastCheckedAt = kT0.addSecs(300);
    TaskState success = finished(2);
    success.info = QStringLiteral("Dropped the database table successfully.");
    TaskState initial = task(3, QStringLiteral("INITIAL"));
    initial.lastCheckedAt = kT0.addSecs(20);
    initial.addedAt = kT0.addSecs(500);
    tasks.upsertMany({error, running, success, initial});

    TaskFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(proxy.dynamicSortFilter());
    QCOMPARE(proxy.sortRole(), int(TaskTableModel::SortRole));
    const auto idAt = [&proxy](int row) {
        return proxy.index(row, 0).data(TaskTableModel::TaskIdRole).toString();
    };

    proxy.sort(TaskTableModel::StatusColumn, Qt::DescendingOrder); // most severe first
    QCOMPARE(idAt(0), idFor(0));
    QCOMPARE(idAt(3), idFor(2));
    proxy.sort(TaskTableModel::LastCheckedColumn, Qt::AscendingOrder); // by time, not by text
    QCOMPARE(idAt(0), idFor(0));                                       // never checked
    QCOMPARE(idAt(1), idFor(3));
    QCOMPARE(idAt(2), idFor(2));
    QCOMPARE(idAt(3), idFor(1));
    proxy.sort(TaskTableModel::ElapsedColumn, Qt::AscendingOrder); // 90 s < 100 s < 600 s
    QCOMPARE(idAt(0), idFor(2));
    QCOMPARE(idAt(1), idFor(3));

    // Dynamic: a status change moves the row.
    proxy.sort(TaskTableModel::StatusColumn, Qt::DescendingOrder);
    tasks.upsert(finished(1, QStringLiteral("FAILED")));
    QCOMPARE(idAt(1), idFor(1));

    proxy.setFilterText(QStringLiteral("ENGINE")); // Info, case-insensitive
    QCOMPARE(proxy.rowCount(), 0);                 // that Info went with the update above
    tasks.upsert(running);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(idAt(0), idFor(1));
    proxy.setFilterText(StatusStyle::label(StatusKey::Success).toLower()); // status text
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(idAt(0), idFor(2));
    proxy.setFilterText(QStringLiteral("00000003-8FC9")); // id
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(idAt(0), idFor(3));
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 4);

    proxy.setHideFinished(true); // SUCCESS and the stopped error are finished
    QCOMPARE(proxy.rowCount(), 2);
    tasks.upsert(finished(3));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(idAt(0), idFor(1));
    proxy.setHideFinished(false);
    QCOMPARE(proxy.rowCount(), 4);
}

void TestTaskTableModel::darkThemeSwitchSignalsColourRolesOnly() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    model.setDarkTheme(false);
    tasks.upsertMany({finished(1), task(2, QStringLiteral("RUNNING"))});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDarkTheme(true);
    QCOMPARE(changed.count(), 1);
    const QList<int> roles = rolesOf(changed.at(0));
    QVERIFY(roles.contains(Qt::DecorationRole));
    QVERIFY(roles.contains(Qt::ForegroundRole));
    QVERIFY(!roles.contains(Qt::DisplayRole));
    model.setDarkTheme(true);
    QCOMPARE(changed.count(), 1);
}

void TestTaskTableModel::formatDuration() {
    QCOMPARE(TaskTableModel::formatDuration(0), QStringLiteral("0 s"));
    QCOMPARE(TaskTableModel::formatDuration(59999), QStringLiteral("59 s"));
    QCOMPARE(TaskTableModel::formatDuration(60000), QStringLiteral("1:00"));
    QCOMPARE(TaskTableModel::formatDuration(3599000), QStringLiteral("59:59"));
    QCOMPARE(TaskTableModel::formatDuration(3600000), QStringLiteral("1:00:00"));
    QCOMPARE(TaskTableModel::formatDuration((2 * 86400 + 3600 + 61) * 1000LL),
             QStringLiteral("2 d 01:01:01"));
    QCOMPARE(TaskTableModel::formatDuration(-5), QStringLiteral("0 s"));
}

void TestTaskTableModel::discoveryColumns() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setClock([] { return kT0.addSecs(600); });
    // The new columns come after the old ones: stored header states and scripts keep their numbers.
    QCOMPARE(int(TaskTableModel::ProfileColumn), 8);
    QCOMPARE(int(TaskTableModel::InstanceColumn), 9);
    QCOMPARE(int(TaskTableModel::ProductColumn), 14);
    QCOMPARE(model.columnCount(), 15);
    for (int c = TaskTableModel::InstanceColumn; c < TaskTableModel::ColumnCount; ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());

    tasks.upsert(task(0, QStringLiteral("RUNNING"))); // pasted, never discovered
    QVERIFY(!model.hasDiscoveredTasks());
    for (int c = TaskTableModel::InstanceColumn; c <= TaskTableModel::EndedColumn; ++c) {
        QCOMPARE(model.index(0, c).data().toString(), QString());
        QVERIFY(!model.index(0, c).data(Qt::ToolTipRole).isValid());
    }
    QVERIFY(!model.index(0, TaskTableModel::ProgressColumn).data(TaskTableModel::ProgressRole).isValid());
    QCOMPARE(model.index(0, 0).data(TaskTableModel::DiscoveredRole).toBool(), false);

    TaskState d = discovered(1, QStringLiteral("MODIFY PARAM"), 42);
    d.discovery.endedAt = kT0.addSecs(300);
    tasks.upsert(d);
    QVERIFY(model.hasDiscoveredTasks());
    const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(1, TaskTableModel::InstanceColumn).toString(),
             QStringLiteral("orders-primary (cdb-c1nl9rpv)"));
    QCOMPARE(cell(1, TaskTableModel::TypeColumn).toString(), QStringLiteral("Modify parameters"));
    QVERIFY(cell(1, TaskTableModel::TypeColumn, Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("MODIFY PARAM")));
    QCOMPARE(cell(1, TaskTableModel::TypeColumn, TaskTableModel::SortRole).toString(),
             QStringLiteral("MODIFY PARAM"));
    // The number as text (screen readers read it), the int for the delegate and for sorting.
    QCOMPARE(cell(1, TaskTableModel::ProgressColumn).toString(), QStringLiteral("42 %"));
    QCOMPARE(cell(1, TaskTableModel::ProgressColumn, TaskTableModel::ProgressRole).toInt(), 42);
    QCOMPARE(cell(1, TaskTableModel::ProgressColumn, TaskTableModel::SortRole).toInt(), 42);
    QCOMPARE(cell(1, TaskTableModel::StartedColumn).toString(),
             kT0.addSecs(-60).toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    QCOMPARE(cell(1, TaskTableModel::EndedColumn).toString(),
             kT0.addSecs(300).toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    QCOMPARE(cell(1, TaskTableModel::StartedColumn, TaskTableModel::SortRole).toLongLong(),
             kT0.addSecs(-60).toMSecsSinceEpoch());
    QCOMPARE(cell(1, 0, TaskTableModel::DiscoveredRole).toBool(), true);

    // Not ended yet; no name known; several instances; an unknown type verbatim; progress 0 is a number.
    TaskState other = discovered(2, QStringLiteral("FUTURE THING"), 0, QString());
    other.discovery.instanceIds = {QStringLiteral("cdb-a"), QStringLiteral("cdb-b"), QStringLiteral("cdb-c"),
                                   QStringLiteral("cdb-d"), QStringLiteral("cdb-e")};
    tasks.upsert(other);
    QCOMPARE(cell(2, TaskTableModel::InstanceColumn).toString(), QStringLiteral("cdb-a, cdb-b, cdb-c +2"));
    QVERIFY(
        cell(2, TaskTableModel::InstanceColumn, Qt::ToolTipRole).toString().contains(QLatin1String("cdb-e")));
    QCOMPARE(cell(2, TaskTableModel::TypeColumn).toString(), QStringLiteral("FUTURE THING"));
    QCOMPARE(cell(2, TaskTableModel::ProgressColumn).toString(), QStringLiteral("0 %"));
    QCOMPARE(cell(2, TaskTableModel::ProgressColumn, TaskTableModel::ProgressRole).toInt(), 0);
    QCOMPARE(cell(2, TaskTableModel::EndedColumn).toString(), QString());
    QCOMPARE(cell(2, TaskTableModel::EndedColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("Not ended yet"));
    QCOMPARE(cell(2, TaskTableModel::EndedColumn, TaskTableModel::SortRole).toLongLong(), -1);

    // Server text is neutralised and bounded.
    tasks.upsert(discovered(3, QStringLiteral("REBOOT\u202E\nrm -rf"), 7,
                            QStringLiteral("evil\u202Ename\n") + QString(5000, QLatin1Char('x'))));
    const QString instance = cell(3, TaskTableModel::InstanceColumn).toString();
    QVERIFY(!instance.contains(QChar(0x202E)));
    QVERIFY(!instance.contains(QLatin1Char('\n')));
    QVERIFY(instance.size() < 300);
    const QString type = cell(3, TaskTableModel::TypeColumn).toString();
    QVERIFY(!type.contains(QChar(0x202E)));
    QVERIFY(!type.contains(QLatin1Char('\n')));
    QVERIFY(!cell(3, TaskTableModel::TypeColumn, Qt::ToolTipRole).toString().contains(QChar(0x202E)));
    QVERIFY(!cell(3, TaskTableModel::InstanceColumn, Qt::ToolTipRole).toString().contains(QChar(0x202E)));
}

void TestTaskTableModel::discoveryColumnsSortAndFilter() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    tasks.upsertMany({discovered(1, QStringLiteral("REBOOT"), 80, QStringLiteral("billing")),
                      discovered(2, QStringLiteral("MODIFY PARAM"), 10, QStringLiteral("orders")),
                      task(3, QStringLiteral("RUNNING")), discovered(4, QStringLiteral("DROP TABLES"), 55)});
    TaskFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto idAt = [&proxy](int row) {
        return proxy.index(row, 0).data(TaskTableModel::TaskIdRole).toString();
    };
    proxy.sort(TaskTableModel::ProgressColumn, Qt::AscendingOrder);
    QCOMPARE(idAt(0), idFor(3)); // no progress first
    QCOMPARE(idAt(1), idFor(2));
    QCOMPARE(idAt(2), idFor(4));
    QCOMPARE(idAt(3), idFor(1));
    proxy.sort(TaskTableModel::StartedColumn, Qt::DescendingOrder);
    QCOMPARE(idAt(0), idFor(1)); // started most recently (60 s before kT0)
    proxy.setFilterText(QStringLiteral("billing"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("cdb-c1nl9rpv"));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setFilterText(QStringLiteral("modify param"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("parameters")); // the readable name ("Modify parameters")
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(idAt(0), idFor(2));
}

// The Product column: the product key of every task ("cdb" for one that names none), sorted as text;
// products() lists the distinct ones in the registry's order (the window shows the column with two).
void TestTaskTableModel::productColumn() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.headerData(TaskTableModel::ProductColumn, Qt::Horizontal).toString(),
             QStringLiteral("Product"));
    QVERIFY(!model.headerData(TaskTableModel::ProductColumn, Qt::Horizontal, Qt::ToolTipRole).isNull());
    QVERIFY(model.products().isEmpty());
    tasks.upsert(task(1, QStringLiteral("RUNNING")));
    TaskState unnamed = task(2, QStringLiteral("RUNNING"));
    unnamed.product.clear(); // an old task: cdb's
    tasks.upsert(unnamed);
    QCOMPARE(model.products(), QStringList{QStringLiteral("cdb")});
    QCOMPARE(model.index(1, TaskTableModel::ProductColumn).data().toString(), QStringLiteral("cdb"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    tasks.upsertMany({productTask("postgres", "912", "RUNNING", "Running"),
                      productTask("redis", "912", "SUCCESS", "succeed"),
                      productTask("mongodb", "4762", "RUNNING", "running")});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 5); // redis 912 and postgres 912 are two tasks
    QCOMPARE(model.products(), (QStringList{QStringLiteral("cdb"), QStringLiteral("mongodb"),
                                            QStringLiteral("redis"), QStringLiteral("postgres")}));
    const QModelIndex redis = model.index(3, TaskTableModel::ProductColumn);
    QCOMPARE(redis.data().toString(), QStringLiteral("redis"));
    QCOMPARE(redis.data(TaskTableModel::SortRole).toString(), QStringLiteral("redis"));
    QCOMPARE(redis.data(TaskTableModel::ProductRole).toString(), QStringLiteral("redis"));
    QCOMPARE(redis.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("912"));
    QCOMPARE(model.index(2, TaskTableModel::ProductColumn).data().toString(), QStringLiteral("postgres"));
    tasks.remove({taskKey(QString(), QStringLiteral("postgres"), QStringLiteral("912")),
                  taskKey(QString(), QStringLiteral("redis"), QStringLiteral("912")),
                  taskKey(QString(), QStringLiteral("mongodb"), QStringLiteral("4762"))});
    QCOMPARE(model.products(), QStringList{QStringLiteral("cdb")});
}

void TestTaskTableModel::productFilterAndSort() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    tasks.upsertMany({productTask("redis", "18215", "RUNNING", "running"), task(1, QStringLiteral("RUNNING")),
                      productTask("postgres", "912", "RUNNING", "Running"),
                      productTask("redis", "912", "SUCCESS", "succeed")});
    TaskFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto productAt = [&proxy](int row) {
        return proxy.index(row, TaskTableModel::ProductColumn).data().toString();
    };
    proxy.sort(TaskTableModel::ProductColumn, Qt::AscendingOrder);
    QCOMPARE(productAt(0), QStringLiteral("cdb"));
    QCOMPARE(productAt(1), QStringLiteral("postgres"));
    QCOMPARE(productAt(3), QStringLiteral("redis"));
    proxy.sort(TaskTableModel::ProductColumn, Qt::DescendingOrder);
    QCOMPARE(productAt(0), QStringLiteral("redis"));
    QCOMPARE(productAt(3), QStringLiteral("cdb"));

    proxy.setProductFilter(QStringLiteral("redis"));
    QCOMPARE(proxy.productFilter(), QStringLiteral("redis"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setProductFilter(QStringLiteral("cdb"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setProductFilter(QStringLiteral("postgres"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("912"));
    proxy.setProductFilter(QString());
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setFilterText(QStringLiteral("succeed")); // the vendor's word is searched too
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(productAt(0), QStringLiteral("redis"));
}

// The vendor's word is in the Status tooltip where it differs from ours; a permission error of a redis task
// names redis' CAM permission, not cdb's (the Error tooltip and errorDescription()).
void TestTaskTableModel::vendorWordAndProductPermission() {
    FakeTaskList tasks;
    TaskTableModel model;
    model.setTaskList(&tasks);
    TaskState redis = productTask("redis", "18215", "SUCCESS", "succeed");
    redis.errorCode = QStringLiteral("AuthFailure.UnauthorizedOperation");
    TaskState cdb = task(1, QStringLiteral("SUCCESS"));
    cdb.errorCode = redis.errorCode;
    tasks.upsertMany({redis, cdb});
    QCOMPARE(TaskTableModel::vendorWordOf(redis), QStringLiteral("succeed"));
    QCOMPARE(TaskTableModel::vendorWordOf(cdb), QString());
    QVERIFY2(model.index(0, TaskTableModel::StatusColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QLatin1String("succeed")),
             qPrintable(model.index(0, TaskTableModel::StatusColumn).data(Qt::ToolTipRole).toString()));
    QVERIFY(!model.index(1, TaskTableModel::StatusColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QLatin1String("says")));

    for (const char* code : {"AuthFailure.UnauthorizedOperation", "UnauthorizedOperation",
                             "OperationDenied.UserHasNoStrategy"}) {
        redis.errorCode = QString::fromLatin1(code);
        const QString hint = TaskTableModel::errorDescription(redis).hint;
        QVERIFY2(hint.contains(QLatin1String("redis:DescribeTaskInfo")), qPrintable(hint));
        QVERIFY2(!hint.contains(QLatin1String("cdb:")), qPrintable(hint));
    }
    const QString tip = model.index(0, TaskTableModel::ErrorColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("redis:DescribeTaskInfo")), qPrintable(tip));
    QVERIFY(
        TaskTableModel::errorDescription(cdb).hint.contains(QLatin1String("cdb:DescribeAsyncRequestInfo")));
    redis.errorCode = QStringLiteral("RequestLimitExceeded"); // not a permission error: the catalog's words
    QCOMPARE(TaskTableModel::errorDescription(redis).hint,
             ErrorCatalog::describe(QStringLiteral("RequestLimitExceeded")).hint);
}

QTEST_MAIN(TestTaskTableModel)
#include "tst_tasktablemodel.moc"
