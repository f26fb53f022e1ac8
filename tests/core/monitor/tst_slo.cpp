// SLO rules: their JSON as kept with an endpoint, and their evaluation over metrics reports
// (plain values: the same evaluation the watcher runs over real HAProxy data in
// tst_local_monitoring).
#include <QTest>

#include <modelgate/core/monitor/slo.h>

using namespace modelgate;

namespace {

RequestStats stats(int ok, int client, int server, int latencyMs)
{
    RequestStats out;
    out.seconds = 60;
    out.status.ok2xx = ok;
    out.status.client4xx = client;
    out.status.server5xx = server;
    out.latency.add(latencyMs, ok + client + server);
    return out;
}

EndpointInfo endpoint(const TrafficSplit &split)
{
    EndpointInfo info;
    info.name = "diabetes-online";
    for (const auto &[name, percent] : split) {
        DeploymentInfo deployment;
        deployment.name = name;
        deployment.traffic = percent;
        info.deployments.push_back(deployment);
    }
    return info;
}

// A report of the last minute (data up to now) with these deployments.
std::map<int, MetricsReport> lastMinute(const std::map<std::string, RequestStats> &deployments)
{
    MetricsReport report;
    report.toMs = 1'800'000'000'000;
    report.fromMs = report.toMs - 60'000;
    report.stepMs = 60'000;
    report.newestDataMs = report.toMs - 500;
    for (const auto &[name, window] : deployments) {
        DeploymentMetrics metrics;
        metrics.deployment = name;
        metrics.window = window;
        report.total.merge(window);
        report.deployments.push_back(metrics);
    }
    return {{60, report}};
}

const SloFinding *findingOf(const SloEvaluation &evaluation, const std::string &deployment, SloSignal signal,
                            SloComparison comparison)
{
    for (const SloFinding &finding : evaluation.findings)
        if (finding.deployment == deployment && finding.rule.signal == signal &&
            finding.rule.comparison == comparison)
            return &finding;
    return nullptr;
}

} // namespace

