// The JSON of release_review.h for the CLI's --json (shapes documented in the header).
#include "modelgate/core/release/release_review.h"

#include <nlohmann/json.hpp>

namespace modelgate {

namespace {

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

// Nested JSON text produced elsewhere in core; null if it cannot be read back.
nlohmann::json embedded(const std::string &text)
{
    nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
    return value.is_discarded() ? nlohmann::json(nullptr) : value;
}

std::string dump(const nlohmann::json &value, int indent)
{
    return value.dump(indent < 0 ? -1 : indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

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
        {"trail", trailJson(status.trail)},
        {"tag_mismatches", status.tagMismatches},
        {"policy_problems", status.policyProblems},
        {"policy", {{"from_tag", status.checks.policy.fromTag}, {"hash", status.checks.policy.hash}}},
        {"checks", embedded(checkReportToJson(status.checks.report, -1))},
    };
    return dump(value, indent);
}

std::string auditTrailToJson(const AuditTrail &trail, int indent)
{
    nlohmann::json records = nlohmann::json::array();
    for (const TrailEntry &entry : trail.verification.entries) {
        nlohmann::json item = {{"n", entry.sequence}, {"hash", entry.hash}};
        if (!entry.record) {
            item["action"] = nullptr;
            item["text"] = entry.text; // malformed: shown as stored
            records.push_back(item);
            continue;
        }
        const ReleaseRecord &record = *entry.record;
        item["action"] = wireName(record.action);
        item["version"] = nullable(record.version);
        item["reviewer"] = record.reviewer;
        item["authors"] = record.authors;
        item["time"] = record.time;
        item["comment"] = record.comment;
        item["break_glass"] = nullable(record.breakGlassReason);
        item["digest"] = nullable(record.contentDigest);
        item["policy_hash"] = record.policyHash;
        item["checks"] = {{"passed", record.checks.passed},
                          {"failed", record.checks.failed},
                          {"warnings", record.checks.warnings}};
        item["revokes"] = record.revokes ? nlohmann::json(*record.revokes) : nlohmann::json(nullptr);
        item["policy"] =
            record.policy ? embedded(releasePolicyToJson(*record.policy)) : nlohmann::json(nullptr);
        records.push_back(item);
    }
    const TrailVerification &verification = trail.verification;
    const nlohmann::json value = {
        {"model", trail.model},
        {"ledger_run_id", nullable(trail.snapshot.ledgerRunId)},
        {"head_hash", verification.ok ? nlohmann::json(verification.headHash) : nlohmann::json(nullptr)},
        {"trail", trailJson(verification)},
        {"policy_problems", trail.policyProblems},
        {"records", records},
    };
    return dump(value, indent);
}

} // namespace modelgate
