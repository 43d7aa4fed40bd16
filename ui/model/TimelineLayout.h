// Where each task of a model goes on the timeline: one lane per instance (tasks without one in a lane of
// their own, last), and inside a lane as many tracks as its tasks overlap (a task goes to the first track
// free at its start, so tasks that ran at the same time are never drawn over each other). Reads the model's
// TaskTableModel::TimelineRole, one call per row; knows nothing of pixels. Qt Core only.
#pragma once

#include "model/TaskTableModel.h"

#include <QHash>
#include <QList>
#include <QString>
#include <algorithm>
#include <limits>

class QAbstractItemModel;

namespace taskwatch {

class TimelineLayout {
public:
    static constexpr qint64 kRunning = std::numeric_limits<qint64>::max(); // the end of a bar still running

    struct Bar {
        TimelineFacts facts;
        int row = -1;   // in the model, as built
        int lane = -1;  // index into lanes()
        int track = -1; // index into tracks (global, lanes one after the other)
        qint64 end(qint64 now) const { return facts.endMs >= 0 ? facts.endMs : std::max(now, facts.startMs); }
    };
    struct Lane {
        QString id;   // the instance id; empty: the lane of tasks without an instance
        QString name; // its name when known (server text, one line)
        int firstTrack = 0;
        int trackCount = 0;
    };

    // Lays out every row of `model` that has a start (rows without one are left out).
    void build(const QAbstractItemModel* model);
    // Takes the changed rows' new facts; false when one changed its lane or start, ran again, or ended after
    // the next task on its track started: build() again.
    bool update(const QAbstractItemModel* model, int firstRow, int lastRow);
    // The same tasks in other rows (the model was sorted): the bars learn their new rows; false when the
    // tasks are not the same: build() again.
    bool remapRows(const QAbstractItemModel* model);
    void clear();

    const QList<Lane>& lanes() const { return m_lanes; }
    const QList<Bar>& bars() const { return m_bars; } // by track, then start
    int trackCount() const { return static_cast<int>(m_trackBegin.size()) - 1; }
    int laneOfTrack(int track) const;
    // The bars of a track: [first, last) into bars(), by start; none overlap.
    std::pair<int, int> trackRange(int track) const;
    // The first bar of `track` that ends at or after `timeMs` (trackRange().second when none).
    int firstEndingAfter(int track, qint64 timeMs, qint64 now) const;
    int indexOfKey(const QString& key) const { return m_indexOfKey.value(key, -1); }
    int indexOfRow(int row) const {
        return row >= 0 && row < m_indexOfRow.size() ? m_indexOfRow.at(row) : -1;
    }
    // The earliest start and latest end (`now` for a bar still running); -1 when there is no bar.
    qint64 firstStart() const { return m_firstStart; }
    qint64 lastEnd(qint64 now) const;
    bool anyRunning() const { return m_running > 0; }

private:
    bool takeNewEnd(int index, qint64 endMs);

    QList<Lane> m_lanes;
    QList<Bar> m_bars;
    QList<int> m_trackBegin{0}; // per track its first bar, then the end
    QList<int> m_laneOfTrack;
    QHash<QString, int> m_indexOfKey;
    QList<int> m_indexOfRow;
    qint64 m_firstStart = -1;
    qint64 m_lastEnd = -1; // of the bars that ended
    int m_running = 0;
};

} // namespace taskwatch
