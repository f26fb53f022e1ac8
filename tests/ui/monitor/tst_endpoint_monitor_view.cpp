// The endpoint view against the real thing: real HAProxy in front of two real `mlflow models
// serve` processes (a copy of the seeded diabetes-classifier on the shared basic-auth server,
// fixture "mlflow_auth": the champion v3 as "blue" and, as "green", a faulty version registered
// for the test that fails on 3 of the 6 demo rows as a model with a bug would). The view's own
// load test sends real requests; the charts then hold exactly those requests, per deployment;
// the trail's deploy records are on the time axis; the view's watcher records the canary's
// breach and the banner offers "Roll Back Now", which rolls it back through Rollout and is
// recorded too. Functions build on each other, in order; cleanupTestCase stops every process
// and deletes the model, also after a failure.
#include "deploy/deploy_context.h"
#include "monitor/breach_banner.h"
#include "monitor/endpoint_monitor_controller.h"
#include "monitor/endpoint_monitor_view.h"
#include "monitor/load_test_dialog.h"
#include "monitor/monitor_chart_view.h"

#include <cmath>
#include <local_endpoints.h>
#include <mlflow_test_server.h>
#include <release_test_users.h>
#include <result_assertions.h>
#include <seeded_model_copy.h>

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/monitor/local_metrics.h>
#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-classifier-monview");
constexpr const char *kEndpoint = "monitor-view";
constexpr const char *kRiley = "riley.release";
constexpr int kRate = 15;     // requests per second
constexpr int kDuration = 20; // seconds: ~90 requests for the canary at 30 %, half of them failing

// Every request of a metric's ring (one-second steps: the rate is the count of the second),
// of every deployment, or of one.
double countOf(const EndpointMonitorController &controller, MonitorMetric metric,
               const std::string &only = {})
{
    double total = 0;
    for (const std::string &deployment : controller.series().deployments()) {
        if (!only.empty() && deployment != only)
            continue;
        const MetricRing *ring = controller.series().ring(deployment, metric);
        for (std::size_t index = 0; ring && index < ring->size(); ++index)
            total += ring->at(index).value;
    }
    return total;
}

std::int64_t failuresOf(const LoadReport &report, int lowest, int highest)
{
    std::int64_t total = 0;
    for (const auto &[status, count] : report.failedByStatus)
        total += status >= lowest && status <= highest ? count : 0;
    return total;
}

bool hasMarker(const EndpointMonitorController &controller, ReleaseAction action,
               const std::string &deployment)
{
    for (const TrailMarker &marker : controller.markers())
        if (marker.action == action && marker.deployment == deployment)
            return true;
    return false;
}

} // namespace

class TestEndpointMonitorView final : public QObject
{
    Q_OBJECT

private:
    test::SharedAuthMlflow m_shared;
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-monview-XXXXXX")}; // short: HAProxy's socket path
    std::shared_ptr<LocalTarget> m_target;
    DeployContext m_context;
    std::unique_ptr<EndpointMonitorView> m_view;
    std::string m_faulty;

    // On a failure: each second where the rings and a fresh reading of HAProxy's log differ.
    void explainDifference(const EndpointMonitorController &controller) const
    {
        const MetricRing *blue = controller.series().ring("blue", MonitorMetric::RequestRate);
        if (!blue || blue->empty())
            return;
        MetricsQuery query;
        query.endpoint = kEndpoint;
        query.fromMs = blue->oldest().timeMs;
        query.toMs = unixMillisNow() / 1000 * 1000;
        auto fresh = LocalMetricsSource(*m_target).query(query, CancelToken::none());
        if (!fresh.ok())
            return;
        for (const DeploymentMetrics &deployment : fresh.value().deployments) {
            const MetricRing *ring =
                controller.series().ring(deployment.deployment, MonitorMetric::RequestRate);
            for (const MetricsBucket &bucket : deployment.buckets) {
                double held = -1;
                if (ring)
                    if (const std::size_t index = ring->lowerBound(bucket.startMs);
                        index < ring->size() && ring->at(index).timeMs == bucket.startMs)
                        held = ring->at(index).value;
                if (held != double(bucket.status.total()))
                    qWarning("%s at %lld: the log has %lld, the rings %g", deployment.deployment.c_str(),
                             static_cast<long long>(bucket.startMs),
                             static_cast<long long>(bucket.status.total()), held);
            }
        }
        qWarning("rings from %lld to %lld", static_cast<long long>(blue->oldest().timeMs),
                 static_cast<long long>(blue->newest().timeMs));
    }

