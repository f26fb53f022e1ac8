#include "monitor/slo_reading.h"

namespace modelgate::ui {

SloPolicy readSloPolicy(DeploymentTarget &target, const std::string &endpoint)
{
    if (Result<std::string> settings = target.monitorSettings(endpoint); settings.ok())
        if (Result<SloPolicy> parsed = sloPolicyFromJson(settings.value()); parsed.ok())
            return parsed.value();
    return defaultSloPolicy();
}

Result<WatchCheck> evaluateWithoutActing(const MonitorContext &context, const EndpointInfo &endpoint,
                                         const CancelToken &cancel)
{
    if (!context.isValid())
        return Error::config("monitoring needs a target with a metrics source");
    WatchCheck check;
    check.endpoint = endpoint;
    check.policy = readSloPolicy(*context.deploy.target, endpoint.name);
    const std::int64_t now = unixMillisNow() / 1000 * 1000;
    for (const int window : sloWindows(check.policy)) {
        MetricsQuery query;
        query.endpoint = endpoint.name;
        query.fromMs = now - window * 1000LL;
        query.toMs = now;
        query.stepMs = window * 1000LL; // one bucket: the rule reads the window's totals
        query.withResources = false;
        for (const DeploymentInfo &deployment : endpoint.deployments)
            if (deployment.traffic > 0)
                query.expectedDeployments.push_back(deployment.name);
        Result<MetricsReport> report = context.source->query(query, cancel);
        if (!report.ok())
            return report.error();
        check.reports.emplace(window, report.value());
    }
    check.evaluation = evaluateSlo(check.policy, endpoint, check.reports);
    return check;
}

} // namespace modelgate::ui
