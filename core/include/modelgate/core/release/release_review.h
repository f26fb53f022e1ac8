#pragma once

#include "modelgate/core/release/release_checks.h"
#include "modelgate/core/release/release_digest.h"
#include "modelgate/core/release/release_ledger.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <optional>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// Everything known about one version's release review.
struct ReleaseStatus
{
    std::string model;
    std::string version;
    std::string reviewer;                            // who is asking (reviewerIdentity of the client)
    std::vector<std::string> authors;                // authorIdentities now
    bool reviewerEnrolled = false;                   // the ledger index has a signature run for `reviewer`
    LoadedChecks checks;                             // pre-checks now
    ContentManifest manifest;                        // the content now
    std::string digest;                              // contentDigest(manifest)
    TrailVerification trail;                         // the model's whole trail, signatures checked
    VersionDecisions decisions;                      // replayed with the current digest
    std::vector<std::string> tagMismatches;          // tag view vs records
    std::vector<ReviewTagDifference> tagDifferences; // the same, as values
    std::vector<std::string> policyProblems;         // the policy tag vs the trail's last policy record
    // The version is approved as docs/design/release-records.md defines it: trail ok, state
    // Approved with the current digest, no tag mismatch, no policy problem.
    bool approved = false;
    std::string reason; // English, one line: why not approved (or "approved by a, b")
};

// Loads the status (the checks, the manifest and the ledger are read concurrently).
Result<ReleaseStatus> loadReleaseStatus(const MlflowClient &client, const std::string &model,
                                        const std::string &versionOrAlias, const CancelToken &cancel);

struct DecisionRequest
{
    std::string model;
    std::string version;                           // a number or "@alias"
    ReleaseAction action = ReleaseAction::Approve; // Approve, Reject or Revoke
    std::string comment;
    std::string breakGlassReason; // only for an author approving under a break-glass policy
};

struct DecisionOutcome
{
    ReleaseRecord record;
    std::string recordHash;
    int attempts = 1; // > 1 when a concurrent compatible decision took record n first
    bool tagsWritten = true;
    std::string tagError; // English, when the record was written but the tag view was not
                          // (the decision stands; `review verify` fails until the tags are repaired
                          // with syncReviewTags)
    ReleaseStatus after;  // the status after the decision (without a second manifest read)
};

// Error codes of refusals (ErrorKind::Refused); the message says what stood in the way.
inline constexpr const char *kRefusedFourEyes = "four_eyes";         // the reviewer is an author
inline constexpr const char *kRefusedChecksFailed = "checks_failed"; // a required pre-check fails
inline constexpr const char *kRefusedConflict = "conflict";          // e.g. approve while a rejection stands
inline constexpr const char *kRefusedNothingToRevoke = "nothing_to_revoke";
inline constexpr const char *kRefusedAlreadyDecided = "already_decided"; // same decision already standing
inline constexpr const char *kRefusedBreakGlass = "break_glass";   // reason given but not allowed/needed
inline constexpr const char *kRefusedNotEnrolled = "not_enrolled"; // no signature run: ask an admin
inline constexpr const char *kRefusedTrailBroken = "trail_broken"; // never append to a broken trail
inline constexpr const char *kRefusedNoIdentity = "no_identity";   // the client has no identity

// Approve, reject or revoke. Order of writes (docs/design/release-records.md): a probe
// that the reviewer may tag the version (rewriting kReviewStatusTag with its current value,
// so a READ-only user learns it before anything is written; a version without that tag has
// its description rewritten as it is instead, since a review tag on a version without
// records is a mismatch and only MANAGE could remove it), the signature, the record
// (the commit point), then the tag view. A lost race re-reads and decides again (up to 5
// attempts): a compatible decision (two approvals) is appended after the other; a
// conflicting one is refused with kRefusedConflict and a message naming what stood.
// Errors: Refused (codes above), Config (bad comment/reason), HttpStatus/Api/Transport
// (nothing was recorded unless the message says the record was written). A server,
// transport or permission failure before or at the commit point carries a message starting
// "not recorded: "; a 403 on the probe says "EDIT permission on model '<model>' is needed
// to decide on its versions (server: <text>)". Once the record is written the call
// succeeds: a failed tag write sets tagsWritten=false and tagError.
Result<DecisionOutcome> decideRelease(const MlflowClient &client, const DecisionRequest &request,
                                      const CancelToken &cancel);
