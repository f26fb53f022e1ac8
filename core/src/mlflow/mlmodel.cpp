#include "modelgate/core/mlflow/mlmodel.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// MLmodel files are YAML written by PyYAML (yaml.safe_dump, default_flow_style=False,
// width 80). Only a small part of YAML occurs there, and only a few keys matter to us,
// so instead of a YAML library this file has a small block-structure reader: mappings
// and sequences by indentation, plain / 'single' / "double" quoted scalars including
// PyYAML's folding of long lines, and | > block scalars for completeness. Flow
// collections ({...}, [...]) are kept as raw text; none of the keys read here use them.
// Every input either parses or gives a Parse error; nothing can crash or recurse without
// bound.

namespace modelgate {

namespace {

constexpr int kMaxDepth = 64;

struct YamlNode
{
    enum class Kind
    {
        Null,
        Scalar,
        Map,
        Sequence,
    };
    Kind kind = Kind::Null;
    std::string scalar;
    bool quoted = false;
    std::vector<std::pair<std::string, std::unique_ptr<YamlNode>>> map;
    std::vector<std::unique_ptr<YamlNode>> sequence;

    const YamlNode *find(std::string_view key) const
    {
        for (const auto &[name, node] : map) {
            if (name == key)
                return node.get();
        }
        return nullptr;
    }
    // A plain null, ~ or an empty value; a quoted 'null' is the string "null".
    bool isNull() const
    {
        return kind == Kind::Null || (kind == Kind::Scalar && !quoted &&
                                      (scalar == "null" || scalar == "~" || scalar == "Null" ||
                                       scalar == "NULL" || scalar.empty()));
    }
};

struct Line
{
    int indent = 0;
    std::string text; // without the indentation
};

std::string_view trimView(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

bool isBlank(const Line &line)
{
    return trimView(line.text).empty() || line.text.front() == '#';
}

std::string joinPath(const std::string &prefix, const std::string &key)
{
    return prefix.empty() ? key : prefix + '.' + key;
}

void appendUtf8(std::string &out, unsigned long code)
{
    if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        code = 0xFFFD;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

class YamlReader
{
public:
    explicit YamlReader(const std::string &text)
    {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos)
                end = text.size();
            std::string_view raw(text.data() + start, end - start);
            if (!raw.empty() && raw.back() == '\r')
                raw.remove_suffix(1);
            Line line;
            while (static_cast<std::size_t>(line.indent) < raw.size() && raw[line.indent] == ' ')
                ++line.indent;
            line.text = std::string(raw.substr(line.indent));
            const std::string_view trimmed = trimView(line.text);
            // Document markers carry nothing for a single-document file.
            if (line.indent == 0 && (trimmed == "---" || trimmed == "..."))
                line.text.clear();
            m_lines.push_back(std::move(line));
            start = end + 1;
        }
    }

    Result<std::unique_ptr<YamlNode>> parseDocument()
    {
        skipBlank();
        auto root = std::make_unique<YamlNode>();
        if (m_pos >= m_lines.size())
            return root;
        const int indent = m_lines[m_pos].indent;
        if (auto error = parseBlock(*root, indent, std::string(), 0))
            return *error;
        skipBlank();
        if (m_pos < m_lines.size())
            return Error::parse(std::string(),
                                "unexpected text at line " + std::to_string(m_pos + 1) + " of MLmodel");
        return root;
    }

private:
    void skipBlank()
    {
        while (m_pos < m_lines.size() && isBlank(m_lines[m_pos]))
            ++m_pos;
    }

    static bool isSequenceItem(const std::string &text) { return text == "-" || text.rfind("- ", 0) == 0; }

    // A mapping or sequence whose entries start at `indent`.
    std::optional<Error> parseBlock(YamlNode &node, int indent, const std::string &path, int depth)
    {
        if (depth > kMaxDepth)
            return Error::parse(path, "MLmodel is nested too deeply");
        skipBlank();
        if (m_pos >= m_lines.size())
            return std::nullopt;
        if (isSequenceItem(m_lines[m_pos].text))
            return parseSequence(node, indent, path, depth);
        return parseMapping(node, indent, path, depth);
    }

    std::optional<Error> parseSequence(YamlNode &node, int indent, const std::string &path, int depth)
    {
        node.kind = YamlNode::Kind::Sequence;
        while (true) {
            skipBlank();
            if (m_pos >= m_lines.size())
                return std::nullopt;
            Line &line = m_lines[m_pos];
            if (line.indent != indent || !isSequenceItem(line.text))
                return std::nullopt;
            const std::string itemPath = path + '[' + std::to_string(node.sequence.size()) + ']';
            auto item = std::make_unique<YamlNode>();
            std::string rest = line.text.size() > 2 ? line.text.substr(2) : std::string();
            const std::string_view trimmed = trimView(rest);
            if (trimmed.empty()) {
                ++m_pos;
                if (auto error = parseChild(*item, indent, itemPath, depth))
                    return error;
            } else if (findKeySeparator(std::string(trimmed)) || isSequenceItem(std::string(trimmed))) {
                // "- key: value" starts a mapping (or "- - x" a sequence) indented past the dash:
                // re-read this line as if the dash were a space.
                int extra = 2;
                while (static_cast<std::size_t>(extra - 2) < rest.size() && rest[extra - 2] == ' ')
                    ++extra;
                line.indent = indent + extra;
                line.text = std::string(trimmed);
                if (auto error = parseBlock(*item, line.indent, itemPath, depth + 1))
                    return error;
            } else {
                if (auto error = parseScalar(*item, std::string(trimmed), indent, itemPath))
                    return error;
            }
            node.sequence.push_back(std::move(item));
        }
    }

    // The position of the ':' ending a mapping key (outside quotes), if the line is "key: ...".
    static std::optional<std::size_t> findKeySeparator(const std::string &text)
    {
        if (text.empty())
            return std::nullopt;
        std::size_t i = 0;
        if (text[0] == '\'' || text[0] == '"') {
            const char quote = text[0];
            for (i = 1; i < text.size(); ++i) {
                if (quote == '\'' && text[i] == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                    ++i;
                } else if (quote == '"' && text[i] == '\\') {
                    ++i;
                } else if (text[i] == quote) {
                    break;
                }
            }
            if (i >= text.size())
                return std::nullopt;
            ++i;
            if (i < text.size() && text[i] == ':' && (i + 1 == text.size() || text[i + 1] == ' '))
                return i;
            return std::nullopt;
        }
        if (text[0] == '{' || text[0] == '[')
            return std::nullopt;
        for (; i < text.size(); ++i) {
            if (text[i] == ':' && (i + 1 == text.size() || text[i + 1] == ' '))
                return i;
            if (text[i] == ' ' && i + 1 < text.size() && text[i + 1] == '#')
                return std::nullopt;
        }
        return std::nullopt;
    }

    static std::string unquoteKey(std::string_view key)
    {
        key = trimView(key);
        if (key.size() >= 2 && key.front() == '\'' && key.back() == '\'') {
            std::string out;
            for (std::size_t i = 1; i + 1 < key.size(); ++i) {
                out += key[i];
                if (key[i] == '\'' && i + 2 < key.size() && key[i + 1] == '\'')
                    ++i;
            }
            return out;
        }
        if (key.size() >= 2 && key.front() == '"' && key.back() == '"')
            return std::string(key.substr(1, key.size() - 2));
        return std::string(key);
    }

    std::optional<Error> parseMapping(YamlNode &node, int indent, const std::string &path, int depth)
    {
        node.kind = YamlNode::Kind::Map;
        std::string lastKeyPath = path; // errors in a deeper line belong to the key above it
        while (true) {
            skipBlank();
            if (m_pos >= m_lines.size())
                return std::nullopt;
            const Line &line = m_lines[m_pos];
            if (line.indent < indent)
                return std::nullopt;
            if (line.indent > indent)
                return Error::parse(lastKeyPath, "unexpected indentation at line " +
                                                     std::to_string(m_pos + 1) + " of MLmodel");
            if (isSequenceItem(line.text))
                return std::nullopt; // a sequence at the parent's indentation ends this mapping
            const auto separator = findKeySeparator(line.text);
            if (!separator)
                return Error::parse(path, "expected \"key: value\" at line " + std::to_string(m_pos + 1) +
                                              " of MLmodel");
            const std::string key = unquoteKey(std::string_view(line.text).substr(0, *separator));
            const std::string keyPath = joinPath(path, key);
            lastKeyPath = keyPath;
            const std::string rest(trimView(std::string_view(line.text).substr(*separator + 1)));
            auto value = std::make_unique<YamlNode>();
            if (rest.empty() || rest.front() == '#') {
                ++m_pos;
                if (auto error = parseChild(*value, indent, keyPath, depth))
                    return error;
            } else if (auto error = parseScalar(*value, rest, indent, keyPath)) {
                return error;
            }
            node.map.emplace_back(key, std::move(value));
        }
    }

    // The block under a "key:" line: deeper lines, or a sequence at the same indentation
    // (PyYAML writes "key:\n- item").
    std::optional<Error> parseChild(YamlNode &node, int parentIndent, const std::string &path, int depth)
    {
        skipBlank();
        if (m_pos >= m_lines.size())
            return std::nullopt;
        const Line &next = m_lines[m_pos];
        if (next.indent > parentIndent)
            return parseBlock(node, next.indent, path, depth + 1);
        if (next.indent == parentIndent && isSequenceItem(next.text))
            return parseSequence(node, parentIndent, path, depth + 1);
        return std::nullopt; // an empty value: null
    }

    // A scalar starting with `first` (the rest of the current line); continuation lines are
    // those indented deeper than `ownerIndent`.
    std::optional<Error> parseScalar(YamlNode &node, const std::string &first, int ownerIndent,
                                     const std::string &path)
    {
        node.kind = YamlNode::Kind::Scalar;
        const char start = first.front();
        if (start == '\'' || start == '"') {
            node.quoted = true;
            return parseQuoted(node, first, ownerIndent, path);
        }
        if ((start == '|' || start == '>') && trimView(first).size() <= 3)
            return parseBlockScalar(node, start == '>', ownerIndent);
        // Plain scalar, possibly folded over deeper lines.
        std::string value(first);
        ++m_pos;
        while (m_pos < m_lines.size() && !isBlank(m_lines[m_pos]) && m_lines[m_pos].indent > ownerIndent) {
            value += ' ';
            value += trimView(m_lines[m_pos].text);
            ++m_pos;
        }
        if (const std::size_t comment = value.find(" #"); comment != std::string::npos)
            value.erase(comment);
        node.scalar = std::string(trimView(value));
        return std::nullopt;
    }

    std::optional<Error> parseBlockScalar(YamlNode &node, bool folded, int ownerIndent)
    {
        ++m_pos;
        std::string value;
        int blockIndent = -1;
        while (m_pos < m_lines.size()) {
            const Line &line = m_lines[m_pos];
            const bool empty = trimView(line.text).empty();
            if (!empty && line.indent <= ownerIndent)
                break;
            if (!empty && blockIndent < 0)
                blockIndent = line.indent;
            if (!value.empty())
                value += folded && !empty ? ' ' : '\n';
            if (!empty)
                value += std::string(static_cast<std::size_t>(std::max(0, line.indent - blockIndent)), ' ') +
                         line.text;
            ++m_pos;
        }
        node.scalar = std::move(value);
        return std::nullopt;
    }

    // 'single' ('' is a quote) or "double" (backslash escapes) quoted, folded the YAML
    // way: a line break plus indentation is one space, each empty line a newline, and in
    // double quotes a backslash at the end of a line joins the lines without a space.
    std::optional<Error> parseQuoted(YamlNode &node, const std::string &first, int ownerIndent,
                                     const std::string &path)
    {
        const char quote = first.front();
        std::string out;
        std::size_t keep = 0; // out[0, keep) is never trimmed (escaped characters)
        std::string current = first.substr(1);
        while (true) {
            bool escapedBreak = false;
            for (std::size_t i = 0; i < current.size(); ++i) {
                const char c = current[i];
                if (quote == '\'' && c == '\'') {
                    if (i + 1 < current.size() && current[i + 1] == '\'') {
                        out += '\'';
                        ++i;
                        continue;
                    }
                    return finishQuoted(node, std::move(out), current.substr(i + 1), path);
                }
                if (quote == '"' && c == '"')
                    return finishQuoted(node, std::move(out), current.substr(i + 1), path);
                if (quote == '"' && c == '\\') {
                    if (i + 1 >= current.size()) {
                        escapedBreak = true;
                        break;
                    }
                    if (auto error = appendEscape(out, current, i, path))
                        return error;
                    keep = out.size();
                    continue;
                }
                out += c;
            }
            // The line ended inside the quotes: trailing blanks before a fold are not content.
            if (!escapedBreak) {
                while (out.size() > keep && (out.back() == ' ' || out.back() == '\t'))
                    out.pop_back();
            }
            ++m_pos;
            int emptyLines = 0;
            while (m_pos < m_lines.size() && trimView(m_lines[m_pos].text).empty()) {
                ++emptyLines;
                ++m_pos;
            }
            if (m_pos >= m_lines.size() || m_lines[m_pos].indent <= ownerIndent)
                return Error::parse(path, "unterminated quoted string in MLmodel");
            if (emptyLines > 0)
                out.append(static_cast<std::size_t>(emptyLines), '\n');
            else if (!escapedBreak)
                out += ' ';
            keep = out.size();
            current = m_lines[m_pos].text;
            while (!current.empty() && current.front() == '\t')
                current.erase(0, 1);
        }
    }

    // Appends the escape sequence starting at current[i] == '\\'; i ends on its last character.
    static std::optional<Error> appendEscape(std::string &out, const std::string &current, std::size_t &i,
                                             const std::string &path)
    {
        const char escape = current[++i];
        switch (escape) {
        case 'n':
            out += '\n';
            return std::nullopt;
        case 't':
            out += '\t';
            return std::nullopt;
        case 'r':
            out += '\r';
            return std::nullopt;
        case '0':
            out += '\0';
            return std::nullopt;
        case 'N':
            appendUtf8(out, 0x85);
            return std::nullopt;
        case '_':
            appendUtf8(out, 0xA0);
            return std::nullopt;
        case 'L':
            appendUtf8(out, 0x2028);
            return std::nullopt;
        case 'P':
            appendUtf8(out, 0x2029);
            return std::nullopt;
        case 'x':
        case 'u':
        case 'U': {
            const std::size_t digits = escape == 'x' ? 2 : escape == 'u' ? 4 : 8;
            if (i + digits >= current.size())
                return Error::parse(path, "truncated escape in a quoted string in MLmodel");
            unsigned long code = 0;
            for (std::size_t d = 1; d <= digits; ++d) {
                const char h = current[i + d];
                code <<= 4;
                if (h >= '0' && h <= '9')
                    code |= static_cast<unsigned long>(h - '0');
                else if (h >= 'a' && h <= 'f')
                    code |= static_cast<unsigned long>(h - 'a' + 10);
                else if (h >= 'A' && h <= 'F')
                    code |= static_cast<unsigned long>(h - 'A' + 10);
                else
                    return Error::parse(path, "invalid escape in a quoted string in MLmodel");
            }
            i += digits;
            appendUtf8(out, code);
            return std::nullopt;
        }
        default: // \\ \" \/ \<space> and anything else: the character itself
            out += escape;
            return std::nullopt;
        }
    }

    std::optional<Error> finishQuoted(YamlNode &node, std::string value, const std::string &after,
                                      const std::string &path)
    {
        const std::string_view rest = trimView(after);
        if (!rest.empty() && rest.front() != '#')
            return Error::parse(path, "unexpected text after a quoted string in MLmodel");
        node.scalar = std::move(value);
        ++m_pos;
        return std::nullopt;
    }

    std::vector<Line> m_lines;
    std::size_t m_pos = 0;
};

// ---- signature JSON

using nlohmann::json;

std::string shapeText(const json &shape)
{
    if (!shape.is_array())
        return shape.is_null() ? std::string() : shape.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0)
            text += ", ";
        text += shape[i].dump(-1, ' ', false, json::error_handler_t::replace);
    }
    if (shape.size() == 1)
        text += ',';
    return text + ')';
}

