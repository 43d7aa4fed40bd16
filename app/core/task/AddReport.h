// What adding a text of ids did, shown as a one-line report ("3 added, 1 already present, 2 lines not
// recognised"; with tasks of several products, or of one other than cdb, "3 added (cdb 1, redis 2)").
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace taskwatch {

struct AddReport {
    int added = 0;
    int alreadyPresent = 0; // on the board already, or repeated in the same text
    int unrecognisedLineCount = 0;
    QStringList unrecognisedLines; // the first TaskIdExtractor::kMaxReportedLines of them
    QStringList addedKeys;
    QMap<QString, int> addedByProduct; // product key ("cdb", "redis"…) -> how many of `added`
    int rejected = 0;                  // product-named values that are no id of the product ("redis:0")
    QString text() const;              // translated

private:
    QString perProduct() const;
};

} // namespace taskwatch
