#include "modelgate/core/azure/arm_client.h"

#include "util/json_text.h"
#include "util/text.h"

#include <nlohmann/json.hpp>
#include <thread>

namespace modelgate {

namespace {

using json = nlohmann::json;

const std::string kNoBody;

// A member read case-insensitively: ARM's spec says "mlFlowTrackingUri", responses vary in case.
const json *member(const json &object, const std::string &key)
{
    if (!object.is_object())
        return nullptr;
    if (const auto exact = object.find(key); exact != object.end())
        return &*exact;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (text::equalsIgnoringCase(it.key(), key))
            return &it.value();
    }
    return nullptr;
}

std::string stringOf(const json &object, const std::string &key)
{
    const json *value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

Result<json> parseObject(const std::string &body, const std::string &what)
{
    json parsed = json::parse(body, nullptr, false);
    if (!parsed.is_object())
        return Error::parse("", what + " is not a JSON object");
    return parsed;
}

Result<ArmOnlineEndpoint> endpointFromJson(const json &resource, const std::string &body)
{
    ArmOnlineEndpoint endpoint;
    endpoint.name = stringOf(resource, "name");
    if (endpoint.name.empty())
        return Error::parse("name", "an online endpoint without a name");
    endpoint.location = stringOf(resource, "location");
    const json *properties = member(resource, "properties");
    if (!properties || !properties->is_object())
        return Error::parse("properties", "online endpoint " + endpoint.name + " has no properties");
    endpoint.authMode = stringOf(*properties, "authMode");
    endpoint.scoringUri = stringOf(*properties, "scoringUri");
    endpoint.provisioningState = stringOf(*properties, "provisioningState");
    endpoint.description = stringOf(*properties, "description");
    if (const json *traffic = member(*properties, "traffic"); traffic && traffic->is_object()) {
        for (auto it = traffic->begin(); it != traffic->end(); ++it) {
            if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 100)
                return Error::parse("properties.traffic." + it.key(), "a share that is not a whole percent");
            endpoint.traffic[it.key()] = it->get<int>();
        }
    }
    if (const json *tags = member(resource, "tags"); tags && tags->is_object()) {
        for (auto it = tags->begin(); it != tags->end(); ++it) {
            if (it->is_string())
                endpoint.tags[it.key()] = it->get<std::string>();
        }
    }
    endpoint.resourceJson = body;
    return endpoint;
}

Result<ArmOnlineDeployment> deploymentFromJson(const json &resource)
{
    ArmOnlineDeployment deployment;
    deployment.name = stringOf(resource, "name");
    if (deployment.name.empty())
        return Error::parse("name", "an online deployment without a name");
    const json *properties = member(resource, "properties");
    if (!properties || !properties->is_object())
        return Error::parse("properties", "online deployment " + deployment.name + " has no properties");
    deployment.model = stringOf(*properties, "model");
    deployment.instanceType = stringOf(*properties, "instanceType");
    deployment.provisioningState = stringOf(*properties, "provisioningState");
    if (const json *sku = member(resource, "sku"); sku && sku->is_object()) {
        if (const json *capacity = member(*sku, "capacity"); capacity && capacity->is_number_integer())
            deployment.instanceCount = capacity->get<int>();
    }
    return deployment;
}

template <typename T, typename Map>
Result<std::vector<T>> listOf(const std::string &body, Map map, std::string *nextLink)
{
    auto parsed = parseObject(body, "a list");
    if (!parsed.ok())
        return parsed.error();
    std::vector<T> items;
    const json *value = member(*parsed, "value");
    if (value && !value->is_array())
        return Error::parse("value", "the list's value is not an array");
    if (value) {
        for (std::size_t i = 0; i < value->size(); ++i) {
            auto item = map((*value)[i]);
            if (!item.ok()) {
                Error error = item.error();
                error.field =
                    "value[" + std::to_string(i) + "]" + (error.field.empty() ? "" : "." + error.field);
                return error;
            }
            items.push_back(std::move(item).value());
        }
    }
    *nextLink = stringOf(*parsed, "nextLink");
    return items;
}

} // namespace

bool isTransitionalState(const std::string &state)
{
    for (const char *busy : {"Creating", "Updating", "Scaling", "Deleting", "Provisioning", "Accepted"}) {
        if (text::equalsIgnoringCase(state, busy))
            return true;
    }
    return false;
}

ArmClient::ArmClient(AzureWorkspace workspace, std::shared_ptr<HttpTransport> transport,
                     std::shared_ptr<CredentialProvider> credentials)
    : ArmClient(std::move(workspace), std::move(transport), std::move(credentials), Options{})
{}

