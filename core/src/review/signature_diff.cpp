#include "modelgate/core/review/signature_diff.h"

#include "util/text.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>

// The rules implemented here, with their source, are listed in signature_diff.h.

namespace modelgate {

namespace {

// ---- nested column types, parsed back from mlmodel.cpp's typeText():
// "array<T>", "map<string, T>", "object{name: T, other: T (optional)}", or a type name.
struct TypeNode
{
    enum class Kind
    {
        Scalar,
        Array,
        Map,
        Object,
    };
    struct Property
    {
        std::string name;
        std::unique_ptr<TypeNode> type;
        bool required = true;
    };
    Kind kind = Kind::Scalar;
    std::string scalar;                // Scalar
    std::unique_ptr<TypeNode> element; // Array items, Map values
    std::vector<Property> properties;  // Object
};

constexpr int kMaxTypeDepth = 32;

class TypeParser
{
public:
    explicit TypeParser(std::string_view text)
        : m_text(text)
    {}

    std::unique_ptr<TypeNode> parseAll()
    {
        auto node = parse(0);
        if (!node || m_pos != m_text.size())
            return nullptr;
        return node;
    }

private:
    bool consume(std::string_view token)
    {
        if (m_text.substr(m_pos, token.size()) != token)
            return false;
        m_pos += token.size();
        return true;
    }

