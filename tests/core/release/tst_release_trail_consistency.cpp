// versionTagMismatches: every version's review tags against what the model's trail says (no
// server; the live path, loadCheckedAuditTrail, is exercised by tests/ui/tst_audit_trail_view
// and tst_release_flow against a basic-auth MLflow). A hand-edited tag, a missing tag, a review
// tag on a version without records, and a forged record that must not define the view.
#include <map>
#include <string>
#include <vector>

#include <QTest>

#include <modelgate/core/release/release_records.h>
#include <modelgate/core/release/release_review.h>

using namespace modelgate;

namespace {

const std::string kModel = "diabetes-classifier";

ReleaseRecord decision(int n, ReleaseAction action, const std::string &reviewer, const std::string &version)
{
    ReleaseRecord record;
    record.sequence = n;
    record.model = kModel;
    record.version = version;
    record.action = action;
    record.reviewer = reviewer;
    record.authors = {"dana.scientist"};
    record.time = "2026-11-27T14:03:1" + std::to_string(n) + ".000Z";
    record.comment = "decision " + std::to_string(n);
    record.contentDigest = std::string(64, 'd');
    record.policyHash = std::string(64, 'b');
    return record;
}

// The ledger parameters of `records`, chained in order.
std::map<std::string, std::string> chain(std::vector<ReleaseRecord> records)
{
    std::map<std::string, std::string> params;
    std::string previous = kGenesisHash;
    for (ReleaseRecord &record : records) {
        record.previousHash = previous;
        const std::string text = recordToCanonicalJson(record);
        params[recordParamKey(record.sequence)] = text;
        previous = recordHash(text);
    }
    return params;
}

ModelVersion versionWith(const std::string &number, TagMap tags)
{
    ModelVersion version;
    version.name = kModel;
    version.version = number;
    version.tags = std::move(tags);
    version.tags["dataset"] = "pima-2026-10"; // tags other than the review view do not matter
    return version;
}

// The tags a correct writer leaves on `version` after `trail`.
TagMap viewOf(const TrailVerification &trail, const std::string &version)
{
    return expectedReviewTags(replayVersion(trail.entries, version, nullptr));
}

} // namespace

class TestReleaseTrailConsistency final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreeingViewsHaveNoMismatch()
    {
        const TrailVerification trail =
            verifyTrail(chain({decision(1, ReleaseAction::Approve, "riley.release", "4"),
                               decision(2, ReleaseAction::Reject, "sam.second", "2")}),
                        kModel, nullptr);
        QVERIFY(trail.ok);
        const std::vector<ModelVersion> versions = {versionWith("4", viewOf(trail, "4")),
                                                    versionWith("3", {}), // no record, no review tag
                                                    versionWith("2", viewOf(trail, "2"))};
        QCOMPARE(viewOf(trail, "4").at(kReviewStatusTag), std::string("approved"));
        QVERIFY(versionTagMismatches(trail, versions).empty());
        QVERIFY(versionTagMismatches(trail, {}).empty());
    }

    void handEditedMissingAndStrayTagsAreReported()
    {
        const TrailVerification trail =
            verifyTrail(chain({decision(1, ReleaseAction::Approve, "riley.release", "4"),
                               decision(2, ReleaseAction::Reject, "sam.second", "2")}),
                        kModel, nullptr);
        TagMap edited = viewOf(trail, "4");
        edited[kReviewStatusTag] = "rejected";
        TagMap missing = viewOf(trail, "2");
        missing.erase(kReviewCommentTag);
        const std::vector<ModelVersion> versions = {versionWith("4", edited),
                                                    versionWith("3", {{kReviewStatusTag, "approved"}}),
                                                    versionWith("2", missing)};

        const std::vector<VersionTagMismatch> mismatches = versionTagMismatches(trail, versions);
        QCOMPARE(mismatches.size(), std::size_t(3));
        QCOMPARE(mismatches[0].version, std::string("4"));
        QCOMPARE(mismatches[0].differences.size(), std::size_t(1));
        QCOMPARE(describeTagDifference(mismatches[0].differences[0]),
                 std::string("tag modelgate.review.status is 'rejected', the trail says 'approved'"));
        // The same as values, for wording in other languages.
        QCOMPARE(mismatches[0].differences.size(), std::size_t(1));
        QCOMPARE(mismatches[0].differences[0].tag, std::string(kReviewStatusTag));
        QCOMPARE(mismatches[0].differences[0].actual, std::optional<std::string>("rejected"));
        QCOMPARE(mismatches[0].differences[0].expected, std::optional<std::string>("approved"));
        QCOMPARE(mismatches[1].version, std::string("3"));
        QCOMPARE(
            describeTagDifference(mismatches[1].differences[0]),
            std::string(
                "tag modelgate.review.status is 'approved' but the trail has no record of this version"));
        QCOMPARE(mismatches[2].version, std::string("2"));
        QCOMPARE(describeTagDifference(mismatches[2].differences[0]),
                 std::string("tag modelgate.review.comment is missing (the trail says 'decision 2')"));
        QVERIFY(!mismatches[2].differences[0].actual);
        QVERIFY(!mismatches[1].differences[0].expected);
    }

    void aForgedRecordDoesNotDefineTheView()
    {
        // Record 2 approves v2 with a wrong prev: broken, so the expected view of v2 comes from
        // record 1 alone (none), and tags written to match the forgery are a mismatch.
        std::map<std::string, std::string> params =
            chain({decision(1, ReleaseAction::Approve, "riley.release", "4"),
                   decision(2, ReleaseAction::Approve, "riley.release", "2")});
        ReleaseRecord forged = parseRecord(params.at(recordParamKey(2))).value();
        forged.previousHash = std::string(64, 'f');
        params[recordParamKey(2)] = recordToCanonicalJson(forged);
        const TrailVerification broken = verifyTrail(params, kModel, nullptr);
        QVERIFY(!broken.ok);
        QCOMPARE(broken.firstBroken.value_or(0), 2);
        const TagMap forgedView = viewOf(broken, "2"); // what the forger would tag
        QVERIFY(!forgedView.empty());

        const TrailVerification intact =
            verifyTrail(chain({decision(1, ReleaseAction::Approve, "riley.release", "4")}), kModel, nullptr);
        const std::vector<VersionTagMismatch> mismatches = versionTagMismatches(
            broken, {versionWith("4", viewOf(intact, "4")), versionWith("2", forgedView)});
        QCOMPARE(mismatches.size(), std::size_t(1));
        QCOMPARE(mismatches[0].version, std::string("2"));
        QCOMPARE(mismatches[0].differences.size(), std::size_t(6)); // every review tag is stray
    }

    void consistencyNeedsTheTrailThePolicyAndTheTags()
    {
        CheckedAuditTrail checked;
        QVERIFY(checked.consistent()); // an empty trail and no versions
        VersionTagMismatch mismatch;
        mismatch.version = "4";
        mismatch.differences = {{kReviewStatusTag, "x", "approved"}};
        checked.tagMismatches.push_back(mismatch);
        QVERIFY(!checked.consistent());
        checked.tagMismatches.clear();
        checked.audit.policyProblems.push_back("the model's tag modelgate.release_policy differs");
        QVERIFY(!checked.consistent());
        checked.audit.policyProblems.clear();
        checked.audit.verification.ok = false;
        QVERIFY(!checked.consistent());
    }
};

QTEST_GUILESS_MAIN(TestReleaseTrailConsistency)
#include "tst_release_trail_consistency.moc"
