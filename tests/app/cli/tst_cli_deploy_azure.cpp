// `modelgate-cli` with an Azure ML workspace profile (--target azureml), against the local
// stand-in of Azure (scripts/azure_ml_fake.py) in front of the shared basic-auth MLflow server
// (fixture "mlflow_auth") and real `mlflow models serve` processes: the whole rollout as a
// pipeline runs it, and the errors a pipeline must see plainly (a refused secret, a deployment
// that fails to provision, commands Azure does not have). In declaration order.
#include "azure_ml_fake.h"
#include "cli_runner.h"
#include "mlflow_test_server.h"
#include "release_test_users.h"
#include "result_assertions.h"
#include "secret_scan.h"
#include "seeded_model_copy.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>

using namespace modelgate;
using Json = nlohmann::json;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-cli-azure");
constexpr const char *kEndpoint = "clinic-azure";
constexpr const char *kRiley = "riley.release";
constexpr const char *kClient = "8a6d4f2e-3c1b-4e5a-9d7f-6b5a4c3d2e1f";
constexpr const char *kSecret = "cli-bot-secret-for-the-fake";

} // namespace

class TestCliDeployAzure final : public QObject
{
    Q_OBJECT

private:
    // As riley, signed in through the Azure CLI (profile "clinic"), or as the pipeline's service
    // principal (profile "bot", its secret in AZURE_CLIENT_SECRET).
    test::CliResult cli(std::vector<std::string> args, const std::string &profile = "clinic",
                        const std::string &secret = kSecret) const
    {
        Environment env;
        env.vars["XDG_CONFIG_HOME"] = m_home.path().toStdString() + "/config";
        env.vars["XDG_DATA_HOME"] = m_home.path().toStdString() + "/data";
        env.vars["AZURE_CLIENT_SECRET"] = secret;
        env.vars["MODELGATE_AZURE_CLI"] = MODELGATE_SOURCE_DIR "/scripts/fake-az";
        args.insert(args.end(), {"--profile", profile});
        std::ostringstream out, err;
        test::CliResult result;
        result.exitCode = cli::run(args, out, err, env);
        result.out = out.str();
        result.err = err.str();
        return result;
    }

    std::vector<std::string> recordedActions() const
    {
        const MlflowClient admin = test::sharedAdmin(m_shared);
        auto snapshot = ReleaseLedger(admin).read(kModel, CancelToken::none());
        std::vector<std::string> actions;
        if (!snapshot.ok())
            return actions;
        const TrailVerification trail = verifyTrail(snapshot.value().ledgerParams, kModel, nullptr);
        for (const TrailEntry &entry : trail.entries)
            if (entry.record && entry.record->deployment)
                actions.push_back(wireName(entry.record->action));
        return actions;
    }

    test::SharedAuthMlflow m_shared;
    test::AzureMlFake m_fake;
    QTemporaryDir m_home{QStringLiteral("/tmp/mg-cli-azure-XXXXXX")};

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        QVERIFY(m_home.isValid());
        REQUIRE_OK(test::copyModelForDeployment(m_shared, kModel, kRiley));
        const MlflowClient riley = test::clientAs(m_shared.uri(), kRiley, m_shared.password(kRiley));
        ReleasePolicy policy = defaultReleasePolicy();
        policy.maxRegressionAbsolute = 0.05;
        policy.maxRegressionRelative = 0.10;
        REQUIRE_OK(
            setReleasePolicy(riley, kModel, policy, "wider margins for the CLI test", CancelToken::none()));
        for (const char *version : {"3", "4"}) {
            DecisionRequest approve;
            approve.model = kModel;
            approve.version = version;
            approve.action = ReleaseAction::Approve;
            approve.comment = "fit for the Azure CLI test";
            REQUIRE_OK(decideRelease(riley, approve, CancelToken::none()));
        }

        test::AzureMlFake::Options options = test::AzureMlFake::optionsFor(m_shared);
        options.clients = {test::AzureMlFake::forwardedTo(m_shared, kClient, kSecret,
                                                          "0b9d8c7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a", kRiley)};
        const test::AzureMlFake::Principal rileyAz = test::AzureMlFake::forwardedTo(
            m_shared, kRiley, "riley-azure-password", "00000000-0000-4000-8000-0000000a11e5", kRiley);
        options.users = {rileyAz};
        QVERIFY2(m_fake.start(options), qPrintable(m_fake.errorString()));
        // `az login` as riley: scripts/fake-az reads the file this names.
        qputenv("MODELGATE_FAKE_AZ_LOGIN", m_fake.writeAzLogin(rileyAz).toUtf8());

