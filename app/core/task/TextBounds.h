// Bounds applied to untrusted server text, and the one way text is cut to them.
#pragma once

#include <QString>
#include <QtGlobal>

namespace taskwatch {

// Bounds applied to untrusted server text.
inline constexpr qsizetype kMaxBodyBytes = 1024 * 1024; // bodies above are cut off and reported
inline constexpr qsizetype kMaxInfoChars = 64 * 1024;   // Info is cut to this many characters
inline constexpr qsizetype kMaxMessageChars = 4 * 1024; // error messages
inline constexpr qsizetype kMaxExcerptBytes = 4 * 1024; // raw excerpts kept for diagnostics

// Cuts untrusted text to `max` characters, marking the cut. Never splits a surrogate pair.
QString boundText(const QString& text, qsizetype max);

} // namespace taskwatch
