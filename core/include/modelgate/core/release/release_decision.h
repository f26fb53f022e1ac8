#pragma once
// Writing to a model's release trail: decisions on a version, policy changes, and the tag
// view rewritten from the records (docs/design/release-records.md, section 6).

#include "modelgate/core/release/release_policy.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/release/release_status.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <string>

namespace modelgate {

class MlflowClient;

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

} // namespace modelgate
