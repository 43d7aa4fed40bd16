#include "EmulatorCommand.h"

#include "CliCommon.h"
#include "Emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cmath>
#include <optional>

namespace taskwatch::cli {

namespace {

// The options of `emulator`, parsed and checked (usage errors: exit 2).
struct EmulatorOptions {
    uint port = 0;
    int rateLimit = 40;
    double clockOffsetSecs = 0;
    std::optional<double> anyIdSecs; // --any-id: unknown well-formed ids run, then succeed after this
    bool tls = false;                // --tls-cert and --tls-key
    QString tlsCert;
    QString tlsKey;

    // Returns -1 with `options` filled, or the exit status after printing help (0) or why the usage is wrong.
    static int parse(const QStringList& arguments, EmulatorOptions* options);
};

int EmulatorOptions::parse(const QStringList& arguments, EmulatorOptions* options) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        cli::tr(
            "Runs the built-in emulator of the cdb endpoint (DescribeAsyncRequestInfo, DescribeTasks, "
            "DescribeDBInstances) on 127.0.0.1, for trying TaskWatch and for scripts. It verifies TC3 "
            "signatures made with the public demo credentials (SecretId %1, SecretKey %2). Standard "
            "output: its URL on the first line, then TENCENTCLOUD_SECRET_ID=… and TENCENTCLOUD_SECRET_KEY=… "
            "lines.")
            .arg(QString::fromLatin1(sim::Emulator::kDemoSecretId),
                 QString::fromLatin1(sim::Emulator::kDemoSecretKey)));
    parser.addHelpOption();
    const QCommandLineOption portOpt(QStringLiteral("port"), cli::tr("TCP port (default: any free port)."),
                                     cli::tr("PORT"), QStringLiteral("0"));
    const QCommandLineOption anyIdOpt(
        QStringLiteral("any-id"),
        cli::tr("Answer every well-formed id (RUNNING, then SUCCESS after SECONDS)."), cli::tr("SECONDS"));
    const QCommandLineOption rateOpt(
        QStringLiteral("rate-limit"),
        cli::tr("DescribeAsyncRequestInfo requests per second allowed per key (default 40)."), cli::tr("N"),
        QStringLiteral("40"));
    const QCommandLineOption clockOpt(
        QStringLiteral("clock-offset"),
        cli::tr("The emulated server's clock is ahead by SECONDS (negative: behind)."), cli::tr("SECONDS"),
        QStringLiteral("0"));
    const QCommandLineOption tlsCertOpt(
        QStringLiteral("tls-cert"),
        cli::tr("Serve HTTPS with the PEM certificate in FILE (the server's first, then any intermediates)."),
        cli::tr("FILE"));
    const QCommandLineOption tlsKeyOpt(QStringLiteral("tls-key"),
                                       cli::tr("The unencrypted PEM private key of --tls-cert."),
                                       cli::tr("FILE"));
    parser.addOptions({portOpt, anyIdOpt, rateOpt, clockOpt, tlsCertOpt, tlsKeyOpt});
    if (const int rc = parseOrExit(parser, arguments, QStringLiteral("emulator")); rc >= 0)
        return rc;

