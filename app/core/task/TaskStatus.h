// The statuses DescribeAsyncRequestInfo documents, and the two questions asked of them.
#pragma once

#include <QString>
#include <optional>

namespace taskwatch {

// The statuses DescribeAsyncRequestInfo documents. Any other string is kept verbatim and treated as
// unfinished.
namespace TaskStatus {
inline constexpr auto Initial = "INITIAL";
inline constexpr auto Running = "RUNNING";
inline constexpr auto Success = "SUCCESS";
inline constexpr auto Failed = "FAILED";
inline constexpr auto Killed = "KILLED";
inline constexpr auto Removed = "REMOVED";
inline constexpr auto Paused = "PAUSED";
inline constexpr auto Undefined = "UNDEFINED";
inline constexpr auto Waiting = "WAITING"; // DescribeTasks only: waiting to start, can be cancelled

bool isTerminal(const std::optional<QString>& status); // SUCCESS FAILED KILLED REMOVED
bool isKnown(const std::optional<QString>& status);    // one of the eight documented values
} // namespace TaskStatus

} // namespace taskwatch
