#pragma once

#include <QSizeF>
#include <QString>

class QTextDocument;

namespace modelgate::report {

// Sets `html` on `document` laid out on pages of `page` (pixels at 96 dpi) with no margins of
// its own, and moves what a page break would tear apart to the next page: a heading left
// alone at a page's bottom, and a table row (with the note row under it) split over two
// pages. QTextDocument knows neither "page-break-after: avoid" nor "page-break-inside:
// avoid", so a row is kept whole by splitting its table there into two, the second one
// starting a new page under the same header.
void layOutPages(QTextDocument &document, const QString &html, const QSizeF &page);

} // namespace modelgate::report
