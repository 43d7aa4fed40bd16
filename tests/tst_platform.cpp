// The operating system layer through the interfaces every platform implements (app/core/platform, the CLI's
// Console and SignalWatcher): here their Linux implementations. The runtime directory and its refusals (a
// symbolic link, another user's, open to others), the file lock between two open files, core dumps, stop
// requests as signals, output bytes as written (a child process) and the hidden prompt on a pseudo-terminal.
#include "Console.h"
#include "SignalWatcher.h"
#include "platform/FileLock.h"
#include "platform/ProcessGuard.h"
#include "platform/RuntimeDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cstdio>
#include <thread>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#endif

using namespace taskwatch;

namespace {

// Sets (or, with a null value, unsets) an environment variable for the life of this object.
class EnvOverride {
public:
    EnvOverride(const char* name, const QByteArray& value)
        : m_name(name)
        , m_saved(qgetenv(name))
        , m_wasSet(qEnvironmentVariableIsSet(name)) {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~EnvOverride() {
        if (m_wasSet)
            qputenv(m_name, m_saved);
        else
            qunsetenv(m_name);
    }
    EnvOverride(const EnvOverride&) = delete;
    EnvOverride& operator=(const EnvOverride&) = delete;

private:
    const char* m_name;
    QByteArray m_saved;
    bool m_wasSet;
};

#ifdef Q_OS_UNIX
bool setMode(const QString& path, mode_t mode) {
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}
int modeOf(const QString& path) {
    struct stat st = {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}
QString userName() {
    const passwd* pw = ::getpwuid(::geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::geteuid());
}

std::atomic<int> g_previousHandlerCalls{0};
extern "C" void previousHandler(int) {
    ++g_previousHandlerCalls;
}
#endif

// --console-child: the bytes a command writes to stdout after console::prepareOutput(), and whether stdin is
// interactive.
int consoleChild() {
    taskwatch::cli::console::prepareOutput();
    const char bytes[] = "a,b\r\n1,2\r\nline\n";
    std::fwrite(bytes, 1, sizeof bytes - 1, stdout);
    std::fprintf(stderr, "interactive=%d", taskwatch::cli::console::isInteractiveInput() ? 1 : 0);
    return 0;
}

} // namespace

class TestPlatform : public QObject {
    Q_OBJECT
private slots:
    void runtimeDirectoryFromTheEnvironment();
    void runtimeDirectoryFallbackIsPrivate();
    void unsafeDirectoriesAreRefused_data();
    void unsafeDirectoriesAreRefused();
    void unsafeFallbackIsRefusedNotRepaired();
    void fileLockExcludesAnotherOpenFile();
    void privateFileCheck();
    void coreDumpsOff();
    void stopRequestsArriveAsSignals();
    void outputBytesAsWritten();
    void hiddenPromptOnATerminal();
};

void TestPlatform::runtimeDirectoryFromTheEnvironment() {
#ifdef Q_OS_UNIX
    QTemporaryDir tmp;
    const QString run = tmp.filePath(QStringLiteral("run"));
    QVERIFY(QDir().mkdir(run));
    QVERIFY(setMode(run, 0700));
    EnvOverride xdg("XDG_RUNTIME_DIR", QFile::encodeName(run));
    const platform::RuntimeDirectory dir = platform::userRuntimeDirectory();
    QCOMPARE(dir.path, run);
    QVERIFY2(dir.isUsable(), qPrintable(dir.problem));
#else
    const platform::RuntimeDirectory dir = platform::userRuntimeDirectory();
    QVERIFY2(dir.isUsable(), qPrintable(dir.problem));
    QVERIFY(QFileInfo(dir.path).isDir());
#endif
}

// Without XDG_RUNTIME_DIR: the directory QStandardPaths::RuntimeLocation falls back to, made private.
void TestPlatform::runtimeDirectoryFallbackIsPrivate() {
#ifndef Q_OS_LINUX
    QSKIP("the fallback directory is Linux's (macOS: the user's temporary directory; Windows: LocalAppData)");
#else
    QTemporaryDir tmp;
    EnvOverride xdg("XDG_RUNTIME_DIR", QByteArray());
    EnvOverride tmpdir("TMPDIR", QFile::encodeName(tmp.path()));
    const QString expected = tmp.filePath(QStringLiteral("runtime-") + userName());
    QVERIFY(!QFileInfo::exists(expected));
    const platform::RuntimeDirectory dir = platform::userRuntimeDirectory();
    QCOMPARE(dir.path, expected);
    QVERIFY2(dir.isUsable(), qPrintable(dir.problem));
    QCOMPARE(modeOf(expected), 0700);
    // Again: the existing directory is used as it is.
    QCOMPARE(platform::userRuntimeDirectory().path, expected);
    QVERIFY(platform::userRuntimeDirectory().isUsable());
#endif
}

void TestPlatform::unsafeDirectoriesAreRefused_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("problem");
    QTest::newRow("symbolic link") << QStringLiteral("link") << QStringLiteral("symbolic link");
    QTest::newRow("group and others") << QStringLiteral("0750") << QStringLiteral("mode 0750");
    QTest::newRow("others") << QStringLiteral("0701") << QStringLiteral("mode 0701");
    QTest::newRow("another user") << QStringLiteral("owner") << QStringLiteral("another user");
    QTest::newRow("a file") << QStringLiteral("file") << QStringLiteral("not a directory");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
}

void TestPlatform::unsafeDirectoriesAreRefused() {
#ifndef Q_OS_UNIX
    QSKIP("owners and modes are Unix's");
#else
    QFETCH(QString, kind);
    QFETCH(QString, problem);
    QTemporaryDir tmp;
    const QString good = tmp.filePath(QStringLiteral("good"));
    QVERIFY(QDir().mkdir(good));
    QVERIFY(setMode(good, 0700));
    QCOMPARE(platform::checkPrivateDirectory(good), QString());

    const QString bad = tmp.filePath(QStringLiteral("bad"));
    if (kind == QLatin1String("link")) {
        QVERIFY(QFile::link(good, bad)); // to a private directory of the user, still refused
    } else if (kind.startsWith(QLatin1Char('0'))) {
        QVERIFY(QDir().mkdir(bad));
        QVERIFY(setMode(bad, mode_t(kind.toInt(nullptr, 8))));
    } else if (kind == QLatin1String("owner")) {
        if (::geteuid() != 0)
            QSKIP("giving a directory to another user needs root");
        QVERIFY(QDir().mkdir(bad));
        QVERIFY(setMode(bad, 0700));
        QVERIFY(::chown(QFile::encodeName(bad).constData(), 65534, 65534) == 0);
    } else if (kind == QLatin1String("file")) {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QString refused = platform::checkPrivateDirectory(bad);
    QVERIFY2(refused.contains(problem), qPrintable(refused));
    QVERIFY2(refused.contains(bad), qPrintable(refused)); // names the path

    // The same through XDG_RUNTIME_DIR.
    EnvOverride xdg("XDG_RUNTIME_DIR", QFile::encodeName(bad));
    const platform::RuntimeDirectory dir = platform::userRuntimeDirectory();
    QVERIFY(!dir.isUsable());
    QCOMPARE(dir.problem, refused);
#endif
}

// A fallback directory made by someone else, or loosened, is refused and left as it is.
void TestPlatform::unsafeFallbackIsRefusedNotRepaired() {
#ifndef Q_OS_LINUX
    QSKIP("the fallback directory is Linux's");
#else
    QTemporaryDir tmp;
    EnvOverride xdg("XDG_RUNTIME_DIR", QByteArray());
    EnvOverride tmpdir("TMPDIR", QFile::encodeName(tmp.path()));
    const QString fallback = tmp.filePath(QStringLiteral("runtime-") + userName());
    QVERIFY(QDir().mkdir(fallback));
    QVERIFY(setMode(fallback, 0755));
    platform::RuntimeDirectory dir = platform::userRuntimeDirectory();
    QCOMPARE(dir.path, fallback);
    QVERIFY2(dir.problem.contains(QStringLiteral("mode 0755")), qPrintable(dir.problem));
    QCOMPARE(modeOf(fallback), 0755); // not repaired

    QVERIFY(QDir().rmdir(fallback));
    const QString elsewhere = tmp.filePath(QStringLiteral("elsewhere"));
    QVERIFY(QDir().mkdir(elsewhere));
    QVERIFY(setMode(elsewhere, 0700));
    QVERIFY(QFile::link(elsewhere, fallback));
    dir = platform::userRuntimeDirectory();
    QVERIFY2(dir.problem.contains(QStringLiteral("symbolic link")), qPrintable(dir.problem));
#endif
}

void TestPlatform::fileLockExcludesAnotherOpenFile() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("lock"));
    QFile a(path);
    QFile b(path);
    QVERIFY(a.open(QIODevice::ReadWrite));
    QVERIFY(b.open(QIODevice::ReadWrite));
    QString error;
    QVERIFY2(platform::lockFile(a, &error), qPrintable(error));
    std::atomic<bool> locked{false};
    std::thread other([&] {
        platform::lockFile(b);
        locked = true;
        platform::unlockFile(b);
    });
    QTest::qWait(300);
    const bool lockedWhileHeld = locked;
    platform::unlockFile(a);
    QTRY_VERIFY_WITH_TIMEOUT(locked, 10'000);
    other.join();
    QVERIFY2(!lockedWhileHeld, "the second open file got the lock while the first held it");
    // Free again.
    QVERIFY(platform::lockFile(a));
    platform::unlockFile(a);
}

void TestPlatform::privateFileCheck() {
    QTemporaryDir tmp;
    QFile f(tmp.filePath(QStringLiteral("ledger")));
    QVERIFY(f.open(QIODevice::ReadWrite, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(platform::checkPrivateFile(f), QString());
#ifdef Q_OS_UNIX
    QVERIFY(setMode(f.fileName(), 0644));
    QVERIFY(!platform::checkPrivateFile(f).isEmpty());
    QVERIFY(setMode(f.fileName(), 0600));
    QCOMPARE(platform::checkPrivateFile(f), QString());
#endif
}

void TestPlatform::coreDumpsOff() {
#ifdef Q_OS_WIN
    QSKIP("Windows Error Reporting decides about dumps");
#else
    platform::disableCoreDumps();
    QVERIFY(!platform::coreDumpsEnabled());
    platform::disableCoreDumps(); // idempotent
    QVERIFY(!platform::coreDumpsEnabled());
#endif
}

void TestPlatform::stopRequestsArriveAsSignals() {
#ifndef Q_OS_UNIX
    QSKIP("console control events need a console of their own (GenerateConsoleCtrlEvent)");
#else
    struct sigaction mine = {};
    mine.sa_handler = previousHandler;
    sigemptyset(&mine.sa_mask);
    struct sigaction saved = {};
    QVERIFY(::sigaction(SIGINT, &mine, &saved) == 0);
    {
        cli::SignalWatcher watcher({SIGINT, SIGTERM});
        QVERIFY(watcher.isActive());
        cli::SignalWatcher second({SIGINT});
        QVERIFY(!second.isActive()); // one at a time
        QSignalSpy spy(&watcher, &cli::SignalWatcher::received);
        QVERIFY(::raise(SIGTERM) == 0);
        QVERIFY(::raise(SIGINT) == 0);
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(0).at(0).toInt(), SIGTERM);
        QCOMPARE(spy.at(1).at(0).toInt(), SIGINT);
        QCOMPARE(g_previousHandlerCalls.load(), 0);
    }
    QCOMPARE(cli::SignalWatcher::name(SIGINT), QStringLiteral("SIGINT"));
    QCOMPARE(cli::SignalWatcher::name(SIGTERM), QStringLiteral("SIGTERM"));
    // The previous handler is back.
    QVERIFY(::raise(SIGINT) == 0);
    QCOMPARE(g_previousHandlerCalls.load(), 1);
    ::sigaction(SIGINT, &saved, nullptr);
#endif
}

// CSV's CRLF and a line's LF leave exactly as written; stdin from a pipe is not interactive.
void TestPlatform::outputBytesAsWritten() {
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--console-child")});
    QVERIFY(child.waitForStarted());
    child.closeWriteChannel();
    QVERIFY(child.waitForFinished(30'000));
    QCOMPARE(child.exitCode(), 0);
    QCOMPARE(child.readAllStandardOutput(), QByteArray("a,b\r\n1,2\r\nline\n"));
    QCOMPARE(child.readAllStandardError(), QByteArray("interactive=0"));
}

// On a pseudo-terminal: the line comes back, the terminal never echoed it, and echo is on again afterwards.
void TestPlatform::hiddenPromptOnATerminal() {
#ifndef Q_OS_UNIX
    QSKIP("needs a pseudo-terminal");
#else
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    QVERIFY(master >= 0);
    QVERIFY(::grantpt(master) == 0 && ::unlockpt(master) == 0);
    const int slave = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
    QVERIFY(slave >= 0);
    const int savedStdin = ::dup(STDIN_FILENO);
    QVERIFY(::dup2(slave, STDIN_FILENO) == STDIN_FILENO);
    std::clearerr(stdin);
    const bool interactive = cli::console::isInteractiveInput();
    // Typed once echo is off (the prompt flushes what came before).
    std::atomic<bool> typed{false};
    std::thread typist([&] {
        termios t{};
        for (int i = 0; i < 1000 && !typed; ++i) {
            if (::tcgetattr(slave, &t) == 0 && (t.c_lflag & ECHO) == 0)
                typed = ::write(master, "s3cret-Key\n", 11) == 11;
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (!typed) // never silenced: unblock the prompt all the same, the test fails below
            typed = ::write(master, "s3cret-Key\n", 11) == 11 && false;
    });
    const QByteArray line = cli::console::readHiddenLine(QStringLiteral("SecretKey: "));
    typist.join();
    termios after{};
    const bool gotAfter = ::tcgetattr(STDIN_FILENO, &after) == 0;
    ::dup2(savedStdin, STDIN_FILENO);
    ::close(savedStdin);
    std::clearerr(stdin);
    // What the terminal showed (its echo): nothing of the line.
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    QByteArray shown;
    char buffer[256];
    ssize_t n = 0;
    while ((n = ::read(master, buffer, sizeof buffer)) > 0)
        shown.append(buffer, qsizetype(n));
    ::close(slave);
    ::close(master);
    QVERIFY(interactive);
    QVERIFY2(typed, "echo was never turned off");
    QCOMPARE(line, QByteArray("s3cret-Key\n"));
    QVERIFY2(!shown.contains("s3cret"), shown.constData());
    QVERIFY(gotAfter);
    QVERIFY((after.c_lflag & ECHO) != 0);
#endif
}

int main(int argc, char** argv) {
    if (argc == 2 && qstrcmp(argv[1], "--console-child") == 0)
        return consoleChild();
    QCoreApplication app(argc, argv);
    TestPlatform test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_platform.moc"
