#include "modelgate/core/review/review.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/util/parallel.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace modelgate {

namespace {

bool isNumericRef(const std::string &ref)
{
    return !ref.empty() && std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isAliasRef(const std::string &ref)
{
    return ref.size() > 1 && ref.front() == '@';
}

// A failure to read the MLmodel never fails a review, except cancellation.
void storeSignature(VersionEvidence &evidence, Result<ModelSignature> signature)
{
    if (signature.ok()) {
        evidence.signature = std::move(signature).value();
        evidence.signatureNote.clear();
    } else {
        evidence.signatureNote = signature.error().describe();
    }
}

bool isNotFound(const Error &error)
{
    return (error.kind == ErrorKind::Api && error.code == "RESOURCE_DOES_NOT_EXIST") ||
           (error.kind == ErrorKind::HttpStatus && error.httpStatus == 404);
}

} // namespace

Result<VersionEvidence> loadVersionEvidence(const MlflowClient &client, const std::string &modelName,
                                            const std::string &versionOrAlias, const CancelToken &cancel)
{
    VersionEvidence evidence;
    std::optional<Result<ModelVersion>> version;
    std::optional<Result<ModelSignature>> signature;
    std::optional<Result<Run>> run;
    std::string mlmodelText;

    const auto fetchRun = [&](const ModelVersion &loaded) {
        if (!loaded.runId.empty())
            run.emplace(client.getRun(loaded.runId, cancel));
    };

    if (isNumericRef(versionOrAlias)) {
        // The signature needs only the version number: read it while the version is fetched.
        parallelInvoke({[&] { version.emplace(client.getModelVersion(modelName, versionOrAlias, cancel)); },
                        [&] {
                            signature.emplace(client.getModelVersionSignature(modelName, versionOrAlias,
                                                                              cancel, &mlmodelText));
                        }},
                       2, cancel);
        if (!version)
            return cancelledError();
        if (!version->ok())
            return version->error();
        fetchRun(version->value());
    } else {
        version.emplace(client.resolveModelVersion(modelName, versionOrAlias, cancel));
        if (!version->ok())
            return version->error();
        const ModelVersion &resolved = version->value();
        parallelInvoke({[&] { fetchRun(resolved); },
                        [&] {
                            signature.emplace(client.getModelVersionSignature(modelName, resolved.version,
                                                                              cancel, &mlmodelText));
                        }},
                       2, cancel);
    }
    if (cancel.isCancelled())
        return cancelledError();

    evidence.version = std::move(*version).value();
    if (evidence.version.runId.empty()) {
        evidence.runNote = "the version has no source run";
    } else if (run && run->ok()) {
        evidence.run = std::move(*run).value();
    } else if (run && isNotFound(run->error())) {
        evidence.runNote = "the source run " + evidence.version.runId + " no longer exists";
    } else if (run) {
        return run->error();
    }
    if (signature && (signature->ok() || signature->error().kind == ErrorKind::Parse))
        evidence.mlmodelText = std::move(mlmodelText);
    if (signature)
        storeSignature(evidence, std::move(*signature));
    else
        evidence.signatureNote = "not read";
    return evidence;
}

const char *wireName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return "better";
    case Verdict::Worse:
        return "worse";
    case Verdict::Equal:
        return "equal";
    case Verdict::Unknown:
        break;
    }
    return "unknown";
}

const char *wireName(ValueChange change)
{
    switch (change) {
    case ValueChange::Changed:
        return "changed";
    case ValueChange::Added:
        return "added";
    case ValueChange::Removed:
        return "removed";
    case ValueChange::Same:
        break;
    }
    return "same";
}

MetricComparison compareMetric(const std::string &key, std::optional<double> candidate,
                               std::optional<double> baseline, MetricDirection direction)
{
    MetricComparison row;
    row.key = key;
    row.candidate = candidate;
    row.baseline = baseline;
    row.direction = direction;
    if (!candidate || !baseline || std::isnan(*candidate) || std::isnan(*baseline))
        return row;
    const double a = *candidate;
    const double b = *baseline;
    const bool equal = a == b || (std::isfinite(a) && std::isfinite(b) &&
                                  std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b)));
    if (std::isfinite(a) && std::isfinite(b)) {
        const double delta = equal ? 0.0 : a - b;
        if (std::isfinite(delta)) {
            row.delta = delta;
            if (b != 0.0)
                row.relativeDelta = delta / std::fabs(b);
            else if (delta == 0.0)
                row.relativeDelta = 0.0;
        }
    }
    if (equal)
        row.verdict = Verdict::Equal;
    else if (direction == MetricDirection::HigherIsBetter)
        row.verdict = a > b ? Verdict::Better : Verdict::Worse;
    else if (direction == MetricDirection::LowerIsBetter)
        row.verdict = a < b ? Verdict::Better : Verdict::Worse;
    return row;
}

