// What to discover: the account, the regions and the filters of one "find my tasks" request.
#pragma once

#include "discovery/Discovery.h"

#include <QString>
#include <QStringList>

namespace taskwatch {

struct DiscoveryRequest {
    QString profile;        // empty: the default profile
    QString product;        // the product whose tasks to list (registry key); empty: cdb
    QStringList regions;    // empty: the account's region
    Discovery::Query query; // the filters (its region is ignored: one listing per region)
    bool follow = false;    // keep discovering every TaskBoard::kFollowIntervalMs
};

} // namespace taskwatch
