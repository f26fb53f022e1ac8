#pragma once

#include "modelgate/core/http/http.h"
#include "modelgate/core/http/rest_call.h"
#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/mlflow/server_capabilities.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

struct ClientConfig
{
    std::string trackingUri; // http(s)://host:port[/prefix]; azureml:// is mapped to https://
    Credentials credentials;
    TransportOptions transport;
    RetryPolicy retry;
    // Where the Authorization header comes from when set (an Azure credential whose token is
    // renewed after a 401); otherwise `credentials`, fixed. `credentials` still names the user.
    std::shared_ptr<CredentialProvider> credentialProvider;
    // The registry has no aliases (Azure ML's MLflow endpoint answers 404 to every alias call):
    // this client keeps them as registered-model tags "modelgate.alias.<alias>" = version and
    // reads them back into RegisteredModel::aliases and ModelVersion::aliases. docs/azure.md.
    bool aliasesAsModelTags = false;
};

// The registered-model tag that holds an alias when ClientConfig::aliasesAsModelTags.
inline constexpr const char *kAliasTagPrefix = "modelgate.alias.";

// Turns a tracking URI into the REST base URL (no trailing slash), or a Config error.
Result<std::string> restBaseUrl(const std::string &trackingUri);

struct SearchModelsQuery
{
    std::string filter;               // MLflow search syntax, e.g. "name LIKE 'fraud-%'"
    std::vector<std::string> orderBy; // e.g. {"name ASC"}
    int maxResults = 100;             // per page, 1..1000
    std::string pageToken;
};

struct SearchVersionsQuery
{
    std::string filter; // e.g. "name='diabetes-classifier'"
    std::vector<std::string> orderBy;
    int maxResults = 1000; // per page; always sent (the REST default is 200000)
    std::string pageToken;
};

// One entry of an artifact listing (artifacts/list of a run, or a logged model's
// artifacts/directories). `path` is relative to the listed root, '/'-separated, and includes
// the listed directory (listing "sub" gives "sub/b.txt").
struct ArtifactFile
{
    std::string path;
    bool isDir = false;
    std::int64_t fileSize = -1; // -1 when the server does not say (directories)
};

struct ArtifactListing
{
    std::string rootUri;
    std::vector<ArtifactFile> files;
    std::string nextPageToken; // artifacts/list pages on some stores; empty on the last page
};

// Reports progress of multi-page operations: items so far; return false to stop early.
using PageCallback = std::function<bool(std::size_t itemsSoFar)>;

// MLflow REST client (API 2.0). Thread-safe for concurrent calls: it holds only
// immutable configuration and a thread-safe transport.
class MlflowClient
{
public:
    explicit MlflowClient(ClientConfig config);
    MlflowClient(ClientConfig config, std::shared_ptr<HttpTransport> transport);

    const ClientConfig &config() const { return m_config; }

    // --- registered models
    Result<Page<RegisteredModel>> searchRegisteredModels(const SearchModelsQuery &query,
                                                         const CancelToken &cancel) const;
    // Every page, following next_page_token to the end. onPage sees each page as it arrives.
    Result<std::vector<RegisteredModel>>
    searchAllRegisteredModels(SearchModelsQuery query, const CancelToken &cancel,
                              const std::function<bool(const Page<RegisteredModel> &)> &onPage = {}) const;
    Result<RegisteredModel> getRegisteredModel(const std::string &name, const CancelToken &cancel) const;
    Status setRegisteredModelTag(const std::string &name, const std::string &key, const std::string &value,
                                 const CancelToken &cancel) const;
    Status setRegisteredModelAlias(const std::string &name, const std::string &alias,
                                   const std::string &version, const CancelToken &cancel) const;

