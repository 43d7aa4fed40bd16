#include "desktop/ActionIcons.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <functional>

// Q_INIT_RESOURCE must be used outside any namespace; the resources live in a static library.
static void initResources() {
    Q_INIT_RESOURCE(resources);
}

namespace taskwatch::ui {

namespace {

QPen pen(const QColor& color, qreal width) {
    return QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

// An open circular arrow: `clockwise` picks the direction of the head.
void circularArrow(QPainter& p, const QColor& c, bool clockwise) {
    p.setPen(pen(c, 2.2));
    p.setBrush(Qt::NoBrush);
    const QRectF ring(4.5, 4.5, 15, 15);
    if (clockwise) {
        p.drawArc(ring, 60 * 16, -300 * 16);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        // The arc ends at 120° (upper left); the head points right along the top.
        p.drawPolygon(QPolygonF({QPointF(17.8, 2.2), QPointF(18.6, 9.4), QPointF(12.2, 6.2)}));
    } else {
        p.drawArc(ring, 120 * 16, 300 * 16);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPolygon(QPolygonF({QPointF(6.2, 2.2), QPointF(5.4, 9.4), QPointF(11.8, 6.2)}));
    }
}

void drawShape(QPainter& p, ActionIcon kind, const QColor& c) {
    switch (kind) {
    case ActionIcon::Discover: // a magnifying glass
        p.setPen(pen(c, 2.2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(10, 10), 6, 6);
        p.setPen(pen(c, 3));
        p.drawLine(QPointF(14.6, 14.6), QPointF(20, 20));
        break;
    case ActionIcon::Add:
        p.setPen(pen(c, 2.4));
        p.drawLine(QPointF(12, 4.5), QPointF(12, 19.5));
        p.drawLine(QPointF(4.5, 12), QPointF(19.5, 12));
        break;
    case ActionIcon::Refresh:
        circularArrow(p, c, true);
        break;
    case ActionIcon::Retry:
        circularArrow(p, c, false);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QPointF(12, 12), 2.2, 2.2);
        break;
    case ActionIcon::Pause:
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(QRectF(6.5, 5, 3.8, 14), 1, 1);
        p.drawRoundedRect(QRectF(13.7, 5, 3.8, 14), 1, 1);
        break;
    case ActionIcon::Resume:
        p.setPen(pen(c, 1.5));
        p.setBrush(c);
        p.drawPolygon(QPolygonF({QPointF(7.5, 5), QPointF(18.5, 12), QPointF(7.5, 19)}));
        break;
    case ActionIcon::Remove:
        p.setPen(pen(c, 1.9));
        p.setBrush(Qt::NoBrush);
        p.drawLine(QPointF(4.5, 6.5), QPointF(19.5, 6.5));
        p.drawPolyline(QPolygonF({QPointF(9.5, 6.5), QPointF(9.5, 4), QPointF(14.5, 4), QPointF(14.5, 6.5)}));
        p.drawPolygon(
            QPolygonF({QPointF(6.5, 6.5), QPointF(7.6, 20), QPointF(16.4, 20), QPointF(17.5, 6.5)}));
        p.drawLine(QPointF(10.3, 10), QPointF(10.4, 16.5));
        p.drawLine(QPointF(13.7, 10), QPointF(13.6, 16.5));
        break;
    case ActionIcon::Filter:
        p.setPen(pen(c, 1.9));
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(QPolygonF({QPointF(4, 5), QPointF(20, 5), QPointF(14, 12.5), QPointF(14, 19),
                                 QPointF(10, 17), QPointF(10, 12.5)}));
        break;
    case ActionIcon::Info:
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QRectF(2, 2, 20, 20));
        p.setCompositionMode(QPainter::CompositionMode_Clear);
        p.drawEllipse(QPointF(12, 7.4), 1.5, 1.5);
        p.drawRoundedRect(QRectF(10.7, 10.2, 2.6, 8.2), 0.8, 0.8);
        break;
    case ActionIcon::Copy:
        p.setPen(pen(c, 1.8));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(8.5, 8.5, 11, 12), 1.5, 1.5);
        p.drawPolyline(QPolygonF({QPointF(15.5, 5.5), QPointF(15.5, 3.5), QPointF(4.5, 3.5),
                                  QPointF(4.5, 16.5), QPointF(6, 16.5)}));
        break;
    }
}

// An icon painted at the size asked for, when asked (the window asks for a few sizes of a few icons: painting
// on demand keeps no set of pixmaps of every size for every icon).
class PaintedIconEngine : public QIconEngine {
public:
    // Paints the normal or the disabled look into a square of `side` logical pixels.
    using Painter = std::function<void(QPainter& p, int side, QIcon::Mode mode)>;
    explicit PaintedIconEngine(Painter painter)
        : m_painter(std::move(painter)) {}

