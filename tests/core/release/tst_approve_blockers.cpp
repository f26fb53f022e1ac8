// Approve blockers from a hand-made status: pure, no server. The rules are decideRelease's,
// so a screen disables Approve for the reasons the decision would be refused for.
#include "release_evidence.h"
#include "result_assertions.h"

#include <QTest>

#include <modelgate/core/release/approve_blockers.h>
#include <modelgate/core/release/release_policy.h>
#include <modelgate/core/workspace/identity.h>

using namespace modelgate;

namespace {

constexpr const char *kRiley = "riley.release";
constexpr const char *kDana = "dana.scientist";

// A status on which riley (enrolled, not an author) may approve: the trail is sound, every
// check passes, nothing stands. Dana is the version's user and its run's mlflow.user.
ReleaseStatus approvable()
{
    ReleaseStatus status;
    status.model = "m";
    status.version = "4";
    status.reviewer = kRiley;
    status.reviewerEnrolled = true;
    status.checks.candidate = test::evidence("4", {{"auc", 0.9}});
    status.checks.candidate.version.userId = kDana;
    status.checks.candidate.run->tags["mlflow.user"] = kDana;
    status.authors = authorIdentities(status.checks.candidate.version, status.checks.candidate.run);
    CheckResult passed;
    passed.kind = CheckKind::MetricThreshold;
    passed.subject = "auc";
    passed.status = CheckStatus::Pass;
    status.checks.report.checks = {passed};
    status.checks.report.passed = 1;
    return status;
}

std::vector<ApproveBlockerKind> kinds(const std::vector<ApproveBlocker> &blockers)
{
    std::vector<ApproveBlockerKind> result;
    for (const ApproveBlocker &blocker : blockers)
        result.push_back(blocker.kind);
    return result;
}

QString names(const std::vector<ApproveBlocker> &blockers)
{
    QStringList list;
    for (const ApproveBlocker &blocker : blockers)
        list << QLatin1String(wireName(blocker.kind));
    return list.join(QStringLiteral(", "));
}

StandingDecision standing(ReleaseAction action, const std::string &reviewer, int sequence, bool digestMatches)
{
    StandingDecision decision;
    decision.record.action = action;
    decision.record.reviewer = reviewer;
    decision.record.sequence = sequence;
    decision.record.comment = "because";
    decision.digestMatches = digestMatches;
    return decision;
}

// A sound trail whose one record is a policy allowing break-glass.
TrailVerification trailAllowingBreakGlass()
{
    ReleaseRecord record;
    record.sequence = 1;
    record.action = ReleaseAction::Policy;
    record.reviewer = kRiley;
    ReleasePolicy policy = defaultReleasePolicy();
    policy.allowBreakGlass = true;
    record.policy = policy;
    TrailVerification trail;
    trail.recordCount = 1;
    trail.entries.push_back(TrailEntry{1, "text", "hash", record});
    return trail;
}

} // namespace

