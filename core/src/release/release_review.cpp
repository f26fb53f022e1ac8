#include "modelgate/core/release/release_review.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/mlflow/model_filter.h"
#include "modelgate/core/util/parallel.h"
#include "modelgate/core/util/sha256.h"
#include "modelgate/core/workspace/identity.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>

namespace modelgate {

namespace {

// docs/design/release-records.md, "Writing a decision": a lost race goes back to loading.
constexpr int kMaxAttempts = 5;

Error makeError(ErrorKind kind, const char *code, std::string message)
{
    Error error;
    error.kind = kind;
    error.code = code;
    error.message = std::move(message);
    return error;
}

Error refused(const char *code, std::string message)
{
    return makeError(ErrorKind::Refused, code, std::move(message));
}

// Whatever failed before the commit point left no record; say so, since "did my decision
// count?" is the one question a failed decision must answer.
Error notRecorded(Error error)
{
    if (error.kind != ErrorKind::Refused && error.kind != ErrorKind::Config)
        error.message = "not recorded: " + error.message;
    return error;
}

bool isNumeric(const std::string &text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool sameIdentity(const std::string &a, const std::string &b)
{
    return !a.empty() && asciiLower(a) == asciiLower(b);
}

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string utcNow()
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    return text;
}

std::string policyHash(const ReleasePolicy &policy)
{
    return sha256Hex(releasePolicyToJson(policy));
}

// The distinct reviewers named by the readable records of a ledger run (first spelling kept).
std::vector<std::string> trailReviewers(const std::map<std::string, std::string> &ledgerParams,
                                        const std::string &alsoReviewer)
{
    std::vector<std::string> reviewers;
    std::set<std::string> seen;
    const auto add = [&](const std::string &identity) {
        if (!identity.empty() && seen.insert(asciiLower(identity)).second)
            reviewers.push_back(identity);
    };
    for (const auto &[key, text] : ledgerParams) {
        if (key.rfind("record.", 0) != 0)
            continue;
        if (const Result<ReleaseRecord> record = parseRecord(text); record.ok())
            add(record.value().reviewer);
    }
    add(alsoReviewer);
    return reviewers;
}

// Section 6, condition 5: the model's policy tag equals the last policy record, or neither exists.
std::vector<std::string> policyProblemsOf(const std::vector<TrailEntry> &entries, const LoadedPolicy &tag)
{
    const ReleaseRecord *last = nullptr;
    for (const TrailEntry &entry : entries)
        if (entry.record && entry.record->action == ReleaseAction::Policy && entry.record->policy)
            last = &*entry.record;
    const std::string tagName = std::string("tag ") + kReleasePolicyTag;
    if (!last && !tag.fromTag)
        return {};
    if (!last)
        return {"the model's " + tagName + " has no policy record in the trail"};
    const std::string recordName = "policy record " + std::to_string(last->sequence);
    if (!tag.fromTag)
        return {recordName + " sets a release policy but the model has no " + tagName};
    if (releasePolicyToJson(tag.policy) != releasePolicyToJson(*last->policy))
        return {"the model's " + tagName + " differs from " + recordName};
    return {};
}

std::string joined(const std::vector<std::string> &items, const char *separator)
{
    std::string text;
    for (const std::string &item : items)
        text += (text.empty() ? "" : separator) + item;
    return text;
}

// Recomputes everything in `status` that follows from the trail, the digest and the tags.
void evaluate(ReleaseStatus &status, const std::map<std::string, std::string> &ledgerParams,
              const ReviewerSignatures &signatures, const TagMap &versionTags)
{
    status.trail = verifyTrail(ledgerParams, status.model, &signatures);
    const std::vector<TrailEntry> entries = trustedEntries(status.trail);
    status.decisions = replayVersion(entries, status.version, &status.digest);
    // The tag view records what was decided, not whether the content changed since.
    status.tagDifferences = reviewTagDifferences(
        expectedReviewTags(replayVersion(entries, status.version, nullptr)), versionTags);
    status.tagMismatches.clear();
    for (const ReviewTagDifference &difference : status.tagDifferences)
        status.tagMismatches.push_back(describeTagDifference(difference));
    status.policyProblems = policyProblemsOf(entries, status.checks.policy);

    status.approved = false;
    if (!status.trail.ok) {
        status.reason = "the release trail is broken: " + status.trail.reason;
    } else if (status.decisions.state != ReviewState::Approved) {
        status.reason = status.decisions.reason.empty()
                            ? std::string("not approved: ") + wireName(status.decisions.state)
                            : status.decisions.reason;
    } else if (!status.tagMismatches.empty()) {
        status.reason = "tags do not match the trail: " + status.tagMismatches.front();
    } else if (!status.policyProblems.empty()) {
        status.reason = "the release policy does not match the trail: " + status.policyProblems.front();
    } else {
        std::vector<std::string> approvers;
        for (const StandingDecision &approval : status.decisions.approvals)
            if (approval.counts && approval.digestMatches)
                approvers.push_back(approval.record.reviewer + (approval.author ? " (break-glass)" : ""));
        status.approved = true;
        status.reason = "approved by " + joined(approvers, ", ");
    }
}

// What a decision keeps between attempts: the status and what it was computed from.
struct DecisionContext
{
    ReleaseStatus status;
    LedgerSnapshot snapshot;
    ReviewerSignatures signatures;
    TagMap versionTags;
};

Result<ReviewerSignatures> readSignatures(const ReleaseLedger &ledger, const LedgerSnapshot &snapshot,
                                          const std::string &alsoReviewer, const CancelToken &cancel)
{
    const std::vector<std::string> reviewers = trailReviewers(snapshot.ledgerParams, alsoReviewer);
    if (reviewers.empty())
        return ReviewerSignatures{};
    return ledger.readSignatures(snapshot, reviewers, cancel);
}

// Loads the status; `signer` (the deciding reviewer) has their signatures read too, so
// that their enrolment is known.
Result<DecisionContext> loadContext(const MlflowClient &client, const std::string &model,
                                    const std::string &versionOrAlias, const std::string &signer,
                                    const CancelToken &cancel)
{
    std::string version = versionOrAlias;
    if (!isNumeric(versionOrAlias)) {
        Result<ModelVersion> resolved = client.resolveModelVersion(model, versionOrAlias, cancel);
        if (!resolved.ok())
            return resolved.error();
        version = resolved.value().version;
    }
    const ReleaseLedger ledger(client);
    std::optional<Result<LoadedChecks>> checks;
    std::optional<Result<ContentManifest>> manifest;
    std::optional<Result<LedgerSnapshot>> snapshot;
    parallelInvoke({[&] { checks.emplace(loadReleaseChecks(client, model, version, cancel)); },
                    [&] { manifest.emplace(loadContentManifest(client, model, version, cancel)); },
                    [&] { snapshot.emplace(ledger.read(model, cancel)); }},
                   3, cancel);
    if (cancel.isCancelled() || !checks || !manifest || !snapshot)
        return cancelledError();
    if (!checks->ok())
        return checks->error();
    if (!manifest->ok())
        return manifest->error();
    if (!snapshot->ok())
        return snapshot->error();

    DecisionContext context;
    ReleaseStatus &status = context.status;
    status.model = model;
    status.version = version;
    status.reviewer = reviewerIdentity(client.config().credentials);
    status.checks = checks->value();
    status.manifest = manifest->value();
    status.digest = contentDigest(status.manifest);
    status.authors = authorIdentities(status.checks.candidate.version, status.checks.candidate.run);
    context.versionTags = status.checks.candidate.version.tags;
    context.snapshot = snapshot->value();
    // Known from the index already read: lets a screen say "not enrolled" before a decision.
    status.reviewerEnrolled =
        !status.reviewer.empty() && context.snapshot.indexParams.count(reviewerIndexKey(status.reviewer)) > 0;

    Result<ReviewerSignatures> signatures = readSignatures(ledger, context.snapshot, signer, cancel);
    if (!signatures.ok())
        return signatures.error();
    context.signatures = signatures.value();
    evaluate(status, context.snapshot.ledgerParams, context.signatures, context.versionTags);
    return context;
}

// Where `identity` is recorded as an author of the version, for the four-eyes message.
std::string authorSources(const std::string &identity, const VersionEvidence &evidence)
{
    std::vector<std::string> sources;
    const auto tagOf = [](const TagMap &tags, const char *key) {
        const auto found = tags.find(key);
        return found == tags.end() ? std::string() : trimmed(found->second);
    };
    if (sameIdentity(trimmed(evidence.version.userId), identity))
        sources.push_back("user_id of the version");
    if (evidence.run && sameIdentity(tagOf(evidence.run->tags, "mlflow.user"), identity))
        sources.push_back("mlflow.user of its run");
    if (sameIdentity(tagOf(evidence.version.tags, kAuthorTag), identity))
        sources.push_back(std::string(kAuthorTag) + " tag of the version");
    if (evidence.run && sameIdentity(tagOf(evidence.run->tags, kAuthorTag), identity))
        sources.push_back(std::string(kAuthorTag) + " tag of its run");
    return sources.empty() ? std::string() : " (" + joined(sources, ", ") + ")";
}

const StandingDecision *standingOf(const std::vector<StandingDecision> &decisions,
                                   const std::string &reviewer)
{
    for (const StandingDecision &decision : decisions)
        if (sameIdentity(decision.record.reviewer, reviewer))
            return &decision;
    return nullptr;
}

std::string recordRef(const ReleaseRecord &record)
{
    return "at " + record.time + " (record " + std::to_string(record.sequence) + ")";
}

// What forbids any write to a model's trail: a broken trail, a writer without enrolment.
std::optional<Error> trailRefusal(const DecisionContext &context)
{
    const ReleaseStatus &status = context.status;
    if (!status.trail.ok)
        return refused(kRefusedTrailBroken, "the release trail of " + status.model + " is broken (" +
                                                status.trail.reason + "); nothing is appended to it");
    if (context.signatures.count(asciiLower(status.reviewer)) == 0)
        return refused(kRefusedNotEnrolled, status.reviewer +
                                                " is not enrolled as a reviewer; an admin enrols "
                                                "them with `modelgate-cli audit grant " +
                                                status.reviewer + "`");
    return std::nullopt;
}

// The probe's answer: a 403 means the reviewer lacks EDIT on the model (nothing written yet).
Error probeError(Error error, const std::string &model, const char *purpose)
{
    if (error.httpStatus != 403)
        return notRecorded(std::move(error));
    error.message = "EDIT permission on model '" + model + "' is needed to " + purpose +
                    " (server: " + error.message + ")";
    return error;
}

// Section 6, step 1: what forbids this decision now. `seenRecords` is the number of records
// the reviewer's first read saw: an opposite decision appended since then was not seen when
// deciding, so it is refused instead of silently outvoted. Sets `revokes` for a revoke.
std::optional<Error> refusalOf(const DecisionContext &context, const DecisionRequest &request,
                               int seenRecords, std::optional<int> &revokes)
{
    const ReleaseStatus &status = context.status;
    const std::string &me = status.reviewer;
    const std::string what = status.model + " v" + status.version;
    if (std::optional<Error> refusal = trailRefusal(context))
        return refusal;
    const VersionDecisions &decisions = status.decisions;
    const StandingDecision *myApproval = standingOf(decisions.approvals, me);
    const StandingDecision *myRejection = standingOf(decisions.rejections, me);
    const ReleasePolicy policy = policyInForce(trustedEntries(status.trail)).value_or(defaultReleasePolicy());

    if (request.action == ReleaseAction::Revoke) {
        const StandingDecision *mine = myApproval ? myApproval : myRejection;
        if (myApproval && myRejection && myRejection->record.sequence > myApproval->record.sequence)
            mine = myRejection;
        if (!mine)
            return refused(kRefusedNothingToRevoke,
                           me + " has no standing decision on " + what + " to revoke");
        revokes = mine->record.sequence;
        return std::nullopt;
    }

    // A decision by someone else that appeared after the reviewer's first read.
    const auto unseen = [&](const std::vector<StandingDecision> &list) -> const StandingDecision * {
        for (const StandingDecision &decision : list)
            if (decision.record.sequence > seenRecords && !sameIdentity(decision.record.reviewer, me))
                return &decision;
        return nullptr;
    };

    if (request.action == ReleaseAction::Reject) {
        if (myRejection)
            return refused(kRefusedAlreadyDecided,
                           me + " already rejected " + what + " " + recordRef(myRejection->record));
        if (const StandingDecision *other = unseen(decisions.approvals))
            return refused(kRefusedConflict, "approved by " + other->record.reviewer + " " +
                                                 recordRef(other->record) + ": " + other->record.comment +
                                                 "; it landed while this rejection was being written, look "
                                                 "again before rejecting");
        return std::nullopt;
    }

    // Approve.
    const bool author = isAuthor(me, status.authors);
    const std::string authorText =
        me + " is an author of " + what + authorSources(me, status.checks.candidate);
    if (!request.breakGlassReason.empty()) {
        if (!author)
            return refused(kRefusedBreakGlass,
                           "a break-glass reason is only for an author approving their own "
                           "version, and " +
                               me + " is not an author of " + what);
        if (!policy.allowBreakGlass)
            return refused(kRefusedBreakGlass, "the release policy of " + status.model +
                                                   " does not allow break-glass: " + authorText +
                                                   " and cannot approve it");
    } else if (author) {
        return refused(
            kRefusedFourEyes,
            authorText + " and cannot approve it" +
                (policy.allowBreakGlass ? " (the release policy allows break-glass with a reason)" : ""));
    }
    if (status.checks.report.anyFailed()) {
        std::vector<std::string> failed;
        for (const CheckResult &check : status.checks.report.checks)
            if (check.status == CheckStatus::Fail)
                failed.push_back(check.title + (check.detail.empty() ? "" : " (" + check.detail + ")"));
        return refused(kRefusedChecksFailed, std::to_string(failed.size()) + " required check(s) fail for " +
                                                 what + ": " + joined(failed, "; "));
    }
    for (const StandingDecision &rejection : decisions.rejections)
        if (!sameIdentity(rejection.record.reviewer, me))
            return refused(kRefusedConflict, "rejected by " + rejection.record.reviewer + " at " +
                                                 rejection.record.time + ": " + rejection.record.comment +
                                                 "; the rejection stands until " + rejection.record.reviewer +
                                                 " revokes it");
    if (myApproval && myApproval->digestMatches)
        return refused(kRefusedAlreadyDecided,
                       me + " already approved " + what + " " + recordRef(myApproval->record));
    return std::nullopt;
}

ReleaseRecord draftRecord(const DecisionRequest &request, const std::string &reviewer)
{
    ReleaseRecord record;
    record.sequence = 1;
    record.previousHash = kGenesisHash;
    record.model = request.model;
    record.version = request.version;
    record.action = request.action;
    record.reviewer = reviewer;
    record.time = utcNow();
    record.comment = request.comment;
    record.breakGlassReason = request.breakGlassReason;
    record.contentDigest = kGenesisHash; // a placeholder of the right shape until the digest is known
    record.policyHash = kGenesisHash;
    if (request.action == ReleaseAction::Revoke) {
        record.sequence = 2; // a revoke withdraws an earlier record (placeholders of the right shape)
        record.previousHash = std::string(64, 'a');
        record.revokes = 1;
    }
    return record;
}

// The ledger run's parameters and the signatures as they are once `record` is written.
void applyWritten(DecisionContext &context, const ReleaseRecord &record, const std::string &text,
                  const std::string &hash)
{
    context.snapshot.ledgerParams[recordParamKey(record.sequence)] = text;
    context.signatures[asciiLower(record.reviewer)].insert(hash);
}

// Appends with the retry rule of section 6; `decide` builds the record of an attempt from
// the context (or refuses), `reread` refreshes the context after a lost race.
template <typename Decide, typename Reread>
Result<DecisionOutcome> commit(const MlflowClient &client, DecisionContext &context, Decide decide,
                               Reread reread, const CancelToken &cancel)
{
    const ReleaseLedger ledger(client);
    for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
        Result<ReleaseRecord> built = decide(attempt);
        if (!built.ok())
            return built.error();
        ReleaseRecord record = built.value();
        record.sequence = context.status.trail.recordCount + 1;
        record.previousHash = context.status.trail.headHash;
        if (Status valid = validateRecordForWrite(record); !valid.ok())
            return valid.error();
        const std::string text = recordToCanonicalJson(record);
        Result<AppendOutcome> appended = ledger.append(context.snapshot, record, cancel);
        if (!appended.ok() && appended.error().kind == ErrorKind::Transport) {
            // The answer may have been lost after the write: a record that is there is written.
            Result<LedgerSnapshot> check = ledger.read(context.status.model, cancel);
            if (check.ok() && check.value().ledgerParams.count(recordParamKey(record.sequence)) &&
                check.value().ledgerParams.at(recordParamKey(record.sequence)) == text) {
                context.snapshot = check.value();
                appended = AppendOutcome::Written;
            }
        }
        if (!appended.ok())
            return notRecorded(appended.error());
        if (appended.value() == AppendOutcome::Written) {
            DecisionOutcome outcome;
            outcome.record = record;
            outcome.recordHash = recordHash(text);
            outcome.attempts = attempt;
            applyWritten(context, record, text, outcome.recordHash);
            return outcome;
        }
        if (Status again = reread(); !again.ok())
            return notRecorded(again.error());
    }
    return refused(kRefusedConflict, "gave up after " + std::to_string(kMaxAttempts) +
                                         " attempts: other reviewers kept writing to the trail of " +
                                         context.status.model + "; try again");
}

// Reads the signatures the context's snapshot calls for and re-evaluates the status.
Status refreshSignatures(const MlflowClient &client, DecisionContext &context, const CancelToken &cancel)
{
    const ReleaseLedger ledger(client);
    Result<ReviewerSignatures> signatures =
        readSignatures(ledger, context.snapshot, context.status.reviewer, cancel);
    if (!signatures.ok())
        return signatures.error();
    context.signatures = signatures.value();
    evaluate(context.status, context.snapshot.ledgerParams, context.signatures, context.versionTags);
    return success();
}

Status rereadLedger(const MlflowClient &client, DecisionContext &context, const CancelToken &cancel)
{
    Result<LedgerSnapshot> snapshot = ReleaseLedger(client).read(context.status.model, cancel);
    if (!snapshot.ok())
        return snapshot.error();
    context.snapshot = snapshot.value();
    return refreshSignatures(client, context, cancel);
}

// Writes the tag view a version's records call for (concurrently); the first error, if any.
// With `onlyChanged`, tags the version was read with and that keep their value are skipped
// (each write costs a request; after a lost race the tags read are stale, so all are written).
std::optional<Error> writeTagView(const MlflowClient &client, DecisionContext &context, bool onlyChanged,
                                  const CancelToken &cancel)
{
    const ReleaseStatus &status = context.status;
    std::vector<std::pair<std::string, std::string>> tags;
    for (const auto &[key, value] :
         expectedReviewTags(replayVersion(trustedEntries(status.trail), status.version, nullptr))) {
        const auto current = context.versionTags.find(key);
        if (!onlyChanged || current == context.versionTags.end() || current->second != value)
            tags.emplace_back(key, value);
    }
    std::vector<std::optional<Status>> results(tags.size());
    std::vector<std::function<void()>> tasks;
    for (std::size_t i = 0; i < tags.size(); ++i)
        tasks.push_back([&, i] {
            results[i].emplace(client.setModelVersionTag(status.model, status.version, tags[i].first,
                                                         tags[i].second, cancel));
        });
    parallelInvoke(tasks, tasks.size(), cancel);
    std::optional<Error> firstError;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        if (results[i] && results[i]->ok()) {
            context.versionTags[tags[i].first] = tags[i].second;
        } else if (!firstError) {
            firstError = results[i] ? results[i]->error() : cancelledError();
            firstError->message = "tag " + tags[i].first + ": " + firstError->describe();
        }
    }
    return firstError;
}

} // namespace

