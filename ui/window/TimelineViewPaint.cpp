// How the timeline paints itself: the lanes' bands and grid, the bars of the tracks in view, the "now" line,
// the lane names and the time axis. Only what is in view is painted; see TimelineView.h.
#include "window/TimelineView.h"

#include "model/TaskTableModel.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionFocusRect>
#include <algorithm>
#include <cmath>
#include <limits>

namespace taskwatch::ui {

namespace {

// Tick steps of the time axis, from a second to a week: the first that leaves room for a label is used.
constexpr qint64 kTickSteps[] = {1000,     2000,     5000,     10000,    15000,     30000,    60000,
                                 120000,   300000,   600000,   900000,   1800000,   3600000,  7200000,
                                 10800000, 21600000, 43200000, 86400000, 172800000, 604800000};

QString localTime(qint64 ms, const QString& format) {
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(format);
}

// The first tick at or before `timeMs`, on a multiple of `step` in local time.
qint64 alignedTick(qint64 timeMs, qint64 step) {
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(timeMs).offsetFromUtc()) * 1000;
    const qint64 local = timeMs + offset;
    const qint64 floor = local >= 0 ? local / step * step : -((-local + step - 1) / step) * step;
    return floor - offset;
}

} // namespace

// ---------------------------------------------------------------------------------------------- painting

void TimelineView::paintEvent(QPaintEvent*) {
    layout();
    QPainter p(viewport());
    const QRect area = viewport()->rect();
    p.fillRect(area, palette().base());
    if (m_layout.bars().isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No task to show. Add task ids or discover the account's tasks: each task appears here "
                      "from its start to its end."));
        return;
    }
    m_paintedBars = 0;
    m_focusedInPaint = hasFocus() ? focusedBar() : -1;
    m_labelFormat = tr("%1  %2");
    m_minTextWidth = fontMetrics().horizontalAdvance(QStringLiteral("MMM"));
    paintLanes(p, area);
    paintNow(p, area);
    paintLabels(p, area);
    paintAxis(p, area);
}

int TimelineView::tickSpacing() const {
    return fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")) + 24;
}

// The axis' tick step: the shortest that leaves room for a label between two ticks.
qint64 TimelineView::tickStep() const {
    for (qint64 step : kTickSteps) {
        if (double(step) / m_msPerPixel >= tickSpacing())
            return step;
    }
    return kTickSteps[std::size(kTickSteps) - 1];
}

// The lanes' bands and grid, then the bars of the tracks in view.
void TimelineView::paintLanes(QPainter& p, const QRect& area) const {
    const QRect bars(labelWidth(), axisHeight(), area.width() - labelWidth(), area.height() - axisHeight());
    p.save();
    p.setClipRect(bars);
    forLanesInView(area, bars.top(), [&](int lane, int top, int height) {
        if (lane % 2 == 1)
            p.fillRect(QRect(bars.left(), top, bars.width(), height), palette().alternateBase());
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(bars.left(), top + height + TimelineView::kLaneGap / 2, bars.right(),
                   top + height + TimelineView::kLaneGap / 2);
    });
    const int scroll = verticalScrollBar()->value();
    // Grid lines at the axis' ticks.
    QColor grid = palette().color(QPalette::Mid);
    grid.setAlpha(70);
    p.setPen(grid);
    const qint64 step = tickStep();
    const qint64 from = timeAt(bars.left());
    const qint64 to = timeAt(bars.right() + 1);
    for (qint64 t = alignedTick(from, step); t <= to; t += step)
        p.drawLine(QPointF(xOf(t), bars.top()), QPointF(xOf(t), bars.bottom()));
    // The bars of the tracks in view.
    for (int track = firstTrackFrom(scroll); track < m_layout.trackCount(); ++track) {
        const int y = axisHeight() + trackTop(track) - scroll;
        if (y > area.bottom())
            break;
        paintTrack(p, track, y, timeAt(bars.left() - kMinBarWidth), to);
    }
    p.restore();
}

