#include "report_pages.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QAbstractTextDocumentLayout>
#include <QHash>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace modelgate::report {

namespace {

// A heading this close to the bottom of a page (pixels at 96 dpi, about 3 cm), or too close
// for the chart after it, starts the next page itself.
constexpr qreal kKeepWithNext = 110.0;
// Each pass splits one table; a long trail needs one per page. The bound only guards
// against a layout that never settles.
constexpr int kMaxPasses = 200;

qreal pageOf(qreal y, qreal pageHeight)
{
    return std::floor(y / pageHeight);
}

bool headingNeedsNewPage(QAbstractTextDocumentLayout *layout, const QTextBlock &block, qreal pageHeight)
{
    const QRectF rect = layout->blockBoundingRect(block);
    const qreal page = pageOf(rect.top(), pageHeight);
    if (rect.top() - page * pageHeight < kKeepWithNext)
        return false; // at the top of a page already: moving it would gain nothing
    // Room for what follows: a few lines of text or a table's first rows, or all of a chart
    // (a block of its own that cannot be split).
    const QTextBlock next = block.next();
    const qreal nextHeight = next.isValid() ? layout->blockBoundingRect(next).height() : 0.0;
    return (page + 1.0) * pageHeight - rect.bottom() <
           std::max(kKeepWithNext, std::min(nextHeight, pageHeight / 2));
}

const QString kPageBreak = QStringLiteral(" style=\"page-break-before: always\"");

// Makes the `index`-th heading of `html` start a new page.
bool breakBeforeHeading(QString &html, int index)
{
    static const QRegularExpression heading(QStringLiteral("<h[1-6]"));
    auto match = heading.globalMatch(html);
    for (int i = 0; match.hasNext(); ++i) {
        const QRegularExpressionMatch found = match.next();
        if (i == index) {
            html.insert(found.capturedEnd(), kPageBreak);
            return true;
        }
    }
    return false;
}

// The trail's comment rows: one cell spanning the rest of the row.
bool isNoteRow(QTextTable *table, int row)
{
    for (int column = 0; column < table->columns(); ++column)
        if (table->cellAt(row, column).columnSpan() > 1)
            return true;
    return false;
}

// Whether `row` (with the note row under it) runs over the bottom of the page it starts on;
// a row taller than half a page may, rather than leave most of a page empty.
bool rowIsTorn(QAbstractTextDocumentLayout *layout, QTextTable *table, int row, qreal pageHeight)
{
    const int lastRow = row + 1 < table->rows() && isNoteRow(table, row + 1) ? row + 1 : row;
    qreal top = std::numeric_limits<qreal>::max();
    qreal bottom = 0;
    for (int r = row; r <= lastRow; ++r)
        for (int column = 0; column < table->columns(); ++column) {
            const QTextTableCell cell = table->cellAt(r, column);
            if (cell.row() != r || cell.column() != column)
                continue; // covered by a spanning cell
            top = std::min(top, layout->blockBoundingRect(cell.firstCursorPosition().block()).top());
            bottom = std::max(bottom, layout->blockBoundingRect(cell.lastCursorPosition().block()).bottom());
        }
    return bottom > (pageOf(top, pageHeight) + 1.0) * pageHeight && bottom - top <= pageHeight / 2;
}

// Splits the `tableIndex`-th <table> of `html` (as buildReportHtml writes them: a <thead>,
// then one <tr> per row) before its `bodyRow`-th body row; the second table repeats the
// header and starts a new page. Before the first row, the whole table starts a new page.
// False if the HTML is not as expected or the table starts a page already.
bool splitTable(QString &html, int tableIndex, int bodyRow)
{
    const QString &pageBreak = kPageBreak;
    qsizetype start = -1;
    for (int i = 0; i <= tableIndex; ++i) {
        start = html.indexOf(QLatin1String("<table"), start + 1);
        if (start < 0)
            return false;
    }
    const qsizetype tagEnd = html.indexOf(QLatin1Char('>'), start);
    const qsizetype end = html.indexOf(QLatin1String("</table>"), start);
    const qsizetype headEnd = html.indexOf(QLatin1String("</thead>"), start);
    if (tagEnd < 0 || end < 0 || headEnd < 0 || headEnd > end)
        return false;
    const QString openTag = html.mid(start, tagEnd - start);
    if (bodyRow == 0) {
        if (openTag.contains(pageBreak))
            return false;
        html.insert(tagEnd, pageBreak);
        return true;
    }
    const qsizetype headStart = html.indexOf(QLatin1String("<thead>"), start);
    const QString head = html.mid(headStart, headEnd + 8 - headStart);
    qsizetype rowStart = headEnd;
    for (int i = 0; i <= bodyRow; ++i) {
        rowStart = html.indexOf(QLatin1String("<tr"), rowStart + 1);
        if (rowStart < 0 || rowStart > end)
            return false;
    }
    QString newTable = openTag;
    if (!newTable.contains(pageBreak))
        newTable += pageBreak;
    html.insert(rowStart, QStringLiteral("</table>\n") + newTable + QStringLiteral(">\n") + head);
    return true;
}

QHash<QTextTable *, int> tableIndexes(QTextFrame *frame, QHash<QTextTable *, int> indexes = {})
{
    for (QTextFrame *child : frame->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(child))
            indexes.insert(table, static_cast<int>(indexes.size()));
        indexes = tableIndexes(child, std::move(indexes));
    }
    return indexes;
}

// One walk down the laid-out document to the first heading or row that a page break tears
// from what belongs with it; true after changing `html` to break the page before it. Every
// change goes through the HTML and a new layout: after a block format change, Qt 6.4 draws
// some later blocks from a stale layout, or not at all.
bool fixFirstTear(QTextDocument &document, QString &html)
{
    const qreal pageHeight = document.pageSize().height();
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    const QHash<QTextTable *, int> tables = tableIndexes(document.rootFrame());
    int heading = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() > 0) {
            if (block.blockFormat().pageBreakPolicy() == QTextFormat::PageBreak_Auto &&
                headingNeedsNewPage(layout, block, pageHeight) && breakBeforeHeading(html, heading))
                return true;
            ++heading;
            continue;
        }
        QTextTable *table = QTextCursor(block).currentTable();
        if (!table || !tables.contains(table))
            continue;
        const QTextTableCell cell = table->cellAt(block.position());
        const int headerRows = table->format().headerRowCount();
        if (cell.column() != 0 || cell.firstCursorPosition().block() != block || cell.row() < headerRows ||
            isNoteRow(table, cell.row()))
            continue;
        if (rowIsTorn(layout, table, cell.row(), pageHeight) &&
            splitTable(html, tables.value(table), cell.row() - headerRows))
            return true;
    }
    return false;
}

void setLaidOut(QTextDocument &document, const QString &html, const QSizeF &page)
{
    document.setHtml(html);
    // The page is the writer's printable area: no 4 px document margin inside it.
    QTextFrameFormat root = document.rootFrame()->frameFormat();
    root.setMargin(0);
    root.setPadding(0);
    document.rootFrame()->setFrameFormat(root);
    // No ligatures: with them "classifier" is stored as "classi\uFB01er", which a search in a
    // PDF viewer, a copy and pdftotext do not find. Qt forms none in letter-spaced text.
    QTextCharFormat spaced;
    spaced.setFontLetterSpacingType(QFont::AbsoluteSpacing);
    spaced.setFontLetterSpacing(0.05);
    QTextCursor all(&document);
    all.select(QTextCursor::Document);
    all.mergeCharFormat(spaced);
    document.setPageSize(page);
}

} // namespace

void layOutPages(QTextDocument &document, const QString &html, const QSizeF &page)
{
    QString paged = html;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        setLaidOut(document, paged, page);
        if (!fixFirstTear(document, paged))
            return;
    }
}

} // namespace modelgate::report
