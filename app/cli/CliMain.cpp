#include "CliMain.h"

#include "CliCommon.h"
#include "CredentialsCommand.h"
#include "EmulatorCommand.h"
#include "ExportCsvCommand.h"
#include "WatchCommand.h"

#include <QCoreApplication>

namespace taskwatch::cli {

namespace {
const QStringList& commands() {
    static const QStringList names{QStringLiteral("watch"), QStringLiteral("export-csv"),
                                   QStringLiteral("credentials"), QStringLiteral("emulator")};
    return names;
}
} // namespace

bool isCliCommand(const QStringList& arguments) {
    return arguments.size() > 1 && commands().contains(arguments.at(1));
}

int run(const QStringList& arguments) {
    const QString command = arguments.value(1);
    if (command == QLatin1String("watch"))
        return runWatch(arguments);
    if (command == QLatin1String("credentials"))
        return runCredentials(arguments);
    if (command == QLatin1String("export-csv"))
        return runExportCsv(arguments);
    if (command == QLatin1String("emulator"))
        return runEmulator(arguments);
    printErr(tr("Unknown command: %1").arg(command));
    return ExitUsage;
}

} // namespace taskwatch::cli
