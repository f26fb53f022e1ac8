#include "shell/endpoint_screenshots.h"

#include <QStringList>

namespace modelgate::ui {

namespace {

DeploymentInfo sampleDeployment(const std::string &name, const std::string &model, const std::string &version,
                                int traffic, int port, DeploymentHealth health = DeploymentHealth::Healthy)
{
    DeploymentInfo deployment;
    deployment.name = name;
    deployment.model = model;
    deployment.version = version;
    deployment.traffic = traffic;
    deployment.health = health;
    deployment.directUri = "http://127.0.0.1:" + std::to_string(port);
    if (health == DeploymentHealth::Dead)
        deployment.healthDetail = "its process is gone (exit status 137)";
    return deployment;
}

} // namespace

std::vector<EndpointInfo> sampleEndpoints(const std::string &model, const std::string &version,
                                          const std::string &previous)
{
    EndpointInfo production;
    production.name = "diabetes-online";
    production.target = "local";
    production.scoringUri = "http://127.0.0.1:18080";
    production.authMode = "none";
    production.production = true;
    production.health = EndpointHealth::Running;
    production.deployments = {sampleDeployment("v" + previous, model, previous, 90, 50511),
                              sampleDeployment("v" + version, model, version, 10, 50512)};

    EndpointInfo staging;
    staging.name = "diabetes-staging";
    staging.target = "local";
    staging.scoringUri = "http://127.0.0.1:18081";
    staging.authMode = "none";
    staging.health = EndpointHealth::Running;
    staging.deployments = {sampleDeployment("v" + version, model, version, 100, 50521)};

    EndpointInfo down;
    down.name = "churn-batch";
    down.target = "local";
    down.scoringUri = "http://127.0.0.1:18082";
    down.authMode = "none";
    down.health = EndpointHealth::Down;
    down.healthDetail = "the router is not running";
    down.deployments = {sampleDeployment("v3", "churn-predictor", "3", 100, 50531, DeploymentHealth::Dead)};
    return {production, staging, down};
}

std::map<std::string, DeploymentApproval> sampleApprovals(const std::string &version,
                                                          const std::string &previous)
{
    return {{"v" + version, {true, "approved by sam.second"}},
            {"v" + previous, {false, "approval by sam.second was given to other content"}}};
}

QString sampleDeploymentLog(const QString &version)
{
    QStringList lines;
    lines << QStringLiteral(
                 "2026/12/04 08:12:01 INFO mlflow.models.flavor_backend_registry: Selected backend for "
                 "flavor 'python_function'")
          << QStringLiteral(
                 "2026/12/04 08:12:01 INFO mlflow.pyfunc.backend: Downloading model version %1 from the "
                 "registry")
                 .arg(version)
          << QStringLiteral(
                 "2026/12/04 08:12:04 INFO mlflow.pyfunc.backend: === Running the scoring server on "
                 "127.0.0.1:50512 with 1 worker ===")
          << QStringLiteral("INFO:     Started server process [41233]")
          << QStringLiteral("INFO:     Waiting for application startup.")
          << QStringLiteral("INFO:     Application startup complete.")
          << QStringLiteral("INFO:     Listening on http://127.0.0.1:50512");
    for (int request = 0; request < 6; ++request)
        lines << QStringLiteral("INFO:     127.0.0.1:%1 - \"GET /ping HTTP/1.1\" 200 OK")
                     .arg(40120 + request * 7);
    lines << QStringLiteral("INFO:     127.0.0.1:40210 - \"POST /invocations HTTP/1.1\" 200 OK")
          << QStringLiteral("INFO:     127.0.0.1:40214 - \"POST /invocations HTTP/1.1\" 200 OK")
          << QStringLiteral("INFO:     127.0.0.1:40222 - \"POST /invocations HTTP/1.1\" 400 Bad Request")
          << QStringLiteral(
                 "2026/12/04 08:20:37 WARNING mlflow.pyfunc.scoring_server: Failed to parse the input: "
                 "column 'bmi' is missing")
          << QStringLiteral("INFO:     127.0.0.1:40230 - \"POST /invocations HTTP/1.1\" 200 OK");
    return lines.join(u'\n');
}

} // namespace modelgate::ui