    // --- model versions
    Result<Page<ModelVersion>> searchModelVersions(const SearchVersionsQuery &query,
                                                   const CancelToken &cancel) const;
    // Every version of one model, newest first, with aliases filled from the registered model.
    Result<std::vector<ModelVersion>> listModelVersions(const std::string &modelName,
                                                        const CancelToken &cancel) const;
    Result<ModelVersion> getModelVersion(const std::string &name, const std::string &version,
                                         const CancelToken &cancel) const;
    Result<ModelVersion> getModelVersionByAlias(const std::string &name, const std::string &alias,
                                                const CancelToken &cancel) const;
    // "7" or "@champion" -> the version.
    Result<ModelVersion> resolveModelVersion(const std::string &name, const std::string &versionOrAlias,
                                             const CancelToken &cancel) const;
    Status setModelVersionTag(const std::string &name, const std::string &version, const std::string &key,
                              const std::string &value, const CancelToken &cancel) const;

    // --- runs, metrics, experiments
    Result<Run> getRun(const std::string &runId, const CancelToken &cancel) const;
    // Full history of one metric, every page.
    Result<std::vector<Metric>> getMetricHistory(const std::string &runId, const std::string &metricKey,
                                                 const CancelToken &cancel) const;
    // One metric of up to kMaxBulkIntervalRuns runs in one request
    // (GET metrics/get-history-bulk-interval), one vector per entry of runIds, in that order
    // (a repeated id gets a copy). The SERVER samples: it keeps at most maxResultsPerRun
    // (1..kMaxBulkIntervalResultsPerRun) evenly spaced steps of the union of the runs' steps
    // within [startStep, endStep], plus each run's first and last step, and returns every
    // value logged at those steps, ordered by step. Without a range it starts at step 0, so
    // negative steps are left out (MLflow 3.6). startStep and endStep go together. The
    // endpoint has no paging. Servers older than MLflow 2.11 lack it (an HTTP 404).
    Result<std::vector<std::vector<Metric>>>
    getMetricHistoryBulkInterval(const std::vector<std::string> &runIds, const std::string &metricKey,
                                 int maxResultsPerRun, std::optional<std::int64_t> startStep,
                                 std::optional<std::int64_t> endStep, const CancelToken &cancel) const;
    static constexpr std::size_t kMaxBulkIntervalRuns = 100;   // MAX_RUNS_GET_METRIC_HISTORY_BULK
    static constexpr int kMaxBulkIntervalResultsPerRun = 2500; // MAX_RESULTS_PER_RUN
    Result<Experiment> getExperiment(const std::string &experimentId, const CancelToken &cancel) const;
    Result<Page<Experiment>> searchExperiments(const std::string &filter, int maxResults,
                                               const std::string &pageToken, const CancelToken &cancel) const;

    // Experiment by exact name (GET experiments/get-by-name); a missing one is an Api error
    // with code RESOURCE_DOES_NOT_EXIST. Deleted experiments are returned too (lifecycleStage).
    Result<Experiment> getExperimentByName(const std::string &name, const CancelToken &cancel) const;
    // Creates an experiment and returns its id (RESOURCE_ALREADY_EXISTS when the name is taken).
    Result<std::string> createExperiment(const std::string &name, const CancelToken &cancel) const;

    // --- run writes (authorised by the run's experiment: EDIT under the basic-auth app)
    // Creates a run (start time now) with the given tags; the returned run has its id.
    Result<Run> createRun(const std::string &experimentId, const std::string &runName, const TagMap &tags,
                          const CancelToken &cancel) const;
    // Logs a parameter. Parameters are write-once: another value under the same key fails
    // with INVALID_PARAMETER_VALUE ("Changing param values is not allowed"), the same value
    // succeeds; so a retried call is harmless.
    Status logParam(const std::string &runId, const std::string &key, const std::string &value,
                    const CancelToken &cancel) const;
    Status setRunTag(const std::string &runId, const std::string &key, const std::string &value,
                     const CancelToken &cancel) const;
    // One page of POST runs/search over active runs, every run with its params, tags and
    // latest metrics. maxResults 1..kMaxRunsPerPage.
    Result<Page<Run>> searchRuns(const std::vector<std::string> &experimentIds, const std::string &filter,
                                 int maxResults, const std::string &pageToken,
                                 const CancelToken &cancel) const;
    static constexpr int kMaxRunsPerPage = 50000; // SEARCH_MAX_RESULTS_THRESHOLD

