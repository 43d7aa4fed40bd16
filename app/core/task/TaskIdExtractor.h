// Finds AsyncRequestIds in any text: a JSON response, log lines, tccli output, a hand-typed list.
// Accepted forms (case-insensitive, reported in lowercase): four groups of 8 hex digits
// (f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7) and UUIDs (7ef78bec-0111-43af-bb11-111112fb54a7).
// A value labelled RequestId (JSON key "RequestId", or `RequestId:` / `RequestId=` in text, any case,
// optional quotes and blanks) is the id of an API call, never a task id; AsyncRequestId values are task ids.
#pragma once

#include <QString>
#include <QStringList>

namespace taskwatch {

struct ExtractedIds {
    QStringList ids;               // in order of first appearance, lowercase, without duplicates
    int duplicates = 0;            // ids that appeared again in the same text
    QStringList unrecognisedLines; // non-blank lines without any id (first kMaxReportedLines, trimmed)
    int unrecognisedLineCount = 0; // all of them
    static constexpr int kMaxReportedLines = 1000;
};

class TaskIdExtractor {
public:
    static ExtractedIds extract(QStringView text);
    static bool isTaskId(QStringView candidate); // the whole string is one id (surrounding blanks allowed)
};

} // namespace taskwatch
