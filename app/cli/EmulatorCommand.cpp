#include "EmulatorCommand.h"

#include "CliCommon.h"
#include "Emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cmath>

namespace taskwatch::cli {

int runEmulator(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs the built-in emulator of the cdb endpoint (DescribeAsyncRequestInfo, DescribeTasks, "
           "DescribeDBInstances) on 127.0.0.1, for trying TaskWatch and for scripts. It verifies TC3 "
           "signatures made with the public demo credentials (SecretId %1, SecretKey %2). Standard output: "
           "its URL on the first line, then TENCENTCLOUD_SECRET_ID=… and TENCENTCLOUD_SECRET_KEY=… lines.")
            .arg(QString::fromLatin1(sim::Emulator::kDemoSecretId),
                 QString::fromLatin1(sim::Emulator::kDemoSecretKey)));
    parser.addHelpOption();
    const QCommandLineOption portOpt(QStringLiteral("port"), tr("TCP port (default: any free port)."),
                                     tr("PORT"), QStringLiteral("0"));
    const QCommandLineOption anyIdOpt(
        QStringLiteral("any-id"), tr("Answer every well-formed id (RUNNING, then SUCCESS after SECONDS)."),
        tr("SECONDS"));
    const QCommandLineOption rateOpt(
        QStringLiteral("rate-limit"),
        tr("DescribeAsyncRequestInfo requests per second allowed per key (default 40)."), tr("N"),
        QStringLiteral("40"));
    const QCommandLineOption clockOpt(
        QStringLiteral("clock-offset"),
        tr("The emulated server's clock is ahead by SECONDS (negative: behind)."), tr("SECONDS"),
        QStringLiteral("0"));
    const QCommandLineOption tlsCertOpt(
        QStringLiteral("tls-cert"),
        tr("Serve HTTPS with the PEM certificate in FILE (the server's first, then any intermediates)."),
        tr("FILE"));
    const QCommandLineOption tlsKeyOpt(QStringLiteral("tls-key"),
                                       tr("The unencrypted PEM private key of --tls-cert."), tr("FILE"));
    parser.addOptions({portOpt, anyIdOpt, rateOpt, clockOpt, tlsCertOpt, tlsKeyOpt});
    if (const int rc = parseOrExit(parser, arguments, QStringLiteral("emulator")); rc >= 0)
        return rc;

    // Whole numbers for --port and --rate-limit; finite, bounded seconds for --any-id and --clock-offset
    // (nan, inf and absurd values are usage errors).
    bool portOk = false, rateOk = false;
    const uint port = parser.value(portOpt).trimmed().toUInt(&portOk);
    if (!portOk || port > 65535) {
        printErr(tr("--port must be a whole number from 0 to 65535."));
        return ExitUsage;
    }
    const int rate = parser.value(rateOpt).trimmed().toInt(&rateOk);
    if (!rateOk || rate < 0 || rate > 100000) {
        printErr(tr("--rate-limit must be a whole number from 0 (no limit) to 100000."));
        return ExitUsage;
    }
    constexpr double kMaxClockOffsetSecs = 366.0 * 86400;
    double clockOffset = 0;
    if (!parseNumber(parser.value(clockOpt), -kMaxClockOffsetSecs, kMaxClockOffsetSecs, &clockOffset) ||
        clockOffset != std::trunc(clockOffset)) {
        printErr(tr("--clock-offset must be a whole number of seconds from -%1 to %1.")
                     .arg(kMaxClockOffsetSecs, 0, 'f', 0));
        return ExitUsage;
    }
    double anyIdSecs = 0;
    if (parser.isSet(anyIdOpt) && !parseNumber(parser.value(anyIdOpt), 0, 86400, &anyIdSecs)) {
        printErr(tr("--any-id must be a number of seconds from 0 to 86400."));
        return ExitUsage;
    }

    if (parser.isSet(tlsCertOpt) != parser.isSet(tlsKeyOpt)) {
        printErr(tr("--tls-cert and --tls-key go together."));
        return ExitUsage;
    }

    sim::Emulator emulator;
    if (parser.isSet(tlsCertOpt) &&
        !emulator.setTlsFiles(parser.value(tlsCertOpt), parser.value(tlsKeyOpt))) {
        printErr(tr("Cannot use the TLS certificate or key: %1").arg(emulator.errorString()));
        return ExitUsage;
    }
    emulator.addCredential(QString::fromLatin1(sim::Emulator::kDemoSecretId),
                           QString::fromLatin1(sim::Emulator::kDemoSecretKey));
    for (const sim::ScriptedTask& task : sim::Emulator::demoTasks())
        emulator.addTask(task);
    // What DescribeTasks and DescribeDBInstances list (started relative to now).
    for (const sim::ScriptedTask& task : sim::Emulator::demoDiscoverableTasks())
        emulator.addTask(task);
    for (const sim::EmulatedInstance& instance : sim::Emulator::demoInstances())
        emulator.addInstance(instance);
    emulator.setRateLimit(rate);
    emulator.setClockOffset(qint64(clockOffset));
    if (parser.isSet(anyIdOpt)) {
        const qint64 doneAfterMs = qint64(anyIdSecs * 1000);
        sim::TimelineStep running;
        running.status = QStringLiteral("RUNNING");
        running.info = QStringLiteral("Emulated task in progress");
        sim::TimelineStep done;
        done.afterMs = doneAfterMs;
        done.status = QStringLiteral("SUCCESS");
        done.info = QStringLiteral("Emulated task finished");
        emulator.setDefaultTimeline({running, done});
    }
    if (!emulator.listen(quint16(port))) {
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
