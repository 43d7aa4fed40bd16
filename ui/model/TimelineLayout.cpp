#include "model/TimelineLayout.h"

#include <QAbstractItemModel>
#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>
#include <vector>

namespace taskwatch {

namespace {

TimelineFacts factsOf(const QAbstractItemModel* model, int row) {
    return model->index(row, 0).data(TaskTableModel::TimelineRole).value<TimelineFacts>();
}

// Lanes by instance name (else id), the lane without an instance last.
bool laneBefore(const TimelineLayout::Lane& a, const TimelineLayout::Lane& b) {
    if (a.id.isEmpty() != b.id.isEmpty())
        return b.id.isEmpty();
    const QString& an = a.name.isEmpty() ? a.id : a.name;
    const QString& bn = b.name.isEmpty() ? b.id : b.name;
    if (const int c = an.compare(bn, Qt::CaseInsensitive); c != 0)
        return c < 0;
    return a.id < b.id;
}

} // namespace

void TimelineLayout::clear() {
    m_lanes.clear();
    m_bars.clear();
    m_trackBegin = {0};
    m_laneOfTrack.clear();
    m_indexOfKey.clear();
    m_indexOfRow.clear();
    m_firstStart = -1;
    m_lastEnd = -1;
    m_running = 0;
}

void TimelineLayout::build(const QAbstractItemModel* model) {
    clear();
    const int rows = model ? model->rowCount() : 0;
    QList<Bar> all;
    all.reserve(rows);
    QHash<QString, int> laneOf;
    QList<QList<int>> laneBars;
    for (int row = 0; row < rows; ++row) {
        Bar bar;
        bar.facts = factsOf(model, row);
        if (bar.facts.startMs < 0)
            continue;
        bar.row = row;
        auto it = laneOf.find(bar.facts.lane);
        if (it == laneOf.end()) {
            it = laneOf.insert(bar.facts.lane, static_cast<int>(m_lanes.size()));
            m_lanes.append({bar.facts.lane, bar.facts.laneName, 0, 0});
            laneBars.emplaceBack();
        } else if (m_lanes[*it].name.isEmpty()) {
            m_lanes[*it].name = bar.facts.laneName;
        }
        laneBars[*it].append(static_cast<int>(all.size()));
        all.append(std::move(bar));
    }
    // Lanes in their display order.
    QList<int> order(m_lanes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [this](int a, int b) { return laneBefore(m_lanes[a], m_lanes[b]); });
    QList<Lane> lanes;
    lanes.reserve(m_lanes.size());
    m_bars.reserve(all.size());
    m_indexOfKey.reserve(all.size());
    m_indexOfRow.fill(-1, rows);
    for (int laneIndex : std::as_const(order)) {
        Lane lane = m_lanes[laneIndex];
        QList<int>& members = laneBars[laneIndex];
        std::sort(members.begin(), members.end(), [&all](int a, int b) {
            const TimelineFacts& fa = all[a].facts;
            const TimelineFacts& fb = all[b].facts;
            if (fa.startMs != fb.startMs)
                return fa.startMs < fb.startMs;
            return fa.key < fb.key;
        });
        // Greedy interval partitioning: the track that became free first takes the next bar if it is free by
        // then, else a new track. A running bar keeps its track to the end.
        using Free = std::pair<qint64, int>; // (free from, track in the lane)
        std::priority_queue<Free, std::vector<Free>, std::greater<Free>> free;
        std::vector<std::vector<int>> tracks;
        for (int member : std::as_const(members)) {
            const TimelineFacts& f = all[member].facts;
            const qint64 end = f.endMs >= 0 ? f.endMs : kRunning;
            int track;
            if (!free.empty() && free.top().first <= f.startMs) {
                track = free.top().second;
                free.pop();
            } else {
                track = static_cast<int>(tracks.size());
                tracks.emplace_back();
            }
            tracks[size_t(track)].push_back(member);
            free.push({end, track});
        }
        lane.firstTrack = trackCount();
        lane.trackCount = static_cast<int>(tracks.size());
        const int laneNumber = static_cast<int>(lanes.size());
        for (const std::vector<int>& track : tracks) {
            const int trackNumber = trackCount();
            for (int member : track) {
                Bar bar = std::move(all[member]);
                bar.lane = laneNumber;
                bar.track = trackNumber;
                const int index = static_cast<int>(m_bars.size());
                m_indexOfKey.insert(bar.facts.key, index);
                m_indexOfRow[bar.row] = index;
                if (m_firstStart < 0 || bar.facts.startMs < m_firstStart)
                    m_firstStart = bar.facts.startMs;
                if (bar.facts.endMs < 0)
                    ++m_running;
                else
                    m_lastEnd = std::max(m_lastEnd, bar.facts.endMs);
                m_bars.append(std::move(bar));
            }
            m_trackBegin.append(static_cast<int>(m_bars.size()));
            m_laneOfTrack.append(laneNumber);
        }
        lanes.append(lane);
    }
    m_lanes = std::move(lanes);
}

bool TimelineLayout::update(const QAbstractItemModel* model, int firstRow, int lastRow) {
    if (!model || lastRow >= m_indexOfRow.size())
        return false;
    for (int row = firstRow; row <= lastRow; ++row) {
        TimelineFacts facts = factsOf(model, row);
        const int index = indexOfRow(row);
        if (index < 0) {
            if (facts.startMs >= 0)
                return false; // a task that now has a start
            continue;
        }
        Bar& bar = m_bars[index];
        if (facts.key != bar.facts.key || facts.lane != bar.facts.lane || facts.startMs != bar.facts.startMs)
            return false;
        if (bar.facts.laneName.isEmpty() != facts.laneName.isEmpty())
            return false; // the lane's label
        if (facts.endMs != bar.facts.endMs && !takeNewEnd(index, facts.endMs))
            return false;
        bar.facts = std::move(facts);
    }
    return true;
}

// A task that ended (or whose end moved earlier) keeps its track: nothing after it on the track overlaps a
// shorter bar. One that runs again, or ends later than the next bar on its track starts, needs a new layout.
bool TimelineLayout::takeNewEnd(int index, qint64 endMs) {
    const Bar& bar = m_bars.at(index);
    const auto [first, last] = trackRange(bar.track);
    const qint64 newEnd = endMs >= 0 ? endMs : kRunning;
    if (index + 1 < last && newEnd > m_bars.at(index + 1).facts.startMs)
        return false;
    Q_UNUSED(first);
    if (bar.facts.endMs < 0)
        --m_running;
    if (endMs < 0)
        ++m_running;
    else
        m_lastEnd = std::max(m_lastEnd, endMs);
    return true;
}

bool TimelineLayout::remapRows(const QAbstractItemModel* model) {
    if (!model)
        return false;
    const int rows = model->rowCount();
    QList<int> indexOfRow(rows, -1);
    int mapped = 0;
    for (int row = 0; row < rows; ++row) {
        const int index = indexOfKey(model->index(row, 0).data(TaskTableModel::TaskKeyRole).toString());
        if (index < 0)
            return false; // a task the layout does not have (or one without a start: rare, laid out again)
        indexOfRow[row] = index;
        m_bars[index].row = row;
        ++mapped;
    }
    if (mapped != m_bars.size())
        return false; // a task left
    m_indexOfRow = std::move(indexOfRow);
    return true;
}

int TimelineLayout::laneOfTrack(int track) const {
    return track >= 0 && track < m_laneOfTrack.size() ? m_laneOfTrack.at(track) : -1;
}

std::pair<int, int> TimelineLayout::trackRange(int track) const {
    if (track < 0 || track >= trackCount())
        return {0, 0};
    return {m_trackBegin.at(track), m_trackBegin.at(track + 1)};
}

int TimelineLayout::firstEndingAfter(int track, qint64 timeMs, qint64 now) const {
    const auto [first, last] = trackRange(track);
    // In a track the bars do not overlap, so their ends grow with their starts.
    const auto begin = m_bars.cbegin() + first;
    const auto end = m_bars.cbegin() + last;
    return static_cast<int>(
        std::partition_point(begin, end, [timeMs, now](const Bar& bar) { return bar.end(now) < timeMs; }) -
        m_bars.cbegin());
}

qint64 TimelineLayout::lastEnd(qint64 now) const {
    return m_running > 0 ? std::max(m_lastEnd, now) : m_lastEnd;
}

} // namespace taskwatch
