#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <modelgate/core/release/release_checks.h>

namespace modelgate::ui {

// The pre-checks of a release candidate: one row per check, status first (icon and colour).
class CheckListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckListModel)

public:
    enum Column
    {
        Status,
        Check,
        Measured,
        Expected,
        Detail,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        StatusRole = Qt::UserRole, // CheckStatus as int
        KindRole,                  // CheckKind as int
        SubjectRole,               // metric or tag name
        SortRole,                  // failures first, then warnings, then passes
    };
    Q_ENUM(Role)

    explicit CheckListModel(QObject *parent = nullptr);

    void setReport(const CheckReport &report);
    void clear();
    const CheckReport &report() const { return m_report; }
    const CheckResult &checkAt(int row) const { return m_report.checks.at(static_cast<std::size_t>(row)); }
    // The row of the first check of `kind` (and `subject`, when given), or -1.
    int rowOf(CheckKind kind, const QString &subject = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    CheckReport m_report;
};

// Sorting (by SortRole) and an optional "problems only" filter for the check list.
class CheckFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckFilterProxyModel)

public:
    explicit CheckFilterProxyModel(QObject *parent = nullptr);

    void setProblemsOnly(bool problemsOnly);
    bool problemsOnly() const { return m_problemsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_problemsOnly = false;
};

} // namespace modelgate::ui
