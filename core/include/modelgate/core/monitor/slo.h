#pragma once
// Service-level rules of an endpoint (docs/monitoring.md): kept with the endpoint
// (DeploymentTarget::monitorSettings), evaluated over a metrics report by the console and by
// `modelgate-cli endpoint watch` alike. Pure: no I/O here.

#include "modelgate/core/deploy/deployment_target.h"
#include "modelgate/core/monitor/metrics.h"
#include "modelgate/core/util/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

enum class SloSignal
{
    ErrorPercent,       // 4xx and 5xx, in percent: MLflow answers a model that fails with 4xx
    ServerErrorPercent, // 5xx, in percent
    LatencyP95,         // ms
    LatencyP99,         // ms
};

enum class SloComparison
{
    Absolute,      // the deployment's value must stay at or below `limit`
    AboveChampion, // a canary's value must stay at or below the champion's + `limit`
};

// "error_percent", "server_error_percent", "latency_p95", "latency_p99"
const char *wireName(SloSignal signal);
// "absolute", "above_champion"
const char *wireName(SloComparison comparison);

struct SloRule
{
    SloSignal signal = SloSignal::ServerErrorPercent;
    SloComparison comparison = SloComparison::Absolute;
    double limit = 1; // percent (points above the champion) or ms
    int windowSeconds = 60;
    // Fewer requests than this in the window give no verdict yet (a rate of 1 in 3 says
    // little); a deployment with traffic and no request at all while the endpoint had
    // `minRequests` is in breach ("sends no data").
    int minRequests = 20;

    bool operator==(const SloRule &) const = default;
};

struct SloPolicy
{
    std::vector<SloRule> rules;
    // Roll a breaching canary back to the split before it, and record that too.
    bool autoRollback = false;

    bool operator==(const SloPolicy &) const = default;
};

// What an endpoint without settings is held to: 5xx <= 1 %, p95 <= 1000 ms, and a canary no
// worse than its champion by 5 points of errors or 250 ms of p95, each over one minute.
SloPolicy defaultSloPolicy();

// {"version":1,"auto_rollback":false,"rules":[{"signal","comparison","limit","window_seconds",
// "min_requests"}]}; an empty text is the default policy.
std::string sloPolicyToJson(const SloPolicy &policy);
// Parse error naming the field (an unknown signal, a limit below 0, a window outside 10 s..24 h).
Result<SloPolicy> sloPolicyFromJson(const std::string &json);
// The endpoint's monitor settings with the policy replaced and everything else (its metrics
// source) kept; what every writer of rules stores. Parse error for settings that are not a
// JSON object.
Result<std::string> withSloPolicy(const std::string &settingsJson, const SloPolicy &policy);
Status validateSloRule(const SloRule &rule);

// "errors (4xx+5xx) <= 5 % over 1m", "p95 <= champion + 250 ms over 1m" (English).
std::string describeSloRule(const SloRule &rule);

enum class SloVerdict
{
    Met,
    Breached,
    TooFewRequests, // fewer than minRequests: no verdict yet
    Idle,           // the endpoint got no request in the window: nothing to judge
    // The source's data ends before the window does (Azure Monitor's ingestion delay, a
    // Prometheus that stopped scraping): missing data, never taken for health.
    Stale,
};

// "met", "breached", "too_few_requests", "idle", "stale"
const char *wireName(SloVerdict verdict);

struct SloFinding
{
    SloRule rule;
    std::string deployment;
    SloVerdict verdict = SloVerdict::Met;
    std::optional<double> measured; // the deployment's value
    std::optional<double> champion; // the champion's value (AboveChampion)
    double allowed = 0;             // the value it must stay at or below
    std::int64_t requests = 0;      // the deployment's requests in the window
    std::string reason;             // English, one line, with the figures
};

struct SloEvaluation
{
    std::string endpoint;
    std::string champion; // the deployment with the largest share (ties: first by name)
    std::vector<SloFinding> findings;

    bool breached() const;
    std::vector<SloFinding> breaches() const;
    // The worst verdict over the findings (Breached > Stale > TooFewRequests > Idle > Met).
    SloVerdict overall() const;
};

// The distinct windows of the policy's rules, in seconds.
std::vector<int> sloWindows(const SloPolicy &policy);

// Evaluates every rule for every deployment with traffic: absolute rules on all of them,
// AboveChampion rules on the canaries (the champion's own value is compared with nothing).
// `byWindow` holds a report per window of the policy (from sloWindows); a missing one, or
// one whose data ends before its window does (MetricsReport::dataUntilMs), is Stale. A
// report without dataUntilMs is from a source that is always current: data older than the
// window there is an idle endpoint.
SloEvaluation evaluateSlo(const SloPolicy &policy, const EndpointInfo &endpoint,
                          const std::map<int, MetricsReport> &byWindow);

// "blue" when blue has the largest share (ties: first by name); empty without traffic.
std::string championOf(const TrafficSplit &split);

} // namespace modelgate
