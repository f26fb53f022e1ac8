// kill -9 of the real modelgate-cli executable in the middle of its writes, against the shared
// basic-auth MLflow server (fixture "mlflow_auth") through a relay that holds the request of
// the chosen step: the CLI is killed while that request waits, so it dies exactly there,
// without any cleanup. Afterwards the trail must verify and say what happened: a decision
// is fully there (its tag view repairable with `review sync`) or cleanly absent, and an
// endpoint serves the split that `endpoint status` and the trail show. Each decision case
// has its own copy of diabetes-classifier; the traffic cases share one endpoint.
#include "local_endpoints.h"
#include "mlflow_test_server.h"
#include "release_test_users.h"
#include "result_assertions.h"
#include "seeded_model_copy.h"
#include "stoppable_relay.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/monitor/local_metrics.h>

using namespace modelgate;

namespace {

constexpr const char *kRiley = "riley.release"; // the fixture's release manager, enrolled by it
constexpr const char *kEndpoint = "killed-traffic";
constexpr const char *kModelVersion = "3"; // passes the default policy's checks

struct CliRun
{
    int exitCode = -1;
    bool crashed = false;
    std::string out;
    std::string err;
    bool says(const std::string &text) const
    {
        return out.find(text) != std::string::npos || err.find(text) != std::string::npos;
    }
    std::string both() const { return "stdout:\n" + out + "\nstderr:\n" + err; }
};

enum class Step
{
    AfterProbe,
    AfterSignature,
    AfterRecord,
    DuringTagView,
    DuringGate,
    AtTrafficRecord
};

// The member of `value` at `path` ("/a/b"); null when there is none.
[[gnu::noinline]] nlohmann::json member(const nlohmann::json &value, const char *path)
{
    const nlohmann::json::json_pointer pointer(path);
    return value.is_object() && value.contains(pointer) ? value.at(pointer) : nlohmann::json();
}

std::string jsonKey(const std::string &body)
{
    const nlohmann::json key = member(nlohmann::json::parse(body, nullptr, false), "/key");
    return key.is_string() ? key.get<std::string>() : std::string();
}

bool isProbeOrTag(const test::RelayedRequest &request)
{
    return request.path.find("/model-versions/set-tag") != std::string::npos ||
           request.path.find("/model-versions/update") != std::string::npos;
}

bool isRecordWrite(const test::RelayedRequest &request)
{
    return request.path.find("/runs/log-parameter") != std::string::npos &&
           jsonKey(request.body).rfind("record.", 0) == 0;
}

// The rule that holds the request following `step`. Each call makes a rule with its own state.
test::StoppableRelay::HoldRule ruleFor(Step step)
{
    auto probed = std::make_shared<bool>(false);
    auto recorded = std::make_shared<bool>(false);
    auto tagsPassed = std::make_shared<int>(0);
    switch (step) {
    case Step::AfterProbe: // whatever follows the probe (the ledger run, or the signature)
        return [probed](const test::RelayedRequest &request) {
            if (*probed)
                return true;
            *probed = isProbeOrTag(request);
            return false;
        };
    case Step::AfterSignature: // the record's write, the signature being written
    case Step::AtTrafficRecord:
        return isRecordWrite;
    case Step::AfterRecord:   // the first write of the tag view
    case Step::DuringTagView: // the fourth of its six writes
        return [=](const test::RelayedRequest &request) {
            if (isRecordWrite(request)) {
                *recorded = true;
                return false;
            }
            if (!*recorded || !isProbeOrTag(request))
                return false;
            return ++*tagsPassed > (step == Step::AfterRecord ? 0 : 3);
        };
    case Step::DuringGate: // the first request of all: nothing is done yet
        return [](const test::RelayedRequest &) { return true; };
    }
    return {};
}

// The split after the trail's last deployment record (null when there is none).
nlohmann::json lastSplitRecorded(const nlohmann::json &trail)
{
    nlohmann::json last;
    const nlohmann::json records = member(trail, "/records");
    for (std::size_t i = 0; records.is_array() && i < records.size(); ++i)
        if (const nlohmann::json after = member(records[i], "/deployment/split_after"); after.is_object())
            last = after;
    return last;
}

} // namespace

class TestCliKilled final : public QObject
{
    Q_OBJECT

private:
    test::SharedAuthMlflow m_shared;
    QTemporaryDir m_home{QStringLiteral("/tmp/mg-kill-XXXXXX")}; // short: HAProxy's socket lives there
    std::vector<std::string> m_models;
    std::string m_trafficModel;

