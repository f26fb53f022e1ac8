#pragma once
// What one version's release review stands at: pre-checks, content digest, the model's trail
// replayed for the version, and whether its tag view and policy tag agree with the trail.

#include "modelgate/core/release/release_checks.h"
#include "modelgate/core/release/release_digest.h"
#include "modelgate/core/release/release_ledger.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// Everything known about one version's release review.
struct ReleaseStatus
{
    std::string model;
    std::string version;
    std::string reviewer;             // who is asking (reviewerIdentity of the client)
    std::vector<std::string> authors; // authorIdentities now
    bool reviewerEnrolled = false;    // the ledger index has a signature run for `reviewer`
    LoadedChecks checks;              // pre-checks now
    ContentManifest manifest;         // the content now
    std::string digest;               // contentDigest(manifest)
    TrailVerification trail;          // the model's whole trail, signatures checked
    VersionDecisions decisions;       // replayed with the current digest
    std::vector<ReviewTagDifference>
        tagDifferences;                      // tag view vs records (describeTagDifferences words them)
    std::vector<std::string> policyProblems; // the policy tag vs the trail's last policy record
    // The version is approved as docs/design/release-records.md defines it: trail ok, state
    // Approved with the current digest, no tag mismatch, no policy problem.
    bool approved = false;
    std::string reason; // English, one line: why not approved (or "approved by a, b")
    // The ledger as read and the signatures found for its records. A decision on this status
    // finds the trail through it and reads only the records again (ReleaseLedger::
    // rereadRecords), and the signatures only of records whose signature was not found here
    // (signatures are write-once parameters: one found stays).
    LedgerSnapshot ledger;
    ReviewerSignatures signatures;
};

// Loads the status (the checks, the manifest and the ledger are read concurrently).
Result<ReleaseStatus> loadReleaseStatus(const MlflowClient &client, const std::string &model,
                                        const std::string &versionOrAlias, const CancelToken &cancel);

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
std::string releaseStatusToJson(const ReleaseStatus &status, int indent = 2);

} // namespace modelgate
