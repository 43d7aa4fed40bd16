// What screen readers see of the timeline: a list with one item per bar, named with the task's status, id,
// instance and times (TimelineView::barDescription), with its place on screen, selected and focused states,
// and a press action that selects the task. Items are made when asked for and kept by task key while the
// task is on the timeline.
#pragma once

#include <QAccessibleWidget>
#include <QHash>
#include <QPointer>

namespace taskwatch::ui {

class TimelineView;

class TimelineAccessible : public QAccessibleWidget {
public:
    // Registers the factory that makes this interface for every TimelineView (once per process).
    static void install();

    explicit TimelineAccessible(TimelineView* view);
    ~TimelineAccessible() override;

    int childCount() const override;
    QAccessibleInterface* child(int index) const override;
    int indexOfChild(const QAccessibleInterface* child) const override;
    QAccessibleInterface* childAt(int x, int y) const override;
    QAccessibleInterface* focusChild() const override;

private:
    TimelineView* view() const;
    void dropGoneChildren();

    mutable QHash<QString, QAccessible::Id> m_children; // by task key
    QMetaObject::Connection m_laidOut;
};

} // namespace taskwatch::ui
