// The timeline's model, geometry, zoom and scroll, selection and keyboard (painting: TimelineViewPaint.cpp).
#include "window/TimelineView.h"

#include "model/TaskTableModel.h"
#include "task/SafeText.h"
#include "window/TimelineAccessible.h"

#include <QAbstractItemModel>
#include <QAccessible>
#include <QDateTime>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace taskwatch::ui {

namespace {

constexpr double kZoomStep = 1.5;

} // namespace

TimelineView::TimelineView(QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_dark(StatusStyle::isApplicationDark()) {
    setObjectName(QStringLiteral("taskTimeline"));
    setAccessibleName(tr("Task timeline"));
    setAccessibleDescription(
        tr("One lane per instance; each task is an item from its start to its end. Arrows "
           "move between tasks, Enter selects one."));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    horizontalScrollBar()->setSingleStep(40);
    TimelineAccessible::install();
    m_nowTimer.setInterval(1000);
    connect(&m_nowTimer, &QTimer::timeout, this, &TimelineView::onNowTick);
    m_nowTimer.start();
}

TimelineView::~TimelineView() = default;

// ------------------------------------------------------------------------------------------------- model

void TimelineView::setModel(QAbstractItemModel* model) {
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_focusKey.clear();
    if (model)
        connectModel();
    invalidate();
}

void TimelineView::connectModel() {
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &TimelineView::invalidate);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TimelineView::invalidate);
    // Sorted again: the same tasks in other rows.
    connect(m_model, &QAbstractItemModel::layoutChanged, this, [this] {
        if (!m_dirty && isVisible() && m_layout.remapRows(m_model))
            viewport()->update();
        else
            invalidate();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TimelineView::onDataChanged);
}

void TimelineView::setSelectionModel(QItemSelectionModel* selection) {
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_selection = selection;
    if (!selection)
        return;
    connect(selection, &QItemSelectionModel::selectionChanged, viewport(), qOverload<>(&QWidget::update));
    connect(selection, &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
}

void TimelineView::setDarkTheme(bool dark) {
    m_dark = dark;
    viewport()->update();
}

void TimelineView::setClock(std::function<qint64()> clock) {
    m_clock = std::move(clock);
    invalidate();
}

// The layout is made again when it is needed (a paint, a click, a key), so it never describes rows the model
// no longer has; model changes only mark it out of date.
void TimelineView::invalidate() {
    m_dirty = true;
    viewport()->update();
}

const TimelineLayout& TimelineView::layout() const {
    if (m_dirty)
        relayout();
    return m_layout;
}

void TimelineView::relayout() const {
    auto* self = const_cast<TimelineView*>(this);
    m_layout.build(m_model);
    m_dirty = false;
    m_laneTop.clear();
    int top = 0;
    for (const TimelineLayout::Lane& lane : m_layout.lanes()) {
        m_laneTop << top;
        top += lane.trackCount * trackHeight() + TimelineView::kLaneGap;
    }
    m_laneTop << top;
    self->updateTimeRange();
    // Everything in view the first time there is something to show (and a width to show it in).
    if (!m_fitted && !m_layout.bars().isEmpty() && isVisible()) {
        self->m_fitted = true;
        self->zoomToFit();
    } else {
        self->updateScrollBars();
    }
    emit self->laidOut();
}

void TimelineView::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                 const QList<int>& roles) {
    // The table's Elapsed column ticks every second: the timeline follows the time by itself.
    if (m_dirty || (topLeft.column() == TaskTableModel::ElapsedColumn &&
                    bottomRight.column() == TaskTableModel::ElapsedColumn))
        return;
    if (!isVisible()) {
        m_dirty = true; // laid out again when shown: cheaper than following every change unseen
        return;
    }
    if (roles.isEmpty() || roles.contains(Qt::DisplayRole) || roles.contains(TaskTableModel::TimelineRole)) {
        if (!m_layout.update(m_model, topLeft.row(), bottomRight.row())) {
            invalidate();
            return;
        }
    }
    viewport()->update();
}

// The table's current task is the timeline's too; hidden, the timeline only remembers it (laid out, and
// scrolled to it, when shown).
void TimelineView::onCurrentChanged(const QModelIndex& current) {
    if (!current.isValid())
        return;
    m_focusKey = current.data(TaskTableModel::TaskKeyRole).toString();
    if (!isVisible())
        return;
    if (const int index = layout().indexOfKey(m_focusKey); index >= 0)
        ensureBarVisible(index);
    viewport()->update();
}

