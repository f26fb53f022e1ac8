// Decisions on a version (decideRelease) and the protocol every write to a trail follows.
#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/release/approve_blockers.h"
#include "modelgate/core/util/parallel.h"
#include "modelgate/core/workspace/identity.h"
#include "release/decision_protocol.h"
#include "release/name_lists.h"
#include "util/text.h"

#include <chrono>
#include <ctime>
#include <functional>

namespace modelgate {

using namespace detail;

namespace {

// Where `identity` is recorded as an author of the version, for the four-eyes message (the
// sources as approveBlockers finds them, so a screen and the refusal name the same ones).
std::string authorSources(const std::string &identity, const VersionEvidence &evidence)
{
    std::vector<std::string> sources;
    for (const AuthorSource source : authorSourcesOf(identity, evidence)) {
        switch (source) {
        case AuthorSource::VersionUser:
            sources.push_back("user_id of the version");
            break;
        case AuthorSource::RunUser:
            sources.push_back("mlflow.user of its run");
            break;
        case AuthorSource::VersionAuthorTag:
            sources.push_back(std::string(kAuthorTag) + " tag of the version");
            break;
        case AuthorSource::RunAuthorTag:
            sources.push_back(std::string(kAuthorTag) + " tag of its run");
            break;
        }
    }
    return sources.empty() ? std::string() : " (" + joined(sources, ", ") + ")";
}

std::string recordRef(const ReleaseRecord &record)
{
    return "at " + record.time + " (record " + std::to_string(record.sequence) + ")";
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
            return Error::refused(kRefusedNothingToRevoke,
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
            return Error::refused(kRefusedAlreadyDecided,
                                  me + " already rejected " + what + " " + recordRef(myRejection->record));
        if (const StandingDecision *other = unseen(decisions.approvals))
            return Error::refused(kRefusedConflict,
                                  "approved by " + other->record.reviewer + " " + recordRef(other->record) +
                                      ": " + other->record.comment +
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
            return Error::refused(kRefusedBreakGlass,
                                  "a break-glass reason is only for an author approving their own "
                                  "version, and " +
                                      me + " is not an author of " + what);
        if (!policy.allowBreakGlass)
            return Error::refused(kRefusedBreakGlass, "the release policy of " + status.model +
                                                          " does not allow break-glass: " + authorText +
                                                          " and cannot approve it");
    } else if (author) {
        return Error::refused(
            kRefusedFourEyes,
            authorText + " and cannot approve it" +
                (policy.allowBreakGlass ? " (the release policy allows break-glass with a reason)" : ""));
    }
    if (status.checks.report.anyFailed()) {
        std::vector<std::string> failed;
        for (const CheckResult &check : status.checks.report.checks)
            if (check.status == CheckStatus::Fail)
                failed.push_back(check.title + (check.detail.empty() ? "" : " (" + check.detail + ")"));
        return Error::refused(kRefusedChecksFailed, std::to_string(failed.size()) +
                                                        " required check(s) fail for " + what + ": " +
                                                        joined(failed, "; "));
    }
    for (const StandingDecision &rejection : decisions.rejections)
        if (!sameIdentity(rejection.record.reviewer, me))
            return Error::refused(kRefusedConflict, "rejected by " + rejection.record.reviewer + " at " +
                                                        rejection.record.time + ": " +
                                                        rejection.record.comment +
                                                        "; the rejection stands until " +
                                                        rejection.record.reviewer + " revokes it");
    if (myApproval && myApproval->digestMatches)
        return Error::refused(kRefusedAlreadyDecided,
                              me + " already approved " + what + " " + recordRef(myApproval->record));
    return std::nullopt;
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

namespace detail {

// Whatever failed before the commit point left no record; say so, since "did my decision
// count?" is the one question a failed decision must answer.
Error notRecorded(Error error)
{
    if (error.kind != ErrorKind::Refused && error.kind != ErrorKind::Config)
        error.message = "not recorded: " + error.message;
    return error;
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

// What forbids any write to a model's trail: a broken trail, a writer without enrolment.
std::optional<Error> trailRefusal(const DecisionContext &context)
{
    const ReleaseStatus &status = context.status;
    if (!status.trail.ok)
        return Error::refused(kRefusedTrailBroken, "the release trail of " + status.model + " is broken (" +
                                                       status.trail.reason + "); nothing is appended to it");
    // Enrolled: the ledger index names the reviewer's signature run (the signature is written
    // there before the record, so a run that cannot take it stops the decision unwritten).
    if (context.snapshot.indexParams.count(reviewerIndexKey(status.reviewer)) == 0)
        return Error::refused(kRefusedNotEnrolled, status.reviewer +
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
    context.signatures[text::asciiLower(record.reviewer)].insert(hash);
}

// Reads the signatures the context's snapshot calls for and re-evaluates the status.
Status refreshSignatures(const MlflowClient &client, DecisionContext &context, const CancelToken &cancel)
{
    const ReleaseLedger ledger(client);
    Result<ReviewerSignatures> signatures = readSignatures(ledger, context.snapshot, cancel);
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

} // namespace detail

namespace {

// decideRelease, with the status the reviewer decided on when there is one.
Result<DecisionOutcome> decideWith(const MlflowClient &client, const DecisionRequest &request,
                                   const ReleaseStatus *seen, const CancelToken &cancel)
{
    const std::string reviewer = reviewerIdentity(client.config().credentials);
    if (reviewer.empty())
        return Error::refused(kRefusedNoIdentity,
                              "the workspace has no user identity: a decision must name its reviewer");
    if (request.action == ReleaseAction::Policy)
        return Error::config("a policy change is written with setReleasePolicy");
    if (request.action != ReleaseAction::Approve && !request.breakGlassReason.empty())
        return Error::refused(kRefusedBreakGlass,
                              "a break-glass reason is only for an author's approval, not for a " +
                                  std::string(wireName(request.action)));
    // Bad input is refused before the first request.
    if (Status valid = validateRecordForWrite(draftRecord(request, reviewer)); !valid.ok())
        return valid.error();

    // A status of another version, model or reviewer says nothing about this decision.
    if (seen && (seen->model != request.model || seen->version != request.version ||
                 text::asciiLower(seen->reviewer) != text::asciiLower(reviewer) || seen->digest.empty()))
        seen = nullptr;
    Result<DecisionContext> loaded =
        loadContext(client, request.model, request.version, reviewer, cancel, seen);
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
    status.ledger = context.snapshot;
    status.signatures = context.signatures;
    outcome.after = status;
    return outcome;
}

} // namespace

Result<DecisionOutcome> decideRelease(const MlflowClient &client, const DecisionRequest &request,
                                      const CancelToken &cancel)
{
    return decideWith(client, request, nullptr, cancel);
}

Result<DecisionOutcome> decideRelease(const MlflowClient &client, const DecisionRequest &request,
                                      const ReleaseStatus &seen, const CancelToken &cancel)
{
    return decideWith(client, request, &seen, cancel);
}

} // namespace modelgate
