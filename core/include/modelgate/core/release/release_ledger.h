#pragma once

#include "modelgate/core/release/release_records.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// Where the trail lives on an MLflow server (docs/design/release-records.md):
// - the experiment kLedgerExperimentName holds one "index" run (tag kLedgerIndexTag=true)
//   and one ledger run per registered model (tag kLedgerModelTag=<model name>);
// - the index run's write-once parameters map a model to its ledger run
//   ("ledger.<first 40 hex of sha256(model)>" = run id) and a reviewer to their signature run
//   ("reviewer.<first 40 hex of sha256(lower-case identity)>" = run id);
// - a model's ledger run holds record n as the parameter "record.<n>";
// - each reviewer has an experiment kReviewerExperimentPrefix + identity, created by the
//   admin who enrols them and writable only by them, with one run whose parameters
//   "sig.<record hash>" = "<model>#<n>" say "I wrote this record".
// MLflow refuses to change a logged parameter (INVALID_PARAMETER_VALUE "Changing param
// values is not allowed"), which makes every parameter here write-once; logging the same
// value again succeeds, so a retried write of one's own record is harmless.
inline constexpr const char *kLedgerExperimentName = "modelgate-release-ledger";
inline constexpr const char *kReviewerExperimentPrefix = "modelgate-reviewer:";
inline constexpr const char *kLedgerIndexTag = "modelgate.ledger.index";
inline constexpr const char *kLedgerModelTag = "modelgate.ledger.model";
inline constexpr const char *kSignatureRunTag = "modelgate.signatures.reviewer";

std::string ledgerIndexKey(const std::string &model);         // "ledger.<40 hex>"
std::string reviewerIndexKey(const std::string &identity);    // "reviewer.<40 hex>" (lower-cased first)
std::string signatureParamKey(const std::string &recordHash); // "sig.<hash>"

struct LedgerSnapshot
{
    std::string experimentId; // empty when the ledger experiment does not exist
    std::string indexRunId;   // empty when there is no index run
    std::string ledgerRunId;  // the model's ledger run; empty when the model has none yet
    std::map<std::string, std::string> indexParams;  // every parameter of the index run
    std::map<std::string, std::string> ledgerParams; // every parameter of the model's ledger run
};

enum class AppendOutcome
{
    Written,
    LostRace, // another writer's record n is there: re-read and decide again
};

// The ledger's I/O. Stateless apart from the client; safe to use from several threads.
class ReleaseLedger
{
public:
    explicit ReleaseLedger(const MlflowClient &client);

    // Reads the index and the model's ledger run (a missing experiment or run is not an
    // error: the snapshot says so).
    Result<LedgerSnapshot> read(const std::string &model, const CancelToken &cancel) const;
    // Reads the records again in a snapshot read earlier that has the model's ledger run. The
    // rest never changes once written (the ledger experiment, the index run, whose parameters
    // are write-once), so one request replaces read()'s three; an index entry written since
    // (a reviewer enrolled later) is only found by read().
    Result<LedgerSnapshot> rereadRecords(const LedgerSnapshot &known, const CancelToken &cancel) const;

    // The record hashes each named reviewer signed (lower-cased identity -> hashes), read
    // from their signature runs as the index names them. A reviewer without an index entry
    // is left out of the map (not enrolled); a signature run that cannot be read is an error.
    Result<ReviewerSignatures> readSignatures(const LedgerSnapshot &snapshot,
                                              const std::vector<std::string> &reviewers,
                                              const CancelToken &cancel) const;

    // Appends `record` (its sequence and previousHash already set from `snapshot`): creates
    // the model's ledger run if needed (its index entry is write-once: a loser of that race
    // adopts the winner's run), writes the reviewer's signature first, then the record.
    // LostRace when record n already holds another record. A 403 on any step is an
    // HttpStatus error whose message names the permission missing, e.g. "EDIT permission on
    // experiment 'modelgate-release-ledger'".
    // `ledgerRunId`, when given, receives the run the record went to (created or adopted
    // when the snapshot had none) as soon as it is known.
    Result<AppendOutcome> append(const LedgerSnapshot &snapshot, const ReleaseRecord &record,
                                 const CancelToken &cancel, std::string *ledgerRunId = nullptr) const;

    // Admin side ("modelgate-cli audit grant"): creates the ledger experiment and the index
    // run when missing, gives `identity` EDIT on the ledger experiment, creates their
    // signature experiment and run, gives them EDIT on it, and writes their index entry.
    // Idempotent for an identity already enrolled with the same run. On a server without
    // the auth app (permission endpoints answer 404), the permission steps are skipped and
    // `permissionsSkipped` says so. An index entry that already points elsewhere, or a
    // signature experiment that exists but is not the one indexed, is a Config error.
    struct EnrolResult
    {
        std::string signatureRunId;
        bool alreadyEnrolled = false;
        bool permissionsSkipped = false;
    };
    Result<EnrolResult> enrolReviewer(const std::string &identity, const CancelToken &cancel) const;

    // Gives `identity` a permission ("READ", "EDIT", "MANAGE") on a registered model through
    // the auth app (create, or update when one exists).
    Status grantModelPermission(const std::string &model, const std::string &identity,
                                const std::string &permission, const CancelToken &cancel) const;

private:
    const MlflowClient &m_client;
};

} // namespace modelgate
