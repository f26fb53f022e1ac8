#include "workspaces/keychain_secret_store.h"
#include "workspaces/secret_store.h"

#include <QSignalSpy>
#include <QtTest/QtTest>

using namespace modelgate::ui;

// Where no keychain service runs (CI, containers: no D-Bus secret service), the keychain
// store must fall back to the session store rather than lose the secret or fail.
class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryStoreRoundTrip()
    {
        MemorySecretStore store;
        QVERIFY(!store.isPersistent());
        std::optional<std::optional<QString>> read;
        store.readSecret(QStringLiteral("prod"), this,
                         [&](const std::optional<QString> &secret) { read = secret; });
        QTRY_VERIFY(read.has_value());
        QVERIFY(!read->has_value());

        std::optional<bool> persisted;
        store.writeSecret(QStringLiteral("prod"), QStringLiteral("s3cret"), this,
                          [&](bool p) { persisted = p; });
        QTRY_VERIFY(persisted.has_value());
        QVERIFY(!*persisted);
        read.reset();
        store.readSecret(QStringLiteral("prod"), this,
                         [&](const std::optional<QString> &secret) { read = secret; });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->value_or(QString()), QStringLiteral("s3cret"));

        store.deleteSecret(QStringLiteral("prod"));
        QVERIFY(!store.secret(QStringLiteral("prod")).has_value());
    }

    void callbackDroppedWhenContextIsGone()
    {
        MemorySecretStore store;
        bool called = false;
        bool laterCalled = false;
        auto *context = new QObject;
        store.readSecret(QStringLiteral("x"), context,
                         [&](const std::optional<QString> &) { called = true; });
        delete context;
        // Callbacks are delivered in order: once a later one has run, the dropped one would have.
        store.readSecret(QStringLiteral("x"), this,
                         [&](const std::optional<QString> &) { laterCalled = true; });
        QTRY_VERIFY(laterCalled);
        QVERIFY(!called);
    }

    void keychainStoreKeepsTheSecretEitherWay()
    {
        KeychainSecretStore store;
        QSignalSpy persistence(&store, &SecretStore::persistenceChanged);
        const QString key =
            QStringLiteral("modelgate-test-") + QString::number(QCoreApplication::applicationPid());
        std::optional<bool> persisted;
        store.writeSecret(key, QStringLiteral("token-123"), this, [&](bool p) { persisted = p; });
        QTRY_VERIFY_WITH_TIMEOUT(persisted.has_value(), 60'000);
        // Either a keychain took it, or the store says (once) that it keeps it for this session.
        QCOMPARE(*persisted, store.isPersistent());
        if (!store.isPersistent())
            QCOMPARE(persistence.count(), 1);

        std::optional<std::optional<QString>> read;
        store.readSecret(key, this, [&](const std::optional<QString> &secret) { read = secret; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 60'000);
        QCOMPARE(read->value_or(QString()), QStringLiteral("token-123"));

        store.deleteSecret(key);
        read.reset();
        store.readSecret(key, this, [&](const std::optional<QString> &secret) { read = secret; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 60'000);
        QVERIFY(!read->has_value());
    }
};

QTEST_MAIN(TestSecretStore)
#include "tst_secret_store.moc"
