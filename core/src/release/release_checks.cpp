// The release pre-checks: the rules over a version's evidence, and their report as JSON.
#include "modelgate/core/release/release_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

namespace modelgate {

namespace {

// Up to four decimals without trailing zeros ("0.853", "0.01", "120"); values too small for
// four decimals keep four significant digits ("1.5e-05") rather than becoming "0".
std::string formatNumber(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0.0)
        return "0";
    char buffer[64];
    const double magnitude = std::fabs(value);
    if (magnitude < 0.001 || magnitude >= 1e15) {
        std::snprintf(buffer, sizeof buffer, "%.4g", value);
        return buffer;
    }
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    std::string text = buffer;
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text == "-0" ? "0" : text;
}

std::string formatSigned(double value)
{
    const std::string text = formatNumber(value);
    return value > 0 ? "+" + text : text;
}

// A fraction as a percentage with at most one decimal: 0.02 -> "2 %", 0.025 -> "2.5 %".
std::string formatPercent(double fraction)
{
    if (!std::isfinite(fraction))
        return formatNumber(fraction) + " %";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f", fraction * 100.0);
    std::string text = buffer;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);
    if (text == "-0")
        text = "0";
    return text + " %";
}

bool isBlank(const std::string &text)
{
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

std::optional<double> candidateMetric(const VersionEvidence &candidate, const std::string &key)
{
    if (!candidate.run)
        return std::nullopt;
    for (const Metric &metric : candidate.run->metrics) {
        if (metric.key == key)
            return metric.value;
    }
    return std::nullopt;
}

CheckResult makeCheck(CheckKind kind, std::string subject, std::string title)
{
    CheckResult check;
    check.kind = kind;
    check.subject = std::move(subject);
    check.title = std::move(title);
    return check;
}

bool isChampion(const VersionEvidence &candidate, const std::string &alias)
{
    return std::find(candidate.version.aliases.begin(), candidate.version.aliases.end(), alias) !=
           candidate.version.aliases.end();
}

CheckFinding noChampionFinding(const ReleasePolicy &policy, const VersionEvidence &candidate)
{
    return isChampion(candidate, policy.championAlias) ? CheckFinding::IsChampion : CheckFinding::NoChampion;
}

std::string noChampionReason(const ReleasePolicy &policy, const VersionEvidence &candidate)
{
    return isChampion(candidate, policy.championAlias) ? "this version is the champion"
                                                       : "no champion to compare with";
}

CheckResult thresholdCheck(const MetricThreshold &threshold, const VersionEvidence &candidate)
{
    std::string expected;
    if (threshold.atLeast && threshold.atMost)
        expected = "between " + formatNumber(*threshold.atLeast) + " and " + formatNumber(*threshold.atMost);
    else if (threshold.atLeast)
        expected = ">= " + formatNumber(*threshold.atLeast);
    else if (threshold.atMost)
        expected = "<= " + formatNumber(*threshold.atMost);
    CheckResult check = makeCheck(CheckKind::MetricThreshold, threshold.metric,
                                  threshold.metric + (expected.empty() ? "" : " " + expected));
    check.expected = expected.empty() ? "any value" : expected;
    check.thresholdValue = threshold.atLeast ? threshold.atLeast : threshold.atMost;
    check.atLeast = threshold.atLeast;
    check.atMost = threshold.atMost;

    const std::optional<double> value = candidateMetric(candidate, threshold.metric);
    if (!value) {
        check.status = CheckStatus::Fail;
        check.observation = CheckObservation::Missing;
        check.measured = "missing";
        check.finding = candidate.run ? CheckFinding::NotLogged : CheckFinding::SourceRunUnknown;
        check.note = candidate.run ? "" : candidate.runNote.empty() ? "no source run" : candidate.runNote;
        check.detail = candidate.run ? "the source run did not log " + threshold.metric
                                     : threshold.metric + " is unknown: " + check.note;
        return check;
    }
    check.measuredValue = value;
    check.measured = formatNumber(*value);
    if (std::isnan(*value)) {
        check.status = CheckStatus::Fail;
        check.finding = CheckFinding::NotANumber;
        check.detail = threshold.metric + " is NaN";
        return check;
    }
    if (threshold.atLeast && *value < *threshold.atLeast) {
        check.status = CheckStatus::Fail;
        check.thresholdValue = threshold.atLeast;
        check.finding = CheckFinding::BelowBound;
        check.detail = threshold.metric + " is below " + formatNumber(*threshold.atLeast);
    } else if (threshold.atMost && *value > *threshold.atMost) {
        check.status = CheckStatus::Fail;
        check.thresholdValue = threshold.atMost;
        check.finding = CheckFinding::AboveBound;
        check.detail = threshold.metric + " is above " + formatNumber(*threshold.atMost);
    }
    return check;
}

CheckResult championCheck(const ReleasePolicy &policy, const VersionEvidence &candidate,
                          const std::optional<Comparison> &comparison)
{
    CheckResult check = makeCheck(CheckKind::Champion, {}, "champion @" + policy.championAlias);
    check.expected = "a version with alias @" + policy.championAlias + " to compare with";
    check.against = "@" + policy.championAlias;
    if (comparison) {
        check.observation = CheckObservation::Version;
        check.against = "v" + comparison->baseline.version.version;
        check.measured = check.against;
        return check;
    }
    check.status = CheckStatus::Warning;
    const bool self = isChampion(candidate, policy.championAlias);
    check.observation = self ? CheckObservation::ThisVersion : CheckObservation::NoChampion;
    check.measured = self ? "this version" : "none";
    check.finding = noChampionFinding(policy, candidate);
    check.detail = noChampionReason(policy, candidate);
    return check;
}

// Allow for float noise: 0.857 - 0.847 must not exceed a margin of 0.01.
bool exceeds(double amount, double margin)
{
    return amount > margin + 1e-9 * std::max(1.0, std::fabs(margin));
}

CheckResult regressionCheck(const ReleasePolicy &policy, const MetricComparison &row,
                            const std::string &championVersion)
{
    CheckResult check =
        makeCheck(CheckKind::ChampionRegression, row.key, row.key + " vs champion v" + championVersion);
    check.measuredValue = row.candidate;
    check.baselineValue = row.baseline;
    check.against = "v" + championVersion;
    const std::optional<double> &absolute = policy.maxRegressionAbsolute;
    const std::optional<double> &relative = policy.maxRegressionRelative;
    check.marginAbsolute = absolute;
    check.marginRelative = relative;
    std::string margins;
    if (absolute && relative)
        margins = formatNumber(*absolute) + " or " + formatPercent(*relative);
    else if (absolute)
        margins = formatNumber(*absolute);
    else if (relative)
        margins = formatPercent(*relative);
    const std::string baselineText = row.baseline ? formatNumber(*row.baseline) : "missing";
    check.expected = "at most " + margins + " worse than " + (row.baseline ? baselineText : "the champion");

    if (!row.candidate) {
        check.status = CheckStatus::Warning;
        check.observation = CheckObservation::Missing;
        check.measured = "missing";
        check.finding = row.baseline ? CheckFinding::NotLogged : CheckFinding::NotLoggedByEither;
        check.detail = row.baseline ? "the candidate did not log " + row.key + ", the champion did"
                                    : "neither version logged " + row.key;
        return check;
    }
    check.measured = formatNumber(*row.candidate);
    if (std::isnan(*row.candidate)) {
        check.status = CheckStatus::Fail;
        check.finding = CheckFinding::NotANumber;
        check.detail = row.key + " is NaN";
        return check;
    }
    if (!row.baseline) {
        check.status = CheckStatus::Warning;
        check.finding = CheckFinding::NotLoggedByChampion;
        check.detail = "the champion did not log " + row.key + "; nothing to compare with";
        return check;
    }
    if (!std::isfinite(*row.baseline) || !std::isfinite(*row.candidate)) {
        check.status = CheckStatus::Warning;
        check.finding = CheckFinding::NotComparable;
        check.detail =
            "cannot compare " + formatNumber(*row.candidate) + " with the champion's " + baselineText;
        return check;
    }
    if (row.direction == MetricDirection::Neutral) {
        check.status = CheckStatus::Warning;
        check.finding = CheckFinding::NoDirection;
        check.detail = row.key + " has no direction (higher or lower is better), so it cannot be compared";
        return check;
    }
    const bool higherIsBetter = row.direction == MetricDirection::HigherIsBetter;
    const double baseline = *row.baseline;
    const double delta = *row.candidate - baseline;
    check.deltaValue = delta;
    check.measured += row.verdict == Verdict::Equal ? " (no change)" : " (" + formatSigned(delta) + ")";

    // The bound applied: with both margins a metric fails only beyond both, so the looser one.
    const double scale = std::fabs(baseline);
    std::optional<double> allowed;
    if (absolute)
        allowed = *absolute;
    if (relative)
        allowed = std::max(allowed.value_or(0.0), *relative * scale);
    check.thresholdValue = higherIsBetter ? baseline - *allowed : baseline + *allowed;

    if (row.verdict != Verdict::Worse)
        return check;
    const double worseBy = std::fabs(delta);
    const std::optional<double> relativeWorse = scale > 0.0
                                                    ? std::optional<double>(worseBy / scale)
                                                    : std::nullopt; // a zero champion: infinitely worse
    const bool beyondAbsolute = absolute && exceeds(worseBy, *absolute);
    const bool beyondRelative = relative && (!relativeWorse || exceeds(*relativeWorse, *relative));
    check.worseBy = worseBy;
    check.worseByRelative = relativeWorse;
    const std::string amount =
        formatNumber(worseBy) + (relativeWorse ? " (" + formatPercent(*relativeWorse) + ")" : "");
    const std::string worse = amount + " worse than the champion's " + baselineText;
    if (absolute && relative) {
        if (beyondAbsolute && beyondRelative) {
            check.status = CheckStatus::Fail;
            check.finding = CheckFinding::WorseBeyondBoth;
            check.detail = worse + ": beyond both the absolute margin " + formatNumber(*absolute) +
                           " and the relative margin " + formatPercent(*relative);
        } else {
            check.status = CheckStatus::Warning;
            const std::string absoluteText = "the absolute margin " + formatNumber(*absolute);
            const std::string relativeText = "the relative margin " + formatPercent(*relative);
            check.finding = beyondAbsolute   ? CheckFinding::WorseBeyondAbsoluteOnly
                            : beyondRelative ? CheckFinding::WorseBeyondRelativeOnly
                                             : CheckFinding::WorseWithinBoth;
            if (beyondAbsolute)
                check.detail = worse + ": beyond " + absoluteText + " but within " + relativeText +
                               " (it fails only beyond both margins)";
            else if (beyondRelative)
                check.detail = worse + ": beyond " + relativeText + " but within " + absoluteText +
                               " (it fails only beyond both margins)";
            else
                check.detail = worse + ", within both margins";
        }
    } else if (beyondAbsolute || beyondRelative) {
        check.status = CheckStatus::Fail;
        check.finding = CheckFinding::WorseBeyondMargin;
        check.detail = worse + ": beyond the allowed " + margins;
    } else {
        check.status = CheckStatus::Warning;
        check.finding = CheckFinding::WorseWithinMargin;
        check.detail = worse + ", within the allowed " + margins;
    }
    return check;
}

// The metrics to compare: the policy's list, else every metric with a direction that the
// champion logged (a metric only the candidate logged has nothing to regress against).
std::vector<CheckResult> regressionChecks(const ReleasePolicy &policy, const Comparison &comparison)
{
    std::vector<CheckResult> checks;
    const std::string &championVersion = comparison.baseline.version.version;
    if (policy.regressionMetrics.empty()) {
        for (const MetricComparison &row : comparison.metrics) {
            if (row.direction != MetricDirection::Neutral && row.baseline)
                checks.push_back(regressionCheck(policy, row, championVersion));
        }
    } else {
        const std::set<std::string> wanted(policy.regressionMetrics.begin(), policy.regressionMetrics.end());
        for (const std::string &key : wanted) {
            const auto it = std::find_if(comparison.metrics.begin(), comparison.metrics.end(),
                                         [&](const MetricComparison &row) { return row.key == key; });
            MetricComparison row;
            row.key = key;
            if (it != comparison.metrics.end())
                row = *it;
            checks.push_back(regressionCheck(policy, row, championVersion));
        }
    }
    std::stable_sort(checks.begin(), checks.end(),
                     [](const CheckResult &a, const CheckResult &b) { return a.subject < b.subject; });
    return checks;
}

CheckResult signaturePresentCheck(const ReleasePolicy &policy, const VersionEvidence &candidate)
{
    CheckResult check = makeCheck(CheckKind::SignaturePresent, {}, "model signature");
    check.expected = policy.requireSignature ? "a signature in the MLmodel" : "a signature (not required)";
    const CheckStatus missing = policy.requireSignature ? CheckStatus::Fail : CheckStatus::Warning;
    check.required = policy.requireSignature;
    if (!candidate.signature) {
        check.status = missing;
        check.observation = CheckObservation::Unreadable;
        check.measured = "unreadable";
        check.finding = CheckFinding::MlmodelUnreadable;
        check.note = candidate.signatureNote;
        check.detail =
            candidate.signatureNote.empty() ? "the MLmodel could not be read" : candidate.signatureNote;
    } else if (!candidate.signature->present) {
        check.status = missing;
        check.observation = CheckObservation::Missing;
        check.measured = "missing";
        check.finding = CheckFinding::NoSignature;
        check.detail = "the MLmodel has no signature";
    } else {
        const std::size_t inputs = candidate.signature->inputs.size();
        const std::size_t outputs = candidate.signature->outputs.size();
        check.observation = CheckObservation::SignatureShape;
        check.inputCount = static_cast<int>(inputs);
        check.outputCount = static_cast<int>(outputs);
        check.measured = std::to_string(inputs) + (inputs == 1 ? " input, " : " inputs, ") +
                         std::to_string(outputs) + (outputs == 1 ? " output" : " outputs");
    }
    return check;
}

CheckResult signatureCompatibleCheck(const ReleasePolicy &policy, const VersionEvidence &candidate,
                                     const std::optional<Comparison> &comparison)
{
    CheckResult check = makeCheck(CheckKind::SignatureCompatible, {}, "signature compatible with champion");
    const CheckStatus problem = policy.requireCompatibleSignature ? CheckStatus::Fail : CheckStatus::Warning;
    check.required = policy.requireCompatibleSignature;
    if (!comparison) {
        check.against = "@" + policy.championAlias;
        check.expected = "no breaking change against " + check.against;
        check.status = CheckStatus::Warning;
        check.observation = CheckObservation::NotCompared;
        check.measured = "not compared";
        check.finding = noChampionFinding(policy, candidate);
        check.detail = noChampionReason(policy, candidate);
        return check;
    }
    const SignatureDiff &diff = comparison->signature;
    check.against = "v" + comparison->baseline.version.version;
    check.expected = "no breaking change against " + check.against;
    if (!diff.compared) {
        check.status = problem;
        check.observation = CheckObservation::NotCompared;
        check.measured = "not compared";
        check.finding = CheckFinding::SignaturesNotCompared;
        check.note = diff.note;
        check.detail = diff.note.empty() ? "the signatures could not be compared" : diff.note;
        return check;
    }
    std::vector<std::string> breaking;
    for (const SignatureChange &change : diff.changes) {
        if (!change.breaking)
            continue;
        std::string what = wireName(change.section);
        if (!change.name.empty())
            what += " " + change.name;
        breaking.push_back(what + " " + wireName(change.change) +
                           (change.reason.empty() ? "" : ": " + change.reason));
    }
    if (!diff.breaking && breaking.empty()) {
        check.observation = diff.changes.empty()
                                ? (diff.note.empty() ? CheckObservation::Unchanged : CheckObservation::Text)
                                : CheckObservation::CompatibleChanges;
        check.changeCount = static_cast<int>(diff.changes.size());
        check.measured = diff.changes.empty()
                             ? (diff.note.empty() ? "unchanged" : diff.note)
                             : std::to_string(diff.changes.size()) +
                                   (diff.changes.size() == 1 ? " compatible change" : " compatible changes");
        return check;
    }
    check.status = problem;
    check.observation = CheckObservation::BreakingChanges;
    check.changeCount = static_cast<int>(breaking.size());
    check.finding = CheckFinding::BreakingChanges;
    check.measured =
        std::to_string(breaking.size()) + (breaking.size() == 1 ? " breaking change" : " breaking changes");
    std::string detail;
    for (const auto &line : breaking)
        detail += (detail.empty() ? "" : "; ") + line;
    check.note = detail;
    check.detail = detail.empty() ? "the signature changed incompatibly" : detail;
    return check;
}

CheckResult inputExampleCheck(const ReleasePolicy &policy, const VersionEvidence &candidate)
{
    CheckResult check = makeCheck(CheckKind::InputExample, {}, "input example");
    check.expected =
        policy.requireInputExample ? "a saved input example" : "a saved input example (not required)";
    const CheckStatus missing = policy.requireInputExample ? CheckStatus::Fail : CheckStatus::Warning;
    check.required = policy.requireInputExample;
    if (!candidate.signature) {
        check.status = missing;
        check.observation = CheckObservation::Unreadable;
        check.measured = "unreadable";
        check.finding = CheckFinding::MlmodelUnreadable;
        check.note = candidate.signatureNote;
        check.detail =
            candidate.signatureNote.empty() ? "the MLmodel could not be read" : candidate.signatureNote;
    } else if (!candidate.signature->hasInputExample) {
        check.status = missing;
        check.observation = CheckObservation::Missing;
        check.measured = "missing";
        check.finding = CheckFinding::NoInputExample;
        check.detail = "the MLmodel names no input example";
    } else {
        check.observation = CheckObservation::Present;
        check.measured = "present";
    }
    return check;
}

CheckResult descriptionCheck(const ReleasePolicy &policy, const VersionEvidence &candidate)
{
    CheckResult check = makeCheck(CheckKind::Description, {}, "version description");
    check.expected = policy.requireDescription ? "a non-blank description" : "a description (not required)";
    check.required = policy.requireDescription;
    if (isBlank(candidate.version.description)) {
        check.status = policy.requireDescription ? CheckStatus::Fail : CheckStatus::Warning;
        check.observation = CheckObservation::Missing;
        check.measured = "missing";
        check.finding = CheckFinding::NoDescription;
        check.detail = "model version " + candidate.version.version + " has no description";
    } else {
        check.observation = CheckObservation::Present;
        check.measured = "present";
    }
    return check;
}

CheckResult runFinishedCheck(const ReleasePolicy &policy, const VersionEvidence &candidate)
{
    CheckResult check = makeCheck(CheckKind::RunFinished, {}, "source run finished");
    check.expected = "FINISHED";
    const CheckStatus problem = policy.requireFinishedRun ? CheckStatus::Fail : CheckStatus::Warning;
    check.required = policy.requireFinishedRun;
    check.observation = CheckObservation::Text;
    if (!candidate.run) {
        check.status = problem;
        check.observation = CheckObservation::Missing;
        check.measured = "missing";
        check.finding = CheckFinding::RunUnreadable;
        check.note = candidate.runNote;
        check.detail = candidate.runNote.empty() ? "the source run could not be read" : candidate.runNote;
    } else if (candidate.run->info.status != "FINISHED") {
        check.status = problem;
        check.finding = CheckFinding::RunNotFinished;
        check.measured = candidate.run->info.status.empty() ? "unknown" : candidate.run->info.status;
        check.detail =
            "the source run " + candidate.run->info.runId + " is " + check.measured + ", not FINISHED";
    } else {
        check.measured = "FINISHED";
    }
    return check;
}

CheckResult requiredTagCheck(const std::string &key, const VersionEvidence &candidate)
{
    CheckResult check = makeCheck(CheckKind::RequiredTag, key, "tag " + key);
    check.expected = "present and non-blank";
    const auto it = candidate.version.tags.find(key);
    check.observation = CheckObservation::Text;
    if (it == candidate.version.tags.end()) {
        check.status = CheckStatus::Fail;
        check.observation = CheckObservation::Missing;
        check.measured = "missing";
        check.finding = CheckFinding::TagMissing;
        check.detail = "model version " + candidate.version.version + " has no tag " + key;
    } else if (isBlank(it->second)) {
        check.status = CheckStatus::Fail;
        check.observation = CheckObservation::Blank;
        check.measured = "blank";
        check.finding = CheckFinding::TagBlank;
        check.detail = "the tag " + key + " of model version " + candidate.version.version + " is blank";
    } else {
        check.measured = it->second;
    }
    return check;
}

} // namespace

