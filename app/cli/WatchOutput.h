// What `watch` prints, as pure functions: the JSON line and the aligned text line of one observed change (a
// history entry), the start line, and the summary of the task states printed when it stops before every task
// finished (SIGINT/SIGTERM, --timeout). Server text is bounded and neutralised (SafeText) in every text form.
// Text forms name the ids of products other than cdb (`redis:18215`); JSON has the id and "product" apart.
#pragma once

#include "task/HistoryEntry.h"
#include "task/TaskState.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace taskwatch::cli::WatchOutput {

// Text columns: time (24), id (36: UUIDs; 4x8-hex ids are 35), region, status, then Info or "code: message",
// then "[RequestId …]". A missing Info leaves no extra gap. Widths in characters.
constexpr int kIdWidth = 36;
constexpr int kRegionWidth = 16; // na-siliconvalley, the longest cdb region
int statusWidth();               // the widest status label (translations included), at least 11

// One observed change. The time is the entry's observedAt (now when it has none).
QString jsonLine(const HistoryEntry& e); // one compact JSON object
// One aligned line, server text neutralised. `phase`: the task's phase now (an error reads RETRYING while
// the task is retried, else ERROR).
QString textLine(const HistoryEntry& e, TaskPhase phase);

// "Watching N task(s) in REGION…" (text mode, stderr).
QString startLine(int taskCount, const QString& region);

// The state a summary counts a task under: its status (SUCCESS, RUNNING…), "ERROR" for a permanent error,
// null (JSON) / "(no status)" (text) when none was reported.
bool isUnfinished(const TaskState& s);

// Text summary lines (stderr): "N task(s): 2 SUCCESS, 1 RUNNING, …" and the unfinished tasks, one per line.
QStringList summaryText(const QList<TaskState>& tasks);
// One compact JSON object {"summary": {"reason", "exitCode", "tasks", "statuses", "unfinished"}} (stderr in
// --json mode). `reason`: "SIGINT", "SIGTERM" or "timeout".
QString summaryJson(const QList<TaskState>& tasks, const QString& reason, int exitCode);

} // namespace taskwatch::cli::WatchOutput
