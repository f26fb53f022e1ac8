#pragma once

#include <QObject>
#include <QString>

namespace modelgate::ui {

// Desktop notifications through the freedesktop notification service
// (org.freedesktop.Notifications.Notify on the session bus). Where there is no session bus
// or no notification service (a server, the offscreen platform, a test), notify() does
// nothing and returns false: the console's own banner says the same thing anyway.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    // Whether a session bus is connected (a notification service may still be missing).
    static bool hasSessionBus();
    // Sends the notification without waiting for the service; false when there is no bus.
    bool notify(const QString &summary, const QString &body);
    int sent() const { return m_sent; }

private:
    int m_sent = 0;
};

} // namespace modelgate::ui
