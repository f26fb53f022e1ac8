#pragma once
// Scoring requests from tabular input, and the predictions out of the answer: what
// `endpoint invoke` and the deployment wizard's smoke test send to an MLflow scoring server
// (its "dataframe_split" request format, answered with {"predictions": [...]}).

#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/util/result.h"

#include <string>
#include <vector>

namespace modelgate {

struct CsvTable
{
    std::vector<std::string> columns;           // the header line
    std::vector<std::vector<std::string>> rows; // cells as written, one per column
};

// RFC 4180: comma-separated, a header line, "quoted" cells with "" for a quote, CRLF or LF.
// A Config error naming the line for a row with another number of cells than the header, an
// unterminated quote, or an empty or duplicate column name.
Result<CsvTable> parseCsv(const std::string &text);

// A table from a JSON file: {"dataframe_split": {"columns", "data"}}, {"columns", "data"}
// (pandas' split orientation), or a list of records [{"a": 1}, ...]. Cells as JSON text.
Result<CsvTable> tableFromJson(const std::string &text);

struct ScoringBatches
{
    std::vector<std::string> bodies;         // one request body per batch, in row order
    std::vector<std::string> ignoredColumns; // columns of the input that the signature lacks
    std::vector<std::string> columns;        // the columns sent, in the signature's order
};

// Maps the table's columns to the signature's inputs by name (extra columns are left out
// and listed), converts each cell to the input's type, and splits the rows into batches of
// at most `batchRows`. A missing required column, or a cell that does not convert, is a
// Config error naming the row (1-based, as in the file after its header) and the column,
// and nothing is built. Without a signature (present=false) every column is sent, numbers
// as numbers where a cell reads as one.
Result<ScoringBatches> scoringBatches(const CsvTable &table, const ModelSignature &signature, int batchRows);

// The predictions of one answer, each as compact JSON text. A Parse error when the answer
// is not {"predictions": [...]} (or a bare list) of `expected` items (0: any number).
Result<std::vector<std::string>> predictionsOf(const std::string &responseBody, std::size_t expected);

} // namespace modelgate
