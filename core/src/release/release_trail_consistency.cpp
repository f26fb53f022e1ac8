// The tag view of every version of a model against the model's trail (declared in
// release_review.h). Kept apart from release_review.cpp: it only combines the trail with one
// version listing and writes nothing.
#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/util/parallel.h"
#include "modelgate/core/release/release_review.h"

#include <optional>

namespace modelgate {

namespace {} // namespace

std::vector<VersionTagMismatch> versionTagMismatches(const TrailVerification &trail,
                                                     const std::vector<ModelVersion> &versions)
{
    const std::vector<TrailEntry> entries = trustedEntries(trail);
    std::vector<VersionTagMismatch> mismatches;
    for (const ModelVersion &version : versions) {
        // Digests are not compared: the view records what was decided (as in loadReleaseStatus).
        std::vector<ReviewTagDifference> differences = reviewTagDifferences(
            expectedReviewTags(replayVersion(entries, version.version, nullptr)), version.tags);
        if (differences.empty())
            continue;
        VersionTagMismatch mismatch;
        mismatch.version = version.version;
        for (const ReviewTagDifference &difference : differences)
            mismatch.problems.push_back(describeTagDifference(difference));
        mismatch.differences = std::move(differences);
        mismatches.push_back(std::move(mismatch));
    }
    return mismatches;
}

bool CheckedAuditTrail::consistent() const
{
    return audit.verification.ok && audit.policyProblems.empty() && tagMismatches.empty();
}

Result<CheckedAuditTrail> loadCheckedAuditTrail(const MlflowClient &client, const std::string &model,
                                                const CancelToken &cancel)
{
    std::optional<Result<AuditTrail>> audit;
    std::optional<Result<std::vector<ModelVersion>>> versions;
    parallelInvoke({[&] { audit.emplace(loadAuditTrail(client, model, cancel)); },
                    [&] { versions.emplace(client.listModelVersions(model, cancel)); }},
                   2, cancel);
    if (cancel.isCancelled() || !audit || !versions)
        return cancelledError();
    if (!audit->ok())
        return audit->error();
    CheckedAuditTrail checked;
    checked.audit = audit->value(); // a copy: GCC 12 -O2 warns falsely on moving out of the variant
    if (versions->ok())
        checked.tagMismatches = versionTagMismatches(checked.audit.verification, versions->value());
    else if (versions->error().code != "RESOURCE_DOES_NOT_EXIST")
        return versions->error();
    return checked;
}

} // namespace modelgate