    // Whole numbers for --port and --rate-limit; finite, bounded seconds for --any-id and --clock-offset
    // (nan, inf and absurd values are usage errors).
    bool portOk = false, rateOk = false;
    options->port = parser.value(portOpt).trimmed().toUInt(&portOk);
    if (!portOk || options->port > 65535) {
        printErr(cli::tr("--port must be a whole number from 0 to 65535."));
        return ExitUsage;
    }
    options->rateLimit = parser.value(rateOpt).trimmed().toInt(&rateOk);
    if (!rateOk || options->rateLimit < 0 || options->rateLimit > 100000) {
        printErr(cli::tr("--rate-limit must be a whole number from 0 (no limit) to 100000."));
        return ExitUsage;
    }
    constexpr double kMaxClockOffsetSecs = 366.0 * 86400;
    if (!parseNumber(parser.value(clockOpt), -kMaxClockOffsetSecs, kMaxClockOffsetSecs,
                     &options->clockOffsetSecs) ||
        options->clockOffsetSecs != std::trunc(options->clockOffsetSecs)) {
        printErr(cli::tr("--clock-offset must be a whole number of seconds from -%1 to %1.")
                     .arg(kMaxClockOffsetSecs, 0, 'f', 0));
        return ExitUsage;
    }
    if (parser.isSet(anyIdOpt)) {
        double secs = 0;
        if (!parseNumber(parser.value(anyIdOpt), 0, 86400, &secs)) {
            printErr(cli::tr("--any-id must be a number of seconds from 0 to 86400."));
            return ExitUsage;
        }
        options->anyIdSecs = secs;
    }

    if (parser.isSet(tlsCertOpt) != parser.isSet(tlsKeyOpt)) {
        printErr(cli::tr("--tls-cert and --tls-key go together."));
        return ExitUsage;
    }
    options->tls = parser.isSet(tlsCertOpt);
    options->tlsCert = parser.value(tlsCertOpt);
    options->tlsKey = parser.value(tlsKeyOpt);
    return -1;
}

// The demo credentials, tasks and instances; with --any-id, the timeline of every unknown well-formed id.
void addDemoData(sim::Emulator& emulator, const EmulatorOptions& options) {
    emulator.addCredential(QString::fromLatin1(sim::Emulator::kDemoSecretId),
                           QString::fromLatin1(sim::Emulator::kDemoSecretKey));
    for (const sim::ScriptedTask& task : sim::Emulator::demoTasks())
        emulator.addTask(task);
    for (const sim::ScriptedTask& task : sim::Emulator::demoProductTasks())
        emulator.addTask(task);
    // What DescribeTasks and DescribeDBInstances list (started relative to now).
    for (const sim::ScriptedTask& task : sim::Emulator::demoDiscoverableTasks())
        emulator.addTask(task);
    for (const sim::EmulatedInstance& instance : sim::Emulator::demoInstances())
        emulator.addInstance(instance);
    if (options.anyIdSecs) {
        sim::TimelineStep running;
        running.status = QStringLiteral("RUNNING");
        running.info = QStringLiteral("Emulated task in progress");
        sim::TimelineStep done;
        done.afterMs = qint64(*options.anyIdSecs * 1000);
        done.status = QStringLiteral("SUCCESS");
        done.info = QStringLiteral("Emulated task finished");
        emulator.setDefaultTimeline({running, done});
    }
}

} // namespace

int runEmulator(const QStringList& arguments) {
    EmulatorOptions options;
    if (const int rc = EmulatorOptions::parse(arguments, &options); rc >= 0)
        return rc;

    sim::Emulator emulator;
    if (options.tls && !emulator.setTlsFiles(options.tlsCert, options.tlsKey)) {
        printErr(tr("Cannot use the TLS certificate or key: %1").arg(emulator.errorString()));
        return ExitUsage;
    }
    addDemoData(emulator, options);
    emulator.setRateLimit(options.rateLimit);
    emulator.setClockOffset(qint64(options.clockOffsetSecs));
    if (!emulator.listen(quint16(options.port))) {
        printErr(tr("Cannot listen: %1").arg(emulator.errorString()));
        return ExitUsage;
    }
    printOut(emulator.url());
    // The public demo credentials it accepts (not secrets), ready to paste into a shell.
    printOut(
        QStringLiteral("TENCENTCLOUD_SECRET_ID=%1").arg(QString::fromLatin1(sim::Emulator::kDemoSecretId)));
    printOut(
        QStringLiteral("TENCENTCLOUD_SECRET_KEY=%1").arg(QString::fromLatin1(sim::Emulator::kDemoSecretKey)));
    return QCoreApplication::exec();
}

} // namespace taskwatch::cli
