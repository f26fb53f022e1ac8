#include "modelgate/core/release/release_ledger.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/mlflow/permissions.h"
#include "modelgate/core/util/parallel.h"
#include "modelgate/core/util/sha256.h"
#include "util/text.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <utility>

namespace modelgate {

namespace {

constexpr const char *kOrphanTag = "modelgate.ledger.orphan";
constexpr const char *kIndexFilter = "tags.\"modelgate.ledger.index\" = 'true'";
// Index runs and signature runs are one per ledger or reviewer; a page this size sees every
// duplicate a race could have made.
constexpr int kRunSearchPage = 100;
// Run names are for people browsing the ledger in MLflow's UI; the tag keeps the full name.
constexpr std::size_t kMaxRunNameBytes = 200;

bool isApiError(const Error &error, const char *code)
{
    return error.kind == ErrorKind::Api && error.code == code;
}

bool isMissing(const Error &error)
{
    return isApiError(error, "RESOURCE_DOES_NOT_EXIST");
}

// MLflow's answer to a second, different value under a parameter key.
bool isChangedParam(const Error &error)
{
    return isApiError(error, "INVALID_PARAMETER_VALUE") &&
           error.message.find("Changing param values") != std::string::npos;
}

// A 403 keeps its kind and status; the message names what the user lacks, then the server's text.
Error withPermissionNamed(Error error, const std::string &permission)
{
    if (error.httpStatus == 403)
        error.message = permission + " is required: " + error.message;
    return error;
}

std::string experimentPermission(const char *level, const std::string &experimentName)
{
    return std::string(level) + " permission on experiment '" + experimentName + "'";
}

std::string reviewerExperimentName(const std::string &identity)
{
    return std::string(kReviewerExperimentPrefix) + identity;
}

Error notEnrolled(const std::string &identity)
{
    return Error::refused("not_enrolled", identity +
                                              " is not enrolled as a reviewer: an admin runs `modelgate-cli "
                                              "audit grant " +
                                              identity + "`");
}

std::string utf8Prefix(const std::string &text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut) + "...";
}

// The oldest of several runs (start time, then id), so every reader picks the same one.
const Run *oldestRun(const std::vector<Run> &runs)
{
    const auto it = std::min_element(runs.begin(), runs.end(), [](const Run &a, const Run &b) {
        return std::tie(a.info.startTime, a.info.runId) < std::tie(b.info.startTime, b.info.runId);
    });
    return it == runs.end() ? nullptr : &*it;
}

Result<std::optional<Run>> findIndexRun(const MlflowClient &client, const std::string &experimentId,
                                        const CancelToken &cancel)
{
    auto page = client.searchRuns({experimentId}, kIndexFilter, kRunSearchPage, {}, cancel);
    if (!page.ok())
        return page.error();
    const Run *oldest = oldestRun(page->items);
    if (!oldest)
        return std::optional<Run>();
    return std::optional<Run>(*oldest);
}

Error deletedExperiment(const std::string &name)
{
    return Error::config("the experiment '" + name +
                         "' is deleted: an admin restores it (MLflow UI or "
                         "`mlflow experiments restore`) before the ledger can be used");
}

// Gets the ledger experiment, creating it when missing (a concurrent creator's wins).
Result<std::string> ensureLedgerExperiment(const MlflowClient &client, const CancelToken &cancel)
{
    auto existing = client.getExperimentByName(kLedgerExperimentName, cancel);
    if (existing.ok()) {
        if (existing->lifecycleStage == "deleted")
            return deletedExperiment(kLedgerExperimentName);
        return existing->experimentId;
    }
    if (!isMissing(existing.error()))
        return existing.error();
    auto created = client.createExperiment(kLedgerExperimentName, cancel);
    if (created.ok() || !isApiError(created.error(), "RESOURCE_ALREADY_EXISTS"))
        return created;
    auto again = client.getExperimentByName(kLedgerExperimentName, cancel);
    if (!again.ok())
        return again.error();
    return again->experimentId;
}

// Gets the index run, creating it when missing. Two admins creating one each at once both
// end up using the oldest; the other is tagged as an orphan.
Result<Run> ensureIndexRun(const MlflowClient &client, const std::string &experimentId,
                           const CancelToken &cancel)
{
    auto found = findIndexRun(client, experimentId, cancel);
    if (!found.ok())
        return found.error();
    if (found->has_value())
        return std::move(**found);
    auto created = client.createRun(experimentId, "ledger-index", {{kLedgerIndexTag, "true"}}, cancel);
    if (!created.ok())
        return withPermissionNamed(created.error(), experimentPermission("EDIT", kLedgerExperimentName));
    auto again = findIndexRun(client, experimentId, cancel);
    if (!again.ok())
        return again.error();
    if (!again->has_value())
        return std::move(created).value();
    if ((*again)->info.runId != created->info.runId)
        (void)client.setRunTag(created->info.runId, kOrphanTag, "true", cancel);
    return std::move(**again);
}

enum class OwnPermission
{
    Manage,     // the caller holds MANAGE on the experiment (created it, or was given it)
    NotManage,  // a lower permission, none recorded, or not allowed to ask
    NotChecked, // the caller's user name is unknown (bearer token)
};

// Whether the calling user holds MANAGE on an experiment: how an enrolling admin tells a
// signature experiment they created from one someone else created to sign in another's name.
// The RECORDED permission counts, not the effective one: an admin may do anything anywhere.
Result<OwnPermission> ownExperimentPermission(const MlflowClient &client, const PermissionStore &permissions,
                                              const std::string &experimentId, const CancelToken &cancel)
{
    const Credentials &credentials = client.config().credentials;
    if (credentials.kind != AuthKind::Basic || credentials.username.empty())
        return OwnPermission::NotChecked;
    auto permission =
        permissions.recorded(credentials.username, PermissionResource::Experiment, experimentId, cancel);
    if (!permission.ok()) {
        // On the 2.0 endpoints only MANAGE may ask: a 403 is itself the answer.
        if (permission.error().httpStatus == 403)
            return OwnPermission::NotManage;
        return permission.error();
    }
    return permission.value() == std::optional<std::string>("MANAGE") ? OwnPermission::Manage
                                                                      : OwnPermission::NotManage;
}

// Gives `user` at least `level` on a resource: records it, or keeps a higher one (enrolling
// the ledger's manager does not demote them), then reads it back. A grant that the server
// accepted but does not show is an error: enrolment never reports a permission it did not see.
Status grantAtLeast(const PermissionStore &permissions, const std::string &user, PermissionResource resource,
                    const std::string &id, const std::string &what, const std::string &level,
                    const CancelToken &cancel)
{
    const auto explain = [&](Error error) {
        if (error.httpStatus == 403)
            return withPermissionNamed(std::move(error), "MANAGE permission on " + what);
        error.message = "cannot give " + user + " " + level + " on " + what + ": " + error.message;
        return error;
    };
    auto current = permissions.recorded(user, resource, id, cancel);
    if (!current.ok())
        return explain(current.error());
    if (current.value() && permissionAtLeast(*current.value(), level))
        return success();
    if (Status granted = permissions.grant(user, resource, id, level, cancel); !granted.ok())
        return explain(granted.error());
    auto after = permissions.recorded(user, resource, id, cancel);
    if (!after.ok())
        return explain(after.error());
    if (!after.value() || !permissionAtLeast(*after.value(), level))
        return explain(
            Error::of(ErrorKind::Api, "the server accepted the grant (permission API " +
                                          std::string(wireName(permissions.api())) + ") but shows " +
                                          (after.value() ? *after.value() : std::string("no permission")) +
                                          " afterwards"));
    return success();
}

// Creates the model's ledger run and claims its index entry; when another writer's entry
// is there first, uses their run and marks ours as an orphan.
Result<std::string> ensureLedgerRun(const MlflowClient &client, const LedgerSnapshot &snapshot,
                                    const std::string &model, const CancelToken &cancel)
{
    const std::string permission = experimentPermission("EDIT", kLedgerExperimentName);
    auto created = client.createRun(snapshot.experimentId, "ledger:" + utf8Prefix(model, kMaxRunNameBytes),
                                    {{kLedgerModelTag, model}}, cancel);
    if (!created.ok())
        return withPermissionNamed(created.error(), permission);
    const std::string runId = created->info.runId;
    const std::string key = ledgerIndexKey(model);
    auto claimed = client.logParam(snapshot.indexRunId, key, runId, cancel);
    if (claimed.ok())
        return runId;
    if (!isChangedParam(claimed.error()))
        return withPermissionNamed(claimed.error(), permission);
    auto index = client.getRun(snapshot.indexRunId, cancel);
    if (!index.ok())
        return index.error();
    const auto winner = index->params.find(key);
    if (winner == index->params.end() || winner->second.empty())
        return claimed.error();
    (void)client.setRunTag(runId, kOrphanTag, "true", cancel); // best effort: only a label for people
    return winner->second;
}

} // namespace