CheckReport evaluateReleaseChecks(const ReleasePolicy &policy, const std::string &policyHash,
                                  const VersionEvidence &candidate,
                                  const std::optional<Comparison> &comparison)
{
    CheckReport report;
    report.policyHash = policyHash;
    if (comparison)
        report.championVersion = comparison->baseline.version.version;

    std::vector<MetricThreshold> thresholds = policy.thresholds;
    std::stable_sort(thresholds.begin(), thresholds.end(),
                     [](const MetricThreshold &a, const MetricThreshold &b) { return a.metric < b.metric; });
    for (const auto &threshold : thresholds)
        report.checks.push_back(thresholdCheck(threshold, candidate));

    report.checks.push_back(championCheck(policy, candidate, comparison));
    if (comparison && (policy.maxRegressionAbsolute || policy.maxRegressionRelative)) {
        for (auto &check : regressionChecks(policy, *comparison))
            report.checks.push_back(std::move(check));
    }

    report.checks.push_back(signaturePresentCheck(policy, candidate));
    report.checks.push_back(signatureCompatibleCheck(policy, candidate, comparison));
    report.checks.push_back(inputExampleCheck(policy, candidate));
    report.checks.push_back(descriptionCheck(policy, candidate));
    report.checks.push_back(runFinishedCheck(policy, candidate));
    const std::set<std::string> tags(policy.requiredTags.begin(), policy.requiredTags.end());
    for (const auto &key : tags)
        report.checks.push_back(requiredTagCheck(key, candidate));

    for (const auto &check : report.checks) {
        switch (check.status) {
        case CheckStatus::Pass:
            ++report.passed;
            break;
        case CheckStatus::Fail:
            ++report.failed;
            break;
        case CheckStatus::Warning:
            ++report.warnings;
            break;
        }
    }
    return report;
}

