#pragma once

#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <optional>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// One absolute requirement on a candidate's final metric value ("auc >= 0.80").
struct MetricThreshold
{
    std::string metric;
    std::optional<double> atLeast; // the value must be >= atLeast
    std::optional<double> atMost;  // the value must be <= atMost

    bool operator==(const MetricThreshold &) const = default;
};

// The release rules of one registered model. Kept on the server with the model, in the
// registered-model tag kReleasePolicyTag (canonical JSON, see releasePolicyToJson); every
// change is also written to the model's release ledger as a "policy" record, and
// verification refuses a tag that does not match the latest policy record.
struct ReleasePolicy
{
    std::vector<MetricThreshold> thresholds;

    // Regression against the champion: a metric with a direction (metric_direction.h) may
    // be worse than the champion's by at most this much. Both absent: no regression check.
    // When both are set, a metric fails only if it exceeds BOTH (a small absolute change
    // on a tiny value is not a regression worth blocking; say so in the check's detail).
    std::optional<double> maxRegressionAbsolute; // e.g. 0.01 (one point of AUC)
    std::optional<double> maxRegressionRelative; // e.g. 0.02 (2 % of the champion's value)
    std::vector<std::string> regressionMetrics;  // empty: every metric both runs logged that has a direction
    std::string championAlias = "champion";

    bool requireSignature = true;           // the MLmodel has a signature
    bool requireCompatibleSignature = true; // no breaking change against the champion's signature
    bool requireInputExample = false;       // the MLmodel names a saved input example
    bool requireDescription = true;         // the model version has a non-blank description
    bool requireFinishedRun = true;         // the source run exists and is FINISHED
    std::vector<std::string> requiredTags;  // model-version tags that must be present and non-blank

    int requiredApprovals = 1;    // distinct non-author approvers, 1..10
    bool allowBreakGlass = false; // an author may self-approve, with a mandatory reason, audited

    bool operator==(const ReleasePolicy &) const = default;
};

// The registered-model tag holding the policy.
inline constexpr const char *kReleasePolicyTag = "modelgate.release_policy";

// Defaults: no thresholds, regression margins absolute 0.01 and relative 0.02 against
// @champion, signature required and compatible, description required, finished run
// required, input example not required, one approval, no break-glass.
ReleasePolicy defaultReleasePolicy();

// Canonical JSON (sorted keys, no spaces, every field present; thresholds sorted by metric)
// {"allow_break_glass":false,"champion_alias":"champion","max_regression_absolute":0.01,
//  "max_regression_relative":0.02,"regression_metrics":[],"require_compatible_signature":true,
//  "require_description":true,"require_finished_run":true,"require_input_example":false,
//  "require_signature":true,"required_approvals":1,"required_tags":[],
//  "thresholds":[{"at_least":0.8,"at_most":null,"metric":"auc"}],"version":1}
// Absent optionals are null. Equal policies give identical text.
std::string releasePolicyToJson(const ReleasePolicy &policy);

// Reads a policy. Unknown keys are an error (a typo must not silently relax a rule); missing
// keys take the default's value; "version" must be 1. Errors are Parse errors whose field
// names the offending key and whose message says what is wrong with it.
Result<ReleasePolicy> parseReleasePolicy(const std::string &json);

// Checks values: approvals 1..10, margins finite and >= 0, relative margin <= 1, thresholds
// with a non-empty metric and at least one bound, at_least <= at_most, no duplicate metric,
// tag names non-empty, champion alias non-empty. Config error naming the first problem.
Status validateReleasePolicy(const ReleasePolicy &policy);

struct LoadedPolicy
{
    ReleasePolicy policy;
    bool fromTag = false; // false: the model has no policy tag, the default applies
    std::string tagValue; // the raw tag value when fromTag
    std::string hash;     // sha256Hex(releasePolicyToJson(policy))
};

// The policy of a registered model's tags: the default when the tag is absent, a Parse
// error when the tag is present but unreadable (never silently the default).
Result<LoadedPolicy> policyFromTags(const TagMap &registeredModelTags);

} // namespace modelgate
