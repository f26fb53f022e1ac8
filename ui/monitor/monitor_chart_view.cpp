#include "monitor/monitor_chart_view.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>

namespace modelgate::ui {

namespace {

constexpr double kHoverRadius = 30.0; // px
constexpr double kMarkerHit = 4.0;    // px either side of a marker's line
constexpr int kLabelRows = 4;         // markers close together take turns in these rows
constexpr int kTimeLabelWidth = 100;  // px a time label needs, with room around it

// The top of a nice axis: 1, 2 or 5 times a power of ten, above the largest value.
constexpr int kValueLabelHeight = 28; // px a value label needs, with room around it

// A value axis from 0 to above `top` in at most `maxTicks` ticks of a round step (1, 2 or 5
// times a power of ten): the top of the range and the number of ticks.
std::pair<double, int> niceAxis(double top, int maxTicks)
{
    if (!(top > 0))
        top = 1;
    const int intervals = std::max(1, maxTicks - 1);
    const double rough = top / intervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10 * magnitude;
    for (const double factor : {1.0, 2.0, 5.0, 10.0})
        if (factor * magnitude >= rough) {
            step = factor * magnitude;
            break;
        }
    const int used = std::max(1, static_cast<int>(std::ceil(top / step - 1e-9)));
    return {used * step, used + 1};
}

} // namespace

MonitorChartView::MonitorChartView(const QString &title, const QString &unit, QWidget *parent)
    : QChartView(new QChart(), parent)
    , m_timeAxis(new QDateTimeAxis(chart()))
    , m_valueAxis(new QValueAxis(chart()))
    , m_rightAxis(new QValueAxis(chart()))
    , m_unit(unit)
{
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setMinimumSize(240, 160);
    chart()->setTitle(title);
    QFont titleFont = chart()->titleFont();
    titleFont.setBold(true);
    chart()->setTitleFont(titleFont);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(2, 2, 2, 2));
    chart()->layout()->setContentsMargins(0, 0, 0, 0);
    chart()->setBackgroundRoundness(0);
    chart()->setLocalizeNumbers(true);
    // Live data: an animation per redraw would never settle.
    chart()->setAnimationOptions(QChart::NoAnimation);
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(6);
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_valueAxis->setTitleText(unit);
    m_valueAxis->setRange(0, 1);
    m_rightAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_rightAxis->setRange(0, 1);
    m_rightAxis->setVisible(false);
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, Qt::AlignLeft);
    chart()->addAxis(m_rightAxis, Qt::AlignRight);
}

void MonitorChartView::setUnits(const QString &unit, const QString &rightUnit)
{
    m_unit = unit;
    m_rightUnit = rightUnit;
    m_valueAxis->setTitleText(unit);
    m_rightAxis->setTitleText(rightUnit);
    m_rightAxis->setVisible(!rightUnit.isEmpty());
}

void MonitorChartView::setTimeRange(qint64 fromMs, qint64 toMs, const QString &timeFormat)
{
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    if (m_timeAxis->format() != timeFormat)
        m_timeAxis->setFormat(timeFormat);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs), QDateTime::fromMSecsSinceEpoch(m_toMs));
    // As many time labels as the width holds: cut labels ("12:57:…") say nothing.
    const int ticks = std::clamp(static_cast<int>(chart()->plotArea().width()) / kTimeLabelWidth + 1, 2, 7);
    if (m_timeAxis->tickCount() != ticks)
        m_timeAxis->setTickCount(ticks);
}

std::size_t MonitorChartView::displayBuckets() const
{
    const double width = chart()->plotArea().width();
    return static_cast<std::size_t>(std::clamp(width > 10 ? width : viewport()->width() * 0.8, 50.0, 4000.0));
}

QList<QLineSeries *> MonitorChartView::lineSeries() const
{
    return m_series;
}

