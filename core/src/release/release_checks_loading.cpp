// The evidence the pre-checks need (the candidate, its champion, their comparison), read
// from MLflow, and the checks evaluated over it.
#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/release/release_checks.h"
#include "modelgate/core/util/parallel.h"

#include <algorithm>
#include <optional>

namespace modelgate {

namespace {

bool isNumericRef(const std::string &ref)
{
    return !ref.empty() && std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

Result<LoadedChecks> loadReleaseChecks(const MlflowClient &client, const std::string &modelName,
                                       const std::string &versionOrAlias, const CancelToken &cancel)
{
    std::optional<Result<RegisteredModel>> model;
    std::optional<Result<LoadedPolicy>> policy;
    std::optional<Result<VersionEvidence>> candidate;
    std::optional<Result<VersionEvidence>> champion;

    // The champion's evidence is loaded as soon as the model names it, while the candidate's
    // is still arriving; loading the champion by number (rather than loadComparison) does not
    // read the candidate twice, which matters on basic-auth servers (~0.7 s per request).
    const auto loadModelAndChampion = [&] {
        model.emplace(client.getRegisteredModel(modelName, cancel));
        if (!model->ok())
            return;
        policy.emplace(policyFromTags(model->value().tags));
        if (!policy->ok())
            return;
        const auto &aliases = model->value().aliases;
        const auto championIt = aliases.find(policy->value().policy.championAlias);
        if (championIt == aliases.end())
            return;
        std::string candidateNumber;
        if (isNumericRef(versionOrAlias)) {
            candidateNumber = versionOrAlias;
        } else if (versionOrAlias.size() > 1 && versionOrAlias.front() == '@') {
            const auto it = aliases.find(versionOrAlias.substr(1));
            if (it != aliases.end())
                candidateNumber = it->second;
        }
        if (candidateNumber == championIt->second)
            return;
        champion.emplace(loadVersionEvidence(client, modelName, championIt->second, cancel));
    };
    parallelInvoke(
        {loadModelAndChampion,
         [&] { candidate.emplace(loadVersionEvidence(client, modelName, versionOrAlias, cancel)); }},
        2, cancel);
    if (cancel.isCancelled() || !model || !candidate)
        return cancelledError();
    if (!model->ok())
        return model->error();
    if (!policy)
        return cancelledError();
    if (!policy->ok())
        return policy->error();
    if (!candidate->ok()) {
        Error error = candidate->error();
        if (versionOrAlias.size() > 1 && versionOrAlias.front() == '@' &&
            model->value().aliases.count(versionOrAlias.substr(1)) == 0)
            error.message = modelName + " has no alias '" + versionOrAlias.substr(1) + "'";
        return error;
    }
    if (champion && !champion->ok())
        return champion->error();

    LoadedChecks loaded;
    loaded.policy = std::move(*policy).value();
    loaded.candidate = std::move(*candidate).value();
    // The registered model is the authority on aliases (a version read may leave them empty).
    loaded.candidate.version.aliases = model->value().aliasesOf(loaded.candidate.version.version);
    if (champion && champion->value().version.version != loaded.candidate.version.version) {
        VersionEvidence baseline = std::move(*champion).value();
        baseline.version.aliases = model->value().aliasesOf(baseline.version.version);
        const ParsedMetricDirections directions = parseMetricDirections(model->value().tags);
        Comparison comparison = compareVersions(loaded.candidate, std::move(baseline), directions.directions);
        if (!directions.warning.empty())
            comparison.warnings.push_back(directions.warning);
        for (const auto *evidence : {&comparison.candidate, &comparison.baseline}) {
            if (!evidence->runNote.empty())
                comparison.warnings.push_back("version " + evidence->version.version + ": " +
                                              evidence->runNote);
        }
        loaded.comparison = std::move(comparison);
    }
    loaded.report =
        evaluateReleaseChecks(loaded.policy.policy, loaded.policy.hash, loaded.candidate, loaded.comparison);
    return loaded;
}

} // namespace modelgate
