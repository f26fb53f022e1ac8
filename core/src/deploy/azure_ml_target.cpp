#include "modelgate/core/deploy/azure_ml_target.h"

#include "deploy/endpoint_state.h"
#include "util/json_text.h"
#include "util/text.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace modelgate {

namespace {

using json = nlohmann::json;

constexpr const char *kMonitorSettingsFile = "monitor.json";

Status makeDirectories(const std::string &path)
{
    std::string current;
    std::size_t pos = 0;
    while (pos != std::string::npos) {
        pos = path.find('/', pos + 1);
        current = path.substr(0, pos);
        if (current.empty())
            continue;
        if (mkdir(current.c_str(), 0700) != 0 && errno != EEXIST)
            return Error::config("cannot create " + current + ": " + std::strerror(errno));
    }
    return success();
}

bool isNotFound(const Error &error)
{
    return error.httpStatus == 404;
}

Error endpointNotFound(const std::string &name)
{
    return Error::of(ErrorKind::Config, "there is no online endpoint " + name + " in this workspace",
                     kEndpointNotFound);
}

std::string authModeName(const std::string &armMode)
{
    if (text::equalsIgnoringCase(armMode, "Key"))
        return "key";
    if (text::equalsIgnoringCase(armMode, "AMLToken"))
        return "aml_token";
    if (text::equalsIgnoringCase(armMode, "AADToken"))
        return "aad_token";
    return text::asciiLower(armMode);
}

DeploymentHealth healthOf(const std::string &state, std::string &detail)
{
    if (text::equalsIgnoringCase(state, "Succeeded"))
        return DeploymentHealth::Healthy;
    if (isTransitionalState(state)) {
        detail = "Azure reports it as " + state;
        return DeploymentHealth::Starting;
    }
    detail = state.empty() ? "Azure reports no provisioning state" : "Azure reports it as " + state;
    return DeploymentHealth::Unhealthy;
}

// "creating deployment green at Azure: InProgress, 35 s" for the progress line.
OperationProgressCallback progressLine(const ProgressFn &progress, const std::string &what)
{
    if (!progress)
        return {};
    return [progress, what](const OperationProgress &step) {
        std::string line = what;
        if (step.status == "WaitingForOtherOperation")
            line += ": waiting for another operation on the endpoint to end";
        else if (!step.status.empty())
            line += ": " + step.status + ", " + std::to_string(step.elapsed.count() / 1000) + " s";
        progress(line, -1);
    };
}

// A cancel that only stopped the waiting: say what goes on at Azure.
Error stoppedWaiting(const Error &error, const std::string &whatGoesOn)
{
    if (error.kind != ErrorKind::Cancelled)
        return error;
    Error stopped = error;
    stopped.message = "stopped waiting; Azure cannot cancel the operation and goes on " + whatGoesOn;
    return stopped;
}

} // namespace

std::string AzureMlTargetConfig::defaultStateRoot(const Environment &env)
{
    const std::string xdg = env.get("XDG_DATA_HOME");
    if (!xdg.empty() && xdg.front() == '/')
        return xdg + "/modelgate/azureml";
    std::string home = env.get("HOME");
    if (home.empty()) {
        if (const passwd *entry = ::getpwuid(::getuid()); entry && entry->pw_dir)
            home = entry->pw_dir;
    }
    return home + "/.local/share/modelgate/azureml";
}

AzureMlTarget::AzureMlTarget(AzureMlTargetConfig config, std::shared_ptr<const ArmClient> arm,
                             std::shared_ptr<HttpTransport> scoringTransport)
    : m_config(std::move(config))
    , m_arm(std::move(arm))
    , m_scoring(std::move(scoringTransport))
{}

std::string AzureMlTarget::endpointDir(const std::string &endpoint) const
{
    const AzureWorkspace &ws = m_arm->workspace();
    return m_config.stateRoot + '/' + ws.subscriptionId + '/' + ws.resourceGroup + '/' + ws.workspace + '/' +
           endpoint;
}

