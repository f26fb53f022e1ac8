// modelgate-cli's release-review commands, run in-process against the shared seeded MLflow
// server with the basic-auth app (fixture "mlflow_auth"), on a copy of diabetes-classifier of
// the test's own: an admin enrols reviewers (a release manager and a reader of the test's own,
// so that their first enrolment is this test's), the author (the fixture's dana.scientist) is
// refused by the four-eyes rule, a read-only user by the server, the release manager approves,
// and a hand-edited tag makes `review verify` say no until `review sync` repairs it.
#include "cli_app.h"
#include "mlflow_test_server.h"
#include "release_test_users.h"
#include "result_assertions.h"
#include "seeded_model_copy.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/release/release_records.h>

using namespace modelgate;

namespace {

const std::string kModelName = test::uniqueModelName("diabetes-classifier-cli");
const char *const kModel = kModelName.c_str(); // a copy of the seeded diabetes-classifier
const std::string kSuffix = kModelName.substr(kModelName.size() - 8);
// The fixture's author, enrolled by it: the seeded runs of v1, v2 and v4 carry her mlflow.user.
constexpr const char *kAuthor = "dana.scientist";
// Users of the test's own, made and enrolled by it.
const std::string kReleaseManagerName = "riley.release-" + kSuffix;
const char *const kReleaseManager = kReleaseManagerName.c_str();
const std::string kReaderName = "robin.reader-" + kSuffix;
const char *const kReader = kReaderName.c_str();

struct CliResult
{
    int exitCode = -1;
    std::string out;
    std::string err;

    int stderrLines() const { return static_cast<int>(std::count(err.begin(), err.end(), '\n')); }
    bool says(const std::string &text) const
    {
        return out.find(text) != std::string::npos || err.find(text) != std::string::npos;
    }
    std::string both() const { return "stdout:\n" + out + "\nstderr:\n" + err; }
};

// Any object in `json` (at any depth) whose members include every pair of `wanted`.
bool containsObject(const nlohmann::json &json, const std::map<std::string, std::string> &wanted)
{
    if (json.is_object()) {
        bool all = true;
        for (const auto &[key, value] : wanted)
            all = all && json.contains(key) && json[key].is_string() && json[key] == value;
        if (all)
            return true;
    }
    if (json.is_structured())
        for (const auto &child : json)
            if (containsObject(child, wanted))
                return true;
    return false;
}

std::string headOf(const std::string &out)
{
    std::smatch match;
    static const std::regex head("head: ([0-9a-f]{64})");
    return std::regex_search(out, match, head) ? match[1].str() : std::string();
}

} // namespace

class TestCliReview final : public QObject
{
    Q_OBJECT

private:
    std::optional<test::SharedAuthMlflow> m_server;
    std::map<std::string, std::string> m_passwords;
    QTemporaryDir m_configHome; // so that no real profiles.json is ever read
    QTemporaryDir m_files;

    Environment envFor(const std::string &user) const
    {
        Environment env;
        env.vars["MLFLOW_TRACKING_URI"] = m_server->uri().toStdString();
        env.vars["MLFLOW_TRACKING_USERNAME"] = user;
        env.vars["MLFLOW_TRACKING_PASSWORD"] = m_passwords.at(user);
        env.vars["XDG_CONFIG_HOME"] = m_configHome.path().toStdString();
        return env;
    }

    CliResult runAs(const std::string &user, const std::vector<std::string> &args) const
    {
        return runWith(envFor(user), args);
    }

    static CliResult runWith(const Environment &env, const std::vector<std::string> &args)
    {
        std::ostringstream out;
        std::ostringstream err;
        CliResult result;
        result.exitCode = cli::run(args, out, err, env);
        result.out = out.str();
        result.err = err.str();
        return result;
    }

