#include "modelgate/core/review/downsample.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace modelgate {

namespace {

bool isFinitePoint(const SeriesPoint &point)
{
    return std::isfinite(point.x) && std::isfinite(point.y);
}

} // namespace

std::vector<std::size_t> lttbIndices(const std::vector<SeriesPoint> &points, std::size_t threshold)
{
    const std::size_t n = points.size();
    std::vector<std::size_t> kept;
    if (n == 0)
        return kept;
    if (threshold >= n) {
        kept.resize(n);
        std::iota(kept.begin(), kept.end(), std::size_t{0});
        return kept;
    }
    if (threshold < 3) {
        kept.push_back(0);
        if (n > 1)
            kept.push_back(n - 1);
        return kept;
    }

    kept.reserve(threshold);
    kept.push_back(0);
    // The n - 2 inner points fall into threshold - 2 buckets of (fractional) width `every`.
    const double every = static_cast<double>(n - 2) / static_cast<double>(threshold - 2);
    std::size_t previous = 0;
    for (std::size_t bucket = 0; bucket + 2 < threshold; ++bucket) {
        const auto bucketStart =
            static_cast<std::size_t>(std::floor(every * static_cast<double>(bucket))) + 1;
        const bool lastBucket = bucket + 3 == threshold;
        // The last bucket ends exactly before the last point, whatever the rounding.
        const std::size_t bucketEnd =
            lastBucket
                ? n - 1
                : std::min(static_cast<std::size_t>(std::floor(every * static_cast<double>(bucket + 1))) + 1,
                           n - 1);
        // The next bucket's average is the third corner; after the last bucket it is the last point.
        const std::size_t nextStart = bucketEnd;
        const std::size_t nextEnd =
            lastBucket
                ? n
                : std::min(static_cast<std::size_t>(std::floor(every * static_cast<double>(bucket + 2))) + 1,
                           n);
        double averageX = 0.0;
        double averageY = 0.0;
        const std::size_t nextCount = nextEnd > nextStart ? nextEnd - nextStart : 0;
        if (nextCount == 0) {
            averageX = points[n - 1].x;
            averageY = points[n - 1].y;
        } else {
            for (std::size_t i = nextStart; i < nextEnd; ++i) {
                averageX += points[i].x;
                averageY += points[i].y;
            }
            averageX /= static_cast<double>(nextCount);
            averageY /= static_cast<double>(nextCount);
        }

        const SeriesPoint &a = points[previous];
        double largestArea = -1.0;
        std::size_t chosen = bucketStart;
        for (std::size_t i = bucketStart; i < bucketEnd; ++i) {
            // Twice the triangle's area; the factor does not change which point wins.
            const double area =
                std::fabs((a.x - averageX) * (points[i].y - a.y) - (a.x - points[i].x) * (averageY - a.y));
            if (area > largestArea) {
                largestArea = area;
                chosen = i;
            }
        }
        kept.push_back(chosen);
        previous = chosen;
    }
    kept.push_back(n - 1);
    return kept;
}

std::vector<SeriesPoint> downsampleLttb(std::vector<SeriesPoint> points, std::size_t threshold)
{
    points.erase(std::remove_if(points.begin(), points.end(),
                                [](const SeriesPoint &point) { return !isFinitePoint(point); }),
                 points.end());
    const auto byX = [](const SeriesPoint &a, const SeriesPoint &b) { return a.x < b.x; };
    if (!std::is_sorted(points.begin(), points.end(), byX))
        std::stable_sort(points.begin(), points.end(), byX);
    if (threshold >= points.size())
        return points;
    const std::vector<std::size_t> kept = lttbIndices(points, threshold);
    std::vector<SeriesPoint> out;
    out.reserve(kept.size());
    for (const std::size_t index : kept)
        out.push_back(points[index]);
    return out;
}

std::vector<Metric> downsampleMetricHistory(const std::vector<Metric> &history, std::size_t threshold)
{
    // Works on indices so that the full history (kept by the caller for export) is not copied.
    std::vector<std::size_t> order;
    order.reserve(history.size());
    for (std::size_t i = 0; i < history.size(); ++i) {
        if (std::isfinite(history[i].value))
            order.push_back(i);
    }
    const auto byStep = [&](std::size_t a, std::size_t b) { return history[a].step < history[b].step; };
    if (!std::is_sorted(order.begin(), order.end(), byStep))
        std::stable_sort(order.begin(), order.end(), byStep);

    std::vector<Metric> out;
    if (threshold >= order.size()) {
        out.reserve(order.size());
        for (const std::size_t index : order)
            out.push_back(history[index]);
        return out;
    }
    std::vector<SeriesPoint> points;
    points.reserve(order.size());
    for (const std::size_t index : order)
        points.push_back({static_cast<double>(history[index].step), history[index].value});
    const std::vector<std::size_t> kept = lttbIndices(points, threshold);
    out.reserve(kept.size());
    for (const std::size_t index : kept)
        out.push_back(history[order[index]]);
    return out;
}

std::size_t countNonFinite(const std::vector<Metric> &history)
{
    return static_cast<std::size_t>(std::count_if(
        history.begin(), history.end(), [](const Metric &metric) { return !std::isfinite(metric.value); }));
}

} // namespace modelgate
