// modelgate-cli commands run in-process: usage errors without a server, transport
// errors against a refused port, and every command against the real seeded MLflow server.
#include "cli_app.h"
#include "misbehaving_server.h"
#include "mlflow_test_server.h"

#include <algorithm>
#include <sstream>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace modelgate;

namespace {

struct CliResult
{
    int exitCode = -1;
    std::string out;
    std::string err;

    int stderrLines() const { return static_cast<int>(std::count(err.begin(), err.end(), '\n')); }
};

CliResult runCli(const std::vector<std::string> &args, const Environment &env)
{
    std::ostringstream out;
    std::ostringstream err;
    CliResult result;
    result.exitCode = cli::run(args, out, err, env);
    result.out = out.str();
    result.err = err.str();
    return result;
}

QJsonObject parseJsonObject(const std::string &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", text.c_str());
    return doc.object();
}

} // namespace

class TestCliApp final : public QObject
{
    Q_OBJECT

private:
private Q_SLOTS:
    void helpAndVersion()
    {
        const CliResult help = runCli({"--help"}, {});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.find("models list") != std::string::npos);
        QVERIFY(help.err.empty());
        const CliResult version = runCli({"--version"}, {});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.rfind("modelgate-cli ", 0) == 0);
    }

    void usageErrorsExitTwoWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no command") << QStringList{} << u"no command given"_qs;
        QTest::newRow("unknown command") << QStringList{u"models"_qs, u"delete"_qs} << u"unknown command"_qs;
        QTest::newRow("unknown option")
            << QStringList{u"models"_qs, u"list"_qs, u"--jsn"_qs} << u"unknown option '--jsn'"_qs;
        QTest::newRow("missing operand")
            << QStringList{u"versions"_qs, u"list"_qs} << u"usage: modelgate-cli versions list MODEL"_qs;
        QTest::newRow("extra operand") << QStringList{u"version"_qs, u"show"_qs, u"m"_qs, u"1"_qs, u"2"_qs}
                                       << u"usage: modelgate-cli version show"_qs;
        QTest::newRow("no server") << QStringList{u"models"_qs, u"list"_qs} << u"no tracking server"_qs;
        QTest::newRow("bad scheme") << QStringList{u"--tracking-uri"_qs, u"ftp://x"_qs, u"models"_qs,
                                                   u"list"_qs}
                                    << u"ftp"_qs;
        QTest::newRow("bad timeout") << QStringList{u"--tracking-uri"_qs, u"http://127.0.0.1:1"_qs,
                                                    u"--timeout"_qs,      u"soon"_qs,
                                                    u"models"_qs,         u"list"_qs}
                                     << u"--timeout needs a number"_qs;
        QTest::newRow("both targets") << QStringList{u"--profile"_qs, u"a"_qs,      u"--tracking-uri"_qs,
                                                     u"http://x"_qs,  u"models"_qs, u"list"_qs}
                                      << u"either --profile or --tracking-uri"_qs;
    }

    void usageErrorsExitTwoWithOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        std::vector<std::string> argv;
        for (const QString &arg : args)
            argv.push_back(arg.toStdString());
        QTemporaryDir config;
        Environment env;
        env.vars["XDG_CONFIG_HOME"] = config.path().toStdString();
        const CliResult result = runCli(argv, env);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY2(result.err.find(expected.toStdString()) != std::string::npos, result.err.c_str());
        QVERIFY(result.out.empty());
    }

    void unknownProfileIsAUsageError()
    {
        QTemporaryDir config;
        Environment env;
        env.vars["XDG_CONFIG_HOME"] = config.path().toStdString();
        const CliResult result = runCli({"--profile", "nope", "models", "list"}, env);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.find("no workspace profile named 'nope'") != std::string::npos);
    }

    void unreachableServerExitsThree()
    {
        const std::string uri = "http://127.0.0.1:" + std::to_string(modelgate::test::refusedPort());
        const CliResult result = runCli({"--tracking-uri", uri, "--timeout", "5", "models", "list"}, {});
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY2(result.err.find("cannot list registered models") != std::string::npos, result.err.c_str());
    }

    void unauthorisedSaysWhichVariableToSet_data()
    {
        QTest::addColumn<QString>("authKind");
        QTest::addColumn<QString>("envUser");
        QTest::addColumn<QString>("envPassword");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no password") << "basic"
                                     << ""
                                     << ""
                                     << "set MLFLOW_TRACKING_USERNAME=riley.release and "
                                        "MLFLOW_TRACKING_PASSWORD";
        QTest::newRow("password for nobody")
            << "basic"
            << ""
            << "secret"
            << "MLFLOW_TRACKING_PASSWORD is sent only for the user in "
               "MLFLOW_TRACKING_USERNAME: set MLFLOW_TRACKING_USERNAME=riley.release";
        QTest::newRow("wrong password")
            << "basic"
            << "riley.release"
            << "wrong"
            << "the server refused the password in MLFLOW_TRACKING_PASSWORD for user "
               "'riley.release'";
        QTest::newRow("no token") << "bearer"
                                  << ""
                                  << ""
                                  << "set MLFLOW_TRACKING_TOKEN";
        QTest::newRow("no auth in the profile") << "none"
                                                << ""
                                                << ""
                                                << "the server needs credentials";
    }

    void unauthorisedSaysWhichVariableToSet()
    {
        QFETCH(QString, authKind);
        QFETCH(QString, envUser);
        QFETCH(QString, envPassword);
        QFETCH(QString, expected);
        // What MLflow's basic-auth app answers without (or with wrong) credentials.
        modelgate::test::MisbehavingServer server;
        QVERIFY(server.isListening());
        server.setDefaultBehaviour(modelgate::test::Behaviour::respond(
            401, "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html",
            {{"WWW-Authenticate", "Basic realm=\"mlflow\""}, {"Content-Type", "text/plain"}}));

        QTemporaryDir config;
        Environment env;
        env.vars["XDG_CONFIG_HOME"] = config.path().toStdString();
        if (!envUser.isEmpty())
            env.vars["MLFLOW_TRACKING_USERNAME"] = envUser.toStdString();
        if (!envPassword.isEmpty())
            env.vars["MLFLOW_TRACKING_PASSWORD"] = envPassword.toStdString();
        ProfileStore store(ProfileStore::defaultPath(env));
        Profile profile;
        profile.name = "Team server";
        profile.trackingUri = server.url("");
        profile.authKind = authKindFromString(authKind.toStdString()).value();
        if (profile.authKind == AuthKind::Basic)
            profile.username = "riley.release";
        store.upsert(profile);
        QVERIFY(store.save().ok());

        const CliResult result = runCli({"--profile", "Team server", "models", "list"}, env);
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY2(result.err.find("HTTP 401") != std::string::npos, result.err.c_str());
        QVERIFY2(result.err.find(expected.toStdString()) != std::string::npos, result.err.c_str());
        if (!envPassword.isEmpty())
            QVERIFY2(result.err.find(envPassword.toStdString()) == std::string::npos,
                     "a password was printed");
    }

    void auditGrantRefusesAServerWithoutAKnownPermissionApi()
    {
        // A server that requires sign-in but has neither permission API ModelGate knows (a
        // future MLflow, or an auth proxy): enrolling there would record reviewers with none of
        // the permissions the trail relies on. It must fail, exit 3, and write nothing.
        using modelgate::test::Behaviour;
        modelgate::test::MisbehavingServer server;
        QVERIFY(server.isListening());
        const std::string notFound = "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>";
        server.enqueue(Behaviour::respond(401, "You are not authenticated.",
                                          {{"WWW-Authenticate", "Basic realm=\"mlflow\""}}));
        server.enqueue(Behaviour::respond(200, "3.99.0")); // GET /version
        server.enqueue(Behaviour::respond(404, notFound)); // 3.0 users/current/permissions
        server.enqueue(Behaviour::respond(404, notFound)); // 2.0 experiments/permissions/get
        server.setDefaultBehaviour(Behaviour::respond(404, notFound));
        Environment env;
        env.vars["MLFLOW_TRACKING_USERNAME"] = "admin";
        env.vars["MLFLOW_TRACKING_PASSWORD"] = "admin-password";
        const CliResult result = runCli({"--tracking-uri", server.url(""), "audit", "grant", "bob"}, env);
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY2(result.err.find("MLflow 3.99.0") != std::string::npos, result.err.c_str());
        QVERIFY2(result.err.find("users/permissions/grant") != std::string::npos, result.err.c_str());
        QVERIFY(result.out.empty());
        for (const auto &request : server.requests())
            QVERIFY2(request.method == "GET",
                     ("a " + request.method + " was sent to " + request.target).c_str());

        // doctor says the same, as a check that says no.
        server.enqueue(Behaviour::respond(401, "You are not authenticated."));
        server.enqueue(Behaviour::respond(200, "3.99.0"));
        const CliResult doctor = runCli({"--tracking-uri", server.url(""), "doctor"}, env);
        QCOMPARE(doctor.exitCode, 1);
        QVERIFY2(doctor.out.find("NO    reviewer enrolment") != std::string::npos, doctor.out.c_str());
    }

    // Names, descriptions and tags from a registry that sends anything: a right-to-left override,
    // a terminal escape sequence, a line break, a name of a megabyte, markup. The table keeps one
    // line per model, shows the hidden characters, passes no control character to the terminal
    // and cuts the long name; --json keeps every value exactly, with the same characters escaped.
    void hostileNamesAreShownSafely()
    {
        const QString override = QString(QChar(0x202E));
        const QString huge(1024 * 1024, QLatin1Char('n'));
        QJsonArray models;
        const auto model = [](const QString &name, const QString &description) {
            return QJsonObject{{QStringLiteral("name"), name},
                               {QStringLiteral("description"), description},
                               {QStringLiteral("last_updated_timestamp"), QStringLiteral("1764846192045")},
                               {QStringLiteral("tags"),
                                QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("owner")},
                                                       {QStringLiteral("value"), QStringLiteral("a\nb")}}}}};
        };
        models.append(model(QStringLiteral("approved") + override + QStringLiteral("lortnoc"),
                            QStringLiteral("<b>bold</b>")));
        models.append(model(QStringLiteral("red\x1b[31mtext"), QStringLiteral("line one\nline two\r\x07")));
        models.append(model(huge, QStringLiteral("huge")));
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("registered_models"), models}})
                                    .toJson(QJsonDocument::Compact);
        modelgate::test::MisbehavingServer server;
        QVERIFY(server.isListening());
        server.setDefaultBehaviour(modelgate::test::Behaviour::respond(
            200, body.toStdString(), {{"Content-Type", "application/json"}}));
        Environment env;
        env.vars["MLFLOW_TRACKING_URI"] = server.url("");

        const CliResult table = runCli({"models", "list"}, env);
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(std::count(table.out.begin(), table.out.end(), '\n'), 4L); // header and 3 models
        QVERIFY2(table.out.find('\x1b') == std::string::npos, "an escape sequence reached the terminal");
        QVERIFY2(table.out.find('\r') == std::string::npos && table.out.find('\x07') == std::string::npos,
                 table.out.c_str());
        QVERIFY2(table.out.find("\xe2\x80\xae") == std::string::npos, "a raw right-to-left override");
        QVERIFY2(table.out.find("approved<U+202E>lortnoc") != std::string::npos, table.out.c_str());
        QVERIFY2(table.out.find("<b>bold</b>") != std::string::npos, table.out.c_str()); // text, not markup
        std::istringstream lines(table.out);
        for (std::string line; std::getline(lines, line);)
            QVERIFY2(line.size() < 1000, std::to_string(line.size()).c_str());

        const CliResult json = runCli({"models", "list", "--json"}, env);
        QCOMPARE(json.exitCode, 0);
        QVERIFY2(json.out.find("\xe2\x80\xae") == std::string::npos, "a raw right-to-left override in JSON");
        QVERIFY(json.out.find("\\u202e") != std::string::npos);
        const QJsonDocument parsed = QJsonDocument::fromJson(QByteArray::fromStdString(json.out));
        const QJsonArray listed = parsed.isArray()
                                      ? parsed.array()
                                      : parsed.object().value(QStringLiteral("registered_models")).toArray();
        QCOMPARE(listed.size(), 3);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("approved") + override + QStringLiteral("lortnoc"));
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("red\x1b[31mtext"));
        QCOMPARE(listed.at(2).toObject().value(QStringLiteral("name")).toString().size(), huge.size());
    }

    // --- against the real seeded MLflow server

    void modelsListTable()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        Environment env;
        env.vars["MLFLOW_TRACKING_URI"] = uri.toStdString();
        const CliResult result = runCli({"models", "list"}, env);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.err.empty());
        QVERIFY(result.out.rfind("NAME", 0) == 0);
        QVERIFY(result.out.find("diabetes-classifier") != std::string::npos);
        QVERIFY(result.out.find("champion=") != std::string::npos);
    }

    void modelsListFilterMatchesAliasAndIsCaseInsensitive()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const CliResult result = runCli(
            {"--tracking-uri", uri.toStdString(), "models", "list", "--filter", "CHAMPION", "--json"}, {});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray models = parseJsonObject(result.out).value(u"registered_models"_qs).toArray();
        QVERIFY(!models.isEmpty());
        bool sawDiabetes = false;
        for (const auto &entry : models) {
            const QJsonObject model = entry.toObject();
            bool hasChampion = false;
            for (const auto &alias : model.value(u"aliases"_qs).toArray())
                hasChampion |= alias.toObject().value(u"alias"_qs).toString() == u"champion"_qs;
            QVERIFY2(hasChampion || model.value(u"name"_qs).toString().contains(u"champion"_qs),
                     qPrintable(model.value(u"name"_qs).toString()));
            sawDiabetes |= model.value(u"name"_qs).toString() == u"diabetes-classifier"_qs;
        }
        QVERIFY(sawDiabetes);

        const CliResult none = runCli({"--tracking-uri", uri.toStdString(), "models", "list", "--filter",
                                       "no-such-model-xyz", "--json"},
                                      {});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(parseJsonObject(none.out).value(u"registered_models"_qs).toArray().isEmpty());
    }

    void versionsListShowsAliasesFromTheRegisteredModel()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const CliResult result = runCli(
            {"--tracking-uri", uri.toStdString(), "versions", "list", "diabetes-classifier", "--json"}, {});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray versions = parseJsonObject(result.out).value(u"model_versions"_qs).toArray();
        QVERIFY(versions.size() >= 3);
        int previous = INT_MAX;
        int champions = 0;
        for (const auto &entry : versions) {
            const QJsonObject version = entry.toObject();
            const int number = version.value(u"version"_qs).toString().toInt();
            QVERIFY2(number < previous, "versions are listed newest first");
            previous = number;
            for (const auto &alias : version.value(u"aliases"_qs).toArray())
                champions += alias.toString() == u"champion"_qs;
        }
        QCOMPARE(champions, 1);

        const CliResult table =
            runCli({"--tracking-uri", uri.toStdString(), "versions", "list", "diabetes-classifier"}, {});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.find("champion") != std::string::npos);
    }

    void versionShowByAlias()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const CliResult result = runCli(
            {"--tracking-uri", uri.toStdString(), "version", "show", "diabetes-classifier", "@champion"}, {});
        QCOMPARE(result.exitCode, 0);
        for (const char *expected :
             {"Aliases:", "champion", "Parameters", "Metrics (final values)", "auc", "Signature inputs",
              "PlasmaGlucose", "Signature outputs", "Input example: yes"})
            QVERIFY2(result.out.find(expected) != std::string::npos, expected);

        const CliResult json = runCli({"--tracking-uri", uri.toStdString(), "version", "show",
                                       "diabetes-classifier", "@champion", "--json"},
                                      {});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject doc = parseJsonObject(json.out);
        QVERIFY(doc.value(u"model_version"_qs)
                    .toObject()
                    .value(u"aliases"_qs)
                    .toArray()
                    .contains(u"champion"_qs));
        QVERIFY(doc.value(u"run"_qs).isObject());
        QCOMPARE(doc.value(u"signature"_qs).toObject().value(u"inputs"_qs).toArray().size(), 8);
    }

    void versionShowErrorsExitThree()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const CliResult missingModel =
            runCli({"--tracking-uri", uri.toStdString(), "version", "show", "no-such-model", "1"}, {});
        QCOMPARE(missingModel.exitCode, 3);
        QCOMPARE(missingModel.stderrLines(), 1);
        QVERIFY2(missingModel.err.find("RESOURCE_DOES_NOT_EXIST") != std::string::npos,
                 missingModel.err.c_str());

        const CliResult missingAlias = runCli(
            {"--tracking-uri", uri.toStdString(), "version", "show", "diabetes-classifier", "@nobody"}, {});
        QCOMPARE(missingAlias.exitCode, 3);
        QCOMPARE(missingAlias.stderrLines(), 1);

        const CliResult badVersion = runCli(
            {"--tracking-uri", uri.toStdString(), "version", "show", "diabetes-classifier", "latest-ish"},
            {});
        QCOMPARE(badVersion.exitCode, 2);
    }

    void profileFromTheSharedFile()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        QTemporaryDir config;
        Environment env;
        env.vars["XDG_CONFIG_HOME"] = config.path().toStdString();
        ProfileStore store(ProfileStore::defaultPath(env));
        Profile profile;
        profile.name = "Local demo";
        profile.trackingUri = uri.toStdString();
        store.upsert(profile);
        QVERIFY(store.save().ok());

        const CliResult result =
            runCli({"--profile", "Local demo", "versions", "list", "diabetes-classifier"}, env);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.find("VERSION") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCliApp)
#include "tst_cli_app.moc"
