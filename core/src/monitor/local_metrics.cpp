#include "modelgate/core/monitor/local_metrics.h"

#include "modelgate/core/deploy/local_target.h"

#include <algorithm>
#include <chrono>
#include <dirent.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace modelgate {

namespace {

constexpr std::int64_t kKeepSeconds = 25 * 3600; // the console's longest window, and some

struct SecondBucket
{
    StatusCounts status;
    LatencyHistogram latency;
};

// What has been read of one endpoint's request log, aggregated per second of completion.
struct EndpointLog
{
    // Request log files (one per HAProxy process, named so that they sort by time) -> how far
    // each has been read and the line it ends in, if not yet ended.
    std::map<std::string, std::pair<std::int64_t, std::string>> files;
    std::map<std::int64_t, std::map<std::string, SecondBucket>> seconds;
    std::optional<std::int64_t> newestMs;
    std::optional<std::int64_t> oldestMs;
    bool pruned = false; // a file was deleted (or seconds dropped) before it could be counted
    // CPU: the last sample of each deployment's tree (ticks, steady time).
    std::map<std::string, std::pair<long long, std::chrono::steady_clock::time_point>> lastCpu;
};

struct TreeSample
{
    long long ticks = 0;
    std::int64_t rssBytes = 0;
    int processes = 0;
};

// Sums utime + stime and RSS over every process of `session` (the scoring server's whole tree:
// it runs in its own session, and its workers inherit it).
TreeSample sampleSession(int session)
{
    TreeSample sample;
    DIR *proc = opendir("/proc");
    if (!proc)
        return sample;
    static const long pageSize = sysconf(_SC_PAGESIZE);
    while (const dirent *entry = readdir(proc)) {
        const char *name = entry->d_name;
        if (name[0] < '0' || name[0] > '9')
            continue;
        std::ifstream file(std::string("/proc/") + name + "/stat");
        std::string text;
        if (!file || !std::getline(file, text))
            continue;
        // The command name is in parentheses and may hold spaces: fields start after the last ')'.
        const std::size_t close = text.rfind(')');
        if (close == std::string::npos)
            continue;
        std::istringstream fields(text.substr(close + 2));
        std::vector<std::string> values;
        std::string value;
        while (fields >> value && values.size() < 22)
            values.push_back(value);
        if (values.size() < 22)
            continue;
        // values[0] is field 3 (state): session is field 6, utime 14, stime 15, rss 24.
        try {
            if (std::stoi(values[3]) != session)
                continue;
            sample.ticks += std::stoll(values[11]) + std::stoll(values[12]);
            sample.rssBytes += std::stoll(values[21]) * pageSize;
            ++sample.processes;
        } catch (const std::exception &) {
            continue;
        }
    }
    closedir(proc);
    return sample;
}

std::string deploymentOf(const RequestLogLine &line)
{
    if (line.server.empty() || line.server.front() == '<') // <NOSRV>
        return kNoDeployment;
    return line.server;
}

} // namespace

struct LocalMetricsSource::Impl
{
    const LocalTarget &target;
    std::mutex mutex;
    std::map<std::string, EndpointLog> logs;

    explicit Impl(const LocalTarget &t)
        : target(t)
    {}

    void addLine(EndpointLog &log, std::string_view text)
    {
        const std::optional<RequestLogLine> line = parseRequestLogLine(text);
        if (!line)
            return;
        // A request counts when it ends: HAProxy logs it then, so a live reader sees each
        // request once, in order, and a hanging deployment shows as silence, not as old data.
        const std::int64_t doneMs = line->timeMs + std::max(line->totalMs, 0);
        SecondBucket &bucket = log.seconds[doneMs / 1000][deploymentOf(*line)];
        bucket.status.add(line->status);
        if (line->responseMs >= 0 && line->totalMs >= 0)
            bucket.latency.add(line->totalMs);
        if (!log.newestMs || doneMs > *log.newestMs)
            log.newestMs = doneMs;
        if (!log.oldestMs || doneMs < *log.oldestMs)
            log.oldestMs = doneMs;
    }

