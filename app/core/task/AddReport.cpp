#include "task/AddReport.h"

#include <QCoreApplication>

namespace taskwatch {

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("taskwatch::AddReport", text, disambiguation, n);
}
} // namespace

QString AddReport::text() const {
    QStringList parts;
    if (added > 0 || (alreadyPresent == 0 && unrecognisedLineCount == 0))
        parts << (added == 0 ? tr("No task ids found") : tr("%n added", nullptr, added));
    if (alreadyPresent > 0)
        parts << tr("%n already present", nullptr, alreadyPresent);
    if (unrecognisedLineCount == 1)
        parts << tr("1 line not recognised");
    else if (unrecognisedLineCount > 1)
        parts << tr("%n lines not recognised", nullptr, unrecognisedLineCount);
    return parts.join(QLatin1String(", "));
}

} // namespace taskwatch
