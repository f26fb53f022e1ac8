#pragma once

#include "modelgate/core/release/release_policy.h"
#include "modelgate/core/util/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace modelgate {

// The release trail's data model (docs/design/release-records.md). Pure: no I/O here.

enum class ReleaseAction
{
    Approve,
    Reject,
    Revoke, // withdraws the reviewer's own standing approval or rejection of the version
    Policy, // the model's release policy changed (version is empty)
    // Deployment actions (format version 2, docs/design/release-records.md section 9); they
    // change no version's approval state.
    Deploy,   // a deployment of the version was created on an endpoint
    Traffic,  // an endpoint's split changed (the version is the one that gained the most)
    Rollback, // the split before the endpoint's last traffic change was restored
    Undeploy, // a deployment of the version was deleted (it had 0 %)
    Breach,   // a deployment of the version broke an SLO rule of its endpoint (split unchanged;
              // the comment holds the rule and the measured values)
};

// "approve", "reject", "revoke", "policy", "deploy", "traffic", "rollback", "undeploy", "breach"
const char *wireName(ReleaseAction action);
std::optional<ReleaseAction> releaseActionFromString(const std::string &text);
bool isDeploymentAction(ReleaseAction action);

// A split of an endpoint's traffic: deployment name -> whole percent; sums to 100, or is
// empty for an endpoint without deployments.
using TrafficSplit = std::map<std::string, int>;

// What a deployment record says happened on an endpoint.
struct DeploymentChange
{
    std::string target;   // "local", "azureml"
    std::string endpoint; // the endpoint's name
    std::string name;     // the deployment acted on
    TrafficSplit splitBefore;
    TrafficSplit splitAfter;
    std::string verifiedHead; // the trail head verified, with the version approved, before acting

    bool operator==(const DeploymentChange &) const = default;
};

struct CheckSummary
{
    int passed = 0;
    int failed = 0;
    int warnings = 0;
    bool operator==(const CheckSummary &) const = default;
};

// One record of a model's trail; record n is the ledger run's parameter "record.<n>",
// holding recordToCanonicalJson(record).
struct ReleaseRecord
{
    int formatVersion = 1;
    int sequence = 0;         // n, from 1, contiguous
    std::string previousHash; // sha256 of record n-1's text; kGenesisHash for n = 1
    std::string model;
    std::string version; // empty for Policy
    ReleaseAction action = ReleaseAction::Approve;
    std::string reviewer;             // the authenticated identity that wrote it
    std::vector<std::string> authors; // the version's author identities when it was written
    std::string time;                 // UTC, "2026-11-27T14:03:12.345Z" (the writer's clock)
    std::string comment;              // mandatory for approve/reject/revoke; 1..kMaxCommentChars
    std::string breakGlassReason;     // non-empty only for an author's self-approval under break-glass
    std::string contentDigest;  // releaseContentDigest of the version at decision time; empty for Policy
    std::string policyHash;     // hash of the policy in force (for Policy: of the new policy)
    CheckSummary checks;        // the pre-checks at decision time (zero for Policy and Revoke)
    std::optional<int> revokes; // Revoke: the sequence of the record withdrawn
    std::optional<ReleasePolicy> policy;        // Policy: the new policy
    std::optional<DeploymentChange> deployment; // deployment actions (formatVersion 2) only

    bool operator==(const ReleaseRecord &) const = default;
};

inline constexpr const char *kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
// MLflow's MAX_PARAM_VAL_LENGTH (mlflow/utils/validation.py, 3.6.0).
inline constexpr std::size_t kMaxRecordChars = 6000;
inline constexpr std::size_t kMaxCommentChars = 2000; // UTF-8 code points
inline constexpr std::size_t kMaxReasonChars = 1000;  // break-glass reason

// The parameter key of record n: "record.<n>" (decimal, no leading zeros).
std::string recordParamKey(int sequence);

// Canonical JSON: sorted keys, no insignificant whitespace, every field present (absent
// optionals as null), UTF-8 kept as is, control characters as \u00xx:
// {"action","authors","break_glass","checks":{"failed","passed","warnings"},"comment",
//  "digest","model","n","policy","policy_hash","prev","reviewer","revokes","time","v","version"}
// A deployment record (v 2) has one more field, "deployment": {"endpoint","name",
//  "split_after":{...},"split_before":{...},"target","verified_head"}.
std::string recordToCanonicalJson(const ReleaseRecord &record);

// Reads a record. A Parse error when the text is not JSON, is not canonical (re-serialising
// it must give the same bytes: a hand edit that keeps the meaning still breaks the chain),
// lacks a field, has a wrong type, or has an unknown action or format version.
Result<ReleaseRecord> parseRecord(const std::string &text);

// Whether a split is whole percentages 0..100 over named deployments summing to 100 (or empty).
bool isValidSplit(const TrafficSplit &split);

// Checks what a writer must refuse before writing: comment length and presence, reason
// length, sequence >= 1, 64-hex hashes, action-specific fields, canonical text within
// kMaxRecordChars. Config error naming the problem.
Status validateRecordForWrite(const ReleaseRecord &record);

// sha256Hex of the record's text as stored.
std::string recordHash(const std::string &canonicalText);

// --- verification of a trail

enum class TrailProblem
{
    None,
    Malformed,       // not a canonical record (text edited, or junk under a record key)
    Gap,             // record n missing while a later one exists (a key like record.07 counts as junk)
    WrongSequence,   // the record's "n" differs from its key
    BrokenLink,      // "prev" is not the hash of the previous record
    WrongModel,      // the record names another model
    Unsigned,        // the reviewer's signature run has no signature for this record's hash
    NotEnrolled,     // the reviewer has no signature run in the ledger index
    InvalidDecision, // e.g. a revoke of a record that is not the reviewer's standing decision
};

