#include "monitor/endpoint_overview_poller.h"

#include "async/run_async.h"
#include "monitor/slo_reading.h"

#include <QStringList>

namespace modelgate::ui {

namespace {

// What one round learnt of one endpoint, before it is put in the UI's words.
struct EndpointRound
{
    MetricsReport span;
    std::optional<SloEvaluation> evaluation;
};

using Round = std::map<std::string, EndpointRound>;

Result<Round> pollEndpoints(const MonitorContext &context, const std::vector<EndpointInfo> &endpoints,
                            const CancelToken &cancel)
{
    Round round;
    const std::int64_t now = unixMillisNow() / 1000 * 1000;
    for (const EndpointInfo &endpoint : endpoints) {
        if (cancel.isCancelled())
            return Error::cancelled();
        std::vector<std::string> expected;
        for (const DeploymentInfo &deployment : endpoint.deployments)
            if (deployment.traffic > 0)
                expected.push_back(deployment.name);
        const auto query = [&](std::int64_t fromMs, std::int64_t stepMs) {
            MetricsQuery question;
            question.endpoint = endpoint.name;
            question.fromMs = fromMs;
            question.toMs = now;
            question.stepMs = stepMs;
            question.withResources = false; // the endpoint view's CPU share is per its own interval
            question.expectedDeployments = expected;
            return context.source->query(question, cancel);
        };
        Result<MetricsReport> span =
            query(now - EndpointOverviewPoller::kSpanSeconds * 1000LL, EndpointOverviewPoller::kStepMs);
        if (!span.ok()) {
            if (span.error().kind == ErrorKind::Cancelled)
                return span.error();
            continue; // an endpoint that cannot be read shows dashes; the list says why it is down
        }
        EndpointRound entry{span.value(), std::nullopt};
        if (Result<WatchCheck> check = evaluateWithoutActing(context, endpoint, cancel); check.ok())
            entry.evaluation = check.value().evaluation;
        else if (check.error().kind == ErrorKind::Cancelled)
            return check.error();
        round.emplace(endpoint.name, std::move(entry));
    }
    return round;
}

} // namespace

EndpointOverviewPoller::EndpointOverviewPoller(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EndpointOverviewPoller::pollNow);
}

EndpointOverviewPoller::~EndpointOverviewPoller()
{
    m_cancel.cancel();
}

void EndpointOverviewPoller::setContext(MonitorContext context)
{
    m_cancel.cancel();
    m_cancel = CancelToken();
    ++m_generation;
    m_polling = false;
    m_context = std::move(context);
    m_endpoints.clear();
    m_figures.clear();
    Q_EMIT figuresReady(m_figures);
}

void EndpointOverviewPoller::setEndpoints(std::vector<EndpointInfo> endpoints)
{
    m_endpoints = std::move(endpoints);
    if (isRunning())
        pollNow();
}

void EndpointOverviewPoller::start()
{
    if (!m_timer.isActive())
        m_timer.start();
    pollNow();
}

void EndpointOverviewPoller::stop()
{
    m_timer.stop();
}

void EndpointOverviewPoller::pollNow()
{
    if (m_polling || !m_context.isValid() || m_endpoints.empty())
        return;
    m_polling = true;
    const quint64 generation = m_generation;
    runAsync(
        this,
        [context = m_context, endpoints = m_endpoints, cancel = m_cancel]() {
            return pollEndpoints(context, endpoints, cancel);
        },
        [this, generation](const Result<Round> &result) {
            if (generation != m_generation)
                return; // another workspace's
            m_polling = false;
            if (!result.ok())
                return;
            EndpointFiguresByName figures;
            for (const auto &[name, entry] : result.value())
                figures.emplace(name, figuresFrom(entry.span, entry.evaluation));
            m_figures = std::move(figures);
            Q_EMIT figuresReady(m_figures);
        });
}

EndpointLiveFigures EndpointOverviewPoller::figuresFrom(const MetricsReport &span,
                                                        const std::optional<SloEvaluation> &evaluation)
{
    EndpointLiveFigures figures;
    // The endpoint's rate per step: every deployment's requests (and those nobody answered).
    std::vector<double> counts;
    for (const DeploymentMetrics &deployment : span.deployments)
        for (std::size_t index = 0; index < deployment.buckets.size(); ++index) {
            if (counts.size() <= index)
                counts.resize(index + 1, 0.0);
            counts[index] += static_cast<double>(deployment.buckets[index].status.total());
        }
    const double stepSeconds = static_cast<double>(std::max<std::int64_t>(span.stepMs, 1)) / 1000.0;
    for (const double count : counts)
        figures.requestRate.append(count / stepSeconds);
    figures.averageRate = span.total.ratePerSecond();
    if (span.total.requests() > 0)
        figures.errorPercent = span.total.errorPercent();
    figures.p95Ms = span.total.p95();
    if (evaluation) {
        figures.slo = evaluation->overall();
        figures.sloText =
            evaluation->findings.empty() ? MonitorText::tr("no rules") : verdictText(*figures.slo);
        QStringList broken;
        for (const SloFinding &finding : evaluation->breaches())
            broken << findingText(finding, evaluation->champion);
        figures.sloDetail = broken.isEmpty()
                                ? MonitorText::tr("Every rule is met or has too few requests to judge.")
                                : broken.join(u'\n');
    }
    return figures;
}

} // namespace modelgate::ui
