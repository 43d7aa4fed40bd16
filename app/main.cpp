// Tiny on purpose: a headless command runs under QCoreApplication, anything else starts the GUI.
#include "CliMain.h"
#include "GuiLauncher.h"
#include "Language.h"
#include "api/ProxyFactory.h"

#include <QApplication>
#include <QCoreApplication>
#ifdef TASKWATCH_GUI_EXECUTABLE
#include <QMessageBox>
#endif

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
#ifdef TASKWATCH_GUI_EXECUTABLE
    // Windows' GUI executable has no console for a command's output: the commands are
    // cdb-taskwatch-cli.exe's.
    if (headless) {
        QApplication app(argc, argv);
        taskwatch::Language::install();
        QMessageBox::information(nullptr, QStringLiteral("CDB TaskWatch"),
                                 QCoreApplication::translate("main", "Run the commands in a console with "
                                                                     "cdb-taskwatch-cli.exe, for example: "
                                                                     "cdb-taskwatch-cli watch --help"));
        return 2;
    }
#endif
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
