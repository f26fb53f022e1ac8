#include "check_text.h"

#include "from_std.h"

#include <algorithm>
#include <cmath>

namespace modelgate::report {

namespace {

// A fraction as a percentage with at most one decimal: 0.02 -> "2 %", 0.025 -> "2.5 %".
QString percent(double fraction, const QLocale &locale)
{
    if (!std::isfinite(fraction))
        return CheckText::tr("%1 %", "percent").arg(checkNumber(fraction * 100.0, locale));
    QString text = locale.toString(fraction * 100.0, 'f', 1);
    const QString zeroDecimals = locale.decimalPoint() + locale.zeroDigit();
    if (text.endsWith(zeroDecimals))
        text.chop(zeroDecimals.size());
    return CheckText::tr("%1 %", "percent").arg(text);
}

QString signedNumber(double value, const QLocale &locale)
{
    // The typographic minus, as the comparison table shows deltas.
    const QString magnitude = checkNumber(std::fabs(value), locale);
    return value > 0 ? QLatin1Char('+') + magnitude : value < 0 ? QChar(0x2212) + magnitude : magnitude;
}

QString margins(const CheckResult &check, const QLocale &locale)
{
    if (check.marginAbsolute && check.marginRelative)
        return CheckText::tr("%1 or %2", "regression margins: absolute or relative")
            .arg(checkNumber(*check.marginAbsolute, locale), percent(*check.marginRelative, locale));
    if (check.marginAbsolute)
        return checkNumber(*check.marginAbsolute, locale);
    if (check.marginRelative)
        return percent(*check.marginRelative, locale);
    return {};
}

bool unchanged(const CheckResult &check)
{
    return check.deltaValue && check.baselineValue &&
           std::fabs(*check.deltaValue) <= 1e-12 * std::max(1.0, std::fabs(*check.baselineValue));
}

// Within both margins and so on: "0.004 (0.5 %) worse than the champion's 0.857".
QString worseText(const CheckResult &check, const QLocale &locale)
{
    const QString baseline = check.baselineValue ? checkNumber(*check.baselineValue, locale) : QString();
    const QString amount = check.worseBy ? checkNumber(*check.worseBy, locale) : QString();
    if (check.worseByRelative)
        return CheckText::tr("%1 (%2) worse than the champion's %3")
            .arg(amount, percent(*check.worseByRelative, locale), baseline);
    return CheckText::tr("%1 worse than the champion's %2").arg(amount, baseline);
}

QString withNote(const QString &sentence, const QString &sentenceWithNote, const std::string &note)
{
    return note.empty() ? sentence : sentenceWithNote.arg(fromStd(note));
}

} // namespace

QString checkNumber(double value, const QLocale &locale)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (value == 0.0)
        return locale.zeroDigit();
    const double magnitude = std::fabs(value);
    if (magnitude < 0.001 || magnitude >= 1e15)
        return locale.toString(value, 'g', 4);
    QString text = locale.toString(value, 'f', 4);
    const QString point = locale.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(locale.zeroDigit()))
            text.chop(locale.zeroDigit().size());
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

QString checkStatusText(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return CheckText::tr("Passed");
    case CheckStatus::Fail:
        return CheckText::tr("Failed");
    case CheckStatus::Warning:
        return CheckText::tr("Warning");
    }
    return {};
}

QString checkTitle(const CheckResult &check)
{
    const QString subject = fromStd(check.subject);
    switch (check.kind) {
    case CheckKind::MetricThreshold:
        return CheckText::tr("Threshold: %1").arg(subject);
    case CheckKind::ChampionRegression:
        return CheckText::tr("No regression: %1").arg(subject);
    case CheckKind::Champion:
        return CheckText::tr("Champion to compare with");
    case CheckKind::SignaturePresent:
        return CheckText::tr("Signature present");
    case CheckKind::SignatureCompatible:
        return CheckText::tr("Signature compatible with the champion");
    case CheckKind::InputExample:
        return CheckText::tr("Input example");
    case CheckKind::Description:
        return CheckText::tr("Description");
    case CheckKind::RunFinished:
        return CheckText::tr("Source run finished");
    case CheckKind::RequiredTag:
        return CheckText::tr("Tag: %1").arg(subject);
    }
    return fromStd(check.title);
}