class TestApproveBlockers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nonAuthorMayApprove()
    {
        const auto blockers = approveBlockers(approvable());
        QVERIFY2(blockers.empty(), qPrintable(names(blockers)));
        QVERIFY(authorSourcesOf(kRiley, approvable().checks.candidate).empty());
    }

    // The version's user_id is stored as typed; the rule trims it and ignores case, as
    // authorIdentities does, so a padded upper-case spelling still names the author.
    void authorWithPaddedUpperCaseUserIdIsBlocked()
    {
        ReleaseStatus status = approvable();
        status.checks.candidate.version.userId = "  Riley.RELEASE \t";
        status.authors = authorIdentities(status.checks.candidate.version, status.checks.candidate.run);
        const auto blockers = approveBlockers(status);
        QCOMPARE(blockers.size(), std::size_t(1));
        QCOMPARE(blockers[0].kind, ApproveBlockerKind::Author);
        QCOMPARE(blockers[0].authorSources, std::vector<AuthorSource>{AuthorSource::VersionUser});
        QVERIFY(!blockers[0].breakGlassAllowed); // the default policy has none
    }

    void everyAuthorSourceIsNamed_data()
    {
        QTest::addColumn<int>("source");
        QTest::newRow("version user") << int(AuthorSource::VersionUser);
        QTest::newRow("run user") << int(AuthorSource::RunUser);
        QTest::newRow("version author tag") << int(AuthorSource::VersionAuthorTag);
        QTest::newRow("run author tag") << int(AuthorSource::RunAuthorTag);
    }

    void everyAuthorSourceIsNamed()
    {
        QFETCH(int, source);
        const auto expected = static_cast<AuthorSource>(source);
        ReleaseStatus status = approvable();
        status.reviewer = "SAM.second";
        VersionEvidence &evidence = status.checks.candidate;
        const std::string spelling = " sam.Second ";
        switch (expected) {
        case AuthorSource::VersionUser:
            evidence.version.userId = spelling;
            break;
        case AuthorSource::RunUser:
            evidence.run->tags["mlflow.user"] = spelling;
            break;
        case AuthorSource::VersionAuthorTag:
            evidence.version.tags[kAuthorTag] = spelling;
            break;
        case AuthorSource::RunAuthorTag:
            evidence.run->tags[kAuthorTag] = spelling;
            break;
        }
        status.authors = authorIdentities(evidence.version, evidence.run);
        const auto blockers = approveBlockers(status);
        QCOMPARE(kinds(blockers), std::vector<ApproveBlockerKind>{ApproveBlockerKind::Author});
        QCOMPARE(blockers[0].authorSources, std::vector<AuthorSource>{expected});
    }

    void authorRecordedEverywhereHasEverySource()
    {
        ReleaseStatus status = approvable();
        status.reviewer = kDana;
        status.checks.candidate.version.tags[kAuthorTag] = "DANA.scientist";
        status.checks.candidate.run->tags[kAuthorTag] = kDana;
        status.authors = authorIdentities(status.checks.candidate.version, status.checks.candidate.run);
        const auto blockers = approveBlockers(status);
        QCOMPARE(kinds(blockers), std::vector<ApproveBlockerKind>{ApproveBlockerKind::Author});
        QCOMPARE(blockers[0].authorSources,
                 (std::vector<AuthorSource>{AuthorSource::VersionUser, AuthorSource::RunUser,
                                            AuthorSource::VersionAuthorTag, AuthorSource::RunAuthorTag}));
    }

    // Break-glass is the trail's policy in force (what decideRelease applies), not the tag's.
    void authorLearnsWhetherBreakGlassIsAllowed()
    {
        ReleaseStatus status = approvable();
        status.reviewer = kDana;
        status.checks.policy.policy.allowBreakGlass = true; // the tag alone does not allow it
        QVERIFY(!approveBlockers(status).at(0).breakGlassAllowed);
        status.trail = trailAllowingBreakGlass();
        const auto blockers = approveBlockers(status);
        QCOMPARE(kinds(blockers), std::vector<ApproveBlockerKind>{ApproveBlockerKind::Author});
        QVERIFY(blockers[0].breakGlassAllowed);
    }

    void brokenTrailBlocks()
    {
        ReleaseStatus status = approvable();
        status.trail.ok = false;
        status.trail.firstBroken = 1;
        status.trail.problem = TrailProblem::BrokenLink;
        QCOMPARE(kinds(approveBlockers(status)),
                 std::vector<ApproveBlockerKind>{ApproveBlockerKind::TrailBroken});
    }

    void notEnrolledBlocks()
    {
        ReleaseStatus status = approvable();
        status.reviewerEnrolled = false;
        QCOMPARE(kinds(approveBlockers(status)),
                 std::vector<ApproveBlockerKind>{ApproveBlockerKind::NotEnrolled});
        // Enrolled when loaded, refused as not enrolled by a decision since.
        LearntRefusals learnt;
        learnt.enrolmentRefused = true;
        QCOMPARE(kinds(approveBlockers(approvable(), learnt)),
                 std::vector<ApproveBlockerKind>{ApproveBlockerKind::NotEnrolled});
    }

    void noIdentityBlocksAndNothingElseIsJudged()
    {
        ReleaseStatus status = approvable();
        status.reviewer = "   ";
        status.reviewerEnrolled = false;
        status.decisions.rejections.push_back(standing(ReleaseAction::Reject, kDana, 1, true));
        QCOMPARE(kinds(approveBlockers(status)),
                 std::vector<ApproveBlockerKind>{ApproveBlockerKind::NoIdentity});
    }

    void refusedEditBlocks()
    {
        LearntRefusals learnt;
        learnt.editRefused = true;
        QCOMPARE(kinds(approveBlockers(approvable(), learnt)),
                 std::vector<ApproveBlockerKind>{ApproveBlockerKind::NoEditPermission});
    }

    void failingChecksBlockWithTheFailures()
    {
        ReleaseStatus status = approvable();
        CheckResult failed;
        failed.kind = CheckKind::MetricThreshold;
        failed.subject = "recall";
        failed.status = CheckStatus::Fail;
        CheckResult warned = failed;
        warned.subject = "f1";
        warned.status = CheckStatus::Warning;
        status.checks.report.checks.push_back(warned);
        status.checks.report.checks.push_back(failed);
        status.checks.report.failed = 1;
        status.checks.report.warnings = 1;
        const auto blockers = approveBlockers(status);
        QCOMPARE(kinds(blockers), std::vector<ApproveBlockerKind>{ApproveBlockerKind::ChecksFailed});
        QCOMPARE(blockers[0].failedChecks.size(), std::size_t(1));
        QCOMPARE(blockers[0].failedChecks[0].subject, std::string("recall"));
    }

    void anotherReviewersRejectionBlocks()
    {
        ReleaseStatus status = approvable();
        status.decisions.rejections.push_back(standing(ReleaseAction::Reject, "Sam.Second", 2, true));
        const auto blockers = approveBlockers(status);
        QCOMPARE(kinds(blockers), std::vector<ApproveBlockerKind>{ApproveBlockerKind::RejectionStands});
        QVERIFY(blockers[0].standing.has_value());
        QCOMPARE(blockers[0].standing->record.reviewer, std::string("Sam.Second"));

        // The reviewer's own rejection does not: approving after it is a change of mind.
        ReleaseStatus own = approvable();
        own.decisions.rejections.push_back(standing(ReleaseAction::Reject, "RILEY.release", 2, true));
        QVERIFY2(approveBlockers(own).empty(), qPrintable(names(approveBlockers(own))));
    }

    void ownApprovalOfThisContentBlocks()
    {
        ReleaseStatus status = approvable();
        status.decisions.approvals.push_back(standing(ReleaseAction::Approve, kRiley, 1, true));
        const auto blockers = approveBlockers(status);
        QCOMPARE(kinds(blockers), std::vector<ApproveBlockerKind>{ApproveBlockerKind::AlreadyApproved});
        QCOMPARE(blockers[0].standing->record.sequence, 1);

        // An approval of older content may be renewed.
        ReleaseStatus older = approvable();
        older.decisions.approvals.push_back(standing(ReleaseAction::Approve, kRiley, 1, false));
        QVERIFY2(approveBlockers(older).empty(), qPrintable(names(approveBlockers(older))));
        // Someone else's approval is no blocker either.
        ReleaseStatus other = approvable();
        other.decisions.approvals.push_back(standing(ReleaseAction::Approve, "sam.second", 1, true));
        QVERIFY2(approveBlockers(other).empty(), qPrintable(names(approveBlockers(other))));
    }

    void blockersComeInTheirOrder()
    {
        ReleaseStatus status = approvable();
        status.reviewer = kDana;
        status.reviewerEnrolled = false;
        status.trail.ok = false;
        status.checks.report.failed = 1;
        status.checks.report.checks[0].status = CheckStatus::Fail;
        status.decisions.rejections.push_back(standing(ReleaseAction::Reject, kRiley, 1, true));
        LearntRefusals learnt;
        learnt.editRefused = true;
        const auto blockers = approveBlockers(status, learnt);
        QCOMPARE(kinds(blockers),
                 (std::vector<ApproveBlockerKind>{
                     ApproveBlockerKind::TrailBroken, ApproveBlockerKind::NotEnrolled,
                     ApproveBlockerKind::Author, ApproveBlockerKind::NoEditPermission,
                     ApproveBlockerKind::ChecksFailed, ApproveBlockerKind::RejectionStands}));
        QVERIFY(hasBlocker(blockers, ApproveBlockerKind::Author));
        QVERIFY(!hasBlocker(blockers, ApproveBlockerKind::AlreadyApproved));
    }
};

QTEST_GUILESS_MAIN(TestApproveBlockers)
#include "tst_approve_blockers.moc"