// "none", "malformed", "gap", "wrong_sequence", "broken_link", "wrong_model", "unsigned",
// "not_enrolled", "invalid_decision"
const char *wireName(TrailProblem problem);

struct TrailEntry
{
    int sequence = 0;
    std::string text;                    // as stored
    std::string hash;                    // recordHash(text)
    std::optional<ReleaseRecord> record; // absent when Malformed
};

struct TrailVerification
{
    bool ok = true;
    int recordCount = 0;
    std::string headHash = kGenesisHash; // hash of the last record when ok; empty when not ok
    std::optional<int> firstBroken;      // the first broken record's sequence
    TrailProblem problem = TrailProblem::None;
    std::string reason;              // English, e.g. "record 3: prev does not match the hash of record 2"
    std::vector<TrailEntry> entries; // every record found, in sequence order
};

// Signatures known for each reviewer: lower-cased identity -> the record hashes their
// signature run holds. A reviewer absent from the map is not enrolled.
using ReviewerSignatures = std::map<std::string, std::set<std::string>>;

// Verifies a ledger run's parameters (every key; keys not starting with "record." are
// ignored). Without `signatures` (nullptr) the Unsigned/NotEnrolled checks are skipped.
TrailVerification verifyTrail(const std::map<std::string, std::string> &ledgerParams,
                              const std::string &model, const ReviewerSignatures *signatures);

// The records that may be trusted: all of them when the trail verifies, else those before
// the first broken one (a forged record must not count, not even for display).
std::vector<TrailEntry> trustedEntries(const TrailVerification &trail);

// --- what the records say about one version

enum class ReviewState
{
    Pending,  // no standing decision
    InReview, // standing approvals, fewer than required
    Approved,
    Rejected, // a standing rejection
    Stale,    // enough approvals, but the version's content changed since (digest mismatch)
};

// "pending", "in_review", "approved", "rejected", "stale"
const char *wireName(ReviewState state);
std::optional<ReviewState> reviewStateFromString(const std::string &text);

struct StandingDecision
{
    ReleaseRecord record;
    std::string hash;
    bool author = false; // the reviewer is one of the record's authors (break-glass)
    bool digestMatches = true;
    // Counts towards the required approvals, digest aside: not an author, or a break-glass
    // approval allowed by the policy when given and at the end of the trail. Always true for
    // a rejection.
    bool counts = true;
};

struct VersionDecisions
{
    ReviewState state = ReviewState::Pending;
    int requiredApprovals = 1;                // from the policy in force at the last record of the trail
    std::vector<StandingDecision> approvals;  // standing, in sequence order
    std::vector<StandingDecision> rejections; // standing, in sequence order
    std::optional<ReleaseRecord> lastRecord;  // the version's last record (any action)
    std::string lastRecordHash;
    bool breakGlass = false; // a standing approval is a break-glass self-approval
    std::string reason;      // English: why this state ("needs 2 approvals, has 1", "rejected by ...")
};

// Replays a verified trail for one version. Each reviewer holds at most one standing
// decision per version (a later approve/reject by the same reviewer replaces it; a revoke
// withdraws it). The policy in force is the last Policy record before the point of
// evaluation, else the default. An approval counts when its reviewer is not an author or it
// carries a break-glass reason (allowed by the policy then in force). With
// `currentDigest`, approvals whose digest differs do not count and the state is Stale when
// they would otherwise have made it Approved; without it (nullptr) digests are not compared.
VersionDecisions replayVersion(const std::vector<TrailEntry> &entries, const std::string &version,
                               const std::string *currentDigest);

// The policy in force after the whole trail (the last Policy record's), if any.
std::optional<ReleasePolicy> policyInForce(const std::vector<TrailEntry> &entries);

// --- the tag view on a model version

inline constexpr const char *kReviewStatusTag = "modelgate.review.status"; // wireName(ReviewState)
inline constexpr const char *kReviewReviewersTag =
    "modelgate.review.reviewers";                                      // standing deciders, sorted, ", "
inline constexpr const char *kReviewTimeTag = "modelgate.review.time"; // last record's time
inline constexpr const char *kReviewCommentTag = "modelgate.review.comment"; // last record's comment
inline constexpr const char *kReviewRecordTag = "modelgate.review.record"; // "<n>:<hash>" of the last record
inline constexpr const char *kReviewBreakGlassTag = "modelgate.review.break_glass"; // "true" / "false"

// The tags a version must carry after its records (digests not compared). Empty when the
// version has no record.
std::map<std::string, std::string> expectedReviewTags(const VersionDecisions &decisions);

// One review tag that disagrees with the trail, as values (for wording in other languages).
struct ReviewTagDifference
{
    std::string tag;
    std::optional<std::string> actual;   // the version's value; absent: the tag is missing
    std::optional<std::string> expected; // what the trail says; absent: no record of the version
};

// Differences between the expected tag view and the version's tags, in tag order; empty when
// they agree. A version without records must carry none of the review tags.
std::vector<ReviewTagDifference> reviewTagDifferences(const std::map<std::string, std::string> &expected,
                                                      const std::map<std::string, std::string> &versionTags);

// "tag modelgate.review.status is 'approved', the trail says 'rejected'" (values cut to one line).
std::string describeTagDifference(const ReviewTagDifference &difference);

// The differences worded by describeTagDifference (English, one per tag): the one wording of
// tag differences for the CLI, the JSON output and messages.
std::vector<std::string> describeTagDifferences(const std::vector<ReviewTagDifference> &differences);

// reviewTagDifferences worded by describeTagDifference (English, one per tag).
std::vector<std::string> reviewTagMismatches(const std::map<std::string, std::string> &expected,
                                             const TagMap &versionTags);

} // namespace modelgate
