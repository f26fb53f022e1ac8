// Endpoints watched through Prometheus: the settings that choose it (kept with the endpoint,
// beside its SLO rules), then end to end with a REAL Prometheus (the Debian package) scraping
// the HAProxy exporter of a real local endpoint (a copy of the seeded diabetes-classifier on
// the shared basic-auth server, fixture "mlflow_auth": the champion v3 and a canary that fails
// on 3 of the 6 demo rows). The counts are held against HAProxy's own request log, the
// watcher trips on the canary through Prometheus, and an endpoint that Prometheus no longer
// scrapes is stale, not healthy. Functions build on each other, in order; cleanupTestCase
// stops every process, also after a failure.
#include "result_assertions.h"

#include <local_endpoints.h>
#include <mlflow_test_server.h>
#include <prometheus_server.h>
#include <release_test_users.h>
#include <seeded_model_copy.h>

#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/monitor/endpoint_metrics.h>
#include <modelgate/core/monitor/load_generator.h>
#include <modelgate/core/monitor/local_metrics.h>
#include <modelgate/core/monitor/prometheus_metrics.h>
#include <modelgate/core/monitor/slo_watch.h>
#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>

using namespace modelgate;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-classifier-prometheus");
constexpr const char *kEndpoint = "diabetes-prom";
constexpr const char *kRiley = "riley.release";

PrometheusQueries haproxyQueries(const std::string &url)
{
    auto queries = prometheusPreset("haproxy", url);
    if (!queries.ok())
        qFatal("no haproxy preset");
    PrometheusQueries out = queries.value();
    out.scrapeIntervalSeconds = 1; // what the test's Prometheus does
    return out;
}

} // namespace

