#pragma once
// The release side of a deployment action (docs/design/release-records.md, section 9): the
// gate that is checked before anything is done on an endpoint, and the signed record that is
// appended to the model's trail after it.

#include "modelgate/core/release/release_decision.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/release/release_status.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <optional>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// Refusal code (ErrorKind::Refused): the version is not approved as `review verify` defines it.
inline constexpr const char *kRefusedNotApproved = "not_approved";
// Refusal code: the breach is already in the trail, written by another watcher or console.
inline constexpr const char *kRefusedBreachRecorded = "breach_already_recorded";
// A pending record that the trail already holds (same action, time, endpoint, deployment and
// split): written by a process that was killed before it could forget it. Nothing to write.
inline constexpr const char *kRefusedAlreadyRecorded = "already_recorded";

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

// A deployment record as the action left it, until it is in the trail: a record that could
// not be written after its action is kept with the endpoint (JSON, no secret) and written
// before the next action there (docs/design/release-records.md, section 9).
struct PendingDeploymentRecord
{
    ReleaseAction action = ReleaseAction::Deploy;
    std::string model;
    std::string version;
    std::string time; // when the action was done (the record's time)
    std::string comment;
    std::string digest;
    std::vector<std::string> authors;
    CheckSummary checks;
    DeploymentChange change; // verifiedHead set

    bool operator==(const PendingDeploymentRecord &) const = default;
};

PendingDeploymentRecord pendingRecordOf(const ReleaseStatus &gate, ReleaseAction action,
                                        DeploymentChange change, const std::string &comment);
std::string pendingRecordToJson(const PendingDeploymentRecord &record);
// Parse error when the text is not what pendingRecordToJson writes.
Result<PendingDeploymentRecord> pendingRecordFromJson(const std::string &text);

// Appends a pending record to its model's trail (the records are read afresh; a lost race is
// retried as for decisions). Errors start with "not recorded: ".
// Refused with kRefusedAlreadyRecorded when the trail already holds it.
Result<DecisionOutcome> writeDeploymentRecord(const MlflowClient &client,
                                              const PendingDeploymentRecord &record,
                                              const CancelToken &cancel);
// The same, right after the action, with the status the gate read (saves the checks' requests).
Result<DecisionOutcome> writeDeploymentRecord(const MlflowClient &client,
                                              const PendingDeploymentRecord &record,
                                              const ReleaseStatus &gate, const CancelToken &cancel);

// Appends the record of a deployment action done after `gate` (checkDeploymentGate's
// status of the same version): format version 2, `change.verifiedHead` set from the gate,
// the digest, authors, policy hash and check counts as the gate saw them. The records are
// read again first, and a lost race is retried as for decisions. Errors start with
// "not recorded: " (the action stands on the endpoint; the caller must say so).
Result<DecisionOutcome> recordDeploymentAction(const MlflowClient &client, const ReleaseStatus &gate,
                                               ReleaseAction action, DeploymentChange change,
                                               const std::string &comment, const CancelToken &cancel);

// The breach of `change.name` on `change.endpoint` recorded since that endpoint's last
// change of split, if any: the record that decided who acts on it.
std::optional<ReleaseRecord> breachAlreadyRecorded(const std::vector<TrailEntry> &entries,
                                                   const DeploymentChange &change);

// Appends a `breach` record (the split unchanged: `change.splitBefore` as it is now) unless
// the trail already holds one for the same deployment and endpoint since the endpoint's last
// change of split. The trail is read afresh before every attempt, and records are
// write-once: of two watchers (or a watcher and a console) acting on the same breach, exactly
// one writes it; the other gets kRefusedBreachRecorded naming that record, and must not act.
Result<DecisionOutcome> recordBreach(const MlflowClient &client, const ReleaseStatus &gate,
                                     DeploymentChange change, const std::string &comment,
                                     const CancelToken &cancel);

} // namespace modelgate
