#include "evaluation/metric_chart_widget.h"

#include <cmath>
#include <limits>

#include <QChart>
#include <QElapsedTimer>
#include <QFile>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

ChartSeriesData makeSeries(const QString &label, const QString &version, std::size_t count,
                           double (*value)(std::size_t))
{
    ChartSeriesData series;
    series.label = label;
    series.version = version;
    series.runId = QStringLiteral("run-") + version;
    series.metric = QStringLiteral("loss");
    series.points.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        series.points.push_back(Metric{"loss",
                                       value(i),
                                       1'700'000'000'000 + static_cast<std::int64_t>(i),
                                       static_cast<std::int64_t>(i),
                                       {}});
    prepareForDisplay(series, MetricChartWidget::kDisplayPoints);
    return series;
}

double decaying(std::size_t i)
{
    return 1.0 / (1.0 + static_cast<double>(i) / 100.0) + 0.01 * std::sin(static_cast<double>(i));
}

double shifted(std::size_t i)
{
    return decaying(i) - 0.5; // crosses zero
}

} // namespace

class TestMetricChartWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void downsamplesForDisplayAndExportsEveryPoint()
    {
        MetricChartWidget chart;
        chart.resize(800, 500);
        chart.show();
        std::vector<ChartSeriesData> series;
        QElapsedTimer timer;
        timer.start();
        series.push_back(
            makeSeries(QStringLiteral("v4 (this version)"), QStringLiteral("4"), 100'000, decaying));
        series.push_back(makeSeries(QStringLiteral("v3 @champion"), QStringLiteral("3"), 500, decaying));
        // A NaN is exported but not drawn.
        series.back().points[10].value = std::numeric_limits<double>::quiet_NaN();
        prepareForDisplay(series.back(), MetricChartWidget::kDisplayPoints);
        chart.setSeries(QStringLiteral("loss"), std::move(series));
        QCoreApplication::processEvents();
        // For information only (timings belong to the benchmark, not to a pass/fail test).
        qInfo("100,000 + 500 points built, downsampled and charted in %lld ms", timer.elapsed());

        QCOMPARE(chart.lineSeries().size(), 2);
        QCOMPARE(chart.chart()->series().size(), 2);
        QCOMPARE(chart.lineSeries().at(0)->name(), QStringLiteral("v4 (this version)"));
        QVERIFY(chart.lineSeries().at(0)->count() <= int(MetricChartWidget::kDisplayPoints));
        QVERIFY(chart.lineSeries().at(0)->count() > 1000); // downsampled, not decimated to nothing
        QCOMPARE(chart.lineSeries().at(1)->count(), 499);
        QCOMPARE(chart.seriesData().at(1).nonFinite, std::size_t(1));
        QCOMPARE(chart.seriesData().at(0).points.size(), std::size_t(100'000));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("loss.csv"));
        QString error;
        QVERIFY2(chart.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QList<QByteArray> lines = file.readAll().split('\n');
        // Header + every point of both series + the empty string after the last newline.
        QCOMPARE(lines.size(), 1 + 100'000 + 500 + 1);
        QCOMPARE(lines.first(), QByteArray("run_id,version,metric,step,timestamp,value"));
        QCOMPARE(lines.at(1), QByteArray("run-4,4,loss,0,1700000000000,1"));
        QCOMPARE(lines.at(1 + 100'000 + 10), QByteArray("run-3,3,loss,10,1700000000010,NaN"));
        QVERIFY(lines.last().isEmpty());

        const QString png = dir.filePath(QStringLiteral("loss.png"));
        QVERIFY2(chart.exportPng(png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), chart.grab().width());

        // An unwritable path is an error message, not a crash.
        QVERIFY(!chart.exportCsv(dir.filePath(QStringLiteral("missing/dir/x.csv")), &error));
        QVERIFY(!error.isEmpty());
    }

    void logScaleNeedsPositiveValues()
    {
        MetricChartWidget chart;
        chart.resize(600, 400);
        std::vector<ChartSeriesData> positive;
        positive.push_back(makeSeries(QStringLiteral("v1"), QStringLiteral("1"), 300, decaying));
        chart.setSeries(QStringLiteral("loss"), std::move(positive));
        QVERIFY(chart.canUseLogScale());
        QVERIFY(chart.setLogScale(true));
        QVERIFY(chart.logScale());

        std::vector<ChartSeriesData> crossing;
        crossing.push_back(makeSeries(QStringLiteral("v2"), QStringLiteral("2"), 300, shifted));
        chart.setSeries(QStringLiteral("loss"), std::move(crossing));
        QVERIFY(!chart.logScale()); // switched off: the new data cannot be drawn on it
        QVERIFY(!chart.canUseLogScale());
        QVERIFY(chart.logScaleBlocker().contains(QStringLiteral("v2")));
        QVERIFY(!chart.setLogScale(true));
        QVERIFY(!chart.logScale());

        chart.clear();
        QVERIFY(!chart.canUseLogScale()); // nothing to draw
        QCOMPARE(chart.lineSeries().size(), 0);
    }

    void hoverReadsTheNearestPoint()
    {
        MetricChartWidget chart;
        chart.resize(800, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        std::vector<ChartSeriesData> series;
        series.push_back(makeSeries(QStringLiteral("v4 (this version)"), QStringLiteral("4"), 200, decaying));
        chart.setSeries(QStringLiteral("loss"), std::move(series));
        QCoreApplication::processEvents();

        const Metric &target = chart.seriesData().at(0).displayPoints.at(50);
        const QPointF inChart = chart.chart()->mapToPosition(
            QPointF(static_cast<double>(target.step), target.value), chart.lineSeries().at(0));
        const QPoint inView = chart.mapFromScene(chart.chart()->mapToScene(inChart));
        const std::optional<MetricChartWidget::NearestPoint> nearest = chart.nearestPoint(inView);
        QVERIFY(nearest.has_value());
        QCOMPARE(nearest->series, 0);
        QCOMPARE(nearest->point.step, target.step);
        const QString text = chart.readoutText(*nearest);
        QVERIFY2(text.contains(QStringLiteral("v4 (this version)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("step 50")), qPrintable(text));
        QVERIFY2(text.contains(QLocale().toString(target.value, 'g', 8)), qPrintable(text));

        // Moving the mouse there updates the read-out.
        QTest::mouseMove(chart.viewport(), inView);
        QTRY_COMPARE(chart.readout(), text);

        // Far outside the plot area: nothing.
        QVERIFY(!chart.nearestPoint(QPoint(2, 2)).has_value());

        // Zooming and resetting keep working with the data.
        chart.chart()->zoom(2.0);
        chart.resetZoom();
        QCOMPARE(chart.lineSeries().size(), 1);
    }
};

QTEST_MAIN(TestMetricChartWidget)
#include "tst_metric_chart_widget.moc"
