// The main window with tasks of several products: the Product column and the product filter show only while
// more than one product has tasks (a column the user hid stays hidden), the filter narrows the rows, the Add
// Tasks dialog adds bare numbers as tasks of the product chosen (named ids whatever is chosen) and reports
// the count per product, every new control has an accessible name, Tab goes through the filters, and a
// narrow window keeps the text filter on the toolbar.
#include "TaskBoard.h"
#include "dialogs/AddTasksDialog.h"
#include "model/TaskTableModel.h"
#include "products/Products.h"
#include "task/TaskKey.h"
#include "window/ColumnMenu.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace taskwatch;
using taskwatch::ui::AddTasksDialog;
using taskwatch::ui::MainWindow;

namespace {

const QString kCdbId = QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");

QString productOfRow(const MainWindow& window, int row) {
    return window.proxy()->index(row, TaskTableModel::ProductColumn).data().toString();
}

} // namespace

class TestWindowProducts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void productColumnShownOnlyWithTwoProducts();
    void productFilterNarrowsRows();
    void addDialogAddsBareNumbersAsTheChosenProduct();
    void toolbarKeepsItsFiltersAtTheSmallestWidth();

private:
    static void showAndActivate(QWidget& window);
    static AddTasksDialog* openAddDialog(MainWindow& window);
};

void TestWindowProducts::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowproducts"));
}

void TestWindowProducts::init() {
    QSettings().clear();
}

void TestWindowProducts::showAndActivate(QWidget& window) {
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

AddTasksDialog* TestWindowProducts::openAddDialog(MainWindow& window) {
    window.addTasksInteractively();
    AddTasksDialog* dialog = nullptr;
    [&] { QTRY_VERIFY((dialog = window.findChild<AddTasksDialog*>()) != nullptr); }();
    return dialog;
}

// cdb tasks only: no Product column, no product filter. A redis task joins: both show; it leaves: both go.
// Hidden by the user (Columns menu), the column stays hidden with two products, and comes back when shown.
void TestWindowProducts::productColumnShownOnlyWithTwoProducts() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    auto* filter = window.findChild<QComboBox*>(QStringLiteral("productFilter"));
    QVERIFY(filter);
    window.addTaskText(kCdbId);
    QCOMPARE(window.model()->rowCount(), 1);
    QVERIFY(window.view()->isColumnHidden(TaskTableModel::ProductColumn));
    QVERIFY(!filter->isVisible());

    window.addTaskText(QStringLiteral("redis:18215"));
    QCOMPARE(window.model()->rowCount(), 2);
    QVERIFY(!window.view()->isColumnHidden(TaskTableModel::ProductColumn));
    QTRY_VERIFY(filter->isVisible());
    QVERIFY(!window.columnMenu()->isAutoHidden(TaskTableModel::ProductColumn));

    window.columnMenu()->setUserHidden(TaskTableModel::ProductColumn, true);
    QVERIFY(window.view()->isColumnHidden(TaskTableModel::ProductColumn));
    window.addTaskText(QStringLiteral("postgres:912")); // more tasks: the user's choice stands
    QVERIFY(window.view()->isColumnHidden(TaskTableModel::ProductColumn));
    window.columnMenu()->setUserHidden(TaskTableModel::ProductColumn, false);
    QVERIFY(!window.view()->isColumnHidden(TaskTableModel::ProductColumn));

    QVERIFY(
        board.remove({taskKey(board.defaultProfile(), QStringLiteral("redis"), QStringLiteral("18215")),
                      taskKey(board.defaultProfile(), QStringLiteral("postgres"), QStringLiteral("912"))}));
    QCOMPARE(window.model()->rowCount(), 1);
    QVERIFY(window.view()->isColumnHidden(TaskTableModel::ProductColumn));
    QTRY_VERIFY(!filter->isVisible());
}

// The filter offers "All products" and the products present (in the registry's order), narrows the rows to
// one product, is named for screen readers, and sits in the Tab chain between the toolbar's other filters.
// Sorting by the Product column orders the rows by product.
void TestWindowProducts::productFilterNarrowsRows() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    window.addTaskText(kCdbId + QStringLiteral("\nredis:18215\npostgres:912\nredis:912"));
    QCOMPARE(window.model()->rowCount(), 4); // redis 912 and postgres 912 are two tasks
    QComboBox* filter = window.productFilter();
    QVERIFY(filter);
    QVERIFY(!filter->accessibleName().isEmpty());
    QTRY_VERIFY(filter->isVisible());
    QCOMPARE(filter->count(), 4);
    QCOMPARE(filter->itemData(0).toString(), QString());
    QCOMPARE(filter->itemData(1).toString(), QStringLiteral("cdb"));
    QCOMPARE(filter->itemData(2).toString(), QStringLiteral("redis"));
    QCOMPARE(filter->itemData(3).toString(), QStringLiteral("postgres"));

    filter->setCurrentIndex(filter->findData(QStringLiteral("redis")));
    QCOMPARE(window.proxy()->rowCount(), 2);
    QCOMPARE(productOfRow(window, 0), QStringLiteral("redis"));
    QCOMPARE(productOfRow(window, 1), QStringLiteral("redis"));
    filter->setCurrentIndex(filter->findData(QStringLiteral("postgres")));
    QCOMPARE(window.proxy()->rowCount(), 1);
    QCOMPARE(window.proxy()->index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("912"));
    filter->setCurrentIndex(0);
    QCOMPARE(window.proxy()->rowCount(), 4);

    window.view()->sortByColumn(TaskTableModel::ProductColumn, Qt::AscendingOrder);
    QCOMPARE(productOfRow(window, 0), QStringLiteral("cdb"));
    QCOMPARE(productOfRow(window, 1), QStringLiteral("postgres"));
    QCOMPARE(productOfRow(window, 3), QStringLiteral("redis"));

    // Tab: the text filter, the product filter, then the table; Shift+Tab back.
    auto* text = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    text->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), text);
    QTest::keyClick(text, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), filter);
    QTest::keyClick(filter, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window.view()));
    QTest::keyClick(window.view(), Qt::Key_Backtab);
    QTRY_COMPARE(QApplication::focusWidget(), filter);
    QTest::keyClick(filter, Qt::Key_Backtab);
    QTRY_COMPARE(QApplication::focusWidget(), text);

    // The filtered product leaves the board: every task is shown again.
    filter->setCurrentIndex(filter->findData(QStringLiteral("postgres")));
    QVERIFY(
        board.remove({taskKey(board.defaultProfile(), QStringLiteral("postgres"), QStringLiteral("912"))}));
    QCOMPARE(filter->currentIndex(), 0);
    QCOMPARE(window.proxy()->rowCount(), 3);
}

