#include "CliMain.h"

#include <QTextStream>

namespace taskwatch::cli {

namespace {
const QStringList& commands()
{
    static const QStringList names{QStringLiteral("watch"), QStringLiteral("export-csv"),
                                   QStringLiteral("credentials"), QStringLiteral("emulator")};
    return names;
}
} // namespace

bool isCliCommand(const QStringList& arguments)
{
    return arguments.size() > 1 && commands().contains(arguments.at(1));
}

int run(const QStringList& arguments)
{
    QTextStream(stderr) << "not implemented yet: " << arguments.value(1) << '\n';
    return 2;
}

} // namespace taskwatch::cli