std::string checkReportToJson(const CheckReport &report, int indent)
{
    using nlohmann::json;
    const auto number = [](const std::optional<double> &value) -> json {
        if (!value)
            return nullptr;
        if (std::isnan(*value))
            return "NaN";
        if (std::isinf(*value))
            return *value > 0 ? "Infinity" : "-Infinity";
        return *value;
    };
    json checks = json::array();
    for (const auto &check : report.checks)
        checks.push_back({{"kind", wireName(check.kind)},
                          {"subject", check.subject.empty() ? json(nullptr) : json(check.subject)},
                          {"status", wireName(check.status)},
                          {"title", check.title},
                          {"measured", check.measured},
                          {"expected", check.expected},
                          {"detail", check.detail},
                          {"measured_value", number(check.measuredValue)},
                          {"threshold_value", number(check.thresholdValue)},
                          {"observation", wireName(check.observation)},
                          {"finding", wireName(check.finding)}});
    const json out{
        {"policy_hash", report.policyHash},
        {"champion_version", report.championVersion.empty() ? json(nullptr) : json(report.championVersion)},
        {"passed", report.passed},
        {"failed", report.failed},
        {"warnings", report.warnings},
        {"checks", std::move(checks)}};
    return out.dump(indent < 0 ? -1 : indent, ' ', false, json::error_handler_t::replace);
}

