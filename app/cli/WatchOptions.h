// The options of `cdb-taskwatch watch`, parsed and checked: every usage error is reported here (exit 2),
// before credentials are resolved or anything is sent.
#pragma once

#include "polling/PollScheduler.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace taskwatch::cli {

struct WatchOptions {
    QStringList ids;     // task ids extracted from the arguments and --ids-from
    QStringList regions; // --region values, trimmed, without repeats (several only with --discover)
    QString profile;     // --profile
    QString endpoint;    // --endpoint
    double intervalSecs = 5;
    double maxIntervalSecs = 15;
    int maxRate = 40;
    double timeoutSecs = 0; // 0: wait forever
    bool json = false;
    bool history = true; // false with --no-history
    bool discover = false;
    bool follow = false;
    QDateTime since; // with --discover: tasks started since then

    // Parses `cdb-taskwatch watch …` (arguments: program, "watch", options…). Returns -1 with `options`
    // filled, or the exit status to return after printing help (0) or why the usage is wrong (2).
    static int parse(const QStringList& arguments, WatchOptions* options);

    PollOptions pollOptions() const; // --interval, --max-interval, --max-rate
};

} // namespace taskwatch::cli