void TimelineView::paintTrack(QPainter& p, int track, int y, qint64 from, qint64 to) const {
    const auto [first, last] = m_layout.trackRange(track);
    const qint64 t = now();
    int drawnRight = std::numeric_limits<int>::min();
    for (int i = m_layout.firstEndingAfter(track, from, t); i < last; ++i) {
        const TimelineLayout::Bar& bar = m_layout.bars().at(i);
        if (bar.facts.startMs > to)
            break;
        const int left = int(std::floor(xOf(bar.facts.startMs)));
        const int right = std::max(left + kMinBarWidth, int(std::ceil(xOf(bar.end(t)))));
        // Zoomed out, many short tasks share a few pixels: one drawn there is enough (hover and zoom tell
        // them apart).
        if (right <= drawnRight)
            continue;
        paintBar(p, i, QRect(left, y + 2, right - left, trackHeight() - 4));
        drawnRight = right;
    }
    Q_UNUSED(first);
}

void TimelineView::paintBar(QPainter& p, int index, const QRect& rect) const {
    const TimelineLayout::Bar& bar = m_layout.bars().at(index);
    const StatusKey key = bar.facts.status;
    const bool selected = isBarSelected(index);
    ++m_paintedBars;
    // The status' tint over the base colour: the same bar in every lane (odd lanes have another background).
    p.fillRect(rect, palette().base());
    p.fillRect(rect, StatusStyle::background(key, m_dark));
    p.setPen(QPen(selected ? palette().color(QPalette::Highlight) : StatusStyle::color(key, m_dark),
                  selected ? 2 : 1));
    p.drawRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5));
    const int iconSize = std::min(16, rect.height() - 4);
    int textLeft = rect.left() + 4;
    if (rect.width() >= iconSize + 6 && iconSize > 0) {
        p.drawPixmap(rect.left() + 3, rect.center().y() - iconSize / 2, statusPixmap(key, iconSize));
        textLeft += iconSize + 2;
    }
    const int textWidth = rect.right() - 3 - textLeft;
    if (textWidth < m_minTextWidth) {
        paintFocus(p, index, rect);
        return;
    }
    // The status, then what the task does (its id when that is not known).
    const QString label =
        m_labelFormat.arg(bar.facts.statusText, bar.facts.type.isEmpty() ? bar.facts.id : bar.facts.type);
    p.setPen(palette().color(QPalette::Text));
    const QRect textRect(textLeft, rect.top(), textWidth, rect.height());
    if (selected) {
        QFont bold = p.font();
        bold.setBold(true);
        p.save();
        p.setFont(bold);
        p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                   QFontMetrics(bold).elidedText(label, Qt::ElideRight, textWidth));
        p.restore();
    } else {
        p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                   fontMetrics().elidedText(label, Qt::ElideRight, textWidth));
    }
    paintFocus(p, index, rect);
}

// The status icons, drawn once per colour scheme and size: a bar is painted far more often than it changes.
QPixmap TimelineView::statusPixmap(StatusKey key, int size) const {
    const qreal ratio = devicePixelRatioF();
    const quint64 cacheKey =
        quint64(key) << 40 | quint64(m_dark) << 32 | quint64(size) << 16 | quint64(ratio * 100);
    if (const auto it = m_icons.constFind(cacheKey); it != m_icons.constEnd())
        return *it;
    const QPixmap pixmap = StatusStyle::icon(key, m_dark).pixmap(QSize(size, size), ratio);
    m_icons.insert(cacheKey, pixmap);
    return pixmap;
}

void TimelineView::paintFocus(QPainter& p, int index, const QRect& rect) const {
    if (index == m_focusedInPaint) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = rect.adjusted(-2, -2, 2, 2);
        option.backgroundColor = palette().color(QPalette::Base);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &p, this);
    }
}

void TimelineView::paintNow(QPainter& p, const QRect& area) const {
    const double x = xOf(now());
    if (x < labelWidth() || x > area.right())
        return;
    QPen pen(palette().color(QPalette::Highlight), 1, Qt::DashLine);
    p.setPen(pen);
    p.drawLine(QPointF(x, axisHeight()), QPointF(x, area.bottom()));
}

