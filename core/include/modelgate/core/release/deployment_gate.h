#pragma once
// The release side of a deployment action (docs/design/release-records.md, section 9): the
// gate that is checked before anything is done on an endpoint, and the signed record that is
// appended to the model's trail after it.

#include "modelgate/core/release/release_decision.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/release/release_status.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <string>

namespace modelgate {

class MlflowClient;

// Refusal code (ErrorKind::Refused): the version is not approved as `review verify` defines it.
inline constexpr const char *kRefusedNotApproved = "not_approved";

// Loads the version's release status as `review verify` does and refuses, before anything
// is started on an endpoint:
// - with `requireApproved` (a deployment, or more traffic for it): a version that is not
//   approved (kRefusedNotApproved, the message says why: pending, stale, rejected, tags
//   out of step with the trail...); no option bypasses this, a break-glass approval counts
//   only as the policy lets it;
// - always: a broken trail, a user who is not enrolled or has no identity (the record that
//   follows the action could not be written), and a user without EDIT on the model (probed
//   by a write that changes nothing, as for a decision).
// The status returned is what the action's record names as verified (its trail head).
Result<ReleaseStatus> checkDeploymentGate(const MlflowClient &client, const std::string &model,
                                          const std::string &versionOrAlias, bool requireApproved,
                                          const CancelToken &cancel);

// Appends the record of a deployment action done after `gate` (checkDeploymentGate's
// status of the same version): format version 2, `change.verifiedHead` set from the gate,
// the digest, authors, policy hash and check counts as the gate saw them. The records are
// read again first, and a lost race is retried as for decisions. Errors start with
// "not recorded: " (the action stands on the endpoint; the caller must say so).
Result<DecisionOutcome> recordDeploymentAction(const MlflowClient &client, const ReleaseStatus &gate,
                                               ReleaseAction action, DeploymentChange change,
                                               const std::string &comment, const CancelToken &cancel);

} // namespace modelgate
