#include "desktop/DesktopNotifier.h"

#include "task/SafeText.h"
#include "task/TextBounds.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace taskwatch::ui {

DesktopNotifier::DesktopNotifier(QObject* parent, const QDBusConnection& bus)
    : QObject(parent)
    , m_bus(bus) {}

bool DesktopNotifier::isAvailable() const {
    if (!m_bus.isConnected() || !m_bus.interface())
        return false;
    const QString service = QLatin1String(kService);
    if (m_bus.interface()->isServiceRegistered(service).value())
        return true;
    const QDBusReply<QStringList> activatable =
        m_bus.interface()->call(QStringLiteral("ListActivatableNames"));
    return activatable.isValid() && activatable.value().contains(service);
}

QString DesktopNotifier::bodyFor(const QString& text) {
    return boundText(SafeText::multiLine(text), kMaxBodyChars).toHtmlEscaped();
}

bool DesktopNotifier::notify(const QString& summary, const QString& body) {
    if (!isAvailable())
        return false;
    if (!m_connected) {
        const QString service = QLatin1String(kService);
        const QString path = QLatin1String(kPath);
        const QString iface = QLatin1String(kInterface);
        m_bus.connect(service, path, iface, QStringLiteral("ActionInvoked"), this,
                      SLOT(onActionInvoked(uint, QString)));
        m_bus.connect(service, path, iface, QStringLiteral("NotificationClosed"), this,
                      SLOT(onClosed(uint, uint)));
        m_connected = true;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(kService), QLatin1String(kPath),
                                                       QLatin1String(kInterface), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral(TASKWATCH_APP_ID));
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(1)));               // normal
    call << QStringLiteral("CDB TaskWatch")                                               // app_name
         << uint(0)                                                                       // replaces_id
         << QStringLiteral(TASKWATCH_APP_ID)                                              // app_icon
         << SafeText::singleLine(summary, kMaxSummaryChars)                               // plain text
         << bodyFor(body) << QStringList{QStringLiteral("default"), tr("Show TaskWatch")} // actions
         << hints << int(-1); // the server's default timeout
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* w) {
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isValid()) {
            m_ids.insert(reply.value());
            emit sent(reply.value());
        }
        w->deleteLater();
    });
    return true;
}

void DesktopNotifier::onActionInvoked(uint id, const QString& action) {
    if (m_ids.contains(id) && action == QLatin1String("default"))
        emit activated();
}

void DesktopNotifier::onClosed(uint id, uint) {
    m_ids.remove(id);
}

} // namespace taskwatch::ui
