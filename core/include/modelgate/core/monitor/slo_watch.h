#pragma once
// Enforcing an endpoint's SLO rules: the console and `modelgate-cli endpoint watch` both call
// SloWatcher::checkEndpoint once per interval. A breach is appended to the breaching version's
// release trail (its rule and the measured values); with auto-rollback on, a breaching canary
// is then rolled back to the split before it, also recorded. The trail's write-once records
// decide who acts: of two watchers, or a watcher and a console, that see the same breach,
// one records it and rolls back; the other is told who did.

#include "modelgate/core/deploy/rollout.h"
#include "modelgate/core/monitor/metrics.h"
#include "modelgate/core/monitor/slo.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

struct BreachResponse
{
    SloFinding finding;
    std::string model;
    std::string version;
    bool recorded = false;   // this watcher wrote the breach record
    int recordSequence = 0;  // when recorded
    std::string handledBy;   // English, when another writer recorded it first: who and when
    std::string recordError; // English, when it could not be recorded (then nothing more is done)
    bool rollbackTried = false;
    std::optional<RolloutOutcome> rollback;
    std::string rollbackError; // English
};

struct WatchCheck
{
    EndpointInfo endpoint;
    SloPolicy policy;
    SloEvaluation evaluation;
    std::map<int, MetricsReport> reports;  // by window (seconds)
    std::vector<BreachResponse> responses; // breaches seen for the first time in this round
};

class SloWatcher
{
public:
    SloWatcher(const MlflowClient &client, DeploymentTarget &target, MetricsSource &source,
               RegistryAccess access);

    // Reads the endpoint and its rules, queries each window, evaluates, and responds to each
    // breach not yet responded to since the endpoint's split last changed. With
    // `allowRollback` false the policy's auto-rollback is not applied (a read-only console).
    Result<WatchCheck> checkEndpoint(const std::string &endpoint, bool allowRollback,
                                     const CancelToken &cancel);

    // The comment of a breach record: the rule and the measured values.
    static std::string breachComment(const SloFinding &finding, const std::string &champion);

private:
    const MlflowClient &m_client;
    DeploymentTarget &m_target;
    MetricsSource &m_source;
    RegistryAccess m_access;
    std::set<std::string> m_handled; // "<endpoint>|<deployment>|<split>" responded to
};

} // namespace modelgate
