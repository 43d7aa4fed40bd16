// Finds product-named task ids in any text: `mongodb:4762`, `redis: 18215`, `Postgres:912`,
// `cdb:f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7` (the product key in any case, blanks allowed around the colon),
// and, when the user names a product for them, bare numbers. cdb ids without a name are TaskIdExtractor's.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace taskwatch {

struct NamedTaskId {
    QString product; // the registered key, lowercase
    QString id;      // canonical (ProductAdapter::normaliseId)
    bool operator==(const NamedTaskId&) const = default;
};

struct NamedTaskIdScan {
    QList<NamedTaskId> ids; // in order of first appearance, without duplicates
    int duplicates = 0;
    QStringList rejected; // product-named values that are no id of the product ("redis:0"), the first few
    int rejectedCount = 0;
    bool cut = false; // the text or the number of ids went beyond the bounds: the rest was not read
    static constexpr qsizetype kMaxTextChars = 1024 * 1024;
    static constexpr int kMaxIds = 10000;
    static constexpr int kMaxReportedRejects = 100;
};

// Every task id of any text: cdb's AsyncRequestIds (TaskIdExtractor, no name needed) and product-named ids
// (with bare numbers when a product is named for them).
struct PastedIds {
    QList<NamedTaskId> ids; // in order of first appearance per kind (cdb's first), without duplicates
    int duplicates = 0;
    int rejected = 0; // product-named values that are no id of the product
    QStringList
        unrecognisedLines; // non-blank lines without any id (the first ExtractedIds::kMaxReportedLines)
    int unrecognisedLineCount = 0;
    QStringList idsOf(const QString& product) const;
};

namespace NamedTaskIds {
// `bareNumbersProduct`: the key of a product with numeric ids that bare numbers belong to; empty (or a
// product without numeric ids): bare numbers are not ids. A bare number glued to letters, '.', '-', '/' or
// to a digit and ':' (dates, times, versions, addresses) is not one.
NamedTaskIdScan extract(QStringView text, QStringView bareNumbersProduct = {});
PastedIds extractAll(QStringView text, QStringView bareNumbersProduct = {});
} // namespace NamedTaskIds

} // namespace taskwatch
