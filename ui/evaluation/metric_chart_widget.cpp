#include "evaluation/metric_chart_widget.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QChart>
#include <QFile>
#include <QGraphicsLayout>
#include <QKeyEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QSaveFile>
#include <QToolTip>
#include <QValueAxis>

#include <modelgate/core/review/downsample.h>

namespace modelgate::ui {

namespace {

constexpr double kHoverRadius = 40.0; // px: farther than this, nothing is "under" the cursor
constexpr int kHoverNeighbours = 24;  // points either side of the cursor's step to measure

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString csvNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QString::number(value, 'g', 17); // C locale: a CSV for tools, not for people
}

} // namespace

QColor seriesColor(std::size_t index)
{
    // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
    static const QColor palette[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                     QColor(0x00, 0x9e, 0x73), QColor(0xd5, 0x5e, 0x00),
                                     QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9),
                                     QColor(0x00, 0x00, 0x00), QColor(0xf0, 0xe4, 0x42)};
    return palette[index % std::size(palette)];
}

void prepareForDisplay(ChartSeriesData &series, std::size_t maxPoints)
{
    series.nonFinite = countNonFinite(series.points);
    series.displayPoints = downsampleMetricHistory(series.points, maxPoints);
}

MetricChartWidget::MetricChartWidget(QWidget *parent)
    : QChartView(new QChart(), parent)
{
    setObjectName(QStringLiteral("metricChart"));
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(320, 220);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->layout()->setContentsMargins(0, 0, 0, 0);
    chart()->setBackgroundRoundness(0);
    chart()->setLocalizeNumbers(true); // axis labels in the UI language
}

void MetricChartWidget::clear()
{
    setSeries({}, {});
}

void MetricChartWidget::setSeries(const QString &metric, std::vector<ChartSeriesData> series)
{
    m_metric = metric;
    m_data = std::move(series);
    chart()->removeAllSeries();
    m_lines.clear();
    for (std::size_t index = 0; index < m_data.size(); ++index) {
        const ChartSeriesData &data = m_data[index];
        auto *line = new QLineSeries(chart());
        line->setName(data.label);
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(data.displayPoints.size()));
        for (const Metric &point : data.displayPoints)
            points.append(QPointF(static_cast<double>(point.step), point.value));
        line->replace(points);
        // The candidate (first series) stands out; overlays are thinner. Explicit pens: a
        // pen set before addSeries() would otherwise keep its default black.
        QPen pen(seriesColor(index));
        pen.setWidthF(index == 0 ? 2.5 : 1.6);
        line->setPen(pen);
        chart()->addSeries(line);
        m_lines.append(line);
    }
    if (m_logScale && !canUseLogScale())
        m_logScale = false;
    rebuildAxes();
    setReadout({});
}

bool MetricChartWidget::canUseLogScale() const
{
    return logScaleBlocker().isEmpty();
}

QString MetricChartWidget::logScaleBlocker() const
{
    bool any = false;
    for (const ChartSeriesData &data : m_data)
        for (const Metric &point : data.displayPoints) {
            any = true;
            if (point.value <= 0.0)
                return tr("A log scale needs values above zero; %1 has the value %2 at step %3.")
                    .arg(data.label, QLocale().toString(point.value, 'g', 6))
                    .arg(point.step);
        }
    return any ? QString() : tr("There is nothing to draw.");
}

bool MetricChartWidget::setLogScale(bool on)
{
    if (on && !canUseLogScale())
        return false;
    m_logScale = on;
    rebuildAxes();
    return true;
}

