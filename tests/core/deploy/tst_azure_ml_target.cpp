// Azure ML managed online endpoints end to end, against the local stand-in of Azure
// (scripts/azure_ml_fake.py): Entra ID tokens, ARM with long-running operations, the
// workspace's MLflow endpoint in front of the shared basic-auth MLflow server (fixture
// "mlflow_auth"), and scoring URIs in front of real `mlflow models serve` processes. The
// release gate, the trail and the champion (kept as a model tag: the workspace has no aliases)
// go through the workspace's registry as a console on Azure would. The functions build on each
// other's state, in declaration order; cleanupTestCase deletes what the test made.
#include "result_assertions.h"

#include <atomic>
#include <azure_ml_fake.h>
#include <local_endpoints.h>
#include <mlflow_test_server.h>
#include <release_test_users.h>
#include <seeded_model_copy.h>
#include <thread>

#include <QRegularExpression>
#include <QTest>

#include <modelgate/core/azure/azure_credential.h>
#include <modelgate/core/deploy/azure_ml_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/release/deployment_gate.h>
#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>
#include <modelgate/core/workspace/azure_session.h>
#include <modelgate/core/workspace/identity.h>

using namespace modelgate;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-azure");
constexpr const char *kEndpoint = "diabetes-azure";
constexpr const char *kRiley = "riley.release";
constexpr const char *kBotClient = "3f0c7a52-1b2c-4d6e-9f80-0a1b2c3d4e5f";

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

// A token source that always hands out the same token: once the fake revokes it, nothing renews it.
class StaleTokenSource final : public TokenSource
{
public:
    explicit StaleTokenSource(std::string token)
        : m_token(std::move(token))
    {}
    Result<AccessToken> fetch(const std::string &, const CancelToken &) override
    {
        return AccessToken{m_token, std::time(nullptr) + 3600};
    }
    std::string describe() const override { return "a token that was revoked"; }

private:
    std::string m_token;
};

} // namespace

class TestAzureMlTarget final : public QObject
{
    Q_OBJECT

private:
    test::AzureMlFake::Principal rileyUser() const
    {
        return test::AzureMlFake::forwardedTo(m_shared, kRiley, "riley-azure-password",
                                              "00000000-0000-4000-8000-00000000a11e", kRiley);
    }

    Profile profile(AzureSignIn signIn) const
    {
        Profile out;
        out.name = "azure-test";
        out.authKind = AuthKind::Bearer;
        AzureProfile azure;
        azure.workspace = m_fake.workspace();
        azure.signIn = signIn;
        if (signIn == AzureSignIn::ServicePrincipal) {
            azure.tenantId = m_fake.tenant();
            azure.clientId = kBotClient;
        }
        out.azure = azure;
        return out;
    }

    Environment environment() const
    {
        Environment env;
        env.vars["MODELGATE_AZURE_CLI"] = MODELGATE_SOURCE_DIR "/scripts/fake-az";
        env.vars["AZURE_CLIENT_SECRET"] = "bot-secret-for-the-fake";
        env.vars["AZURE_CLIENT_ID"] = kBotClient;
        return env;
    }

    std::vector<ReleaseRecord> deploymentRecords() const
    {
        auto snapshot = ReleaseLedger(*m_registry).read(kModel, CancelToken::none());
        if (!snapshot.ok())
            qFatal("reading the ledger failed: %s", test::describeForTest(snapshot.error()));
        const TrailVerification trail = verifyTrail(snapshot.value().ledgerParams, kModel, nullptr);
        if (!trail.ok)
            qFatal("the trail does not verify: %s", trail.reason.c_str());
        std::vector<ReleaseRecord> records;
        for (const TrailEntry &entry : trail.entries)
            if (entry.record && entry.record->deployment)
                records.push_back(*entry.record);
        return records;
    }