    // --- artifacts
    // One directory of a run's artifacts (GET artifacts/list); `path` empty for the root.
    Result<ArtifactListing> listRunArtifacts(const std::string &runId, const std::string &path,
                                             const std::string &pageToken, const CancelToken &cancel) const;
    // One directory of a logged model's artifacts ("m-..."; GET logged-models/<id>/artifacts/
    // directories, MLflow 3); `directoryPath` empty for the model's root.
    Result<ArtifactListing> listLoggedModelArtifacts(const std::string &modelId,
                                                     const std::string &directoryPath,
                                                     const CancelToken &cancel) const;
    // Raw bytes of one file of a model version (e.g. "MLmodel"), via /model-versions/get-artifact.
    Result<std::string> getModelVersionArtifact(const std::string &name, const std::string &version,
                                                const std::string &path, const CancelToken &cancel) const;
    // The version's MLmodel signature (present=false when the MLmodel has none); with
    // `mlmodelText`, also the file as read (set whenever it was read, even if it does not parse).
    Result<ModelSignature> getModelVersionSignature(const std::string &name, const std::string &version,
                                                    const CancelToken &cancel,
                                                    std::string *mlmodelText = nullptr) const;

    // --- registry writes that carry no review data
    // The description as given (PATCH model-versions/update); rewriting the current one
    // changes nothing and proves EDIT on the model.
    Status updateModelVersionDescription(const std::string &name, const std::string &version,
                                         const std::string &description, const CancelToken &cancel) const;
    // Removing a version's tag needs MANAGE on the model (DELETE model-versions/delete-tag).
    Status deleteModelVersionTag(const std::string &name, const std::string &version, const std::string &key,
                                 const CancelToken &cancel) const;
    Status updateRegisteredModelDescription(const std::string &name, const std::string &description,
                                            const CancelToken &cancel) const;

    // --- server
    Result<std::string> serverVersion(const CancelToken &cancel) const; // GET /version

    // What the server is and offers (version, auth app, permission API, workspaces), detected
    // on first use and kept for this client and its copies (detectServerCapabilities). A failed
    // detection is not kept: the next call tries again.
    Result<ServerCapabilities> capabilities(const CancelToken &cancel) const;
    // The same server and transport without credentials: how capabilities() asks whether the
    // server requires any.
    MlflowClient anonymous() const;

    // Low-level: one REST call under /api/2.0/mlflow/<endpoint> (or /api/3.0/mlflow/ with
    // RestApi::V3, where newer servers keep their permission API). Returns the body of a 2xx
    // response, or an Error (Api when an MLflow error body is present, else HttpStatus).
    enum class RestApi
    {
        V2,
        V3,
    };
    Result<std::string> call(HttpMethod method, const std::string &endpoint, const std::string &queryOrBody,
                             const CancelToken &cancel) const;
    Result<std::string> call(RestApi api, HttpMethod method, const std::string &endpoint,
                             const std::string &queryOrBody, const CancelToken &cancel) const;

private:
    ClientConfig m_config;
    std::string m_baseUrl; // empty when the URI is unusable; calls then return m_configError
    std::optional<Error> m_configError;
    std::shared_ptr<HttpTransport> m_transport;
    // ClientConfig::aliasesAsModelTags: RegisteredModel::aliases from its kAliasTagPrefix tags.
    void aliasesFromTags(RegisteredModel &model) const;

    std::shared_ptr<CredentialProvider> m_credentials;
    std::shared_ptr<struct ServerCapabilitiesCache> m_capabilities; // shared by copies
};

} // namespace modelgate
