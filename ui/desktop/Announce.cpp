#include "desktop/Announce.h"

#include <QAccessible>
#include <QLabel>
#include <QWidget>

namespace taskwatch::ui {

Announcer* Announcer::instance() {
    static Announcer announcer;
    return &announcer;
}

void announce(QWidget* source, const QString& text, const QString& fallbackName) {
    if (!source)
        return;
    if (!qobject_cast<QLabel*>(source)) // a label's name is its text, announced by QLabel::setText
        source->setAccessibleName(text.isEmpty() ? fallbackName : text);
    if (!text.isEmpty()) {
        QAccessibleValueChangeEvent event(source, text);
        QAccessible::updateAccessibility(&event);
        emit Announcer::instance()->announced(source, text);
    }
}

} // namespace taskwatch::ui
