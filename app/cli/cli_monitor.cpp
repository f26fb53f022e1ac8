#include "cli_monitor.h"

#include "cli_app.h"
#include "cli_format.h"
#include "cli_review.h"
#include "text_table.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/monitor/endpoint_metrics.h>
#include <modelgate/core/monitor/load_generator.h>
#include <modelgate/core/monitor/prometheus_metrics.h>
#include <modelgate/core/monitor/slo_watch.h>

namespace modelgate::cli {

namespace {

using Json = nlohmann::json;

std::string fixed(double value, int decimals = 1)
{
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string milliseconds(const std::optional<double> &value)
{
    return value ? fixed(*value, 0) + " ms" : "-";
}

Json orNull(const std::optional<double> &value)
{
    return value ? Json(*value) : Json(nullptr);
}

std::string deploymentLabel(const std::string &name)
{
    return name == kNoDeployment ? "(no deployment)" : name;
}

std::string clockTime(std::int64_t unixMs)
{
    const std::time_t seconds = static_cast<std::time_t>(unixMs / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%H:%M:%SZ", &parts);
    return text;
}

Json statsJson(const RequestStats &stats)
{
    return Json::object({{"requests", stats.requests()},
                         {"2xx", stats.status.ok2xx},
                         {"4xx", stats.status.client4xx},
                         {"5xx", stats.status.server5xx},
                         {"other", stats.status.other},
                         {"rate_per_second", stats.ratePerSecond()},
                         {"error_percent", stats.errorPercent()},
                         {"p50_ms", orNull(stats.p50())},
                         {"p95_ms", orNull(stats.p95())},
                         {"p99_ms", orNull(stats.p99())}});
}

// "12 s ago", "3m ago"; how old the source's data is.
std::string ageText(std::int64_t sinceMs)
{
    return describeWindow(
               static_cast<int>(std::max<std::int64_t>(1, (unixMillisNow() - sinceMs + 999) / 1000))) +
           " ago";
}

CommandFailure endpointMetrics(DeploymentTarget &target, const DeployCommand &command, std::ostream &out,
                               const CancelToken &cancel)
{
    const std::string &name = command.operands[0];
    const int window = parseWindow(command.window.value_or("5m")).value_or(300);
    Result<EndpointInfo> endpoint = target.endpoint(name, cancel);
    if (!endpoint.ok())
        return failureOf(endpoint.error(), "cannot read endpoint " + name);
    const std::shared_ptr<MetricsSource> source = metricsSourceFor(target);
    MetricsQuery query;
    query.endpoint = name;
    query.toMs = (unixMillisNow() / 1000 + 1) * 1000; // the current second too
    query.fromMs = query.toMs - window * 1000LL;
    query.stepMs = window * 1000LL;
    for (const DeploymentInfo &item : endpoint.value().deployments)
        query.expectedDeployments.push_back(item.name);
    Result<MetricsReport> report = source->query(query, cancel);
    if (!report.ok())
        return failureOf(report.error(), "cannot read the metrics of endpoint " + name);
    const MetricsReport &metrics = report.value();
    // Data that ends before the window begins is stale: shown, and said to be.
    const bool stale = metrics.dataUntilMs && *metrics.dataUntilMs <= metrics.fromMs;
    if (command.json) {
        Json deployments = Json::array();
        for (const DeploymentMetrics &item : metrics.deployments) {
            Json entry = statsJson(item.window);
            entry["deployment"] = item.deployment == kNoDeployment ? Json(nullptr) : Json(item.deployment);
            const DeploymentInfo *info = endpoint.value().deployment(item.deployment);
            entry["traffic"] = info ? Json(info->traffic) : Json(nullptr);
            entry["cpu_percent"] = item.resources ? Json(item.resources->cpuPercent) : Json(nullptr);
            entry["memory_bytes"] = item.resources && item.resources->memoryBytes > 0
                                        ? Json(item.resources->memoryBytes)
                                        : Json(nullptr);
            entry["memory_percent"] = item.resources && item.resources->memoryPercent
                                          ? Json(*item.resources->memoryPercent)
                                          : Json(nullptr);
            entry["instances"] = item.resources && item.resources->instances >= 0
                                     ? Json(item.resources->instances)
                                     : Json(nullptr);
            entry["mean_ms"] = orNull(item.window.averageMs);
            entry["connections"] = item.resources && item.resources->connections >= 0
                                       ? Json(item.resources->connections)
                                       : Json(nullptr);
            entry["queued"] =
                item.resources && item.resources->queued >= 0 ? Json(item.resources->queued) : Json(nullptr);
            deployments.push_back(entry);
        }
        out << Json::object(
                   {{"endpoint", name},
                    {"source", metrics.source},
                    {"window_seconds", window},
                    {"from_ms", metrics.fromMs},
                    {"to_ms", metrics.toMs},
                    {"newest_data_ms", metrics.newestDataMs ? Json(*metrics.newestDataMs) : Json(nullptr)},
                    {"data_until_ms", metrics.dataUntilMs ? Json(*metrics.dataUntilMs) : Json(nullptr)},
                    {"stale", stale},
                    {"active_connections", orNull(metrics.activeConnections)},
                    {"deployments", deployments},
                    {"total", statsJson(metrics.total)},
                    {"notes", metrics.notes}})
                   .dump(2)
            << '\n';
        return {};
    }
    out << "Endpoint " << name << ", last " << describeWindow(window) << " (until " << clockTime(metrics.toMs)
        << "; newest request "
        << (metrics.newestDataMs ? ageText(*metrics.newestDataMs) : std::string("none")) << ")\n";
    out << "Source: " << metrics.source;
    if (metrics.dataUntilMs && *metrics.dataUntilMs > 0)
        out << ", data until " << clockTime(*metrics.dataUntilMs) << " (" << ageText(*metrics.dataUntilMs)
            << ")";
    else if (metrics.dataUntilMs)
        out << ", no current data for this endpoint";
    if (stale)
        out << " - STALE: nothing in this window is current; SLO rules get no verdict";
    if (metrics.activeConnections)
        out << "; " << fixed(*metrics.activeConnections) << " active connections";
    out << "\n\n";
    TextTable table({"DEPLOYMENT", "TRAFFIC", "REQUESTS", "2XX", "4XX", "5XX", "RATE/S", "ERRORS", "P50",
                     "P95", "P99", "MEAN", "CPU", "MEMORY"});
    const auto addRow = [&](const std::string &label, const std::string &traffic, const RequestStats &stats,
                            const std::optional<ResourceUsage> &resources) {
        table.addRow({label, traffic, std::to_string(stats.requests()), std::to_string(stats.status.ok2xx),
                      std::to_string(stats.status.client4xx), std::to_string(stats.status.server5xx),
                      fixed(stats.ratePerSecond(), 2), fixed(stats.errorPercent()) + " %",
                      milliseconds(stats.p50()), milliseconds(stats.p95()), milliseconds(stats.p99()),
                      milliseconds(stats.averageMs), resources ? fixed(resources->cpuPercent) + " %" : "-",
                      !resources ? "-"
                      : resources->memoryPercent
                          ? fixed(*resources->memoryPercent) + " %"
                          : fixed(static_cast<double>(resources->memoryBytes) / 1048576.0, 0) + " MiB"});
    };
    for (const DeploymentMetrics &item : metrics.deployments) {
        const DeploymentInfo *info = endpoint.value().deployment(item.deployment);
        addRow(deploymentLabel(item.deployment), info ? std::to_string(info->traffic) + " %" : "-",
               item.window, item.resources);
    }
    addRow("TOTAL", "", metrics.total, std::nullopt);
    table.print(out);
    for (const std::string &note : metrics.notes)
        out << "\nNote: " << note;
    out << '\n';
    return {};
}

Json loadJson(const LoadReport &report)
{
    Json failed = Json::object();
    for (const auto &[status, count] : report.failedByStatus)
        failed[std::to_string(status)] = count;
    return Json::object({{"planned", report.planned},
                         {"sent", report.sent},
                         {"succeeded", report.succeeded},
                         {"failed_by_status", failed},
                         {"transport_errors", report.transportErrors},
                         {"late_starts", report.late},
                         {"in_flight", report.inFlight},
                         {"elapsed_seconds", report.elapsedSeconds},
                         {"achieved_rate", report.achievedRate()},
                         {"p50_ms", orNull(report.latency.percentile(50))},
                         {"p95_ms", orNull(report.latency.percentile(95))},
                         {"p99_ms", orNull(report.latency.percentile(99))},
                         {"cancelled", report.cancelled}});
}

std::string loadLine(const LoadReport &report)
{
    std::string failed;
    for (const auto &[status, count] : report.failedByStatus)
        failed += (failed.empty() ? "" : ", ") + std::to_string(count) + " x " + std::to_string(status);
    if (report.transportErrors > 0)
        failed += (failed.empty() ? "" : ", ") + std::to_string(report.transportErrors) + " without answer";
    return fixed(report.elapsedSeconds) + " s: sent " + std::to_string(report.sent) + "/" +
           std::to_string(report.planned) + ", succeeded " + std::to_string(report.succeeded) + ", failed " +
           std::to_string(report.failed()) + (failed.empty() ? "" : " (" + failed + ")") + ", late starts " +
           std::to_string(report.late) + ", in flight " + std::to_string(report.inFlight) + "; p50 " +
           milliseconds(report.latency.percentile(50)) + ", p95 " +
           milliseconds(report.latency.percentile(95)) + ", p99 " +
           milliseconds(report.latency.percentile(99));
}

CommandFailure endpointLoad(const MlflowClient *client, LocalTarget &target, const DeployCommand &command,
                            std::ostream &out, std::ostream &err, const CancelToken &cancel)
{
    const std::string &name = command.operands[0];
    bool readOk = false;
    const std::string text = readFile(*command.csv, readOk);
    if (!readOk)
        return {ExitUsage, "cannot read '" + *command.csv + "'"};
    Result<CsvTable> table = parseCsv(text);
    if (!table.ok())
        return {ExitUsage, *command.csv + ": " + oneLine(table.error().message)};
    Result<EndpointInfo> endpoint = target.endpoint(name, cancel);
    if (!endpoint.ok())
        return failureOf(endpoint.error(), "cannot read endpoint " + name);
    ScoringBatches batches;
    const int batch = command.batch ? *wholeNumber(*command.batch, 1, 100000) : 1;
    if (CommandFailure failure = scoringBodiesFor(client, endpoint.value(), command, table.value(),
                                                  *command.csv, batch, batches, err, cancel);
        failure.exitCode != ExitSuccess)
        return failure;
    LoadPlan plan;
    plan.url = endpoint.value().scoringUri + "/invocations";
    plan.allowedUri = endpoint.value().scoringUri;
    plan.bodies = batches.bodies;
    plan.rate = std::stod(*command.rps);
    plan.durationSeconds = *wholeNumber(*command.duration, 1, kMaxLoadDurationSeconds);
    plan.deployment = command.deployment.value_or(std::string());
    err << "modelgate-cli: " << fixed(plan.rate) << " requests/s for " << plan.durationSeconds << " s to "
        << plan.url << (plan.deployment.empty() ? "" : " (deployment " + plan.deployment + ")") << ", "
        << batches.bodies.size() << " request bodies of up to " << batch << " rows\n";
    Result<LoadReport> report = runLoad(
        plan, [&err](const LoadReport &live) { err << "modelgate-cli: " << loadLine(live) << '\n'; }, cancel);
    if (!report.ok())
        return failureOf(report.error(), "cannot put load on endpoint " + name);
    if (command.json)
        out << loadJson(report.value()).dump(2) << '\n';
    else
        out << "Load on " << name << ": " << loadLine(report.value()) << '\n';
    if (report.value().cancelled)
        return {ExitInterrupted, "interrupted"};
    return {};
}

Json findingJson(const SloFinding &finding)
{
    return Json::object({{"deployment", finding.deployment},
                         {"rule", describeSloRule(finding.rule)},
                         {"signal", wireName(finding.rule.signal)},
                         {"comparison", wireName(finding.rule.comparison)},
                         {"verdict", wireName(finding.verdict)},
                         {"measured", orNull(finding.measured)},
                         {"champion", orNull(finding.champion)},
                         {"allowed", finding.allowed},
                         {"requests", finding.requests},
                         {"reason", finding.reason}});
}

CommandFailure endpointWatch(const MlflowClient &client, DeploymentTarget &target,
                             const DeployCommand &command, std::ostream &out, std::ostream &err,
                             const CancelToken &cancel)
{
    const std::string &name = command.operands[0];
    const int interval = command.interval ? *wholeNumber(*command.interval, 1, 3600) : 10;
    const std::shared_ptr<MetricsSource> source = metricsSourceFor(target);
    SloWatcher watcher(client, target, *source, accessOf(&client));
    bool everBreached = false;
    while (true) {
        Result<WatchCheck> check = watcher.checkEndpoint(name, true, cancel);
        if (!check.ok()) {
            if (check.error().kind == ErrorKind::Cancelled)
                return {ExitInterrupted, "interrupted"};
            return failureOf(check.error(), "cannot check endpoint " + name);
        }
        const WatchCheck &round = check.value();
        everBreached = everBreached || round.evaluation.breached();
        if (command.json) {
            Json findings = Json::array();
            for (const SloFinding &finding : round.evaluation.findings)
                findings.push_back(findingJson(finding));
            Json responses = Json::array();
            for (const BreachResponse &response : round.responses)
                responses.push_back(Json::object(
                    {{"deployment", response.finding.deployment},
                     {"model", response.model},
                     {"version", response.version},
                     {"recorded", response.recorded},
                     {"record", response.recorded ? Json(response.recordSequence) : Json(nullptr)},
                     {"handled_by", response.handledBy.empty() ? Json(nullptr) : Json(response.handledBy)},
                     {"record_error",
                      response.recordError.empty() ? Json(nullptr) : Json(response.recordError)},
                     {"rolled_back", response.rollback.has_value()},
                     {"split_after",
                      response.rollback ? Json(describeSplit(response.rollback->after)) : Json(nullptr)},
                     {"rollback_error",
                      response.rollbackError.empty() ? Json(nullptr) : Json(response.rollbackError)}}));
            out << Json::object({{"time_ms", unixMillisNow()},
                                 {"endpoint", name},
                                 {"split", describeSplit(round.endpoint.traffic())},
                                 {"auto_rollback", round.policy.autoRollback},
                                 {"overall", wireName(round.evaluation.overall())},
                                 {"findings", findings},
                                 {"responses", responses}})
                       .dump()
                << std::endl;
        } else {
            out << clockTime(unixMillisNow()) << ' ' << name << " ["
                << describeSplit(round.endpoint.traffic()) << "]: " << wireName(round.evaluation.overall())
                << std::endl;
            for (const SloFinding &finding : round.evaluation.findings)
                if (finding.verdict == SloVerdict::Breached || finding.verdict == SloVerdict::Stale ||
                    command.once)
                    out << "  " << wireName(finding.verdict) << ": " << finding.reason << " ("
                        << describeSloRule(finding.rule) << ")" << std::endl;
            for (const BreachResponse &response : round.responses) {
                if (response.recorded)
                    out << "  BREACH recorded as record " << response.recordSequence << " of "
                        << response.model << "'s release trail" << std::endl;
                if (!response.handledBy.empty())
                    out << "  already handled: " << response.handledBy << std::endl;
                if (!response.recordError.empty())
                    err << "modelgate-cli: the breach of " << response.finding.deployment
                        << " could not be recorded: " << oneLine(response.recordError) << std::endl;
                if (response.rollback)
                    out << "  ROLLED BACK automatically: " << describeSplit(response.rollback->before)
                        << " -> " << describeSplit(response.rollback->after) << std::endl;
                if (!response.rollbackError.empty())
                    err << "modelgate-cli: automatic rollback failed: " << oneLine(response.rollbackError)
                        << std::endl;
            }
        }
        if (command.once)
            return everBreached
                       ? CommandFailure{ExitCheckSaysNo, "an SLO rule of endpoint " + name + " is breached"}
                       : CommandFailure{};
        if (!sleepUnlessCancelled(std::chrono::seconds(interval), cancel))
            return {ExitInterrupted, "interrupted"};
    }
}

CommandFailure endpointSlo(DeploymentTarget &target, const DeployCommand &command, std::ostream &out)
{
    const std::string &name = command.operands[0];
    Result<std::string> stored = target.monitorSettings(name);
    if (!stored.ok())
        return failureOf(stored.error(), "cannot read the SLO rules of endpoint " + name);
    Result<SloPolicy> policy = sloPolicyFromJson(stored.value());
    if (!policy.ok())
        return failureOf(policy.error(), "the SLO rules kept with endpoint " + name + " are unreadable");
    SloPolicy next = policy.value();
    if (command.rules) {
        bool readOk = false;
        const std::string text = readFile(*command.rules, readOk);
        if (!readOk)
            return {ExitUsage, "cannot read '" + *command.rules + "'"};
        Result<SloPolicy> read = sloPolicyFromJson(text);
        if (!read.ok())
            return {ExitUsage, *command.rules + ": " + oneLine(read.error().describe())};
        next = read.value();
    }
    if (command.autoRollback)
        next.autoRollback = *command.autoRollback == "on";
    if (command.rules || command.autoRollback) {
        Result<std::string> settings = withSloPolicy(stored.value(), next);
        if (!settings.ok())
            return failureOf(settings.error(),
                             "the monitor settings kept with endpoint " + name + " are unreadable");
        if (Status saved = target.setMonitorSettings(name, settings.value()); !saved.ok())
            return failureOf(saved.error(), "cannot keep the SLO rules of endpoint " + name);
    }
    if (command.json) {
        out << sloPolicyToJson(next);
        return {};
    }
    out << "SLO rules of endpoint " << name
        << (stored.value().find("\"rules\"") == std::string::npos && !command.rules ? " (the defaults)" : "")
        << ":\n";
    for (const SloRule &rule : next.rules)
        out << "  " << describeSloRule(rule) << " (at least " << rule.minRequests << " requests)\n";
    out << "Automatic rollback of a breaching canary: " << (next.autoRollback ? "on" : "off") << '\n';
    return {};
}

CommandFailure endpointMetricsSource(DeploymentTarget &target, const DeployCommand &command,
                                     std::ostream &out)
{
    const std::string &name = command.operands[0];
    Result<std::string> stored = target.monitorSettings(name);
    if (!stored.ok())
        return failureOf(stored.error(), "cannot read the monitor settings of endpoint " + name);
    Result<std::optional<PrometheusQueries>> current = prometheusQueriesFromSettings(stored.value());
    if (!current.ok() && !command.prometheus && !command.queries && !command.ownSource)
        return failureOf(current.error(), "the metrics source kept with endpoint " + name + " is unreadable");
    std::optional<PrometheusQueries> next = current.ok() ? current.value() : std::nullopt;
    if (command.prometheus) {
        Result<PrometheusQueries> preset =
            prometheusPreset(command.preset.value_or("haproxy"), *command.prometheus);
        if (!preset.ok())
            return {ExitUsage, preset.error().message};
        if (Status valid = validatePrometheusQueries(preset.value()); !valid.ok())
            return {ExitUsage, valid.error().message};
        next = preset.value();
    } else if (command.queries) {
        bool readOk = false;
        const std::string text = readFile(*command.queries, readOk);
        if (!readOk)
            return {ExitUsage, "cannot read '" + *command.queries + "'"};
        // The file is the "metrics" object as `--json` shows it.
        Result<std::optional<PrometheusQueries>> read =
            prometheusQueriesFromSettings("{\"metrics\": " + text + "}");
        if (!read.ok())
            return {ExitUsage, *command.queries + ": " + oneLine(read.error().message)};
        next = read.value();
    } else if (command.ownSource) {
        next.reset();
    }
    if (command.prometheus || command.queries || command.ownSource) {
        Result<std::string> settings = withPrometheusQueries(stored.value(), next);
        if (!settings.ok())
            return failureOf(settings.error(),
                             "the monitor settings kept with endpoint " + name + " are unreadable");
        if (Status saved = target.setMonitorSettings(name, settings.value()); !saved.ok())
            return failureOf(saved.error(), "cannot keep the metrics source of endpoint " + name);
    }
    const std::string own = target.kind() == "local" ? "HAProxy's request log" : "Azure Monitor";
    if (command.json) {
        Result<std::string> shown = withPrometheusQueries("{}", next);
        Json metrics =
            shown.ok() ? Json::parse(shown.value(), nullptr, false).value("metrics", Json()) : Json();
        out << Json::object({{"endpoint", name},
                             {"source", next                       ? "prometheus"
                                        : target.kind() == "local" ? "haproxy-log"
                                                                   : "azure-monitor"},
                             {"metrics", metrics}})
                   .dump(2)
            << '\n';
        return {};
    }
    if (!next) {
        out << "Endpoint " << name << " reads its metrics from " << own << " (the target's own source).\n";
        return {};
    }
    out << "Endpoint " << name << " reads its metrics from Prometheus at " << next->url << " (preset "
        << (next->preset.empty() ? std::string("custom") : next->preset) << ", scraped every "
        << next->scrapeIntervalSeconds << " s). Over 5 minutes it asks:\n";
    for (const std::string &expression : prometheusExpressions(*next, name, 300))
        out << "  " << expression << '\n';
    return {};
}

} // namespace

bool isMonitorCommand(const std::string &command)
{
    return command == "endpoint metrics" || command == "endpoint load" || command == "endpoint watch" ||
           command == "endpoint slo" || command == "endpoint metrics-source";
}

CommandFailure checkMonitorCommand(const DeployCommand &command)
{
    const std::string &cmd = command.command;
    const auto only = [&](bool given, const char *option,
                          const char *where) -> std::optional<CommandFailure> {
        if (given && cmd != where)
            return CommandFailure{ExitUsage, std::string("--") + option + " applies to '" + where + "' only"};
        return std::nullopt;
    };
    for (const auto &check : {only(command.window.has_value(), "window", "endpoint metrics"),
                              only(command.rps.has_value(), "rps", "endpoint load"),
                              only(command.duration.has_value(), "duration", "endpoint load"),
                              only(command.interval.has_value(), "interval", "endpoint watch"),
                              only(command.once, "once", "endpoint watch"),
                              only(command.rules.has_value(), "rules", "endpoint slo"),
                              only(command.autoRollback.has_value(), "auto-rollback", "endpoint slo"),
                              only(command.prometheus.has_value(), "prometheus", "endpoint metrics-source"),
                              only(command.preset.has_value(), "preset", "endpoint metrics-source"),
                              only(command.queries.has_value(), "queries", "endpoint metrics-source"),
                              only(command.ownSource, "own", "endpoint metrics-source")})
        if (check)
            return *check;
    if (command.window && !parseWindow(*command.window))
        return {ExitUsage, "--window needs a length like 90s, 5m, 1h or 1d, got '" + *command.window + "'"};
    if (cmd == "endpoint load") {
        if (!command.csv || !command.rps || !command.duration)
            return {ExitUsage, "'endpoint load' needs --csv FILE, --rps N and --duration SECONDS"};
        char *end = nullptr;
        const double rate = std::strtod(command.rps->c_str(), &end);
        if (end == command.rps->c_str() || *end != '\0' || !(rate > 0) || rate > kMaxLoadRate)
            return {ExitUsage, "--rps needs a rate above 0 and at most " + std::to_string(int(kMaxLoadRate)) +
                                   ", got '" + *command.rps + "'"};
        if (!wholeNumber(*command.duration, 1, kMaxLoadDurationSeconds))
            return {ExitUsage, "--duration needs 1 to " + std::to_string(kMaxLoadDurationSeconds) +
                                   " seconds, got '" + *command.duration + "'"};
        if (command.batch && !wholeNumber(*command.batch, 1, 100000))
            return {ExitUsage,
                    "--batch needs a number of rows from 1 to 100000, got '" + *command.batch + "'"};
    }
    if (command.interval && !wholeNumber(*command.interval, 1, 3600))
        return {ExitUsage, "--interval needs 1 to 3600 seconds, got '" + *command.interval + "'"};
    if (cmd == "endpoint metrics-source") {
        const int choices =
            (command.prometheus ? 1 : 0) + (command.queries ? 1 : 0) + (command.ownSource ? 1 : 0);
        if (choices > 1)
            return {ExitUsage, "give one of --prometheus URL, --queries FILE and --own"};
        if (command.preset && !command.prometheus)
            return {ExitUsage, "--preset goes with --prometheus URL"};
    }
    if (command.autoRollback && *command.autoRollback != "on" && *command.autoRollback != "off")
        return {ExitUsage, "--auto-rollback takes on or off, got '" + *command.autoRollback + "'"};
    return {};
}

CommandFailure runMonitorCommand(const MlflowClient *client, DeploymentTarget &anyTarget,
                                 const DeployCommand &command, std::ostream &out, std::ostream &err,
                                 const CancelToken &cancel)
{
    const std::string &cmd = command.command;
    if (cmd == "endpoint slo")
        return endpointSlo(anyTarget, command, out);
    if (cmd == "endpoint metrics-source")
        return endpointMetricsSource(anyTarget, command, out);
    if (cmd == "endpoint metrics")
        return endpointMetrics(anyTarget, command, out, cancel);
    if (cmd == "endpoint load") {
        auto *local = dynamic_cast<LocalTarget *>(&anyTarget);
        if (!local)
            return {ExitUsage, "'endpoint load' puts load on local endpoints only (their scoring URI is on "
                               "this machine); an " +
                                   anyTarget.kind() + " endpoint is billed and rate-limited by its cloud"};
        return endpointLoad(client, *local, command, out, err, cancel);
    }
    if (!client)
        return {ExitUsage, "'" + cmd + "' needs the registry: pass --profile NAME or --tracking-uri URI"};
    return endpointWatch(*client, anyTarget, command, out, err, cancel);
}

} // namespace modelgate::cli
