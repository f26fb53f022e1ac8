// modelgate-cli's deployment commands, run in-process as a pipeline runs them, against the
// shared basic-auth MLflow server (fixture "mlflow_auth") with a copy of diabetes-classifier
// of the test's own, real HAProxy and a real `mlflow models serve`: usage errors before
// anything is read, an unapproved version refused (exit 1) with nothing started, a deployment
// that serves a CSV file's rows, bad input refused with nothing sent (exit 2), a split that does
// not sum to 100, a deployment with traffic that cannot be deleted, logs, and the endpoint
// deleted with its records in `audit show`. The functions build on each other in order.
#include "cli_runner.h"
#include "mlflow_test_server.h"
#include "release_test_users.h"
#include "result_assertions.h"
#include "seeded_model_copy.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/release/release_ledger.h>

using namespace modelgate;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-classifier-cli-deploy");
constexpr const char *kRiley = "riley.release";
constexpr const char *kEndpoint = "cli-online";

using test::CliResult;

} // namespace

class TestCliDeploy final : public QObject
{
    Q_OBJECT

private:
    test::SharedAuthMlflow m_shared;
    QTemporaryDir m_home{QStringLiteral("/tmp/mg-cli-XXXXXX")}; // XDG_DATA_HOME: short for HAProxy's socket

