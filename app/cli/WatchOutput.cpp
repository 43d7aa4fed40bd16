#include "WatchOutput.h"

#include "CliCommon.h"
#include "SafeText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace taskwatch::cli::WatchOutput {

namespace {
constexpr qsizetype kMaxStatusChars = 40;
constexpr qsizetype kMaxInfoChars = 500;
constexpr qsizetype kMaxCodeChars = 100;
constexpr qsizetype kMaxRequestIdChars = 80;

QString isoMs(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
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

namespace {
// A JSON string exactly as QJsonDocument writes it: '"', '\\' and control characters escaped (\b \f \n \r \t,
// the others \u00xx), everything else as UTF-8, an unpaired surrogate as \uxxxx.
void appendJsonString(QByteArray& out, QStringView text) {
    static constexpr char kHex[] = "0123456789abcdef";
    const auto escape4 = [&out](char16_t u) {
        out += "\\u";
        out += kHex[(u >> 12) & 0xf];
        out += kHex[(u >> 8) & 0xf];
        out += kHex[(u >> 4) & 0xf];
        out += kHex[u & 0xf];
    };
    out += '"';
    const char16_t* p = text.utf16();
    const char16_t* const end = p + text.size();
    while (p != end) {
        const char16_t u = *p++;
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                out += char(u);
                continue;
            }
            out += '\\';
            switch (u) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case 0x8:
                out += 'b';
                break;
            case 0xc:
                out += 'f';
                break;
            case 0xa:
                out += 'n';
                break;
            case 0xd:
                out += 'r';
                break;
            case 0x9:
                out += 't';
                break;
            default:
                out += "u00";
                out += kHex[u >> 4];
                out += kHex[u & 0xf];
            }
        } else if (u < 0x800) {
            out += char(0xc0 | (u >> 6));
            out += char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            out += char(0xe0 | (u >> 12));
            out += char(0x80 | ((u >> 6) & 0x3f));
            out += char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t c = QChar::surrogateToUcs4(u, *p++);
            out += char(0xf0 | (c >> 18));
            out += char(0x80 | ((c >> 12) & 0x3f));
            out += char(0x80 | ((c >> 6) & 0x3f));
            out += char(0x80 | (c & 0x3f));
        } else {
            escape4(u);
        }
    }
    out += '"';
}

void appendJsonOptional(QByteArray& out, const std::optional<QString>& value) {
    if (value)
        appendJsonString(out, *value);
    else
        out += "null";
}
} // namespace

// Written directly, byte for byte what QJsonDocument::toJson(Compact) makes of the same object (its keys in
// order): a QJsonObject per line cost several times the rest of a poll (tst_watchoutput compares both).
QString jsonLine(const TaskState& s) {
    QByteArray out;
    out.reserve(160 + 3 * (s.id.size() + s.region.size() + (s.info ? s.info->size() : 0)));
    out += "{\"error\":";
    if (s.errorCode.isEmpty()) {
        out += "null";
    } else {
        out += "{\"code\":";
        appendJsonString(out, s.errorCode);
        out += ",\"message\":";
        appendJsonString(out, s.errorMessage);
        out += '}';
    }
    out += ",\"id\":";
    appendJsonString(out, s.id);
    out += ",\"info\":";
    appendJsonOptional(out, s.info);
    out += ",\"region\":";
    appendJsonString(out, s.region);
    out += ",\"requestId\":";
    if (s.requestId.isEmpty())
        out += "null";
    else
        appendJsonString(out, s.requestId);
    out += ",\"status\":";
    appendJsonOptional(out, s.status);
    out += ",\"time\":";
    appendJsonString(out,
                     isoMs(s.lastCheckedAt.isValid() ? s.lastCheckedAt : QDateTime::currentDateTimeUtc()));
    out += '}';
    return QString::fromUtf8(out);
}

QString textLine(const TaskState& s) {
    const QString time = isoMs(s.lastCheckedAt.isValid() ? s.lastCheckedAt : QDateTime::currentDateTimeUtc());
    QString status;
    QString what;
    if (!s.errorCode.isEmpty()) {
        status = s.phase == TaskPhase::Retrying ? tr("RETRYING") : tr("ERROR");
        // One-pass arg(): server text is never format-interpreted.
        what = QStringLiteral("%1: %2").arg(SafeText::singleLine(s.errorCode, kMaxCodeChars),
                                            SafeText::singleLine(s.errorMessage, kMaxInfoChars));
    } else {
        status = s.status ? SafeText::singleLine(*s.status, kMaxStatusChars) : noStatusLabel();
        if (s.info)
            what = SafeText::singleLine(*s.info, kMaxInfoChars).trimmed();
    }
    QStringList cells{time, SafeText::singleLine(s.id, kIdWidth).leftJustified(kIdWidth),
                      SafeText::singleLine(s.region, 64).leftJustified(kRegionWidth), statusCell(status)};
    if (!what.isEmpty())
        cells.append(what);
    if (!s.requestId.isEmpty())
        cells.append(
            QStringLiteral("[RequestId %1]").arg(SafeText::singleLine(s.requestId, kMaxRequestIdChars)));
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
                    .arg(SafeText::singleLine(s->id, kIdWidth).leftJustified(kIdWidth), textKey(*s)));
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
            unfinished.append(s.id);
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
