#pragma once

#include <QSortFilterProxyModel>

namespace modelgate::ui {

// Filters the inbox by what the reviewer wants to see and by free text (model name, version,
// author, alias; case-insensitive, every word must match). Sorts by InboxModel::SortRole.
class InboxFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxFilterProxyModel)

public:
    enum class Filter
    {
        AllPending,   // pending, in review or stale: every version still waiting for a decision
        MineToReview, // the reviewer may decide and has not yet
        FailedChecks, // at least one pre-check fails
        Rejected,     // a rejection stands
    };

    explicit InboxFilterProxyModel(QObject *parent = nullptr);

    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    // Rows of the source that `filter` accepts, ignoring the text (for the chips' counts).
    int countFor(Filter filter) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool accepts(Filter filter, int sourceRow) const;

    Filter m_filter = Filter::AllPending;
    QString m_text;
    QStringList m_words;
};

} // namespace modelgate::ui
