#pragma once
// Private to core/src/release: what the status, the decisions, the sync and the audit of a
// release review share. A decision starts from the same status a reader sees (loadContext)
// and re-evaluates it after each write (evaluate), so the two never disagree.

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/release/release_ledger.h"
#include "modelgate/core/release/release_status.h"
#include "modelgate/core/util/parallel.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace modelgate::detail {

// What a decision keeps between attempts: the status and what it was computed from.
struct DecisionContext
{
    ReleaseStatus status;
    LedgerSnapshot snapshot;
    ReviewerSignatures signatures;
    TagMap versionTags;
};

std::string policyHash(const ReleasePolicy &policy);

// Section 6, condition 5: the model's policy tag equals the last policy record, or neither exists.
std::vector<std::string> policyProblemsOf(const std::vector<TrailEntry> &entries, const LoadedPolicy &tag);

// Recomputes everything in `status` that follows from the trail, the digest and the tags.
void evaluate(ReleaseStatus &status, const std::map<std::string, std::string> &ledgerParams,
              const ReviewerSignatures &signatures, const TagMap &versionTags);

// The signatures of everyone with a record in the snapshot's trail (a reviewer's first
// decision needs none of theirs read: its signature is added once written).
Result<ReviewerSignatures> readSignatures(const ReleaseLedger &ledger, const LedgerSnapshot &snapshot,
                                          const CancelToken &cancel);

// Loads the status; `signer` (the deciding reviewer) has their signatures read too, so
// that their enrolment is known. The checks and then the manifest (from the version and run
// the checks read) load alongside the ledger and its signatures. With `seen` (the status
// the reviewer decided on, of this version and reviewer) its checks are reused when the
// content digest, computed afresh, and the policy in force are what the reviewer saw. With
// `seenContent` too, its checks and content are taken as they are and only the ledger is read
// (a deployment record names what the gate verified before acting, not the content now).
Result<DecisionContext> loadContext(const MlflowClient &client, const std::string &model,
                                    const std::string &versionOrAlias, const std::string &signer,
                                    const CancelToken &cancel, const ReleaseStatus *seen = nullptr,
                                    bool seenContent = false);

// Runs the independent reads a load starts with (each a callable returning a Result)
// concurrently and gives their results in the order of `loads`; nullopt when `cancel` fired
// before every one had answered.
template <typename... Loads>
auto loadConcurrently(const CancelToken &cancel, Loads... loads)
    -> std::optional<std::tuple<std::invoke_result_t<Loads &>...>>
{
    std::tuple<std::optional<std::invoke_result_t<Loads &>>...> slots;
    std::tuple<Loads &...> work(loads...);
    std::vector<std::function<void()>> tasks;
    // One task per load, by index: clang 14 crashes on a capture of pack elements.
    [&]<std::size_t... Index>(std::index_sequence<Index...>)
    {
        (tasks.emplace_back([&] { std::get<Index>(slots).emplace(std::get<Index>(work)()); }), ...);
    }
    (std::index_sequence_for<Loads...>{});
    parallelInvoke(tasks, sizeof...(Loads), cancel);
    const bool complete = std::apply([](const auto &...slot) { return (slot.has_value() && ...); }, slots);
    if (cancel.isCancelled() || !complete)
        return std::nullopt;
    // Copies, not moves: GCC 12 -O2 warns falsely on moving out of the optional's variant.
    return std::apply([](const auto &...slot) { return std::make_tuple(*slot...); }, slots);
}

// JSON pieces shared by releaseStatusToJson and auditTrailToJson (release_status.cpp).
nlohmann::json nullable(const std::string &text);
nlohmann::json trailJson(const TrailVerification &trail);
// Nested JSON text produced elsewhere in core; null if it cannot be read back.
nlohmann::json embedded(const std::string &text);
std::string indentedJsonText(const nlohmann::json &value, int indent);

} // namespace modelgate::detail
