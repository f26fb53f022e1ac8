#include "modelgate/core/review/metric_history.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/review/downsample.h"
#include "modelgate/core/util/parallel.h"

#include <algorithm>

namespace modelgate {

namespace {

bool endpointMissing(const Error &error)
{
    return (error.kind == ErrorKind::HttpStatus || error.kind == ErrorKind::Api) && error.httpStatus == 404 &&
           error.code != "RESOURCE_DOES_NOT_EXIST";
}

} // namespace

std::vector<Result<std::vector<Metric>>> fetchMetricHistories(const MlflowClient &client,
                                                              const std::vector<std::string> &runIds,
                                                              const std::string &metricKey,
                                                              const CancelToken &cancel)
{
    return parallelMap(
        runIds, kDefaultRequestConcurrency,
        [&](const std::string &runId) { return client.getMetricHistory(runId, metricKey, cancel); }, cancel);
}

Result<std::vector<std::vector<Metric>>>
fetchMetricOverview(const MlflowClient &client, const std::vector<std::string> &runIds,
                    const std::string &metricKey, int pointsPerRun, std::optional<std::int64_t> startStep,
                    std::optional<std::int64_t> endStep, const CancelToken &cancel)
{
    std::vector<std::vector<std::string>> chunks;
    for (std::size_t start = 0; start < runIds.size(); start += MlflowClient::kMaxBulkIntervalRuns)
        chunks.emplace_back(runIds.begin() + static_cast<std::ptrdiff_t>(start),
                            runIds.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                 runIds.size(), start + MlflowClient::kMaxBulkIntervalRuns)));
    auto answers = parallelMap(
        chunks, kDefaultRequestConcurrency,
        [&](const std::vector<std::string> &chunk) {
            return client.getMetricHistoryBulkInterval(chunk, metricKey, pointsPerRun, startStep, endStep,
                                                       cancel);
        },
        cancel);

    std::vector<std::vector<Metric>> result;
    result.reserve(runIds.size());
    for (auto &answer : answers) {
        if (answer.ok()) {
            for (auto &series : answer.value())
                result.push_back(std::move(series));
            continue;
        }
        if (!endpointMissing(answer.error()))
            return answer.error();
        // No bulk-interval endpoint: full histories, thinned here.
        auto histories = fetchMetricHistories(client, runIds, metricKey, cancel);
        result.clear();
        for (auto &history : histories) {
            if (!history.ok())
                return history.error();
            std::vector<Metric> points = std::move(history).value();
            if (startStep) {
                points.erase(
                    std::remove_if(points.begin(), points.end(),
                                   [&](const Metric &m) { return m.step < *startStep || m.step > *endStep; }),
                    points.end());
            }
            result.push_back(downsampleMetricHistory(points, static_cast<std::size_t>(pointsPerRun)));
        }
        return result;
    }
    return result;
}

Result<std::vector<VersionMetricValue>> metricAcrossVersions(const MlflowClient &client,
                                                             const std::string &modelName,
                                                             const std::string &metricKey,
                                                             const CancelToken &cancel)
{
    auto versions = client.listModelVersions(modelName, cancel);
    if (!versions.ok())
        return versions.error();
    auto runs = parallelMap(
        versions.value(), kDefaultRequestConcurrency,
        [&](const ModelVersion &version) -> Result<Run> {
            if (version.runId.empty()) {
                Error none;
                none.kind = ErrorKind::Config;
                none.message = "the version has no source run";
                return none;
            }
            return client.getRun(version.runId, cancel);
        },
        cancel);
    if (cancel.isCancelled()) {
        Error error;
        error.kind = ErrorKind::Cancelled;
        error.message = "cancelled";
        return error;
    }
    std::vector<VersionMetricValue> points;
    points.reserve(runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
        VersionMetricValue point;
        point.version = versions.value()[i];
        if (!runs[i].ok()) {
            const Error &error = runs[i].error();
            const bool gone = error.kind == ErrorKind::Config ||
                              (error.kind == ErrorKind::Api && error.code == "RESOURCE_DOES_NOT_EXIST");
            if (!gone)
                return error;
            point.note = error.kind == ErrorKind::Config ? error.message : "the source run no longer exists";
        } else {
            const auto &metrics = runs[i].value().metrics;
            const auto it = std::find_if(metrics.begin(), metrics.end(),
                                         [&](const Metric &metric) { return metric.key == metricKey; });
            if (it != metrics.end())
                point.metric = *it;
            else
                point.note = "the source run has no metric '" + metricKey + "'";
        }
        points.push_back(std::move(point));
    }
    return points;
}

} // namespace modelgate