void MonitorChartView::setLines(std::vector<ChartLine> lines)
{
    // Series that are gone go, new ones come; the rest keep their QLineSeries.
    QList<QLineSeries *> series;
    for (const ChartLine &line : lines) {
        QLineSeries *found = nullptr;
        for (qsizetype index = 0; index < m_series.size(); ++index)
            if (m_lines[static_cast<std::size_t>(index)].key == line.key) {
                found = m_series[index];
                m_series[index] = nullptr;
                break;
            }
        if (!found) {
            found = new QLineSeries(chart());
            chart()->addSeries(found);
            found->attachAxis(m_timeAxis);
        }
        const bool right = line.rightAxis;
        const QList<QAbstractAxis *> attached = found->attachedAxes();
        QValueAxis *wanted = right ? m_rightAxis : m_valueAxis;
        if (!attached.contains(wanted)) {
            if (QValueAxis *other = right ? m_valueAxis : m_rightAxis; attached.contains(other))
                found->detachAxis(other);
            found->attachAxis(wanted);
        }
        found->setName(line.inLegend ? line.deployment : line.label);
        // A dense line (a decimated day zig-zags between each pixel's minimum and maximum) in a
        // one-pixel cosmetic pen: the raster engine draws that directly, while a wider pen is
        // stroked into a polygon and filled, which costs hundreds of milliseconds a frame.
        QPen pen(line.color);
        const bool dense = isDense(line);
        pen.setWidthF(dense ? 1.0 : 1.8);
        pen.setCosmetic(dense);
        pen.setStyle(line.style);
        if (pen != found->pen())
            found->setPen(pen);
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(line.points.size()));
        for (const RingPoint &point : line.points)
            points.append(QPointF(static_cast<double>(point.timeMs), point.value));
        found->replace(points);
        for (QLegendMarker *marker : chart()->legend()->markers(found))
            marker->setVisible(line.inLegend);
        series.append(found);
    }
    for (QLineSeries *old : std::as_const(m_series))
        if (old) {
            chart()->removeSeries(old);
            delete old;
        }
    m_series = series;
    m_lines = std::move(lines);
    // Smooth edges for a few hundred points; without, for a day's zig-zag of a point or two per
    // pixel, where they cost most of the paint and show nothing a pixel does not.
    const bool dense =
        std::any_of(m_lines.begin(), m_lines.end(), [this](const ChartLine &line) { return isDense(line); });
    if (renderHints().testFlag(QPainter::Antialiasing) == dense)
        setRenderHint(QPainter::Antialiasing, !dense);
    updateValueAxes();
}

bool MonitorChartView::isDense(const ChartLine &line) const
{
    // More than a point every two pixels of the span the line covers: a decimated zig-zag.
    if (line.points.size() < 2)
        return false;
    const double span = static_cast<double>(line.points.back().timeMs - line.points.front().timeMs);
    const double pixels = chart()->plotArea().width() * span / static_cast<double>(m_toMs - m_fromMs);
    return static_cast<double>(line.points.size()) > std::max(pixels, 1.0) / 2.0;
}

void MonitorChartView::updateValueAxes()
{
    double top = 0;
    double rightTop = 0;
    for (const ChartLine &line : m_lines) {
        double &bound = line.rightAxis ? rightTop : top;
        for (const RingPoint &point : line.points)
            if (point.timeMs >= m_fromMs && point.timeMs < m_toMs && std::isfinite(point.value))
                bound = std::max(bound, point.value);
    }
    // Round numbers on the ticks (0..2.5 in five ticks would read 0.625, 1.875), and only as many
    // as the height holds: a short chart's crowded labels would be cut to "…".
    const int maxTicks =
        std::clamp(static_cast<int>(chart()->plotArea().height()) / kValueLabelHeight + 1, 2, 6);
    for (const auto &[axis, value] : {std::pair{m_valueAxis, top}, std::pair{m_rightAxis, rightTop}}) {
        const auto [range, ticks] = niceAxis(value * 1.05, maxTicks);
        axis->setRange(0, range);
        axis->setTickCount(ticks);
    }
}

void MonitorChartView::setMarkers(std::vector<ChartMarker> markers)
{
    m_markers = std::move(markers);
    viewport()->update();
}

double MonitorChartView::viewX(qint64 timeMs) const
{
    const QRectF plot = chart()->plotArea();
    const double share = static_cast<double>(timeMs - m_fromMs) / static_cast<double>(m_toMs - m_fromMs);
    const QPointF scene = chart()->mapToScene(QPointF(plot.left() + share * plot.width(), plot.top()));
    return mapFromScene(scene).x();
}

void MonitorChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    if (m_markers.empty())
        return;
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    painter->save();
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const auto xOf = [&](qint64 timeMs) {
        return plot.left() +
               static_cast<double>(timeMs - m_fromMs) / static_cast<double>(m_toMs - m_fromMs) * plot.width();
    };
    // The lines first, then the labels over them, so that no line cuts through a label.
    for (const ChartMarker &marker : m_markers) {
        if (marker.timeMs < m_fromMs || marker.timeMs > m_toMs)
            continue;
        QPen pen(marker.color);
        pen.setWidthF(1.5);
        pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->drawLine(QPointF(xOf(marker.timeMs), plot.top()),
                          QPointF(xOf(marker.timeMs), plot.bottom()));
    }
    // Labels by priority (a breach and a rollback before a deploy), each in the first row where
    // it overlaps no other label; right of its line, or left of it near the right edge. Without
    // room it is left out: the line stays, and its words are in the tooltip.
    std::vector<const ChartMarker *> labelled;
    for (const ChartMarker &marker : m_markers)
        if (marker.timeMs >= m_fromMs && marker.timeMs <= m_toMs && !marker.label.isEmpty())
            labelled.push_back(&marker);
    std::stable_sort(labelled.begin(), labelled.end(),
                     [](const ChartMarker *a, const ChartMarker *b) { return a->priority > b->priority; });
    std::array<std::vector<std::pair<double, double>>, kLabelRows> rows;
    for (const ChartMarker *marker : labelled) {
        const double x = xOf(marker->timeMs);
        const int width = metrics.horizontalAdvance(marker->label) + 6;
        const double left = x + 3 + width > plot.right() ? x - 3 - width : x + 3;
        const double right = left + width + 4;
        std::size_t row = 0;
        const auto overlaps = [&](const std::pair<double, double> &taken) {
            return left < taken.second && taken.first < right;
        };
        while (row < rows.size() && std::any_of(rows[row].begin(), rows[row].end(), overlaps))
            ++row;
        if (row == rows.size())
            continue;
        rows[row].emplace_back(left, right);
        const QRectF box(left, plot.top() + 2 + static_cast<double>(row) * (metrics.height() + 2), width,
                         metrics.height());
        QColor background = palette().color(QPalette::Base);
        background.setAlpha(225);
        painter->fillRect(box, background);
        painter->setPen(marker->color.darker(120));
        painter->drawText(box, Qt::AlignCenter, marker->label);
    }
    painter->restore();
}

std::optional<MonitorChartView::Hover> MonitorChartView::nearestPoint(const QPoint &viewPosition) const
{
    const QPointF chartPosition = chart()->mapFromScene(mapToScene(viewPosition));
    if (!chart()->plotArea().adjusted(-4, -4, 4, 4).contains(chartPosition))
        return std::nullopt;
    std::optional<Hover> best;
    double bestDistance = kHoverRadius * kHoverRadius;
    for (qsizetype index = 0; index < m_series.size(); ++index) {
        const ChartLine &line = m_lines[static_cast<std::size_t>(index)];
        if (line.points.empty() || !m_series[index]->isVisible())
            continue;
        const double time = chart()->mapToValue(chartPosition, m_series[index]).x();
        const auto it = std::lower_bound(line.points.begin(), line.points.end(), time,
                                         [](const RingPoint &point, double x) { return point.timeMs < x; });
        const auto centre = static_cast<std::ptrdiff_t>(it - line.points.begin());
        const auto size = static_cast<std::ptrdiff_t>(line.points.size());
        for (std::ptrdiff_t i = std::max<std::ptrdiff_t>(0, centre - 8); i < std::min(size, centre + 8);
             ++i) {
            const RingPoint &point = line.points[static_cast<std::size_t>(i)];
            if (std::isnan(point.value))
                continue; // a break in the line, not a point
            const QPointF at = chart()->mapToPosition(QPointF(static_cast<double>(point.timeMs), point.value),
                                                      m_series[index]);
            const double dx = at.x() - chartPosition.x();
            const double dy = at.y() - chartPosition.y();
            if (dx * dx + dy * dy < bestDistance) {
                bestDistance = dx * dx + dy * dy;
                best = Hover{static_cast<int>(index), point};
            }
        }
    }
    return best;
}

QString MonitorChartView::readoutText(const Hover &hover) const
{
    const ChartLine &line = m_lines.at(static_cast<std::size_t>(hover.line));
    const QString time = QLocale().toString(QDateTime::fromMSecsSinceEpoch(hover.point.timeMs).time(),
                                            QStringLiteral("HH:mm:ss"));
    const QString unit = line.rightAxis ? m_rightUnit : m_unit;
    return tr("%1 · %2 · %3 %4").arg(line.label, time, QLocale().toString(hover.point.value, 'g', 4), unit);
}

const ChartMarker *MonitorChartView::markerAt(const QPoint &viewPosition) const
{
    for (const ChartMarker &marker : m_markers)
        if (marker.timeMs >= m_fromMs && marker.timeMs <= m_toMs &&
            std::fabs(viewX(marker.timeMs) - viewPosition.x()) <= kMarkerHit)
            return &marker;
    return nullptr;
}

void MonitorChartView::setReadout(const QString &text)
{
    if (text == m_readout)
        return;
    m_readout = text;
    Q_EMIT readoutChanged(text);
}

void MonitorChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (const ChartMarker *marker = markerAt(position)) {
        setReadout(marker->details.section(u'\n', 0, 0));
        QToolTip::showText(event->globalPosition().toPoint(), marker->details, this);
    } else if (const std::optional<Hover> hover = nearestPoint(position)) {
        const QString text = readoutText(*hover);
        setReadout(text);
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    } else {
        setReadout({});
        QToolTip::hideText();
    }
    QChartView::mouseMoveEvent(event);
}

void MonitorChartView::leaveEvent(QEvent *event)
{
    setReadout({});
    QChartView::leaveEvent(event);
}

} // namespace modelgate::ui
