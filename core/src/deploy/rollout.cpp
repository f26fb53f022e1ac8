// Gate → act → record, for every deployment action (rollout.h).
#include "modelgate/core/deploy/rollout.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/release/deployment_gate.h"
#include "modelgate/core/release/release_ledger.h"
#include "modelgate/core/release/release_policy.h"
#include "modelgate/core/release/release_status.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace modelgate {

namespace {

// What a change of split did to each deployment: the largest gain first.
std::vector<std::pair<std::string, int>> changesOf(const TrafficSplit &before, const TrafficSplit &after)
{
    std::vector<std::pair<std::string, int>> changes;
    std::set<std::string> names;
    for (const auto &[name, share] : before)
        names.insert(name);
    for (const auto &[name, share] : after)
        names.insert(name);
    for (const std::string &name : names) {
        const int was = before.count(name) ? before.at(name) : 0;
        const int now = after.count(name) ? after.at(name) : 0;
        if (was != now)
            changes.emplace_back(name, now - was);
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    return changes;
}

// Writes the record of an action done; one that cannot be written is kept with the endpoint
// (when it still exists) and written before the next action there.
// What a rollout says of one write of a record to the trail.
RolloutRecord rolloutRecord(ReleaseAction action, const std::string &model, const std::string &version,
                            const Result<DecisionOutcome> &written)
{
    RolloutRecord record;
    record.action = action;
    record.model = model;
    record.version = version;
    if (written.ok()) {
        record.written = true;
        record.sequence = written.value().record.sequence;
        record.hash = written.value().recordHash;
    } else {
        record.error = written.error().describe();
    }
    return record;
}

RolloutRecord recordOf(const MlflowClient &client, DeploymentTarget &target, const ReleaseStatus &gate,
                       ReleaseAction action, const DeploymentChange &change, const std::string &comment,
                       const CancelToken &cancel)
{
    const Result<DecisionOutcome> written =
        recordDeploymentAction(client, gate, action, change, comment, cancel);
    RolloutRecord record = rolloutRecord(action, gate.model, gate.version, written);
    if (written.ok())
        return record;
    Result<std::vector<std::string>> pending = target.pendingRecords(change.endpoint);
    if (pending.ok()) {
        std::vector<std::string> kept = pending.value();
        kept.push_back(pendingRecordToJson(pendingRecordOf(gate, action, change, comment)));
        if (target.setPendingRecords(change.endpoint, kept).ok())
            record.error += " (kept with the endpoint; written before its next action)";
    }
    return record;
}

// Writes what earlier actions on the endpoint left unrecorded, before anything else is done
// there: the trail must say what happened in the order it happened.
Status flushPending(const MlflowClient &client, DeploymentTarget &target, const std::string &endpoint,
                    const CancelToken &cancel)
{
    Result<std::vector<std::string>> pending = target.pendingRecords(endpoint);
    if (!pending.ok())
        return pending.error().code == kEndpointNotFound ? success() : Status(pending.error());
    std::vector<std::string> left = pending.value();
    if (left.empty())
        return success();
    // A change of split keeps its records here before it acts (shift): one still here whose
    // split the endpoint does not have, and whose split before it still has, never happened.
    Result<EndpointInfo> current = target.endpoint(endpoint, cancel);
    if (!current.ok())
        return current.error();
    const TrafficSplit split = current.value().traffic();
    while (!left.empty()) {
        Result<PendingDeploymentRecord> record = pendingRecordFromJson(left.front());
        const bool neverDone =
            record.ok() &&
            (record->action == ReleaseAction::Traffic || record->action == ReleaseAction::Rollback) &&
            record->change.splitAfter != split && record->change.splitBefore == split;
        if (record.ok() && !neverDone) {
            Result<DecisionOutcome> written = writeDeploymentRecord(client, record.value(), cancel);
            if (!written.ok() && written.error().code != kRefusedAlreadyRecorded) {
                Error error = written.error();
                error.message = "endpoint " + endpoint + " has " + std::to_string(left.size()) +
                                " action(s) not yet recorded in the release trail, and nothing else is done "
                                "there until they are: " +
                                error.message;
                return error;
            }
        }
        left.erase(left.begin());
        if (Status saved = target.setPendingRecords(endpoint, left); !saved.ok())
            return saved;
    }
    return success();
}

// The champion alias follows a production endpoint's 100 %, after the record.
void moveChampion(const MlflowClient &client, bool production, const ReleaseStatus &gate,
                  const TrafficSplit &before, const TrafficSplit &after, const std::string &deployment,
                  RolloutOutcome &outcome, const CancelToken &cancel)
{
    if (!production || !after.count(deployment) || after.at(deployment) != 100 ||
        (before.count(deployment) && before.at(deployment) == 100))
        return;
    const std::string alias =
        policyInForce(trustedEntries(gate.trail)).value_or(defaultReleasePolicy()).championAlias;
    Status moved = client.setRegisteredModelAlias(gate.model, alias, gate.version, cancel);
    if (moved.ok())
        outcome.championMoved = gate.model + "@" + alias + " -> v" + gate.version;
    else
        outcome.championError = "the " + alias + " alias of " + gate.model + " was not moved to v" +
                                gate.version + ": " + moved.error().describe();
}

} // namespace

bool RolloutOutcome::recorded() const
{
    return std::all_of(records.begin(), records.end(),
                       [](const RolloutRecord &record) { return record.written; });
}

Rollout::Rollout(const MlflowClient &client, DeploymentTarget &target, RegistryAccess access)
    : m_client(client)
    , m_target(target)
    , m_access(std::move(access))
{}

Result<RolloutOutcome> Rollout::deploy(const DeployRequest &request, const ProgressFn &progress,
                                       const CancelToken &cancel)
{
    if (!isValidResourceName(request.endpoint))
        return Error::config(
            "'" + request.endpoint +
            "' is not a valid endpoint name (1-32 of a-z, 0-9 and '-', starting with a letter)");
    if (!isValidResourceName(request.deployment))
        return Error::config(
            "'" + request.deployment +
            "' is not a valid deployment name (1-32 of a-z, 0-9 and '-', starting with a letter)");
    if (request.traffic && (*request.traffic < 0 || *request.traffic > 100))
        return Error::config("a share of the traffic is a whole percent from 0 to 100");
    if (progress)
        progress("checking that " + request.model + " v" + request.version + " is approved", 0);
    Result<ReleaseStatus> gate = checkDeploymentGate(m_client, request.model, request.version, true, cancel);
    if (!gate.ok())
        return gate.error();
    const ReleaseStatus &status = gate.value();

    Result<EndpointInfo> existing = m_target.endpoint(request.endpoint, cancel);
    if (!existing.ok() && existing.error().code != kEndpointNotFound)
        return existing.error();
    if (Status flushed = flushPending(m_client, m_target, request.endpoint, cancel); !flushed.ok())
        return flushed.error();
    if (existing.ok() && existing.value().deployment(request.deployment))
        return Error::refused(kDeploymentExists, "endpoint " + request.endpoint +
                                                     " already has a deployment " + request.deployment);
    if (!existing.ok()) {
        EndpointSpec spec;
        spec.name = request.endpoint;
        spec.production = request.production;
        if (Status created = m_target.createEndpoint(spec, progress, cancel); !created.ok())
            return created.error();
    }
    const TrafficSplit before = existing.ok() ? existing.value().traffic() : TrafficSplit{};
    DeploymentSpec spec;
    spec.endpoint = request.endpoint;
    spec.name = request.deployment;
    spec.model = request.model;
    spec.version = status.version;
    spec.instanceType = request.instanceType;
    spec.instanceCount = request.instanceCount;
    if (Status created = m_target.createDeployment(spec, m_access, progress, cancel); !created.ok()) {
        // An endpoint made for this deployment alone goes with it, unless the cancel only
        // stopped the waiting (Azure): the deployment is still being made there, at 0 %.
        const bool stillAtWork = created.error().kind == ErrorKind::Cancelled && !m_target.cancelStopsWork();
        if (!existing.ok() && !stillAtWork)
            (void)m_target.deleteEndpoint(request.endpoint, CancelToken());
        return created.error();
    }
    TrafficSplit after = before;
    after[request.deployment] = 0;
    const int share = request.traffic.value_or(before.empty() ? 100 : 0);
    if (share > 0 || before.empty()) {
        if (progress)
            progress("giving " + request.deployment + " " + std::to_string(share) + " % of the traffic", 95);
        const TrafficSplit wanted = splitWithShare(before, request.deployment, before.empty() ? 100 : share);
        if (Status shifted = m_target.setTraffic(request.endpoint, wanted, cancel); !shifted.ok()) {
            // Nothing recorded yet: take the new deployment (and an endpoint made for it) away
            // again, so that a failed deploy leaves the endpoint as it was.
            if (existing.ok())
                (void)m_target.deleteDeployment(request.endpoint, request.deployment, CancelToken());
            else
                (void)m_target.deleteEndpoint(request.endpoint, CancelToken());
            return shifted.error();
        }
        after = wanted;
    }

    RolloutOutcome outcome;
    outcome.endpoint = request.endpoint;
    outcome.before = before;
    outcome.after = after;
    const DeploymentChange change{m_target.kind(), request.endpoint, request.deployment, before, after, {}};
    if (progress)
        progress("recording the deployment in the release trail of " + request.model, 98);
    // The deployment is made: a cancel from here on would only leave it unrecorded.
    outcome.records.push_back(
        recordOf(m_client, m_target, status, ReleaseAction::Deploy, change, request.comment, CancelToken()));
    // A new endpoint is what the request made it; an existing one keeps its mark.
    const bool production = existing.ok() ? existing.value().production : request.production;
    if (outcome.recorded())
        moveChampion(m_client, production, status, before, after, request.deployment, outcome, CancelToken());
    return outcome;
}

namespace {

// The common path of a traffic change and a rollback.
Result<RolloutOutcome> shift(const MlflowClient &client, DeploymentTarget &target,
                             const EndpointInfo &endpoint, TrafficSplit after, ReleaseAction action,
                             const std::string &comment, const CancelToken &cancel)
{
    for (const auto &[name, share] : after)
        if (!endpoint.deployment(name))
            return Error::refused(kRefusedUnknownDeployment,
                                  "endpoint " + endpoint.name + " has no deployment " + name);
    if (Status flushed = flushPending(client, target, endpoint.name, cancel); !flushed.ok())
        return flushed.error();
    for (const DeploymentInfo &item : endpoint.deployments)
        after.emplace(item.name, 0);
    if (!isValidSplit(after) || after.empty())
        return Error::refused(kBadSplit,
                              "a split must give whole percents summing to 100, not " + describeSplit(after));
    const TrafficSplit before = endpoint.traffic();
    const auto changes = changesOf(before, after);
    if (changes.empty())
        return Error::refused(kBadSplit,
                              "endpoint " + endpoint.name + " already has the split " + describeSplit(after));

    // Gate: every deployment that gains must be approved now; every model whose share
    // changes gets a record, naming its deployment that changed most.
    std::map<std::string, std::pair<ReleaseStatus, std::string>> gates; // model -> (status, deployment)
    for (const auto &[name, delta] : changes) {
        const DeploymentInfo &deployment = *endpoint.deployment(name);
        if (delta <= 0 && gates.count(deployment.model))
            continue;
        Result<ReleaseStatus> gate =
            checkDeploymentGate(client, deployment.model, deployment.version, delta > 0, cancel);
        if (!gate.ok()) {
            Error error = gate.error();
            if (error.code == kRefusedNotApproved)
                error.message = "deployment " + name + " cannot get more traffic: " + error.message;
            return error;
        }
        gates.emplace(deployment.model, std::pair{gate.value(), name});
    }
    // Write-ahead: the records are kept with the endpoint before it changes, so that a process
    // killed between the change and its records leaves them for the next action to write
    // (flushPending; it drops them when the change never reached the endpoint). A record of
    // the trail is never written before the change it records is done.
    std::vector<PendingDeploymentRecord> intents;
    std::vector<std::string> kept;
    for (const auto &[model, gate] : gates) {
        intents.push_back(pendingRecordOf(
            gate.first, action,
            DeploymentChange{target.kind(), endpoint.name, gate.second, before, after, {}}, comment));
        kept.push_back(pendingRecordToJson(intents.back()));
    }
    if (Status saved = target.setPendingRecords(endpoint.name, kept); !saved.ok())
        return saved.error();
    if (Status set = target.setTraffic(endpoint.name, after, cancel); !set.ok()) {
        (void)target.setPendingRecords(endpoint.name, {}); // nothing changed: nothing to record
        return set.error();
    }

    RolloutOutcome outcome;
    outcome.endpoint = endpoint.name;
    outcome.before = before;
    outcome.after = after;
    std::vector<std::string> unwritten;
    for (const PendingDeploymentRecord &intent : intents) {
        // The change is made: a cancel from here on would only leave it unrecorded.
        const Result<DecisionOutcome> written =
            writeDeploymentRecord(client, intent, gates.at(intent.model).first, CancelToken());
        RolloutRecord record = rolloutRecord(action, intent.model, intent.version, written);
        if (!written.ok()) {
            record.error += " (kept with the endpoint; written before its next action)";
            unwritten.push_back(pendingRecordToJson(intent));
        }
        outcome.records.push_back(record);
    }
    (void)target.setPendingRecords(endpoint.name, unwritten); // a record left here is not written twice
    if (outcome.recorded())
        for (const auto &[model, gate] : gates)
            moveChampion(client, endpoint.production, gate.first, before, after, gate.second, outcome,
                         CancelToken());
    return outcome;
}

} // namespace

Status Rollout::recordPending(const std::string &endpoint, const CancelToken &cancel)
{
    return flushPending(m_client, m_target, endpoint, cancel);
}

Result<RolloutOutcome> Rollout::setTraffic(const std::string &endpointName, const TrafficSplit &split,
                                           const std::string &comment, const CancelToken &cancel)
{
    Result<EndpointInfo> endpoint = m_target.endpoint(endpointName, cancel);
    if (!endpoint.ok())
        return endpoint.error();
    return shift(m_client, m_target, endpoint.value(), split, ReleaseAction::Traffic, comment, cancel);
}

namespace {

// The split before the endpoint's last recorded change of split, and the record it comes from
// ("model #n"), read from the trails of the models the endpoint serves.
Result<std::pair<TrafficSplit, std::string>> lastSplitChange(const MlflowClient &client,
                                                             const std::string &target,
                                                             const EndpointInfo &endpoint,
                                                             const CancelToken &cancel)
{
    std::set<std::string> models;
    for (const DeploymentInfo &item : endpoint.deployments)
        models.insert(item.model);
    const ReleaseLedger ledger(client);
    std::optional<ReleaseRecord> last;
    for (const std::string &model : models) {
        Result<LedgerSnapshot> snapshot = ledger.read(model, cancel);
        if (!snapshot.ok())
            return snapshot.error();
        const TrailVerification trail = verifyTrail(snapshot.value().ledgerParams, model, nullptr);
        for (const TrailEntry &entry : trustedEntries(trail)) {
            if (!entry.record || !entry.record->deployment)
                continue;
            const ReleaseRecord &record = *entry.record;
            const DeploymentChange &change = *record.deployment;
            if (change.endpoint != endpoint.name || change.target != target ||
                record.action == ReleaseAction::Undeploy || change.splitBefore.empty() ||
                change.splitBefore == change.splitAfter)
                continue;
            if (!last || record.time > last->time)
                last = record;
        }
    }
    if (!last)
        return Error::refused(kRefusedNothingToRollBack,
                              "the release trail records no change of split on endpoint " + endpoint.name);
    return std::pair{last->deployment->splitBefore, last->model + " #" + std::to_string(last->sequence)};
}

} // namespace

Result<std::pair<TrafficSplit, std::string>> Rollout::rollbackTarget(const std::string &endpointName,
                                                                     const CancelToken &cancel) const
{
    Result<EndpointInfo> endpoint = m_target.endpoint(endpointName, cancel);
    if (!endpoint.ok())
        return endpoint.error();
    return lastSplitChange(m_client, m_target.kind(), endpoint.value(), cancel);
}

Result<RolloutOutcome> Rollout::rollback(const std::string &endpointName, const std::string &comment,
                                         const CancelToken &cancel)
{
    Result<EndpointInfo> endpoint = m_target.endpoint(endpointName, cancel);
    if (!endpoint.ok())
        return endpoint.error();
    Result<std::pair<TrafficSplit, std::string>> target =
        lastSplitChange(m_client, m_target.kind(), endpoint.value(), cancel);
    if (!target.ok())
        return target.error();
    for (const auto &[name, share] : target.value().first)
        if (share > 0 && !endpoint.value().deployment(name))
            return Error::refused(kRefusedUnknownDeployment,
                                  "cannot roll back endpoint " + endpointName + " to " +
                                      describeSplit(target.value().first) + " (record " +
                                      target.value().second + "): deployment " + name + " no longer exists");
    TrafficSplit restore;
    for (const auto &[name, share] : target.value().first)
        if (endpoint.value().deployment(name))
            restore[name] = share;
    return shift(m_client, m_target, endpoint.value(), restore, ReleaseAction::Rollback, comment, cancel);
}

Result<RolloutOutcome> Rollout::undeploy(const std::string &endpointName, const std::string &deploymentName,
                                         const std::string &comment, const CancelToken &cancel)
{
    Result<EndpointInfo> endpoint = m_target.endpoint(endpointName, cancel);
    if (!endpoint.ok())
        return endpoint.error();
    const DeploymentInfo *deployment = endpoint.value().deployment(deploymentName);
    if (!deployment)
        return Error::refused(kRefusedUnknownDeployment,
                              "endpoint " + endpointName + " has no deployment " + deploymentName);
    if (deployment->traffic > 0)
        return Error::refused(kHasTraffic, deploymentName + " has " + std::to_string(deployment->traffic) +
                                               " % of the traffic of " + endpointName +
                                               "; give it 0 % first");
    if (Status flushed = flushPending(m_client, m_target, endpointName, cancel); !flushed.ok())
        return flushed.error();
    Result<ReleaseStatus> gate =
        checkDeploymentGate(m_client, deployment->model, deployment->version, false, cancel);
    if (!gate.ok())
        return gate.error();
    const TrafficSplit before = endpoint.value().traffic();
    if (Status deleted = m_target.deleteDeployment(endpointName, deploymentName, cancel); !deleted.ok())
        return deleted.error();
    TrafficSplit after = before;
    after.erase(deploymentName);
    RolloutOutcome outcome;
    outcome.endpoint = endpointName;
    outcome.before = before;
    outcome.after = after;
    const DeploymentChange change{m_target.kind(), endpointName, deploymentName, before, after, {}};
    outcome.records.push_back(
        recordOf(m_client, m_target, gate.value(), ReleaseAction::Undeploy, change, comment, CancelToken()));
    return outcome;
}

Result<RolloutOutcome> Rollout::deleteEndpoint(const std::string &endpointName, const std::string &comment,
                                               const CancelToken &cancel)
{
    Result<EndpointInfo> endpoint = m_target.endpoint(endpointName, cancel);
    if (!endpoint.ok())
        return endpoint.error();
    if (Status flushed = flushPending(m_client, m_target, endpointName, cancel); !flushed.ok())
        return flushed.error();
    // Every deployment's model must take its record: check them all before stopping anything.
    std::vector<std::pair<ReleaseStatus, std::string>> gates;
    for (const DeploymentInfo &item : endpoint.value().deployments) {
        Result<ReleaseStatus> gate = checkDeploymentGate(m_client, item.model, item.version, false, cancel);
        if (!gate.ok())
            return gate.error();
        gates.emplace_back(gate.value(), item.name);
    }
    if (Status deleted = m_target.deleteEndpoint(endpointName, cancel); !deleted.ok())
        return deleted.error();
    RolloutOutcome outcome;
    outcome.endpoint = endpointName;
    outcome.before = endpoint.value().traffic();
    for (const auto &[gate, name] : gates) {
        const DeploymentChange change{m_target.kind(), endpointName, name, outcome.before, {}, {}};
        outcome.records.push_back(
            recordOf(m_client, m_target, gate, ReleaseAction::Undeploy, change, comment, CancelToken()));
    }
    return outcome;
}

Result<std::map<std::string, DeploymentApproval>> Rollout::approvals(const EndpointInfo &endpoint,
                                                                     const CancelToken &cancel) const
{
    std::map<std::pair<std::string, std::string>, DeploymentApproval> byVersion;
    for (const DeploymentInfo &item : endpoint.deployments) {
        const auto key = std::pair{item.model, item.version};
        if (byVersion.count(key))
            continue;
        Result<ReleaseStatus> status = loadReleaseStatus(m_client, item.model, item.version, cancel);
        if (!status.ok())
            return status.error();
        byVersion[key] = DeploymentApproval{status.value().approved, status.value().reason};
    }
    std::map<std::string, DeploymentApproval> out;
    for (const DeploymentInfo &item : endpoint.deployments)
        out[item.name] = byVersion.at({item.model, item.version});
    return out;
}

} // namespace modelgate
