#pragma once

#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/util/result.h"

#include <map>
#include <optional>
#include <string>

namespace modelgate {

class MlflowClient;

// Whether a larger value of a metric is an improvement. Neutral: no colour, no verdict.
enum class MetricDirection
{
    Neutral,
    HigherIsBetter,
    LowerIsBetter,
};

// "higher", "lower", "neutral" (the words stored in the tag and printed by the CLI).
const char *wireName(MetricDirection direction);
std::optional<MetricDirection> metricDirectionFromString(const std::string &text);

// The built-in rule for a metric name. The name is split into words at '_', '-', '.', '/',
// '@', ':', spaces and camelCase boundaries and lower-cased; the LAST word with a known
// direction decides, since metric names end in what they measure ("val_loss",
// "test_accuracy", "precision_at_10", "f1_score"). Higher: accuracy, acc, auc, auroc,
// auprc, f1, fbeta, precision, recall, r2, map, ndcg, mrr, iou, dice, bleu, rouge, ...;
// lower: loss, logloss, error, err, mse, rmse, mae, mape, brier, perplexity, wer, cer, ...
// A word with trailing digits counts as the word ("rouge1", "ndcg10"). A name without a
// known word that ends in a long known word ("valloss", "testaccuracy") takes its
// direction. A leading "neg"/"negative" (scikit-learn's "neg_mean_squared_error") flips
// it. Anything else is Neutral.
MetricDirection defaultMetricDirection(const std::string &metricName);

// The registered-model tag holding per-model overrides: a JSON object {"metric":
// "higher"|"lower"|"neutral"}, compact with sorted keys, so that every console and
// pipeline reading the model agrees.
inline constexpr const char *kMetricDirectionsTag = "modelgate.metric_directions";

// MLflow's registered_model_tags.value column is VARCHAR(5000) (mlflow/store/model_registry/
// dbmodels/models.py); the server's own check allows 100,000 characters, so a longer value
// fails only on MySQL/PostgreSQL backends. The portable limit, in characters, is enforced here.
inline constexpr std::size_t kMaxRegisteredModelTagValueChars = 5000;

using MetricDirectionMap = std::map<std::string, MetricDirection>;

// Directions for one model: overrides first, then the built-in rule.
struct MetricDirections
{
    MetricDirectionMap overrides;

    MetricDirection directionOf(const std::string &metricName) const;
    bool isOverridden(const std::string &metricName) const { return overrides.count(metricName) > 0; }
};

struct ParsedMetricDirections
{
    MetricDirections directions;
    // Empty when the tag is absent or fully valid; otherwise why (part of) it was ignored.
    // A malformed tag never fails a comparison: its usable entries are kept, the rest dropped.
    std::string warning;
};

// Reads kMetricDirectionsTag from a registered model's tags.
ParsedMetricDirections parseMetricDirections(const TagMap &registeredModelTags);
ParsedMetricDirections parseMetricDirectionsJson(const std::string &tagValue);

// The tag value for `overrides`, or a Config error when it exceeds
// kMaxRegisteredModelTagValueChars (the message says how long it is and the limit).
Result<std::string> serializeMetricDirections(const MetricDirectionMap &overrides);

// Replaces the model's overrides with `overrides` (an empty map writes "{}").
Status setMetricDirections(const MlflowClient &client, const std::string &modelName,
                           const MetricDirectionMap &overrides, const CancelToken &cancel);

// Reads the model's tag, sets (or, with nullopt, removes) one metric's override and writes
// the tag back. Read-modify-write: a concurrent edit of another console may be lost (MLflow
// has no conditional tag write). A malformed existing tag is replaced by the valid entries.
// Returns the overrides now stored.
Result<MetricDirectionMap> updateMetricDirection(const MlflowClient &client, const std::string &modelName,
                                                 const std::string &metricName,
                                                 std::optional<MetricDirection> direction,
                                                 const CancelToken &cancel);

} // namespace modelgate