    // Reads `path` from `from` to its end, feeding complete lines (`partial` carries a line not
    // yet ended); returns the end offset.
    std::int64_t readFrom(EndpointLog &log, const std::string &path, std::int64_t from, std::string &partial,
                          const CancelToken &cancel)
    {
        std::ifstream file(path, std::ios::binary);
        if (!file)
            return from;
        file.seekg(from);
        std::string chunk(1 << 16, '\0');
        std::int64_t offset = from;
        while (!cancel.isCancelled()) {
            file.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            const std::streamsize got = file.gcount();
            if (got <= 0)
                break;
            offset += got;
            partial.append(chunk.data(), static_cast<std::size_t>(got));
            std::size_t start = 0;
            for (std::size_t end; (end = partial.find('\n', start)) != std::string::npos; start = end + 1)
                addLine(log, std::string_view(partial).substr(start, end - start));
            partial.erase(0, start);
            if (partial.size() > 4096) // not a log line: never let it grow
                partial.clear();
        }
        return offset;
    }

    void catchUp(const std::string &endpoint, EndpointLog &log, const CancelToken &cancel)
    {
        const std::filesystem::path dir = target.requestLogDir(endpoint);
        std::error_code failed;
        std::set<std::string> present;
        for (const auto &entry : std::filesystem::directory_iterator(dir, failed))
            if (entry.path().extension() == ".log")
                present.insert(entry.path().filename().string());
        // Files are written by one HAProxy process each and only appended to: read each from
        // where we left it; a file gone was pruned (oldest first).
        for (auto it = log.files.begin(); it != log.files.end();)
            if (!present.count(it->first)) {
                it = log.files.erase(it);
                log.pruned = true;
            } else {
                ++it;
            }
        for (const std::string &name : present) {
            auto &[offset, partial] = log.files[name];
            offset = readFrom(log, (dir / name).string(), offset, partial, cancel);
        }
        const std::int64_t oldestKept = (unixMillisNow() / 1000) - kKeepSeconds;
        if (!log.seconds.empty() && log.seconds.begin()->first < oldestKept) {
            log.seconds.erase(log.seconds.begin(), log.seconds.lower_bound(oldestKept));
            log.pruned = true;
        }
        if (!log.seconds.empty())
            log.oldestMs = log.seconds.begin()->first * 1000;
    }

