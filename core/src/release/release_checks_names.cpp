// The stable snake_case names of the check enums, used in JSON output and by scripts that
// match on them (kept apart from the evaluation so that file stays about the rules).
#include "modelgate/core/release/release_checks.h"

namespace modelgate {

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
