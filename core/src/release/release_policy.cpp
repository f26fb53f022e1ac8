#include "modelgate/core/release/release_policy.h"

#include "modelgate/core/util/sha256.h"
#include "util/json_text.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

namespace modelgate {

namespace {

using nlohmann::json;

json optionalNumber(const std::optional<double> &value)
{
    return value ? json(*value) : json(nullptr);
}

// A Config error that names the policy field it is about (the editor marks that field).
Error configError(const std::string &field, const std::string &message)
{
    Error error = Error::config(message);
    error.field = field;
    return error;
}

// A number in its shortest round-trip form, for messages.
std::string numberText(double value)
{
    return json(value).dump();
}

const char *typeName(const json &value)
{
    return value.type_name();
}

// Readers for one member: each returns an error naming `field` when the type is wrong.
std::optional<Error> readBool(const json &value, const std::string &field, bool &out)
{
    if (!value.is_boolean())
        return Error::parse(field, field + " must be true or false, not " + typeName(value));
    out = value.get<bool>();
    return std::nullopt;
}

std::optional<Error> readOptionalNumber(const json &value, const std::string &field,
                                        std::optional<double> &out)
{
    if (value.is_null()) {
        out.reset();
        return std::nullopt;
    }
    if (!value.is_number())
        return Error::parse(field, field + " must be a number or null, not " + typeName(value));
    out = value.get<double>();
    return std::nullopt;
}

std::optional<Error> readString(const json &value, const std::string &field, std::string &out)
{
    if (!value.is_string())
        return Error::parse(field, field + " must be a string, not " + typeName(value));
    out = value.get<std::string>();
    return std::nullopt;
}

std::optional<Error> readStringList(const json &value, const std::string &field,
                                    std::vector<std::string> &out)
{
    if (!value.is_array())
        return Error::parse(field, field + " must be an array of strings, not " + typeName(value));
    out.clear();
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string())
            return Error::parse(field + "[" + std::to_string(i) + "]", field + "[" + std::to_string(i) +
                                                                           "] must be a string, not " +
                                                                           typeName(value[i]));
        out.push_back(value[i].get<std::string>());
    }
    return std::nullopt;
}

std::optional<Error> readInt(const json &value, const std::string &field, int &out)
{
    if (!value.is_number_integer())
        return Error::parse(field, field + " must be an integer, not " +
                                       std::string(value.is_number() ? "a fraction" : typeName(value)));
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
            return Error::parse(field, field + " is out of range");
        out = static_cast<int>(number);
        return std::nullopt;
    }
    const auto number = value.get<std::int64_t>();
    if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())
        return Error::parse(field, field + " is out of range");
    out = static_cast<int>(number);
    return std::nullopt;
}

std::optional<Error> readThreshold(const json &value, const std::string &field, MetricThreshold &out)
{
    if (!value.is_object())
        return Error::parse(field,
                            field + " must be an object {metric, at_least, at_most}, not " + typeName(value));
    for (const auto &[key, member] : value.items()) {
        const std::string memberField = field + "." + key;
        std::optional<Error> error;
        if (key == "metric")
            error = readString(member, memberField, out.metric);
        else if (key == "at_least")
            error = readOptionalNumber(member, memberField, out.atLeast);
        else if (key == "at_most")
            error = readOptionalNumber(member, memberField, out.atMost);
        else
            error = Error::parse(memberField, "unknown key '" + key + "' in " + field +
                                                  " (known: metric, at_least, at_most)");
        if (error)
            return error;
    }
    return std::nullopt;
}