    std::unique_ptr<TypeNode> parse(int depth)
    {
        if (depth > kMaxTypeDepth)
            return nullptr;
        auto node = std::make_unique<TypeNode>();
        if (consume("array<")) {
            node->kind = TypeNode::Kind::Array;
            node->element = parse(depth + 1);
            if (!node->element || !consume(">"))
                return nullptr;
            return node;
        }
        if (consume("map<string, ")) {
            node->kind = TypeNode::Kind::Map;
            node->element = parse(depth + 1);
            if (!node->element || !consume(">"))
                return nullptr;
            return node;
        }
        if (consume("object{")) {
            node->kind = TypeNode::Kind::Object;
            if (consume("}"))
                return node;
            while (true) {
                const std::size_t colon = m_text.find(": ", m_pos);
                if (colon == std::string_view::npos)
                    return nullptr;
                TypeNode::Property property;
                property.name = std::string(m_text.substr(m_pos, colon - m_pos));
                m_pos = colon + 2;
                property.type = parse(depth + 1);
                if (!property.type)
                    return nullptr;
                if (consume(" (optional)"))
                    property.required = false;
                node->properties.push_back(std::move(property));
                if (consume("}"))
                    return node;
                if (!consume(", "))
                    return nullptr;
            }
        }
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && ((m_text[m_pos] >= 'a' && m_text[m_pos] <= 'z') ||
                                         m_text[m_pos] == '_' || m_text[m_pos] == '?'))
            ++m_pos;
        if (m_pos == start)
            return nullptr;
        node->scalar = std::string(m_text.substr(start, m_pos - start));
        return node;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

bool isNestedType(const std::string &type)
{
    return type == "array" || type == "object" || type == "map";
}

// The text the type parser reads for a column field.
std::string columnTypeText(const SignatureField &field)
{
    return isNestedType(field.type) && !field.detail.empty() ? field.detail : field.type;
}

const char *kindName(TypeNode::Kind kind)
{
    switch (kind) {
    case TypeNode::Kind::Array:
        return "an array";
    case TypeNode::Kind::Map:
        return "a map";
    case TypeNode::Kind::Object:
        return "an object";
    case TypeNode::Kind::Scalar:
        break;
    }
    return "a scalar";
}

TypeAcceptance accept(std::string reason)
{
    return {true, std::move(reason)};
}

TypeAcceptance reject(std::string reason)
{
    return {false, std::move(reason)};
}

bool isNumeric(const std::string &type)
{
    return type == "integer" || type == "long" || type == "float" || type == "double";
}

// _enforce_mlflow_datatype: data of the baseline's type given to an input of the candidate's.
TypeAcceptance scalarAccepts(const std::string &from, const std::string &to)
{
    if (from == to)
        return accept("the type is unchanged");
    if (to == "any")
        return accept("the candidate accepts any value");
    if (from == "any")
        return reject("the baseline accepted any value; the candidate requires " + to);
    if (from == "integer" && to == "long")
        return accept("MLflow widens 32-bit integers to long");
    if (from == "float" && to == "double")
        return accept("MLflow widens float to double");
    if (from == "integer" && to == "double")
        return accept("MLflow converts 32-bit integers to double without loss");
    if (from == "long" && (to == "double" || to == "float"))
        return reject("MLflow rejects long values for a " + to + " input unless every value is 0 or 1");
    if (from == "integer" && to == "float")
        return reject("MLflow does not convert integers to float (32-bit); values would lose precision");
    if (to == "string" && from == "binary")
        return reject("MLflow passes bytes to a string input unconverted, so the model would receive bytes");
    if (to == "binary" && from == "string")
        return reject("MLflow passes text to a binary input unconverted, so the model would receive strings");
    if (to == "boolean" && (from == "string" || from == "binary"))
        return reject("MLflow passes " + from +
                      " values to a boolean input unchecked, so the model would "
                      "receive them unconverted");
    if (to == "datetime" && (from == "string" || from == "binary"))
        return reject("MLflow accepts " + from +
                      " values for a datetime input only when every value parses "
                      "as a date-time");
    if (to == "string")
        return reject("MLflow does not convert " + from + " values to string");
    if (isNumeric(from) && isNumeric(to))
        return reject("MLflow rejects " + from + " values for a " + to +
                      " input (it only widens integer to long or double, and float to double)");
    return reject("MLflow rejects " + from + " values for a " + to + " input");
}

TypeAcceptance nodeAccepts(const TypeNode &from, const TypeNode &to, const std::string &path)
{
    const std::string where = path.empty() ? std::string() : " (at " + path + ")";
    if (to.kind == TypeNode::Kind::Scalar && to.scalar == "any")
        return accept("the candidate accepts any value" + where);
    if (from.kind != to.kind) {
        return reject(std::string("the baseline took ") + kindName(from.kind) + ", the candidate requires " +
                      kindName(to.kind) + where);
    }
    switch (to.kind) {
    case TypeNode::Kind::Scalar: {
        TypeAcceptance result = scalarAccepts(from.scalar, to.scalar);
        result.reason += where;
        return result;
    }
    case TypeNode::Kind::Array:
        return nodeAccepts(*from.element, *to.element, path + "[]");
    case TypeNode::Kind::Map:
        return nodeAccepts(*from.element, *to.element, path + "{}");
    case TypeNode::Kind::Object:
        break;
    }
    std::vector<std::string> widened;
    for (const auto &property : to.properties) {
        const std::string propertyPath = path.empty() ? property.name : path + '.' + property.name;
        const auto old = std::find_if(from.properties.begin(), from.properties.end(),
                                      [&](const TypeNode::Property &p) { return p.name == property.name; });
        if (old == from.properties.end()) {
            if (property.required)
                return reject("the candidate requires a new property '" + propertyPath + "'");
            continue;
        }
        if (property.required && !old->required)
            return reject("property '" + propertyPath + "' became required");
        const TypeAcceptance inner = nodeAccepts(*old->type, *property.type, propertyPath);
        if (!inner.accepted)
            return inner;
    }
    for (const auto &property : from.properties) {
        const bool kept = std::any_of(to.properties.begin(), to.properties.end(),
                                      [&](const TypeNode::Property &p) { return p.name == property.name; });
        if (!kept) {
            const std::string propertyPath = path.empty() ? property.name : path + '.' + property.name;
            return reject("property '" + propertyPath +
                          "' is no longer declared and MLflow rejects undeclared properties");
        }
    }
    return accept("every property the baseline took is accepted" + where);
}

// ---- tensors: detail is "<dtype>, shape (d0, d1, ...)" (mlmodel.cpp).
struct TensorType
{
    std::string dtype;
    std::vector<std::string> shape; // dimensions as text; "-1" is variable
    bool hasShape = false;
};

TensorType parseTensorDetail(const std::string &detail)
{
    TensorType tensor;
    std::string_view text = detail;
    const std::size_t shapeAt = text.find("shape ");
    tensor.dtype = text::trimmed(text.substr(0, shapeAt == std::string_view::npos ? text.size() : shapeAt));
    while (!tensor.dtype.empty() && tensor.dtype.back() == ',')
        tensor.dtype.pop_back();
    if (shapeAt == std::string_view::npos)
        return tensor;
    std::string_view shape = text.substr(shapeAt + 6);
    if (shape.size() < 2 || shape.front() != '(' || shape.back() != ')')
        return tensor;
    tensor.hasShape = true;
    shape = shape.substr(1, shape.size() - 2);
    std::size_t start = 0;
    while (start <= shape.size()) {
        std::size_t end = shape.find(',', start);
        if (end == std::string_view::npos)
            end = shape.size();
        const std::string dimension = text::trimmed(shape.substr(start, end - start));
        if (!dimension.empty())
            tensor.shape.push_back(dimension);
        start = end + 1;
    }
    return tensor;
}

std::string shapeText(const std::vector<std::string> &shape)
{
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + shape[i];
    return text + (shape.size() == 1 ? ",)" : ")");
}

TypeAcceptance tensorAccepts(const SignatureField &from, const SignatureField &to)
{
    const TensorType a = parseTensorDetail(from.detail);
    const TensorType b = parseTensorDetail(to.detail);
    if (a.dtype != b.dtype)
        return reject("MLflow requires a tensor's dtype to match exactly (" + a.dtype + " is not " + b.dtype +
                      ")");
    if (a.hasShape != b.hasShape || a.shape.size() != b.shape.size())
        return reject("the tensor's rank changed from " + shapeText(a.shape) + " to " + shapeText(b.shape));
    for (std::size_t i = 0; i < a.shape.size(); ++i) {
        if (b.shape[i] != "-1" && b.shape[i] != a.shape[i])
            return reject(
                "dimension " + std::to_string(i) + " of the tensor must now be " + b.shape[i] +
                (a.shape[i] == "-1" ? std::string(" (it was variable)") : " (it was " + a.shape[i] + ")"));
    }
    return accept("every shape the baseline took is accepted");
}

// ---- fields
struct Keyed
{
    std::string key;
    const SignatureField *field;
};

std::vector<Keyed> keyed(const std::vector<SignatureField> &fields)
{
    std::vector<Keyed> out;
    for (std::size_t i = 0; i < fields.size(); ++i)
        out.push_back({fields[i].name.empty() ? "[" + std::to_string(i) + "]" : fields[i].name, &fields[i]});
    return out;
}

const SignatureField *findField(const std::vector<Keyed> &fields, const std::string &key)
{
    for (const auto &entry : fields) {
        if (entry.key == key)
            return entry.field;
    }
    return nullptr;
}

std::string withOptional(const SignatureField &field)
{
    return signatureFieldTypeText(field) + (field.required ? "" : " (optional)");
}

// Param detail "default X, shape (...)": the shape part, if any.
std::string paramShape(const std::string &detail)
{
    const std::size_t at = detail.find("shape ");
    return at == std::string::npos ? std::string() : detail.substr(at);
}

TypeAcceptance paramTypeAccepts(const std::string &from, const std::string &to)
{
    if (from == to)
        return accept("the type is unchanged");
    static const std::map<std::string, std::vector<std::string>> kAllowed = {
        {"long", {"integer"}}, {"float", {"integer", "long"}}, {"double", {"integer", "long", "float"}}};
    const auto it = kAllowed.find(to);
    if (it != kAllowed.end() && std::find(it->second.begin(), it->second.end(), from) != it->second.end())
        return accept("MLflow converts " + from + " parameter values to " + to);
    if (to == "datetime")
        return reject("MLflow accepts a " + from +
                      " value for a datetime parameter only when it parses as a date");
    return reject("MLflow does not convert " + from + " parameter values to " + to);
}

class DiffBuilder
{
public:
    explicit DiffBuilder(SignatureDiff &diff)
        : m_diff(diff)
    {}

