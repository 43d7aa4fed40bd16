#include "CliMain.h"

#include "CliCommon.h"
#include "Console.h"
#include "CredentialsCommand.h"
#include "EmulatorCommand.h"
#include "ExportCsvCommand.h"
#include "ListCommand.h"
#include "WatchCommand.h"

#include "task/SafeText.h"
#include "task/TaskIdExtractor.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace taskwatch::cli {

namespace {
const QStringList& commands() {
    static const QStringList names{QStringLiteral("watch"), QStringLiteral("list"),
                                   QStringLiteral("export-csv"), QStringLiteral("credentials"),
                                   QStringLiteral("emulator")};
    return names;
}
} // namespace

bool isCliCommand(const QStringList& arguments) {
    return arguments.size() > 1 && commands().contains(arguments.at(1));
}

bool isUnknownCommand(const QStringList& arguments) {
    if (arguments.size() < 2 || commands().contains(arguments.at(1)))
        return false;
    static const QRegularExpression bareWord(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z][A-Za-z0-9_-]*")));
    const QString& first = arguments.at(1);
    return bareWord.match(first).hasMatch() && TaskIdExtractor::extract(first).ids.isEmpty();
}

int run(const QStringList& arguments) {
    console::prepareOutput();
    const QString command = arguments.value(1);
    if (command == QLatin1String("watch"))
        return runWatch(arguments);
    if (command == QLatin1String("list"))
        return runList(arguments);
    if (command == QLatin1String("credentials"))
        return runCredentials(arguments);
    if (command == QLatin1String("export-csv"))
        return runExportCsv(arguments);
    if (command == QLatin1String("emulator"))
        return runEmulator(arguments);
    printErr(tr("Unknown command: %1").arg(SafeText::singleLine(command, 80)));
    printErr(tr("Commands: %1 (see 'cdb-taskwatch COMMAND --help'); without a command, or with task ids, "
                "the GUI starts (see 'cdb-taskwatch --help').")
                 .arg(commands().join(QStringLiteral(", "))));
    return ExitUsage;
}

} // namespace taskwatch::cli
