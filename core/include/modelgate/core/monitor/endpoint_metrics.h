#pragma once
// Where an endpoint's metrics come from: its own choice, kept in its monitor settings
// ({"metrics": {"source": "prometheus", ...}}: Prometheus with its queries), or else its
// target's source: HAProxy's request log for local endpoints, Azure Monitor for Azure ML
// ones. The console and `modelgate-cli endpoint metrics|watch` both ask through this, so
// that both read the same data the same way, whatever the source.

#include "modelgate/core/deploy/deployment_target.h"
#include "modelgate/core/http/http.h"
#include "modelgate/core/monitor/metrics.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace modelgate {

class PrometheusMetricsSource;

class EndpointMetricsSource final : public MetricsSource
{
public:
    // `target` must outlive this source; `targetSource` may be null (a target without one).
    EndpointMetricsSource(const DeploymentTarget &target, std::shared_ptr<MetricsSource> targetSource,
                          std::shared_ptr<HttpTransport> transport);
    ~EndpointMetricsSource() override;

    // The target's own source's kind ("haproxy-log", "azure-monitor"), "none" without one;
    // each report names the source it came from.
    std::string kind() const override;
    // Reads the endpoint's settings on every query, so an edit takes effect at the next one.
    // Thread-safe. Unsupported, naming what to set, for an endpoint without any source.
    Result<MetricsReport> query(const MetricsQuery &query, const CancelToken &cancel) override;

private:
    const DeploymentTarget &m_target;
    std::shared_ptr<MetricsSource> m_targetSource;
    std::shared_ptr<HttpTransport> m_transport;
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<PrometheusMetricsSource>> m_prometheus; // by endpoint
};

// The transport for metrics sources that ModelGate reaches over HTTP (Prometheus): short
// timeouts, so a hung server shows as an error within a scrape or two.
std::shared_ptr<HttpTransport> makeMetricsTransport();

// The source for `target`'s endpoints: LocalMetricsSource for a LocalTarget,
// AzureMonitorMetricsSource for an AzureMlTarget, behind each endpoint's own choice.
// `target` must outlive it.
std::shared_ptr<MetricsSource> metricsSourceFor(const DeploymentTarget &target);

} // namespace modelgate