    EndpointInfo endpointNow() const
    {
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        return endpoint.ok() ? endpoint.value() : EndpointInfo{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        QVERIFY(m_data.isValid());
        LocalTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/endpoints";
        config.mlflowExecutable = test::mlflowExecutable();
        m_target = std::make_shared<LocalTarget>(config);
        const MlflowClient admin =
            test::clientAs(m_shared.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
                           m_shared.adminPassword().toStdString());
        REQUIRE_OK(test::copySeededModel(admin, "diabetes-classifier", kModel));
        REQUIRE_OK(ReleaseLedger(admin).grantModelPermission(kModel, kRiley, "EDIT", CancelToken::none()));
        m_faulty =
            test::registerFaultyVersion(m_shared.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
                                        m_shared.adminPassword().toStdString(), kModel, "4");
        QVERIFY2(!m_faulty.empty(), "the faulty version was not registered");
        auto riley = std::make_shared<const MlflowClient>(
            test::clientAs(m_shared.uri(), kRiley, m_shared.password(kRiley)));
        m_context = DeployContext{riley, m_target, registryAccessFor(riley->config())};
        REQUIRE_OK(test::approveForCanaryDrill(*riley, kModel, {"3", m_faulty},
                                               "approved for the monitoring view test"));
        Rollout rollout(*riley, *m_target, m_context.access);
        REQUIRE_OK(rollout.deploy({kModel, "3", kEndpoint, "blue", std::nullopt, false, {}, {}, 0}, {},
                                  CancelToken::none()));
        REQUIRE_OK(rollout.deploy({kModel, m_faulty, kEndpoint, "green", 30, false, "canary", {}, 0}, {},
                                  CancelToken::none()));
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 70}, {"green", 30}}));
    }

    void cleanupTestCase()
    {
        m_view.reset(); // its controller's calls are cancelled before the endpoint goes
        if (m_target)
            test::deleteEndpoints(*m_target);
        if (!m_shared.uri().isEmpty())
            test::deleteModels(test::clientAs(m_shared.uri(),
                                              test::SharedAuthMlflow::adminUser().toStdString(),
                                              m_shared.adminPassword().toStdString()),
                               {kModel});
    }

    void chartsEveryRequestPerDeployment()
    {
        m_view = std::make_unique<EndpointMonitorView>();
        m_view->setContext(monitorContextFor(m_context));
        m_view->resize(1400, 900);
        m_view->show();
        m_view->setEndpoint(endpointNow());
        EndpointMonitorController *controller = m_view->controller();
        QVERIFY(controller);
        QVERIFY(controller->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(controller->hasBackfilled(), 20000);

        // The view's own load test: the demo rows, mapped to the signature, open-loop.
        LoadTestDialog *load = m_view->openLoadTest();
        QVERIFY(load);
        QVERIFY(load->loadCsv(QStringLiteral(MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv")));
        load->setRate(kRate);
        load->setDuration(kDuration);
        QSignalSpy progressed(load, &LoadTestDialog::progressed);
        QSignalSpy finished(load, &LoadTestDialog::finished);
        load->start();
        QVERIFY(load->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(load->summaryText()));
        QVERIFY2(progressed.count() >= kDuration / 2,
                 qPrintable(QString::number(progressed.count()))); // live
        QVERIFY(load->report().has_value());
        const LoadReport report = *load->report();
        QCOMPARE(report.sent, std::int64_t(kRate * kDuration));
        QCOMPARE(report.transportErrors, std::int64_t(0));
        QVERIFY2(report.failed() > 0 && report.succeeded > report.failed(), qPrintable(load->summaryText()));
        QVERIFY(load->summaryText().startsWith(u"Finished"));

        // Every request sent is in the rings, once (those HAProxy answered itself, when a busy
        // scoring server was out of the split for a moment, as "no deployment"), split between
        // the two deployments as the endpoint split them; the canary's failures are its 4xx.
        (void)QTest::qWaitFor(
            [&]() { return countOf(*controller, MonitorMetric::RequestRate) >= double(report.sent); }, 20000);
        if (countOf(*controller, MonitorMetric::RequestRate) != double(report.sent)) {
            qWarning("%s", qPrintable(load->summaryText()));
            explainDifference(*controller);
        }
        QCOMPARE(countOf(*controller, MonitorMetric::RequestRate), double(report.sent));
        QVERIFY(countOf(*controller, MonitorMetric::RequestRate, "green") > 0.15 * double(report.sent));
        QVERIFY(countOf(*controller, MonitorMetric::RequestRate, "blue") > 0.5 * double(report.sent));
        QCOMPARE(countOf(*controller, MonitorMetric::Ok2xxRate), double(report.succeeded));
        QCOMPARE(countOf(*controller, MonitorMetric::Client4xxRate), double(failuresOf(report, 400, 499)));
        QCOMPARE(countOf(*controller, MonitorMetric::Server5xxRate), double(failuresOf(report, 500, 599)));
        QVERIFY(countOf(*controller, MonitorMetric::Client4xxRate, "green") > 0);
        QCOMPARE(countOf(*controller, MonitorMetric::Client4xxRate, "blue"), 0.0);

        // And drawn: a line per deployment with points on each chart, CPU and memory too.
        m_view->redrawNow();
        const auto drawn = [this](EndpointMonitorView::Chart chart, const QString &label) {
            for (const ChartLine &line : m_view->chart(chart)->lines())
                if (line.label == label)
                    for (const RingPoint &point : line.points)
                        if (point.value > 0)
                            return true;
            return false;
        };
        for (const QString &deployment : {QStringLiteral("blue"), QStringLiteral("green")}) {
            QVERIFY2(drawn(EndpointMonitorView::RequestsChart, deployment), qPrintable(deployment));
            QVERIFY2(drawn(EndpointMonitorView::LatencyChart, deployment), qPrintable(deployment));
            QVERIFY2(drawn(EndpointMonitorView::ResourcesChart, deployment + QStringLiteral(" memory")),
                     qPrintable(deployment));
        }
        QVERIFY(drawn(EndpointMonitorView::ErrorsChart, QStringLiteral("green 4xx")));
        QVERIFY(!drawn(EndpointMonitorView::ErrorsChart, QStringLiteral("blue 4xx")));
        QVERIFY2(m_view->statusLabel()->text().contains(u"Newest request"),
                 qPrintable(m_view->statusLabel()->text()));
    }

    void marksTheTrailAndRollsTheBreachBack()
    {
        QVERIFY(m_view);
        EndpointMonitorController *controller = m_view->controller();
        // The deploy records of both deployments, from the model's trail, on the time axis.
        QTRY_VERIFY_WITH_TIMEOUT(hasMarker(*controller, ReleaseAction::Deploy, "blue") &&
                                     hasMarker(*controller, ReleaseAction::Deploy, "green"),
                                 90000);
        m_view->redrawNow();
        const MonitorChartView *requests = m_view->chart(EndpointMonitorView::RequestsChart);
        QVERIFY(requests->markers().size() >= 2);
        for (const ChartMarker &marker : requests->markers())
            QVERIFY2(marker.label.contains(QString::fromLatin1(kRiley)), qPrintable(marker.label));

        // The canary failed half of its requests: the view's watcher records the breach (the
        // endpoint's rules do not roll back on their own), and the banner offers the rollback.
        BreachBanner *banner = m_view->breachBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 60000);
        QVERIFY2(banner->text().contains(u"green"), qPrintable(banner->text()));
        QVERIFY(banner->rollBackButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(hasMarker(*controller, ReleaseAction::Breach, "green"), 60000);
        QVERIFY2(banner->text().contains(QString::fromLatin1(kRiley)),
                 qPrintable(banner->text())); // recorded by

        QSignalSpy changed(m_view.get(), &EndpointMonitorView::endpointChanged);
        banner->rollBackButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 60000); // the page reads it again
        QCOMPARE(endpointNow().traffic(), (TrafficSplit{{"blue", 100}, {"green", 0}}));
        // The banner says who rolled back once it has read the rollback record from the trail,
        // which may come after the page's reload on a busy machine.
        QTRY_VERIFY2_WITH_TIMEOUT(banner->text().contains(u"Rolled back by riley.release"),
                                  qPrintable(banner->text()), 60000);
        QVERIFY(!banner->rollBackButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(hasMarker(*controller, ReleaseAction::Rollback, "green") ||
                                     hasMarker(*controller, ReleaseAction::Rollback, "blue"),
                                 60000);
    }
};

QTEST_MAIN(TestEndpointMonitorView)
#include "tst_endpoint_monitor_view.moc"