std::string ledgerIndexKey(const std::string &model)
{
    return "ledger." + sha256Hex(model).substr(0, 40);
}

std::string reviewerIndexKey(const std::string &identity)
{
    return "reviewer." + sha256Hex(text::asciiLower(identity)).substr(0, 40);
}

std::string signatureParamKey(const std::string &recordHash)
{
    return "sig." + recordHash;
}

ReleaseLedger::ReleaseLedger(const MlflowClient &client)
    : m_client(client)
{}

Result<LedgerSnapshot> ReleaseLedger::read(const std::string &model, const CancelToken &cancel) const
{
    LedgerSnapshot snapshot;
    auto experiment = m_client.getExperimentByName(kLedgerExperimentName, cancel);
    if (!experiment.ok()) {
        if (isMissing(experiment.error()))
            return snapshot;
        return experiment.error();
    }
    if (experiment->lifecycleStage == "deleted")
        return deletedExperiment(kLedgerExperimentName);
    snapshot.experimentId = experiment->experimentId;

    auto index = findIndexRun(m_client, snapshot.experimentId, cancel);
    if (!index.ok())
        return index.error();
    if (!index->has_value())
        return snapshot;
    snapshot.indexRunId = (*index)->info.runId;
    snapshot.indexParams = std::move((*index)->params);

    const auto entry = snapshot.indexParams.find(ledgerIndexKey(model));
    if (entry == snapshot.indexParams.end())
        return snapshot;
    snapshot.ledgerRunId = entry->second;
    auto ledgerRun = m_client.getRun(snapshot.ledgerRunId, cancel);
    if (!ledgerRun.ok()) {
        // A ledger run that is gone leaves no records to read: verification then reports the
        // versions' review tags as not matching the (empty) trail.
        if (isMissing(ledgerRun.error()))
            return snapshot;
        return ledgerRun.error();
    }
    snapshot.ledgerParams = std::move(ledgerRun->params);
    return snapshot;
}

