#include "release/review/check_list_model.h"

#include "widgets/icons.h"

#include <check_text.h>
#include <display_safe.h>
#include <from_std.h>

#include <QBrush>
#include <QColor>

namespace modelgate::ui {

namespace {

QColor statusColour(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QColor(0x1e, 0x7d, 0x32);
    case CheckStatus::Fail:
        return QColor(0xc6, 0x28, 0x28);
    case CheckStatus::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    }
    return {};
}

QIcon statusIcon(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return appIcon("check-pass", QStyle::SP_DialogApplyButton);
    case CheckStatus::Fail:
        return appIcon("error", QStyle::SP_MessageBoxCritical);
    case CheckStatus::Warning:
        return appIcon("warning", QStyle::SP_MessageBoxWarning);
    }
    return {};
}

int severity(CheckStatus status)
{
    return status == CheckStatus::Fail ? 0 : status == CheckStatus::Warning ? 1 : 2;
}

} // namespace

CheckListModel::CheckListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CheckListModel::setReport(const CheckReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

void CheckListModel::clear()
{
    setReport({});
}

int CheckListModel::rowOf(CheckKind kind, const QString &subject) const
{
    for (std::size_t row = 0; row < m_report.checks.size(); ++row) {
        const CheckResult &check = m_report.checks[row];
        if (check.kind == kind && (subject.isEmpty() || fromStd(check.subject) == subject))
            return static_cast<int>(row);
    }
    return -1;
}

int CheckListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_report.checks.size());
}

int CheckListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckListModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant CheckListModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CheckResult &check = checkAt(index.row());
    switch (role) {
    case StatusRole:
        return static_cast<int>(check.status);
    case KindRole:
        return static_cast<int>(check.kind);
    case SubjectRole:
        return fromStd(check.subject);
    case SortRole:
        if (index.column() == Status)
            return severity(check.status) * 10000 + index.row();
        return data(index, Qt::DisplayRole);
    case Qt::DecorationRole:
        return index.column() == Status ? QVariant(statusIcon(check.status)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == Status ? QVariant(QBrush(statusColour(check.status))) : QVariant();
    case Qt::ToolTipRole: {
        // The Expected column is short ("≥ 0.85"); the tooltip spells out the whole rule.
        const QString rule = report::checkTitle(check) + QStringLiteral(": ") + report::checkRule(check);
        const QString detail = report::checkDetail(check);
        return detail.isEmpty() ? rule : rule + u'\n' + detail;
    }
    case Qt::DisplayRole:
        switch (static_cast<Column>(index.column())) {
        case Status:
            return report::checkStatusText(check.status);
        case Check:
            return report::checkTitle(check);
        case Measured:
            return report::checkMeasured(check);
        case Expected:
            return report::checkExpected(check);
        case Detail:
            return report::checkDetail(check);
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant CheckListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Status:
        return tr("Status");
    case Check:
        return tr("Check");
    case Measured:
        return tr("Measured");
    case Expected:
        return tr("Expected");
    case Detail:
        return tr("Detail");
    case ColumnCount:
        break;
    }
    return {};
}

CheckFilterProxyModel::CheckFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CheckListModel::SortRole);
}

void CheckFilterProxyModel::setProblemsOnly(bool problemsOnly)
{
    if (m_problemsOnly == problemsOnly)
        return;
    m_problemsOnly = problemsOnly;
    invalidateRowsFilter();
}

bool CheckFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_problemsOnly)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(CheckListModel::StatusRole).toInt() != static_cast<int>(CheckStatus::Pass);
}

} // namespace modelgate::ui
