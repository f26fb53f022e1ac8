// A version's release status: loaded, evaluated against the trail, and as JSON for the CLI.
#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/util/parallel.h"
#include "modelgate/core/util/sha256.h"
#include "modelgate/core/workspace/identity.h"
#include "release/decision_basis.h"
#include "release/name_lists.h"
#include "release/review_context.h"
#include "util/text.h"

#include <algorithm>
#include <optional>
#include <set>

namespace modelgate {

using namespace detail;

namespace {

// The distinct reviewers named by the readable records of a ledger run (first spelling kept).
std::vector<std::string> trailReviewers(const std::map<std::string, std::string> &ledgerParams)
{
    std::vector<std::string> reviewers;
    std::set<std::string> seen;
    const auto add = [&](const std::string &identity) {
        if (!identity.empty() && seen.insert(text::asciiLower(identity)).second)
            reviewers.push_back(identity);
    };
    for (const auto &[key, text] : ledgerParams) {
        if (key.rfind("record.", 0) != 0)
            continue;
        if (const Result<ReleaseRecord> record = parseRecord(text); record.ok())
            add(record.value().reviewer);
    }
    return reviewers;
}

nlohmann::json decisionsJson(const std::vector<StandingDecision> &decisions)
{
    nlohmann::json list = nlohmann::json::array();
    for (const StandingDecision &decision : decisions)
        list.push_back({{"reviewer", decision.record.reviewer},
                        {"time", decision.record.time},
                        {"comment", decision.record.comment},
                        {"break_glass", nullable(decision.record.breakGlassReason)},
                        {"record", decision.record.sequence},
                        {"hash", decision.hash},
                        {"digest_matches", decision.digestMatches}});
    return list;
}

} // namespace

namespace detail {

std::string policyHash(const ReleasePolicy &policy)
{
    return sha256Hex(releasePolicyToJson(policy));
}

// Section 6, condition 5: the model's policy tag equals the last policy record, or neither exists.
std::vector<std::string> policyProblemsOf(const std::vector<TrailEntry> &entries, const LoadedPolicy &tag)
{
    const ReleaseRecord *last = nullptr;
    for (const TrailEntry &entry : entries)
        if (entry.record && entry.record->action == ReleaseAction::Policy && entry.record->policy)
            last = &*entry.record;
    const std::string tagName = std::string("tag ") + kReleasePolicyTag;
    if (!last && !tag.fromTag)
        return {};
    if (!last)
        return {"the model's " + tagName + " has no policy record in the trail"};
    const std::string recordName = "policy record " + std::to_string(last->sequence);
    if (!tag.fromTag)
        return {recordName + " sets a release policy but the model has no " + tagName};
    if (releasePolicyToJson(tag.policy) != releasePolicyToJson(*last->policy))
        return {"the model's " + tagName + " differs from " + recordName};
    return {};
}

// Recomputes everything in `status` that follows from the trail, the digest and the tags.
void evaluate(ReleaseStatus &status, const std::map<std::string, std::string> &ledgerParams,
              const ReviewerSignatures &signatures, const TagMap &versionTags)
{
    status.trail = verifyTrail(ledgerParams, status.model, &signatures);
    const std::vector<TrailEntry> entries = trustedEntries(status.trail);
    status.decisions = replayVersion(entries, status.version, &status.digest);
    // The tag view records what was decided, not whether the content changed since.
    status.tagDifferences = reviewTagDifferences(
        expectedReviewTags(replayVersion(entries, status.version, nullptr)), versionTags);
    status.policyProblems = policyProblemsOf(entries, status.checks.policy);

    status.approved = false;
    if (!status.trail.ok) {
        status.reason = "the release trail is broken: " + status.trail.reason;
    } else if (status.decisions.state != ReviewState::Approved) {
        status.reason = status.decisions.reason.empty()
                            ? std::string("not approved: ") + wireName(status.decisions.state)
                            : status.decisions.reason;
    } else if (!status.tagDifferences.empty()) {
        status.reason =
            "tags do not match the trail: " + describeTagDifference(status.tagDifferences.front());
    } else if (!status.policyProblems.empty()) {
        status.reason = "the release policy does not match the trail: " + status.policyProblems.front();
    } else {
        std::vector<std::string> approvers;
        for (const StandingDecision &approval : status.decisions.approvals)
            if (approval.counts && approval.digestMatches)
                approvers.push_back(approval.record.reviewer + (approval.author ? " (break-glass)" : ""));
        status.approved = true;
        status.reason = "approved by " + joined(approvers, ", ");
    }
}

Result<ReviewerSignatures> readSignatures(const ReleaseLedger &ledger, const LedgerSnapshot &snapshot,
                                          const CancelToken &cancel)
{
    const std::vector<std::string> reviewers = trailReviewers(snapshot.ledgerParams);
    if (reviewers.empty())
        return ReviewerSignatures{};
    return ledger.readSignatures(snapshot, reviewers, cancel);
}

// The reviewers with a record in the snapshot's trail whose signature is not in `known`.
std::vector<std::string> reviewersWithUnknownSignatures(const LedgerSnapshot &snapshot,
                                                        const ReviewerSignatures &known)
{
    std::vector<std::string> reviewers;
    std::set<std::string> listed;
    for (const auto &[key, text] : snapshot.ledgerParams) {
        if (key.rfind("record.", 0) != 0)
            continue;
        const Result<ReleaseRecord> record = parseRecord(text);
        if (!record.ok())
            continue; // verification reports it; no signature makes it readable
        const std::string identity = text::asciiLower(record.value().reviewer);
        const auto found = known.find(identity);
        if ((found == known.end() || found->second.count(recordHash(text)) == 0) &&
            listed.insert(identity).second)
            reviewers.push_back(record.value().reviewer);
    }
    return reviewers;
}

// Whether the snapshot's index has a signature run for `signer` (unless empty) and for every
// reviewer with a record in its trail.
bool indexNamesEveryone(const LedgerSnapshot &snapshot, const std::string &signer)
{
    std::vector<std::string> reviewers = trailReviewers(snapshot.ledgerParams);
    if (!signer.empty())
        reviewers.push_back(signer);
    return std::all_of(reviewers.begin(), reviewers.end(), [&](const std::string &reviewer) {
        return snapshot.indexParams.count(reviewerIndexKey(reviewer)) > 0;
    });
}

Result<DecisionContext> loadContext(const MlflowClient &client, const std::string &model,
                                    const std::string &versionOrAlias, const std::string &signer,
                                    const CancelToken &cancel, const ReleaseStatus *seen, bool seenContent)
{
    const ReleaseLedger ledger(client);
    std::optional<Result<LoadedChecks>> checks;
    std::optional<Result<ContentManifest>> manifest;
    std::optional<Result<LedgerSnapshot>> snapshot;
    std::optional<Result<ReviewerSignatures>> signatures;
    bool reusedChecks = false;
    const auto loadChecksAndManifest = [&] {
        if (seen && seenContent) {
            checks.emplace(seen->checks);
            manifest.emplace(seen->manifest);
            reusedChecks = true;
            return;
        }
        if (seen) {
            if (std::optional<LoadedChecks> reused = detail::seenChecks(client, *seen, manifest, cancel)) {
                checks.emplace(std::move(*reused));
                reusedChecks = true;
                return;
            }
            if (manifest && !manifest->ok())
                manifest.reset();
        }
        checks.emplace(loadReleaseChecks(client, model, versionOrAlias, cancel));
        if (checks->ok() && !manifest)
            manifest.emplace(detail::manifestOf(client, model, checks->value().candidate, cancel));
    };
    const auto loadLedger = [&] {
        // A decision on a seen status finds the trail where that status found it and reads
        // the records again; an index read then is needed only for what it may have gained
        // since (the signer, or a reviewer with a record, enrolled later). A model without a
        // ledger run then is taken as still without one: if another writer's first record
        // came in between, claiming the index entry finds their run and the commit re-reads
        // the ledger as after any lost race (decision_protocol.h).
        if (seen && seen->model == model && !seen->ledger.indexRunId.empty()) {
            Result<LedgerSnapshot> known = seen->ledger.ledgerRunId.empty()
                                               ? Result<LedgerSnapshot>(seen->ledger)
                                               : ledger.rereadRecords(seen->ledger, cancel);
            if (known.ok() && indexNamesEveryone(known.value(), signer)) {
                const std::vector<std::string> unknown =
                    reviewersWithUnknownSignatures(known.value(), seen->signatures);
                Result<ReviewerSignatures> read = unknown.empty()
                                                      ? Result<ReviewerSignatures>(ReviewerSignatures{})
                                                      : ledger.readSignatures(known.value(), unknown, cancel);
                if (read.ok()) {
                    ReviewerSignatures merged = seen->signatures;
                    for (auto &[reviewer, hashes] : read.value())
                        merged[reviewer] = std::move(hashes); // read now: a superset of what was seen
                    snapshot.emplace(std::move(known));
                    signatures.emplace(std::move(merged));
                    return;
                }
            }
        }
        snapshot.emplace(ledger.read(model, cancel));
        if (snapshot->ok())
            signatures.emplace(readSignatures(ledger, snapshot->value(), cancel));
    };
    parallelInvoke({loadChecksAndManifest, loadLedger}, 2, cancel);
    if (cancel.isCancelled() || !checks || !snapshot)
        return cancelledError();
    if (!checks->ok())
        return checks->error();
    if (!manifest)
        return cancelledError();
    if (!manifest->ok())
        return manifest->error();
    if (!snapshot->ok())
        return snapshot->error();
    if (!signatures)
        return cancelledError();
    if (!signatures->ok())
        return signatures->error();

    DecisionContext context;
    ReleaseStatus &status = context.status;
    status.model = model;
    status.reviewer = reviewerIdentity(client.config().credentials);
    status.checks = checks->value();
    status.version = status.checks.candidate.version.version;
    status.manifest = manifest->value();
    status.digest = contentDigest(status.manifest);
    context.snapshot = snapshot->value();
    status.ledger = context.snapshot;
    context.signatures = signatures->value();
    status.signatures = context.signatures;
    // The checks the reviewer saw were judged by the policy then in force: another since
    // judges them afresh (rare: a policy change between looking and deciding).
    if (reusedChecks && !seenContent &&
        detail::policyTextInForce(verifyTrail(context.snapshot.ledgerParams, model, &context.signatures)) !=
            detail::policyTextInForce(seen->trail)) {
        Result<LoadedChecks> fresh = loadReleaseChecks(client, model, status.version, cancel);
        if (!fresh.ok())
            return fresh.error();
        status.checks = fresh.value();
    }
    status.authors = authorIdentities(status.checks.candidate.version, status.checks.candidate.run);
    context.versionTags = status.checks.candidate.version.tags;
    // Known from the index already read: lets a screen say "not enrolled" before a decision.
    status.reviewerEnrolled =
        !status.reviewer.empty() && context.snapshot.indexParams.count(reviewerIndexKey(status.reviewer)) > 0;
    evaluate(status, context.snapshot.ledgerParams, context.signatures, context.versionTags);
    return context;
}

nlohmann::json nullable(const std::string &text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json trailJson(const TrailVerification &trail)
{
    return {
        {"ok", trail.ok},
        {"record_count", trail.recordCount},
        {"first_broken", trail.firstBroken ? nlohmann::json(*trail.firstBroken) : nlohmann::json(nullptr)},
        {"problem", wireName(trail.problem)},
        {"reason", trail.reason}};
}

// Nested JSON text produced elsewhere in core; null if it cannot be read back.
nlohmann::json embedded(const std::string &text)
{
    nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
    return value.is_discarded() ? nlohmann::json(nullptr) : value;
}

std::string indentedJsonText(const nlohmann::json &value, int indent)
{
    return value.dump(indent < 0 ? -1 : indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace detail

Result<ReleaseStatus> loadReleaseStatus(const MlflowClient &client, const std::string &model,
                                        const std::string &versionOrAlias, const CancelToken &cancel)
{
    Result<detail::DecisionContext> context =
        detail::loadContext(client, model, versionOrAlias, std::string(), cancel);
    if (!context.ok())
        return context.error();
    return context.value().status;
}

std::string releaseStatusToJson(const ReleaseStatus &status, int indent)
{
    const VersionDecisions &decisions = status.decisions;
    nlohmann::json value = {
        {"model", status.model},
        {"version", status.version},
        {"reviewer", status.reviewer},
        {"reviewer_enrolled", status.reviewerEnrolled},
        {"authors", status.authors},
        {"approved", status.approved},
        {"reason", status.reason},
        {"state", wireName(decisions.state)},
        {"state_reason", decisions.reason},
        {"required_approvals", decisions.requiredApprovals},
        {"break_glass", decisions.breakGlass},
        {"approvals", decisionsJson(decisions.approvals)},
        {"rejections", decisionsJson(decisions.rejections)},
        {"digest", status.digest},
        {"head_hash", status.trail.ok ? nlohmann::json(status.trail.headHash) : nlohmann::json(nullptr)},
        {"trail", detail::trailJson(status.trail)},
        {"tag_mismatches", describeTagDifferences(status.tagDifferences)},
        {"policy_problems", status.policyProblems},
        {"policy", {{"from_tag", status.checks.policy.fromTag}, {"hash", status.checks.policy.hash}}},
        {"checks", detail::embedded(checkReportToJson(status.checks.report, -1))},
    };
    return detail::indentedJsonText(value, indent);
}

} // namespace modelgate
