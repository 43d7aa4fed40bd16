#include "GuiLauncher.h"

#include "GuiApp.h"
#include "accounts/RunSettings.h"
#include "api/Endpoint.h"
#include "api/Regions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

namespace taskwatch::ui {

int runGui(const QStringList& arguments) {
    const auto tr = [](const char* text) { return QCoreApplication::translate("taskwatch::ui", text); };
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("CDB TaskWatch: watch TencentDB for MySQL asynchronous tasks (AsyncRequestId) until they finish.\n"
           "Headless commands: watch, list, export-csv, credentials, emulator (see 'cdb-taskwatch COMMAND "
           "--help')."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOpt(QStringLiteral("demo"),
                                     tr("Try the app against the built-in emulator (no account needed)."));
    const QCommandLineOption regionOpt(QStringLiteral("region"), tr("Region for the tasks given here."),
                                       tr("REGION"));
    const QCommandLineOption endpointOpt(QStringLiteral("endpoint"), tr("API endpoint URL."), tr("URL"));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), tr("Keychain profile to use."),
                                        tr("NAME"));
    const QCommandLineOption idsFromOpt(QStringLiteral("ids-from"), tr("Add the task ids found in FILE."),
                                        tr("FILE"));
    parser.addOptions({demoOpt, regionOpt, endpointOpt, profileOpt, idsFromOpt});
    parser.addPositionalArgument(QStringLiteral("ID"), tr("Task ids to add (any text containing them)."),
                                 QStringLiteral("[ID ...]"));
    parser.process(arguments); // --help / --version / errors exit here, as Qt applications do

    GuiOptions options;
    options.demo = parser.isSet(demoOpt);
    options.region = parser.value(regionOpt).trimmed();
    options.endpoint = parser.value(endpointOpt).trimmed();
    options.profile = parser.value(profileOpt).trimmed();
    options.idsText = parser.positionalArguments().join(QLatin1Char('\n'));
    if (!options.region.isEmpty() && !Regions::isWellFormed(options.region)) {
        QTextStream(stderr)
            << tr("Not a region id: %1 (expected something like ap-guangzhou).").arg(options.region) << '\n';
        return 2;
    }
    if (!options.endpoint.isEmpty()) {
        if (const QString why = Endpoint::validate(QUrl(options.endpoint)); !why.isEmpty()) {
            QTextStream(stderr) << why << '\n';
            return 2;
        }
    }
    if (parser.isSet(idsFromOpt)) {
        QString text;
        QString error;
        if (!RunSettings::readText(parser.value(idsFromOpt), &text, &error)) {
            QTextStream(stderr) << error << '\n';
            return 2;
        }
        options.idsText += QLatin1Char('\n') + text;
    }

    GuiApp app(std::move(options));
    if (!app.start())
        return 1;
    return QApplication::exec();
}

} // namespace taskwatch::ui