    void add(SignatureSection section, std::string name, SignatureChangeKind change, std::string from,
             std::string to, bool breaking, std::string reason)
    {
        m_diff.changes.push_back(
            {section, std::move(name), change, std::move(from), std::move(to), breaking, std::move(reason)});
        m_diff.breaking = m_diff.breaking || breaking;
    }

    void inputs(const std::vector<SignatureField> &baseline, const std::vector<SignatureField> &candidate)
    {
        const auto oldFields = keyed(baseline);
        const auto newFields = keyed(candidate);
        for (const auto &[key, old] : oldFields) {
            const SignatureField *now = findField(newFields, key);
            if (!now) {
                add(SignatureSection::Inputs, key, SignatureChangeKind::Removed, withOptional(*old), {}, true,
                    "callers still send it; MLflow drops undeclared inputs, so the candidate ignores it");
                continue;
            }
            if (old->type != now->type || old->detail != now->detail) {
                const TypeAcceptance verdict = inputTypeAccepts(*old, *now);
                add(SignatureSection::Inputs, key, SignatureChangeKind::Retyped, signatureFieldTypeText(*old),
                    signatureFieldTypeText(*now), !verdict.accepted, verdict.reason);
            }
            if (!old->required && now->required)
                add(SignatureSection::Inputs, key, SignatureChangeKind::BecameRequired, withOptional(*old),
                    withOptional(*now), true,
                    "callers that leave it out are rejected (\"Model is missing inputs\")");
            else if (old->required && !now->required)
                add(SignatureSection::Inputs, key, SignatureChangeKind::BecameOptional, withOptional(*old),
                    withOptional(*now), false, "callers may now leave it out");
        }
        for (const auto &[key, now] : newFields) {
            if (findField(oldFields, key))
                continue;
            if (now->required)
                add(SignatureSection::Inputs, key, SignatureChangeKind::Added, {}, withOptional(*now), true,
                    "a new required input: callers that do not send it are rejected (\"Model is missing "
                    "inputs\")");
            else
                add(SignatureSection::Inputs, key, SignatureChangeKind::Added, {}, withOptional(*now), false,
                    "a new optional input: callers may leave it out");
        }
    }

