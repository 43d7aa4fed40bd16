#include "task/AddReport.h"

#include <QCoreApplication>

namespace taskwatch {

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("taskwatch::AddReport", text, disambiguation, n);
}
} // namespace

// " (cdb 1, redis 2)" when the tasks added are not all cdb's; empty otherwise.
QString AddReport::perProduct() const {
    const bool onlyCdb = addedByProduct.size() == 1 && addedByProduct.firstKey() == QLatin1String("cdb");
    if (addedByProduct.isEmpty() || onlyCdb)
        return {};
    QStringList counts;
    for (auto it = addedByProduct.cbegin(); it != addedByProduct.cend(); ++it)
        counts << it.key() + QLatin1Char(' ') + QString::number(it.value());
    return QLatin1String(" (") + counts.join(QLatin1String(", ")) + QLatin1Char(')');
}

QString AddReport::text() const {
    QStringList parts;
    if (added > 0 || (alreadyPresent == 0 && unrecognisedLineCount == 0))
        parts << (added == 0 ? tr("No task ids found") : tr("%n added", nullptr, added) + perProduct());
    if (alreadyPresent > 0)
        parts << tr("%n already present", nullptr, alreadyPresent);
    if (rejected > 0)
        parts << tr("%n not an id of the product named", nullptr, rejected);
    if (unrecognisedLineCount == 1)
        parts << tr("1 line not recognised");
    else if (unrecognisedLineCount > 1)
        parts << tr("%n lines not recognised", nullptr, unrecognisedLineCount);
    return parts.join(QLatin1String(", "));
}

} // namespace taskwatch
