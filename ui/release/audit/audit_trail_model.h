#pragma once

#include <QAbstractTableModel>

#include <modelgate/core/release/release_records.h>

namespace modelgate::ui {

// Every record of a model's release trail, in sequence order, with the verification's
// verdict: the first broken record and the records after it (which nothing vouches for)
// are marked, and break-glass approvals are shown in red.
class AuditTrailModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTrailModel)

public:
    enum Column
    {
        SequenceColumn,
        TimeColumn,
        ActionColumn,
        VersionColumn,
        ReviewerColumn,
        CommentColumn,
        ChecksColumn,
        DigestColumn,
        HashColumn,
        ColumnCount,
    };

    enum Role
    {
        SequenceRole = Qt::UserRole, // int
        BrokenRole,                  // bool: the first broken record
        UnverifiedRole,              // bool: after the first broken record
        BreakGlassRole,              // bool
        FullHashRole,                // QString: the record's hash
        FullDigestRole,              // QString: the content digest (empty for policy records)
        MalformedRole,               // bool: the text is not a record
    };

    explicit AuditTrailModel(QObject *parent = nullptr);

    void setTrail(const TrailVerification &verification);
    void clear();
    const TrailVerification &trail() const { return m_trail; }
    // The entry of `row`, or nullptr.
    const TrailEntry *entry(int row) const;
    // The row of the first broken record, or -1.
    int firstBrokenRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString actionText(const std::optional<ReleaseRecord> &record);
    static QString shortHash(const std::string &hash);
    static QString deploymentName(const ReleaseRecord &record);
    static QString splitText(const TrafficSplit &split);

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    QVariant display(const TrailEntry &entry, int column) const;

    TrailVerification m_trail;
};

} // namespace modelgate::ui
