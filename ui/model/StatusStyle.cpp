#include "model/StatusStyle.h"

#include "task/SafeText.h"
#include "task/TaskState.h"
#include "task/TaskStatus.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QtMath>

namespace taskwatch {

namespace {

struct KeyInfo {
    StatusKey key;
    const char* name;
    const char* label;
    const char* description;
    int severity;
    QRgb light;
    QRgb dark;
};

// Colours: light variants are readable on white, dark variants on #1e1e1e-ish windows (both pass 4.5:1).
// clang-format off
constexpr KeyInfo kKeys[] = {
    {StatusKey::NoStatus, "NoStatus", QT_TRANSLATE_NOOP("StatusStyle", "No status yet"),
     QT_TRANSLATE_NOOP("StatusStyle", "The server has not reported a status for this task yet."), 20, 0xff5f6b76, 0xff9aa4ae},
    {StatusKey::Initial, "INITIAL", QT_TRANSLATE_NOOP("StatusStyle", "Initial"),
     QT_TRANSLATE_NOOP("StatusStyle", "The task was created and has not started yet."), 30, 0xff0f6e75, 0xff39c5cf},
    {StatusKey::Undefined, "UNDEFINED", QT_TRANSLATE_NOOP("StatusStyle", "Scheduled"),
     QT_TRANSLATE_NOOP("StatusStyle", "UNDEFINED or WAITING: created but not started, e.g. waiting for the maintenance window."), 35,
     0xff6b4fbb, 0xffb59cf5},
    {StatusKey::Running, "RUNNING", QT_TRANSLATE_NOOP("StatusStyle", "Running"),
     QT_TRANSLATE_NOOP("StatusStyle", "The task is running."), 40, 0xff0a5fcc, 0xff58a6ff},
    {StatusKey::Paused, "PAUSED", QT_TRANSLATE_NOOP("StatusStyle", "Paused"),
     QT_TRANSLATE_NOOP("StatusStyle", "PAUSED: the task is paused or being terminated."), 50, 0xff8a5a00, 0xffe3b341},
    {StatusKey::Unknown, "Unknown", QT_TRANSLATE_NOOP("StatusStyle", "Unknown status"),
     QT_TRANSLATE_NOOP("StatusStyle", "The server reported a status that is not documented; it is shown as received "
                                      "and the task is treated as unfinished."), 60, 0xff7a4a1c, 0xffd8a070},
    {StatusKey::Success, "SUCCESS", QT_TRANSLATE_NOOP("StatusStyle", "Success"),
     QT_TRANSLATE_NOOP("StatusStyle", "The task finished successfully."), 10, 0xff1a7f37, 0xff3fb950},
    {StatusKey::Failed, "FAILED", QT_TRANSLATE_NOOP("StatusStyle", "Failed"),
     QT_TRANSLATE_NOOP("StatusStyle", "The task failed."), 80, 0xffc9202c, 0xffff6b63},
    {StatusKey::Killed, "KILLED", QT_TRANSLATE_NOOP("StatusStyle", "Killed"),
     QT_TRANSLATE_NOOP("StatusStyle", "The task was terminated before it finished."), 70, 0xffb34100, 0xfff0883e},
    {StatusKey::Removed, "REMOVED", QT_TRANSLATE_NOOP("StatusStyle", "Removed"),
     QT_TRANSLATE_NOOP("StatusStyle", "The task was removed."), 15, 0xff59636e, 0xff8b949e},
    {StatusKey::Error, "Error", QT_TRANSLATE_NOOP("StatusStyle", "Error"),
     QT_TRANSLATE_NOOP("StatusStyle", "Polling this task returned an error; see the Error column and the details."), 90,
     0xffa40e26, 0xffff8e86},
    {StatusKey::Held, "Held", QT_TRANSLATE_NOOP("StatusStyle", "On hold"),
     QT_TRANSLATE_NOOP("StatusStyle", "Polling is on hold for these credentials (authentication failed)."), 100,
     0xff7d5a00, 0xffd29922},
};
// clang-format on

const KeyInfo& infoOf(StatusKey key) {
    for (const KeyInfo& info : kKeys) {
        if (info.key == key)
            return info;
    }
    return kKeys[0];
}

StatusKey keyOfStatus(const QString& status) {
    if (status == QLatin1String(TaskStatus::Initial))
        return StatusKey::Initial;
    if (status == QLatin1String(TaskStatus::Running))
        return StatusKey::Running;
    if (status == QLatin1String(TaskStatus::Success))
        return StatusKey::Success;
    if (status == QLatin1String(TaskStatus::Failed))
        return StatusKey::Failed;
    if (status == QLatin1String(TaskStatus::Killed))
        return StatusKey::Killed;
    if (status == QLatin1String(TaskStatus::Removed))
        return StatusKey::Removed;
    if (status == QLatin1String(TaskStatus::Paused))
        return StatusKey::Paused;
    // DescribeTasks' WAITING (waiting to start, can be cancelled) looks like UNDEFINED: scheduled.
    if (status == QLatin1String(TaskStatus::Undefined) || status == QLatin1String(TaskStatus::Waiting))
        return StatusKey::Undefined;
    return StatusKey::Unknown;
}

// The shapes, each painted into a 24×24 design box. Marks inside a filled shape are cut out (transparent), so
// they show the cell background in any theme.
constexpr QRectF kDisc(2, 2, 20, 20);

QPen stroke(const QColor& c, qreal width) {
    return QPen(c, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

// From here on, what is painted (with kCut) clears the shape instead.
void startCutting(QPainter& p) {
    p.setCompositionMode(QPainter::CompositionMode_Clear);
}
constexpr Qt::GlobalColor kCut = Qt::black;

void drawNoStatus(QPainter& p, const QColor& fg) { // dashed ring
    QPen pen = stroke(fg, 2.2);
    pen.setCapStyle(Qt::FlatCap);
    pen.setDashPattern({2.0, 1.6});
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QRectF(3.5, 3.5, 17, 17));
}

void drawInitial(QPainter& p, const QColor& fg) { // clock
    p.setPen(stroke(fg, 2.2));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QRectF(3, 3, 18, 18));
    p.drawPolyline(QPolygonF({QPointF(12, 6.8), QPointF(12, 12), QPointF(15.8, 14.2)}));
}

void drawUndefined(QPainter& p, const QColor& fg) { // hourglass
    p.setPen(stroke(fg, 2.0));
    p.setBrush(Qt::NoBrush);
    p.drawLine(QPointF(5.5, 3), QPointF(18.5, 3));
    p.drawLine(QPointF(5.5, 21), QPointF(18.5, 21));
    QPainterPath glass;
    glass.moveTo(7, 3);
    glass.lineTo(17, 3);
    glass.cubicTo(17, 8, 13, 10.5, 12.6, 12);
    glass.cubicTo(13, 13.5, 17, 16, 17, 21);
    glass.lineTo(7, 21);
    glass.cubicTo(7, 16, 11, 13.5, 11.4, 12);
    glass.cubicTo(11, 10.5, 7, 8, 7, 3);
    p.drawPath(glass);
    p.setPen(Qt::NoPen);
    p.setBrush(fg);
    p.drawPolygon(QPolygonF({QPointF(8.5, 20), QPointF(15.5, 20), QPointF(12, 15.5)}));
}

void drawRunning(QPainter& p, const QColor& fg) { // spinner: a three-quarter ring with an arrow head
    p.setPen(stroke(fg, 2.6));
    p.setBrush(Qt::NoBrush);
    const QRectF ring(4, 4, 16, 16);
    p.drawArc(ring, 90 * 16, -270 * 16); // from 12 o'clock clockwise to 9 o'clock
    p.setPen(Qt::NoPen);
    p.setBrush(fg);
    // The arc ends at (4, 12) heading up; the head points up there.
    p.drawPolygon(QPolygonF({QPointF(0.6, 12.6), QPointF(7.4, 12.6), QPointF(4, 7.2)}));
}

void drawPaused(QPainter& p, const QColor& fg) { // pause bars on a disc
    p.setPen(Qt::NoPen);
    p.setBrush(fg);
    p.drawEllipse(kDisc);
    startCutting(p);
    p.setBrush(kCut);
    p.drawRoundedRect(QRectF(8.2, 7, 2.8, 10), 0.8, 0.8);
    p.drawRoundedRect(QRectF(13, 7, 2.8, 10), 0.8, 0.8);
}

void drawUnknown(QPainter& p, const QColor& fg) { // question mark in a ring
    p.setPen(stroke(fg, 2.0));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QRectF(3, 3, 18, 18));
    QPainterPath q;
    q.moveTo(9.2, 9.6);
    q.cubicTo(9.2, 7.6, 10.6, 6.6, 12.1, 6.6);
    q.cubicTo(13.7, 6.6, 15, 7.7, 15, 9.3);
    q.cubicTo(15, 11.6, 12.1, 11.6, 12.1, 13.9);
    p.setPen(stroke(fg, 2.2));
    p.drawPath(q);
    p.setPen(Qt::NoPen);
    p.setBrush(fg);
    p.drawEllipse(QPointF(12.1, 17.2), 1.4, 1.4);
}

void drawSuccess(QPainter& p, const QColor& fg) { // check mark on a disc
    p.setPen(Qt::NoPen);
    p.setBrush(fg);
    p.drawEllipse(kDisc);
    startCutting(p);
    p.setPen(stroke(kCut, 2.6));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(QPolygonF({QPointF(7.2, 12.4), QPointF(10.6, 15.6), QPointF(16.8, 8.8)}));
}

void drawFailed(QPainter& p, const QColor& fg) { // cross on a disc
    p.setPen(Qt::NoPen);
    p.setBrush(fg);
    p.drawEllipse(kDisc);
    startCutting(p);
    p.setPen(stroke(kCut, 2.6));
    p.drawLine(QPointF(8.4, 8.4), QPointF(15.6, 15.6));
    p.drawLine(QPointF(15.6, 8.4), QPointF(8.4, 15.6));
}

void drawKilled(QPainter& p, const QColor& fg) { // stop sign: an octagon with a bar
    QPolygonF octagon;
    for (int i = 0; i < 8; ++i) {
        const qreal a = qDegreesToRadians(22.5 + 45.0 * i);
        octagon << QPointF(12 + 10.4 * qCos(a), 12 + 10.4 * qSin(a));
    }
    p.setPen(Qt::NoPen);
    p.setBrush(fg);
    p.drawPolygon(octagon);
    startCutting(p);
    p.setBrush(kCut);
    p.drawRoundedRect(QRectF(6.5, 10.5, 11, 3), 0.8, 0.8);
}

void drawRemoved(QPainter& p, const QColor& fg) { // waste bin
    p.setPen(stroke(fg, 2.0));
    p.setBrush(Qt::NoBrush);
    p.drawLine(QPointF(4, 6.5), QPointF(20, 6.5));
    p.drawPolyline(QPolygonF({QPointF(9.5, 6.5), QPointF(9.5, 3.8), QPointF(14.5, 3.8), QPointF(14.5, 6.5)}));
    p.drawPolygon(QPolygonF({QPointF(6, 6.5), QPointF(7.3, 20.5), QPointF(16.7, 20.5), QPointF(18, 6.5)}));
    p.drawLine(QPointF(10.2, 10), QPointF(10.4, 17));
    p.drawLine(QPointF(13.8, 10), QPointF(13.6, 17));
}

void drawError(QPainter& p, const QColor& fg) { // warning triangle with an exclamation mark
    QPainterPath tri;
    tri.moveTo(12, 2.5);
    tri.lineTo(22.5, 20.8);
    tri.lineTo(1.5, 20.8);
    tri.closeSubpath();
    p.setPen(stroke(fg, 1.6));
    p.setBrush(fg);
    p.drawPath(tri);
    startCutting(p);
    p.setPen(stroke(kCut, 2.4));
    p.drawLine(QPointF(12, 8.6), QPointF(12, 14));
    p.setPen(Qt::NoPen);
    p.setBrush(kCut);
    p.drawEllipse(QPointF(12, 17.4), 1.35, 1.35);
}

void drawHeld(QPainter& p, const QColor& fg) { // padlock
    p.setPen(stroke(fg, 2.4));
    p.setBrush(Qt::NoBrush);
    QPainterPath shackle;
    shackle.moveTo(7.8, 11);
    shackle.lineTo(7.8, 7.6);
    shackle.cubicTo(7.8, 2.6, 16.2, 2.6, 16.2, 7.6);
    shackle.lineTo(16.2, 11);
    p.drawPath(shackle);
    p.setPen(Qt::NoPen);
    p.setBrush(fg);
    p.drawRoundedRect(QRectF(4.5, 10.5, 15, 11), 2, 2);
    startCutting(p);
    p.setBrush(kCut);
    p.drawEllipse(QPointF(12, 15), 1.6, 1.6);
    p.drawRect(QRectF(11.3, 15, 1.4, 3.4));
}

void drawShape(QPainter& p, StatusKey key, const QColor& fg) {
    switch (key) {
    case StatusKey::NoStatus:
        return drawNoStatus(p, fg);
    case StatusKey::Initial:
        return drawInitial(p, fg);
    case StatusKey::Undefined:
        return drawUndefined(p, fg);
    case StatusKey::Running:
        return drawRunning(p, fg);
    case StatusKey::Paused:
        return drawPaused(p, fg);
    case StatusKey::Unknown:
        return drawUnknown(p, fg);
    case StatusKey::Success:
        return drawSuccess(p, fg);
    case StatusKey::Failed:
        return drawFailed(p, fg);
    case StatusKey::Killed:
        return drawKilled(p, fg);
    case StatusKey::Removed:
        return drawRemoved(p, fg);
    case StatusKey::Error:
        return drawError(p, fg);
    case StatusKey::Held:
        return drawHeld(p, fg);
    }
}

// Paints the key's shape into a 24×24 design box scaled to the target rectangle.
class StatusIconEngine : public QIconEngine {
public:
    StatusIconEngine(StatusKey key, QColor color, bool dark)
        : m_key(key)
        , m_color(color)
        , m_dark(dark) {}

