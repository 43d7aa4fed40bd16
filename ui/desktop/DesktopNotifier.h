// Desktop notifications through the freedesktop notification service (org.freedesktop.Notifications on the
// session bus, over QtDBus): shown on desktops without a system tray (stock GNOME) too. The summary is sent
// as plain text; the body is escaped, since servers that announce "body-markup" render a subset of HTML.
// Clicking the notification (its "default" action) emits activated(). The caller falls back to the system
// tray when isAvailable() is false.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QSet>
#include <QString>

namespace taskwatch::ui {

class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    static constexpr auto kService = "org.freedesktop.Notifications";
    static constexpr auto kPath = "/org/freedesktop/Notifications";
    static constexpr auto kInterface = "org.freedesktop.Notifications";
    static constexpr int kMaxSummaryChars = 200;
    static constexpr int kMaxBodyChars = 2000;

    explicit DesktopNotifier(QObject* parent = nullptr,
                             const QDBusConnection& bus = QDBusConnection::sessionBus());

    // The service has an owner on the bus, or the bus can start it.
    bool isAvailable() const;
    // Sends one notification (asynchronously); false when the service is not available. `summary` and
    // `body` are neutralised (SafeText) and bounded here; the body is markup-escaped.
    bool notify(const QString& summary, const QString& body);

    // What notify() sends as the body for `text` (for tests).
    static QString bodyFor(const QString& text);

signals:
    void activated();   // the user clicked one of our notifications
    void sent(uint id); // the service accepted a notification

private slots:
    void onActionInvoked(uint id, const QString& action);
    void onClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    QSet<uint> m_ids; // our notifications still open
    bool m_connected = false;
};

} // namespace taskwatch::ui
