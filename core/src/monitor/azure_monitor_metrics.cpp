#include "modelgate/core/monitor/azure_monitor_metrics.h"

#include "util/text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

namespace modelgate {

namespace {

using json = nlohmann::json;

constexpr std::int64_t kMinuteMs = 60'000;
// How far back every fetch reaches at least: far enough to see the newest ingested minute
// behind Azure's usual ingestion delay of a few minutes, so that a short window whose
// minutes are not published yet is reported as stale rather than as without data.
constexpr std::int64_t kLookbackMs = 15 * kMinuteMs;
// Resources are "now": the newest minute of the last ten.
constexpr std::int64_t kResourceSpanMs = 10 * kMinuteMs;
// Azure keeps metrics 93 days; a cached span never grows beyond a month.
constexpr std::int64_t kMaxSpanMs = 31LL * 24 * 60 * kMinuteMs;
constexpr int kTopSeries = 100;

constexpr std::array<const char *, 3> kLatencyMetrics{"RequestLatency_P50", "RequestLatency_P95",
                                                      "RequestLatency_P99"};

// Azure's documentation and its responses differ in case ("timeStamp", "MilliSeconds"):
// every name is compared case-insensitively.
const json *member(const json &object, const std::string &key)
{
    if (!object.is_object())
        return nullptr;
    if (const auto exact = object.find(key); exact != object.end())
        return &*exact;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (text::equalsIgnoringCase(it.key(), key))
            return &it.value();
    return nullptr;
}

// A LocalizableString ({"value", "localizedValue"}), or a plain string where a response has one.
std::string nameOf(const json *name)
{
    if (!name)
        return {};
    if (name->is_string())
        return name->get<std::string>();
    const json *value = member(*name, "value");
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::string stringOf(const json &object, const std::string &key)
{
    const json *value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::int64_t floorTo(std::int64_t ms, std::int64_t step)
{
    const std::int64_t q = ms / step;
    return (ms % step != 0 && ms < 0 ? q - 1 : q) * step;
}

std::int64_t ceilTo(std::int64_t ms, std::int64_t step)
{
    const std::int64_t floor = floorTo(ms, step);
    return floor == ms ? ms : floor + step;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool readDigits(const std::string &text, std::size_t &at, std::size_t count, int &out)
{
    if (at + count > text.size())
        return false;
    out = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[at + i];
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    at += count;
    return true;
}

bool expect(const std::string &text, std::size_t &at, char c)
{
    if (at >= text.size() || (text[at] != c && !(c == 'T' && (text[at] == 't' || text[at] == ' '))))
        return false;
    ++at;
    return true;
}

Error parseError(const std::string &field, const std::string &message)
{
    return Error::parse(field, "Azure Monitor's metrics: " + message);
}

Result<std::vector<std::pair<std::int64_t, std::optional<double>>>>
pointsOf(const json &data, const std::string &aggregation, const std::string &path)
{
    std::vector<std::pair<std::int64_t, std::optional<double>>> points;
    if (data.is_null())
        return points;
    if (!data.is_array())
        return parseError(path, "data is not an array");
    for (std::size_t i = 0; i < data.size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        const json &point = data[i];
        if (!point.is_object())
            return parseError(at, "a data point that is not an object");
        const std::string stamp = stringOf(point, "timeStamp");
        const auto ms = parseAzureTimestamp(stamp);
        if (!ms)
            return parseError(at + ".timeStamp", "a data point without a readable timeStamp");
        std::optional<double> value;
        if (const json *figure = member(point, aggregation); figure && !figure->is_null()) {
            if (!figure->is_number())
                return parseError(at + "." + aggregation, "an aggregate that is not a number");
            value = figure->get<double>();
            if (!std::isfinite(*value))
                return parseError(at + "." + aggregation, "an aggregate that is not a finite number");
        }
        points.emplace_back(*ms, value);
    }
    std::stable_sort(points.begin(), points.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    return points;
}

Result<std::map<std::string, std::string>> dimensionsOf(const json *metadata, const std::string &path)
{
    std::map<std::string, std::string> dimensions;
    if (!metadata || metadata->is_null())
        return dimensions;
    if (!metadata->is_array())
        return parseError(path, "metadatavalues is not an array");
    for (std::size_t i = 0; i < metadata->size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        const json &entry = (*metadata)[i];
        if (!entry.is_object())
            return parseError(at, "a dimension that is not an object");
        const std::string name = text::asciiLower(nameOf(member(entry, "name")));
        if (name.empty())
            return parseError(at + ".name", "a dimension without a name");
        const json *value = member(entry, "value");
        if (!value || value->is_null())
            dimensions[name] = "";
        else if (value->is_string())
            dimensions[name] = value->get<std::string>();
        else if (value->is_number() || value->is_boolean())
            dimensions[name] = value->dump();
        else
            return parseError(at + ".value", "a dimension value that is not a string");
    }
    return dimensions;
}

Result<std::vector<AzureMetricSeries>> parseMetrics(const std::string &body, const std::string &aggregation)
{
    const json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded())
        return parseError("", "the answer is not JSON: " + text::cappedLine(body, 120));
    if (!parsed.is_object())
        return parseError("", "the answer is not a JSON object");
    const json *value = member(parsed, "value");
    if (!value || !value->is_array())
        return parseError("value", "the answer has no value array");
    std::vector<AzureMetricSeries> out;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const std::string path = "value[" + std::to_string(i) + "]";
        const json &item = (*value)[i];
        if (!item.is_object())
            return parseError(path, "a metric that is not an object");
        const std::string metric = nameOf(member(item, "name"));
        if (metric.empty())
            return parseError(path + ".name", "a metric without a name");
        if (const json *code = member(item, "errorCode"); code && code->is_string()) {
            const std::string errorCode = code->get<std::string>();
            if (!text::equalsIgnoringCase(errorCode, "Success")) {
                const std::string message = stringOf(item, "errorMessage");
                return Error::of(
                    ErrorKind::Api,
                    "Azure Monitor has no figures of metric " + metric + ": " + errorCode +
                        (message.empty() ? std::string() : " (" + text::cappedLine(message) + ")"),
                    errorCode);
            }
        }
        const std::string unit = stringOf(item, "unit");
        const json *timeseries = member(item, "timeseries");
        if (!timeseries || timeseries->is_null())
            continue;
        if (!timeseries->is_array())
            return parseError(path + ".timeseries", "timeseries of " + metric + " is not an array");
        for (std::size_t j = 0; j < timeseries->size(); ++j) {
            const std::string at = path + ".timeseries[" + std::to_string(j) + "]";
            const json &one = (*timeseries)[j];
            if (!one.is_object())
                return parseError(at, "a time series of " + metric + " that is not an object");
            auto dimensions = dimensionsOf(member(one, "metadatavalues"), at + ".metadatavalues");
            if (!dimensions.ok())
                return dimensions.error();
            const json *data = member(one, "data");
            auto points = pointsOf(data ? *data : json(), aggregation, at + ".data");
            if (!points.ok())
                return points.error();
            out.push_back({metric, unit, std::move(dimensions).value(), std::move(points).value()});
        }
    }
    return out;
}

// One minute of one deployment.
struct Minute
{
    StatusCounts status;
    std::array<std::optional<double>, 3> percentiles; // p50, p95, p99
};

// Percentiles of several minutes, each weighed by its requests: Azure has none over more than
// a minute, and a minute with many requests says more than one with a single request.
struct WeightedPercentiles
{
    std::array<double, 3> sum{};
    std::array<double, 3> weight{};

    void add(const Minute &minute)
    {
        const auto requests = static_cast<double>(minute.status.total());
        for (std::size_t i = 0; i < 3; ++i)
            if (minute.percentiles[i] && requests > 0) {
                sum[i] += *minute.percentiles[i] * requests;
                weight[i] += requests;
            }
    }
    std::optional<double> value(std::size_t i) const
    {
        return weight[i] > 0 ? std::optional<double>(sum[i] / weight[i]) : std::nullopt;
    }
    bool any() const { return weight[0] > 0 || weight[1] > 0 || weight[2] > 0; }
};

void addClass(StatusCounts &status, const std::string &statusClass, std::int64_t count)
{
    const std::string lower = text::asciiLower(statusClass);
    if (lower == "2xx")
        status.ok2xx += count;
    else if (lower == "4xx")
        status.client4xx += count;
    else if (lower == "5xx")
        status.server5xx += count;
    else
        status.other += count;
}

std::string dimension(const AzureMetricSeries &series, const std::string &name)
{
    const auto found = series.dimensions.find(name);
    return found == series.dimensions.end() ? std::string() : found->second;
}

std::optional<double> newestValue(const AzureMetricSeries &series)
{
    for (auto it = series.points.rbegin(); it != series.points.rend(); ++it)
        if (it->second)
            return it->second;
    return std::nullopt;
}

} // namespace

std::string azureTimestamp(std::int64_t unixMs)
{
    const std::time_t seconds = static_cast<std::time_t>(floorTo(unixMs, 1000) / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::optional<std::int64_t> parseAzureTimestamp(const std::string &raw)
{
    const std::string text = modelgate::text::trimmed(raw);
    std::size_t at = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(text, at, 4, year) || !expect(text, at, '-') || !readDigits(text, at, 2, month) ||
        !expect(text, at, '-') || !readDigits(text, at, 2, day) || !expect(text, at, 'T') ||
        !readDigits(text, at, 2, hour) || !expect(text, at, ':') || !readDigits(text, at, 2, minute))
        return std::nullopt;
    if (at < text.size() && text[at] == ':') {
        ++at;
        if (!readDigits(text, at, 2, second))
            return std::nullopt;
    }
    std::int64_t millis = 0;
    if (at < text.size() && text[at] == '.') {
        ++at;
        int scale = 100;
        const std::size_t start = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            millis += (text[at] - '0') * scale;
            scale /= 10;
            ++at;
        }
        if (at == start)
            return std::nullopt;
    }
    std::int64_t offsetMinutes = 0;
    if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
        ++at;
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        const int sign = text[at] == '-' ? -1 : 1;
        ++at;
        int hours = 0, minutes = 0;
        if (!readDigits(text, at, 2, hours))
            return std::nullopt;
        if (at < text.size() && text[at] == ':')
            ++at;
        if (!readDigits(text, at, 2, minutes))
            return std::nullopt;
        offsetMinutes = sign * (hours * 60 + minutes);
    }
    if (at != text.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
        second > 60)
        return std::nullopt;
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    return seconds * 1000 + millis;
}

Result<std::vector<AzureMetricSeries>> parseAzureMetricsResponse(const std::string &body,
                                                                 const std::string &aggregation)
{
    try {
        return parseMetrics(body, text::asciiLower(aggregation));
    } catch (const std::exception &error) {
        // A value of an unexpected type that a check above let through: still only a Parse error.
        return parseError("", std::string("an unreadable answer: ") + error.what());
    }
}

namespace {

// What one round of calls fetched for an endpoint, over [fromMs, toMs).
struct EndpointFetch
{
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
    std::chrono::steady_clock::time_point at;
    std::vector<AzureMetricSeries> requests;
    std::vector<AzureMetricSeries> latency;
    std::vector<AzureMetricSeries> connections;
};

} // namespace

struct AzureMonitorMetricsSource::Impl
{
    using Fetch = EndpointFetch;
    struct Resources
    {
        std::chrono::steady_clock::time_point at;
        std::optional<ResourceUsage> usage;
    };
    // One endpoint's figures; its mutex lets one query at a time fetch them, so queries that
    // come together (the console and the SLO watcher) make one set of calls.
    struct Cache
    {
        std::mutex mutex;
        std::optional<Fetch> fetch;
        std::map<std::string, Resources> resources;
    };