std::string stringMember(const json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "array<string>", "object{a: long, b: array<double>}", "map<string, double>", or the type name.
std::string typeText(const json &spec, int depth)
{
    if (spec.is_string())
        return spec.get<std::string>();
    if (!spec.is_object() || depth > 16)
        return "?";
    const std::string type = stringMember(spec, "type");
    if (type == "array") {
        const auto items = spec.find("items");
        return "array<" + (items != spec.end() ? typeText(*items, depth + 1) : std::string("?")) + '>';
    }
    if (type == "map") {
        const auto values = spec.find("values");
        return "map<string, " + (values != spec.end() ? typeText(*values, depth + 1) : std::string("?")) +
               '>';
    }
    if (type == "object") {
        std::string text = "object{";
        const auto properties = spec.find("properties");
        if (properties != spec.end() && properties->is_object()) {
            bool first = true;
            for (auto it = properties->begin(); it != properties->end(); ++it) {
                if (!first)
                    text += ", ";
                first = false;
                text += it.key() + ": " + typeText(it.value(), depth + 1);
                const auto required = it.value().is_object() ? it.value().find("required") : it.value().end();
                if (it.value().is_object() && required != it.value().end() && required->is_boolean() &&
                    !required->get<bool>())
                    text += " (optional)";
            }
        }
        return text + '}';
    }
    if (type == "tensor") {
        const auto tensor = spec.find("tensor-spec");
        if (tensor != spec.end() && tensor->is_object()) {
            const auto shape = tensor->find("shape");
            return "tensor<" + stringMember(*tensor, "dtype") + '>' +
                   (shape != tensor->end() ? shapeText(*shape) : std::string());
        }
        return "tensor";
    }
    return type.empty() ? std::string("?") : type;
}

Result<std::vector<SignatureField>> parseSpecList(const YamlNode *node, const std::string &field, bool params)
{
    std::vector<SignatureField> fields;
    if (!node || node->isNull())
        return fields;
    if (node->kind != YamlNode::Kind::Scalar)
        return Error::parse(field, field + " is not a JSON string");
    const json specs = json::parse(node->scalar, nullptr, /*allow_exceptions=*/false);
    if (specs.is_discarded())
        return Error::parse(field, field + " is not valid JSON");
    if (specs.is_null())
        return fields;
    if (!specs.is_array())
        return Error::parse(field, field + std::string(" should be a JSON array, got ") + specs.type_name());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const json &spec = specs[i];
        const std::string itemField = field + '[' + std::to_string(i) + ']';
        if (!spec.is_object())
            return Error::parse(itemField,
                                itemField + std::string(" should be an object, got ") + spec.type_name());
        const auto typeIt = spec.find("type");
        if (typeIt == spec.end() || !typeIt->is_string())
            return Error::parse(itemField + ".type", itemField + " has no type name");
        SignatureField out;
        out.name = stringMember(spec, "name");
        out.type = typeIt->get<std::string>();
        if (params) {
            out.required = false; // a parameter always has a default
            std::string detail;
            if (const auto def = spec.find("default"); def != spec.end())
                detail = "default " + def->dump(-1, ' ', false, json::error_handler_t::replace);
            if (const auto shape = spec.find("shape"); shape != spec.end() && !shape->is_null())
                detail += (detail.empty() ? "shape " : ", shape ") + shapeText(*shape);
            out.detail = std::move(detail);
        } else {
            const auto required = spec.find("required");
            if (required != spec.end() && required->is_boolean())
                out.required = required->get<bool>();
            if (out.type == "tensor") {
                const auto tensor = spec.find("tensor-spec");
                if (tensor == spec.end() || !tensor->is_object())
                    return Error::parse(itemField + ".tensor-spec",
                                        itemField + " is a tensor without a tensor-spec");
                const auto shape = tensor->find("shape");
                out.detail = stringMember(*tensor, "dtype");
                if (shape != tensor->end())
                    out.detail += (out.detail.empty() ? "shape " : ", shape ") + shapeText(*shape);
            } else if (out.type == "array" || out.type == "object" || out.type == "map") {
                out.detail = typeText(spec, 0);
            }
        }
        fields.push_back(std::move(out));
    }
    return fields;
}

} // namespace

