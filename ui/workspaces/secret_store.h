#pragma once

#include <functional>
#include <optional>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace modelgate::ui {

// Where workspace secrets (passwords, tokens) are kept: the OS keychain when one is
// running, else memory for the running session. Secrets never go to QSettings or the
// profiles file. The interface is asynchronous because keychain jobs are; callbacks
// run on the GUI thread and are dropped when their context object is gone.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    // nullopt: no secret stored under this key.
    using ReadCallback = std::function<void(const std::optional<QString> &secret)>;
    // persisted: true when the secret outlives this session (it went to a keychain).
    using WriteCallback = std::function<void(bool persisted)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    virtual void readSecret(const QString &key, QObject *context, ReadCallback callback) = 0;
    virtual void writeSecret(const QString &key, const QString &secret, QObject *context,
                             WriteCallback callback) = 0;
    virtual void deleteSecret(const QString &key) = 0;

    // False when secrets are only kept until ModelGate quits (no keychain service).
    virtual bool isPersistent() const = 0;

Q_SIGNALS:
    // The store found out that no keychain is available (or that one is).
    void persistenceChanged(bool persistent);
};

// Secrets in memory, for this session only. It is the fallback where no keychain
// service runs, and the store the tests use.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    void readSecret(const QString &key, QObject *context, ReadCallback callback) override;
    void writeSecret(const QString &key, const QString &secret, QObject *context,
                     WriteCallback callback) override;
    void deleteSecret(const QString &key) override;
    bool isPersistent() const override { return false; }

    // Synchronous access for the keychain store's fallback path.
    std::optional<QString> secret(const QString &key) const;
    void setSecret(const QString &key, const QString &secret);

private:
    QHash<QString, QString> m_secrets;
};

} // namespace modelgate::ui
