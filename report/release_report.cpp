#include "release_report.h"

#include "report_chart.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <QDateTime>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/util/parallel.h>

namespace modelgate::report {

namespace {

const Metric *latest(const std::optional<Run> &run, const std::string &key)
{
    if (!run)
        return nullptr;
    const auto found = std::find_if(run->metrics.begin(), run->metrics.end(),
                                    [&](const Metric &metric) { return metric.key == key; });
    return found == run->metrics.end() ? nullptr : &*found;
}

struct ChartPlan
{
    std::vector<std::string> charted;
    std::vector<std::string> singleValue;
};

// The latest value's step tells, without a request, whether a run logged a history.
ChartPlan planCharts(const ReleaseStatus &status, const Comparison *comparison)
{
    const std::optional<Run> &candidate = status.checks.candidate.run;
    const std::optional<Run> noRun;
    const std::optional<Run> &champion = comparison ? comparison->baseline.run : noRun;
    const auto hasHistory = [&](const std::string &key, bool championCounts) {
        const Metric *mine = latest(candidate, key);
        const Metric *theirs = championCounts ? latest(champion, key) : nullptr;
        return (mine && mine->step > 0) || (theirs && theirs->step > 0);
    };

    ChartPlan plan;
    std::set<std::string> seen;
    for (const CheckResult &check : status.checks.report.checks) {
        const bool metricCheck =
            check.kind == CheckKind::MetricThreshold || check.kind == CheckKind::ChampionRegression;
        if (!metricCheck || check.subject.empty() || !seen.insert(check.subject).second)
            continue;
        if (!hasHistory(check.subject, true))
            plan.singleValue.push_back(check.subject);
        else if (plan.charted.size() < kMaxCharts)
            plan.charted.push_back(check.subject);
    }
    // Then the training curves the checks do not judge (a loss), the candidate's own only.
    if (candidate) {
        std::vector<std::string> others;
        for (const Metric &metric : candidate->metrics)
            if (!seen.count(metric.key) && metric.step > 0)
                others.push_back(metric.key);
        std::sort(others.begin(), others.end());
        for (const std::string &key : others)
            if (plan.charted.size() < kMaxCharts)
                plan.charted.push_back(key);
    }
    return plan;
}

int finitePoints(const std::vector<Metric> &points)
{
    return static_cast<int>(std::count_if(points.begin(), points.end(),
                                          [](const Metric &point) { return std::isfinite(point.value); }));
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

    ChartPlan plan = planCharts(data.status, comparison);
    data.singleValueMetrics = std::move(plan.singleValue);
    const std::vector<std::string> &metrics = plan.charted;
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
        // Several values at one step (or none at all) still draw no line.
        if (finitePoints(series.candidate) < 2 && finitePoints(series.champion) < 2) {
            data.singleValueMetrics.push_back(metrics[i]);
            continue;
        }
        data.charts.push_back(std::move(series));
    }
    return data;
}

} // namespace modelgate::report
