#include "CredentialsCommand.h"

#include "CliCommon.h"
#include "Console.h"
#include "accounts/CredentialImport.h"
#include "accounts/CredentialStore.h"
#include "accounts/KeychainAdvice.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "api/Endpoint.h"
#include "api/Regions.h"
#include "task/TextBounds.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QUrl>
#include <algorithm>

namespace taskwatch::cli {

namespace {

constexpr qint64 kMaxStdinBytes = 64 * 1024;

QString defaultProfileName() {
    return QString::fromLatin1(CredentialStore::kDefaultProfile);
}

int exitFor(const KeychainResult& r) {
    return r.ok() ? ExitOk : ExitCredentials;
}

void wipe(QByteArray& bytes) {
    CredentialStore::wipe(bytes); // in place, not a detached copy
}

QString stripLineEnd(QByteArray line) {
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    const QString text = QString::fromUtf8(line).trimmed();
    wipe(line);
    return text;
}

// Reads one line from the terminal without echoing it.
QString promptHidden(const QString& prompt) {
    return stripLineEnd(console::readHiddenLine(prompt));
}

// SecretKey = first line of standard input, Token = optional second line. On a terminal both are prompted for
// without echo. Returns false with a message when no SecretKey came.
bool readSecretsFromStdin(QString* secretKey, QString* token, QString* error) {
    CredentialStore::protectProcess(); // no core dump with the key in memory
    if (console::isInteractiveInput()) {
        *secretKey = promptHidden(tr("SecretKey: "));
        if (!secretKey->isEmpty())
            *token = promptHidden(tr("Token (press Enter for a permanent key): "));
    } else {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = tr("Cannot read standard input: %1").arg(in.errorString());
            return false;
        }
        QByteArray data = in.read(kMaxStdinBytes + 1);
        if (data.size() > kMaxStdinBytes) {
            wipe(data);
            *error = tr("Standard input is too long: give the SecretKey on the first line and, for temporary "
                        "credentials, the Token on the second.");
            return false;
        }
        const qsizetype firstEnd = data.indexOf('\n');
        *secretKey = stripLineEnd(firstEnd < 0 ? data : data.left(firstEnd));
        if (firstEnd >= 0) {
            QByteArray rest = data.mid(firstEnd + 1);
            const qsizetype secondEnd = rest.indexOf('\n');
            *token = stripLineEnd(secondEnd < 0 ? rest : rest.left(secondEnd));
            wipe(rest);
        }
        wipe(data);
    }
    if (secretKey->isEmpty()) {
        *error =
            tr("No SecretKey on standard input. Pipe it in, one line (a second line may hold the Token), "
               "e.g.: printf '%s\\n' \"$KEY\" | cdb-taskwatch credentials set --secret-id ID");
        return false;
    }
    return true;
}

QCommandLineOption profileOption(const QString& what) {
    return QCommandLineOption(QStringList{QStringLiteral("p"), QStringLiteral("profile")}, what,
                              QStringLiteral("NAME"));
}

// Parses `cdb-taskwatch credentials SUB options...`. Returns -1 to go on, else the exit status.
int parseSub(QCommandLineParser& parser, const QStringList& arguments, const QString& sub) {
    parser.addHelpOption();
    QStringList args{arguments.value(0)};
    args += arguments.mid(2);
    return parseOrExit(parser, args, QStringLiteral("credentials ") + sub);
}

bool checkProfileName(const QString& name) {
    if (CredentialStore::isValidProfileName(name))
        return true;
    printErr(tr("\"%1\" is not a valid profile name: use 1 to 64 letters, digits, '.', '_' or '-'.")
                 .arg(boundText(name, 80)));
    return false;
}

bool noExtraArguments(const QCommandLineParser& parser, const QString& sub) {
    if (parser.positionalArguments().isEmpty())
        return true;
    printErr(tr("Unexpected argument: %1").arg(boundText(parser.positionalArguments().constFirst(), 80)));
    printErr(tr("Try 'cdb-taskwatch credentials %1 --help'.").arg(sub));
    return false;
}

void noteEnvironmentOverride() {
    if (CredentialStore::fromEnvironment())
        printErr(
            tr("Note: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are set in this environment; they "
               "take precedence over every stored profile."));
}

int runSet(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Stores API keys of a profile in the OS keychain. The SecretKey is read from the first line of "
           "standard input and an optional Token (temporary credentials) from the second line; on a terminal "
           "both are asked for without echo. Secrets are never accepted as arguments."));
    const QCommandLineOption profile = profileOption(tr("Profile to store (default: \"default\")."));
    const QCommandLineOption secretId(QStringLiteral("secret-id"),
                                      tr("The SecretId (AKID...) of the API key."), QStringLiteral("ID"));
    const QCommandLineOption region(
        QStringLiteral("region"), tr("Default region of the profile, e.g. ap-guangzhou (kept when omitted)."),
        QStringLiteral("REGION"));
    const QCommandLineOption endpoint(
        QStringLiteral("endpoint"),
        tr("API endpoint URL of the profile, e.g. https://cdb.tencentcloudapi.com "
           "(kept when omitted; empty = built-in default)."),
        QStringLiteral("URL"));
    const QCommandLineOption activate(
        QStringLiteral("activate"), tr("Also make this the active profile (the first profile stored becomes "
                                       "active anyway)."));
    parser.addOptions({profile, secretId, region, endpoint, activate});
    if (const int rc = parseSub(parser, arguments, QStringLiteral("set")); rc >= 0)
        return rc;
    if (!noExtraArguments(parser, QStringLiteral("set")))
        return ExitUsage;

    const QString name = parser.isSet(profile) ? parser.value(profile).trimmed() : defaultProfileName();
    if (!checkProfileName(name))
        return ExitUsage;
    const QString id = parser.value(secretId).trimmed();
    if (id.isEmpty()) {
        printErr(tr("--secret-id ID is required."));
        return ExitUsage;
    }
    if (parser.isSet(endpoint) && !parser.value(endpoint).trimmed().isEmpty()) {
        const QString problem = Endpoint::validate(QUrl(parser.value(endpoint).trimmed()));
        if (!problem.isEmpty()) {
            printErr(problem);
            return ExitUsage;
        }
    }

    Credential credential;
    credential.secretId = id;
    QString error;
    if (!readSecretsFromStdin(&credential.secretKey, &credential.token, &error)) {
        printErr(error);
        return ExitUsage;
    }

    CredentialStore store;
    Profile meta = store.profile(name);
    if (parser.isSet(region))
        meta.region = parser.value(region).trimmed();
    if (parser.isSet(endpoint))
        meta.endpoint = parser.value(endpoint).trimmed();
    if (const QString warning = Regions::endpointWarning(meta.region, meta.endpoint); !warning.isEmpty())
        printErr(tr("warning: %1").arg(warning));
    const KeychainResult written = store.storeProfileBlocking(meta, credential, parser.isSet(activate));
    CredentialStore::wipe(credential); // the SecretKey and the Token, in place
    if (!written.ok()) {
        printErr(written.message);
        return exitFor(written);
    }
    printOut(tr("Stored the credentials of profile \"%1\" in the keychain.").arg(name));
    noteEnvironmentOverride();
    return ExitOk;
}

