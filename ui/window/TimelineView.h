// What ran on each instance, and when: the tasks of the table's model (filtered and hidden as the table shows
// them) as bars on a time axis, one lane per instance and one for tasks without an instance
// (TimelineLayout). A bar runs from the task's start to its end, or to now while it runs, and is coloured,
// iconed and labelled like its status (StatusStyle: never colour alone). Painted with QPainter, only what is
// in view, so scrolling stays cheap with tens of thousands of tasks.
//
// Mouse: the wheel scrolls the lanes (Shift: the time), Ctrl+wheel zooms around the pointer, hovering a bar
// shows the task, a click selects it (Ctrl+click adds it). Keyboard: arrows move between bars (Left/Right in
// time, Up/Down to the lane track above or below), Home/End to a track's first or last bar, Enter or Space
// selects, + and - zoom, 0 shows everything. The selection is the table's QItemSelectionModel, so the table,
// the details panel and the timeline always show the same task. Screen readers see one item per bar
// (TimelineAccessible).
#pragma once

#include "model/StatusStyle.h"
#include "model/TimelineLayout.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QItemSelectionModel>
#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <functional>

class QAbstractItemModel;
class QPainter;

namespace taskwatch::ui {

class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    static constexpr double kMinMsPerPixel = 10;                   // the closest zoom
    static constexpr double kMaxMsPerPixel = 7 * 86400000.0 / 100; // a week in 100 pixels
    static constexpr int kMinBarWidth = 3;
    static constexpr int kLaneGap = 6; // between two lanes

    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    // The model (the table's proxy) and its selection model (the table's).
    void setModel(QAbstractItemModel* model);
    QAbstractItemModel* model() const { return m_model; }
    void setSelectionModel(QItemSelectionModel* selection);
    void setDarkTheme(bool dark);
    // Milliseconds since the epoch now (tests set a fixed clock).
    void setClock(std::function<qint64()> clock);

    // The layout of the model as it is now (laid out again first when the model changed).
    const TimelineLayout& layout() const;

    double msPerPixel() const { return m_msPerPixel; }
    // Zooms so that one pixel is `ms` wide, keeping the time under `anchorX` (viewport x; -1: the middle)
    // where it is.
    void setMsPerPixel(double ms, int anchorX = -1);
    void zoomIn();
    void zoomOut();
    void zoomToFit(); // every bar in view, across the width
    // The time at the left edge of the bar area (ms since the epoch).
    qint64 leftTime() const { return m_leftTime; }
    void scrollToTime(qint64 timeMs); // that time at the left edge

    // Bars by their index in layout().bars(): where they are (viewport coordinates, possibly outside it),
    // which is under a point (-1: none), and what they say.
    QRect barRect(int index) const;
    int barAt(const QPoint& pos) const;
    QString barDescription(int index) const; // one sentence: what a screen reader says
    QString barToolTip(int index) const;     // the details shown on hover
    bool isBarSelected(int index) const;

    // The bar the keyboard is on (-1: none). Setting it scrolls it into view; nothing is selected.
    int focusedBar() const;
    void setFocusedBar(int index);
    // Selects the bar's task in the selection model and makes it current.
    void selectBar(int index,
                   QItemSelectionModel::SelectionFlags flags = QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
    void ensureBarVisible(int index);

    // The geometry of the parts, for tests: the lane labels' width, the time axis' height, a track's height.
    int labelWidth() const;
    int axisHeight() const;
    int trackHeight() const;
    // How many bars the last paint drew (the ones in view; short ones sharing pixels count once).
    int paintedBarCount() const { return m_paintedBars; }

signals:
    void focusedBarChanged(int index);
    void laidOut(); // the layout was made again (accessibility refreshes its items)

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent* event) override;

private:
    void connectModel();
    void invalidate();
    void relayout() const;
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void onCurrentChanged(const QModelIndex& current);
    void updateTimeRange();
    void updateScrollBars();
    void onNowTick();
    qint64 now() const { return m_clock(); }
    double xOf(qint64 timeMs) const; // viewport x
    qint64 timeAt(double x) const;
    int trackTop(int track) const;           // in contents (before vertical scrolling, below the axis)
    int trackAtY(int contentsY) const;       // -1 between lanes
    int firstTrackFrom(int contentsY) const; // the first track at or below contentsY
    int laneTop(int lane) const;
    int contentsHeight() const;
    int nearestBarInTrack(int track, qint64 timeMs) const;
    void moveFocus(int key, Qt::KeyboardModifiers modifiers);
    void notifyFocus();

    int tickSpacing() const;
    qint64 tickStep() const;
    void paintAxis(QPainter& p, const QRect& area) const;
    void paintLanes(QPainter& p, const QRect& area) const;
    void paintTrack(QPainter& p, int track, int y, qint64 from, qint64 to) const;
    void paintBar(QPainter& p, int index, const QRect& rect) const;
    void paintFocus(QPainter& p, int index, const QRect& rect) const;
    QPixmap statusPixmap(StatusKey key, int size) const;
    void paintLabels(QPainter& p, const QRect& area) const;
    // Calls `lane(index, top, height)` for each lane between `clipTop` and the bottom of `area`, scrolled.
    void forLanesInView(const QRect& area, int clipTop, const std::function<void(int, int, int)>& lane) const;
    void paintNow(QPainter& p, const QRect& area) const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<QItemSelectionModel> m_selection;
    mutable TimelineLayout m_layout;
    mutable bool m_dirty = true;
    mutable QList<int> m_laneTop; // per lane, in contents; the last entry: the contents' height
    QTimer m_relayout;            // coalesces model changes
    QTimer m_nowTimer;            // running bars grow with the time
    std::function<qint64()> m_clock;
    double m_msPerPixel = 1000;
    qint64 m_leftTime = 0;
    qint64 m_origin = 0;   // the earliest time the scroll range reaches
    qint64 m_end = 0;      // the latest
    bool m_fitted = false; // zoomed to fit once there was something to show
    QString m_focusKey;    // the bar the keyboard is on, by task key (bars move when the layout changes)
    bool m_dark = false;
    bool m_settingScroll = false;
    mutable int m_paintedBars = 0;
    mutable QString m_labelFormat;           // per paint: tr() once, not per bar
    mutable int m_minTextWidth = 0;          // per paint
    mutable int m_focusedInPaint = -1;       // per paint: the focused bar when the view has focus
    mutable QHash<quint64, QPixmap> m_icons; // status icons by (key, theme, size, ratio)
};

} // namespace taskwatch::ui
