// The screenshot mode's Endpoints screens (17-22): the endpoint list, an endpoint's split
// and log, the wizard's smoke test, the overview with every endpoint's live figures, and the
// live charts of an endpoint under load with the trail's records and a breach. All of them
// from the real endpoints of this machine, never made-up ones; kept apart from
// screenshot_runner.cpp, which walks the registry and review screens.
#include "deploy/deploy_wizard.h"
#include "deploy/deploy_wizard_pages.h"
#include "deploy/endpoint_list_model.h"
#include "deploy/endpoints_page.h"
#include "monitor/breach_banner.h"
#include "monitor/endpoint_monitor_controller.h"
#include "monitor/endpoint_monitor_view.h"
#include "monitor/endpoint_overview_poller.h"
#include "monitor/metrics_source_dialog.h"
#include "monitor/monitor_chart_view.h"
#include "release/reviews_page.h"
#include "shell/main_window.h"
#include "shell/screenshot_runner.h"

#include <memory>

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>

namespace modelgate::ui {

namespace {

// How long the live charts collect before their screen is taken: a few live seconds after
// the back-fill, so the newest points and the CPU line are in.
constexpr int kLiveSettleMs = 20'000;
constexpr std::int64_t kFiveMinutesMs = 300'000;

// Calls `done` once the view's controller has back-filled its window, read the trail and
// evaluated the SLO rules: its charts, markers and banner are in.
std::function<void(std::function<void()>)> chartsReady(EndpointMonitorView *view)
{
    return [view](const std::function<void()> &done) {
        auto *poll = new QTimer(view);
        QObject::connect(poll, &QTimer::timeout, view, [view, poll, done]() {
            const EndpointMonitorController *controller = view->controller();
            if (controller && controller->hasBackfilled() && controller->hasReadTrail() &&
                controller->lastEvaluation()) {
                poll->stop();
                poll->deleteLater();
                done();
            }
        });
        poll->start(250);
    };
}

} // namespace

// The Endpoints tab, an endpoint with two deployments and a split, the deployment log and the
// wizard's smoke test, from the real endpoints of this machine (the page reads them on show):
// scripts/demo.sh --screenshots deploys two versions first. Without endpoints there is nothing
// true to show, so these screens are skipped and the run says so.
void ScreenshotRunner::stepEndpoints()
{
    EndpointsPage *page = m_window->endpointsPage();
    waitFor(
        QStringLiteral("the endpoints"),
        [this, page](const std::function<void()> &done) {
            connect(page, &EndpointsPage::endpointsLoaded, this, done, Qt::SingleShotConnection);
            m_window->showPage(MainWindow::EndpointsPageIndex);
            page->refresh();
        },
        [this, page]() {
            if (page->endpointModel()->rowCount() == 0) {
                m_skipped << QStringLiteral("the Endpoints screens (no endpoint on this machine; "
                                            "scripts/demo.sh --screenshots deploys two versions)");
                m_window->showPage(ReviewsPage::RegistryPage);
                stepWorkspacesDialog();
                return;
            }
            // The approvals are read after the list: give them a moment.
            QTimer::singleShot(2500, this, [this]() { grabEndpoints(); });
        });
}

// An Azure ML workspace's endpoint (scripts/demo.sh --screenshots deploys two versions to the
// local stand-in of Azure first): the Endpoints tab with the split and the canary's log as
// Azure's getLogs gives it.
void ScreenshotRunner::stepAzureEndpoint()
{
    EndpointsPage *page = m_window->endpointsPage();
    m_window->resize(registrySize());
    waitFor(
        QStringLiteral("the Azure endpoints"),
        [this, page](const std::function<void()> &done) {
            connect(page, &EndpointsPage::endpointsLoaded, this, done, Qt::SingleShotConnection);
            m_window->showPage(MainWindow::EndpointsPageIndex);
            page->refresh();
        },
        [this, page]() {
            if (page->endpointModel()->rowCount() == 0) {
                fail(QStringLiteral("the Azure workspace has no endpoint to show"));
                finish();
                return;
            }
            page->resetLayout();
            const EndpointInfo endpoint = page->endpointModel()->endpointAt(0);
            const DeploymentInfo *canary =
                endpoint.deployments.empty() ? nullptr : &endpoint.deployments.front();
            for (const DeploymentInfo &deployment : endpoint.deployments)
                if (deployment.traffic < canary->traffic)
                    canary = &deployment;
            page->selectEndpoint(QString::fromStdString(endpoint.name));
            if (canary)
                page->selectDeployment(QString::fromStdString(canary->name));
            page->detailTabs()->setCurrentWidget(page->logView()->parentWidget());
            QTimer::singleShot(3000, this, [this, page]() {
                if (page->logView()->toPlainText().isEmpty())
                    fail(QStringLiteral("the Azure deployment's log is empty"));
                grab(m_window, QStringLiteral("23-azure-endpoint"));
                stepWorkspacesDialog();
            });
        });
}

void ScreenshotRunner::grabEndpoints()
{
    EndpointsPage *page = m_window->endpointsPage();
    page->resetLayout();
    QCoreApplication::processEvents();
    grab(m_window, QStringLiteral("17-endpoints"));
    // The endpoint with the most deployments: its split, approvals and the canary's log.
    int best = 0;
    for (int row = 1; row < page->endpointModel()->rowCount(); ++row)
        if (page->endpointModel()->endpointAt(row).deployments.size() >
            page->endpointModel()->endpointAt(best).deployments.size())
            best = row;
    const EndpointInfo endpoint = page->endpointModel()->endpointAt(best);
    if (endpoint.deployments.size() < 2) {
        fail(QStringLiteral("no endpoint has two deployments to show a split"));
        return;
    }
    const DeploymentInfo *canary = &endpoint.deployments.front();
    for (const DeploymentInfo &deployment : endpoint.deployments)
        if (deployment.traffic < canary->traffic)
            canary = &deployment;
    page->selectEndpoint(QString::fromStdString(endpoint.name));
    page->selectDeployment(QString::fromStdString(canary->name));
    // 18 and 20 show the deployment log; the live charts have screens of their own (21, 22).
    page->detailTabs()->setCurrentWidget(page->logView()->parentWidget());
    const DeploymentInfo chosen = *canary;
    // The log and the approvals load after the selection.
    QTimer::singleShot(2500, this, [this, page, endpoint, chosen]() {
        grab(m_window, QStringLiteral("18-endpoint-split"));
        if (page->logView()->toPlainText().isEmpty())
            fail(QStringLiteral("the deployment log is empty"));
        grab(page->logView()->parentWidget(), QStringLiteral("20-deployment-log"));
        grabSmokeTest(endpoint, chosen);
    });
}

// The wizard's smoke test of the canary, as after deploying it at 0 %: the rows of
// MODELGATE_SCREENSHOT_CSV (else the version's input example) really sent to it.
void ScreenshotRunner::grabSmokeTest(const EndpointInfo &endpoint, const DeploymentInfo &canary)
{
    EndpointsPage *page = m_window->endpointsPage();
    auto *wizard = new DeployWizard(page->context(), page->endpointModel()->endpoints(),
                                    QString::fromStdString(canary.model),
                                    QString::fromStdString(canary.version), m_window);
    wizard->presetDeployed(QString::fromStdString(endpoint.name), QString::fromStdString(canary.name),
                           endpoint.traffic(), DeployWizard::SmokeTestPageId);
    SmokeTestPage *smoke = wizard->smokeTestPage();
    const QString csv = qEnvironmentVariable("MODELGATE_SCREENSHOT_CSV");
    wizard->show();
    waitFor(
        QStringLiteral("the smoke test's predictions"),
        [this, smoke, csv](const std::function<void()> &done) {
            connect(smoke, &SmokeTestPage::answered, this, done, Qt::SingleShotConnection);
            if (!csv.isEmpty()) {
                smoke->loadCsv(csv);
                smoke->send();
                return;
            }
            // The version's input example loads on its own when the page shows; send it then.
            connect(smoke, &SmokeTestPage::rowsLoaded, smoke, &SmokeTestPage::send, Qt::SingleShotConnection);
        },
        [this, wizard]() {
            grab(wizard, QStringLiteral("19-deploy-smoke-test"));
            wizard->close();
            wizard->deleteLater();
            stepOverview();
        });
}

QString ScreenshotRunner::monitoredEndpoint() const
{
    const EndpointListModel *endpoints = m_window->endpointsPage()->endpointModel();
    const QString named = qEnvironmentVariable("MODELGATE_SCREENSHOT_ENDPOINT");
    if (!named.isEmpty())
        return endpoints->rowOfName(named) >= 0 ? named : QString();
    int best = -1;
    for (int row = 0; row < endpoints->rowCount(); ++row)
        if (best < 0 ||
            endpoints->endpointAt(row).deployments.size() > endpoints->endpointAt(best).deployments.size())
            best = row;
    return best < 0 ? QString() : QString::fromStdString(endpoints->endpointAt(best).name);
}

// 21: the Endpoints tab as an operator keeps it open: every endpoint with its request-rate
// sparkline, error rate, p95 and SLO status, trouble first. Taken once the overview has a
// round of figures for every endpoint.
void ScreenshotRunner::stepOverview()
{
    EndpointsPage *page = m_window->endpointsPage();
    m_window->showPage(MainWindow::EndpointsPageIndex);
    // The overview's columns and the selected endpoint's charts side by side need the width.
    m_window->resize(reviewSize());
    const QString endpoint = monitoredEndpoint();
    if (endpoint.isEmpty()) {
        fail(
            QStringLiteral("no endpoint called %1 for the monitoring screens (MODELGATE_SCREENSHOT_ENDPOINT)")
                .arg(qEnvironmentVariable("MODELGATE_SCREENSHOT_ENDPOINT")));
        m_window->showPage(ReviewsPage::RegistryPage);
        stepWorkspacesDialog();
        return;
    }
    page->selectEndpoint(endpoint);
    page->detailTabs()->setCurrentWidget(m_window->monitorView());
    page->resetLayout();
    // The endpoint's split and deployments above, its charts below with room for their labels.
    if (auto *right = page->findChild<QSplitter *>(QStringLiteral("endpointRightSplitter")))
        right->setSizes({290, 1000});
    auto guard = std::make_shared<QObject>();
    waitFor(
        QStringLiteral("the figures of every endpoint"),
        [this, page, guard](const std::function<void()> &done) {
            EndpointOverviewPoller *poller = m_window->overviewPoller();
            const auto complete = [page, poller, done]() {
                for (const EndpointInfo &each : page->endpointModel()->endpoints())
                    if (poller->figures().count(each.name) == 0)
                        return;
                done();
            };
            connect(poller, &EndpointOverviewPoller::figuresReady, guard.get(), complete);
            poller->start();
            complete();
        },
        [this, guard, endpoint]() {
            // The selected endpoint's charts beside the list, filled.
            waitFor(QStringLiteral("the live charts of ") + endpoint, chartsReady(m_window->monitorView()),
                    [this]() {
                        QCoreApplication::processEvents();
                        grab(m_window, QStringLiteral("21-endpoint-overview"));
                        stepMonitor();
                    });
        });
}

// 22: the live charts of an endpoint under load (the endpoint MODELGATE_SCREENSHOT_ENDPOINT
// names, else the one with the most deployments), with the trail's records on the time axis
// and the banner of its newest breach. The run's checks only evaluate (run() turns enforcing
// off): the breach and any rollback are the endpoint's watcher's records.
void ScreenshotRunner::stepMonitor()
{
    const QString endpoint = monitoredEndpoint();
    EndpointsPage *page = m_window->endpointsPage();
    EndpointMonitorView *view = m_window->monitorView();
    // Four charts side by side need a wide window: the release review's size.
    m_window->resize(reviewSize());
    page->resetLayout();
    // The charts take most of the window; the list of (few) endpoints and the split stay in view.
    if (auto *sides = page->findChild<QSplitter *>(QStringLiteral("endpointsSplitter")))
        sides->setSizes({660, reviewSize().width() - 660});
    if (auto *right = page->findChild<QSplitter *>(QStringLiteral("endpointRightSplitter")))
        right->setSizes({290, 1000});
    page->detailTabs()->setCurrentWidget(view);
    page->selectEndpoint(endpoint);
    waitFor(QStringLiteral("the live charts of ") + endpoint, chartsReady(view), [this, view, endpoint]() {
        // A breach older than five minutes is shown on the hour's chart, so that its marker
        // and the rollback after it are on the time axis.
        std::int64_t newestBreach = 0;
        for (const TrailMarker &marker : view->controller()->markers())
            if (marker.action == ReleaseAction::Breach)
                newestBreach = std::max(newestBreach, marker.timeMs);
        if (newestBreach > 0 && unixMillisNow() - newestBreach > kFiveMinutesMs)
            view->setWindow(MonitorWindow::OneHour);
        QTimer::singleShot(kLiveSettleMs, this, [this, endpoint]() { grabMonitor(endpoint); });
    });
}

void ScreenshotRunner::grabMonitor(const QString &endpoint)
{
    EndpointMonitorView *view = m_window->monitorView();
    view->redrawNow();
    QCoreApplication::processEvents();
    const MonitorChartView *requests = view->chart(EndpointMonitorView::RequestsChart);
    std::size_t points = 0;
    for (const ChartLine &line : requests->lines())
        points += line.points.size();
    if (requests->lines().size() < 2 || points == 0)
        fail(QStringLiteral("the request chart of %1 has no points for two deployments: is there load on it?")
                 .arg(endpoint));
    std::size_t markers = 0;
    for (const ChartMarker &marker : requests->markers())
        markers += marker.timeMs >= requests->fromMs() && marker.timeMs <= requests->toMs() ? 1 : 0;
    if (markers == 0)
        fail(QStringLiteral("no trail record of %1 falls in the charts' window").arg(endpoint));
    if (!view->breachBanner()->isVisible())
        fail(QStringLiteral("%1 has no SLO breach in its trail for the last hour to show").arg(endpoint));
    grab(m_window, QStringLiteral("22-endpoint-monitor"));
    grabMetricsSource();
}

// 25: where the endpoint's metrics come from, as Prometheus with the HAProxy exporter's
// queries would read them (shown, not saved: the demo endpoint keeps its own source).
void ScreenshotRunner::grabMetricsSource()
{
    MetricsSourceDialog *dialog = m_window->monitorView()->openMetricsSource();
    const auto done = [this]() {
        m_window->resize(registrySize());
        m_window->showPage(ReviewsPage::RegistryPage);
        stepWorkspacesDialog();
    };
    if (!dialog) {
        fail(QStringLiteral("the metrics source dialog did not open"));
        done();
        return;
    }
    waitFor(
        QStringLiteral("the endpoint's metrics source"),
        [this, dialog](const std::function<void()> &loaded) {
            connect(dialog, &MetricsSourceDialog::loaded, this, loaded, Qt::SingleShotConnection);
        },
        [this, dialog, done]() {
            dialog->sourceBox()->setCurrentIndex(1);
            dialog->urlEdit()->setText(QStringLiteral("http://prometheus.monitoring:9090"));
            dialog->applyPreset(QStringLiteral("haproxy"));
            QCoreApplication::processEvents();
            if (!dialog->validationProblem().isEmpty() || dialog->previewLabel()->text().isEmpty())
                fail(QStringLiteral("the metrics source dialog shows no PromQL"));
            grab(dialog, QStringLiteral("25-metrics-source"));
            dialog->reject();
            done();
        });
}

} // namespace modelgate::ui