std::vector<ValueDiff> diffValues(const std::map<std::string, std::string> &candidate,
                                  const std::map<std::string, std::string> &baseline)
{
    std::set<std::string> keys;
    for (const auto &entry : candidate)
        keys.insert(entry.first);
    for (const auto &entry : baseline)
        keys.insert(entry.first);
    std::vector<ValueDiff> rows;
    rows.reserve(keys.size());
    for (const auto &key : keys) {
        ValueDiff row;
        row.key = key;
        if (const auto it = candidate.find(key); it != candidate.end())
            row.candidate = it->second;
        if (const auto it = baseline.find(key); it != baseline.end())
            row.baseline = it->second;
        if (!row.baseline)
            row.change = ValueChange::Added;
        else if (!row.candidate)
            row.change = ValueChange::Removed;
        else
            row.change = *row.candidate == *row.baseline ? ValueChange::Same : ValueChange::Changed;
        rows.push_back(std::move(row));
    }
    return rows;
}

bool isReviewedRunTag(const std::string &key)
{
    if (key.rfind("mlflow.", 0) != 0)
        return true;
    return key == "mlflow.user" || key == "mlflow.source.name" || key == "mlflow.source.git.commit";
}

Comparison compareVersions(VersionEvidence candidate, VersionEvidence baseline,
                           const MetricDirections &directions)
{
    Comparison comparison;
    std::map<std::string, double> candidateMetrics;
    std::map<std::string, double> baselineMetrics;
    std::map<std::string, std::string> candidateParams;
    std::map<std::string, std::string> baselineParams;
    TagMap candidateRunTags;
    TagMap baselineRunTags;
    const auto collect = [](const std::optional<Run> &run, std::map<std::string, double> &metrics,
                            std::map<std::string, std::string> &params, TagMap &tags) {
        if (!run)
            return;
        for (const Metric &metric : run->metrics)
            metrics[metric.key] = metric.value;
        params = run->params;
        for (const auto &[key, value] : run->tags) {
            if (isReviewedRunTag(key))
                tags[key] = value;
        }
    };
    collect(candidate.run, candidateMetrics, candidateParams, candidateRunTags);
    collect(baseline.run, baselineMetrics, baselineParams, baselineRunTags);

    std::set<std::string> metricKeys;
    for (const auto &entry : candidateMetrics)
        metricKeys.insert(entry.first);
    for (const auto &entry : baselineMetrics)
        metricKeys.insert(entry.first);
    for (const auto &key : metricKeys) {
        const auto find = [&](const std::map<std::string, double> &values) -> std::optional<double> {
            const auto it = values.find(key);
            return it == values.end() ? std::nullopt : std::optional<double>(it->second);
        };
        MetricComparison row =
            compareMetric(key, find(candidateMetrics), find(baselineMetrics), directions.directionOf(key));
        row.directionOverridden = directions.isOverridden(key);
        comparison.metrics.push_back(std::move(row));
    }
    comparison.params = diffValues(candidateParams, baselineParams);
    comparison.versionTags = diffValues(candidate.version.tags, baseline.version.tags);
    comparison.runTags = diffValues(candidateRunTags, baselineRunTags);

    if (candidate.signature && baseline.signature) {
        comparison.signature = diffSignatures(*baseline.signature, *candidate.signature);
    } else {
        comparison.signature.compared = false;
        std::string note;
        if (!baseline.signature)
            note = "the baseline's MLmodel could not be read (" + baseline.signatureNote + ")";
        if (!candidate.signature)
            note += (note.empty() ? "" : "; ") + std::string("the candidate's MLmodel could not be read (") +
                    candidate.signatureNote + ")";
        comparison.signature.note = note;
    }
    comparison.candidate = std::move(candidate);
    comparison.baseline = std::move(baseline);
    return comparison;
}

