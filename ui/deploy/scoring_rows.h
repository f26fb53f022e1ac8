#pragma once

#include <optional>

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <modelgate/core/mlflow/mlflow_types.h>

namespace modelgate::ui {

// Input rows for a smoke test: column names and one list of cells per row. Cells are kept as
// text; numbers are sent as numbers when they parse.
struct ScoringRows
{
    QStringList columns;
    QList<QStringList> rows;
};

// A simple CSV: the first line names the columns, fields are separated by commas and may be
// quoted ("" is a quote inside quotes). Empty lines are skipped. An error text when there is
// no header or a row has another number of fields.
std::optional<ScoringRows> parseCsv(const QString &text, QString *error);

// A version's saved input example, as MLflow writes it: {"columns":[...],"data":[[...]]}
// (pandas split), or the same inside {"dataframe_split": ...} (serving_input_example.json).
std::optional<ScoringRows> parseInputExample(const QByteArray &json);

// One request for every row, {"dataframe_split":{"columns":[...],"data":[[...]]}}: columns by
// the signature's inputs, typed (core's scoringBatches); without a signature every column,
// numbers as numbers. Empty, with `error` set, when a row does not fit the signature.
QByteArray scoringRequestBody(const ScoringRows &rows, const ModelSignature &signature = {},
                              QString *error = nullptr);

// The predictions of a scoring response ({"predictions":[...]}, or a bare list), one display
// text per row; nullopt when the body has none.
std::optional<QStringList> parsePredictions(const QByteArray &body);

} // namespace modelgate::ui
