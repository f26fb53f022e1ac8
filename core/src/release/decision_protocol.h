#pragma once
// Private to core/src/release: the protocol of a write to a model's trail
// (docs/design/release-records.md, "Writing a decision"), shared by decideRelease and
// setReleasePolicy: refusals before anything is written, the permission probe, the append
// with its retry rule (the commit point), and the re-read after a lost race.

#include "modelgate/core/release/release_decision.h"
#include "release/review_context.h"

#include <optional>
#include <string>

namespace modelgate::detail {

// docs/design/release-records.md, "Writing a decision": a lost race goes back to loading.
constexpr int kMaxAttempts = 5;

// Whatever failed before the commit point left no record; say so, since "did my decision
// count?" is the one question a failed decision must answer.
Error notRecorded(Error error);

std::string utcNow();

// What forbids any write to a model's trail: a broken trail, a writer without enrolment.
std::optional<Error> trailRefusal(const DecisionContext &context);

// The probe's answer: a 403 means the reviewer lacks EDIT on the model (nothing written yet).
Error probeError(Error error, const std::string &model, const char *purpose);

ReleaseRecord draftRecord(const DecisionRequest &request, const std::string &reviewer);

// The ledger run's parameters and the signatures as they are once `record` is written.
void applyWritten(DecisionContext &context, const ReleaseRecord &record, const std::string &text,
                  const std::string &hash);

// Reads the signatures the context's snapshot calls for and re-evaluates the status.
Status refreshSignatures(const MlflowClient &client, DecisionContext &context, const CancelToken &cancel);

Status rereadLedger(const MlflowClient &client, DecisionContext &context, const CancelToken &cancel);

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
        Result<AppendOutcome> appended =
            ledger.append(context.snapshot, record, cancel, &context.snapshot.ledgerRunId);
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
    return Error::refused(kRefusedConflict, "gave up after " + std::to_string(kMaxAttempts) +
                                                " attempts: other reviewers kept writing to the trail of " +
                                                context.status.model + "; try again");
}

} // namespace modelgate::detail
