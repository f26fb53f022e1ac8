#pragma once

#include "workspaces/secret_store.h"

namespace modelgate::ui {

// Secrets in the OS keychain through QtKeychain (service "ModelGate", key = workspace
// name). When the keychain answers NoBackendAvailable or OtherError (no D-Bus secret
// service, as on CI machines and minimal desktops), it switches to an in-memory store for
// the rest of the session and says so through persistenceChanged(false). QtKeychain's
// insecure plain-text fallback is never enabled.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    void readSecret(const QString &key, QObject *context, ReadCallback callback) override;
    void writeSecret(const QString &key, const QString &secret, QObject *context,
                     WriteCallback callback) override;
    void deleteSecret(const QString &key) override;
    bool isPersistent() const override { return m_keychainAvailable; }

    static QString serviceName();

private:
    void markKeychainUnavailable();

    MemorySecretStore m_sessionSecrets;
    bool m_keychainAvailable = true; // until a job proves otherwise
};

} // namespace modelgate::ui