Result<ReleasePolicy> readPolicy(const json &document)
{
    if (!document.is_object())
        return Error::parse({}, std::string("the release policy must be a JSON object, not ") +
                                    typeName(document));
    ReleasePolicy policy = defaultReleasePolicy();
    for (const auto &[key, value] : document.items()) {
        std::optional<Error> error;
        if (key == "version") {
            if (!value.is_number_integer() || value.get<std::int64_t>() != 1)
                error =
                    Error::parse(key, "unsupported release policy version " + value.dump() + " (expected 1)");
        } else if (key == "thresholds") {
            if (!value.is_array()) {
                error = Error::parse(key, "thresholds must be an array, not " + std::string(typeName(value)));
            } else {
                policy.thresholds.clear();
                for (std::size_t i = 0; i < value.size() && !error; ++i) {
                    MetricThreshold threshold;
                    error = readThreshold(value[i], "thresholds[" + std::to_string(i) + "]", threshold);
                    policy.thresholds.push_back(std::move(threshold));
                }
            }
        } else if (key == "max_regression_absolute") {
            error = readOptionalNumber(value, key, policy.maxRegressionAbsolute);
        } else if (key == "max_regression_relative") {
            error = readOptionalNumber(value, key, policy.maxRegressionRelative);
        } else if (key == "regression_metrics") {
            error = readStringList(value, key, policy.regressionMetrics);
        } else if (key == "champion_alias") {
            error = readString(value, key, policy.championAlias);
        } else if (key == "require_signature") {
            error = readBool(value, key, policy.requireSignature);
        } else if (key == "require_compatible_signature") {
            error = readBool(value, key, policy.requireCompatibleSignature);
        } else if (key == "require_input_example") {
            error = readBool(value, key, policy.requireInputExample);
        } else if (key == "require_description") {
            error = readBool(value, key, policy.requireDescription);
        } else if (key == "require_finished_run") {
            error = readBool(value, key, policy.requireFinishedRun);
        } else if (key == "required_tags") {
            error = readStringList(value, key, policy.requiredTags);
        } else if (key == "required_approvals") {
            error = readInt(value, key, policy.requiredApprovals);
        } else if (key == "allow_break_glass") {
            error = readBool(value, key, policy.allowBreakGlass);
        } else {
            // A typo ("require_descripton") must not silently relax a rule.
            error = Error::parse(key, "unknown key '" + key + "' in the release policy");
        }
        if (error)
            return *error;
    }
    return policy;
}

} // namespace

ReleasePolicy defaultReleasePolicy()
{
    ReleasePolicy policy;
    policy.maxRegressionAbsolute = 0.01;
    policy.maxRegressionRelative = 0.02;
    return policy;
}

std::string releasePolicyToJson(const ReleasePolicy &policy)
{
    std::vector<MetricThreshold> thresholds = policy.thresholds;
    std::stable_sort(thresholds.begin(), thresholds.end(),
                     [](const MetricThreshold &a, const MetricThreshold &b) { return a.metric < b.metric; });
    json thresholdArray = json::array();
    for (const auto &threshold : thresholds)
        thresholdArray.push_back({{"metric", threshold.metric},
                                  {"at_least", optionalNumber(threshold.atLeast)},
                                  {"at_most", optionalNumber(threshold.atMost)}});
    // nlohmann's object is a std::map: keys come out sorted, numbers in shortest round-trip form.
    const json document{{"version", 1},
                        {"thresholds", std::move(thresholdArray)},
                        {"max_regression_absolute", optionalNumber(policy.maxRegressionAbsolute)},
                        {"max_regression_relative", optionalNumber(policy.maxRegressionRelative)},
                        {"regression_metrics", policy.regressionMetrics},
                        {"champion_alias", policy.championAlias},
                        {"require_signature", policy.requireSignature},
                        {"require_compatible_signature", policy.requireCompatibleSignature},
                        {"require_input_example", policy.requireInputExample},
                        {"require_description", policy.requireDescription},
                        {"require_finished_run", policy.requireFinishedRun},
                        {"required_tags", policy.requiredTags},
                        {"required_approvals", policy.requiredApprovals},
                        {"allow_break_glass", policy.allowBreakGlass}};
    // Invalid UTF-8 (only possible from a caller's own strings) is replaced rather than thrown.
    return jsonText(document);
}

Result<ReleasePolicy> parseReleasePolicy(const std::string &text)
{
    json document;
    try {
        document = json::parse(text);
    } catch (const json::exception &e) {
        return Error::parse({}, std::string("the release policy is not valid JSON: ") + e.what());
    }
    try {
        return readPolicy(document);
    } catch (const json::exception &e) {
        return Error::parse({}, std::string("the release policy could not be read: ") + e.what());
    }
}