Result<EndpointInfo> AzureMlTarget::describe(const ArmOnlineEndpoint &arm, const CancelToken &cancel) const
{
    EndpointInfo info;
    info.name = arm.name;
    info.target = kind();
    info.scoringUri = arm.scoringUri;
    info.authMode = authModeName(arm.authMode);
    const auto production = arm.tags.find(kProductionTag);
    info.production = production != arm.tags.end() && production->second == "true";

    auto deployments = m_arm->listDeployments(arm.name, cancel);
    if (!deployments.ok())
        return deployments.error();
    bool servingTrouble = false;
    for (const auto &deployment : deployments.value()) {
        DeploymentInfo entry;
        entry.name = deployment.name;
        if (auto version = modelVersionFromId(deployment.model); version.ok()) {
            entry.model = version->first;
            entry.version = version->second;
        } else {
            entry.model = deployment.model; // not a registry model: shown as Azure names it
        }
        const auto share = arm.traffic.find(deployment.name);
        entry.traffic = share == arm.traffic.end() ? 0 : share->second;
        entry.health = healthOf(deployment.provisioningState, entry.healthDetail);
        if (entry.traffic > 0 && entry.health != DeploymentHealth::Healthy)
            servingTrouble = true;
        info.deployments.push_back(std::move(entry));
    }
    std::sort(info.deployments.begin(), info.deployments.end(),
              [](const DeploymentInfo &a, const DeploymentInfo &b) { return a.name < b.name; });

    if (text::equalsIgnoringCase(arm.provisioningState, "Succeeded") ||
        text::equalsIgnoringCase(arm.provisioningState, "Updating")) {
        info.health = servingTrouble ? EndpointHealth::Degraded : EndpointHealth::Running;
        if (servingTrouble)
            info.healthDetail = "a deployment with traffic is not provisioned";
        else if (text::equalsIgnoringCase(arm.provisioningState, "Updating"))
            info.healthDetail = "Azure is updating it";
    } else {
        info.health = EndpointHealth::Down;
        info.healthDetail =
            "Azure reports it as " + (arm.provisioningState.empty() ? "unknown" : arm.provisioningState);
    }
    return info;
}

Result<std::vector<EndpointInfo>> AzureMlTarget::listEndpoints(const CancelToken &cancel) const
{
    auto endpoints = m_arm->listEndpoints(cancel);
    if (!endpoints.ok())
        return endpoints.error();
    std::vector<EndpointInfo> result;
    for (const auto &endpoint : endpoints.value()) {
        auto info = describe(endpoint, cancel);
        if (!info.ok())
            return info.error();
        result.push_back(std::move(info).value());
    }
    std::sort(result.begin(), result.end(),
              [](const EndpointInfo &a, const EndpointInfo &b) { return a.name < b.name; });
    return result;
}

Result<EndpointInfo> AzureMlTarget::endpoint(const std::string &name, const CancelToken &cancel) const
{
    auto found = m_arm->getEndpoint(name, cancel);
    if (!found.ok())
        return isNotFound(found.error()) ? endpointNotFound(name) : found.error();
    return describe(found.value(), cancel);
}

Status AzureMlTarget::createEndpoint(const EndpointSpec &spec, const ProgressFn &progress,
                                     const CancelToken &cancel)
{
    if (!isValidResourceName(spec.name))
        return Error::config("'" + spec.name + "' is not a valid endpoint name");
    auto existing = m_arm->getEndpoint(spec.name, cancel);
    if (existing.ok())
        return Error::refused(kEndpointExists, "endpoint " + spec.name + " exists");
    if (!isNotFound(existing.error()))
        return existing.error();
    const json resource{{"location", m_arm->workspace().region},
                        {"identity", {{"type", "SystemAssigned"}}},
                        {"tags", {{kProductionTag, spec.production ? "true" : "false"}}},
                        {"properties", {{"authMode", "Key"}, {"description", "Created by ModelGate"}}}};
    if (progress)
        progress("creating endpoint " + spec.name + " at Azure", -1);
    auto created =
        m_arm->putEndpoint(spec.name, jsonText(resource),
                           progressLine(progress, "creating endpoint " + spec.name + " at Azure"), cancel);
    if (!created.ok())
        return stoppedWaiting(created.error(), "creating endpoint " + spec.name);
    if (!text::equalsIgnoringCase(created->provisioningState, "Succeeded"))
        return Error::of(ErrorKind::Api,
                         "endpoint " + spec.name + " is " + created->provisioningState + " at Azure",
                         "ProvisioningFailed");
    return success();
}

