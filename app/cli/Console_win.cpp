#include "Console.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <io.h>
#include <string>
#include <windows.h>

namespace taskwatch::cli::console {

namespace {
// The console's input mode while echo is off at a hidden prompt: Ctrl+C, Ctrl+Break or closing the window
// puts it back before the process ends.
std::atomic<DWORD> g_savedMode{0};
std::atomic<bool> g_silenced{false};

BOOL WINAPI restoreEchoThenContinue(DWORD) {
    if (g_silenced.exchange(false))
        ::SetConsoleMode(::GetStdHandle(STD_INPUT_HANDLE), g_savedMode.load());
    return FALSE; // the next handler: by default the process ends
}
} // namespace

void prepareOutput() {
    // Bytes as written: no LF -> CRLF translation (an RFC 4180 CSV on stdout would get CR CR LF).
    ::_setmode(::_fileno(stdout), _O_BINARY);
    ::_setmode(::_fileno(stderr), _O_BINARY);
    // UTF-8 output shows as text in a console whose code page is another (936, 437...).
    ::SetConsoleOutputCP(CP_UTF8);
}

bool isInteractiveInput() {
    return ::_isatty(::_fileno(stdin)) != 0;
}

QByteArray readHiddenLine(const QString& prompt) {
    const QByteArray promptBytes = prompt.toUtf8();
    std::fwrite(promptBytes.constData(), 1, size_t(promptBytes.size()), stderr);
    std::fflush(stderr);
    const HANDLE in = ::GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    const bool haveConsole = ::GetConsoleMode(in, &mode) != 0;
    if (haveConsole) {
        g_savedMode = mode;
        g_silenced = true;
        ::SetConsoleCtrlHandler(restoreEchoThenContinue, TRUE);
        ::SetConsoleMode(in, mode & ~DWORD(ENABLE_ECHO_INPUT));
    }
    std::string buffer(4096, '\0');
    const bool got = std::fgets(buffer.data(), int(buffer.size()), stdin) != nullptr;
    if (haveConsole) {
        if (g_silenced.exchange(false))
            ::SetConsoleMode(in, mode);
        ::SetConsoleCtrlHandler(restoreEchoThenContinue, FALSE);
    }
    std::fputs("\n", stderr);
    QByteArray line = got ? QByteArray(buffer.c_str()) : QByteArray();
    std::fill(buffer.begin(), buffer.end(), '\0');
    return line;
}

} // namespace taskwatch::cli::console
