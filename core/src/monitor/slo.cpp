#include "modelgate/core/monitor/slo.h"

#include "monitor/monitor_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

namespace modelgate {

namespace {

using Json = nlohmann::json;

constexpr SloSignal kSignals[] = {SloSignal::ErrorPercent, SloSignal::ServerErrorPercent,
                                  SloSignal::LatencyP95, SloSignal::LatencyP99};
constexpr SloComparison kComparisons[] = {SloComparison::Absolute, SloComparison::AboveChampion};

bool isLatency(SloSignal signal)
{
    return signal == SloSignal::LatencyP95 || signal == SloSignal::LatencyP99;
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string out = text;
    if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0)
        out.resize(out.size() - 2);
    return out;
}

std::string withUnit(SloSignal signal, double value)
{
    return number(value) + (isLatency(signal) ? " ms" : " %");
}

std::string signalText(SloSignal signal)
{
    switch (signal) {
    case SloSignal::ErrorPercent:
        return "errors (4xx+5xx)";
    case SloSignal::ServerErrorPercent:
        return "5xx";
    case SloSignal::LatencyP95:
        return "p95";
    case SloSignal::LatencyP99:
        return "p99";
    }
    return {};
}

// The signal's value for some requests; nullopt when it has none (no answered request).
std::optional<double> valueOf(SloSignal signal, const RequestStats &stats)
{
    switch (signal) {
    case SloSignal::ErrorPercent:
        return stats.requests() > 0 ? std::optional<double>(stats.errorPercent()) : std::nullopt;
    case SloSignal::ServerErrorPercent:
        return stats.requests() > 0 ? std::optional<double>(stats.serverErrorPercent()) : std::nullopt;
    case SloSignal::LatencyP95:
        return stats.p95();
    case SloSignal::LatencyP99:
        return stats.p99();
    }
    return std::nullopt;
}

std::string staleReason(const MetricsReport *data, const std::string &window)
{
    if (!data)
        return "no data for the last " + window + ": missing data is not taken for health";
    const std::string source = data->source.empty() ? std::string("the metrics source") : data->source;
    if (*data->dataUntilMs <= 0)
        return "no current data from " + source + " for the endpoint: missing data is not taken for health";
    const std::int64_t ageSeconds = std::max<std::int64_t>(0, (data->toMs - *data->dataUntilMs) / 1000);
    return "the newest data from " + source + " is " +
           describeWindow(static_cast<int>(std::max<std::int64_t>(1, ageSeconds))) + " old, older than the " +
           window + " window: missing data is not taken for health";
}

int severity(SloVerdict verdict)
{
    switch (verdict) {
    case SloVerdict::Met:
        return 0;
    case SloVerdict::Idle:
        return 1;
    case SloVerdict::TooFewRequests:
        return 2;
    case SloVerdict::Stale:
        return 3;
    case SloVerdict::Breached:
        return 4;
    }
    return 0;
}

} // namespace

const char *wireName(SloSignal signal)
{
    switch (signal) {
    case SloSignal::ErrorPercent:
        return "error_percent";
    case SloSignal::ServerErrorPercent:
        return "server_error_percent";
    case SloSignal::LatencyP95:
        return "latency_p95";
    case SloSignal::LatencyP99:
        return "latency_p99";
    }
    return "error_percent";
}

const char *wireName(SloComparison comparison)
{
    return comparison == SloComparison::Absolute ? "absolute" : "above_champion";
}

const char *wireName(SloVerdict verdict)
{
    switch (verdict) {
    case SloVerdict::Met:
        return "met";
    case SloVerdict::Breached:
        return "breached";
    case SloVerdict::TooFewRequests:
        return "too_few_requests";
    case SloVerdict::Idle:
        return "idle";
    case SloVerdict::Stale:
        return "stale";
    }
    return "met";
}

SloPolicy defaultSloPolicy()
{
    SloPolicy policy;
    policy.rules = {
        {SloSignal::ServerErrorPercent, SloComparison::Absolute, 1, 60, 20},
        {SloSignal::LatencyP95, SloComparison::Absolute, 1000, 60, 20},
        {SloSignal::ErrorPercent, SloComparison::AboveChampion, 5, 60, 20},
        {SloSignal::LatencyP95, SloComparison::AboveChampion, 250, 60, 20},
    };
    return policy;
}

