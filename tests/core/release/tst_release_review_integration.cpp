// Release decisions end to end against the shared basic-auth MLflow server (fixture
// "mlflow_auth") with its admin, author (dana.scientist, mlflow.user of the seeded
// diabetes-classifier runs except v3's), two reviewers and read-only user, all enrolled. The
// functions build on each other's state, in declaration order, on a copy of
// diabetes-classifier of this test's own. The races and a forged record use a second model of
// its own so that the main model's story stays readable. Clients reach the server through a
// relay, which stoppedServerRecordsNothing takes away from them.
#include "result_assertions.h"

#include <mlflow_test_server.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <release_test_users.h>
#include <seeded_model_copy.h>
#include <stoppable_relay.h>
#include <thread>

#include <QRandomGenerator>
#include <QTest>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>
#include <modelgate/core/release/release_records.h>
#include <modelgate/core/release/release_review.h>

using namespace modelgate;
using Json = nlohmann::json;

namespace {

constexpr const char *kSeededDiabetes = "diabetes-classifier";
const std::string kDiabetesName = test::uniqueModelName("diabetes-classifier-release-review");
const char *const kDiabetes = kDiabetesName.c_str(); // a copy of kSeededDiabetes
const std::string kRaceName = test::uniqueModelName("release-review-race");
const char *const kRace = kRaceName.c_str(); // concurrent decisions, then a forged record
constexpr const char *kDana = "dana.scientist";
constexpr const char *kRiley = "riley.release";
constexpr const char *kSam = "sam.second";
constexpr const char *kRita = "rita.readonly";

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

bool anyContains(const std::vector<std::string> &texts, const std::string &part)
{
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string &text) { return contains(text, part); });
}

std::string joinedLines(const std::vector<std::string> &texts)
{
    std::string all;
    for (const std::string &text : texts)
        all += text + "\n";
    return all;
}

// The seeded v4 is a little worse than the champion v3 in precision (0.723 vs 0.75): more
// than the default margins, within these.
ReleasePolicy relaxedPolicy(int approvals)
{
    ReleasePolicy policy = defaultReleasePolicy();
    policy.maxRegressionAbsolute = 0.05;
    policy.maxRegressionRelative = 0.10;
    policy.requiredApprovals = approvals;
    return policy;
}

DecisionRequest request(const std::string &model, const std::string &version, ReleaseAction action,
                        const std::string &comment)
{
    DecisionRequest decision;
    decision.model = model;
    decision.version = version;
    decision.action = action;
    decision.comment = comment;
    return decision;
}

int recordCount(const LedgerSnapshot &snapshot)
{
    int count = 0;
    for (const auto &[key, value] : snapshot.ledgerParams)
        count += key.rfind("record.", 0) == 0 ? 1 : 0;
    return count;
}

} // namespace

class TestReleaseReviewIntegration final : public QObject
{
    Q_OBJECT

private:
    MlflowClient as(const std::string &user) const
    {
        return test::clientAs(m_server.uri(), user, m_passwords.at(user));
    }

    LedgerSnapshot readLedger(const std::string &model) const
    {
        auto snapshot = ReleaseLedger(*m_admin).read(model, CancelToken::none());
        if (!snapshot.ok())
            qFatal("reading the ledger failed: %s", test::describeForTest(snapshot.error()));
        return std::move(snapshot).value();
    }

    TagMap versionTags(const std::string &model, const std::string &version) const
    {
        auto loaded = m_admin->getModelVersion(model, version, CancelToken::none());
        if (!loaded.ok())
            qFatal("reading %s v%s failed: %s", model.c_str(), version.c_str(),
                   test::describeForTest(loaded.error()));
        return loaded.value().tags;
    }

