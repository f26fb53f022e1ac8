#include "trail_text.h"

#include <QStringList>

namespace modelgate::report {

namespace {

QString reviewers(const std::vector<StandingDecision> &decisions)
{
    QStringList names;
    for (const StandingDecision &decision : decisions)
        names << QString::fromStdString(decision.record.reviewer);
    return names.join(QStringLiteral(", "));
}

} // namespace

QString trailBrokenReason(const TrailVerification &trail)
{
    switch (trail.problem) {
    case TrailProblem::Malformed:
        return TrailText::tr("not a canonical record (its text was edited, or it is no record at all)");
    case TrailProblem::Gap:
        return TrailText::tr("missing, while later records exist");
    case TrailProblem::WrongSequence:
        return TrailText::tr("its sequence number differs from its key");
    case TrailProblem::BrokenLink:
        return TrailText::tr("it does not link to the hash of the record before it");
    case TrailProblem::WrongModel:
        return TrailText::tr("it names another model");
    case TrailProblem::Unsigned:
        return TrailText::tr("it is not signed by the reviewer it names");
    case TrailProblem::NotEnrolled:
        return TrailText::tr("the reviewer it names is not enrolled");
    case TrailProblem::InvalidDecision:
        return TrailText::tr(
            "not a valid decision at that point (for example a revoke without a standing decision)");
    case TrailProblem::None:
        break;
    }
    return QString::fromStdString(trail.reason);
}

QString tagDifferenceText(const ReviewTagDifference &difference)
{
    // Tag values are free text from the server: one line, cut, so a long comment cannot flood a view.
    const auto value = [](const std::string &text) {
        QString line = QString::fromStdString(text).simplified();
        if (line.size() > 60)
            line = line.left(59) + QChar(0x2026);
        return line;
    };
    const QString tag = QString::fromStdString(difference.tag);
    if (!difference.expected)
        return TrailText::tr("%1 is “%2”, but the trail has no record of this version")
            .arg(tag, value(difference.actual.value_or(std::string())));
    if (!difference.actual)
        return TrailText::tr("%1 is missing (the trail says “%2”)").arg(tag, value(*difference.expected));
    return TrailText::tr("%1 is “%2”, the trail says “%3”")
        .arg(tag, value(*difference.actual), value(*difference.expected));
}

QString releaseVerdictReason(const ReleaseStatus &status)
{
    if (!status.trail.ok)
        return TrailText::tr("the release trail is broken at record %1: %2")
            .arg(status.trail.firstBroken ? QString::number(*status.trail.firstBroken) : QStringLiteral("?"),
                 trailBrokenReason(status.trail));
    const VersionDecisions &decisions = status.decisions;
    switch (decisions.state) {
    case ReviewState::Pending:
        return TrailText::tr("no decision yet; %n approval(s) needed", nullptr, decisions.requiredApprovals);
    case ReviewState::InReview:
        return TrailText::tr("%1 of %2 approvals (by %3)")
            .arg(decisions.approvals.size())
            .arg(decisions.requiredApprovals)
            .arg(reviewers(decisions.approvals));
    case ReviewState::Rejected:
        return TrailText::tr("rejected by %1").arg(reviewers(decisions.rejections));
    case ReviewState::Stale:
        return TrailText::tr("the content changed after it was approved; it needs approving again");
    case ReviewState::Approved:
        break;
    }
    if (!status.tagDifferences.empty())
        return TrailText::tr("the version's review tags do not match the trail");
    if (!status.policyProblems.empty())
        return TrailText::tr("the model's release policy tag does not match the trail");
    if (!status.approved)
        return QString::fromStdString(status.reason); // a rule this console does not word yet
    return decisions.breakGlass
               ? TrailText::tr("approved by %1 (BREAK-GLASS)").arg(reviewers(decisions.approvals))
               : TrailText::tr("approved by %1").arg(reviewers(decisions.approvals));
}

} // namespace modelgate::report
