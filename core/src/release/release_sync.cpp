// The tag view of a version and the model's policy tag, rewritten from the trail.
#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/release/release_decision.h"
#include "modelgate/core/util/parallel.h"
#include "release/review_context.h"

#include <optional>

namespace modelgate {

Status syncReviewTags(const MlflowClient &client, const std::string &model, const std::string &version,
                      const CancelToken &cancel)
{
    const ReleaseLedger ledger(client);
    auto loaded = detail::loadConcurrently(
        cancel, [&] { return client.resolveModelVersion(model, version, cancel); },
        [&] { return client.getRegisteredModel(model, cancel); }, [&] { return ledger.read(model, cancel); });
    if (!loaded)
        return cancelledError();
    const auto &[loadedVersion, registered, snapshot] = *loaded;
    if (!loadedVersion.ok())
        return loadedVersion.error();
    if (!registered.ok())
        return registered.error();
    if (!snapshot.ok())
        return snapshot.error();
    Result<ReviewerSignatures> signatures = detail::readSignatures(ledger, snapshot.value(), cancel);
    if (!signatures.ok())
        return signatures.error();
    const ModelVersion &current = loadedVersion.value();
    const TrailVerification trail = verifyTrail(snapshot.value().ledgerParams, model, &signatures.value());
    if (!trail.ok)
        return Error::refused(kRefusedTrailBroken,
                              "the release trail of " + model + " is broken (" + trail.reason +
                                  "); the tag view is not rewritten from a broken trail");

    const auto expected = expectedReviewTags(replayVersion(trail.entries, current.version, nullptr));
    for (const auto &[key, value] : expected) {
        const auto found = current.tags.find(key);
        if (found != current.tags.end() && found->second == value)
            continue;
        if (Status written = client.setModelVersionTag(model, current.version, key, value, cancel);
            !written.ok())
            return written.error();
    }
    // A version without records must carry no review tags; removing them needs MANAGE.
    for (const auto &[key, value] : current.tags) {
        if (key.rfind("modelgate.review.", 0) != 0 || expected.count(key))
            continue;
        if (Status removed = client.deleteModelVersionTag(model, current.version, key, cancel); !removed.ok())
            return removed.error();
    }
    // The policy tag is part of the view too: rewrite it from the last policy record.
    if (const std::optional<ReleasePolicy> inForce = policyInForce(trail.entries)) {
        const std::string text = releasePolicyToJson(*inForce);
        const auto found = registered.value().tags.find(kReleasePolicyTag);
        if (found == registered.value().tags.end() || found->second != text)
            if (Status written = client.setRegisteredModelTag(model, kReleasePolicyTag, text, cancel);
                !written.ok())
                return written.error();
    }
    return success();
}

} // namespace modelgate
