#include "modelgate/core/monitor/endpoint_metrics.h"

#include "modelgate/core/deploy/azure_ml_target.h"
#include "modelgate/core/deploy/local_target.h"
#include "modelgate/core/monitor/azure_monitor_metrics.h"
#include "modelgate/core/monitor/local_metrics.h"
#include "modelgate/core/monitor/prometheus_metrics.h"

namespace modelgate {

EndpointMetricsSource::EndpointMetricsSource(const DeploymentTarget &target,
                                             std::shared_ptr<MetricsSource> targetSource,
                                             std::shared_ptr<HttpTransport> transport)
    : m_target(target)
    , m_targetSource(std::move(targetSource))
    , m_transport(std::move(transport))
{}

EndpointMetricsSource::~EndpointMetricsSource() = default;

std::string EndpointMetricsSource::kind() const
{
    return m_targetSource ? m_targetSource->kind() : "none";
}

Result<MetricsReport> EndpointMetricsSource::query(const MetricsQuery &query, const CancelToken &cancel)
{
    Result<std::string> settings = m_target.monitorSettings(query.endpoint);
    if (!settings.ok())
        return settings.error();
    Result<std::optional<PrometheusQueries>> chosen = prometheusQueriesFromSettings(settings.value());
    if (!chosen.ok()) {
        Error error = chosen.error();
        error.message =
            "the metrics source kept with endpoint " + query.endpoint + " is unreadable: " + error.message;
        return error;
    }
    if (chosen.value()) {
        std::shared_ptr<PrometheusMetricsSource> source;
        {
            const std::lock_guard lock(m_mutex);
            std::shared_ptr<PrometheusMetricsSource> &kept = m_prometheus[query.endpoint];
            if (!kept || !(kept->queries() == *chosen.value()))
                kept = std::make_shared<PrometheusMetricsSource>(*chosen.value(), m_transport);
            source = kept;
        }
        return source->query(query, cancel);
    }
    if (!m_targetSource)
        return Error::unsupported("endpoint " + query.endpoint + " has no metrics source: its target (" +
                                  m_target.kind() +
                                  ") has none of its own; give it Prometheus queries "
                                  "(modelgate-cli endpoint metrics-source " +
                                  query.endpoint + " --prometheus URL)");
    return m_targetSource->query(query, cancel);
}

std::shared_ptr<HttpTransport> makeMetricsTransport()
{
    TransportOptions options;
    options.connectTimeout = std::chrono::seconds(5);
    options.totalTimeout = std::chrono::seconds(20);
    options.stallTimeout = std::chrono::seconds(10);
    return makeCurlTransport(options);
}

std::shared_ptr<MetricsSource> metricsSourceFor(const DeploymentTarget &target)
{
    std::shared_ptr<MetricsSource> own;
    if (const auto *local = dynamic_cast<const LocalTarget *>(&target))
        own = std::make_shared<LocalMetricsSource>(*local);
    else if (const auto *azure = dynamic_cast<const AzureMlTarget *>(&target))
        own = std::make_shared<AzureMonitorMetricsSource>(azure->armClient());
    return std::make_shared<EndpointMetricsSource>(target, std::move(own), makeMetricsTransport());
}

} // namespace modelgate