    void outputs(const std::vector<SignatureField> &baseline, const std::vector<SignatureField> &candidate)
    {
        const auto oldFields = keyed(baseline);
        const auto newFields = keyed(candidate);
        for (const auto &[key, old] : oldFields) {
            const SignatureField *now = findField(newFields, key);
            if (!now) {
                add(SignatureSection::Outputs, key, SignatureChangeKind::Removed, withOptional(*old), {},
                    true, "consumers of this output no longer receive it");
                continue;
            }
            if (old->type != now->type || old->detail != now->detail)
                add(SignatureSection::Outputs, key, SignatureChangeKind::Retyped,
                    signatureFieldTypeText(*old), signatureFieldTypeText(*now), true,
                    "consumers of this output receive a different type");
            if (old->required && !now->required)
                add(SignatureSection::Outputs, key, SignatureChangeKind::BecameOptional, withOptional(*old),
                    withOptional(*now), true, "consumers may no longer receive this output");
            else if (!old->required && now->required)
                add(SignatureSection::Outputs, key, SignatureChangeKind::BecameRequired, withOptional(*old),
                    withOptional(*now), false, "the output is now always produced");
        }
        for (const auto &[key, now] : newFields) {
            if (!findField(oldFields, key))
                add(SignatureSection::Outputs, key, SignatureChangeKind::Added, {}, withOptional(*now), false,
                    "a new output; existing consumers are unaffected");
        }
    }