    std::map<std::string, ResourceUsage> resources(const std::string &endpoint, EndpointLog &log)
    {
        std::map<std::string, ResourceUsage> out;
        Result<std::map<std::string, int>> sessions = target.deploymentSessions(endpoint);
        if (!sessions.ok())
            return out;
        static const double ticksPerSecond = static_cast<double>(sysconf(_SC_CLK_TCK));
        const auto sampleAll = [&] {
            std::map<std::string, TreeSample> samples;
            for (const auto &[deployment, session] : sessions.value())
                samples[deployment] = sampleSession(session);
            return samples;
        };
        if (log.lastCpu.empty()) {
            const auto now = std::chrono::steady_clock::now();
            for (const auto &[deployment, sample] : sampleAll())
                log.lastCpu[deployment] = {sample.ticks, now};
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        const auto now = std::chrono::steady_clock::now();
        const auto load = target.serverLoad(endpoint);
        for (const auto &[deployment, sample] : sampleAll()) {
            ResourceUsage usage;
            if (load.ok())
                if (const auto found = load.value().find(deployment); found != load.value().end()) {
                    usage.connections = found->second.connections;
                    usage.queued = found->second.queued;
                }
            usage.memoryBytes = sample.rssBytes;
            usage.processes = sample.processes;
            const auto last = log.lastCpu.find(deployment);
            if (last != log.lastCpu.end()) {
                const double seconds = std::chrono::duration<double>(now - last->second.second).count();
                const long long ticks = std::max(0LL, sample.ticks - last->second.first);
                if (seconds > 0)
                    usage.cpuPercent = 100.0 * static_cast<double>(ticks) / ticksPerSecond / seconds;
            }
            log.lastCpu[deployment] = {sample.ticks, now};
            out[deployment] = usage;
        }
        return out;
    }
};

LocalMetricsSource::LocalMetricsSource(const LocalTarget &target)
    : m_impl(std::make_unique<Impl>(target))
{}

LocalMetricsSource::~LocalMetricsSource() = default;

Result<MetricsReport> LocalMetricsSource::query(const MetricsQuery &query, const CancelToken &cancel)
{
    if (query.stepMs <= 0 || query.toMs < query.fromMs)
        return Error::config(
            "a metrics query needs a step above 0 and a window that does not end before it starts");
    if ((query.toMs - query.fromMs) / query.stepMs > 200000)
        return Error::config("a metrics query of more than 200000 steps: choose a longer step");
    Result<std::map<std::string, int>> sessions = m_impl->target.deploymentSessions(query.endpoint);
    if (!sessions.ok())
        return sessions.error();

    std::lock_guard lock(m_impl->mutex);
    EndpointLog &log = m_impl->logs[query.endpoint];
    m_impl->catchUp(query.endpoint, log, cancel);
    if (cancel.isCancelled())
        return Error::cancelled();

    MetricsReport report;
    report.endpoint = query.endpoint;
    report.source = kind();
    report.fromMs = query.fromMs;
    report.toMs = query.toMs;
    report.stepMs = query.stepMs;
    report.newestDataMs = log.newestMs;
    report.dataUntilMs = std::min(query.toMs, unixMillisNow()); // the log is current
    report.total.seconds = static_cast<double>(query.toMs - query.fromMs) / 1000.0;
    report.notes.push_back("from HAProxy's request log: a request counts when it ends; latency is HAProxy's "
                           "active time of the request (whole milliseconds), percentiles are exact");
    if (log.pruned && log.oldestMs && *log.oldestMs > query.fromMs)
        report.notes.push_back("the kept request log starts at " + std::to_string(*log.oldestMs) +
                               " (Unix ms): earlier requests were rotated away");

    // Whole seconds: a second belongs to the window when it starts inside it.
    const std::int64_t firstSecond = (query.fromMs + 999) / 1000;
    const std::int64_t endSecond = (query.toMs + 999) / 1000;
    const std::size_t steps =
        static_cast<std::size_t>((query.toMs - query.fromMs + query.stepMs - 1) / query.stepMs);
    std::map<std::string, std::vector<SecondBucket>> perStep;
    std::set<std::string> names(query.expectedDeployments.begin(), query.expectedDeployments.end());
    for (auto it = log.seconds.lower_bound(firstSecond); it != log.seconds.end() && it->first < endSecond;
         ++it) {
        const std::size_t step = static_cast<std::size_t>((it->first * 1000 - query.fromMs) / query.stepMs);
        for (const auto &[deployment, bucket] : it->second) {
            std::vector<SecondBucket> &series = perStep[deployment];
            series.resize(steps);
            if (step < steps) {
                series[step].status.merge(bucket.status);
                series[step].latency.merge(bucket.latency);
            }
            names.insert(deployment);
        }
    }
    std::map<std::string, ResourceUsage> usage;
    if (query.withResources)
        usage = m_impl->resources(query.endpoint, log);
    for (const auto &[name, session] : sessions.value())
        names.insert(name);
    for (const std::string &name : names) {
        if (name == kNoDeployment && !perStep.count(name))
            continue;
        DeploymentMetrics metrics;
        metrics.deployment = name;
        metrics.window.seconds = report.total.seconds;
        std::vector<SecondBucket> &series = perStep[name];
        series.resize(steps);
        for (std::size_t i = 0; i < steps; ++i) {
            MetricsBucket bucket;
            bucket.startMs = query.fromMs + static_cast<std::int64_t>(i) * query.stepMs;
            bucket.status = series[i].status;
            bucket.p50 = series[i].latency.percentile(50);
            bucket.p95 = series[i].latency.percentile(95);
            bucket.p99 = series[i].latency.percentile(99);
            metrics.window.status.merge(series[i].status);
            metrics.window.latency.merge(series[i].latency);
            metrics.buckets.push_back(std::move(bucket));
        }
        if (const auto found = usage.find(name); found != usage.end())
            metrics.resources = found->second;
        report.total.merge(metrics.window);
        report.deployments.push_back(std::move(metrics));
    }
    // Requests no deployment answered go last.
    std::stable_partition(report.deployments.begin(), report.deployments.end(),
                          [](const DeploymentMetrics &item) { return item.deployment != kNoDeployment; });
    return report;
}

} // namespace modelgate
