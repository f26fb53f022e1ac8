#pragma once

#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/review/metric_direction.h"
#include "modelgate/core/review/signature_diff.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// Everything a review compares about one model version.
struct VersionEvidence
{
    ModelVersion version;
    std::optional<Run> run;                  // absent: the version has no source run, or it was deleted
    std::string runNote;                     // why `run` is absent
    std::optional<ModelSignature> signature; // absent: the MLmodel could not be read
    std::string signatureNote;               // why `signature` is absent (the error, in English)
    // The MLmodel file as read for the signature (absent when it could not be read), so that
    // a content digest computed in the same operation does not read it a second time.
    std::optional<std::string> mlmodelText;
};

// Loads a version ("7" or "@champion"), its source run and its MLmodel signature. Requests
// that do not depend on each other run concurrently: a numbered version's signature is read
// while the version is fetched, an alias's once it is resolved. Only a failure to get the
// version or its run (other than "run does not exist") is an error; an unreadable signature
// (no artifact serving, missing or malformed MLmodel) is recorded in signatureNote.
Result<VersionEvidence> loadVersionEvidence(const MlflowClient &client, const std::string &modelName,
                                            const std::string &versionOrAlias, const CancelToken &cancel);

enum class Verdict
{
    Unknown, // a side is missing, a value is NaN, or the metric has no direction
    Better,
    Worse,
    Equal,
};

// "unknown", "better", "worse", "equal"
const char *wireName(Verdict verdict);

struct MetricComparison
{
    std::string key;
    std::optional<double> candidate; // the run's latest value; absent when not logged
    std::optional<double> baseline;
    std::optional<double> delta;         // candidate - baseline, when both are present and it is finite
    std::optional<double> relativeDelta; // delta / |baseline|; absent when baseline is 0 (unless delta is 0)
    MetricDirection direction = MetricDirection::Neutral;
    bool directionOverridden = false; // from the model's kMetricDirectionsTag rather than the built-in rule
    Verdict verdict = Verdict::Unknown;
};

// Values of two equal within a relative 1e-12 (float noise), else by the direction.
MetricComparison compareMetric(const std::string &key, std::optional<double> candidate,
                               std::optional<double> baseline, MetricDirection direction);

enum class ValueChange
{
    Same,
    Changed,
    Added,   // only the candidate has it
    Removed, // only the baseline has it
};

// "same", "changed", "added", "removed"
const char *wireName(ValueChange change);

struct ValueDiff
{
    std::string key;
    std::optional<std::string> candidate;
    std::optional<std::string> baseline;
    ValueChange change = ValueChange::Same;
};

// Every key of either map, sorted, with its change (Same rows included).
std::vector<ValueDiff> diffValues(const std::map<std::string, std::string> &candidate,
                                  const std::map<std::string, std::string> &baseline);

// Run tags compared by a review: every tag except MLflow's own "mlflow.*" tags, which
// describe the run's mechanics and differ between any two runs (run name, log-model
// history, notes), with three exceptions that say who produced the model from which code:
// mlflow.user, mlflow.source.name and mlflow.source.git.commit.
bool isReviewedRunTag(const std::string &key);

struct Comparison
{
    VersionEvidence candidate;
    VersionEvidence baseline;
    std::vector<MetricComparison> metrics; // union of both runs' metrics, by key
    std::vector<ValueDiff> params;         // run parameters
    std::vector<ValueDiff> versionTags;    // model-version tags, all of them
    std::vector<ValueDiff> runTags;        // run tags filtered by isReviewedRunTag
    SignatureDiff signature;
    std::vector<std::string> warnings; // e.g. a malformed metric-direction tag
};

// Pure comparison of two loaded versions.
Comparison compareVersions(VersionEvidence candidate, VersionEvidence baseline,
                           const MetricDirections &directions);

// Loads the candidate, the baseline and the registered model (for its metric directions)
// concurrently, then compares. A missing baseline alias is an Api error whose message says
// "<model> has no alias '<alias>'".
Result<Comparison> loadComparison(const MlflowClient &client, const std::string &modelName,
                                  const std::string &candidateRef, const std::string &baselineRef,
                                  const CancelToken &cancel);

// The comparison as JSON (snake_case):
// {"candidate": {"name", "version", "run_id", "aliases"}, "baseline": {...},
//  "metrics": [{"key", "candidate", "baseline", "delta", "relative_delta", "direction",
//               "direction_source": "default"|"model", "verdict"}],
//  "params": [{"key", "candidate", "baseline", "change"}], "version_tags": [...], "run_tags": [...],
//  "signature": {"compared", "breaking", "note", "changes": [{"section", "name", "change", "from",
//                "to", "breaking", "reason"}]},
//  "warnings": [...]}
// Absent values are null; NaN and infinite metric values are the strings "NaN", "Infinity", "-Infinity".
std::string comparisonToJson(const Comparison &comparison, int indent = 2);

} // namespace modelgate
