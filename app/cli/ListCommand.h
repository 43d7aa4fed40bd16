// `cdb-taskwatch list`: the account's tasks (DescribeTasks) in one or more regions, newest first, as an
// aligned table or one JSON object per line.
#pragma once

#include <QStringList>

namespace taskwatch::cli {

int runList(const QStringList& arguments);

} // namespace taskwatch::cli
