#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QDateTime>

#include <modelgate/core/release/release_inbox.h>

namespace modelgate::ui {

// The reviewer's inbox: one row per version waiting for a release decision (core's
// loadReviewInbox), in the order core gives (newest first).
class InboxModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxModel)

public:
    enum Column
    {
        Model,
        Version,
        Checks,
        Author,
        Age,
        Champion,
        State,
        ColumnCount
    };

    enum Role
    {
        SortRole = Qt::UserRole + 1, // a value that sorts naturally (numbers, timestamps)
        ModelNameRole,               // QString
        VersionRole,                 // QString
        StateRole,                   // int(ReviewState)
        MineToReviewRole,            // bool
        FailedChecksRole,            // bool: checks known and at least one failed
        ChecksKnownRole,             // bool: the summary arrived (no error, not loading)
        FilterTextRole,              // QString: what the text filter searches
    };

    explicit InboxModel(QObject *parent = nullptr);

    // Replaces every row. `checksLoading` says the summaries are still on their way (rows
    // without checks then read "Checking…" rather than "unavailable").
    void setEntries(std::vector<InboxEntry> entries, bool checksLoading = false);
    void clear();
    // The clock ages are measured against (tests pin it; default: the current time at each call).
    void setNow(const QDateTime &now) { m_now = now; }

    const InboxEntry &entryAt(int row) const { return m_entries.at(static_cast<std::size_t>(row)); }
    int rowOf(const QString &model, const QString &version) const;
    int mineToReviewCount() const;
    bool checksLoading() const { return m_checksLoading; }

    // "9 passed · 1 failed · 1 warning"
    static QString checksText(const CheckSummary &summary);
    // "12 min", "3 h", "2 d"
    static QString ageText(qint64 seconds);
    static QString stateText(ReviewState state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    QVariant display(const InboxEntry &entry, int column) const;
    QVariant sortValue(const InboxEntry &entry, int column) const;
    QVariant toolTip(const InboxEntry &entry, int column) const;
    qint64 ageSeconds(const InboxEntry &entry) const;

    std::vector<InboxEntry> m_entries;
    bool m_checksLoading = false;
    QDateTime m_now;
};

} // namespace modelgate::ui
