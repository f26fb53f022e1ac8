#pragma once

#include <QCoreApplication>
#include <QString>

#include <modelgate/core/release/release_records.h>
#include <modelgate/core/release/release_review.h>

// At global scope so that lupdate and the runtime agree on the context "TrailText".
class TrailText
{
    Q_DECLARE_TR_FUNCTIONS(TrailText)
};

namespace modelgate::report {

// The release trail and a version's standing in the user's language, worded from core's
// values (core's English `reason` strings stay for tooltips and the CLI). Shared by the
// review screens and the release report.

// Why the record at trail.firstBroken breaks the chain, without its number:
// "it is not signed by the reviewer it names".
QString trailBrokenReason(const TrailVerification &trail);

// A review tag that disagrees with the trail: "modelgate.review.status is “rejected”, the
// trail says “approved”" (values cut to one line).
QString tagDifferenceText(const ReviewTagDifference &difference);

// Why the version is or is not approved, one clause: "approved by riley.release",
// "no decision yet; 1 approval needed".
QString releaseVerdictReason(const ReleaseStatus &status);

} // namespace modelgate::report
