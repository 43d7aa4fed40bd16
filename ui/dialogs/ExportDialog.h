// "Export History…": says what is exported (the selected tasks' history, or every task's), where to (a
// file, with Browse…), and offers the Excel-compatible variant (a UTF-8 byte order mark, like
// `export-csv --excel`; remembered). LibreOffice asks for the character set on import: UTF-8.
#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace taskwatch::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // `selected`: how many tasks are selected (0: only "all" is offered).
    ExportDialog(int selected, const QString& suggestedPath, QWidget* parent = nullptr);

    bool selectedOnly() const;
    QString path() const;
    bool excel() const;

    void accept() override; // remembers the Excel choice

private:
    void browse();
    void updateButtons();

    QRadioButton* m_selected;
    QRadioButton* m_all;
    QLineEdit* m_path;
    QCheckBox* m_excel;
    QPushButton* m_export;
};

} // namespace taskwatch::ui
