#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <modelgate/core/mlflow/mlflow_types.h>

namespace modelgate::cli {

// "2026-11-27 11:07 UTC" for a millisecond timestamp; "-" for 0 (unset on the server).
std::string formatTimestamp(std::int64_t msSinceEpoch);
// "a, b, c"
std::string join(const std::vector<std::string> &items, const std::string &separator = ", ");
// "k=v, k2=v2", MLflow's internal "mlflow.*" tags left out unless `withSystemTags`.
std::string formatTags(const TagMap &tags, bool withSystemTags = false);
// Shortest text that reads back as the same double ("0.8125", "1e-05").
std::string formatNumber(double value);

} // namespace modelgate::cli
