#include "modelgate/core/monitor/prometheus_metrics.h"

#include "modelgate/core/http/rest_call.h"
#include "monitor/monitor_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

namespace modelgate {

namespace {

using Json = nlohmann::json;

constexpr const char *kEndpointPlaceholder = "$endpoint";

bool isLabelName(const std::string &name)
{
    if (name.empty() || name.size() > 128)
        return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

// A selector: a metric name, optionally with {matchers}, or {matchers} alone; no
// expression (the queries around it are ModelGate's).
bool isSelector(const std::string &text)
{
    if (text.empty() || text.size() > 2000)
        return false;
    const std::size_t brace = text.find('{');
    const std::string name = text.substr(0, brace);
    if (!name.empty() && !std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                   c == ':';
        }))
        return false;
    if (brace == std::string::npos)
        return !name.empty();
    return text.back() == '}' && text.find('}') == text.size() - 1;
}

// Endpoint names are resource names ([a-z0-9-]); escaping keeps a stranger one a string.
std::string withEndpoint(const std::string &selector, const std::string &endpoint)
{
    std::string escaped;
    for (const char c : endpoint) {
        if (c == '"' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    std::string out = selector;
    for (std::size_t at = out.find(kEndpointPlaceholder); at != std::string::npos;
         at = out.find(kEndpointPlaceholder, at + escaped.size()))
        out.replace(at, std::string(kEndpointPlaceholder).size(), escaped);
    return out;
}

std::string seconds(std::int64_t value)
{
    return std::to_string(std::max<std::int64_t>(1, value)) + "s";
}

const char *latencyKindName(PrometheusLatency kind)
{
    switch (kind) {
    case PrometheusLatency::Histogram:
        return "histogram";
    case PrometheusLatency::Average:
        return "average";
    case PrometheusLatency::None:
        return "none";
    }
    return "none";
}

// Unix seconds with milliseconds, as Prometheus takes a time ("1796410000.250").
std::string unixSeconds(std::int64_t milliseconds)
{
    char text[40];
    std::snprintf(text, sizeof text, "%.3f", static_cast<double>(milliseconds) / 1000.0);
    return text;
}

// The PromQL of one report.
struct Expressions
{
    std::string countsOverWindow; // instant at toMs
    std::string countsPerStep;    // range, one value per step
    std::string latencyOverWindow;
    std::string latencyPerStep;
    std::string newestScrape;
};

// Requests in a span: increase() over the span when it holds enough scrapes, else the rate
// over four scrape intervals (Grafana's rule for a rate that has data) times the span.
std::string countOver(const PrometheusQueries &queries, const std::string &selector, std::int64_t spanSeconds)
{
    const std::int64_t least = 4LL * queries.scrapeIntervalSeconds;
    const std::string by = "sum by (" + queries.deploymentLabel + ", " + queries.statusLabel + ") ";
    if (spanSeconds >= least)
        return by + "(increase(" + selector + "[" + seconds(spanSeconds) + "]))";
    return by + "(rate(" + selector + "[" + seconds(least) + "])) * " + std::to_string(spanSeconds);
}

// p50, p95 and p99 in one query, told apart by the label mg_quantile.
std::string latencyOver(const PrometheusQueries &queries, const std::string &selector,
                        std::int64_t spanSeconds)
{
    const std::string range =
        seconds(std::max<std::int64_t>(spanSeconds, 4LL * queries.scrapeIntervalSeconds));
    if (queries.latencyKind == PrometheusLatency::Average)
        return "avg by (" + queries.deploymentLabel + ") (" + selector + ")";
    std::string out;
    for (const char *q : {"50", "95", "99"}) {
        const std::string quantile = std::string("0.") + q;
        out += (out.empty() ? "" : " or ") + std::string("label_replace(histogram_quantile(") + quantile +
               ", sum by (" + queries.deploymentLabel + ", le) (rate(" + selector + "[" + range +
               "]))), \"mg_quantile\", \"" + q + "\", \"\", \"\")";
    }
    return out;
}

Expressions expressionsFor(const PrometheusQueries &queries, const std::string &endpoint,
                           std::int64_t windowSeconds, std::int64_t stepSeconds)
{
    const std::string requests = withEndpoint(queries.requests, endpoint);
    const std::string latency = withEndpoint(queries.latency, endpoint);
    Expressions out;
    out.countsOverWindow = countOver(queries, requests, windowSeconds);
    out.countsPerStep = countOver(queries, requests, stepSeconds);
    if (queries.latencyKind != PrometheusLatency::None) {
        out.latencyOverWindow = latencyOver(queries, latency, windowSeconds);
        out.latencyPerStep = latencyOver(queries, latency, stepSeconds);
    }
    out.newestScrape = "max(timestamp(" + requests + "))";
    return out;
}

// A string member, or "" (also for another type): value() trips GCC's null-dereference check.
std::string textOf(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto found = object.find(key);
    if (found == object.end())
        return {};
    const Json *value = &*found;
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::optional<double> sampleValue(const Json &pair)
{
    if (!pair.is_array() || pair.size() != 2 || !pair[1].is_string())
        return std::nullopt;
    const std::string &text = pair[1].get_ref<const std::string &>();
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !std::isfinite(value))
        return std::nullopt; // "NaN", "+Inf": no figure
    return value;
}

std::optional<std::int64_t> sampleTimeMs(const Json &pair)
{
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number())
        return std::nullopt;
    // Between 1970 and the year 3000: anything else is a broken answer, and would overflow the
    // millisecond arithmetic of the buckets.
    const double seconds = pair[0].get<double>();
    if (!(seconds >= 0 && seconds <= 32'503'680'000.0))
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(seconds * 1000.0));
}

struct Sample
{
    std::map<std::string, std::string> labels;
    std::vector<std::pair<std::int64_t, std::optional<double>>> points; // (Unix ms, value)
};

// Prometheus' {"status":"error","errorType","error"} as an Api error.
Error prometheusErrorBody(const HttpResponse &response)
{
    try {
        const Json body = Json::parse(response.body);
        if (body.is_object() && textOf(body, "status") == "error" && body.contains("error") &&
            body["error"].is_string()) {
            Error error = Error::of(ErrorKind::Api, "Prometheus refused the query: " + textOf(body, "error"),
                                    textOf(body, "errorType"));
            return error;
        }
    } catch (const Json::exception &) {
    }
    return Error::of(ErrorKind::HttpStatus, "Prometheus answered HTTP " + std::to_string(response.status) +
                                                ": " + summarizeErrorBody(response.body));
}

Result<std::vector<Sample>> parseResult(const std::string &text, const std::string &expression)
{
    Json body;
    try {
        body = Json::parse(text);
    } catch (const Json::exception &) {
        return Error::parse("", "Prometheus answered with something that is not JSON for " + expression);
    }
    if (!body.is_object() || textOf(body, "status") != "success" || !body.contains("data") ||
        !body["data"].is_object())
        return Error::parse("status", "Prometheus did not answer \"success\" with data for " + expression);
    const Json &data = body["data"];
    const std::string type = textOf(data, "resultType");
    if (!data.contains("result") || !data["result"].is_array())
        return Error::parse("data.result", "Prometheus' answer has no result list for " + expression);
    std::vector<Sample> samples;
    for (const Json &item : data["result"]) {
        if (!item.is_object())
            return Error::parse("data.result[]", "a result of Prometheus is not an object");
        Sample sample;
        if (item.contains("metric") && item["metric"].is_object())
            for (const auto &[name, value] : item["metric"].items())
                if (value.is_string())
                    sample.labels[name] = value.get_ref<const std::string &>();
        if (type == "vector" && item.contains("value")) {
            if (const auto at = sampleTimeMs(item["value"]))
                sample.points.emplace_back(*at, sampleValue(item["value"]));
        } else if (type == "matrix" && item.contains("values") && item["values"].is_array()) {
            for (const Json &pair : item["values"])
                if (const auto at = sampleTimeMs(pair))
                    sample.points.emplace_back(*at, sampleValue(pair));
        } else if (type != "vector" && type != "matrix") {
            return Error::parse("data.resultType",
                                "Prometheus answered a " + type + ", not a vector or matrix");
        }
        samples.push_back(std::move(sample));
    }
    return samples;
}

std::string label(const Sample &sample, const std::string &name)
{
    const auto found = sample.labels.find(name);
    return found == sample.labels.end() ? std::string() : found->second;
}

// "2xx", "200", "5XX" -> a status StatusCounts::add understands; anything else: "other".
int statusOf(const std::string &value)
{
    if (!value.empty() && value[0] >= '1' && value[0] <= '5')
        return (value[0] - '0') * 100;
    return 0;
}

std::int64_t count(const std::optional<double> &value)
{
    return value && *value > 0 ? std::llround(*value) : 0;
}

} // namespace

std::vector<std::string> prometheusPresetNames()
{
    return {"haproxy", "kserve"};
}

Result<PrometheusQueries> prometheusPreset(const std::string &preset, const std::string &url)
{
    PrometheusQueries queries;
    queries.url = url;
    queries.preset = preset;
    if (preset == "haproxy") {
        // Per server (= deployment) of every backend: the split's and the one-deployment ones.
        queries.requests = "haproxy_server_http_responses_total{endpoint=\"$endpoint\"}";
        queries.deploymentLabel = "server";
        queries.statusLabel = "code";
        // HAProxy keeps the mean of the last 1024 requests, no histogram.
        queries.latencyKind = PrometheusLatency::Average;
        queries.latency =
            "haproxy_server_total_time_average_seconds{endpoint=\"$endpoint\",proxy=\"deployments\"}";
        queries.latencyUnitMs = 1000;
        return queries;
    }
    if (preset == "kserve") {
        // Knative's queue-proxy beside the model server: the InferenceService's predictor is the
        // Knative service <name>-predictor (-predictor-default before KServe 0.9); each canary
        // step is a revision.
        queries.requests = "revision_app_request_count{service_name=~\"$endpoint-predictor(-default)?\"}";
        queries.deploymentLabel = "revision_name";
        queries.statusLabel = "response_code_class";
        queries.latencyKind = PrometheusLatency::Histogram;
        queries.latency =
            "revision_app_request_latencies_bucket{service_name=~\"$endpoint-predictor(-default)?\"}";
        queries.latencyUnitMs = 1; // Knative reports milliseconds
        queries.scrapeIntervalSeconds = 30;
        return queries;
    }
    std::string known;
    for (const std::string &name : prometheusPresetNames())
        known += (known.empty() ? "" : ", ") + name;
    return Error::config("unknown Prometheus preset \"" + preset + "\"; there are: " + known);
}

Status validatePrometheusQueries(const PrometheusQueries &queries)
{
    if (queries.url.rfind("http://", 0) != 0 && queries.url.rfind("https://", 0) != 0)
        return Error::config("metrics.url: the Prometheus server must be an http:// or https:// URL, not \"" +
                             queries.url + "\"");
    if (!isSelector(queries.requests))
        return Error::config(
            "metrics.requests: a Prometheus selector such as name{label=\"value\"} is needed, "
            "not \"" +
            queries.requests + "\"");
    if (!isLabelName(queries.deploymentLabel))
        return Error::config("metrics.deployment_label: \"" + queries.deploymentLabel +
                             "\" is not a Prometheus label name");
    if (!isLabelName(queries.statusLabel))
        return Error::config("metrics.status_label: \"" + queries.statusLabel +
                             "\" is not a Prometheus label name");
    if (queries.latencyKind != PrometheusLatency::None && !isSelector(queries.latency))
        return Error::config("metrics.latency: a Prometheus selector is needed for " +
                             std::string(latencyKindName(queries.latencyKind)) + " latency, not \"" +
                             queries.latency + "\"");
    if (!(queries.latencyUnitMs > 0) || queries.latencyUnitMs > 1e6)
        return Error::config(
            "metrics.latency_unit_ms must be above 0 (1000 for seconds, 1 for milliseconds)");
    if (queries.scrapeIntervalSeconds < 1 || queries.scrapeIntervalSeconds > 3600)
        return Error::config("metrics.scrape_interval_seconds must be 1 to 3600");
    return success();
}

Result<std::optional<PrometheusQueries>> prometheusQueriesFromSettings(const std::string &settingsJson)
{
    if (settingsJson.empty())
        return std::optional<PrometheusQueries>();
    Json settings;
    try {
        settings = Json::parse(settingsJson);
    } catch (const Json::exception &) {
        return Error::parse("", "the endpoint's monitor settings are not JSON");
    }
    if (!settings.is_object() || !settings.contains("metrics") || settings["metrics"].is_null())
        return std::optional<PrometheusQueries>();
    const Json &metrics = settings["metrics"];
    if (!metrics.is_object())
        return Error::parse("metrics", "\"metrics\" must be an object");
    if (textOf(metrics, "source") != "prometheus")
        return Error::parse("metrics.source", "the only metrics source to choose is \"prometheus\"");
    PrometheusQueries queries;
    const auto text = [&](const char *key, std::string &into) -> Status {
        if (!metrics.contains(key))
            return success();
        if (!metrics[key].is_string())
            return Error::parse(std::string("metrics.") + key,
                                std::string("metrics.") + key + " must be a string");
        into = metrics[key].get_ref<const std::string &>();
        return success();
    };
    std::string kind = "none";
    for (const auto &[key, into] :
         std::vector<std::pair<const char *, std::string *>>{{"url", &queries.url},
                                                             {"preset", &queries.preset},
                                                             {"requests", &queries.requests},
                                                             {"deployment_label", &queries.deploymentLabel},
                                                             {"status_label", &queries.statusLabel},
                                                             {"latency_kind", &kind},
                                                             {"latency", &queries.latency}})
        if (Status read = text(key, *into); !read.ok())
            return read.error();
    if (kind == "histogram")
        queries.latencyKind = PrometheusLatency::Histogram;
    else if (kind == "average")
        queries.latencyKind = PrometheusLatency::Average;
    else if (kind == "none")
        queries.latencyKind = PrometheusLatency::None;
    else
        return Error::parse("metrics.latency_kind",
                            "metrics.latency_kind must be histogram, average or none");
    if (metrics.contains("latency_unit_ms")) {
        if (!metrics["latency_unit_ms"].is_number())
            return Error::parse("metrics.latency_unit_ms", "metrics.latency_unit_ms must be a number");
        queries.latencyUnitMs = metrics["latency_unit_ms"].get<double>();
    }
    if (metrics.contains("scrape_interval_seconds")) {
        if (!metrics["scrape_interval_seconds"].is_number_integer())
            return Error::parse("metrics.scrape_interval_seconds",
                                "metrics.scrape_interval_seconds must be a whole number");
        queries.scrapeIntervalSeconds = static_cast<int>(
            std::clamp<std::int64_t>(metrics["scrape_interval_seconds"].get<std::int64_t>(), -1, 100000));
    }
    if (Status valid = validatePrometheusQueries(queries); !valid.ok()) {
        Error error = valid.error();
        error.kind = ErrorKind::Parse;
        return error;
    }
    return std::optional<PrometheusQueries>(std::move(queries));
}

Result<std::string> withPrometheusQueries(const std::string &settingsJson,
                                          const std::optional<PrometheusQueries> &queries)
{
    Result<Json> stored = detail::monitorSettingsObject(settingsJson);
    if (!stored.ok())
        return stored.error();
    Json &settings = stored.value();
    if (!queries) {
        settings.erase("metrics");
    } else {
        if (Status valid = validatePrometheusQueries(*queries); !valid.ok())
            return valid.error();
        settings["metrics"] = Json::object({{"source", "prometheus"},
                                            {"url", queries->url},
                                            {"preset", queries->preset},
                                            {"requests", queries->requests},
                                            {"deployment_label", queries->deploymentLabel},
                                            {"status_label", queries->statusLabel},
                                            {"latency_kind", latencyKindName(queries->latencyKind)},
                                            {"latency", queries->latency},
                                            {"latency_unit_ms", queries->latencyUnitMs},
                                            {"scrape_interval_seconds", queries->scrapeIntervalSeconds}});
    }
    return detail::monitorSettingsText(settings);
}

std::vector<std::string> prometheusExpressions(const PrometheusQueries &queries, const std::string &endpoint,
                                               int windowSeconds)
{
    const Expressions expressions = expressionsFor(queries, endpoint, windowSeconds, windowSeconds);
    std::vector<std::string> out{expressions.countsOverWindow};
    if (!expressions.latencyOverWindow.empty())
        out.push_back(expressions.latencyOverWindow);
    out.push_back(expressions.newestScrape);
    return out;
}

PrometheusMetricsSource::PrometheusMetricsSource(PrometheusQueries queries,
                                                 std::shared_ptr<HttpTransport> transport)
    : m_queries(std::move(queries))
    , m_transport(std::move(transport))
{}

namespace {

class PrometheusApi
{
public:
    PrometheusApi(const std::string &url, HttpTransport *transport)
        : m_base(url.back() == '/' ? url.substr(0, url.size() - 1) : url)
        , m_transport(transport)
    {}

    Result<std::vector<Sample>> instant(const std::string &expression, std::int64_t atMs,
                                        const CancelToken &cancel) const
    {
        return get("/api/v1/query?query=" + urlEncode(expression) + "&time=" + unixSeconds(atMs), expression,
                   cancel);
    }

    Result<std::vector<Sample>> range(const std::string &expression, std::int64_t startMs, std::int64_t endMs,
                                      std::int64_t stepSeconds, const CancelToken &cancel) const
    {
        return get("/api/v1/query_range?query=" + urlEncode(expression) + "&start=" + unixSeconds(startMs) +
                       "&end=" + unixSeconds(endMs) + "&step=" + std::to_string(stepSeconds) + "s",
                   expression, cancel);
    }

private:
    Result<std::vector<Sample>> get(const std::string &pathAndQuery, const std::string &expression,
                                    const CancelToken &cancel) const
    {
        HttpRequest request;
        request.method = HttpMethod::Get;
        request.url = m_base + pathAndQuery;
        request.idempotent = true;
        RestCall call;
        call.transport = m_transport;
        call.mapError = prometheusErrorBody;
        Result<std::string> body = sendRestRequest(call, std::move(request), cancel);
        if (!body.ok())
            return body.error();
        return parseResult(body.value(), expression);
    }

    std::string m_base;
    HttpTransport *m_transport;
};

} // namespace

Result<MetricsReport> PrometheusMetricsSource::query(const MetricsQuery &query, const CancelToken &cancel)
{
    if (Status valid = validatePrometheusQueries(m_queries); !valid.ok())
        return valid.error();
    if (query.toMs <= query.fromMs)
        return Error::config("the metrics window ends before it begins");
    const PrometheusApi api(m_queries.url, m_transport.get());
    const std::int64_t stepSeconds =
        std::max<std::int64_t>((query.stepMs + 999) / 1000, m_queries.scrapeIntervalSeconds);
    const std::int64_t windowSeconds = std::max<std::int64_t>(1, (query.toMs - query.fromMs + 999) / 1000);
    const Expressions expressions = expressionsFor(m_queries, query.endpoint, windowSeconds, stepSeconds);

    MetricsReport report;
    report.endpoint = query.endpoint;
    report.source = kind();
    report.fromMs = query.fromMs;
    report.toMs = query.toMs;
    report.stepMs = stepSeconds * 1000;
    report.total.seconds = static_cast<double>(windowSeconds);

    Result<std::vector<Sample>> newest = api.instant(expressions.newestScrape, query.toMs, cancel);
    if (!newest.ok())
        return newest.error();
    report.dataUntilMs = 0; // Prometheus has no scrape of the endpoint in its lookback
    for (const Sample &sample : newest.value())
        for (const auto &[at, value] : sample.points)
            if (value)
                report.dataUntilMs =
                    std::max(*report.dataUntilMs, static_cast<std::int64_t>(*value * 1000.0));

    std::map<std::string, DeploymentMetrics> byName;
    const auto deployment = [&](const std::string &name) -> DeploymentMetrics & {
        DeploymentMetrics &item = byName[name];
        item.deployment = name;
        item.window.seconds = static_cast<double>(windowSeconds);
        if (!item.window.sourcePercentiles)
            item.window.sourcePercentiles.emplace(); // filled from the latency query, if any
        return item;
    };
    for (const std::string &name : query.expectedDeployments)
        deployment(name);

    Result<std::vector<Sample>> window = api.instant(expressions.countsOverWindow, query.toMs, cancel);
    if (!window.ok())
        return window.error();
    for (const Sample &sample : window.value())
        for (const auto &[at, value] : sample.points)
            deployment(label(sample, m_queries.deploymentLabel))
                .window.status.add(statusOf(label(sample, m_queries.statusLabel)), count(value));

    // Buckets end at toMs and go back a step at a time: a query every second gives a point
    // every second (each the rate over its step), and a back-fill gives whole steps.
    const std::int64_t stepMs = stepSeconds * 1000;
    const std::int64_t steps = std::max<std::int64_t>(1, (query.toMs - query.fromMs + stepMs - 1) / stepMs);
    const std::int64_t firstEndMs = query.toMs - (steps - 1) * stepMs;
    std::map<std::string, std::map<std::int64_t, MetricsBucket>> buckets;
    Result<std::vector<Sample>> perStep =
        api.range(expressions.countsPerStep, firstEndMs, query.toMs, stepSeconds, cancel);
    if (!perStep.ok())
        return perStep.error();
    for (const Sample &sample : perStep.value()) {
        const std::string name = label(sample, m_queries.deploymentLabel);
        deployment(name);
        for (const auto &[at, value] : sample.points) {
            MetricsBucket &bucket = buckets[name][at - stepMs];
            bucket.startMs = at - stepMs;
            bucket.status.add(statusOf(label(sample, m_queries.statusLabel)), count(value));
        }
    }

    if (m_queries.latencyKind != PrometheusLatency::None) {
        Result<std::vector<Sample>> latency = api.instant(expressions.latencyOverWindow, query.toMs, cancel);
        if (!latency.ok())
            return latency.error();
        for (const Sample &sample : latency.value()) {
            DeploymentMetrics &item = deployment(label(sample, m_queries.deploymentLabel));
            for (const auto &[at, value] : sample.points) {
                if (!value)
                    continue;
                const double ms = *value * m_queries.latencyUnitMs;
                if (m_queries.latencyKind == PrometheusLatency::Average) {
                    item.window.averageMs = ms;
                    item.window.sourcePercentiles.emplace(); // none: the exporter has averages only
                    continue;
                }
                LatencyPercentiles &percentiles = item.window.sourcePercentiles
                                                      ? *item.window.sourcePercentiles
                                                      : item.window.sourcePercentiles.emplace();
                const std::string q = label(sample, "mg_quantile");
                (q == "50" ? percentiles.p50 : q == "95" ? percentiles.p95 : percentiles.p99) = ms;
            }
        }
        if (m_queries.latencyKind == PrometheusLatency::Histogram) {
            Result<std::vector<Sample>> latencySteps =
                api.range(expressions.latencyPerStep, firstEndMs, query.toMs, stepSeconds, cancel);
            if (!latencySteps.ok())
                return latencySteps.error();
            for (const Sample &sample : latencySteps.value()) {
                const std::string name = label(sample, m_queries.deploymentLabel);
                const std::string q = label(sample, "mg_quantile");
                for (const auto &[at, value] : sample.points) {
                    if (!value)
                        continue;
                    MetricsBucket &bucket = buckets[name][at - stepMs];
                    bucket.startMs = at - stepMs;
                    (q == "50"   ? bucket.p50
                     : q == "95" ? bucket.p95
                                 : bucket.p99) = *value * m_queries.latencyUnitMs;
                }
            }
        }
    }

    // Every step up to the newest scrape, empty ones too (a deployment that answers nothing
    // is a finding); none after it: those steps have no data yet.
    const std::int64_t lastEndMs = std::min(query.toMs, *report.dataUntilMs + stepMs);
    for (auto &[name, item] : byName) {
        const auto &mine = buckets[name];
        for (std::int64_t end = firstEndMs; end <= lastEndMs; end += stepMs) {
            const auto found = mine.find(end - stepMs);
            MetricsBucket bucket = found == mine.end() ? MetricsBucket{} : found->second;
            bucket.startMs = end - stepMs;
            if (bucket.status.total() > 0)
                report.newestDataMs = std::max(report.newestDataMs.value_or(0), end);
            item.buckets.push_back(bucket);
        }
    }
    for (auto &[name, item] : byName) {
        if (name.empty())
            continue;
        report.total.merge(item.window);
        report.deployments.push_back(std::move(item));
    }
    if (const auto nobody = byName.find(kNoDeployment); nobody != byName.end()) {
        report.total.merge(nobody->second.window);
        report.deployments.push_back(std::move(nobody->second));
    }
    if (!report.newestDataMs && report.total.requests() > 0)
        report.newestDataMs = report.dataUntilMs;

    report.notes.push_back(
        "from Prometheus at " + m_queries.url +
        ": requests are counted by increase() over the window, which Prometheus extrapolates "
        "from its scrapes (every " +
        std::to_string(m_queries.scrapeIntervalSeconds) + " s): close, not exact");
    if (m_queries.latencyKind == PrometheusLatency::Histogram)
        report.notes.push_back("latency percentiles by histogram_quantile over the exporter's buckets: "
                               "interpolated within a bucket");
    else if (m_queries.latencyKind == PrometheusLatency::Average)
        report.notes.push_back(
            "the exporter has only average latencies (HAProxy's: the mean of its last 1024 "
            "requests): no percentiles, so p95/p99 rules get no verdict; the mean is shown");
    else
        report.notes.push_back("no latency metric is configured for this endpoint");
    if (*report.dataUntilMs == 0)
        report.notes.push_back("Prometheus has no recent scrape of " +
                               withEndpoint(m_queries.requests, query.endpoint));
    return report;
}

} // namespace modelgate