Result<ModelSignature> parseMlModel(const std::string &mlmodelText)
{
    YamlReader reader(mlmodelText);
    auto document = reader.parseDocument();
    if (!document.ok())
        return document.error();
    const YamlNode &root = *document.value();
    if (root.kind != YamlNode::Kind::Map && !root.isNull())
        return Error::parse(std::string(), "MLmodel is not a YAML mapping");

    ModelSignature signature;
    if (const YamlNode *version = root.find("mlflow_version");
        version && version->kind == YamlNode::Kind::Scalar)
        signature.mlflowVersion = version->scalar;
    if (const YamlNode *flavors = root.find("flavors"); flavors && flavors->kind == YamlNode::Kind::Map) {
        for (const auto &[name, value] : flavors->map) {
            if (!signature.flavors.empty())
                signature.flavors += ", ";
            signature.flavors += name;
        }
    }
    if (const YamlNode *example = root.find("saved_input_example_info"))
        signature.hasInputExample = !example->isNull();

    const YamlNode *node = root.find("signature");
    if (!node || node->isNull())
        return signature;
    if (node->kind != YamlNode::Kind::Map)
        return Error::parse("signature", "signature is not a mapping");
    signature.present = true;
    auto inputs = parseSpecList(node->find("inputs"), "signature.inputs", false);
    if (!inputs.ok())
        return inputs.error();
    auto outputs = parseSpecList(node->find("outputs"), "signature.outputs", false);
    if (!outputs.ok())
        return outputs.error();
    auto params = parseSpecList(node->find("params"), "signature.params", true);
    if (!params.ok())
        return params.error();
    signature.inputs = std::move(inputs).value();
    signature.outputs = std::move(outputs).value();
    signature.params = std::move(params).value();
    return signature;
}

} // namespace modelgate
