// `cdb-taskwatch watch`: poll tasks headless until they finish, one output line per observed change.
#pragma once

#include <QStringList>

namespace taskwatch::cli {

int runWatch(const QStringList& arguments);

} // namespace taskwatch::cli
