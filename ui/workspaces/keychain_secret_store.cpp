#include "workspaces/keychain_secret_store.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace modelgate::ui {

namespace {

bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{}

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("ModelGate");
}

void KeychainSecretStore::markKeychainUnavailable()
{
    if (!m_keychainAvailable)
        return;
    m_keychainAvailable = false;
    Q_EMIT persistenceChanged(false);
}

void KeychainSecretStore::readSecret(const QString &key, QObject *context, ReadCallback callback)
{
    if (!m_keychainAvailable) {
        m_sessionSecrets.readSecret(key, context, std::move(callback));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    const QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, guard, callback = std::move(callback)]() {
        std::optional<QString> secret;
        if (job->error() == QKeychain::NoError) {
            secret = job->textData();
        } else if (meansNoKeychain(job->error())) {
            markKeychainUnavailable();
            secret = m_sessionSecrets.secret(key);
        }
        // EntryNotFound, AccessDenied (user refused): no secret.
        if (guard)
            callback(secret);
    });
    job->start();
}

void KeychainSecretStore::writeSecret(const QString &key, const QString &secret, QObject *context,
                                      WriteCallback callback)
{
    if (!m_keychainAvailable) {
        m_sessionSecrets.writeSecret(key, secret, context, std::move(callback));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    const QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, key, secret, guard, callback = std::move(callback)]() {
                bool persisted = job->error() == QKeychain::NoError;
                if (!persisted) {
                    // Keep it for this session either way, so the workspace still works.
                    if (meansNoKeychain(job->error()))
                        markKeychainUnavailable();
                    m_sessionSecrets.setSecret(key, secret);
                }
                if (guard)
                    callback(persisted);
            });
    job->start();
}

void KeychainSecretStore::deleteSecret(const QString &key)
{
    m_sessionSecrets.deleteSecret(key);
    if (!m_keychainAvailable)
        return;
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job]() {
        if (meansNoKeychain(job->error()))
            markKeychainUnavailable();
    });
    job->start();
}

} // namespace modelgate::ui
