// The options of `cdb-taskwatch list`, parsed and checked: every usage error is reported here (exit 2),
// before credentials are resolved or anything is sent.
#pragma once

#include "discovery/Discovery.h"

#include <QString>
#include <QStringList>

namespace taskwatch::cli {

struct ListOptions {
    Discovery::Query filters; // --since, --instance, --status, --type (its region: one listing per region)
    QStringList regions;      // --region values, trimmed, without repeats; empty: the resolved region
    QString profile;          // --profile
    QString endpoint;         // --endpoint
    bool json = false;
    QString product = QStringLiteral("cdb"); // --product, the registry key (lowercase)

    // Parses `cdb-taskwatch list …` (arguments: program, "list", options…). Returns -1 with `options` filled,
    // or the exit status to return after printing help (0) or why the usage is wrong (2).
    static int parse(const QStringList& arguments, ListOptions* options);
};

} // namespace taskwatch::cli
