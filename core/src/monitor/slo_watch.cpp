#include "modelgate/core/monitor/slo_watch.h"

#include "modelgate/core/release/deployment_gate.h"

namespace modelgate {

SloWatcher::SloWatcher(const MlflowClient &client, DeploymentTarget &target, MetricsSource &source,
                       RegistryAccess access)
    : m_client(client)
    , m_target(target)
    , m_source(source)
    , m_access(std::move(access))
{}

std::string SloWatcher::breachComment(const SloFinding &finding, const std::string &champion)
{
    std::string text = "SLO breach: " + finding.reason + "; rule: " + describeSloRule(finding.rule);
    if (!champion.empty() && finding.deployment != champion)
        text += "; champion: " + champion;
    return text;
}

Result<WatchCheck> SloWatcher::checkEndpoint(const std::string &endpointName, bool allowRollback,
                                             const CancelToken &cancel)
{
    Result<EndpointInfo> endpoint = m_target.endpoint(endpointName, cancel);
    if (!endpoint.ok())
        return endpoint.error();
    Result<std::string> settings = m_target.monitorSettings(endpointName);
    if (!settings.ok())
        return settings.error();
    Result<SloPolicy> policy = sloPolicyFromJson(settings.value());
    if (!policy.ok())
        return policy.error();

    WatchCheck check;
    check.endpoint = endpoint.value();
    check.policy = policy.value();
    const TrafficSplit split = check.endpoint.traffic();
    std::vector<std::string> expected;
    for (const auto &[name, percent] : split)
        if (percent > 0)
            expected.push_back(name);
    // Whole seconds that have ended: the next check sees the same seconds the same way.
    const std::int64_t now = unixMillisNow() / 1000 * 1000;
    for (const int window : sloWindows(check.policy)) {
        MetricsQuery query;
        query.endpoint = endpointName;
        query.fromMs = now - window * 1000LL;
        query.toMs = now;
        query.stepMs = window * 1000LL;
        query.withResources = false;
        query.expectedDeployments = expected;
        Result<MetricsReport> report = m_source.query(query, cancel);
        if (!report.ok())
            return report.error();
        check.reports.emplace(window, std::move(report.value()));
    }
    check.evaluation = evaluateSlo(check.policy, check.endpoint, check.reports);

    const std::string splitText = describeSplit(split);
    for (const SloFinding &finding : check.evaluation.breaches()) {
        const std::string key = endpointName + "|" + finding.deployment + "|" + splitText;
        if (m_handled.count(key))
            continue; // one response per deployment and split; its other broken rules add nothing
        const DeploymentInfo *deployment = check.endpoint.deployment(finding.deployment);
        if (!deployment)
            continue;
        BreachResponse response;
        response.finding = finding;
        response.model = deployment->model;
        response.version = deployment->version;
        Result<ReleaseStatus> gate =
            checkDeploymentGate(m_client, deployment->model, deployment->version, false, cancel);
        if (!gate.ok()) {
            response.recordError = gate.error().describe();
            check.responses.push_back(std::move(response));
            continue;
        }
        DeploymentChange change;
        change.target = m_target.kind();
        change.endpoint = endpointName;
        change.name = finding.deployment;
        change.splitBefore = split;
        change.splitAfter = split;
        change.verifiedHead = gate.value().trail.headHash;
        Result<DecisionOutcome> written = recordBreach(
            m_client, gate.value(), change, breachComment(finding, check.evaluation.champion), cancel);
        if (!written.ok()) {
            if (written.error().code == kRefusedBreachRecorded) {
                response.handledBy = written.error().message;
                m_handled.insert(key);
            } else {
                response.recordError = written.error().describe();
            }
            check.responses.push_back(std::move(response));
            continue;
        }
        m_handled.insert(key);
        response.recorded = true;
        response.recordSequence = written.value().record.sequence;
        // Only a canary has a split to go back to; a breaching champion is alerted on.
        if (check.policy.autoRollback && allowRollback && finding.deployment != check.evaluation.champion) {
            response.rollbackTried = true;
            Rollout rollout(m_client, m_target, m_access);
            const std::string comment = "automatic rollback after record " +
                                        std::to_string(response.recordSequence) + " (" +
                                        describeSloRule(finding.rule) + ")";
            Result<std::pair<TrafficSplit, std::string>> target =
                rollout.rollbackTarget(endpointName, cancel);
            const auto before = [&](const TrafficSplit &restore) {
                const auto share = restore.find(finding.deployment);
                return share == restore.end() ? 0 : share->second;
            };
            // A rollback restores the split before the last change; when that would not take
            // traffic from the canary (the last change was itself a rollback), its share goes.
            Result<RolloutOutcome> rolled =
                target.ok() && before(target.value().first) < before(split)
                    ? rollout.rollback(endpointName, comment, cancel)
                    : rollout.setTraffic(endpointName, splitWithShare(split, finding.deployment, 0), comment,
                                         cancel);
            if (rolled.ok())
                response.rollback = rolled.value();
            else
                response.rollbackError = rolled.error().describe();
        }
        check.responses.push_back(std::move(response));
    }
    return check;
}

} // namespace modelgate
