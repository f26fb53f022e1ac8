// modelgate-cli's monitoring commands, run in-process as a CD job runs them, against the
// shared basic-auth MLflow server (fixture "mlflow_auth"), real HAProxy and a real scoring
// server: usage errors before anything is read; `endpoint load` sends exactly what it says
// and `endpoint metrics` counts exactly that; `endpoint slo` keeps the rules with the
// endpoint and refuses a bad rules file naming the field; `endpoint watch --once` trips a
// rule, records the breach in the trail once, and a second watcher is told who recorded it.
// The functions build on each other in order.
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

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/release/release_ledger.h>

using namespace modelgate;
using test::CliResult;
using Json = nlohmann::json;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-classifier-cli-monitor");
constexpr const char *kRiley = "riley.release";
constexpr const char *kEndpoint = "cli-watch";

} // namespace

class TestCliMonitor final : public QObject
{
    Q_OBJECT

private:
    test::SharedAuthMlflow m_shared;
    QTemporaryDir m_home{QStringLiteral("/tmp/mg-clim-XXXXXX")}; // short: HAProxy's socket path

    CliResult run(const std::vector<std::string> &args) const
    {
        return test::runCliAs(m_shared.uri(), kRiley, m_shared.password(kRiley), m_home.path(), args);
    }

    std::string writeFile(const QString &name, const QByteArray &content) const
    {
        QFile file(m_home.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(name));
        return file.fileName().toStdString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        REQUIRE_OK(test::copyModelForDeployment(m_shared, kModel, kRiley));
        const CliResult approved = run({"review", "approve", kModel, "3", "--comment", "fit to serve"});
        QVERIFY2(approved.exitCode == 0, approved.both().c_str());
    }

    void cleanupTestCase()
    {
        test::cleanUpDeploymentTest(m_shared, m_home.path().toStdString() + "/data/modelgate/endpoints",
                                    {kModel});
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("load without a rate")
            << QStringList{u"endpoint"_qs, u"load"_qs,       u"e"_qs, u"--csv"_qs,
                           u"x.csv"_qs,    u"--duration"_qs, u"5"_qs}
            << u"--rps N"_qs;
        QTest::newRow("rate above the bound")
            << QStringList{u"endpoint"_qs, u"load"_qs, u"e"_qs,          u"--csv"_qs, u"x.csv"_qs,
                           u"--rps"_qs,    u"5000"_qs, u"--duration"_qs, u"5"_qs}
            << u"at most 2000"_qs;
        QTest::newRow("duration of a day")
            << QStringList{u"endpoint"_qs, u"load"_qs, u"e"_qs,          u"--csv"_qs, u"x.csv"_qs,
                           u"--rps"_qs,    u"5"_qs,    u"--duration"_qs, u"86400"_qs}
            << u"--duration needs"_qs;
        QTest::newRow("bad window") << QStringList{u"endpoint"_qs, u"metrics"_qs, u"e"_qs, u"--window"_qs,
                                                   u"5x"_qs}
                                    << u"--window needs"_qs;
        QTest::newRow("once on metrics") << QStringList{u"endpoint"_qs, u"metrics"_qs, u"e"_qs, u"--once"_qs}
                                         << u"applies to 'endpoint watch'"_qs;
        QTest::newRow("auto-rollback maybe")
            << QStringList{u"endpoint"_qs, u"slo"_qs, u"e"_qs, u"--auto-rollback"_qs, u"maybe"_qs}
            << u"on or off"_qs;
        QTest::newRow("window outside endpoint commands")
            << QStringList{u"models"_qs, u"list"_qs, u"--window"_qs, u"5m"_qs}
            << u"'endpoint' commands only"_qs;
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        std::vector<std::string> argv;
        for (const QString &arg : args)
            argv.push_back(arg.toStdString());
        const CliResult result = run(argv);
        QVERIFY2(result.exitCode == 2, result.both().c_str());
        QVERIFY2(result.says(expected.toStdString()), result.both().c_str());
    }

    void unknownEndpointIsAUsageError()
    {
        const CliResult result = run({"endpoint", "metrics", "nowhere"});
        QVERIFY2(result.exitCode == 2, result.both().c_str());
        QVERIFY2(result.says("no local endpoint 'nowhere'"), result.both().c_str());
    }

    void loadIsCountedExactly()
    {
        const CliResult deployed = run(
            {"deploy", kModel, "3", "--endpoint", kEndpoint, "--deployment", "blue", "--comment", "watched"});
        QVERIFY2(deployed.exitCode == 0, deployed.both().c_str());
        const CliResult load =
            run({"endpoint", "load", kEndpoint, "--csv", MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv",
                 "--rps", "20", "--duration", "3", "--json"});
        QVERIFY2(load.exitCode == 0, load.both().c_str());
        const Json sent = Json::parse(load.out);
        QCOMPARE(sent["sent"].get<int>(), 60);
        QCOMPARE(sent["succeeded"].get<int>(), 60);
        QVERIFY(sent["p95_ms"].is_number());
        QVERIFY2(load.says("sent 60/60"), load.both().c_str()); // the live line on stderr

        // HAProxy writes a request's log line just after the client has its answer: give the
        // last one a moment.
        CliResult metrics;
        Json report;
        for (int attempt = 0; attempt < 20; ++attempt) {
            metrics = run({"endpoint", "metrics", kEndpoint, "--window", "5m", "--json"});
            QVERIFY2(metrics.exitCode == 0, metrics.both().c_str());
            report = Json::parse(metrics.out);
            if (report["total"]["requests"].get<int>() >= 60)
                break;
            QTest::qWait(250);
        }
        QCOMPARE(report["total"]["requests"].get<int>(), 60);
        QCOMPARE(report["total"]["2xx"].get<int>(), 60);
        QCOMPARE(report["deployments"].size(), std::size_t(1));
        QCOMPARE(report["deployments"][0]["deployment"].get<std::string>(), std::string("blue"));
        QCOMPARE(report["deployments"][0]["requests"].get<int>(), 60);
        QVERIFY(report["deployments"][0]["memory_bytes"].get<long long>() > 0);

        const CliResult table = run({"endpoint", "metrics", kEndpoint});
        QVERIFY2(table.exitCode == 0, table.both().c_str());
        QVERIFY2(table.says("TOTAL") && table.says("P95"), table.both().c_str());
    }

    void rulesAreKeptWithTheEndpoint()
    {
        const CliResult defaults = run({"endpoint", "slo", kEndpoint});
        QVERIFY2(defaults.exitCode == 0 && defaults.says("(the defaults)"), defaults.both().c_str());
        const std::string bad =
            writeFile(u"bad-rules.json"_qs, "{\"version\":1,\"rules\":[{\"signal\":\"latency_p95\","
                                            "\"comparison\":\"absolute\",\"limit\":-3}]}");
        const CliResult refused = run({"endpoint", "slo", kEndpoint, "--rules", bad});
        QVERIFY2(refused.exitCode == 2 && refused.says("rules[0].limit"), refused.both().c_str());
        // A rule no real server meets: p95 at most 0 ms, judged from the first request.
        const std::string strict = writeFile(
            u"strict-rules.json"_qs, "{\"version\":1,\"rules\":[{\"signal\":\"latency_p95\",\"comparison\":"
                                     "\"absolute\",\"limit\":0,\"window_seconds\":300,\"min_requests\":1}]}");
        const CliResult set = run({"endpoint", "slo", kEndpoint, "--rules", strict, "--auto-rollback", "on"});
        QVERIFY2(set.exitCode == 0, set.both().c_str());
        QVERIFY2(set.says("p95 <= 0 ms over 5m") && set.says("rollback of a breaching canary: on"),
                 set.both().c_str());
        const CliResult shown = run({"endpoint", "slo", kEndpoint, "--json"});
        QCOMPARE(Json::parse(shown.out)["rules"].size(), std::size_t(1));
    }