Result<ReleaseStatus> loadReleaseStatus(const MlflowClient &client, const std::string &model,
                                        const std::string &versionOrAlias, const CancelToken &cancel)
{
    Result<DecisionContext> context = loadContext(client, model, versionOrAlias, std::string(), cancel);
    if (!context.ok())
        return context.error();
    return context.value().status;
}

Result<DecisionOutcome> decideRelease(const MlflowClient &client, const DecisionRequest &request,
                                      const CancelToken &cancel)
{
    const std::string reviewer = reviewerIdentity(client.config().credentials);
    if (reviewer.empty())
        return refused(kRefusedNoIdentity,
                       "the workspace has no user identity: a decision must name its reviewer");
    if (request.action == ReleaseAction::Policy)
        return makeError(ErrorKind::Config, "", "a policy change is written with setReleasePolicy");
    if (request.action != ReleaseAction::Approve && !request.breakGlassReason.empty())
        return refused(kRefusedBreakGlass,
                       "a break-glass reason is only for an author's approval, not for a " +
                           std::string(wireName(request.action)));
    // Bad input is refused before the first request.
    if (Status valid = validateRecordForWrite(draftRecord(request, reviewer)); !valid.ok())
        return valid.error();

    Result<DecisionContext> loaded = loadContext(client, request.model, request.version, reviewer, cancel);
    if (!loaded.ok())
        return notRecorded(loaded.error());
    DecisionContext context = loaded.value();
    ReleaseStatus &status = context.status;
    const int seenRecords = status.trail.recordCount;
    bool probed = false;

    const auto decide = [&](int attempt) -> Result<ReleaseRecord> {
        std::optional<int> revokes;
        if (std::optional<Error> refusal = refusalOf(context, request, seenRecords, revokes)) {
            // Our probe may have rewritten the status tag after the winner of the race wrote
            // its view: put back what the trail says (best effort; the refusal is the answer).
            if (attempt > 1) {
                const auto expected =
                    expectedReviewTags(replayVersion(trustedEntries(status.trail), status.version, nullptr));
                if (const auto found = expected.find(kReviewStatusTag); found != expected.end())
                    (void)client.setModelVersionTag(status.model, status.version, kReviewStatusTag,
                                                    found->second, cancel);
            }
            return *refusal;
        }
        if (!probed) {
            // EDIT on the model, proven before anything is written, by a write that changes
            // nothing: the status tag with its value, or (a version without one must not gain
            // a review tag unless a record follows) its description as it is.
            const auto current = context.versionTags.find(kReviewStatusTag);
            Status probe =
                current != context.versionTags.end()
                    ? client.setModelVersionTag(status.model, status.version, kReviewStatusTag,
                                                current->second, cancel)
                    : client.updateModelVersionDescription(
                          status.model, status.version, status.checks.candidate.version.description, cancel);
            if (!probe.ok())
                return probeError(probe.error(), status.model, "decide on its versions");
            probed = true;
        }
        ReleaseRecord record = draftRecord(request, reviewer);
        record.version = status.version;
        record.authors = status.authors;
        record.contentDigest = status.digest;
        const ReleasePolicy policy =
            policyInForce(trustedEntries(status.trail)).value_or(defaultReleasePolicy());
        record.policyHash = policyHash(policy);
        record.revokes = revokes;
        if (request.action != ReleaseAction::Revoke) {
            const CheckReport &report = status.checks.report;
            record.checks = CheckSummary{report.passed, report.failed, report.warnings};
        }
        return record;
    };
    const auto reread = [&] { return rereadLedger(client, context, cancel); };

    Result<DecisionOutcome> committed = commit(client, context, decide, reread, cancel);
    if (!committed.ok())
        return committed.error();
    DecisionOutcome outcome = committed.value();
    evaluate(status, context.snapshot.ledgerParams, context.signatures, context.versionTags);
    if (std::optional<Error> tagError = writeTagView(client, context, outcome.attempts == 1, cancel)) {
        outcome.tagsWritten = false;
        outcome.tagError =
            "record " + std::to_string(outcome.record.sequence) +
            " is written and the decision stands, but the tag view is not: " + tagError->message +
            "; syncReviewTags (`review sync`) repairs it";
    }
    evaluate(status, context.snapshot.ledgerParams, context.signatures, context.versionTags);
    outcome.after = status;
    return outcome;
}