    std::shared_ptr<const ArmClient> arm;
    Options options;
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<Cache>> caches;

    std::shared_ptr<Cache> cacheOf(const std::string &endpoint)
    {
        std::lock_guard lock(mutex);
        auto &cache = caches[endpoint];
        if (!cache)
            cache = std::make_shared<Cache>();
        return cache;
    }

    bool young(std::chrono::steady_clock::time_point at) const
    {
        return std::chrono::steady_clock::now() - at < options.refresh;
    }

    Result<std::vector<AzureMetricSeries>> call(const std::string &resource,
                                                std::vector<std::pair<std::string, std::string>> parameters,
                                                const std::string &aggregation, std::int64_t fromMs,
                                                std::int64_t toMs, const CancelToken &cancel) const
    {
        parameters.emplace_back("timespan", azureTimestamp(fromMs) + "/" + azureTimestamp(toMs));
        parameters.emplace_back("interval", "PT1M");
        parameters.emplace_back("aggregation", aggregation);
        auto body = arm->metrics(resource, parameters, cancel);
        if (!body.ok())
            return body.error();
        return parseAzureMetricsResponse(body.value(), aggregation);
    }

    Result<Fetch> fetchEndpoint(const std::string &endpoint, std::int64_t fromMs, std::int64_t toMs,
                                const CancelToken &cancel) const
    {
        const std::string resource = "onlineEndpoints/" + endpoint;
        const std::string top = std::to_string(kTopSeries);
        Fetch fetch;
        fetch.fromMs = fromMs;
        fetch.toMs = toMs;
        fetch.at = std::chrono::steady_clock::now();
        // Metrics split by different dimensions need calls of their own: Azure refuses a
        // $filter on a dimension that one of the metrics lacks.
        auto requests = call(resource,
                             {{"metricnames", "RequestsPerMinute"},
                              {"$filter", "deployment eq '*' and statusCodeClass eq '*'"},
                              {"top", top}},
                             "Total", fromMs, toMs, cancel);
        if (!requests.ok()) {
            // Only ARM's own 404 (ResourceNotFound) says the endpoint is unknown; a 404 page
            // without ARM's error body is a wrong URL or a proxy, and is reported as it is.
            if (requests.error().httpStatus == 404 && requests.error().kind == ErrorKind::Api)
                return Error::config("unknown endpoint " + endpoint);
            return requests.error();
        }
        fetch.requests = std::move(requests).value();
        auto latency = call(resource,
                            {{"metricnames", "RequestLatency_P50,RequestLatency_P95,RequestLatency_P99"},
                             {"$filter", "deployment eq '*'"},
                             {"top", top}},
                            "Average", fromMs, toMs, cancel);
        if (!latency.ok())
            return latency.error();
        fetch.latency = std::move(latency).value();
        auto connections =
            call(resource, {{"metricnames", "ConnectionsActive"}}, "Average", fromMs, toMs, cancel);
        if (!connections.ok())
            return connections.error();
        fetch.connections = std::move(connections).value();
        return fetch;
    }

