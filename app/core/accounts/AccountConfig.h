// What an account polls with: its credential, its endpoint and the default region of ids added without one.
#pragma once

#include "api/Credential.h"
#include "api/Endpoint.h"

#include <QString>

namespace taskwatch {

struct AccountConfig {
    Credential credential;
    EndpointConfig endpoint;
    QString region; // default region of ids added without one (may be empty: Regions::kDefault)
};

} // namespace taskwatch
