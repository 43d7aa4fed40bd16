// The one-line report of the last addition in the status bar ("3 added, 1 already present, 2 lines not
// recognised"), with a button that lists the lines in which no task id was found, and a dismiss button.
#pragma once

#include "task/AddReport.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace taskwatch::ui {

class AddReportBar : public QWidget {
    Q_OBJECT
public:
    explicit AddReportBar(QWidget* parent = nullptr);

    void showReport(const AddReport& report);
    QString text() const; // empty while hidden
    void showUnrecognisedLines();
    QList<QWidget*> focusChain() const; // in tab order

private:
    QLabel* m_label;
    QToolButton* m_showLinesButton;
    QToolButton* m_dismissButton;
    AddReport m_lastReport;
};

} // namespace taskwatch::ui
