#pragma once

#include "deploy/deploy_context.h"

#include <memory>

#include <QCoreApplication>
#include <QString>

#include <modelgate/core/monitor/metrics.h>
#include <modelgate/core/monitor/slo.h>

// The monitoring screens' shared wording. At global scope so that lupdate and the runtime
// agree on the context "MonitorText".
class MonitorText
{
    Q_DECLARE_TR_FUNCTIONS(MonitorText)
};

namespace modelgate::ui {

// What the monitoring screens need: the deployment context (registry, target, registry
// access: the watcher records breaches and rolls back through it) and the metrics source of
// the target. One source per workspace, shared by the overview and the endpoint view: the
// local source keeps what it read of each endpoint's request log, so that every query reads
// only the lines added since the last one.
struct MonitorContext
{
    DeployContext deploy;
    std::shared_ptr<MetricsSource> source;

    bool isValid() const { return deploy.isValid() && source; }
};

// The context for the target of `deploy`: a source over each endpoint's choice (the target's
// own, or the endpoint's Prometheus; core/monitor/endpoint_metrics.h).
MonitorContext monitorContextFor(const DeployContext &deploy);

// The monitoring windows the console offers.
enum class MonitorWindow
{
    FiveMinutes,
    OneHour,
    OneDay,
};

int windowSeconds(MonitorWindow window);
// The step of the one query that fills a window when it is opened: 1 s for 5 min, 10 s for
// 1 h, 60 s for 24 h (a few hundred to 1,440 buckets a deployment).
std::int64_t backfillStepMs(MonitorWindow window);
QString windowText(MonitorWindow window); // "5 min", "1 h", "24 h"

// SLO rules and verdicts in the UI's words.
QString signalText(SloSignal signal); // "errors (4xx + 5xx)", "server errors (5xx)", "p95 latency"
QString comparisonText(SloComparison comparison); // "absolute", "above the champion"
QString signalUnit(SloSignal signal);             // "%", "ms"
// "met", "breached", "too few requests", "idle", "stale data"
QString verdictText(SloVerdict verdict);
// "errors (4xx + 5xx) ≤ 5 % over 1 min (at least 20 requests)",
// "p95 latency ≤ champion + 250 ms over 1 min (at least 20 requests)"
QString ruleText(const SloRule &rule);
QString durationText(int seconds); // "90 s", "1 min", "1 h"
// A metrics source's kind in words: "HAProxy's request log", "Prometheus", "Azure Monitor".
QString sourceText(const std::string &kind);
// A finding with its figures: "v4: errors (4xx + 5xx) 42.0 % > 5 % (champion v3: 0.0 %, 312 requests)"
QString findingText(const SloFinding &finding, const std::string &champion);

} // namespace modelgate::ui
