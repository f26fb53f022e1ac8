#include "modelgate/core/release/release_records.h"

#include "modelgate/core/mlflow/model_filter.h"
#include "modelgate/core/util/sha256.h"
#include "modelgate/core/workspace/identity.h"
#include "util/canonical_json.h"

#include <algorithm>
#include <array>
#include <climits>
#include <exception>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

namespace modelgate {

namespace {

using Json = nlohmann::json;
using detail::canonicalDump;
using detail::maxNestingDepth;
using detail::oneLine;
using detail::utf8CodePoints;

constexpr std::array<const char *, 16> kRecordFields = {
    "action", "authors",     "break_glass", "checks",   "comment", "digest", "model", "n",
    "policy", "policy_hash", "prev",        "reviewer", "revokes", "time",   "v",     "version"};

// A record nests at most a policy (object > thresholds array > threshold object). Checked on
// the raw text before parsing: nlohmann's dump recurses, and a trail parameter is foreign input.
constexpr int kMaxRecordDepth = 8;

Error parseError(std::string field, std::string message)
{
    Error error;
    error.kind = ErrorKind::Parse;
    error.field = std::move(field);
    error.message = std::move(message);
    return error;
}

Error configError(std::string message)
{
    Error error;
    error.kind = ErrorKind::Config;
    error.message = std::move(message);
    return error;
}

bool isHex64(const std::string &text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool isBlank(const std::string &text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

std::optional<std::int64_t> integerField(const Json &value)
{
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(INT_MAX))
            return std::nullopt;
        return static_cast<std::int64_t>(number);
    }
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    return std::nullopt;
}

Json checksToJson(const CheckSummary &checks)
{
    return Json::object(
        {{"failed", checks.failed}, {"passed", checks.passed}, {"warnings", checks.warnings}});
}

Json nullIfEmpty(const std::string &text)
{
    return text.empty() ? Json(nullptr) : Json(text);
}

Result<ReleaseRecord> recordFromJson(const Json &object)
{
    for (const auto &[key, value] : object.items()) {
        if (std::find_if(kRecordFields.begin(), kRecordFields.end(),
                         [&](const char *f) { return key == f; }) == kRecordFields.end())
            return parseError(key, "unknown field '" + oneLine(key, 60) + "'");
    }
    for (const char *field : kRecordFields) {
        if (!object.contains(field))
            return parseError(field, std::string("field '") + field + "' is missing");
    }

    ReleaseRecord record;
    const auto version = integerField(object["v"]);
    if (!version || *version != 1)
        return parseError("v", "format version 'v' must be 1");
    const auto sequence = integerField(object["n"]);
    if (!sequence || *sequence < 1)
        return parseError("n", "'n' must be an integer >= 1");
    record.sequence = static_cast<int>(*sequence);

    if (!object["action"].is_string())
        return parseError("action", "'action' must be a string");
    const auto action = releaseActionFromString(object["action"].get<std::string>());
    if (!action)
        return parseError("action",
                          "unknown action '" + oneLine(object["action"].get<std::string>(), 40) + "'");
    record.action = *action;
    const bool isPolicy = record.action == ReleaseAction::Policy;

    for (const char *field : {"model", "reviewer", "time", "comment", "prev", "policy_hash"}) {
        if (!object[field].is_string())
            return parseError(field, std::string("'") + field + "' must be a string");
    }
    record.model = object["model"].get<std::string>();
    record.reviewer = object["reviewer"].get<std::string>();
    record.time = object["time"].get<std::string>();
    record.comment = object["comment"].get<std::string>();
    record.previousHash = object["prev"].get<std::string>();
    record.policyHash = object["policy_hash"].get<std::string>();
    for (const auto &[field, value] : std::initializer_list<std::pair<const char *, const std::string *>>{
             {"model", &record.model}, {"reviewer", &record.reviewer}, {"time", &record.time}}) {
        if (value->empty())
            return parseError(field, std::string("'") + field + "' is empty");
    }
    // kGenesisHash is 64 hex digits itself, so it passes this check.
    if (!isHex64(record.previousHash))
        return parseError("prev", "'prev' must be 64 lower-case hex digits");
    if (!isHex64(record.policyHash))
        return parseError("policy_hash", "'policy_hash' must be 64 lower-case hex digits");

    const Json &versionValue = object["version"];
    if (isPolicy ? !versionValue.is_null()
                 : !(versionValue.is_string() && !versionValue.get<std::string>().empty()))
        return parseError("version", isPolicy ? "a policy record has 'version' null"
                                              : "'version' must be a non-empty string");
    if (!isPolicy)
        record.version = versionValue.get<std::string>();

    const Json &digest = object["digest"];
    if (isPolicy ? !digest.is_null() : !(digest.is_string() && isHex64(digest.get<std::string>())))
        return parseError("digest", isPolicy ? "a policy record has 'digest' null"
                                             : "'digest' must be 64 lower-case hex digits");
    if (!isPolicy)
        record.contentDigest = digest.get<std::string>();

    const Json &breakGlass = object["break_glass"];
    if (!breakGlass.is_null()) {
        if (record.action != ReleaseAction::Approve)
            return parseError("break_glass", "only an approval has a 'break_glass' reason");
        if (!breakGlass.is_string() || breakGlass.get<std::string>().empty())
            return parseError("break_glass", "'break_glass' must be a non-empty string or null");
        record.breakGlassReason = breakGlass.get<std::string>();
    }

    const Json &revokes = object["revokes"];
    if (record.action == ReleaseAction::Revoke) {
        const auto target = integerField(revokes);
        if (!target || *target < 1 || *target >= record.sequence)
            return parseError("revokes", "'revokes' must name an earlier record");
        record.revokes = static_cast<int>(*target);
    } else if (!revokes.is_null()) {
        return parseError("revokes", "only a revoke has 'revokes'");
    }

    const Json &policy = object["policy"];
    if (isPolicy) {
        if (!policy.is_object())
            return parseError("policy", "a policy record's 'policy' must be an object");
        auto parsed = parseReleasePolicy(canonicalDump(policy));
        if (!parsed)
            return parseError("policy." + parsed.error().field, "policy: " + parsed.error().message);
        record.policy = std::move(parsed).value();
        if (record.policyHash != sha256Hex(releasePolicyToJson(*record.policy)))
            return parseError("policy_hash", "a policy record's 'policy_hash' is not the hash of its policy");
    } else if (!policy.is_null()) {
        return parseError("policy", "only a policy record has 'policy'");
    }

    if (!object["authors"].is_array())
        return parseError("authors", "'authors' must be an array of strings");
    for (const auto &author : object["authors"]) {
        if (!author.is_string())
            return parseError("authors", "'authors' must be an array of strings");
        record.authors.push_back(author.get<std::string>());
    }

    const Json &checks = object["checks"];
    if (!checks.is_object() || checks.size() != 3)
        return parseError("checks", "'checks' must be an object of failed, passed and warnings");
    for (const auto &[field, target] :
         std::initializer_list<std::pair<const char *, int *>>{{"failed", &record.checks.failed},
                                                               {"passed", &record.checks.passed},
                                                               {"warnings", &record.checks.warnings}}) {
        const auto count = checks.contains(field) ? integerField(checks[field]) : std::nullopt;
        if (!count || *count < 0)
            return parseError(std::string("checks.") + field,
                              std::string("'checks.") + field + "' must be an integer >= 0");
        *target = static_cast<int>(*count);
    }
    return record;
}

struct Standing
{
    StandingDecision decision;
    bool breakGlassAllowedThen = false;
};

std::string joinNames(const std::vector<std::string> &names)
{
    std::string out;
    for (const auto &name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

std::string approvalsBy(const std::vector<std::string> &names)
{
    return (names.size() == 1 ? "approval by " : "approvals by ") + joinNames(names);
}

std::string countOf(int count, const char *noun)
{
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::vector<std::string> sortedCaseInsensitive(std::vector<std::string> names)
{
    std::sort(names.begin(), names.end(), [](const std::string &a, const std::string &b) {
        const auto la = asciiLower(a);
        const auto lb = asciiLower(b);
        return la != lb ? la < lb : a < b;
    });
    return names;
}

} // namespace

const char *wireName(ReleaseAction action)
{
    switch (action) {
    case ReleaseAction::Approve:
        return "approve";
    case ReleaseAction::Reject:
        return "reject";
    case ReleaseAction::Revoke:
        return "revoke";
    case ReleaseAction::Policy:
        return "policy";
    }
    return "approve";
}

std::optional<ReleaseAction> releaseActionFromString(const std::string &text)
{
    for (const auto action :
         {ReleaseAction::Approve, ReleaseAction::Reject, ReleaseAction::Revoke, ReleaseAction::Policy}) {
        if (text == wireName(action))
            return action;
    }
    return std::nullopt;
}

std::string recordParamKey(int sequence)
{
    return "record." + std::to_string(sequence);
}

std::string recordToCanonicalJson(const ReleaseRecord &record)
{
    Json policy = nullptr;
    if (record.policy) {
        // releasePolicyToJson is canonical text; embed it as an object so the record stays
        // one JSON document (a nested string would double-escape every quote).
        policy = Json::parse(releasePolicyToJson(*record.policy), nullptr, false);
        if (policy.is_discarded())
            policy = nullptr;
    }
    Json object = Json::object();
    object["action"] = wireName(record.action);
    object["authors"] = record.authors;
    object["break_glass"] = nullIfEmpty(record.breakGlassReason);
    object["checks"] = checksToJson(record.checks);
    object["comment"] = record.comment;
    object["digest"] = nullIfEmpty(record.contentDigest);
    object["model"] = record.model;
    object["n"] = record.sequence;
    object["policy"] = std::move(policy);
    object["policy_hash"] = record.policyHash;
    object["prev"] = record.previousHash;
    object["reviewer"] = record.reviewer;
    object["revokes"] = record.revokes ? Json(*record.revokes) : Json(nullptr);
    object["time"] = record.time;
    object["v"] = record.formatVersion;
    object["version"] = nullIfEmpty(record.version);
    return canonicalDump(object);
}

Result<ReleaseRecord> parseRecord(const std::string &text)
{
    if (maxNestingDepth(text) > kMaxRecordDepth)
        return parseError({}, "nested too deeply to be a record");
    try {
        Json object;
        try {
            object = Json::parse(text);
        } catch (const Json::parse_error &error) {
            return parseError({}, std::string("not JSON: ") + error.what());
        }
        if (!object.is_object())
            return parseError({}, "not a JSON object");
        // The stored bytes are what is hashed and chained: a hand edit that keeps the meaning
        // (whitespace, key order, escapes, number spelling) must still break the record.
        if (canonicalDump(object) != text)
            return parseError({}, "not canonical JSON (re-serialising it gives other bytes)");
        auto record = recordFromJson(object);
        if (!record)
            return record;
        // Also canonical as a record: e.g. a policy whose omitted keys take their defaults,
        // or thresholds out of order, would be a second spelling of the same record.
        if (recordToCanonicalJson(record.value()) != text)
            return parseError({}, "not the canonical form of the record it describes");
        return record;
    } catch (const std::exception &error) {
        return parseError({}, std::string("unreadable record: ") + error.what());
    }
}

Status validateRecordForWrite(const ReleaseRecord &record)
{
    const bool isPolicy = record.action == ReleaseAction::Policy;
    if (record.formatVersion != 1)
        return configError("record format version must be 1");
    if (record.sequence < 1)
        return configError("record sequence must be >= 1");
    if (!isHex64(record.previousHash))
        return configError("record prev must be 64 lower-case hex digits");
    if ((record.sequence == 1) != (record.previousHash == kGenesisHash))
        return configError("record prev must be the genesis hash exactly for record 1");
    if (!isHex64(record.policyHash))
        return configError("record policy hash must be 64 lower-case hex digits");
    for (const auto &[what, value] : std::initializer_list<std::pair<const char *, const std::string *>>{
             {"model", &record.model},
             {"version", &record.version},
             {"reviewer", &record.reviewer},
             {"time", &record.time},
             {"comment", &record.comment},
             {"break-glass reason", &record.breakGlassReason}}) {
        if (!utf8CodePoints(*value))
            return configError(std::string("record ") + what + " is not valid UTF-8");
    }
    for (const auto &author : record.authors) {
        if (!utf8CodePoints(author))
            return configError("record author is not valid UTF-8");
    }
    if (record.model.empty())
        return configError("record model is empty");
    if (isBlank(record.reviewer))
        return configError("record reviewer is empty (no identity)");
    if (record.time.empty())
        return configError("record time is empty");
    if (isPolicy != record.version.empty())
        return configError(isPolicy ? "a policy record names no version" : "record version is empty");
    if (isPolicy ? !record.contentDigest.empty() : !isHex64(record.contentDigest))
        return configError(isPolicy ? "a policy record has no content digest"
                                    : "record content digest must be 64 lower-case hex digits");

    const auto commentLength = *utf8CodePoints(record.comment);
    if (!isPolicy && isBlank(record.comment))
        return configError(std::string("a comment is required to ") + wireName(record.action));
    if (commentLength > kMaxCommentChars)
        return configError("comment is too long: " + std::to_string(commentLength) + " characters, at most " +
                           std::to_string(kMaxCommentChars));

    if (!record.breakGlassReason.empty()) {
        if (record.action != ReleaseAction::Approve)
            return configError("a break-glass reason is only for an approval");
        if (isBlank(record.breakGlassReason))
            return configError("break-glass reason is blank");
        const auto reasonLength = *utf8CodePoints(record.breakGlassReason);
        if (reasonLength > kMaxReasonChars)
            return configError("break-glass reason is too long: " + std::to_string(reasonLength) +
                               " characters, at most " + std::to_string(kMaxReasonChars));
    }

    if ((record.action == ReleaseAction::Revoke) != record.revokes.has_value())
        return configError(record.revokes ? "only a revoke names a record to revoke"
                                          : "a revoke must name the record it withdraws");
    if (record.revokes && (*record.revokes < 1 || *record.revokes >= record.sequence))
        return configError("a revoke must withdraw an earlier record");
    if (isPolicy != record.policy.has_value())
        return configError(isPolicy ? "a policy record must carry the policy"
                                    : "only a policy record carries a policy");
    if (record.policy) {
        const auto policyValid = validateReleasePolicy(*record.policy);
        if (!policyValid)
            return configError(policyValid.error().message);
        if (record.policyHash != sha256Hex(releasePolicyToJson(*record.policy)))
            return configError("a policy record's policy hash must be the hash of its policy");
    }
    if (record.checks.passed < 0 || record.checks.failed < 0 || record.checks.warnings < 0)
        return configError("record check counts must be >= 0");

    const auto text = recordToCanonicalJson(record);
    const auto textLength = utf8CodePoints(text).value_or(text.size());
    if (textLength > kMaxRecordChars)
        return configError("record is too long: " + std::to_string(textLength) +
                           " characters, MLflow keeps at most " + std::to_string(kMaxRecordChars) +
                           " (shorten the comment)");
    // What is written must read back: never append a record that verification would call malformed.
    const auto reread = parseRecord(text);
    if (!reread)
        return configError("record would not read back: " + reread.error().message);
    return success();
}

std::string recordHash(const std::string &canonicalText)
{
    return sha256Hex(canonicalText);
}

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
        const std::string reviewer = asciiLower(record.reviewer);
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
        if (record.action == ReleaseAction::Policy || record.version != version)
            continue;
        out.lastRecord = record;
        out.lastRecordHash = entry.hash;
        const std::string reviewer = asciiLower(record.reviewer);
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
        out.reason = "approved by " + joinNames(counted);
        if (!breakGlassBy.empty())
            out.reason += " (break-glass self-approval by " + joinNames(breakGlassBy) + ")";
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

std::map<std::string, std::string> expectedReviewTags(const VersionDecisions &decisions)
{
    if (!decisions.lastRecord)
        return {};
    // The tag view is written when a decision is made; a later content change must not make
    // it wrong, so the status here ignores digests (Stale is only ever computed, never tagged).
    ReviewState state = ReviewState::Pending;
    const auto counting = std::count_if(decisions.approvals.begin(), decisions.approvals.end(),
                                        [](const StandingDecision &d) { return d.counts; });
    if (!decisions.rejections.empty())
        state = ReviewState::Rejected;
    else if (counting >= decisions.requiredApprovals)
        state = ReviewState::Approved;
    else if (!decisions.approvals.empty())
        state = ReviewState::InReview;

    std::vector<std::string> deciders;
    for (const auto *list : {&decisions.approvals, &decisions.rejections}) {
        for (const auto &decision : *list)
            deciders.push_back(decision.record.reviewer);
    }
    const ReleaseRecord &last = *decisions.lastRecord;
    return {
        {kReviewStatusTag, wireName(state)},
        {kReviewReviewersTag, joinNames(sortedCaseInsensitive(std::move(deciders)))},
        {kReviewTimeTag, last.time},
        {kReviewCommentTag, last.comment},
        {kReviewRecordTag, std::to_string(last.sequence) + ":" + decisions.lastRecordHash},
        {kReviewBreakGlassTag, decisions.breakGlass ? "true" : "false"},
    };
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

std::vector<ReviewTagDifference> reviewTagDifferences(const std::map<std::string, std::string> &expected,
                                                      const TagMap &versionTags)
{
    std::vector<ReviewTagDifference> differences;
    for (const char *tag : {kReviewStatusTag, kReviewReviewersTag, kReviewTimeTag, kReviewCommentTag,
                            kReviewRecordTag, kReviewBreakGlassTag}) {
        const auto want = expected.find(tag);
        const auto have = versionTags.find(tag);
        const bool differs = want == expected.end()
                                 ? have != versionTags.end()
                                 : have == versionTags.end() || have->second != want->second;
        if (!differs)
            continue;
        ReviewTagDifference difference;
        difference.tag = tag;
        if (have != versionTags.end())
            difference.actual = have->second;
        if (want != expected.end())
            difference.expected = want->second;
        differences.push_back(std::move(difference));
    }
    return differences;
}

std::string describeTagDifference(const ReviewTagDifference &difference)
{
    const std::string tag = "tag " + difference.tag;
    if (!difference.expected)
        return tag + " is '" + oneLine(difference.actual.value_or(""), 60) +
               "' but the trail has no record of this version";
    if (!difference.actual)
        return tag + " is missing (the trail says '" + oneLine(*difference.expected, 60) + "')";
    return tag + " is '" + oneLine(*difference.actual, 60) + "', the trail says '" +
           oneLine(*difference.expected, 60) + "'";
}

std::vector<std::string> reviewTagMismatches(const std::map<std::string, std::string> &expected,
                                             const TagMap &versionTags)
{
    std::vector<std::string> problems;
    for (const ReviewTagDifference &difference : reviewTagDifferences(expected, versionTags))
        problems.push_back(describeTagDifference(difference));
    return problems;
}

} // namespace modelgate
