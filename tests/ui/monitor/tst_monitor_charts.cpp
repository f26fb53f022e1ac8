// The endpoint view's charts fed built reports, checks and trail records (no context: the
// controller only shows what it is given): a line per deployment on each chart, the chosen
// percentile and window, at most two redraws a second and none while paused, the trail's
// records on the time axis with a hover read-out, the breach banner from a check of this
// console and from the trail (dismissed for good, back for a new breach), and both exports.
#include "monitor/breach_banner.h"
#include "monitor/desktop_notifier.h"
#include "monitor/endpoint_monitor_controller.h"
#include "monitor/endpoint_monitor_view.h"
#include "monitor/monitor_chart_view.h"

#include <deploy_samples.h>

#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr std::int64_t kNow = 1'764'846'300'000; // the view's clock: a fixed "now"

// `seconds` steps of `stepMs` ending at `toMs`: blue answers 8 a second at p95 30 ms, green
// 2 a second with one 4xx at p95 `greenP95`.
MetricsReport report(std::int64_t toMs, int seconds, std::int64_t stepMs = 1000, double greenP95 = 90)
{
    MetricsReport out;
    out.endpoint = "charts";
    out.stepMs = stepMs;
    out.fromMs = toMs - seconds * stepMs;
    out.toMs = toMs;
    for (const std::string name : {"blue", "green"}) {
        DeploymentMetrics deployment;
        deployment.deployment = name;
        const std::int64_t scale = stepMs / 1000;
        for (int step = 0; step < seconds; ++step) {
            MetricsBucket bucket;
            bucket.startMs = out.fromMs + step * stepMs;
            bucket.status.ok2xx = (name == "blue" ? 8 : 1) * scale;
            bucket.status.client4xx = (name == "blue" ? 0 : 1) * scale;
            bucket.p50 = name == "blue" ? 20.0 : greenP95 / 2;
            bucket.p95 = name == "blue" ? 30.0 : greenP95;
            bucket.p99 = name == "blue" ? 45.0 : greenP95 * 2;
            deployment.buckets.push_back(bucket);
        }
        deployment.resources = ResourceUsage{name == "blue" ? 40.0 : 95.0, 300LL * 1024 * 1024, 2};
        out.deployments.push_back(deployment);
    }
    out.newestDataMs = toMs - 200;
    return out;
}

EndpointInfo endpoint(int greenTraffic = 10)
{
    return test::endpoint(
        "charts", EndpointHealth::Running,
        {test::deployment("blue", "3", 100 - greenTraffic), test::deployment("green", "4", greenTraffic)});
}

TrailMarker marker(ReleaseAction action, std::int64_t timeMs, const std::string &deployment, int sequence,
                   const std::string &who = "riley.release")
{
    TrailMarker out;
    out.timeMs = timeMs;
    out.action = action;
    out.model = "diabetes-classifier";
    out.version = deployment == "green" ? "4" : "3";
    out.deployment = deployment;
    out.who = who;
    out.sequence = sequence;
    out.comment = action == ReleaseAction::Breach ? "errors (4xx+5xx) 50 % > champion + 5 % over 1m" : "";
    out.splitBefore = {{"blue", 100}, {"green", 0}};
    out.splitAfter = {{"blue", 90}, {"green", 10}};
    return out;
}

std::size_t pointsOf(const MonitorChartView *chart)
{
    std::size_t points = 0;
    for (const ChartLine &line : chart->lines())
        points += line.points.size();
    return points;
}

} // namespace

class TestMonitorCharts final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EndpointMonitorView> shownView()
    {
        auto view = std::make_unique<EndpointMonitorView>();
        view->setClock([]() { return kNow; });
        view->resize(1400, 800);
        view->show();
        view->setEndpoint(endpoint());
        return view;
    }

