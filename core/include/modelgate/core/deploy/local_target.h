#pragma once
// The local deployment target: an endpoint is an HAProxy instance on a loopback port (its
// URL is the scoring URI), each deployment a real `mlflow models serve` on its own loopback
// port behind it. Endpoints outlive the process that started them: their state lives in
// <stateRoot>/<endpoint>/ (mode 0700: endpoint.json, haproxy.cfg, the runtime socket
// haproxy.sock, logs/), every process runs in its own process group, is found again by its
// PID together with its start time and command line (never a PID alone), and is stopped by
// its group. No secret is written to any of these files.

#include "modelgate/core/deploy/deployment_target.h"
#include "modelgate/core/workspace/profiles.h"

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <string>

namespace modelgate {

// HAProxy's log line for every request (in logs/requests/, parsed by core/monitor): version
// tag, accept time in Unix seconds and milliseconds, backend/server (the server is the
// deployment), status, total active time and server response time in ms, bytes out.
// e.g. "mg1 1764846192.345 deployments/blue 200 14 12 245"
inline constexpr const char *kRequestLogFormat = "mg1 %Ts.%ms %b/%s %ST %Ta %Tr %B";

struct LocalTargetConfig
{
    std::string stateRoot; // where endpoints live; see defaultStateRoot
    std::string haproxyExecutable = "haproxy";
    std::string mlflowExecutable = "mlflow";   // the workspace profile's; a bare name is looked up on PATH
    std::chrono::seconds startTimeout{180};    // a scoring server that does not answer by then failed
    std::size_t maxLogBytes = 4 * 1024 * 1024; // a log beyond this is rotated to <log>.1
    // HAProxy's request log is what monitoring reads: one file per HAProxy process (a start or
    // a reload begins a new one), ~40 bytes a request; beyond this in total the oldest files
    // go (the current one stays), so 64 MiB keep about 1.6 million requests.
    std::size_t maxRequestLogBytes = 64 * 1024 * 1024;

    // $XDG_DATA_HOME/modelgate/endpoints (~/.local/share when XDG_DATA_HOME is unset).
    static std::string defaultStateRoot(const Environment &env = Environment::current());
};

class LocalTarget final : public DeploymentTarget
{
public:
    explicit LocalTarget(LocalTargetConfig config);
    ~LocalTarget() override;

    std::string kind() const override { return "local"; }
    const LocalTargetConfig &config() const { return m_config; }
    // <stateRoot>/<endpoint>
    std::string endpointDir(const std::string &endpoint) const;
    // The log file of a deployment ("" for HAProxy's own messages).
    std::string logPath(const std::string &endpoint, const std::string &deployment) const;
    // Where HAProxy logs every request: one file per HAProxy process, named by its start
    // (Unix ms, zero-padded: names sort by time), "<ms>.log".
    std::string requestLogDir(const std::string &endpoint) const;

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
    Status restartEndpoint(const std::string &endpoint, const RegistryAccess &access,
                           const ProgressFn &progress, const CancelToken &cancel) override;
    Result<std::string> deploymentLogs(const std::string &endpoint, const std::string &deployment,
                                       int tailLines, const CancelToken &cancel) const override;
    Result<InvokeResponse> invoke(const std::string &endpoint, const std::string &deployment,
                                  const std::string &jsonBody, const CancelToken &cancel) const override;
    Result<std::vector<std::string>> pendingRecords(const std::string &endpoint) const override;
    Status setPendingRecords(const std::string &endpoint, const std::vector<std::string> &records) override;
    Result<std::string> monitorSettings(const std::string &endpoint) const override;
    Status setMonitorSettings(const std::string &endpoint, const std::string &json) override;
    // The process group (= session) of each deployment's scoring server that is running now:
    // deployment name -> its leader's PID (its whole process tree shares that session).
    Result<std::map<std::string, int>> deploymentSessions(const std::string &endpoint) const;
    struct ServerLoad
    {
        int connections = 0; // current sessions to the deployment's server
        int queued = 0;      // requests waiting for it
    };
    // HAProxy's statistics of each deployment's server in the weighted backend ("show stat" on
    // its runtime API). A Transport error when the router does not answer.
    Result<std::map<std::string, ServerLoad>> serverLoad(const std::string &endpoint) const;

    // Stops HAProxy only (its group), leaving the scoring servers: what a crash of the router
    // looks like. For tests and `endpoint restart` drills.
    Status stopRouter(const std::string &endpoint);

private:
    struct Impl;
    LocalTargetConfig m_config;
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelgate
