#include "report_chart.h"

#include "report_tr.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace modelgate::report {

namespace {

const QColor kCandidateColour(0x1f, 0x6f, 0xeb);
const QColor kChampionColour(0x8a, 0x8f, 0x98);

struct Bounds
{
    double minX = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    void add(const std::vector<Metric> &points)
    {
        for (const Metric &point : points) {
            if (!std::isfinite(point.value))
                continue;
            minX = std::min(minX, static_cast<double>(point.step));
            maxX = std::max(maxX, static_cast<double>(point.step));
            minY = std::min(minY, point.value);
            maxY = std::max(maxY, point.value);
        }
    }
    bool valid() const { return minX <= maxX && minY <= maxY; }
};

void drawLine(QPainter &painter, const std::vector<Metric> &points, const Bounds &bounds, const QRectF &plot,
              const QColor &colour, Qt::PenStyle style)
{
    const double spanX = bounds.maxX > bounds.minX ? bounds.maxX - bounds.minX : 1.0;
    const double spanY = bounds.maxY > bounds.minY ? bounds.maxY - bounds.minY : 1.0;
    const auto map = [&](const Metric &point) {
        const double x = bounds.maxX > bounds.minX ? (point.step - bounds.minX) / spanX : 0.5;
        const double y = bounds.maxY > bounds.minY ? (point.value - bounds.minY) / spanY : 0.5;
        return QPointF(plot.left() + x * plot.width(), plot.bottom() - y * plot.height());
    };
    QPainterPath path;
    bool started = false;
    for (const Metric &point : points) {
        if (!std::isfinite(point.value)) {
            started = false; // a gap rather than a line through a missing value
            continue;
        }
        if (started)
            path.lineTo(map(point));
        else
            path.moveTo(map(point));
        started = true;
    }
    painter.setPen(QPen(colour, 2.0, style, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    // A single point has no line: mark it.
    if (points.size() == 1 && std::isfinite(points.front().value)) {
        painter.setBrush(colour);
        painter.drawEllipse(map(points.front()), 3.0, 3.0);
    }
}

} // namespace

QImage renderChart(const ChartSeries &series, QSize size, qreal scale)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPixelSize(12);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const QLocale locale;

    QFont titleFont = font;
    titleFont.setBold(true);
    titleFont.setPixelSize(14);
    painter.setFont(titleFont);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(12, 6, size.width() - 24, 20), Qt::AlignLeft | Qt::AlignVCenter,
                     QString::fromStdString(series.metric));
    painter.setFont(font);

    Bounds bounds;
    bounds.add(series.candidate);
    bounds.add(series.champion);
    const QString maxLabel = bounds.valid() ? locale.toString(bounds.maxY, 'g', 4) : QString();
    const QString minLabel = bounds.valid() ? locale.toString(bounds.minY, 'g', 4) : QString();
    const QString midLabel =
        bounds.valid() ? locale.toString((bounds.minY + bounds.maxY) / 2.0, 'g', 4) : QString();
    const int axisWidth = std::max({metrics.horizontalAdvance(maxLabel), metrics.horizontalAdvance(minLabel),
                                    metrics.horizontalAdvance(midLabel)}) +
                          10;
    const QRectF plot(12 + axisWidth, 34, size.width() - 24 - axisWidth, size.height() - 34 - 48);

    painter.setPen(QPen(QColor(0xd0, 0xd4, 0xda), 1.0));
    painter.drawRect(plot);
    if (!bounds.valid()) {
        painter.setPen(Qt::darkGray);
        painter.drawText(plot, Qt::AlignCenter, ReleaseReport::tr("No values to draw"));
        return image;
    }
    // A middle grid line with its value: two labels alone make the slope hard to read.
    if (bounds.maxY > bounds.minY) {
        painter.setPen(QPen(QColor(0xe6, 0xe9, 0xed), 1.0, Qt::DotLine));
        painter.drawLine(QPointF(plot.left(), plot.center().y()), QPointF(plot.right(), plot.center().y()));
    }
    painter.setPen(Qt::darkGray);
    painter.drawText(QRectF(12, plot.top() - 8, axisWidth - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                     maxLabel);
    if (bounds.maxY > bounds.minY)
        painter.drawText(QRectF(12, plot.center().y() - 8, axisWidth - 6, 16),
                         Qt::AlignRight | Qt::AlignVCenter, midLabel);
    painter.drawText(QRectF(12, plot.bottom() - 8, axisWidth - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                     minLabel);
    painter.drawText(QRectF(plot.left(), plot.bottom() + 2, 120, 16), Qt::AlignLeft | Qt::AlignTop,
                     ReleaseReport::tr("step %1").arg(static_cast<qint64>(bounds.minX)));
    if (bounds.maxX > bounds.minX)
        painter.drawText(QRectF(plot.right() - 120, plot.bottom() + 2, 120, 16),
                         Qt::AlignRight | Qt::AlignTop,
                         ReleaseReport::tr("step %1").arg(static_cast<qint64>(bounds.maxX)));

    if (!series.champion.empty())
        drawLine(painter, series.champion, bounds, plot, kChampionColour, Qt::DashLine);
    drawLine(painter, series.candidate, bounds, plot, kCandidateColour, Qt::SolidLine);

    // Legend below the plot.
    double x = plot.left();
    const double y = size.height() - 16;
    const auto legend = [&](const QColor &colour, Qt::PenStyle style, const QString &text) {
        painter.setPen(QPen(colour, 2.0, style));
        painter.drawLine(QPointF(x, y), QPointF(x + 24, y));
        painter.setPen(Qt::black);
        painter.drawText(QPointF(x + 30, y + metrics.ascent() / 2.0 - 1), text);
        x += 30 + metrics.horizontalAdvance(text) + 24;
    };
    legend(kCandidateColour, Qt::SolidLine,
           ReleaseReport::tr("%1 (candidate)").arg(QString::fromStdString(series.candidateLabel)));
    if (!series.champion.empty())
        legend(kChampionColour, Qt::DashLine,
               ReleaseReport::tr("%1 (champion)").arg(QString::fromStdString(series.championLabel)));
    return image;
}

} // namespace modelgate::report