        // The profile as a release manager would keep it: no secret in the file.
        const AzureWorkspace ws = m_fake.workspace();
        const Json azure{{"subscription_id", ws.subscriptionId},
                         {"resource_group", ws.resourceGroup},
                         {"workspace", ws.workspace},
                         {"region", ws.region},
                         {"arm_base_url", ws.armBaseUrl},
                         {"authority_host", ws.authorityHost},
                         {"sign_in", "azure-cli"}};
        Json bot = azure;
        bot["sign_in"] = "service-principal";
        bot["tenant_id"] = m_fake.tenant();
        bot["client_id"] = kClient;
        const Json profiles{{"version", 1},
                            {"profiles",
                             {{{"name", "clinic"}, {"kind", "azureml"}, {"azure", azure}},
                              {{"name", "bot"}, {"kind", "azureml"}, {"azure", bot}}}}};
        QVERIFY(QDir().mkpath(m_home.path() + QStringLiteral("/config/modelgate")));
        QFile file(m_home.path() + QStringLiteral("/config/modelgate/profiles.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(profiles.dump(2)));
    }

    void cleanupTestCase()
    {
        if (m_fake.armUrl().empty())
            return;
        for (const char *deployment : {"green", "blue"})
            (void)cli({"endpoint", "traffic", kEndpoint, std::string(deployment) + "=100"});
        (void)cli({"endpoint", "delete", kEndpoint});
        m_fake.stop();
        qunsetenv("MODELGATE_FAKE_AZ_LOGIN");
        if (!m_shared.uri().isEmpty())
            test::deleteModels(test::sharedAdmin(m_shared), {kModel});
    }

    void usageErrorsNameWhatIsWrong()
    {
        auto local = cli(
            {"deploy", kModel, "3", "--endpoint", kEndpoint, "--deployment", "blue", "--target", "local"});
        QCOMPARE(local.exitCode, int(cli::ExitUsage));
        QVERIFY2(local.says("--target azureml"), local.both().c_str());
        auto count = cli({"deploy", kModel, "3", "--endpoint", kEndpoint, "--deployment", "blue",
                          "--instance-count", "0"});
        QCOMPARE(count.exitCode, int(cli::ExitUsage));
        auto refused = cli({"endpoint", "list"}, "bot", "not-the-secret");
        QCOMPARE(refused.exitCode, int(cli::ExitServer));
        QVERIFY2(refused.says("AADSTS7000215") && refused.says("invalid_client"), refused.both().c_str());
        QVERIFY2(!refused.says("not-the-secret"), refused.both().c_str());
        // A service principal deploys only once enrolled as a reviewer, like anyone else.
        auto notEnrolled =
            cli({"deploy", kModel, "3", "--endpoint", kEndpoint, "--deployment", "blue"}, "bot");
        QCOMPARE(notEnrolled.exitCode, int(cli::ExitCheckSaysNo));
        QVERIFY2(notEnrolled.says("audit grant"), notEnrolled.both().c_str());
    }

    void wholeRollout()
    {
        auto blue = cli({"deploy", kModel, "3", "--endpoint", kEndpoint, "--deployment", "blue",
                         "--production", "--comment", "first release on Azure"});
        QVERIFY2(blue.exitCode == 0, blue.both().c_str());
        QVERIFY2(blue.says("at Azure"), blue.both().c_str()); // progress of the operations

        auto list = cli({"endpoint", "list", "--json"});
        QVERIFY2(list.exitCode == 0, list.both().c_str());
        const Json listed = Json::parse(list.out, nullptr, false);
        QVERIFY2(listed.is_object() && listed["endpoints"].size() == 1, list.out.c_str());
        const Json &endpoints = listed["endpoints"];
        QCOMPARE(endpoints[0].value("target", ""), std::string("azureml"));

        const std::string csv = MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv";
        auto predicted = cli({"endpoint", "invoke", kEndpoint, "--csv", csv, "--json"});
        QVERIFY2(predicted.exitCode == 0, predicted.both().c_str());

        auto green = cli({"deploy", kModel, "4", "--endpoint", kEndpoint, "--deployment", "green",
                          "--traffic", "10", "--instance-type", "Standard_F4s_v2", "--instance-count", "2"});
        QVERIFY2(green.exitCode == 0, green.both().c_str());
        auto smoke = cli({"endpoint", "invoke", kEndpoint, "--deployment", "green", "--csv", csv});
        QVERIFY2(smoke.exitCode == 0, smoke.both().c_str());

        auto status = cli({"endpoint", "status", kEndpoint, "--json"});
        QVERIFY2(status.exitCode == 0 && status.says("\"green\""), status.both().c_str());

        auto promoted = cli({"endpoint", "traffic", kEndpoint, "green=100", "--comment", "promote"});
        QVERIFY2(promoted.exitCode == 0, promoted.both().c_str());
        QVERIFY2(promoted.says("champion"), promoted.both().c_str());
        // Back to the canary's 90/10 (the split before the promotion), then the canary withdrawn.
        auto rolledBack = cli({"endpoint", "rollback", kEndpoint, "--comment", "not yet"});
        QVERIFY2(rolledBack.exitCode == 0, rolledBack.both().c_str());
        auto withdrawn = cli({"endpoint", "traffic", kEndpoint, "blue=100", "--comment", "canary withdrawn"});
        QVERIFY2(withdrawn.exitCode == 0, withdrawn.both().c_str());

        auto logs = cli({"endpoint", "logs", kEndpoint, "--deployment", "blue", "--tail", "20"});
        QVERIFY2(logs.exitCode == 0 && !logs.out.empty(), logs.both().c_str());
        auto deleted =
            cli({"endpoint", "delete", kEndpoint, "--deployment", "green", "--comment", "canary withdrawn"});
        QVERIFY2(deleted.exitCode == 0, deleted.both().c_str());

        QCOMPARE(recordedActions(), (std::vector<std::string>{"deploy", "deploy", "traffic", "rollback",
                                                              "traffic", "undeploy"}));
    }

    void whatAzureDoesNotHaveIsSaidAndMetricsComeFromAzureMonitor()
    {
        auto restart = cli({"endpoint", "restart", kEndpoint});
        QVERIFY(restart.exitCode != 0);
        QVERIFY2(restart.says("Azure runs and restarts"), restart.both().c_str());
        // Metrics come from Azure Monitor (the stand-in's, from the requests it served).
        auto metrics = cli({"endpoint", "metrics", kEndpoint});
        QVERIFY2(metrics.exitCode == 0 && metrics.says("Source: azure-monitor"), metrics.both().c_str());
        auto load = cli({"endpoint", "load", kEndpoint, "--csv",
                         MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv", "--rps", "1", "--duration", "1"});
        QCOMPARE(load.exitCode, int(cli::ExitUsage));
        QVERIFY2(load.says("local endpoints only"), load.both().c_str());
    }

    void aFailedProvisioningIsReportedAndNotRecorded()
    {
        const std::string broken = test::registerFaultyVersion(
            m_shared.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
            m_shared.adminPassword().toStdString(), kModel, "4", 0, /*failLoad=*/true);
        QVERIFY(!broken.empty());
        DecisionRequest approve;
        approve.model = kModel;
        approve.version = broken;
        approve.action = ReleaseAction::Approve;
        approve.comment = "looks like v4";
        REQUIRE_OK(decideRelease(test::clientAs(m_shared.uri(), kRiley, m_shared.password(kRiley)), approve,
                                 CancelToken::none()));
        const auto before = recordedActions();
        auto failed = cli({"deploy", kModel, broken, "--endpoint", kEndpoint, "--deployment", "broken"});
        QCOMPARE(failed.exitCode, int(cli::ExitServer));
        QVERIFY2(failed.says("failed to provision"), failed.both().c_str());
        QCOMPARE(recordedActions(), before);
        auto status = cli({"endpoint", "status", kEndpoint, "--json"});
        QVERIFY2(!status.says("\"broken\""), status.both().c_str());
    }
    // After the whole Azure flow (sign-in through the Azure CLI and as a service principal,
    // deployments, traffic, metrics), neither the principal's secret nor the Azure user's
    // password nor any MLflow password is in a file under the test's config and data folders
    // or on the command line of any process (the secret reaches the CLI in its environment).
    void noSecretOnDiskOrOnACommandLine()
    {
        std::vector<test::Secret> secrets{{"the service principal's secret", kClient, kSecret},
                                          {"riley's Azure password", kRiley, "riley-azure-password"}};
        for (const auto &[user, password] : m_shared.passwords())
            secrets.push_back({user + "'s MLflow password", user, password});
        const test::SecretScan scan = test::scanForSecrets({m_home.path()}, secrets);
        // The profiles file at least: an Azure endpoint keeps no state here once its records are
        // written (a record waiting to be written would be here too, and scanned).
        QVERIFY2(scan.files >= 1, std::to_string(scan.files).c_str());
        QVERIFY2(scan.findings.empty(), scan.report().c_str());
    }
};

QTEST_GUILESS_MAIN(TestCliDeployAzure)
#include "tst_cli_deploy_azure.moc"
