#include "mlflow/json_mapping.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

namespace modelgate::json {

using nlohmann::json;

namespace {

std::string joinPath(const std::string &prefix, const char *key)
{
    return prefix.empty() ? std::string(key) : prefix + '.' + key;
}

std::string indexPath(const std::string &prefix, std::size_t index)
{
    return prefix + '[' + std::to_string(index) + ']';
}

Error typeError(const std::string &field, const char *expected, const json &actual)
{
    return Error::parse(field, "field '" + field + "': expected " + expected + ", got " + actual.type_name());
}

// Reads the members of one JSON object into plain values, remembering the first
// problem. Absent and null members leave the destination untouched (its default).
class ObjectReader
{
public:
    ObjectReader(const json &value, std::string path)
        : m_value(value)
        , m_path(std::move(path))
    {
        if (!m_value.is_object() && !m_value.is_null())
            m_error = typeError(m_path.empty() ? std::string("(root)") : m_path, "object", m_value);
    }

    bool failed() const { return m_error.has_value(); }
    const Error &error() const { return *m_error; }
    const std::string &path() const { return m_path; }

    void fail(Error error)
    {
        if (!m_error)
            m_error = std::move(error);
    }

    // The member, or nullptr when absent, null, or after an earlier failure.
    const json *member(const char *key) const
    {
        if (m_error || !m_value.is_object())
            return nullptr;
        const auto it = m_value.find(key);
        if (it == m_value.end() || it->is_null())
            return nullptr;
        return &*it;
    }

    void string(const char *key, std::string &out)
    {
        const json *value = member(key);
        if (!value)
            return;
        if (!value->is_string()) {
            fail(typeError(joinPath(m_path, key), "string", *value));
            return;
        }
        out = value->get<std::string>();
    }

    void int64(const char *key, std::int64_t &out)
    {
        const json *value = member(key);
        if (!value)
            return;
        if (auto parsed = readInt64(*value, joinPath(m_path, key)))
            out = *parsed;
    }

    void number(const char *key, double &out)
    {
        const json *value = member(key);
        if (!value)
            return;
        const std::string field = joinPath(m_path, key);
        if (value->is_number()) {
            out = value->get<double>();
        } else if (value->is_string()) {
            // proto3 JSON spells the non-finite doubles as strings.
            const auto &text = value->get_ref<const std::string &>();
            if (text == "NaN")
                out = std::numeric_limits<double>::quiet_NaN();
            else if (text == "Infinity")
                out = std::numeric_limits<double>::infinity();
            else if (text == "-Infinity")
                out = -std::numeric_limits<double>::infinity();
            else if (auto parsed = parseDoubleText(text))
                out = *parsed;
            else
                fail(Error::parse(field, "field '" + field + "': expected a number, got the string \"" +
                                             text.substr(0, 40) + '"'));
        } else {
            fail(typeError(field, "number", *value));
        }
    }

    void boolean(const char *key, bool &out)
    {
        const json *value = member(key);
        if (!value)
            return;
        if (!value->is_boolean()) {
            fail(typeError(joinPath(m_path, key), "boolean", *value));
            return;
        }
        out = value->get<bool>();
    }

    void keyValues(const char *key, const char *keyName, const char *valueName,
                   std::map<std::string, std::string> &out)
    {
        const json *value = member(key);
        if (!value)
            return;
        const std::string field = joinPath(m_path, key);
        if (!value->is_array()) {
            fail(typeError(field, "array", *value));
            return;
        }
        for (std::size_t i = 0; i < value->size(); ++i) {
            ObjectReader entry((*value)[i], indexPath(field, i));
            std::string k;
            std::string v;
            entry.string(keyName, k);
            entry.string(valueName, v);
            if (entry.failed()) {
                fail(entry.error());
                return;
            }
            out[k] = v;
        }
    }

    void strings(const char *key, std::vector<std::string> &out)
    {
        const json *value = member(key);
        if (!value)
            return;
        const std::string field = joinPath(m_path, key);
        if (!value->is_array()) {
            fail(typeError(field, "array", *value));
            return;
        }
        for (std::size_t i = 0; i < value->size(); ++i) {
            const json &item = (*value)[i];
            if (!item.is_string()) {
                fail(typeError(indexPath(field, i), "string", item));
                return;
            }
            out.push_back(item.get<std::string>());
        }
    }

