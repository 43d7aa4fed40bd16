#include "WatchOutput.h"

#include "CliCommon.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"
#include "task/TaskState.h"
#include "task/TextBounds.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace taskwatch::cli::WatchOutput {

namespace {
// lupdate files this namespace's tr() calls under "taskwatch::cli::WatchOutput", not the enclosing
// "taskwatch::cli" of cli::tr(): look them up there.
QString tr(const char* text) {
    return QCoreApplication::translate("taskwatch::cli::WatchOutput", text);
}

constexpr qsizetype kMaxStatusChars = 40;
constexpr qsizetype kMaxInfoChars = 500;
constexpr qsizetype kMaxCodeChars = 100;
constexpr qsizetype kMaxRequestIdChars = 80;

QString isoMs(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue optionalJson(const std::optional<QString>& v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

// The id as users name it: cdb's bare, another product's named (`redis:18215`).
QString shownId(const QString& product, const QString& id) {
    return isCdbProduct(product) ? id : product + QLatin1Char(':') + id;
}

QString noStatusLabel() {
    return tr("(no status)");
}

// A label fitted to the status column: padded, or cut with an ellipsis when an unknown status is longer.
QString statusCell(const QString& label) {
    const int width = statusWidth();
    if (label.size() > width)
        return label.left(width - 1) + QChar(0x2026);
    return label.leftJustified(width);
}

// The summary's key for a task (server text, neutralised for text mode by the caller).
std::optional<QString> summaryKey(const TaskState& s) {
    if (s.phase == TaskPhase::Stopped)
        return QStringLiteral("ERROR");
    return s.status;
}

QString textKey(const TaskState& s) {
    const std::optional<QString> key = summaryKey(s);
    return key ? SafeText::singleLine(*key, kMaxStatusChars) : noStatusLabel();
}
} // namespace

int statusWidth() {
    static const int width = [] {
        qsizetype w = 11;
        for (const QString& label : {noStatusLabel(), tr("RETRYING"), tr("ERROR")})
            w = std::max(w, label.size());
        return int(std::min<qsizetype>(w, 24));
    }();
    return width;
}

QString jsonLine(const HistoryEntry& e) {
    QJsonObject o;
    o.insert(QStringLiteral("time"),
             isoMs(e.observedAt.isValid() ? e.observedAt : QDateTime::currentDateTimeUtc()));
    o.insert(QStringLiteral("id"), e.taskId);
    o.insert(QStringLiteral("region"), e.region);
    o.insert(QStringLiteral("status"), optionalJson(e.status));
    o.insert(QStringLiteral("vendorStatus"), optionalJson(e.vendorStatus));
    o.insert(QStringLiteral("product"), e.product);
    o.insert(QStringLiteral("info"), optionalJson(e.info));
    o.insert(QStringLiteral("requestId"),
             e.requestId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.requestId));
    if (e.errorCode.isEmpty()) {
        o.insert(QStringLiteral("error"), QJsonValue(QJsonValue::Null));
    } else {
        QJsonObject error;
        error.insert(QStringLiteral("code"), e.errorCode);
        error.insert(QStringLiteral("message"), e.errorMessage);
        o.insert(QStringLiteral("error"), error);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString textLine(const HistoryEntry& e, TaskPhase phase) {
    const QString time = isoMs(e.observedAt.isValid() ? e.observedAt : QDateTime::currentDateTimeUtc());
    QString status;
    QString what;
    if (!e.errorCode.isEmpty()) {
        status = phase == TaskPhase::Retrying ? tr("RETRYING") : tr("ERROR");
        // One-pass arg(): server text is never format-interpreted.
        what = QStringLiteral("%1: %2").arg(SafeText::singleLine(e.errorCode, kMaxCodeChars),
                                            SafeText::singleLine(e.errorMessage, kMaxInfoChars));
    } else {
        status = e.status ? SafeText::singleLine(*e.status, kMaxStatusChars) : noStatusLabel();
        if (e.info)
            what = SafeText::singleLine(*e.info, kMaxInfoChars).trimmed();
    }
    QStringList cells{time,
                      SafeText::singleLine(shownId(e.product, e.taskId), kIdWidth).leftJustified(kIdWidth),
                      SafeText::singleLine(e.region, 64).leftJustified(kRegionWidth), statusCell(status)};
    if (!what.isEmpty())
        cells.append(what);
    if (!e.requestId.isEmpty())
        cells.append(
            QStringLiteral("[RequestId %1]").arg(SafeText::singleLine(e.requestId, kMaxRequestIdChars)));
    QString line = cells.join(QLatin1String("  "));
    while (line.endsWith(QLatin1Char(' ')))
        line.chop(1);
    return line;
}

QString startLine(int taskCount, const QString& region) {
    return tr("Watching %1 task(s) in %2…").arg(QString::number(taskCount), SafeText::singleLine(region, 64));
}

bool isUnfinished(const TaskState& s) {
    return !s.isDone();
}

QStringList summaryText(const QList<TaskState>& tasks) {
    QStringList keys;
    QList<int> counts;
    QList<const TaskState*> unfinished;
    for (const TaskState& s : tasks) {
        const QString key = textKey(s);
        const qsizetype i = keys.indexOf(key);
        if (i < 0) {
            keys.append(key);
            counts.append(1);
        } else {
            ++counts[i];
        }
        if (isUnfinished(s))
            unfinished.append(&s);
    }
    QStringList parts;
    for (qsizetype i = 0; i < keys.size(); ++i)
        parts.append(QStringLiteral("%1 %2").arg(QString::number(counts.at(i)), keys.at(i)));
    QStringList lines;
    lines.append(tr("%1 task(s): %2.").arg(QString::number(tasks.size()), parts.join(QStringLiteral(", "))));
    if (unfinished.isEmpty()) {
        lines.append(tr("No task is unfinished."));
    } else {
        lines.append(tr("Unfinished (%1):").arg(unfinished.size()));
        for (const TaskState* s : std::as_const(unfinished))
            lines.append(
                QStringLiteral("  %1  %2")
                    .arg(SafeText::singleLine(shownId(s->product, s->id), kIdWidth).leftJustified(kIdWidth),
                         textKey(*s)));
    }
    return lines;
}

QString summaryJson(const QList<TaskState>& tasks, const QString& reason, int exitCode) {
    QJsonObject statuses;
    QJsonArray unfinished;
    int noStatus = 0;
    for (const TaskState& s : tasks) {
        if (const std::optional<QString> key = summaryKey(s))
            statuses.insert(*key, statuses.value(*key).toInt() + 1);
        else
            ++noStatus;
        if (isUnfinished(s))
            unfinished.append(shownId(s.product, s.id));
    }
    QJsonObject summary;
    summary.insert(QStringLiteral("reason"), reason);
    summary.insert(QStringLiteral("exitCode"), exitCode);
    summary.insert(QStringLiteral("tasks"), int(tasks.size()));
    summary.insert(QStringLiteral("statuses"), statuses);
    summary.insert(QStringLiteral("noStatus"), noStatus);
    summary.insert(QStringLiteral("unfinished"), unfinished);
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("summary"), summary}}).toJson(QJsonDocument::Compact));
}

} // namespace taskwatch::cli::WatchOutput
