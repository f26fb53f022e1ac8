#pragma once
// Azure Machine Learning managed online endpoints as a deployment target (docs/azure.md). An
// endpoint is an ARM online endpoint with key auth; a deployment is the no-code MLflow
// deployment of a version registered in the workspace, referenced by its ARM id. Every
// change is an ARM long-running operation followed to its end; cancelling stops the waiting
// (ARM cannot cancel), and the error says what goes on at Azure. What ARM does not keep for
// ModelGate (records not yet in a trail, SLO rules) lives on this machine under
// <stateRoot>/<subscription>/<resource group>/<workspace>/<endpoint>/.

#include "modelgate/core/azure/arm_client.h"
#include "modelgate/core/deploy/deployment_target.h"
#include "modelgate/core/workspace/profiles.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace modelgate {

inline constexpr const char *kDefaultInstanceType = "Standard_DS3_v2";
// The endpoint tag that marks an endpoint as production (its champion follows 100 %).
inline constexpr const char *kProductionTag = "modelgate.production";

struct AzureMlTargetConfig
{
    std::string stateRoot; // see defaultStateRoot
    std::string defaultInstanceType = kDefaultInstanceType;
    int defaultInstanceCount = 1;
    int logTail = 200; // lines of a failed deployment's log quoted in its error

    // $XDG_DATA_HOME/modelgate/azureml (~/.local/share when XDG_DATA_HOME is unset).
    static std::string defaultStateRoot(const Environment &env = Environment::current());
};

class AzureMlTarget final : public DeploymentTarget
{
public:
    AzureMlTarget(AzureMlTargetConfig config, std::shared_ptr<const ArmClient> arm,
                  std::shared_ptr<HttpTransport> scoringTransport);

    std::string kind() const override { return "azureml"; }
    bool cancelStopsWork() const override { return false; }
    const ArmClient &arm() const { return *m_arm; }
    // Shared with what reads the same workspace (the Azure Monitor metrics source).
    std::shared_ptr<const ArmClient> armClient() const { return m_arm; }

    Result<std::vector<EndpointInfo>> listEndpoints(const CancelToken &cancel) const override;
    Result<EndpointInfo> endpoint(const std::string &name, const CancelToken &cancel) const override;
    Status createEndpoint(const EndpointSpec &spec, const ProgressFn &progress,
                          const CancelToken &cancel) override;
    Status createDeployment(const DeploymentSpec &spec, const RegistryAccess &access,
                            const ProgressFn &progress, const CancelToken &cancel) override;
    Status setTraffic(const std::string &endpoint, const TrafficSplit &split,
                      const CancelToken &cancel) override;
    Status deleteDeployment(const std::string &endpoint, const std::string &deployment,
                            const CancelToken &cancel) override;
    Status deleteEndpoint(const std::string &endpoint, const CancelToken &cancel) override;
    // Azure runs and restarts managed deployments itself: Unsupported, saying so.
    Status restartEndpoint(const std::string &endpoint, const RegistryAccess &access,
                           const ProgressFn &progress, const CancelToken &cancel) override;
    Result<std::string> deploymentLogs(const std::string &endpoint, const std::string &deployment,
                                       int tailLines, const CancelToken &cancel) const override;
    Result<std::vector<std::string>> pendingRecords(const std::string &endpoint) const override;
    Status setPendingRecords(const std::string &endpoint, const std::vector<std::string> &records) override;
    Result<std::string> monitorSettings(const std::string &endpoint) const override;
    Status setMonitorSettings(const std::string &endpoint, const std::string &json) override;
    // POSTs to the scoring URI with the endpoint's key. An MLflow request body
    // ({"dataframe_split": ...}, {"inputs": ...}, {"instances": ...}) is sent in Azure's
    // {"input_data": ...} form; `deployment` goes in the azureml-model-deployment header.
    Result<InvokeResponse> invoke(const std::string &endpoint, const std::string &deployment,
                                  const std::string &jsonBody, const CancelToken &cancel) const override;

private:
    std::string endpointDir(const std::string &endpoint) const;
    Result<EndpointInfo> describe(const ArmOnlineEndpoint &endpoint, const CancelToken &cancel) const;
    Result<std::string> scoringKey(const std::string &endpoint, const CancelToken &cancel) const;

    AzureMlTargetConfig m_config;
    std::shared_ptr<const ArmClient> m_arm;
    std::shared_ptr<HttpTransport> m_scoring;
    mutable std::mutex m_keysMutex;
    mutable std::map<std::string, std::string> m_keys; // endpoint -> primary key, in memory only
};

// An MLflow scoring request body in Azure ML's form ({"input_data": ...}), or a Config error.
Result<std::string> azureScoringBody(const std::string &mlflowJsonBody);

} // namespace modelgate
