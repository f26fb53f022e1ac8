#pragma once

#include "monitor/metric_ring.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <QString>

#include <modelgate/core/monitor/metrics.h>

namespace modelgate::ui {

// What the endpoint view charts for each deployment, one ring each.
enum class MonitorMetric
{
    RequestRate,   // requests per second
    Ok2xxRate,     // 2xx answers per second
    Client4xxRate, // 4xx answers per second
    Server5xxRate, // 5xx answers per second
    LatencyP50,    // ms
    LatencyP95,    // ms
    LatencyP99,    // ms
    CpuPercent,    // of one core
    MemoryMiB,     // resident, of the whole process tree
};
inline constexpr std::size_t kMonitorMetricCount = 9;

// The CSV column name of a metric ("requests_per_s", "p95_ms", "memory_mib", ...).
const char *csvName(MonitorMetric metric);

// Every series of one endpoint: per deployment (by name; kNoDeployment for requests that no
// deployment answered) a ring per metric. A deployment's rings are made when it first shows
// up and keep their memory from then on.
class MonitorSeriesStore final
{
public:
    explicit MonitorSeriesStore(std::size_t capacity = MetricRing::kDefaultCapacity);

    // The points of a live report: a point per step for the request figures (rates over the
    // step, percentiles of the step's requests, NaN without requests) and one for CPU and
    // memory at the report's last step. Steps the store has already are corrected, not added
    // twice (HAProxy logs a request when it finishes, so a second may still grow later).
    void addLive(const MetricsReport &report);
    // The points of a back-fill of an earlier, longer span (coarser steps), put in front of
    // what the store has. Its resources are "now", so they are not back-filled.
    void addBackfill(const MetricsReport &report);
    void clear();

    std::vector<std::string> deployments() const;
    // nullptr for a deployment the store has not seen.
    const MetricRing *ring(const std::string &deployment, MonitorMetric metric) const;
    // The oldest and the newest time of any request series (0 when empty).
    std::int64_t oldestMs() const;
    std::int64_t newestMs() const;
    std::size_t capacity() const { return m_capacity; }
    // Memory the rings hold (their fixed buffers), in bytes.
    std::size_t memoryBytes() const;

    // Every point of [fromMs, toMs), one line per deployment and second:
    // time (ISO 8601, UTC),deployment,requests_per_s,ok_2xx_per_s,...,memory_mib.
    // False with `errorMessage` set when the file cannot be written.
    bool writeCsv(const QString &path, std::int64_t fromMs, std::int64_t toMs,
                  QString *errorMessage = nullptr) const;

private:
    using Rings = std::array<MetricRing, kMonitorMetricCount>;
    Rings &ringsOf(const std::string &deployment);

    std::size_t m_capacity;
    std::map<std::string, Rings> m_rings;
};

} // namespace modelgate::ui
