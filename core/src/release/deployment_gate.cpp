// The gate before a deployment action and its record after (release-records.md, section 9).
#include "modelgate/core/release/deployment_gate.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/workspace/identity.h"
#include "release/decision_protocol.h"

namespace modelgate {

using namespace detail;

namespace {

// What a deployment record needs to be written, once the action is done: a writer with an
// identity, enrolled, on an intact trail.
Result<DecisionContext> contextFor(const MlflowClient &client, const std::string &model,
                                   const std::string &versionOrAlias, const ReleaseStatus *seen,
                                   const CancelToken &cancel)
{
    const std::string reviewer = reviewerIdentity(client.config().credentials);
    if (reviewer.empty())
        return Error::refused(kRefusedNoIdentity,
                              "the workspace has no user identity: a deployment record must name who acted");
    Result<DecisionContext> loaded = loadContext(client, model, versionOrAlias, reviewer, cancel, seen);
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

Result<DecisionOutcome> recordDeploymentAction(const MlflowClient &client, const ReleaseStatus &gate,
                                               ReleaseAction action, DeploymentChange change,
                                               const std::string &comment, const CancelToken &cancel)
{
    if (!isDeploymentAction(action))
        return Error::config(std::string("'") + wireName(action) + "' is not a deployment action");
    if (!gate.trail.ok || gate.trail.headHash.empty())
        return Error::config("a deployment record needs the verified status of the gate");
    change.verifiedHead = gate.trail.headHash;
    Result<DecisionContext> loaded = contextFor(client, gate.model, gate.version, &gate, cancel);
    if (!loaded.ok())
        return notRecorded(loaded.error());
    DecisionContext context = loaded.value();
    const std::string time = utcNow();

    const auto build = [&](int) -> Result<ReleaseRecord> {
        if (std::optional<Error> refusal = trailRefusal(context))
            return *refusal;
        ReleaseRecord record;
        record.formatVersion = 2;
        record.model = gate.model;
        record.version = gate.version;
        record.action = action;
        record.reviewer = context.status.reviewer;
        record.authors = gate.authors;
        record.time = time;
        record.comment = comment;
        record.contentDigest = gate.digest;
        record.policyHash =
            policyHash(policyInForce(trustedEntries(context.status.trail)).value_or(defaultReleasePolicy()));
        const CheckReport &report = gate.checks.report;
        record.checks = CheckSummary{report.passed, report.failed, report.warnings};
        record.deployment = change;
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

} // namespace modelgate
