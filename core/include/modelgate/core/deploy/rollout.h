#pragma once
// Deployment actions as a release manager takes them, on any target: each one checks the
// release gate first (nothing is started for a version that is not approved as `review
// verify` defines it), acts on the target, then appends a signed record to the model's
// release trail (docs/design/release-records.md, section 9). The GUI and the CLI both go
// through here, so no option of either bypasses the gate.

#include "modelgate/core/deploy/deployment_target.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// Refusal codes (ErrorKind::Refused) beside deployment_gate.h's kRefusedNotApproved.
inline constexpr const char *kRefusedNothingToRollBack = "nothing_to_roll_back";
inline constexpr const char *kRefusedUnknownDeployment = "unknown_deployment";

// One record an action wrote, or failed to write after acting.
struct RolloutRecord
{
    ReleaseAction action = ReleaseAction::Deploy;
    std::string model;
    std::string version;
    bool written = false;
    int sequence = 0;
    std::string hash;
    std::string error; // English, when not written: the action stands on the endpoint
};

struct RolloutOutcome
{
    std::string endpoint;
    TrafficSplit before;
    TrafficSplit after;
    std::vector<RolloutRecord> records;
    std::string championMoved; // "diabetes-classifier@champion -> v5", when it moved
    std::string championError; // English, when it should have moved and did not

    // Every record was written. When not, the action is done on the endpoint and NOT
    // recorded: the CLI exits 3 and the console says so with the record's error.
    bool recorded() const;
};

struct DeployRequest
{
    std::string model;
    std::string version; // a number or "@alias"
    std::string endpoint;
    std::string deployment;
    // The new deployment's share. Absent: 100 on an endpoint without deployments, else 0.
    std::optional<int> traffic;
    bool production = false; // for a new endpoint: reaching 100 % moves the champion alias
    std::string comment;
    std::string instanceType; // Azure ML (DeploymentSpec); empty: the target's default
    int instanceCount = 0;
};

// Whether a deployment's version is approved now (it keeps serving when not, but gets no
// more traffic).
struct DeploymentApproval
{
    bool approved = false;
    std::string reason; // English: "approved by sam", "approval by sam was given to other content"
};

class Rollout
{
public:
    Rollout(const MlflowClient &client, DeploymentTarget &target, RegistryAccess access);

    // Gate, create the endpoint when missing, start the deployment at 0 %, wait for it to
    // answer, give it its share, record `deploy`. Progress goes to `progress`.
    Result<RolloutOutcome> deploy(const DeployRequest &request, const ProgressFn &progress,
                                  const CancelToken &cancel);
    // Sets the endpoint's split (deployments not named get 0). Every deployment whose share
    // grows must be approved now. Records `traffic` in the trail of each model whose share
    // changed.
    Result<RolloutOutcome> setTraffic(const std::string &endpoint, const TrafficSplit &split,
                                      const std::string &comment, const CancelToken &cancel);
    // Restores the split before the endpoint's last change of split, as the trail records it
    // (its last deploy, traffic or rollback record that changed the split); records `rollback`.
    Result<RolloutOutcome> rollback(const std::string &endpoint, const std::string &comment,
                                    const CancelToken &cancel);
    // Deletes a deployment with 0 %; records `undeploy`.
    Result<RolloutOutcome> undeploy(const std::string &endpoint, const std::string &deployment,
                                    const std::string &comment, const CancelToken &cancel);
    // Stops and removes the whole endpoint; records `undeploy` for each of its deployments.
    Result<RolloutOutcome> deleteEndpoint(const std::string &endpoint, const std::string &comment,
                                          const CancelToken &cancel);
    // The split a rollback would restore, and the record it comes from ("model #n"), without acting.
    Result<std::pair<TrafficSplit, std::string>> rollbackTarget(const std::string &endpoint,
                                                                const CancelToken &cancel) const;
    // Writes the records that earlier actions on `endpoint` left with it (a record whose write
    // failed, or the write-ahead records of a change of split whose process was killed); drops
    // those of a change of split that never reached the endpoint. Every action does this first.
    Status recordPending(const std::string &endpoint, const CancelToken &cancel);
    // Approval now of each deployment of `endpoint` (deployment name -> approval).
    Result<std::map<std::string, DeploymentApproval>> approvals(const EndpointInfo &endpoint,
                                                                const CancelToken &cancel) const;

private:
    const MlflowClient &m_client;
    DeploymentTarget &m_target;
    RegistryAccess m_access;
};

} // namespace modelgate
