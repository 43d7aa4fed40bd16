// Tiny on purpose: a headless command runs under QCoreApplication, anything else starts the GUI.
#include "CliMain.h"
#include "GuiLauncher.h"
#include "Language.h"
#include "api/ProxyFactory.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char* argv[]) {
    // Usage lines (QCommandLineParser prints argv[0]) name the program, never the path it was started by.
    static char programName[] = "cdb-taskwatch";
    if (argc > 0)
        argv[0] = programName;
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch"));
    QCoreApplication::setApplicationName(QStringLiteral("cdb-taskwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKWATCH_VERSION));

    // --help and --version of the GUI need no display (they print and exit inside runGui's parser).
    const bool infoOnly =
        arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h")) ||
        arguments.contains(QStringLiteral("--version")) || arguments.contains(QStringLiteral("-v")) ||
        arguments.contains(QStringLiteral("--help-all"));
    // A bare word that is not a command is a usage error (exit 2), not a GUI start; see CliMain.h.
    const bool headless =
        taskwatch::cli::isCliCommand(arguments) || taskwatch::cli::isUnknownCommand(arguments);
    if (headless || infoOnly) {
        QCoreApplication app(argc, argv);
        taskwatch::Language::install();
        taskwatch::ProxyFactory::install();
        if (!headless)
            return taskwatch::ui::runGui(QCoreApplication::arguments());
        return taskwatch::cli::run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral(TASKWATCH_APP_ID));
    taskwatch::Language::install();
    taskwatch::ProxyFactory::install();
    return taskwatch::ui::runGui(QCoreApplication::arguments());
}
