#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace modelgate::ui {

// A read-only table of already-formatted rows for the details tabs (parameters,
// metrics, tags, signature fields). Each cell has display text and a raw value for sorting.
class TableRowsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableRowsModel)

public:
    enum Role
    {
        RawValueRole = Qt::UserRole,
    };

    struct Cell
    {
        QString text;
        QVariant raw; // invalid: sort by text
        QString toolTip;
    };
    using Row = QList<Cell>;

    explicit TableRowsModel(const QStringList &headers, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Headers are set again on language change, so they are not fixed at construction.
    void setHeaders(const QStringList &headers);
    void setRows(const QList<Row> &rows);
    void clear();

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    QStringList m_headers;
    QList<Row> m_rows;
};

} // namespace modelgate::ui