Status validateReleasePolicy(const ReleasePolicy &policy)
{
    if (policy.requiredApprovals < 1 || policy.requiredApprovals > 10)
        return configError("required_approvals", "required_approvals must be between 1 and 10, not " +
                                                     std::to_string(policy.requiredApprovals));
    const auto checkMargin = [](const std::optional<double> &margin, const char *name,
                                double upper) -> std::optional<Error> {
        if (!margin)
            return std::nullopt;
        if (!std::isfinite(*margin) || *margin < 0.0)
            return configError(name, std::string(name) + " must be a finite number >= 0, not " +
                                         (std::isfinite(*margin) ? numberText(*margin) : "non-finite"));
        if (*margin > upper)
            return configError(name, std::string(name) + " must be at most " + numberText(upper) + ", not " +
                                         numberText(*margin));
        return std::nullopt;
    };
    if (auto error = checkMargin(policy.maxRegressionAbsolute, "max_regression_absolute",
                                 std::numeric_limits<double>::max()))
        return *error;
    if (auto error = checkMargin(policy.maxRegressionRelative, "max_regression_relative", 1.0))
        return *error;

    std::set<std::string> thresholdMetrics;
    for (std::size_t i = 0; i < policy.thresholds.size(); ++i) {
        const MetricThreshold &threshold = policy.thresholds[i];
        const std::string field = "thresholds[" + std::to_string(i) + "]";
        if (threshold.metric.empty())
            return configError(field + ".metric", field + " has no metric name");
        const std::string name = "the threshold on " + threshold.metric;
        if (!threshold.atLeast && !threshold.atMost)
            return configError(field, name + " has neither at_least nor at_most");
        if ((threshold.atLeast && !std::isfinite(*threshold.atLeast)) ||
            (threshold.atMost && !std::isfinite(*threshold.atMost)))
            return configError(field, name + " has a bound that is not a finite number");
        if (threshold.atLeast && threshold.atMost && *threshold.atLeast > *threshold.atMost)
            return configError(field, name + " has at_least " + numberText(*threshold.atLeast) +
                                          " above at_most " + numberText(*threshold.atMost));
        if (!thresholdMetrics.insert(threshold.metric).second)
            return configError(field, "the metric " + threshold.metric + " has more than one threshold");
    }
    for (const auto &metric : policy.regressionMetrics) {
        if (metric.empty())
            return configError("regression_metrics", "regression_metrics contains an empty metric name");
    }
    for (const auto &tag : policy.requiredTags) {
        if (tag.empty())
            return configError("required_tags", "required_tags contains an empty tag name");
    }
    if (policy.championAlias.empty())
        return configError("champion_alias", "champion_alias must not be empty");
    return success();
}

Result<LoadedPolicy> policyFromTags(const TagMap &registeredModelTags)
{
    LoadedPolicy loaded;
    const auto it = registeredModelTags.find(kReleasePolicyTag);
    if (it == registeredModelTags.end()) {
        loaded.policy = defaultReleasePolicy();
    } else {
        Result<ReleasePolicy> parsed = parseReleasePolicy(it->second);
        if (!parsed.ok()) {
            Error error = parsed.error();
            error.message =
                std::string("the model's tag ") + kReleasePolicyTag + " is unreadable: " + error.message;
            return error;
        }
        // A tag written by hand may hold values no writer of ours would accept (0 approvals):
        // enforcing such a policy would silently weaken the release rules.
        const Status valid = validateReleasePolicy(parsed.value());
        if (!valid.ok())
            return Error::parse(valid.error().field,
                                std::string("the model's tag ") + kReleasePolicyTag +
                                    " holds an invalid policy: " + valid.error().message);
        loaded.policy = std::move(parsed).value();
        loaded.fromTag = true;
        loaded.tagValue = it->second;
    }
    loaded.hash = sha256Hex(releasePolicyToJson(loaded.policy));
    return loaded;
}

} // namespace modelgate
