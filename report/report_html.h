#pragma once

#include "release_report.h"

#include <vector>

#include <QImage>
#include <QString>

namespace modelgate::report {

// How the charts are referenced: as data: URIs (a self-contained .html file) or by the
// names "chart-<i>.png", for which the PDF writer registers image resources.
enum class ImageMode
{
    DataUri,
    ResourceName,
};

QString chartResourceName(std::size_t index);

// The report's HTML; `charts` receives the rendered chart images in order.
QString buildReportHtml(const ReleaseReportData &data, ImageMode mode, std::vector<QImage> *charts);

} // namespace modelgate::report