Status validateSloRule(const SloRule &rule)
{
    if (!std::isfinite(rule.limit) || rule.limit < 0)
        return Error::parse("limit", "an SLO rule's limit must be a number of at least 0");
    if (!isLatency(rule.signal) && rule.limit > 100)
        return Error::parse("limit", "an error rule's limit is a percentage: at most 100");
    if (rule.windowSeconds < 10 || rule.windowSeconds > 86400)
        return Error::parse("window_seconds", "an SLO rule's window must be 10 seconds to 24 hours");
    if (rule.minRequests < 1 || rule.minRequests > 1000000)
        return Error::parse("min_requests", "an SLO rule's minimum of requests must be 1 to 1000000");
    return success();
}

std::string sloPolicyToJson(const SloPolicy &policy)
{
    Json rules = Json::array();
    for (const SloRule &rule : policy.rules)
        rules.push_back({{"signal", wireName(rule.signal)},
                         {"comparison", wireName(rule.comparison)},
                         {"limit", rule.limit},
                         {"window_seconds", rule.windowSeconds},
                         {"min_requests", rule.minRequests}});
    return Json{{"version", 1}, {"auto_rollback", policy.autoRollback}, {"rules", rules}}.dump(2) + "\n";
}

Result<std::string> withSloPolicy(const std::string &settingsJson, const SloPolicy &policy)
{
    Result<Json> settings = detail::monitorSettingsObject(settingsJson);
    if (!settings.ok())
        return settings.error();
    const Json rules = Json::parse(sloPolicyToJson(policy));
    for (const auto &[key, value] : rules.items())
        settings.value()[key] = value;
    return detail::monitorSettingsText(settings.value());
}

Result<SloPolicy> sloPolicyFromJson(const std::string &text)
{
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return defaultSloPolicy();
    const Json value = Json::parse(text, nullptr, false);
    if (value.is_discarded() || !value.is_object())
        return Error::parse({}, "the SLO rules are not a JSON object");
    // Settings that hold only a metrics source: the endpoint keeps the default rules.
    if (!value.contains("version") && !value.contains("rules") && !value.contains("auto_rollback"))
        return defaultSloPolicy();
    if (!value.contains("version") || value["version"] != 1)
        return Error::parse("version", "the SLO rules are not of version 1");
    SloPolicy policy;
    if (value.contains("auto_rollback")) {
        if (!value["auto_rollback"].is_boolean())
            return Error::parse("auto_rollback", "auto_rollback must be true or false");
        policy.autoRollback = value["auto_rollback"].get<bool>();
    }
    if (!value.contains("rules") || !value["rules"].is_array())
        return Error::parse("rules", "the SLO rules need a list 'rules'");
    if (value["rules"].size() > 50)
        return Error::parse("rules", "at most 50 SLO rules");
    for (std::size_t i = 0; i < value["rules"].size(); ++i) {
        const Json &item = value["rules"][i];
        const std::string where = "rules[" + std::to_string(i) + "]";
        if (!item.is_object())
            return Error::parse(where, "an SLO rule is an object");
        SloRule rule;
        const auto text = [&](const char *key) -> std::optional<std::string> {
            if (!item.contains(key) || !item[key].is_string())
                return std::nullopt;
            return item[key].get<std::string>();
        };
        const std::optional<std::string> signal = text("signal");
        const auto foundSignal = std::find_if(std::begin(kSignals), std::end(kSignals),
                                              [&](SloSignal s) { return signal && *signal == wireName(s); });
        if (foundSignal == std::end(kSignals))
            return Error::parse(
                where + ".signal",
                "signal must be error_percent, server_error_percent, latency_p95 or latency_p99");
        rule.signal = *foundSignal;
        const std::optional<std::string> comparison = text("comparison");
        const auto foundComparison =
            std::find_if(std::begin(kComparisons), std::end(kComparisons),
                         [&](SloComparison c) { return comparison && *comparison == wireName(c); });
        if (foundComparison == std::end(kComparisons))
            return Error::parse(where + ".comparison", "comparison must be absolute or above_champion");
        rule.comparison = *foundComparison;
        if (!item.contains("limit") || !item["limit"].is_number())
            return Error::parse(where + ".limit", "limit must be a number");
        rule.limit = item["limit"].get<double>();
        for (const auto &[key, field] : {std::pair{"window_seconds", &rule.windowSeconds},
                                         std::pair{"min_requests", &rule.minRequests}}) {
            if (!item.contains(key))
                continue;
            if (!item[key].is_number_integer())
                return Error::parse(where + "." + key, std::string(key) + " must be a whole number");
            const auto wide = item[key].get<long long>();
            *field = static_cast<int>(std::clamp<long long>(wide, -1, 100000000));
        }
        if (Status valid = validateSloRule(rule); !valid.ok()) {
            Error error = valid.error();
            error.field = where + "." + error.field;
            return error;
        }
        policy.rules.push_back(rule);
    }
    return policy;
}