    // Reads an array of objects with `readItem(value, path) -> Result<T>`.
    template <typename T, typename ReadItem>
    void objects(const char *key, std::vector<T> &out, ReadItem readItem)
    {
        const json *value = member(key);
        if (!value)
            return;
        const std::string field = joinPath(m_path, key);
        if (!value->is_array()) {
            fail(typeError(field, "array", *value));
            return;
        }
        out.reserve(out.size() + value->size());
        for (std::size_t i = 0; i < value->size(); ++i) {
            auto item = readItem((*value)[i], indexPath(field, i));
            if (!item.ok()) {
                fail(item.error());
                return;
            }
            out.push_back(std::move(item).value());
        }
    }

private:
    static std::optional<double> parseDoubleText(const std::string &text)
    {
        double result = 0;
        const char *end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, result);
        if (ec != std::errc() || ptr != end || text.empty())
            return std::nullopt;
        return result;
    }

    std::optional<std::int64_t> readInt64(const json &value, const std::string &field)
    {
        if (value.is_number_integer()) {
            if (value.is_number_unsigned() &&
                value.get<std::uint64_t>() >
                    static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                fail(Error::parse(field, "field '" + field + "': integer out of the int64 range"));
                return std::nullopt;
            }
            return value.get<std::int64_t>();
        }
        if (value.is_number_float()) {
            // Some JSON writers emit 1.7e12 for an integer; accept it when it is whole.
            const double d = value.get<double>();
            if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.0e18)
                return static_cast<std::int64_t>(d);
            fail(Error::parse(field, "field '" + field + "': expected an integer, got a fractional number"));
            return std::nullopt;
        }
        if (value.is_string()) {
            const auto &text = value.get_ref<const std::string &>();
            std::int64_t result = 0;
            const char *end = text.data() + text.size();
            const auto [ptr, ec] = std::from_chars(text.data(), end, result);
            if (text.empty() || ec != std::errc() || ptr != end) {
                fail(Error::parse(field, "field '" + field + "': expected an integer, got the string \"" +
                                             text.substr(0, 40) + '"'));
                return std::nullopt;
            }
            return result;
        }
        fail(typeError(field, "integer (number or numeric string)", value));
        return std::nullopt;
    }

    const json &m_value;
    std::string m_path;
    std::optional<Error> m_error;
};

template <typename T>
Result<T> finish(const ObjectReader &reader, T value)
{
    if (reader.failed())
        return reader.error();
    return value;
}

Result<DatasetInput> datasetInputFromJson(const json &value, const std::string &path)
{
    ObjectReader reader(value, path);
    DatasetInput input;
    reader.keyValues("tags", "key", "value", input.tags);
    if (const json *dataset = reader.member("dataset")) {
        ObjectReader inner(*dataset, joinPath(path, "dataset"));
        inner.string("name", input.name);
        inner.string("digest", input.digest);
        inner.string("source_type", input.sourceType);
        inner.string("source", input.source);
        inner.string("schema", input.schema);
        inner.string("profile", input.profile);
        if (inner.failed())
            reader.fail(inner.error());
    }
    return finish(reader, std::move(input));
}

// Reads the member `key` of a response object as an object with `read`.
template <typename T, typename Read>
Result<T> memberOfBody(const std::string &body, const char *key, Read read)
{
    auto root = parseObject(body, key);
    if (!root.ok())
        return root.error();
    const auto it = root->find(key);
    if (it == root->end() || it->is_null())
        return Error::parse(key, std::string("response has no '") + key + "' object");
    return read(*it, std::string(key));
}

template <typename T, typename Read>
Result<Page<T>> pageOfBody(const std::string &body, const char *listKey, Read read)
{
    auto root = parseObject(body, listKey);
    if (!root.ok())
        return root.error();
    ObjectReader reader(*root, std::string());
    Page<T> page;
    reader.objects(listKey, page.items, read);
    reader.string("next_page_token", page.nextPageToken);
    return finish(reader, std::move(page));
}

