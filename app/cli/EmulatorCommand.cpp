#include "EmulatorCommand.h"

#include "CliCommon.h"
#include "Emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace taskwatch::cli {

int runEmulator(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs the built-in emulator of the cdb DescribeAsyncRequestInfo endpoint on 127.0.0.1, for trying "
           "TaskWatch and for scripts. It verifies TC3 signatures made with the demo credentials "
           "(SecretId %1) and prints its URL on the first line of standard output.")
            .arg(QString::fromLatin1(sim::Emulator::kDemoSecretId)));
    parser.addHelpOption();
    const QCommandLineOption portOpt(QStringLiteral("port"), tr("TCP port (default: any free port)."),
                                     tr("PORT"), QStringLiteral("0"));
    const QCommandLineOption anyIdOpt(
        QStringLiteral("any-id"), tr("Answer every well-formed id (RUNNING, then SUCCESS after SECONDS)."),
        tr("SECONDS"));
    const QCommandLineOption rateOpt(QStringLiteral("rate-limit"),
                                     tr("Requests per second allowed (default 40)."), tr("N"),
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

    bool portOk = false, rateOk = false, clockOk = false;
    const uint port = parser.value(portOpt).toUInt(&portOk);
    const int rate = parser.value(rateOpt).toInt(&rateOk);
    const qint64 clockOffset = parser.value(clockOpt).toLongLong(&clockOk);
    if (!portOk || port > 65535 || !rateOk || rate < 0 || !clockOk) {
        printErr(tr("Invalid --port, --rate-limit or --clock-offset."));
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
    emulator.setRateLimit(rate);
    emulator.setClockOffset(clockOffset);
    if (parser.isSet(anyIdOpt)) {
        const qint64 doneAfterMs = qint64(parser.value(anyIdOpt).toDouble() * 1000);
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
    return QCoreApplication::exec();
}

} // namespace taskwatch::cli
