// The release trail and a version's standing worded for people, in English and German, from
// core's values (hand-made statuses: the states come from core's replay, tested there).
#include "release_report.h"
#include "trail_text.h"

#include <QGuiApplication>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::report;

namespace {

StandingDecision decisionBy(const std::string &reviewer)
{
    StandingDecision decision;
    decision.record.reviewer = reviewer;
    return decision;
}

ReleaseStatus statusIn(ReviewState state)
{
    ReleaseStatus status;
    status.decisions.state = state;
    status.decisions.requiredApprovals = 2;
    return status;
}

} // namespace

class TestTrailText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void verdictReasons()
    {
        ReleaseStatus approved = statusIn(ReviewState::Approved);
        approved.approved = true;
        approved.decisions.approvals = {decisionBy("riley.release"), decisionBy("sam.ops")};
        QCOMPARE(releaseVerdictReason(approved), QStringLiteral("approved by riley.release, sam.ops"));
        approved.decisions.breakGlass = true;
        QCOMPARE(releaseVerdictReason(approved),
                 QStringLiteral("approved by riley.release, sam.ops (BREAK-GLASS)"));

        QCOMPARE(releaseVerdictReason(statusIn(ReviewState::Pending)),
                 QStringLiteral("no decision yet; 2 approvals needed"));
        ReleaseStatus inReview = statusIn(ReviewState::InReview);
        inReview.decisions.approvals = {decisionBy("riley.release")};
        QCOMPARE(releaseVerdictReason(inReview), QStringLiteral("1 of 2 approvals (by riley.release)"));
        ReleaseStatus rejected = statusIn(ReviewState::Rejected);
        rejected.decisions.rejections = {decisionBy("sam.ops")};
        QCOMPARE(releaseVerdictReason(rejected), QStringLiteral("rejected by sam.ops"));

        // Approved by the records, but the tags say otherwise: not approved, and why.
        ReleaseStatus edited = statusIn(ReviewState::Approved);
        edited.tagDifferences.push_back({kReviewStatusTag, std::string("rejected"), std::string("approved")});
        QCOMPARE(releaseVerdictReason(edited),
                 QStringLiteral("the version's review tags do not match the trail"));

        ReleaseStatus broken = approved;
        broken.trail.ok = false;
        broken.trail.firstBroken = 3;
        broken.trail.problem = TrailProblem::Unsigned;
        broken.trail.reason = "record 3: no signature by dana.scientist";
        QCOMPARE(releaseVerdictReason(broken),
                 QStringLiteral(
                     "the release trail is broken at record 3: it is not signed by the reviewer it names"));
    }

    void tagDifferences()
    {
        QCOMPARE(tagDifferenceText({kReviewStatusTag, std::string("rejected"), std::string("approved")}),
                 QStringLiteral("modelgate.review.status is “rejected”, the trail says “approved”"));
        QCOMPARE(tagDifferenceText({kReviewCommentTag, std::nullopt, std::string("ok")}),
                 QStringLiteral("modelgate.review.comment is missing (the trail says “ok”)"));
        const QString longValue = tagDifferenceText({kReviewCommentTag, std::string(200, 'x'), std::nullopt});
        QVERIFY2(longValue.contains(QStringLiteral("but the trail has no record of this version")),
                 qPrintable(longValue));
        QVERIFY(longValue.size() < 150); // a long tag value is cut
    }

    void german()
    {
        QVERIFY(
            installTranslations(QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
        ReleaseStatus approved = statusIn(ReviewState::Approved);
        approved.approved = true;
        approved.decisions.approvals = {decisionBy("riley.release")};
        QCOMPARE(releaseVerdictReason(approved), QStringLiteral("freigegeben von riley.release"));
        QCOMPARE(releaseVerdictReason(statusIn(ReviewState::Pending)),
                 QStringLiteral("noch keine Entscheidung; 2 Freigaben nötig"));
        TrailVerification trail;
        trail.ok = false;
        trail.problem = TrailProblem::BrokenLink;
        QCOMPARE(trailBrokenReason(trail),
                 QStringLiteral("er verweist nicht auf den Hash des vorigen Eintrags"));
    }
};

QTEST_MAIN(TestTrailText)
#include "tst_trail_text.moc"
