#pragma once

#include <optional>
#include <vector>

#include <QChartView>
#include <QColor>
#include <QString>

#include <modelgate/core/mlflow/mlflow_types.h>

class QAbstractAxis;
class QLineSeries;

namespace modelgate::ui {

// One line of a metric chart: every point as fetched (kept for the CSV export) and the
// points drawn (LTTB-downsampled by the core).
struct ChartSeriesData
{
    QString label;   // "v4 (candidate)", "v3 @champion"
    QString version; // "4"
    QString runId;
    QString metric;
    std::vector<Metric> points;        // every point, as the server sent them
    std::vector<Metric> displayPoints; // at most MetricChartWidget::kDisplayPoints, finite only
    std::size_t nonFinite = 0;         // points not drawn: NaN or infinite
    // False when `points` is a sample the server chose for display (bulk-interval endpoint);
    // whoever exports every point must then fetch the full history first.
    bool complete = true;
};

// Writes every point of `series` as CSV (run_id,version,metric,step,timestamp,value).
bool writeSeriesCsv(const QString &path, const std::vector<ChartSeriesData> &series,
                    QString *errorMessage = nullptr);

// The colour of the index-th line of a chart.
QColor seriesColor(std::size_t index);

// Fills displayPoints and nonFinite from points (off the GUI thread for long histories).
void prepareForDisplay(ChartSeriesData &series, std::size_t maxPoints);

// A metric-history chart: step on x, value on y, one line per series. Never OpenGL
// (it does not render offscreen). Left drag zooms into a rectangle, right click or Home
// resets, middle or Ctrl+left drag pans, arrow keys pan, +/- and the wheel zoom. Hovering
// shows the nearest point (series, step, value) in readout().
class MetricChartWidget final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChartWidget)

public:
    static constexpr std::size_t kDisplayPoints = 2000;

    struct NearestPoint
    {
        int series = -1;
        Metric point;
    };

    explicit MetricChartWidget(QWidget *parent = nullptr);

    void setSeries(const QString &metric, std::vector<ChartSeriesData> series);
    void clear();
    const std::vector<ChartSeriesData> &seriesData() const { return m_data; }
    QList<QLineSeries *> lineSeries() const { return m_lines; }

    // Log scale is only possible when every drawn value is > 0; logScaleBlocker() says why not.
    bool canUseLogScale() const;
    QString logScaleBlocker() const;
    bool setLogScale(bool on);
    bool logScale() const { return m_logScale; }
    void resetZoom();

    // The point nearest to a position in the view (within 40 px), and its read-out text.
    std::optional<NearestPoint> nearestPoint(const QPoint &viewPosition) const;
    QString readoutText(const NearestPoint &nearest) const;
    QString readout() const { return m_readout; }

    // Every point of every series: run_id,version,metric,step,timestamp,value. False with
    // errorMessage set if the file cannot be written.
    bool exportCsv(const QString &path, QString *errorMessage = nullptr) const;
    bool exportPng(const QString &path, QString *errorMessage = nullptr);

Q_SIGNALS:
    void readoutChanged(const QString &text);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void rebuildAxes();
    void setReadout(const QString &text);

    std::vector<ChartSeriesData> m_data;
    QList<QLineSeries *> m_lines;
    QString m_metric;
    bool m_logScale = false;
    bool m_panning = false;
    QPoint m_lastPanPosition;
    QString m_readout;
};

} // namespace modelgate::ui
