#include "dialogs/RevealAction.h"

#include <QAction>
#include <QIcon>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <algorithm>

namespace taskwatch::ui {

namespace {

QIcon eyeIcon(bool crossed, const QColor& color) {
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        QPen pen(color);
        pen.setWidthF(std::max(1.0, size / 12.0));
        p.setPen(pen);
        const qreal s = size;
        QPainterPath outline;
        outline.moveTo(s * 0.08, s * 0.5);
        outline.quadTo(s * 0.5, s * 0.08, s * 0.92, s * 0.5);
        outline.quadTo(s * 0.5, s * 0.92, s * 0.08, s * 0.5);
        p.drawPath(outline);
        p.setBrush(color);
        p.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.13, s * 0.13);
        if (crossed)
            p.drawLine(QPointF(s * 0.15, s * 0.85), QPointF(s * 0.85, s * 0.15));
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

QAction* addRevealAction(QLineEdit* edit, const QString& showTip, const QString& hideTip) {
    const QColor color = edit->palette().color(QPalette::Text);
    auto* action = new QAction(eyeIcon(false, color), showTip, edit);
    action->setCheckable(true);
    action->setToolTip(showTip);
    QObject::connect(action, &QAction::toggled, edit, [edit, action, showTip, hideTip, color](bool shown) {
        edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        action->setIcon(eyeIcon(shown, color));
        action->setText(shown ? hideTip : showTip);
        action->setToolTip(shown ? hideTip : showTip);
    });
    edit->addAction(action, QLineEdit::TrailingPosition);
    return action;
}

} // namespace taskwatch::ui
