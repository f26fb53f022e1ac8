// MlflowClient: experiment and run writes, run search and artifact listings (the calls the
// release ledger and the content digest need). Kept apart from mlflow_client.cpp, which holds
// the registry reads, so that neither file grows past a readable size.
#include "mlflow/client_helpers.h"
#include "mlflow/json_mapping.h"
#include "modelgate/core/mlflow/mlflow_client.h"
#include "util/json_text.h"

#include <chrono>
#include <utility>

namespace modelgate {

namespace {

using detail::buildQuery;
using detail::Query;

// A Parse error of a 2xx body names the endpoint it came from.
template <typename T>
Result<T> readBody(const Result<std::string> &body, const std::string &endpoint,
                   Result<T> (*read)(const std::string &))
{
    if (!body.ok())
        return body.error();
    return detail::withUrl(read(body.value()), endpoint);
}

} // namespace

Result<Experiment> MlflowClient::getExperimentByName(const std::string &name, const CancelToken &cancel) const
{
    if (name.empty())
        return Error::config("the experiment name is empty");
    return readBody<Experiment>(
        call(HttpMethod::Get, "experiments/get-by-name", buildQuery({{"experiment_name", name}}), cancel),
        "experiments/get-by-name", json::experimentFromBody);
}

Result<std::string> MlflowClient::createExperiment(const std::string &name, const CancelToken &cancel) const
{
    if (name.empty())
        return Error::config("the experiment name is empty");
    return readBody<std::string>(
        call(HttpMethod::Post, "experiments/create", jsonText(nlohmann::json{{"name", name}}), cancel),
        "experiments/create", json::experimentIdFromBody);
}

Result<Run> MlflowClient::createRun(const std::string &experimentId, const std::string &runName,
                                    const TagMap &tags, const CancelToken &cancel) const
{
    if (experimentId.empty())
        return Error::config("the experiment id is empty");
    nlohmann::json tagArray = nlohmann::json::array();
    for (const auto &[key, value] : tags)
        tagArray.push_back(nlohmann::json{{"key", key}, {"value", value}});
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    nlohmann::json body{{"experiment_id", experimentId}, {"start_time", now}, {"tags", std::move(tagArray)}};
    if (!runName.empty())
        body["run_name"] = runName;
    return readBody<Run>(call(HttpMethod::Post, "runs/create", jsonText(body), cancel), "runs/create",
                         json::runFromBody);
}

Status MlflowClient::logParam(const std::string &runId, const std::string &key, const std::string &value,
                              const CancelToken &cancel) const
{
    if (runId.empty() || key.empty())
        return Error::config("a parameter needs a run id and a key");
    const nlohmann::json body{{"run_id", runId}, {"key", key}, {"value", value}};
    return toStatus(call(HttpMethod::Post, "runs/log-parameter", jsonText(body), cancel));
}

Status MlflowClient::setRunTag(const std::string &runId, const std::string &key, const std::string &value,
                               const CancelToken &cancel) const
{
    if (runId.empty() || key.empty())
        return Error::config("a tag needs a run id and a key");
    const nlohmann::json body{{"run_id", runId}, {"key", key}, {"value", value}};
    return toStatus(call(HttpMethod::Post, "runs/set-tag", jsonText(body), cancel));
}

Result<Page<Run>> MlflowClient::searchRuns(const std::vector<std::string> &experimentIds,
                                           const std::string &filter, int maxResults,
                                           const std::string &pageToken, const CancelToken &cancel) const
{
    if (experimentIds.empty())
        return Error::config("no experiment ids given");
    if (maxResults < 1 || maxResults > kMaxRunsPerPage)
        return Error::config("maxResults must be between 1 and " + std::to_string(kMaxRunsPerPage));
    nlohmann::json body{{"experiment_ids", experimentIds}, {"max_results", maxResults}};
    if (!filter.empty())
        body["filter"] = filter;
    if (!pageToken.empty())
        body["page_token"] = pageToken;
    return readBody<Page<Run>>(call(HttpMethod::Post, "runs/search", jsonText(body), cancel), "runs/search",
                               json::runsPageFromBody);
}

Result<ArtifactListing> MlflowClient::listRunArtifacts(const std::string &runId, const std::string &path,
                                                       const std::string &pageToken,
                                                       const CancelToken &cancel) const
{
    if (runId.empty())
        return Error::config("the run id is empty");
    Query query{{"run_id", runId}};
    if (!path.empty())
        query.emplace_back("path", path);
    if (!pageToken.empty())
        query.emplace_back("page_token", pageToken);
    return readBody<ArtifactListing>(call(HttpMethod::Get, "artifacts/list", buildQuery(query), cancel),
                                     "artifacts/list", json::artifactListingFromBody);
}

Result<ArtifactListing> MlflowClient::listLoggedModelArtifacts(const std::string &modelId,
                                                               const std::string &directoryPath,
                                                               const CancelToken &cancel) const
{
    if (modelId.empty() || modelId.find('/') != std::string::npos)
        return Error::config("the logged model id \"" + modelId + "\" is not usable");
    const std::string endpoint = "logged-models/" + urlEncode(modelId) + "/artifacts/directories";
    Query query;
    if (!directoryPath.empty())
        query.emplace_back("artifact_directory_path", directoryPath);
    return readBody<ArtifactListing>(call(HttpMethod::Get, endpoint, buildQuery(query), cancel), endpoint,
                                     json::artifactListingFromBody);
}

} // namespace modelgate