std::string describeSloRule(const SloRule &rule)
{
    const std::string limit = withUnit(rule.signal, rule.limit);
    const std::string over = " over " + describeWindow(rule.windowSeconds);
    if (rule.comparison == SloComparison::Absolute)
        return signalText(rule.signal) + " <= " + limit + over;
    return signalText(rule.signal) + " <= champion + " + limit + over;
}

bool SloEvaluation::breached() const
{
    return overall() == SloVerdict::Breached;
}

std::vector<SloFinding> SloEvaluation::breaches() const
{
    std::vector<SloFinding> out;
    for (const SloFinding &finding : findings)
        if (finding.verdict == SloVerdict::Breached)
            out.push_back(finding);
    return out;
}

SloVerdict SloEvaluation::overall() const
{
    SloVerdict worst = SloVerdict::Met;
    for (const SloFinding &finding : findings)
        if (severity(finding.verdict) > severity(worst))
            worst = finding.verdict;
    return worst;
}

std::vector<int> sloWindows(const SloPolicy &policy)
{
    std::set<int> windows;
    for (const SloRule &rule : policy.rules)
        windows.insert(rule.windowSeconds);
    return {windows.begin(), windows.end()};
}

std::string championOf(const TrafficSplit &split)
{
    std::string champion;
    int best = 0;
    for (const auto &[name, percent] : split)
        if (percent > best) {
            best = percent;
            champion = name;
        }
    return champion;
}

