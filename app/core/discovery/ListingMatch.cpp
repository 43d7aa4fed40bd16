#include "discovery/ListingMatch.h"

#include "task/TaskStatus.h"

#include <QHash>
#include <algorithm>

namespace taskwatch::ListingMatch {

bool changed(const Watched& task, const Discovery::Item& item) {
    if (task.listedBefore)
        return item.facts.status != task.listedStatus || item.facts.progress != task.listedProgress;
    // Listed for the first time: only an authoritative status can differ (a task never answered shows the
    // listed one).
    return task.answered && item.facts.status != task.status;
}

Decisions match(Kind kind, bool complete, const QList<Discovery::Item>& items,
                const QList<Watched>& watched) {
    Decisions d;
    if (!complete && kind != Kind::Discovery)
        return d; // a listing that is not whole changes nothing
    QHash<QString, const Discovery::Item*> byId;
    byId.reserve(items.size());
    for (const Discovery::Item& item : items)
        byId.insert(item.id, &item);
    // Unlisted tasks are polled at the steady interval only when the listing answers for some of the others
    // (it frees their per-id polls); a listing that shows none of the watched tasks saves nothing.
    const bool showsWatched =
        std::any_of(watched.cbegin(), watched.cend(), [&](const Watched& w) { return byId.contains(w.id); });
    for (const Watched& w : watched) {
        const Discovery::Item* item = byId.value(w.id, nullptr);
        if (!item) {
            if (kind != Kind::Unfinished || !complete)
                continue; // absent from a listing that does not show every unfinished task: nothing said
            if (w.jobOnly) {
                d.needAllStatuses = true;
            } else {
                (showsWatched ? d.unlisted : d.uncover).append(w.key);
                if (w.covered)
                    d.pollOnce.append(w.key); // it left the listing: finished (or waiting)
            }
            continue;
        }
        if (w.jobOnly)
            continue; // it follows the listing (the board applies the facts)
        if (TaskStatus::isTerminal(item->facts.status)) {
            d.pollOnce.append(w.key);
            d.finishedListed.append(w.key);
            d.uncover.append(w.key);
            continue;
        }
        d.cover.append(w.key);
        if (changed(w, *item))
            d.pollOnce.append(w.key);
    }
    return d;
}

} // namespace taskwatch::ListingMatch
