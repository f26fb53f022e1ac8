#include "monitor/endpoint_monitor_controller.h"

#include "async/run_async.h"
#include "errors/error_text.h"
#include "monitor/slo_reading.h"

#include <algorithm>
#include <set>

namespace modelgate::ui {

// The watcher keeps what it has responded to between rounds, and refers to the client, the
// target and the source: it lives with the context it refers to, and its members go before
// the context (reverse order of declaration).
struct EndpointMonitorController::WatchState
{
    explicit WatchState(const MonitorContext &monitor)
        : context(monitor)
        , watcher(*context.deploy.client, *context.deploy.target, *context.source, context.deploy.access)
    {}

    MonitorContext context;
    SloWatcher watcher;
};

namespace {

std::int64_t wholeSecond(std::int64_t ms)
{
    return ms / 1000 * 1000;
}

} // namespace

EndpointMonitorController::EndpointMonitorController(MonitorContext context, EndpointInfo endpoint,
                                                     QObject *parent, std::size_t ringCapacity)
    : QObject(parent)
    , m_context(std::move(context))
    , m_endpoint(std::move(endpoint))
    , m_series(ringCapacity)
{
    if (m_context.isValid())
        m_watch = std::make_shared<WatchState>(m_context);
    m_scrapeTimer.setInterval(kScrapeIntervalMs);
    m_checkTimer.setInterval(kCheckIntervalMs);
    m_trailTimer.setInterval(kTrailIntervalMs);
    connect(&m_scrapeTimer, &QTimer::timeout, this, &EndpointMonitorController::scrape);
    connect(&m_checkTimer, &QTimer::timeout, this, &EndpointMonitorController::checkNow);
    connect(&m_trailTimer, &QTimer::timeout, this, &EndpointMonitorController::reloadMarkers);
}

EndpointMonitorController::~EndpointMonitorController()
{
    m_cancel.cancel();
}

void EndpointMonitorController::start(MonitorWindow window)
{
    m_window = window;
    if (!m_context.isValid())
        return;
    const std::int64_t now = wholeSecond(unixMillisNow());
    m_liveFromMs = now;
    m_lastLiveToMs = 0;
    backfill(now - std::int64_t(windowSeconds(window)) * 1000, now, backfillStepMs(window));
    m_scrapeTimer.start();
    m_checkTimer.start();
    m_trailTimer.start();
    checkNow();
    reloadMarkers();
}

void EndpointMonitorController::stop()
{
    m_scrapeTimer.stop();
    m_checkTimer.stop();
    m_trailTimer.stop();
    m_cancel.cancel();
    m_cancel = CancelToken();
    m_scrapeInFlight = m_checkInFlight = m_trailInFlight = m_backfillInFlight = false;
}

void EndpointMonitorController::restart()
{
    stop();
    m_series.clear();
    m_newestDataMs.reset();
    m_dataUntilMs.reset();
    m_sourceKind.clear();
    m_backfilled = false;
    start(m_window);
    Q_EMIT backfilled(); // the charts redraw from the empty store until the new back-fill lands
}

void EndpointMonitorController::setWindow(MonitorWindow window)
{
    m_window = window;
    if (!isRunning())
        return;
    const std::int64_t step = backfillStepMs(window);
    const std::int64_t wanted = wholeSecond(unixMillisNow()) - std::int64_t(windowSeconds(window)) * 1000;
    const std::int64_t oldest = m_series.oldestMs() > 0 ? m_series.oldestMs() : m_liveFromMs;
    // Only what the store lacks: the part of the window before its oldest point.
    if (oldest - wanted > step)
        backfill(wanted, oldest, step);
}

std::vector<std::string> EndpointMonitorController::expectedDeployments() const
{
    std::vector<std::string> names;
    for (const DeploymentInfo &deployment : m_endpoint.deployments)
        if (deployment.traffic > 0)
            names.push_back(deployment.name);
    return names;
}

void EndpointMonitorController::backfill(std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs)
{
    if (m_backfillInFlight || toMs <= fromMs)
        return;
    MetricsQuery query;
    query.endpoint = m_endpoint.name;
    // Whole steps ending at `toMs`, so that the back-fill's buckets meet the live seconds.
    query.fromMs = toMs - (toMs - fromMs + stepMs - 1) / stepMs * stepMs;
    query.toMs = toMs;
    query.stepMs = stepMs;
    query.withResources = false; // resources are "now": the live scrapes chart them
    query.expectedDeployments = expectedDeployments();
    m_backfillInFlight = true;
    runAsync(
        this,
        [source = m_context.source, query, cancel = m_cancel]() { return source->query(query, cancel); },
        [this](const Result<MetricsReport> &result) {
            m_backfillInFlight = false;
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled)
                    setProblem(Activity::Scrape, userMessage(result.error(), Operation::LoadMetrics));
                return;
            }
            ingestBackfill(result.value());
        });
}

