// The gate before a deployment action and its record after (release-records.md, section 9).
#include "modelgate/core/release/deployment_gate.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/workspace/identity.h"
#include "release/decision_protocol.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

namespace modelgate {

using namespace detail;

namespace {

// What a deployment record needs to be written, once the action is done: a writer with an
// identity, enrolled, on an intact trail.
Result<DecisionContext> contextFor(const MlflowClient &client, const std::string &model,
                                   const std::string &versionOrAlias, const ReleaseStatus *seen,
                                   const CancelToken &cancel, bool seenContent = false)
{
    const std::string reviewer = reviewerIdentity(client.config().credentials);
    if (reviewer.empty())
        return Error::refused(kRefusedNoIdentity,
                              "the workspace has no user identity: a deployment record must name who acted");
    Result<DecisionContext> loaded =
        loadContext(client, model, versionOrAlias, reviewer, cancel, seen, seenContent);
    if (!loaded.ok())
        return loaded.error();
    if (std::optional<Error> refusal = trailRefusal(loaded.value()))
        return *refusal;
    return loaded;
}

} // namespace

Result<ReleaseStatus> checkDeploymentGate(const MlflowClient &client, const std::string &model,
                                          const std::string &versionOrAlias, bool requireApproved,
                                          const CancelToken &cancel)
{
    Result<DecisionContext> loaded = contextFor(client, model, versionOrAlias, nullptr, cancel);
    if (!loaded.ok())
        return loaded.error();
    DecisionContext context = loaded.value();
    const ReleaseStatus &status = context.status;
    if (requireApproved && !status.approved)
        return Error::refused(kRefusedNotApproved, model + " v" + status.version +
                                                       " is not approved for deployment: " + status.reason);
    // EDIT on the model, proven by a write that changes nothing (as before a decision): the
    // record after the action needs it, and an action that cannot be recorded must not start.
    const auto current = context.versionTags.find(kReviewStatusTag);
    Status probe =
        current != context.versionTags.end()
            ? client.setModelVersionTag(model, status.version, kReviewStatusTag, current->second, cancel)
            : client.updateModelVersionDescription(model, status.version,
                                                   status.checks.candidate.version.description, cancel);
    if (!probe.ok())
        return probeError(probe.error(), model, "deploy its versions");
    ReleaseStatus gate = status;
    gate.ledger = context.snapshot;
    gate.signatures = context.signatures;
    return gate;
}

PendingDeploymentRecord pendingRecordOf(const ReleaseStatus &gate, ReleaseAction action,
                                        DeploymentChange change, const std::string &comment)
{
    PendingDeploymentRecord record;
    record.action = action;
    record.model = gate.model;
    record.version = gate.version;
    record.time = utcNow();
    record.comment = comment;
    record.digest = gate.digest;
    record.authors = gate.authors;
    const CheckReport &report = gate.checks.report;
    record.checks = CheckSummary{report.passed, report.failed, report.warnings};
    change.verifiedHead = gate.trail.headHash;
    record.change = std::move(change);
    return record;
}

std::string pendingRecordToJson(const PendingDeploymentRecord &record)
{
    const auto split = [](const TrafficSplit &value) {
        nlohmann::json object = nlohmann::json::object();
        for (const auto &[name, percent] : value)
            object[name] = percent;
        return object;
    };
    return nlohmann::json{{"action", wireName(record.action)},
                          {"model", record.model},
                          {"version", record.version},
                          {"time", record.time},
                          {"comment", record.comment},
                          {"digest", record.digest},
                          {"authors", record.authors},
                          {"checks",
                           {{"passed", record.checks.passed},
                            {"failed", record.checks.failed},
                            {"warnings", record.checks.warnings}}},
                          {"target", record.change.target},
                          {"endpoint", record.change.endpoint},
                          {"name", record.change.name},
                          {"split_before", split(record.change.splitBefore)},
                          {"split_after", split(record.change.splitAfter)},
                          {"verified_head", record.change.verifiedHead}}
        .dump();
}

Result<PendingDeploymentRecord> pendingRecordFromJson(const std::string &text)
{
    const nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded() || !value.is_object())
        return Error::parse({}, "a pending deployment record is not a JSON object");
    try {
        PendingDeploymentRecord record;
        const auto action = releaseActionFromString(value.at("action").get<std::string>());
        if (!action || !isDeploymentAction(*action))
            return Error::parse("action", "not a deployment action");
        record.action = *action;
        record.model = value.at("model").get<std::string>();
        record.version = value.at("version").get<std::string>();
        record.time = value.at("time").get<std::string>();
        record.comment = value.at("comment").get<std::string>();
        record.digest = value.at("digest").get<std::string>();
        record.authors = value.at("authors").get<std::vector<std::string>>();
        record.checks = CheckSummary{value.at("checks").at("passed").get<int>(),
                                     value.at("checks").at("failed").get<int>(),
                                     value.at("checks").at("warnings").get<int>()};
        record.change.target = value.at("target").get<std::string>();
        record.change.endpoint = value.at("endpoint").get<std::string>();
        record.change.name = value.at("name").get<std::string>();
        record.change.splitBefore = value.at("split_before").get<TrafficSplit>();
        record.change.splitAfter = value.at("split_after").get<TrafficSplit>();
        record.change.verifiedHead = value.at("verified_head").get<std::string>();
        return record;
    } catch (const std::exception &error) {
        return Error::parse({}, std::string("a pending deployment record is incomplete: ") + error.what());
    }
}