class TestSlo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policyRoundTripsThroughJson()
    {
        SloPolicy policy = defaultSloPolicy();
        policy.autoRollback = true;
        policy.rules.push_back({SloSignal::LatencyP99, SloComparison::Absolute, 2500, 300, 50});
        auto back = sloPolicyFromJson(sloPolicyToJson(policy));
        QVERIFY(back.ok());
        QVERIFY(back.value() == policy);
        auto empty = sloPolicyFromJson("  \n");
        QVERIFY(empty.ok());
        QVERIFY(empty.value() == defaultSloPolicy());
    }

    void badRulesAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << QStringLiteral("{") << QString();
        QTest::newRow("wrong version")
            << QStringLiteral("{\"version\":2,\"rules\":[]}") << QStringLiteral("version");
        QTest::newRow("no rules") << QStringLiteral("{\"version\":1}") << QStringLiteral("rules");
        QTest::newRow("unknown signal")
            << QStringLiteral(
                   "{\"version\":1,\"rules\":[{\"signal\":\"cpu\",\"comparison\":\"absolute\",\"limit\":1}]}")
            << QStringLiteral("rules[0].signal");
        QTest::newRow("negative limit")
            << QStringLiteral("{\"version\":1,\"rules\":[{\"signal\":\"latency_p95\","
                              "\"comparison\":\"absolute\",\"limit\":-1}]}")
            << QStringLiteral("rules[0].limit");
        QTest::newRow("percent above 100")
            << QStringLiteral("{\"version\":1,\"rules\":[{\"signal\":\"error_percent\","
                              "\"comparison\":\"absolute\",\"limit\":150}]}")
            << QStringLiteral("rules[0].limit");
        QTest::newRow("window too short")
            << QStringLiteral("{\"version\":1,\"rules\":[{\"signal\":\"error_percent\",\"comparison\":"
                              "\"above_champion\",\"limit\":5,\"window_seconds\":2}]}")
            << QStringLiteral("rules[0].window_seconds");
        QTest::newRow("text as number")
            << QStringLiteral("{\"version\":1,\"rules\":[{\"signal\":\"error_percent\",\"comparison\":"
                              "\"absolute\",\"limit\":5,\"min_requests\":\"20\"}]}")
            << QStringLiteral("rules[0].min_requests");
        QTest::newRow("auto_rollback text")
            << QStringLiteral("{\"version\":1,\"auto_rollback\":\"yes\",\"rules\":[]}")
            << QStringLiteral("auto_rollback");
    }

    void badRulesAreRefusedNamingTheField()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        auto policy = sloPolicyFromJson(json.toStdString());
        QVERIFY(!policy.ok());
        QCOMPARE(policy.error().kind, ErrorKind::Parse);
        QCOMPARE(QString::fromStdString(policy.error().field), field);
    }

    void describesRules()
    {
        QCOMPARE(describeSloRule({SloSignal::ErrorPercent, SloComparison::AboveChampion, 5, 60, 20}),
                 std::string("errors (4xx+5xx) <= champion + 5 % over 1m"));
        QCOMPARE(describeSloRule({SloSignal::LatencyP95, SloComparison::Absolute, 1000, 300, 20}),
                 std::string("p95 <= 1000 ms over 5m"));
    }

    void healthyCanaryMeetsEveryRule()
    {
        const auto evaluation =
            evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 90}, {"green", 10}}),
                        lastMinute({{"blue", stats(900, 0, 0, 12)}, {"green", stats(100, 1, 0, 15)}}));
        QCOMPARE(evaluation.champion, std::string("blue"));
        QCOMPARE(evaluation.overall(), SloVerdict::Met);
        // Absolute rules for both, relative ones for the canary only: 2 + 2 + 2.
        QCOMPARE(evaluation.findings.size(), std::size_t(6));
        QVERIFY(!findingOf(evaluation, "blue", SloSignal::ErrorPercent, SloComparison::AboveChampion));
    }

    void canaryFailingWith4xxBreachesTheRelativeRule()
    {
        // MLflow answers a model that raises with 400: a 5xx rule alone would miss it.
        const auto evaluation =
            evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 90}, {"green", 10}}),
                        lastMinute({{"blue", stats(900, 2, 0, 12)}, {"green", stats(50, 50, 0, 8)}}));
        QVERIFY(evaluation.breached());
        const SloFinding *relative =
            findingOf(evaluation, "green", SloSignal::ErrorPercent, SloComparison::AboveChampion);
        QVERIFY(relative);
        QCOMPARE(relative->verdict, SloVerdict::Breached);
        QCOMPARE(*relative->measured, 50.0);
        QVERIFY(qAbs(*relative->champion - 100.0 * 2 / 902) < 1e-9);
        QVERIFY(relative->reason.find("green") != std::string::npos);
        const SloFinding *absolute =
            findingOf(evaluation, "green", SloSignal::ServerErrorPercent, SloComparison::Absolute);
        QCOMPARE(absolute->verdict, SloVerdict::Met);
        QCOMPARE(evaluation.breaches().size(), std::size_t(1));
    }

    void slowCanaryBreachesTheLatencyRule()
    {
        const auto evaluation =
            evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 50}, {"green", 50}}),
                        lastMinute({{"blue", stats(500, 0, 0, 20)}, {"green", stats(500, 0, 0, 400)}}));
        const SloFinding *latency =
            findingOf(evaluation, "green", SloSignal::LatencyP95, SloComparison::AboveChampion);
        QCOMPARE(latency->verdict, SloVerdict::Breached);
        QCOMPARE(latency->allowed, 270.0);
        // A tie in shares: the first by name is the champion.
        QCOMPARE(evaluation.champion, std::string("blue"));
    }

    void deploymentWithTrafficAndNoDataIsInBreach()
    {
        const auto evaluation = evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 80}, {"green", 20}}),
                                            lastMinute({{"blue", stats(400, 0, 0, 12)}}));
        const SloFinding *silent =
            findingOf(evaluation, "green", SloSignal::ServerErrorPercent, SloComparison::Absolute);
        QVERIFY(silent);
        QCOMPARE(silent->verdict, SloVerdict::Breached);
        QVERIFY(silent->reason.find("no data") != std::string::npos);

        // A share given 5 s ago has not had a minute to answer in: the requests before it went
        // elsewhere. No verdict yet, until a whole window has passed.
        EndpointInfo justChanged = endpoint({{"blue", 80}, {"green", 20}});
        const auto reports = lastMinute({{"blue", stats(400, 0, 0, 12)}});
        justChanged.splitSinceMs = reports.at(60).toMs - 5000;
        const auto early = evaluateSlo(defaultSloPolicy(), justChanged, reports);
        const SloFinding *waiting =
            findingOf(early, "green", SloSignal::ServerErrorPercent, SloComparison::Absolute);
        QVERIFY(waiting);
        QCOMPARE(waiting->verdict, SloVerdict::TooFewRequests);
        QVERIFY2(waiting->reason.find("for 5s") != std::string::npos, waiting->reason.c_str());
        QVERIFY(!early.breached());
        justChanged.splitSinceMs = reports.at(60).toMs - 61'000;
        QVERIFY(evaluateSlo(defaultSloPolicy(), justChanged, reports).breached());
    }

    void fewRequestsGiveNoVerdictAndAnIdleEndpointIsNotHealthy()
    {
        const auto few =
            evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 90}, {"green", 10}}),
                        lastMinute({{"blue", stats(90, 0, 0, 12)}, {"green", stats(5, 5, 0, 12)}}));
        QCOMPARE(findingOf(few, "green", SloSignal::ErrorPercent, SloComparison::AboveChampion)->verdict,
                 SloVerdict::TooFewRequests);
        QCOMPARE(few.overall(), SloVerdict::TooFewRequests);
        const auto idle = evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 100}}), lastMinute({}));
        QCOMPARE(idle.overall(), SloVerdict::Idle);
    }

    void dataOlderThanTheWindowIsMissingNotHealthy()
    {
        auto reports = lastMinute({{"blue", stats(900, 0, 0, 12)}, {"green", stats(100, 0, 0, 12)}});
        reports[60].newestDataMs = reports[60].toMs - 61'000;
        const auto stale = evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 90}, {"green", 10}}), reports);
        QCOMPARE(stale.overall(), SloVerdict::Idle);
        const auto missing = evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 90}, {"green", 10}}), {});
        QCOMPARE(missing.overall(), SloVerdict::Stale);
        // A source with an ingestion delay (Azure Monitor, Prometheus) says how far its data
        // goes: figures of a failing canary that end before the window are stale, not a
        // verdict, and an endpoint covered to the end with no request is idle.
        auto delayed = lastMinute({{"blue", stats(900, 0, 0, 12)}, {"green", stats(0, 0, 100, 12)}});
        delayed[60].source = "azure-monitor";
        delayed[60].dataUntilMs = delayed[60].toMs - 180'000;
        const auto late = evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 90}, {"green", 10}}), delayed);
        QCOMPARE(late.overall(), SloVerdict::Stale);
        QVERIFY(late.breaches().empty());
        QVERIFY2(late.findings.front().reason.find("from azure-monitor is 3m old") != std::string::npos,
                 late.findings.front().reason.c_str());
        delayed[60].dataUntilMs = delayed[60].toMs - 20'000; // part of the window is in
        const auto current =
            evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 90}, {"green", 10}}), delayed);
        QCOMPARE(current.overall(), SloVerdict::Breached);
        auto quiet = lastMinute({});
        quiet[60].dataUntilMs = quiet[60].toMs;
        QCOMPARE(evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 100}}), quiet).overall(),
                 SloVerdict::Idle);
    }

    void deploymentsWithoutTrafficAreNotJudged()
    {
        const auto evaluation = evaluateSlo(defaultSloPolicy(), endpoint({{"blue", 100}, {"green", 0}}),
                                            lastMinute({{"blue", stats(900, 0, 0, 12)}}));
        for (const SloFinding &finding : evaluation.findings)
            QCOMPARE(finding.deployment, std::string("blue"));
        QCOMPARE(championOf({{"blue", 0}, {"green", 100}}), std::string("green"));
        QCOMPARE(championOf({}), std::string());
    }
};

QTEST_APPLESS_MAIN(TestSlo)
#include "tst_slo.moc"
