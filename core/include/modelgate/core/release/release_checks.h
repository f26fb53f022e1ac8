#pragma once

#include "modelgate/core/release/release_policy.h"
#include "modelgate/core/review/metric_direction.h"
#include "modelgate/core/review/review.h"

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
const char *wireName(CheckStatus status);

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
const char *wireName(CheckKind kind);

// What a check saw, as a value: a UI words it in its own language from this and the numbers
// below (`measured` is the English wording of the same fact).
enum class CheckObservation
{
    Value,             // measuredValue (a regression check also has deltaValue when comparable)
    Missing,           // the metric, signature, input example, description, source run or tag
    Blank,             // a required tag with a blank value
    Unreadable,        // the MLmodel could not be read
    Present,           // the input example or description
    Text,              // `measured` is data shown as is: a run status, a tag value, a diff note
    Version,           // Champion: the champion's version is `against`
    ThisVersion,       // Champion: the candidate is the champion
    NoChampion,        // Champion: the model has none
    NotCompared,       // SignatureCompatible: no comparison was possible
    SignatureShape,    // SignaturePresent: inputCount inputs, outputCount outputs
    Unchanged,         // SignatureCompatible: the signatures are equal
    CompatibleChanges, // SignatureCompatible: changeCount compatible changes
    BreakingChanges,   // SignatureCompatible: changeCount breaking changes (listed in `note`)
};

// Why a check failed or warned, as a value (`detail` is the English wording of it).
enum class CheckFinding
{
    None,                    // passed
    NotLogged,               // the candidate's run did not log the metric
    NotLoggedByChampion,     // regression: only the candidate logged it
    NotLoggedByEither,       // regression: neither version logged it
    SourceRunUnknown,        // threshold: no source run to read metrics from (`note` says why)
    NotANumber,              // the candidate's value is NaN
    BelowBound,              // threshold: below thresholdValue
    AboveBound,              // threshold: above thresholdValue
    IsChampion,              // nothing to compare with: the candidate is the champion
    NoChampion,              // nothing to compare with: the model has no champion
    NotComparable,           // regression: an infinite value
    NoDirection,             // regression: the metric has no direction
    WorseBeyondBoth,         // worse by worseBy (worseByRelative) beyond both margins: fails
    WorseBeyondAbsoluteOnly, // beyond the absolute margin, within the relative one: warning
    WorseBeyondRelativeOnly, // beyond the relative margin, within the absolute one: warning
    WorseWithinBoth,         // worse but within both margins: warning
    WorseBeyondMargin,       // one margin configured, worse beyond it: fails
    WorseWithinMargin,       // one margin configured, worse within it: warning
    MlmodelUnreadable,       // `note` says why
    NoSignature,
    SignaturesNotCompared, // `note` says why
    BreakingChanges,       // `note` lists them
    NoInputExample,
    NoDescription,
    RunUnreadable,  // `note` says why
    RunNotFinished, // the run's status is `measured`
    TagMissing,
    TagBlank,
};

// "value", "missing", ... / "none", "not_logged", ... (snake_case of the enumerators)
const char *wireName(CheckObservation observation);
const char *wireName(CheckFinding finding);

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

    // The same facts as values, for wording in other languages.
    CheckObservation observation = CheckObservation::Value;
    CheckFinding finding = CheckFinding::None;
    bool required = true;          // false: a missing item only warns
    std::optional<double> atLeast; // threshold bounds from the policy
    std::optional<double> atMost;
    std::optional<double> baselineValue;   // regression: the champion's value
    std::optional<double> deltaValue;      // regression: candidate - champion
    std::optional<double> marginAbsolute;  // regression: the policy's margins
    std::optional<double> marginRelative;  // (a fraction: 0.02 is 2 %)
    std::optional<double> worseBy;         // regression: how much worse (absolute)
    std::optional<double> worseByRelative; // and as a fraction of the champion's value
    std::string against; // "v3" (the champion compared with) or "@champion" (the alias) when none
    int inputCount = 0;  // SignatureShape
    int outputCount = 0;
    int changeCount = 0; // Compatible/BreakingChanges
    std::string note;    // server or reader text a finding carries (English or data)
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
//              "measured_value", "threshold_value", "observation", "finding"}]}
std::string checkReportToJson(const CheckReport &report, int indent = 2);

} // namespace modelgate