    std::string scoringBody() const
    {
        auto table = parseCsv(test::readTextFile(MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv"));
        auto signature = m_registry->getModelVersionSignature(kModel, "3", CancelToken::none());
        if (!table.ok() || !signature.ok())
            return {};
        auto batches = scoringBatches(table.value(), signature.value(), 100);
        return batches.ok() ? batches.value().bodies.front() : std::string();
    }

    EndpointInfo endpointNow() const
    {
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        if (!endpoint.ok())
            qFatal("reading the endpoint failed: %s", test::describeForTest(endpoint.error()));
        return endpoint.value();
    }

    test::SharedAuthMlflow m_shared;
    test::AzureMlFake m_fake;
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-azure-test-XXXXXX")};
    std::optional<AzureSession> m_session;
    std::unique_ptr<MlflowClient> m_registry;
    std::unique_ptr<AzureMlTarget> m_target;
    std::unique_ptr<Rollout> m_rollout;

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        QVERIFY2(m_data.isValid(), "no temporary folder");
        REQUIRE_OK(test::copyModelForDeployment(m_shared, kModel, kRiley));
        // The workspace has no aliases: its champion is the model tag ModelGate keeps there.
        REQUIRE_OK(test::sharedAdmin(m_shared).setRegisteredModelTag(
            kModel, std::string(kAliasTagPrefix) + "champion", "3", CancelToken::none()));

        test::AzureMlFake::Options options = test::AzureMlFake::optionsFor(m_shared);
        options.users = {rileyUser()};
        options.clients = {test::AzureMlFake::forwardedTo(m_shared, kBotClient, "bot-secret-for-the-fake",
                                                          "5d2c8e3a-0f4b-4c1d-8e9f-123456789abc", kRiley)};
        options.pageSize = 1; // every list pages, as a busy workspace's does
        QVERIFY2(m_fake.start(options), qPrintable(m_fake.errorString()));
        qputenv("MODELGATE_FAKE_AZ_LOGIN", m_fake.writeAzLogin(rileyUser()).toUtf8());

        auto session =
            openAzureSession(profile(AzureSignIn::AzureCli), environment(), {}, {}, CancelToken::none());
        REQUIRE_OK(session);
        m_session = std::move(session).value();
        m_registry = std::make_unique<MlflowClient>(m_session->registry);
        AzureMlTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/azureml";
        m_target = std::make_unique<AzureMlTarget>(config, m_session->arm,
                                                   std::shared_ptr<HttpTransport>(makeCurlTransport()));
        m_rollout = std::make_unique<Rollout>(*m_registry, *m_target, RegistryAccess{});

        ReleasePolicy policy = defaultReleasePolicy();
        policy.maxRegressionAbsolute = 0.05;
        policy.maxRegressionRelative = 0.10;
        REQUIRE_OK(setReleasePolicy(*m_registry, kModel, policy, "wider margins for the Azure test",
                                    CancelToken::none()));
        for (const char *version : {"3", "4"}) {
            DecisionRequest approve;
            approve.model = kModel;
            approve.version = version;
            approve.action = ReleaseAction::Approve;
            approve.comment = "fit for the Azure deployment test";
            REQUIRE_OK(decideRelease(*m_registry, approve, CancelToken::none()));
        }
    }

    void cleanupTestCase()
    {
        if (m_target)
            test::deleteEndpoints(*m_target);
        m_fake.stop();
        qunsetenv("MODELGATE_FAKE_AZ_LOGIN");
        if (!m_shared.uri().isEmpty())
            test::deleteModels(test::sharedAdmin(m_shared), {kModel});
    }

    void theWorkspaceIsItsRegistry()
    {
        // Signed in through the Azure CLI as riley: the trail's identity comes from the token.
        QCOMPARE(reviewerIdentity(m_session->registry.credentials), std::string(kRiley));
        QVERIFY2(contains(m_session->registry.trackingUri, "/mlflow/v1.0/subscriptions/"),
                 m_session->registry.trackingUri.c_str());
        // Aliases come from the model's tags: the endpoint itself answers 404 to alias calls.
        auto champion = m_registry->resolveModelVersion(kModel, "@champion", CancelToken::none());
        REQUIRE_OK(champion);
        QCOMPARE(champion.value().version, std::string("3"));
        MlflowClient withoutEmulation([&] {
            ClientConfig raw = m_session->registry;
            raw.aliasesAsModelTags = false;
            return raw;
        }());
        auto direct = withoutEmulation.getModelVersionByAlias(kModel, "champion", CancelToken::none());
        QVERIFY(!direct.ok());
        QCOMPARE(direct.error().httpStatus, 404);
    }

    void servicePrincipalSignsIn()
    {
        auto session = openAzureSession(profile(AzureSignIn::ServicePrincipal), environment(), {}, {},
                                        CancelToken::none());
        REQUIRE_OK(session);
        // A service principal's identity is its object ID.
        QCOMPARE(reviewerIdentity(session->registry.credentials),
                 std::string("5d2c8e3a-0f4b-4c1d-8e9f-123456789abc"));
        // Cached: a second token is not fetched while the first is fresh.
        REQUIRE_OK(session->credential->token(CancelToken::none()));
        QCOMPARE(session->credential->fetches(), 1);

        Environment wrong = environment();
        wrong.vars["AZURE_CLIENT_SECRET"] = "not-the-secret";
        auto refused =
            openAzureSession(profile(AzureSignIn::ServicePrincipal), wrong, {}, {}, CancelToken::none());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("invalid_client"));
        QVERIFY2(!contains(refused.error().describe(), "not-the-secret"), refused.error().describe().c_str());
    }

