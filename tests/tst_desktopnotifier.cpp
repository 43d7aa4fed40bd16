// DesktopNotifier and Notifier against a fake org.freedesktop.Notifications service registered on the
// test's private session bus (scripts/with-keyring): the Notify call's arguments (plain summary, escaped and
// neutralised body, the default action), one notification per batch of finished tasks, the default action
// raising the window, and no notification service at all.
#include "TaskBoard.h"
#include "desktop/DesktopNotifier.h"
#include "desktop/Notifier.h"
#include "task/TaskState.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QWidget>
#include <QtTest>

using namespace taskwatch;
using taskwatch::ui::DesktopNotifier;

namespace {

struct NotifyCall {
    QString appName;
    uint replacesId = 0;
    QString appIcon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int timeout = 0;
};

// The server side of org.freedesktop.Notifications, on its own bus connection (so the calls really cross
// the bus).
class FakeNotifications : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QList<NotifyCall> calls;

public slots:
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints, int timeout) {
        calls.append({appName, replacesId, appIcon, summary, body, actions, hints, timeout});
        return uint(calls.size()) + 100;
    }
    QStringList GetCapabilities() { return {QStringLiteral("body"), QStringLiteral("actions")}; }
    void CloseNotification(uint) {}

signals:
    void ActionInvoked(uint id, const QString& actionKey);
    void NotificationClosed(uint id, uint reason);
};

const QString kFakeConnection = QStringLiteral("fake-notification-server");

} // namespace

class TestDesktopNotifier : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void notifyCallArguments();
    void defaultActionActivates();
    void notifierSendsOneNotificationPerBatch();
    void noServiceMeansNotAvailable();

private:
    bool registerFake();
    std::unique_ptr<FakeNotifications> m_fake;
};

void TestDesktopNotifier::initTestCase() {
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("no session bus: run inside scripts/with-keyring");
}

void TestDesktopNotifier::init() {
    m_fake = std::make_unique<FakeNotifications>();
}

void TestDesktopNotifier::cleanup() {
    if (QDBusConnection server(kFakeConnection); server.isConnected()) {
        server.unregisterService(QLatin1String(DesktopNotifier::kService));
        server.unregisterObject(QLatin1String(DesktopNotifier::kPath));
        QDBusConnection::disconnectFromBus(kFakeConnection);
    }
    m_fake.reset();
}

bool TestDesktopNotifier::registerFake() {
    QDBusConnection server = QDBusConnection::connectToBus(QDBusConnection::SessionBus, kFakeConnection);
    if (!server.isConnected())
        return false;
    if (!server.registerObject(QLatin1String(DesktopNotifier::kPath), m_fake.get(),
                               QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals))
        return false;
    return server.registerService(QLatin1String(DesktopNotifier::kService));
}

void TestDesktopNotifier::notifyCallArguments() {
    QVERIFY(registerFake());
    DesktopNotifier notifier;
    QVERIFY(notifier.isAvailable());
    QSignalSpy sent(&notifier, &DesktopNotifier::sent);
    // Hostile server text: markup, a terminal escape, a bidi override, a second line in the summary.
    QVERIFY(notifier.notify(
        QStringLiteral("Task finished: <b>Success</b>\nsecond"),
        QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7\n<a href=\"x\">click</a> & \x1b[31m"
                       "red\u202Etxt")));
    QTRY_COMPARE(m_fake->calls.size(), 1);
    const NotifyCall call = m_fake->calls.first();
    QCOMPARE(call.appName, QStringLiteral("CDB TaskWatch"));
    QCOMPARE(call.replacesId, 0u);
    QVERIFY(!call.summary.contains(QLatin1Char('\n')));
    QVERIFY2(call.summary.startsWith(QLatin1String("Task finished: <b>Success</b>")),
             qPrintable(call.summary));
    QVERIFY2(call.body.startsWith(QLatin1String("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7\n")),
             qPrintable(call.body));
    QVERIFY2(call.body.contains(QLatin1String("&lt;a href=&quot;x&quot;&gt;click&lt;/a&gt; &amp;")),
             qPrintable(call.body));
    QVERIFY(!call.body.contains(QLatin1Char('<')));
    QVERIFY(!call.body.contains(QChar(0x1b)));
    QVERIFY(!call.body.contains(QChar(0x202E)));
    QCOMPARE(call.actions.size(), 2);
    QCOMPARE(call.actions.first(), QStringLiteral("default"));
    QCOMPARE(call.timeout, -1);
    QVERIFY(call.hints.contains(QStringLiteral("desktop-entry")));
    QTRY_COMPARE(sent.size(), 1);
    QCOMPARE(sent.first().first().toUInt(), 101u);

    // The body is bounded.
    QVERIFY(notifier.notify(QStringLiteral("s"), QString(10000, QLatin1Char('x'))));
    QTRY_COMPARE(m_fake->calls.size(), 2);
    QVERIFY(m_fake->calls.last().body.size() < DesktopNotifier::kMaxBodyChars + 100);
}