Status syncReviewTags(const MlflowClient &client, const std::string &model, const std::string &version,
                      const CancelToken &cancel)
{
    const ReleaseLedger ledger(client);
    std::optional<Result<ModelVersion>> loadedVersion;
    std::optional<Result<RegisteredModel>> registered;
    std::optional<Result<LedgerSnapshot>> snapshot;
    parallelInvoke({[&] { loadedVersion.emplace(client.resolveModelVersion(model, version, cancel)); },
                    [&] { registered.emplace(client.getRegisteredModel(model, cancel)); },
                    [&] { snapshot.emplace(ledger.read(model, cancel)); }},
                   3, cancel);
    if (cancel.isCancelled() || !loadedVersion || !registered || !snapshot)
        return cancelledError();
    if (!loadedVersion->ok())
        return loadedVersion->error();
    if (!registered->ok())
        return registered->error();
    if (!snapshot->ok())
        return snapshot->error();
    Result<ReviewerSignatures> signatures = readSignatures(ledger, snapshot->value(), std::string(), cancel);
    if (!signatures.ok())
        return signatures.error();
    const ModelVersion &current = loadedVersion->value();
    const TrailVerification trail = verifyTrail(snapshot->value().ledgerParams, model, &signatures.value());
    if (!trail.ok)
        return refused(kRefusedTrailBroken, "the release trail of " + model + " is broken (" + trail.reason +
                                                "); the tag view is not rewritten from a broken trail");

    const auto expected = expectedReviewTags(replayVersion(trail.entries, current.version, nullptr));
    for (const auto &[key, value] : expected) {
        const auto found = current.tags.find(key);
        if (found != current.tags.end() && found->second == value)
            continue;
        if (Status written = client.setModelVersionTag(model, current.version, key, value, cancel);
            !written.ok())
            return written.error();
    }
    // A version without records must carry no review tags; removing them needs MANAGE.
    for (const auto &[key, value] : current.tags) {
        if (key.rfind("modelgate.review.", 0) != 0 || expected.count(key))
            continue;
        if (Status removed = client.deleteModelVersionTag(model, current.version, key, cancel); !removed.ok())
            return removed.error();
    }
    // The policy tag is part of the view too: rewrite it from the last policy record.
    if (const std::optional<ReleasePolicy> inForce = policyInForce(trail.entries)) {
        const std::string text = releasePolicyToJson(*inForce);
        const auto found = registered->value().tags.find(kReleasePolicyTag);
        if (found == registered->value().tags.end() || found->second != text)
            if (Status written = client.setRegisteredModelTag(model, kReleasePolicyTag, text, cancel);
                !written.ok())
                return written.error();
    }
    return success();
}

