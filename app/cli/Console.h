// The console of a command-line run, per platform:
// - output: bytes go out as written (CSV's CRLF stays CRLF, a line ends in LF) and UTF-8 text shows as text;
//   on Windows that takes binary mode on stdout/stderr and the console's UTF-8 code page; elsewhere nothing;
// - input: whether stdin is an interactive terminal, and a line read from it without echo (termios on Linux
//   and macOS, the console mode on Windows); echo comes back even when the process is stopped at the prompt.
#pragma once

#include <QByteArray>
#include <QString>

namespace taskwatch::cli::console {

// Once, before the first output.
void prepareOutput();

bool isInteractiveInput();

// Writes `prompt` to stderr, reads one line from the terminal with echo off and returns it with its line end
// (the caller wipes it after use). Without a terminal it reads the line as it is.
QByteArray readHiddenLine(const QString& prompt);

} // namespace taskwatch::cli::console