Result<LedgerSnapshot> ReleaseLedger::rereadRecords(const LedgerSnapshot &known,
                                                    const CancelToken &cancel) const
{
    if (known.ledgerRunId.empty())
        return Error::config("rereadRecords needs a snapshot with the model's ledger run");
    auto ledgerRun = m_client.getRun(known.ledgerRunId, cancel);
    if (!ledgerRun.ok())
        return ledgerRun.error();
    LedgerSnapshot snapshot = known;
    snapshot.ledgerParams = std::move(ledgerRun->params);
    return snapshot;
}

Result<ReviewerSignatures> ReleaseLedger::readSignatures(const LedgerSnapshot &snapshot,
                                                         const std::vector<std::string> &reviewers,
                                                         const CancelToken &cancel) const
{
    std::vector<std::pair<std::string, std::string>> enrolled; // lower-cased identity, run id
    std::set<std::string> seen;
    for (const auto &reviewer : reviewers) {
        const std::string identity = text::asciiLower(reviewer);
        if (!seen.insert(identity).second)
            continue;
        const auto entry = snapshot.indexParams.find(reviewerIndexKey(identity));
        if (entry != snapshot.indexParams.end())
            enrolled.emplace_back(identity, entry->second);
    }
    std::vector<std::optional<std::set<std::string>>> hashes(enrolled.size());
    std::vector<std::optional<Error>> errors(enrolled.size());
    const std::vector<bool> ran = runBounded(
        enrolled.size(), kDefaultRequestConcurrency,
        [&](std::size_t i) {
            auto run = m_client.getRun(enrolled[i].second, cancel);
            if (!run.ok()) {
                Error error = run.error();
                error.message = "the signature run of " + enrolled[i].first + ": " + error.message;
                errors[i] = std::move(error);
                return;
            }
            std::set<std::string> signed_;
            for (const auto &[key, value] : run->params) {
                if (key.rfind("sig.", 0) == 0)
                    signed_.insert(key.substr(4));
            }
            hashes[i] = std::move(signed_);
        },
        cancel);
    ReviewerSignatures result;
    for (std::size_t i = 0; i < enrolled.size(); ++i) {
        if (errors[i])
            return *errors[i];
        if (!ran[i] || !hashes[i])
            return Error::cancelled();
        result[enrolled[i].first] = std::move(*hashes[i]);
    }
    return result;
}

