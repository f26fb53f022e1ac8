#include "modelgate/core/release/release_inbox.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/mlflow/model_filter.h"
#include "modelgate/core/release/release_checks.h"
#include "modelgate/core/release/release_ledger.h"
#include "modelgate/core/release/release_policy.h"
#include "modelgate/core/review/metric_direction.h"
#include "modelgate/core/review/review.h"
#include "modelgate/core/util/parallel.h"
#include "modelgate/core/workspace/identity.h"
#include "util/text.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace modelgate {

namespace {

Error inboxCancelled()
{
    Error error;
    error.kind = ErrorKind::Cancelled;
    error.message = "the review inbox load was cancelled";
    return error;
}

bool isNotFound(const Error &error)
{
    return (error.kind == ErrorKind::Api && error.code == "RESOURCE_DOES_NOT_EXIST") ||
           (error.kind == ErrorKind::HttpStatus && error.httpStatus == 404);
}

// Every version of every model in as few requests as the server allows: one search without
// a filter (pages of 1000) instead of one search per model.
Result<std::vector<ModelVersion>> searchAllVersions(const MlflowClient &client, const CancelToken &cancel)
{
    std::vector<ModelVersion> versions;
    SearchVersionsQuery query;
    query.maxResults = 1000;
    for (;;) {
        auto page = client.searchModelVersions(query, cancel);
        if (!page.ok())
            return page.error();
        for (auto &version : page->items)
            versions.push_back(std::move(version));
        if (page->nextPageToken.empty() || page->nextPageToken == query.pageToken)
            return versions;
        query.pageToken = page->nextPageToken;
    }
}

// The ledger parameters of each model in `models`: one ReleaseLedger::read (experiment,
// index run and the first model's ledger run), then one run read per other model that the
// index names. A ledger run that is gone leaves no records, as ReleaseLedger::read does.
Result<std::map<std::string, std::map<std::string, std::string>>>
readLedgers(const MlflowClient &client, const std::vector<std::string> &models, const CancelToken &cancel)
{
    std::map<std::string, std::map<std::string, std::string>> params;
    if (models.empty())
        return params;
    auto snapshot = ReleaseLedger(client).read(models.front(), cancel);
    if (!snapshot.ok())
        return snapshot.error();
    params[models.front()] = std::move(snapshot->ledgerParams);

    std::vector<std::pair<std::string, std::string>> toRead; // model, run id
    for (std::size_t i = 1; i < models.size(); ++i) {
        const auto entry = snapshot->indexParams.find(ledgerIndexKey(models[i]));
        if (entry != snapshot->indexParams.end())
            toRead.emplace_back(models[i], entry->second);
        else
            params[models[i]];
    }
    std::vector<std::optional<Result<Run>>> runs(toRead.size());
    runBounded(
        toRead.size(), kDefaultRequestConcurrency,
        [&](std::size_t i) { runs[i].emplace(client.getRun(toRead[i].second, cancel)); }, cancel);
    if (cancel.isCancelled())
        return inboxCancelled();
    for (std::size_t i = 0; i < toRead.size(); ++i) {
        if (!runs[i])
            return inboxCancelled();
        if (runs[i]->ok())
            params[toRead[i].first] = runs[i]->value().params;
        else if (isNotFound(runs[i]->error()))
            params[toRead[i].first];
        else
            return runs[i]->error();
    }
    return params;
}

// What one version's evidence load produced (the version itself is already known).
struct EvidenceSlot
{
    std::optional<Result<Run>> run;
    std::optional<Result<ModelSignature>> signature;
};

// Builds VersionEvidence as loadVersionEvidence does, from the version already listed.
Result<VersionEvidence> evidenceOf(const ModelVersion &version, EvidenceSlot &slot)
{
    VersionEvidence evidence;
    evidence.version = version;
    if (version.runId.empty()) {
        evidence.runNote = "the version has no source run";
    } else if (!slot.run) {
        return inboxCancelled();
    } else if (slot.run->ok()) {
        evidence.run = slot.run->value();
    } else if (isNotFound(slot.run->error())) {
        evidence.runNote = "the source run " + version.runId + " no longer exists";
    } else {
        return slot.run->error();
    }
    if (!slot.signature)
        evidence.signatureNote = "not read";
    else if (slot.signature->ok())
        evidence.signature = slot.signature->value();
    else
        evidence.signatureNote = slot.signature->error().describe();
    return evidence;
}

struct ModelInfo
{
    const RegisteredModel *model = nullptr;
    std::optional<Result<LoadedPolicy>> policy;
    std::string championVersion; // per the policy's champion alias
};

bool newerFirst(const InboxEntry &a, const InboxEntry &b)
{
    if (a.version.creationTimestamp != b.version.creationTimestamp)
        return a.version.creationTimestamp > b.version.creationTimestamp;
    if (a.model != b.model)
        return a.model < b.model;
    return a.version.versionNumber() > b.version.versionNumber();
}

} // namespace

