#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace modelgate::ui {

// One point of a live series: when (Unix ms) and what. NaN is "no value" (a latency in a
// second without requests): kept, so that the CSV says so, and never drawn.
struct RingPoint
{
    std::int64_t timeMs = 0;
    double value = 0;
};

// A bounded, time-ordered ring of one series' points: 24 h at one point a second by
// default. Its memory is allocated once, when it is made; the oldest point goes when a new
// one comes and the ring is full, so a console left open for days stays at the same size.
// Times only grow: a point for a time the ring has already is a correction of that point (a
// request that HAProxy logged late, when it finished), and one older than the ring's newest
// that it does not have is dropped.
class MetricRing final
{
public:
    static constexpr std::size_t kDefaultCapacity = 86'400; // 24 h at 1 Hz

    explicit MetricRing(std::size_t capacity = kDefaultCapacity);
    MetricRing(const MetricRing &) = delete;
    MetricRing &operator=(const MetricRing &) = delete;
    MetricRing(MetricRing &&) noexcept = default;
    MetricRing &operator=(MetricRing &&) noexcept = default;

    std::size_t capacity() const { return m_capacity; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // The i-th point, oldest first (0 <= i < size()).
    RingPoint at(std::size_t index) const;
    RingPoint oldest() const { return at(0); }
    RingPoint newest() const { return at(m_size - 1); }

    // Appends a point newer than the newest, or overwrites the point of the same time.
    void put(std::int64_t timeMs, double value);
    // Adds points older than the oldest (a back-fill of a longer window), keeping what the
    // ring holds; what no longer fits goes, oldest first. `older` is sorted by time.
    void prependOlder(const std::vector<RingPoint> &older);
    void clear();

    // The index of the first point at or after `timeMs` (size() when there is none).
    std::size_t lowerBound(std::int64_t timeMs) const;
    // The points of [fromMs, toMs) for a chart `buckets` wide: every point when there are at
    // most 2 x buckets of them, else for each of `buckets` equal spans of time its smallest
    // and its largest value, in time order, so that a one-second spike survives a 24-hour
    // window. A run of missing (NaN) values becomes one NaN point, where a chart breaks its
    // line; a bucket with values and missing ones keeps its values.
    std::vector<RingPoint> decimated(std::int64_t fromMs, std::int64_t toMs, std::size_t buckets) const;

private:
    std::size_t physical(std::size_t index) const { return (m_head + index) % m_capacity; }

    std::size_t m_capacity;
    std::unique_ptr<std::int64_t[]> m_times;
    std::unique_ptr<double[]> m_values;
    std::size_t m_head = 0; // the oldest point's slot
    std::size_t m_size = 0;
};

} // namespace modelgate::ui