Result<Comparison> loadComparison(const MlflowClient &client, const std::string &modelName,
                                  const std::string &candidateRef, const std::string &baselineRef,
                                  const CancelToken &cancel)
{
    std::optional<Result<VersionEvidence>> candidate;
    std::optional<Result<VersionEvidence>> baseline;
    std::optional<Result<RegisteredModel>> model;
    parallelInvoke({[&] { model.emplace(client.getRegisteredModel(modelName, cancel)); },
                    [&] { candidate.emplace(loadVersionEvidence(client, modelName, candidateRef, cancel)); },
                    [&] { baseline.emplace(loadVersionEvidence(client, modelName, baselineRef, cancel)); }},
                   3, cancel);
    if (cancel.isCancelled() || !model || !candidate || !baseline)
        return cancelledError();
    if (!model->ok())
        return model->error();

    // MLflow's answer to an unknown alias is a generic INVALID_PARAMETER_VALUE; say it plainly.
    const auto checked = [&](Result<VersionEvidence> &evidence,
                             const std::string &ref) -> std::optional<Error> {
        if (evidence.ok())
            return std::nullopt;
        Error error = evidence.error();
        if (isAliasRef(ref) && model->value().aliases.count(ref.substr(1)) == 0)
            error.message = modelName + " has no alias '" + ref.substr(1) + "'";
        return error;
    };
    if (auto error = checked(*candidate, candidateRef))
        return *error;
    if (auto error = checked(*baseline, baselineRef))
        return *error;

    ParsedMetricDirections directions = parseMetricDirections(model->value().tags);
    Comparison comparison =
        compareVersions(std::move(*candidate).value(), std::move(*baseline).value(), directions.directions);
    if (!directions.warning.empty())
        comparison.warnings.push_back(directions.warning);
    for (const auto *evidence : {&comparison.candidate, &comparison.baseline}) {
        if (!evidence->runNote.empty())
            comparison.warnings.push_back("version " + evidence->version.version + ": " + evidence->runNote);
    }
    return comparison;
}

// ---- JSON

namespace {

using nlohmann::json;

json numberJson(const std::optional<double> &value)
{
    if (!value)
        return nullptr;
    if (std::isnan(*value))
        return "NaN";
    if (std::isinf(*value))
        return *value > 0 ? "Infinity" : "-Infinity";
    return *value;
}

json optionalText(const std::optional<std::string> &value)
{
    return value ? json(*value) : json(nullptr);
}

json versionJson(const VersionEvidence &evidence)
{
    return json{{"name", evidence.version.name},
                {"version", evidence.version.version},
                {"run_id", evidence.version.runId},
                {"aliases", evidence.version.aliases}};
}

json diffJson(const std::vector<ValueDiff> &rows)
{
    json out = json::array();
    for (const auto &row : rows)
        out.push_back({{"key", row.key},
                       {"candidate", optionalText(row.candidate)},
                       {"baseline", optionalText(row.baseline)},
                       {"change", wireName(row.change)}});
    return out;
}

} // namespace

std::string comparisonToJson(const Comparison &comparison, int indent)
{
    json metrics = json::array();
    for (const auto &row : comparison.metrics)
        metrics.push_back({{"key", row.key},
                           {"candidate", numberJson(row.candidate)},
                           {"baseline", numberJson(row.baseline)},
                           {"delta", numberJson(row.delta)},
                           {"relative_delta", numberJson(row.relativeDelta)},
                           {"direction", wireName(row.direction)},
                           {"direction_source", row.directionOverridden ? "model" : "default"},
                           {"verdict", wireName(row.verdict)}});
    json changes = json::array();
    for (const auto &change : comparison.signature.changes)
        changes.push_back({{"section", wireName(change.section)},
                           {"name", change.name},
                           {"change", wireName(change.change)},
                           {"from", change.from.empty() ? json(nullptr) : json(change.from)},
                           {"to", change.to.empty() ? json(nullptr) : json(change.to)},
                           {"breaking", change.breaking},
                           {"reason", change.reason}});
    const json out{{"candidate", versionJson(comparison.candidate)},
                   {"baseline", versionJson(comparison.baseline)},
                   {"metrics", std::move(metrics)},
                   {"params", diffJson(comparison.params)},
                   {"version_tags", diffJson(comparison.versionTags)},
                   {"run_tags", diffJson(comparison.runTags)},
                   {"signature",
                    {{"compared", comparison.signature.compared},
                     {"breaking", comparison.signature.breaking},
                     {"note", comparison.signature.note},
                     {"changes", std::move(changes)}}},
                   {"warnings", comparison.warnings}};
    return out.dump(indent < 0 ? -1 : indent, ' ', false, json::error_handler_t::replace);
}

} // namespace modelgate
