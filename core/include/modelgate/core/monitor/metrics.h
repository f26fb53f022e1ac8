#pragma once
// What an endpoint's deployments did over a window of time, from any metrics source: the
// local target's HAProxy request log now, Prometheus and Azure Monitor behind the same
// interface (docs/monitoring.md). The CLI asks once for a window (`endpoint metrics`); the
// console asks every second for what is new; both read the same data the same way.

#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

// Responses by status class. "other" holds 1xx/3xx and requests that got no status (-1:
// the client went away first).
struct StatusCounts
{
    std::int64_t ok2xx = 0;
    std::int64_t client4xx = 0;
    std::int64_t server5xx = 0;
    std::int64_t other = 0;

    std::int64_t total() const { return ok2xx + client4xx + server5xx + other; }
    void add(int status, std::int64_t count = 1);
    void merge(const StatusCounts &other);
    bool operator==(const StatusCounts &) const = default;
};

// Latencies in whole milliseconds (what HAProxy measures), kept exactly: percentiles over
// any window are exact, not interpolated from coarse buckets.
class LatencyHistogram
{
public:
    void add(int milliseconds, std::int64_t count = 1);
    void merge(const LatencyHistogram &other);
    std::int64_t count() const { return m_count; }
    // Nearest rank: the smallest latency with at least p % of the samples at or below it.
    // nullopt without samples.
    std::optional<double> percentile(double p) const;
    const std::map<int, std::int64_t> &counts() const { return m_counts; }

private:
    std::map<int, std::int64_t> m_counts;
    std::int64_t m_count = 0;
};

// Latency percentiles that a source computed itself, in ms (Prometheus' histogram_quantile,
// Azure Monitor's RequestLatency_Pxx). A percentile the source does not have stays empty.
struct LatencyPercentiles
{
    std::optional<double> p50{};
    std::optional<double> p95{};
    std::optional<double> p99{};
};

// Requests over a span of `seconds`.
struct RequestStats
{
    StatusCounts status;
    LatencyHistogram latency; // of requests a server answered
    double seconds = 0;
    // Set by sources that see no single request, only figures computed elsewhere: then these
    // are the percentiles, and `latency` stays empty. Two of them cannot be merged.
    std::optional<LatencyPercentiles> sourcePercentiles{};
    // The mean latency (ms), where an exporter has only averages (HAProxy's): no percentile
    // can be derived from it, so p95 rules get no verdict and the report's notes say why.
    std::optional<double> averageMs{};

    std::int64_t requests() const { return status.total(); }
    double ratePerSecond() const;
    // Shares of the requests, in percent (0 without requests).
    double errorPercent() const;       // 4xx and 5xx: what a failing model answers
    double serverErrorPercent() const; // 5xx only
    std::optional<double> p50() const;
    std::optional<double> p95() const;
    std::optional<double> p99() const;
    void merge(const RequestStats &other);
};

// CPU and memory of a deployment's whole process tree (a scoring server and its workers).
struct ResourceUsage
{
    double cpuPercent = 0;        // of one core: 200 = two cores busy
    std::int64_t memoryBytes = 0; // resident
    int processes = 0;
    // From HAProxy's statistics (what they are good for: not latency percentiles): connections
    // to the deployment's server now, and requests queued for it. -1 when unknown.
    int connections = -1;
    int queued = -1;
    // From sources that measure instances, not processes (Azure Monitor): memory in percent of
    // an instance and the number of instances (-1 when unknown). cpuPercent is then of an
    // instance too, and memoryBytes 0.
    std::optional<double> memoryPercent{};
    int instances = -1;
};

// One step of a series: requests that started in [startMs, startMs + step).
struct MetricsBucket
{
    std::int64_t startMs = 0;
    StatusCounts status;
    std::optional<double> p50{};
    std::optional<double> p95{};
    std::optional<double> p99{};
};

// Requests that no deployment answered (an unknown deployment header, no server up).
inline constexpr const char *kNoDeployment = "";

struct DeploymentMetrics
{
    std::string deployment;                 // kNoDeployment for requests no deployment answered
    RequestStats window;                    // the whole window
    std::vector<MetricsBucket> buckets;     // every step of the window, oldest first (empty ones too)
    std::optional<ResourceUsage> resources; // now; absent when the source has none
};

struct MetricsReport
{
    std::string endpoint;
    std::string source; // "haproxy-log", "prometheus", "azure-monitor"
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
    std::int64_t stepMs = 0;
    std::vector<DeploymentMetrics> deployments; // by name; requests nobody answered last
    RequestStats total;                         // sums every deployment's window
    // The newest data the source has for the endpoint (Unix ms), whatever the window; absent
    // when it has none. The console shows the data's age from it, and SLO rules treat data
    // older than their window as missing.
    std::optional<std::int64_t> newestDataMs;
    // Up to when the source's data is complete (Unix ms): `toMs` for the local log (a request
    // is there when it ends); the end of the newest ingested minute for Azure Monitor; the
    // newest scrape for Prometheus. Absent when the source has nothing for the endpoint. A
    // rule whose window ends after it sees no data, not an idle endpoint.
    std::optional<std::int64_t> dataUntilMs{};
    // Endpoint-wide concurrent client connections, where the source has them (Azure Monitor's
    // ConnectionsActive: the mean of its newest minute).
    std::optional<double> activeConnections{};
    std::vector<std::string> notes; // English: what the figures are and are not

    const DeploymentMetrics *deployment(const std::string &name) const;
};

struct MetricsQuery
{
    std::string endpoint;
    std::int64_t fromMs = 0; // Unix ms, inclusive
    std::int64_t toMs = 0;   // exclusive
    std::int64_t stepMs = 1000;
    bool withResources = true;
    // Deployments to report even without a request in the window (those with traffic): a
    // deployment that should have answered and did not is a finding, not a gap.
    std::vector<std::string> expectedDeployments;
};

class MetricsSource
{
public:
    virtual ~MetricsSource() = default;
    virtual std::string kind() const = 0;
    // Config error for an unknown endpoint; a window longer than the source keeps gives what
    // it has, with a note saying where its data starts.
    virtual Result<MetricsReport> query(const MetricsQuery &query, const CancelToken &cancel) = 0;
};

// Now as Unix milliseconds.
std::int64_t unixMillisNow();

// "5m", "90s", "1h", "24h", "2d" -> seconds; nullopt for anything else (or <= 0).
std::optional<int> parseWindow(const std::string &text);
// 300 -> "5m", 90 -> "90s", 3600 -> "1h".
std::string describeWindow(int seconds);

} // namespace modelgate
