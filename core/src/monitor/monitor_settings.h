#pragma once
// Private to core/src/monitor: an endpoint's monitor settings are one JSON document that holds
// its SLO rules (slo.h) and its metrics source (prometheus_metrics.h); each editor replaces
// only its own members, through these two.

#include "modelgate/core/util/result.h"

#include <nlohmann/json.hpp>
#include <string>

namespace modelgate::detail {

// The stored settings as an object ({} for none); Parse error when they are not one.
inline Result<nlohmann::json> monitorSettingsObject(const std::string &settingsJson)
{
    if (settingsJson.empty())
        return nlohmann::json::object();
    nlohmann::json settings = nlohmann::json::parse(settingsJson, nullptr, false);
    if (settings.is_discarded())
        return Error::parse("", "the endpoint's monitor settings are not JSON");
    if (!settings.is_object())
        return Error::parse("", "the endpoint's monitor settings are not a JSON object");
    return settings;
}

// As the targets store them: indented, with a final newline.
inline std::string monitorSettingsText(const nlohmann::json &settings)
{
    return settings.dump(2) + "\n";
}

} // namespace modelgate::detail
