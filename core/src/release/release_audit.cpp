// A model's whole release trail, verified, and the tag view of all its versions against it
// (it combines the trail with one version listing and writes nothing).
#include "modelgate/core/release/release_audit.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/util/parallel.h"
#include "release/review_context.h"

#include <optional>

namespace modelgate {

using namespace detail;

Result<AuditTrail> loadAuditTrail(const MlflowClient &client, const std::string &model,
                                  const CancelToken &cancel)
{
    const ReleaseLedger ledger(client);
    auto loaded = loadConcurrently(
        cancel, [&] { return client.getRegisteredModel(model, cancel); },
        [&] { return ledger.read(model, cancel); });
    if (!loaded)
        return cancelledError();
    const auto &[registered, snapshot] = *loaded;
    if (!snapshot.ok())
        return snapshot.error();
    // The trail outlives a deleted model: audit it all the same.
    const bool modelGone = !registered.ok() && registered.error().code == "RESOURCE_DOES_NOT_EXIST";
    if (!registered.ok() && !modelGone)
        return registered.error();

    AuditTrail audit;
    audit.model = model;
    audit.snapshot = snapshot.value();
    Result<ReviewerSignatures> signatures = readSignatures(ledger, audit.snapshot, cancel);
    if (!signatures.ok())
        return signatures.error();
    audit.verification = verifyTrail(audit.snapshot.ledgerParams, model, &signatures.value());
    if (!modelGone) {
        Result<LoadedPolicy> tagPolicy = policyFromTags(registered.value().tags);
        if (tagPolicy.ok())
            audit.policyProblems = policyProblemsOf(trustedEntries(audit.verification), tagPolicy.value());
        else
            audit.policyProblems.push_back("the model's tag " + std::string(kReleasePolicyTag) +
                                           " is unreadable: " + tagPolicy.error().message);
    }
    return audit;
}

std::vector<VersionTagMismatch> versionTagMismatches(const TrailVerification &trail,
                                                     const std::vector<ModelVersion> &versions)
{
    const std::vector<TrailEntry> entries = trustedEntries(trail);
    std::vector<VersionTagMismatch> mismatches;
    for (const ModelVersion &version : versions) {
        // Digests are not compared: the view records what was decided (as in loadReleaseStatus).
        std::vector<ReviewTagDifference> differences = reviewTagDifferences(
            expectedReviewTags(replayVersion(entries, version.version, nullptr)), version.tags);
        if (differences.empty())
            continue;
        VersionTagMismatch mismatch;
        mismatch.version = version.version;
        mismatch.differences = std::move(differences);
        mismatches.push_back(std::move(mismatch));
    }
    return mismatches;
}

bool CheckedAuditTrail::consistent() const
{
    return audit.verification.ok && audit.policyProblems.empty() && tagMismatches.empty();
}

Result<CheckedAuditTrail> loadCheckedAuditTrail(const MlflowClient &client, const std::string &model,
                                                const CancelToken &cancel)
{
    auto loaded = loadConcurrently(
        cancel, [&] { return loadAuditTrail(client, model, cancel); },
        [&] { return client.listModelVersions(model, cancel); });
    if (!loaded)
        return cancelledError();
    const auto &[audit, versions] = *loaded;
    if (!audit.ok())
        return audit.error();
    CheckedAuditTrail checked;
    checked.audit = audit.value();
    if (versions.ok())
        checked.tagMismatches = versionTagMismatches(checked.audit.verification, versions.value());
    else if (versions.error().code != "RESOURCE_DOES_NOT_EXIST")
        return versions.error();
    return checked;
}

std::string auditTrailToJson(const AuditTrail &trail, int indent)
{
    nlohmann::json records = nlohmann::json::array();
    for (const TrailEntry &entry : trail.verification.entries) {
        nlohmann::json item = {{"n", entry.sequence}, {"hash", entry.hash}};
        if (!entry.record) {
            item["action"] = nullptr;
            item["text"] = entry.text; // malformed: shown as stored
            records.push_back(item);
            continue;
        }
        const ReleaseRecord &record = *entry.record;
        item["action"] = wireName(record.action);
        item["version"] = nullable(record.version);
        item["reviewer"] = record.reviewer;
        item["authors"] = record.authors;
        item["time"] = record.time;
        item["comment"] = record.comment;
        item["break_glass"] = nullable(record.breakGlassReason);
        item["digest"] = nullable(record.contentDigest);
        item["policy_hash"] = record.policyHash;
        item["checks"] = {{"passed", record.checks.passed},
                          {"failed", record.checks.failed},
                          {"warnings", record.checks.warnings}};
        item["revokes"] = record.revokes ? nlohmann::json(*record.revokes) : nlohmann::json(nullptr);
        item["policy"] =
            record.policy ? embedded(releasePolicyToJson(*record.policy)) : nlohmann::json(nullptr);
        if (record.deployment) {
            const auto split = [](const TrafficSplit &value) {
                nlohmann::json object = nlohmann::json::object();
                for (const auto &[name, percent] : value)
                    object[name] = percent;
                return object;
            };
            item["deployment"] = {{"target", record.deployment->target},
                                  {"endpoint", record.deployment->endpoint},
                                  {"name", record.deployment->name},
                                  {"split_before", split(record.deployment->splitBefore)},
                                  {"split_after", split(record.deployment->splitAfter)},
                                  {"verified_head", record.deployment->verifiedHead}};
        } else {
            item["deployment"] = nullptr;
        }
        records.push_back(item);
    }
    const TrailVerification &verification = trail.verification;
    const nlohmann::json value = {
        {"model", trail.model},
        {"ledger_run_id", nullable(trail.snapshot.ledgerRunId)},
        {"head_hash", verification.ok ? nlohmann::json(verification.headHash) : nlohmann::json(nullptr)},
        {"trail", trailJson(verification)},
        {"policy_problems", trail.policyProblems},
        {"records", records},
    };
    return indentedJsonText(value, indent);
}

} // namespace modelgate