void EndpointMonitorController::scrape()
{
    if (m_scrapeInFlight || !m_context.isValid())
        return;
    const qint64 started = unixMillisNow();
    const std::int64_t toMs = wholeSecond(started);
    const std::int64_t fromMs =
        m_lastLiveToMs == 0 ? m_liveFromMs : std::max(m_liveFromMs, m_lastLiveToMs - kLateLogMs);
    if (toMs <= fromMs)
        return;
    MetricsQuery query;
    query.endpoint = m_endpoint.name;
    query.fromMs = fromMs;
    query.toMs = toMs;
    query.stepMs = 1000;
    query.withResources = true;
    query.expectedDeployments = expectedDeployments();
    m_scrapeInFlight = true;
    runAsync(
        this,
        [source = m_context.source, query, cancel = m_cancel]() { return source->query(query, cancel); },
        [this, started, toMs](const Result<MetricsReport> &result) {
            m_scrapeInFlight = false;
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled)
                    setProblem(Activity::Scrape, userMessage(result.error(), Operation::LoadMetrics));
                return;
            }
            m_lastLiveToMs = toMs;
            ingestLive(result.value(), started);
        });
}

void EndpointMonitorController::ingestLive(const MetricsReport &report, qint64 scrapeStartedMs)
{
    m_series.addLive(report);
    if (report.newestDataMs)
        m_newestDataMs = report.newestDataMs;
    m_sourceKind = report.source;
    m_dataUntilMs = report.dataUntilMs;
    m_lastScrapeStartedMs = scrapeStartedMs;
    setProblem(Activity::Scrape, {});
    Q_EMIT dataAppended();
}

void EndpointMonitorController::ingestBackfill(const MetricsReport &report)
{
    m_series.addBackfill(report);
    m_backfilled = true;
    if (report.newestDataMs && (!m_newestDataMs || *report.newestDataMs > *m_newestDataMs))
        m_newestDataMs = report.newestDataMs;
    if (m_sourceKind.empty()) {
        m_sourceKind = report.source;
        m_dataUntilMs = report.dataUntilMs;
    }
    Q_EMIT backfilled();
}

void EndpointMonitorController::checkNow()
{
    if (m_checkInFlight || !m_watch)
        return;
    m_checkInFlight = true;
    runAsync(
        this,
        [state = m_watch, name = m_endpoint.name, enforcing = m_enforcing,
         cancel = m_cancel]() -> Result<WatchCheck> {
            if (enforcing)
                return state->watcher.checkEndpoint(name, true, cancel);
            Result<EndpointInfo> endpoint = state->context.deploy.target->endpoint(name, cancel);
            if (!endpoint.ok())
                return endpoint.error();
            return evaluateWithoutActing(state->context, endpoint.value(), cancel);
        },
        [this](const Result<WatchCheck> &result) {
            m_checkInFlight = false;
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled)
                    setProblem(Activity::Check, userMessage(result.error(), Operation::CheckSlo));
                return;
            }
            ingestCheck(result.value());
        });
}

void EndpointMonitorController::ingestCheck(const WatchCheck &check)
{
    const bool splitChanged = check.endpoint.traffic() != m_endpoint.traffic() ||
                              check.endpoint.deployments.size() != m_endpoint.deployments.size();
    if (!check.endpoint.name.empty())
        m_endpoint = check.endpoint;
    m_policy = check.policy;
    m_evaluation = check.evaluation;
    setProblem(Activity::Check, {});
    if (splitChanged)
        Q_EMIT endpointUpdated();
    Q_EMIT checked();
    bool acted = splitChanged;
    for (const BreachResponse &response : check.responses) {
        acted = acted || response.recorded || response.rollback.has_value();
        Q_EMIT breachResponded(response);
    }
    if (acted)
        reloadMarkers(); // the trail has the breach (and the rollback) now
}

void EndpointMonitorController::reloadMarkers()
{
    if (m_trailInFlight || !m_context.deploy.client)
        return;
    std::set<std::string> models;
    for (const DeploymentInfo &deployment : m_endpoint.deployments)
        models.insert(deployment.model);
    if (models.empty())
        return;
    m_trailInFlight = true;
    runAsync(
        this,
        [client = m_context.deploy.client, name = m_endpoint.name,
         models = std::vector<std::string>(models.begin(), models.end()),
         cancel = m_cancel]() { return loadTrailMarkers(*client, name, models, cancel); },
        [this](const Result<std::vector<TrailMarker>> &result) {
            m_trailInFlight = false;
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled)
                    setProblem(Activity::Trail, userMessage(result.error(), Operation::LoadAuditTrail));
                return;
            }
            setMarkers(result.value());
        });
}

void EndpointMonitorController::setMarkers(std::vector<TrailMarker> markers)
{
    setProblem(Activity::Trail, {});
    m_markers = std::move(markers);
    m_trailRead = true;
    Q_EMIT markersChanged();
}

QString EndpointMonitorController::lastError() const
{
    for (const QString &problem : m_problems)
        if (!problem.isEmpty())
            return problem;
    return {};
}

void EndpointMonitorController::setProblem(Activity activity, const QString &message)
{
    const QString before = lastError();
    m_problems[static_cast<std::size_t>(activity)] = message;
    if (lastError() != before)
        Q_EMIT problemChanged(lastError());
}

} // namespace modelgate::ui
