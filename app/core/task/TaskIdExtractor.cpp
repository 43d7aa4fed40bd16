#include "task/TaskIdExtractor.h"

#include "platform/QtCompat.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace taskwatch {

namespace {
const QRegularExpression& idPattern() {
    // Not glued to other letters, digits or dashed groups on either side.
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9A-Za-z_])(?<![0-9A-Za-z]-)"
                       "([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}"
                       "|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                       "(?![0-9A-Za-z_])(?!-[0-9A-Za-z])"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// A value labelled RequestId (the id of an API call, not of a task): `"RequestId": "`, `RequestId=`,
// `requestid: '` … right before the id. AsyncRequestId and other longer names do not count.
const QRegularExpression& requestIdLabel() {
    static const QRegularExpression re(QStringLiteral("(?<![0-9A-Za-z_])[\"']?RequestId[\"']?[ \t]*[:=][ \t]*"
                                                      "[\"']?\\z"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}
constexpr qsizetype kMaxLabelChars = 32; // `"RequestId"   :   "` and then some

bool labelledRequestId(QStringView text, qsizetype idStart) {
    const qsizetype from = std::max<qsizetype>(0, idStart - kMaxLabelChars);
    return compat::matchView(requestIdLabel(), text.mid(from, idStart - from)).hasMatch();
}
} // namespace

ExtractedIds TaskIdExtractor::extract(QStringView text) {
    ExtractedIds result;
    QSet<QString> seen;
    qsizetype lineStart = 0; // start of the line we are scanning
    bool lineHasId = false;
    auto closeLinesUpTo = [&](qsizetype pos) {
        // Close every line that ends before `pos`.
        while (true) {
            const qsizetype nl = text.indexOf(QLatin1Char('\n'), lineStart);
            if (nl < 0 || nl >= pos)
                return;
            const QStringView line = text.mid(lineStart, nl - lineStart).trimmed();
            if (!lineHasId && !line.isEmpty()) {
                if (result.unrecognisedLines.size() < ExtractedIds::kMaxReportedLines)
                    result.unrecognisedLines.append(line.toString());
                ++result.unrecognisedLineCount;
            }
            lineStart = nl + 1;
            lineHasId = false;
        }
    };

    auto it = compat::globalMatchView(idPattern(), text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        closeLinesUpTo(m.capturedStart(1));
        if (labelledRequestId(text, m.capturedStart(1)))
            continue; // not a task id (a line with only a RequestId counts as unrecognised)
        lineHasId = true;
        const QString id = m.captured(1).toLower();
        if (seen.contains(id)) {
            ++result.duplicates;
        } else {
            seen.insert(id);
            result.ids.append(id);
        }
    }
    closeLinesUpTo(text.size() + 1);
    const QStringView last = text.mid(lineStart).trimmed();
    if (!lineHasId && !last.isEmpty()) {
        if (result.unrecognisedLines.size() < ExtractedIds::kMaxReportedLines)
            result.unrecognisedLines.append(last.toString());
        ++result.unrecognisedLineCount;
    }
    return result;
}

bool TaskIdExtractor::isTaskId(QStringView candidate) {
    const QStringView t = candidate.trimmed();
    const auto m = compat::matchView(idPattern(), t);
    return m.hasMatch() && m.capturedStart(0) == 0 && m.capturedLength(0) == t.size();
}

} // namespace taskwatch