Result<DecisionOutcome> setReleasePolicy(const MlflowClient &client, const std::string &model,
                                         const ReleasePolicy &policy, const std::string &comment,
                                         const CancelToken &cancel)
{
    if (Status valid = validateReleasePolicy(policy); !valid.ok())
        return valid.error();
    const std::string reviewer = reviewerIdentity(client.config().credentials);
    if (reviewer.empty())
        return refused(kRefusedNoIdentity,
                       "the workspace has no user identity: a policy change must name its author");
    ReleaseRecord draft = draftRecord({model, "", ReleaseAction::Policy, comment, ""}, reviewer);
    draft.contentDigest.clear();
    draft.policyHash = policyHash(policy);
    draft.policy = policy;
    if (Status valid = validateRecordForWrite(draft); !valid.ok())
        return valid.error();

    const ReleaseLedger ledger(client);
    std::optional<Result<RegisteredModel>> registered;
    std::optional<Result<LedgerSnapshot>> snapshot;
    parallelInvoke({[&] { registered.emplace(client.getRegisteredModel(model, cancel)); },
                    [&] { snapshot.emplace(ledger.read(model, cancel)); }},
                   2, cancel);
    if (cancel.isCancelled() || !registered || !snapshot)
        return notRecorded(cancelledError());
    if (!registered->ok())
        return notRecorded(registered->error());
    if (!snapshot->ok())
        return notRecorded(snapshot->error());
    const RegisteredModel &current = registered->value();

    DecisionContext context;
    ReleaseStatus &status = context.status;
    status.model = model;
    status.reviewer = reviewer;
    if (Result<LoadedPolicy> tagPolicy = policyFromTags(current.tags); tagPolicy.ok())
        status.checks.policy = tagPolicy.value();
    context.snapshot = snapshot->value();
    if (Status read = refreshSignatures(client, context, cancel); !read.ok())
        return notRecorded(read.error());

    bool probed = false;
    const auto decide = [&](int) -> Result<ReleaseRecord> {
        if (std::optional<Error> refusal = trailRefusal(context))
            return *refusal;
        if (const auto inForce = policyInForce(status.trail.entries);
            inForce && releasePolicyToJson(*inForce) == releasePolicyToJson(policy))
            return refused(kRefusedAlreadyDecided, "this release policy is already in force for " + model);
        if (!probed) {
            // EDIT on the model, proven before anything is written: rewrite what is there.
            const auto tag = current.tags.find(kReleasePolicyTag);
            Status probe = tag != current.tags.end()
                               ? client.setRegisteredModelTag(model, kReleasePolicyTag, tag->second, cancel)
                               : client.updateRegisteredModelDescription(model, current.description, cancel);
            if (!probe.ok())
                return probeError(probe.error(), model, "change its release policy");
            probed = true;
        }
        ReleaseRecord record = draft;
        record.time = utcNow();
        return record;
    };
    const auto reread = [&] { return rereadLedger(client, context, cancel); };
    Result<DecisionOutcome> committed = commit(client, context, decide, reread, cancel);
    if (!committed.ok())
        return committed.error();
    DecisionOutcome outcome = committed.value();

    const std::string text = releasePolicyToJson(policy);
    if (Status tagged = client.setRegisteredModelTag(model, kReleasePolicyTag, text, cancel); tagged.ok()) {
        status.checks.policy.policy = policy;
        status.checks.policy.fromTag = true;
        status.checks.policy.tagValue = text;
        status.checks.policy.hash = policyHash(policy);
    } else {
        outcome.tagsWritten = false;
        outcome.tagError = "record " + std::to_string(outcome.record.sequence) +
                           " is written and the policy is in force, but the tag " + kReleasePolicyTag +
                           " is not: " + tagged.error().describe() +
                           "; syncReviewTags (`review sync`) repairs it";
    }
    evaluate(status, context.snapshot.ledgerParams, context.signatures, context.versionTags);
    status.reason = status.policyProblems.empty() ? "release policy recorded" : status.policyProblems.front();
    outcome.after = status;
    return outcome;
}

