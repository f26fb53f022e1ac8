#include "monitor/monitor_series.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <utility>

#include <QDateTime>
#include <QSaveFile>

namespace modelgate::ui {

namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();
constexpr double kBytesPerMiB = 1024.0 * 1024.0;

std::size_t slot(MonitorMetric metric)
{
    return static_cast<std::size_t>(metric);
}

double orNoValue(const std::optional<double> &value)
{
    return value ? *value : kNoValue;
}

// The points of one bucket: its rates over the step and its percentiles.
std::array<double, 7> requestFigures(const MetricsBucket &bucket, double stepSeconds)
{
    return {static_cast<double>(bucket.status.total()) / stepSeconds,
            static_cast<double>(bucket.status.ok2xx) / stepSeconds,
            static_cast<double>(bucket.status.client4xx) / stepSeconds,
            static_cast<double>(bucket.status.server5xx) / stepSeconds,
            orNoValue(bucket.p50),
            orNoValue(bucket.p95),
            orNoValue(bucket.p99)};
}

QByteArray csvValue(double value)
{
    if (std::isnan(value))
        return {}; // no value: an empty cell, not a zero
    return QByteArray::number(value, 'g', 10);
}

QByteArray csvText(const std::string &text)
{
    QByteArray bytes = QByteArray::fromStdString(text);
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n'))
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

} // namespace

const char *csvName(MonitorMetric metric)
{
    switch (metric) {
    case MonitorMetric::RequestRate:
        return "requests_per_s";
    case MonitorMetric::Ok2xxRate:
        return "ok_2xx_per_s";
    case MonitorMetric::Client4xxRate:
        return "client_4xx_per_s";
    case MonitorMetric::Server5xxRate:
        return "server_5xx_per_s";
    case MonitorMetric::LatencyP50:
        return "p50_ms";
    case MonitorMetric::LatencyP95:
        return "p95_ms";
    case MonitorMetric::LatencyP99:
        return "p99_ms";
    case MonitorMetric::CpuPercent:
        return "cpu_percent";
    case MonitorMetric::MemoryMiB:
        return "memory_mib";
    }
    return "";
}

MonitorSeriesStore::MonitorSeriesStore(std::size_t capacity)
    : m_capacity(capacity)
{}

MonitorSeriesStore::Rings &MonitorSeriesStore::ringsOf(const std::string &deployment)
{
    auto found = m_rings.find(deployment);
    if (found == m_rings.end()) {
        Rings rings = [this]<std::size_t... I>(std::index_sequence<I...>)
        {
            return Rings{((void)I, MetricRing(m_capacity))...};
        }
        (std::make_index_sequence<kMonitorMetricCount>());
        found = m_rings.emplace(deployment, std::move(rings)).first;
    }
    return found->second;
}

void MonitorSeriesStore::addLive(const MetricsReport &report)
{
    const double stepSeconds = static_cast<double>(std::max<std::int64_t>(report.stepMs, 1)) / 1000.0;
    for (const DeploymentMetrics &deployment : report.deployments) {
        Rings &rings = ringsOf(deployment.deployment);
        for (const MetricsBucket &bucket : deployment.buckets) {
            const std::array<double, 7> figures = requestFigures(bucket, stepSeconds);
            for (std::size_t index = 0; index < figures.size(); ++index)
                rings[index].put(bucket.startMs, figures[index]);
        }
        if (deployment.resources && !deployment.buckets.empty()) {
            const std::int64_t at = deployment.buckets.back().startMs;
            rings[slot(MonitorMetric::CpuPercent)].put(at, deployment.resources->cpuPercent);
            rings[slot(MonitorMetric::MemoryMiB)].put(
                at, static_cast<double>(deployment.resources->memoryBytes) / kBytesPerMiB);
        }
    }
}

void MonitorSeriesStore::addBackfill(const MetricsReport &report)
{
    const double stepSeconds = static_cast<double>(std::max<std::int64_t>(report.stepMs, 1)) / 1000.0;
    for (const DeploymentMetrics &deployment : report.deployments) {
        Rings &rings = ringsOf(deployment.deployment);
        std::array<std::vector<RingPoint>, 7> older;
        for (std::vector<RingPoint> &points : older)
            points.reserve(deployment.buckets.size());
        for (const MetricsBucket &bucket : deployment.buckets) {
            const std::array<double, 7> figures = requestFigures(bucket, stepSeconds);
            for (std::size_t index = 0; index < figures.size(); ++index)
                older[index].push_back({bucket.startMs, figures[index]});
        }
        for (std::size_t index = 0; index < older.size(); ++index) {
            if (rings[index].empty())
                for (const RingPoint &point : older[index])
                    rings[index].put(point.timeMs, point.value);
            else
                rings[index].prependOlder(older[index]);
        }
    }
}

void MonitorSeriesStore::clear()
{
    m_rings.clear();
}

std::vector<std::string> MonitorSeriesStore::deployments() const
{
    std::vector<std::string> names;
    for (const auto &[name, rings] : m_rings)
        names.push_back(name);
    return names;
}

const MetricRing *MonitorSeriesStore::ring(const std::string &deployment, MonitorMetric metric) const
{
    const auto found = m_rings.find(deployment);
    return found == m_rings.end() ? nullptr : &found->second[slot(metric)];
}

std::int64_t MonitorSeriesStore::oldestMs() const
{
    std::int64_t oldest = 0;
    for (const auto &[name, rings] : m_rings)
        if (const MetricRing &ring = rings[slot(MonitorMetric::RequestRate)]; !ring.empty())
            oldest = oldest == 0 ? ring.oldest().timeMs : std::min(oldest, ring.oldest().timeMs);
    return oldest;
}

std::int64_t MonitorSeriesStore::newestMs() const
{
    std::int64_t newest = 0;
    for (const auto &[name, rings] : m_rings)
        if (const MetricRing &ring = rings[slot(MonitorMetric::RequestRate)]; !ring.empty())
            newest = std::max(newest, ring.newest().timeMs);
    return newest;
}

std::size_t MonitorSeriesStore::memoryBytes() const
{
    return m_rings.size() * kMonitorMetricCount * m_capacity * (sizeof(std::int64_t) + sizeof(double));
}

bool MonitorSeriesStore::writeCsv(const QString &path, std::int64_t fromMs, std::int64_t toMs,
                                  QString *errorMessage) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    QByteArray out = "time,deployment";
    for (std::size_t index = 0; index < kMonitorMetricCount; ++index)
        out += ',' + QByteArray(csvName(static_cast<MonitorMetric>(index)));
    out += '\n';
    for (const auto &[name, rings] : m_rings) {
        // Every time any series of the deployment has in the window, once, in order.
        std::set<std::int64_t> times;
        for (const MetricRing &ring : rings)
            for (std::size_t index = ring.lowerBound(fromMs);
                 index < ring.size() && ring.at(index).timeMs < toMs; ++index)
                times.insert(ring.at(index).timeMs);
        const QByteArray deployment = csvText(name);
        for (const std::int64_t time : times) {
            out += QDateTime::fromMSecsSinceEpoch(time, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
            out += ',' + deployment;
            for (const MetricRing &ring : rings) {
                const std::size_t index = ring.lowerBound(time);
                out += ',';
                if (index < ring.size() && ring.at(index).timeMs == time)
                    out += csvValue(ring.at(index).value);
            }
            out += '\n';
            if (out.size() > (1 << 20)) {
                file.write(out);
                out.clear();
            }
        }
    }
    file.write(out);
    if (!file.commit()) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    return true;
}

} // namespace modelgate::ui
