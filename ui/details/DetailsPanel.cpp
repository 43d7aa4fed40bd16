#include "details/DetailsPanel.h"

#include "api/ErrorCatalog.h"
#include "discovery/Discovery.h"
#include "model/StatusStyle.h"
#include "model/TaskTableModel.h"
#include "task/DiscoveryFacts.h"
#include "task/HistoryEntry.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"
#include "task/TextBounds.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace taskwatch::ui {

namespace {

constexpr qsizetype kMaxRawChars = 16 * 1024;
constexpr qsizetype kMaxTaskMessageChars = 1000; // DescribeTasks' Message in the summary

QString formatTime(const QDateTime& when) {
    if (!when.isValid())
        return QStringLiteral("—");
    return when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QLabel* valueLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

// A row of a form shown or not. Such a form has no height-for-width item (no word-wrapped label): Qt 6.4's
// QFormLayout keeps a hidden row's place when it computes heights for a width, and writes beyond its arrays
// once rows are hidden. Its long values are cut, with the whole text in the tooltip (setTextAndTip()).
void showFormRow(QFormLayout* form, QWidget* field, bool shown) {
    if (QWidget* label = form->labelForField(field))
        label->setVisible(shown);
    field->setVisible(shown);
}

void setTextIfChanged(QLabel* label, const QString& text) {
    if (label->text() == text)
        return;
    label->setText(text);
    if (!label->accessibleName().isEmpty()) // a named value: screen readers read the value as its description
        label->setAccessibleDescription(text);
}

// A value that may be cut: the whole text in its tooltip too.
void setTextAndTip(QLabel* label, const QString& text) {
    setTextIfChanged(label, text);
    label->setToolTip(SafeText::toolTip(text));
}

void setTextIfChanged(QPlainTextEdit* edit, const QString& text) {
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

QString phaseText(const TaskState& s, bool paused) {
    if (paused && !s.isDone())
        return DetailsPanel::tr("Paused (no query is sent until polling resumes)");
    switch (s.phase) {
    case TaskPhase::Waiting:
        return DetailsPanel::tr("Waiting for the first query");
    case TaskPhase::Polling:
        if (s.nextPollAt.isValid())
            return DetailsPanel::tr("Polling; next query at %1")
                .arg(s.nextPollAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        return DetailsPanel::tr("Polling");
    case TaskPhase::Retrying:
        return DetailsPanel::tr("Retrying (failures in a row: %1)").arg(s.consecutiveFailures);
    case TaskPhase::Finished:
        return DetailsPanel::tr("Finished (no longer polled)");
    case TaskPhase::Stopped:
        return DetailsPanel::tr("Stopped by an error (Retry polls it again)");
    case TaskPhase::Held:
        return DetailsPanel::tr("On hold (the credentials were rejected)");
    }
    return {};
}

QString rawText(const QByteArray& raw) {
    if (raw.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
    const QString text = error.error == QJsonParseError::NoError && !doc.isNull()
                             ? QString::fromUtf8(doc.toJson(QJsonDocument::Indented))
                             : QString::fromUtf8(raw);
    return boundText(SafeText::multiLine(text), kMaxRawChars);
}

} // namespace

DetailsPanel::DetailsPanel(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this)) {
    setObjectName(QStringLiteral("detailsPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_placeholder = new QLabel(tr("Select a task to see its details."), m_stack);
    m_placeholder->setObjectName(QStringLiteral("detailsPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);
    m_stack->addWidget(m_placeholder);

    auto* page = new QWidget(m_stack);
    m_stack->addWidget(page);
    auto* pageLayout = new QHBoxLayout(page);
    pageLayout->setContentsMargins(8, 6, 8, 6);
    pageLayout->setSpacing(12);
    pageLayout->addWidget(buildSummary(page), 2); // left
    pageLayout->addWidget(buildTabs(page), 5);    // right
    m_stack->setCurrentIndex(0);

    const QList<QWidget*> chain = focusChain();
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

// ------------------------------------------------------------------------------------------------ summary

QWidget* DetailsPanel::buildSummary(QWidget* page) {
    auto* summary = new QWidget(page);
    const QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    summary->setMinimumWidth(mono.horizontalAdvance(QStringLiteral("faae8d6a-38fb-44de-988e-5a0e78aba4a7")) +
                             std::max(fontMetrics().horizontalAdvance(tr("Last checked:")),
                                      fontMetrics().horizontalAdvance(tr("Vendor status:"))) +
                             90);
    summary->setMaximumWidth(summary->minimumWidth() + 160);
    auto* summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    buildSummaryHeader(summary, summaryLayout);
    m_form = new QFormLayout;
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(4);
    addPollingRows(summary);
    addDiscoveryRows(summary);
    summaryLayout->addLayout(m_form);
    summaryLayout->addStretch(1);
    return summary;
}

// The status icon and the task id, then the status.
void DetailsPanel::buildSummaryHeader(QWidget* summary, QVBoxLayout* summaryLayout) {
    auto* header = new QHBoxLayout;
    m_statusIcon = new QLabel(summary);
    m_statusIcon->setFixedSize(22, 22);
    m_idLabel = valueLabel(summary);
    m_idLabel->setObjectName(QStringLiteral("detailsTaskId"));
    QFont idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    idFont.setBold(true);
    m_idLabel->setFont(idFont);
    header->addWidget(m_statusIcon);
    header->addWidget(m_idLabel, 1);
    summaryLayout->addLayout(header);
    m_statusLabel = valueLabel(summary);
    m_statusLabel->setObjectName(QStringLiteral("detailsStatus"));
    QFont statusFont = m_statusLabel->font();
    statusFont.setBold(true);
    m_statusLabel->setFont(statusFont);
    summaryLayout->addWidget(m_statusLabel);
}

// What polling saw: region, phase, times, HTTP status and the RequestId with its copy button.
void DetailsPanel::addPollingRows(QWidget* summary) {
    m_productValue = valueLabel(summary);
    m_productValue->setObjectName(QStringLiteral("detailsProduct"));
    m_vendorStatusValue = valueLabel(summary);
    m_vendorStatusValue->setObjectName(QStringLiteral("detailsVendorStatus"));
    m_vendorStatusValue->setToolTip(tr("The status as the product's API words it"));
    m_regionValue = valueLabel(summary);
    m_phaseValue = valueLabel(summary);
    m_phaseValue->setObjectName(QStringLiteral("detailsPhase"));
    m_addedValue = valueLabel(summary);
    m_checkedValue = valueLabel(summary);
    m_finishedValue = valueLabel(summary);
    m_httpValue = valueLabel(summary);
    m_requestIdLabel = valueLabel(summary);
    m_requestIdLabel->setObjectName(QStringLiteral("detailsRequestId"));
    m_requestIdLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyRequestId = new QToolButton(summary);
    m_copyRequestId->setObjectName(QStringLiteral("copyRequestIdButton"));
    m_copyRequestId->setText(tr("Copy"));
    m_copyRequestId->setToolTip(tr("Copy the RequestId to the clipboard"));
    m_copyRequestId->setAutoRaise(true);
    connect(m_copyRequestId, &QToolButton::clicked, this, &DetailsPanel::copyRequestId);
    auto* requestIdRow = new QHBoxLayout;
    requestIdRow->setSpacing(4);
    requestIdRow->addWidget(m_requestIdLabel, 1);
    requestIdRow->addWidget(m_copyRequestId);
    m_form->addRow(tr("Product:"), m_productValue);
    m_form->addRow(tr("Vendor status:"), m_vendorStatusValue);
    m_form->addRow(tr("Region:"), m_regionValue);
    m_form->addRow(tr("Polling:"), m_phaseValue);
    m_form->addRow(tr("Added:"), m_addedValue);
    m_form->addRow(tr("Last checked:"), m_checkedValue);
    m_form->addRow(tr("Finished:"), m_finishedValue);
    m_form->addRow(tr("HTTP status:"), m_httpValue);
    auto* requestIdCaption = new QLabel(tr("RequestId:"), summary);
    requestIdCaption->setBuddy(m_requestIdLabel);
    m_form->addRow(requestIdCaption, requestIdRow);
    // Screen readers: each value is named after its caption; the value is its description.
    m_idLabel->setAccessibleName(tr("Task ID"));
    m_statusLabel->setAccessibleName(tr("Status"));
    m_productValue->setAccessibleName(tr("Product"));
    m_vendorStatusValue->setAccessibleName(tr("Vendor status"));
    m_regionValue->setAccessibleName(tr("Region"));
    m_phaseValue->setAccessibleName(tr("Polling"));
    m_addedValue->setAccessibleName(tr("Added"));
    m_checkedValue->setAccessibleName(tr("Last checked"));
    m_finishedValue->setAccessibleName(tr("Finished"));
    m_httpValue->setAccessibleName(tr("HTTP status"));
    m_requestIdLabel->setAccessibleName(tr("RequestId"));
    m_copyRequestId->setAccessibleName(tr("Copy the RequestId"));
}

// What DescribeTasks says (rows shown for discovered tasks only).
void DetailsPanel::addDiscoveryRows(QWidget* summary) {
    m_instanceValue = valueLabel(summary);
    m_instanceValue->setObjectName(QStringLiteral("detailsInstance"));
    m_instanceValue->setAccessibleName(tr("Instance"));
    m_typeValue = valueLabel(summary);
    m_typeValue->setObjectName(QStringLiteral("detailsTaskType"));
    m_typeValue->setAccessibleName(tr("Task type"));
    m_progressValue = new QProgressBar(summary);
    m_progressValue->setObjectName(QStringLiteral("detailsProgress"));
    m_progressValue->setAccessibleName(tr("Progress"));
    m_progressValue->setRange(0, 100);
    m_progressValue->setFormat(tr("%p %")); // the number as text: never a length alone
    m_progressValue->setTextVisible(true);
    m_startedValue = valueLabel(summary);
    m_startedValue->setObjectName(QStringLiteral("detailsStarted"));
    m_startedValue->setAccessibleName(tr("Started"));
    m_endedValue = valueLabel(summary);
    m_endedValue->setObjectName(QStringLiteral("detailsEnded"));
    m_endedValue->setAccessibleName(tr("Ended"));
    m_jobIdValue = valueLabel(summary);
    m_jobIdValue->setObjectName(QStringLiteral("detailsJobId"));
    m_jobIdValue->setAccessibleName(tr("JobId"));
    m_taskResultValue = valueLabel(summary);
    m_taskResultValue->setObjectName(QStringLiteral("detailsTaskResult"));
    m_taskResultValue->setAccessibleName(tr("Task result"));
    m_form->addRow(tr("Instance:"), m_instanceValue);
    m_form->addRow(tr("Type:"), m_typeValue);
    m_form->addRow(tr("Progress:"), m_progressValue);
    m_form->addRow(tr("Started:"), m_startedValue);
    m_form->addRow(tr("Ended:"), m_endedValue);
    m_form->addRow(tr("JobId:"), m_jobIdValue);
    m_form->addRow(tr("Task result:"), m_taskResultValue);
}

// ------------------------------------------------------------------------------------------------ tabs

QTabWidget* DetailsPanel::buildTabs(QWidget* page) {
    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(QStringLiteral("detailsTabs"));
    m_tabs->setDocumentMode(true);
    addInfoTab();
    addTimelineTab();
    addErrorTab();
    addRawTab();

    // Copies what the current tab shows (Info, the timeline as tab-separated lines, the error, the response).
    m_copyTab = new QToolButton(m_tabs);
    m_copyTab->setObjectName(QStringLiteral("copyTabButton"));
    m_copyTab->setText(tr("Copy"));
    m_copyTab->setToolTip(tr("Copy the text of this tab to the clipboard"));
    m_copyTab->setAccessibleName(tr("Copy the text of this tab"));
    m_copyTab->setAutoRaise(true);
    connect(m_copyTab, &QToolButton::clicked, this, &DetailsPanel::copyCurrentTab);
    m_tabs->setCornerWidget(m_copyTab, Qt::TopRightCorner);
    return m_tabs;
}

void DetailsPanel::addInfoTab() {
    m_info = new QPlainTextEdit(m_tabs);
    m_info->setObjectName(QStringLiteral("detailsInfo"));
    m_info->setReadOnly(true);
    m_info->setPlaceholderText(tr("The server has not sent any Info for this task."));
    m_info->setTabChangesFocus(true);
    m_info->setAccessibleName(tr("Info"));
    m_info->setAccessibleDescription(tr("The full Info text the server sent for this task"));
    m_tabs->addTab(m_info, tr("Info"));
}

void DetailsPanel::addTimelineTab() {
    m_timeline = new QTreeWidget(m_tabs);
    m_timeline->setObjectName(QStringLiteral("detailsTimeline"));
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_timeline->setAccessibleName(tr("Timeline"));
    m_timeline->setAccessibleDescription(tr("Every observed change of the task, oldest first"));
    m_timeline->setHeaderLabels({tr("Observed"), tr("Status"), tr("Info"), tr("Error"), tr("RequestId")});
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->setColumnWidth(0, 150);
    m_timeline->setColumnWidth(1, 120);
    m_timeline->setColumnWidth(2, 320);
    m_timeline->setColumnWidth(3, 200);
    m_tabs->addTab(m_timeline, tr("Timeline"));
}

void DetailsPanel::addErrorTab() {
    // The "no error" line or the error's fields, each shown whole: no row of the form is ever hidden, so its
    // labels may wrap (see showFormRow()).
    m_errorPage = new QWidget(m_tabs);
    auto* pageLayout = new QVBoxLayout(m_errorPage);
    m_errorFields = new QWidget(m_errorPage);
    auto* errorLayout = new QFormLayout(m_errorFields);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_noError = new QLabel(tr("The last query succeeded."), m_errorPage);
    m_noError->setObjectName(QStringLiteral("detailsNoError"));
    m_errorCode = valueLabel(m_errorPage);
    m_errorCode->setObjectName(QStringLiteral("detailsErrorCode"));
    m_errorCode->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_errorMessage = valueLabel(m_errorPage);
    m_errorMeaning = valueLabel(m_errorPage);
    m_errorMeaning->setObjectName(QStringLiteral("detailsErrorMeaning"));
    m_errorHint = valueLabel(m_errorPage);
    m_errorHint->setObjectName(QStringLiteral("detailsErrorHint"));
    m_errorCode->setAccessibleName(tr("Error code"));
    m_errorMessage->setAccessibleName(tr("Error message"));
    m_errorMeaning->setAccessibleName(tr("Meaning"));
    m_errorHint->setAccessibleName(tr("What to do"));
    for (QLabel* label : {m_errorMessage, m_errorMeaning, m_errorHint})
        label->setWordWrap(true);
    pageLayout->addWidget(m_noError);
    pageLayout->addWidget(m_errorFields);
    pageLayout->addStretch(1);
    errorLayout->addRow(tr("Code:"), m_errorCode);
    errorLayout->addRow(tr("Message:"), m_errorMessage);
    errorLayout->addRow(tr("Meaning:"), m_errorMeaning);
    errorLayout->addRow(tr("What to do:"), m_errorHint);
    m_tabs->addTab(m_errorPage, tr("Last error"));
}

void DetailsPanel::addRawTab() {
    m_raw = new QPlainTextEdit(m_tabs);
    m_raw->setObjectName(QStringLiteral("detailsRawResponse"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setPlaceholderText(tr("No response received yet."));
    m_raw->setTabChangesFocus(true);
    m_raw->setAccessibleName(tr("Raw response"));
    m_raw->setAccessibleDescription(tr("The last response of the server, as received (bounded)"));
    m_tabs->addTab(m_raw, tr("Raw response"));
}

// ------------------------------------------------------------------------------------------------ contents

QList<QWidget*> DetailsPanel::focusChain() const {
    return {m_tabs, m_info, m_timeline, m_raw, m_copyTab, m_copyRequestId};
}

QString DetailsPanel::currentTabText() const {
    QWidget* page = m_tabs->currentWidget();
    if (page == m_info)
        return m_info->toPlainText();
    if (page == m_raw)
        return m_raw->toPlainText();
    if (page == m_timeline) {
        QStringList lines;
        for (int i = 0; i < m_timeline->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* item = m_timeline->topLevelItem(i);
            QStringList cells;
            for (int c = 0; c < m_timeline->columnCount(); ++c)
                cells << item->text(c);
            lines << cells.join(QLatin1Char('\t'));
        }
        return lines.join(QLatin1Char('\n'));
    }
    if (page == m_errorPage && m_errorCode->isVisibleTo(m_errorPage)) {
        return QStringLiteral("%1: %2\n%3\n%4")
            .arg(m_errorCode->text(), m_errorMessage->text(), m_errorMeaning->text(), m_errorHint->text());
    }
    return {};
}

void DetailsPanel::copyCurrentTab() {
    const QString text = currentTabText();
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    emit tabTextCopied(m_tabs->tabText(m_tabs->currentIndex()));
}

void DetailsPanel::setDarkTheme(bool dark) {
    m_dark = dark;
    m_timelineStale = true; // repaint icons on the next showTask
}

int DetailsPanel::stripHeight() const {
    return m_placeholder->sizeHint().height() + 12;
}

void DetailsPanel::showTask(const TaskState* state, const QList<HistoryEntry>& history, bool paused) {
    if (!state) {
        m_taskId.clear();
        m_taskKey.clear();
        m_requestIdValue.clear();
        m_timelineShown.clear();
        m_timelineStale = true;
        m_stack->setCurrentIndex(0);
        return;
    }
    // A task is (profile, id): the same id watched under another profile is another task.
    const QString shownKey = taskKey(*state);
    const bool sameTask = shownKey == m_taskKey;
    m_taskKey = shownKey;
    m_taskId = state->id;
    m_stack->setCurrentIndex(1);
    // A task with an error and nothing to read in Info opens on its error.
    if (!sameTask && m_tabs->currentWidget() == m_info && !state->errorCode.isEmpty() &&
        (!state->info || state->info->isEmpty()))
        m_tabs->setCurrentWidget(m_errorPage);
    else if (!sameTask && m_tabs->currentWidget() == m_errorPage && state->errorCode.isEmpty())
        m_tabs->setCurrentWidget(m_info);

    const StatusKey key = StatusStyle::keyFor(*state);
    m_statusIcon->setPixmap(StatusStyle::icon(key, m_dark).pixmap(QSize(20, 20)));
    setTextIfChanged(m_idLabel, state->id);
    QString status = StatusStyle::text(*state);
    if (state->status && key != StatusKey::Unknown)
        status += QStringLiteral("  (%1)").arg(SafeText::singleLine(*state->status, 64));
    setTextIfChanged(m_statusLabel, status);
    QPalette statusPalette = m_statusLabel->palette();
    statusPalette.setColor(QPalette::WindowText, StatusStyle::color(key, m_dark));
    m_statusLabel->setPalette(statusPalette);
    // As in the table: plain text, escaped (a tooltip that looks like markup would be rendered as rich text).
    QString statusTip = StatusStyle::text(*state) + QLatin1Char('\n') + StatusStyle::description(key);
    if (key == StatusKey::Error && state->status)
        statusTip += QLatin1Char('\n') + tr("Last status: %1").arg(SafeText::singleLine(*state->status, 64));
    m_statusLabel->setToolTip(SafeText::toolTip(statusTip));

    setTextIfChanged(m_productValue, TaskTableModel::productOf(*state));
    // The vendor's own word, where it is not ours (cdb's words are ours).
    const QString vendorWord = TaskTableModel::vendorWordOf(*state);
    showFormRow(m_form, m_vendorStatusValue, !vendorWord.isEmpty());
    setTextIfChanged(m_vendorStatusValue, vendorWord);
    setTextIfChanged(m_regionValue, SafeText::singleLine(state->region, 64));
    setTextAndTip(m_phaseValue, phaseText(*state, paused));
    setTextIfChanged(m_addedValue, formatTime(state->addedAt));
    setTextIfChanged(m_checkedValue, formatTime(state->lastCheckedAt));
    setTextIfChanged(m_finishedValue, formatTime(state->finishedAt));
    setTextIfChanged(m_httpValue,
                     state->httpStatus > 0 ? QString::number(state->httpStatus) : QStringLiteral("—"));
    m_requestIdValue = SafeText::singleLine(state->requestId, 80); // what is shown is what is copied
    setTextIfChanged(m_requestIdLabel, state->requestId.isEmpty()
                                           ? QStringLiteral("—")
                                           : SafeText::singleLine(state->requestId, 80));
    m_copyRequestId->setEnabled(!state->requestId.isEmpty());

    setTextIfChanged(m_info,
                     state->info ? boundText(SafeText::multiLine(*state->info), kMaxInfoChars) : QString());
    fillError(*state);
    fillDiscovery(*state);
    setTextIfChanged(m_raw, rawText(state->lastRawResponse));
    // Equal lists that share their data compare in constant time; others entry by entry, which is far
    // cheaper than refilling the tree.
    if (!sameTask || m_timelineStale || history != m_timelineShown)
        fillTimeline(history);
}

void DetailsPanel::fillError(const TaskState& s) {
    const bool hasError = !s.errorCode.isEmpty();
    m_noError->setVisible(!hasError);
    m_errorFields->setVisible(hasError);
    const int index = m_tabs->indexOf(m_errorPage);
    m_tabs->setTabIcon(index, hasError ? StatusStyle::icon(StatusKey::Error, m_dark) : QIcon());
    if (!hasError)
        return;
    const ErrorDescription d = TaskTableModel::errorDescription(s); // the product's CAM permission
    setTextIfChanged(m_errorCode, SafeText::singleLine(s.errorCode, 200));
    setTextIfChanged(m_errorMessage, s.errorMessage.isEmpty()
                                         ? QStringLiteral("—")
                                         : boundText(SafeText::multiLine(s.errorMessage), kMaxMessageChars));
    setTextIfChanged(m_errorMeaning, d.meaning.isEmpty() ? QStringLiteral("—") : d.meaning);
    setTextIfChanged(m_errorHint, d.hint.isEmpty() ? QStringLiteral("—") : d.hint);
}

void DetailsPanel::fillDiscovery(const TaskState& s) {
    const DiscoveryFacts& f = s.discovery;
    const bool discovered = f.isDiscovered();
    for (QWidget* field : std::initializer_list<QWidget*>{m_instanceValue, m_typeValue, m_progressValue,
                                                          m_startedValue, m_endedValue, m_jobIdValue})
        showFormRow(m_form, field, discovered);
    showFormRow(m_form, m_taskResultValue, discovered && (f.taskCode != 0 || !f.taskMessage.isEmpty()));
    if (!discovered)
        return;
    QStringList ids;
    for (const QString& id : f.instanceIds.mid(0, 20))
        ids << SafeText::singleLine(id, 64);
    if (f.instanceIds.size() > 20)
        ids << tr("and %n more", nullptr, int(f.instanceIds.size() - 20));
    const QString idText = ids.join(QLatin1String(", "));
    const QString name = SafeText::singleLine(f.instanceName, 200);
    QString instance = name.isEmpty() ? idText : idText.isEmpty() ? name : tr("%1 (%2)").arg(name, idText);
    setTextAndTip(m_instanceValue, instance.isEmpty() ? QStringLiteral("—") : instance);
    const QString vendorType = SafeText::singleLine(f.taskType, 120);
    const QString readable = SafeText::singleLine(Discovery::readableTaskType(f.taskType), 120);
    setTextIfChanged(m_typeValue, vendorType.isEmpty()     ? QStringLiteral("—")
                                  : readable == vendorType ? vendorType
                                                           : tr("%1 (%2)").arg(readable, vendorType));
    m_progressValue->setValue(f.progress ? qBound(0, *f.progress, 100) : 0);
    m_progressValue->setTextVisible(f.progress.has_value());
    m_progressValue->setAccessibleDescription(f.progress ? tr("%1 %").arg(*f.progress) : tr("Not known"));
    setTextIfChanged(m_startedValue, formatTime(f.startedAt));
    setTextIfChanged(m_endedValue, f.endedAt.isValid() ? formatTime(f.endedAt) : tr("Not ended yet"));
    setTextIfChanged(m_jobIdValue, f.jobId > 0 ? QString::number(f.jobId) : QStringLiteral("—"));
    if (f.taskCode != 0 || !f.taskMessage.isEmpty()) {
        const QString message = f.taskMessage.isEmpty()
                                    ? QStringLiteral("—")
                                    : SafeText::singleLine(f.taskMessage, kMaxTaskMessageChars);
        setTextAndTip(m_taskResultValue, tr("Code %1: %2").arg(QString::number(f.taskCode), message));
    }
}

QString DetailsPanel::discoveryText() const {
    if (!m_form || !m_form->isRowVisible(m_instanceValue))
        return {};
    QStringList parts{m_instanceValue->text(),
                      m_typeValue->text(),
                      m_progressValue->isTextVisible() ? m_progressValue->text() : QString(),
                      m_startedValue->text(),
                      m_endedValue->text(),
                      m_jobIdValue->text()};
    if (m_form->isRowVisible(m_taskResultValue))
        parts << m_taskResultValue->text();
    return parts.join(QLatin1Char('\n'));
}

void DetailsPanel::fillTimeline(const QList<HistoryEntry>& history) {
    const bool atBottom =
        m_timeline->verticalScrollBar()->value() == m_timeline->verticalScrollBar()->maximum();
    m_timeline->clear();
    m_timelineShown = history;
    m_timelineStale = false;
    QList<QTreeWidgetItem*> items;
    const qsizetype first = qMax<qsizetype>(0, history.size() - kMaxTimelineRows);
    items.reserve(history.size() - first);
    for (qsizetype i = first; i < history.size(); ++i) {
        const HistoryEntry& e = history.at(i);
        TaskState t;
        t.status = e.status;
        t.errorCode = e.errorCode;
        t.phase = e.errorCode.isEmpty() ? TaskPhase::Polling : TaskPhase::Stopped;
        const StatusKey key = StatusStyle::keyFor(t);
        auto* item = new QTreeWidgetItem;
        item->setText(0, formatTime(e.observedAt));
        item->setText(1, StatusStyle::text(t));
        item->setIcon(1, StatusStyle::icon(key, m_dark));
        item->setForeground(1, StatusStyle::color(key, m_dark));
        if (e.status && key == StatusKey::Error)
            item->setToolTip(1, tr("Last status: %1").arg(SafeText::singleLine(*e.status, 64)));
        if (e.info) {
            item->setText(2, SafeText::singleLine(*e.info, 300));
            item->setToolTip(2, QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>")
                                    .arg(boundText(SafeText::multiLine(*e.info), 4000).toHtmlEscaped()));
        }
        item->setText(3, SafeText::singleLine(e.errorCode, 120));
        if (!e.errorMessage.isEmpty())
            item->setToolTip(3,
                             QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>")
                                 .arg(boundText(SafeText::multiLine(e.errorMessage), 1000).toHtmlEscaped()));
        item->setText(4, SafeText::singleLine(e.requestId, 80));
        items.append(item);
    }
    m_timeline->addTopLevelItems(items);
    if (atBottom || items.size() <= 1)
        m_timeline->scrollToBottom();
}

QString DetailsPanel::infoText() const {
    return m_info->toPlainText();
}

int DetailsPanel::timelineRowCount() const {
    return m_timeline->topLevelItemCount();
}

void DetailsPanel::copyRequestId() {
    if (m_requestIdValue.isEmpty())
        return;
    QApplication::clipboard()->setText(m_requestIdValue);
    emit requestIdCopied(m_requestIdValue);
}

} // namespace taskwatch::ui
