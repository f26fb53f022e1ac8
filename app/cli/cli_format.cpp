#include "cli_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace modelgate::cli {

std::string formatTimestamp(std::int64_t msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return "-";
    const std::time_t seconds = static_cast<std::time_t>(msSinceEpoch / 1000);
    std::tm utc{};
    if (!gmtime_r(&seconds, &utc))
        return "-";
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &utc);
    return buffer;
}

std::string join(const std::vector<std::string> &items, const std::string &separator)
{
    std::string out;
    for (const auto &item : items) {
        if (!out.empty())
            out += separator;
        out += item;
    }
    return out;
}

std::string formatTags(const TagMap &tags, bool withSystemTags)
{
    std::vector<std::string> parts;
    for (const auto &[key, value] : tags) {
        if (!withSystemTags && key.rfind("mlflow.", 0) == 0)
            continue;
        parts.push_back(key + "=" + value);
    }
    return join(parts);
}

std::string formatNumber(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    char buffer[40];
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value)
            break;
    }
    return buffer;
}

} // namespace modelgate::cli
