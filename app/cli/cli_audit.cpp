// The model-level commands of release review: `audit show|verify|grant` and
// `review policy show|set` (the per-version ones are in cli_review.cpp).
#include "cli_app.h"
#include "cli_format.h"
#include "cli_review.h"
#include "text_table.h"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include <modelgate/core/deploy/deployment_target.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>
#include <modelgate/core/release/release_review.h>

namespace modelgate::cli {

namespace {

using Json = nlohmann::ordered_json;

// A policy file is a few hundred bytes; anything far larger is not one.
constexpr std::streamsize kMaxPolicyFileBytes = 1 << 20;

Json parsed(const std::string &text)
{
    Json value = Json::parse(text, nullptr, false);
    return value.is_discarded() ? Json() : value;
}

std::string recordCount(int count)
{
    return std::to_string(count) + (count == 1 ? " record" : " records");
}

std::string actionCell(const TrailEntry &entry)
{
    if (!entry.record)
        return "(malformed)";
    std::string text = wireName(entry.record->action);
    if (entry.record->revokes)
        text += " #" + std::to_string(*entry.record->revokes);
    if (!entry.record->breakGlassReason.empty())
        text += " (BREAK-GLASS)";
    return text;
}

std::string number(const std::optional<double> &value)
{
    return value ? formatNumber(*value) : std::string();
}

std::string thresholdsText(const ReleasePolicy &policy)
{
    std::vector<std::string> parts;
    for (const auto &threshold : policy.thresholds) {
        if (threshold.atLeast)
            parts.push_back(threshold.metric + " >= " + number(threshold.atLeast));
        if (threshold.atMost)
            parts.push_back(threshold.metric + " <= " + number(threshold.atMost));
    }
    return parts.empty() ? "none" : join(parts, "; ");
}

std::string regressionText(const ReleasePolicy &policy)
{
    if (!policy.maxRegressionAbsolute && !policy.maxRegressionRelative)
        return "not checked";
    std::vector<std::string> bounds;
    if (policy.maxRegressionAbsolute)
        bounds.push_back(number(policy.maxRegressionAbsolute) + " absolute");
    if (policy.maxRegressionRelative)
        bounds.push_back(formatNumber(*policy.maxRegressionRelative * 100.0) + " % relative");
    std::string text =
        "fails when worse than @" + policy.championAlias + " by more than " +
        join(bounds, (policy.maxRegressionAbsolute && policy.maxRegressionRelative) ? " and " : "");
    text += policy.regressionMetrics.empty() ? " (every metric with a direction)"
                                             : " (" + join(policy.regressionMetrics) + ")";
    return text;
}

std::string required(bool value)
{
    return value ? "required" : "not required";
}

void printPolicy(std::ostream &out, const ReleasePolicy &policy)
{
    const std::vector<std::pair<std::string, std::string>> fields = {
        {"Approvals",
         std::to_string(policy.requiredApprovals) + " from distinct reviewers who are not authors"},
        {"Break-glass", policy.allowBreakGlass ? "allowed (an author may self-approve with a reason; audited)"
                                               : "not allowed"},
        {"Thresholds", thresholdsText(policy)},
        {"Regression", regressionText(policy)},
        {"Signature", required(policy.requireSignature) +
                          (policy.requireCompatibleSignature ? ", compatible with the champion's" : "")},
        {"Input example", required(policy.requireInputExample)},
        {"Description", required(policy.requireDescription)},
        {"Finished run", required(policy.requireFinishedRun)},
        {"Required tags", policy.requiredTags.empty() ? "none" : join(policy.requiredTags)},
    };
    std::size_t width = 0;
    for (const auto &field : fields)
        width = std::max(width, field.first.size());
    for (const auto &[label, value] : fields)
        out << label << ':' << std::string(width - label.size() + 1, ' ') << value << '\n';
}

Json trailJson(const std::string &model, const TrailVerification &trail,
               const std::vector<std::string> &policy)
{
    return Json{{"model", model},
                {"ok", trail.ok && policy.empty()},
                {"trail_ok", trail.ok},
                {"record_count", trail.recordCount},
                {"head_hash", trail.ok ? Json(trail.headHash) : Json()},
                {"first_broken", trail.firstBroken ? Json(*trail.firstBroken) : Json()},
                {"problem", wireName(trail.problem)},
                {"reason", trail.ok ? Json() : Json(trail.reason)},
                {"policy_problems", policy}};
}

} // namespace

CommandFailure runAuditShow(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                            const CancelToken &cancel)
{
    const std::string &model = command.operands[0];
    auto trail = loadAuditTrail(client, model, cancel);
    if (!trail)
        return failureFor(trail.error(), "cannot read the release trail of '" + model + "'");
    if (command.json) {
        out << auditTrailToJson(*trail) << '\n';
        return {};
    }
    const TrailVerification &verification = trail->verification;
    if (verification.entries.empty()) {
        out << "No release records for '" << model << "'.\n";
    } else {
        TextTable table({"N", "TIME", "ACTION", "VERSION", "REVIEWER", "COMMENT", "HASH"});
        table.setMaxWidth(5, 70);
        for (const auto &entry : verification.entries) {
            const ReleaseRecord *record = entry.record ? &*entry.record : nullptr;
            std::string comment = record ? oneLine(record->comment) : "";
            // A deployment record says where and what changed, comment or not.
            if (record && record->deployment) {
                const DeploymentChange &change = *record->deployment;
                comment = change.name + "@" + change.endpoint + ": " + describeSplit(change.splitBefore) +
                          " -> " + describeSplit(change.splitAfter) + (comment.empty() ? "" : "; " + comment);
            }
            table.addRow({std::to_string(entry.sequence), record ? record->time : "", actionCell(entry),
                          record ? record->version : "", record ? record->reviewer : "", comment,
                          shortHash(entry.hash)});
        }
        table.print(out);
        out << '\n';
    }
    if (verification.ok)
        out << "verified: " << recordCount(verification.recordCount) << ", head " << verification.headHash
            << '\n';
    else
        out << "BROKEN: " << verification.reason << '\n';
    for (const auto &problem : trail->policyProblems)
        out << "policy: " << problem << '\n';
    // Showing a broken trail is not itself a failure; `audit verify` is the gate.
    return {};
}

CommandFailure runAuditVerify(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                              const CancelToken &cancel)
{
    const std::string &model = command.operands[0];
    // The checked trail also compares every version's review tags with the records: a tag
    // edited by hand is tampering with what other MLflow tools read, so the gate says no.
    auto checked = loadCheckedAuditTrail(client, model, cancel);
    if (!checked)
        return failureFor(checked.error(), "cannot read the release trail of '" + model + "'");
    const AuditTrail &trail = checked->audit;
    const TrailVerification &verification = trail.verification;
    std::vector<std::string> tagProblems;
    for (const auto &mismatch : checked->tagMismatches)
        for (const auto &problem : describeTagDifferences(mismatch.differences))
            tagProblems.push_back("version " + mismatch.version + ": " + problem);
    if (command.json) {
        Json value = trailJson(model, verification, trail.policyProblems);
        value["tag_mismatches"] = tagProblems;
        out << value.dump(2) << '\n';
    } else if (verification.ok) {
        out << "verified: " << recordCount(verification.recordCount) << '\n';
        out << "head: " << verification.headHash << '\n';
        for (const auto &problem : trail.policyProblems)
            out << "policy: " << problem << '\n';
        for (const auto &problem : tagProblems)
            out << "tags: " << problem << '\n';
    } else {
        out << "broken: " << verification.reason << " (" << wireName(verification.problem) << ")\n";
    }
    if (!verification.ok)
        return {ExitCheckSaysNo,
                "the release trail of '" + model + "' is broken: " + oneLine(verification.reason)};
    // The policy tag is part of what the trail vouches for: a hand-edited tag is tampering too.
    if (!trail.policyProblems.empty())
        return {ExitCheckSaysNo, "the release policy tag of '" + model +
                                     "' does not match its trail: " + oneLine(trail.policyProblems.front())};
    if (!tagProblems.empty())
        return {ExitCheckSaysNo, "the review tags of '" + model +
                                     "' do not match its trail: " + oneLine(tagProblems.front()) +
                                     " (modelgate-cli review sync repairs them)"};
    return {};
}

CommandFailure runAuditGrant(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                             const CancelToken &cancel)
{
    const std::string &user = command.operands[0];
    const ReleaseLedger ledger(client);
    auto enrolled = ledger.enrolReviewer(user, cancel);
    if (!enrolled) {
        // Config here means the ledger already names another signature run for this user,
        // which is what a claimed name looks like: a verification failure, not a typo.
        if (enrolled.error().kind == ErrorKind::Config)
            return {ExitCheckSaysNo, "cannot enrol '" + user + "': " + oneLine(enrolled.error().message)};
        return failureFor(enrolled.error(), "cannot enrol '" + user + "'");
    }
    std::vector<std::string> granted;
    if (!enrolled->permissionsSkipped) {
        for (const auto &model : command.models) {
            if (const Status status = ledger.grantModelPermission(model, user, "EDIT", cancel); !status)
                return failureFor(status.error(), "enrolled '" + user +
                                                      "', but cannot give them EDIT on model '" + model +
                                                      "'");
            granted.push_back(model);
        }
    }
    if (command.json) {
        out << Json{{"user", user},
                    {"signature_run_id", enrolled->signatureRunId},
                    {"already_enrolled", enrolled->alreadyEnrolled},
                    {"permissions_skipped", enrolled->permissionsSkipped},
                    {"models_granted", granted}}
                   .dump(2)
            << '\n';
        return {};
    }
    out << (enrolled->alreadyEnrolled ? user + " was already enrolled" : "Enrolled " + user)
        << " as a reviewer"
        << " (signature run " << enrolled->signatureRunId << ")\n";
    if (enrolled->permissionsSkipped)
        out << "Note: the server runs no auth app, so no permissions were set (and --model was ignored);\n"
               "      without authentication, reviewer names are claims anyone can make.\n";
    for (const auto &model : granted)
        out << "Granted " << user << " EDIT on model '" << model << "'\n";
    return {};
}

CommandFailure runPolicyShow(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                             const CancelToken &cancel)
{
    const std::string &model = command.operands[0];
    auto registered = client.getRegisteredModel(model, cancel);
    if (!registered)
        return failureFor(registered.error(), "cannot read model '" + model + "'");
    auto loaded = policyFromTags(registered->tags);
    if (!loaded)
        return {ExitServer, "the release policy tag of '" + model +
                                "' is unreadable: " + oneLine(loaded.error().describe())};
    if (command.json) {
        // Exactly the policy document, so that it can be edited and given to `review policy set`.
        out << parsed(releasePolicyToJson(loaded->policy)).dump(2) << '\n';
        return {};
    }
    out << "Release policy of '" << model << "' "
        << (loaded->fromTag ? std::string("(from its tag ") + kReleasePolicyTag + ")"
                            : std::string("(the default: the model has no ") + kReleasePolicyTag + " tag)")
        << "\nHash: " << loaded->hash << "\n\n";
    printPolicy(out, loaded->policy);
    return {};
}

CommandFailure runPolicySet(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                            const CancelToken &cancel)
{
    const std::string &model = command.operands[0];
    const std::string &path = *command.policyFile;
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return {ExitUsage, "cannot read the policy file " + path};
    std::string text(kMaxPolicyFileBytes + 1, '\0');
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(file.gcount()));
    if (file.bad())
        return {ExitUsage, "cannot read the policy file " + path};
    if (static_cast<std::streamsize>(text.size()) > kMaxPolicyFileBytes)
        return {ExitUsage,
                "the policy file " + path + " is larger than 1 MiB; it cannot be a release policy"};
    auto policy = parseReleasePolicy(text);
    if (!policy)
        return {ExitUsage, path + ": " + oneLine(policy.error().describe())};
    if (const Status valid = validateReleasePolicy(*policy); !valid)
        return {ExitUsage, path + ": " + oneLine(valid.error().describe())};

