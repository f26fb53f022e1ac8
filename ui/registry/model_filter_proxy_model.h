#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace modelgate::ui {

// Instant filter and sort over a RegisteredModelListModel: a case-insensitive substring
// match against each row's precomputed search text (name, tags, aliases), and sorting on
// RawValueRole so that versions and dates sort as numbers, not as text.
class ModelFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelFilterProxyModel)

public:
    explicit ModelFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_needle; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_needle; // trimmed and lower-cased
};

} // namespace modelgate::ui
