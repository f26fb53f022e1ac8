// Monitoring on this machine end to end: real HAProxy in front of real `mlflow models serve`
// processes (a copy of the seeded diabetes-classifier on the shared basic-auth server, fixture
// "mlflow_auth"): the champion v3 and a faulty canary registered for the test (it fails on 3
// of the 6 rows of scripts/demo_patients.csv, as a model with a bug would). The load
// generator's counts are held against HAProxy's log, and the watcher catches the canary,
// records the breach once and rolls it back. Functions build on each other, in order;
// cleanupTestCase stops every process, also after a failure.
#include "result_assertions.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <local_endpoints.h>
#include <mlflow_test_server.h>
#include <release_test_users.h>
#include <seeded_model_copy.h>
#include <sstream>
#include <thread>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/monitor/load_generator.h>
#include <modelgate/core/monitor/local_metrics.h>
#include <modelgate/core/monitor/slo_watch.h>
#include <modelgate/core/release/deployment_gate.h>
#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>

using namespace modelgate;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-classifier-monitor");
constexpr const char *kEndpoint = "diabetes-watch";
constexpr const char *kRiley = "riley.release";

} // namespace

class TestLocalMonitoring final : public QObject
{
    Q_OBJECT

private:
    MlflowClient riley() const { return test::clientAs(m_shared.uri(), kRiley, m_shared.password(kRiley)); }

    RegistryAccess access() const
    {
        RegistryAccess out;
        out.trackingUri = m_riley->config().trackingUri;
        out.credentials = m_riley->config().credentials;
        return out;
    }

    LoadPlan plan(double rate, int seconds, const std::string &deployment = {}) const
    {
        return test::demoRowsLoad(*m_target, *m_riley, kModel, kEndpoint, rate, seconds, deployment);
    }

    MetricsReport lastMinutes(int minutes)
    {
        MetricsQuery query;
        query.endpoint = kEndpoint;
        query.toMs = (unixMillisNow() / 1000 + 1) * 1000;
        query.fromMs = query.toMs - minutes * 60'000LL;
        query.stepMs = query.toMs - query.fromMs;
        auto report = LocalMetricsSource(*m_target).query(query, CancelToken::none());
        if (!report.ok())
            qFatal("metrics query failed: %s", test::describeForTest(report.error()));
        return report.value();
    }

    // The last ten minutes once HAProxy has logged `expected` more requests than `before` (it
    // writes a request's line just after the client has its answer), or after 5 s.
    MetricsReport settledAfter(const MetricsReport &before, std::int64_t expected)
    {
        MetricsReport now = lastMinutes(10);
        for (int i = 0; i < 50 && now.total.requests() - before.total.requests() < expected; ++i) {
            QTest::qWait(100);
            now = lastMinutes(10);
        }
        return now;
    }

    std::vector<ReleaseRecord> records(ReleaseAction action) const
    {
        auto snapshot = ReleaseLedger(*m_riley).read(kModel, CancelToken::none());
        if (!snapshot.ok())
            qFatal("reading the ledger failed");
        const TrailVerification trail = verifyTrail(snapshot.value().ledgerParams, kModel, nullptr);
        if (!trail.ok)
            qFatal("the trail does not verify: %s", trail.reason.c_str());
        std::vector<ReleaseRecord> out;
        for (const TrailEntry &entry : trail.entries)
            if (entry.record && entry.record->action == action)
                out.push_back(*entry.record);
        return out;
    }