    std::string admin() const { return test::SharedAuthMlflow::adminUser().toStdString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_configHome.isValid());
        QVERIFY(m_files.isValid());
        test::SharedAuthMlflow shared;
        MODELGATE_REQUIRE_MLFLOW_AUTH(shared);
        m_server = std::move(shared);
        m_passwords = m_server->passwords();
        const MlflowClient adminClient = test::clientAs(m_server->uri(), admin(), m_passwords[admin()]);
        const Status copied = test::copySeededModel(adminClient, "diabetes-classifier", kModelName);
        QVERIFY2(copied.ok(), copied.ok() ? "" : copied.error().describe().c_str());
        for (const char *user : {kReleaseManager, kReader}) {
            m_passwords[user] = test::randomPassword();
            const Status created = test::createUser(adminClient, user, m_passwords[user]);
            QVERIFY2(created.ok(), created.ok() ? "" : created.error().describe().c_str());
        }
    }

    void cleanupTestCase()
    {
        if (m_server)
            test::deleteModels(test::clientAs(m_server->uri(), admin(), m_passwords.at(admin())),
                               {kModelName});
    }

    // No request is made for these: they fail before a client exists.
    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("approve without comment")
            << QStringList{u"review"_qs, u"approve"_qs, u"m"_qs, u"4"_qs} << u"needs --comment"_qs;
        QTest::newRow("blank comment")
            << QStringList{u"review"_qs, u"reject"_qs, u"m"_qs, u"4"_qs, u"--comment"_qs, u"  "_qs}
            << u"needs --comment"_qs;
        QTest::newRow("missing version") << QStringList{u"review"_qs, u"checks"_qs, u"m"_qs}
                                         << u"usage: modelgate-cli review checks MODEL VERSION"_qs;
        QTest::newRow("comment on checks")
            << QStringList{u"review"_qs, u"checks"_qs, u"m"_qs, u"4"_qs, u"--comment"_qs, u"x"_qs}
            << u"--comment applies to"_qs;
        QTest::newRow("break-glass on reject")
            << QStringList{u"review"_qs, u"reject"_qs,        u"m"_qs, u"4"_qs, u"--comment"_qs,
                           u"x"_qs,      u"--break-glass"_qs, u"y"_qs}
            << u"--break-glass applies to 'review approve' only"_qs;
        QTest::newRow("policy set without file")
            << QStringList{u"review"_qs, u"policy"_qs, u"set"_qs, u"m"_qs, u"--comment"_qs, u"x"_qs}
            << u"needs --file"_qs;
        QTest::newRow("policy without subcommand")
            << QStringList{u"review"_qs, u"policy"_qs, u"m"_qs} << u"unknown command 'review policy m'"_qs;
        QTest::newRow("grant without user")
            << QStringList{u"audit"_qs, u"grant"_qs} << u"usage: modelgate-cli audit grant USER"_qs;
        QTest::newRow("model on verify")
            << QStringList{u"audit"_qs, u"verify"_qs, u"m"_qs, u"--model"_qs, u"m"_qs}
            << u"--model applies to 'audit grant' only"_qs;
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        std::vector<std::string> argv;
        for (const QString &arg : args)
            argv.push_back(arg.toStdString());
        const CliResult result = runAs(kReleaseManager, argv);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY2(result.err.rfind("modelgate-cli: ", 0) == 0, result.err.c_str());
        QVERIFY2(result.err.find(expected.toStdString()) != std::string::npos, result.err.c_str());
        QVERIFY(result.out.empty());
    }

    void adminEnrolsReviewers()
    {
        const CliResult riley = runAs(
            admin(), {"audit", "grant", kReleaseManager, "--model", kModel, "--model", "fraud-detector"});
        QVERIFY2(riley.exitCode == 0, riley.both().c_str());
        QVERIFY2(riley.out.find("Enrolled " + kReleaseManagerName) != std::string::npos, riley.out.c_str());
        QVERIFY2(riley.out.find("EDIT on model '" + kModelName + "'") != std::string::npos,
                 riley.out.c_str());
        QVERIFY2(riley.out.find("EDIT on model 'fraud-detector'") != std::string::npos, riley.out.c_str());
        QVERIFY(riley.err.empty());

        // Enrolled, but READ on the model: the server, not ModelGate, must stop this one.
        const CliResult reader = runAs(admin(), {"--json", "audit", "grant", kReader});
        QVERIFY2(reader.exitCode == 0, reader.both().c_str());
        const auto json = nlohmann::json::parse(reader.out, nullptr, false);
        QVERIFY2(json.is_object(), reader.out.c_str());
        QCOMPARE(json.value("user", ""), kReaderName);
        QCOMPARE(json.value("already_enrolled", true), false);
        QCOMPARE(json.value("permissions_skipped", true), false);
        QVERIFY(json.value("signature_run_id", "").size() > 0);

        // The author, enrolled by the fixture, gets EDIT on this test's model: what stops her
        // below must be the four-eyes rule, not the permission.
        const CliResult dana = runAs(admin(), {"audit", "grant", kAuthor, "--model", kModel});
        QVERIFY2(dana.exitCode == 0, dana.both().c_str());
        QVERIFY2(dana.out.find("EDIT on model '" + kModelName + "'") != std::string::npos, dana.out.c_str());

        // A second grant is harmless and says so.
        const CliResult again = runAs(admin(), {"audit", "grant", kReleaseManager});
        QVERIFY2(again.exitCode == 0, again.both().c_str());
        QVERIFY2(again.out.find("already enrolled") != std::string::npos, again.out.c_str());
    }

    void nonAdminCannotGrant()
    {
        const CliResult result = runAs(kAuthor, {"audit", "grant", kAuthor, "--model", kModel});
        QVERIFY2(result.exitCode == 3, result.both().c_str());
        QCOMPARE(result.stderrLines(), 1);
    }

    void policyShowDefaultThenSet()
    {
        const CliResult shown = runAs(kReleaseManager, {"review", "policy", "show", kModel});
        QVERIFY2(shown.exitCode == 0, shown.both().c_str());
        QVERIFY2(shown.out.find("the default") != std::string::npos, shown.out.c_str());

        // A policy every seeded candidate of this model meets, so that the approval below
        // depends on people, not on how the seeded metrics happen to compare.
        const QString path = m_files.filePath(u"policy.json"_qs);
        const std::string policy =
            R"({"version": 1, "thresholds": [{"metric": "auc", "at_least": 0.6, "at_most": null}],)"
            R"( "max_regression_absolute": null, "max_regression_relative": null,)"
            R"( "require_compatible_signature": false, "required_approvals": 1})";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(policy.c_str());
        file.close();

        const CliResult set =
            runAs(kReleaseManager, {"review", "policy", "set", kModel, "--file", path.toStdString(),
                                    "--comment", "auc floor, no regression gate"});
        QVERIFY2(set.exitCode == 0, set.both().c_str());
        QVERIFY2(set.out.find("as record 1") != std::string::npos, set.out.c_str());

        const CliResult json = runAs(kReleaseManager, {"--json", "review", "policy", "show", kModel});
        QVERIFY2(json.exitCode == 0, json.both().c_str());
        const auto document = nlohmann::json::parse(json.out, nullptr, false);
        QVERIFY2(document.is_object(), json.out.c_str());
        QCOMPARE(document["thresholds"].size(), std::size_t(1));
        QVERIFY(document["max_regression_absolute"].is_null());

        // A broken file is a usage error, and nothing is read from the server for it.
        QFile broken(m_files.filePath(u"broken.json"_qs));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(R"({"version": 1, "required_aprovals": 2})");
        broken.close();
        const CliResult typo = runAs(kReleaseManager, {"review", "policy", "set", kModel, "--file",
                                                       broken.fileName().toStdString(), "--comment", "typo"});
        QVERIFY2(typo.exitCode == 2, typo.both().c_str());
        QVERIFY2(typo.err.find("required_aprovals") != std::string::npos, typo.err.c_str());
    }

    void checksTableAgreesWithJson()
    {
        const CliResult table = runAs(kReleaseManager, {"review", "checks", kModel, "4"});
        QVERIFY2(table.exitCode == 0 || table.exitCode == 1, table.both().c_str());
        QVERIFY2(table.out.rfind("STATUS", 0) == 0, table.out.c_str());
        for (const char *column : {"CHECK", "MEASURED", "EXPECTED", "DETAIL"})
            QVERIFY2(table.out.find(column) != std::string::npos, table.out.c_str());
        QVERIFY2(table.out.find("auc >= 0.6") != std::string::npos, table.out.c_str());
        QVERIFY2(table.out.find(" passed, ") != std::string::npos, table.out.c_str());

        const CliResult json = runAs(kReleaseManager, {"review", "checks", kModel, "4", "--json"});
        const auto report = nlohmann::json::parse(json.out, nullptr, false);
        QVERIFY2(report.is_object() && report.contains("failed"), json.out.c_str());
        const int failed = report["failed"].get<int>();
        QCOMPARE(json.exitCode, failed > 0 ? 1 : 0);
        QCOMPARE(table.exitCode, json.exitCode);
        if (failed > 0)
            QCOMPARE(json.stderrLines(), 1);
        // The policy above is written so that version 4 passes: the approval test needs it.
        QVERIFY2(failed == 0, json.out.c_str());
    }

    void authorIsRefusedByFourEyes()
    {
        // With --tracking-uri instead of MLFLOW_TRACKING_URI: the credentials still apply.
        Environment env = envFor(kAuthor);
        env.vars.erase("MLFLOW_TRACKING_URI");
        const CliResult result = runWith(env, {"--tracking-uri", m_server->uri().toStdString(), "review",
                                               "approve", kModel, "4", "--comment", "my own model"});
        QVERIFY2(result.exitCode == 1, result.both().c_str());
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY2(result.err.find("four_eyes") != std::string::npos, result.err.c_str());
        QVERIFY(result.out.empty());
    }

    void readOnlyUserIsRefusedByTheServer()
    {
        const CliResult result =
            runAs(kReader, {"review", "approve", kModel, "4", "--comment", "looks fine"});
        QVERIFY2(result.exitCode == 3, result.both().c_str());
        QCOMPARE(result.stderrLines(), 1);
        QVERIFY2(result.err.find("EDIT permission on model") != std::string::npos, result.err.c_str());
        QVERIFY2(result.err.find("NOT recorded") != std::string::npos, result.err.c_str());
    }

    void releaseManagerApprovesAndVerifies()
    {
        const CliResult approved = runAs(kReleaseManager, {"review", "approve", kModel, "4", "--comment",
                                                           "AUC up; reviewed the drift report"});
        QVERIFY2(approved.exitCode == 0, approved.both().c_str());
        QVERIFY(approved.err.empty());
        for (const char *text :
             {"Recorded approve", "Record:", "Hash:", kReleaseManager, "State after: approved"})
            QVERIFY2(approved.out.find(text) != std::string::npos, approved.out.c_str());

        // The same decision again is refused: a reviewer holds one standing decision.
        const CliResult repeated =
            runAs(kReleaseManager, {"review", "approve", kModel, "4", "--comment", "once more"});
        QVERIFY2(repeated.exitCode == 1, repeated.both().c_str());
        QVERIFY2(repeated.err.find("already_decided") != std::string::npos, repeated.err.c_str());

        const CliResult verified = runAs(kReleaseManager, {"review", "verify", kModel, "4"});
        QVERIFY2(verified.exitCode == 0, verified.both().c_str());
        QVERIFY2(verified.out.rfind("approved", 0) == 0, verified.out.c_str());
        const std::string head = headOf(verified.out);
        QVERIFY2(!head.empty(), verified.out.c_str());

        // Anyone may verify, the author too.
        const CliResult audit = runAs(kAuthor, {"audit", "verify", kModel});
        QVERIFY2(audit.exitCode == 0, audit.both().c_str());
        QCOMPARE(headOf(audit.out), head);
        QVERIFY2(audit.out.find("verified: 2 records") != std::string::npos, audit.out.c_str());

        const CliResult shown = runAs(kReader, {"audit", "show", kModel, "--json"});
        QVERIFY2(shown.exitCode == 0, shown.both().c_str());
        const auto trail = nlohmann::json::parse(shown.out, nullptr, false);
        QVERIFY2(!trail.is_discarded(), shown.out.c_str());
        QVERIFY2(
            containsObject(trail, {{"action", "approve"}, {"reviewer", kReleaseManager}, {"version", "4"}}),
            shown.out.c_str());
        QVERIFY2(containsObject(trail, {{"action", "policy"}, {"reviewer", kReleaseManager}}),
                 shown.out.c_str());

        const CliResult table = runAs(kReader, {"audit", "show", kModel});
        QVERIFY2(table.exitCode == 0, table.both().c_str());
        QVERIFY2(table.out.find(head.substr(0, 12)) != std::string::npos, table.out.c_str());
        QVERIFY2(table.out.find("verified: 2 records") != std::string::npos, table.out.c_str());
    }

    void editedTagFailsVerifyUntilSynced()
    {
        const MlflowClient adminClient = test::clientAs(m_server->uri(), admin(), m_passwords.at(admin()));
        CancelToken cancel;
        const Status edited =
            adminClient.setModelVersionTag(kModel, "4", kReviewStatusTag, "rejected", cancel);
        QVERIFY2(edited.ok(), edited.ok() ? "" : edited.error().describe().c_str());

        const CliResult broken = runAs(kReleaseManager, {"review", "verify", kModel, "4"});
        QVERIFY2(broken.exitCode == 1, broken.both().c_str());
        QCOMPARE(broken.stderrLines(), 1);
        QVERIFY2(broken.out.rfind("not approved: ", 0) == 0, broken.out.c_str());
        QVERIFY2(broken.says(kReviewStatusTag), broken.both().c_str());
        QVERIFY2(!headOf(broken.out).empty(), broken.out.c_str()); // the trail itself is intact

        // The model's audit says so too: the records verify, the tag view does not match them.
        const CliResult audit = runAs(kReleaseManager, {"audit", "verify", kModel});
        QVERIFY2(audit.exitCode == 1, audit.both().c_str());
        QVERIFY2(audit.out.find("tags: version 4") != std::string::npos, audit.out.c_str());
        QVERIFY2(audit.says("review sync"), audit.both().c_str());

        const CliResult synced = runAs(kReleaseManager, {"review", "sync", kModel, "4"});
        QVERIFY2(synced.exitCode == 0, synced.both().c_str());

        const CliResult status = runAs(kReleaseManager, {"review", "status", kModel, "4", "--json"});
        QVERIFY2(status.exitCode == 0, status.both().c_str());
        const auto json = nlohmann::json::parse(status.out, nullptr, false);
        QVERIFY2(json.is_object(), status.out.c_str());
        QVERIFY2(json.value("approved", false), status.out.c_str());
    }

    void reviewerRevokesOwnApproval()
    {
        const CliResult revoked =
            runAs(kReleaseManager, {"--json", "review", "revoke", kModel, "4", "--comment",
                                    "approved before the drift report was final"});
        QVERIFY2(revoked.exitCode == 0, revoked.both().c_str());
        const auto json = nlohmann::json::parse(revoked.out, nullptr, false);
        QVERIFY2(json.is_object(), revoked.out.c_str());
        QCOMPARE(json["record"].value("action", ""), std::string("revoke"));
        QCOMPARE(json["record"].value("n", 0), 3);
        QCOMPARE(json["record"].value("revokes", 0), 2); // record 2 is the approval
        QCOMPARE(json.value("state", ""), std::string("pending"));
        QCOMPARE(json.value("approved", true), false);
        QCOMPARE(json.value("tags_written", false), true);
        QCOMPARE(json.value("hash", "").size(), std::size_t(64));

        // Nothing stands any more: a second revoke is refused.
        const CliResult again =
            runAs(kReleaseManager, {"review", "revoke", kModel, "4", "--comment", "again"});
        QVERIFY2(again.exitCode == 1, again.both().c_str());
        QVERIFY2(again.err.find("nothing_to_revoke") != std::string::npos, again.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
