#include "release_report.h"

#include "report_chart.h"

#include <set>

#include <QDateTime>

#include <modelgate/core/mlflow_client.h>
#include <modelgate/core/parallel.h>

namespace modelgate::report {

namespace {

std::vector<std::string> chartedMetrics(const CheckReport &report)
{
    std::vector<std::string> metrics;
    std::set<std::string> seen;
    for (const CheckResult &check : report.checks) {
        const bool metricCheck =
            check.kind == CheckKind::MetricThreshold || check.kind == CheckKind::ChampionRegression;
        if (!metricCheck || check.subject.empty() || !seen.insert(check.subject).second)
            continue;
        metrics.push_back(check.subject);
        if (metrics.size() == kMaxCharts)
            break;
    }
    return metrics;
}

} // namespace

Result<ReleaseReportData> loadReleaseReportData(const MlflowClient &client, const std::string &model,
                                                const std::string &version, const CancelToken &cancel)
{
    auto status = loadReleaseStatus(client, model, version, cancel);
    if (!status)
        return status.error();

    ReleaseReportData data;
    data.status = std::move(status).value();
    data.comparison = data.status.checks.comparison;
    // The status already verified the whole trail; reading the ledger again would cost as
    // many requests and could see a newer trail than the one the status judged.
    data.trail.model = data.status.model;
    data.trail.verification = data.status.trail;
    data.trail.policyProblems = data.status.policyProblems;
    data.generatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    data.generator = QStringLiteral("ModelGate " MODELGATE_REPORT_VERSION);

    const auto &candidateRun = data.status.checks.candidate.run;
    if (!candidateRun) {
        data.chartsNote = "the version has no source run, so there is no metric history";
        return data;
    }
    std::vector<std::string> runIds{candidateRun->info.runId};
    const Comparison *comparison = data.comparison ? &*data.comparison : nullptr;
    if (comparison && comparison->baseline.run)
        runIds.push_back(comparison->baseline.run->info.runId);

    const std::vector<std::string> metrics = chartedMetrics(data.status.checks.report);
    std::vector<std::optional<Result<std::vector<std::vector<Metric>>>>> slots(metrics.size());
    // One request per metric covers both runs; a few at a time keeps a basic-auth server
    // (slow password hashing per request) responsive for other users.
    runBounded(
        metrics.size(), 3,
        [&](std::size_t index) {
            slots[index].emplace(client.getMetricHistoryBulkInterval(
                runIds, metrics[index], kChartPointsPerRun, std::nullopt, std::nullopt, cancel));
        },
        cancel);
    if (cancel.isCancelled())
        return Error{ErrorKind::Cancelled, 0, {}, "cancelled", {}, {}};

    for (std::size_t i = 0; i < metrics.size(); ++i) {
        if (!slots[i] || !slots[i]->ok()) {
            if (data.chartsNote.empty())
                data.chartsNote = "the history of '" + metrics[i] + "' could not be loaded: " +
                                  (slots[i] ? slots[i]->error().describe() : "skipped");
            continue;
        }
        const auto &histories = slots[i]->value();
        ChartSeries series;
        series.metric = metrics[i];
        series.candidateLabel = "v" + data.status.checks.candidate.version.version;
        if (!histories.empty())
            series.candidate = histories[0];
        if (runIds.size() > 1 && histories.size() > 1) {
            series.championLabel = "v" + comparison->baseline.version.version;
            series.champion = histories[1];
        }
        if (series.candidate.empty() && series.champion.empty())
            continue;
        data.charts.push_back(std::move(series));
    }
    return data;
}

} // namespace modelgate::report
