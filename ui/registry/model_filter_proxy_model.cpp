#include "registry/model_filter_proxy_model.h"

#include "registry/registered_model_list_model.h"

namespace modelgate::ui {

ModelFilterProxyModel::ModelFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RegisteredModelListModel::RawValueRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void ModelFilterProxyModel::setFilterText(const QString &text)
{
    const QString needle = text.trimmed().toLower();
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidateFilter();
}

bool ModelFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty())
        return true;
    // Fast path: read the precomputed text directly (no QVariant per row and keystroke).
    if (const auto *models = qobject_cast<const RegisteredModelListModel *>(sourceModel()))
        return models->searchTextAt(sourceRow).contains(m_needle);
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(RegisteredModelListModel::SearchTextRole).toString().contains(m_needle);
}

bool ModelFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Fast path for the default order: when a filter is cleared, thousands of rows come back
    // and are sorted again; comparing the stored names directly keeps that within a frame.
    const auto *models = qobject_cast<const RegisteredModelListModel *>(sourceModel());
    if (models && left.column() == RegisteredModelListModel::Name &&
        sortRole() == RegisteredModelListModel::RawValueRole) {
        const int byName =
            models->nameAt(left.row()).compare(models->nameAt(right.row()), Qt::CaseInsensitive);
        if (byName != 0)
            return byName < 0;
        return models->nameAt(left.row()) < models->nameAt(right.row());
    }
    const QVariant leftValue = left.data(sortRole());
    const QVariant rightValue = right.data(sortRole());
    if (leftValue.typeId() == QMetaType::LongLong && rightValue.typeId() == QMetaType::LongLong)
        return leftValue.toLongLong() < rightValue.toLongLong();
    const int byText = leftValue.toString().compare(rightValue.toString(), Qt::CaseInsensitive);
    if (byText != 0)
        return byText < 0;
    // Equal text (e.g. two models without tags): fall back to the name for a stable order.
    return left.siblingAtColumn(RegisteredModelListModel::Name).data().toString() <
           right.siblingAtColumn(RegisteredModelListModel::Name).data().toString();
}

} // namespace modelgate::ui
