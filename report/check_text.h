#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <modelgate/core/release/release_checks.h>

// At global scope so that lupdate and the runtime agree on the context "CheckText".
class CheckText
{
    Q_DECLARE_TR_FUNCTIONS(CheckText)
};

namespace modelgate::report {

// The pre-checks in the user's language, worded from the check's values (kind, observation,
// finding, numbers) rather than core's English strings, so the review panel, the policy
// preview and the release report say the same thing in English and German. Numbers use
// `locale` (German decimal commas).

QString checkStatusText(CheckStatus status);                                 // "Passed"
QString checkTitle(const CheckResult &check);                                // "Threshold: auc"
QString checkMeasured(const CheckResult &check, const QLocale &locale = {}); // "0.8069 (−0.0541)"
// Short, for a table column: the bound a number must meet ("≥ 0.85") or what must be there.
QString checkExpected(const CheckResult &check, const QLocale &locale = {});
// The whole rule, for a tooltip or the report: "at most 0.01 or 2 % worse than v3 (0.861)".
QString checkRule(const CheckResult &check, const QLocale &locale = {});
// Why it failed or warned; empty when it passed.
QString checkDetail(const CheckResult &check, const QLocale &locale = {});

// Up to four decimals without trailing zeros, like core's English text ("0.8069", "0.01"),
// in `locale`; tiny values keep four significant digits.
QString checkNumber(double value, const QLocale &locale = {});

} // namespace modelgate::report
