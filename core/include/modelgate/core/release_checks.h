#pragma once

#include "modelgate/core/metric_direction.h"
#include "modelgate/core/release_policy.h"
#include "modelgate/core/review.h"

#include <optional>
#include <string>
#include <vector>

namespace modelgate {

enum class CheckStatus
{
    Pass,
    Fail,
    Warning, // worth a reviewer's attention; never blocks an approval
};

// "pass", "fail", "warning"
const char *toString(CheckStatus status);

// What a check is about; the UI translates by kind (+ subject), the CLI prints `title`.
enum class CheckKind
{
    MetricThreshold,    // subject = metric
    ChampionRegression, // subject = metric
    Champion,           // whether a champion exists to compare with (warning when absent)
    SignaturePresent,
    SignatureCompatible,
    InputExample,
    Description,
    RunFinished,
    RequiredTag, // subject = tag key
};

// "metric_threshold", "champion_regression", "champion", "signature_present",
// "signature_compatible", "input_example", "description", "run_finished", "required_tag"
const char *toString(CheckKind kind);

struct CheckResult
{
    CheckKind kind = CheckKind::Description;
    std::string subject; // metric or tag name, else empty
    CheckStatus status = CheckStatus::Pass;
    std::string title;    // English, e.g. "auc >= 0.8"
    std::string measured; // English, e.g. "0.853" or "missing" or "FINISHED"
    std::string expected; // English, e.g. ">= 0.8" or "at most 0.01 (2 %) worse than v3 (0.861)"
    std::string detail;   // English, why it failed/warned; empty when it passed
    std::optional<double> measuredValue;  // numeric checks only
    std::optional<double> thresholdValue; // numeric checks only (the bound applied)
};

struct CheckReport
{
    std::vector<CheckResult> checks; // in a stable order: thresholds (by metric), champion,
                                     // regressions (by metric), signature, input example,
                                     // description, run, tags (by key)
    std::string policyHash;
    std::string championVersion; // empty when the model has no champion (or the candidate is it)
    int passed = 0;
    int failed = 0;
    int warnings = 0;

    bool anyFailed() const { return failed > 0; }
};

// Pure: evaluates `policy` for `candidate`. `comparison` is the candidate against the
// champion (absent when there is no champion, or the candidate IS the champion; then
// regression and signature-compatibility checks become warnings saying so). Rules:
// - thresholds: a missing or NaN metric fails;
// - regression: for each metric with a direction (directions), worse by more than the
//   margin fails; within the margin but worse is a Warning; equal or better passes;
//   a metric only the champion logged is a Warning;
// - signature present/compatible, input example, description, run FINISHED, required tags:
//   fail when required and missing; when not required and missing, a Warning
//   (input example, description) or nothing (tags).
CheckReport evaluateReleaseChecks(const ReleasePolicy &policy, const std::string &policyHash,
                                  const VersionEvidence &candidate,
                                  const std::optional<Comparison> &comparison);

struct LoadedChecks
{
    LoadedPolicy policy;
    VersionEvidence candidate;
    std::optional<Comparison> comparison; // against policy.championAlias, when it exists
    CheckReport report;
};

// Loads the model (policy tag, metric directions, champion alias), the candidate's evidence
// and, when the model has a champion other than the candidate, the comparison; then
// evaluates. A missing champion alias is not an error.
Result<LoadedChecks> loadReleaseChecks(const MlflowClient &client, const std::string &modelName,
                                       const std::string &versionOrAlias, const CancelToken &cancel);

// {"policy_hash", "champion_version" (null when none), "passed", "failed", "warnings",
//  "checks": [{"kind", "subject", "status", "title", "measured", "expected", "detail",
//              "measured_value", "threshold_value"}]}
std::string checkReportToJson(const CheckReport &report, int indent = 2);

} // namespace modelgate
