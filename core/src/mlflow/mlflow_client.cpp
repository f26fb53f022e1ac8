#include "modelgate/core/mlflow/mlflow_client.h"

#include "mlflow/client_helpers.h"
#include "mlflow/json_mapping.h"
#include "mlflow/server_capabilities_cache.h"
#include "util/json_text.h"
#include "util/text.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include <modelgate/core/mlflow/mlmodel.h>

namespace modelgate {

namespace {

constexpr std::string_view kApiPrefix = "/api/2.0/mlflow/";
constexpr std::string_view kApi3Prefix = "/api/3.0/mlflow/";
// The server's per-page ceilings (mlflow/store/*/__init__.py).
constexpr int kMaxModelsPerPage = 1000;
constexpr int kMaxVersionsPerPage = 200000;
constexpr int kMetricHistoryPageSize = 25000; // GET_METRIC_HISTORY_MAX_RESULTS
constexpr int kMaxExperimentsPerPage = 50000;

using detail::buildQuery;
using detail::Query;
using detail::withUrl;

// Writes that are upserts: repeating them after an unknown outcome does no harm, so
// the retrying transport may resend them. Creates, renames and deletes are not.
bool isIdempotentEndpoint(HttpMethod method, std::string_view endpoint)
{
    if (method == HttpMethod::Get)
        return true;
    static constexpr std::string_view kUpserts[] = {
        "registered-models/set-tag",
        "registered-models/alias",
        "model-versions/set-tag",
        "experiments/search",
        "runs/search",
        "registered-models/get-latest-versions",
        // Parameters are write-once and the same value again succeeds, so a resent
        // log-parameter either repeats our own write or meets the winner's: never harmful.
        "runs/log-parameter",
        "runs/set-tag",
    };
    if (method == HttpMethod::Delete)
        return false;
    return std::find(std::begin(kUpserts), std::end(kUpserts), endpoint) != std::end(kUpserts);
}

std::string_view normalizedEndpoint(std::string_view endpoint)
{
    while (!endpoint.empty() && endpoint.front() == '/')
        endpoint.remove_prefix(1);
    return endpoint;
}

// A filter that matches exactly one registered-model name. MLflow's filter parser
// (sqlparse + SearchUtils._strip_quotes) strips the outer quotes without unescaping, so a
// quote inside the value cannot be escaped: use the other quote kind, and when the name
// holds both kinds fall back to LIKE with '_' for each quote (the caller then keeps the
// exact name only). A backslash before the closing quote would be read as an escape by
// sqlparse, so names with backslashes take the LIKE route too.
std::pair<std::string, bool> exactNameFilter(const std::string &name)
{
    const bool hasSingle = name.find('\'') != std::string::npos;
    const bool hasDouble = name.find('"') != std::string::npos;
    const bool hasBackslash = name.find('\\') != std::string::npos;
    if (!hasSingle && !hasBackslash)
        return {"name='" + name + "'", true};
    if (!hasDouble && !hasBackslash)
        return {"name=\"" + name + "\"", true};
    std::string pattern = name;
    for (char &c : pattern) {
        if (c == '\'' || c == '"' || c == '\\')
            c = '_';
    }
    return {"name LIKE '" + pattern + "'", false};
}

} // namespace

Result<std::string> restBaseUrl(const std::string &trackingUri)
{
    const std::string uri = text::trimmed(trackingUri);
    if (uri.empty())
        return Error::config("the tracking URI is empty");
    const std::size_t schemeEnd = uri.find("://");
    if (schemeEnd == std::string::npos)
        return Error::config("the tracking URI \"" + text::cappedLine(uri) +
                             "\" has no scheme; expected http://, https:// or azureml://");
    const std::string scheme = text::asciiLower(uri.substr(0, schemeEnd));
    std::string outScheme;
    if (scheme == "http" || scheme == "https")
        outScheme = scheme;
    else if (scheme == "azureml")
        outScheme = "https"; // Azure ML's MLflow endpoint is plain REST over HTTPS
    else
        return Error::config("unsupported tracking URI scheme \"" + text::cappedLine(scheme) +
                             "\"; expected http://, https:// or azureml://");

    std::string rest = uri.substr(schemeEnd + 3);
    if (rest.find_first_of("?#") != std::string::npos)
        return Error::config("the tracking URI must not contain a query or fragment");
    if (rest.find_first_of(" \t\r\n") != std::string::npos)
        return Error::config("the tracking URI must not contain whitespace");
    const std::size_t authorityEnd = rest.find('/');
    const std::string authority = rest.substr(0, authorityEnd);
    if (authority.find('@') != std::string::npos)
        return Error::config("credentials in the tracking URI are not supported; "
                             "set the profile's user name and provide the password separately");
    // host[:port] or [v6]:port
    std::string host = authority;
    std::string port;
    if (!host.empty() && host.front() == '[') {
        const std::size_t close = host.find(']');
        if (close == std::string::npos)
            return Error::config("the tracking URI has an unterminated IPv6 address");
        port = host.substr(close + 1);
        host = host.substr(0, close + 1);
        if (!port.empty() && port.front() != ':')
            return Error::config("the tracking URI's host is malformed");
        if (!port.empty())
            port.erase(0, 1);
    } else if (const std::size_t colon = host.find(':'); colon != std::string::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    if (host.empty() || host == "[]")
        return Error::config("the tracking URI has no host");
    if (authority.find(':') != std::string::npos && authority.back() != ']') {
        if (port.empty() || port.size() > 5 ||
            !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return Error::config("the tracking URI's port \"" + text::cappedLine(port) +
                                 "\" is not a number");
    }
    std::string path = authorityEnd == std::string::npos ? std::string() : rest.substr(authorityEnd);
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    return outScheme + "://" + authority + path;
}

MlflowClient::MlflowClient(ClientConfig config)
    : MlflowClient(config,
                   std::make_shared<RetryingTransport>(
                       std::shared_ptr<HttpTransport>(makeCurlTransport(config.transport)), config.retry))
{}

MlflowClient::MlflowClient(ClientConfig config, std::shared_ptr<HttpTransport> transport)
    : m_config(std::move(config))
    , m_transport(std::move(transport))
    , m_credentials(
          m_config.credentialProvider
              ? m_config.credentialProvider
              : std::shared_ptr<CredentialProvider>(std::make_shared<FixedCredentials>(m_config.credentials)))
    , m_capabilities(makeServerCapabilitiesCache())
{
    auto base = restBaseUrl(m_config.trackingUri);
    if (base.ok())
        m_baseUrl = std::move(base).value();
    else
        m_configError = base.error();
}

namespace {

// One request to the server, authorised and mapped as MLflow answers; `accept` is the Accept header.
Result<std::string> sendRequest(HttpTransport &transport, CredentialProvider &credentials,
                                HttpRequest request, const char *accept, const CancelToken &cancel)
{
    RestCall call;
    call.transport = &transport;
    call.credentials = &credentials;
    call.mapError = mlflowErrorBody;
    call.accept = accept;
    return sendRestRequest(call, std::move(request), cancel);
}

} // namespace

Result<std::string> MlflowClient::call(HttpMethod method, const std::string &endpoint,
                                       const std::string &queryOrBody, const CancelToken &cancel) const
{
    return call(RestApi::V2, method, endpoint, queryOrBody, cancel);
}

Result<std::string> MlflowClient::call(RestApi api, HttpMethod method, const std::string &endpoint,
                                       const std::string &queryOrBody, const CancelToken &cancel) const
{
    if (m_configError)
        return *m_configError;
    if (!m_transport)
        return Error::config("the client has no transport");
    const std::string_view name = normalizedEndpoint(endpoint);
    HttpRequest request;
    request.method = method;
    request.url = m_baseUrl + std::string(api == RestApi::V3 ? kApi3Prefix : kApiPrefix) + std::string(name);
    if (method == HttpMethod::Get) {
        if (!queryOrBody.empty())
            request.url += '?' + queryOrBody;
    } else {
        // MLflow reads every non-GET request's fields from a JSON body; an empty one is {}.
        request.body = queryOrBody.empty() ? std::string("{}") : queryOrBody;
    }
    request.idempotent = isIdempotentEndpoint(method, name);
    return sendRequest(*m_transport, *m_credentials, std::move(request), "application/json", cancel);
}

namespace {

// GET one endpoint and map the body with `read`; parse errors carry the URL.
template <typename T, typename Read>
Result<T> getAndRead(const MlflowClient &client, const std::string &baseUrl, const char *endpoint,
                     const Query &query, const CancelToken &cancel, Read read)
{
    const std::string queryText = buildQuery(query);
    auto body = client.call(HttpMethod::Get, endpoint, queryText, cancel);
    if (!body.ok())
        return body.error();
    return withUrl(read(body.value()), baseUrl + std::string(kApiPrefix) + endpoint + '?' + queryText);
}

// Follows next_page_token to the end. fetch(token) -> Result<Page<T>>; onPage returns false to stop.
template <typename T, typename Fetch, typename OnPage>
Result<std::vector<T>> collectPages(Fetch fetch, OnPage onPage, const CancelToken &cancel)
{
    return followPages<T>(fetch, onPage, &Page<T>::nextPageToken, cancel, "next_page_token");
}

Error invalidArgument(std::string message)
{
    return Error::config(std::move(message));
}

} // namespace

void MlflowClient::aliasesFromTags(RegisteredModel &model) const
{
    model.aliases.clear();
    const std::string prefix = kAliasTagPrefix;
    for (const auto &[key, value] : model.tags) {
        if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0 && !value.empty())
            model.aliases[key.substr(prefix.size())] = value;
    }
}

Result<Page<RegisteredModel>> MlflowClient::searchRegisteredModels(const SearchModelsQuery &query,
                                                                   const CancelToken &cancel) const
{
    if (query.maxResults < 1 || query.maxResults > kMaxModelsPerPage)
        return invalidArgument("maxResults must be between 1 and " + std::to_string(kMaxModelsPerPage));
    Query params{{"max_results", std::to_string(query.maxResults)}};
    if (!query.filter.empty())
        params.emplace_back("filter", query.filter);
    for (const auto &order : query.orderBy)
        params.emplace_back("order_by", order);
    if (!query.pageToken.empty())
        params.emplace_back("page_token", query.pageToken);
    auto page = getAndRead<Page<RegisteredModel>>(*this, m_baseUrl, "registered-models/search", params,
                                                  cancel, json::registeredModelsPageFromBody);
    if (page.ok() && m_config.aliasesAsModelTags) {
        for (auto &model : page->items)
            aliasesFromTags(model);
    }
    return page;
}

Result<std::vector<RegisteredModel>> MlflowClient::searchAllRegisteredModels(
    SearchModelsQuery query, const CancelToken &cancel,
    const std::function<bool(const Page<RegisteredModel> &)> &onPage) const
{
    const std::string firstToken = query.pageToken;
    bool first = true;
    return collectPages<RegisteredModel>(
        [&](const std::string &token) {
            query.pageToken = first ? firstToken : token;
            first = false;
            return searchRegisteredModels(query, cancel);
        },
        [&](const Page<RegisteredModel> &page) { return onPage ? onPage(page) : true; }, cancel);
}

Result<RegisteredModel> MlflowClient::getRegisteredModel(const std::string &name,
                                                         const CancelToken &cancel) const
{
    auto model = getAndRead<RegisteredModel>(*this, m_baseUrl, "registered-models/get", {{"name", name}},
                                             cancel, json::registeredModelFromBody);
    if (model.ok() && m_config.aliasesAsModelTags)
        aliasesFromTags(model.value());
    return model;
}

Status MlflowClient::setRegisteredModelTag(const std::string &name, const std::string &key,
                                           const std::string &value, const CancelToken &cancel) const
{
    const nlohmann::json body{{"name", name}, {"key", key}, {"value", value}};
    return toStatus(call(HttpMethod::Post, "registered-models/set-tag", jsonText(body), cancel));
}

Status MlflowClient::setRegisteredModelAlias(const std::string &name, const std::string &alias,
                                             const std::string &version, const CancelToken &cancel) const
{
    if (m_config.aliasesAsModelTags)
        return setRegisteredModelTag(name, kAliasTagPrefix + alias, version, cancel);
    const nlohmann::json body{{"name", name}, {"alias", alias}, {"version", version}};
    return toStatus(call(HttpMethod::Post, "registered-models/alias", jsonText(body), cancel));
}

Result<Page<ModelVersion>> MlflowClient::searchModelVersions(const SearchVersionsQuery &query,
                                                             const CancelToken &cancel) const
{
    if (query.maxResults < 1 || query.maxResults > kMaxVersionsPerPage)
        return invalidArgument("maxResults must be between 1 and " + std::to_string(kMaxVersionsPerPage));
    Query params{{"max_results", std::to_string(query.maxResults)}};
    if (!query.filter.empty())
        params.emplace_back("filter", query.filter);
    for (const auto &order : query.orderBy)
        params.emplace_back("order_by", order);
    if (!query.pageToken.empty())
        params.emplace_back("page_token", query.pageToken);
    return getAndRead<Page<ModelVersion>>(*this, m_baseUrl, "model-versions/search", params, cancel,
                                          json::modelVersionsPageFromBody);
}

Result<std::vector<ModelVersion>> MlflowClient::listModelVersions(const std::string &modelName,
                                                                  const CancelToken &cancel) const
{
    if (modelName.empty())
        return invalidArgument("the model name is empty");
    // The registered model first: a missing model is then RESOURCE_DOES_NOT_EXIST rather than an
    // empty list, and it carries the aliases that version search leaves empty (mlflow#16734).
    auto model = getRegisteredModel(modelName, cancel);
    if (!model.ok())
        return model.error();

    SearchVersionsQuery query;
    const auto [filter, exact] = exactNameFilter(modelName);
    query.filter = filter;
    query.orderBy = {"version_number DESC"};
    query.maxResults = 1000;
    auto versions = collectPages<ModelVersion>(
        [&](const std::string &token) {
            query.pageToken = token;
            return searchModelVersions(query, cancel);
        },
        [](const Page<ModelVersion> &) { return true; }, cancel);
    if (!versions.ok())
        return versions.error();

    std::vector<ModelVersion> result = std::move(versions).value();
    if (!exact) {
        result.erase(std::remove_if(result.begin(), result.end(),
                                    [&](const ModelVersion &version) { return version.name != modelName; }),
                     result.end());
    }
    for (auto &version : result)
        version.aliases = model->aliasesOf(version.version);
    std::stable_sort(result.begin(), result.end(), [](const ModelVersion &a, const ModelVersion &b) {
        return a.versionNumber() > b.versionNumber();
    });
    return result;
}

Result<ModelVersion> MlflowClient::getModelVersion(const std::string &name, const std::string &version,
                                                   const CancelToken &cancel) const
{
    auto found =
        getAndRead<ModelVersion>(*this, m_baseUrl, "model-versions/get",
                                 {{"name", name}, {"version", version}}, cancel, json::modelVersionFromBody);
    if (found.ok() && m_config.aliasesAsModelTags) {
        // The version's aliases live on its registered model there.
        auto model = getRegisteredModel(name, cancel);
        if (!model.ok())
            return model.error();
        found->aliases = model->aliasesOf(found->version);
    }
    return found;
}

Result<ModelVersion> MlflowClient::getModelVersionByAlias(const std::string &name, const std::string &alias,
                                                          const CancelToken &cancel) const
{
    if (m_config.aliasesAsModelTags) {
        auto model = getRegisteredModel(name, cancel);
        if (!model.ok())
            return model.error();
        const auto target = model->aliases.find(alias);
        if (target == model->aliases.end()) {
            Error error = Error::of(ErrorKind::Api,
                                    "Registered model alias " + alias +
                                        " not found (aliases are kept as the "
                                        "model's tags " +
                                        kAliasTagPrefix + "* in this registry).",
                                    "RESOURCE_DOES_NOT_EXIST");
            error.httpStatus = 404;
            return error;
        }
        return getModelVersion(name, target->second, cancel);
    }
    return getAndRead<ModelVersion>(*this, m_baseUrl, "registered-models/alias",
                                    {{"name", name}, {"alias", alias}}, cancel, json::modelVersionFromBody);
}

Result<ModelVersion> MlflowClient::resolveModelVersion(const std::string &name,
                                                       const std::string &versionOrAlias,
                                                       const CancelToken &cancel) const
{
    if (versionOrAlias.size() > 1 && versionOrAlias.front() == '@')
        return getModelVersionByAlias(name, versionOrAlias.substr(1), cancel);
    const bool numeric = !versionOrAlias.empty() && versionOrAlias.size() <= 18 &&
                         std::all_of(versionOrAlias.begin(), versionOrAlias.end(),
                                     [](char c) { return c >= '0' && c <= '9'; });
    if (numeric)
        return getModelVersion(name, versionOrAlias, cancel);
    return invalidArgument("\"" + text::cappedLine(versionOrAlias) +
                           "\" is neither a version number (e.g. 7) nor an alias (e.g. @champion)");
}

Status MlflowClient::setModelVersionTag(const std::string &name, const std::string &version,
                                        const std::string &key, const std::string &value,
                                        const CancelToken &cancel) const
{
    const nlohmann::json body{{"name", name}, {"version", version}, {"key", key}, {"value", value}};
    return toStatus(call(HttpMethod::Post, "model-versions/set-tag", jsonText(body), cancel));
}

Result<Run> MlflowClient::getRun(const std::string &runId, const CancelToken &cancel) const
{
    return getAndRead<Run>(*this, m_baseUrl, "runs/get", {{"run_id", runId}}, cancel, json::runFromBody);
}

Result<std::vector<Metric>> MlflowClient::getMetricHistory(const std::string &runId,
                                                           const std::string &metricKey,
                                                           const CancelToken &cancel) const
{
    // max_results is always sent: MLflow 3.6 answers a request without it with no metrics and a
    // next_page_token pointing at offset 0 (proto default 0), which would never end.
    return collectPages<Metric>(
        [&](const std::string &token) {
            Query params{{"run_id", runId},
                         {"metric_key", metricKey},
                         {"max_results", std::to_string(kMetricHistoryPageSize)}};
            if (!token.empty())
                params.emplace_back("page_token", token);
            return getAndRead<Page<Metric>>(*this, m_baseUrl, "metrics/get-history", params, cancel,
                                            json::metricsPageFromBody);
        },
        [](const Page<Metric> &) { return true; }, cancel);
}

Result<std::vector<std::vector<Metric>>> MlflowClient::getMetricHistoryBulkInterval(
    const std::vector<std::string> &runIds, const std::string &metricKey, int maxResultsPerRun,
    std::optional<std::int64_t> startStep, std::optional<std::int64_t> endStep,
    const CancelToken &cancel) const
{
    if (runIds.empty())
        return invalidArgument("no run ids given");
    if (metricKey.empty())
        return invalidArgument("the metric key is empty");
    if (maxResultsPerRun < 1 || maxResultsPerRun > kMaxBulkIntervalResultsPerRun)
        return invalidArgument("maxResultsPerRun must be between 1 and " +
                               std::to_string(kMaxBulkIntervalResultsPerRun));
    if (startStep.has_value() != endStep.has_value())
        return invalidArgument("give both a start step and an end step, or neither");
    if (startStep && *startStep > *endStep)
        return invalidArgument("the start step is after the end step");
    // Each run once on the wire: the server would answer a repeated id twice, mixing the copies.
    std::vector<std::string> unique;
    for (const auto &runId : runIds) {
        if (runId.empty())
            return invalidArgument("a run id is empty");
        if (std::find(unique.begin(), unique.end(), runId) == unique.end())
            unique.push_back(runId);
    }
    if (unique.size() > kMaxBulkIntervalRuns)
        return invalidArgument("at most " + std::to_string(kMaxBulkIntervalRuns) + " runs per request, got " +
                               std::to_string(unique.size()));

    Query params;
    for (const auto &runId : unique)
        params.emplace_back("run_ids", runId);
    params.emplace_back("metric_key", metricKey);
    params.emplace_back("max_results", std::to_string(maxResultsPerRun));
    if (startStep) {
        params.emplace_back("start_step", std::to_string(*startStep));
        params.emplace_back("end_step", std::to_string(*endStep));
    }
    auto page = getAndRead<Page<Metric>>(*this, m_baseUrl, "metrics/get-history-bulk-interval", params,
                                         cancel, json::metricsPageFromBody);
    if (!page.ok())
        return page.error();

    std::vector<std::vector<Metric>> perUnique(unique.size());
    for (std::size_t i = 0; i < page->items.size(); ++i) {
        Metric &metric = page->items[i];
        // Every point names its run; a server that leaves run_id out can only be read for one run.
        if (metric.runId.empty() && unique.size() == 1)
            metric.runId = unique.front();
        const auto it = std::find(unique.begin(), unique.end(), metric.runId);
        if (it == unique.end()) {
            Error error = Error::parse({}, metric.runId.empty()
                                               ? "a metric of the bulk history names no run"
                                               : "the bulk history holds a run that was not asked for: " +
                                                     text::cappedLine(metric.runId));
            error.field = "metrics[" + std::to_string(i) + "].run_id";
            error.url = m_baseUrl + std::string(kApiPrefix) + "metrics/get-history-bulk-interval";
            return error;
        }
        perUnique[static_cast<std::size_t>(it - unique.begin())].push_back(std::move(metric));
    }
    std::vector<std::vector<Metric>> result;
    result.reserve(runIds.size());
    for (const auto &runId : runIds)
        result.push_back(perUnique[static_cast<std::size_t>(std::find(unique.begin(), unique.end(), runId) -
                                                            unique.begin())]);
    return result;
}

Result<Experiment> MlflowClient::getExperiment(const std::string &experimentId,
                                               const CancelToken &cancel) const
{
    return getAndRead<Experiment>(*this, m_baseUrl, "experiments/get", {{"experiment_id", experimentId}},
                                  cancel, json::experimentFromBody);
}

Result<Page<Experiment>> MlflowClient::searchExperiments(const std::string &filter, int maxResults,
                                                         const std::string &pageToken,
                                                         const CancelToken &cancel) const
{
    // max_results is required in practice: without it the store sees 0 and answers 400.
    if (maxResults < 1 || maxResults > kMaxExperimentsPerPage)
        return invalidArgument("maxResults must be between 1 and " + std::to_string(kMaxExperimentsPerPage));
    Query params{{"max_results", std::to_string(maxResults)}};
    if (!filter.empty())
        params.emplace_back("filter", filter);
    if (!pageToken.empty())
        params.emplace_back("page_token", pageToken);
    return getAndRead<Page<Experiment>>(*this, m_baseUrl, "experiments/search", params, cancel,
                                        json::experimentsPageFromBody);
}

Result<std::string> MlflowClient::getModelVersionArtifact(const std::string &name, const std::string &version,
                                                          const std::string &path,
                                                          const CancelToken &cancel) const
{
    if (m_configError)
        return *m_configError;
    if (!m_transport)
        return Error::config("the client has no transport");
    // A Flask route at the server root, not under /api.
    HttpRequest request;
    request.url = m_baseUrl + "/model-versions/get-artifact?" +
                  buildQuery({{"name", name}, {"version", version}, {"path", path}});
    return sendRequest(*m_transport, *m_credentials, std::move(request), "*/*", cancel);
}

Result<ModelSignature> MlflowClient::getModelVersionSignature(const std::string &name,
                                                              const std::string &version,
                                                              const CancelToken &cancel,
                                                              std::string *mlmodelText) const
{
    auto text = getModelVersionArtifact(name, version, "MLmodel", cancel);
    if (!text.ok())
        return text.error();
    if (mlmodelText)
        *mlmodelText = text.value();
    auto signature = parseMlModel(text.value());
    if (!signature.ok()) {
        Error error = signature.error();
        error.url = m_baseUrl + "/model-versions/get-artifact?" +
                    buildQuery({{"name", name}, {"version", version}, {"path", "MLmodel"}});
        return error;
    }
    return signature;
}

Result<std::string> MlflowClient::serverVersion(const CancelToken &cancel) const
{
    if (m_configError)
        return *m_configError;
    if (!m_transport)
        return Error::config("the client has no transport");
    HttpRequest request;
    request.url = m_baseUrl + "/version";
    auto body = sendRequest(*m_transport, *m_credentials, std::move(request), "text/plain", cancel);
    if (!body.ok())
        return body.error();
    return text::trimmed(body.value());
}

} // namespace modelgate