// The stable snake_case names of the check enums, used in JSON output and by scripts that
// match on them.
const char *wireName(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return "pass";
    case CheckStatus::Fail:
        return "fail";
    case CheckStatus::Warning:
        return "warning";
    }
    return "fail";
}

const char *wireName(CheckKind kind)
{
    switch (kind) {
    case CheckKind::MetricThreshold:
        return "metric_threshold";
    case CheckKind::ChampionRegression:
        return "champion_regression";
    case CheckKind::Champion:
        return "champion";
    case CheckKind::SignaturePresent:
        return "signature_present";
    case CheckKind::SignatureCompatible:
        return "signature_compatible";
    case CheckKind::InputExample:
        return "input_example";
    case CheckKind::Description:
        return "description";
    case CheckKind::RunFinished:
        return "run_finished";
    case CheckKind::RequiredTag:
        return "required_tag";
    }
    return "unknown";
}

const char *wireName(CheckObservation observation)
{
    switch (observation) {
    case CheckObservation::Value:
        return "value";
    case CheckObservation::Missing:
        return "missing";
    case CheckObservation::Blank:
        return "blank";
    case CheckObservation::Unreadable:
        return "unreadable";
    case CheckObservation::Present:
        return "present";
    case CheckObservation::Text:
        return "text";
    case CheckObservation::Version:
        return "version";
    case CheckObservation::ThisVersion:
        return "this_version";
    case CheckObservation::NoChampion:
        return "no_champion";
    case CheckObservation::NotCompared:
        return "not_compared";
    case CheckObservation::SignatureShape:
        return "signature_shape";
    case CheckObservation::Unchanged:
        return "unchanged";
    case CheckObservation::CompatibleChanges:
        return "compatible_changes";
    case CheckObservation::BreakingChanges:
        return "breaking_changes";
    }
    return "unknown";
}

