#include "cli_review.h"

#include "cli_app.h"
#include "cli_format.h"
#include "text_table.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_review.h>
#include <modelgate/core/workspace/identity.h>

namespace modelgate::cli {

namespace {

using Json = nlohmann::ordered_json;

// Core's JSON text as a value to nest (null if it were ever unreadable).
Json parsed(const std::string &text)
{
    Json value = Json::parse(text, nullptr, false);
    return value.is_discarded() ? Json() : value;
}

bool isBlank(const std::string &text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

std::string versionOf(const std::string &model, const std::string &version)
{
    return "version " + version + " of '" + model + "'";
}

void printFields(std::ostream &out, const std::vector<std::pair<std::string, std::string>> &fields)
{
    std::size_t width = 0;
    for (const auto &field : fields)
        width = std::max(width, field.first.size());
    for (const auto &[label, value] : fields)
        out << label << ':' << std::string(width - label.size() + 1, ' ') << (value.empty() ? "-" : value)
            << '\n';
}

std::string upper(const char *text)
{
    std::string out = text;
    for (char &c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string checkSummary(const CheckReport &report)
{
    const auto plural = [](int n, const char *one, const char *many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    return plural(static_cast<int>(report.checks.size()), "check", "checks") + ": " +
           std::to_string(report.passed) + " passed, " + std::to_string(report.failed) + " failed, " +
           plural(report.warnings, "warning", "warnings");
}

void printCheckTable(std::ostream &out, const CheckReport &report)
{
    TextTable table({"STATUS", "CHECK", "MEASURED", "EXPECTED", "DETAIL"});
    table.setMaxWidth(1, 40);
    table.setMaxWidth(2, 24);
    table.setMaxWidth(3, 48);
    table.setMaxWidth(4, 70);
    for (const auto &check : report.checks) {
        const std::string status =
            check.status == CheckStatus::Warning ? "WARN" : upper(wireName(check.status));
        table.addRow({status, check.title, check.measured, check.expected, check.detail});
    }
    table.print(out);
}

std::string policyLine(const LoadedChecks &checks)
{
    return "policy " + shortHash(checks.policy.hash) +
           (checks.policy.fromTag ? " (the model's tag)" : " (the default: the model has no policy tag)") +
           (checks.report.championVersion.empty() ? ", no champion to compare with"
                                                  : ", champion version " + checks.report.championVersion);
}

// --- review checks

CommandFailure reviewChecks(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                            const CancelToken &cancel)
{
    const std::string &model = command.operands[0];
    const std::string &version = command.operands[1];
    auto checks = loadReleaseChecks(client, model, version, cancel);
    if (!checks)
        return failureFor(checks.error(), "cannot check " + versionOf(model, version));
    const CheckReport &report = checks->report;
    if (command.json) {
        out << checkReportToJson(report) << '\n';
    } else {
        printCheckTable(out, report);
        out << '\n' << checkSummary(report) << "; " << policyLine(*checks) << '\n';
    }
    if (report.anyFailed())
        return {ExitCheckSaysNo, std::to_string(report.failed) +
                                     (report.failed == 1 ? " check fails" : " checks fail") + " for " +
                                     versionOf(model, checks->candidate.version.version)};
    return {};
}

// --- review approve | reject | revoke

std::string actionText(const ReleaseRecord &record)
{
    std::string text = wireName(record.action);
    if (record.revokes)
        text += " #" + std::to_string(*record.revokes);
    if (!record.breakGlassReason.empty())
        text += " (BREAK-GLASS)";
    return text;
}

std::string stateLine(const ReleaseStatus &status)
{
    std::string line = wireName(status.decisions.state);
    if (!status.decisions.reason.empty())
        line += " (" + status.decisions.reason + ")";
    return line;
}

void printRecord(std::ostream &out, const ReleaseRecord &record, const std::string &hash)
{
    std::vector<std::pair<std::string, std::string>> fields = {
        {"Record", std::to_string(record.sequence)},
        {"Hash", hash},
        {"Action", actionText(record)},
        {"Model", record.model},
    };
    if (!record.version.empty())
        fields.push_back({"Version", record.version});
    fields.push_back({"Reviewer", record.reviewer});
    fields.push_back({"Time", record.time});
    fields.push_back({"Comment", oneLine(record.comment)});
    if (!record.breakGlassReason.empty())
        fields.push_back({"Break-glass", oneLine(record.breakGlassReason)});
    printFields(out, fields);
}

Json outcomeJson(const DecisionOutcome &outcome)
{
    return Json{{"record", parsed(recordToCanonicalJson(outcome.record))},
                {"hash", outcome.recordHash},
                {"attempts", outcome.attempts},
                {"tags_written", outcome.tagsWritten},
                {"tag_error", outcome.tagsWritten ? Json() : Json(outcome.tagError)},
                {"state", wireName(outcome.after.decisions.state)},
                {"approved", outcome.after.approved},
                {"reason", outcome.after.reason}};
}

CommandFailure reviewDecide(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                            const CancelToken &cancel)
{
    DecisionRequest request;
    request.model = command.operands[0];
    request.version = command.operands[1];
    const std::string verb = command.command.substr(command.command.find(' ') + 1);
    request.action = *releaseActionFromString(verb);
    request.comment = command.comment.value_or("");
    request.breakGlassReason = command.breakGlassReason.value_or("");

    auto outcome = decideRelease(client, request, cancel);
    const std::string what = verb + " " + versionOf(request.model, request.version);
    if (!outcome) {
        const Error &error = outcome.error();
        if (error.kind == ErrorKind::Refused || error.kind == ErrorKind::Config ||
            error.kind == ErrorKind::Cancelled)
            return failureFor(error, "cannot " + what);
        // The commit point (the record) was not reached: say so, a pipeline must not
        // believe a decision stands that does not.
        return {ExitServer,
                "the decision was NOT recorded: cannot " + what + ": " + withoutNotRecorded(error)};
    }
    if (command.json) {
        out << outcomeJson(*outcome).dump(2) << '\n';
    } else {
        out << "Recorded " << verb << " of " << versionOf(request.model, outcome->record.version) << ":\n";
        printRecord(out, outcome->record, outcome->recordHash);
        out << "\nState after: " << stateLine(outcome->after) << '\n';
        out << "Approved:    " << (outcome->after.approved ? "yes" : "no: " + outcome->after.reason) << '\n';
    }
    if (!outcome->tagsWritten)
        return {ExitServer, "the decision IS recorded (record " + std::to_string(outcome->record.sequence) +
                                ") but the version's tags are not: " + oneLine(outcome->tagError) +
                                "; run `modelgate-cli review sync " + request.model + " " +
                                outcome->record.version + "`"};
    return {};
}

// --- review status

void printDecisionTable(std::ostream &out, const VersionDecisions &decisions)
{
    if (decisions.approvals.empty() && decisions.rejections.empty()) {
        out << "  (no standing decision)\n";
        return;
    }
    std::vector<const StandingDecision *> standing;
    for (const auto &decision : decisions.approvals)
        standing.push_back(&decision);
    for (const auto &decision : decisions.rejections)
        standing.push_back(&decision);
    std::sort(standing.begin(), standing.end(),
              [](const auto *a, const auto *b) { return a->record.sequence < b->record.sequence; });
    TextTable table({"N", "ACTION", "REVIEWER", "TIME", "COMMENT", "NOTE"});
    table.setMaxWidth(4, 50);
    for (const StandingDecision *decision : standing) {
        std::vector<std::string> notes;
        if (decision->author)
            notes.push_back("author");
        if (!decision->digestMatches)
            notes.push_back("content changed since");
        table.addRow({std::to_string(decision->record.sequence), actionText(decision->record),
                      decision->record.reviewer, decision->record.time, oneLine(decision->record.comment),
                      join(notes)});
    }
    table.print(out);
}

std::string trailLine(const TrailVerification &trail)
{
    if (!trail.ok)
        return "BROKEN: " + trail.reason;
    return "verified, " + std::to_string(trail.recordCount) +
           (trail.recordCount == 1 ? " record" : " records") + ", head " + trail.headHash;
}

CommandFailure reviewStatus(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                            const CancelToken &cancel)
{
    const std::string &model = command.operands[0];
    const std::string &version = command.operands[1];
    auto status = loadReleaseStatus(client, model, version, cancel);
    if (!status)
        return failureFor(status.error(), "cannot read the review status of " + versionOf(model, version));
    if (command.json) {
        out << releaseStatusToJson(*status) << '\n';
        return {};
    }
    const std::string reviewer = status->reviewer.empty() ? "(unknown: no user name in the credentials)"
                                 : isAuthor(status->reviewer, status->authors)
                                     ? status->reviewer + " (an author)"
                                     : status->reviewer;
    printFields(
        out,
        {{"Model", status->model},
         {"Version", status->version},
         {"State", stateLine(*status)},
         {"Approved", status->approved ? "yes" : "no: " + status->reason},
         {"Authors", join(status->authors)},
         {"You", reviewer},
         {"Digest", status->digest},
         {"Trail", trailLine(status->trail)},
         {"Tag view", status->tagDifferences.empty()
                          ? "matches the trail"
                          : "DOES NOT MATCH: " + join(describeTagDifferences(status->tagDifferences), "; ")},
         {"Policy tag", status->policyProblems.empty() ? "matches the trail"
                                                       : "PROBLEM: " + join(status->policyProblems, "; ")}});
    if (status->decisions.breakGlass)
        out << "\nBREAK-GLASS: an author approved this version under the policy's break-glass rule.\n";
    out << "\nStanding decisions (" << status->decisions.approvals.size() << " of "
        << status->decisions.requiredApprovals << " required approvals)\n";
    printDecisionTable(out, status->decisions);
    out << "\nChecks\n";
    printCheckTable(out, status->checks.report);
    out << '\n' << checkSummary(status->checks.report) << "; " << policyLine(status->checks) << '\n';
    return {};
}

// --- review verify

CommandFailure reviewVerify(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                            const CancelToken &cancel)
{
    const std::string &model = command.operands[0];
    const std::string &version = command.operands[1];
    auto status = loadReleaseStatus(client, model, version, cancel);
    if (!status)
        return failureFor(status.error(), "cannot verify " + versionOf(model, version));
    const TrailVerification &trail = status->trail;
    if (command.json) {
        Json json{{"model", status->model},
                  {"version", status->version},
                  {"approved", status->approved},
                  {"reason", status->reason},
                  {"state", wireName(status->decisions.state)},
                  {"head_hash", trail.ok ? Json(trail.headHash) : Json()},
                  {"record_count", trail.recordCount},
                  {"trail_ok", trail.ok},
                  {"trail_problem", trail.ok ? Json() : Json(trail.reason)},
                  {"digest", status->digest},
                  {"break_glass", status->decisions.breakGlass},
                  {"tag_mismatches", describeTagDifferences(status->tagDifferences)},
                  {"policy_problems", status->policyProblems}};
        out << json.dump(2) << '\n';
    } else {
        if (status->approved)
            out << "approved" << (status->reason.empty() ? "" : " (" + status->reason + ")") << '\n';
        else
            out << "not approved: " << status->reason << '\n';
        // The head is the anchor a pipeline logs; a broken trail has none worth logging.
        if (trail.ok)
            out << "head: " << trail.headHash << '\n';
        else
            out << "trail broken: " << trail.reason << '\n';
        out << "digest: " << status->digest << '\n';
        for (const auto &mismatch : describeTagDifferences(status->tagDifferences))
            out << "tags: " << mismatch << '\n';
        for (const auto &problem : status->policyProblems)
            out << "policy: " << problem << '\n';
        if (status->decisions.breakGlass)
            out << "BREAK-GLASS: approved by an author under the policy's break-glass rule\n";
    }
    if (!status->approved)
        return {ExitCheckSaysNo,
                versionOf(status->model, status->version) + " is not approved: " + oneLine(status->reason)};
    return {};
}

// --- review sync

CommandFailure reviewSync(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                          const CancelToken &cancel)
{
    const std::string &model = command.operands[0];
    const std::string &version = command.operands[1];
    if (const Status synced = syncReviewTags(client, model, version, cancel); !synced)
        return failureFor(synced.error(), "cannot rewrite the review tags of " + versionOf(model, version));
    if (command.json)
        out << Json{{"model", model}, {"version", version}, {"synced", true}}.dump(2) << '\n';
    else
        out << "The review tags of " << versionOf(model, version) << " now match its trail.\n";
    return {};
}

} // namespace

CommandFailure failureFor(const Error &error, const std::string &what)
{
    switch (error.kind) {
    case ErrorKind::Cancelled:
        return {ExitInterrupted, "interrupted"};
    case ErrorKind::Config:
        return {ExitUsage, what + ": " + oneLine(error.describe())};
    case ErrorKind::Refused:
        return {ExitCheckSaysNo, what + ": refused" + (error.code.empty() ? "" : " (" + error.code + ")") +
                                     ": " + oneLine(error.message)};
    default:
        return {ExitServer, what + ": " + oneLine(error.describe())};
    }
}

std::string oneLine(std::string text)
{
    for (char &c : text)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    return text;
}

std::string withoutNotRecorded(Error error)
{
    // Core marks errors before its commit point "not recorded: "; the CLI's line says so itself.
    static const std::string prefix = "not recorded: ";
    if (error.message.rfind(prefix, 0) == 0)
        error.message.erase(0, prefix.size());
    return oneLine(error.describe());
}

std::string shortHash(const std::string &hash)
{
    return hash.substr(0, 12);
}

bool isReviewCommand(const std::string &command)
{
    static const std::set<std::string> commands = {"review checks", "review approve",     "review reject",
                                                   "review revoke", "review status",      "review verify",
                                                   "review sync",   "review policy show", "review policy set",
                                                   "audit show",    "audit verify",       "audit grant"};
    return commands.count(command) != 0;
}

CommandFailure checkReviewCommand(const ReviewCommand &command)
{
    for (const auto &operand : command.operands)
        if (isBlank(operand))
            return {ExitUsage, "'" + command.command + "' needs non-blank operands"};
    const bool decision = command.command == "review approve" || command.command == "review reject" ||
                          command.command == "review revoke";
    if (decision || command.command == "review policy set") {
        // A decision without a reason is worthless to an auditor; core refuses it too, but a
        // pipeline should learn it is a usage error before anything is read.
        if (!command.comment || isBlank(*command.comment))
            return {ExitUsage,
                    "'" + command.command + "' needs --comment TEXT (why; it is kept in the trail)"};
    }
    if (command.breakGlassReason && isBlank(*command.breakGlassReason))
        return {ExitUsage, "--break-glass needs a reason"};
    if (command.command == "review policy set" && (!command.policyFile || command.policyFile->empty()))
        return {ExitUsage, "'review policy set' needs --file POLICY.json"};
    for (const auto &model : command.models)
        if (isBlank(model))
            return {ExitUsage, "--model needs a model name"};
    return {};
}

CommandFailure runReviewCommand(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                                const CancelToken &cancel)
{
    const std::string &name = command.command;
    if (name == "review checks")
        return reviewChecks(client, command, out, cancel);
    if (name == "review approve" || name == "review reject" || name == "review revoke")
        return reviewDecide(client, command, out, cancel);
    if (name == "review status")
        return reviewStatus(client, command, out, cancel);
    if (name == "review verify")
        return reviewVerify(client, command, out, cancel);
    if (name == "review sync")
        return reviewSync(client, command, out, cancel);
    if (name == "review policy show")
        return runPolicyShow(client, command, out, cancel);
    if (name == "review policy set")
        return runPolicySet(client, command, out, cancel);
    if (name == "audit show")
        return runAuditShow(client, command, out, cancel);
    if (name == "audit verify")
        return runAuditVerify(client, command, out, cancel);
    if (name == "audit grant")
        return runAuditGrant(client, command, out, cancel);
    return {ExitUsage, "unknown command '" + name + "'"};
}

} // namespace modelgate::cli
