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
constexpr int kLabelRows = 3;         // markers close together take turns in these rows

// The top of a nice axis: 1, 2 or 5 times a power of ten, above the largest value.
double niceCeiling(double value)
{
    if (!(value > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (value <= step * magnitude)
            return step * magnitude;
    return 10 * magnitude;
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
    setMinimumSize(300, 200);
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
        found->setName(line.label);
        QPen pen(line.color);
        pen.setWidthF(1.8);
        pen.setStyle(line.style);
        found->setPen(pen);
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(line.points.size()));
        for (const RingPoint &point : line.points)
            points.append(QPointF(static_cast<double>(point.timeMs), point.value));
        found->replace(points);
        series.append(found);
    }
    for (QLineSeries *old : std::as_const(m_series))
        if (old) {
            chart()->removeSeries(old);
            delete old;
        }
    m_series = series;
    m_lines = std::move(lines);
    updateValueAxes();
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
    m_valueAxis->setRange(0, niceCeiling(top * 1.05));
    m_rightAxis->setRange(0, niceCeiling(rightTop * 1.05));
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
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    std::array<double, kLabelRows> rowEnds{};
    rowEnds.fill(-1e9);
    for (const ChartMarker &marker : m_markers) {
        if (marker.timeMs < m_fromMs || marker.timeMs > m_toMs)
            continue;
        const double share =
            static_cast<double>(marker.timeMs - m_fromMs) / static_cast<double>(m_toMs - m_fromMs);
        const double x = plot.left() + share * plot.width();
        QPen pen(marker.color);
        pen.setWidthF(1.5);
        pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        // The label goes in the first row where it does not overlap the one before; right
        // of the line, or left of it near the right edge.
        const int width = metrics.horizontalAdvance(marker.label) + 6;
        double left = x + 3 + width > plot.right() ? x - 3 - width : x + 3;
        int row = 0;
        while (row < kLabelRows - 1 && left < rowEnds[static_cast<std::size_t>(row)])
            ++row;
        rowEnds[static_cast<std::size_t>(row)] = left + width;
        const QRectF box(left, plot.top() + 2 + row * (metrics.height() + 2), width, metrics.height());
        QColor background = palette().color(QPalette::Base);
        background.setAlpha(220);
        painter->fillRect(box, background);
        painter->setPen(marker.color.darker(120));
        painter->drawText(box, Qt::AlignCenter, marker.label);
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
