// What adding a text of ids did, shown as a one-line report ("3 added, 1 already present, 2 lines not
// recognised").
#pragma once

#include <QString>
#include <QStringList>

namespace taskwatch {

struct AddReport {
    int added = 0;
    int alreadyPresent = 0; // on the board already, or repeated in the same text
    int unrecognisedLineCount = 0;
    QStringList unrecognisedLines; // the first TaskIdExtractor::kMaxReportedLines of them
    QStringList addedKeys;
    QString text() const; // translated
};

} // namespace taskwatch