int runShow(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Shows a profile: the SecretId masked except for its last 4 characters, whether a Token is set, the "
        "region and endpoint. The SecretKey is never shown. Exit status 3 when the profile does not exist or "
        "the keychain is unavailable."));
    const QCommandLineOption profile =
        profileOption(tr("Profile to show (default: the active one, else \"default\")."));
    parser.addOption(profile);
    if (const int rc = parseSub(parser, arguments, QStringLiteral("show")); rc >= 0)
        return rc;
    if (!noExtraArguments(parser, QStringLiteral("show")))
        return ExitUsage;

    CredentialStore store;
    const QString name = store.effectiveProfileName(parser.value(profile));
    if (!checkProfileName(name))
        return ExitUsage;
    const KeychainResult r = store.readBlocking(name);
    if (!r.ok()) {
        printErr(r.status == KeychainStatus::NotFound
                     ? tr("Profile \"%1\" does not exist (no credentials stored for it).").arg(name)
                     : r.message);
        return ExitCredentials;
    }
    const Profile meta = store.profile(name);
    const bool active = store.activeProfile() == name;
    printOut(tr("Profile:   %1%2").arg(name, active ? tr(" (active)") : QString()));
    printOut(tr("SecretId:  %1").arg(CredentialStore::mask(r.credential.secretId)));
    printOut(tr("SecretKey: stored in the keychain (never shown)"));
    printOut(
        tr("Token:     %1").arg(r.credential.token.isEmpty() ? tr("not set (permanent key)") : tr("set")));
    printOut(tr("Region:    %1").arg(meta.region.isEmpty() ? tr("(none)") : meta.region));
    printOut(tr("Endpoint:  %1").arg(meta.endpoint.isEmpty() ? tr("(default)") : meta.endpoint));
    noteEnvironmentOverride();
    return ExitOk;
}

