// Small pieces shared by the headless commands: exit codes, stderr/stdout writers, reading id text.
#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace taskwatch {
struct RunSettings;
class ProductAdapter;
} // namespace taskwatch

namespace taskwatch::cli {

// lupdate files every tr() call in this namespace under the context "taskwatch::cli": this is that context.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1);

// Exit statuses scripts depend on (see README "watch").
enum ExitCode : int {
    ExitOk = 0,          // every task ended SUCCESS / the command succeeded
    ExitTaskFailed = 1,  // a task ended FAILED, KILLED or REMOVED, or failed permanently
    ExitUsage = 2,       // usage error
    ExitCredentials = 3, // no credentials, the server rejected them, or the keychain is unavailable
    ExitTimeout = 4,     // --timeout reached with tasks unfinished
    ExitSignalBase = 128 // stopped by a signal N: 128 + N (SIGINT 130, SIGTERM 143), as shells report it
};

// A finite number within [min, max] (QString::toDouble accepts "nan" and "inf": they are refused here).
bool parseNumber(const QString& text, double min, double max, double* value);

void printOut(const QString& line); // a line on stdout, flushed
void printErr(const QString& line); // a line on stderr, flushed

// Reads all text of FILE, or of standard input for "-" (at most maxBytes). Returns false with an error
// message.
bool readText(const QString& fileOrDash, QString* text, QString* error, qint64 maxBytes = 64 * 1024 * 1024);

// Parses the arguments after the command name; prints help/usage as QCommandLineParser does.
// Returns -1 when the caller should go on, otherwise the exit status to return (0 for --help).
int parseOrExit(QCommandLineParser& parser, const QStringList& arguments, const QString& command);

// Options with the same meaning in every command that talks to the API.
QCommandLineOption profileOption();  // --profile NAME
QCommandLineOption endpointOption(); // --endpoint URL
QCommandLineOption productOption();  // --product cdb|mongodb|redis|postgres (default cdb)

// The product of a --product value (any case); null after printing why it is unknown (exit 2).
const ProductAdapter* findProductOption(const QString& value);

// The values of a repeatable --region, trimmed, without repeats. Returns false (after printing why, exit 2)
// when one is not a well-formed region id.
bool collectRegions(const QStringList& values, QStringList* regions);

// Credentials, profile, region and endpoint through the one resolution of watch, list and the GUI
// (RunSettings). Returns -1 with `settings` filled, or the exit status after printing why (no region, a
// malformed region or endpoint: 2; no credentials: 3).
int resolveSettings(const QString& profile, const QString& region, const QString& endpoint,
                    RunSettings* settings);

} // namespace taskwatch::cli