void TimelineView::onNowTick() {
    if (!isVisible() || m_dirty || !m_layout.anyRunning())
        return;
    updateTimeRange();
    updateScrollBars();
    viewport()->update();
}

// ------------------------------------------------------------------------------------------ coordinates

int TimelineView::labelWidth() const {
    const int wanted = fontMetrics().horizontalAdvance(QLatin1Char('0')) * 26 + 12;
    return std::min(wanted, std::max(60, viewport()->width() / 3));
}

int TimelineView::axisHeight() const {
    return fontMetrics().height() * 2 + 10;
}

int TimelineView::trackHeight() const {
    return fontMetrics().height() + 10;
}

double TimelineView::xOf(qint64 timeMs) const {
    return labelWidth() + double(timeMs - m_leftTime) / m_msPerPixel;
}

qint64 TimelineView::timeAt(double x) const {
    return m_leftTime + qint64(std::llround((x - labelWidth()) * m_msPerPixel));
}

int TimelineView::laneTop(int lane) const {
    layout();
    return lane >= 0 && lane < m_laneTop.size() ? m_laneTop.at(lane) : 0;
}

int TimelineView::contentsHeight() const {
    layout();
    return m_laneTop.isEmpty() ? 0 : m_laneTop.last();
}

int TimelineView::trackTop(int track) const {
    const int lane = layout().laneOfTrack(track);
    if (lane < 0)
        return 0;
    return laneTop(lane) + (track - m_layout.lanes().at(lane).firstTrack) * trackHeight();
}

int TimelineView::trackAtY(int contentsY) const {
    layout();
    if (m_laneTop.size() < 2 || contentsY < 0)
        return -1;
    const auto it = std::upper_bound(m_laneTop.cbegin(), m_laneTop.cend() - 1, contentsY);
    const int lane = static_cast<int>(it - m_laneTop.cbegin()) - 1;
    if (lane < 0 || lane >= m_layout.lanes().size())
        return -1;
    const int inLane = (contentsY - m_laneTop.at(lane)) / trackHeight();
    const TimelineLayout::Lane& l = m_layout.lanes().at(lane);
    return inLane < l.trackCount ? l.firstTrack + inLane : -1;
}

int TimelineView::firstTrackFrom(int contentsY) const {
    layout();
    if (m_laneTop.size() < 2)
        return 0;
    const auto it = std::upper_bound(m_laneTop.cbegin(), m_laneTop.cend() - 1, std::max(0, contentsY));
    const int lane = std::max(0, static_cast<int>(it - m_laneTop.cbegin()) - 1);
    const TimelineLayout::Lane& l = m_layout.lanes().at(lane);
    const int inLane = (std::max(0, contentsY) - m_laneTop.at(lane)) / trackHeight();
    // In the gap below a lane: the next lane's first track.
    return inLane < l.trackCount ? l.firstTrack + inLane : l.firstTrack + l.trackCount;
}

QRect TimelineView::barRect(int index) const {
    const QList<TimelineLayout::Bar>& bars = layout().bars();
    if (index < 0 || index >= bars.size())
        return {};
    const TimelineLayout::Bar& bar = bars.at(index);
    const int left = int(std::floor(xOf(bar.facts.startMs)));
    const int right = std::max(left + kMinBarWidth, int(std::ceil(xOf(bar.end(now())))));
    const int top = axisHeight() + trackTop(bar.track) - verticalScrollBar()->value();
    return QRect(left, top + 2, right - left, trackHeight() - 4);
}

int TimelineView::barAt(const QPoint& pos) const {
    if (pos.x() < labelWidth() || pos.y() < axisHeight())
        return -1;
    const int track = trackAtY(pos.y() - axisHeight() + verticalScrollBar()->value());
    if (track < 0)
        return -1;
    // The bar under the pointer, or one drawn at least kMinBarWidth wide that covers it.
    const qint64 time = timeAt(pos.x() - kMinBarWidth);
    const auto [first, last] = m_layout.trackRange(track);
    for (int i = m_layout.firstEndingAfter(track, time, now()); i < last && i >= first; ++i) {
        const QRect rect = barRect(i);
        if (rect.left() > pos.x())
            break;
        if (rect.contains(pos))
            return i;
    }
    return -1;
}

// ------------------------------------------------------------------------------------------ time range

