// How one account stands, in one struct: whether it polls, and every problem the window and `watch` report
// about it.
#pragma once

#include <QString>

namespace taskwatch {

enum class AccountState {
    Unknown,            // tasks restored, credentials not resolved yet
    CredentialsMissing, // no credentials for the profile (keychain entry gone, environment not set)
    Polling,            // polling (or idle: nothing unfinished)
    HeldByAuth          // the server rejected the credentials: nothing is sent until they change
};

struct AccountStatus {
    AccountState state = AccountState::Unknown;
    QString problem;        // the reason of CredentialsMissing (translated) or the rejection's error code
    QString problemMessage; // the server's message with that code (untrusted)
    QString pacingWarning; // non-empty: the shared budget could not be used, it paces on its own (translated)
    QString endpointProblem;  // non-empty while the endpoint answers with a permanent HTTP error (sanitised)
    QString discoveryProblem; // non-empty: discovery is off, the CAM permission is missing (translated)
    // Its tasks are held: credentials not known (yet), missing or rejected.
    bool isHeld() const { return state != AccountState::Polling; }
};

} // namespace taskwatch
