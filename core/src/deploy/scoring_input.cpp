#include "modelgate/core/deploy/scoring_input.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

namespace modelgate {

namespace {

using Json = nlohmann::json;

// The member `key` of an object, or nullptr (also for a non-object).
const Json *member(const Json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto found = object.find(key);
    return found != object.end() ? &*found : nullptr;
}

const Json *arrayMember(const Json &object, const char *key)
{
    const Json *found = member(object, key);
    return found && found->is_array() ? found : nullptr;
}

std::string rowLabel(std::size_t index)
{
    return "row " + std::to_string(index + 1);
}

std::optional<long long> asInteger(const std::string &cell)
{
    if (cell.empty())
        return std::nullopt;
    errno = 0;
    char *end = nullptr;
    const long long value = std::strtoll(cell.c_str(), &end, 10);
    if (errno != 0 || *end != '\0')
        return std::nullopt;
    return value;
}

std::optional<double> asNumber(const std::string &cell)
{
    if (cell.empty())
        return std::nullopt;
    errno = 0;
    char *end = nullptr;
    const double value = std::strtod(cell.c_str(), &end);
    if (errno != 0 || *end != '\0' || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// A cell as the signature's type wants it; nullopt when it does not convert.
std::optional<Json> convert(const std::string &cell, const std::string &type)
{
    if (type == "long" || type == "integer") {
        if (const auto value = asInteger(cell))
            return Json(*value);
        // "3.0" is an integer written as a float by many exporters.
        if (const auto value = asNumber(cell); value && std::floor(*value) == *value)
            return Json(static_cast<long long>(*value));
        return std::nullopt;
    }
    if (type == "double" || type == "float") {
        if (const auto value = asNumber(cell))
            return Json(*value);
        return std::nullopt;
    }
    if (type == "boolean") {
        std::string lower = cell;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        if (lower == "true" || lower == "1")
            return Json(true);
        if (lower == "false" || lower == "0")
            return Json(false);
        return std::nullopt;
    }
    if (type == "string" || type == "datetime" || type == "binary")
        return Json(cell);
    // Types a CSV cell cannot carry (tensor, array, object): JSON text in the cell.
    Json parsed = Json::parse(cell, nullptr, false);
    if (parsed.is_discarded())
        return std::nullopt;
    return parsed;
}

Json guess(const std::string &cell)
{
    if (const auto value = asInteger(cell))
        return Json(*value);
    if (const auto value = asNumber(cell))
        return Json(*value);
    return Json(cell);
}

} // namespace

Result<CsvTable> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string cell;
    bool quoted = false;
    bool cellStarted = false;
    std::size_t line = 1;
    std::size_t recordLine = 1;
    const auto endCell = [&] {
        record.push_back(cell);
        cell.clear();
        cellStarted = false;
    };
    const auto endRecord = [&] {
        endCell();
        // A blank line (one empty cell) is no record.
        if (!(record.size() == 1 && record.front().empty()))
            records.push_back(record);
        record.clear();
        recordLine = line;
    };
    std::vector<std::size_t> lines;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && !cellStarted && cell.empty()) {
            quoted = true;
            cellStarted = true;
        } else if (c == ',') {
            endCell();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            const std::size_t started = recordLine;
            ++line;
            const std::size_t before = records.size();
            endRecord();
            if (records.size() > before)
                lines.push_back(started);
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    if (quoted)
        return Error::config("line " + std::to_string(recordLine) + ": a quoted cell is not closed");
    if (!cell.empty() || !record.empty()) {
        const std::size_t before = records.size();
        const std::size_t started = recordLine;
        endRecord();
        if (records.size() > before)
            lines.push_back(started);
    }
    if (records.empty())
        return Error::config("the CSV file is empty (it needs a header line naming the columns)");
    CsvTable table;
    table.columns = records.front();
    std::set<std::string> seen;
    for (const std::string &column : table.columns) {
        if (column.empty())
            return Error::config("line 1: a column has no name");
        if (!seen.insert(column).second)
            return Error::config("line 1: the column '" + column + "' appears twice");
    }
    for (std::size_t i = 1; i < records.size(); ++i) {
        if (records[i].size() != table.columns.size())
            return Error::config("line " + std::to_string(lines[i]) + ": " +
                                 std::to_string(records[i].size()) + " cells, the header has " +
                                 std::to_string(table.columns.size()));
        table.rows.push_back(std::move(records[i]));
    }
    return table;
}

Result<CsvTable> tableFromJson(const std::string &text)
{
    const Json value = Json::parse(text, nullptr, false);
    if (value.is_discarded())
        return Error::config("the input is not JSON");
    CsvTable table;
    const auto cellText = [](const Json &cell) {
        return cell.is_string() ? cell.get<std::string>() : cell.dump();
    };
    const Json *split = nullptr;
    if (value.is_object() && value.contains("dataframe_split"))
        split = member(value, "dataframe_split");
    else if (value.is_object() && value.contains("columns"))
        split = &value;
    if (split) {
        // Looked up, not indexed: operator[] of a const object is undefined for a missing key.
        const Json *columns = arrayMember(*split, "columns");
        const Json *data = arrayMember(*split, "data");
        if (!columns || !data)
            return Error::config("a split table needs \"columns\" and \"data\" lists");
        for (const Json &column : *columns) {
            if (!column.is_string())
                return Error::config("column names must be strings");
            table.columns.push_back(column.get<std::string>());
        }
        std::size_t index = 0;
        for (const Json &row : *data) {
            if (!row.is_array() || row.size() != table.columns.size())
                return Error::config(rowLabel(index) + ": " +
                                     std::to_string(row.is_array() ? row.size() : 0) + " cells, there are " +
                                     std::to_string(table.columns.size()) + " columns");
            std::vector<std::string> cells;
            for (const Json &cell : row)
                cells.push_back(cellText(cell));
            table.rows.push_back(std::move(cells));
            ++index;
        }
        return table;
    }
    const Json *wrapped = value.is_object() ? member(value, "dataframe_records") : nullptr;
    const Json &records = wrapped ? *wrapped : value;
    if (!records.is_array() || records.empty() || !records.front().is_object())
        return Error::config("the input must be a split table or a list of records");
    for (const auto &[key, cell] : records.front().items())
        table.columns.push_back(key);
    std::size_t index = 0;
    for (const Json &record : records) {
        if (!record.is_object())
            return Error::config(rowLabel(index) + " is not an object");
        std::vector<std::string> cells;
        for (const std::string &column : table.columns) {
            const Json *cell = member(record, column.c_str());
            if (!cell)
                return Error::config(rowLabel(index) + " has no '" + column + "'");
            cells.push_back(cellText(*cell));
        }
        table.rows.push_back(std::move(cells));
        ++index;
    }
    return table;
}

Result<ScoringBatches> scoringBatches(const CsvTable &table, const ModelSignature &signature, int batchRows)
{
    if (batchRows < 1)
        return Error::config("a batch has at least 1 row");
    ScoringBatches out;
    std::vector<std::pair<std::size_t, std::string>> sent; // table column index, signature type
    const bool named = signature.present && !signature.inputs.empty() &&
                       std::all_of(signature.inputs.begin(), signature.inputs.end(),
                                   [](const SignatureField &field) { return !field.name.empty(); });
    if (named) {
        for (const SignatureField &input : signature.inputs) {
            const auto at = std::find(table.columns.begin(), table.columns.end(), input.name);
            if (at == table.columns.end()) {
                if (input.required)
                    return Error::config("the input has no column '" + input.name +
                                         "', which the model's signature requires");
                continue;
            }
            sent.emplace_back(static_cast<std::size_t>(at - table.columns.begin()), input.type);
            out.columns.push_back(input.name);
        }
        for (const std::string &column : table.columns)
            if (std::find(out.columns.begin(), out.columns.end(), column) == out.columns.end())
                out.ignoredColumns.push_back(column);
    } else {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            sent.emplace_back(i, std::string());
            out.columns.push_back(table.columns[i]);
        }
    }
    std::vector<Json> rows;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        Json row = Json::array();
        for (std::size_t c = 0; c < sent.size(); ++c) {
            const std::string &cell = table.rows[r][sent[c].first];
            if (sent[c].second.empty()) {
                row.push_back(guess(cell));
                continue;
            }
            const auto converted = convert(cell, sent[c].second);
            if (!converted)
                return Error::config(rowLabel(r) + ", column '" + out.columns[c] + "': '" +
                                     cell.substr(0, 40) + "' is not a " + sent[c].second);
            row.push_back(*converted);
        }
        rows.push_back(std::move(row));
    }
    for (std::size_t start = 0; start < rows.size(); start += static_cast<std::size_t>(batchRows)) {
        Json data = Json::array();
        for (std::size_t r = start; r < std::min(rows.size(), start + static_cast<std::size_t>(batchRows));
             ++r)
            data.push_back(rows[r]);
        out.bodies.push_back(
            Json::object({{"dataframe_split", Json::object({{"columns", out.columns}, {"data", data}})}})
                .dump());
    }
    return out;
}

Result<std::vector<std::string>> predictionsOf(const std::string &responseBody, std::size_t expected)
{
    const Json value = Json::parse(responseBody, nullptr, false);
    if (value.is_discarded())
        return Error::parse({}, "the scoring server's answer is not JSON");
    const Json &list = value.is_object() && value.contains("predictions") ? value["predictions"] : value;
    if (!list.is_array())
        return Error::parse("predictions", "the scoring server's answer has no list of predictions");
    if (expected != 0 && list.size() != expected)
        return Error::parse("predictions", std::to_string(list.size()) + " predictions for " +
                                               std::to_string(expected) + " input rows");
    std::vector<std::string> out;
    for (const Json &item : list)
        out.push_back(item.dump());
    return out;
}

} // namespace modelgate
