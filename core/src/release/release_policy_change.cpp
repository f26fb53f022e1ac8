// A release policy change: a Policy record on the model's trail, then the policy tag.
#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/util/parallel.h"
#include "modelgate/core/workspace/identity.h"
#include "release/decision_protocol.h"

#include <optional>

namespace modelgate {

using namespace detail;

Result<DecisionOutcome> setReleasePolicy(const MlflowClient &client, const std::string &model,
                                         const ReleasePolicy &policy, const std::string &comment,
                                         const CancelToken &cancel)
{
    if (Status valid = validateReleasePolicy(policy); !valid.ok())
        return valid.error();
    const std::string reviewer = reviewerIdentity(client.config().credentials);
    if (reviewer.empty())
        return Error::refused(kRefusedNoIdentity,
                              "the workspace has no user identity: a policy change must name its author");
    ReleaseRecord draft = draftRecord({model, "", ReleaseAction::Policy, comment, ""}, reviewer);
    draft.contentDigest.clear();
    draft.policyHash = policyHash(policy);
    draft.policy = policy;
    if (Status valid = validateRecordForWrite(draft); !valid.ok())
        return valid.error();

    const ReleaseLedger ledger(client);
    auto loaded = loadConcurrently(
        cancel, [&] { return client.getRegisteredModel(model, cancel); },
        [&] { return ledger.read(model, cancel); });
    if (!loaded)
        return notRecorded(cancelledError());
    const auto &[registered, snapshot] = *loaded;
    if (!registered.ok())
        return notRecorded(registered.error());
    if (!snapshot.ok())
        return notRecorded(snapshot.error());
    const RegisteredModel &current = registered.value();

    DecisionContext context;
    ReleaseStatus &status = context.status;
    status.model = model;
    status.reviewer = reviewer;
    if (Result<LoadedPolicy> tagPolicy = policyFromTags(current.tags); tagPolicy.ok())
        status.checks.policy = tagPolicy.value();
    context.snapshot = snapshot.value();
    if (Status read = refreshSignatures(client, context, cancel); !read.ok())
        return notRecorded(read.error());

    bool probed = false;
    const auto decide = [&](int) -> Result<ReleaseRecord> {
        if (std::optional<Error> refusal = trailRefusal(context))
            return *refusal;
        if (const auto inForce = policyInForce(status.trail.entries);
            inForce && releasePolicyToJson(*inForce) == releasePolicyToJson(policy))
            return Error::refused(kRefusedAlreadyDecided,
                                  "this release policy is already in force for " + model);
        if (!probed) {
            // EDIT on the model, proven before anything is written: rewrite what is there.
            const auto tag = current.tags.find(kReleasePolicyTag);
            Status probe = tag != current.tags.end()
                               ? client.setRegisteredModelTag(model, kReleasePolicyTag, tag->second, cancel)
                               : client.updateRegisteredModelDescription(model, current.description, cancel);
            if (!probe.ok())
                return probeError(probe.error(), model, "change its release policy");
            probed = true;
        }
        ReleaseRecord record = draft;
        record.time = utcNow();
        return record;
    };
    const auto reread = [&] { return rereadLedger(client, context, cancel); };
    Result<DecisionOutcome> committed = commit(client, context, decide, reread, cancel);
    if (!committed.ok())
        return committed.error();
    DecisionOutcome outcome = committed.value();

    const std::string text = releasePolicyToJson(policy);
    if (Status tagged = client.setRegisteredModelTag(model, kReleasePolicyTag, text, cancel); tagged.ok()) {
        status.checks.policy.policy = policy;
        status.checks.policy.fromTag = true;
        status.checks.policy.tagValue = text;
        status.checks.policy.hash = policyHash(policy);
    } else {
        outcome.tagsWritten = false;
        outcome.tagError = "record " + std::to_string(outcome.record.sequence) +
                           " is written and the policy is in force, but the tag " + kReleasePolicyTag +
                           " is not: " + tagged.error().describe() +
                           "; syncReviewTags (`review sync`) repairs it";
    }
    evaluate(status, context.snapshot.ledgerParams, context.signatures, context.versionTags);
    status.reason = status.policyProblems.empty() ? "release policy recorded" : status.policyProblems.front();
    status.ledger = context.snapshot;
    status.signatures = context.signatures;
    outcome.after = status;
    return outcome;
}

} // namespace modelgate