    // A model of the test's own whose versions are v3's content (registered by the admin from
    // v3's logged model and run, so the authors are v3's: lee.engineer).
    Status registerCopyOfV3(const std::string &model, int versions)
    {
        auto v3 = m_admin->getModelVersion(kDiabetes, "3", CancelToken::none());
        if (!v3.ok())
            return v3.error();
        auto created = m_admin->call(HttpMethod::Post, "registered-models/create",
                                     Json{{"name", model}}.dump(), CancelToken::none());
        if (!created.ok())
            return created.error();
        for (int i = 0; i < versions; ++i) {
            const Json body{{"name", model},
                            {"source", v3->source},
                            {"run_id", v3->runId},
                            {"description", "Copy of diabetes-classifier v3 for the release review test."}};
            auto version =
                m_admin->call(HttpMethod::Post, "model-versions/create", body.dump(), CancelToken::none());
            if (!version.ok())
                return version.error();
        }
        return success();
    }

    test::SharedAuthMlflow m_shared;
    test::StoppableRelay m_server; // to the shared server
    std::unique_ptr<MlflowClient> m_admin;
    std::map<std::string, std::string> m_passwords;
    std::string m_approvalHash; // riley's approval of diabetes-classifier v4

private Q_SLOTS:
    void initTestCase()
    {
        // The fixture enrolled everyone, so that what refuses the author is four-eyes and what
        // refuses the read-only user is the model permission, not a missing enrolment.
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        QVERIFY2(m_server.start(m_shared.uri()), qPrintable(m_server.errorString()));
        m_admin = std::make_unique<MlflowClient>(
            test::clientAs(m_server.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
                           m_shared.adminPassword().toStdString()));
        m_passwords = m_shared.passwords();
        const Status copied = test::copySeededModel(*m_admin, kSeededDiabetes, kDiabetes);
        REQUIRE_OK(copied);
        const Status race = registerCopyOfV3(kRace, 2);
        REQUIRE_OK(race);
        const ReleaseLedger ledger(*m_admin);
        for (const auto &[model, user] : std::vector<std::pair<const char *, const char *>>{
                 {kDiabetes, kRiley}, {kDiabetes, kSam}, {kRace, kRiley}, {kRace, kSam}}) {
            const Status granted = ledger.grantModelPermission(model, user, "EDIT", CancelToken::none());
            REQUIRE_OK(granted);
        }
    }

    void cleanupTestCase()
    {
        m_server.stop();
        if (m_shared.uri().isEmpty())
            return;
        const MlflowClient admin =
            test::clientAs(m_shared.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
                           m_shared.adminPassword().toStdString());
        test::deleteModels(admin, {kDiabetesName, kRaceName});
    }

    // Bad input is refused before any request: these need no server at all.
    void badInputIsRefusedLocally()
    {
        const MlflowClient riley = test::clientAs(QStringLiteral("http://127.0.0.1:9"), kRiley, "x");
        const auto noComment =
            decideRelease(riley, request(kDiabetes, "4", ReleaseAction::Approve, ""), CancelToken::none());
        QVERIFY(!noComment.ok());
        QCOMPARE(wireName(noComment.error().kind), wireName(ErrorKind::Config));

        DecisionRequest reject = request(kDiabetes, "4", ReleaseAction::Reject, "no");
        reject.breakGlassReason = "urgent";
        const auto breakGlass = decideRelease(riley, reject, CancelToken::none());
        QVERIFY(!breakGlass.ok());
        QCOMPARE(breakGlass.error().code, std::string(kRefusedBreakGlass));

        ReleasePolicy invalid = defaultReleasePolicy();
        invalid.requiredApprovals = 0;
        const auto policy =
            setReleasePolicy(riley, kDiabetes, invalid, "zero approvals", CancelToken::none());
        QVERIFY(!policy.ok());
        QCOMPARE(wireName(policy.error().kind), wireName(ErrorKind::Config));

        const MlflowClient anonymous = test::clientAs(QStringLiteral("http://127.0.0.1:9"), "", "");
        const auto nobody = decideRelease(anonymous, request(kDiabetes, "4", ReleaseAction::Approve, "fine"),
                                          CancelToken::none());
        QVERIFY(!nobody.ok());
        QCOMPARE(nobody.error().code, std::string(kRefusedNoIdentity));
    }

