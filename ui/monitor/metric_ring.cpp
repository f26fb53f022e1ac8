#include "monitor/metric_ring.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace modelgate::ui {

MetricRing::MetricRing(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1))
    // Value-initialised: the pages are touched now, so the memory a full day needs is
    // resident from the start and the process does not grow while the ring fills.
    , m_times(std::make_unique<std::int64_t[]>(m_capacity))
    , m_values(std::make_unique<double[]>(m_capacity))
{}

RingPoint MetricRing::at(std::size_t index) const
{
    const std::size_t slot = physical(index);
    return {m_times[slot], m_values[slot]};
}

void MetricRing::put(std::int64_t timeMs, double value)
{
    if (m_size > 0 && timeMs <= newest().timeMs) {
        const std::size_t index = lowerBound(timeMs);
        if (index < m_size && at(index).timeMs == timeMs)
            m_values[physical(index)] = value;
        return;
    }
    if (m_size < m_capacity) {
        const std::size_t slot = physical(m_size);
        m_times[slot] = timeMs;
        m_values[slot] = value;
        ++m_size;
        return;
    }
    m_times[m_head] = timeMs; // full: the oldest slot takes the newest point
    m_values[m_head] = value;
    m_head = (m_head + 1) % m_capacity;
}

void MetricRing::prependOlder(const std::vector<RingPoint> &older)
{
    const std::int64_t limit = m_size > 0 ? oldest().timeMs : older.empty() ? 0 : older.back().timeMs + 1;
    const auto end =
        std::lower_bound(older.begin(), older.end(), limit,
                         [](const RingPoint &point, std::int64_t time) { return point.timeMs < time; });
    const auto count = static_cast<std::size_t>(end - older.begin());
    if (count == 0)
        return;
    // The newest points matter most: keep all of them, and of the older ones what fits.
    const std::size_t kept = std::min(count, m_capacity - std::min(m_capacity, m_size));
    if (kept == 0)
        return;
    // Move what the ring holds to the end of the buffer's order, then write the older points
    // in front of it. Rotating in place keeps the allocation as it is.
    std::rotate(m_times.get(), m_times.get() + m_head, m_times.get() + m_capacity);
    std::rotate(m_values.get(), m_values.get() + m_head, m_values.get() + m_capacity);
    m_head = 0;
    std::move_backward(m_times.get(), m_times.get() + m_size, m_times.get() + m_size + kept);
    std::move_backward(m_values.get(), m_values.get() + m_size, m_values.get() + m_size + kept);
    const auto first = older.begin() + static_cast<std::ptrdiff_t>(count - kept);
    std::size_t slot = 0;
    for (auto it = first; it != end; ++it, ++slot) {
        m_times[slot] = it->timeMs;
        m_values[slot] = it->value;
    }
    m_size += kept;
}

void MetricRing::clear()
{
    m_head = 0;
    m_size = 0;
}

std::size_t MetricRing::lowerBound(std::int64_t timeMs) const
{
    std::size_t low = 0;
    std::size_t high = m_size;
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (m_times[physical(middle)] < timeMs)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

std::vector<RingPoint> MetricRing::decimated(std::int64_t fromMs, std::int64_t toMs,
                                             std::size_t buckets) const
{
    std::vector<RingPoint> out;
    if (toMs <= fromMs || m_size == 0)
        return out;
    const std::size_t first = lowerBound(fromMs);
    const std::size_t last = lowerBound(toMs);
    if (first >= last)
        return out;
    // A run of missing values becomes one NaN point, where the chart breaks its line: a
    // latency line must not bridge a minute without requests as if it had been measured.
    const auto gap = [&out](std::int64_t timeMs) {
        if (!out.empty() && !std::isnan(out.back().value))
            out.push_back({timeMs, std::numeric_limits<double>::quiet_NaN()});
    };
    buckets = std::max<std::size_t>(buckets, 1);
    if (last - first <= 2 * buckets) {
        out.reserve(last - first);
        for (std::size_t index = first; index < last; ++index) {
            const RingPoint point = at(index);
            if (std::isnan(point.value))
                gap(point.timeMs);
            else
                out.push_back(point);
        }
        return out;
    }
    out.reserve(2 * buckets + 16);
    const double span = static_cast<double>(toMs - fromMs);
    std::size_t bucket = buckets; // none yet
    RingPoint low{};
    RingPoint high{};
    bool any = false;     // the bucket has a value
    bool missing = false; // the bucket has a missing value and no other
    std::int64_t missingAt = 0;
    const auto flush = [&]() {
        if (!any) {
            if (missing)
                gap(missingAt);
            missing = false;
            return;
        }
        if (low.timeMs == high.timeMs) {
            out.push_back(low);
        } else if (low.timeMs < high.timeMs) {
            out.push_back(low);
            out.push_back(high);
        } else {
            out.push_back(high);
            out.push_back(low);
        }
        any = false;
        missing = false;
    };
    const double perMs = static_cast<double>(buckets) / span;
    const auto visit = [&](std::size_t slot) {
        const RingPoint point{m_times[slot], m_values[slot]};
        const auto position = static_cast<std::size_t>(static_cast<double>(point.timeMs - fromMs) * perMs);
        const std::size_t which = std::min(position, buckets - 1);
        if (which != bucket) {
            flush();
            bucket = which;
        }
        if (std::isnan(point.value)) {
            if (!missing)
                missingAt = point.timeMs;
            missing = true;
            return;
        }
        if (!any) {
            low = point;
            high = point;
            any = true;
            return;
        }
        if (point.value < low.value)
            low = point;
        else if (point.value > high.value)
            high = point;
    };
    // The buffer's slots in at most two runs, without a modulo per point: a day's window is
    // 86,400 points per series, visited at every redraw.
    const std::size_t start = physical(first);
    const std::size_t count = last - first;
    const std::size_t firstRun = std::min(count, m_capacity - start);
    for (std::size_t slot = start; slot < start + firstRun; ++slot)
        visit(slot);
    for (std::size_t slot = 0; slot < count - firstRun; ++slot)
        visit(slot);
    flush();
    return out;
}

} // namespace modelgate::ui
