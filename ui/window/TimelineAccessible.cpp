#include "window/TimelineAccessible.h"

#include "window/TimelineView.h"

#include <QAccessible>
#include <QItemSelectionModel>
#include <QWidget>

namespace taskwatch::ui {

namespace {

// One bar of the timeline. Known by its task's key: its index changes whenever the timeline is laid out.
class BarAccessible : public QAccessibleInterface, public QAccessibleActionInterface {
public:
    BarAccessible(TimelineView* view, QString key)
        : m_view(view)
        , m_key(std::move(key)) {}

    int index() const { return m_view ? m_view->layout().indexOfKey(m_key) : -1; }
    bool isValid() const override { return index() >= 0; }
    QObject* object() const override { return nullptr; }
    QWindow* window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface* parent() const override { return QAccessible::queryAccessibleInterface(m_view); }
    QAccessibleInterface* child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface*) const override { return -1; }
    QAccessibleInterface* childAt(int, int) const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    void setText(QAccessible::Text, const QString&) override {}

    QString text(QAccessible::Text t) const override {
        if (t == QAccessible::Name)
            return m_view ? m_view->barDescription(index()) : QString();
        return {};
    }

    QRect rect() const override {
        if (!m_view)
            return {};
        const QRect local = m_view->barRect(index());
        return QRect(m_view->viewport()->mapToGlobal(local.topLeft()), local.size());
    }

    QAccessible::State state() const override {
        QAccessible::State s;
        const int i = index();
        if (!m_view || i < 0) {
            s.invalid = true;
            return s;
        }
        s.focusable = true;
        s.selectable = true;
        s.focused = m_view->hasFocus() && m_view->focusedBar() == i;
        s.selected = m_view->isBarSelected(i);
        s.offscreen = !m_view->viewport()->rect().intersects(m_view->barRect(i));
        return s;
    }

    void* interface_cast(QAccessible::InterfaceType type) override {
        return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface*>(this)
                                                    : nullptr;
    }

    QStringList actionNames() const override { return {pressAction(), setFocusAction()}; }
    QStringList keyBindingsForAction(const QString&) const override { return {}; }
    void doAction(const QString& name) override {
        if (!m_view)
            return;
        if (name == pressAction())
            m_view->selectBar(index());
        else if (name == setFocusAction())
            m_view->setFocusedBar(index());
    }

private:
    QPointer<TimelineView> m_view;
    QString m_key;
};

QAccessibleInterface* timelineFactory(const QString& className, QObject* object) {
    if (className == QLatin1String("taskwatch::ui::TimelineView") && object && object->isWidgetType())
        return new TimelineAccessible(static_cast<TimelineView*>(object));
    return nullptr;
}

} // namespace

void TimelineAccessible::install() {
    static const bool installed = [] {
        QAccessible::installFactory(timelineFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

TimelineAccessible::TimelineAccessible(TimelineView* view)
    : QAccessibleWidget(view, QAccessible::List) {
    m_laidOut = QObject::connect(view, &TimelineView::laidOut, view, [this] { dropGoneChildren(); });
}

TimelineAccessible::~TimelineAccessible() {
    QObject::disconnect(m_laidOut);
    for (const QAccessible::Id id : std::as_const(m_children))
        QAccessible::deleteAccessibleInterface(id);
}

TimelineView* TimelineAccessible::view() const {
    return static_cast<TimelineView*>(widget());
}

// Items of tasks no longer on the timeline go (their key names nothing any more).
void TimelineAccessible::dropGoneChildren() {
    for (auto it = m_children.begin(); it != m_children.end();) {
        if (view()->layout().indexOfKey(it.key()) < 0) {
            QAccessible::deleteAccessibleInterface(it.value());
            it = m_children.erase(it);
        } else {
            ++it;
        }
    }
}

int TimelineAccessible::childCount() const {
    return static_cast<int>(view()->layout().bars().size());
}

QAccessibleInterface* TimelineAccessible::child(int index) const {
    const QList<TimelineLayout::Bar>& bars = view()->layout().bars();
    if (index < 0 || index >= bars.size())
        return nullptr;
    const QString& key = bars.at(index).facts.key;
    if (const auto it = m_children.constFind(key); it != m_children.constEnd())
        if (QAccessibleInterface* iface = QAccessible::accessibleInterface(*it))
            return iface;
    auto* iface = new BarAccessible(view(), key);
    m_children.insert(key, QAccessible::registerAccessibleInterface(iface));
    return iface;
}

int TimelineAccessible::indexOfChild(const QAccessibleInterface* child) const {
    const QAccessible::Id id = QAccessible::uniqueId(const_cast<QAccessibleInterface*>(child));
    for (auto it = m_children.cbegin(); it != m_children.cend(); ++it) {
        if (it.value() == id)
            return view()->layout().indexOfKey(it.key());
    }
    return -1;
}

QAccessibleInterface* TimelineAccessible::childAt(int x, int y) const {
    const int index = view()->barAt(view()->viewport()->mapFromGlobal(QPoint(x, y)));
    return index >= 0 ? child(index) : nullptr;
}

QAccessibleInterface* TimelineAccessible::focusChild() const {
    const int index = view()->focusedBar();
    return view()->hasFocus() && index >= 0 ? child(index) : nullptr;
}

} // namespace taskwatch::ui
