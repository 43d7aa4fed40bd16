// ExportDialog: says its scope (the selected tasks, with their number, or all), offers the Excel-compatible
// (BOM) variant and remembers it, and cannot export to an empty path.
#include "dialogs/ExportDialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using taskwatch::ui::ExportDialog;

class TestExportDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_exportdialog"));
        QSettings().clear();
    }

    void scope() {
        ExportDialog withSelection(3, QStringLiteral("/tmp/x.csv"));
        auto* selected = withSelection.findChild<QRadioButton*>(QStringLiteral("exportSelected"));
        auto* all = withSelection.findChild<QRadioButton*>(QStringLiteral("exportAll"));
        QVERIFY(selected->isEnabled() && selected->isChecked());
        QVERIFY2(selected->text().contains(QLatin1Char('3')), qPrintable(selected->text()));
        QVERIFY(withSelection.selectedOnly());
        all->setChecked(true);
        QVERIFY(!withSelection.selectedOnly());

        ExportDialog nothingSelected(0, QStringLiteral("/tmp/x.csv"));
        QVERIFY(!nothingSelected.findChild<QRadioButton*>(QStringLiteral("exportSelected"))->isEnabled());
        QVERIFY(nothingSelected.findChild<QRadioButton*>(QStringLiteral("exportAll"))->isChecked());
        QVERIFY(!nothingSelected.selectedOnly());
        QCOMPARE(nothingSelected.path(), QStringLiteral("/tmp/x.csv"));
    }

    void excelChoiceIsRemembered() {
        {
            ExportDialog dialog(1, QStringLiteral("/tmp/x.csv"));
            QVERIFY(!dialog.excel());
            dialog.findChild<QCheckBox*>(QStringLiteral("exportExcel"))->setChecked(true);
            QVERIFY(dialog.excel());
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        ExportDialog again(1, QStringLiteral("/tmp/x.csv"));
        QVERIFY(again.excel());
        // Cancelling does not change the choice.
        again.findChild<QCheckBox*>(QStringLiteral("exportExcel"))->setChecked(false);
        again.reject();
        QVERIFY(ExportDialog(1, QString()).excel());
    }

    void emptyPathCannotExport() {
        ExportDialog dialog(0, QStringLiteral("/tmp/x.csv"));
        auto* path = dialog.findChild<QLineEdit*>(QStringLiteral("exportPath"));
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("exportButton"));
        QVERIFY(button->isEnabled());
        path->setText(QStringLiteral("   "));
        QVERIFY(!button->isEnabled());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    // Ctrl+Enter presses the default button from anywhere in the dialog (here: from the path field), and
    // not while that button is disabled.
    void ctrlEnterExports() {
        ExportDialog dialog(0, QStringLiteral("/tmp/x.csv"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* path = dialog.findChild<QLineEdit*>(QStringLiteral("exportPath"));
        path->setFocus();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        path->setText(QStringLiteral(" "));
        QTest::keyClick(path, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(accepted.count(), 0);
        path->setText(QStringLiteral("/tmp/y.csv"));
        QTest::keyClick(path, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(accepted.count(), 1);
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
