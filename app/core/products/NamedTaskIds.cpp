#include "products/NamedTaskIds.h"

#include "platform/QtCompat.h"
#include "products/Products.h"
#include "task/TaskIdExtractor.h"
#include "task/TaskKey.h"
#include "task/TextBounds.h"

#include <QRegularExpression>
#include <QSet>

namespace taskwatch {

namespace {
constexpr qsizetype kMaxRejectChars = 100;

// Group 1: the product key, group 2: its value; group 3: a bare number.
const QRegularExpression& namedIdPattern() {
    static const QRegularExpression re = [] {
        QStringList keys;
        for (const QString& k : Products::keys())
            keys.append(QRegularExpression::escape(k));
        return QRegularExpression(
            QStringLiteral("(?<![0-9A-Za-z_])(%1)[ \\t]*:[ \\t]*([0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)"
                           "(?![0-9A-Za-z_])(?!-[0-9A-Za-z])"
                           "|(?<![0-9A-Za-z_./-])(?<![0-9]:)([0-9]{1,40})(?![0-9A-Za-z_/-])(?![.:][0-9])")
                .arg(keys.join(QLatin1Char('|'))),
            QRegularExpression::CaseInsensitiveOption);
    }();
    return re;
}
} // namespace

NamedTaskIdScan NamedTaskIds::extract(QStringView text, QStringView bareNumbersProduct) {
    NamedTaskIdScan scan;
    if (text.size() > NamedTaskIdScan::kMaxTextChars) {
        text = text.left(NamedTaskIdScan::kMaxTextChars);
        scan.cut = true;
    }
    const ProductAdapter* bare = Products::find(bareNumbersProduct);
    if (bare && bare->idKind() == IdKind::CdbAsyncRequestId)
        bare = nullptr;
    QSet<QString> seen;
    auto it = compat::globalMatchView(namedIdPattern(), text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const bool named = m.capturedLength(1) > 0;
        const ProductAdapter* product = named ? Products::find(m.capturedView(1)) : bare;
        if (!product)
            continue;
        const std::optional<QString> id = product->normaliseId(m.capturedView(named ? 2 : 3));
        if (!id) {
            if (named) { // a bare number that is no id is just a number
                if (scan.rejected.size() < NamedTaskIdScan::kMaxReportedRejects)
                    scan.rejected.append(boundText(m.captured(0), kMaxRejectChars));
                ++scan.rejectedCount;
            }
            continue;
        }
        const QString key = product->key() + QLatin1Char(':') + *id;
        if (seen.contains(key)) {
            ++scan.duplicates;
            continue;
        }
        if (scan.ids.size() >= NamedTaskIdScan::kMaxIds) {
            scan.cut = true;
            break;
        }
        seen.insert(key);
        scan.ids.append({product->key(), *id});
    }
    return scan;
}

QStringList PastedIds::idsOf(const QString& product) const {
    QStringList result;
    for (const NamedTaskId& n : ids) {
        if (n.product == product)
            result.append(n.id);
    }
    return result;
}

PastedIds NamedTaskIds::extractAll(QStringView text, QStringView bareNumbersProduct) {
    const ExtractedIds cdb = TaskIdExtractor::extract(text);
    const NamedTaskIdScan named = extract(text, bareNumbersProduct);
    PastedIds result;
    result.duplicates = cdb.duplicates + named.duplicates;
    result.rejected = named.rejectedCount;
    QSet<QString> seen;
    for (const QString& id : cdb.ids) {
        seen.insert(id);
        result.ids.append({QString::fromLatin1(kCdbProduct), id});
    }
    for (const NamedTaskId& n : named.ids) {
        if (n.product == QLatin1String(kCdbProduct) && seen.contains(n.id))
            ++result.duplicates; // "cdb:<id>" is found by both scans: one id
        else
            result.ids.append(n);
    }
    // A line without a cdb id may hold a named one (only the reported lines can be checked: the count
    // beyond them stays as the cdb scan counted it).
    result.unrecognisedLineCount = cdb.unrecognisedLineCount;
    for (const QString& line : cdb.unrecognisedLines) {
        const NamedTaskIdScan inLine = extract(line, bareNumbersProduct);
        if (inLine.ids.isEmpty() && inLine.rejectedCount == 0)
            result.unrecognisedLines.append(line);
        else
            --result.unrecognisedLineCount;
    }
    return result;
}

} // namespace taskwatch