    QProcessEnvironment environment(const QString &uri) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MLFLOW_TRACKING_URI"), uri);
        env.insert(QStringLiteral("MLFLOW_TRACKING_USERNAME"), QString::fromLatin1(kRiley));
        env.insert(QStringLiteral("MLFLOW_TRACKING_PASSWORD"),
                   QString::fromStdString(m_shared.password(kRiley)));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        return env;
    }

    static QStringList argumentsOf(const std::vector<std::string> &args)
    {
        QStringList list;
        for (const std::string &arg : args)
            list << QString::fromStdString(arg);
        if (!args.empty() && args[0] == "deploy")
            list << QStringLiteral("--mlflow") << QString::fromStdString(test::mlflowExecutable());
        return list;
    }

    // Runs the executable to its end, as a pipeline would.
    CliRun run(const std::vector<std::string> &args) const
    {
        QProcess process;
        process.setProcessEnvironment(environment(m_shared.uri()));
        process.start(QStringLiteral(MODELGATE_CLI_EXECUTABLE), argumentsOf(args));
        CliRun result;
        if (!process.waitForFinished(10 * 60 * 1000)) {
            process.kill();
            process.waitForFinished();
            result.err = "timed out";
            return result;
        }
        result.exitCode = process.exitCode();
        result.crashed = process.exitStatus() != QProcess::NormalExit;
        result.out = process.readAllStandardOutput().toStdString();
        result.err = process.readAllStandardError().toStdString();
        return result;
    }

    // Runs the executable through a relay with `rule` and kills it (SIGKILL) while the relay
    // holds the request the rule picked. Returns that request, or "" after a QFAIL-worthy end.
    std::string runKilled(const std::vector<std::string> &args, test::StoppableRelay::HoldRule rule,
                          std::string &failure) const
    {
        test::StoppableRelay relay;
        if (!relay.start(m_shared.uri(), std::move(rule))) {
            failure = relay.errorString().toStdString();
            return {};
        }
        QProcess process;
        process.setProcessEnvironment(environment(relay.uri()));
        process.start(QStringLiteral(MODELGATE_CLI_EXECUTABLE), argumentsOf(args));
        QElapsedTimer waited;
        waited.start();
        bool holding = false;
        while (!holding && waited.elapsed() < 5 * 60 * 1000 && process.state() != QProcess::NotRunning)
            holding = relay.waitUntilHolding(100) || (process.waitForFinished(0), false);
        std::string held = relay.held();
        if (!holding) {
            failure = "the relay held nothing; the CLI ended with exit " +
                      std::to_string(process.exitCode()) + ":\n" +
                      process.readAllStandardOutput().toStdString() +
                      process.readAllStandardError().toStdString() + "\nforwarded:";
            for (const std::string &request : relay.forwarded())
                failure += "\n  " + request;
            held.clear();
        }
        process.kill(); // SIGKILL: no handler, no cleanup
        process.waitForFinished(30 * 1000);
        if (holding && process.exitStatus() != QProcess::CrashExit) {
            failure = "the CLI was not killed but ended on its own";
            held.clear();
        }
        relay.stop(); // the held requests are dropped: the server never sees them
        return held;
    }

    std::string newModel()
    {
        const std::string model = test::uniqueModelName("diabetes-classifier-killed");
        m_models.push_back(model);
        const Status copied = test::copyModelForDeployment(m_shared, model, kRiley);
        if (!copied.ok())
            qWarning("%s", copied.error().describe().c_str());
        return copied.ok() ? model : std::string();
    }

    nlohmann::json jsonOf(const std::vector<std::string> &args) const
    {
        const CliRun result = run(args);
        if (result.exitCode != 0 || result.crashed)
            qWarning("%s", result.both().c_str());
        return nlohmann::json::parse(result.out, nullptr, false);
    }

    // The request counts of each deployment in HAProxy's log of the endpoint.
    std::map<std::string, int> servedBy() const
    {
        LocalTargetConfig config;
        config.stateRoot = m_home.filePath(QStringLiteral("data/modelgate/endpoints")).toStdString();
        const LocalTarget target(config);
        std::map<std::string, int> counts;
        const QDir logs(QString::fromStdString(target.requestLogDir(kEndpoint)));
        for (const QString &name : logs.entryList({QStringLiteral("*.log")}, QDir::Files)) {
            const std::string text = test::readTextFile(logs.filePath(name).toStdString());
            std::size_t start = 0;
            while (start < text.size()) {
                const std::size_t end = text.find('\n', start);
                const auto line = parseRequestLogLine(std::string_view(text).substr(
                    start, end == std::string::npos ? std::string::npos : end - start));
                if (line && line->status == 200)
                    ++counts[line->server];
                start = end == std::string::npos ? text.size() : end + 1;
            }
        }
        return counts;
    }

    // Sends the demo rows (one request a row) `times` over, then waits for HAProxy's log to
    // show them; returns what each deployment answered of them.
    std::map<std::string, int> serve(int times) const
    {
        const std::map<std::string, int> before = servedBy();
        int sent = 0;
        for (int i = 0; i < times; ++i) {
            const CliRun invoked = run({"endpoint", "invoke", kEndpoint, "--csv",
                                        MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv", "--batch", "1"});
            if (invoked.exitCode != 0 || invoked.crashed)
                qWarning("invoke: %s", invoked.both().c_str());
            else
                sent += 6;
        }
        std::map<std::string, int> served;
        for (int attempt = 0; attempt < 50; ++attempt) {
            served.clear();
            int total = 0;
            for (const auto &[server, count] : servedBy()) {
                const int before_ = before.count(server) ? before.at(server) : 0;
                if (count > before_)
                    served[server] = count - before_;
                total += count - before_;
            }
            if (total >= sent)
                break;
            QTest::qWait(100);
        }
        return served;
    }

    // What `endpoint status` and the trail say the split is; they must agree.
    void checkSplit(const std::map<std::string, int> &expected)
    {
        const nlohmann::json status = jsonOf({"endpoint", "status", kEndpoint, "--json"});
        QVERIFY2(status.is_object(), "endpoint status gave no JSON");
        const nlohmann::json split = member(status, "/split");
        QVERIFY2(split.is_object() && (split.get<std::map<std::string, int>>() == expected),
                 status.dump().c_str());
        QVERIFY2(member(status, "/unrecorded_actions") == 0, status.dump().c_str());

        const nlohmann::json trail = jsonOf({"audit", "show", m_trafficModel, "--json"});
        const nlohmann::json after = lastSplitRecorded(trail);
        QVERIFY2(after.is_object() && (after.get<std::map<std::string, int>>() == expected),
                 trail.dump().c_str());

        const CliRun audit = run({"audit", "verify", m_trafficModel});
        QVERIFY2(audit.exitCode == 0 && !audit.crashed, audit.both().c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
    }

    void cleanupTestCase()
    {
        test::cleanUpDeploymentTest(
            m_shared, m_home.filePath(QStringLiteral("data/modelgate/endpoints")).toStdString(), m_models);
    }

    void killedDecision_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<bool>("recorded"); // whether the record is written when the CLI dies
        QTest::newRow("after the probe") << int(Step::AfterProbe) << false;
        QTest::newRow("after signing") << int(Step::AfterSignature) << false;
        QTest::newRow("after the record") << int(Step::AfterRecord) << true;
        QTest::newRow("during the tag view") << int(Step::DuringTagView) << true;
    }

    void killedDecision()
    {
        QFETCH(int, step);
        QFETCH(bool, recorded);
        const std::string model = newModel();
        QVERIFY(!model.empty());

        std::string failure;
        const std::string held =
            runKilled({"review", "approve", model, kModelVersion, "--comment", "killed mid-write"},
                      ruleFor(Step(step)), failure);
        QVERIFY2(!held.empty(), failure.c_str());
        qInfo("killed while the relay held %s", held.c_str());

        // The trail verifies whatever the step: nothing half-written is in it.
        const CliRun audit = run({"audit", "verify", model});
        QVERIFY2(!audit.crashed, audit.both().c_str());
        const nlohmann::json trail = jsonOf({"audit", "show", model, "--json"});
        const nlohmann::json records = member(trail, "/records");
        QVERIFY2(records.is_array(), trail.dump().c_str());
        QCOMPARE(records.size(), std::size_t(recorded ? 1 : 0));
        const CliRun verify = run({"review", "verify", model, kModelVersion});
        QVERIFY2(!verify.crashed, verify.both().c_str());
        if (!recorded) {
            // Cleanly absent: the trail is empty and verifies, the version is simply pending.
            QVERIFY2(audit.exitCode == 0, audit.both().c_str());
            QVERIFY2(verify.exitCode == 1 && verify.out.rfind("not approved: ", 0) == 0,
                     verify.both().c_str());
            const CliRun again = run({"review", "approve", model, kModelVersion, "--comment", "once more"});
            QVERIFY2(again.exitCode == 0 && !again.crashed, again.both().c_str());
            QVERIFY2(again.says("Recorded approve"), again.both().c_str());
        } else {
            // Fully there: the record stands, only its tag view is missing or partial.
            QVERIFY2(member(records[0], "/action") == "approve", trail.dump().c_str());
            QVERIFY2(audit.exitCode == 1 && audit.says("review sync"), audit.both().c_str());
            QVERIFY2(audit.says("tags: version " + std::string(kModelVersion)), audit.both().c_str());
            QVERIFY2(verify.exitCode == 1 && verify.out.rfind("not approved: ", 0) == 0,
                     verify.both().c_str());
            const CliRun synced = run({"review", "sync", model, kModelVersion});
            QVERIFY2(synced.exitCode == 0 && !synced.crashed, synced.both().c_str());
            const CliRun again = run({"review", "approve", model, kModelVersion, "--comment", "once more"});
            QVERIFY2(again.exitCode == 1 && again.says("already_decided"), again.both().c_str());
        }
        const CliRun verified = run({"review", "verify", model, kModelVersion});
        QVERIFY2(verified.exitCode == 0 && verified.out.rfind("approved", 0) == 0, verified.both().c_str());
        const CliRun auditAfter = run({"audit", "verify", model});
        QVERIFY2(auditAfter.exitCode == 0 && auditAfter.says("verified: 1 record"),
                 auditAfter.both().c_str());
    }

    void trafficEndpointIsSetUp()
    {
        m_trafficModel = newModel();
        QVERIFY(!m_trafficModel.empty());
        const CliRun approved =
            run({"review", "approve", m_trafficModel, kModelVersion, "--comment", "fit to serve"});
        QVERIFY2(approved.exitCode == 0, approved.both().c_str());
        for (const auto &[deployment, traffic] : {std::pair{"blue", "100"}, std::pair{"green", "0"}}) {
            const CliRun deployed = run({"deploy", m_trafficModel, kModelVersion, "--endpoint", kEndpoint,
                                         "--deployment", deployment, "--traffic", traffic});
            QVERIFY2(deployed.exitCode == 0, deployed.both().c_str());
        }
        checkSplit({{"blue", 100}, {"green", 0}});
    }

    void killedDuringTheGateChangesNothing()
    {
        QVERIFY(!m_trafficModel.empty());
        std::string failure;
        const std::string held = runKilled({"endpoint", "traffic", kEndpoint, "blue=30", "green=70"},
                                           ruleFor(Step::DuringGate), failure);
        QVERIFY2(!held.empty(), failure.c_str());
        checkSplit({{"blue", 100}, {"green", 0}});
        const std::map<std::string, int> served = serve(2);
        const int blue = served.count("blue") ? served.at("blue") : 0;
        QVERIFY2(served.size() == 1 && blue == 12,
                 qPrintable(QStringLiteral("blue %1 of %2 deployments").arg(blue).arg(served.size())));
    }

    void killedAtTheRecordIsRecordedLater()
    {
        QVERIFY(!m_trafficModel.empty());
        std::string failure;
        const std::string held =
            runKilled({"endpoint", "traffic", kEndpoint, "blue=30", "green=70", "--comment", "killed"},
                      ruleFor(Step::AtTrafficRecord), failure);
        QVERIFY2(!held.empty(), failure.c_str());
        // `endpoint status` writes the record the killed process kept with the endpoint.
        checkSplit({{"blue", 30}, {"green", 70}});
        const std::map<std::string, int> served = serve(5); // 30 requests: 9 and 21
        const int blue = served.count("blue") ? served.at("blue") : 0;
        const int green = served.count("green") ? served.at("green") : 0;
        qInfo("served: blue %d, green %d", blue, green);
        QCOMPARE(blue + green, 30);
        QVERIFY2(green > blue && blue > 0,
                 qPrintable(QStringLiteral("blue %1, green %2").arg(blue).arg(green)));
        // The record is written once, though the next action flushes again.
        const nlohmann::json trail = jsonOf({"audit", "show", m_trafficModel, "--json"});
        int traffic = 0;
        const nlohmann::json records = member(trail, "/records");
        for (std::size_t i = 0; records.is_array() && i < records.size(); ++i)
            traffic += member(records[i], "/action") == "traffic";
        QCOMPARE(traffic, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliKilled)
#include "tst_cli_killed.moc"
