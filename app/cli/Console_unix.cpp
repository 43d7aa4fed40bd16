#include "Console.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <iterator>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace taskwatch::cli::console {

namespace {
// The terminal's settings while echo is off at a hidden prompt: a signal that ends the process there (Ctrl-C,
// kill, the terminal closing) puts them back first, so the shell is not left without echo.
termios g_savedTerminal{};
volatile sig_atomic_t g_terminalSilenced = 0;
constexpr int kPromptSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

extern "C" void restoreTerminalThenDie(int sig) {
    // Only async-signal-safe calls. SA_RESETHAND made the action the default again: the signal, re-raised,
    // ends the process as it would have (exit status "killed by SIGINT") once this handler returns.
    if (g_terminalSilenced) {
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
        const ssize_t ignored = write(STDERR_FILENO, "\n", 1);
        (void)ignored;
    }
    raise(sig);
}
} // namespace

void prepareOutput() {}

bool isInteractiveInput() {
    return ::isatty(STDIN_FILENO) == 1;
}

QByteArray readHiddenLine(const QString& prompt) {
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved{};
    const bool haveTerm = tcgetattr(STDIN_FILENO, &saved) == 0;
    struct sigaction previous[std::size(kPromptSignals)] = {};
    if (haveTerm) {
        g_savedTerminal = saved;
        g_terminalSilenced = 1;
        struct sigaction action = {};
        action.sa_handler = restoreTerminalThenDie;
        action.sa_flags = SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < std::size(kPromptSignals); ++i)
            sigaction(kPromptSignals[i], &action, &previous[i]);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::string buffer(4096, '\0');
    const bool got = std::fgets(buffer.data(), int(buffer.size()), stdin) != nullptr;
    if (haveTerm) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        g_terminalSilenced = 0;
        for (std::size_t i = 0; i < std::size(kPromptSignals); ++i)
            sigaction(kPromptSignals[i], &previous[i], nullptr);
    }
    std::fputs("\n", stderr);
    QByteArray line = got ? QByteArray(buffer.c_str()) : QByteArray();
    std::fill(buffer.begin(), buffer.end(), '\0');
    return line;
}

} // namespace taskwatch::cli::console
