#pragma once
// A model's whole release trail, verified, and the tag view of all its versions checked
// against it.

#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/release/release_ledger.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

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

// --- the tag view of a model's versions against its trail

// A version whose review tags disagree with what the model's trail says about it.
struct VersionTagMismatch
{
    std::string version;
    std::vector<ReviewTagDifference> differences; // one per tag (describeTagDifferences words them)
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
// auditTrailToJson:
//  {"model", "ledger_run_id" (null when none), "head_hash" (null unless ok), "trail": {as in
//  releaseStatusToJson},
//   "policy_problems": [...],
//   "records": [{"n", "hash", "action" (null for a malformed record, which has "text" instead),
//                "version" (null for policy), "reviewer", "authors", "time", "comment",
//                "break_glass" (reason or null), "digest" (or null), "policy_hash",
//                "checks": {"passed", "failed", "warnings"}, "revokes" (n or null),
//                "policy" (the policy object of releasePolicyToJson, or null)}]}
std::string auditTrailToJson(const AuditTrail &trail, int indent = 2);

} // namespace modelgate