class TestPrometheusMetrics final : public QObject
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

    LoadPlan plan(double rate, int seconds) const
    {
        return test::demoRowsLoad(*m_target, *m_riley, kModel, kEndpoint, rate, seconds);
    }

    MetricsQuery lastMinutes(int minutes) const
    {
        MetricsQuery query;
        query.endpoint = kEndpoint;
        query.toMs = (unixMillisNow() / 1000 + 1) * 1000;
        query.fromMs = query.toMs - minutes * 60'000LL;
        query.stepMs = 10'000;
        query.expectedDeployments = {"blue", "green"};
        return query;
    }

    test::SharedAuthMlflow m_shared;
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-prom-XXXXXX")}; // short: HAProxy's socket path
    std::unique_ptr<LocalTarget> m_target;
    std::unique_ptr<MlflowClient> m_riley;
    std::unique_ptr<Rollout> m_rollout;
    test::PrometheusServer m_prometheus;
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
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(endpoint);
        QVERIFY2(!endpoint.value().metricsUri.empty(), "a local endpoint offers HAProxy's exporter");
        QVERIFY2(m_prometheus.start({{kEndpoint, endpoint.value().metricsUri}}),
                 qPrintable(m_prometheus.errorString()));
        QVERIFY2(m_prometheus.waitUntilScraped(kEndpoint, 30'000), qPrintable(m_prometheus.log()));
    }

    void cleanupTestCase()
    {
        m_prometheus.stop();
        test::cleanUpDeploymentTest(m_shared, m_data.path().toStdString() + "/endpoints", {kModel});
    }

    void settingsKeepTheSourceAndTheRulesApart()
    {
        const PrometheusQueries queries = haproxyQueries("http://prometheus.example:9090");
        auto withSource = withPrometheusQueries("", queries);
        REQUIRE_OK(withSource);
        SloPolicy strict = defaultSloPolicy();
        strict.autoRollback = true;
        auto both = withSloPolicy(withSource.value(), strict);
        REQUIRE_OK(both);
        auto readQueries = prometheusQueriesFromSettings(both.value());
        REQUIRE_OK(readQueries);
        QVERIFY(readQueries.value().has_value());
        QVERIFY(*readQueries.value() == queries);
        auto readPolicy = sloPolicyFromJson(both.value());
        REQUIRE_OK(readPolicy);
        QVERIFY(readPolicy.value() == strict);
        // Only a source: the default rules; no source: the target's own.
        auto onlySource = sloPolicyFromJson(withSource.value());
        REQUIRE_OK(onlySource);
        QVERIFY(onlySource.value() == defaultSloPolicy());
        auto removed = withPrometheusQueries(both.value(), std::nullopt);
        REQUIRE_OK(removed);
        QVERIFY(!prometheusQueriesFromSettings(removed.value()).value().has_value());
        QVERIFY(sloPolicyFromJson(removed.value()).value() == strict);

        // Bad settings are refused, naming the field.
        PrometheusQueries bad = queries;
        bad.deploymentLabel = "server-name";
        QVERIFY(!withPrometheusQueries("", bad).ok());
        auto wrong = prometheusQueriesFromSettings(
            "{\"metrics\": {\"source\": \"prometheus\", \"url\": \"ftp://x\", \"requests\": \"up\"}}");
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().kind, ErrorKind::Parse);
        QVERIFY2(wrong.error().message.find("metrics.url") != std::string::npos,
                 wrong.error().message.c_str());
        QVERIFY(!prometheusPreset("seldon", "http://x").ok());
        auto kserve = prometheusPreset("kserve", "http://x");
        REQUIRE_OK(kserve);
        QCOMPARE(kserve.value().latencyKind, PrometheusLatency::Histogram);
        const auto expressions = prometheusExpressions(kserve.value(), "diabetes", 300);
        QVERIFY2(expressions.at(0).find(
                     "increase(revision_app_request_count{service_name=~\"diabetes-predictor") !=
                     std::string::npos,
                 expressions.at(0).c_str());
        QVERIFY2(expressions.at(1).find("histogram_quantile(0.95") != std::string::npos,
                 expressions.at(1).c_str());
    }

    void countsFromPrometheusMatchTheRequestLog()
    {
        REQUIRE_OK(m_target->setMonitorSettings(
            kEndpoint, withPrometheusQueries("", haproxyQueries(m_prometheus.url())).value()));
        REQUIRE_OK(m_rollout->setTraffic(kEndpoint, {{"blue", 70}, {"green", 30}}, "canary at 30 %",
                                         CancelToken::none()));
        auto load = runLoad(plan(40, 4), {}, CancelToken::none());
        REQUIRE_OK(load);
        QVERIFY(load.value().failed() > 0);
        QTest::qWait(3000); // a few scrapes after the last request

        const auto source = metricsSourceFor(*m_target);
        auto report = source->query(lastMinutes(2), CancelToken::none());
        REQUIRE_OK(report);
        QCOMPARE(report.value().source, std::string("prometheus"));
        QVERIFY(report.value().dataUntilMs.has_value());
        QVERIFY2(*report.value().dataUntilMs > unixMillisNow() - 10'000, "a scrape within the last 10 s");
        auto exact = LocalMetricsSource(*m_target).query(lastMinutes(2), CancelToken::none());
        REQUIRE_OK(exact);
        // increase() extrapolates between scrapes: close to HAProxy's log, not equal.
        for (const char *name : {"blue", "green"}) {
            const DeploymentMetrics *fromPrometheus = report.value().deployment(name);
            const DeploymentMetrics *fromLog = exact.value().deployment(name);
            QVERIFY(fromPrometheus && fromLog);
            const double counted = static_cast<double>(fromPrometheus->window.requests());
            const double logged = static_cast<double>(fromLog->window.requests());
            QVERIFY2(logged > 0 && std::abs(counted - logged) <= std::max(3.0, 0.15 * logged),
                     qPrintable(QStringLiteral("%1: Prometheus %2, request log %3")
                                    .arg(QLatin1String(name))
                                    .arg(counted)
                                    .arg(logged)));
            QVERIFY(!fromPrometheus->buckets.empty());
        }
        QVERIFY(report.value().deployment("green")->window.status.client4xx > 0);
        QCOMPARE(report.value().deployment("blue")->window.status.client4xx, std::int64_t(0));
        // HAProxy's exporter has means, no histogram: no percentile, and the notes say why.
        const RequestStats &blue = report.value().deployment("blue")->window;
        QVERIFY(!blue.p95().has_value());
        QVERIFY(blue.averageMs.has_value() && *blue.averageMs > 0);
        bool explained = false;
        for (const std::string &note : report.value().notes)
            explained = explained || note.find("only average latencies") != std::string::npos;
        QVERIFY(explained);
    }

    void theCanaryTripsARuleThroughPrometheus()
    {
        SloPolicy policy = defaultSloPolicy();
        policy.autoRollback = true;
        auto stored = m_target->monitorSettings(kEndpoint);
        REQUIRE_OK(stored);
        REQUIRE_OK(m_target->setMonitorSettings(kEndpoint, withSloPolicy(stored.value(), policy).value()));
        const auto source = metricsSourceFor(*m_target);
        SloWatcher watcher(*m_riley, *m_target, *source, access());
        auto check = watcher.checkEndpoint(kEndpoint, true, CancelToken::none());
        REQUIRE_OK(check);
        QCOMPARE(check.value().reports.begin()->second.source, std::string("prometheus"));
        QVERIFY(check.value().evaluation.breached());
        QCOMPARE(check.value().responses.size(), std::size_t(1));
        const BreachResponse &response = check.value().responses.front();
        QCOMPARE(response.finding.deployment, std::string("green"));
        QVERIFY2(response.recorded, response.recordError.c_str());
        QVERIFY(response.rollback.has_value());
        // p95 rules cannot be judged on means: no verdict, never "met".
        bool latencyStale = false;
        for (const SloFinding &finding : check.value().evaluation.findings)
            if (finding.rule.signal == SloSignal::LatencyP95 && finding.deployment == "blue")
                latencyStale = finding.verdict == SloVerdict::Stale &&
                               finding.reason.find("only the mean") != std::string::npos;
        QVERIFY(latencyStale);
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(endpoint);
        QCOMPARE(endpoint.value().traffic(), (TrafficSplit{{"blue", 100}, {"green", 0}}));
    }

    void histogramsGivePercentiles()
    {
        // Prometheus' own metrics are a real exporter with histograms: its HTTP handlers are the
        // "deployments", and the queries this test has been sending are their requests.
        PrometheusQueries queries;
        queries.url = m_prometheus.url();
        queries.preset = "custom";
        queries.requests = "prometheus_http_requests_total{endpoint=\"$endpoint\"}";
        queries.deploymentLabel = "handler";
        queries.statusLabel = "code";
        queries.latencyKind = PrometheusLatency::Histogram;
        queries.latency = "prometheus_http_request_duration_seconds_bucket{endpoint=\"$endpoint\"}";
        queries.latencyUnitMs = 1000;
        queries.scrapeIntervalSeconds = 1;
        PrometheusMetricsSource source(queries, makeMetricsTransport());
        MetricsQuery query = lastMinutes(1);
        query.endpoint = test::PrometheusServer::kItself;
        query.expectedDeployments.clear();
        Result<MetricsReport> report = source.query(query, CancelToken::none());
        REQUIRE_OK(report);
        const DeploymentMetrics *api = report.value().deployment("/api/v1/query");
        QVERIFY2(api, "no requests of the handler /api/v1/query");
        QVERIFY(api->window.status.ok2xx > 0);
        QVERIFY(api->window.p50().has_value() && api->window.p95().has_value() &&
                api->window.p99().has_value());
        QVERIFY(*api->window.p50() <= *api->window.p99());
        QVERIFY(!api->window.averageMs.has_value());
        bool stepPercentile = false;
        for (const MetricsBucket &bucket : api->buckets)
            stepPercentile = stepPercentile || bucket.p95.has_value();
        QVERIFY(stepPercentile);
        bool explained = false;
        for (const std::string &note : report.value().notes)
            explained = explained || note.find("histogram_quantile") != std::string::npos;
        QVERIFY(explained);
    }

    void anEndpointPrometheusNoLongerScrapesIsStale()
    {
        auto before = m_target->endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(before);
        EndpointInfo endpoint = before.value();
        endpoint.deployments[0].traffic = 90; // as if the canary were still in
        endpoint.deployments[1].traffic = 10;
        REQUIRE_OK(m_target->deleteEndpoint(kEndpoint, CancelToken::none())); // its exporter goes
        PrometheusMetricsSource source(haproxyQueries(m_prometheus.url()), makeMetricsTransport());
        MetricsQuery query = lastMinutes(1);
        Result<MetricsReport> report = source.query(query, CancelToken::none());
        for (int i = 0; i < 40 && report.ok() && report.value().dataUntilMs.value_or(0) > 0; ++i) {
            QTest::qWait(250); // the failed scrape marks the series stale
            query = lastMinutes(1);
            report = source.query(query, CancelToken::none());
        }
        REQUIRE_OK(report);
        QCOMPARE(report.value().dataUntilMs.value_or(-1), std::int64_t(0));
        // The window still holds the failing canary's requests, but no current data: stale.
        const SloEvaluation evaluation = evaluateSlo(defaultSloPolicy(), endpoint, {{60, report.value()}});
        QCOMPARE(evaluation.overall(), SloVerdict::Stale);
        QVERIFY(!evaluation.breached());
        QVERIFY2(evaluation.findings.front().reason.find("no current data from prometheus") !=
                     std::string::npos,
                 evaluation.findings.front().reason.c_str());
    }
};

QTEST_GUILESS_MAIN(TestPrometheusMetrics)
#include "tst_prometheus_metrics.moc"
