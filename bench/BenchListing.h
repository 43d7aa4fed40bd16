// The listing benchmark (rows 11a-11f): `BIN watch --json` on 200 pasted ids against app/sim, with and
// without cdb:DescribeTasks. See bench_listing.cpp.
#pragma once

#include <QString>

namespace taskwatch::bench {

int listingRuns(const QString& bin);

} // namespace taskwatch::bench
