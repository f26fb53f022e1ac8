#include "workspaces/secret_store.h"

#include <QTimer>

namespace modelgate::ui {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

SecretStore::~SecretStore() = default;

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

void MemorySecretStore::readSecret(const QString &key, QObject *context, ReadCallback callback)
{
    // Deliver asynchronously like a keychain would, so callers have a single code path.
    const std::optional<QString> value = secret(key);
    QTimer::singleShot(0, context, [callback = std::move(callback), value]() { callback(value); });
}

void MemorySecretStore::writeSecret(const QString &key, const QString &secret, QObject *context,
                                    WriteCallback callback)
{
    setSecret(key, secret);
    QTimer::singleShot(0, context, [callback = std::move(callback)]() { callback(false); });
}

void MemorySecretStore::deleteSecret(const QString &key)
{
    m_secrets.remove(key);
}

std::optional<QString> MemorySecretStore::secret(const QString &key) const
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        return std::nullopt;
    return *it;
}

void MemorySecretStore::setSecret(const QString &key, const QString &secret)
{
    m_secrets.insert(key, secret);
}

} // namespace modelgate::ui