void TimelineView::updateTimeRange() {
    const qint64 t = now();
    qint64 first = m_layout.firstStart();
    qint64 last = m_layout.lastEnd(t);
    if (first < 0) {
        first = t - 3600000;
        last = t;
    }
    const qint64 span = std::max<qint64>(last - first, 60000);
    const qint64 margin = std::max<qint64>(span / 40, 30000);
    m_origin = first - margin;
    m_end = last + margin;
}

void TimelineView::updateScrollBars() {
    const int barsWidth = std::max(1, viewport()->width() - labelWidth());
    const double contentsWidth = double(m_end - m_origin) / m_msPerPixel;
    const int maximum = int(std::clamp(contentsWidth - barsWidth, 0.0, 1.0e9));
    m_leftTime = std::clamp(m_leftTime, m_origin, m_origin + qint64(maximum * m_msPerPixel));
    m_settingScroll = true;
    QScrollBar* h = horizontalScrollBar();
    h->setRange(0, maximum);
    h->setPageStep(barsWidth);
    h->setValue(int(std::llround(double(m_leftTime - m_origin) / m_msPerPixel)));
    QScrollBar* v = verticalScrollBar();
    const int barsHeight = std::max(1, viewport()->height() - axisHeight());
    v->setRange(0, std::max(0, contentsHeight() - barsHeight));
    v->setPageStep(barsHeight);
    v->setSingleStep(trackHeight());
    m_settingScroll = false;
}

void TimelineView::scrollContentsBy(int, int) {
    if (!m_settingScroll)
        m_leftTime = m_origin + qint64(std::llround(horizontalScrollBar()->value() * m_msPerPixel));
    viewport()->update();
}

void TimelineView::scrollToTime(qint64 timeMs) {
    m_leftTime = timeMs;
    updateScrollBars();
    viewport()->update();
}

void TimelineView::setMsPerPixel(double ms, int anchorX) {
    layout();
    const int barsWidth = std::max(1, viewport()->width() - labelWidth());
    const double fit = double(m_end - m_origin) / barsWidth;
    ms = std::clamp(ms, kMinMsPerPixel, std::max(kMaxMsPerPixel, fit));
    // No more than 10^9 pixels of contents (the scroll bar's range).
    ms = std::max(ms, double(m_end - m_origin) / 1.0e9);
    if (anchorX < labelWidth())
        anchorX = labelWidth() + barsWidth / 2;
    const qint64 anchorTime = timeAt(anchorX);
    m_msPerPixel = ms;
    m_leftTime = anchorTime - qint64(std::llround((anchorX - labelWidth()) * ms));
    updateScrollBars();
    viewport()->update();
}

void TimelineView::zoomIn() {
    setMsPerPixel(m_msPerPixel / kZoomStep);
}

void TimelineView::zoomOut() {
    setMsPerPixel(m_msPerPixel * kZoomStep);
}

void TimelineView::zoomToFit() {
    layout();
    const int barsWidth = std::max(1, viewport()->width() - labelWidth());
    m_msPerPixel = std::max(kMinMsPerPixel, double(m_end - m_origin) / barsWidth);
    m_leftTime = m_origin;
    updateScrollBars();
    viewport()->update();
}

// ------------------------------------------------------------------------------------------------- bars

bool TimelineView::isBarSelected(int index) const {
    const QList<TimelineLayout::Bar>& bars = layout().bars();
    if (!m_selection || !m_model || index < 0 || index >= bars.size())
        return false;
    return m_selection->isRowSelected(bars.at(index).row, QModelIndex());
}

int TimelineView::focusedBar() const {
    return m_focusKey.isEmpty() ? -1 : layout().indexOfKey(m_focusKey);
}

void TimelineView::setFocusedBar(int index) {
    const QList<TimelineLayout::Bar>& bars = layout().bars();
    if (index < 0 || index >= bars.size())
        return;
    m_focusKey = bars.at(index).facts.key;
    ensureBarVisible(index);
    viewport()->update();
    emit focusedBarChanged(index);
    notifyFocus();
}

void TimelineView::notifyFocus() {
    const int index = focusedBar();
    if (index < 0 || !hasFocus() || !QAccessible::isActive())
        return;
    QAccessibleEvent event(this, QAccessible::Focus);
    event.setChild(index);
    QAccessible::updateAccessibility(&event);
}

