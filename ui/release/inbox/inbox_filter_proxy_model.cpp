#include "release/inbox/inbox_filter_proxy_model.h"

#include "release/inbox/inbox_model.h"

#include <modelgate/core/release/release_records.h>

namespace modelgate::ui {

InboxFilterProxyModel::InboxFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(InboxModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void InboxFilterProxyModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

void InboxFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

int InboxFilterProxyModel::countFor(Filter filter) const
{
    if (!sourceModel())
        return 0;
    int count = 0;
    for (int row = 0; row < sourceModel()->rowCount(); ++row)
        count += accepts(filter, row) ? 1 : 0;
    return count;
}

bool InboxFilterProxyModel::accepts(Filter filter, int sourceRow) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    switch (filter) {
    case Filter::AllPending: {
        const auto state = static_cast<ReviewState>(index.data(InboxModel::StateRole).toInt());
        return state == ReviewState::Pending || state == ReviewState::InReview || state == ReviewState::Stale;
    }
    case Filter::MineToReview:
        return index.data(InboxModel::MineToReviewRole).toBool();
    case Filter::FailedChecks:
        return index.data(InboxModel::FailedChecksRole).toBool();
    case Filter::Rejected:
        return static_cast<ReviewState>(index.data(InboxModel::StateRole).toInt()) == ReviewState::Rejected;
    }
    return false;
}

bool InboxFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !accepts(m_filter, sourceRow))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = sourceModel()->index(sourceRow, 0).data(InboxModel::FilterTextRole).toString();
    for (const QString &word : m_words)
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace modelgate::ui
