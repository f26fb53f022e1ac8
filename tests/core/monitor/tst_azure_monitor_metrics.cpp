// Azure Monitor as the metrics source of Azure ML endpoints. First the parser, on the project's
// own fixtures (tests/data/azure, written from Azure's documented and recorded answers), and
// the report and its cache on answers a scripted transport gives. Then end to end against the
// local stand-in of Azure (scripts/azure_ml_fake.py), whose metrics come from the requests its
// real scoring servers answered: a faulty canary trips an SLO rule from Azure Monitor's
// figures, and figures held back by the ingestion delay are stale, never healthy.
#include "result_assertions.h"

#include <azure_ml_fake.h>
#include <local_endpoints.h>
#include <mlflow_test_server.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <seeded_model_copy.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <modelgate/core/azure/azure_credential.h>
#include <modelgate/core/deploy/azure_ml_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/http/counting_transport.h>
#include <modelgate/core/monitor/azure_monitor_metrics.h>
#include <modelgate/core/monitor/endpoint_metrics.h>
#include <modelgate/core/monitor/slo.h>
#include <modelgate/core/monitor/slo_watch.h>
#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_policy.h>
#include <modelgate/core/workspace/azure_session.h>

using namespace modelgate;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-azmon");
constexpr const char *kEndpoint = "diabetes-azmon";
constexpr const char *kRiley = "riley.release";

std::string fixture(const char *name)
{
    return test::readTextFile(std::string(MODELGATE_SOURCE_DIR "/tests/data/azure/") + name);
}

// 2026-12-04T10:MM:00Z, the minutes of the fixtures.
std::int64_t at(int minute)
{
    return *parseAzureTimestamp("2026-12-04T10:00:00Z") + minute * 60'000LL;
}

// ARM as the fixtures describe it: answers by the metric names asked for; records each URL.
class ScriptedArm final : public HttpTransport
{
public:
    Result<HttpResponse> send(const HttpRequest &request, const CancelToken &) override
    {
        std::lock_guard lock(m_mutex);
        m_urls.push_back(request.url);
        HttpResponse response;
        response.status = status;
        if (status != 200) {
            response.headers = {{"content-type", "application/json"}};
            response.body =
                R"({"error":{"code":"ResourceNotFound","message":"The Resource was not found."}})";
            return response;
        }
        const QUrlQuery query(QUrl(QString::fromStdString(request.url)));
        const QString names = query.queryItemValue(QStringLiteral("metricnames"), QUrl::FullyDecoded);
        if (QString::fromStdString(request.url).contains(QStringLiteral("/deployments/")))
            response.body = fixture("metrics_deployment_usage.json");
        else if (names.startsWith(QStringLiteral("RequestsPerMinute")))
            response.body = fixture("metrics_requests_by_class.json");
        else if (names.startsWith(QStringLiteral("RequestLatency")))
            response.body = fixture("metrics_latency_by_deployment.json");
        else
            response.body = fixture("metrics_connections.json");
        return response;
    }
    std::vector<std::string> urls() const
    {
        std::lock_guard lock(m_mutex);
        return m_urls;
    }

    int status = 200;

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_urls;
};

std::shared_ptr<const ArmClient> scriptedArm(std::shared_ptr<HttpTransport> transport)
{
    AzureWorkspace workspace;
    workspace.subscriptionId = "00000000-0000-4000-8000-000000000001";
    workspace.resourceGroup = "rg-test";
    workspace.workspace = "ws-test";
    workspace.region = "westeurope";
    workspace.armBaseUrl = "https://management.example";
    return std::make_shared<ArmClient>(workspace, std::move(transport), nullptr);
}

MetricsQuery fixtureQuery()
{
    MetricsQuery query;
    query.endpoint = "ep";
    query.fromMs = at(0);
    query.toMs = at(6);
    query.stepMs = 1000;
    query.withResources = true;
    query.expectedDeployments = {"blue", "green", "red"};
    return query;
}

QString param(const std::string &url, const char *name)
{
    // Keys compared decoded: "$filter" goes on the wire as "%24filter".
    const QUrlQuery query(QUrl(QString::fromStdString(url)));
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        if (key == QLatin1String(name))
            return value;
    return {};
}