json tagsToJson(const TagMap &tags, const char *keyName = "key", const char *valueName = "value")
{
    json array = json::array();
    for (const auto &[key, value] : tags)
        array.push_back(json{{keyName, key}, {valueName, value}});
    return array;
}

json fieldsToJson(const std::vector<SignatureField> &fields)
{
    json array = json::array();
    for (const auto &field : fields) {
        array.push_back(json{{"name", field.name},
                             {"type", field.type},
                             {"required", field.required},
                             {"detail", field.detail}});
    }
    return array;
}

} // namespace

Result<json> parseObject(const std::string &body, const std::string &what)
{
    json root = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
        std::string start = body.substr(0, 60);
        for (char &c : start) {
            if (static_cast<unsigned char>(c) < 0x20)
                c = ' ';
        }
        return Error::parse(std::string(), "the " + what + " response is not JSON: \"" + start + '"');
    }
    if (!root.is_object())
        return Error::parse(std::string(), "the " + what + " response is JSON but not an object (got " +
                                               root.type_name() + ')');
    return root;
}

Result<ModelVersion> modelVersionFromJson(const json &value, const std::string &path)
{
    ObjectReader reader(value, path);
    ModelVersion version;
    reader.string("name", version.name);
    reader.string("version", version.version);
    reader.int64("creation_timestamp", version.creationTimestamp);
    reader.int64("last_updated_timestamp", version.lastUpdatedTimestamp);
    reader.string("user_id", version.userId);
    reader.string("current_stage", version.currentStage);
    reader.string("description", version.description);
    reader.string("source", version.source);
    reader.string("run_id", version.runId);
    reader.string("status", version.status);
    reader.string("status_message", version.statusMessage);
    reader.string("run_link", version.runLink);
    reader.keyValues("tags", "key", "value", version.tags);
    reader.strings("aliases", version.aliases);
    return finish(reader, std::move(version));
}

Result<RegisteredModel> registeredModelFromJson(const json &value, const std::string &path)
{
    ObjectReader reader(value, path);
    RegisteredModel model;
    reader.string("name", model.name);
    reader.int64("creation_timestamp", model.creationTimestamp);
    reader.int64("last_updated_timestamp", model.lastUpdatedTimestamp);
    reader.string("user_id", model.userId);
    reader.string("description", model.description);
    reader.keyValues("tags", "key", "value", model.tags);
    reader.keyValues("aliases", "alias", "version", model.aliases);
    reader.objects("latest_versions", model.latestVersions, modelVersionFromJson);
    return finish(reader, std::move(model));
}

Result<Metric> metricFromJson(const json &value, const std::string &path)
{
    ObjectReader reader(value, path);
    Metric metric;
    reader.string("key", metric.key);
    reader.number("value", metric.value);
    reader.int64("timestamp", metric.timestamp);
    reader.int64("step", metric.step);
    reader.string("run_id", metric.runId);
    return finish(reader, std::move(metric));
}

Result<Run> runFromJson(const json &value, const std::string &path)
{
    ObjectReader reader(value, path);
    Run run;
    if (const json *info = reader.member("info")) {
        ObjectReader inner(*info, joinPath(path, "info"));
        inner.string("run_uuid", run.info.runId); // deprecated twin; run_id wins when both are present
        inner.string("run_id", run.info.runId);
        inner.string("run_name", run.info.runName);
        inner.string("experiment_id", run.info.experimentId);
        inner.string("user_id", run.info.userId);
        inner.string("status", run.info.status);
        inner.int64("start_time", run.info.startTime);
        inner.int64("end_time", run.info.endTime);
        inner.string("artifact_uri", run.info.artifactUri);
        inner.string("lifecycle_stage", run.info.lifecycleStage);
        if (inner.failed())
            reader.fail(inner.error());
    }
    if (const json *data = reader.member("data")) {
        ObjectReader inner(*data, joinPath(path, "data"));
        inner.objects("metrics", run.metrics, metricFromJson);
        inner.keyValues("params", "key", "value", run.params);
        inner.keyValues("tags", "key", "value", run.tags);
        if (inner.failed())
            reader.fail(inner.error());
    }
    if (const json *inputs = reader.member("inputs")) {
        ObjectReader inner(*inputs, joinPath(path, "inputs"));
        inner.objects("dataset_inputs", run.datasetInputs, datasetInputFromJson);
        std::vector<std::string> ids;
        inner.objects("model_inputs", ids,
                      [](const json &item, const std::string &itemPath) -> Result<std::string> {
                          ObjectReader modelInput(item, itemPath);
                          std::string id;
                          modelInput.string("model_id", id);
                          return finish(modelInput, std::move(id));
                      });
        run.modelInputIds = std::move(ids);
        if (inner.failed())
            reader.fail(inner.error());
    }
    return finish(reader, std::move(run));
}

