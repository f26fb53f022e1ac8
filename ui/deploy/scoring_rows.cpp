// The smoke test's rows over core's scoring input (core/deploy/scoring_input.h), so that the
// wizard and `endpoint invoke` read files and answers the same way.
#include "deploy/scoring_rows.h"

#include <from_std.h>

#include <modelgate/core/deploy/scoring_input.h>

namespace modelgate::ui {

namespace {

ScoringRows fromTable(const CsvTable &table)
{
    ScoringRows rows;
    for (const std::string &column : table.columns)
        rows.columns << fromStd(column);
    for (const auto &row : table.rows) {
        QStringList cells;
        for (const std::string &cell : row)
            cells << fromStd(cell);
        rows.rows << cells;
    }
    return rows;
}

CsvTable toTable(const ScoringRows &rows)
{
    CsvTable table;
    for (const QString &column : rows.columns)
        table.columns.push_back(column.toStdString());
    for (const QStringList &row : rows.rows) {
        std::vector<std::string> cells;
        for (const QString &cell : row)
            cells.push_back(cell.toStdString());
        table.rows.push_back(std::move(cells));
    }
    return table;
}

} // namespace

std::optional<ScoringRows> parseCsv(const QString &text, QString *error)
{
    Result<CsvTable> table = modelgate::parseCsv(text.toStdString());
    if (!table.ok()) {
        if (error)
            *error = fromStd(table.error().message);
        return std::nullopt;
    }
    return fromTable(table.value());
}

std::optional<ScoringRows> parseInputExample(const QByteArray &json)
{
    Result<CsvTable> table = tableFromJson(json.toStdString());
    if (!table.ok())
        return std::nullopt;
    return fromTable(table.value());
}

QByteArray scoringRequestBody(const ScoringRows &rows, const ModelSignature &signature, QString *error)
{
    Result<ScoringBatches> batches =
        scoringBatches(toTable(rows), signature, std::max(1, static_cast<int>(rows.rows.size())));
    if (!batches.ok()) {
        if (error)
            *error = fromStd(batches.error().message);
        return {};
    }
    return batches.value().bodies.empty() ? QByteArray()
                                          : QByteArray::fromStdString(batches.value().bodies.front());
}

std::optional<QStringList> parsePredictions(const QByteArray &body)
{
    Result<std::vector<std::string>> predictions = predictionsOf(body.toStdString(), 0);
    if (!predictions.ok())
        return std::nullopt;
    QStringList texts;
    for (const std::string &item : predictions.value()) {
        QString text = fromStd(item);
        // A string prediction reads better without its JSON quotes.
        if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"'))
            text = text.mid(1, text.size() - 2);
        texts << text;
    }
    return texts;
}

} // namespace modelgate::ui