ArmClient::ArmClient(AzureWorkspace workspace, std::shared_ptr<HttpTransport> transport,
                     std::shared_ptr<CredentialProvider> credentials, Options options)
    : m_workspace(std::move(workspace))
    , m_transport(std::move(transport))
    , m_credentials(std::move(credentials))
    , m_options(std::move(options))
{
    while (!m_workspace.armBaseUrl.empty() && m_workspace.armBaseUrl.back() == '/')
        m_workspace.armBaseUrl.pop_back();
    if (!m_options.polling.headers) {
        // Each poll asks for the authorization anew: a long wait may outlive a token.
        auto credentials = m_credentials;
        m_options.polling.headers = [credentials]() {
            auto headers = credentials ? credentials->authorization(CancelToken::none())
                                       : Result<HttpHeaders>(HttpHeaders{});
            return headers.ok() ? headers.value() : HttpHeaders{};
        };
    }
}

std::string ArmClient::url(const std::string &relativePath) const
{
    return m_workspace.armBaseUrl + m_workspace.resourcePath() + relativePath +
           "?api-version=" + urlEncode(m_workspace.apiVersion);
}

Result<HttpResponse> ArmClient::send(HttpMethod method, const std::string &target, const std::string &body,
                                     const CancelToken &cancel) const
{
    HttpRequest request;
    request.method = method;
    request.url = target;
    request.body = body;
    // ARM's PUT and DELETE are idempotent by design; POSTs here only read (listKeys, getLogs).
    request.idempotent = true;
    RestCall call;
    call.transport = m_transport.get();
    call.credentials = m_credentials.get();
    call.mapError = armErrorBody;
    return sendRestCall(call, std::move(request), cancel);
}

