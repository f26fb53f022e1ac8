// `modelgate-cli compare` in-process: usage errors without a server, and comparisons against
// the real seeded MLflow server (diabetes-classifier: champion -> v3, challenger -> v4;
// churn-predictor has no alias). Exit 0 whether or not the candidate is better.
#include "cli_app.h"
#include "mlflow_test_server.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include <QFile>
#include <QTest>

using namespace modelgate;
using Json = nlohmann::json;

namespace {

struct CliResult
{
    int exitCode = -1;
    std::string out;
    std::string err;

    int stderrLines() const { return static_cast<int>(std::count(err.begin(), err.end(), '\n')); }
    bool outHas(const std::string &text) const { return out.find(text) != std::string::npos; }
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

Environment serverEnv(const QString &uri)
{
    Environment env;
    env.vars["MLFLOW_TRACKING_URI"] = uri.toStdString();
    return env;
}

const Json *metricRow(const Json &json, const std::string &key)
{
    for (const auto &row : json["metrics"]) {
        if (row["key"] == key)
            return &row;
    }
    return nullptr;
}

} // namespace

class TestCliCompare final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString stateDir = test::sharedMlflowStateDir();
        QFile seed(stateDir + QStringLiteral("/seed.json"));
        if (seed.open(QIODevice::ReadOnly))
            m_seed = Json::parse(seed.readAll().toStdString(), nullptr, false);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no operands") << QStringList{u"compare"_qs}
                                     << u"usage: modelgate-cli compare MODEL VERSION"_qs;
        QTest::newRow("one operand") << QStringList{u"compare"_qs, u"m"_qs}
                                     << u"usage: modelgate-cli compare"_qs;
        QTest::newRow("three operands")
            << QStringList{u"compare"_qs, u"m"_qs, u"1"_qs, u"2"_qs} << u"usage: modelgate-cli compare"_qs;
        QTest::newRow("--against elsewhere")
            << QStringList{u"versions"_qs, u"list"_qs, u"m"_qs, u"--against"_qs, u"2"_qs}
            << u"--against applies"_qs;
        QTest::newRow("--against without value")
            << QStringList{u"compare"_qs, u"m"_qs, u"1"_qs, u"--against"_qs} << u"--against"_qs;
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        std::vector<std::string> argv{"--tracking-uri", "http://127.0.0.1:1"};
        for (const QString &arg : args)
            argv.push_back(arg.toStdString());
        const CliResult result = runCli(argv, {});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY2(result.err.find(expected.toStdString()) != std::string::npos, result.err.c_str());
        QVERIFY(result.out.empty());
    }

    void badVersionReferenceIsAUsageError()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const CliResult result =
            runCli({"compare", "diabetes-classifier", "4", "--against", "champion"}, serverEnv(uri));
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY2(result.err.find("neither a version number") != std::string::npos, result.err.c_str());
    }

    void unreachableServerExitsThree()
    {
        const CliResult result = runCli(
            {"--tracking-uri", "http://127.0.0.1:1", "--timeout", "5", "compare", "diabetes-classifier", "4"},
            {});
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY(result.out.empty());
    }

    void newestVersionAgainstChampion()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const CliResult result = runCli({"compare", "diabetes-classifier", "4"}, serverEnv(uri));
        QVERIFY2(result.exitCode == 0, result.err.c_str());
        QVERIFY(result.err.empty());
        QVERIFY(result.outHas("Candidate: diabetes-classifier version 4 (@challenger)"));
        QVERIFY(result.outHas("Baseline:  diabetes-classifier version 3 (@champion)"));
        QVERIFY(result.out.find("\033[") == std::string::npos); // not a terminal: no colour codes
        for (const char *key : {"auc", "accuracy"}) {
            // "auc  <candidate>  <baseline>  <delta> ..." with the seeded values on one line.
            const std::size_t line = result.out.find(std::string("\n") + key + " ");
            QVERIFY2(line != std::string::npos, key);
            const std::string text = result.out.substr(line + 1, result.out.find('\n', line + 1) - line - 1);
            if (m_seed.is_object()) {
                for (const char *version : {"4", "3"}) {
                    for (const auto &entry : m_seed["models"]["diabetes-classifier"]["versions"]) {
                        if (entry["version"] == version) {
                            std::ostringstream value;
                            value << entry["metrics"][key].get<double>();
                            QVERIFY2(text.find(value.str()) != std::string::npos, text.c_str());
                        }
                    }
                }
            }
            QVERIFY2(text.find("higher") != std::string::npos, text.c_str());
            QVERIFY2(text.find("better") != std::string::npos || text.find("worse") != std::string::npos ||
                         text.find("equal") != std::string::npos,
                     text.c_str());
        }
        QVERIFY(result.outHas("\nParameters ("));
        QVERIFY(result.outHas("model_class"));
        QVERIFY(result.outHas("\nVersion tags ("));
        QVERIFY(result.outHas("validation_status"));
        QVERIFY(result.outHas("\nSignature: no changes"));
        QVERIFY(!result.outHas("BREAKING"));
    }

    void jsonParses()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const CliResult result = runCli({"--json", "compare", "diabetes-classifier", "4"}, serverEnv(uri));
        QVERIFY2(result.exitCode == 0, result.err.c_str());
        const Json json = Json::parse(result.out, nullptr, false);
        QVERIFY2(!json.is_discarded(), result.out.c_str());
        QCOMPARE(json["candidate"]["name"].get<std::string>(), std::string("diabetes-classifier"));
        QCOMPARE(json["candidate"]["version"].get<std::string>(), std::string("4"));
        QCOMPARE(json["baseline"]["version"].get<std::string>(), std::string("3"));
        for (const char *key : {"auc", "accuracy", "f1", "loss"}) {
            const Json *row = metricRow(json, key);
            QVERIFY2(row, key);
            QVERIFY((*row)["candidate"].is_number());
            QVERIFY((*row)["baseline"].is_number());
            QVERIFY((*row)["delta"].is_number());
            QVERIFY((*row)["relative_delta"].is_number());
            const double delta = (*row)["candidate"].get<double>() - (*row)["baseline"].get<double>();
            QCOMPARE((*row)["delta"].get<double>(), delta);
        }
        QCOMPARE((*metricRow(json, "loss"))["direction"].get<std::string>(), std::string("lower"));
        QCOMPARE((*metricRow(json, "auc"))["direction"].get<std::string>(), std::string("higher"));
        QVERIFY(json["params"].is_array() && !json["params"].empty());
        QVERIFY(json["version_tags"].is_array());
        QVERIFY(json["run_tags"].is_array());
        QCOMPARE(json["signature"]["breaking"].get<bool>(), false);
        QCOMPARE(json["signature"]["compared"].get<bool>(), true);
    }

    void breakingSignatureIsMarked()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        // v1 takes three of v4's eight features: five inputs removed.
        const CliResult result =
            runCli({"compare", "diabetes-classifier", "1", "--against", "4"}, serverEnv(uri));
        QVERIFY2(result.exitCode == 0, result.err.c_str()); // a worse or breaking candidate is not an error
        QVERIFY(result.outHas("Signature: 5 changes, BREAKING"));
        QVERIFY(result.outHas("BREAKING  inputs PlasmaGlucose: removed"));

        const CliResult json = runCli(
            {"compare", "diabetes-classifier", "1", "--against", "@challenger", "--json"}, serverEnv(uri));
        QCOMPARE(json.exitCode, 0);
        const Json parsed = Json::parse(json.out);
        QCOMPARE(parsed["baseline"]["version"].get<std::string>(), std::string("4"));
        QCOMPARE(parsed["signature"]["breaking"].get<bool>(), true);
        QCOMPARE(parsed["signature"]["changes"].size(), std::size_t{5});
        QCOMPARE(parsed["signature"]["changes"][0]["section"].get<std::string>(), std::string("inputs"));
        QCOMPARE(parsed["signature"]["changes"][0]["change"].get<std::string>(), std::string("removed"));
    }

    void noChampionIsAServerStateError()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const CliResult result = runCli({"compare", "churn-predictor", "1"}, serverEnv(uri));
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.stderrLines(), 1);
        QCOMPARE(
            result.err,
            std::string("modelgate-cli: churn-predictor has no alias 'champion'; pass --against VERSION\n"));
        QVERIFY(result.out.empty());

        const CliResult other =
            runCli({"compare", "churn-predictor", "1", "--against", "@gold"}, serverEnv(uri));
        QCOMPARE(other.exitCode, 3);
        QCOMPARE(other.err, std::string("modelgate-cli: churn-predictor has no alias 'gold'\n"));
    }

    void missingModelOrVersionExitsThree()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const CliResult model = runCli({"compare", "no-such-model", "1", "--against", "2"}, serverEnv(uri));
        QCOMPARE(model.exitCode, 3);
        QCOMPARE(model.stderrLines(), 1);
        QVERIFY2(model.err.find("RESOURCE_DOES_NOT_EXIST") != std::string::npos, model.err.c_str());
        const CliResult version = runCli({"compare", "diabetes-classifier", "99"}, serverEnv(uri));
        QCOMPARE(version.exitCode, 3);
        QCOMPARE(version.stderrLines(), 1);
        QVERIFY2(version.err.find("cannot compare version '99'") != std::string::npos, version.err.c_str());
    }

    void helpMentionsCompare()
    {
        const CliResult help = runCli({"--help"}, {});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.outHas("compare MODEL VERSION [--against VERSION]"));
    }

private:
    Json m_seed;
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "tst_cli_compare.moc"