void TimelineView::selectBar(int index, QItemSelectionModel::SelectionFlags flags) {
    const QList<TimelineLayout::Bar>& bars = layout().bars();
    if (!m_selection || !m_model || index < 0 || index >= bars.size())
        return;
    m_focusKey = bars.at(index).facts.key;
    m_selection->setCurrentIndex(m_model->index(bars.at(index).row, 0), flags);
    viewport()->update();
}

void TimelineView::ensureBarVisible(int index) {
    const QList<TimelineLayout::Bar>& bars = layout().bars();
    if (index < 0 || index >= bars.size())
        return;
    const TimelineLayout::Bar& bar = bars.at(index);
    // Lanes: the bar's track between the axis and the bottom.
    QScrollBar* v = verticalScrollBar();
    const int top = trackTop(bar.track);
    const int barsHeight = viewport()->height() - axisHeight();
    if (top < v->value())
        v->setValue(top);
    else if (top + trackHeight() > v->value() + barsHeight)
        v->setValue(top + trackHeight() - barsHeight);
    // Time: its start in view, and its end too when it fits.
    const int barsWidth = viewport()->width() - labelWidth();
    const qint64 visible = qint64(barsWidth * m_msPerPixel);
    const qint64 margin = visible / 20;
    const qint64 start = bar.facts.startMs;
    const qint64 end = bar.end(now());
    if (start < m_leftTime + margin / 2)
        scrollToTime(start - margin);
    else if (end > m_leftTime + visible - margin / 2)
        scrollToTime(std::min(start - margin, end - visible + margin));
}

int TimelineView::nearestBarInTrack(int track, qint64 timeMs) const {
    const auto [first, last] = layout().trackRange(track);
    if (first == last)
        return -1;
    const int i = m_layout.firstEndingAfter(track, timeMs, now());
    const auto distance = [this, timeMs](int index) {
        const TimelineLayout::Bar& bar = m_layout.bars().at(index);
        if (bar.facts.startMs <= timeMs && timeMs <= bar.end(now()))
            return qint64(0);
        return std::min(std::abs(bar.facts.startMs - timeMs), std::abs(bar.end(now()) - timeMs));
    };
    if (i >= last)
        return last - 1;
    if (i == first)
        return i;
    return distance(i - 1) <= distance(i) ? i - 1 : i;
}

void TimelineView::moveFocus(int key, Qt::KeyboardModifiers modifiers) {
    const QList<TimelineLayout::Bar>& bars = layout().bars();
    if (bars.isEmpty())
        return;
    int index = focusedBar();
    if (index < 0) {
        // The first key press lands on the selected task, else on the first bar in view.
        const QModelIndex current = m_selection ? m_selection->currentIndex() : QModelIndex();
        index = current.isValid() ? m_layout.indexOfRow(current.row()) : -1;
        const int topTrack =
            std::min(firstTrackFrom(verticalScrollBar()->value()), m_layout.trackCount() - 1);
        if (index < 0)
            index = nearestBarInTrack(topTrack, timeAt(labelWidth()));
        setFocusedBar(std::max(0, index));
        return;
    }
    const TimelineLayout::Bar& bar = bars.at(index);
    const auto [first, last] = m_layout.trackRange(bar.track);
    const qint64 middle = bar.facts.startMs + (bar.end(now()) - bar.facts.startMs) / 2;
    switch (key) {
    case Qt::Key_Left:
        index = std::max(first, index - 1);
        break;
    case Qt::Key_Right:
        index = std::min(last - 1, index + 1);
        break;
    case Qt::Key_Home:
        index = modifiers & Qt::ControlModifier ? 0 : first;
        break;
    case Qt::Key_End:
        index = modifiers & Qt::ControlModifier ? static_cast<int>(bars.size()) - 1 : last - 1;
        break;
    case Qt::Key_Up:
        if (bar.track > 0)
            index = nearestBarInTrack(bar.track - 1, middle);
        break;
    case Qt::Key_Down:
        if (bar.track + 1 < m_layout.trackCount())
            index = nearestBarInTrack(bar.track + 1, middle);
        break;
    default:
        break;
    }
    setFocusedBar(index);
}

