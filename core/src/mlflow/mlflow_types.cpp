#include "modelgate/core/mlflow/mlflow_types.h"

#include <algorithm>
#include <charconv>

namespace modelgate {

std::int64_t ModelVersion::versionNumber() const
{
    std::int64_t number = -1;
    const char *end = version.data() + version.size();
    const auto [ptr, ec] = std::from_chars(version.data(), end, number);
    if (version.empty() || ec != std::errc() || ptr != end || number < 0)
        return -1;
    return number;
}

std::vector<std::string> RegisteredModel::aliasesOf(const std::string &version) const
{
    std::vector<std::string> result;
    for (const auto &[alias, target] : aliases) {
        if (target == version)
            result.push_back(alias);
    }
    std::sort(result.begin(), result.end()); // already sorted (std::map); kept explicit for the contract
    return result;
}

} // namespace modelgate
