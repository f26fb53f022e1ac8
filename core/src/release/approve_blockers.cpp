// Approve blockers as values: the four-eyes, enrolment, trail, check and conflict rules of
// refusalOf (release_review.cpp), evaluated on a loaded status without a request, for the
// screens that must say why Approve is disabled before anyone presses it.
#include "modelgate/core/release/approve_blockers.h"

#include "modelgate/core/release/release_policy.h"
#include "modelgate/core/workspace/identity.h"
#include "util/text.h"

namespace modelgate {

namespace {

std::string tagOf(const TagMap &tags, const char *key)
{
    const auto found = tags.find(key);
    return found == tags.end() ? std::string() : found->second;
}

ApproveBlocker blocker(ApproveBlockerKind kind)
{
    ApproveBlocker made;
    made.kind = kind;
    return made;
}

} // namespace

const char *wireName(AuthorSource source)
{
    switch (source) {
    case AuthorSource::VersionUser:
        return "version_user";
    case AuthorSource::RunUser:
        return "run_user";
    case AuthorSource::VersionAuthorTag:
        return "version_author_tag";
    case AuthorSource::RunAuthorTag:
        return "run_author_tag";
    }
    return "version_user";
}

const char *wireName(ApproveBlockerKind kind)
{
    switch (kind) {
    case ApproveBlockerKind::TrailBroken:
        return "trail_broken";
    case ApproveBlockerKind::NotEnrolled:
        return "not_enrolled";
    case ApproveBlockerKind::NoIdentity:
        return "no_identity";
    case ApproveBlockerKind::Author:
        return "author";
    case ApproveBlockerKind::NoEditPermission:
        return "no_edit_permission";
    case ApproveBlockerKind::ChecksFailed:
        return "checks_failed";
    case ApproveBlockerKind::RejectionStands:
        return "rejection_stands";
    case ApproveBlockerKind::AlreadyApproved:
        return "already_approved";
    }
    return "trail_broken";
}

std::vector<AuthorSource> authorSourcesOf(const std::string &identity, const VersionEvidence &evidence)
{
    std::vector<AuthorSource> sources;
    if (sameIdentity(identity, evidence.version.userId))
        sources.push_back(AuthorSource::VersionUser);
    if (evidence.run && sameIdentity(identity, tagOf(evidence.run->tags, "mlflow.user")))
        sources.push_back(AuthorSource::RunUser);
    if (sameIdentity(identity, tagOf(evidence.version.tags, kAuthorTag)))
        sources.push_back(AuthorSource::VersionAuthorTag);
    if (evidence.run && sameIdentity(identity, tagOf(evidence.run->tags, kAuthorTag)))
        sources.push_back(AuthorSource::RunAuthorTag);
    return sources;
}

std::vector<ApproveBlocker> approveBlockers(const ReleaseStatus &status, const LearntRefusals &learnt)
{
    std::vector<ApproveBlocker> blockers;
    const std::string &me = status.reviewer;
    const bool known = !text::trimmedView(me).empty();
    if (!status.trail.ok)
        blockers.push_back(blocker(ApproveBlockerKind::TrailBroken));
    if (known && (!status.reviewerEnrolled || learnt.enrolmentRefused))
        blockers.push_back(blocker(ApproveBlockerKind::NotEnrolled));
    if (!known) {
        blockers.push_back(blocker(ApproveBlockerKind::NoIdentity));
    } else if (isAuthor(me, status.authors)) {
        // The policy decideRelease applies: the one in force by the trail, not the tag.
        const ReleasePolicy policy =
            policyInForce(trustedEntries(status.trail)).value_or(defaultReleasePolicy());
        ApproveBlocker author = blocker(ApproveBlockerKind::Author);
        author.authorSources = authorSourcesOf(me, status.checks.candidate);
        author.breakGlassAllowed = policy.allowBreakGlass;
        blockers.push_back(std::move(author));
    }
    if (learnt.editRefused)
        blockers.push_back(blocker(ApproveBlockerKind::NoEditPermission));
    if (status.checks.report.anyFailed()) {
        ApproveBlocker failed = blocker(ApproveBlockerKind::ChecksFailed);
        for (const CheckResult &check : status.checks.report.checks)
            if (check.status == CheckStatus::Fail)
                failed.failedChecks.push_back(check);
        blockers.push_back(std::move(failed));
    }
    if (!known)
        return blockers;
    for (const StandingDecision &rejection : status.decisions.rejections)
        if (!sameIdentity(rejection.record.reviewer, me)) {
            ApproveBlocker stands = blocker(ApproveBlockerKind::RejectionStands);
            stands.standing = rejection;
            blockers.push_back(std::move(stands));
            break;
        }
    if (const StandingDecision *mine = standingOf(status.decisions.approvals, me);
        mine && mine->digestMatches) {
        ApproveBlocker approved = blocker(ApproveBlockerKind::AlreadyApproved);
        approved.standing = *mine;
        blockers.push_back(std::move(approved));
    }
    return blockers;
}

bool hasBlocker(const std::vector<ApproveBlocker> &blockers, ApproveBlockerKind kind)
{
    for (const ApproveBlocker &blocker : blockers)
        if (blocker.kind == kind)
            return true;
    return false;
}

const StandingDecision *standingOf(const std::vector<StandingDecision> &decisions,
                                   const std::string &reviewer)
{
    for (const StandingDecision &decision : decisions)
        if (sameIdentity(decision.record.reviewer, reviewer))
            return &decision;
    return nullptr;
}

} // namespace modelgate