EndpointInfo canaryEndpoint(const std::string &name)
{
    EndpointInfo endpoint;
    endpoint.name = name;
    endpoint.target = "azureml";
    endpoint.deployments = {DeploymentInfo{"blue", kModel, "3", 90, DeploymentHealth::Healthy, {}, {}},
                            DeploymentInfo{"green", kModel, "5", 10, DeploymentHealth::Healthy, {}, {}}};
    return endpoint;
}

SloPolicy errorRule(int windowSeconds)
{
    SloRule rule;
    rule.signal = SloSignal::ErrorPercent;
    rule.comparison = SloComparison::AboveChampion;
    rule.limit = 5;
    rule.windowSeconds = windowSeconds;
    rule.minRequests = 3;
    return SloPolicy{{rule}, false};
}

std::string countsOf(const MetricsReport &report)
{
    std::string text;
    for (const DeploymentMetrics &deployment : report.deployments)
        text += deployment.deployment + ": 2xx " + std::to_string(deployment.window.status.ok2xx) + ", 4xx " +
                std::to_string(deployment.window.status.client4xx) + ", 5xx " +
                std::to_string(deployment.window.status.server5xx) + "; ";
    return text + "data until " + (report.dataUntilMs ? azureTimestamp(*report.dataUntilMs) : "-");
}

} // namespace

class TestAzureMonitorMetrics final : public QObject
{
    Q_OBJECT

private:
    test::AzureMlFake::Principal rileyUser() const
    {
        return test::AzureMlFake::forwardedTo(m_shared, kRiley, "riley-azure-password",
                                              "00000000-0000-4000-8000-00000000a11e", kRiley);
    }

    test::AzureMlFake::Options fakeOptions(double metricsDelaySeconds) const
    {
        test::AzureMlFake::Options options = test::AzureMlFake::optionsFor(m_shared);
        options.users = {rileyUser()};
        options.metricsDelaySeconds = metricsDelaySeconds;
        return options;
    }