    QIconEngine* clone() const override { return new PaintedIconEngine(m_painter); }
    QString key() const override { return QStringLiteral("taskwatch-painted"); }
    bool isNull() override { return false; }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override {
        return {QSize(16, 16), QSize(22, 22), QSize(24, 24), QSize(32, 32), QSize(48, 48), QSize(64, 64)};
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
        m_painter(p, side, mode);
        return pm;
    }
    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
    }

private:
    Painter m_painter;
};

const char* themeName(ActionIcon kind) {
    switch (kind) {
    case ActionIcon::Discover:
        return "system-search";
    case ActionIcon::Add:
        return "list-add";
    case ActionIcon::Refresh:
        return "view-refresh";
    case ActionIcon::Pause:
        return "media-playback-pause";
    case ActionIcon::Resume:
        return "media-playback-start";
    case ActionIcon::Retry:
        return "edit-redo";
    case ActionIcon::Remove:
        return "edit-delete";
    case ActionIcon::Filter:
        return "view-filter";
    case ActionIcon::Info:
        return "dialog-information";
    case ActionIcon::Copy:
        return "edit-copy";
    }
    return "";
}

} // namespace

QIcon paintedIcon(ActionIcon kind, const QColor& color, const QColor& disabledColor) {
    return QIcon(new PaintedIconEngine([kind, color, disabledColor](QPainter& p, int side, QIcon::Mode mode) {
        p.scale(side / 24.0, side / 24.0);
        drawShape(p, kind, mode == QIcon::Disabled ? disabledColor : color);
    }));
}

QIcon actionIcon(ActionIcon kind, const QPalette& palette) {
    const QIcon themed = QIcon::fromTheme(QLatin1String(themeName(kind)));
    if (!themed.isNull())
        return themed;
    QColor color = palette.color(QPalette::Active, QPalette::ButtonText);
    // A little softer than the text, like most icon themes.
    color.setAlphaF(0.85);
    return paintedIcon(kind, color, palette.color(QPalette::Disabled, QPalette::ButtonText));
}

// The application icon, painted (no SVG image plugin needed): a database cylinder with a check mark.
QIcon appIcon() {
    initResources();
    QIcon icon(QStringLiteral(":/icons/cdb-taskwatch.svg"));
    if (!icon.pixmap(QSize(32, 32)).isNull())
        return icon;
    return QIcon(new PaintedIconEngine([](QPainter& p, int side, QIcon::Mode) {
        p.scale(side / 64.0, side / 64.0);
        const QColor body(0x1f, 0x6f, 0xeb);
        const QColor top(0x6c, 0xa8, 0xff);
        p.setPen(Qt::NoPen);
        p.setBrush(body);
        p.drawRoundedRect(QRectF(8, 12, 40, 42), 4, 4);
        p.drawEllipse(QRectF(8, 46, 40, 14));
        p.setBrush(top);
        p.drawEllipse(QRectF(8, 5, 40, 14));
        p.setPen(QPen(QColor(255, 255, 255, 150), 2.5));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(8, 20, 40, 14), 180 * 16, 180 * 16);
        p.drawArc(QRectF(8, 33, 40, 14), 180 * 16, 180 * 16);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1a, 0x7f, 0x37));
        p.drawEllipse(QRectF(34, 34, 28, 28));
        p.setPen(QPen(Qt::white, 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(41, 48.5), QPointF(46.5, 54), QPointF(55, 43)}));
    }));
}

} // namespace taskwatch::ui
