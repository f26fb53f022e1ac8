#pragma once
// What a decision is based on besides the trail: the candidate's content manifest from the
// version and run already read, and the checks of the status the reviewer saw when the
// content is unchanged. Private to core/src/release (release_review.cpp's loads).

#include "modelgate/core/release/release_checks.h"
#include "modelgate/core/release/release_digest.h"
#include "modelgate/core/release/release_review.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <optional>
#include <string>

namespace modelgate {

class MlflowClient;

namespace detail {

// The candidate's content manifest from the version and run the checks have just read
// (named as the caller asked, as the digest always was). A version whose run could not be
// read is read again by the manifest, whose error then says why.
Result<ContentManifest> manifestOf(const MlflowClient &client, const std::string &model,
                                   const VersionEvidence &candidate, const CancelToken &cancel);

// The checks the reviewer saw in `seen`, with the version and run read afresh and the
// manifest computed from them; nullopt when the content changed since (its digest differs)
// or the version or its run cannot be read now (the full load then says why). `manifest` is
// set whenever it could be computed, so a changed content is not read twice.
std::optional<LoadedChecks> seenChecks(const MlflowClient &client, const ReleaseStatus &seen,
                                       std::optional<Result<ContentManifest>> &manifest,
                                       const CancelToken &cancel);

// The release policy the trail puts in force, as text (empty: the default).
std::string policyTextInForce(const TrailVerification &trail);

} // namespace detail
} // namespace modelgate
