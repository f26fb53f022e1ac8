#pragma once
// Azure Resource Manager for Azure Machine Learning managed online endpoints: the typed calls
// ModelGate makes (docs/azure.md), each one REST call or a long-running operation followed to
// its end. Writes that ARM refuses with 409 because another operation runs on the endpoint are
// tried again only after that operation has ended (its provisioning state says so), at most
// three times; ARM cannot cancel an operation, so a cancel stops the waiting, not the work.

#include "modelgate/core/azure/azure_workspace.h"
#include "modelgate/core/http/http.h"
#include "modelgate/core/http/long_running_operation.h"
#include "modelgate/core/http/rest_call.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace modelgate {

struct ArmOnlineEndpoint
{
    std::string name;
    std::string location;
    std::string authMode;          // "Key", "AMLToken", "AADToken"
    std::string scoringUri;        // the full URL predictions are POSTed to
    std::string provisioningState; // "Creating", "Updating", "Deleting", "Succeeded", "Failed", "Canceled"
    std::string description;
    std::map<std::string, int> traffic;
    std::map<std::string, std::string> tags;
    // The resource as ARM sent it: a traffic change writes it back whole (ARM has no PATCH of traffic).
    std::string resourceJson;
};

struct ArmOnlineDeployment
{
    std::string name;
    std::string model; // the ARM id of the model version
    std::string instanceType;
    int instanceCount = 0;
    std::string provisioningState;
};

// A no-code MLflow deployment of a registered model version.
struct ArmDeploymentSpec
{
    std::string name;
    std::string modelId; // AzureWorkspace::modelVersionId
    std::string instanceType = "Standard_DS3_v2";
    int instanceCount = 1;
};

struct EndpointKeys
{
    std::string primaryKey; // never written or logged
    std::string secondaryKey;
};

// A provisioning state in which ARM is still at work ("Creating", "Updating", "Scaling", "Deleting").
bool isTransitionalState(const std::string &provisioningState);

class ArmClient
{
public:
    struct Options
    {
        OperationPollOptions polling;
        // How long a write that met a 409 waits for the other operation to end, in all.
        std::chrono::milliseconds conflictWait{std::chrono::minutes(15)};
        std::chrono::milliseconds conflictPoll{std::chrono::seconds(2)};
    };

    ArmClient(AzureWorkspace workspace, std::shared_ptr<HttpTransport> transport,
              std::shared_ptr<CredentialProvider> credentials);
    ArmClient(AzureWorkspace workspace, std::shared_ptr<HttpTransport> transport,
              std::shared_ptr<CredentialProvider> credentials, Options options);

    const AzureWorkspace &workspace() const { return m_workspace; }

    // GET the workspace: its MLflow tracking URI (properties.mlFlowTrackingUri, read
    // case-insensitively), as Azure gives it (azureml://...).
    Result<std::string> mlflowTrackingUri(const CancelToken &cancel) const;

    // NotFound is an HttpStatus/Api error with httpStatus 404.
    Result<std::vector<ArmOnlineEndpoint>> listEndpoints(const CancelToken &cancel) const;
    Result<ArmOnlineEndpoint> getEndpoint(const std::string &name, const CancelToken &cancel) const;
    // PUT the whole endpoint (`resourceJson`: location, properties, tags) and wait until ARM is
    // done; returns the endpoint as it is then.
    Result<ArmOnlineEndpoint> putEndpoint(const std::string &name, const std::string &resourceJson,
                                          const OperationProgressCallback &progress,
                                          const CancelToken &cancel) const;
    // GET, set properties.traffic, PUT it back whole (it must sum to 100, or 0 everywhere).
    Result<ArmOnlineEndpoint> setTraffic(const std::string &endpoint,
                                         const std::map<std::string, int> &traffic,
                                         const OperationProgressCallback &progress,
                                         const CancelToken &cancel) const;
    Status deleteEndpoint(const std::string &name, const OperationProgressCallback &progress,
                          const CancelToken &cancel) const;
    Result<EndpointKeys> listKeys(const std::string &endpoint, const CancelToken &cancel) const;

    Result<std::vector<ArmOnlineDeployment>> listDeployments(const std::string &endpoint,
                                                             const CancelToken &cancel) const;
    Result<ArmOnlineDeployment> getDeployment(const std::string &endpoint, const std::string &name,
                                              const CancelToken &cancel) const;
    Result<ArmOnlineDeployment> putDeployment(const std::string &endpoint, const ArmDeploymentSpec &spec,
                                              const OperationProgressCallback &progress,
                                              const CancelToken &cancel) const;
    Status deleteDeployment(const std::string &endpoint, const std::string &name,
                            const OperationProgressCallback &progress, const CancelToken &cancel) const;
    // POST getLogs: "InferenceServer" or "StorageInitializer", the last `tail` lines.
    Result<std::string> deploymentLogs(const std::string &endpoint, const std::string &name,
                                       const std::string &containerType, int tail,
                                       const CancelToken &cancel) const;

    // GET Azure Monitor's metrics of a resource of the workspace: `relativeResource` is
    // "onlineEndpoints/ep" or "onlineEndpoints/ep/deployments/blue"; `parameters` (metricnames,
    // timespan, interval, aggregation, $filter, top, ...) are URL-encoded here. The body as
    // Azure sent it (parseAzureMetricsResponse reads it).
    Result<std::string> metrics(const std::string &relativeResource,
                                const std::vector<std::pair<std::string, std::string>> &parameters,
                                const CancelToken &cancel) const;

private:
    std::string url(const std::string &relativePath) const;
    Result<HttpResponse> send(HttpMethod method, const std::string &url, const std::string &body,
                              const CancelToken &cancel) const;
    // A write that may start a long-running operation, with the 409 rule above.
    Result<HttpResponse> write(HttpMethod method, const std::string &url, const std::string &body,
                               const std::string &endpoint, const OperationProgressCallback &progress,
                               const CancelToken &cancel) const;
    Status waitUntilIdle(const std::string &endpoint, const CancelToken &cancel) const;

    AzureWorkspace m_workspace;
    std::shared_ptr<HttpTransport> m_transport;
    std::shared_ptr<CredentialProvider> m_credentials;
    Options m_options;
};

} // namespace modelgate
