// Verification of a model's trail (chain, sequence, signatures) and the replay of what its
// records say about one version.
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/workspace/identity.h"
#include "release/name_lists.h"
#include "util/canonical_json.h"
#include "util/text.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace modelgate {

namespace {

using detail::joined;
using detail::oneLine;

struct Standing
{
    StandingDecision decision;
    bool breakGlassAllowedThen = false;
};

std::string approvalsBy(const std::vector<std::string> &names)
{
    return (names.size() == 1 ? "approval by " : "approvals by ") + joined(names);
}

std::string countOf(int count, const char *noun)
{
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

} // namespace

const char *wireName(TrailProblem problem)
{
    switch (problem) {
    case TrailProblem::None:
        return "none";
    case TrailProblem::Malformed:
        return "malformed";
    case TrailProblem::Gap:
        return "gap";
    case TrailProblem::WrongSequence:
        return "wrong_sequence";
    case TrailProblem::BrokenLink:
        return "broken_link";
    case TrailProblem::WrongModel:
        return "wrong_model";
    case TrailProblem::Unsigned:
        return "unsigned";
    case TrailProblem::NotEnrolled:
        return "not_enrolled";
    case TrailProblem::InvalidDecision:
        return "invalid_decision";
    }
    return "none";
}

// Junk under "record." (a key that is not "record.<n>" with n >= 1 and no leading zeros):
// - digits naming a position of the trail ("record.07" with a record 7 or later present) are
//   placed at that position and reported as Malformed there, in the order of the walk;
// - anything else ("record.x", "record.0", "record.", digits beyond the last record) cannot
//   be placed; it is reported before any record is checked, as Malformed with firstBroken 1:
//   with junk of unknown position nothing in the trail counts as verified.
// entries never hold junk (they are the records under proper keys).
TrailVerification verifyTrail(const std::map<std::string, std::string> &ledgerParams,
                              const std::string &model, const ReviewerSignatures *signatures)
{
    static constexpr std::string_view kPrefix = "record.";
    std::map<int, std::string> records;
    std::vector<std::pair<std::string, std::optional<int>>> junk; // key, the position its digits name
    for (const auto &[key, text] : ledgerParams) {
        if (key.compare(0, kPrefix.size(), kPrefix) != 0)
            continue;
        const std::string suffix = key.substr(kPrefix.size());
        const bool digits = !suffix.empty() && std::all_of(suffix.begin(), suffix.end(),
                                                           [](char c) { return c >= '0' && c <= '9'; });
        const std::string significant =
            digits ? suffix.substr(std::min(suffix.find_first_not_of('0'), suffix.size())) : "";
        // Nine digits keep std::stoi in range; a longer key is junk.
        const std::optional<int> position = !significant.empty() && significant.size() <= 9
                                                ? std::optional<int>(std::stoi(significant))
                                                : std::nullopt;
        if (position && significant == suffix)
            records.emplace(*position, text);
        else
            junk.emplace_back(key, position);
    }
    const int last = records.empty() ? 0 : records.rbegin()->first;
    std::map<int, std::string> placedJunk; // position -> the first junk key there
    std::vector<std::string> unplacedJunk;
    for (const auto &[key, position] : junk) {
        if (position && *position <= last)
            placedJunk.emplace(*position, key);
        else
            unplacedJunk.push_back(key);
    }

    TrailVerification result;
    for (const auto &[sequence, text] : records) {
        TrailEntry entry;
        entry.sequence = sequence;
        entry.text = text;
        entry.hash = recordHash(text);
        if (auto parsed = parseRecord(text))
            entry.record = std::move(parsed).value();
        result.entries.push_back(std::move(entry));
    }
    result.recordCount = static_cast<int>(result.entries.size());

    auto fail = [&result](int sequence, TrailProblem problem, std::string reason) {
        result.ok = false;
        result.firstBroken = sequence;
        result.problem = problem;
        result.reason = std::move(reason);
        result.headHash.clear();
        return result;
    };
    if (!unplacedJunk.empty())
        return fail(1, TrailProblem::Malformed,
                    "parameter '" + oneLine(unplacedJunk.front(), 60) + "' is junk under the record keys");

    std::map<std::pair<std::string, std::string>, int> standing; // (version, reviewer) -> record
    std::string expectedPrevious = kGenesisHash;
    auto entry = result.entries.begin();
    for (int position = 1; position <= last; ++position) {
        const std::string label = "record " + std::to_string(position);
        if (const auto found = placedJunk.find(position); found != placedJunk.end())
            return fail(position, TrailProblem::Malformed,
                        label + ": junk under key '" + oneLine(found->second, 60) + "' (not a record key)");
        if (entry == result.entries.end() || entry->sequence != position)
            return fail(position, TrailProblem::Gap,
                        label + " is missing (the trail goes on to record " + std::to_string(last) + ")");
        if (!entry->record) {
            const auto parsed = parseRecord(entry->text);
            return fail(position, TrailProblem::Malformed, label + ": " + parsed.error().message);
        }
        const ReleaseRecord &record = *entry->record;
        if (record.sequence != position)
            return fail(position, TrailProblem::WrongSequence,
                        label + ": its n is " + std::to_string(record.sequence));
        if (record.previousHash != expectedPrevious)
            return fail(position, TrailProblem::BrokenLink,
                        position == 1 ? label + ": prev is not the genesis hash"
                                      : label + ": prev does not match the hash of record " +
                                            std::to_string(position - 1));
        if (record.model != model)
            return fail(position, TrailProblem::WrongModel,
                        label + ": names model '" + oneLine(record.model, 60) + "', not '" +
                            oneLine(model, 60) + "'");
        const std::string reviewer = text::asciiLower(record.reviewer);
        if (signatures) {
            const auto signer = signatures->find(reviewer);
            if (signer == signatures->end())
                return fail(position, TrailProblem::NotEnrolled,
                            label + ": reviewer '" + oneLine(record.reviewer, 60) + "' is not enrolled");
            if (signer->second.count(entry->hash) == 0)
                return fail(position, TrailProblem::Unsigned,
                            label + ": reviewer '" + oneLine(record.reviewer, 60) + "' has not signed it");
        }
        const auto key = std::pair{record.version, reviewer};
        if (record.action == ReleaseAction::Approve || record.action == ReleaseAction::Reject) {
            standing[key] = position;
        } else if (record.action == ReleaseAction::Revoke) {
            const auto held = standing.find(key);
            if (held == standing.end() || held->second != *record.revokes)
                return fail(position, TrailProblem::InvalidDecision,
                            label + ": revokes record " + std::to_string(*record.revokes) +
                                ", which is not a standing decision of '" + oneLine(record.reviewer, 60) +
                                "' on version " + oneLine(record.version, 20));
            standing.erase(held);
        }
        expectedPrevious = entry->hash;
        ++entry;
    }
    result.headHash = expectedPrevious;
    return result;
}

const char *wireName(ReviewState state)
{
    switch (state) {
    case ReviewState::Pending:
        return "pending";
    case ReviewState::InReview:
        return "in_review";
    case ReviewState::Approved:
        return "approved";
    case ReviewState::Rejected:
        return "rejected";
    case ReviewState::Stale:
        return "stale";
    }
    return "pending";
}

std::optional<ReviewState> reviewStateFromString(const std::string &text)
{
    for (const auto state : {ReviewState::Pending, ReviewState::InReview, ReviewState::Approved,
                             ReviewState::Rejected, ReviewState::Stale}) {
        if (text == wireName(state))
            return state;
    }
    return std::nullopt;
}

std::optional<ReleasePolicy> policyInForce(const std::vector<TrailEntry> &entries)
{
    std::optional<ReleasePolicy> policy;
    for (const auto &entry : entries) {
        if (entry.record && entry.record->action == ReleaseAction::Policy && entry.record->policy)
            policy = entry.record->policy;
    }
    return policy;
}

// A break-glass approval counts only when the policy allowed break-glass when it was given
// and still allows it at the end of the trail: turning break-glass off withdraws its effect.
VersionDecisions replayVersion(const std::vector<TrailEntry> &entries, const std::string &version,
                               const std::string *currentDigest)
{
    VersionDecisions out;
    ReleasePolicy policy = defaultReleasePolicy();
    std::map<std::string, Standing> standing; // lower-cased reviewer -> decision
    for (const auto &entry : entries) {
        if (!entry.record)
            continue;
        const ReleaseRecord &record = *entry.record;
        if (record.action == ReleaseAction::Policy && record.policy)
            policy = *record.policy;
        // Deployment records say what served where; they change no approval (section 9), and
        // the tag view follows decisions only.
        if (record.action == ReleaseAction::Policy || isDeploymentAction(record.action) ||
            record.version != version)
            continue;
        out.lastRecord = record;
        out.lastRecordHash = entry.hash;
        const std::string reviewer = text::asciiLower(record.reviewer);
        if (record.action == ReleaseAction::Revoke) {
            const auto held = standing.find(reviewer);
            if (held != standing.end() && held->second.decision.record.sequence == record.revokes.value_or(0))
                standing.erase(held);
            continue;
        }
        Standing decision;
        decision.decision.record = record;
        decision.decision.hash = entry.hash;
        decision.decision.author = isAuthor(record.reviewer, record.authors);
        decision.decision.digestMatches = !currentDigest || record.contentDigest == *currentDigest;
        decision.breakGlassAllowedThen = policy.allowBreakGlass;
        standing[reviewer] = std::move(decision);
    }
    out.requiredApprovals = policy.requiredApprovals;

    std::vector<Standing> ordered;
    for (auto &[reviewer, decision] : standing)
        ordered.push_back(std::move(decision));
    std::sort(ordered.begin(), ordered.end(), [](const Standing &a, const Standing &b) {
        return a.decision.record.sequence < b.decision.record.sequence;
    });
    std::vector<std::string> counted, stale, authorsOnly, breakGlassRefused, breakGlassBy;
    for (auto &item : ordered) {
        StandingDecision &decision = item.decision;
        if (decision.record.action == ReleaseAction::Reject) {
            out.rejections.push_back(std::move(decision));
            continue;
        }
        const bool breakGlass = decision.author && !decision.record.breakGlassReason.empty();
        decision.counts =
            !decision.author || (breakGlass && item.breakGlassAllowedThen && policy.allowBreakGlass);
        out.breakGlass = out.breakGlass || breakGlass;
        const std::string &name = decision.record.reviewer;
        if (!decision.counts)
            (breakGlass ? breakGlassRefused : authorsOnly).push_back(name);
        else if (!decision.digestMatches)
            stale.push_back(name);
        else
            counted.push_back(name);
        if (decision.counts && breakGlass)
            breakGlassBy.push_back(name);
        out.approvals.push_back(std::move(decision));
    }

    const int required = out.requiredApprovals;
    const int have = static_cast<int>(counted.size());
    if (!out.rejections.empty()) {
        out.state = ReviewState::Rejected;
        const ReleaseRecord &latest = out.rejections.back().record;
        out.reason = "rejected by " + oneLine(latest.reviewer, 60) + " at " + oneLine(latest.time, 40) +
                     ": " + oneLine(latest.comment);
        if (out.rejections.size() > 1)
            out.reason += " (" + std::to_string(out.rejections.size()) + " standing rejections)";
        return out;
    }
    if (have >= required) {
        out.state = ReviewState::Approved;
        out.reason = "approved by " + joined(counted);
        if (!breakGlassBy.empty())
            out.reason += " (break-glass self-approval by " + joined(breakGlassBy) + ")";
        return out;
    }
    if (have + static_cast<int>(stale.size()) >= required) {
        out.state = ReviewState::Stale;
        out.reason = approvalsBy(stale) + (stale.size() == 1 ? " was" : " were") +
                     " given to other content (digest changed)";
        return out;
    }
    out.state = out.approvals.empty() ? ReviewState::Pending : ReviewState::InReview;
    out.reason = (out.approvals.empty() ? "no decision yet; needs " : "needs ") +
                 countOf(required, "approval") +
                 (out.approvals.empty() ? "" : ", has " + std::to_string(have));
    if (!stale.empty())
        out.reason += "; " + approvalsBy(stale) + (stale.size() == 1 ? " was" : " were") +
                      " given to other content (digest changed)";
    if (!authorsOnly.empty())
        out.reason += "; " + approvalsBy(authorsOnly) + (authorsOnly.size() == 1 ? " does" : " do") +
                      " not count (an author of the version)";
    if (!breakGlassRefused.empty())
        out.reason += "; break-glass " + approvalsBy(breakGlassRefused) +
                      (breakGlassRefused.size() == 1 ? " does" : " do") +
                      " not count (the policy does not allow break-glass)";
    return out;
}

std::vector<TrailEntry> trustedEntries(const TrailVerification &trail)
{
    if (trail.ok || !trail.firstBroken)
        return trail.entries;
    std::vector<TrailEntry> entries;
    for (const TrailEntry &entry : trail.entries)
        if (entry.sequence < *trail.firstBroken)
            entries.push_back(entry);
    return entries;
}

} // namespace modelgate
