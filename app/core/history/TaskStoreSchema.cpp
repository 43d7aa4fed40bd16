#include "history/TaskStoreSchema.h"

namespace taskwatch::TaskStoreSchema {

namespace {

// clang-format off
// The tasks table of version 3: one row per (profile, id), so a task id may be watched under two profiles.
#define TASKWATCH_TASKS_V3(name)                                                                               \
    "CREATE TABLE " name " ("                                                                                  \
    " id TEXT NOT NULL,"                                                                                       \
    " region TEXT NOT NULL DEFAULT '',"                                                                        \
    " profile TEXT NOT NULL DEFAULT '',"                                                                       \
    " added_at INTEGER,"                                                                                       \
    " status TEXT,"                                                                                            \
    " info TEXT,"                                                                                              \
    " request_id TEXT NOT NULL DEFAULT '',"                                                                    \
    " error_code TEXT NOT NULL DEFAULT '',"                                                                    \
    " error_message TEXT NOT NULL DEFAULT '',"                                                                 \
    " http_status INTEGER NOT NULL DEFAULT 0,"                                                                 \
    " last_checked_at INTEGER,"                                                                                \
    " finished_at INTEGER,"                                                                                    \
    " phase TEXT NOT NULL DEFAULT 'waiting',"                                                                  \
    " PRIMARY KEY (profile, id))"

const char* const kCreateV3[] = {
    TASKWATCH_TASKS_V3("tasks"),
    // id aliases the rowid, so insertion order survives VACUUM.
    "CREATE TABLE history ("
    " id INTEGER PRIMARY KEY,"
    " observed_at INTEGER NOT NULL,"
    " task_id TEXT NOT NULL,"
    " region TEXT NOT NULL DEFAULT '',"
    " status TEXT,"
    " info TEXT,"
    " error_code TEXT NOT NULL DEFAULT '',"
    " error_message TEXT NOT NULL DEFAULT '',"
    " request_id TEXT NOT NULL DEFAULT '',"
    " profile TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX history_observed_at ON history(observed_at)",
    "CREATE INDEX history_task_id ON history(task_id)",
    "CREATE INDEX history_profile ON history(profile)",
};


// Version 1 had no http_status/phase in tasks and no index on history(task_id).
const char* const kMigrate1To2[] = {
    "ALTER TABLE tasks ADD COLUMN http_status INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE tasks ADD COLUMN phase TEXT NOT NULL DEFAULT 'waiting'",
    "UPDATE tasks SET phase = 'finished' WHERE status IN ('SUCCESS', 'FAILED', 'KILLED', 'REMOVED')",
    "UPDATE tasks SET phase = 'polling' WHERE phase = 'waiting' AND last_checked_at IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS history_task_id ON history(task_id)",
};

// Version 2 keyed tasks by id alone and had no profile in history. The table is rebuilt with the (profile,
// id) key in the same row order; history rows take the profile their task has (empty when it is gone).
const char* const kMigrate2To3[] = {
    TASKWATCH_TASKS_V3("tasks_v3"),
    "INSERT INTO tasks_v3 (id, region, profile, added_at, status, info, request_id, error_code, "
    "error_message, http_status, last_checked_at, finished_at, phase) SELECT id, region, profile, added_at, "
    "status, info, request_id, error_code, error_message, http_status, last_checked_at, finished_at, phase "
    "FROM tasks ORDER BY rowid",
    "DROP TABLE tasks",
    "ALTER TABLE tasks_v3 RENAME TO tasks",
    "ALTER TABLE history ADD COLUMN profile TEXT NOT NULL DEFAULT ''",
    "UPDATE history SET profile = COALESCE((SELECT t.profile FROM tasks t WHERE t.id = history.task_id), '')",
    "CREATE INDEX history_profile ON history(profile)",
};

// Version 4 adds what DescribeTasks says about discovered tasks (JSON, see Discovery::factsToJson) and the
// time of a task's last observed change (adaptive polling after a restart).
const char* const kMigrate3To4[] = {
    "ALTER TABLE tasks ADD COLUMN discovery TEXT",
    "ALTER TABLE tasks ADD COLUMN last_changed_at INTEGER",
};

// Version 5 tells products apart: a task row is keyed by (profile, product, id), since ids of two products
// may be equal, and tasks and history rows carry the product and the vendor's own status word. The tasks
// table is rebuilt in the same row order. Every row written before is a cdb task's, and cdb's status words
// are the vendor's: vendor_status takes status.
const char* const kMigrate4To5[] = {
    "CREATE TABLE tasks_v5 ("
    " id TEXT NOT NULL,"
    " region TEXT NOT NULL DEFAULT '',"
    " profile TEXT NOT NULL DEFAULT '',"
    " added_at INTEGER,"
    " status TEXT,"
    " info TEXT,"
    " request_id TEXT NOT NULL DEFAULT '',"
    " error_code TEXT NOT NULL DEFAULT '',"
    " error_message TEXT NOT NULL DEFAULT '',"
    " http_status INTEGER NOT NULL DEFAULT 0,"
    " last_checked_at INTEGER,"
    " finished_at INTEGER,"
    " phase TEXT NOT NULL DEFAULT 'waiting',"
    " discovery TEXT,"
    " last_changed_at INTEGER,"
    " product TEXT NOT NULL DEFAULT 'cdb',"
    " vendor_status TEXT,"
    " PRIMARY KEY (profile, product, id))",
    "INSERT INTO tasks_v5 (id, region, profile, added_at, status, info, request_id, error_code, "
    "error_message, http_status, last_checked_at, finished_at, phase, discovery, last_changed_at, product, "
    "vendor_status) SELECT id, region, profile, added_at, status, info, request_id, error_code, "
    "error_message, http_status, last_checked_at, finished_at, phase, discovery, last_changed_at, 'cdb', "
    "status FROM tasks ORDER BY rowid",
    "DROP TABLE tasks",
    "ALTER TABLE tasks_v5 RENAME TO tasks",
    "ALTER TABLE history ADD COLUMN product TEXT NOT NULL DEFAULT 'cdb'",
    "ALTER TABLE history ADD COLUMN vendor_status TEXT",
    "UPDATE history SET vendor_status = status WHERE status IS NOT NULL",
};
#undef TASKWATCH_TASKS_V3
// clang-format on

} // namespace

Statements createVersion3() {
    return kCreateV3;
}

Statements migrationFrom(int fromVersion) {
    switch (fromVersion) {
    case 1:
        return kMigrate1To2;
    case 2:
        return kMigrate2To3;
    case 3:
        return kMigrate3To4;
    case 4:
        return kMigrate4To5;
    default:
        return {};
    }
}

} // namespace taskwatch::TaskStoreSchema