void MetricChartWidget::rebuildAxes()
{
    for (QAbstractAxis *axis : chart()->axes()) {
        chart()->removeAxis(axis);
        delete axis;
    }

    double minX = std::numeric_limits<double>::infinity();
    double maxX = -minX;
    double minY = minX;
    double maxY = -minX;
    for (const ChartSeriesData &data : m_data)
        for (const Metric &point : data.displayPoints) {
            minX = std::min(minX, static_cast<double>(point.step));
            maxX = std::max(maxX, static_cast<double>(point.step));
            minY = std::min(minY, point.value);
            maxY = std::max(maxY, point.value);
        }
    if (!std::isfinite(minX)) {
        minX = 0;
        maxX = 1;
        minY = 0;
        maxY = 1;
    }
    if (maxX <= minX)
        maxX = minX + 1;

    auto *xAxis = new QValueAxis(chart());
    xAxis->setTitleText(tr("Step"));
    xAxis->setLabelFormat(QStringLiteral("%.0f"));
    xAxis->setRange(minX, maxX);
    xAxis->applyNiceNumbers();
    chart()->addAxis(xAxis, Qt::AlignBottom);

    QAbstractAxis *yAxis = nullptr;
    if (m_logScale) {
        auto *log = new QLogValueAxis(chart());
        log->setBase(10.0);
        log->setLabelFormat(QStringLiteral("%.4g"));
        log->setMinorTickCount(-1);
        // Whole decades: QLogValueAxis labels only powers of the base, so a range inside one
        // decade would show no value at all.
        const double low = std::pow(10.0, std::floor(std::log10(minY)));
        double high = std::pow(10.0, std::ceil(std::log10(maxY)));
        if (high <= low)
            high = low * 10.0;
        log->setRange(low * 0.999, high * 1.001); // keep the end ticks despite rounding
        yAxis = log;
    } else {
        auto *linear = new QValueAxis(chart());
        const double pad = maxY > minY ? (maxY - minY) * 0.05 : std::max(std::fabs(maxY) * 0.05, 0.5);
        linear->setRange(minY - pad, maxY + pad);
        linear->applyNiceNumbers();
        linear->setLabelFormat(QStringLiteral("%.4g"));
        yAxis = linear;
    }
    yAxis->setTitleText(m_logScale ? tr("%1 (log scale)").arg(m_metric) : m_metric);
    chart()->addAxis(yAxis, Qt::AlignLeft);
    for (QLineSeries *line : m_lines) {
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    }
}

void MetricChartWidget::resetZoom()
{
    rebuildAxes();
}

std::optional<MetricChartWidget::NearestPoint>
MetricChartWidget::nearestPoint(const QPoint &viewPosition) const
{
    const QPointF chartPosition = chart()->mapFromScene(mapToScene(viewPosition));
    if (!chart()->plotArea().adjusted(-4, -4, 4, 4).contains(chartPosition))
        return std::nullopt;
    std::optional<NearestPoint> best;
    double bestDistance = kHoverRadius * kHoverRadius;
    for (int s = 0; s < m_lines.size(); ++s) {
        const std::vector<Metric> &points = m_data[static_cast<std::size_t>(s)].displayPoints;
        if (points.empty() || !m_lines[s]->isVisible())
            continue;
        // Display points are sorted by step: look only around the cursor's step.
        const double step = chart()->mapToValue(chartPosition, m_lines[s]).x();
        const auto it = std::lower_bound(points.begin(), points.end(), step, [](const Metric &m, double x) {
            return static_cast<double>(m.step) < x;
        });
        const auto centre = static_cast<std::ptrdiff_t>(it - points.begin());
        const std::ptrdiff_t first = std::max<std::ptrdiff_t>(0, centre - kHoverNeighbours);
        const std::ptrdiff_t last =
            std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(points.size()), centre + kHoverNeighbours);
        for (std::ptrdiff_t i = first; i < last; ++i) {
            const Metric &point = points[static_cast<std::size_t>(i)];
            const QPointF at =
                chart()->mapToPosition(QPointF(static_cast<double>(point.step), point.value), m_lines[s]);
            const double dx = at.x() - chartPosition.x();
            const double dy = at.y() - chartPosition.y();
            if (dx * dx + dy * dy < bestDistance) {
                bestDistance = dx * dx + dy * dy;
                best = NearestPoint{s, point};
            }
        }
    }
    return best;
}

