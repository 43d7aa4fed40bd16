// `cdb-taskwatch credentials set|show|list|delete|import`: manage the API keys kept in the OS keychain.
// Secrets are never accepted on the command line: `set` reads the SecretKey (and an optional Token) from
// standard input. Exit status: 0 success, 2 usage or bad input, 3 keychain unavailable / profile does not
// exist.
#pragma once

#include <QStringList>

namespace taskwatch::cli {

// arguments[0] is the program, arguments[1] == "credentials", arguments[2] the sub-command.
int runCredentials(const QStringList& arguments);

} // namespace taskwatch::cli
