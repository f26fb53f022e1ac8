// The overview: what the poller makes of a report of the last minutes and of an SLO
// evaluation (the sparkline, error rate, p95, verdict), and the endpoint list showing those
// figures, sorted by trouble through a QSortFilterProxyModel (a breached rule first, then a
// degraded or down endpoint, then by error rate), with QAbstractItemModelTester watching the
// model and the proxy while the figures change. Plain values: no endpoint, no server.
#include "deploy/endpoint_list_model.h"
#include "deploy_samples.h"
#include "monitor/endpoint_overview_poller.h"
#include "widgets/sparkline_delegate.h"

#include <QAbstractItemModelTester>
#include <QPainter>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QStyleOptionViewItem>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr std::int64_t kFrom = 1'764'846'000'000;

// Five minutes in 10-second steps: `perStep` requests a step for each deployment, of which
// `failing` answered 4xx (on the last deployment only).
MetricsReport span(const std::vector<std::string> &deployments, int perStep, int failing)
{
    MetricsReport report;
    report.fromMs = kFrom;
    report.toMs = kFrom + 300'000;
    report.stepMs = 10'000;
    for (std::size_t index = 0; index < deployments.size(); ++index) {
        DeploymentMetrics deployment;
        deployment.deployment = deployments[index];
        const bool last = index + 1 == deployments.size();
        for (int step = 0; step < 30; ++step) {
            MetricsBucket bucket;
            bucket.startMs = kFrom + step * 10'000LL;
            // The load grows over the span: the sparkline must rise.
            const int requests = perStep * (step + 1) / 30 + 1;
            bucket.status.ok2xx = requests - (last ? failing : 0);
            bucket.status.client4xx = last ? failing : 0;
            deployment.buckets.push_back(bucket);
            deployment.window.status.merge(bucket.status);
            deployment.window.latency.add(last ? 120 : 30, requests);
        }
        deployment.window.seconds = 300;
        report.total.merge(deployment.window);
        report.deployments.push_back(deployment);
    }
    return report;
}

SloEvaluation evaluation(SloVerdict verdict)
{
    SloEvaluation out;
    out.endpoint = "e";
    out.champion = "blue";
    SloFinding finding;
    finding.deployment = "green";
    finding.rule = SloRule{SloSignal::ErrorPercent, SloComparison::AboveChampion, 5, 60, 20};
    finding.verdict = verdict;
    finding.measured = 40;
    finding.champion = 0;
    finding.allowed = 5;
    finding.requests = 120;
    out.findings.push_back(finding);
    return out;
}

std::vector<EndpointInfo> endpoints()
{
    return {
        test::endpoint("calm", EndpointHealth::Running, {test::deployment("a", "1", 100)}),
        test::endpoint("breached", EndpointHealth::Running,
                       {test::deployment("blue", "3", 90), test::deployment("green", "4", 10)}),
        test::endpoint("down", EndpointHealth::Down, {test::deployment("v1", "1", 100)}),
        test::endpoint("noisy", EndpointHealth::Running, {test::deployment("x", "2", 100)}),
    };
}

QStringList namesInOrder(const QSortFilterProxyModel &proxy)
{
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names << proxy.index(row, EndpointListModel::Name).data().toString();
    return names;
}

} // namespace

