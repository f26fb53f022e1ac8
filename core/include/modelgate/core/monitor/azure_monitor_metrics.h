#pragma once
// Azure Monitor as the metrics source of Azure ML managed online endpoints (docs/monitoring.md):
// RequestsPerMinute by deployment and status class, RequestLatency_P50/P95/P99 by deployment
// and ConnectionsActive of the endpoint, CPU, memory and capacity of each deployment. Azure
// publishes one-minute figures only, and only after an ingestion delay: a report ends where
// the ingested data ends (MetricsReport::dataUntilMs), so a rule never takes the minutes not
// yet published for an idle endpoint.

#include "modelgate/core/azure/arm_client.h"
#include "modelgate/core/monitor/metrics.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace modelgate {

// One time series of a Metrics_List answer: a metric for one combination of dimension values.
struct AzureMetricSeries
{
    std::string metric;                            // as Azure names it, e.g. "RequestsPerMinute"
    std::string unit;                              // as Azure sends it: "Count", "MilliSeconds", "Percent"
    std::map<std::string, std::string> dimensions; // names lower-cased; empty without a $filter
    // (timeStamp as Unix ms, the requested aggregate), oldest first. nullopt where the point
    // has no such aggregate: a minute not ingested yet, or one without any sample.
    std::vector<std::pair<std::int64_t, std::optional<double>>> points;
};

// Reads a Metrics_List body (member and metric names case-insensitively), taking the aggregate
// `aggregation` ("Total", "Average", ...) of each point. Parse error naming the JSON path for
// anything malformed; an Api error naming the metric when its errorCode is not "Success".
Result<std::vector<AzureMetricSeries>> parseAzureMetricsResponse(const std::string &body,
                                                                 const std::string &aggregation);

// "2026-12-04T10:00:00Z" for Unix ms (seconds and below dropped); the form of `timespan`.
std::string azureTimestamp(std::int64_t unixMs);
// A timeStamp of Azure's ("2026-12-04T10:00:00Z", fractions and offsets allowed) as Unix ms.
std::optional<std::int64_t> parseAzureTimestamp(const std::string &text);

struct AzureMonitorMetricsOptions
{
    // How long fetched figures answer queries: the console asks every second and the SLO
    // watcher every few seconds, while Azure publishes a new minute once a minute.
    std::chrono::milliseconds refresh{20'000};
};

// Thread-safe. Queries whose window lies inside what was fetched for the endpoint less than
// `refresh` ago are answered without calling ARM.
class AzureMonitorMetricsSource final : public MetricsSource
{
public:
    using Options = AzureMonitorMetricsOptions;

    explicit AzureMonitorMetricsSource(std::shared_ptr<const ArmClient> arm, Options options = {});
    ~AzureMonitorMetricsSource() override;

    std::string kind() const override { return "azure-monitor"; }
    Result<MetricsReport> query(const MetricsQuery &query, const CancelToken &cancel) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelgate
