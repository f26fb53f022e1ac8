#include "modelgate/core/release/release_records.h"

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

constexpr const char *kDeploymentField = "deployment";

bool isKnownField(const std::string &key, bool deployment)
{
    return (deployment && key == kDeploymentField) ||
           std::find_if(kRecordFields.begin(), kRecordFields.end(),
                        [&](const char *f) { return key == f; }) != kRecordFields.end();
}

// A record nests at most a policy (object > thresholds array > threshold object). Checked on
// the raw text before parsing: nlohmann's dump recurses, and a trail parameter is foreign input.
constexpr int kMaxRecordDepth = 8;

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

Json splitToJson(const TrafficSplit &split)
{
    Json object = Json::object();
    for (const auto &[name, percent] : split)
        object[name] = percent;
    return object;
}

Result<TrafficSplit> splitFromJson(const Json &value, const std::string &field)
{
    if (!value.is_object())
        return Error::parse(field, "'" + field + "' must be an object of deployment -> percent");
    TrafficSplit split;
    for (const auto &[name, percent] : value.items()) {
        const auto number = integerField(percent);
        if (name.empty() || !number || *number < 0 || *number > 100)
            return Error::parse(field, "'" + field + "' must map deployment names to whole percents 0..100");
        split[name] = static_cast<int>(*number);
    }
    if (!isValidSplit(split))
        return Error::parse(field, "'" + field + "' must sum to 100 (or be empty)");
    return split;
}

Result<DeploymentChange> deploymentFromJson(const Json &object)
{
    static constexpr std::array<const char *, 6> kFields = {"endpoint",     "name",   "split_after",
                                                            "split_before", "target", "verified_head"};
    if (!object.is_object() || object.size() != kFields.size())
        return Error::parse(kDeploymentField, "'deployment' must be an object of endpoint, name, "
                                              "split_after, split_before, target and verified_head");
    DeploymentChange change;
    for (const auto &[field, target] : std::initializer_list<std::pair<const char *, std::string *>>{
             {"endpoint", &change.endpoint},
             {"name", &change.name},
             {"target", &change.target},
             {"verified_head", &change.verifiedHead}}) {
        if (!object.contains(field) || !object[field].is_string() || object[field].get<std::string>().empty())
            return Error::parse(std::string("deployment.") + field,
                                std::string("'deployment.") + field + "' must be a non-empty string");
        *target = object[field].get<std::string>();
    }
    if (!isHex64(change.verifiedHead))
        return Error::parse("deployment.verified_head",
                            "'deployment.verified_head' must be 64 lower-case hex digits");
    for (const auto &[field, target] : std::initializer_list<std::pair<const char *, TrafficSplit *>>{
             {"split_before", &change.splitBefore}, {"split_after", &change.splitAfter}}) {
        if (!object.contains(field))
            return Error::parse(std::string("deployment.") + field,
                                std::string("'deployment.") + field + "' is missing");
        auto split = splitFromJson(object[field], std::string("deployment.") + field);
        if (!split)
            return split.error();
        *target = std::move(split).value();
    }
    return change;
}

Result<ReleaseRecord> recordFromJson(const Json &object)
{
    // The format version decides which fields a record has, so it is read first.
    const auto version = object.contains("v") ? integerField(object["v"]) : std::nullopt;
    if (!version || (*version != 1 && *version != 2))
        return Error::parse("v", "format version 'v' must be 1 or 2");
    const bool deployment = *version == 2;
    for (const auto &[key, value] : object.items()) {
        if (!isKnownField(key, deployment))
            return Error::parse(key, "unknown field '" + oneLine(key, 60) + "'");
    }
    for (const char *field : kRecordFields) {
        if (!object.contains(field))
            return Error::parse(field, std::string("field '") + field + "' is missing");
    }
    if (deployment && !object.contains(kDeploymentField))
        return Error::parse(kDeploymentField, "field 'deployment' is missing");

    ReleaseRecord record;
    record.formatVersion = static_cast<int>(*version);
    const auto sequence = integerField(object["n"]);
    if (!sequence || *sequence < 1)
        return Error::parse("n", "'n' must be an integer >= 1");
    record.sequence = static_cast<int>(*sequence);

    if (!object["action"].is_string())
        return Error::parse("action", "'action' must be a string");
    const auto action = releaseActionFromString(object["action"].get<std::string>());
    if (!action)
        return Error::parse("action",
                            "unknown action '" + oneLine(object["action"].get<std::string>(), 40) + "'");
    record.action = *action;
    const bool isPolicy = record.action == ReleaseAction::Policy;
    if (isDeploymentAction(record.action) != deployment)
        return Error::parse("action", deployment ? "a version 2 record is a deployment action"
                                                 : "a deployment action is a version 2 record");
    if (deployment) {
        auto change = deploymentFromJson(object[kDeploymentField]);
        if (!change)
            return change.error();
        record.deployment = std::move(change).value();
    }

    for (const char *field : {"model", "reviewer", "time", "comment", "prev", "policy_hash"}) {
        if (!object[field].is_string())
            return Error::parse(field, std::string("'") + field + "' must be a string");
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
            return Error::parse(field, std::string("'") + field + "' is empty");
    }
    // kGenesisHash is 64 hex digits itself, so it passes this check.
    if (!isHex64(record.previousHash))
        return Error::parse("prev", "'prev' must be 64 lower-case hex digits");
    if (!isHex64(record.policyHash))
        return Error::parse("policy_hash", "'policy_hash' must be 64 lower-case hex digits");

    const Json &versionValue = object["version"];
    if (isPolicy ? !versionValue.is_null()
                 : !(versionValue.is_string() && !versionValue.get<std::string>().empty()))
        return Error::parse("version", isPolicy ? "a policy record has 'version' null"
                                                : "'version' must be a non-empty string");
    if (!isPolicy)
        record.version = versionValue.get<std::string>();

    const Json &digest = object["digest"];
    if (isPolicy ? !digest.is_null() : !(digest.is_string() && isHex64(digest.get<std::string>())))
        return Error::parse("digest", isPolicy ? "a policy record has 'digest' null"
                                               : "'digest' must be 64 lower-case hex digits");
    if (!isPolicy)
        record.contentDigest = digest.get<std::string>();

    const Json &breakGlass = object["break_glass"];
    if (!breakGlass.is_null()) {
        if (record.action != ReleaseAction::Approve)
            return Error::parse("break_glass", "only an approval has a 'break_glass' reason");
        if (!breakGlass.is_string() || breakGlass.get<std::string>().empty())
            return Error::parse("break_glass", "'break_glass' must be a non-empty string or null");
        record.breakGlassReason = breakGlass.get<std::string>();
    }

    const Json &revokes = object["revokes"];
    if (record.action == ReleaseAction::Revoke) {
        const auto target = integerField(revokes);
        if (!target || *target < 1 || *target >= record.sequence)
            return Error::parse("revokes", "'revokes' must name an earlier record");
        record.revokes = static_cast<int>(*target);
    } else if (!revokes.is_null()) {
        return Error::parse("revokes", "only a revoke has 'revokes'");
    }

    const Json &policy = object["policy"];
    if (isPolicy) {
        if (!policy.is_object())
            return Error::parse("policy", "a policy record's 'policy' must be an object");
        auto parsed = parseReleasePolicy(canonicalDump(policy));
        if (!parsed)
            return Error::parse("policy." + parsed.error().field, "policy: " + parsed.error().message);
        record.policy = std::move(parsed).value();
        if (record.policyHash != sha256Hex(releasePolicyToJson(*record.policy)))
            return Error::parse("policy_hash",
                                "a policy record's 'policy_hash' is not the hash of its policy");
    } else if (!policy.is_null()) {
        return Error::parse("policy", "only a policy record has 'policy'");
    }

    if (!object["authors"].is_array())
        return Error::parse("authors", "'authors' must be an array of strings");
    for (const auto &author : object["authors"]) {
        if (!author.is_string())
            return Error::parse("authors", "'authors' must be an array of strings");
        record.authors.push_back(author.get<std::string>());
    }

    const Json &checks = object["checks"];
    if (!checks.is_object() || checks.size() != 3)
        return Error::parse("checks", "'checks' must be an object of failed, passed and warnings");
    for (const auto &[field, target] :
         std::initializer_list<std::pair<const char *, int *>>{{"failed", &record.checks.failed},
                                                               {"passed", &record.checks.passed},
                                                               {"warnings", &record.checks.warnings}}) {
        const auto count = checks.contains(field) ? integerField(checks[field]) : std::nullopt;
        if (!count || *count < 0)
            return Error::parse(std::string("checks.") + field,
                                std::string("'checks.") + field + "' must be an integer >= 0");
        *target = static_cast<int>(*count);
    }
    return record;
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
    case ReleaseAction::Deploy:
        return "deploy";
    case ReleaseAction::Traffic:
        return "traffic";
    case ReleaseAction::Rollback:
        return "rollback";
    case ReleaseAction::Undeploy:
        return "undeploy";
    case ReleaseAction::Breach:
        return "breach";
    }
    return "approve";
}

std::optional<ReleaseAction> releaseActionFromString(const std::string &text)
{
    for (const auto action :
         {ReleaseAction::Approve, ReleaseAction::Reject, ReleaseAction::Revoke, ReleaseAction::Policy,
          ReleaseAction::Deploy, ReleaseAction::Traffic, ReleaseAction::Rollback, ReleaseAction::Undeploy,
          ReleaseAction::Breach}) {
        if (text == wireName(action))
            return action;
    }
    return std::nullopt;
}

bool isDeploymentAction(ReleaseAction action)
{
    return action == ReleaseAction::Deploy || action == ReleaseAction::Traffic ||
           action == ReleaseAction::Rollback || action == ReleaseAction::Undeploy ||
           action == ReleaseAction::Breach;
}

bool isValidSplit(const TrafficSplit &split)
{
    int sum = 0;
    for (const auto &[name, percent] : split) {
        if (name.empty() || percent < 0 || percent > 100)
            return false;
        sum += percent;
    }
    return split.empty() || sum == 100;
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
    // Only version 2 has the field: every version 1 record keeps its bytes (and its hash).
    if (record.deployment) {
        const DeploymentChange &change = *record.deployment;
        object[kDeploymentField] = Json::object({{"endpoint", change.endpoint},
                                                 {"name", change.name},
                                                 {"split_after", splitToJson(change.splitAfter)},
                                                 {"split_before", splitToJson(change.splitBefore)},
                                                 {"target", change.target},
                                                 {"verified_head", change.verifiedHead}});
    }
    return canonicalDump(object);
}

Result<ReleaseRecord> parseRecord(const std::string &text)
{
    if (maxNestingDepth(text) > kMaxRecordDepth)
        return Error::parse({}, "nested too deeply to be a record");
    try {
        Json object;
        try {
            object = Json::parse(text);
        } catch (const Json::parse_error &error) {
            return Error::parse({}, std::string("not JSON: ") + error.what());
        }
        if (!object.is_object())
            return Error::parse({}, "not a JSON object");
        // The stored bytes are what is hashed and chained: a hand edit that keeps the meaning
        // (whitespace, key order, escapes, number spelling) must still break the record.
        if (canonicalDump(object) != text)
            return Error::parse({}, "not canonical JSON (re-serialising it gives other bytes)");
        auto record = recordFromJson(object);
        if (!record)
            return record;
        // Also canonical as a record: e.g. a policy whose omitted keys take their defaults,
        // or thresholds out of order, would be a second spelling of the same record.
        if (recordToCanonicalJson(record.value()) != text)
            return Error::parse({}, "not the canonical form of the record it describes");
        return record;
    } catch (const std::exception &error) {
        return Error::parse({}, std::string("unreadable record: ") + error.what());
    }
}

Status validateRecordForWrite(const ReleaseRecord &record)
{
    const bool isPolicy = record.action == ReleaseAction::Policy;
    const bool isDeployment = isDeploymentAction(record.action);
    if (record.formatVersion != (isDeployment ? 2 : 1))
        return Error::config(isDeployment ? "a deployment record has format version 2"
                                          : "a decision or policy record has format version 1");
    if (isDeployment != record.deployment.has_value())
        return Error::config(isDeployment ? "a deployment record must say what changed on the endpoint"
                                          : "only a deployment record carries a deployment");
    if (record.deployment) {
        const DeploymentChange &change = *record.deployment;
        if (change.target.empty() || change.endpoint.empty() || change.name.empty())
            return Error::config("a deployment record names its target, endpoint and deployment");
        if (!isHex64(change.verifiedHead))
            return Error::config("a deployment record's verified head must be 64 lower-case hex digits");
        if (!isValidSplit(change.splitBefore) || !isValidSplit(change.splitAfter))
            return Error::config("a deployment record's splits must be whole percents summing to 100");
    }
    if (record.sequence < 1)
        return Error::config("record sequence must be >= 1");
    if (!isHex64(record.previousHash))
        return Error::config("record prev must be 64 lower-case hex digits");
    if ((record.sequence == 1) != (record.previousHash == kGenesisHash))
        return Error::config("record prev must be the genesis hash exactly for record 1");
    if (!isHex64(record.policyHash))
        return Error::config("record policy hash must be 64 lower-case hex digits");
    for (const auto &[what, value] : std::initializer_list<std::pair<const char *, const std::string *>>{
             {"model", &record.model},
             {"version", &record.version},
             {"reviewer", &record.reviewer},
             {"time", &record.time},
             {"comment", &record.comment},
             {"break-glass reason", &record.breakGlassReason}}) {
        if (!utf8CodePoints(*value))
            return Error::config(std::string("record ") + what + " is not valid UTF-8");
    }
    for (const auto &author : record.authors) {
        if (!utf8CodePoints(author))
            return Error::config("record author is not valid UTF-8");
    }
    if (record.model.empty())
        return Error::config("record model is empty");
    if (isBlank(record.reviewer))
        return Error::config("record reviewer is empty (no identity)");
    if (record.time.empty())
        return Error::config("record time is empty");
    if (isPolicy != record.version.empty())
        return Error::config(isPolicy ? "a policy record names no version" : "record version is empty");
    if (isPolicy ? !record.contentDigest.empty() : !isHex64(record.contentDigest))
        return Error::config(isPolicy ? "a policy record has no content digest"
                                      : "record content digest must be 64 lower-case hex digits");

    const auto commentLength = *utf8CodePoints(record.comment);
    // A deployment's comment is optional: the record says what happened on the endpoint.
    if (!isPolicy && !isDeployment && isBlank(record.comment))
        return Error::config(std::string("a comment is required to ") + wireName(record.action));
    if (commentLength > kMaxCommentChars)
        return Error::config("comment is too long: " + std::to_string(commentLength) +
                             " characters, at most " + std::to_string(kMaxCommentChars));

    if (!record.breakGlassReason.empty()) {
        if (record.action != ReleaseAction::Approve)
            return Error::config("a break-glass reason is only for an approval");
        if (isBlank(record.breakGlassReason))
            return Error::config("break-glass reason is blank");
        const auto reasonLength = *utf8CodePoints(record.breakGlassReason);
        if (reasonLength > kMaxReasonChars)
            return Error::config("break-glass reason is too long: " + std::to_string(reasonLength) +
                                 " characters, at most " + std::to_string(kMaxReasonChars));
    }

    if ((record.action == ReleaseAction::Revoke) != record.revokes.has_value())
        return Error::config(record.revokes ? "only a revoke names a record to revoke"
                                            : "a revoke must name the record it withdraws");
    if (record.revokes && (*record.revokes < 1 || *record.revokes >= record.sequence))
        return Error::config("a revoke must withdraw an earlier record");
    if (isPolicy != record.policy.has_value())
        return Error::config(isPolicy ? "a policy record must carry the policy"
                                      : "only a policy record carries a policy");
    if (record.policy) {
        const auto policyValid = validateReleasePolicy(*record.policy);
        if (!policyValid)
            return Error::config(policyValid.error().message);
        if (record.policyHash != sha256Hex(releasePolicyToJson(*record.policy)))
            return Error::config("a policy record's policy hash must be the hash of its policy");
    }
    if (record.checks.passed < 0 || record.checks.failed < 0 || record.checks.warnings < 0)
        return Error::config("record check counts must be >= 0");

    const auto text = recordToCanonicalJson(record);
    const auto textLength = utf8CodePoints(text).value_or(text.size());
    if (textLength > kMaxRecordChars)
        return Error::config("record is too long: " + std::to_string(textLength) +
                             " characters, MLflow keeps at most " + std::to_string(kMaxRecordChars) +
                             " (shorten the comment)");
    // What is written must read back: never append a record that verification would call malformed.
    const auto reread = parseRecord(text);
    if (!reread)
        return Error::config("record would not read back: " + reread.error().message);
    return success();
}

std::string recordHash(const std::string &canonicalText)
{
    return sha256Hex(canonicalText);
}

} // namespace modelgate