void TimelineView::forLanesInView(const QRect& area, int clipTop,
                                  const std::function<void(int, int, int)>& lane) const {
    const int scroll = verticalScrollBar()->value();
    const QList<TimelineLayout::Lane>& lanes = m_layout.lanes();
    for (int i = 0; i < lanes.size(); ++i) {
        const int top = axisHeight() + m_laneTop.at(i) - scroll;
        const int height = lanes.at(i).trackCount * trackHeight();
        if (top > area.bottom())
            break;
        if (top + height + TimelineView::kLaneGap >= clipTop)
            lane(i, top, height);
    }
}

// The lane names, at the left, over the bars scrolled under them.
void TimelineView::paintLabels(QPainter& p, const QRect& area) const {
    const QRect column(0, axisHeight(), labelWidth(), area.height() - axisHeight());
    p.save();
    p.setClipRect(column);
    p.fillRect(column, palette().window());
    forLanesInView(area, column.top(), [&](int lane, int top, int height) {
        const TimelineLayout::Lane& l = m_layout.lanes().at(lane);
        const QString text = l.id.isEmpty()     ? tr("No instance")
                             : l.name.isEmpty() ? l.id
                                                : tr("%1 (%2)").arg(l.name, l.id);
        p.setPen(palette().color(QPalette::WindowText));
        const QRect textRect(8, top, labelWidth() - 14, trackHeight());
        p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                   fontMetrics().elidedText(text, Qt::ElideRight, textRect.width()));
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(0, top + height + TimelineView::kLaneGap / 2, labelWidth(),
                   top + height + TimelineView::kLaneGap / 2);
    });
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(labelWidth() - 1, column.top(), labelWidth() - 1, column.bottom());
    p.restore();
}

// The time axis: the date where it changes (and at the left), the time at every tick, and "now".
void TimelineView::paintAxis(QPainter& p, const QRect& area) const {
    const QRect axis(0, 0, area.width(), axisHeight());
    p.fillRect(axis, palette().window());
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(0, axis.bottom(), axis.right(), axis.bottom());
    const int spacing = tickSpacing();
    const qint64 step = tickStep();
    const QString format = step < 60000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    const int line = fontMetrics().height();
    p.save();
    p.setClipRect(QRect(labelWidth(), 0, area.width() - labelWidth(), axisHeight()));
    // "Now" above its line; a date label that would run into it starts after it.
    const double nowX = xOf(now());
    const QString nowText = tr("Now");
    const int nowWidth = fontMetrics().horizontalAdvance(nowText) + 8;
    const QRect nowRect(int(std::lround(nowX)) - nowWidth / 2, 3, nowWidth, line);
    const bool nowShown = nowX >= labelWidth() && nowX <= area.right();
    QDate shownDate;
    const qint64 to = timeAt(area.right() + 1);
    for (qint64 t = alignedTick(timeAt(labelWidth()), step); t <= to; t += step) {
        const int x = int(std::lround(xOf(t)));
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(x, axis.bottom() - 4, x, axis.bottom());
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(x + 3, 4 + line, spacing, line), Qt::AlignLeft | Qt::AlignVCenter,
                   localTime(t, format));
        const QDate date = QDateTime::fromMSecsSinceEpoch(t).toLocalTime().date();
        if (date == shownDate)
            continue;
        shownDate = date;
        const QString text = QLocale().toString(date, QLocale::ShortFormat);
        QRect rect(std::max(x, labelWidth()) + 3, 3, fontMetrics().horizontalAdvance(text) + 4, line);
        if (nowShown && rect.intersects(nowRect))
            rect.moveLeft(nowRect.right() + 6);
        p.drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    if (nowShown) {
        p.setPen(palette().color(QPalette::Highlight));
        p.drawText(nowRect, Qt::AlignCenter, nowText);
    }
    p.restore();
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(8, 0, labelWidth() - 14, axisHeight()), Qt::AlignVCenter | Qt::AlignLeft,
               tr("Instance"));
}

} // namespace taskwatch::ui
