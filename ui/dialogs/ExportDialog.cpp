#include "dialogs/ExportDialog.h"

#include "dialogs/DialogKeys.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace taskwatch::ui {

namespace {
constexpr auto kExcelKey = "export/excel";
}

ExportDialog::ExportDialog(int selected, const QString& suggestedPath, QWidget* parent)
    : QDialog(parent)
    , m_selected(new QRadioButton(tr("The &selected tasks (%n)", nullptr, selected), this))
    , m_all(new QRadioButton(tr("&All tasks"), this))
    , m_path(new QLineEdit(suggestedPath, this))
    , m_excel(new QCheckBox(tr("&Excel-compatible (UTF-8 with a byte order mark)"), this)) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export History"));

    auto* scope = new QGroupBox(tr("History of"), this);
    auto* scopeLayout = new QVBoxLayout(scope);
    m_selected->setObjectName(QStringLiteral("exportSelected"));
    m_all->setObjectName(QStringLiteral("exportAll"));
    scopeLayout->addWidget(m_selected);
    scopeLayout->addWidget(m_all);
    m_selected->setEnabled(selected > 0);
    (selected > 0 ? m_selected : m_all)->setChecked(true);

    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setAccessibleName(tr("File"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("exportBrowse"));
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* form = new QFormLayout;
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);

    m_excel->setObjectName(QStringLiteral("exportExcel"));
    m_excel->setChecked(QSettings().value(QLatin1String(kExcelKey), false).toBool());
    m_excel->setToolTip(
        tr("Excel needs the byte order mark to read UTF-8; LibreOffice asks for the character "
           "set on import (choose UTF-8)"));
    auto* note = new QLabel(tr("CSV, UTF-8, one line per observed change. LibreOffice asks for the character "
                               "set when it opens the file: choose UTF-8."),
                            this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("E&xport"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    acceptOnCtrlEnter(this);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scope);
    layout->addLayout(form);
    layout->addWidget(m_excel);
    layout->addWidget(note);
    layout->addWidget(buttons);
    updateButtons();
    resize(std::max(sizeHint().width(), 560), sizeHint().height());
}

bool ExportDialog::selectedOnly() const {
    return m_selected->isChecked();
}

QString ExportDialog::path() const {
    return m_path->text().trimmed();
}

bool ExportDialog::excel() const {
    return m_excel->isChecked();
}

void ExportDialog::accept() {
    if (path().isEmpty())
        return;
    QSettings().setValue(QLatin1String(kExcelKey), excel());
    QDialog::accept();
}

void ExportDialog::browse() {
    const QString file =
        QFileDialog::getSaveFileName(this, windowTitle(), path(), tr("CSV files (*.csv);;All files (*)"));
    if (!file.isEmpty())
        m_path->setText(file);
}

void ExportDialog::updateButtons() {
    m_export->setEnabled(!path().isEmpty());
}

} // namespace taskwatch::ui