    void authorCannotApprove()
    {
        const auto decided = decideRelease(as(kDana), request(kDiabetes, "4", ReleaseAction::Approve, "LGTM"),
                                           CancelToken::none());
        QVERIFY(!decided.ok());
        QCOMPARE(wireName(decided.error().kind), wireName(ErrorKind::Refused));
        QCOMPARE(decided.error().code, std::string(kRefusedFourEyes));
        QVERIFY2(contains(decided.error().message,
                          "dana.scientist is an author of " + kDiabetesName + " v4 (mlflow.user of its run)"),
                 decided.error().message.c_str());
        QCOMPARE(recordCount(readLedger(kDiabetes)), 0);
        QVERIFY(!versionTags(kDiabetes, "4").count(kReviewStatusTag));
    }

    void readOnlyUserIsToldWhichPermissionIsMissing()
    {
        const auto decided =
            decideRelease(as(kRita), request(kDiabetes, "4", ReleaseAction::Reject, "precision dropped"),
                          CancelToken::none());
        QVERIFY(!decided.ok());
        QCOMPARE(wireName(decided.error().kind), wireName(ErrorKind::HttpStatus));
        QCOMPARE(decided.error().httpStatus, 403);
        QVERIFY2(contains(decided.error().message, "EDIT permission on model '" + kDiabetesName +
                                                       "' is needed to decide on its versions"),
                 decided.error().message.c_str());
        QCOMPARE(recordCount(readLedger(kDiabetes)), 0);
        QVERIFY(!versionTags(kDiabetes, "4").count(kReviewStatusTag));
    }

