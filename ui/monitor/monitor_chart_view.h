#pragma once

#include "monitor/metric_ring.h"

#include <optional>
#include <vector>

#include <QChartView>
#include <QColor>
#include <QString>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace modelgate::ui {

// One line of a live chart: a deployment's series, already decimated for the chart's width.
struct ChartLine
{
    QString key;        // stable across redraws ("v4|p95"): the same QLineSeries is refilled
    QString label;      // the legend's "v4 5xx"
    QString deployment; // for the read-out
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    bool rightAxis = false; // the second value axis (memory beside CPU)
    std::vector<RingPoint> points;
    // One legend entry per deployment: a second line of the same deployment (5xx beside 4xx,
    // memory beside CPU) is told apart by its pen, which the chart's title explains.
    bool inLegend = true;
};

// A record of the release trail on the time axis: a vertical line with a short label.
struct ChartMarker
{
    qint64 timeMs = 0;
    QColor color;
    QString label;    // "rollback v4 → 0 % · riley.release"
    QString details;  // the tooltip
    int priority = 0; // where labels crowd, the higher ones keep theirs (a breach before a deploy)
};

// A live time chart of the endpoint view: Unix time on x (a fixed window ending now), one
// line per deployment and series, and the trail's records as marked times. Redraws refill
// the existing series in one call each (QXYSeries::replace), so that a redraw costs one
// layout, not one per point. Never OpenGL: it does not render offscreen.
class MonitorChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorChartView)

public:
    struct Hover
    {
        int line = -1;
        RingPoint point;
    };

    MonitorChartView(const QString &title, const QString &unit, QWidget *parent = nullptr);

    void setUnits(const QString &unit, const QString &rightUnit = {});
    // The shown span of time and how its labels read ("HH:mm:ss" for 5 min, "HH:mm" beyond).
    void setTimeRange(qint64 fromMs, qint64 toMs, const QString &timeFormat);
    void setLines(std::vector<ChartLine> lines);
    void setMarkers(std::vector<ChartMarker> markers);

    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    const std::vector<ChartLine> &lines() const { return m_lines; }
    const std::vector<ChartMarker> &markers() const { return m_markers; }
    QList<QLineSeries *> lineSeries() const;
    // How many points a line may have for this chart's plot width (twice its pixels).
    std::size_t displayBuckets() const;

    // The drawn point nearest to a position in the view (within 30 px), and its read-out
    // ("v4 · 14:03:12 · 12.3 req/s"); the marker under a position (within 4 px of its line).
    std::optional<Hover> nearestPoint(const QPoint &viewPosition) const;
    QString readoutText(const Hover &hover) const;
    const ChartMarker *markerAt(const QPoint &viewPosition) const;
    // The x position of a time in the view (for tests and the hover).
    double viewX(qint64 timeMs) const;
    QString readout() const { return m_readout; }

Q_SIGNALS:
    void readoutChanged(const QString &text);

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void updateValueAxes();
    bool isDense(const ChartLine &line) const;
    void setReadout(const QString &text);

    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QValueAxis *m_rightAxis;
    QString m_unit;
    QString m_rightUnit;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    std::vector<ChartLine> m_lines;
    QList<QLineSeries *> m_series; // beside m_lines, same order
    std::vector<ChartMarker> m_markers;
    QString m_readout;
};

} // namespace modelgate::ui
