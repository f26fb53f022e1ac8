#pragma once
// Endpoints whose metrics Prometheus keeps (docs/monitoring.md, "Prometheus"): requests by
// deployment and status class from a counter, latency percentiles by histogram_quantile
// where the exporter has a histogram, and only the mean where it has averages (HAProxy's
// exporter), said in the report's notes. The queries are kept with the endpoint, in its
// monitor settings ({"metrics": {"source": "prometheus", ...}}), and can be edited there;
// presets give the queries of common exporters.

#include "modelgate/core/http/http.h"
#include "modelgate/core/monitor/metrics.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

enum class PrometheusLatency
{
    Histogram, // `latency` selects the buckets (<name>_bucket with `le`)
    Average,   // `latency` selects a gauge of mean latency: no percentile from it
    None,
};

// What to ask Prometheus about one endpoint. In every selector, $endpoint stands for the
// endpoint's name.
struct PrometheusQueries
{
    std::string url;    // the Prometheus server: http://prometheus:9090 (path prefix allowed)
    std::string preset; // "haproxy", "kserve" or "custom": where the queries came from
    // A counter of answered requests, one series per deployment and status.
    std::string requests;
    std::string deploymentLabel; // the label naming the deployment
    std::string statusLabel;     // the status class ("2xx") or code ("200")
    PrometheusLatency latencyKind = PrometheusLatency::None;
    std::string latency;
    double latencyUnitMs = 1000;    // milliseconds per unit of the latency metric (seconds: 1000)
    int scrapeIntervalSeconds = 15; // the shortest step that has data

    bool operator==(const PrometheusQueries &) const = default;
};

// "haproxy": HAProxy's built-in exporter (haproxy_server_http_responses_total by server and
// code, mean total time) scraped with the label endpoint="<name>"; "kserve": a KServe
// InferenceService on Knative (revision_app_request_count and the request latency
// histogram by revision). Config error for another name.
Result<PrometheusQueries> prometheusPreset(const std::string &preset, const std::string &url);
std::vector<std::string> prometheusPresetNames();
// Config error naming the field: an empty or non-http(s) URL, a selector without a metric, a
// label that is not a Prometheus label name, a scrape interval outside 1..3600 s.
Status validatePrometheusQueries(const PrometheusQueries &queries);

// The "metrics" member of an endpoint's monitor settings; nullopt when the endpoint uses its
// target's own source. Parse error naming the field when it is malformed.
Result<std::optional<PrometheusQueries>> prometheusQueriesFromSettings(const std::string &settingsJson);
// The settings with "metrics" set to `queries` (removed for nullopt), everything else kept.
Result<std::string> withPrometheusQueries(const std::string &settingsJson,
                                          const std::optional<PrometheusQueries> &queries);

// The PromQL sent for a window of `windowSeconds` (what the docs and `endpoint
// metrics-source` show): requests, then the latency queries.
std::vector<std::string> prometheusExpressions(const PrometheusQueries &queries, const std::string &endpoint,
                                               int windowSeconds);

class PrometheusMetricsSource final : public MetricsSource
{
public:
    PrometheusMetricsSource(PrometheusQueries queries, std::shared_ptr<HttpTransport> transport);

    std::string kind() const override { return "prometheus"; }
    const PrometheusQueries &queries() const { return m_queries; }
    // Instant queries at `toMs` over the window and range queries for the buckets (steps of at
    // least the scrape interval). Counts come from increase() and are extrapolated by
    // Prometheus, so they are close, not exact; the notes say so. dataUntilMs is the newest
    // scrape of the request counter (0 when Prometheus has none in its lookback).
    Result<MetricsReport> query(const MetricsQuery &query, const CancelToken &cancel) override;

private:
    PrometheusQueries m_queries;
    std::shared_ptr<HttpTransport> m_transport;
};

} // namespace modelgate
