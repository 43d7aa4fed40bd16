// `cdb-taskwatch export-csv`: the history of observed changes as RFC 4180 CSV.
#pragma once

#include <QStringList>

namespace taskwatch::cli {

int runExportCsv(const QStringList& arguments);

} // namespace taskwatch::cli