QString checkMeasured(const CheckResult &check, const QLocale &locale)
{
    switch (check.observation) {
    case CheckObservation::Value: {
        if (!check.measuredValue)
            return fromStd(check.measured);
        const QString value = checkNumber(*check.measuredValue, locale);
        if (!check.deltaValue)
            return value;
        if (unchanged(check))
            return CheckText::tr("%1 (no change)").arg(value);
        return QStringLiteral("%1 (%2)").arg(value, signedNumber(*check.deltaValue, locale));
    }
    case CheckObservation::Missing:
        return CheckText::tr("missing");
    case CheckObservation::Blank:
        return CheckText::tr("blank");
    case CheckObservation::Unreadable:
        return CheckText::tr("unreadable");
    case CheckObservation::Present:
        return CheckText::tr("present");
    case CheckObservation::Text:
        return fromStd(check.measured); // data: a run status, a tag value, a diff note
    case CheckObservation::Version:
        return fromStd(check.against);
    case CheckObservation::ThisVersion:
        return CheckText::tr("this version");
    case CheckObservation::NoChampion:
        return CheckText::tr("none");
    case CheckObservation::NotCompared:
        return CheckText::tr("not compared");
    case CheckObservation::SignatureShape:
        return CheckText::tr("%n input(s)", nullptr, check.inputCount) + QStringLiteral(", ") +
               CheckText::tr("%n output(s)", nullptr, check.outputCount);
    case CheckObservation::Unchanged:
        return CheckText::tr("unchanged");
    case CheckObservation::CompatibleChanges:
        return CheckText::tr("%n compatible change(s)", nullptr, check.changeCount);
    case CheckObservation::BreakingChanges:
        return CheckText::tr("%n breaking change(s)", nullptr, check.changeCount);
    }
    return fromStd(check.measured);
}

QString checkExpected(const CheckResult &check, const QLocale &locale)
{
    if (check.kind == CheckKind::ChampionRegression && check.thresholdValue && check.baselineValue) {
        // The bound the candidate had to meet: below the champion for higher-is-better metrics.
        const QString bound = checkNumber(*check.thresholdValue, locale);
        return *check.thresholdValue <= *check.baselineValue ? CheckText::tr("≥ %1").arg(bound)
                                                             : CheckText::tr("≤ %1").arg(bound);
    }
    return checkRule(check, locale);
}

QString checkRule(const CheckResult &check, const QLocale &locale)
{
    switch (check.kind) {
    case CheckKind::MetricThreshold:
        if (check.atLeast && check.atMost)
            return CheckText::tr("between %1 and %2")
                .arg(checkNumber(*check.atLeast, locale), checkNumber(*check.atMost, locale));
        if (check.atLeast)
            return CheckText::tr("≥ %1").arg(checkNumber(*check.atLeast, locale));
        if (check.atMost)
            return CheckText::tr("≤ %1").arg(checkNumber(*check.atMost, locale));
        return CheckText::tr("any value");
    case CheckKind::ChampionRegression:
        if (check.baselineValue)
            return CheckText::tr("at most %1 worse than %2 (%3)")
                .arg(margins(check, locale), fromStd(check.against),
                     checkNumber(*check.baselineValue, locale));
        return CheckText::tr("at most %1 worse than the champion").arg(margins(check, locale));
    case CheckKind::Champion:
        return CheckText::tr("a champion to compare with");
    case CheckKind::SignaturePresent:
        return check.required ? CheckText::tr("a signature") : CheckText::tr("a signature (optional)");
    case CheckKind::SignatureCompatible:
        return check.required ? CheckText::tr("compatible with %1").arg(fromStd(check.against))
                              : CheckText::tr("compatible with %1 (optional)").arg(fromStd(check.against));
    case CheckKind::InputExample:
        return check.required ? CheckText::tr("an input example")
                              : CheckText::tr("an input example (optional)");
    case CheckKind::Description:
        return check.required ? CheckText::tr("a description") : CheckText::tr("a description (optional)");
    case CheckKind::RunFinished:
        return QStringLiteral("FINISHED"); // MLflow's run status, shown as MLflow names it
    case CheckKind::RequiredTag:
        return CheckText::tr("present, not blank");
    }
    return fromStd(check.expected);
}