namespace {

// Why a record must not be written on the trail as it stands now; nullopt: write it.
using WritePrecondition = std::function<std::optional<Error>(const std::vector<TrailEntry> &)>;

Result<DecisionOutcome> writeWith(const MlflowClient &client, const PendingDeploymentRecord &pending,
                                  const ReleaseStatus *seen, const CancelToken &cancel,
                                  const WritePrecondition &precondition = {})
{
    // After the action, the gate's status is what the record names: only the ledger is read again.
    Result<DecisionContext> loaded =
        contextFor(client, pending.model, pending.version, seen, cancel, seen != nullptr);
    if (!loaded.ok())
        return notRecorded(loaded.error());
    DecisionContext context = loaded.value();
    const auto build = [&](int) -> Result<ReleaseRecord> {
        if (std::optional<Error> refusal = trailRefusal(context))
            return *refusal;
        // Checked on every attempt against the trail as just read: of two writers racing for
        // the same record, the one that loses sees the winner's record here.
        if (precondition)
            if (std::optional<Error> refusal = precondition(trustedEntries(context.status.trail)))
                return *refusal;
        ReleaseRecord record;
        record.formatVersion = 2;
        record.model = pending.model;
        record.version = pending.version;
        record.action = pending.action;
        record.reviewer = context.status.reviewer;
        record.authors = pending.authors;
        record.time = pending.time;
        record.comment = pending.comment;
        record.contentDigest = pending.digest;
        record.policyHash =
            policyHash(policyInForce(trustedEntries(context.status.trail)).value_or(defaultReleasePolicy()));
        record.checks = pending.checks;
        record.deployment = pending.change;
        return record;
    };
    const auto reread = [&] { return rereadLedger(client, context, cancel); };
    Result<DecisionOutcome> committed = commit(client, context, build, reread, cancel);
    if (!committed.ok())
        return committed.error();
    DecisionOutcome outcome = committed.value();
    outcome.after = context.status;
    return outcome;
}

// A pending record is written once: a process killed after writing it and before forgetting
// it leaves it pending, and the next one finds it in the trail.
WritePrecondition notYetWritten(const PendingDeploymentRecord &pending)
{
    return [pending](const std::vector<TrailEntry> &entries) -> std::optional<Error> {
        for (const TrailEntry &entry : entries) {
            const ReleaseRecord *record = entry.record ? &*entry.record : nullptr;
            if (!record || !record->deployment || record->action != pending.action ||
                record->time != pending.time || record->version != pending.version)
                continue;
            const DeploymentChange &change = *record->deployment;
            if (change.endpoint == pending.change.endpoint && change.target == pending.change.target &&
                change.name == pending.change.name && change.splitAfter == pending.change.splitAfter)
                return Error::refused(kRefusedAlreadyRecorded, "the trail of " + pending.model +
                                                                   " already holds this record (#" +
                                                                   std::to_string(record->sequence) + ")");
        }
        return std::nullopt;
    };
}

} // namespace

Result<DecisionOutcome> writeDeploymentRecord(const MlflowClient &client,
                                              const PendingDeploymentRecord &record,
                                              const CancelToken &cancel)
{
    return writeWith(client, record, nullptr, cancel, notYetWritten(record));
}

Result<DecisionOutcome> writeDeploymentRecord(const MlflowClient &client,
                                              const PendingDeploymentRecord &record,
                                              const ReleaseStatus &gate, const CancelToken &cancel)
{
    return writeWith(client, record, &gate, cancel, notYetWritten(record));
}

std::optional<ReleaseRecord> breachAlreadyRecorded(const std::vector<TrailEntry> &entries,
                                                   const DeploymentChange &change)
{
    std::optional<ReleaseRecord> found;
    for (const TrailEntry &entry : entries) {
        if (!entry.record || !entry.record->deployment)
            continue;
        const DeploymentChange &other = *entry.record->deployment;
        if (other.endpoint != change.endpoint || other.target != change.target)
            continue;
        if (entry.record->action == ReleaseAction::Breach) {
            if (other.name == change.name)
                found = entry.record;
        } else if (other.splitBefore != other.splitAfter || entry.record->action == ReleaseAction::Deploy) {
            found.reset(); // a later change of split opens a new round
        }
    }
    return found;
}

Result<DecisionOutcome> recordBreach(const MlflowClient &client, const ReleaseStatus &gate,
                                     DeploymentChange change, const std::string &comment,
                                     const CancelToken &cancel)
{
    if (!gate.trail.ok || gate.trail.headHash.empty())
        return Error::config("a breach record needs the verified status of the gate");
    change.splitAfter = change.splitBefore;
    const DeploymentChange key = change;
    const WritePrecondition notYetRecorded =
        [key](const std::vector<TrailEntry> &entries) -> std::optional<Error> {
        const std::optional<ReleaseRecord> earlier = breachAlreadyRecorded(entries, key);
        if (!earlier)
            return std::nullopt;
        return Error::refused(kRefusedBreachRecorded,
                              "the breach of " + key.name + " on " + key.endpoint + " is already record " +
                                  std::to_string(earlier->sequence) + " of " + earlier->model +
                                  "'s trail, written by " + earlier->reviewer + " at " + earlier->time);
    };
    return writeWith(client, pendingRecordOf(gate, ReleaseAction::Breach, std::move(change), comment), &gate,
                     cancel, notYetRecorded);
}

Result<DecisionOutcome> recordDeploymentAction(const MlflowClient &client, const ReleaseStatus &gate,
                                               ReleaseAction action, DeploymentChange change,
                                               const std::string &comment, const CancelToken &cancel)
{
    if (!isDeploymentAction(action))
        return Error::config(std::string("'") + wireName(action) + "' is not a deployment action");
    if (!gate.trail.ok || gate.trail.headHash.empty())
        return Error::config("a deployment record needs the verified status of the gate");
    return writeWith(client, pendingRecordOf(gate, action, std::move(change), comment), &gate, cancel);
}

} // namespace modelgate
