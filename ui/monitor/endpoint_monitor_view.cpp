#include "monitor/endpoint_monitor_view.h"

#include "async/run_async.h"
#include "deploy/traffic_split_bar.h"
#include "errors/error_text.h"
#include "monitor/breach_notices.h"
#include "monitor/desktop_notifier.h"
#include "monitor/endpoint_monitor_controller.h"
#include "monitor/load_test_dialog.h"
#include "monitor/metrics_source_dialog.h"
#include "monitor/monitor_chart_view.h"
#include "monitor/slo_rules_dialog.h"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

#include <modelgate/core/mlflow/mlflow_client.h>

namespace modelgate::ui {

namespace {

// Data older than the shortest rule window (5 min without rules) is stale: the rules that
// look at it get no verdict, and the status line says so.
qint64 staleAfterSeconds(const std::optional<SloPolicy> &policy)
{
    const std::vector<int> windows = policy ? sloWindows(*policy) : std::vector<int>{};
    return windows.empty() ? 300 : windows.front();
}

// The keys in the window's settings group (docs/architecture.md: each page keeps its own).
constexpr const char *kWindowKey = "monitorWindow";
constexpr const char *kPercentileKey = "monitorPercentile";
constexpr const char *kRowsKey = "monitorRowsSplitter";
constexpr const char *kTopKey = "monitorTopSplitter";
constexpr const char *kBottomKey = "monitorBottomSplitter";

const QColor kUnanswered(0x6e, 0x77, 0x81); // requests no deployment answered

QColor markerColor(ReleaseAction action)
{
    switch (action) {
    case ReleaseAction::Breach:
        return QColor(0xcf, 0x22, 0x2e);
    case ReleaseAction::Rollback:
        return QColor(0xbc, 0x4c, 0x00);
    case ReleaseAction::Deploy:
        return QColor(0x09, 0x69, 0xda);
    case ReleaseAction::Traffic:
        return QColor(0x1a, 0x7f, 0x37);
    default:
        return QColor(0x57, 0x60, 0x6a);
    }
}

// Where labels crowd, what changed the endpoint's health keeps its words first.
int markerPriority(ReleaseAction action)
{
    switch (action) {
    case ReleaseAction::Breach:
        return 4;
    case ReleaseAction::Rollback:
        return 3;
    case ReleaseAction::Traffic:
        return 2;
    case ReleaseAction::Deploy:
        return 1;
    default:
        return 0;
    }
}

MonitorMetric latencyMetric(EndpointMonitorView::Percentile percentile)
{
    switch (percentile) {
    case EndpointMonitorView::Percentile::P50:
        return MonitorMetric::LatencyP50;
    case EndpointMonitorView::Percentile::P95:
        return MonitorMetric::LatencyP95;
    case EndpointMonitorView::Percentile::P99:
        return MonitorMetric::LatencyP99;
    }
    return MonitorMetric::LatencyP95;
}

std::set<std::string> keysOf(const BreachNotice &notice)
{
    std::set<std::string> keys{notice.deployment + "@" + std::to_string(notice.timeMs / 60'000)};
    keys.insert(noticeKey(notice));
    return keys;
}

} // namespace

EndpointMonitorView::EndpointMonitorView(QWidget *parent)
    : QWidget(parent)
    , m_clock(&unixMillisNow)
    , m_toolBar(new QToolBar(this))
    , m_windowCombo(new QComboBox(this))
    , m_percentileCombo(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_banner(new BreachBanner(this))
    , m_chartArea(new QWidget(this))
    , m_rows(new QSplitter(Qt::Vertical, m_chartArea))
    , m_readout(new QLabel(this))
    , m_notifier(new DesktopNotifier(this))
{
    setObjectName(QStringLiteral("endpointMonitorView"));
    m_windowCombo->setObjectName(QStringLiteral("monitorWindowSelector"));
    m_percentileCombo->setObjectName(QStringLiteral("latencyPercentileSelector"));
    m_status->setObjectName(QStringLiteral("monitorStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_readout->setObjectName(QStringLiteral("monitorReadout"));
    m_readout->setTextFormat(Qt::PlainText);
    m_toolBar->setObjectName(QStringLiteral("monitorToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const MonitorWindow window :
         {MonitorWindow::FiveMinutes, MonitorWindow::OneHour, MonitorWindow::OneDay})
        m_windowCombo->addItem(QString(), static_cast<int>(window));
    for (const Percentile percentile : {Percentile::P50, Percentile::P95, Percentile::P99})
        m_percentileCombo->addItem(QString(), static_cast<int>(percentile));
    m_percentileCombo->setCurrentIndex(1);
    createActions();

    const std::array<const char *, ChartCount> names = {"requestsChart", "errorsChart", "latencyChart",
                                                        "resourcesChart"};
    for (std::size_t index = 0; index < m_charts.size(); ++index) {
        m_charts[index] = new MonitorChartView(QString(), QString(), m_chartArea);
        m_charts[index]->setObjectName(QLatin1String(names[index]));
        connect(m_charts[index], &MonitorChartView::readoutChanged, m_readout, &QLabel::setText);
    }
    for (std::size_t row = 0; row < m_columns.size(); ++row) {
        m_columns[row] = new QSplitter(Qt::Horizontal, m_rows);
        m_columns[row]->setChildrenCollapsible(false);
        m_columns[row]->addWidget(m_charts[row * 2]);
        m_columns[row]->addWidget(m_charts[row * 2 + 1]);
        m_rows->addWidget(m_columns[row]);
    }
    m_rows->setChildrenCollapsible(false);
    auto *chartLayout = new QVBoxLayout(m_chartArea);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_rows);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_status);
    layout->addWidget(m_banner);
    layout->addWidget(m_chartArea, 1);
    layout->addWidget(m_readout);

    m_redrawTimer.setSingleShot(true);
    connect(&m_redrawTimer, &QTimer::timeout, this, &EndpointMonitorView::redrawNow);
    connect(m_windowCombo, &QComboBox::activated, this, [this](int index) {
        setWindow(static_cast<MonitorWindow>(m_windowCombo->itemData(index).toInt()));
    });
    connect(m_percentileCombo, &QComboBox::activated, this, [this](int index) {
        setPercentile(static_cast<Percentile>(m_percentileCombo->itemData(index).toInt()));
    });
    connect(m_banner, &BreachBanner::rollBackRequested, this, &EndpointMonitorView::rollBackNow);
    connect(m_banner, &BreachBanner::dismissed, this, [this]() {
        if (m_notice)
            for (const std::string &key : keysOf(*m_notice))
                m_dismissed.insert(key);
    });
    retranslate();
    updateStatus();
}

EndpointMonitorView::~EndpointMonitorView() = default;

void EndpointMonitorView::createActions()
{
    m_toolBar->addWidget(m_windowCombo);
    m_toolBar->addWidget(m_percentileCombo);
    m_pauseAction = m_toolBar->addAction(QString(), this, [this](bool on) { setPaused(on); });
    m_pauseAction->setObjectName(QStringLiteral("pauseMonitorAction"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_toolBar->addSeparator();
    m_pngAction = m_toolBar->addAction(QString(), this, &EndpointMonitorView::exportPngInteractively);
    m_pngAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_csvAction = m_toolBar->addAction(QString(), this, &EndpointMonitorView::exportCsvInteractively);
    m_csvAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_toolBar->addSeparator();
    m_rulesAction = m_toolBar->addAction(QString(), this, [this]() { openSloRules(); });
    m_rulesAction->setObjectName(QStringLiteral("sloRulesAction"));
    m_rulesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_sourceAction = m_toolBar->addAction(QString(), this, [this]() { openMetricsSource(); });
    m_sourceAction->setObjectName(QStringLiteral("metricsSourceAction"));
    m_sourceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_loadAction = m_toolBar->addAction(QString(), this, [this]() { openLoadTest(); });
    m_loadAction->setObjectName(QStringLiteral("loadTestAction"));
    m_loadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    // Alt+1..3 choose the window; like the toolbar's, they work while the view is shown.
    for (std::size_t index = 0; index < m_windowActions.size(); ++index) {
        m_windowActions[index] = new QAction(this);
        m_windowActions[index]->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + index)));
        connect(m_windowActions[index], &QAction::triggered, this,
                [this, index]() { setWindow(static_cast<MonitorWindow>(index)); });
        addAction(m_windowActions[index]);
    }
}

void EndpointMonitorView::retranslate()
{
    const QString windowNames[] = {windowText(MonitorWindow::FiveMinutes), windowText(MonitorWindow::OneHour),
                                   windowText(MonitorWindow::OneDay)};
    for (int index = 0; index < m_windowCombo->count(); ++index)
        m_windowCombo->setItemText(index, tr("Last %1").arg(windowNames[index]));
    m_windowCombo->setToolTip(tr("The span of time the charts show (Alt+1, Alt+2, Alt+3)"));
    const QString percentiles[] = {tr("p50 latency"), tr("p95 latency"), tr("p99 latency")};
    for (int index = 0; index < m_percentileCombo->count(); ++index)
        m_percentileCombo->setItemText(index, percentiles[index]);
    m_percentileCombo->setToolTip(tr("The latency percentile the latency chart shows"));
    m_pauseAction->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_pauseAction->setToolTip(tr("Stop redrawing the charts; the data is still collected (Ctrl+Shift+P)"));
    m_pngAction->setText(tr("Export PNG…"));
    m_pngAction->setToolTip(tr("Save the four charts as an image (Ctrl+Shift+I)"));
    m_csvAction->setText(tr("Export CSV…"));
    m_csvAction->setToolTip(
        tr("Save every point of the window: time, deployment, every metric (Ctrl+Shift+D)"));
    m_rulesAction->setText(tr("SLO Rules…"));
    m_rulesAction->setToolTip(tr("The endpoint's service-level rules and automatic rollback (Ctrl+Shift+L)"));
    m_sourceAction->setText(tr("Metrics Source…"));
    m_sourceAction->setToolTip(
        tr("Where the endpoint's metrics come from: the target's own source or Prometheus (Ctrl+Shift+U)"));
    m_loadAction->setText(tr("Load Test…"));
    m_loadAction->setToolTip(
        tr("Send requests at a fixed rate and watch the endpoint answer (Ctrl+Shift+T)"));
    const QString percentile = m_percentileCombo->currentText();
    chart(RequestsChart)->chart()->setTitle(tr("Requests per second"));
    chart(RequestsChart)->setUnits(tr("req/s"));
    chart(ErrorsChart)->chart()->setTitle(tr("4xx and 5xx errors (5xx dashed)"));
    chart(ErrorsChart)->setUnits(tr("errors/s"));
    chart(LatencyChart)->chart()->setTitle(tr("Latency (%1, measured by HAProxy)").arg(percentile));
    chart(LatencyChart)->setUnits(tr("ms"));
    // CPU and memory are sampled live (the source has no history of them): say since when.
    chart(ResourcesChart)
        ->chart()
        ->setTitle(m_controller && m_controller->liveSinceMs() > 0
                       ? tr("CPU, memory dotted · since %1")
                             .arg(QLocale().toString(
                                 QDateTime::fromMSecsSinceEpoch(m_controller->liveSinceMs()).time(),
                                 QStringLiteral("HH:mm:ss")))
                       : tr("CPU, memory dotted"));
    chart(ResourcesChart)->setUnits(tr("CPU %"), tr("MiB")); // short: a vertical title of a short chart
    updateStatus();
}

void EndpointMonitorView::setContext(MonitorContext context)
{
    m_context = std::move(context);
    clear();
}

void EndpointMonitorView::clear()
{
    m_controller.reset();
    m_notice.reset();
    m_banner->hide();
    redrawNow();
}

QString EndpointMonitorView::endpointName() const
{
    return m_controller ? m_controller->endpointName() : QString();
}

void EndpointMonitorView::setEndpoint(const EndpointInfo &endpoint)
{
    if (endpoint.name.empty()) {
        clear();
        return;
    }
    if (m_controller && m_controller->endpoint().name == endpoint.name)
        return; // the controller reads the endpoint itself on every check
    m_notice.reset();
    m_banner->hide();
    m_controller = std::make_unique<EndpointMonitorController>(m_context, endpoint);
    EndpointMonitorController *controller = m_controller.get();
    connect(controller, &EndpointMonitorController::dataAppended, this, &EndpointMonitorView::scheduleRedraw);
    connect(controller, &EndpointMonitorController::backfilled, this, &EndpointMonitorView::scheduleRedraw);
    connect(controller, &EndpointMonitorController::markersChanged, this,
            &EndpointMonitorView::onMarkersChanged);
    connect(controller, &EndpointMonitorController::checked, this, &EndpointMonitorView::updateStatus);
    connect(controller, &EndpointMonitorController::problemChanged, this, &EndpointMonitorView::updateStatus);
    connect(controller, &EndpointMonitorController::breachResponded, this, &EndpointMonitorView::onBreach);
    connect(controller, &EndpointMonitorController::endpointUpdated, this,
            [this, controller]() { Q_EMIT endpointChanged(controller->endpointName()); });
    controller->setEnforcing(m_enforcing);
    controller->start(m_window);
    retranslate(); // the resources chart says since when it samples
    redrawNow();
}

void EndpointMonitorView::setEnforcing(bool enforcing)
{
    m_enforcing = enforcing;
    if (m_controller)
        m_controller->setEnforcing(enforcing);
}

void EndpointMonitorView::setWindow(MonitorWindow window)
{
    m_window = window;
    m_windowCombo->setCurrentIndex(m_windowCombo->findData(static_cast<int>(window)));
    if (m_controller)
        m_controller->setWindow(window);
    redrawNow();        // a choice of the user's shows at once, paused or not
    onMarkersChanged(); // a longer window may hold a breach the banner has not shown
}

void EndpointMonitorView::setPercentile(Percentile percentile)
{
    m_percentile = percentile;
    m_percentileCombo->setCurrentIndex(m_percentileCombo->findData(static_cast<int>(percentile)));
    retranslate();
    redrawNow();
}

void EndpointMonitorView::setPaused(bool paused)
{
    m_paused = paused;
    m_pauseAction->setChecked(paused);
    retranslate();
    if (!paused && m_dirty)
        redrawNow();
}

void EndpointMonitorView::setClock(std::function<std::int64_t()> clock)
{
    m_clock = clock ? std::move(clock) : std::function<std::int64_t()>(&unixMillisNow);
}

std::int64_t EndpointMonitorView::now() const
{
    return m_clock();
}

void EndpointMonitorView::scheduleRedraw()
{
    m_dirty = true;
    if (m_paused || !isVisible() || m_redrawTimer.isActive())
        return;
    const qint64 since = m_sinceRedraw.isValid() ? m_sinceRedraw.elapsed() : kMinRedrawIntervalMs;
    m_redrawTimer.start(static_cast<int>(std::max<qint64>(0, kMinRedrawIntervalMs - since)));
}

void EndpointMonitorView::redrawNow()
{
    QElapsedTimer timer;
    timer.start();
    m_redrawTimer.stop();
    m_dirty = false;
    const std::int64_t to = now();
    const std::int64_t from = to - std::int64_t(windowSeconds(m_window)) * 1000;
    const QString format =
        m_window == MonitorWindow::FiveMinutes ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    for (MonitorChartView *view : m_charts)
        view->setTimeRange(from, to, format);
    std::array<std::vector<ChartLine>, ChartCount> lines;
    if (m_controller) {
        const MonitorSeriesStore &store = m_controller->series();
        const std::size_t buckets = chart(RequestsChart)->displayBuckets();
        // Colours by the deployment's place in the endpoint (by name), as in the split bar.
        std::vector<std::string> names;
        for (const DeploymentInfo &deployment : m_controller->endpoint().deployments)
            names.push_back(deployment.name);
        for (const std::string &name : store.deployments())
            if (std::find(names.begin(), names.end(), name) == names.end())
                names.push_back(name);
        for (std::size_t index = 0; index < names.size(); ++index) {
            const std::string &name = names[index];
            if (!store.ring(name, MonitorMetric::RequestRate))
                continue;
            const bool unanswered = name == kNoDeployment;
            const QString label = unanswered ? tr("no deployment") : QString::fromStdString(name);
            const QColor color =
                unanswered ? kUnanswered : TrafficSplitBar::segmentColor(static_cast<int>(index));
            const auto line = [&](MonitorMetric metric, const QString &text, Qt::PenStyle style, bool right) {
                ChartLine chartLine;
                chartLine.key = label + u'|' + QLatin1String(csvName(metric));
                chartLine.label = text;
                chartLine.deployment = label;
                chartLine.color = color;
                chartLine.style = style;
                chartLine.rightAxis = right;
                chartLine.points = store.ring(name, metric)->decimated(from, to, buckets);
                chartLine.inLegend = style == Qt::SolidLine;
                return chartLine;
            };
            lines[RequestsChart].push_back(line(MonitorMetric::RequestRate, label, Qt::SolidLine, false));
            lines[ErrorsChart].push_back(
                line(MonitorMetric::Client4xxRate, tr("%1 4xx").arg(label), Qt::SolidLine, false));
            lines[ErrorsChart].push_back(
                line(MonitorMetric::Server5xxRate, tr("%1 5xx").arg(label), Qt::DashLine, false));
            if (unanswered)
                continue; // nobody answered: no latency, no process
            lines[LatencyChart].push_back(line(latencyMetric(m_percentile), label, Qt::SolidLine, false));
            lines[ResourcesChart].push_back(
                line(MonitorMetric::CpuPercent, tr("%1 CPU").arg(label), Qt::SolidLine, false));
            lines[ResourcesChart].push_back(
                line(MonitorMetric::MemoryMiB, tr("%1 memory").arg(label), Qt::DotLine, true));
        }
    }
    for (std::size_t index = 0; index < m_charts.size(); ++index)
        m_charts[index]->setLines(std::move(lines[index]));
    updateMarkers();
    updateStatus();
    ++m_redraws;
    m_lastRedrawMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    m_sinceRedraw.restart();
    const qint64 scraped = m_controller ? m_controller->lastScrapeStartedMs() : 0;
    Q_EMIT redrawn(m_lastRedrawMs, scraped > 0 ? static_cast<double>(unixMillisNow() - scraped) : -1.0);
}

void EndpointMonitorView::updateMarkers()
{
    std::vector<ChartMarker> markers;
    if (m_controller)
        for (const TrailMarker &marker : m_controller->markers())
            markers.push_back({marker.timeMs, markerColor(marker.action), markerLabel(marker),
                               markerDetails(marker), markerPriority(marker.action)});
    // Labels on the request chart only: the time lines show on all four, the words once.
    for (std::size_t index = 0; index < m_charts.size(); ++index) {
        std::vector<ChartMarker> shown = markers;
        if (index != RequestsChart)
            for (ChartMarker &marker : shown)
                marker.label.clear();
        m_charts[index]->setMarkers(std::move(shown));
    }
}

void EndpointMonitorView::updateStatus()
{
    QStringList parts;
    QString problem;
    if (!m_controller) {
        parts << (m_context.isValid() || !m_context.deploy.isValid()
                      ? tr("Choose an endpoint to see its live charts.")
                      : tr("This target has no metrics source: its endpoints cannot be charted."));
    } else {
        parts << (m_paused ? tr("Paused: the data is still collected; Resume (Ctrl+Shift+P) shows it.")
                           : tr("Live, redrawn at most twice a second."));
        if (const std::optional<std::int64_t> newest = m_controller->newestDataMs())
            parts << tr("Newest request: %1.")
                         .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*newest).time(),
                                                 QStringLiteral("HH:mm:ss")));
        else
            parts << tr("No request yet.");
        const std::optional<std::int64_t> until = m_controller->dataUntilMs();
        // Sources with an ingestion delay say how old their data is; stale data is said to be.
        if (until && m_controller->sourceKind() != "haproxy-log") {
            const QString source = sourceText(m_controller->sourceKind());
            const qint64 ageSeconds =
                std::max<qint64>(0, (QDateTime::currentMSecsSinceEpoch() - *until) / 1000);
            if (*until <= 0)
                problem = tr("Stale: %1 has no current data for this endpoint; its rules get no verdict.")
                              .arg(source);
            else if (ageSeconds > staleAfterSeconds(m_controller->policy()))
                problem = tr("Stale: the newest data from %1 is %2 old; rules over a shorter window get no "
                             "verdict.")
                              .arg(source, durationText(static_cast<int>(ageSeconds)));
            else
                parts << tr("Data from %1 until %2 (%3 old).")
                             .arg(source,
                                  QLocale().toString(QDateTime::fromMSecsSinceEpoch(*until).time(),
                                                     QStringLiteral("HH:mm:ss")),
                                  durationText(static_cast<int>(ageSeconds)));
        }
        if (const std::optional<SloEvaluation> &evaluation = m_controller->lastEvaluation()) {
            const int rules =
                m_controller->policy() ? static_cast<int>(m_controller->policy()->rules.size()) : 0;
            const bool automatic = m_controller->policy() && m_controller->policy()->autoRollback;
            parts << (automatic ? tr("SLO rules (%1): %2; a breaching canary is rolled back automatically.")
                                : tr("SLO rules (%1): %2."))
                         .arg(rules)
                         .arg(verdictText(evaluation->overall()));
        }
        if (!m_controller->lastError().isEmpty())
            problem = m_controller->lastError();
    }
    QString text = parts.join(u' ');
    if (!problem.isEmpty())
        text += u'\n' + problem;
    m_status->setText(text);
    m_status->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #c0392b;"));
    const bool shown = m_controller != nullptr;
    for (QAction *action : {m_pngAction, m_csvAction})
        action->setEnabled(shown);
    m_rulesAction->setEnabled(shown && m_context.deploy.isValid());
    m_sourceAction->setEnabled(shown && m_context.deploy.isValid());
    // Load goes to endpoints on this machine only: a cloud endpoint is billed and rate-limited.
    m_loadAction->setEnabled(shown && m_context.deploy.isValid() &&
                             m_context.deploy.target->kind() == "local");
}

void EndpointMonitorView::onBreach(const BreachResponse &response)
{
    if (!m_controller)
        return;
    const std::string champion =
        m_controller->lastEvaluation() ? m_controller->lastEvaluation()->champion : "";
    const QString user = m_context.deploy.client
                             ? QString::fromStdString(m_context.deploy.client->config().credentials.username)
                             : QString();
    BreachNotice notice = noticeFromResponse(response, champion, m_controller->endpoint(), user, now());
    completeFromTrail(notice, m_controller->markers(), m_controller->endpoint());
    showNotice(notice);
    m_notifier->notify(tr("SLO breach on %1").arg(endpointName()), m_banner->text());
}

void EndpointMonitorView::onMarkersChanged()
{
    updateMarkers();
    if (!m_controller)
        return;
    const std::vector<TrailMarker> &markers = m_controller->markers();
    const EndpointInfo &endpoint = m_controller->endpoint();
    // The newest breach of the last hour (or of the window, when longer): what broke lately
    // matters whether or not its marker is on the chart's span.
    const std::int64_t lookBack =
        std::max<std::int64_t>(windowSeconds(m_window), kBreachLookBackSeconds) * 1000;
    std::optional<BreachNotice> fromTrail = noticeFromTrail(markers, endpoint, now() - lookBack);
    if (m_notice) {
        BreachNotice updated = *m_notice;
        completeFromTrail(updated, markers, endpoint);
        if (fromTrail && fromTrail->timeMs >= updated.timeMs && noticeKey(*fromTrail) != noticeKey(updated))
            updated = *fromTrail;
        showNotice(updated);
    } else if (fromTrail) {
        showNotice(*fromTrail);
    }
}

void EndpointMonitorView::showNotice(const BreachNotice &notice)
{
    m_notice = notice;
    for (const std::string &key : keysOf(notice))
        if (m_dismissed.count(key) > 0) {
            m_banner->hide();
            return;
        }
    if (m_banner->isVisible() && m_banner->notice() == notice)
        return;
    m_banner->showNotice(notice);
    m_banner->setBusy(m_rollingBack);
}

void EndpointMonitorView::rollBackNow()
{
    if (!m_controller || !m_context.deploy.isValid() || m_rollingBack || !m_notice)
        return;
    m_rollingBack = true;
    m_banner->setBusy(true);
    const std::string name = m_controller->endpoint().name;
    const std::string comment = tr("rolled back from the console after an SLO breach of %1")
                                    .arg(QString::fromStdString(m_notice->deployment))
                                    .toStdString();
    runAsync(
        this,
        [context = m_context.deploy, name, comment]() {
            Rollout rollout(*context.client, *context.target, context.access);
            return rollout.rollback(name, comment, CancelToken());
        },
        [this, name](const Result<RolloutOutcome> &result) {
            m_rollingBack = false;
            if (!m_notice)
                return;
            BreachNotice notice = *m_notice;
            if (!result.ok()) {
                notice.problem = userMessage(result.error(), Operation::RollBackBreach);
            } else {
                notice.rolledBack = true;
                notice.automatic = false;
                notice.canRollBack = false;
                notice.rolledBackBy =
                    QString::fromStdString(m_context.deploy.client->config().credentials.username);
                notice.rolledBackAtMs = now();
                notice.problem = notRecordedWarning(result.value());
                Q_EMIT statusMessage(recordsText(result.value()), 10000);
            }
            showNotice(notice);
            if (result.ok() && m_controller) {
                m_controller->reloadMarkers();
                m_controller->checkNow();
                Q_EMIT endpointChanged(QString::fromStdString(name));
            }
        });
}

SloRulesDialog *EndpointMonitorView::openSloRules()
{
    if (!m_controller || !m_context.deploy.isValid())
        return nullptr;
    auto *dialog = new SloRulesDialog(m_context.deploy, m_controller->endpointName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SloRulesDialog::saved, this, [this]() {
        if (m_controller)
            m_controller->checkNow(); // the new rules apply from the next check on
    });
    dialog->show();
    return dialog;
}

MetricsSourceDialog *EndpointMonitorView::openMetricsSource()
{
    if (!m_controller || !m_context.deploy.isValid())
        return nullptr;
    auto *dialog = new MetricsSourceDialog(m_context.deploy, m_controller->endpointName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MetricsSourceDialog::saved, this, [this]() {
        if (m_controller && m_controller->isRunning())
            m_controller->restart(); // other data: charted anew from the new source
    });
    dialog->show();
    return dialog;
}

LoadTestDialog *EndpointMonitorView::openLoadTest()
{
    if (!m_controller || !m_context.deploy.isValid() || m_context.deploy.target->kind() != "local")
        return nullptr;
    auto *dialog = new LoadTestDialog(m_context.deploy, m_controller->endpoint(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

bool EndpointMonitorView::exportPng(const QString &path, QString *errorMessage)
{
    if (m_chartArea->grab().save(path, "PNG"))
        return true;
    if (errorMessage)
        *errorMessage = tr("The image could not be written to %1.").arg(path);
    return false;
}

bool EndpointMonitorView::exportCsv(const QString &path, QString *errorMessage) const
{
    if (!m_controller) {
        if (errorMessage)
            *errorMessage = tr("No endpoint is shown.");
        return false;
    }
    const std::int64_t to = now();
    return m_controller->series().writeCsv(path, to - std::int64_t(windowSeconds(m_window)) * 1000, to + 1000,
                                           errorMessage);
}

void EndpointMonitorView::exportPngInteractively()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Charts"), endpointName() + QStringLiteral("-monitor.png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    Q_EMIT statusMessage(exportPng(path, &error) ? tr("Saved %1.").arg(path) : error, 10000);
}

void EndpointMonitorView::exportCsvInteractively()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Data"), endpointName() + QStringLiteral("-metrics.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    Q_EMIT statusMessage(exportCsv(path, &error) ? tr("Saved %1.").arg(path)
                                                 : tr("The data could not be written: %1").arg(error),
                         10000);
}

void EndpointMonitorView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        scheduleRedraw();
}

void EndpointMonitorView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EndpointMonitorView::resetLayout()
{
    m_rows->setSizes({1000, 1000});
    for (QSplitter *columns : m_columns)
        columns->setSizes({1000, 1000});
}

void EndpointMonitorView::saveLayout(QSettings &settings) const
{
    settings.setValue(QLatin1String(kWindowKey), static_cast<int>(m_window));
    settings.setValue(QLatin1String(kPercentileKey), static_cast<int>(m_percentile));
    settings.setValue(QLatin1String(kRowsKey), m_rows->saveState());
    settings.setValue(QLatin1String(kTopKey), m_columns[0]->saveState());
    settings.setValue(QLatin1String(kBottomKey), m_columns[1]->saveState());
}

void EndpointMonitorView::restoreLayout(QSettings &settings)
{
    resetLayout();
    const int window = settings.value(QLatin1String(kWindowKey), 0).toInt();
    if (window >= 0 && window <= static_cast<int>(MonitorWindow::OneDay))
        setWindow(static_cast<MonitorWindow>(window));
    const int percentile = settings.value(QLatin1String(kPercentileKey), 1).toInt();
    if (percentile >= 0 && percentile <= static_cast<int>(Percentile::P99))
        setPercentile(static_cast<Percentile>(percentile));
    m_rows->restoreState(settings.value(QLatin1String(kRowsKey)).toByteArray());
    m_columns[0]->restoreState(settings.value(QLatin1String(kTopKey)).toByteArray());
    m_columns[1]->restoreState(settings.value(QLatin1String(kBottomKey)).toByteArray());
}

} // namespace modelgate::ui
