#include "CliCommon.h"

#include "accounts/CredentialStore.h"
#include "accounts/RunSettings.h"
#include "api/Regions.h"
#include "products/Products.h"
#include "task/SafeText.h"
#include "task/TaskKey.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <cmath>
#include <cstdio>

namespace taskwatch::cli {

QString tr(const char* text, const char* disambiguation, int n) {
    return QCoreApplication::translate("taskwatch::cli", text, disambiguation, n);
}

bool parseNumber(const QString& text, double min, double max, double* value) {
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max)
        return false;
    *value = v;
    return true;
}

void printOut(const QString& line) {
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& line) {
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool readText(const QString& fileOrDash, QString* text, QString* error, qint64 maxBytes) {
    return RunSettings::readText(fileOrDash, text, error, maxBytes);
}

int parseOrExit(QCommandLineParser& parser, const QStringList& arguments, const QString& command) {
    // arguments = program, command, options...: parse as if the command were the program.
    QStringList args = arguments.mid(1);
    if (!args.isEmpty())
        args[0] = arguments.value(0) + QLatin1Char(' ') + command;
    if (!parser.parse(args)) {
        printErr(parser.errorText());
        printErr(tr("Try '%1 %2 --help'.").arg(QStringLiteral("cdb-taskwatch"), command));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // The usage line names the program as QCoreApplication::arguments() gives it (main() sets it to
        // "cdb-taskwatch"); name the command too.
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const qsizetype at = program.isEmpty() ? -1 : help.indexOf(program);
        if (at >= 0)
            help.replace(at, program.size(), QStringLiteral("cdb-taskwatch ") + command);
        printOut(help.trimmed());
        return ExitOk;
    }
    return -1;
}

QCommandLineOption profileOption() {
    return QCommandLineOption(QStringLiteral("profile"),
                              tr("Keychain profile to use when no TENCENTCLOUD_SECRET_ID/KEY are set."),
                              tr("NAME"));
}

QCommandLineOption endpointOption() {
    return QCommandLineOption(QStringLiteral("endpoint"),
                              tr("API endpoint. Default: the profile's, else "
                                 "https://cdb.intl.tencentcloudapi.com. Plain http only for loopback."),
                              tr("URL"));
}

QCommandLineOption productOption() {
    return QCommandLineOption(
        QStringLiteral("product"),
        tr("The product of the tasks: %1 (default cdb). Its API host replaces cdb's in the default "
           "endpoint (redis.intl.tencentcloudapi.com…).")
            .arg(Products::keys().join(QStringLiteral(", "))),
        tr("PRODUCT"), QString::fromLatin1(kCdbProduct));
}

const ProductAdapter* findProductOption(const QString& value) {
    const ProductAdapter* product = Products::find(value.trimmed());
    if (!product)
        printErr(tr("Unknown --product %1 (known: %2).")
                     .arg(SafeText::singleLine(value, 40), Products::keys().join(QStringLiteral(", "))));
    return product;
}

bool collectRegions(const QStringList& values, QStringList* regions) {
    regions->clear();
    for (const QString& value : values) {
        const QString r = value.trimmed();
        if (!Regions::isWellFormed(r)) {
            printErr(tr("Not a region id: %1").arg(SafeText::singleLine(r, 80)));
            return false;
        }
        if (!regions->contains(r))
            regions->append(r);
    }
    return true;
}

int resolveSettings(const QString& profile, const QString& region, const QString& endpoint,
                    RunSettings* settings) {
    CredentialStore credentials;
    const CredentialStore::Resolved resolved = credentials.resolve(profile.trimmed());
    *settings = RunSettings::resolve({profile.trimmed(), region, endpoint}, resolved);
    if (settings->region.isEmpty()) {
        printErr(tr("No region: pass --region (e.g. ap-guangzhou) or set TENCENTCLOUD_REGION."));
        return ExitUsage;
    }
    if (!settings->usable()) {
        printErr(SafeText::singleLine(settings->problem, 500));
        return ExitUsage;
    }
    if (!settings->credential.isComplete()) {
        printErr(resolved.status.message.isEmpty() ? tr("No credentials: set TENCENTCLOUD_SECRET_ID and "
                                                        "TENCENTCLOUD_SECRET_KEY, or store a profile "
                                                        "with 'cdb-taskwatch credentials set'.")
                                                   : resolved.status.message);
        return ExitCredentials;
    }
    return -1;
}

} // namespace taskwatch::cli
