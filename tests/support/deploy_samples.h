#pragma once
// Hand-built endpoints for the deploy models' tests: no target, no server.

#include <modelgate/core/deploy/deployment_target.h>

namespace modelgate::test {

inline DeploymentInfo deployment(const std::string &name, const std::string &version, int traffic,
                                 DeploymentHealth health = DeploymentHealth::Healthy)
{
    DeploymentInfo info;
    info.name = name;
    info.model = "diabetes-classifier";
    info.version = version;
    info.traffic = traffic;
    info.health = health;
    info.directUri = "http://127.0.0.1:5" + version + "01";
    if (health == DeploymentHealth::Dead)
        info.healthDetail = "its process is gone";
    return info;
}

inline EndpointInfo endpoint(const std::string &name, EndpointHealth health,
                             std::vector<DeploymentInfo> deployments)
{
    EndpointInfo info;
    info.name = name;
    info.target = "local";
    info.scoringUri = "http://127.0.0.1:" + std::to_string(18000 + name.size());
    info.authMode = "none";
    info.health = health;
    if (health != EndpointHealth::Running)
        info.healthDetail = "a deployment does not answer";
    info.deployments = std::move(deployments);
    return info;
}

} // namespace modelgate::test
