#pragma once

#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/util/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// Metric histories for charts, fetched concurrently with bounded parallelism
// (kDefaultRequestConcurrency requests at a time over the client's reused connections).
// Everything here blocks: call it off the GUI thread.

// Full histories (every point, every page) of one metric for several runs, one Result per
// run in input order: one run's failure does not hide the others. For CSV export and for
// charts that downsample locally (downsample.h).
std::vector<Result<std::vector<Metric>>> fetchMetricHistories(const MlflowClient &client,
                                                              const std::vector<std::string> &runIds,
                                                              const std::string &metricKey,
                                                              const CancelToken &cancel);

// A chart-sized view of one metric for any number of runs: the bulk-interval endpoint in
// requests of up to 100 runs (the server samples at most pointsPerRun steps per run, within
// [startStep, endStep] if given). On a server without that endpoint (HTTP 404) it falls back
// to full histories downsampled locally with LTTB to pointsPerRun. Points are ordered by step.
Result<std::vector<std::vector<Metric>>>
fetchMetricOverview(const MlflowClient &client, const std::vector<std::string> &runIds,
                    const std::string &metricKey, int pointsPerRun, std::optional<std::int64_t> startStep,
                    std::optional<std::int64_t> endStep, const CancelToken &cancel);

// One point per version for the model-level chart: the final value of a metric in each
// version's source run (value absent when the run lacks the metric, has no run, or the run
// is gone; `note` then says which). Versions newest first, as listModelVersions gives them.
struct VersionMetricValue
{
    ModelVersion version;
    std::optional<Metric> metric;
    std::string note;
};

Result<std::vector<VersionMetricValue>> metricAcrossVersions(const MlflowClient &client,
                                                             const std::string &modelName,
                                                             const std::string &metricKey,
                                                             const CancelToken &cancel);

} // namespace modelgate