const char *wireName(CheckFinding finding)
{
    switch (finding) {
    case CheckFinding::None:
        return "none";
    case CheckFinding::NotLogged:
        return "not_logged";
    case CheckFinding::NotLoggedByChampion:
        return "not_logged_by_champion";
    case CheckFinding::NotLoggedByEither:
        return "not_logged_by_either";
    case CheckFinding::SourceRunUnknown:
        return "source_run_unknown";
    case CheckFinding::NotANumber:
        return "not_a_number";
    case CheckFinding::BelowBound:
        return "below_bound";
    case CheckFinding::AboveBound:
        return "above_bound";
    case CheckFinding::IsChampion:
        return "is_champion";
    case CheckFinding::NoChampion:
        return "no_champion";
    case CheckFinding::NotComparable:
        return "not_comparable";
    case CheckFinding::NoDirection:
        return "no_direction";
    case CheckFinding::WorseBeyondBoth:
        return "worse_beyond_both";
    case CheckFinding::WorseBeyondAbsoluteOnly:
        return "worse_beyond_absolute_only";
    case CheckFinding::WorseBeyondRelativeOnly:
        return "worse_beyond_relative_only";
    case CheckFinding::WorseWithinBoth:
        return "worse_within_both";
    case CheckFinding::WorseBeyondMargin:
        return "worse_beyond_margin";
    case CheckFinding::WorseWithinMargin:
        return "worse_within_margin";
    case CheckFinding::MlmodelUnreadable:
        return "mlmodel_unreadable";
    case CheckFinding::NoSignature:
        return "no_signature";
    case CheckFinding::SignaturesNotCompared:
        return "signatures_not_compared";
    case CheckFinding::BreakingChanges:
        return "breaking_changes";
    case CheckFinding::NoInputExample:
        return "no_input_example";
    case CheckFinding::NoDescription:
        return "no_description";
    case CheckFinding::RunUnreadable:
        return "run_unreadable";
    case CheckFinding::RunNotFinished:
        return "run_not_finished";
    case CheckFinding::TagMissing:
        return "tag_missing";
    case CheckFinding::TagBlank:
        return "tag_blank";
    }
    return "unknown";
}

} // namespace modelgate