    // v4 fails the default policy's regression check (precision); a recorded policy allows it.
    void policyChangeIsRecorded()
    {
        const MlflowClient riley = as(kRiley);
        const ReleasePolicy relaxed = relaxedPolicy(1);
        const auto changed = setReleasePolicy(
            riley, kDiabetes, relaxed, "precision may drop 5 points for the AUC gain", CancelToken::none());
        REQUIRE_OK(changed);
        QCOMPARE(wireName(changed->record.action), wireName(ReleaseAction::Policy));
        QCOMPARE(changed->record.sequence, 1);
        QCOMPARE(changed->record.reviewer, std::string(kRiley));
        QVERIFY(changed->record.policy.has_value());
        QVERIFY(changed->tagsWritten);
        QVERIFY2(changed->after.policyProblems.empty(), joinedLines(changed->after.policyProblems).c_str());
        const auto model = m_admin->getRegisteredModel(kDiabetes, CancelToken::none());
        REQUIRE_OK(model);
        QCOMPARE(model->tags.at(kReleasePolicyTag), releasePolicyToJson(relaxed));

        const auto again =
            setReleasePolicy(riley, kDiabetes, relaxed, "the same once more", CancelToken::none());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, std::string(kRefusedAlreadyDecided));
    }

    void reviewerApproves()
    {
        const MlflowClient riley = as(kRiley);
        const auto decided = decideRelease(
            riley,
            request(kDiabetes, "4", ReleaseAction::Approve, "AUC and recall up; reviewed the drift report"),
            CancelToken::none());
        REQUIRE_OK(decided);
        QCOMPARE(decided->attempts, 1);
        QCOMPARE(decided->record.sequence, 2);
        QCOMPARE(decided->record.authors, std::vector<std::string>{kDana});
        QVERIFY2(decided->tagsWritten, decided->tagError.c_str());
        QVERIFY2(decided->after.approved, decided->after.reason.c_str());
        m_approvalHash = decided->recordHash;

        const TagMap tags = versionTags(kDiabetes, "4");
        QCOMPARE(tags.at(kReviewStatusTag), std::string("approved"));
        QCOMPARE(tags.at(kReviewReviewersTag), std::string(kRiley));
        QCOMPARE(tags.at(kReviewRecordTag), "2:" + m_approvalHash);
        QCOMPARE(tags.at(kReviewBreakGlassTag), std::string("false"));

        // Read back from the server by someone else: the same verdict.
        const auto status = loadReleaseStatus(as(kSam), kDiabetes, "@challenger", CancelToken::none());
        REQUIRE_OK(status);
        QVERIFY2(status->approved, status->reason.c_str());
        QCOMPARE(status->version, std::string("4"));
        QCOMPARE(status->reviewer, std::string(kSam));
        QCOMPARE(wireName(status->decisions.state), wireName(ReviewState::Approved));
        QCOMPARE(status->decisions.requiredApprovals, 1);
        QVERIFY(status->trail.ok);
        QCOMPARE(status->trail.headHash, m_approvalHash);
        QCOMPARE(status->digest, decided->record.contentDigest);
        QVERIFY(status->tagDifferences.empty());
        QVERIFY(status->policyProblems.empty());

        const Json json = Json::parse(releaseStatusToJson(*status));
        QCOMPARE(json.at("approved").get<bool>(), true);
        QCOMPARE(json.at("state").get<std::string>(), std::string("approved"));
        QCOMPARE(json.at("head_hash").get<std::string>(), m_approvalHash);
        QCOMPARE(json.at("approvals").at(0).at("reviewer").get<std::string>(), std::string(kRiley));
        QCOMPARE(json.at("approvals").at(0).at("record").get<int>(), 2);
        QCOMPARE(json.at("trail").at("record_count").get<int>(), 2);
        QVERIFY(json.at("checks").at("checks").is_array());
    }

    void handEditedTagIsAMismatchUntilSynced()
    {
        const TagMap recorded = versionTags(kDiabetes, "4");
        const Status edited = m_admin->setModelVersionTag(kDiabetes, "4", kReviewCommentTag,
                                                          "approved in the hallway", CancelToken::none());
        REQUIRE_OK(edited);
        const MlflowClient riley = as(kRiley);
        const auto status = loadReleaseStatus(riley, kDiabetes, "4", CancelToken::none());
        REQUIRE_OK(status);
        QVERIFY(!status->approved);
        QVERIFY2(anyContains(describeTagDifferences(status->tagDifferences), kReviewCommentTag),
                 joinedLines(describeTagDifferences(status->tagDifferences)).c_str());
        QVERIFY2(contains(status->reason, "tags do not match the trail"), status->reason.c_str());

        const Status synced = syncReviewTags(riley, kDiabetes, "4", CancelToken::none());
        REQUIRE_OK(synced);
        const TagMap repaired = versionTags(kDiabetes, "4");
        QCOMPARE(repaired.at(kReviewCommentTag), std::string("AUC and recall up; reviewed the drift report"));
        QVERIFY(repaired == recorded);
    }

    void revokeWithdrawsTheApproval()
    {
        const auto revoked = decideRelease(
            as(kRiley), request(kDiabetes, "4", ReleaseAction::Revoke, "drift report was for v3"),
            CancelToken::none());
        REQUIRE_OK(revoked);
        QCOMPARE(wireName(revoked->record.action), wireName(ReleaseAction::Revoke));
        QCOMPARE(revoked->record.revokes, std::optional<int>(2));
        QVERIFY(!revoked->after.approved);
        QCOMPARE(wireName(revoked->after.decisions.state), wireName(ReviewState::Pending));
        QVERIFY2(revoked->after.tagDifferences.empty(),
                 joinedLines(describeTagDifferences(revoked->after.tagDifferences)).c_str());
        QCOMPARE(versionTags(kDiabetes, "4").at(kReviewStatusTag), std::string("pending"));
    }

    // Under the stricter policy riley's renewed approval is not enough; sam's second one is.
    void policyRequiringTwoApprovalsWaitsForTheSecond()
    {
        const MlflowClient riley = as(kRiley);
        const auto changed = setReleasePolicy(riley, kDiabetes, relaxedPolicy(2),
                                              "high-risk model: two reviewers", CancelToken::none());
        REQUIRE_OK(changed);
        QCOMPARE(changed->record.sequence, 4);

        const auto first = decideRelease(
            riley, request(kDiabetes, "4", ReleaseAction::Approve, "read the v4 drift report: fine"),
            CancelToken::none());
        REQUIRE_OK(first);
        QCOMPARE(first->record.sequence, 5);
        QVERIFY(!first->after.approved);
        QCOMPARE(wireName(first->after.decisions.state), wireName(ReviewState::InReview));
        QCOMPARE(first->after.decisions.requiredApprovals, 2);
        QVERIFY2(first->after.policyProblems.empty(), joinedLines(first->after.policyProblems).c_str());
        QCOMPARE(versionTags(kDiabetes, "4").at(kReviewStatusTag), std::string("in_review"));

        const auto second =
            decideRelease(as(kSam), request(kDiabetes, "4", ReleaseAction::Approve, "agree with riley"),
                          CancelToken::none());
        REQUIRE_OK(second);
        QVERIFY2(second->after.approved, second->after.reason.c_str());
        QCOMPARE(second->after.decisions.approvals.size(), std::size_t(2));
        QCOMPARE(versionTags(kDiabetes, "4").at(kReviewReviewersTag),
                 std::string("riley.release, sam.second"));
    }

    // Two reviewers write record n at once: the write-once parameter lets one through; the
    // other re-reads, and a conflicting decision is refused while a compatible one follows.
    void concurrentDecisionsAreSerialised()
    {
        const MlflowClient riley = as(kRiley);
        const MlflowClient sam = as(kSam);
        std::optional<Result<DecisionOutcome>> approval;
        std::optional<Result<DecisionOutcome>> rejection;
        {
            std::thread first([&] {
                approval.emplace(decideRelease(
                    riley, request(kRace, "1", ReleaseAction::Approve, "looks right"), CancelToken::none()));
            });
            std::thread second([&] {
                rejection.emplace(decideRelease(
                    sam, request(kRace, "1", ReleaseAction::Reject, "not this one"), CancelToken::none()));
            });
            first.join();
            second.join();
        }
        QVERIFY(approval && rejection);
        QVERIFY2(approval->ok() != rejection->ok(), "exactly one of two conflicting decisions must stand");
        const Result<DecisionOutcome> &winner = approval->ok() ? *approval : *rejection;
        const Result<DecisionOutcome> &loser = approval->ok() ? *rejection : *approval;
        QCOMPARE(wireName(loser.error().kind), wireName(ErrorKind::Refused));
        QCOMPARE(loser.error().code, std::string(kRefusedConflict));
        QVERIFY2(contains(loser.error().message,
                          approval->ok() ? "approved by riley.release" : "rejected by sam.second"),
                 loser.error().message.c_str());
        QCOMPARE(winner->record.sequence, 1);
        QCOMPARE(recordCount(readLedger(kRace)), 1);
        const TagMap tags = versionTags(kRace, "1");
        QCOMPARE(tags.at(kReviewStatusTag), std::string(approval->ok() ? "approved" : "rejected"));

        std::optional<Result<DecisionOutcome>> rileyApproval;
        std::optional<Result<DecisionOutcome>> samApproval;
        {
            std::thread first([&] {
                rileyApproval.emplace(decideRelease(
                    riley, request(kRace, "2", ReleaseAction::Approve, "fine"), CancelToken::none()));
            });
            std::thread second([&] {
                samApproval.emplace(decideRelease(
                    sam, request(kRace, "2", ReleaseAction::Approve, "fine too"), CancelToken::none()));
            });
            first.join();
            second.join();
        }
        QVERIFY(rileyApproval && samApproval);
        REQUIRE_OK(*rileyApproval);
        REQUIRE_OK(*samApproval);
        QCOMPARE(std::max(rileyApproval->value().attempts, samApproval->value().attempts), 2);
        QCOMPARE(
            std::set<int>({rileyApproval->value().record.sequence, samApproval->value().record.sequence}),
            std::set<int>({2, 3}));
        // The later one saw the earlier one's record when it re-read.
        const DecisionOutcome &later =
            rileyApproval->value().attempts == 2 ? rileyApproval->value() : samApproval->value();
        QVERIFY2(later.after.approved, later.after.reason.c_str());
        QCOMPARE(later.after.decisions.approvals.size(), std::size_t(2));
        QVERIFY2(later.tagsWritten, later.tagError.c_str());
        QCOMPARE(versionTags(kRace, "2").at(kReviewReviewersTag), std::string("riley.release, sam.second"));
    }

    // A record written by hand under an enrolled reviewer's name, with a correct link: only
    // its missing signature gives it away.
    void forgedRecordBreaksTheTrail()
    {
        const LedgerSnapshot snapshot = readLedger(kRace);
        QCOMPARE(recordCount(snapshot), 3);
        const std::string head = snapshot.ledgerParams.at(recordParamKey(3));
        Result<ReleaseRecord> parsed = parseRecord(head);
        REQUIRE_OK(parsed);
        ReleaseRecord forged = parsed.value();
        forged.sequence = 4;
        forged.previousHash = recordHash(head);
        forged.reviewer = kDana;
        forged.comment = "approved at the release meeting";
        const Status logged = m_admin->logParam(snapshot.ledgerRunId, recordParamKey(4),
                                                recordToCanonicalJson(forged), CancelToken::none());
        REQUIRE_OK(logged);

        const MlflowClient riley = as(kRiley);
        const auto audit = loadAuditTrail(riley, kRace, CancelToken::none());
        REQUIRE_OK(audit);
        QVERIFY(!audit->verification.ok);
        QCOMPARE(wireName(audit->verification.problem), wireName(TrailProblem::Unsigned));
        QCOMPARE(audit->verification.firstBroken, std::optional<int>(4));
        const Json json = Json::parse(auditTrailToJson(*audit));
        QCOMPARE(json.at("trail").at("ok").get<bool>(), false);
        QCOMPARE(json.at("trail").at("problem").get<std::string>(), std::string("unsigned"));
        QVERIFY(json.at("head_hash").is_null());
        QCOMPARE(json.at("records").size(), std::size_t(4));
        QCOMPARE(json.at("records").at(3).at("reviewer").get<std::string>(), std::string(kDana));

        QCOMPARE(recordCount(readLedger(kRace)), 4);
    }

    void stoppedServerRecordsNothing()
    {
        const int before = recordCount(readLedger(kDiabetes));
        ClientConfig config;
        config.trackingUri = m_server.uri().toStdString(); // stop() forgets it
        m_server.stop();
        config.credentials = {AuthKind::Basic, kSam, m_passwords.at(kSam)};
        config.retry.maxRetries = 1;
        const MlflowClient sam{config};
        const auto decided =
            decideRelease(sam, request(kDiabetes, "4", ReleaseAction::Revoke, "wait"), CancelToken::none());
        QVERIFY(!decided.ok());
        QCOMPARE(wireName(decided.error().kind), wireName(ErrorKind::Transport));
        QVERIFY2(contains(decided.error().message, "not recorded"), decided.error().message.c_str());

        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
        const auto audit = loadAuditTrail(as(kSam), kDiabetes, CancelToken::none());
        REQUIRE_OK(audit);
        QVERIFY2(audit->verification.ok, audit->verification.reason.c_str());
        QCOMPARE(audit->verification.recordCount, before);
        QVERIFY(audit->policyProblems.empty());
        const Json json = Json::parse(auditTrailToJson(*audit));
        QCOMPARE(json.at("records").at(0).at("action").get<std::string>(), std::string("policy"));
        QCOMPARE(json.at("records").at(0).at("policy").at("required_approvals").get<int>(), 1);
        QCOMPARE(json.at("records").at(2).at("action").get<std::string>(), std::string("revoke"));
        QCOMPARE(json.at("records").at(2).at("revokes").get<int>(), 2);
    }
};

QTEST_GUILESS_MAIN(TestReleaseReviewIntegration)
#include "tst_release_review_integration.moc"