int runList(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists the stored profiles; the active one is marked with '*'. Does not open the keychain."));
    if (const int rc = parseSub(parser, arguments, QStringLiteral("list")); rc >= 0)
        return rc;
    if (!noExtraArguments(parser, QStringLiteral("list")))
        return ExitUsage;

    CredentialStore store;
    const QStringList names = store.profiles();
    const QString active = store.activeProfile();
    for (const QString& name : names)
        printOut((name == active ? QStringLiteral("* ") : QStringLiteral("  ")) + name);
    if (names.isEmpty())
        printErr(tr("No profiles yet: store one with 'cdb-taskwatch credentials set --secret-id ID'."));
    noteEnvironmentOverride();
    return ExitOk;
}

int runDelete(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Deletes a profile: its keys from the keychain and its settings. Exit status 3 when the profile does "
        "not exist or the keychain is unavailable."));
    const QCommandLineOption profile =
        profileOption(tr("Profile to delete (default: the active one, else \"default\")."));
    parser.addOption(profile);
    if (const int rc = parseSub(parser, arguments, QStringLiteral("delete")); rc >= 0)
        return rc;
    if (!noExtraArguments(parser, QStringLiteral("delete")))
        return ExitUsage;

    CredentialStore store;
    const QString name = store.effectiveProfileName(parser.value(profile));
    if (!checkProfileName(name))
        return ExitUsage;
    if (!store.hasProfile(name)) {
        // No settings: it exists only if the keychain has an entry (removing a missing entry is no error).
        const KeychainResult found = store.readBlocking(name);
        if (found.status == KeychainStatus::NotFound) {
            printErr(tr("Profile \"%1\" does not exist.").arg(name));
            return ExitCredentials;
        }
        if (!found.ok() && found.status != KeychainStatus::Error) { // a damaged entry may still be removed
            printErr(found.message);
            return ExitCredentials;
        }
    }
    const KeychainResult removed = store.deleteProfileBlocking(name);
    if (!removed.ok() && removed.status != KeychainStatus::NotFound) {
        printErr(removed.message);
        return ExitCredentials;
    }
    printOut(tr("Deleted profile \"%1\".").arg(name));
    return ExitOk;
}

