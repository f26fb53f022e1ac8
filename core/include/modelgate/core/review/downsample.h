#pragma once

#include "modelgate/core/mlflow/mlflow_types.h"

#include <cstddef>
#include <vector>

namespace modelgate {

// Shape-preserving downsampling for charts: Largest-Triangle-Three-Buckets (Steinarsson,
// "Downsampling Time Series for Visual Representation", 2013). The first and last points
// are always kept; each bucket in between contributes the point forming the largest
// triangle with the point kept before it and the average of the next bucket, so spikes
// and turning points survive while flat stretches thin out. One pass, O(n).
//
// Decisions, shared by every function here:
//  - Points whose x or y is NaN or infinite are dropped: a chart axis has no place for them
//    and one NaN would poison every triangle area. The caller counts them (countNonFinite)
//    to tell the user how many were not drawn. Only the display is thinned: export the
//    original series, not this one.
//  - The input need not be sorted: points are stably sorted by x first (a series logged
//    out of order, or several values at one step, keep their relative order).
//  - The output has min(n, max(threshold, 2)) points (n after dropping non-finite ones):
//    threshold >= n returns the (cleaned, sorted) input unchanged; threshold < 3 keeps
//    only the first and last points.

struct SeriesPoint
{
    double x = 0.0;
    double y = 0.0;
};

std::vector<SeriesPoint> downsampleLttb(std::vector<SeriesPoint> points, std::size_t threshold);

// The same for a metric history with x = step; every field of the kept points (timestamp,
// run id) is preserved. Points are ordered by step, then as given.
std::vector<Metric> downsampleMetricHistory(const std::vector<Metric> &history, std::size_t threshold);

// Indices of the points LTTB keeps, for series already sorted by x with finite values
// (the building block of the functions above, for callers with their own point type).
std::vector<std::size_t> lttbIndices(const std::vector<SeriesPoint> &sortedFinitePoints,
                                     std::size_t threshold);

std::size_t countNonFinite(const std::vector<Metric> &history);

} // namespace modelgate
