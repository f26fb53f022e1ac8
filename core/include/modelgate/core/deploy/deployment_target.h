#pragma once
// Where approved versions serve real-time predictions: one interface over every deployment
// target (docs/deployment.md). An endpoint has a scoring URI and an auth mode, named
// deployments behind it (each one model version) and a traffic split over them that sums to
// 100. The local target (local_target.h) runs MLflow scoring servers behind HAProxy; Azure
// Machine Learning managed online endpoints come behind the same interface.

#include "modelgate/core/http/rest_call.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

enum class DeploymentHealth
{
    Healthy,   // its process runs and answers /ping
    Starting,  // its process runs and does not answer yet
    Unhealthy, // its process runs and does not answer
    Dead,      // its process is gone (restart brings it back)
};

// "healthy", "starting", "unhealthy", "dead"
const char *wireName(DeploymentHealth health);

struct DeploymentInfo
{
    std::string name;
    std::string model;
    std::string version;
    int traffic = 0; // whole percent
    DeploymentHealth health = DeploymentHealth::Dead;
    std::string healthDetail; // English, why not healthy
    std::string directUri;    // the deployment's own scoring server (local), else empty
};

enum class EndpointHealth
{
    Running,  // the router and every deployment with traffic answer
    Degraded, // the router answers; a deployment does not
    Down,     // the router is gone (restart brings it back with its split)
};

// "running", "degraded", "down"
const char *wireName(EndpointHealth health);

struct EndpointInfo
{
    std::string name;
    std::string target;     // "local", "azureml"
    std::string scoringUri; // predictions: POST <scoringUri>/invocations
    // Where a Prometheus can scrape the endpoint's router (local: HAProxy's exporter); empty
    // when the target has none.
    std::string metricsUri;
    std::string authMode;    // "none" (local), "key" (Azure)
    bool production = false; // reaching 100 % here moves the model's champion alias
    EndpointHealth health = EndpointHealth::Down;
    std::string healthDetail;                // English, why not running
    std::vector<DeploymentInfo> deployments; // by name
    // When the current split took effect (Unix ms), where the target knows it (local: its last
    // traffic change). A deployment's silence is judged only over a window after it.
    std::optional<std::int64_t> splitSinceMs;

    TrafficSplit traffic() const;
    const DeploymentInfo *deployment(const std::string &name) const;
};

// Progress of a long operation: what it is doing now and how far it is (0..100, -1 unknown).
using ProgressFn = std::function<void(const std::string &step, int percent)>;

// Where a scoring server loads its model from. The credentials reach the server through its
// environment only: never its command line, a file or a log.
struct RegistryAccess
{
    std::string trackingUri;
    Credentials credentials;
    bool insecureTls = false;
    std::string caBundlePath;
};

struct EndpointSpec
{
    std::string name;
    bool production = false;
};

struct DeploymentSpec
{
    std::string endpoint;
    std::string name;
    std::string model;
    std::string version; // a number
    // Azure ML: the VM size and how many instances (empty / 0: the target's default). The
    // local target runs one scoring server whatever is asked.
    std::string instanceType;
    int instanceCount = 0;
};

struct InvokeResponse
{
    int status = 0;
    std::string body;
    std::string contentType;
};

// Error codes of every target: Config (not found: bad input) or Refused (a rule of the endpoint).
inline constexpr const char *kEndpointNotFound = "endpoint_not_found";
inline constexpr const char *kDeploymentNotFound = "deployment_not_found";
inline constexpr const char *kEndpointExists = "endpoint_exists";
inline constexpr const char *kDeploymentExists = "deployment_exists";
inline constexpr const char *kHasTraffic = "has_traffic";
inline constexpr const char *kBadSplit = "bad_split";

// Names of endpoints and deployments: 1..32 of a-z, 0-9 and '-', starting with a letter
// (what Azure ML allows too, and safe in a file name and in HAProxy's configuration).
bool isValidResourceName(const std::string &name);

// The split after giving `deployment` `percent` and the others 100 - percent in their
// current proportions (largest remainders; a tie goes to the name first in order). A
// deployment not in `current` is added; with no other deployment it gets 100.
TrafficSplit splitWithShare(const TrafficSplit &current, const std::string &deployment, int percent);

// "blue=90, green=10" (by name).
std::string describeSplit(const TrafficSplit &split);

class DeploymentTarget
{
public:
    virtual ~DeploymentTarget() = default;

    virtual std::string kind() const = 0;
    // Whether cancelling an action stops its work (local processes) or only the waiting for it
    // (Azure Resource Manager cannot cancel an operation: it goes on at Azure).
    virtual bool cancelStopsWork() const { return true; }

    // Every endpoint this target knows, each with its deployments' health checked now.
    virtual Result<std::vector<EndpointInfo>> listEndpoints(const CancelToken &cancel) const = 0;
    // NotFound when there is no such endpoint.
    virtual Result<EndpointInfo> endpoint(const std::string &name, const CancelToken &cancel) const = 0;

    // Creates an endpoint without deployments. Conflict when it exists.
    virtual Status createEndpoint(const EndpointSpec &spec, const ProgressFn &progress,
                                  const CancelToken &cancel) = 0;
    // Starts a deployment with 0 % of the traffic and waits until it answers. A failure or a
    // cancel stops what was started: the endpoint is left as it was.
    virtual Status createDeployment(const DeploymentSpec &spec, const RegistryAccess &access,
                                    const ProgressFn &progress, const CancelToken &cancel) = 0;
    // Sets the whole split (every deployment named, summing to 100), live.
    virtual Status setTraffic(const std::string &endpoint, const TrafficSplit &split,
                              const CancelToken &cancel) = 0;
    // Stops and removes a deployment; Refused when it has traffic.
    virtual Status deleteDeployment(const std::string &endpoint, const std::string &deployment,
                                    const CancelToken &cancel) = 0;
    // Stops and removes an endpoint; Refused while a deployment has traffic, unless it is the
    // only one (a whole endpoint may go at once).
    virtual Status deleteEndpoint(const std::string &endpoint, const CancelToken &cancel) = 0;
    // Starts again whatever of the endpoint is not running, with the split it had.
    virtual Status restartEndpoint(const std::string &endpoint, const RegistryAccess &access,
                                   const ProgressFn &progress, const CancelToken &cancel) = 0;
    // The last `tailLines` lines of a deployment's log (0: all that is kept).
    virtual Result<std::string> deploymentLogs(const std::string &endpoint, const std::string &deployment,
                                               int tailLines, const CancelToken &cancel) const = 0;
    // Deployment records of actions done here but not yet written to a trail (JSON texts,
    // no secret), kept with the endpoint until they are (Rollout writes them first).
    virtual Result<std::vector<std::string>> pendingRecords(const std::string &endpoint) const = 0;
    virtual Status setPendingRecords(const std::string &endpoint,
                                     const std::vector<std::string> &records) = 0;
    // The endpoint's monitoring settings (its SLO rules, core/monitor/slo.h), kept with the
    // endpoint as the JSON text that monitor writes; empty when none were set.
    virtual Result<std::string> monitorSettings(const std::string &endpoint) const = 0;
    virtual Status setMonitorSettings(const std::string &endpoint, const std::string &json) = 0;
    // Sends a scoring request to the endpoint; with `deployment`, to that deployment alone
    // whatever its share. Any HTTP answer is a value; only no answer is an error.
    virtual Result<InvokeResponse> invoke(const std::string &endpoint, const std::string &deployment,
                                          const std::string &jsonBody, const CancelToken &cancel) const = 0;
};

} // namespace modelgate