QString checkDetail(const CheckResult &check, const QLocale &locale)
{
    const QString subject = fromStd(check.subject);
    const QString bound = check.thresholdValue ? checkNumber(*check.thresholdValue, locale) : QString();
    const QString absolute = check.marginAbsolute ? checkNumber(*check.marginAbsolute, locale) : QString();
    const QString relative = check.marginRelative ? percent(*check.marginRelative, locale) : QString();
    switch (check.finding) {
    case CheckFinding::None:
        return {};
    case CheckFinding::NotLogged:
        return check.kind == CheckKind::ChampionRegression
                   ? CheckText::tr("the candidate did not log %1; the champion did").arg(subject)
                   : CheckText::tr("the source run did not log %1").arg(subject);
    case CheckFinding::NotLoggedByChampion:
        return CheckText::tr("the champion did not log %1; nothing to compare with").arg(subject);
    case CheckFinding::NotLoggedByEither:
        return CheckText::tr("neither version logged %1").arg(subject);
    case CheckFinding::SourceRunUnknown:
        return CheckText::tr("%1 is unknown: %2").arg(subject, fromStd(check.note));
    case CheckFinding::NotANumber:
        return CheckText::tr("%1 is NaN").arg(subject);
    case CheckFinding::BelowBound:
        return CheckText::tr("%1 is below %2").arg(subject, bound);
    case CheckFinding::AboveBound:
        return CheckText::tr("%1 is above %2").arg(subject, bound);
    case CheckFinding::IsChampion:
        return CheckText::tr("this version is the champion");
    case CheckFinding::NoChampion:
        return CheckText::tr("no champion to compare with");
    case CheckFinding::NotComparable:
        return CheckText::tr("%1 cannot be compared with the champion's %2")
            .arg(check.measuredValue ? checkNumber(*check.measuredValue, locale) : QString(),
                 check.baselineValue ? checkNumber(*check.baselineValue, locale) : QString());
    case CheckFinding::NoDirection:
        return CheckText::tr("%1 has no direction (higher or lower is better), so it cannot be compared")
            .arg(subject);
    case CheckFinding::WorseBeyondBoth:
        return CheckText::tr("%1: beyond both the absolute margin %2 and the relative margin %3")
            .arg(worseText(check, locale), absolute, relative);
    case CheckFinding::WorseBeyondAbsoluteOnly:
        return CheckText::tr("%1: beyond the absolute margin %2 but within the relative margin %3 "
                             "(it fails only beyond both)")
            .arg(worseText(check, locale), absolute, relative);
    case CheckFinding::WorseBeyondRelativeOnly:
        return CheckText::tr("%1: beyond the relative margin %2 but within the absolute margin %3 "
                             "(it fails only beyond both)")
            .arg(worseText(check, locale), relative, absolute);
    case CheckFinding::WorseWithinBoth:
        return CheckText::tr("%1, within both margins").arg(worseText(check, locale));
    case CheckFinding::WorseBeyondMargin:
        return CheckText::tr("%1: beyond the allowed %2")
            .arg(worseText(check, locale), margins(check, locale));
    case CheckFinding::WorseWithinMargin:
        return CheckText::tr("%1, within the allowed %2")
            .arg(worseText(check, locale), margins(check, locale));
    case CheckFinding::MlmodelUnreadable:
        return withNote(CheckText::tr("the MLmodel could not be read"),
                        CheckText::tr("the MLmodel could not be read: %1"), check.note);
    case CheckFinding::NoSignature:
        return CheckText::tr("the MLmodel has no signature");
    case CheckFinding::SignaturesNotCompared:
        return withNote(CheckText::tr("the signatures could not be compared"),
                        CheckText::tr("the signatures could not be compared: %1"), check.note);
    case CheckFinding::BreakingChanges:
        return withNote(CheckText::tr("the signature changed incompatibly"),
                        CheckText::tr("incompatible changes: %1"), check.note);
    case CheckFinding::NoInputExample:
        return CheckText::tr("the MLmodel names no input example");
    case CheckFinding::NoDescription:
        return CheckText::tr("the version has no description");
    case CheckFinding::RunUnreadable:
        return withNote(CheckText::tr("the source run could not be read"),
                        CheckText::tr("the source run could not be read: %1"), check.note);
    case CheckFinding::RunNotFinished:
        return CheckText::tr("the source run is %1, not FINISHED").arg(fromStd(check.measured));
    case CheckFinding::TagMissing:
        return CheckText::tr("the version has no tag %1").arg(subject);
    case CheckFinding::TagBlank:
        return CheckText::tr("the tag %1 is blank").arg(subject);
    }
    return fromStd(check.detail);
}

} // namespace modelgate::report
