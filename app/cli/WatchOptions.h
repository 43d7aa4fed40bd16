// The options of `cdb-taskwatch watch`, parsed and checked: every usage error is reported here (exit 2),
// before credentials are resolved or anything is sent.
#pragma once

#include "polling/PollScheduler.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace taskwatch::cli {

struct WatchOptions {
    // The text of the arguments and --ids-from: cdb ids anywhere, product-named ids (`redis:18215`) anywhere,
    // bare numbers as ids of `product` when it is not cdb (NamedTaskIds::extractAll, TaskBoard::addText).
    QString idText;
    int idCount = 0;                         // the ids found in idText
    QString product = QStringLiteral("cdb"); // --product, the registry key (lowercase)
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
    // The product whose bare numbers are ids: empty for cdb (its ids are never bare numbers).
    QString bareNumbersProduct() const;
};

} // namespace taskwatch::cli