Status ArmClient::waitUntilIdle(const std::string &endpoint, const CancelToken &cancel) const
{
    const auto deadline = std::chrono::steady_clock::now() + m_options.conflictWait;
    for (;;) {
        bool busy = false;
        auto current = getEndpoint(endpoint, cancel);
        if (!current.ok() && current.error().httpStatus != 404)
            return current.error();
        busy = current.ok() && isTransitionalState(current->provisioningState);
        if (!busy && current.ok()) {
            auto deployments = listDeployments(endpoint, cancel);
            if (!deployments.ok())
                return deployments.error();
            for (const auto &deployment : *deployments)
                busy = busy || isTransitionalState(deployment.provisioningState);
        }
        if (!busy)
            return success();
        if (std::chrono::steady_clock::now() + m_options.conflictPoll > deadline)
            return Error::of(ErrorKind::Transport,
                             "another operation on endpoint " + endpoint + " did not end within " +
                                 std::to_string(m_options.conflictWait.count() / 1000) + " s",
                             "deadline_exceeded");
        for (auto waited = std::chrono::milliseconds(0); waited < m_options.conflictPoll;
             waited += std::chrono::milliseconds(100)) {
            if (cancel.isCancelled())
                return cancel.stoppedError();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

Result<HttpResponse> ArmClient::write(HttpMethod method, const std::string &target, const std::string &body,
                                      const std::string &endpoint, const OperationProgressCallback &progress,
                                      const CancelToken &cancel) const
{
    for (int attempt = 1;; ++attempt) {
        auto started = send(method, target, body, cancel);
        if (!started.ok()) {
            // 409: another operation runs on this endpoint. Wait for it to end (as its
            // provisioning state shows), then try again; never at once, never more than thrice.
            if (started.error().httpStatus == 409 && attempt < 3 && !endpoint.empty()) {
                if (progress) {
                    OperationProgress waiting;
                    waiting.status = "WaitingForOtherOperation";
                    progress(waiting);
                }
                if (Status idle = waitUntilIdle(endpoint, cancel); !idle)
                    return idle.error();
                continue;
            }
            return started.error();
        }
        return pollUntilDone(*m_transport, target, started.value(), cancel, m_options.polling, progress);
    }
}

Result<std::string> ArmClient::mlflowTrackingUri(const CancelToken &cancel) const
{
    auto response = send(HttpMethod::Get, url(""), kNoBody, cancel);
    if (!response.ok())
        return response.error();
    auto parsed = parseObject(response->body, "the workspace");
    if (!parsed.ok())
        return parsed.error();
    const json *properties = member(*parsed, "properties");
    const std::string uri = properties ? stringOf(*properties, "mlFlowTrackingUri") : std::string();
    if (uri.empty())
        return Error::parse("properties.mlFlowTrackingUri",
                            "workspace " + m_workspace.workspace + " names no MLflow tracking URI");
    return uri;
}

Result<std::vector<ArmOnlineEndpoint>> ArmClient::listEndpoints(const CancelToken &cancel) const
{
    struct EndpointPage
    {
        std::vector<ArmOnlineEndpoint> items;
        std::string next;
    };
    const std::string first = url("/onlineEndpoints");
    const std::string origin = m_workspace.armBaseUrl;
    auto fetch = [&](const std::string &token) -> Result<EndpointPage> {
        // nextLink is a whole URL; it must stay on ARM's host (it carries the token).
        if (!token.empty() && token.rfind(origin + "/", 0) != 0)
            return Error::parse("nextLink", "a next page on another host: " + text::cappedLine(token));
        auto response = send(HttpMethod::Get, token.empty() ? first : token, kNoBody, cancel);
        if (!response.ok())
            return response.error();
        EndpointPage page;
        auto items = listOf<ArmOnlineEndpoint>(
            response->body, [](const json &item) { return endpointFromJson(item, jsonText(item)); },
            &page.next);
        if (!items.ok())
            return items.error();
        page.items = std::move(items).value();
        return page;
    };
    return followPages<ArmOnlineEndpoint>(
        fetch, [](const EndpointPage &) { return true; }, &EndpointPage::next, cancel, "nextLink", 1000);
}

Result<ArmOnlineEndpoint> ArmClient::getEndpoint(const std::string &name, const CancelToken &cancel) const
{
    auto response = send(HttpMethod::Get, url("/onlineEndpoints/" + name), kNoBody, cancel);
    if (!response.ok())
        return response.error();
    auto parsed = parseObject(response->body, "online endpoint " + name);
    if (!parsed.ok())
        return parsed.error();
    return endpointFromJson(*parsed, response->body);
}

Result<ArmOnlineEndpoint> ArmClient::putEndpoint(const std::string &name, const std::string &resourceJson,
                                                 const OperationProgressCallback &progress,
                                                 const CancelToken &cancel) const
{
    auto done = write(HttpMethod::Put, url("/onlineEndpoints/" + name), resourceJson, name, progress, cancel);
    if (!done.ok())
        return done.error();
    // final-state-via original-uri: the endpoint as it is now.
    return getEndpoint(name, cancel);
}

Result<ArmOnlineEndpoint> ArmClient::setTraffic(const std::string &endpoint,
                                                const std::map<std::string, int> &traffic,
                                                const OperationProgressCallback &progress,
                                                const CancelToken &cancel) const
{
    int sum = 0;
    for (const auto &[name, share] : traffic) {
        if (share < 0 || share > 100)
            return Error::config("traffic of " + name + " must be 0..100, not " + std::to_string(share));
        sum += share;
    }
    if (sum != 100 && sum != 0)
        return Error::config("traffic values need to sum to 100 (they sum to " + std::to_string(sum) + ")");
    auto current = getEndpoint(endpoint, cancel);
    if (!current.ok())
        return current.error();
    json resource = json::parse(current->resourceJson, nullptr, false);
    json &properties = resource["properties"];
    json shares = json::object();
    for (const auto &[name, share] : traffic)
        shares[name] = share;
    properties["traffic"] = std::move(shares);
    // Read-only members go back as they came; "keys" is create-only and always null on read.
    properties.erase("keys");
    return putEndpoint(endpoint, jsonText(resource), progress, cancel);
}

Status ArmClient::deleteEndpoint(const std::string &name, const OperationProgressCallback &progress,
                                 const CancelToken &cancel) const
{
    auto done = write(HttpMethod::Delete, url("/onlineEndpoints/" + name), kNoBody, name, progress, cancel);
    return done.ok() ? success() : Status(done.error());
}

Result<EndpointKeys> ArmClient::listKeys(const std::string &endpoint, const CancelToken &cancel) const
{
    auto response =
        send(HttpMethod::Post, url("/onlineEndpoints/" + endpoint + "/listKeys"), kNoBody, cancel);
    if (!response.ok())
        return response.error();
    auto parsed = parseObject(response->body, "the endpoint's keys");
    if (!parsed.ok())
        return parsed.error();
    EndpointKeys keys{stringOf(*parsed, "primaryKey"), stringOf(*parsed, "secondaryKey")};
    if (keys.primaryKey.empty() && keys.secondaryKey.empty())
        return Error::parse("primaryKey", "endpoint " + endpoint + " has no keys (is its auth mode Key?)");
    return keys;
}

Result<std::vector<ArmOnlineDeployment>> ArmClient::listDeployments(const std::string &endpoint,
                                                                    const CancelToken &cancel) const
{
    struct DeploymentPage
    {
        std::vector<ArmOnlineDeployment> items;
        std::string next;
    };
    const std::string first = url("/onlineEndpoints/" + endpoint + "/deployments");
    const std::string origin = m_workspace.armBaseUrl;
    auto fetch = [&](const std::string &token) -> Result<DeploymentPage> {
        if (!token.empty() && token.rfind(origin + "/", 0) != 0)
            return Error::parse("nextLink", "a next page on another host: " + text::cappedLine(token));
        auto response = send(HttpMethod::Get, token.empty() ? first : token, kNoBody, cancel);
        if (!response.ok())
            return response.error();
        DeploymentPage page;
        auto items = listOf<ArmOnlineDeployment>(response->body, deploymentFromJson, &page.next);
        if (!items.ok())
            return items.error();
        page.items = std::move(items).value();
        return page;
    };
    return followPages<ArmOnlineDeployment>(
        fetch, [](const DeploymentPage &) { return true; }, &DeploymentPage::next, cancel, "nextLink", 1000);
}

Result<ArmOnlineDeployment> ArmClient::getDeployment(const std::string &endpoint, const std::string &name,
                                                     const CancelToken &cancel) const
{
    auto response =
        send(HttpMethod::Get, url("/onlineEndpoints/" + endpoint + "/deployments/" + name), kNoBody, cancel);
    if (!response.ok())
        return response.error();
    auto parsed = parseObject(response->body, "online deployment " + name);
    if (!parsed.ok())
        return parsed.error();
    return deploymentFromJson(*parsed);
}

Result<ArmOnlineDeployment> ArmClient::putDeployment(const std::string &endpoint,
                                                     const ArmDeploymentSpec &spec,
                                                     const OperationProgressCallback &progress,
                                                     const CancelToken &cancel) const
{
    // The no-code MLflow deployment: a model registered as an MLflow model needs neither an
    // environment nor a scoring script.
    const json resource{{"location", m_workspace.region},
                        {"sku", {{"name", "Default"}, {"capacity", spec.instanceCount}}},
                        {"properties",
                         {{"endpointComputeType", "Managed"},
                          {"model", spec.modelId},
                          {"instanceType", spec.instanceType},
                          {"description", "Deployed by ModelGate"}}}};
    auto done = write(HttpMethod::Put, url("/onlineEndpoints/" + endpoint + "/deployments/" + spec.name),
                      jsonText(resource), endpoint, progress, cancel);
    if (!done.ok())
        return done.error();
    return getDeployment(endpoint, spec.name, cancel);
}

Status ArmClient::deleteDeployment(const std::string &endpoint, const std::string &name,
                                   const OperationProgressCallback &progress, const CancelToken &cancel) const
{
    auto done = write(HttpMethod::Delete, url("/onlineEndpoints/" + endpoint + "/deployments/" + name),
                      kNoBody, endpoint, progress, cancel);
    return done.ok() ? success() : Status(done.error());
}

Result<std::string> ArmClient::deploymentLogs(const std::string &endpoint, const std::string &name,
                                              const std::string &containerType, int tail,
                                              const CancelToken &cancel) const
{
    const json request{{"containerType", containerType}, {"tail", tail}};
    auto response =
        send(HttpMethod::Post, url("/onlineEndpoints/" + endpoint + "/deployments/" + name + "/getLogs"),
             jsonText(request), cancel);
    if (!response.ok())
        return response.error();
    auto parsed = parseObject(response->body, "the deployment's logs");
    if (!parsed.ok())
        return parsed.error();
    // Logs of another type must not read as "no logs yet".
    const json *content = member(*parsed, "content");
    if (content && !content->is_string())
        return Error::parse("content", "the deployment's logs are not text");
    return content ? content->get<std::string>() : std::string();
}

Result<std::string> ArmClient::metrics(const std::string &relativeResource,
                                       const std::vector<std::pair<std::string, std::string>> &parameters,
                                       const CancelToken &cancel) const
{
    std::string target =
        m_workspace.armBaseUrl + m_workspace.resourcePath() + "/" + relativeResource +
        "/providers/Microsoft.Insights/metrics?api-version=" + urlEncode(m_workspace.metricsApiVersion);
    for (const auto &[name, value] : parameters)
        target += "&" + urlEncode(name) + "=" + urlEncode(value);
    auto response = send(HttpMethod::Get, target, kNoBody, cancel);
    if (!response.ok())
        return response.error();
    return std::move(response).value().body;
}

} // namespace modelgate
