#include "banners/AddReportBar.h"

#include "desktop/Announce.h"
#include "task/AddReport.h"
#include "task/SafeText.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace taskwatch::ui {

AddReportBar::AddReportBar(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_showLinesButton(new QToolButton(this)) {
    setObjectName(QStringLiteral("addReport"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_label->setObjectName(QStringLiteral("reportLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_showLinesButton->setObjectName(QStringLiteral("showUnrecognisedButton"));
    m_showLinesButton->setText(tr("Show…"));
    m_showLinesButton->setToolTip(tr("Show the lines in which no task id was found"));
    m_showLinesButton->setAutoRaise(true);
    connect(m_showLinesButton, &QToolButton::clicked, this, &AddReportBar::showUnrecognisedLines);
    auto* dismiss = m_dismissButton = new QToolButton(this);
    dismiss->setObjectName(QStringLiteral("dismissReportButton"));
    dismiss->setAutoRaise(true);
    dismiss->setText(QStringLiteral("×"));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, this, &QWidget::hide);
    layout->addWidget(m_label);
    layout->addWidget(m_showLinesButton);
    layout->addWidget(dismiss);
}

void AddReportBar::showReport(const AddReport& report) {
    m_lastReport = report;
    m_label->setText(report.text());
    announce(m_label, m_label->text());
    m_showLinesButton->setVisible(report.unrecognisedLineCount > 0);
    show();
}

QList<QWidget*> AddReportBar::focusChain() const {
    return {m_showLinesButton, m_dismissButton};
}

QString AddReportBar::text() const {
    return isHidden() ? QString() : m_label->text();
}

void AddReportBar::showUnrecognisedLines() {
    auto* dialog = new QDialog(window());
    dialog->setObjectName(QStringLiteral("unrecognisedLinesDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Lines Without a Task ID"));
    auto* layout = new QVBoxLayout(dialog);
    const int shown = int(m_lastReport.unrecognisedLines.size());
    QString intro =
        m_lastReport.unrecognisedLineCount == 1
            ? tr("1 line did not contain a task id:")
            : tr("%n lines did not contain a task id:", nullptr, m_lastReport.unrecognisedLineCount);
    if (shown < m_lastReport.unrecognisedLineCount)
        intro += QLatin1Char(' ') + tr("(the first %n are shown)", nullptr, shown);
    auto* label = new QLabel(intro, dialog);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    auto* lines = new QPlainTextEdit(dialog);
    lines->setObjectName(QStringLiteral("unrecognisedLinesText"));
    lines->setReadOnly(true);
    lines->setLineWrapMode(QPlainTextEdit::NoWrap);
    QStringList safe;
    safe.reserve(shown);
    for (const QString& line : std::as_const(m_lastReport.unrecognisedLines))
        safe << SafeText::singleLine(line, 500);
    lines->setPlainText(safe.join(QLatin1Char('\n')));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(label);
    layout->addWidget(lines, 1);
    layout->addWidget(buttons);
    dialog->resize(640, 360);
    dialog->show();
}

} // namespace taskwatch::ui