void TestDesktopNotifier::defaultActionActivates() {
    QVERIFY(registerFake());
    DesktopNotifier notifier;
    QSignalSpy sent(&notifier, &DesktopNotifier::sent);
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    QVERIFY(notifier.notify(QStringLiteral("s"), QStringLiteral("b")));
    QTRY_COMPARE(sent.size(), 1);
    const uint id = sent.first().first().toUInt();
    emit m_fake->ActionInvoked(id + 1, QStringLiteral("default")); // someone else's notification
    emit m_fake->ActionInvoked(id, QStringLiteral("other"));
    QTest::qWait(200);
    QCOMPARE(activated.size(), 0);
    emit m_fake->ActionInvoked(id, QStringLiteral("default"));
    QTRY_COMPARE(activated.size(), 1);
}

void TestDesktopNotifier::notifierSendsOneNotificationPerBatch() {
    QVERIFY(registerFake());
    TaskBoard board(nullptr);
    QWidget window;
    ui::Notifier notifier(&board, &window);
    QSignalSpy notified(&notifier, &ui::Notifier::notified);
    TaskState a;
    a.id = QStringLiteral("00000001-8fc96c86-2ec79ac8-cb63a7a7");
    a.region = QStringLiteral("ap-guangzhou");
    a.status = QStringLiteral("SUCCESS");
    a.phase = TaskPhase::Finished;
    a.info = QStringLiteral("<i>done</i>");
    TaskState b = a;
    b.id = QStringLiteral("00000002-8fc96c86-2ec79ac8-cb63a7a7");
    b.status = QStringLiteral("FAILED");
    board.adopt({a});
    notifier.tasksFinished({board.keys().first()});
    QTRY_COMPARE(m_fake->calls.size(), 1);
    QVERIFY2(m_fake->calls.first().summary.contains(QLatin1String("Success")),
             qPrintable(m_fake->calls.first().summary));
    QVERIFY2(m_fake->calls.first().body.contains(QLatin1String("&lt;i&gt;done&lt;/i&gt;")),
             qPrintable(m_fake->calls.first().body));
    QCOMPARE(notified.size(), 1);

    // Two tasks finishing together: one notification.
    board.adopt({b});
    const QStringList keys = board.keys();
    notifier.tasksFinished({keys.at(0)});
    notifier.tasksFinished({keys.at(1)});
    QTRY_COMPARE(m_fake->calls.size(), 2);
    QTest::qWait(1300); // longer than the batching window: nothing more comes
    QCOMPARE(m_fake->calls.size(), 2);
    QVERIFY2(m_fake->calls.last().summary.contains(QLatin1Char('2')),
             qPrintable(m_fake->calls.last().summary));

    // Switched off: nothing.
    notifier.setEnabled(false);
    notifier.tasksFinished({keys.at(0)});
    QTest::qWait(1300);
    QCOMPARE(m_fake->calls.size(), 2);
}

void TestDesktopNotifier::noServiceMeansNotAvailable() {
    DesktopNotifier notifier;
    if (QDBusConnection::sessionBus().interface()->isServiceRegistered(
            QLatin1String(DesktopNotifier::kService)))
        QSKIP("a notification service runs on this bus");
    QVERIFY(!notifier.isAvailable());
    QVERIFY(!notifier.notify(QStringLiteral("s"), QStringLiteral("b")));
    // No bus at all: not available either (and no crash).
    DesktopNotifier disconnected(nullptr, QDBusConnection(QStringLiteral("no-such-connection")));
    QVERIFY(!disconnected.isAvailable());
}

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