SloEvaluation evaluateSlo(const SloPolicy &policy, const EndpointInfo &endpoint,
                          const std::map<int, MetricsReport> &byWindow)
{
    SloEvaluation evaluation;
    evaluation.endpoint = endpoint.name;
    const TrafficSplit split = endpoint.traffic();
    evaluation.champion = championOf(split);
    for (const SloRule &rule : policy.rules) {
        const auto report = byWindow.find(rule.windowSeconds);
        const MetricsReport *data = report == byWindow.end() ? nullptr : &report->second;
        const std::int64_t windowStartMs = data ? data->toMs - rule.windowSeconds * 1000LL : 0;
        // Data older than the window is missing data, never a sign of health: no report at
        // all, or a source whose data ends before the window begins, is stale. A source that
        // is always current (no dataUntilMs) without a request in the window is idle.
        const bool stale = !data || (data->dataUntilMs && *data->dataUntilMs <= windowStartMs);
        const bool fresh = !stale && data->newestDataMs && *data->newestDataMs >= windowStartMs;
        const RequestStats none;
        const auto statsOf = [&](const std::string &name) -> const RequestStats & {
            if (report == byWindow.end())
                return none;
            const DeploymentMetrics *metrics = report->second.deployment(name);
            return metrics ? metrics->window : none;
        };
        const std::int64_t endpointRequests = report == byWindow.end() ? 0 : report->second.total.requests();
        const RequestStats &championStats = statsOf(evaluation.champion);
        for (const auto &[name, percent] : split) {
            if (percent <= 0)
                continue;
            if (rule.comparison == SloComparison::AboveChampion && name == evaluation.champion)
                continue;
            SloFinding finding;
            finding.rule = rule;
            finding.deployment = name;
            const RequestStats &stats = statsOf(name);
            finding.requests = stats.requests();
            const std::string window = describeWindow(rule.windowSeconds);
            if (stale) {
                finding.verdict = SloVerdict::Stale;
                finding.reason = staleReason(data, window);
                evaluation.findings.push_back(std::move(finding));
                continue;
            }
            if (!fresh || endpointRequests == 0) {
                finding.verdict = SloVerdict::Idle;
                finding.reason = "no request reached the endpoint in the last " + window;
                evaluation.findings.push_back(std::move(finding));
                continue;
            }
            // A share given during the window has not had a whole window to answer in.
            const bool newShare = endpoint.splitSinceMs && *endpoint.splitSinceMs > windowStartMs;
            if (stats.requests() == 0 && newShare) {
                finding.verdict = SloVerdict::TooFewRequests;
                finding.reason = name + " has had " + std::to_string(percent) + " % of the traffic for " +
                                 describeWindow(static_cast<int>(std::max<std::int64_t>(
                                     1, (data->toMs - *endpoint.splitSinceMs) / 1000))) +
                                 " and answered nothing yet: its silence is judged over a whole " + window;
                evaluation.findings.push_back(std::move(finding));
                continue;
            }
            if (stats.requests() == 0 && endpointRequests * percent / 100 >= rule.minRequests) {
                finding.verdict = SloVerdict::Breached;
                finding.reason =
                    name + " has " + std::to_string(percent) + " % of the traffic and sent no data in " +
                    window + " while the endpoint answered " + std::to_string(endpointRequests) + " requests";
                evaluation.findings.push_back(std::move(finding));
                continue;
            }
            if (stats.requests() < rule.minRequests) {
                finding.verdict = SloVerdict::TooFewRequests;
                finding.reason = name + ": " + std::to_string(stats.requests()) + " requests in " + window +
                                 ", fewer than the " + std::to_string(rule.minRequests) + " a verdict needs";
                evaluation.findings.push_back(std::move(finding));
                continue;
            }
            finding.measured = valueOf(rule.signal, stats);
            // A source that computes percentiles itself and has none (an exporter with only
            // averages) gives no verdict on latency: missing data, said as such.
            if (isLatency(rule.signal) &&
                ((!finding.measured && stats.sourcePercentiles) ||
                 (rule.comparison == SloComparison::AboveChampion && championStats.sourcePercentiles &&
                  !valueOf(rule.signal, championStats)))) {
                finding.verdict = SloVerdict::Stale;
                finding.reason = name + ": " +
                                 (data->source.empty() ? std::string("the source") : data->source) +
                                 " has no " + signalText(rule.signal) + " for " + window +
                                 (stats.averageMs ? " (it has only the mean latency)" : std::string());
                evaluation.findings.push_back(std::move(finding));
                continue;
            }
            if (rule.comparison == SloComparison::AboveChampion) {
                finding.champion = valueOf(rule.signal, championStats);
                if (!finding.champion || championStats.requests() < rule.minRequests) {
                    finding.verdict = SloVerdict::TooFewRequests;
                    finding.reason = "the champion " + evaluation.champion + " answered " +
                                     std::to_string(championStats.requests()) + " requests in " + window +
                                     ": too few to compare with";
                    evaluation.findings.push_back(std::move(finding));
                    continue;
                }
                finding.allowed = *finding.champion + rule.limit;
            } else {
                finding.allowed = rule.limit;
            }
            if (!finding.measured) {
                // Requests without a single answer: a latency that cannot be measured is a breach.
                finding.verdict = SloVerdict::Breached;
                finding.reason = name + ": " + std::to_string(stats.requests()) + " requests in " + window +
                                 " and none answered by the model";
                evaluation.findings.push_back(std::move(finding));
                continue;
            }
            finding.verdict = *finding.measured > finding.allowed ? SloVerdict::Breached : SloVerdict::Met;
            finding.reason =
                name + ": " + signalText(rule.signal) + " " + withUnit(rule.signal, *finding.measured) +
                (finding.verdict == SloVerdict::Breached ? " > " : " <= ") +
                withUnit(rule.signal, finding.allowed) +
                (finding.champion
                     ? " (champion " + evaluation.champion + " " + withUnit(rule.signal, *finding.champion) +
                           " + " + withUnit(rule.signal, rule.limit) + ")"
                     : std::string()) +
                " over " + window + ", " + std::to_string(stats.requests()) + " requests";
            evaluation.findings.push_back(std::move(finding));
        }
    }
    return evaluation;
}

} // namespace modelgate
