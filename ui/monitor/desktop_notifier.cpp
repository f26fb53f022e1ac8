#include "monitor/desktop_notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QStringList>
#include <QVariantMap>

#include <modelgate/ui/app_info.h>

namespace modelgate::ui {

namespace {

constexpr const char *kService = "org.freedesktop.Notifications";
constexpr const char *kPath = "/org/freedesktop/Notifications";
constexpr int kTimeoutMs = 15000;

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{}

bool DesktopNotifier::hasSessionBus()
{
    return QDBusConnection::sessionBus().isConnected();
}

bool DesktopNotifier::notify(const QString &summary, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(kService), QLatin1String(kPath),
                                                       QLatin1String(kService), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"),
                 QVariant::fromValue(uchar(2))); // critical: a breach waits for the user
    call << QStringLiteral(MODELGATE_APP_NAME) << uint(0) << QStringLiteral("dialog-warning") << summary
         << body << QStringList() << hints << kTimeoutMs;
    // Asynchronous, answer ignored: a missing service must not hold the GUI thread.
    if (!bus.send(call))
        return false;
    ++m_sent;
    return true;
}

} // namespace modelgate::ui
