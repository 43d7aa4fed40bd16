// The SQL of TaskStore's schema: the tables of version 3 and the steps from each version to the next.
// A new database is made as version 3 and brought up to the current version by the same steps an old one
// takes, so both end with exactly the same tables.
#pragma once

#include <span>

namespace taskwatch::TaskStoreSchema {

using Statements = std::span<const char* const>;

inline constexpr int kCurrentVersion = 5;

Statements createVersion3();
// The statements that take a database of `fromVersion` (1 … kCurrentVersion - 1) to the next version.
Statements migrationFrom(int fromVersion);

} // namespace taskwatch::TaskStoreSchema
