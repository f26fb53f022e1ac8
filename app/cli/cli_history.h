#pragma once

#include "cli_compare.h"

#include <cstddef>
#include <ostream>
#include <string>

#include <modelgate/core/util/cancel_token.h>

namespace modelgate {
class MlflowClient;
}

namespace modelgate::cli {

struct HistoryRequest
{
    std::string runId;
    std::string metric;
    std::size_t maxPoints = 0; // 0: every point; else LTTB-downsampled to at most this many
    bool json = false;
};

// `modelgate-cli metrics history RUN_ID METRIC [--max-points N]`: fetches every point of the
// metric's history (all pages) and prints it, or a shape-preserving LTTB view of at most
// maxPoints points (what a chart shows). Text: one "STEP VALUE TIMESTAMP" row per point;
// --json: {"run_id", "key", "total_points", "metrics": [...]} with MLflow's field names.
CommandFailure runMetricHistory(const MlflowClient &client, const HistoryRequest &request, std::ostream &out,
                                const CancelToken &cancel);

// Parses --max-points: a whole number from 2 to 10,000,000; false when it is not one.
bool parseMaxPoints(const std::string &text, std::size_t &points);

} // namespace modelgate::cli
