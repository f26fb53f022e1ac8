#pragma once

#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// One version waiting for a release decision, as the reviewer's inbox lists it.
struct InboxEntry
{
    std::string model;
    ModelVersion version;                     // aliases filled from the registered model
    std::vector<std::string> authors;         // authorIdentities (empty until the run is read)
    ReviewState state = ReviewState::Pending; // replayed without a digest: never Stale here
    std::optional<CheckSummary> checks;       // absent while loading, or when checksError is set
    std::string checksError;                  // English: why the checks could not be evaluated
    std::string championVersion;              // the version it would replace; empty when none
    std::vector<std::string> deciders;        // reviewers with a standing decision, in trail order
    bool mineToReview = false; // not an author, no standing decision, state pending/in_review/stale
    std::string trailProblem;  // English, when the model's trail does not verify (records after
                               // the first broken one are ignored); empty otherwise
};

// The review inbox: every READY version of every registered model that is not Approved and
// not in stage "Archived", newest first (creation time). Each model's trail is read once and
// replayed without content digests (a digest reads every artifact: far too expensive for a
// list) and without signatures; loadReleaseStatus gives the authoritative answer for one
// version. The pre-checks are evaluated like loadReleaseChecks, with each model read once
// and each version's run and signature read once (bounded concurrency). A version whose
// checks cannot be loaded carries checksError; only a failure to list models or versions, or
// to read the ledger, fails the inbox. `progress` (optional) is called on the calling thread
// once the entries and their states are known, before the checks arrive.
// Requests: 2 + 3 for the ledger + 1 per model with a ledger run + 2 per version checked
// (plus its champion's, once per model).
Result<std::vector<InboxEntry>>
loadReviewInbox(const MlflowClient &client, const std::string &reviewer, const CancelToken &cancel,
                const std::function<void(const std::vector<InboxEntry> &soFar)> &progress = {});

} // namespace modelgate
