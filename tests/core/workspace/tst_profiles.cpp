// Profiles: the JSON file shared by the GUI and the CLI, the environment mapping, and
// the rule that no secret ever reaches the file.

#include <cstdlib>
#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/workspace/profiles.h>

using namespace modelgate;

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
}

Environment envOf(std::map<std::string, std::string> vars)
{
    Environment env;
    env.vars = std::move(vars);
    return env;
}

unsigned modeOf(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 0777u;
}

} // namespace

class TestProfiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_path = m_dir->path() + QStringLiteral("/config/modelgate/profiles.json");
    }

    void defaultPathFollowsXdg()
    {
        QCOMPARE(q(ProfileStore::defaultPath(envOf({{"XDG_CONFIG_HOME", "/x/cfg"}, {"HOME", "/home/u"}}))),
                 QStringLiteral("/x/cfg/modelgate/profiles.json"));
        QCOMPARE(q(ProfileStore::defaultPath(envOf({{"HOME", "/home/u"}}))),
                 QStringLiteral("/home/u/.config/modelgate/profiles.json"));
        // The XDG spec: a relative XDG_CONFIG_HOME is ignored.
        QCOMPARE(q(ProfileStore::defaultPath(envOf({{"XDG_CONFIG_HOME", "rel"}, {"HOME", "/home/u"}}))),
                 QStringLiteral("/home/u/.config/modelgate/profiles.json"));

        // And the real environment, through Environment::current().
        const QByteArray xdg = QFile::encodeName(m_dir->path());
        ::setenv("XDG_CONFIG_HOME", xdg.constData(), 1);
        QCOMPARE(q(ProfileStore::defaultPath()), m_dir->path() + QStringLiteral("/modelgate/profiles.json"));
        QCOMPARE(q(Environment::current().get("XDG_CONFIG_HOME")), m_dir->path());
        ::unsetenv("XDG_CONFIG_HOME");
    }

    void missingFileIsEmpty()
    {
        ProfileStore store(m_path.toStdString());
        QVERIFY(store.load().ok());
        QVERIFY(store.profiles().empty());
        QVERIFY(store.lastUsed().empty());
    }

    void roundTripWithModes()
    {
        ProfileStore store(m_path.toStdString());
        Profile prod;
        prod.name = "Production";
        prod.trackingUri = "https://mlflow.example.com";
        prod.authKind = AuthKind::Basic;
        prod.username = "alice";
        prod.caBundlePath = "/etc/ssl/corp.pem";
        Profile local;
        local.name = "Local";
        local.trackingUri = "http://127.0.0.1:5000";
        local.insecureTls = true;
        store.upsert(prod);
        store.upsert(local);
        store.setLastUsed("Local");
        const Status saved = store.save();
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().describe().c_str());

        QCOMPARE(modeOf(m_path), 0600u);
        QCOMPARE(modeOf(QFileInfo(m_path).absolutePath()), 0700u);
        // No temporary file is left behind.
        QCOMPARE(QDir(QFileInfo(m_path).absolutePath()).entryList(QDir::Files).size(), 1);

        ProfileStore again(m_path.toStdString());
        QVERIFY(again.load().ok());
        QCOMPARE(again.profiles().size(), std::size_t(2));
        QCOMPARE(q(again.lastUsed()), QStringLiteral("Local"));
        const Profile *p = again.find("Production");
        QVERIFY(p);
        QCOMPARE(q(p->trackingUri), QStringLiteral("https://mlflow.example.com"));
        QCOMPARE(p->authKind, AuthKind::Basic);
        QCOMPARE(q(p->username), QStringLiteral("alice"));
        QCOMPARE(q(p->caBundlePath), QStringLiteral("/etc/ssl/corp.pem"));
        QVERIFY(!p->insecureTls);
        QVERIFY(again.find("Local")->insecureTls);

        // The exact file format.
        const QByteArray text = readAll(m_path);
        QVERIFY(text.contains("\"version\": 1"));
        QVERIFY(text.contains("\"last_used\": \"Local\""));
        QVERIFY(text.contains("\"tracking_uri\": \"https://mlflow.example.com\""));
        QVERIFY(text.contains("\"auth\": \"basic\""));
        QVERIFY(text.contains("\"auth\": \"none\""));
        QVERIFY(text.contains("\"insecure_tls\": true"));
        QVERIFY(text.contains("\"ca_bundle\": \"/etc/ssl/corp.pem\""));

        // upsert replaces by name; remove forgets last_used.
        Profile changed = *p;
        changed.username = "bob";
        again.upsert(changed);
        QCOMPARE(again.profiles().size(), std::size_t(2));
        QCOMPARE(q(again.find("Production")->username), QStringLiteral("bob"));
        QVERIFY(again.remove("Local"));
        QVERIFY(!again.remove("Local"));
        QVERIFY(again.lastUsed().empty());
    }

    void extraKeysSurvive()
    {
        writeFile(m_path,
                  QByteArrayLiteral(
                      "{\"version\": 1, \"last_used\": \"A\", \"profiles\": ["
                      " {\"name\": \"A\", \"tracking_uri\": \"http://a\", \"auth\": \"bearer\", \"theme\": "
                      "\"dark\","
                      " \"timeout_s\": 30, \"retry\": {\"max\": 3}, \"pinned\": true, \"note\": \"30\","
                      " \"api_token\": \"must-not-survive\", \"Password\": \"nor-this\"}]}"));
        ProfileStore store(m_path.toStdString());
        const Status loaded = store.load();
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
        const Profile *a = store.find("A");
        QVERIFY(a);
        QCOMPARE(a->authKind, AuthKind::Bearer);
        QCOMPARE(q(a->extra.at("theme")), QStringLiteral("dark"));
        QCOMPARE(q(a->extra.at("timeout_s")), QStringLiteral("30")); // JSON text of a number
        QCOMPARE(q(a->extra.at("retry")), QStringLiteral("{\"max\":3}"));
        QCOMPARE(q(a->extra.at("note")), QStringLiteral("30"));
        // Keys that look like secrets are never kept.
        QCOMPARE(a->extra.count("api_token"), std::size_t(0));
        QCOMPARE(a->extra.count("Password"), std::size_t(0));

        QVERIFY(store.save().ok());
        const QByteArray text = readAll(m_path);
        QVERIFY2(text.contains("\"theme\": \"dark\""), text.constData());
        QVERIFY2(text.contains("\"timeout_s\": 30"), text.constData()); // still a number
        QVERIFY2(text.contains("\"note\": \"30\""), text.constData());  // still a string
        QVERIFY2(text.contains("\"pinned\": true"), text.constData());
        QVERIFY(text.contains("\"max\": 3"));
        QVERIFY(!text.contains("must-not-survive"));
        QVERIFY(!text.contains("nor-this"));
    }

    void malformedFileIsLeftUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("field");
        QTest::newRow("not JSON") << QByteArrayLiteral("{\"version\": 1, \"profiles\": [") << QString();
        QTest::newRow("array root") << QByteArrayLiteral("[]") << QString();
        QTest::newRow("profiles not a list")
            << QByteArrayLiteral("{\"profiles\": {}}") << QStringLiteral("profiles");
        QTest::newRow("uri a number")
            << QByteArrayLiteral("{\"profiles\": [{\"name\": \"a\", \"tracking_uri\": 5}]}")
            << QStringLiteral("profiles[0].tracking_uri");
        QTest::newRow("unknown auth")
            << QByteArrayLiteral("{\"profiles\": [{\"name\": \"a\", \"auth\": \"kerberos\"}]}")
            << QStringLiteral("profiles[0].auth");
        QTest::newRow("insecure a string")
            << QByteArrayLiteral("{\"profiles\": [{\"name\": \"a\", \"insecure_tls\": \"yes\"}]}")
            << QStringLiteral("profiles[0].insecure_tls");
        QTest::newRow("no name") << QByteArrayLiteral("{\"profiles\": [{\"tracking_uri\": \"http://x\"}]}")
                                 << QStringLiteral("profiles[0].name");
        QTest::newRow("duplicate names")
            << QByteArrayLiteral("{\"profiles\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}")
            << QStringLiteral("profiles[1].name");
        QTest::newRow("last_used a number")
            << QByteArrayLiteral("{\"last_used\": 1}") << QStringLiteral("last_used");
    }

    void malformedFileIsLeftUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, field);
        writeFile(m_path, content);
        ProfileStore store(m_path.toStdString());
        Profile kept;
        kept.name = "in memory";
        store.upsert(kept);
        const Status loaded = store.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, ErrorKind::Parse);
        QCOMPARE(q(loaded.error().field), field);
        QCOMPARE(readAll(m_path), content);
        // The store is unchanged by the failed load.
        QVERIFY(store.find("in memory"));
    }

    void environmentProfile()
    {
        QVERIFY(!profileFromEnvironment(envOf({})).has_value());
        const auto basic = profileFromEnvironment(envOf({{"MLFLOW_TRACKING_URI", "http://h:5000"},
                                                         {"MLFLOW_TRACKING_USERNAME", "ci"},
                                                         {"MLFLOW_TRACKING_PASSWORD", "pw"},
                                                         {"MLFLOW_TRACKING_INSECURE_TLS", "TRUE"},
                                                         {"MLFLOW_TRACKING_SERVER_CERT_PATH", "/ca.pem"}}));
        QVERIFY(basic.has_value());
        QCOMPARE(q(basic->name), QStringLiteral("Environment"));
        QCOMPARE(q(basic->trackingUri), QStringLiteral("http://h:5000"));
        QCOMPARE(basic->authKind, AuthKind::Basic);
        QCOMPARE(q(basic->username), QStringLiteral("ci"));
        QVERIFY(basic->insecureTls);
        QCOMPARE(q(basic->caBundlePath), QStringLiteral("/ca.pem"));

        const auto bearer = profileFromEnvironment(envOf({{"MLFLOW_TRACKING_URI", "azureml://x"},
                                                          {"MLFLOW_TRACKING_TOKEN", "t"},
                                                          {"MLFLOW_TRACKING_INSECURE_TLS", "1"}}));
        QCOMPARE(bearer->authKind, AuthKind::Bearer);
        QVERIFY(bearer->insecureTls);
        for (const char *value : {"false", "0", "yes", ""}) {
            const auto p = profileFromEnvironment(
                envOf({{"MLFLOW_TRACKING_URI", "http://h"}, {"MLFLOW_TRACKING_INSECURE_TLS", value}}));
            QVERIFY(!p->insecureTls);
            QCOMPARE(p->authKind, AuthKind::None);
        }
    }

    void credentials()
    {
        const Environment env = envOf({{"MLFLOW_TRACKING_USERNAME", "ci"},
                                       {"MLFLOW_TRACKING_PASSWORD", "pw"},
                                       {"MLFLOW_TRACKING_TOKEN", "tok"}});
        Profile profile;
        profile.authKind = AuthKind::Basic;
        profile.username = "ci";
        Credentials c = credentialsFromEnvironment(profile, env);
        QCOMPARE(c.kind, AuthKind::Basic);
        QCOMPARE(q(c.username), QStringLiteral("ci"));
        QCOMPARE(q(c.secret), QStringLiteral("pw"));

        profile.username.clear(); // the environment's user
        c = credentialsFromEnvironment(profile, env);
        QCOMPARE(q(c.username), QStringLiteral("ci"));
        QCOMPARE(q(c.secret), QStringLiteral("pw"));

        profile.username = "someone-else"; // the password is not theirs
        c = credentialsFromEnvironment(profile, env);
        QCOMPARE(q(c.username), QStringLiteral("someone-else"));
        QVERIFY(c.secret.empty());

        profile.authKind = AuthKind::Bearer;
        c = credentialsFromEnvironment(profile, env);
        QCOMPARE(c.kind, AuthKind::Bearer);
        QCOMPARE(q(c.secret), QStringLiteral("tok"));

        profile.authKind = AuthKind::None;
        c = credentialsFromEnvironment(profile, env);
        QCOMPARE(c.kind, AuthKind::None);
        QVERIFY(c.secret.empty());
    }

    void clientConfig()
    {
        Profile profile;
        profile.trackingUri = "https://h";
        profile.insecureTls = true;
        profile.caBundlePath = "/ca.pem";
        Credentials credentials;
        credentials.kind = AuthKind::Bearer;
        credentials.secret = "tok";
        const ClientConfig config = clientConfigFor(profile, credentials);
        QCOMPARE(q(config.trackingUri), QStringLiteral("https://h"));
        QVERIFY(!config.transport.verifyTls);
        QCOMPARE(q(config.transport.caBundlePath), QStringLiteral("/ca.pem"));
        QCOMPARE(q(config.credentials.secret), QStringLiteral("tok"));
        profile.insecureTls = false;
        QVERIFY(clientConfigFor(profile, credentials).transport.verifyTls);
    }

    void noSecretReachesTheFile()
    {
        // Credentials are present in the real environment while a profile built from it is saved.
        ::setenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000", 1);
        ::setenv("MLFLOW_TRACKING_USERNAME", "ci-user", 1);
        ::setenv("MLFLOW_TRACKING_PASSWORD", "s3cret-Passw0rd", 1);
        ::setenv("MLFLOW_TRACKING_TOKEN", "t0ken-value-xyz", 1);
        const Environment env = Environment::current();
        auto profile = profileFromEnvironment(env);
        QVERIFY(profile.has_value());
        const Credentials credentials = credentialsFromEnvironment(*profile, env);
        QCOMPARE(q(credentials.secret), QStringLiteral("s3cret-Passw0rd")); // it was really available
        ProfileStore store(m_path.toStdString());
        store.upsert(*profile);
        store.setLastUsed(profile->name);
        QVERIFY(store.save().ok());
        ::unsetenv("MLFLOW_TRACKING_URI");
        ::unsetenv("MLFLOW_TRACKING_USERNAME");
        ::unsetenv("MLFLOW_TRACKING_PASSWORD");
        ::unsetenv("MLFLOW_TRACKING_TOKEN");

        const QByteArray text = readAll(m_path);
        QVERIFY(text.contains("ci-user"));
        QVERIFY(!text.contains("s3cret-Passw0rd"));
        QVERIFY(!text.contains("t0ken-value-xyz"));
    }

    void authKindNames()
    {
        QCOMPARE(QString::fromLatin1(wireName(AuthKind::Bearer)), QStringLiteral("bearer"));
        QCOMPARE(authKindFromString("Basic"), std::optional<AuthKind>(AuthKind::Basic));
        QVERIFY(!authKindFromString("ntlm").has_value());
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