    QIconEngine* clone() const override { return new StatusIconEngine(m_key, m_color, m_dark); }
    QString key() const override { return QStringLiteral("taskwatch-status"); }
    bool isNull() override { return false; }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override {
        return {QSize(16, 16), QSize(22, 22), QSize(24, 24), QSize(32, 32), QSize(48, 48)};
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override {
        const int side = qMin(size.width(), size.height());
        return QSize(side, side);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State, qreal scale) override {
        const int side = qMin(size.width(), size.height());
        QPixmap pm(QSize(side, side) * scale);
        pm.fill(Qt::transparent);
        pm.setDevicePixelRatio(scale);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(side / 24.0, side / 24.0);
        QColor fg = m_color;
        if (mode == QIcon::Disabled)
            fg = QColor(m_dark ? 0x70707a : 0xa0a0a8);
        drawShape(p, m_key, fg);
        return pm;
    }

    // Painted through a pixmap: the inner marks are cut out of the shape (transparent), which must not punch
    // holes into whatever the caller paints on.
    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override {
        const int side = qMin(rect.width(), rect.height());
        if (side <= 0)
            return;
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QPixmap pm = scaledPixmap(QSize(side, side), mode, state, scale);
        painter->drawPixmap(
            QPointF(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0), pm);
    }

private:
    StatusKey m_key;
    QColor m_color;
    bool m_dark;
};

} // namespace

QList<StatusKey> StatusStyle::allKeys() {
    QList<StatusKey> keys;
    for (const KeyInfo& info : kKeys)
        keys.append(info.key);
    return keys;
}

StatusKey StatusStyle::keyFor(const TaskState& state) {
    if (state.phase == TaskPhase::Held)
        return StatusKey::Held;
    if (!state.errorCode.isEmpty() &&
        (state.phase == TaskPhase::Stopped || state.phase == TaskPhase::Retrying))
        return StatusKey::Error;
    if (!state.status)
        return StatusKey::NoStatus;
    return keyOfStatus(*state.status);
}

QString StatusStyle::keyName(StatusKey key) {
    return QString::fromLatin1(infoOf(key).name);
}

QString StatusStyle::label(StatusKey key) {
    return QCoreApplication::translate("StatusStyle", infoOf(key).label);
}

QString StatusStyle::text(const TaskState& state) {
    const StatusKey key = keyFor(state);
    switch (key) {
    case StatusKey::Unknown:
        return SafeText::singleLine(state.status.value_or(QString()), 64);
    case StatusKey::Error:
        if (state.phase == TaskPhase::Retrying)
            return QCoreApplication::translate("StatusStyle", "Retrying");
        return label(key);
    case StatusKey::NoStatus:
        if (state.phase == TaskPhase::Waiting && !state.lastCheckedAt.isValid())
            return QCoreApplication::translate("StatusStyle", "Waiting");
        return label(key);
    default:
        return label(key);
    }
}

QString StatusStyle::description(StatusKey key) {
    return QCoreApplication::translate("StatusStyle", infoOf(key).description);
}

int StatusStyle::severity(StatusKey key) {
    return infoOf(key).severity;
}

bool StatusStyle::isTerminal(StatusKey key) {
    return key == StatusKey::Success || key == StatusKey::Failed || key == StatusKey::Killed ||
           key == StatusKey::Removed;
}

QColor StatusStyle::color(StatusKey key, bool dark) {
    const KeyInfo& info = infoOf(key);
    return QColor::fromRgba(dark ? info.dark : info.light);
}

QColor StatusStyle::background(StatusKey key, bool dark) {
    QColor c = color(key, dark);
    c.setAlpha(dark ? 46 : 30);
    return c;
}

QIcon StatusStyle::icon(StatusKey key, bool dark) {
    static QHash<int, QIcon> cache;
    const int cacheKey = static_cast<int>(key) * 2 + (dark ? 1 : 0);
    auto it = cache.constFind(cacheKey);
    if (it != cache.constEnd())
        return *it;
    QIcon icon(new StatusIconEngine(key, color(key, dark), dark));
    cache.insert(cacheKey, icon);
    return icon;
}

bool StatusStyle::isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

bool StatusStyle::isApplicationDark() {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return false;
    return isDark(QGuiApplication::palette());
}

} // namespace taskwatch