    // Signed in to `fake` through the Azure CLI as riley (scripts/fake-az): the trail's
    // identity comes from the token, and riley is an enrolled reviewer.
    Result<AzureSession> session(const test::AzureMlFake &fake) const
    {
        qputenv("MODELGATE_FAKE_AZ_LOGIN", fake.writeAzLogin(rileyUser()).toUtf8());
        Profile profile;
        profile.name = "azmon-test";
        profile.authKind = AuthKind::Bearer;
        AzureProfile azure;
        azure.workspace = fake.workspace();
        azure.signIn = AzureSignIn::AzureCli;
        profile.azure = azure;
        Environment env;
        env.vars["MODELGATE_AZURE_CLI"] = MODELGATE_SOURCE_DIR "/scripts/fake-az";
        return openAzureSession(profile, env, {}, {}, CancelToken::none());
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

    bool m_sharedReady = false;
    test::SharedAuthMlflow m_shared;
    test::AzureMlFake m_fake;
    test::AzureMlFake m_delayedFake;
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-azmon-test-XXXXXX")};
    std::optional<AzureSession> m_session;
    std::unique_ptr<MlflowClient> m_registry;
    std::unique_ptr<AzureMlTarget> m_target;

private Q_SLOTS:
    void cleanupTestCase()
    {
        if (m_target)
            test::deleteEndpoints(*m_target);
        m_fake.stop();
        m_delayedFake.stop();
        qunsetenv("MODELGATE_FAKE_AZ_LOGIN");
        if (m_sharedReady)
            test::deleteModels(test::sharedAdmin(m_shared), {kModel});
    }

    void timestampsRoundTrip()
    {
        QCOMPARE(azureTimestamp(at(4) + 59'999), std::string("2026-12-04T10:04:59Z"));
        QCOMPARE(parseAzureTimestamp("2026-12-04T10:04:00.000Z"), std::optional<std::int64_t>(at(4)));
        QCOMPARE(parseAzureTimestamp("2026-12-04T11:04:00+01:00"), std::optional<std::int64_t>(at(4)));
        QCOMPARE(parseAzureTimestamp("2026-12-04T10:04:30.5Z"), std::optional<std::int64_t>(at(4) + 30'500));
        QCOMPARE(*parseAzureTimestamp(azureTimestamp(at(7))), at(7));
        for (const char *bad :
             {"", "yesterday", "2026-13-04T10:00:00Z", "2026-12-04 10:00:00Zulu", "2026-12-04"})
            QVERIFY2(!parseAzureTimestamp(bad), bad);
    }

    void parsesRequestsByStatusClass()
    {
        auto series = parseAzureMetricsResponse(fixture("metrics_requests_by_class.json"), "Total");
        REQUIRE_OK(series);
        QCOMPARE(series->size(), std::size_t(3));
        const AzureMetricSeries &blueOk = series->at(0);
        QCOMPARE(blueOk.metric, std::string("RequestsPerMinute"));
        QCOMPARE(blueOk.unit, std::string("Count"));
        // Azure sends dimension names lower-cased: they are kept so, whatever the $filter said.
        QCOMPARE(blueOk.dimensions,
                 (std::map<std::string, std::string>{{"deployment", "blue"}, {"statuscodeclass", "2xx"}}));
        QCOMPARE(blueOk.points.size(), std::size_t(6));
        QCOMPARE(blueOk.points[0], std::make_pair(at(0), std::optional<double>(0.0))); // zero-filled
        QCOMPARE(blueOk.points[2], std::make_pair(at(2), std::optional<double>(30.0)));
        QCOMPARE(blueOk.points[4], std::make_pair(at(4), std::optional<double>())); // not ingested yet
        // A point can be missing altogether (blue's 4xx have no 10:03).
        QCOMPARE(series->at(1).points.size(), std::size_t(5));
        QCOMPARE(series->at(1).points[3].first, at(4));
        // Only the aggregate asked for counts: Total was, Average was not.
        auto averages = parseAzureMetricsResponse(fixture("metrics_requests_by_class.json"), "Average");
        REQUIRE_OK(averages);
        for (const AzureMetricSeries &one : averages.value())
            for (const auto &point : one.points)
                QVERIFY(!point.second);
    }

    void parsesUnitsAndDimensionlessSeries()
    {
        auto latency = parseAzureMetricsResponse(fixture("metrics_latency_by_deployment.json"), "average");
        REQUIRE_OK(latency);
        QCOMPARE(latency->size(), std::size_t(6));
        // The recorded answers say "MilliSeconds", the documentation "Milliseconds": both are read.
        QCOMPARE(latency->at(0).unit, std::string("MilliSeconds"));
        QCOMPARE(latency->at(2).unit, std::string("Milliseconds"));
        QCOMPARE(latency->at(2).metric, std::string("RequestLatency_P95"));
        QCOMPARE(latency->at(2).points[1].second, std::optional<double>(40.0));
        // Without a $filter there are no dimensions: metadatavalues is [].
        auto connections = parseAzureMetricsResponse(fixture("metrics_connections.json"), "Average");
        REQUIRE_OK(connections);
        QCOMPARE(connections->size(), std::size_t(1));
        QVERIFY(connections->front().dimensions.empty());
        QCOMPARE(connections->front().points[3].second, std::optional<double>(0.75));
    }

    void readsMemberNamesInAnyCase()
    {
        auto series = parseAzureMetricsResponse(fixture("metrics_mixed_case.json"), "Total");
        REQUIRE_OK(series);
        QCOMPARE(series->size(), std::size_t(1));
        QCOMPARE(series->front().metric, std::string("RequestsPerMinute"));
        QCOMPARE(series->front().dimensions,
                 (std::map<std::string, std::string>{{"deployment", "blue"}, {"statuscodeclass", "2xx"}}));
        QCOMPARE(series->front().points,
                 (std::vector<std::pair<std::int64_t, std::optional<double>>>{{at(1), 7.0}, {at(2), 3.0}}));
    }

    void aMetricAzureCouldNotGiveIsNamed()
    {
        auto series = parseAzureMetricsResponse(fixture("metrics_error_code.json"), "Average");
        QVERIFY(!series.ok());
        QCOMPARE(series.error().kind, ErrorKind::Api);
        QCOMPARE(series.error().code, std::string("MetricNotReady"));
        QVERIFY2(series.error().message.find("RequestLatency_P99") != std::string::npos,
                 series.error().message.c_str());
    }

    void malformedAnswersAreParseErrors_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("field");
        const auto file = [](const char *name) { return QString::fromStdString(fixture(name)); };
        QTest::newRow("truncated") << file("metrics_truncated.json") << QString();
        QTest::newRow("data is an object")
            << file("metrics_wrong_types.json") << QStringLiteral("value[0].timeseries[0].data");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("an array") << QStringLiteral("[]") << QString();
        QTest::newRow("value is an object") << QStringLiteral(R"({"value":{}})") << QStringLiteral("value");
        QTest::newRow("metric is a string")
            << QStringLiteral(R"({"value":["RequestsPerMinute"]})") << QStringLiteral("value[0]");
        QTest::newRow("no name") << QStringLiteral(R"({"value":[{"timeseries":[]}]})")
                                 << QStringLiteral("value[0].name");
        QTest::newRow("timeseries is a number")
            << QStringLiteral(R"({"value":[{"name":{"value":"X"},"timeseries":3}]})")
            << QStringLiteral("value[0].timeseries");
        QTest::newRow("metadatavalues is an object")
            << QStringLiteral(
                   R"({"value":[{"name":{"value":"X"},"timeseries":[{"metadatavalues":{},"data":[]}]}]})")
            << QStringLiteral("value[0].timeseries[0].metadatavalues");
        QTest::newRow("timeStamp unreadable")
            << QStringLiteral(
                   R"({"value":[{"name":{"value":"X"},"timeseries":[{"data":[{"timeStamp":"soon","total":1}]}]}]})")
            << QStringLiteral("value[0].timeseries[0].data[0].timeStamp");
        QTest::newRow("total is a string")
            << QStringLiteral(
                   R"({"value":[{"name":{"value":"X"},"timeseries":[{"data":[{"timeStamp":"2026-12-04T10:00:00Z","total":"12"}]}]}]})")
            << QStringLiteral("value[0].timeseries[0].data[0].total");
    }

    void malformedAnswersAreParseErrors()
    {
        QFETCH(QString, body);
        QFETCH(QString, field);
        auto series = parseAzureMetricsResponse(body.toStdString(), "Total");
        QVERIFY(!series.ok());
        QCOMPARE(series.error().kind, ErrorKind::Parse);
        QCOMPARE(QString::fromStdString(series.error().field), field);
        QVERIFY(!series.error().message.empty());
    }

    void reportFromAzureAnswers()
    {
        auto arm = std::make_shared<ScriptedArm>();
        AzureMonitorMetricsSource source(scriptedArm(arm));
        QCOMPARE(source.kind(), std::string("azure-monitor"));
        auto report = source.query(fixtureQuery(), CancelToken::none());
        REQUIRE_OK(report);
        QCOMPARE(report->source, std::string("azure-monitor"));
        QCOMPARE(report->stepMs, std::int64_t(60'000)); // Azure's finest grain
        // Ingested up to 10:03 (10:04 and 10:05 carry no value yet); requests up to 10:03 too.
        QCOMPARE(report->dataUntilMs, std::optional<std::int64_t>(at(4)));
        QCOMPARE(report->newestDataMs, std::optional<std::int64_t>(at(4)));
        QCOMPARE(report->activeConnections, std::optional<double>(0.75));
        QCOMPARE(report->deployments.size(), std::size_t(3));

        const DeploymentMetrics *blue = report->deployment("blue");
        QVERIFY(blue);
        QCOMPARE(blue->window.seconds, 360.0);
        QCOMPARE(blue->window.status, (StatusCounts{42, 1, 0, 0}));
        // No bucket after the newest ingested minute: a later scrape fills them in.
        QCOMPARE(blue->buckets.size(), std::size_t(4));
        QCOMPARE(blue->buckets[1].startMs, at(1));
        QCOMPARE(blue->buckets[1].status, (StatusCounts{12, 1, 0, 0}));
        QCOMPARE(blue->buckets[1].p50, std::optional<double>(20.0));
        QCOMPARE(blue->buckets[2].p99, std::optional<double>(90.0));
        QCOMPARE(blue->buckets[3].status.total(), std::int64_t(0));
        QVERIFY(!blue->buckets[3].p95);
        // A window's percentile: the minutes' percentiles weighed by their requests (13 and 30).
        QVERIFY(blue->window.sourcePercentiles);
        QVERIFY(qFuzzyCompare(*blue->window.p50(), (13 * 20.0 + 30 * 30.0) / 43));
        QVERIFY(qFuzzyCompare(*blue->window.p95(), (13 * 40.0 + 30 * 50.0) / 43));
        QVERIFY(qFuzzyCompare(*blue->window.p99(), (13 * 60.0 + 30 * 90.0) / 43));

        const DeploymentMetrics *green = report->deployment("green");
        QVERIFY(green);
        QCOMPARE(green->window.status, (StatusCounts{0, 0, 5, 0}));
        QVERIFY(qFuzzyCompare(*green->window.p95(), (3 * 200.0 + 2 * 210.0) / 5));
        // Expected without a request: there, with empty buckets.
        const DeploymentMetrics *red = report->deployment("red");
        QVERIFY(red);
        QCOMPARE(red->window.requests(), std::int64_t(0));
        QCOMPARE(red->buckets.size(), std::size_t(4));
        QVERIFY(!red->window.p95());

        QCOMPARE(report->total.requests(), std::int64_t(48));
        QVERIFY(!report->total.p95()); // percentiles of two deployments do not add up

        QVERIFY(blue->resources);
        QCOMPARE(blue->resources->cpuPercent, 20.0);
        QCOMPARE(blue->resources->memoryPercent, std::optional<double>(31.5));
        QCOMPARE(blue->resources->instances, 2);
        QCOMPARE(blue->resources->memoryBytes, std::int64_t(0));

        bool percentileNote = false;
        for (const std::string &note : report->notes)
            percentileNote = percentileNote || note.find("request-weighted mean") != std::string::npos;
        QVERIFY(percentileNote);
    }

    void theCallsAskWhatTheReportNeeds()
    {
        auto arm = std::make_shared<ScriptedArm>();
        AzureMonitorMetricsSource source(scriptedArm(arm));
        MetricsQuery query = fixtureQuery();
        query.withResources = false;
        REQUIRE_OK(source.query(query, CancelToken::none()));
        const std::vector<std::string> urls = arm->urls();
        QCOMPARE(urls.size(), std::size_t(3));
        const std::string base =
            "https://management.example/subscriptions/00000000-0000-4000-8000-000000000001/"
            "resourceGroups/rg-test/providers/Microsoft.MachineLearningServices/workspaces/"
            "ws-test/onlineEndpoints/ep/providers/Microsoft.Insights/metrics?";
        for (const std::string &url : urls) {
            QVERIFY2(url.rfind(base, 0) == 0, url.c_str());
            QCOMPARE(param(url, "api-version"), QStringLiteral("2024-02-01"));
            QCOMPARE(param(url, "interval"), QStringLiteral("PT1M"));
            // The window and, before it, enough to find where the ingested data ends.
            QCOMPARE(param(url, "timespan"), QStringLiteral("2026-12-04T09:51:00Z/2026-12-04T10:07:00Z"));
        }
        QCOMPARE(param(urls[0], "metricnames"), QStringLiteral("RequestsPerMinute"));
        QCOMPARE(param(urls[0], "$filter"), QStringLiteral("deployment eq '*' and statusCodeClass eq '*'"));
        QCOMPARE(param(urls[0], "aggregation"), QStringLiteral("Total"));
        QCOMPARE(param(urls[0], "top"), QStringLiteral("100"));
        QCOMPARE(param(urls[1], "metricnames"),
                 QStringLiteral("RequestLatency_P50,RequestLatency_P95,RequestLatency_P99"));
        QCOMPARE(param(urls[1], "$filter"), QStringLiteral("deployment eq '*'"));
        QCOMPARE(param(urls[1], "aggregation"), QStringLiteral("Average"));
        QCOMPARE(param(urls[2], "metricnames"), QStringLiteral("ConnectionsActive"));
        QVERIFY(param(urls[2], "$filter").isEmpty());
    }

    void queriesInsideWhatWasFetchedMakeNoCalls()
    {
        auto arm = std::make_shared<ScriptedArm>();
        AzureMonitorMetricsSource source(scriptedArm(arm));
        REQUIRE_OK(source.query(fixtureQuery(), CancelToken::none()));
        // Three endpoint calls and one per expected deployment.
        QCOMPARE(arm->urls().size(), std::size_t(6));
        MetricsQuery later = fixtureQuery();
        later.fromMs += 1000;
        later.toMs += 1000; // the console a second later
        auto again = source.query(later, CancelToken::none());
        REQUIRE_OK(again);
        QCOMPARE(arm->urls().size(), std::size_t(6));
        QCOMPARE(again->deployment("blue")->window.status.ok2xx, std::int64_t(42));

        // A window outside what was fetched: fetched anew, together with what was.
        MetricsQuery earlier = fixtureQuery();
        earlier.fromMs = at(-60);
        earlier.toMs = at(-30);
        earlier.withResources = false;
        REQUIRE_OK(source.query(earlier, CancelToken::none()));
        const std::vector<std::string> urls = arm->urls();
        QCOMPARE(urls.size(), std::size_t(9));
        QCOMPARE(param(urls.back(), "timespan"), QStringLiteral("2026-12-04T09:00:00Z/2026-12-04T10:07:00Z"));

        // Figures older than the refresh are fetched again.
        AzureMonitorMetricsSource eager(scriptedArm(arm),
                                        AzureMonitorMetricsOptions{std::chrono::milliseconds(0)});
        MetricsQuery plain = fixtureQuery();
        plain.withResources = false;
        REQUIRE_OK(eager.query(plain, CancelToken::none()));
        REQUIRE_OK(eager.query(plain, CancelToken::none()));
        QCOMPARE(arm->urls().size(), std::size_t(15));
    }

    void unknownEndpointsAndErrors()
    {
        auto arm = std::make_shared<ScriptedArm>();
        arm->status = 404;
        AzureMonitorMetricsSource source(scriptedArm(arm));
        auto missing = source.query(fixtureQuery(), CancelToken::none());
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::Config);
        QCOMPARE(missing.error().message, std::string("unknown endpoint ep"));
        arm->status = 503;
        auto failing = source.query(fixtureQuery(), CancelToken::none());
        QVERIFY(!failing.ok());
        QCOMPARE(failing.error().httpStatus, 503);
        MetricsQuery backwards = fixtureQuery();
        backwards.toMs = backwards.fromMs - 1;
        QCOMPARE(source.query(backwards, CancelToken::none()).error().kind, ErrorKind::Config);
    }

    void aWindowAfterTheIngestedDataIsStale()
    {
        auto arm = std::make_shared<ScriptedArm>();
        AzureMonitorMetricsSource source(scriptedArm(arm));
        MetricsQuery query = fixtureQuery();
        query.fromMs = at(5);
        query.toMs = at(6);
        auto report = source.query(query, CancelToken::none());
        REQUIRE_OK(report);
        QCOMPARE(report->dataUntilMs, std::optional<std::int64_t>(at(4)));
        QVERIFY(report->deployment("blue"));
        QVERIFY(report->deployment("blue")->buckets.empty());
        const SloEvaluation evaluation =
            evaluateSlo(errorRule(60), canaryEndpoint("ep"), {{60, report.value()}});
        QCOMPARE(evaluation.overall(), SloVerdict::Stale);
    }

    // End to end: blue at 90 %, a faulty green at 10 %; requests through the scoring URI; the
    // stand-in's Azure Monitor counts them as they were answered.
    void aFaultyCanaryBreachesOnAzureMonitorFigures()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        m_sharedReady = true;
        QVERIFY2(m_data.isValid(), "no temporary folder");
        REQUIRE_OK(test::copyModelForDeployment(m_shared, kModel, kRiley));
        REQUIRE_OK(test::sharedAdmin(m_shared).setRegisteredModelTag(
            kModel, std::string(kAliasTagPrefix) + "champion", "3", CancelToken::none()));
        const std::string faulty =
            test::registerFaultyVersion(m_shared.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
                                        m_shared.adminPassword().toStdString(), kModel, "4");
        QVERIFY(!faulty.empty());

        // A second's ingestion delay: a minute is reported a second after it ends.
        QVERIFY2(m_fake.start(fakeOptions(1)), qPrintable(m_fake.errorString()));
        auto opened = session(m_fake);
        REQUIRE_OK(opened);
        m_session = std::move(opened).value();
        m_registry = std::make_unique<MlflowClient>(m_session->registry);
        REQUIRE_OK(
            test::approveForCanaryDrill(*m_registry, kModel, {"3", faulty}, "fit for the metrics test"));
        AzureMlTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/azureml";
        m_target = std::make_unique<AzureMlTarget>(config, m_session->arm,
                                                   std::shared_ptr<HttpTransport>(makeCurlTransport()));
        Rollout rollout(*m_registry, *m_target, RegistryAccess{});
        DeployRequest blue;
        blue.model = kModel;
        blue.version = "3";
        blue.endpoint = kEndpoint;
        blue.deployment = "blue";
        blue.comment = "champion";
        REQUIRE_OK(rollout.deploy(blue, {}, CancelToken::none()));
        DeployRequest green = blue;
        green.version = faulty;
        green.deployment = "green";
        green.traffic = 10;
        green.comment = "canary";
        REQUIRE_OK(rollout.deploy(green, {}, CancelToken::none()));
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(endpoint);
        QCOMPARE(endpoint->traffic(), (TrafficSplit{{"blue", 90}, {"green", 10}}));

        // Each deployment by its header, so that the counts are known exactly.
        const std::string body = scoringBody();
        QVERIFY(!body.empty());
        std::map<std::string, StatusCounts> sent;
        const std::int64_t firstSent = unixMillisNow();
        for (int i = 0; i < 16; ++i) {
            const std::string deployment = i % 4 == 3 ? "green" : "blue";
            auto answer = m_target->invoke(kEndpoint, deployment, body, CancelToken::none());
            REQUIRE_OK(answer);
            sent[deployment].add(answer->status);
        }
        QCOMPARE(sent["blue"], (StatusCounts{12, 0, 0, 0}));
        QCOMPARE(sent["green"].total(), std::int64_t(4));
        QCOMPARE(sent["green"].ok2xx, std::int64_t(0)); // the faulty model fails on these rows

        // The requests' minutes are reported once they end (plus the delay): poll, bounded.
        const auto counting =
            std::make_shared<CountingTransport>(std::shared_ptr<HttpTransport>(makeCurlTransport()));
        auto arm = std::make_shared<ArmClient>(m_fake.workspace(), counting, m_session->credential);
        AzureMonitorMetricsSource eager(arm, AzureMonitorMetricsOptions{std::chrono::milliseconds(0)});
        MetricsQuery query;
        query.endpoint = kEndpoint;
        query.stepMs = 60'000;
        query.withResources = true;
        query.expectedDeployments = {"blue", "green"};
        std::optional<MetricsReport> report;
        const QDeadlineTimer deadline(150'000);
        for (;;) {
            query.toMs = unixMillisNow();
            query.fromMs = query.toMs - 300'000;
            auto answer = eager.query(query, CancelToken::none());
            REQUIRE_OK(answer);
            const DeploymentMetrics *b = answer->deployment("blue");
            const DeploymentMetrics *g = answer->deployment("green");
            if (b && g && b->window.status.total() >= 12 && g->window.status.total() >= 4) {
                report = std::move(answer).value();
                break;
            }
            QVERIFY2(!deadline.hasExpired(),
                     qPrintable(
                         QStringLiteral("Azure Monitor never reported the requests sent at ") +
                         QString::fromStdString(azureTimestamp(firstSent) + ": " + countsOf(answer.value())) +
                         QStringLiteral("\n") + m_fake.logTail()));
            QTest::qWait(2000);
        }
        QCOMPARE(report->deployment("blue")->window.status, sent["blue"]);
        QCOMPARE(report->deployment("green")->window.status, sent["green"]);
        QCOMPARE(report->total.requests(), std::int64_t(16));
        for (const char *name : {"blue", "green"}) {
            const DeploymentMetrics *deployment = report->deployment(name);
            QVERIFY2(deployment->window.p50() && deployment->window.p95() && deployment->window.p99(), name);
            QVERIFY(*deployment->window.p50() <= *deployment->window.p99());
            for (const MetricsBucket &bucket : deployment->buckets)
                QVERIFY(bucket.startMs < *report->dataUntilMs);
        }
        QVERIFY(report->dataUntilMs);
        QVERIFY(*report->dataUntilMs > firstSent);
        QVERIFY(report->newestDataMs);
        QVERIFY(report->activeConnections);
        // CPU and memory of an instance, when the stand-in had sampled the deployment by then.
        if (const auto &usage = report->deployment("blue")->resources) {
            QCOMPARE(usage->instances, 1);
            QVERIFY(usage->memoryPercent);
        }

        const SloEvaluation evaluation =
            evaluateSlo(errorRule(300), endpoint.value(), {{300, report.value()}});
        QCOMPARE(evaluation.findings.size(), std::size_t(1));
        QCOMPARE(evaluation.findings.front().deployment, std::string("green"));
        QCOMPARE(evaluation.findings.front().verdict, SloVerdict::Breached);
        QCOMPARE(evaluation.findings.front().measured, std::optional<double>(100.0));

        // The console and the watcher ask again and again: one round of calls answers them.
        AzureMonitorMetricsSource cached(arm);
        counting->reset();
        query.withResources = false;
        REQUIRE_OK(cached.query(query, CancelToken::none()));
        REQUIRE_OK(cached.query(query, CancelToken::none()));
        QCOMPARE(counting->snapshot().total.requests, std::uint64_t(3));

        // The console's and `endpoint watch`'s way in (the endpoint's own source, chosen by
        // its settings): the watcher records the breach in the trail and rolls the canary back.
        SloPolicy rules = errorRule(300);
        rules.autoRollback = true;
        REQUIRE_OK(m_target->setMonitorSettings(kEndpoint, sloPolicyToJson(rules)));
        const auto source = metricsSourceFor(*m_target);
        SloWatcher watcher(*m_registry, *m_target, *source, RegistryAccess{});
        auto check = watcher.checkEndpoint(kEndpoint, true, CancelToken::none());
        REQUIRE_OK(check);
        QCOMPARE(check->reports.at(300).source, std::string("azure-monitor"));
        QCOMPARE(check->responses.size(), std::size_t(1));
        QVERIFY2(check->responses.front().recorded, check->responses.front().recordError.c_str());
        QVERIFY2(check->responses.front().rollback.has_value(),
                 check->responses.front().rollbackError.c_str());
        auto after = m_target->endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(after);
        QCOMPARE(after->traffic(), (TrafficSplit{{"blue", 100}, {"green", 0}}));

        // An endpoint the workspace does not have.
        query.endpoint = "no-such-endpoint";
        auto unknown = cached.query(query, CancelToken::none());
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::Config);
    }

    // Azure Monitor four minutes behind: a one-minute window has no data yet. That is stale,
    // neither met nor breached, and no bucket claims the unpublished minutes were idle.
    void heldBackFiguresAreStale()
    {
        if (!m_sharedReady)
            QSKIP("needs the shared MLflow server of the previous function");
        m_fake.stop(); // one stand-in at a time
        QVERIFY2(m_delayedFake.start(fakeOptions(240)), qPrintable(m_delayedFake.errorString()));
        auto opened = session(m_delayedFake);
        REQUIRE_OK(opened);
        const nlohmann::json resource{{"location", m_delayedFake.workspace().region},
                                      {"properties", {{"authMode", "Key"}}}};
        REQUIRE_OK(opened->arm->putEndpoint(kEndpoint, resource.dump(), {}, CancelToken::none()));

        AzureMonitorMetricsSource source(opened->arm);
        MetricsQuery query;
        query.endpoint = kEndpoint;
        query.toMs = unixMillisNow();
        query.fromMs = query.toMs - 60'000;
        query.stepMs = 60'000;
        query.withResources = false;
        query.expectedDeployments = {"blue", "green"};
        auto report = source.query(query, CancelToken::none());
        REQUIRE_OK(report);
        QVERIFY2(report->dataUntilMs, countsOf(report.value()).c_str());
        QVERIFY(*report->dataUntilMs <= query.fromMs);
        QVERIFY(*report->dataUntilMs >= query.toMs - 6 * 60'000); // the delay and a minute
        for (const DeploymentMetrics &deployment : report->deployments)
            QVERIFY(deployment.buckets.empty());
        const SloEvaluation evaluation =
            evaluateSlo(errorRule(60), canaryEndpoint(kEndpoint), {{60, report.value()}});
        QCOMPARE(evaluation.overall(), SloVerdict::Stale);
        QVERIFY2(evaluation.findings.front().reason.find("azure-monitor") != std::string::npos,
                 evaluation.findings.front().reason.c_str());
        REQUIRE_OK(opened->arm->deleteEndpoint(kEndpoint, {}, CancelToken::none()));
        m_delayedFake.stop();
    }
};

QTEST_GUILESS_MAIN(TestAzureMonitorMetrics)
#include "tst_azure_monitor_metrics.moc"
