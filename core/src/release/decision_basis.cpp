#include "release/decision_basis.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/release/release_policy.h"

namespace modelgate::detail {

Result<ContentManifest> manifestOf(const MlflowClient &client, const std::string &model,
                                   const VersionEvidence &candidate, const CancelToken &cancel)
{
    if (!candidate.version.runId.empty() && !candidate.run)
        return loadContentManifest(client, model, candidate.version.version, cancel);
    ModelVersion version = candidate.version;
    version.name = model;
    return loadContentManifest(client, version, candidate.run, cancel);
}

std::optional<LoadedChecks> seenChecks(const MlflowClient &client, const ReleaseStatus &seen,
                                       std::optional<Result<ContentManifest>> &manifest,
                                       const CancelToken &cancel)
{
    Result<ModelVersion> version = client.getModelVersion(seen.model, seen.version, cancel);
    if (!version.ok())
        return std::nullopt;
    VersionEvidence candidate = seen.checks.candidate;
    candidate.version = version.value();
    candidate.version.aliases = seen.checks.candidate.version.aliases; // the registered model's
    candidate.run.reset();
    if (!candidate.version.runId.empty()) {
        Result<Run> run = client.getRun(candidate.version.runId, cancel);
        if (!run.ok())
            return std::nullopt;
        candidate.run = run.value();
    }
    manifest.emplace(manifestOf(client, seen.model, candidate, cancel));
    if (!manifest->ok() || contentDigest(manifest->value()) != seen.digest)
        return std::nullopt;
    LoadedChecks checks = seen.checks;
    checks.candidate = std::move(candidate);
    return checks;
}

std::string policyTextInForce(const TrailVerification &trail)
{
    const std::optional<ReleasePolicy> policy = policyInForce(trustedEntries(trail));
    return policy ? releasePolicyToJson(*policy) : std::string();
}

} // namespace modelgate::detail