    void params(const std::vector<SignatureField> &baseline, const std::vector<SignatureField> &candidate)
    {
        const auto oldFields = keyed(baseline);
        const auto newFields = keyed(candidate);
        for (const auto &[key, old] : oldFields) {
            const SignatureField *now = findField(newFields, key);
            if (!now) {
                add(SignatureSection::Params, key, SignatureChangeKind::Removed, signatureFieldTypeText(*old),
                    {}, true,
                    "MLflow ignores unknown parameters with a warning, so callers' setting has no effect");
                continue;
            }
            const std::string oldShape = paramShape(old->detail);
            const std::string newShape = paramShape(now->detail);
            if (old->type != now->type || oldShape != newShape) {
                TypeAcceptance verdict = paramTypeAccepts(old->type, now->type);
                if (verdict.accepted && oldShape != newShape)
                    verdict = reject("the parameter's shape changed");
                add(SignatureSection::Params, key, SignatureChangeKind::Retyped, signatureFieldTypeText(*old),
                    signatureFieldTypeText(*now), !verdict.accepted, verdict.reason);
            } else if (old->detail != now->detail) {
                add(SignatureSection::Params, key, SignatureChangeKind::DefaultChanged,
                    signatureFieldTypeText(*old), signatureFieldTypeText(*now), false,
                    "callers that do not set it get a different default");
            }
        }
        for (const auto &[key, now] : newFields) {
            if (!findField(oldFields, key))
                add(SignatureSection::Params, key, SignatureChangeKind::Added, {},
                    signatureFieldTypeText(*now), false,
                    "a new parameter with a default; callers may leave it out");
        }
    }

private:
    static TypeAcceptance inputTypeAccepts(const SignatureField &old, const SignatureField &now)
    {
        const bool oldTensor = old.type == "tensor";
        const bool newTensor = now.type == "tensor";
        if (oldTensor != newTensor)
            return reject("the input switched between a column and a tensor");
        if (newTensor)
            return tensorAccepts(old, now);
        return columnTypeAccepts(columnTypeText(old), columnTypeText(now));
    }

    SignatureDiff &m_diff;
};

} // namespace

const char *wireName(SignatureSection section)
{
    switch (section) {
    case SignatureSection::Signature:
        return "signature";
    case SignatureSection::Inputs:
        return "inputs";
    case SignatureSection::Outputs:
        return "outputs";
    case SignatureSection::Params:
        return "params";
    }
    return "signature";
}

const char *wireName(SignatureChangeKind change)
{
    switch (change) {
    case SignatureChangeKind::Added:
        return "added";
    case SignatureChangeKind::Removed:
        return "removed";
    case SignatureChangeKind::Retyped:
        return "retyped";
    case SignatureChangeKind::BecameRequired:
        return "now_required";
    case SignatureChangeKind::BecameOptional:
        return "now_optional";
    case SignatureChangeKind::DefaultChanged:
        return "default_changed";
    case SignatureChangeKind::SignatureAdded:
        return "signature_added";
    case SignatureChangeKind::SignatureRemoved:
        return "signature_removed";
    }
    return "changed";
}

std::string signatureFieldTypeText(const SignatureField &field)
{
    if (field.type == "tensor") {
        const TensorType tensor = parseTensorDetail(field.detail);
        return "tensor " + (tensor.dtype.empty() ? std::string("?") : tensor.dtype) +
               (tensor.hasShape ? " " + shapeText(tensor.shape) : std::string());
    }
    if (isNestedType(field.type) && !field.detail.empty())
        return field.detail;
    if (!field.detail.empty())
        return field.type + " (" + field.detail + ")";
    return field.type;
}

TypeAcceptance columnTypeAccepts(const std::string &baselineType, const std::string &candidateType)
{
    if (baselineType == candidateType)
        return accept("the type is unchanged");
    const auto from = TypeParser(baselineType).parseAll();
    const auto to = TypeParser(candidateType).parseAll();
    if (!from || !to)
        return reject("the type changed from " + baselineType + " to " + candidateType +
                      " and its compatibility cannot be verified");
    return nodeAccepts(*from, *to, {});
}

SignatureDiff diffSignatures(const ModelSignature &baseline, const ModelSignature &candidate)
{
    SignatureDiff diff;
    diff.compared = true;
    DiffBuilder builder(diff);
    if (!baseline.present && !candidate.present) {
        diff.note = "neither version logs a signature";
        return diff;
    }
    if (baseline.present && !candidate.present) {
        builder.add(
            SignatureSection::Signature, {}, SignatureChangeKind::SignatureRemoved, "logged", {}, true,
            "the candidate logs no signature: its inputs are not validated and its outputs are undocumented");
        return diff;
    }
    if (!baseline.present) {
        builder.add(SignatureSection::Signature, {}, SignatureChangeKind::SignatureAdded, {}, "logged", false,
                    "the candidate logs a signature: callers' inputs are now validated against it");
        return diff;
    }
    builder.inputs(baseline.inputs, candidate.inputs);
    builder.outputs(baseline.outputs, candidate.outputs);
    builder.params(baseline.params, candidate.params);
    return diff;
}

} // namespace modelgate
