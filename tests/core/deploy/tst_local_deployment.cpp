// Deployment end to end on this machine: real HAProxy in front of real `mlflow models serve`
// processes, loading a copy of the seeded diabetes-classifier from the shared basic-auth
// MLflow server (fixture "mlflow_auth"), with the release gate before and the trail records
// after every action. The functions build on each other's state, in declaration order.
// cleanupTestCase deletes every endpoint the test made (stopping their process groups), also
// after a failure.
#include "result_assertions.h"

#include <csignal>
#include <fstream>
#include <local_endpoints.h>
#include <mlflow_test_server.h>
#include <nlohmann/json.hpp>
#include <release_test_users.h>
#include <seeded_model_copy.h>
#include <sstream>

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/deployment_gate.h>
#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>

using namespace modelgate;
using Json = nlohmann::json;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-classifier-deploy");
constexpr const char *kEndpoint = "diabetes-online";
constexpr const char *kRiley = "riley.release";

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestLocalDeployment final : public QObject
{
    Q_OBJECT

private:
    MlflowClient riley() const { return test::clientAs(m_shared.uri(), kRiley, m_shared.password(kRiley)); }

    RegistryAccess access() const
    {
        const MlflowClient client = riley();
        RegistryAccess out;
        out.trackingUri = client.config().trackingUri;
        out.credentials = client.config().credentials;
        return out;
    }

    std::vector<ReleaseRecord> deploymentRecords() const
    {
        auto snapshot = ReleaseLedger(riley()).read(kModel, CancelToken::none());
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

    std::vector<std::string> predict(const std::string &deployment, int *status = nullptr) const
    {
        auto table = parseCsv(test::readTextFile(MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv"));
        auto signature = riley().getModelVersionSignature(kModel, "3", CancelToken::none());
        if (!table.ok() || !signature.ok())
            return {};
        auto batches = scoringBatches(table.value(), signature.value(), 100);
        if (!batches.ok())
            return {};
        auto answer =
            m_target->invoke(kEndpoint, deployment, batches.value().bodies.front(), CancelToken::none());
        if (!answer.ok())
            return {};
        if (status)
            *status = answer.value().status;
        auto predictions = predictionsOf(answer.value().body, table.value().rows.size());
        return predictions.ok() ? predictions.value() : std::vector<std::string>{};
    }

    EndpointInfo endpointNow() const
    {
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        if (!endpoint.ok())
            qFatal("reading the endpoint failed: %s", test::describeForTest(endpoint.error()));
        return endpoint.value();
    }

    test::SharedAuthMlflow m_shared;
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-deploy-XXXXXX")}; // short: HAProxy's socket path
    std::unique_ptr<LocalTarget> m_target;
    std::unique_ptr<MlflowClient> m_riley;
    std::unique_ptr<Rollout> m_rollout;

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        QVERIFY2(!test::mlflowPython().isEmpty(), "no Python environment with MLflow");
        QVERIFY2(m_data.isValid(), "no temporary folder");
        LocalTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/endpoints";
        config.mlflowExecutable = test::mlflowExecutable();
        m_target = std::make_unique<LocalTarget>(config);

        REQUIRE_OK(test::copyModelForDeployment(m_shared, kModel, kRiley));
        m_riley = std::make_unique<MlflowClient>(riley());
        m_rollout = std::make_unique<Rollout>(*m_riley, *m_target, access());
        // v4 is a little worse than the champion v3 in precision: a policy with wider margins
        // lets both pass, and riley (an author of neither) approves both; v2 stays unapproved.
        ReleasePolicy policy = defaultReleasePolicy();
        policy.maxRegressionAbsolute = 0.05;
        policy.maxRegressionRelative = 0.10;
        REQUIRE_OK(setReleasePolicy(*m_riley, kModel, policy, "wider margins for the deployment test",
                                    CancelToken::none()));
        for (const char *version : {"3", "4"}) {
            DecisionRequest approve;
            approve.model = kModel;
            approve.version = version;
            approve.action = ReleaseAction::Approve;
            approve.comment = "fit for the deployment test";
            REQUIRE_OK(decideRelease(*m_riley, approve, CancelToken::none()));
        }
    }

    void cleanupTestCase()
    {
        test::cleanUpDeploymentTest(m_shared, m_data.path().toStdString() + "/endpoints", {kModel});
    }

    void unapprovedVersionIsRefusedWithNothingStarted()
    {
        DeployRequest request{kModel, "2", kEndpoint, "v2", std::nullopt, false, {}, {}, 0};
        auto deployed = m_rollout->deploy(request, {}, CancelToken::none());
        QVERIFY(!deployed.ok());
        QCOMPARE(deployed.error().code, std::string(kRefusedNotApproved));
        QVERIFY2(contains(deployed.error().message, "not approved"), deployed.error().message.c_str());
        auto endpoints = m_target->listEndpoints(CancelToken::none());
        REQUIRE_OK(endpoints);
        QVERIFY(endpoints.value().empty());
        QVERIFY(!QFileInfo::exists(QString::fromStdString(m_target->endpointDir(kEndpoint))));
    }

    void approvedVersionDeploysAndPredicts()
    {
        DeployRequest request{kModel, "3", kEndpoint, "blue", std::nullopt, true, "first release", {}, 0};
        auto deployed = m_rollout->deploy(request, {}, CancelToken::none());
        REQUIRE_OK(deployed);
        QVERIFY(deployed.value().recorded());
        QCOMPARE(deployed.value().after, (TrafficSplit{{"blue", 100}}));
        const EndpointInfo endpoint = endpointNow();
        QCOMPARE(endpoint.health, EndpointHealth::Running);
        QCOMPARE(endpoint.deployments.size(), std::size_t(1));
        QCOMPARE(endpoint.deployments.front().health, DeploymentHealth::Healthy);
        QCOMPARE(predict({}).size(), std::size_t(6));
        // The production endpoint's 100 % moved the champion alias to v3 (it was there already
        // in the copy; the record and the alias agree).
        QVERIFY2(!deployed.value().championMoved.empty(), deployed.value().championError.c_str());
        const auto records = deploymentRecords();
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(records.front().action, ReleaseAction::Deploy);
        QCOMPARE(records.front().deployment->splitAfter, (TrafficSplit{{"blue", 100}}));
        QCOMPARE(records.front().deployment->target, std::string("local"));
        // No secret in any file of the endpoint.
        const std::string password = m_shared.password(kRiley);
        for (const char *file : {"endpoint.json", "haproxy.cfg", "logs/blue.log", "logs/haproxy.log"})
            QVERIFY2(!contains(test::readTextFile(m_target->endpointDir(kEndpoint) + "/" + file), password),
                     file);
    }

    void unknownDeploymentHeaderIsAnswered404()
    {
        auto answer = m_target->invoke(kEndpoint, "nope", "{}", CancelToken::none());
        REQUIRE_OK(answer);
        QCOMPARE(answer.value().status, 404);
        QVERIFY2(contains(answer.value().body, "blue"), answer.value().body.c_str());
        QVERIFY(contains(answer.value().contentType, "application/json"));
    }

    void secondVersionRollsOutAndBack()
    {
        DeployRequest request{kModel, "4", kEndpoint, "green", std::nullopt, false, "candidate", {}, 0};
        auto deployed = m_rollout->deploy(request, {}, CancelToken::none());
        REQUIRE_OK(deployed);
        QCOMPARE(deployed.value().after, (TrafficSplit{{"blue", 100}, {"green", 0}}));
        // At 0 % the header still reaches it (a smoke test before any traffic).
        int status = 0;
        QCOMPARE(predict("green", &status).size(), std::size_t(6));
        QCOMPARE(status, 200);

        auto canary = m_rollout->setTraffic(kEndpoint, splitWithShare(endpointNow().traffic(), "green", 10),
                                            "canary", CancelToken::none());
        REQUIRE_OK(canary);
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 90}, {"green", 10}}));
        auto promoted = m_rollout->setTraffic(kEndpoint, {{"green", 100}}, "promote", CancelToken::none());
        REQUIRE_OK(promoted);
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 0}, {"green", 100}}));
        QCOMPARE(predict({}).size(), std::size_t(6));

        auto rolledBack = m_rollout->rollback(kEndpoint, "roll back", CancelToken::none());
        REQUIRE_OK(rolledBack);
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 90}, {"green", 10}}));
        const auto records = deploymentRecords();
        QCOMPARE(records.size(), std::size_t(5)); // deploy, deploy, traffic, traffic, rollback
        QCOMPARE(records.back().action, ReleaseAction::Rollback);
        QCOMPARE(records.back().deployment->splitBefore, (TrafficSplit{{"blue", 0}, {"green", 100}}));
        QCOMPARE(records.back().deployment->splitAfter, (TrafficSplit{{"blue", 90}, {"green", 10}}));
        // The approval is untouched by deployment records: review verify still passes.
        auto status4 = loadReleaseStatus(*m_riley, kModel, "4", CancelToken::none());
        REQUIRE_OK(status4);
        QVERIFY2(status4.value().approved, status4.value().reason.c_str());
    }

    void unrecordedActionIsRecordedBeforeTheNextOne()
    {
        // As an action that succeeded on the endpoint while the trail could not take its record
        // leaves it: kept with the endpoint, written first by the next action there.
        auto gate = checkDeploymentGate(*m_riley, kModel, "3", false, CancelToken::none());
        REQUIRE_OK(gate);
        const TrafficSplit split = endpointNow().traffic();
        const PendingDeploymentRecord pending = pendingRecordOf(
            gate.value(), ReleaseAction::Traffic,
            DeploymentChange{"local", kEndpoint, "blue", split, split, {}}, "left over by a lost connection");
        auto reread = pendingRecordFromJson(pendingRecordToJson(pending));
        REQUIRE_OK(reread);
        QVERIFY(reread.value() == pending);
        REQUIRE_OK(m_target->setPendingRecords(kEndpoint, {pendingRecordToJson(pending)}));
        const std::size_t before = deploymentRecords().size();
        REQUIRE_OK(m_rollout->setTraffic(kEndpoint, {{"blue", 80}, {"green", 20}}, "more canary",
                                         CancelToken::none()));
        const auto records = deploymentRecords();
        QCOMPARE(records.size(), before + 2);
        QCOMPARE(records[records.size() - 2].comment, std::string("left over by a lost connection"));
        QCOMPARE(records[records.size() - 2].time, pending.time);
        QCOMPARE(records.back().comment, std::string("more canary"));
        auto left = m_target->pendingRecords(kEndpoint);
        REQUIRE_OK(left);
        QVERIFY(left.value().empty());
        REQUIRE_OK(m_rollout->rollback(kEndpoint, "back to 90/10", CancelToken::none()));
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 90}, {"green", 10}}));
    }

    void restartedRouterKeepsTheSplit()
    {
        REQUIRE_OK(m_target->stopRouter(kEndpoint));
        QCOMPARE(endpointNow().health, EndpointHealth::Down);
        // A target made afresh (a new console or CLI) finds the endpoint and its state.
        LocalTarget again(m_target->config());
        auto found = again.endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(found);
        QCOMPARE(found.value().health, EndpointHealth::Down);
        REQUIRE_OK(again.restartEndpoint(kEndpoint, access(), {}, CancelToken::none()));
        QCOMPARE(endpointNow().health, EndpointHealth::Running);
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 90}, {"green", 10}}));
        QCOMPARE(predict({}).size(), std::size_t(6));
    }

    void killedScoringServerIsMarkedAndRestarted()
    {
        const Json state =
            Json::parse(test::readTextFile(m_target->endpointDir(kEndpoint) + "/endpoint.json"));
        int pid = 0;
        for (const Json &item : state["deployments"])
            if (item["name"] == "green")
                pid = item["process"]["pid"].get<int>();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(-pid, SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(endpointNow().deployment("green")->health == DeploymentHealth::Dead, 10000);
        QCOMPARE(endpointNow().health, EndpointHealth::Degraded);
        // Requests still succeed: HAProxy sends them to the healthy deployment.
        QTRY_VERIFY_WITH_TIMEOUT(predict({}).size() == 6, 10000);
        REQUIRE_OK(m_target->restartEndpoint(kEndpoint, access(), {}, CancelToken::none()));
        QCOMPARE(endpointNow().deployment("green")->health, DeploymentHealth::Healthy);
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 90}, {"green", 10}}));
    }

    void revokedApprovalGetsNoMoreTraffic()
    {
        DecisionRequest revoke;
        revoke.model = kModel;
        revoke.version = "4";
        revoke.action = ReleaseAction::Revoke;
        revoke.comment = "drift found after release";
        REQUIRE_OK(decideRelease(*m_riley, revoke, CancelToken::none()));
        auto more = m_rollout->setTraffic(kEndpoint, {{"blue", 50}, {"green", 50}}, {}, CancelToken::none());
        QVERIFY(!more.ok());
        QCOMPARE(more.error().code, std::string(kRefusedNotApproved));
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 90}, {"green", 10}}));
        auto approvals = m_rollout->approvals(endpointNow(), CancelToken::none());
        REQUIRE_OK(approvals);
        QVERIFY(approvals.value().at("blue").approved);
        QVERIFY(!approvals.value().at("green").approved);
        // Less traffic for it is allowed (the way out), and so is its removal at 0 %.
        auto less = m_rollout->setTraffic(kEndpoint, {{"blue", 100}}, "take green out", CancelToken::none());
        REQUIRE_OK(less);
        auto removed = m_rollout->undeploy(kEndpoint, "green", "retired", CancelToken::none());
        REQUIRE_OK(removed);
        QVERIFY(removed.value().recorded());
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 100}}));
        const auto withTraffic = m_rollout->undeploy(kEndpoint, "blue", {}, CancelToken::none());
        QVERIFY(!withTraffic.ok());
        QCOMPARE(withTraffic.error().code, std::string("has_traffic"));
        QCOMPARE(deploymentRecords().back().action, ReleaseAction::Undeploy);
    }
};

QTEST_GUILESS_MAIN(TestLocalDeployment)
#include "tst_local_deployment.moc"