Result<std::vector<InboxEntry>>
loadReviewInbox(const MlflowClient &client, const std::string &reviewer, const CancelToken &cancel,
                const std::function<void(const std::vector<InboxEntry> &soFar)> &progress)
{
    // 1. Models and versions, concurrently.
    std::optional<Result<std::vector<RegisteredModel>>> models;
    std::optional<Result<std::vector<ModelVersion>>> versions;
    parallelInvoke({[&] {
                        SearchModelsQuery query;
                        query.maxResults = 1000;
                        models.emplace(client.searchAllRegisteredModels(query, cancel));
                    },
                    [&] { versions.emplace(searchAllVersions(client, cancel)); }},
                   2, cancel);
    if (cancel.isCancelled() || !models || !versions)
        return inboxCancelled();
    if (!models->ok())
        return models->error();
    if (!versions->ok())
        return versions->error();

    std::map<std::string, ModelInfo> infos;
    for (const RegisteredModel &model : models->value()) {
        ModelInfo &info = infos[model.name];
        info.model = &model;
        info.policy.emplace(policyFromTags(model.tags));
        const std::string alias = info.policy->ok() ? info.policy->value().policy.championAlias
                                                    : defaultReleasePolicy().championAlias;
        const auto champion = model.aliases.find(alias);
        if (champion != model.aliases.end())
            info.championVersion = champion->second;
    }

    // 2. Candidates: READY, not archived, of a model the registry search listed (a version
    //    search may also return prompts, which are not models to release).
    std::map<std::string, std::map<std::string, ModelVersion>> versionsByModel; // model -> number -> version
    std::vector<InboxEntry> entries;
    for (ModelVersion &version : versions->value()) {
        const auto info = infos.find(version.name);
        if (info == infos.end())
            continue;
        version.aliases = info->second.model->aliasesOf(version.version);
        versionsByModel[version.name][version.version] = version;
        if (version.status != "READY" || text::asciiLower(version.currentStage) == "archived")
            continue;
        InboxEntry entry;
        entry.model = version.name;
        entry.version = version;
        if (entry.version.version != info->second.championVersion)
            entry.championVersion = info->second.championVersion;
        entries.push_back(std::move(entry));
    }

    // 3. Each model's trail, replayed per version without digests.
    std::vector<std::string> modelNames;
    for (const InboxEntry &entry : entries)
        if (std::find(modelNames.begin(), modelNames.end(), entry.model) == modelNames.end())
            modelNames.push_back(entry.model);
    auto ledgers = readLedgers(client, modelNames, cancel);
    if (!ledgers.ok())
        return ledgers.error();
    std::map<std::string, std::pair<std::vector<TrailEntry>, std::string>>
        trails; // model -> entries, problem
    for (const std::string &name : modelNames) {
        const TrailVerification verification = verifyTrail(ledgers.value()[name], name, nullptr);
        trails[name] = {trustedEntries(verification), verification.ok ? std::string() : verification.reason};
    }
    std::vector<InboxEntry> open;
    for (InboxEntry &entry : entries) {
        const auto &[trail, problem] = trails[entry.model];
        const VersionDecisions decisions = replayVersion(trail, entry.version.version, nullptr);
        if (decisions.state == ReviewState::Approved)
            continue;
        entry.state = decisions.state;
        entry.trailProblem = problem;
        for (const auto *standing : {&decisions.approvals, &decisions.rejections})
            for (const StandingDecision &decision : *standing)
                entry.deciders.push_back(decision.record.reviewer);
        entry.authors = authorIdentities(entry.version, std::nullopt);
        open.push_back(std::move(entry));
    }
    std::sort(open.begin(), open.end(), newerFirst);
    const auto updateMine = [&reviewer](InboxEntry &entry) {
        const bool decided =
            std::any_of(entry.deciders.begin(), entry.deciders.end(),
                        [&](const std::string &d) { return text::equalsIgnoringCase(d, reviewer); });
        const bool openState = entry.state == ReviewState::Pending || entry.state == ReviewState::InReview ||
                               entry.state == ReviewState::Stale;
        entry.mineToReview = !reviewer.empty() && openState && !decided && !isAuthor(reviewer, entry.authors);
    };
    for (InboxEntry &entry : open)
        updateMine(entry);
    if (progress)
        progress(open);

    // 4. Evidence: each open version and each champion it is compared with, read once.
    std::vector<std::pair<std::string, std::string>> toLoad; // model, version
    std::map<std::pair<std::string, std::string>, std::size_t> slotOf;
    const auto want = [&](const std::string &model, const std::string &version) {
        const auto key = std::make_pair(model, version);
        if (slotOf.emplace(key, toLoad.size()).second)
            toLoad.push_back(key);
    };
    for (const InboxEntry &entry : open) {
        const ModelInfo &info = infos[entry.model];
        if (!info.policy->ok())
            continue;
        want(entry.model, entry.version.version);
        if (!entry.championVersion.empty() && versionsByModel[entry.model].count(entry.championVersion))
            want(entry.model, entry.championVersion);
    }
    // Two requests per version; the slots are plain optionals written by one task each.
    std::vector<EvidenceSlot> slots(toLoad.size());
    runBounded(
        toLoad.size() * 2, kDefaultRequestConcurrency,
        [&](std::size_t task) {
            const auto &[model, number] = toLoad[task / 2];
            EvidenceSlot &slot = slots[task / 2];
            if (task % 2 == 0) {
                const ModelVersion &version = versionsByModel[model].at(number);
                if (!version.runId.empty())
                    slot.run.emplace(client.getRun(version.runId, cancel));
            } else {
                slot.signature.emplace(client.getModelVersionSignature(model, number, cancel));
            }
        },
        cancel);
    if (cancel.isCancelled())
        return inboxCancelled();

    // 5. Evaluate each open version as loadReleaseChecks would.
    for (InboxEntry &entry : open) {
        const ModelInfo &info = infos[entry.model];
        if (!info.policy->ok()) {
            entry.checksError = info.policy->error().describe();
            continue;
        }
        auto candidate = evidenceOf(entry.version, slots[slotOf.at({entry.model, entry.version.version})]);
        if (!candidate.ok()) {
            entry.checksError = candidate.error().describe();
            continue;
        }
        entry.authors = authorIdentities(entry.version, candidate->run);
        updateMine(entry);
        std::optional<Comparison> comparison;
        if (!entry.championVersion.empty()) {
            const auto slot = slotOf.find({entry.model, entry.championVersion});
            if (slot == slotOf.end()) {
                entry.checksError = "the champion version " + entry.championVersion + " of " + entry.model +
                                    " is not in the registry";
                continue;
            }
            auto champion =
                evidenceOf(versionsByModel[entry.model].at(entry.championVersion), slots[slot->second]);
            if (!champion.ok()) {
                entry.checksError =
                    "champion version " + entry.championVersion + ": " + champion.error().describe();
                continue;
            }
            const ParsedMetricDirections directions = parseMetricDirections(info.model->tags);
            comparison =
                compareVersions(candidate.value(), std::move(champion).value(), directions.directions);
        }
        const LoadedPolicy &policy = info.policy->value();
        const CheckReport report =
            evaluateReleaseChecks(policy.policy, policy.hash, candidate.value(), comparison);
        entry.checks = CheckSummary{report.passed, report.failed, report.warnings};
    }
    return open;
}

} // namespace modelgate