    void theMetricsSourceIsKeptBesideTheRules()
    {
        const CliResult own = run({"endpoint", "metrics-source", kEndpoint});
        QVERIFY2(own.exitCode == 0 && own.says("HAProxy's request log"), own.both().c_str());
        const CliResult badPreset = run(
            {"endpoint", "metrics-source", kEndpoint, "--prometheus", "http://127.0.0.1:9", "--preset", "x"});
        QVERIFY2(badPreset.exitCode == 2 && badPreset.says("haproxy, kserve"), badPreset.both().c_str());
        const CliResult set =
            run({"endpoint", "metrics-source", kEndpoint, "--prometheus", "http://127.0.0.1:9"});
        QVERIFY2(set.exitCode == 0 && set.says("haproxy_server_http_responses_total{endpoint=\"cli-watch\"}"),
                 set.both().c_str());
        // The rules set before are still there, and `endpoint metrics` asks Prometheus now
        // (nothing listens on port 9: a transport error naming it).
        const CliResult rules = run({"endpoint", "slo", kEndpoint, "--json"});
        QCOMPARE(Json::parse(rules.out)["rules"].size(), std::size_t(1));
        const CliResult unreachable = run({"endpoint", "metrics", kEndpoint});
        QVERIFY2(unreachable.exitCode != 0 &&
                     unreachable.says("cannot read the metrics of endpoint cli-watch") &&
                     unreachable.says("127.0.0.1"),
                 unreachable.both().c_str());
        // Custom queries from a file, as --json shows them; a bad one names its field.
        const CliResult shown = run({"endpoint", "metrics-source", kEndpoint, "--json"});
        Json metrics = Json::parse(shown.out)["metrics"];
        metrics["deployment_label"] = "not a label";
        const std::string bad = writeFile(u"bad-queries.json"_qs, QByteArray::fromStdString(metrics.dump()));
        const CliResult refused = run({"endpoint", "metrics-source", kEndpoint, "--queries", bad});
        QVERIFY2(refused.exitCode == 2 && refused.says("metrics.deployment_label"), refused.both().c_str());
        const CliResult back = run({"endpoint", "metrics-source", kEndpoint, "--own"});
        QVERIFY2(back.exitCode == 0 && back.says("HAProxy's request log"), back.both().c_str());
        const CliResult local = run({"endpoint", "metrics", kEndpoint, "--json"});
        QVERIFY2(local.exitCode == 0, local.both().c_str());
        QCOMPARE(Json::parse(local.out)["source"].get<std::string>(), std::string("haproxy-log"));
        QCOMPARE(Json::parse(local.out)["stale"].get<bool>(), false);
    }

    void watchRecordsABreachOnce()
    {
        const CliResult first = run({"endpoint", "watch", kEndpoint, "--once"});
        QVERIFY2(first.exitCode == 1, first.both().c_str());
        QVERIFY2(first.says("BREACH recorded as record"), first.both().c_str());
        // The only deployment is the champion: nothing to roll back to, the split stays.
        QVERIFY2(!first.says("ROLLED BACK"), first.both().c_str());
        const CliResult second = run({"endpoint", "watch", kEndpoint, "--once", "--json"});
        QVERIFY2(second.exitCode == 1, second.both().c_str());
        const Json round = Json::parse(second.out);
        QCOMPARE(round["overall"].get<std::string>(), std::string("breached"));
        QCOMPARE(round["responses"].size(), std::size_t(1));
        QCOMPARE(round["responses"][0]["recorded"].get<bool>(), false);
        QVERIFY2(round["responses"][0]["handled_by"].get<std::string>().find(kRiley) != std::string::npos,
                 second.out.c_str());
        const CliResult audit = run({"audit", "show", kModel});
        QVERIFY2(audit.exitCode == 0, audit.both().c_str());
        std::size_t breaches = 0;
        for (std::size_t at = audit.out.find("breach"); at != std::string::npos;
             at = audit.out.find("  breach", at + 1))
            ++breaches;
        QCOMPARE(breaches, std::size_t(1));
        QVERIFY2(audit.says("verified"), audit.both().c_str());
    }
    // After the whole flow (an approval, a deployment with its HAProxy and scoring server still
    // running, load, rules, a watched breach), no password of any user is in a file under the
    // test's config and data folders (profiles, endpoint state, HAProxy's and the scoring
    // server's logs) or on the command line of any process on the machine.
    void noSecretOnDiskOrOnACommandLine()
    {
        std::vector<test::Secret> secrets;
        for (const auto &[user, password] : m_shared.passwords())
            secrets.push_back({user + "'s password", user, password});
        QVERIFY(secrets.size() >= 4);
        const test::SecretScan scan = test::scanForSecrets({m_home.path()}, secrets);
        // State, settings, logs: the flow left files to look into.
        QVERIFY2(scan.files >= 5, std::to_string(scan.files).c_str());
        QVERIFY(scan.processes > 0);
        QVERIFY2(scan.findings.empty(), scan.report().c_str());
        // The scoring server and HAProxy of the endpoint still ran while their lines were read.
        const CliResult status = run({"endpoint", "status", kEndpoint, "--json"});
        QVERIFY2(status.exitCode == 0, status.both().c_str());
        QCOMPARE(Json::parse(status.out)["deployments"][0]["state"].get<std::string>(),
                 std::string("healthy"));
    }
};

QTEST_GUILESS_MAIN(TestCliMonitor)
#include "tst_cli_monitor.moc"