Result<Experiment> experimentFromJson(const json &value, const std::string &path)
{
    ObjectReader reader(value, path);
    Experiment experiment;
    reader.string("experiment_id", experiment.experimentId);
    reader.string("name", experiment.name);
    reader.string("artifact_location", experiment.artifactLocation);
    reader.string("lifecycle_stage", experiment.lifecycleStage);
    reader.int64("creation_time", experiment.creationTime);
    reader.int64("last_update_time", experiment.lastUpdateTime);
    reader.keyValues("tags", "key", "value", experiment.tags);
    return finish(reader, std::move(experiment));
}

Result<Page<RegisteredModel>> registeredModelsPageFromBody(const std::string &body)
{
    return pageOfBody<RegisteredModel>(body, "registered_models", registeredModelFromJson);
}

Result<RegisteredModel> registeredModelFromBody(const std::string &body)
{
    return memberOfBody<RegisteredModel>(body, "registered_model", registeredModelFromJson);
}

Result<Page<ModelVersion>> modelVersionsPageFromBody(const std::string &body)
{
    return pageOfBody<ModelVersion>(body, "model_versions", modelVersionFromJson);
}

Result<ModelVersion> modelVersionFromBody(const std::string &body)
{
    return memberOfBody<ModelVersion>(body, "model_version", modelVersionFromJson);
}

Result<Run> runFromBody(const std::string &body)
{
    return memberOfBody<Run>(body, "run", runFromJson);
}

Result<Page<Metric>> metricsPageFromBody(const std::string &body)
{
    return pageOfBody<Metric>(body, "metrics", metricFromJson);
}

Result<Experiment> experimentFromBody(const std::string &body)
{
    return memberOfBody<Experiment>(body, "experiment", experimentFromJson);
}

Result<Page<Experiment>> experimentsPageFromBody(const std::string &body)
{
    return pageOfBody<Experiment>(body, "experiments", experimentFromJson);
}

Result<Page<Run>> runsPageFromBody(const std::string &body)
{
    return pageOfBody<Run>(body, "runs", runFromJson);
}

Result<std::string> experimentIdFromBody(const std::string &body)
{
    auto root = parseObject(body, "experiments/create");
    if (!root.ok())
        return root.error();
    ObjectReader reader(*root, std::string());
    std::string id;
    reader.string("experiment_id", id);
    if (!reader.failed() && id.empty())
        return Error::parse("experiment_id", "response has no 'experiment_id'");
    return finish(reader, std::move(id));
}

Result<ArtifactListing> artifactListingFromBody(const std::string &body)
{
    auto root = parseObject(body, "artifact listing");
    if (!root.ok())
        return root.error();
    ObjectReader reader(*root, std::string());
    ArtifactListing listing;
    reader.string("root_uri", listing.rootUri);
    reader.objects("files", listing.files,
                   [](const json &item, const std::string &path) -> Result<ArtifactFile> {
                       ObjectReader entry(item, path);
                       ArtifactFile file;
                       entry.string("path", file.path);
                       entry.boolean("is_dir", file.isDir);
                       entry.int64("file_size", file.fileSize);
                       if (!entry.failed() && file.path.empty())
                           return Error::parse(joinPath(path, "path"),
                                               "field '" + joinPath(path, "path") + "': empty path");
                       return finish(entry, std::move(file));
                   });
    reader.string("next_page_token", listing.nextPageToken);
    return finish(reader, std::move(listing));
}