private Q_SLOTS:
    void chartsEveryDeploymentOnEveryChart()
    {
        auto view = shownView();
        EndpointMonitorController *controller = view->controller();
        QVERIFY(controller);
        controller->ingestBackfill(report(kNow - 10'000, 290));
        controller->ingestLive(report(kNow, 10), kNow);
        view->redrawNow();
        const std::pair<EndpointMonitorView::Chart, std::size_t> expected[] = {
            {EndpointMonitorView::RequestsChart, 2},  // a rate per deployment
            {EndpointMonitorView::ErrorsChart, 4},    // 4xx and 5xx per deployment
            {EndpointMonitorView::LatencyChart, 2},   // the chosen percentile per deployment
            {EndpointMonitorView::ResourcesChart, 4}, // CPU and memory per deployment
        };
        for (const auto &[which, lines] : expected) {
            const MonitorChartView *chart = view->chart(which);
            QCOMPARE(chart->lines().size(), lines);
            QCOMPARE(chart->lineSeries().size(), qsizetype(lines));
            for (qsizetype index = 0; index < chart->lineSeries().size(); ++index)
                QCOMPARE(chart->lineSeries()[index]->count(),
                         qsizetype(chart->lines()[static_cast<std::size_t>(index)].points.size()));
        }
        const MonitorChartView *requests = view->chart(EndpointMonitorView::RequestsChart);
        QCOMPARE(requests->lines()[0].deployment, QStringLiteral("blue"));
        QCOMPARE(requests->lines()[0].points.size(), std::size_t(300)); // five minutes, a point a second
        QCOMPARE(requests->lines()[0].points.back().value, 8.0);
        QCOMPARE(requests->lines()[1].points.back().value, 2.0);
        QCOMPARE(requests->fromMs(), kNow - 300'000);
        const MonitorChartView *latency = view->chart(EndpointMonitorView::LatencyChart);
        QCOMPARE(latency->lines()[1].points.back().value, 90.0); // p95 by default
        view->setPercentile(EndpointMonitorView::Percentile::P99);
        QCOMPARE(latency->lines()[1].points.back().value, 180.0);
        QVERIFY(latency->chart()->title().contains(u"p99"));
        const MonitorChartView *resources = view->chart(EndpointMonitorView::ResourcesChart);
        QCOMPARE(resources->lines()[0].points.size(), std::size_t(1)); // one live scrape so far
        QVERIFY(resources->lines()[1].rightAxis);                      // memory on its own axis
        QCOMPARE(resources->lines()[1].points.back().value, 300.0);

        // The day's window: the same rings, decimated to the chart's width, starting a day ago.
        view->setWindow(MonitorWindow::OneDay);
        QCOMPARE(requests->fromMs(), kNow - 86'400'000);
        QVERIFY(pointsOf(requests) > 0);
        QVERIFY(pointsOf(requests) <= 2 * 2 * requests->displayBuckets());
    }

    void redrawsAtMostTwiceASecondAndNotWhilePaused()
    {
        auto view = shownView();
        EndpointMonitorController *controller = view->controller();
        QSignalSpy redrawn(view.get(), &EndpointMonitorView::redrawn);
        QTest::qWait(EndpointMonitorView::kMinRedrawIntervalMs + 50);
        redrawn.clear();
        // Twenty scrapes in a burst: the charts follow, but with at most two redraws a second.
        for (int second = 0; second < 20; ++second) {
            controller->ingestLive(report(kNow - 60'000 + second * 1000, 1), kNow);
            QTest::qWait(25);
        }
        QTRY_VERIFY_WITH_TIMEOUT(redrawn.count() >= 1, 2000);
        QVERIFY2(redrawn.count() <= 2, qPrintable(QString::number(redrawn.count())));
        QTest::qWait(EndpointMonitorView::kMinRedrawIntervalMs + 100);
        QCOMPARE(pointsOf(view->chart(EndpointMonitorView::RequestsChart)), std::size_t(2 * 20));
        QVERIFY(redrawn.last().at(0).toDouble() >= 0); // how long it took

        // Paused: data still comes in, nothing is redrawn; resuming shows it at once.
        view->pauseAction()->trigger();
        QVERIFY(view->isPaused());
        QVERIFY(view->statusLabel()->text().contains(u"Paused"));
        redrawn.clear();
        for (int second = 0; second < 5; ++second)
            controller->ingestLive(report(kNow - 30'000 + second * 1000, 1), kNow);
        QTest::qWait(3 * EndpointMonitorView::kMinRedrawIntervalMs);
        QCOMPARE(redrawn.count(), 0);
        QCOMPARE(pointsOf(view->chart(EndpointMonitorView::RequestsChart)), std::size_t(2 * 20));
        QCOMPARE(controller->series().ring("blue", MonitorMetric::RequestRate)->size(), std::size_t(25));
        view->pauseAction()->trigger();
        QCOMPARE(redrawn.count(), 1);
        QCOMPARE(pointsOf(view->chart(EndpointMonitorView::RequestsChart)), std::size_t(2 * 25));
    }

    void marksTheTrailOnTheTimeAxis()
    {
        auto view = shownView();
        EndpointMonitorController *controller = view->controller();
        controller->ingestLive(report(kNow, 300), kNow);
        controller->setMarkers({marker(ReleaseAction::Deploy, kNow - 250'000, "green", 7),
                                marker(ReleaseAction::Traffic, kNow - 200'000, "green", 8),
                                marker(ReleaseAction::Breach, kNow - 100'000, "green", 9, "watcher.bot"),
                                marker(ReleaseAction::Rollback, kNow - 90'000, "green", 10, "watcher.bot")});
        view->redrawNow();
        QApplication::processEvents();
        const MonitorChartView *requests = view->chart(EndpointMonitorView::RequestsChart);
        QCOMPARE(requests->markers().size(), std::size_t(4));
        QVERIFY(requests->markers()[1].label.contains(u"riley.release"));
        QVERIFY(requests->markers()[1].label.contains(u"10 %"));
        QVERIFY(requests->markers()[3].details.contains(u"watcher.bot"));
        // The words once, on the request chart; the other charts have the lines.
        QVERIFY(view->chart(EndpointMonitorView::ErrorsChart)->markers()[0].label.isEmpty());
        QVERIFY(view->chart(EndpointMonitorView::LatencyChart)->markers()[0].label.isEmpty());
        QCOMPARE(view->chart(EndpointMonitorView::ErrorsChart)->markers().size(), std::size_t(4));
        // Hovering a marker's line names it; hovering a line names the deployment and the value.
        const QPoint onMarker(static_cast<int>(requests->viewX(kNow - 200'000)), requests->height() / 2);
        const ChartMarker *hit = requests->markerAt(onMarker);
        QVERIFY(hit);
        QCOMPARE(hit->timeMs, kNow - 200'000);
        const QPointF scene =
            requests->chart()->mapToPosition(QPointF(double(kNow - 150'000), 8.0), requests->lineSeries()[0]);
        const QPoint onLine = requests->mapFromScene(requests->chart()->mapToScene(scene));
        const std::optional<MonitorChartView::Hover> hover = requests->nearestPoint(onLine);
        QVERIFY(hover);
        QCOMPARE(hover->line, 0);
        QVERIFY(requests->readoutText(*hover).startsWith(u"blue"));
        QVERIFY(requests->readoutText(*hover).contains(u"req/s"));
        QTest::mouseMove(view->chart(EndpointMonitorView::RequestsChart)->viewport(), onLine);
        QTRY_VERIFY(view->readoutLabel()->text().startsWith(u"blue"));
    }

    void showsABreachFromACheckAndFromTheTrail()
    {
        auto view = shownView();
        EndpointMonitorController *controller = view->controller();
        WatchCheck check;
        check.endpoint = endpoint(10);
        check.policy = defaultSloPolicy();
        check.policy.autoRollback = true;
        check.evaluation.endpoint = "charts";
        check.evaluation.champion = "blue";
        BreachResponse response;
        response.finding.deployment = "green";
        response.finding.rule = SloRule{SloSignal::ErrorPercent, SloComparison::AboveChampion, 5, 60, 20};
        response.finding.verdict = SloVerdict::Breached;
        response.finding.measured = 50;
        response.finding.champion = 0;
        response.finding.allowed = 5;
        response.finding.requests = 120;
        response.model = "diabetes-classifier";
        response.version = "4";
        response.recorded = true;
        response.recordSequence = 9;
        response.rollbackTried = true;
        response.rollback = RolloutOutcome{};
        check.evaluation.findings = {response.finding};
        check.responses = {response};
        controller->ingestCheck(check);
        BreachBanner *banner = view->breachBanner();
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(u"green") && banner->text().contains(u"50.0 %") &&
                     banner->text().contains(u"Rolled back automatically"),
                 qPrintable(banner->text()));
        QVERIFY(!banner->rollBackButton()->isVisible());
        QVERIFY(view->statusLabel()->text().contains(u"rolled back automatically"));
        // A desktop notification where a session bus is (tst_desktop_notifier), nothing without one.
        QCOMPARE(view->notifier()->sent(), DesktopNotifier::hasSessionBus() ? 1 : 0);

        banner->dismissButton()->click();
        QVERIFY(!banner->isVisible());
        // The same breach read from the trail stays dismissed.
        controller->setMarkers({marker(ReleaseAction::Breach, kNow - 2000, "green", 9)});
        QVERIFY(!banner->isVisible());
        // A new breach of a canary that still has its share: shown, with "Roll Back Now".
        controller->setMarkers({marker(ReleaseAction::Breach, kNow - 2000, "green", 9),
                                marker(ReleaseAction::Breach, kNow - 1000, "green", 12, "sam.second")});
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(u"sam.second"), qPrintable(banner->text()));
        QVERIFY(banner->rollBackButton()->isVisible());
        // And once someone rolls it back, the trail says who.
        TrailMarker automatic = marker(ReleaseAction::Traffic, kNow - 500, "blue", 13, "sam.second");
        automatic.comment = "automatic rollback after record 12 (errors (4xx+5xx) <= champion + 5 % over 1m)";
        controller->setMarkers(
            {marker(ReleaseAction::Breach, kNow - 1000, "green", 12, "sam.second"), automatic});
        QVERIFY2(banner->text().contains(u"Rolled back automatically by sam.second"),
                 qPrintable(banner->text()));
        QVERIFY(!banner->rollBackButton()->isVisible());
        // A person's rollback after the breach is no automatic one.
        controller->setMarkers({marker(ReleaseAction::Breach, kNow - 1000, "green", 14, "sam.second"),
                                marker(ReleaseAction::Rollback, kNow - 500, "blue", 15, "riley.release")});
        QVERIFY2(banner->text().contains(u"Rolled back by riley.release"), qPrintable(banner->text()));
    }

    void exportsTheChartsAndTheData()
    {
        auto view = shownView();
        view->controller()->ingestLive(report(kNow, 60), kNow);
        view->redrawNow();
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("charts.png"));
        QVERIFY2(view->exportPng(png, &error), qPrintable(error));
        const QImage image(png);
        QCOMPARE(image.size(), view->chartArea()->size() * view->chartArea()->devicePixelRatio());
        const QString csv = dir.filePath(QStringLiteral("charts.csv"));
        QVERIFY2(view->exportCsv(csv, &error), qPrintable(error));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 2 * 60);
        QVERIFY(lines[0].startsWith("time,deployment,requests_per_s"));
        QVERIFY(lines.last().contains(",green,2,1,1,0,45,90,180,95,300"));
        QVERIFY(!view->exportPng(dir.filePath(QStringLiteral("missing/charts.png")), &error));
    }
};

QTEST_MAIN(TestMonitorCharts)
#include "tst_monitor_charts.moc"