    CliResult run(const std::vector<std::string> &args) const
    {
        return test::runCliAs(m_shared.uri(), kRiley, m_shared.password(kRiley), m_home.path(), args);
    }

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        QFile file(m_home.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(name));
        return file.fileName();
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
        // Whatever a failed function left running goes: every endpoint of this test's data folder.
        test::cleanUpDeploymentTest(m_shared, m_home.path().toStdString() + "/data/modelgate/endpoints",
                                    {kModel});
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("deploy without endpoint")
            << QStringList{u"deploy"_qs, u"m"_qs, u"3"_qs, u"--deployment"_qs, u"a"_qs} << u"usage:"_qs;
        QTest::newRow("bad endpoint name")
            << QStringList{u"deploy"_qs,       u"m"_qs, u"3"_qs, u"--endpoint"_qs, u"Bad_Name"_qs,
                           u"--deployment"_qs, u"a"_qs}
            << u"not a valid name"_qs;
        QTest::newRow("traffic out of range")
            << QStringList{u"deploy"_qs,       u"m"_qs, u"3"_qs,         u"--endpoint"_qs, u"e"_qs,
                           u"--deployment"_qs, u"a"_qs, u"--traffic"_qs, u"101"_qs}
            << u"whole percent"_qs;
        QTest::newRow("split not 100")
            << QStringList{u"endpoint"_qs, u"traffic"_qs, u"e"_qs, u"a=50"_qs, u"b=40"_qs} << u"sum to 90"_qs;
        QTest::newRow("invoke without input")
            << QStringList{u"endpoint"_qs, u"invoke"_qs, u"e"_qs} << u"--csv FILE and --json FILE"_qs;
        QTest::newRow("unknown target")
            << QStringList{u"deploy"_qs,       u"m"_qs, u"3"_qs,        u"--endpoint"_qs, u"e"_qs,
                           u"--deployment"_qs, u"a"_qs, u"--target"_qs, u"k8s"_qs}
            << u"targets: local"_qs;
        QTest::newRow("option of another command")
            << QStringList{u"models"_qs, u"list"_qs, u"--endpoint"_qs, u"e"_qs} << u"applies to"_qs;
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        std::vector<std::string> words;
        for (const QString &arg : args)
            words.push_back(arg.toStdString());
        const CliResult result = run(words);
        QVERIFY2(result.exitCode == 2, result.both().c_str());
        QVERIFY2(result.says(expected.toStdString()), result.both().c_str());
    }

    void unapprovedIsRefusedWithNothingStarted()
    {
        const CliResult result = run({"deploy", kModel, "4", "--endpoint", kEndpoint, "--deployment", "v4"});
        QVERIFY2(result.exitCode == 1, result.both().c_str());
        QVERIFY2(result.says("not_approved"), result.both().c_str());
        const CliResult list = run({"endpoint", "list", "--json"});
        QVERIFY2(list.exitCode == 0, list.both().c_str());
        QCOMPARE(nlohmann::json::parse(list.out)["endpoints"].size(), std::size_t(0));
    }

    void approvedDeploysAndServesCsvRows()
    {
        const CliResult deployed =
            run({"deploy", kModel, "3", "--endpoint", kEndpoint, "--deployment", "v3", "--comment", "first"});
        QVERIFY2(deployed.exitCode == 0, deployed.both().c_str());
        QVERIFY2(deployed.says("Recorded: deploy as record"), deployed.both().c_str());
        const CliResult status = run({"endpoint", "status", kEndpoint, "--json"});
        QVERIFY2(status.exitCode == 0, status.both().c_str());
        const auto json = nlohmann::json::parse(status.out);
        QVERIFY(json["scoring_uri"].get<std::string>().rfind("http://127.0.0.1:", 0) == 0);
        QCOMPARE(json["deployments"][0]["traffic"].get<int>(), 100);
        QCOMPARE(json["deployments"][0]["approved"].get<bool>(), true);
        QCOMPARE(json["deployments"][0]["state"].get<std::string>(), std::string("healthy"));

        const CliResult predicted = run(
            {"endpoint", "invoke", kEndpoint, "--csv", MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv"});
        QVERIFY2(predicted.exitCode == 0, predicted.both().c_str());
        QCOMPARE(std::count(predicted.out.begin(), predicted.out.end(), '\n'), 6L);
        QVERIFY2(predicted.says("not sent: PatientID"), predicted.both().c_str());
        // --json FILE is the input; a trailing --json asks for JSON output.
        const QString input =
            writeFile(QStringLiteral("rows.json"),
                      "[{\"Pregnancies\":1,\"PlasmaGlucose\":85,\"DiastolicBloodPressure\":59,"
                      "\"TricepsThickness\":27,\"SerumInsulin\":35,\"BMI\":42.6,"
                      "\"DiabetesPedigree\":0.549,\"Age\":22}]");
        const CliResult fromJson =
            run({"endpoint", "invoke", kEndpoint, "--json", input.toStdString(), "--json"});
        QVERIFY2(fromJson.exitCode == 0, fromJson.both().c_str());
        QCOMPARE(nlohmann::json::parse(fromJson.out)["predictions"].size(), std::size_t(1));
    }

    void badInputSendsNothing()
    {
        const QString badCell = writeFile(QStringLiteral("bad.csv"),
                                          "Pregnancies,PlasmaGlucose,DiastolicBloodPressure,TricepsThickness,"
                                          "SerumInsulin,BMI,DiabetesPedigree,Age\n1,85,59,27,35,42.6,0.5,22\n"
                                          "2,eighty,59,27,35,42.6,0.5,22\n");
        const CliResult result = run({"endpoint", "invoke", kEndpoint, "--csv", badCell.toStdString()});
        QVERIFY2(result.exitCode == 2, result.both().c_str());
        QVERIFY2(result.says("row 2, column 'PlasmaGlucose'") && result.says("nothing was sent"),
                 result.both().c_str());
        const QString missing = writeFile(QStringLiteral("missing.csv"), "Pregnancies\n1\n");
        const CliResult noColumn = run({"endpoint", "invoke", kEndpoint, "--csv", missing.toStdString()});
        QVERIFY2(noColumn.exitCode == 2 && noColumn.says("no column 'PlasmaGlucose'"),
                 noColumn.both().c_str());
    }

    void rulesOfTheSplit()
    {
        const CliResult unknown = run({"endpoint", "traffic", kEndpoint, "v3=50", "nope=50"});
        QVERIFY2(unknown.exitCode == 1 && unknown.says("no deployment nope"), unknown.both().c_str());
        const CliResult withTraffic = run({"endpoint", "delete", kEndpoint, "--deployment", "v3"});
        QVERIFY2(withTraffic.exitCode == 1 && withTraffic.says("has_traffic"), withTraffic.both().c_str());
        const CliResult rollback = run({"endpoint", "rollback", kEndpoint});
        QVERIFY2(rollback.exitCode == 1 && rollback.says("nothing_to_roll_back"), rollback.both().c_str());
        const CliResult logs = run({"endpoint", "logs", kEndpoint, "--deployment", "v3", "--tail", "50"});
        QVERIFY2(logs.exitCode == 0 && logs.says("Uvicorn running"), logs.both().c_str());
        QVERIFY2(!logs.says(m_shared.password(kRiley)), "the password is in the log");
    }

    void deletedEndpointLeavesItsRecords()
    {
        const CliResult deleted = run({"endpoint", "delete", kEndpoint, "--comment", "test over"});
        QVERIFY2(deleted.exitCode == 0, deleted.both().c_str());
        const CliResult status = run({"endpoint", "status", kEndpoint});
        QVERIFY2(status.exitCode == 2 && status.says("no local endpoint"), status.both().c_str());
        const CliResult audit = run({"audit", "show", kModel});
        QVERIFY2(audit.exitCode == 0, audit.both().c_str());
        QVERIFY2(audit.says("deploy") && audit.says("undeploy") && audit.says("v3@cli-online"),
                 audit.both().c_str());
        const CliResult verify = run({"audit", "verify", kModel});
        QVERIFY2(verify.exitCode == 0, verify.both().c_str());
    }
};

QTEST_GUILESS_MAIN(TestCliDeploy)
#include "tst_cli_deploy.moc"