Result<AppendOutcome> ReleaseLedger::append(const LedgerSnapshot &snapshot, const ReleaseRecord &record,
                                            const CancelToken &cancel, std::string *usedLedgerRunId) const
{
    if (auto valid = validateRecordForWrite(record); !valid.ok())
        return valid.error();
    if (snapshot.experimentId.empty() || snapshot.indexRunId.empty())
        return notEnrolled(record.reviewer);
    const auto enrolment = snapshot.indexParams.find(reviewerIndexKey(record.reviewer));
    if (enrolment == snapshot.indexParams.end() || enrolment->second.empty())
        return notEnrolled(record.reviewer);

    const std::string text = recordToCanonicalJson(record);
    const std::string hash = recordHash(text);

    std::string ledgerRunId = snapshot.ledgerRunId;
    if (ledgerRunId.empty()) {
        auto run = ensureLedgerRun(m_client, snapshot, record.model, cancel);
        if (!run.ok())
            return run.error();
        ledgerRunId = std::move(run).value();
    }
    if (usedLedgerRunId)
        *usedLedgerRunId = ledgerRunId;

    // The signature first: a signature without its record is ignored, a record without a
    // signature would be reported as forged.
    auto signature = m_client.logParam(enrolment->second, signatureParamKey(hash),
                                       record.model + '#' + std::to_string(record.sequence), cancel);
    if (!signature.ok())
        return withPermissionNamed(signature.error(),
                                   experimentPermission("EDIT", reviewerExperimentName(record.reviewer)));

    auto written = m_client.logParam(ledgerRunId, recordParamKey(record.sequence), text, cancel);
    if (written.ok())
        return AppendOutcome::Written; // also when our own earlier write of this text is there
    if (isChangedParam(written.error()))
        return AppendOutcome::LostRace;
    return withPermissionNamed(written.error(), experimentPermission("EDIT", kLedgerExperimentName));
}