Status AzureMlTarget::createDeployment(const DeploymentSpec &spec, const RegistryAccess &,
                                       const ProgressFn &progress, const CancelToken &cancel)
{
    if (!isValidResourceName(spec.name))
        return Error::config("'" + spec.name + "' is not a valid deployment name");
    auto existing = m_arm->getDeployment(spec.endpoint, spec.name, cancel);
    if (existing.ok())
        return Error::refused(kDeploymentExists,
                              "endpoint " + spec.endpoint + " already has a deployment " + spec.name);
    if (!isNotFound(existing.error()))
        return existing.error();

    ArmDeploymentSpec arm;
    arm.name = spec.name;
    arm.modelId = m_arm->workspace().modelVersionId(spec.model, spec.version);
    arm.instanceType = spec.instanceType.empty() ? m_config.defaultInstanceType : spec.instanceType;
    arm.instanceCount = spec.instanceCount > 0 ? spec.instanceCount : m_config.defaultInstanceCount;
    const std::string what = "provisioning deployment " + spec.name + " (" + spec.model + " v" +
                             spec.version + ", " + std::to_string(arm.instanceCount) + " × " +
                             arm.instanceType + ") at Azure";
    if (progress)
        progress(what, -1);
    auto made = m_arm->putDeployment(spec.endpoint, arm, progressLine(progress, what), cancel);
    if (made.ok() && text::equalsIgnoringCase(made->provisioningState, "Succeeded"))
        return success();
    if (!made.ok() && made.error().kind == ErrorKind::Cancelled)
        return stoppedWaiting(made.error(), "provisioning deployment " + spec.name +
                                                " at 0 % of the traffic; " +
                                                "delete it when it is not wanted");
    if (!made.ok() && made.error().kind != ErrorKind::Api)
        return made.error(); // no answer, or an answer we cannot read: nothing is known to have failed

    // It failed to provision: quote its log, then take it away, so that the endpoint is as it was.
    Error failed = made.ok()
                       ? Error::of(ErrorKind::Api,
                                   "deployment " + spec.name + " is " + made->provisioningState + " at Azure",
                                   "ProvisioningFailed")
                       : made.error();
    failed.message = "deployment " + spec.name + " failed to provision: " + failed.message;
    if (auto log = m_arm->deploymentLogs(spec.endpoint, spec.name, "InferenceServer", m_config.logTail,
                                         CancelToken());
        log.ok() && !text::trimmed(log.value()).empty())
        failed.message += "\nThe last lines of its inference server's log:\n" + log.value();
    if (progress)
        progress("removing the failed deployment " + spec.name, -1);
    if (Status removed = m_arm->deleteDeployment(spec.endpoint, spec.name, {}, CancelToken()); !removed.ok())
        failed.message += "\nIt could not be removed: " + removed.error().describe();
    return failed;
}

Status AzureMlTarget::setTraffic(const std::string &endpoint, const TrafficSplit &split,
                                 const CancelToken &cancel)
{
    auto current = m_arm->listDeployments(endpoint, cancel);
    if (!current.ok())
        return isNotFound(current.error()) ? Status(endpointNotFound(endpoint)) : Status(current.error());
    int sum = 0;
    std::map<std::string, int> traffic;
    for (const auto &[name, share] : split) {
        // A named copy: clang before 16 cannot capture a structured binding.
        const bool known =
            std::any_of(current->begin(), current->end(),
                        [&wanted = name](const ArmOnlineDeployment &d) { return d.name == wanted; });
        if (!known)
            return Error::of(ErrorKind::Config, "endpoint " + endpoint + " has no deployment " + name,
                             kDeploymentNotFound);
        if (share < 0 || share > 100)
            return Error::refused(kBadSplit, "a share is a whole percent from 0 to 100");
        sum += share;
        traffic[name] = share;
    }
    if (sum != 100)
        return Error::refused(kBadSplit, "the split " + describeSplit(split) + " does not sum to 100");
    for (const auto &deployment : current.value())
        traffic.emplace(deployment.name, 0);
    auto updated = m_arm->setTraffic(endpoint, traffic, {}, cancel);
    if (!updated.ok())
        return stoppedWaiting(updated.error(), "setting the split " + describeSplit(split));
    return success();
}