class TestEndpointOverview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void figuresFromAReport()
    {
        const EndpointLiveFigures figures = EndpointOverviewPoller::figuresFrom(
            span({"blue", "green"}, 60, 3), evaluation(SloVerdict::Breached));
        QCOMPARE(figures.requestRate.size(), 30);
        QVERIFY(figures.requestRate.front() < figures.requestRate.back()); // the load grew
        // The last step: 61 requests each, over 10 s.
        QCOMPARE(figures.requestRate.back(), 2 * 61 / 10.0);
        QVERIFY(figures.errorPercent.has_value());
        QVERIFY(*figures.errorPercent > 0 && *figures.errorPercent < 10);
        QCOMPARE(figures.p95Ms.value_or(-1), 120.0);
        QCOMPARE(figures.slo, std::optional<SloVerdict>(SloVerdict::Breached));
        QCOMPARE(figures.sloText, QStringLiteral("breached"));
        QVERIFY2(figures.sloDetail.contains(u"green") && figures.sloDetail.contains(u"40"),
                 qPrintable(figures.sloDetail));

        const EndpointLiveFigures idle = EndpointOverviewPoller::figuresFrom(MetricsReport{}, std::nullopt);
        QVERIFY(idle.requestRate.isEmpty());
        QVERIFY(!idle.errorPercent && !idle.p95Ms && !idle.slo);
    }

    void sortsByTroubleThroughAProxy()
    {
        EndpointListModel model;
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(EndpointListModel::SortRole);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(EndpointListModel::Slo, Qt::DescendingOrder);
        model.setEndpoints(endpoints());
        QCOMPARE(model.columnCount(), int(EndpointListModel::ColumnCount));
        // Before any figures: the down endpoint is the only trouble.
        QCOMPARE(namesInOrder(proxy).front(), QStringLiteral("down"));
        QCOMPARE(model.index(0, EndpointListModel::ErrorRate).data().toString(), QStringLiteral("–"));

        std::map<std::string, EndpointLiveFigures> figures;
        figures["calm"] =
            EndpointOverviewPoller::figuresFrom(span({"a"}, 30, 0), evaluation(SloVerdict::Met));
        figures["breached"] = EndpointOverviewPoller::figuresFrom(span({"blue", "green"}, 30, 2),
                                                                  evaluation(SloVerdict::Breached));
        figures["down"] = EndpointOverviewPoller::figuresFrom(MetricsReport{}, std::nullopt);
        figures["noisy"] =
            EndpointOverviewPoller::figuresFrom(span({"x"}, 30, 8), evaluation(SloVerdict::Met));
        model.setFigures(figures);
        // Breached first, then down, then the errors of the rest: noisy before calm.
        QCOMPARE(namesInOrder(proxy), (QStringList{QStringLiteral("breached"), QStringLiteral("down"),
                                                   QStringLiteral("noisy"), QStringLiteral("calm")}));
        const int breached = model.rowOfName(QStringLiteral("breached"));
        QCOMPARE(model.index(breached, EndpointListModel::Slo).data().toString(), QStringLiteral("breached"));
        QVERIFY(model.index(breached, EndpointListModel::Slo).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(breached, EndpointListModel::Slo)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"green"));
        QVERIFY(model.index(breached, EndpointListModel::LatencyP95).data().toString().endsWith(u" ms"));
        QVERIFY(model.index(breached, EndpointListModel::ErrorRate).data().toString().endsWith(u" %"));
        QCOMPARE(model.index(breached, EndpointListModel::RequestRate)
                     .data(EndpointListModel::SparklineRole)
                     .value<QList<double>>()
                     .size(),
                 30);
        QVERIFY(
            model.index(breached, EndpointListModel::Name).data(EndpointListModel::TroubleRole).toDouble() >=
            3000);

        // The canary is rolled back and the rules are met again: it drops below the down one.
        figures["breached"] =
            EndpointOverviewPoller::figuresFrom(span({"blue"}, 30, 0), evaluation(SloVerdict::Met));
        model.setFigures(figures);
        QCOMPARE(namesInOrder(proxy).front(), QStringLiteral("down"));
        QCOMPARE(namesInOrder(proxy).back(), QStringLiteral("breached")); // no errors at all now

        // New endpoints keep the figures of those that stay.
        model.setEndpoints({endpoints()[3]});
        QCOMPARE(proxy.rowCount(), 1);
        QVERIFY(model.figuresOf("noisy") != nullptr);
        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void sparklineDelegatePaintsTheLine()
    {
        EndpointListModel model;
        model.setEndpoints(endpoints());
        model.setFigures({{"calm", EndpointOverviewPoller::figuresFrom(span({"a"}, 30, 0), std::nullopt)}});
        SparklineDelegate delegate(EndpointListModel::SparklineRole);
        QPixmap pixmap(200, 24);
        pixmap.fill(Qt::white);
        QPainter painter(&pixmap);
        QStyleOptionViewItem option;
        option.rect = pixmap.rect();
        option.palette = QPalette(Qt::black, Qt::white);
        delegate.paint(&painter, option,
                       model.index(model.rowOfName(QStringLiteral("calm")), EndpointListModel::RequestRate));
        painter.end();
        // Somewhere in the line's part of the cell, a pixel of the line's colour.
        const QImage image = pixmap.toImage();
        int coloured = 0;
        for (int x = 0; x < SparklineDelegate::kLineWidth; ++x)
            for (int y = 0; y < image.height(); ++y)
                coloured += image.pixelColor(x, y).blue() > 150 && image.pixelColor(x, y).red() < 120 ? 1 : 0;
        QVERIFY2(coloured > 20, qPrintable(QString::number(coloured)));
        QVERIFY(delegate.sizeHint(option, model.index(0, EndpointListModel::RequestRate)).width() >
                SparklineDelegate::kLineWidth);
    }
};

QTEST_MAIN(TestEndpointOverview)
#include "tst_endpoint_overview.moc"
