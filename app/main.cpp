// Tiny on purpose: a headless command runs under QCoreApplication, anything else starts the GUI.
#include "CliMain.h"
#include "GuiLauncher.h"
#include "Language.h"
#include "ProxyFactory.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    QCoreApplication::setOrganizationName(QStringLiteral("cdb-taskwatch"));
    QCoreApplication::setApplicationName(QStringLiteral("cdb-taskwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKWATCH_VERSION));

    if (taskwatch::cli::isCliCommand(arguments)) {
        QCoreApplication app(argc, argv);
        taskwatch::Language::install();
        taskwatch::ProxyFactory::install();
        return taskwatch::cli::run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral(TASKWATCH_APP_ID));
    taskwatch::Language::install();
    taskwatch::ProxyFactory::install();
    return taskwatch::ui::runGui(QCoreApplication::arguments());
}
