// The breach notification over a real session bus: a private dbus-daemon of the test's own,
// and a stand-in for the desktop's notification service on it that records what it is sent.
// The notifier calls org.freedesktop.Notifications.Notify with the application, the summary,
// the body and a critical urgency, without waiting for an answer. (Without a bus, notify()
// returns false and nothing breaks: tst_monitor_charts shows a breach without one.)
// cleanupTestCase stops the daemon, also after a failure.
#include "monitor/desktop_notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QStringList>
#include <QTest>
#include <QVariantMap>

#include <modelgate/ui/app_info.h>

using namespace modelgate::ui;

// What a desktop's notification daemon offers, reduced to recording the calls.
class FakeNotificationService final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString application;
        QString summary;
        QString body;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &application, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replacesId);
        Q_UNUSED(icon);
        Q_UNUSED(actions);
        calls.append({application, summary, body, hints, timeout});
        return static_cast<uint>(calls.size());
    }
};

class TestDesktopNotifier final : public QObject
{
    Q_OBJECT

private:
    QProcess m_daemon;
    QString m_address;
    FakeNotificationService m_service;

private Q_SLOTS:
    void initTestCase()
    {
        // A bus of the test's own: never the desktop's, where a real notification would pop up.
        m_daemon.start(
            QStringLiteral("dbus-daemon"),
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY2(m_daemon.waitForStarted(10000), "dbus-daemon did not start");
        QVERIFY(m_daemon.waitForReadyRead(10000));
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY2(m_address.startsWith(u"unix:"), qPrintable(m_address));
        // Read by QDBusConnection::sessionBus() when it is first used, which is below.
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
        QDBusConnection service =
            QDBusConnection::connectToBus(m_address, QStringLiteral("notification-service"));
        QVERIFY2(service.isConnected(), qPrintable(service.lastError().message()));
        QVERIFY(service.registerService(QStringLiteral("org.freedesktop.Notifications")));
        QVERIFY(service.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_service,
                                       QDBusConnection::ExportAllSlots));
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("notification-service"));
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            if (!m_daemon.waitForFinished(5000)) {
                m_daemon.kill();
                m_daemon.waitForFinished(5000);
            }
        }
    }

    void notifiesTheDesktopService()
    {
        QVERIFY(DesktopNotifier::hasSessionBus());
        DesktopNotifier notifier;
        QVERIFY(notifier.notify(QStringLiteral("SLO breach on diabetes-online"),
                                QStringLiteral("v5 broke “errors (4xx + 5xx) ≤ champion + 5 %”")));
        QCOMPARE(notifier.sent(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_service.calls.size(), 1, 10000);
        const FakeNotificationService::Call &call = m_service.calls.front();
        QCOMPARE(call.application, QStringLiteral(MODELGATE_APP_NAME));
        QCOMPARE(call.summary, QStringLiteral("SLO breach on diabetes-online"));
        QVERIFY(call.body.contains(u"v5 broke"));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2); // critical
        QVERIFY(call.timeout > 0);
    }
};

QTEST_GUILESS_MAIN(TestDesktopNotifier)
#include "tst_desktop_notifier.moc"