Status AzureMlTarget::deleteDeployment(const std::string &endpoint, const std::string &deployment,
                                       const CancelToken &cancel)
{
    auto current = m_arm->getEndpoint(endpoint, cancel);
    if (!current.ok())
        return isNotFound(current.error()) ? Status(endpointNotFound(endpoint)) : Status(current.error());
    const auto share = current->traffic.find(deployment);
    if (share != current->traffic.end() && share->second > 0)
        return Error::refused(kHasTraffic, "deployment " + deployment + " still has " +
                                               std::to_string(share->second) +
                                               " % of the traffic; give it 0 % first");
    if (auto found = m_arm->getDeployment(endpoint, deployment, cancel); !found.ok())
        return isNotFound(found.error())
                   ? Status(Error::of(ErrorKind::Config,
                                      "endpoint " + endpoint + " has no deployment " + deployment,
                                      kDeploymentNotFound))
                   : Status(found.error());
    Status deleted = m_arm->deleteDeployment(endpoint, deployment, {}, cancel);
    return deleted.ok() ? deleted
                        : Status(stoppedWaiting(deleted.error(), "deleting deployment " + deployment));
}

Status AzureMlTarget::deleteEndpoint(const std::string &endpoint, const CancelToken &cancel)
{
    auto current = m_arm->getEndpoint(endpoint, cancel);
    if (!current.ok())
        return isNotFound(current.error()) ? Status(endpointNotFound(endpoint)) : Status(current.error());
    auto deployments = m_arm->listDeployments(endpoint, cancel);
    if (!deployments.ok())
        return deployments.error();
    if (deployments->size() > 1) {
        for (const auto &[name, share] : current->traffic) {
            if (share > 0)
                return Error::refused(kHasTraffic, "deployment " + name + " of endpoint " + endpoint +
                                                       " has " + std::to_string(share) + " % of the traffic");
        }
    }
    Status deleted = m_arm->deleteEndpoint(endpoint, {}, cancel);
    if (!deleted.ok())
        return stoppedWaiting(deleted.error(), "deleting endpoint " + endpoint);
    std::error_code ignored;
    std::filesystem::remove_all(endpointDir(endpoint), ignored);
    std::lock_guard lock(m_keysMutex);
    m_keys.erase(endpoint);
    return success();
}

Status AzureMlTarget::restartEndpoint(const std::string &endpoint, const RegistryAccess &, const ProgressFn &,
                                      const CancelToken &)
{
    return Error::unsupported("Azure runs and restarts the deployments of managed online endpoint " +
                              endpoint + " itself; there is nothing to restart from here");
}

Result<std::string> AzureMlTarget::deploymentLogs(const std::string &endpoint, const std::string &deployment,
                                                  int tailLines, const CancelToken &cancel) const
{
    auto log = m_arm->deploymentLogs(endpoint, deployment, "InferenceServer",
                                     tailLines > 0 ? tailLines : 5000, cancel);
    if (!log.ok() && isNotFound(log.error()))
        return Error::of(ErrorKind::Config, "endpoint " + endpoint + " has no deployment " + deployment,
                         kDeploymentNotFound);
    return log;
}

Result<std::vector<std::string>> AzureMlTarget::pendingRecords(const std::string &endpoint) const
{
    return detail::readPendingRecords(endpointDir(endpoint));
}

Status AzureMlTarget::setPendingRecords(const std::string &endpoint, const std::vector<std::string> &records)
{
    if (records.empty() && access(endpointDir(endpoint).c_str(), F_OK) != 0)
        return success();
    if (Status made = makeDirectories(endpointDir(endpoint)); !made)
        return made;
    return detail::writePendingRecords(endpointDir(endpoint), records);
}

