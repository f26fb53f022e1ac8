#include "workspaces/secret_store.h"
#include "workspaces/workspace_manager.h"
#include "workspaces/workspaces_dialog.h"

#include <memory>

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

// The workspaces dialog edits the profiles file and the secret store; the secret must
// end up in the store and never in the file.
class TestWorkspacesDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<WorkspaceManager> m_manager;

    std::string profilesPath() const { return m_dir.filePath(QStringLiteral("profiles.json")).toStdString(); }

    template <typename T>
    static T *child(QWidget &parent, const char *name)
    {
        auto *widget = parent.findChild<T *>(QLatin1String(name));
        Q_ASSERT(widget);
        return widget;
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(QString::fromStdString(profilesPath()));
        m_secrets = std::make_unique<MemorySecretStore>();
        m_manager = std::make_unique<WorkspaceManager>(profilesPath(), Environment{}, m_secrets.get());
        QVERIFY(m_manager->load().ok());
    }

    void addWorkspaceWithPassword()
    {
        WorkspacesDialog dialog(m_manager.get());
        child<QPushButton>(dialog, "addWorkspace")->click();
        child<QLineEdit>(dialog, "workspaceName")->setText(QStringLiteral("prod"));
        child<QLineEdit>(dialog, "trackingUri")->setText(QStringLiteral("https://mlflow.example.com/prefix"));
        auto *auth = child<QComboBox>(dialog, "authKind");
        auth->setCurrentIndex(auth->findData(static_cast<int>(AuthKind::Basic)));
        QVERIFY(child<QLineEdit>(dialog, "userName")->isEnabled());
        child<QLineEdit>(dialog, "userName")->setText(QStringLiteral("dana"));
        child<QLineEdit>(dialog, "secret")->setText(QStringLiteral("correct horse battery staple"));
        QCOMPARE(child<QListWidget>(dialog, "workspaceList")->currentItem()->text(), QStringLiteral("prod"));
        QVERIFY(child<QLabel>(dialog, "keychainNote")->text().contains(u"No keychain available"));

        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        ProfileStore saved(profilesPath());
        QVERIFY(saved.load().ok());
        const Profile *prod = saved.find("prod");
        QVERIFY(prod);
        QCOMPARE(prod->trackingUri, std::string("https://mlflow.example.com/prefix"));
        QCOMPARE(prod->authKind, AuthKind::Basic);
        QCOMPARE(prod->username, std::string("dana"));
        QCOMPARE(m_secrets->secret(QStringLiteral("prod")).value_or(QString()),
                 QStringLiteral("correct horse battery staple"));
        QFile file(QString::fromStdString(profilesPath()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("battery"));
    }

    void invalidInputIsRefused()
    {
        WorkspacesDialog dialog(m_manager.get());
        child<QPushButton>(dialog, "addWorkspace")->click();
        child<QLineEdit>(dialog, "trackingUri")->setText(QStringLiteral("ftp://example.com"));
        QTRY_VERIFY(!child<QLabel>(dialog, "validationMessage")->text().isEmpty());
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted)); // stays open
        QVERIFY(!QFile::exists(QString::fromStdString(profilesPath())));

        child<QLineEdit>(dialog, "trackingUri")->setText(QStringLiteral("http://localhost:5000"));
        auto *auth = child<QComboBox>(dialog, "authKind");
        auth->setCurrentIndex(auth->findData(static_cast<int>(AuthKind::Basic)));
        QVERIFY(child<QLabel>(dialog, "validationMessage")->text().contains(u"user name"));
        child<QLineEdit>(dialog, "userName")->setText(QStringLiteral("dana"));
        QVERIFY(child<QLabel>(dialog, "validationMessage")->text().isEmpty());
    }

    void renameMovesAndRemoveForgetsTheSecret()
    {
        Profile profile;
        profile.name = "staging";
        profile.trackingUri = "http://staging:5000";
        profile.authKind = AuthKind::Bearer;
        m_secrets->setSecret(QStringLiteral("staging"), QStringLiteral("tok-1"));
        WorkspaceEdits seed;
        seed.profiles = {profile};
        QVERIFY(m_manager->apply(seed).ok());

        {
            WorkspacesDialog dialog(m_manager.get());
            // The stored secret is read into the dialog asynchronously.
            QTRY_COMPARE(child<QLineEdit>(dialog, "secret")->text(), QStringLiteral("tok-1"));
            child<QLineEdit>(dialog, "workspaceName")->setText(QStringLiteral("staging-eu"));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QTRY_COMPARE(m_secrets->secret(QStringLiteral("staging-eu")).value_or(QString()),
                     QStringLiteral("tok-1"));
        QVERIFY(!m_secrets->secret(QStringLiteral("staging")).has_value());

        {
            WorkspacesDialog dialog(m_manager.get());
            child<QPushButton>(dialog, "removeWorkspace")->click();
            QCOMPARE(child<QListWidget>(dialog, "workspaceList")->count(), 0);
            dialog.accept();
        }
        QVERIFY(m_manager->storedProfiles().empty());
        QVERIFY(!m_secrets->secret(QStringLiteral("staging-eu")).has_value());
    }

    void testConnectionReportsUnreachableServer()
    {
        WorkspacesDialog dialog(m_manager.get());
        child<QPushButton>(dialog, "addWorkspace")->click();
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        child<QLineEdit>(dialog, "trackingUri")->setText(QStringLiteral("http://127.0.0.1:9"));
        child<QPushButton>(dialog, "testConnection")->click();
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(dialog, "testConnection")->isEnabled(), 60'000);
        const QString result = child<QLabel>(dialog, "testResult")->text();
        QVERIFY2(result.contains(u"The connection test failed."), qPrintable(result));
        QVERIFY2(result.contains(u"cannot be reached"), qPrintable(result));
    }
};

QTEST_MAIN(TestWorkspacesDialog)
#include "tst_workspaces_dialog.moc"