    Result<std::optional<ResourceUsage>> fetchResources(const std::string &endpoint,
                                                        const std::string &deployment,
                                                        const CancelToken &cancel) const
    {
        const std::int64_t now = unixMillisNow();
        auto series =
            call("onlineEndpoints/" + endpoint + "/deployments/" + deployment,
                 {{"metricnames", "CpuUtilizationPercentage,CpuMemoryUtilizationPercentage,"
                                  "DeploymentCapacity"}},
                 "Average", floorTo(now, kMinuteMs) - kResourceSpanMs, ceilTo(now + 1, kMinuteMs), cancel);
        if (!series.ok()) {
            // A deployment that is gone (or not there yet) has no resources, not an error.
            if (series.error().httpStatus == 404)
                return std::optional<ResourceUsage>();
            return series.error();
        }
        std::optional<double> cpu, memory, capacity;
        for (const AzureMetricSeries &one : series.value()) {
            const std::optional<double> newest = newestValue(one);
            if (!newest)
                continue;
            if (text::equalsIgnoringCase(one.metric, "CpuUtilizationPercentage"))
                cpu = newest;
            else if (text::equalsIgnoringCase(one.metric, "CpuMemoryUtilizationPercentage"))
                memory = newest;
            else if (text::equalsIgnoringCase(one.metric, "DeploymentCapacity"))
                capacity = newest;
        }
        if (!cpu && !memory && !capacity)
            return std::optional<ResourceUsage>();
        ResourceUsage usage;
        usage.cpuPercent = cpu.value_or(0);
        usage.memoryBytes = 0;
        usage.memoryPercent = memory;
        usage.instances = capacity ? static_cast<int>(std::llround(*capacity)) : -1;
        return std::optional<ResourceUsage>(usage);
    }
};

namespace {

MetricsReport buildReport(const MetricsQuery &query, std::int64_t stepMs, const EndpointFetch &fetch,
                          const std::map<std::string, std::optional<ResourceUsage>> &resources)
{
    MetricsReport report;
    report.endpoint = query.endpoint;
    report.source = "azure-monitor";
    report.fromMs = query.fromMs;
    report.toMs = query.toMs;
    report.stepMs = stepMs;
    report.total.seconds = static_cast<double>(query.toMs - query.fromMs) / 1000.0;

    std::map<std::string, std::map<std::int64_t, Minute>> minutes;
    std::optional<std::int64_t> newestIngested;
    std::optional<std::int64_t> newestRequests;
    const auto ingested = [&](std::int64_t minute) {
        newestIngested = std::max(newestIngested.value_or(minute), minute);
    };
    for (const AzureMetricSeries &series : fetch.requests) {
        if (!text::equalsIgnoringCase(series.metric, "RequestsPerMinute"))
            continue;
        const std::string deployment = dimension(series, "deployment");
        const std::string statusClass = dimension(series, "statuscodeclass");
        for (const auto &[at, value] : series.points) {
            if (!value)
                continue;
            ingested(at);
            const std::int64_t count = std::llround(std::max(0.0, *value));
            if (count == 0)
                continue;
            addClass(minutes[deployment][at].status, statusClass, count);
            newestRequests = std::max(newestRequests.value_or(at), at);
        }
    }
    for (const AzureMetricSeries &series : fetch.latency) {
        std::size_t index = kLatencyMetrics.size();
        for (std::size_t i = 0; i < kLatencyMetrics.size(); ++i)
            if (text::equalsIgnoringCase(series.metric, kLatencyMetrics[i]))
                index = i;
        if (index == kLatencyMetrics.size())
            continue;
        const std::string deployment = dimension(series, "deployment");
        for (const auto &[at, value] : series.points) {
            if (!value)
                continue;
            ingested(at);
            minutes[deployment][at].percentiles[index] = value;
        }
    }
    std::optional<std::pair<std::int64_t, double>> connections;
    for (const AzureMetricSeries &series : fetch.connections) {
        if (!text::equalsIgnoringCase(series.metric, "ConnectionsActive"))
            continue;
        for (const auto &[at, value] : series.points) {
            if (!value)
                continue;
            ingested(at);
            if (at < query.toMs && (!connections || at >= connections->first))
                connections = std::make_pair(at, *value);
        }
    }
    // 0 when nothing is published: a source with a delay that has nothing is stale, not idle.
    report.dataUntilMs = newestIngested ? *newestIngested + kMinuteMs : 0;
    if (newestRequests)
        report.newestDataMs = *newestRequests + kMinuteMs;
    if (connections)
        report.activeConnections = connections->second;

    std::set<std::string> names(query.expectedDeployments.begin(), query.expectedDeployments.end());
    const std::int64_t windowFirstMinute = floorTo(query.fromMs, kMinuteMs);
    for (const auto &[deployment, perMinute] : minutes)
        for (auto it = perMinute.lower_bound(windowFirstMinute);
             it != perMinute.end() && it->first < query.toMs; ++it)
            if (it->second.status.total() > 0)
                names.insert(deployment);

    // Buckets end where the ingested data ends: a minute Azure has not published yet is
    // unknown, not idle, and a later query fills it in.
    const std::int64_t firstBucket = floorTo(query.fromMs, stepMs);
    const std::int64_t bucketsEnd =
        std::min(query.toMs, *report.dataUntilMs > 0 ? *report.dataUntilMs : firstBucket);
    for (const std::string &name : names) {
        DeploymentMetrics metrics;
        metrics.deployment = name;
        metrics.window.seconds = report.total.seconds;
        static const std::map<std::int64_t, Minute> kNone;
        const auto found = minutes.find(name);
        const std::map<std::int64_t, Minute> &perMinute = found == minutes.end() ? kNone : found->second;
        WeightedPercentiles window;
        for (auto it = perMinute.lower_bound(windowFirstMinute);
             it != perMinute.end() && it->first < query.toMs; ++it) {
            metrics.window.status.merge(it->second.status);
            window.add(it->second);
        }
        if (window.any())
            metrics.window.sourcePercentiles =
                LatencyPercentiles{window.value(0), window.value(1), window.value(2)};
        for (std::int64_t start = firstBucket; start < bucketsEnd; start += stepMs) {
            MetricsBucket bucket;
            bucket.startMs = start;
            WeightedPercentiles step;
            for (auto it = perMinute.lower_bound(start); it != perMinute.end() && it->first < start + stepMs;
                 ++it) {
                bucket.status.merge(it->second.status);
                step.add(it->second);
            }
            bucket.p50 = step.value(0);
            bucket.p95 = step.value(1);
            bucket.p99 = step.value(2);
            metrics.buckets.push_back(std::move(bucket));
        }
        if (const auto usage = resources.find(name); usage != resources.end())
            metrics.resources = usage->second;
        report.total.merge(metrics.window);
        report.deployments.push_back(std::move(metrics));
    }
    std::stable_partition(report.deployments.begin(), report.deployments.end(),
                          [](const DeploymentMetrics &item) { return item.deployment != kNoDeployment; });

    report.notes.push_back(
        "from Azure Monitor: one-minute figures, published after an ingestion delay of "
        "usually a few minutes; minutes not published yet are left out, not counted as idle");
    report.notes.push_back(
        "requests are counted per status class (2xx, 4xx, 5xx, other) from RequestsPerMinute");
    report.notes.push_back("Azure publishes latency percentiles per minute only "
                           "(RequestLatency_P50/P95/P99), none over a longer "
                           "span: a window's or a step's percentile is the request-weighted mean of its "
                           "minutes' percentiles, an "
                           "approximation");
    if (stepMs != query.stepMs)
        report.notes.push_back("the step is " + describeWindow(static_cast<int>(stepMs / 1000)) +
                               ": Azure Monitor's finest grain is one minute");
    if (*report.dataUntilMs == 0)
        report.notes.push_back("Azure Monitor has published no figures for this endpoint since " +
                               azureTimestamp(fetch.fromMs));
    else if (*report.dataUntilMs < query.toMs)
        report.notes.push_back("the published figures end at " + azureTimestamp(*report.dataUntilMs));
    if (!resources.empty())
        report.notes.push_back("CPU and memory are in percent of one instance, from the deployment's newest "
                               "published minute; instances from DeploymentCapacity");
    return report;
}

} // namespace

AzureMonitorMetricsSource::AzureMonitorMetricsSource(std::shared_ptr<const ArmClient> arm, Options options)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->arm = std::move(arm);
    m_impl->options = options;
}

AzureMonitorMetricsSource::~AzureMonitorMetricsSource() = default;

Result<MetricsReport> AzureMonitorMetricsSource::query(const MetricsQuery &query, const CancelToken &cancel)
{
    if (!m_impl->arm)
        return Error::config("the Azure Monitor metrics source has no ARM client");
    if (query.endpoint.empty())
        return Error::config("a metrics query needs an endpoint");
    if (query.stepMs <= 0 || query.toMs < query.fromMs)
        return Error::config(
            "a metrics query needs a step above 0 and a window that does not end before it starts");
    const std::int64_t stepMs = std::max(ceilTo(query.stepMs, kMinuteMs), kMinuteMs);
    if ((query.toMs - query.fromMs) / stepMs > 200000)
        return Error::config("a metrics query of more than 200000 steps: choose a longer step");
    if (cancel.isCancelled())
        return Error::cancelled();

    try {
        const std::shared_ptr<Impl::Cache> cache = m_impl->cacheOf(query.endpoint);
        std::lock_guard lock(cache->mutex);
        const std::int64_t firstBucket = floorTo(query.fromMs, stepMs);
        const bool fresh = cache->fetch && m_impl->young(cache->fetch->at);
        if (!fresh || cache->fetch->fromMs > firstBucket || cache->fetch->toMs < query.toMs) {
            // One minute beyond the window: a query a moment later still lies inside.
            std::int64_t fromMs = std::min(firstBucket, floorTo(query.toMs, kMinuteMs) - kLookbackMs);
            std::int64_t toMs = ceilTo(query.toMs, kMinuteMs) + kMinuteMs;
            if (fresh &&
                std::max(toMs, cache->fetch->toMs) - std::min(fromMs, cache->fetch->fromMs) <= kMaxSpanMs) {
                fromMs = std::min(fromMs, cache->fetch->fromMs);
                toMs = std::max(toMs, cache->fetch->toMs);
            }
            auto fetched = m_impl->fetchEndpoint(query.endpoint, fromMs, toMs, cancel);
            if (!fetched.ok())
                return fetched.error();
            cache->fetch = std::move(fetched).value();
        }
        std::map<std::string, std::optional<ResourceUsage>> resources;
        if (query.withResources) {
            for (const std::string &deployment : query.expectedDeployments) {
                const auto cached = cache->resources.find(deployment);
                if (cached != cache->resources.end() && m_impl->young(cached->second.at)) {
                    resources[deployment] = cached->second.usage;
                    continue;
                }
                const auto at = std::chrono::steady_clock::now();
                auto usage = m_impl->fetchResources(query.endpoint, deployment, cancel);
                if (!usage.ok())
                    return usage.error();
                cache->resources[deployment] = {at, usage.value()};
                resources[deployment] = usage.value();
            }
        }
        return buildReport(query, stepMs, *cache->fetch, resources);
    } catch (const std::exception &error) {
        return Error::of(ErrorKind::Parse,
                         std::string("Azure Monitor's metrics could not be read: ") + error.what());
    }
}

} // namespace modelgate
