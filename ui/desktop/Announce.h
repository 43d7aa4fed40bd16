// Announcing a status change to screen readers ("Tasks removed: 1", "2 task ids found"). Qt 6.4 has no
// announcement event (QAccessibleAnnouncementEvent came with 6.8), so the source acts as a live region: its
// accessible name becomes the text (a label keeps its own text as its name), which sends a NameChanged
// event, and a ValueChanged event carries the text. Without an assistive technology both are no-ops.
#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace taskwatch::ui {

// `fallbackName`: the source's name while there is nothing to announce (text empty).
void announce(QWidget* source, const QString& text, const QString& fallbackName = {});

// Every announcement also goes through this object's signal (for tests and logging).
class Announcer : public QObject {
    Q_OBJECT
public:
    static Announcer* instance();

signals:
    void announced(QWidget* source, const QString& text);
};

} // namespace taskwatch::ui
