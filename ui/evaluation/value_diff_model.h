#pragma once

#include <QAbstractTableModel>

#include <modelgate/core/review/review.h>
#include <modelgate/core/review/signature_diff.h>

namespace modelgate::ui {

// A key/value diff (run parameters, version and run tags): key, candidate, baseline and
// what changed. Added, removed and changed rows are tinted and named in the Change column;
// unchanged rows are dimmed, or hidden with setShowUnchanged(false).
class ValueDiffModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValueDiffModel)

public:
    enum Column
    {
        Scope, // "Version" / "Run" for tags; hidden for parameters
        Key,
        Candidate,
        Baseline,
        Change,
        ColumnCount
    };

    enum Role
    {
        ChangeRole = Qt::UserRole, // int(modelgate::ValueChange)
        SortRole,
    };

    struct Group
    {
        QString scope;
        std::vector<ValueDiff> diffs;
    };

    explicit ValueDiffModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setGroups(const std::vector<Group> &groups);
    void clear() { setGroups({}); }
    void setShowUnchanged(bool show);
    bool showUnchanged() const { return m_showUnchanged; }
    // Of every row, shown or not.
    int changedCount() const;
    int unchangedCount() const;

    static QString changeText(ValueChange change);

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    struct Row
    {
        QString scope;
        ValueDiff diff;
    };
    void rebuild();

    std::vector<Row> m_all;
    std::vector<const Row *> m_visible;
    bool m_showUnchanged = true;
};

// The signature diff: section, name, change, baseline type, candidate type, and whether it
// breaks callers of the baseline. Breaking rows are bold, red and marked "BREAKING".
class SignatureDiffModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignatureDiffModel)

public:
    enum Column
    {
        Section,
        Name,
        Change,
        From,
        To,
        Impact,
        ColumnCount
    };

    enum Role
    {
        BreakingRole = Qt::UserRole,
    };

    explicit SignatureDiffModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setDiff(const SignatureDiff &diff);
    // "2 changes, 1 breaking", "No changes", or why nothing was compared.
    QString summary() const;

    static QString sectionText(SignatureSection section);
    static QString changeText(SignatureChangeKind change);

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    SignatureDiff m_diff;
};

} // namespace modelgate::ui
