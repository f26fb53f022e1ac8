#include "modelgate/core/review/metric_direction.h"

#include "modelgate/core/mlflow/mlflow_client.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace modelgate {

namespace {

// Words that say what a metric measures. Kept deliberately to unambiguous names; a word
// that can mean either ("score", "rate", "time") is not here and leaves a metric Neutral.
constexpr std::string_view kHigherWords[] = {
    "accuracy",   "acc",        "auc",       "auroc",       "auprc",       "roc",     "f1",       "f2",
    "fbeta",      "fscore",     "precision", "prec",        "recall",      "r2",      "rsquared", "map",
    "ndcg",       "mrr",        "iou",       "miou",        "dice",        "bleu",    "rouge",    "rougel",
    "rougelsum",  "meteor",     "chrf",      "specificity", "sensitivity", "tpr",     "tnr",      "kappa",
    "mcc",        "hitrate",    "hits",      "coverage",    "ap",          "jaccard", "psnr",     "ssim",
    "throughput", "exactmatch", "corrcoef"};

constexpr std::string_view kLowerWords[] = {
    "loss",  "logloss", "error", "err",      "errors",   "mse",        "rmse",    "mae",      "mape",
    "smape", "msle",    "rmsle", "medae",    "brier",    "perplexity", "ppl",     "wer",      "cer",
    "fpr",   "fnr",     "eer",   "ece",      "deviance", "nll",        "latency", "distance", "divergence",
    "kl",    "hamming", "miss",  "missrate", "fid",      "regret",     "mad",     "residual"};

// Long words that may end a name written without separators ("valloss", "testaccuracy").
constexpr std::string_view kHigherSuffixes[] = {"accuracy", "precision", "recall", "auc",
                                                "ndcg",     "f1score",   "fscore", "r2score"};
constexpr std::string_view kLowerSuffixes[] = {"loss", "error", "rmse",      "logloss",
                                               "mse",  "mae",   "perplexity"};

template <std::size_t N>
bool contains(const std::string_view (&words)[N], std::string_view word)
{
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool isLowerOrDigit(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isAlnum(char c)
{
    return isUpper(c) || isLowerOrDigit(c);
}

// "val_Loss", "testAccuracy", "F1Score" -> {"val", "loss"}, {"test", "accuracy"}, {"f1", "score"}.
std::vector<std::string> words(const std::string &name)
{
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (!isAlnum(c)) {
            if (!current.empty())
                out.push_back(std::move(current));
            current.clear();
            continue;
        }
        // camelCase boundary: a lower-case letter or digit followed by an upper-case one.
        if (isUpper(c) && i > 0 && isLowerOrDigit(name[i - 1]) && !current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
        current += lower(c);
    }
    if (!current.empty())
        out.push_back(std::move(current));
    return out;
}

MetricDirection directionOfWord(std::string_view word)
{
    for (int pass = 0; pass < 2; ++pass) {
        if (contains(kHigherWords, word))
            return MetricDirection::HigherIsBetter;
        if (contains(kLowerWords, word))
            return MetricDirection::LowerIsBetter;
        // Second pass: the word without trailing digits ("rouge1", "ndcg10", "top5" stays unknown).
        std::size_t end = word.size();
        while (end > 0 && word[end - 1] >= '0' && word[end - 1] <= '9')
            --end;
        if (end == word.size() || end == 0)
            break;
        word = word.substr(0, end);
    }
    return MetricDirection::Neutral;
}

MetricDirection flipped(MetricDirection direction)
{
    switch (direction) {
    case MetricDirection::HigherIsBetter:
        return MetricDirection::LowerIsBetter;
    case MetricDirection::LowerIsBetter:
        return MetricDirection::HigherIsBetter;
    case MetricDirection::Neutral:
        break;
    }
    return MetricDirection::Neutral;
}

std::size_t utf8Length(const std::string &text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

const char *wireName(MetricDirection direction)
{
    switch (direction) {
    case MetricDirection::HigherIsBetter:
        return "higher";
    case MetricDirection::LowerIsBetter:
        return "lower";
    case MetricDirection::Neutral:
        break;
    }
    return "neutral";
}

std::optional<MetricDirection> metricDirectionFromString(const std::string &text)
{
    std::string value;
    for (const char c : text)
        value += lower(c);
    if (value == "higher")
        return MetricDirection::HigherIsBetter;
    if (value == "lower")
        return MetricDirection::LowerIsBetter;
    if (value == "neutral")
        return MetricDirection::Neutral;
    return std::nullopt;
}

MetricDirection defaultMetricDirection(const std::string &metricName)
{
    const std::vector<std::string> parts = words(metricName);
    if (parts.empty())
        return MetricDirection::Neutral;
    const bool negated = parts.front() == "neg" || parts.front() == "negative";
    MetricDirection direction = MetricDirection::Neutral;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        direction = directionOfWord(*it);
        if (direction != MetricDirection::Neutral)
            break;
    }
    if (direction == MetricDirection::Neutral) {
        std::string joined;
        for (const auto &part : parts)
            joined += part;
        const auto endsWith = [&](std::string_view suffix) {
            return joined.size() >= suffix.size() &&
                   std::string_view(joined).substr(joined.size() - suffix.size()) == suffix;
        };
        if (std::any_of(std::begin(kLowerSuffixes), std::end(kLowerSuffixes), endsWith))
            direction = MetricDirection::LowerIsBetter;
        else if (std::any_of(std::begin(kHigherSuffixes), std::end(kHigherSuffixes), endsWith))
            direction = MetricDirection::HigherIsBetter;
    }
    return negated ? flipped(direction) : direction;
}

MetricDirection MetricDirections::directionOf(const std::string &metricName) const
{
    const auto it = overrides.find(metricName);
    return it != overrides.end() ? it->second : defaultMetricDirection(metricName);
}

ParsedMetricDirections parseMetricDirectionsJson(const std::string &tagValue)
{
    ParsedMetricDirections parsed;
    const nlohmann::json value = nlohmann::json::parse(tagValue, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded() || !value.is_object()) {
        parsed.warning = std::string("the tag ") + kMetricDirectionsTag +
                         " is not a JSON object of metric names to \"higher\", \"lower\" or \"neutral\"; "
                         "it is ignored";
        return parsed;
    }
    std::vector<std::string> rejected;
    for (auto it = value.begin(); it != value.end(); ++it) {
        std::optional<MetricDirection> direction;
        if (it.value().is_string())
            direction = metricDirectionFromString(it.value().get<std::string>());
        if (direction && !it.key().empty())
            parsed.directions.overrides[it.key()] = *direction;
        else
            rejected.push_back(it.key());
    }
    if (!rejected.empty()) {
        parsed.warning = std::string("the tag ") + kMetricDirectionsTag + " has " +
                         std::to_string(rejected.size()) + " entr" + (rejected.size() == 1 ? "y" : "ies") +
                         " that are not \"higher\", \"lower\" or \"neutral\" (ignored): ";
        for (std::size_t i = 0; i < rejected.size() && i < 5; ++i)
            parsed.warning +=
                (i ? ", " : "") +
                nlohmann::json(rejected[i]).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (rejected.size() > 5)
            parsed.warning += ", ...";
    }
    return parsed;
}

ParsedMetricDirections parseMetricDirections(const TagMap &registeredModelTags)
{
    const auto it = registeredModelTags.find(kMetricDirectionsTag);
    if (it == registeredModelTags.end())
        return {};
    return parseMetricDirectionsJson(it->second);
}

Result<std::string> serializeMetricDirections(const MetricDirectionMap &overrides)
{
    nlohmann::json object = nlohmann::json::object(); // std::map: keys come out sorted
    for (const auto &[metric, direction] : overrides)
        object[metric] = wireName(direction);
    std::string text = object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::size_t length = utf8Length(text);
    if (length > kMaxRegisteredModelTagValueChars) {
        Error error;
        error.kind = ErrorKind::Config;
        error.code = "TAG_VALUE_TOO_LONG";
        error.message = "the metric directions of " + std::to_string(overrides.size()) + " metrics take " +
                        std::to_string(length) + " characters, more than the " +
                        std::to_string(kMaxRegisteredModelTagValueChars) +
                        " a registered-model tag can hold on every MLflow backend; remove some overrides";
        return error;
    }
    return text;
}

Status setMetricDirections(const MlflowClient &client, const std::string &modelName,
                           const MetricDirectionMap &overrides, const CancelToken &cancel)
{
    auto text = serializeMetricDirections(overrides);
    if (!text.ok())
        return text.error();
    return client.setRegisteredModelTag(modelName, kMetricDirectionsTag, text.value(), cancel);
}

Result<MetricDirectionMap> updateMetricDirection(const MlflowClient &client, const std::string &modelName,
                                                 const std::string &metricName,
                                                 std::optional<MetricDirection> direction,
                                                 const CancelToken &cancel)
{
    if (metricName.empty()) {
        Error error;
        error.kind = ErrorKind::Config;
        error.message = "the metric name is empty";
        return error;
    }
    auto model = client.getRegisteredModel(modelName, cancel);
    if (!model.ok())
        return model.error();
    MetricDirectionMap overrides = parseMetricDirections(model->tags).directions.overrides;
    if (direction)
        overrides[metricName] = *direction;
    else
        overrides.erase(metricName);
    const Status written = setMetricDirections(client, modelName, overrides, cancel);
    if (!written.ok())
        return written.error();
    return overrides;
}

} // namespace modelgate
