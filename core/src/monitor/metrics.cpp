#include "modelgate/core/monitor/metrics.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace modelgate {

void StatusCounts::add(int status, std::int64_t count)
{
    if (status >= 200 && status < 300)
        ok2xx += count;
    else if (status >= 400 && status < 500)
        client4xx += count;
    else if (status >= 500 && status < 600)
        server5xx += count;
    else
        other += count;
}

void StatusCounts::merge(const StatusCounts &more)
{
    ok2xx += more.ok2xx;
    client4xx += more.client4xx;
    server5xx += more.server5xx;
    other += more.other;
}

void LatencyHistogram::add(int milliseconds, std::int64_t count)
{
    if (milliseconds < 0 || count <= 0)
        return;
    m_counts[milliseconds] += count;
    m_count += count;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (const auto &[ms, count] : other.m_counts)
        m_counts[ms] += count;
    m_count += other.m_count;
}

std::optional<double> LatencyHistogram::percentile(double p) const
{
    if (m_count == 0)
        return std::nullopt;
    // Nearest rank: rank = ceil(p/100 * n), at least 1.
    const auto rank =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 *
                                                                      static_cast<double>(m_count))));
    std::int64_t seen = 0;
    for (const auto &[ms, count] : m_counts) {
        seen += count;
        if (seen >= rank)
            return static_cast<double>(ms);
    }
    return static_cast<double>(m_counts.rbegin()->first);
}

double RequestStats::ratePerSecond() const
{
    return seconds > 0 ? static_cast<double>(requests()) / seconds : 0;
}

double RequestStats::errorPercent() const
{
    const std::int64_t n = requests();
    return n == 0 ? 0
                  : 100.0 * static_cast<double>(status.client4xx + status.server5xx) / static_cast<double>(n);
}

double RequestStats::serverErrorPercent() const
{
    const std::int64_t n = requests();
    return n == 0 ? 0 : 100.0 * static_cast<double>(status.server5xx) / static_cast<double>(n);
}

std::optional<double> RequestStats::p50() const
{
    return sourcePercentiles ? sourcePercentiles->p50 : latency.percentile(50);
}

std::optional<double> RequestStats::p95() const
{
    return sourcePercentiles ? sourcePercentiles->p95 : latency.percentile(95);
}

std::optional<double> RequestStats::p99() const
{
    return sourcePercentiles ? sourcePercentiles->p99 : latency.percentile(99);
}

void RequestStats::merge(const RequestStats &other)
{
    const std::int64_t mine = requests();
    const std::int64_t theirs = other.requests();
    // Figures computed elsewhere do not add up: percentiles survive a merge only into
    // nothing, and an average only weighed with another average.
    if (mine == 0 && !sourcePercentiles)
        sourcePercentiles = other.sourcePercentiles;
    else if (theirs > 0 || other.sourcePercentiles)
        sourcePercentiles.reset();
    if (mine == 0 && !averageMs)
        averageMs = other.averageMs;
    else if (theirs > 0 && averageMs && other.averageMs)
        averageMs =
            (*averageMs * static_cast<double>(mine) + *other.averageMs * static_cast<double>(theirs)) /
            static_cast<double>(mine + theirs);
    else if (theirs > 0)
        averageMs.reset();
    status.merge(other.status);
    latency.merge(other.latency);
}

const DeploymentMetrics *MetricsReport::deployment(const std::string &name) const
{
    for (const DeploymentMetrics &item : deployments)
        if (item.deployment == name)
            return &item;
    return nullptr;
}

std::int64_t unixMillisNow()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<int> parseWindow(const std::string &text)
{
    if (text.size() < 2)
        return std::nullopt;
    const char unit = text.back();
    const std::string digits = text.substr(0, text.size() - 1);
    if (digits.empty() || digits.size() > 6 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const long value = std::stol(digits);
    long factor = 0;
    switch (unit) {
    case 's':
        factor = 1;
        break;
    case 'm':
        factor = 60;
        break;
    case 'h':
        factor = 3600;
        break;
    case 'd':
        factor = 86400;
        break;
    default:
        return std::nullopt;
    }
    const long seconds = value * factor;
    if (seconds <= 0 || seconds > 30L * 86400)
        return std::nullopt;
    return static_cast<int>(seconds);
}

std::string describeWindow(int seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return std::to_string(seconds / 86400) + "d";
    if (seconds > 0 && seconds % 3600 == 0)
        return std::to_string(seconds / 3600) + "h";
    if (seconds > 0 && seconds % 60 == 0)
        return std::to_string(seconds / 60) + "m";
    return std::to_string(seconds) + "s";
}

} // namespace modelgate