Result<AuditTrail> loadAuditTrail(const MlflowClient &client, const std::string &model,
                                  const CancelToken &cancel)
{
    const ReleaseLedger ledger(client);
    std::optional<Result<RegisteredModel>> registered;
    std::optional<Result<LedgerSnapshot>> snapshot;
    parallelInvoke({[&] { registered.emplace(client.getRegisteredModel(model, cancel)); },
                    [&] { snapshot.emplace(ledger.read(model, cancel)); }},
                   2, cancel);
    if (cancel.isCancelled() || !registered || !snapshot)
        return cancelledError();
    if (!snapshot->ok())
        return snapshot->error();
    // The trail outlives a deleted model: audit it all the same.
    const bool modelGone = !registered->ok() && registered->error().code == "RESOURCE_DOES_NOT_EXIST";
    if (!registered->ok() && !modelGone)
        return registered->error();

    AuditTrail audit;
    audit.model = model;
    audit.snapshot = snapshot->value();
    Result<ReviewerSignatures> signatures = readSignatures(ledger, audit.snapshot, std::string(), cancel);
    if (!signatures.ok())
        return signatures.error();
    audit.verification = verifyTrail(audit.snapshot.ledgerParams, model, &signatures.value());
    if (!modelGone) {
        Result<LoadedPolicy> tagPolicy = policyFromTags(registered->value().tags);
        if (tagPolicy.ok())
            audit.policyProblems = policyProblemsOf(trustedEntries(audit.verification), tagPolicy.value());
        else
            audit.policyProblems.push_back("the model's tag " + std::string(kReleasePolicyTag) +
                                           " is unreadable: " + tagPolicy.error().message);
    }
    return audit;
}

} // namespace modelgate