Result<std::string> AzureMlTarget::monitorSettings(const std::string &endpoint) const
{
    std::ifstream file(endpointDir(endpoint) + '/' + kMonitorSettingsFile, std::ios::binary);
    if (!file)
        return std::string();
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

Status AzureMlTarget::setMonitorSettings(const std::string &endpoint, const std::string &json)
{
    if (Status made = makeDirectories(endpointDir(endpoint)); !made)
        return made;
    return detail::writeTextFile(endpointDir(endpoint) + '/' + kMonitorSettingsFile, json);
}

Result<std::string> AzureMlTarget::scoringKey(const std::string &endpoint, const CancelToken &cancel) const
{
    {
        std::lock_guard lock(m_keysMutex);
        if (const auto found = m_keys.find(endpoint); found != m_keys.end())
            return found->second;
    }
    auto keys = m_arm->listKeys(endpoint, cancel);
    if (!keys.ok())
        return isNotFound(keys.error()) ? Result<std::string>(endpointNotFound(endpoint)) : keys.error();
    const std::string key = keys->primaryKey.empty() ? keys->secondaryKey : keys->primaryKey;
    std::lock_guard lock(m_keysMutex);
    m_keys[endpoint] = key;
    return key;
}

Result<InvokeResponse> AzureMlTarget::invoke(const std::string &endpoint, const std::string &deployment,
                                             const std::string &jsonBody, const CancelToken &cancel) const
{
    auto body = azureScoringBody(jsonBody);
    if (!body.ok())
        return body.error();
    auto found = m_arm->getEndpoint(endpoint, cancel);
    if (!found.ok())
        return isNotFound(found.error()) ? Result<InvokeResponse>(endpointNotFound(endpoint)) : found.error();
    const std::string &uri = found->scoringUri;
    // The key goes to the scoring URI alone, and only over TLS (or to a stand-in on this machine).
    if (text::asciiLower(uri).rfind("https://", 0) != 0 &&
        !(text::asciiLower(uri).rfind("http://", 0) == 0 && isLoopbackUrl(uri)))
        return Error::parse("properties.scoringUri", "endpoint " + endpoint +
                                                         " has no usable scoring URI: \"" +
                                                         text::cappedLine(uri) + '"');
    if (!text::equalsIgnoringCase(found->authMode, "Key"))
        return Error::unsupported(
            "endpoint " + endpoint + " uses " + found->authMode +
            " authentication; ModelGate scores with the endpoint's key (auth mode Key)");
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto key = scoringKey(endpoint, cancel);
        if (!key.ok())
            return key.error();
        HttpRequest request;
        request.method = HttpMethod::Post;
        request.url = uri;
        request.body = body.value();
        request.idempotent = false;
        request.headers = {{"Authorization", "Bearer " + key.value()},
                           {"Content-Type", "application/json"},
                           {"Accept", "application/json"}};
        if (!deployment.empty())
            request.headers.emplace_back("azureml-model-deployment", deployment);
        auto response = m_scoring->send(request, cancel);
        if (!response.ok())
            return response.error();
        if (response->status == 401 && attempt == 0) {
            // The keys may have been regenerated since they were read: read them once more.
            std::lock_guard lock(m_keysMutex);
            m_keys.erase(endpoint);
            continue;
        }
        return InvokeResponse{response->status, response->body, response->header("content-type")};
    }
    return Error::of(ErrorKind::HttpStatus, "the endpoint refused its own key", "unauthorized");
}

Result<std::string> azureScoringBody(const std::string &mlflowJsonBody)
{
    json parsed = json::parse(mlflowJsonBody, nullptr, false);
    if (!parsed.is_object())
        return Error::config("a scoring request is a JSON object");
    if (parsed.contains("input_data"))
        return jsonText(json{{"input_data", parsed["input_data"]}});
    for (const char *key : {"dataframe_split", "inputs", "instances"}) {
        if (parsed.contains(key))
            return jsonText(json{{"input_data", parsed[key]}});
    }
    if (parsed.contains("dataframe_records")) {
        // Azure ML takes no records orient: the split orient of the same rows.
        const json &records = parsed["dataframe_records"];
        if (!records.is_array())
            return Error::config("dataframe_records is not an array");
        json columns = json::array();
        std::vector<std::string> names;
        for (const auto &row : records) {
            if (!row.is_object())
                return Error::config("a row of dataframe_records is not an object");
            for (auto it = row.begin(); it != row.end(); ++it) {
                if (std::find(names.begin(), names.end(), it.key()) == names.end()) {
                    names.push_back(it.key());
                    columns.push_back(it.key());
                }
            }
        }
        json data = json::array();
        for (const auto &row : records) {
            json values = json::array();
            for (const auto &name : names)
                values.push_back(row.contains(name) ? row[name] : json());
            data.push_back(std::move(values));
        }
        return jsonText(json{{"input_data", {{"columns", columns}, {"data", data}}}});
    }
    return Error::config(
        "a scoring request has dataframe_split, dataframe_records, inputs, instances or input_data");
}

} // namespace modelgate
