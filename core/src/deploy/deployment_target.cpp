#include "modelgate/core/deploy/deployment_target.h"

#include <algorithm>
#include <cmath>

namespace modelgate {

const char *wireName(DeploymentHealth health)
{
    switch (health) {
    case DeploymentHealth::Healthy:
        return "healthy";
    case DeploymentHealth::Starting:
        return "starting";
    case DeploymentHealth::Unhealthy:
        return "unhealthy";
    case DeploymentHealth::Dead:
        return "dead";
    }
    return "dead";
}

const char *wireName(EndpointHealth health)
{
    switch (health) {
    case EndpointHealth::Running:
        return "running";
    case EndpointHealth::Degraded:
        return "degraded";
    case EndpointHealth::Down:
        return "down";
    }
    return "down";
}

TrafficSplit EndpointInfo::traffic() const
{
    TrafficSplit split;
    for (const DeploymentInfo &item : deployments)
        split[item.name] = item.traffic;
    return split;
}

const DeploymentInfo *EndpointInfo::deployment(const std::string &name) const
{
    for (const DeploymentInfo &item : deployments)
        if (item.name == name)
            return &item;
    return nullptr;
}

bool isValidResourceName(const std::string &name)
{
    if (name.empty() || name.size() > 32 || name.front() < 'a' || name.front() > 'z')
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

TrafficSplit splitWithShare(const TrafficSplit &current, const std::string &deployment, int percent)
{
    percent = std::clamp(percent, 0, 100);
    TrafficSplit out;
    int othersTotal = 0;
    for (const auto &[name, share] : current)
        if (name != deployment)
            othersTotal += share;
    std::vector<std::string> others;
    for (const auto &[name, share] : current)
        if (name != deployment)
            others.push_back(name);
    if (others.empty()) {
        out[deployment] = 100;
        return out;
    }
    const int rest = 100 - percent;
    out[deployment] = percent;
    // Largest remainders: each other deployment gets its proportional part of the rest,
    // rounded down, and the leftover percents go to the largest fractions.
    std::vector<std::pair<double, std::string>> fractions;
    int given = 0;
    for (const std::string &name : others) {
        const double exact = othersTotal > 0 ? static_cast<double>(rest) * current.at(name) / othersTotal
                                             : static_cast<double>(rest) / static_cast<double>(others.size());
        const int whole = static_cast<int>(std::floor(exact));
        out[name] = whole;
        given += whole;
        fractions.emplace_back(exact - whole, name);
    }
    std::stable_sort(fractions.begin(), fractions.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (std::size_t i = 0; given < rest && i < fractions.size(); ++i, ++given)
        ++out[fractions[i].second];
    return out;
}

std::string describeSplit(const TrafficSplit &split)
{
    if (split.empty())
        return "no deployment";
    std::string text;
    for (const auto &[name, percent] : split)
        text += (text.empty() ? "" : ", ") + name + "=" + std::to_string(percent);
    return text;
}

} // namespace modelgate