    auto outcome = setReleasePolicy(client, model, *policy, *command.comment, cancel);
    if (!outcome) {
        const Error &error = outcome.error();
        if (error.kind == ErrorKind::Refused || error.kind == ErrorKind::Config ||
            error.kind == ErrorKind::Cancelled)
            return failureFor(error, "cannot set the release policy of '" + model + "'");
        return {ExitServer, "the policy change was NOT recorded: cannot set the release policy of '" + model +
                                "': " + withoutNotRecorded(error)};
    }
    if (command.json) {
        out << Json{{"record", parsed(recordToCanonicalJson(outcome->record))},
                    {"hash", outcome->recordHash},
                    {"policy_hash", outcome->record.policyHash},
                    {"tags_written", outcome->tagsWritten},
                    {"tag_error", outcome->tagsWritten ? Json() : Json(outcome->tagError)}}
                   .dump(2)
            << '\n';
    } else {
        out << "Recorded the release policy of '" << model << "' as record " << outcome->record.sequence
            << '\n'
            << "Hash:        " << outcome->recordHash << '\n'
            << "Policy hash: " << outcome->record.policyHash << '\n'
            << "Reviewer:    " << outcome->record.reviewer << '\n'
            << "Time:        " << outcome->record.time << "\n\n";
        printPolicy(out, *policy);
    }
    if (!outcome->tagsWritten)
        return {ExitServer, "the policy IS recorded (record " + std::to_string(outcome->record.sequence) +
                                ") but the model's tag " + kReleasePolicyTag + " is not: " +
                                oneLine(outcome->tagError) + "; run `modelgate-cli review sync " + model +
                                " VERSION` (any version of it) to rewrite the tag"};
    return {};
}

} // namespace modelgate::cli