QString TimelineView::barDescription(int index) const {
    const QList<TimelineLayout::Bar>& bars = layout().bars();
    if (index < 0 || index >= bars.size())
        return {};
    const TimelineFacts& f = bars.at(index).facts;
    const QString instance = f.lane.isEmpty()       ? tr("no instance")
                             : f.laneName.isEmpty() ? f.lane
                                                    : tr("%1 (%2)").arg(f.laneName, f.lane);
    const QString from =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(f.startMs).toLocalTime(), QLocale::ShortFormat);
    const QString to = f.endMs < 0 ? tr("now (still running)")
                                   : QLocale().toString(QDateTime::fromMSecsSinceEpoch(f.endMs).toLocalTime(),
                                                        QLocale::ShortFormat);
    // One pass: the instance name is server text.
    const QString what = f.type.isEmpty() ? tr("task %1").arg(f.id) : tr("%1, task %2").arg(f.type, f.id);
    return tr("%1, %2 on %3, from %4 to %5").arg(f.statusText, what, instance, from, to);
}

QString TimelineView::barToolTip(int index) const {
    const QList<TimelineLayout::Bar>& bars = layout().bars();
    if (index < 0 || index >= bars.size() || !m_model)
        return {};
    const TimelineLayout::Bar& bar = bars.at(index);
    const TimelineFacts& f = bar.facts;
    const QLocale locale;
    const auto when = [&locale](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::LongFormat);
    };
    QStringList lines{f.id, tr("Status: %1").arg(f.statusText)};
    if (!f.lane.isEmpty())
        lines
            << tr("Instance: %1").arg(f.laneName.isEmpty() ? f.lane : tr("%1 (%2)").arg(f.laneName, f.lane));
    if (!f.type.isEmpty())
        lines << tr("Type: %1").arg(f.type);
    lines << (f.startKnown ? tr("Started: %1").arg(when(f.startMs))
                           : tr("Added: %1 (its start is not known)").arg(when(f.startMs)));
    lines << (f.endMs < 0 ? tr("Still running") : tr("Ended: %1").arg(when(f.endMs)));
    lines << tr("Duration: %1").arg(TaskTableModel::formatDuration(bar.end(now()) - f.startMs));
    const QString info = m_model->index(bar.row, TaskTableModel::InfoColumn).data().toString();
    if (!info.isEmpty())
        lines << tr("Info: %1").arg(SafeText::singleLine(info, 300));
    return SafeText::toolTip(lines.join(QLatin1Char('\n')));
}

// ------------------------------------------------------------------------------------------------ events

void TimelineView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    if (m_dirty)
        return; // laid out (and fitted) at the next paint
    if (!m_fitted && !m_layout.bars().isEmpty() && isVisible()) {
        m_fitted = true;
        zoomToFit();
        return;
    }
    updateScrollBars();
}

void TimelineView::showEvent(QShowEvent* event) {
    QAbstractScrollArea::showEvent(event);
    layout();
    if (!m_fitted && !m_layout.bars().isEmpty()) {
        m_fitted = true;
        zoomToFit();
    }
    if (const int index = focusedBar(); index >= 0)
        ensureBarVisible(index);
}

void TimelineView::changeEvent(QEvent* event) {
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        invalidate(); // the track height follows the font
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    const int index = barAt(event->position().toPoint());
    if (index < 0 || event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    const bool add = event->modifiers() & Qt::ControlModifier;
    selectBar(index, (add ? QItemSelectionModel::Toggle : QItemSelectionModel::ClearAndSelect) |
                         QItemSelectionModel::Rows);
    setFocusedBar(index);
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (barAt(event->position().toPoint()) >= 0)
        event->accept(); // the press selected it
    else
        QAbstractScrollArea::mouseReleaseEvent(event);
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            setMsPerPixel(m_msPerPixel * std::pow(kZoomStep, -steps), int(event->position().x()));
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        QScrollBar* h = horizontalScrollBar();
        h->setValue(h->value() - event->angleDelta().y());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Home:
    case Qt::Key_End:
        moveFocus(event->key(), event->modifiers());
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
    case Qt::Key_Select: {
        const bool add = event->modifiers() & Qt::ControlModifier;
        selectBar(focusedBar(), (add ? QItemSelectionModel::Toggle : QItemSelectionModel::ClearAndSelect) |
                                    QItemSelectionModel::Rows);
        break;
    }
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        zoomToFit();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimelineView::focusInEvent(QFocusEvent* event) {
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
    notifyFocus();
}

void TimelineView::focusOutEvent(QFocusEvent* event) {
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

bool TimelineView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const int index = barAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), barToolTip(index), viewport(), barRect(index));
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace taskwatch::ui