    test::SharedAuthMlflow m_shared;
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-monitor-XXXXXX")}; // short: HAProxy's socket path
    std::unique_ptr<LocalTarget> m_target;
    std::unique_ptr<MlflowClient> m_riley;
    std::unique_ptr<Rollout> m_rollout;
    std::string m_faulty;

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        QVERIFY2(m_data.isValid(), "no temporary folder");
        LocalTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/endpoints";
        config.mlflowExecutable = test::mlflowExecutable();
        m_target = std::make_unique<LocalTarget>(config);
        m_riley = std::make_unique<MlflowClient>(riley());
        m_rollout = std::make_unique<Rollout>(*m_riley, *m_target, access());
        auto faulty = test::setUpCanaryDrill(m_shared, *m_riley, *m_rollout, kModel, kEndpoint);
        REQUIRE_OK(faulty);
        m_faulty = faulty.value();
    }

    void cleanupTestCase()
    {
        test::cleanUpDeploymentTest(m_shared, m_data.path().toStdString() + "/endpoints", {kModel});
    }

    void loadGoesOnlyWhereItMay()
    {
        LoadPlan tooFast = plan(kMaxLoadRate + 1, 1);
        QVERIFY(!validateLoadPlan(tooFast).ok());
        LoadPlan elsewhere = plan(1, 1);
        elsewhere.url = "http://192.0.2.1:8080/invocations";
        auto refused = runLoad(elsewhere, {}, CancelToken::none());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("loopback") != std::string::npos,
                 refused.error().message.c_str());
    }

    void metricsCountEveryRequestByDeploymentAndClass()
    {
        const MetricsReport before = lastMinutes(10);
        // 120 requests to the champion alone and 60 to the canary alone (header-routed), each
        // row in turn: the canary fails on half of them with a 4xx.
        int progressCalls = 0;
        auto champion = runLoad(
            plan(40, 3, "blue"), [&](const LoadReport &) { ++progressCalls; }, CancelToken::none());
        REQUIRE_OK(champion);
        auto canary = runLoad(plan(20, 3, "green"), {}, CancelToken::none());
        REQUIRE_OK(canary);
        QVERIFY(progressCalls >= 3);
        QCOMPARE(champion.value().sent, std::int64_t(120));
        QCOMPARE(champion.value().succeeded, std::int64_t(120));
        QCOMPARE(canary.value().sent, std::int64_t(60));
        QCOMPARE(canary.value().succeeded, std::int64_t(30));
        std::int64_t canary4xx = 0;
        for (const auto &[status, count] : canary.value().failedByStatus) {
            QVERIFY2(status >= 400 && status < 500, std::to_string(status).c_str());
            canary4xx += count;
        }
        QCOMPARE(canary4xx, std::int64_t(30));

        const MetricsReport after = settledAfter(before, 180);
        const auto delta = [&](const std::string &name, auto field) {
            const DeploymentMetrics *was = before.deployment(name);
            const DeploymentMetrics *now = after.deployment(name);
            return (now ? field(now->window) : 0) - (was ? field(was->window) : 0);
        };
        const auto requests = [](const RequestStats &s) { return s.requests(); };
        const auto client4xx = [](const RequestStats &s) { return s.status.client4xx; };
        QCOMPARE(delta("blue", requests), std::int64_t(120));
        QCOMPARE(delta("green", requests), std::int64_t(60));
        QCOMPARE(delta("green", client4xx), std::int64_t(30));
        QCOMPARE(after.total.requests() - before.total.requests(), std::int64_t(180));
        std::int64_t sum = 0;
        for (const DeploymentMetrics &item : after.deployments)
            sum += item.window.requests();
        QCOMPARE(sum, after.total.requests());
        // Server-side p95 (HAProxy) within the client's (which adds the client's own time).
        const double server = *after.deployment("blue")->window.p95();
        const double client = *champion.value().latency.percentile(95);
        QVERIFY2(server <= client + 2 && server >= client * 0.5 - 5,
                 (std::to_string(server) + " vs " + std::to_string(client)).c_str());
        // CPU and memory of each scoring server's process tree.
        QVERIFY(after.deployment("blue")->resources.has_value());
        QVERIFY(after.deployment("blue")->resources->memoryBytes > 50 * 1024 * 1024);
        QVERIFY(after.deployment("blue")->resources->processes >= 1);
        // Connections and queue from HAProxy's own statistics (known, idle now).
        QCOMPARE(after.deployment("blue")->resources->queued, 0);
        QVERIFY(after.deployment("blue")->resources->connections >= 0);
    }

    // The live stream: while the load runs, two readers query one source from their own
    // threads, as the console's chart (every second) and the watcher do. Each query succeeds,
    // and the source that read the log while it grew counts what a fresh reader counts (with
    // real HAProxy writing; tst_metrics_stream is the same without processes, for ThreadSanitizer).
    void liveReadersDuringLoadCountEveryRequestOnce()
    {
        const MetricsReport before = lastMinutes(10);
        LocalMetricsSource shared(*m_target);
        std::atomic<bool> loading{true};
        std::atomic<int> queries{0};
        std::atomic<int> failures{0};
        const auto reader = [&] {
            while (loading.load()) {
                MetricsQuery query;
                query.endpoint = kEndpoint;
                query.toMs = unixMillisNow();
                query.fromMs = query.toMs - 60'000;
                query.stepMs = 1000;
                if (shared.query(query, CancelToken::none()).ok())
                    ++queries;
                else
                    ++failures;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        };
        std::thread console(reader);
        std::thread watcher(reader);
        auto load = runLoad(plan(40, 2, "blue"), {}, CancelToken::none());
        loading = false;
        console.join();
        watcher.join();
        REQUIRE_OK(load);
        QCOMPARE(load.value().sent, std::int64_t(80));
        QCOMPARE(failures.load(), 0);
        QVERIFY2(queries.load() >= 4, std::to_string(queries.load()).c_str());

        const MetricsReport fresh = settledAfter(before, 80);
        QCOMPARE(fresh.total.requests() - before.total.requests(), std::int64_t(80));
        MetricsQuery same;
        same.endpoint = kEndpoint;
        same.toMs = fresh.toMs;
        same.fromMs = fresh.fromMs;
        same.stepMs = same.toMs - same.fromMs;
        const auto followed = shared.query(same, CancelToken::none());
        REQUIRE_OK(followed);
        QCOMPARE(followed.value().total.requests(), fresh.total.requests());
    }

    void aNewRouterStartsANewRequestLogAndNothingIsLostOrRepeated()
    {
        // HAProxy clears O_APPEND on its log descriptor, so each HAProxy process writes a file of
        // its own: a reader that follows them (the console's) and one that starts afterwards (the
        // CLI's) both count every request once across a restart of the router.
        LocalMetricsSource following(*m_target);
        MetricsQuery query;
        query.endpoint = kEndpoint;
        query.fromMs = unixMillisNow() - 3'600'000;
        query.stepMs = 3'600'000 + 120'000;
        query.toMs = query.fromMs + query.stepMs;
        auto before = following.query(query, CancelToken::none());
        REQUIRE_OK(before);
        REQUIRE_OK(runLoad(plan(40, 2, "blue"), {}, CancelToken::none()));
        REQUIRE_OK(m_target->stopRouter(kEndpoint));
        REQUIRE_OK(m_target->restartEndpoint(kEndpoint, access(), {}, CancelToken::none()));
        REQUIRE_OK(runLoad(plan(40, 2, "blue"), {}, CancelToken::none()));
        const QDir logs(QString::fromStdString(m_target->requestLogDir(kEndpoint)));
        QVERIFY(logs.entryList({QStringLiteral("*.log")}, QDir::Files).size() >= 2);
        auto after = following.query(query, CancelToken::none());
        REQUIRE_OK(after);
        for (int i = 0; i < 50 && after.value().total.requests() - before.value().total.requests() < 160;
             ++i) {
            QTest::qWait(100); // HAProxy logs a request just after its answer
            after = following.query(query, CancelToken::none());
            REQUIRE_OK(after);
        }
        QCOMPARE(after.value().total.requests() - before.value().total.requests(), std::int64_t(160));
        LocalMetricsSource fresh(*m_target);
        auto fromStart = fresh.query(query, CancelToken::none());
        REQUIRE_OK(fromStart);
        QCOMPARE(fromStart.value().total.requests(), after.value().total.requests());

        // Beyond the size kept, the oldest files go; the running router's stays.
        LocalTargetConfig small = m_target->config();
        small.maxRequestLogBytes = 1024;
        REQUIRE_OK(LocalTarget(small).endpoint(kEndpoint, CancelToken::none()));
        QCOMPARE(logs.entryList({QStringLiteral("*.log")}, QDir::Files).size(), qsizetype(1));
        auto pruned = following.query(query, CancelToken::none());
        REQUIRE_OK(pruned);
        QCOMPARE(pruned.value().total.requests(), after.value().total.requests()); // counted stays counted
        LocalMetricsSource late(*m_target);
        auto newestOnly = late.query(query, CancelToken::none());
        REQUIRE_OK(newestOnly);
        QCOMPARE(newestOnly.value().total.requests(), std::int64_t(80));
    }

    void malformedRequestsCountAs4xx()
    {
        const MetricsReport before = lastMinutes(10);
        for (int i = 0; i < 5; ++i) {
            auto answer = m_target->invoke(kEndpoint, "blue", "{not json", CancelToken::none());
            REQUIRE_OK(answer);
            QVERIFY(answer.value().status >= 400 && answer.value().status < 500);
        }
        const MetricsReport after = settledAfter(before, 5);
        QCOMPARE(after.deployment("blue")->window.status.client4xx -
                     (before.deployment("blue") ? before.deployment("blue")->window.status.client4xx : 0),
                 std::int64_t(5));
    }

    void breachIsRecordedOnceAndTheCanaryRolledBack()
    {
        SloPolicy policy = defaultSloPolicy();
        policy.autoRollback = true;
        REQUIRE_OK(m_target->setMonitorSettings(kEndpoint, sloPolicyToJson(policy)));
        REQUIRE_OK(m_rollout->setTraffic(kEndpoint, {{"blue", 70}, {"green", 30}}, "canary at 30 %",
                                         CancelToken::none()));
        // Traffic through the split (no header), as the clinic's app sends it.
        auto load = runLoad(plan(40, 4), {}, CancelToken::none());
        REQUIRE_OK(load);
        QVERIFY(load.value().failed() > 0);

        // Two watchers (two consoles, or a console and `endpoint watch`) see the same breach at
        // once: the trail's write-once record lets exactly one of them act.
        LocalMetricsSource sourceA(*m_target);
        LocalMetricsSource sourceB(*m_target);
        const MlflowClient clientB = riley();
        LocalTarget targetB(m_target->config());
        SloWatcher watcherA(*m_riley, *m_target, sourceA, access());
        SloWatcher watcherB(clientB, targetB, sourceB, access());
        auto a = std::async(std::launch::async,
                            [&] { return watcherA.checkEndpoint(kEndpoint, true, CancelToken::none()); });
        auto b = std::async(std::launch::async,
                            [&] { return watcherB.checkEndpoint(kEndpoint, true, CancelToken::none()); });
        const Result<WatchCheck> checkA = a.get();
        const Result<WatchCheck> checkB = b.get();
        REQUIRE_OK(checkA);
        REQUIRE_OK(checkB);
        int recorded = 0;
        int rolledBack = 0;
        for (const WatchCheck *check : {&checkA.value(), &checkB.value()})
            for (const BreachResponse &response : check->responses) {
                QVERIFY2(response.recordError.empty(), response.recordError.c_str());
                QVERIFY2(response.rollbackError.empty(), response.rollbackError.c_str());
                QCOMPARE(response.finding.deployment, std::string("green"));
                recorded += response.recorded ? 1 : 0;
                rolledBack += response.rollback ? 1 : 0;
            }
        QCOMPARE(recorded, 1);
        QCOMPARE(rolledBack, 1);
        const auto breaches = records(ReleaseAction::Breach);
        QCOMPARE(breaches.size(), std::size_t(1));
        QCOMPARE(breaches.front().version, m_faulty);
        QVERIFY2(breaches.front().comment.find("errors (4xx+5xx)") != std::string::npos,
                 breaches.front().comment.c_str());
        QCOMPARE(breaches.front().deployment->splitBefore, (TrafficSplit{{"blue", 70}, {"green", 30}}));
        const auto rollbacks = records(ReleaseAction::Rollback);
        QCOMPARE(rollbacks.size(), std::size_t(1));
        QCOMPARE(rollbacks.front().deployment->splitAfter, (TrafficSplit{{"blue", 100}, {"green", 0}}));
        QVERIFY(rollbacks.front().comment.find("automatic rollback") != std::string::npos);
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(endpoint);
        QCOMPARE(endpoint.value().traffic(), (TrafficSplit{{"blue", 100}, {"green", 0}}));

        // The same breach is not recorded again, by a watcher that did not see it either.
        LocalMetricsSource sourceC(*m_target);
        SloWatcher watcherC(*m_riley, *m_target, sourceC, access());
        auto again = watcherC.checkEndpoint(kEndpoint, true, CancelToken::none());
        REQUIRE_OK(again);
        QVERIFY(again.value().responses.empty());
        QCOMPARE(records(ReleaseAction::Breach).size(), std::size_t(1));
    }

    void aBreachOnceRecordedRefusesASecondWriter()
    {
        auto gate = checkDeploymentGate(*m_riley, kModel, m_faulty, false, CancelToken::none());
        REQUIRE_OK(gate);
        DeploymentChange change;
        change.target = "local";
        change.endpoint = kEndpoint;
        change.name = "green";
        change.splitBefore = {{"blue", 70}, {"green", 30}};
        change.verifiedHead = gate.value().trail.headHash;
        // The breach at 70/30 is in the trail; the rollback after it opened a new round, so a
        // breach at the split now is a new one, and a second one after it is refused.
        change.splitBefore = {{"blue", 100}, {"green", 0}};
        auto first = recordBreach(*m_riley, gate.value(), change, "SLO breach: drill", CancelToken::none());
        REQUIRE_OK(first);
        auto second = recordBreach(*m_riley, gate.value(), change, "SLO breach: drill", CancelToken::none());
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, std::string(kRefusedBreachRecorded));
        QVERIFY2(second.error().message.find(kRiley) != std::string::npos, second.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestLocalMonitoring)
#include "tst_local_monitoring.moc"