// The same, deciding on `seen`: the status the reviewer looked at (loadReleaseStatus of the
// same model, version and reviewer). Its checks are reused when the content digest, computed
// afresh, and the release policy in force are still what it shows (else they are loaded
// again, as without it); the version, its run, the trail and the signatures are always read
// afresh. Saves the checks' requests (the registered model, the champion, the signatures).
Result<DecisionOutcome> decideRelease(const MlflowClient &client, const DecisionRequest &request,
                                      const ReleaseStatus &seen, const CancelToken &cancel);

// Rewrites a version's tag view from its records (needs EDIT on the model), and the model's
// policy tag from its last policy record when they differ. Review tags on a version without
// records are deleted (MLflow wants MANAGE for that). Refused (kRefusedTrailBroken) when the
// trail does not verify: a view is never derived from a broken trail.
Status syncReviewTags(const MlflowClient &client, const std::string &model, const std::string &version,
                      const CancelToken &cancel);

// Writes a new release policy: validates, writes a Policy record (the commit point), then
// the registered-model tag. Needs EDIT on the model and on the ledger.
Result<DecisionOutcome> setReleasePolicy(const MlflowClient &client, const std::string &model,
                                         const ReleasePolicy &policy, const std::string &comment,
                                         const CancelToken &cancel);

// A model's whole trail, verified (signatures included).
struct AuditTrail
{
    std::string model;
    LedgerSnapshot snapshot;
    TrailVerification verification;
    std::vector<std::string> policyProblems;
};
Result<AuditTrail> loadAuditTrail(const MlflowClient &client, const std::string &model,
                                  const CancelToken &cancel);

// --- the tag view of a model's versions against its trail (release_trail_consistency.cpp)

// A version whose review tags disagree with what the model's trail says about it.
struct VersionTagMismatch
{
    std::string version;
    std::vector<std::string> problems;            // reviewTagMismatches(...), English, one per tag
    std::vector<ReviewTagDifference> differences; // the same, as values
};

// Pure: compares each version's review tags with the trail's records of it (only the records
// before the first broken one: a forged record must not define the expected view). A
// version with neither records nor review tags agrees. Versions that agree are left out; the
// rest keep the order of `versions`.
std::vector<VersionTagMismatch> versionTagMismatches(const TrailVerification &trail,
                                                     const std::vector<ModelVersion> &versions);

// A model's audit trail with section 6, condition 5 checked for all its versions at once:
// a hand-edited review tag is not visible in the records themselves, only in this comparison.
struct CheckedAuditTrail
{
    AuditTrail audit;
    std::vector<VersionTagMismatch> tagMismatches;
    // The trail verifies, the policy tag matches it and every version's tags match it.
    bool consistent() const;
};

// loadAuditTrail and the model's versions (listModelVersions), read concurrently. The
// versions of a deleted model cannot be listed: its trail is audited without them. Any other
// failure to list them fails the call, so a trail is never called consistent unchecked.
Result<CheckedAuditTrail> loadCheckedAuditTrail(const MlflowClient &client, const std::string &model,
                                                const CancelToken &cancel);

// JSON for the CLI (snake_case; see docs/design/release-records.md for the fields).
// releaseStatusToJson:
//  {"model", "version", "reviewer", "reviewer_enrolled", "authors": [...], "approved", "reason",
//   "state" (wireName(ReviewState)), "state_reason", "required_approvals", "break_glass",
//   "approvals": [{"reviewer", "time", "comment", "break_glass" (the reason or null),
//                  "record" (n), "hash", "digest_matches"}], "rejections": [same],
//   "digest", "head_hash" (null unless the trail verifies),
//   "trail": {"ok", "record_count", "first_broken" (n or null), "problem" (wireName(TrailProblem)),
//             "reason"},
//   "tag_mismatches": [...], "policy_problems": [...], "policy": {"from_tag", "hash"},
//   "checks": checkReportToJson(...)}
// auditTrailToJson:
//  {"model", "ledger_run_id" (null when none), "head_hash" (null unless ok), "trail": {as above},
//   "policy_problems": [...],
//   "records": [{"n", "hash", "action" (null for a malformed record, which has "text" instead),
//                "version" (null for policy), "reviewer", "authors", "time", "comment",
//                "break_glass" (reason or null), "digest" (or null), "policy_hash",
//                "checks": {"passed", "failed", "warnings"}, "revokes" (n or null),
//                "policy" (the policy object of releasePolicyToJson, or null)}]}
std::string releaseStatusToJson(const ReleaseStatus &status, int indent = 2);
std::string auditTrailToJson(const AuditTrail &trail, int indent = 2);

} // namespace modelgate
