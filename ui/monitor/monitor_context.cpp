#include "monitor/monitor_context.h"

#include <QLocale>

#include <modelgate/core/monitor/endpoint_metrics.h>

namespace modelgate::ui {

namespace {

// Keeps the target alive as long as the source that reads through it.
struct SourceHolder
{
    explicit SourceHolder(std::shared_ptr<DeploymentTarget> owner)
        : target(std::move(owner))
        , source(metricsSourceFor(*target))
    {}

    std::shared_ptr<DeploymentTarget> target;
    std::shared_ptr<MetricsSource> source;
};

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString valueText(SloSignal signal, double value)
{
    const bool percent = signal == SloSignal::ErrorPercent || signal == SloSignal::ServerErrorPercent;
    return percent ? MonitorText::tr("%1 %").arg(number(value, 1))
                   : MonitorText::tr("%1 ms").arg(number(value, 0));
}

} // namespace

MonitorContext monitorContextFor(const DeployContext &deploy)
{
    MonitorContext context;
    context.deploy = deploy;
    if (!deploy.isValid())
        return context;
    // Every target has one: its own source (the local request log, Azure Monitor) or the
    // endpoint's Prometheus, chosen per endpoint at each query.
    auto holder = std::make_shared<SourceHolder>(deploy.target);
    context.source = std::shared_ptr<MetricsSource>(holder, holder->source.get());
    return context;
}

int windowSeconds(MonitorWindow window)
{
    switch (window) {
    case MonitorWindow::FiveMinutes:
        return 300;
    case MonitorWindow::OneHour:
        return 3600;
    case MonitorWindow::OneDay:
        return 86400;
    }
    return 300;
}

std::int64_t backfillStepMs(MonitorWindow window)
{
    switch (window) {
    case MonitorWindow::FiveMinutes:
        return 1000;
    case MonitorWindow::OneHour:
        return 10'000;
    case MonitorWindow::OneDay:
        return 60'000;
    }
    return 1000;
}

QString windowText(MonitorWindow window)
{
    switch (window) {
    case MonitorWindow::FiveMinutes:
        return MonitorText::tr("5 min");
    case MonitorWindow::OneHour:
        return MonitorText::tr("1 h");
    case MonitorWindow::OneDay:
        return MonitorText::tr("24 h");
    }
    return {};
}

QString signalText(SloSignal signal)
{
    switch (signal) {
    case SloSignal::ErrorPercent:
        return MonitorText::tr("errors (4xx + 5xx)");
    case SloSignal::ServerErrorPercent:
        return MonitorText::tr("server errors (5xx)");
    case SloSignal::LatencyP95:
        return MonitorText::tr("p95 latency");
    case SloSignal::LatencyP99:
        return MonitorText::tr("p99 latency");
    }
    return {};
}

QString comparisonText(SloComparison comparison)
{
    switch (comparison) {
    case SloComparison::Absolute:
        return MonitorText::tr("absolute");
    case SloComparison::AboveChampion:
        return MonitorText::tr("above the champion");
    }
    return {};
}

QString signalUnit(SloSignal signal)
{
    return signal == SloSignal::LatencyP95 || signal == SloSignal::LatencyP99 ? MonitorText::tr("ms")
                                                                              : MonitorText::tr("%");
}

QString verdictText(SloVerdict verdict)
{
    switch (verdict) {
    case SloVerdict::Met:
        return MonitorText::tr("met");
    case SloVerdict::Breached:
        return MonitorText::tr("breached");
    case SloVerdict::TooFewRequests:
        return MonitorText::tr("too few requests");
    case SloVerdict::Idle:
        return MonitorText::tr("idle");
    case SloVerdict::Stale:
        return MonitorText::tr("stale data");
    }
    return {};
}

QString durationText(int seconds)
{
    if (seconds % 3600 == 0)
        return MonitorText::tr("%1 h").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return MonitorText::tr("%1 min").arg(seconds / 60);
    return MonitorText::tr("%1 s").arg(seconds);
}

QString sourceText(const std::string &kind)
{
    if (kind == "haproxy-log")
        return MonitorText::tr("HAProxy's request log");
    if (kind == "prometheus")
        return MonitorText::tr("Prometheus");
    if (kind == "azure-monitor")
        return MonitorText::tr("Azure Monitor");
    return QString::fromStdString(kind);
}

QString ruleText(const SloRule &rule)
{
    const QString limit = valueText(rule.signal, rule.limit);
    const QString bound = rule.comparison == SloComparison::Absolute
                              ? MonitorText::tr("%1 ≤ %2").arg(signalText(rule.signal), limit)
                              : MonitorText::tr("%1 ≤ champion + %2").arg(signalText(rule.signal), limit);
    return MonitorText::tr("%1 over %2 (at least %3 requests)")
        .arg(bound, durationText(rule.windowSeconds))
        .arg(rule.minRequests);
}

QString findingText(const SloFinding &finding, const std::string &champion)
{
    const QString deployment = QString::fromStdString(finding.deployment);
    const QString measured =
        finding.measured ? valueText(finding.rule.signal, *finding.measured) : MonitorText::tr("no data");
    QString text = MonitorText::tr("%1: %2 %3, allowed ≤ %4")
                       .arg(deployment, signalText(finding.rule.signal), measured,
                            valueText(finding.rule.signal, finding.allowed));
    if (finding.champion)
        text += MonitorText::tr(" (champion %1: %2)")
                    .arg(QString::fromStdString(champion), valueText(finding.rule.signal, *finding.champion));
    text += MonitorText::tr(", %n request(s) in %1", nullptr, static_cast<int>(finding.requests))
                .arg(durationText(finding.rule.windowSeconds));
    return text;
}

} // namespace modelgate::ui
