#include "modelgate/core/mlflow/json_output.h"

#include "mlflow/json_mapping.h"

namespace modelgate {

namespace {

std::string dump(const nlohmann::json &value, int indent)
{
    // Replace invalid UTF-8 rather than throwing: names come from a server we do not control.
    return value.dump(indent < 0 ? -1 : indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

template <typename T>
std::string dumpList(const std::vector<T> &items, int indent)
{
    nlohmann::json array = nlohmann::json::array();
    for (const auto &item : items)
        array.push_back(json::toJsonValue(item));
    return dump(array, indent);
}

} // namespace

std::string toJson(const RegisteredModel &model, int indent)
{
    return dump(json::toJsonValue(model), indent);
}

std::string toJson(const std::vector<RegisteredModel> &models, int indent)
{
    return dumpList(models, indent);
}

std::string toJson(const ModelVersion &version, int indent)
{
    return dump(json::toJsonValue(version), indent);
}

std::string toJson(const std::vector<ModelVersion> &versions, int indent)
{
    return dumpList(versions, indent);
}

std::string toJson(const Run &run, int indent)
{
    return dump(json::toJsonValue(run), indent);
}

std::string toJson(const std::vector<Metric> &metrics, int indent)
{
    return dumpList(metrics, indent);
}

std::string toJson(const Experiment &experiment, int indent)
{
    return dump(json::toJsonValue(experiment), indent);
}

std::string toJson(const ModelSignature &signature, int indent)
{
    return dump(json::toJsonValue(signature), indent);
}

std::string jsonObject(const std::vector<JsonMember> &members, int indent)
{
    const bool pretty = indent >= 0;
    const std::string pad(pretty ? static_cast<std::size_t>(indent) : 0, ' ');
    std::string out = "{";
    bool first = true;
    for (const auto &[key, text] : members) {
        out += first ? "" : ",";
        first = false;
        if (pretty)
            out += "\n" + pad;
        out += dump(nlohmann::json(key), -1);
        out += pretty ? ": " : ":";
        if (text.empty()) {
            out += "null";
            continue;
        }
        // JSON strings cannot hold a raw newline, so every newline in the text is layout.
        for (const char c : text) {
            out += c;
            if (c == '\n')
                out += pad;
        }
    }
    if (pretty && !members.empty())
        out += "\n";
    out += "}";
    return out;
}

} // namespace modelgate
