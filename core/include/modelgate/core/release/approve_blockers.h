#pragma once

#include "modelgate/core/release/release_checks.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/release/release_review.h"
#include "modelgate/core/review/review.h"

#include <optional>
#include <string>
#include <vector>

namespace modelgate {

// Where a version records an author (the sources authorIdentities reads).
enum class AuthorSource
{
    VersionUser,      // the version's user_id
    RunUser,          // the mlflow.user tag of its run
    VersionAuthorTag, // kAuthorTag on the version
    RunAuthorTag,     // kAuthorTag on its run
};

const char *wireName(AuthorSource source);

// Every source of `evidence` that names `identity`, compared as authorIdentities and isAuthor
// do (trimmed, ASCII case-insensitive), in the order above. Empty for an empty identity.
std::vector<AuthorSource> authorSourcesOf(const std::string &identity, const VersionEvidence &evidence);

// What keeps a reviewer from approving a version now. The same rules decideRelease refuses
// an approval by, so that a screen disables Approve for exactly the reasons the decision
// would be refused for, and words them itself.
enum class ApproveBlockerKind
{
    TrailBroken,      // nothing is appended to a broken trail
    NotEnrolled,      // the reviewer has no signature run (or a decision was refused so)
    NoIdentity,       // the workspace names no reviewer
    Author,           // four eyes: the reviewer is an author of the version
    NoEditPermission, // a decision on this model was refused with a 403 (learnt, not in the status)
    ChecksFailed,     // a required pre-check fails
    RejectionStands,  // another reviewer's rejection stands until they revoke it
    AlreadyApproved,  // the reviewer's approval of this content stands
};

const char *wireName(ApproveBlockerKind kind);

struct ApproveBlocker
{
    ApproveBlockerKind kind = ApproveBlockerKind::TrailBroken;
    std::vector<AuthorSource> authorSources;  // Author: where the reviewer is recorded
    bool breakGlassAllowed = false;           // Author: the policy in force allows break-glass
    std::vector<CheckResult> failedChecks;    // ChecksFailed: the failing checks, in report order
    std::optional<StandingDecision> standing; // RejectionStands, AlreadyApproved: what stands
};

// What a screen learnt from refused decisions that the status cannot show.
struct LearntRefusals
{
    bool editRefused = false;      // a decision's probe got a 403 on the model
    bool enrolmentRefused = false; // a decision was refused with kRefusedNotEnrolled
};

// Every blocker of a plain (not break-glass) approval by status.reviewer, in the order of
// ApproveBlockerKind. Empty: an approval with a comment would be attempted.
std::vector<ApproveBlocker> approveBlockers(const ReleaseStatus &status, const LearntRefusals &learnt = {});

// Whether `blockers` has one of `kind`.
bool hasBlocker(const std::vector<ApproveBlocker> &blockers, ApproveBlockerKind kind);

// The standing decision of `reviewer` in `decisions` (identities compared as four-eyes
// compares them), or nullptr: what a decision and the blockers both ask of a reviewer.
const StandingDecision *standingOf(const std::vector<StandingDecision> &decisions,
                                   const std::string &reviewer);

} // namespace modelgate