int runImport(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Imports existing API keys into the keychain from exactly one source. Everything is read and checked "
        "first; nothing is stored when any of it is malformed. Exit status 2 for unreadable or malformed "
        "input, "
        "3 when the keychain is unavailable."));
    const QCommandLineOption tencentcloud(
        QStringLiteral("tencentcloud"),
        tr("Import every [section] of the Tencent Cloud SDK credentials file (FILE, default "
           "$TENCENTCLOUD_CREDENTIALS_FILE or ~/.tencentcloud/credentials) as a profile of the same name."));
    const QCommandLineOption tccli(
        QStringLiteral("tccli"),
        tr("Import tccli's ~/.tccli/PROFILE.credential (region and endpoint from "
           "PROFILE.configure when present). OAuth/SSO logins cannot be imported."),
        QStringLiteral("PROFILE"));
    const QCommandLineOption env(QStringLiteral("env"),
                                 tr("Import TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and the optional "
                                    "TENCENTCLOUD_TOKEN (and TENCENTCLOUD_REGION)."));
    const QCommandLineOption profile = profileOption(
        tr("With --tencentcloud: import only this section. With --tccli: store under this name instead of "
           "PROFILE. With --env: store under this name (default \"default\")."));
    parser.addOptions({tencentcloud, tccli, env, profile});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The credentials file for --tencentcloud."),
                                 QStringLiteral("[FILE]"));
    if (const int rc = parseSub(parser, arguments, QStringLiteral("import")); rc >= 0)
        return rc;

    const int sources = int(parser.isSet(tencentcloud)) + int(parser.isSet(tccli)) + int(parser.isSet(env));
    if (sources != 1) {
        printErr(tr("Give exactly one of --tencentcloud [FILE], --tccli PROFILE or --env."));
        printErr(tr("Try 'cdb-taskwatch credentials import --help'."));
        return ExitUsage;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > (parser.isSet(tencentcloud) ? 1 : 0)) {
        printErr(tr("Unexpected argument: %1").arg(boundText(positional.constLast(), 80)));
        return ExitUsage;
    }
    const QString target = parser.value(profile).trimmed();
    if (parser.isSet(profile) && !checkProfileName(target))
        return ExitUsage;

    ImportResult parsed;
    if (parser.isSet(tencentcloud)) {
        parsed = CredentialImport::select(CredentialImport::readTencentCloud(positional.value(0)), target);
    } else if (parser.isSet(tccli)) {
        parsed = CredentialImport::readTccli(parser.value(tccli));
        if (parsed.ok() && !target.isEmpty())
            parsed.entries.first().profileName = target;
    } else {
        parsed = CredentialImport::readEnvironment(target.isEmpty() ? defaultProfileName() : target);
    }
    if (!parsed.ok()) {
        printErr(parsed.error);
        return ExitUsage;
    }

    CredentialStore store;
    QStringList stored;
    const KeychainResult r = CredentialImport::importInto(store, parsed, &stored);
    if (!stored.isEmpty() && store.activeProfile().isEmpty())
        store.setActiveProfile(stored.contains(defaultProfileName()) ? defaultProfileName()
                                                                     : stored.constFirst());
    if (!stored.isEmpty())
        printOut(tr("Imported profile(s): %1").arg(stored.join(QStringLiteral(", "))));
    if (!r.ok()) {
        printErr(r.message);
        return ExitCredentials;
    }
    return ExitOk;
}

void printOverview(bool toStdErr) {
    const QString text =
        tr("Usage: cdb-taskwatch credentials <command> [options]\n"
           "Manage Tencent Cloud API keys in the OS keychain (%1). Secrets are never taken as "
           "arguments.\n\n"
           "Commands:\n"
           "  set     Store keys: --secret-id ID, SecretKey (and optional Token) on standard input\n"
           "  show    Show a profile (SecretId masked, never the SecretKey)\n"
           "  list    List the profiles, '*' marks the active one\n"
           "  delete  Delete a profile and its keys\n"
           "  import  Import from ~/.tencentcloud/credentials, tccli or the environment\n\n"
           "Run 'cdb-taskwatch credentials <command> --help' for the options of a command.\n"
           "Credentials in TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_TOKEN) take "
           "precedence "
           "over stored profiles.\n"
           "Exit status: 0 success, 2 usage error or bad input, 3 keychain unavailable or no such profile.")
            .arg(keychain::name());
    if (toStdErr)
        printErr(text);
    else
        printOut(text);
}

} // namespace

int runCredentials(const QStringList& arguments) {
    const QString sub = arguments.value(2);
    if (sub == QLatin1String("set"))
        return runSet(arguments);
    if (sub == QLatin1String("show"))
        return runShow(arguments);
    if (sub == QLatin1String("list"))
        return runList(arguments);
    if (sub == QLatin1String("delete"))
        return runDelete(arguments);
    if (sub == QLatin1String("import"))
        return runImport(arguments);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        printOverview(false);
        return ExitOk;
    }
    if (sub.isEmpty())
        printErr(tr("Missing command."));
    else
        printErr(tr("Unknown command: credentials %1").arg(boundText(sub, 80)));
    printOverview(true);
    return ExitUsage;
}

} // namespace taskwatch::cli