json toJsonValue(const ModelVersion &version)
{
    json aliases = json::array();
    for (const auto &alias : version.aliases)
        aliases.push_back(alias);
    return json{{"name", version.name},
                {"version", version.version},
                {"creation_timestamp", version.creationTimestamp},
                {"last_updated_timestamp", version.lastUpdatedTimestamp},
                {"user_id", version.userId},
                {"current_stage", version.currentStage},
                {"description", version.description},
                {"source", version.source},
                {"run_id", version.runId},
                {"status", version.status},
                {"status_message", version.statusMessage},
                {"run_link", version.runLink},
                {"tags", tagsToJson(version.tags)},
                {"aliases", std::move(aliases)}};
}

json toJsonValue(const RegisteredModel &model)
{
    json latest = json::array();
    for (const auto &version : model.latestVersions)
        latest.push_back(toJsonValue(version));
    return json{{"name", model.name},
                {"creation_timestamp", model.creationTimestamp},
                {"last_updated_timestamp", model.lastUpdatedTimestamp},
                {"user_id", model.userId},
                {"description", model.description},
                {"latest_versions", std::move(latest)},
                {"tags", tagsToJson(model.tags)},
                {"aliases", tagsToJson(model.aliases, "alias", "version")}};
}

json toJsonValue(const Metric &metric)
{
    json out{{"key", metric.key}, {"timestamp", metric.timestamp}, {"step", metric.step}};
    // JSON has no NaN or infinity: write them as proto3 JSON does, as strings.
    if (std::isnan(metric.value))
        out["value"] = "NaN";
    else if (std::isinf(metric.value))
        out["value"] = metric.value > 0 ? "Infinity" : "-Infinity";
    else
        out["value"] = metric.value;
    if (!metric.runId.empty())
        out["run_id"] = metric.runId;
    return out;
}

json toJsonValue(const Run &run)
{
    json metrics = json::array();
    for (const auto &metric : run.metrics)
        metrics.push_back(toJsonValue(metric));
    json datasets = json::array();
    for (const auto &input : run.datasetInputs) {
        datasets.push_back(json{{"tags", tagsToJson(input.tags)},
                                {"dataset",
                                 {{"name", input.name},
                                  {"digest", input.digest},
                                  {"source_type", input.sourceType},
                                  {"source", input.source},
                                  {"schema", input.schema},
                                  {"profile", input.profile}}}});
    }
    json modelInputs = json::array();
    for (const auto &id : run.modelInputIds)
        modelInputs.push_back(json{{"model_id", id}});
    const RunInfo &info = run.info;
    return json{
        {"info",
         {{"run_id", info.runId},
          {"run_name", info.runName},
          {"experiment_id", info.experimentId},
          {"user_id", info.userId},
          {"status", info.status},
          {"start_time", info.startTime},
          {"end_time", info.endTime},
          {"artifact_uri", info.artifactUri},
          {"lifecycle_stage", info.lifecycleStage}}},
        {"data",
         {{"metrics", std::move(metrics)},
          {"params", tagsToJson(run.params)},
          {"tags", tagsToJson(run.tags)}}},
        {"inputs", {{"dataset_inputs", std::move(datasets)}, {"model_inputs", std::move(modelInputs)}}}};
}

json toJsonValue(const Experiment &experiment)
{
    return json{{"experiment_id", experiment.experimentId},
                {"name", experiment.name},
                {"artifact_location", experiment.artifactLocation},
                {"lifecycle_stage", experiment.lifecycleStage},
                {"creation_time", experiment.creationTime},
                {"last_update_time", experiment.lastUpdateTime},
                {"tags", tagsToJson(experiment.tags)}};
}

json toJsonValue(const ModelSignature &signature)
{
    return json{{"present", signature.present},
                {"inputs", fieldsToJson(signature.inputs)},
                {"outputs", fieldsToJson(signature.outputs)},
                {"params", fieldsToJson(signature.params)},
                {"has_input_example", signature.hasInputExample},
                {"flavors", signature.flavors},
                {"mlflow_version", signature.mlflowVersion}};
}

} // namespace modelgate::json
