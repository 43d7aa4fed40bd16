// `cdb-taskwatch emulator`: runs the built-in endpoint emulator in the foreground (demo, scripts,
// benchmarks).
#pragma once

#include <QStringList>

namespace taskwatch::cli {

int runEmulator(const QStringList& arguments);

} // namespace taskwatch::cli