Result<ReleaseLedger::EnrolResult> ReleaseLedger::enrolReviewer(const std::string &identity,
                                                                const CancelToken &cancel) const
{
    if (identity.empty() || identity.find_first_of(" \t\r\n") != std::string::npos)
        return Error::config("the reviewer identity \"" + identity + "\" is empty or has blanks");
    EnrolResult result;

    // Find out first what the server offers: with an auth app, enrolment without the grants it
    // promises would leave reviewer names unprotected, so a server whose permission API is
    // missing or unknown is refused before anything is written. Without an auth app there is
    // nothing to grant, and the caller says so.
    auto capabilities = m_client.capabilities(cancel);
    if (!capabilities.ok())
        return capabilities.error();
    std::unique_ptr<PermissionStore> permissions;
    if (capabilities->authRequired) {
        auto store = permissionStoreFor(m_client, capabilities.value());
        if (!store.ok())
            return store.error();
        permissions = std::move(store).value();
    }
    result.permissionsSkipped = !permissions;
    const auto grantEdit = [&](const std::string &experimentId, const std::string &experimentName) -> Status {
        if (!permissions)
            return success();
        return grantAtLeast(*permissions, identity, PermissionResource::Experiment, experimentId,
                            "experiment '" + experimentName + "'", "EDIT", cancel);
    };

    auto experimentId = ensureLedgerExperiment(m_client, cancel);
    if (!experimentId.ok())
        return experimentId.error();
    // Enrolling is for an admin or the ledger's manager (who created it), on every server: on
    // 3.0 servers a user may read their own grants, so without this check a reviewer re-running
    // their own enrolment would get further than on a 2.0 server, and be told something else.
    if (permissions && !capabilities->isAdmin) {
        auto own = ownExperimentPermission(m_client, *permissions, experimentId.value(), cancel);
        if (!own.ok())
            return own.error();
        if (own.value() == OwnPermission::NotManage) {
            Error error =
                Error::of(ErrorKind::HttpStatus, "only an admin or the ledger's manager enrols reviewers");
            error.httpStatus = 403;
            return withPermissionNamed(std::move(error),
                                       experimentPermission("MANAGE", kLedgerExperimentName));
        }
    }
    auto index = ensureIndexRun(m_client, experimentId.value(), cancel);
    if (!index.ok())
        return index.error();

    // The ledger permission first: it fails for a user the auth app does not know, before
    // anything of the reviewer's own exists.
    if (Status ledgerGrant = grantEdit(experimentId.value(), kLedgerExperimentName); !ledgerGrant.ok())
        return ledgerGrant.error();

    const std::string signatureName = reviewerExperimentName(identity);
    const std::string indexKey = reviewerIndexKey(identity);
    const auto claimedElsewhere = [&](const std::string &what) {
        return Error::config(what + " (whoever created it could sign as " + identity +
                             "): an admin renames or deletes experiment '" + signatureName +
                             "', checks the ledger index, and runs the grant again");
    };
    // Only the enrolling user's own signature experiment may be used: one someone else
    // created would let its creator sign in the reviewer's name.
    const auto checkOwned = [&](const std::string &signatureExperimentId) -> Status {
        if (!permissions)
            return success(); // without an auth app anyone could have created it: nothing to tell
        auto own = ownExperimentPermission(m_client, *permissions, signatureExperimentId, cancel);
        if (!own.ok())
            return own.error();
        if (own.value() == OwnPermission::NotManage)
            return claimedElsewhere("experiment '" + signatureName + "' was not created by " +
                                    m_client.config().credentials.username);
        return success();
    };

    std::string signatureExperimentId;
    const auto entry = index->params.find(indexKey);
    if (entry != index->params.end()) {
        auto run = m_client.getRun(entry->second, cancel);
        if (!run.ok())
            return run.error();
        auto experiment = m_client.getExperiment(run->info.experimentId, cancel);
        if (!experiment.ok())
            return experiment.error();
        if (!text::equalsIgnoringCase(experiment->name, signatureName))
            return claimedElsewhere("the ledger index enrols " + identity + " with run " + entry->second +
                                    " of experiment '" + experiment->name + "', not of '" + signatureName +
                                    "'");
        if (auto owned = checkOwned(experiment->experimentId); !owned.ok())
            return owned.error();
        signatureExperimentId = experiment->experimentId;
        result.signatureRunId = entry->second;
        result.alreadyEnrolled = true;
    } else {
        auto existing = m_client.getExperimentByName(signatureName, cancel);
        if (existing.ok()) {
            // Ours when an earlier grant stopped half-way; anyone else's is refused.
            if (existing->lifecycleStage == "deleted")
                return deletedExperiment(signatureName);
            if (auto owned = checkOwned(existing->experimentId); !owned.ok())
                return owned.error();
            signatureExperimentId = existing->experimentId;
        } else if (isMissing(existing.error())) {
            auto created = m_client.createExperiment(signatureName, cancel);
            if (!created.ok())
                return created.error();
            signatureExperimentId = std::move(created).value();
        } else {
            return existing.error();
        }

        auto runs = m_client.searchRuns({signatureExperimentId}, {}, kRunSearchPage, {}, cancel);
        if (!runs.ok())
            return runs.error();
        std::vector<Run> tagged;
        for (auto &run : runs->items) {
            const auto tag = run.tags.find(kSignatureRunTag);
            if (tag != run.tags.end() && text::equalsIgnoringCase(tag->second, identity))
                tagged.push_back(std::move(run));
        }
        if (const Run *oldest = oldestRun(tagged)) {
            result.signatureRunId = oldest->info.runId;
        } else {
            auto run = m_client.createRun(signatureExperimentId,
                                          "signatures:" + utf8Prefix(identity, kMaxRunNameBytes),
                                          {{kSignatureRunTag, identity}}, cancel);
            if (!run.ok())
                return run.error();
            result.signatureRunId = run->info.runId;
        }
    }

    if (Status signatureGrant = grantEdit(signatureExperimentId, signatureName); !signatureGrant.ok())
        return signatureGrant.error();

    if (!result.alreadyEnrolled) {
        // Written last: an index entry is write-once, so it must name a run that is ready.
        auto written = m_client.logParam(index->info.runId, indexKey, result.signatureRunId, cancel);
        if (!written.ok()) {
            if (isChangedParam(written.error()))
                return claimedElsewhere("the ledger index already enrols " + identity +
                                        " with another run (written meanwhile)");
            return withPermissionNamed(written.error(), experimentPermission("EDIT", kLedgerExperimentName));
        }
    }
    return result;
}

Status ReleaseLedger::grantModelPermission(const std::string &model, const std::string &identity,
                                           const std::string &permission, const CancelToken &cancel) const
{
    if (permission != "READ" && permission != "EDIT" && permission != "MANAGE")
        return Error::config("unknown permission \"" + permission + "\"; expected READ, EDIT or MANAGE");
    auto capabilities = m_client.capabilities(cancel);
    if (!capabilities.ok())
        return capabilities.error();
    auto permissions = permissionStoreFor(m_client, capabilities.value());
    if (!permissions.ok())
        return permissions.error();
    return grantAtLeast(*permissions.value(), identity, PermissionResource::RegisteredModel, model,
                        "model '" + model + "'", permission, cancel);
}

} // namespace modelgate