    void deployBlueThenCanaryGreen()
    {
        DeployRequest blue;
        blue.model = kModel;
        blue.version = "3";
        blue.endpoint = kEndpoint;
        blue.deployment = "blue";
        blue.production = true;
        blue.comment = "first release on Azure";
        std::vector<std::string> steps;
        auto deployed = m_rollout->deploy(
            blue, [&](const std::string &step, int) { steps.push_back(step); }, CancelToken::none());
        REQUIRE_OK(deployed);
        QVERIFY(deployed.value().recorded());
        QVERIFY2(std::any_of(steps.begin(), steps.end(),
                             [](const std::string &s) { return contains(s, "at Azure: InProgress"); }),
                 "no progress of the long-running operation was reported");

        const EndpointInfo endpoint = endpointNow();
        QCOMPARE(endpoint.target, std::string("azureml"));
        QCOMPARE(endpoint.authMode, std::string("key"));
        QVERIFY(endpoint.production);
        QCOMPARE(endpoint.traffic(), (TrafficSplit{{"blue", 100}}));
        QCOMPARE(endpoint.deployments.front().model, kModel);
        QCOMPARE(endpoint.deployments.front().health, DeploymentHealth::Healthy);

        // Real predictions through the scoring URI, sent in Azure's input_data form with the key.
        const std::string body = scoringBody();
        QVERIFY(!body.empty());
        auto answer = m_target->invoke(kEndpoint, "", body, CancelToken::none());
        REQUIRE_OK(answer);
        QCOMPARE(answer.value().status, 200);
        auto predictions = predictionsOf(answer.value().body, 6);
        REQUIRE_OK(predictions);
        QCOMPARE(predictions.value().size(), std::size_t(6));

        DeployRequest green = blue;
        green.version = "4";
        green.deployment = "green";
        green.traffic = 10;
        green.instanceType = "Standard_F4s_v2";
        green.comment = "canary";
        REQUIRE_OK(m_rollout->deploy(green, {}, CancelToken::none()));
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 90}, {"green", 10}}));
        // The smoke test of one deployment goes through the azureml-model-deployment header.
        auto smoke = m_target->invoke(kEndpoint, "green", body, CancelToken::none());
        REQUIRE_OK(smoke);
        QCOMPARE(smoke.value().status, 200);
    }

    void concurrentChangesWaitForEachOther()
    {
        // Two traffic changes at once: ARM refuses the second with 409 while the first runs;
        // it is tried again after the first has ended, and both end as asked, in order.
        std::atomic<bool> firstDone{false};
        Status first = success();
        std::thread other([&] {
            first = m_target->setTraffic(kEndpoint, {{"blue", 80}, {"green", 20}}, CancelToken::none());
            firstDone = true;
        });
        QTest::qWait(150);
        Status second = m_target->setTraffic(kEndpoint, {{"blue", 90}, {"green", 10}}, CancelToken::none());
        other.join();
        REQUIRE_OK(first);
        REQUIRE_OK(second);
        QVERIFY(firstDone);
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 90}, {"green", 10}}));
        // The fake's log has one line per request, ending with its status.
        const QRegularExpression conflict(QStringLiteral("^\\S+ \\S+ arm PUT \\S+ 409$"),
                                          QRegularExpression::MultilineOption);
        QVERIFY2(m_fake.logTail(400).contains(conflict), "the fake never answered 409");
    }

    void aSplitMustSumToOneHundred()
    {
        Status wrong = m_target->setTraffic(kEndpoint, {{"blue", 50}, {"green", 10}}, CancelToken::none());
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, std::string(kBadSplit));
        // ARM itself refuses a split that does not sum to 100, with its error body.
        auto raw =
            m_session->arm->setTraffic(kEndpoint, {{"blue", 0}, {"green", 0}}, {}, CancelToken::none());
        REQUIRE_OK(raw); // 0 everywhere is allowed by ARM (it disables the endpoint) ...
        REQUIRE_OK(m_target->setTraffic(kEndpoint, {{"blue", 90}, {"green", 10}}, CancelToken::none()));
    }

    void rollbackAndPromote()
    {
        auto rolledBack = m_rollout->rollback(kEndpoint, "canary rolled back", CancelToken::none());
        REQUIRE_OK(rolledBack);
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 100}, {"green", 0}}));

        auto promoted = m_rollout->setTraffic(kEndpoint, {{"green", 100}}, "promote", CancelToken::none());
        REQUIRE_OK(promoted);
        QVERIFY2(promoted.value().championError.empty(), promoted.value().championError.c_str());
        // The champion moved: kept as the model's tag on the workspace.
        auto champion = m_registry->resolveModelVersion(kModel, "@champion", CancelToken::none());
        REQUIRE_OK(champion);
        QCOMPARE(champion.value().version, std::string("4"));

        REQUIRE_OK(m_rollout->undeploy(kEndpoint, "blue", "blue retired", CancelToken::none()));
        QCOMPARE(endpointNow().deployments.size(), std::size_t(1));

        std::vector<std::string> actions;
        for (const ReleaseRecord &record : deploymentRecords()) {
            QCOMPARE(record.deployment->target, std::string("azureml"));
            QCOMPARE(record.reviewer, std::string(kRiley));
            actions.push_back(wireName(record.action));
        }
        QCOMPARE(actions, (std::vector<std::string>{"deploy", "deploy", "rollback", "traffic", "undeploy"}));
    }

    void aFailedProvisioningIsReportedAndRemoved()
    {
        const std::string broken = test::registerFaultyVersion(
            m_shared.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
            m_shared.adminPassword().toStdString(), kModel, "4", 0, /*failLoad=*/true);
        QVERIFY(!broken.empty());
        // Approved as v4's twin would be: the gate lets it through, Azure cannot start it.
        DecisionRequest approve;
        approve.model = kModel;
        approve.version = broken;
        approve.action = ReleaseAction::Approve;
        approve.comment = "looks like v4";
        REQUIRE_OK(decideRelease(*m_registry, approve, CancelToken::none()));
        const std::size_t recordsBefore = deploymentRecords().size();

        DeployRequest request;
        request.model = kModel;
        request.version = broken;
        request.endpoint = kEndpoint;
        request.deployment = "broken";
        auto failed = m_rollout->deploy(request, {}, CancelToken::none());
        QVERIFY(!failed.ok());
        QVERIFY2(contains(failed.error().message, "failed to provision"), failed.error().describe().c_str());
        QVERIFY2(contains(failed.error().message, "log"), failed.error().describe().c_str());
        QVERIFY(!endpointNow().deployment("broken"));
        QCOMPARE(deploymentRecords().size(), recordsBefore);
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"green", 100}}));
    }

    void anExpiredTokenIsRenewedOnceOrReported()
    {
        const int before = m_session->credential->fetches();
        QVERIFY(m_fake.revokeTokens());
        // The shared credential renews once after the 401 and the call goes through.
        REQUIRE_OK(m_target->endpoint(kEndpoint, CancelToken::none()));
        QCOMPARE(m_session->credential->fetches(), before + 1);

        // A credential that cannot renew: the change is refused clearly, and nothing recorded.
        auto stale = std::make_shared<AzureCredential>(
            std::make_shared<StaleTokenSource>(m_session->credential->token(CancelToken::none()).value()),
            kArmScope);
        QVERIFY(m_fake.revokeTokens());
        auto arm = std::make_shared<ArmClient>(m_fake.workspace(),
                                               std::shared_ptr<HttpTransport>(makeCurlTransport()), stale);
        AzureMlTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/azureml";
        AzureMlTarget expired(config, arm, std::shared_ptr<HttpTransport>(makeCurlTransport()));
        const std::size_t recordsBefore = deploymentRecords().size();
        Rollout rollout(*m_registry, expired, RegistryAccess{});
        auto refused =
            rollout.setTraffic(kEndpoint, {{"green", 100}}, "with an expired token", CancelToken::none());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().httpStatus, 401);
        QCOMPARE(refused.error().code, std::string("ExpiredAuthenticationToken"));
        QCOMPARE(deploymentRecords().size(), recordsBefore);
    }

    void cancelStopsTheWaitingNotTheWork()
    {
        DeployRequest request;
        request.model = kModel;
        request.version = "3";
        request.endpoint = kEndpoint;
        request.deployment = "slowpoke";
        CancelToken cancel;
        auto deployed = m_rollout->deploy(
            request,
            [&](const std::string &step, int) {
                if (contains(step, "provisioning deployment slowpoke") && contains(step, "InProgress"))
                    cancel.cancel();
            },
            cancel);
        QVERIFY(!deployed.ok());
        QCOMPARE(deployed.error().kind, ErrorKind::Cancelled);
        QVERIFY2(contains(deployed.error().message, "goes on"), deployed.error().message.c_str());
        // Azure goes on: the deployment is there (at 0 %), and the endpoint was not taken away.
        const EndpointInfo endpoint = endpointNow();
        QVERIFY(endpoint.deployment("slowpoke"));
        QCOMPARE(endpoint.deployment("slowpoke")->traffic, 0);
    }

    void deleteTheEndpoint()
    {
        auto deleted = m_rollout->deleteEndpoint(kEndpoint, "done", CancelToken::none());
        QVERIFY2(!deleted.ok(), "an endpoint with two deployments and traffic went at once");
        REQUIRE_OK(m_rollout->undeploy(kEndpoint, "slowpoke", "not wanted", CancelToken::none()));
        REQUIRE_OK(m_rollout->deleteEndpoint(kEndpoint, "done", CancelToken::none()));
        auto gone = m_target->endpoint(kEndpoint, CancelToken::none());
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, std::string(kEndpointNotFound));
    }
};

QTEST_GUILESS_MAIN(TestAzureMlTarget)
#include "tst_azure_ml_target.moc"
