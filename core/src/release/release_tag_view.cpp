// The tag view on a model version: the review tags its records call for, and how the tags
// it carries differ from them.
#include "modelgate/core/release/release_records.h"
#include "release/name_lists.h"
#include "util/canonical_json.h"

#include <utility>

namespace modelgate {

using detail::oneLine;

std::map<std::string, std::string> expectedReviewTags(const VersionDecisions &decisions)
{
    if (!decisions.lastRecord)
        return {};
    // The tag view is written when a decision is made; a later content change must not make
    // it wrong, so the status here ignores digests (Stale is only ever computed, never tagged).
    ReviewState state = ReviewState::Pending;
    const auto counting = std::count_if(decisions.approvals.begin(), decisions.approvals.end(),
                                        [](const StandingDecision &d) { return d.counts; });
    if (!decisions.rejections.empty())
        state = ReviewState::Rejected;
    else if (counting >= decisions.requiredApprovals)
        state = ReviewState::Approved;
    else if (!decisions.approvals.empty())
        state = ReviewState::InReview;

    std::vector<std::string> deciders;
    for (const auto *list : {&decisions.approvals, &decisions.rejections}) {
        for (const auto &decision : *list)
            deciders.push_back(decision.record.reviewer);
    }
    const ReleaseRecord &last = *decisions.lastRecord;
    return {
        {kReviewStatusTag, wireName(state)},
        {kReviewReviewersTag, detail::joined(detail::sortedCaseInsensitive(std::move(deciders)))},
        {kReviewTimeTag, last.time},
        {kReviewCommentTag, last.comment},
        {kReviewRecordTag, std::to_string(last.sequence) + ":" + decisions.lastRecordHash},
        {kReviewBreakGlassTag, decisions.breakGlass ? "true" : "false"},
    };
}

std::vector<ReviewTagDifference> reviewTagDifferences(const std::map<std::string, std::string> &expected,
                                                      const TagMap &versionTags)
{
    std::vector<ReviewTagDifference> differences;
    for (const char *tag : {kReviewStatusTag, kReviewReviewersTag, kReviewTimeTag, kReviewCommentTag,
                            kReviewRecordTag, kReviewBreakGlassTag}) {
        const auto want = expected.find(tag);
        const auto have = versionTags.find(tag);
        const bool differs = want == expected.end()
                                 ? have != versionTags.end()
                                 : have == versionTags.end() || have->second != want->second;
        if (!differs)
            continue;
        ReviewTagDifference difference;
        difference.tag = tag;
        if (have != versionTags.end())
            difference.actual = have->second;
        if (want != expected.end())
            difference.expected = want->second;
        differences.push_back(std::move(difference));
    }
    return differences;
}

std::string describeTagDifference(const ReviewTagDifference &difference)
{
    const std::string tag = "tag " + difference.tag;
    if (!difference.expected)
        return tag + " is '" + oneLine(difference.actual.value_or(""), 60) +
               "' but the trail has no record of this version";
    if (!difference.actual)
        return tag + " is missing (the trail says '" + oneLine(*difference.expected, 60) + "')";
    return tag + " is '" + oneLine(*difference.actual, 60) + "', the trail says '" +
           oneLine(*difference.expected, 60) + "'";
}

std::vector<std::string> describeTagDifferences(const std::vector<ReviewTagDifference> &differences)
{
    std::vector<std::string> sentences;
    for (const ReviewTagDifference &difference : differences)
        sentences.push_back(describeTagDifference(difference));
    return sentences;
}

std::vector<std::string> reviewTagMismatches(const std::map<std::string, std::string> &expected,
                                             const TagMap &versionTags)
{
    return describeTagDifferences(reviewTagDifferences(expected, versionTags));
}

} // namespace modelgate
