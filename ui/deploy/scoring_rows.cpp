#include "deploy/scoring_rows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

class ScoringText
{
    Q_DECLARE_TR_FUNCTIONS(ScoringText)
};

namespace modelgate::ui {

namespace {

QStringList splitCsvLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field.trimmed();
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field.trimmed();
    return fields;
}

QString cellText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 12);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return {};
    return QString::fromUtf8(
        QJsonDocument(value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
            .toJson(QJsonDocument::Compact));
}

QJsonValue cellValue(const QString &text)
{
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    if (isNumber)
        return number;
    if (text.isEmpty())
        return QJsonValue::Null;
    return text;
}

} // namespace

std::optional<ScoringRows> parseCsv(const QString &text, QString *error)
{
    ScoringRows rows;
    const QStringList lines = text.split(u'\n');
    int lineNumber = 0;
    for (QString line : lines) {
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const QStringList fields = splitCsvLine(line);
        if (rows.columns.isEmpty()) {
            rows.columns = fields;
            continue;
        }
        if (fields.size() != rows.columns.size()) {
            if (error)
                *error = ScoringText::tr("line %1 has %2 fields, the header %3")
                             .arg(lineNumber)
                             .arg(fields.size())
                             .arg(rows.columns.size());
            return std::nullopt;
        }
        rows.rows << fields;
    }
    if (rows.columns.isEmpty()) {
        if (error)
            *error = ScoringText::tr("the file has no header line");
        return std::nullopt;
    }
    return rows;
}

std::optional<ScoringRows> parseInputExample(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    QJsonObject object = document.object();
    if (object.contains(QStringLiteral("dataframe_split")))
        object = object.value(QStringLiteral("dataframe_split")).toObject();
    const QJsonArray columns = object.value(QStringLiteral("columns")).toArray();
    const QJsonArray data = object.value(QStringLiteral("data")).toArray();
    if (columns.isEmpty())
        return std::nullopt;
    ScoringRows rows;
    for (const QJsonValue &column : columns)
        rows.columns << cellText(column);
    for (const QJsonValue &row : data) {
        QStringList cells;
        for (const QJsonValue &cell : row.toArray())
            cells << cellText(cell);
        if (cells.size() == rows.columns.size())
            rows.rows << cells;
    }
    return rows;
}

QByteArray scoringRequestBody(const ScoringRows &rows)
{
    QJsonArray columns;
    for (const QString &column : rows.columns)
        columns.append(column);
    QJsonArray data;
    for (const QStringList &row : rows.rows) {
        QJsonArray cells;
        for (const QString &cell : row)
            cells.append(cellValue(cell));
        data.append(cells);
    }
    QJsonObject split{{QStringLiteral("columns"), columns}, {QStringLiteral("data"), data}};
    return QJsonDocument(QJsonObject{{QStringLiteral("dataframe_split"), split}})
        .toJson(QJsonDocument::Compact);
}

std::optional<QStringList> parsePredictions(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QJsonArray predictions;
    if (document.isArray())
        predictions = document.array();
    else if (document.object().value(QStringLiteral("predictions")).isArray())
        predictions = document.object().value(QStringLiteral("predictions")).toArray();
    else
        return std::nullopt;
    QStringList texts;
    for (const QJsonValue &prediction : predictions)
        texts << cellText(prediction);
    return texts;
}

} // namespace modelgate::ui