// The dialog's Product choice: the products by name, keyed by product key, with a hint that named ids work
// whatever is chosen. Bare numbers are ids of the chosen product (cdb: none); the report counts per product;
// the choice is remembered for the next time.
void TestWindowProducts::addDialogAddsBareNumbersAsTheChosenProduct() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    showAndActivate(window);
    AddTasksDialog* dialog = openAddDialog(window);
    QVERIFY(dialog);
    auto* product = dialog->findChild<QComboBox*>(QStringLiteral("addTasksProduct"));
    QVERIFY(product);
    QVERIFY(!product->accessibleName().isEmpty());
    QCOMPARE(product->count(), int(Products::keys().size()));
    QCOMPARE(product->itemText(product->findData(QStringLiteral("cdb"))),
             QStringLiteral("cdb (AsyncRequestId)"));
    QCOMPARE(product->itemText(product->findData(QStringLiteral("mongodb"))), QStringLiteral("MongoDB"));
    QCOMPARE(product->itemText(product->findData(QStringLiteral("redis"))), QStringLiteral("Redis"));
    QCOMPARE(product->itemText(product->findData(QStringLiteral("postgres"))), QStringLiteral("PostgreSQL"));
    QCOMPARE(dialog->product(), QStringLiteral("cdb")); // nothing remembered yet
    auto* hint = dialog->findChild<QLabel*>(QStringLiteral("addTasksProductHint"));
    QVERIFY(hint);
    QVERIFY2(hint->text().contains(QLatin1String("redis:18215")), qPrintable(hint->text()));

    dialog->setText(QStringLiteral("18215\n4762\nmongodb:1750660112000249\n"));
    QCOMPARE(dialog->foundIdCount(), 1); // cdb: bare numbers are not ids; the named one is
    product->setCurrentIndex(product->findData(QStringLiteral("redis")));
    QCOMPARE(dialog->product(), QStringLiteral("redis"));
    QCOMPARE(dialog->foundIdCount(), 3);
    const QPointer<AddTasksDialog> first = dialog;
    dialog->accept();
    QCOMPARE(window.model()->rowCount(), 3);
    const QString profile = board.defaultProfile();
    QVERIFY(board.task(taskKey(profile, QStringLiteral("redis"), QStringLiteral("18215"))));
    QVERIFY(board.task(taskKey(profile, QStringLiteral("redis"), QStringLiteral("4762"))));
    QVERIFY(board.task(taskKey(profile, QStringLiteral("mongodb"), QStringLiteral("1750660112000249"))));
    QVERIFY2(window.reportText().contains(QLatin1String("mongodb 1, redis 2")),
             qPrintable(window.reportText()));

    QTRY_VERIFY(first.isNull());                   // deleted on close
    AddTasksDialog* again = openAddDialog(window); // the last choice is preselected
    QVERIFY(again);
    QCOMPARE(again->product(), QStringLiteral("redis"));
    again->setProduct(QStringLiteral("postgres"));
    again->setText(QStringLiteral("18215"));
    again->accept();
    QVERIFY(board.task(taskKey(profile, QStringLiteral("postgres"), QStringLiteral("18215"))));
    QCOMPARE(window.model()->rowCount(), 4);
}

// Two products in a window as narrow as its first size ever is (1000 px): the text filter stays on the
// toolbar (the product filter comes after it, so it is the one that may go to the overflow menu); at the
// usual size both are there.
void TestWindowProducts::toolbarKeepsItsFiltersAtTheSmallestWidth() {
    TaskBoard board(nullptr);
    MainWindow window(&board);
    window.resize(1000, 640);
    showAndActivate(window);
    window.addTaskText(kCdbId + QStringLiteral("\npostgres:912"));
    QCOMPARE(window.width(), 1000);
    auto* text = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QTRY_VERIFY(text->isVisible());
    window.resize(1440, 900); // MainWindow::defaultGeometry() on a 1600 px screen
    QTRY_VERIFY(window.productFilter()->isVisible());
    QVERIFY(text->isVisible());
}

QTEST_MAIN(TestWindowProducts)
#include "tst_windowproducts.moc"