QString MetricChartWidget::readoutText(const NearestPoint &nearest) const
{
    const ChartSeriesData &data = m_data.at(static_cast<std::size_t>(nearest.series));
    return tr("%1 · step %2 · %3 = %4")
        .arg(data.label, QLocale().toString(static_cast<qlonglong>(nearest.point.step)), data.metric,
             QLocale().toString(nearest.point.value, 'g', 8));
}

void MetricChartWidget::setReadout(const QString &text)
{
    if (text == m_readout)
        return;
    m_readout = text;
    Q_EMIT readoutChanged(text);
}

bool MetricChartWidget::exportCsv(const QString &path, QString *errorMessage) const
{
    return writeSeriesCsv(path, m_data, errorMessage);
}

bool writeSeriesCsv(const QString &path, const std::vector<ChartSeriesData> &series, QString *errorMessage)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    QByteArray out = "run_id,version,metric,step,timestamp,value\n";
    for (const ChartSeriesData &data : series) {
        const QByteArray prefix =
            (csvField(data.runId) + u',' + csvField(data.version) + u',' + csvField(data.metric) + u',')
                .toUtf8();
        for (const Metric &point : data.points) {
            out += prefix;
            out += QByteArray::number(static_cast<qlonglong>(point.step)) + ',' +
                   QByteArray::number(static_cast<qlonglong>(point.timestamp)) + ',' +
                   csvNumber(point.value).toLatin1() + '\n';
            if (out.size() > (1 << 20)) {
                file.write(out);
                out.clear();
            }
        }
    }
    file.write(out);
    if (!file.commit()) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    return true;
}

bool MetricChartWidget::exportPng(const QString &path, QString *errorMessage)
{
    if (grab().save(path, "PNG"))
        return true;
    if (errorMessage)
        *errorMessage = tr("The image could not be written to %1.").arg(path);
    return false;
}

void MetricChartWidget::mousePressEvent(QMouseEvent *event)
{
    const bool pan = event->button() == Qt::MiddleButton ||
                     (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier));
    if (pan) {
        m_panning = true;
        m_lastPanPosition = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        resetZoom(); // instead of QChartView's one-step zoom-out: one gesture back to everything
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void MetricChartWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint position = event->position().toPoint();
        const QPoint delta = position - m_lastPanPosition;
        m_lastPanPosition = position;
        chart()->scroll(-delta.x(), delta.y());
        event->accept();
        return;
    }
    if (const std::optional<NearestPoint> nearest = nearestPoint(event->position().toPoint())) {
        const QString text = readoutText(*nearest);
        setReadout(text);
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    } else {
        setReadout({});
        QToolTip::hideText();
    }
    QChartView::mouseMoveEvent(event);
}

void MetricChartWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void MetricChartWidget::keyPressEvent(QKeyEvent *event)
{
    const qreal stepX = chart()->plotArea().width() / 10.0;
    const qreal stepY = chart()->plotArea().height() / 10.0;
    switch (event->key()) {
    case Qt::Key_Left:
        chart()->scroll(-stepX, 0);
        break;
    case Qt::Key_Right:
        chart()->scroll(stepX, 0);
        break;
    case Qt::Key_Up:
        chart()->scroll(0, stepY);
        break;
    case Qt::Key_Down:
        chart()->scroll(0, -stepY);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        chart()->zoom(1.25);
        break;
    case Qt::Key_Minus:
        chart()->zoom(0.8);
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        resetZoom();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MetricChartWidget::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QChartView::wheelEvent(event);
        return;
    }
    chart()->zoom(delta > 0 ? 1.2 : 1.0 / 1.2);
    event->accept();
}

void MetricChartWidget::leaveEvent(QEvent *event)
{
    setReadout({});
    QChartView::leaveEvent(event);
}

} // namespace modelgate::ui
