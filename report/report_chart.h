#pragma once

#include "release_report.h"

#include <QImage>
#include <QSize>

namespace modelgate::report {

// Draws one metric's history (the candidate's line, and the champion's when present) with
// QPainter: no Qt Charts, so it works in the CLI and on the offscreen platform.
QImage renderChart(const ChartSeries &series, QSize size = QSize(720, 300));

} // namespace modelgate::report
