#pragma once

#include "release_report.h"

#include <QImage>
#include <QSize>

namespace modelgate::report {

// The chart's size in CSS pixels: the width of the PDF's text column (A4 less 2 x 15 mm at
// 96 dpi is 680 px), so that it is never scaled down or cut off there.
inline constexpr QSize kChartSize(680, 240);

// Draws one metric's history (the candidate's line, and the champion's when present) with
// QPainter: no Qt Charts, so it works in the CLI and on the offscreen platform. The image
// has `scale` times the pixels of `size` (devicePixelRatio `scale`), sharp when printed.
QImage renderChart(const ChartSeries &series, QSize size = kChartSize, qreal scale = 2.0);

} // namespace modelgate::report
