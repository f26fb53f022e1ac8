#pragma once

#include "release_report.h"

#include <vector>

#include <QImage>
#include <QString>

namespace modelgate::report {

// Who reads the HTML. DataUri: a browser (the .html file), with the charts as data: URIs and
// browser-only CSS. ResourceName: the PDF writer's QTextDocument, with the charts named
// "chart-<i>.png", for which it registers image resources.
enum class ImageMode
{
    DataUri,
    ResourceName,
};

QString chartResourceName(std::size_t index);

// The report's HTML; `charts` receives the rendered chart images in order.
QString buildReportHtml(const ReleaseReportData &data, ImageMode mode, std::vector<QImage> *charts);

} // namespace modelgate::report
