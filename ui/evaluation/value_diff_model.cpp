#include "evaluation/value_diff_model.h"

#include "evaluation/metric_comparison_model.h"

#include <display_safe.h>

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPalette>

namespace modelgate::ui {

namespace {

QString optionalText(const std::optional<std::string> &value)
{
    return value ? QString::fromStdString(*value) : QStringLiteral("—");
}

// Light tints behind the row; the Change column names the change as well.
QColor changeTint(ValueChange change)
{
    switch (change) {
    case ValueChange::Added:
        return QColor(0xdd, 0xf4, 0xe4);
    case ValueChange::Removed:
        return QColor(0xfb, 0xe0, 0xe0);
    case ValueChange::Changed:
        return QColor(0xfd, 0xf1, 0xcf);
    case ValueChange::Same:
        break;
    }
    return {};
}

} // namespace

ValueDiffModel::ValueDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ValueDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

int ValueDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ValueDiffModel::changeText(ValueChange change)
{
    switch (change) {
    case ValueChange::Added:
        return tr("+ added");
    case ValueChange::Removed:
        return tr("− removed");
    case ValueChange::Changed:
        return tr("≠ changed");
    case ValueChange::Same:
        break;
    }
    return tr("unchanged");
}

QVariant ValueDiffModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant ValueDiffModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = *m_visible.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Scope:
            return row.scope;
        case Key:
            return QString::fromStdString(row.diff.key);
        case Candidate:
            return optionalText(row.diff.candidate);
        case Baseline:
            return optionalText(row.diff.baseline);
        case Change:
            return role == SortRole ? QVariant(static_cast<int>(row.diff.change))
                                    : changeText(row.diff.change);
        }
        break;
    case Qt::BackgroundRole:
        if (const QColor tint = changeTint(row.diff.change); tint.isValid())
            return QBrush(tint);
        break;
    case Qt::ForegroundRole:
        if (row.diff.change == ValueChange::Same)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return QColor(Qt::black); // on the light tint, whatever the palette
    case Qt::FontRole:
        if (row.diff.change != ValueChange::Same && index.column() == Change) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case ChangeRole:
        return static_cast<int>(row.diff.change);
    default:
        break;
    }
    return {};
}

QVariant ValueDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Scope:
        return tr("Scope");
    case Key:
        return tr("Key");
    case Candidate:
        return tr("Candidate");
    case Baseline:
        return tr("Baseline");
    case Change:
        return tr("Change");
    }
    return {};
}

void ValueDiffModel::setGroups(const std::vector<Group> &groups)
{
    m_all.clear();
    for (const Group &group : groups)
        for (const ValueDiff &diff : group.diffs)
            m_all.push_back({group.scope, diff});
    rebuild();
}

void ValueDiffModel::setShowUnchanged(bool show)
{
    if (show == m_showUnchanged)
        return;
    m_showUnchanged = show;
    rebuild();
}

void ValueDiffModel::rebuild()
{
    beginResetModel();
    m_visible.clear();
    for (const Row &row : m_all)
        if (m_showUnchanged || row.diff.change != ValueChange::Same)
            m_visible.push_back(&row);
    endResetModel();
}

int ValueDiffModel::changedCount() const
{
    return static_cast<int>(std::count_if(
        m_all.begin(), m_all.end(), [](const Row &row) { return row.diff.change != ValueChange::Same; }));
}

int ValueDiffModel::unchangedCount() const
{
    return static_cast<int>(m_all.size()) - changedCount();
}

SignatureDiffModel::SignatureDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SignatureDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diff.changes.size());
}

int SignatureDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SignatureDiffModel::sectionText(SignatureSection section)
{
    switch (section) {
    case SignatureSection::Signature:
        return tr("Signature");
    case SignatureSection::Inputs:
        return tr("Input");
    case SignatureSection::Outputs:
        return tr("Output");
    case SignatureSection::Params:
        return tr("Parameter");
    }
    return {};
}

QString SignatureDiffModel::changeText(SignatureChangeKind change)
{
    switch (change) {
    case SignatureChangeKind::Added:
        return tr("added");
    case SignatureChangeKind::Removed:
        return tr("removed");
    case SignatureChangeKind::Retyped:
        return tr("type changed");
    case SignatureChangeKind::BecameRequired:
        return tr("now required");
    case SignatureChangeKind::BecameOptional:
        return tr("now optional");
    case SignatureChangeKind::DefaultChanged:
        return tr("default changed");
    case SignatureChangeKind::SignatureAdded:
        return tr("signature added");
    case SignatureChangeKind::SignatureRemoved:
        return tr("signature removed");
    }
    return {};
}

QVariant SignatureDiffModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant SignatureDiffModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SignatureChange &change = m_diff.changes.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Section:
            return sectionText(change.section);
        case Name:
            return QString::fromStdString(change.name);
        case Change:
            return changeText(change.change);
        case From:
            return change.from.empty() ? QStringLiteral("—") : QString::fromStdString(change.from);
        case To:
            return change.to.empty() ? QStringLiteral("—") : QString::fromStdString(change.to);
        case Impact:
            return change.breaking ? tr("⚠ BREAKING") : tr("compatible");
        }
        break;
    case Qt::ToolTipRole:
        // The core's reason is English technical detail, as in the CLI.
        return QString::fromStdString(change.reason);
    case Qt::ForegroundRole:
        if (change.breaking)
            return MetricComparisonModel::verdictColor(Verdict::Worse);
        break;
    case Qt::FontRole:
        if (change.breaking) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case BreakingRole:
        return change.breaking;
    default:
        break;
    }
    return {};
}

QVariant SignatureDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Section:
        return tr("Part");
    case Name:
        return tr("Name");
    case Change:
        return tr("Change");
    case From:
        return tr("Baseline type");
    case To:
        return tr("Candidate type");
    case Impact:
        return tr("Impact");
    }
    return {};
}

void SignatureDiffModel::setDiff(const SignatureDiff &diff)
{
    beginResetModel();
    m_diff = diff;
    endResetModel();
}

QString SignatureDiffModel::summary() const
{
    if (!m_diff.compared)
        return m_diff.note.empty()
                   ? tr("The signatures were not compared.")
                   : tr("The signatures were not compared: %1").arg(QString::fromStdString(m_diff.note));
    const int changes = static_cast<int>(m_diff.changes.size());
    if (changes == 0)
        return m_diff.note.empty() ? tr("No signature changes.") : QString::fromStdString(m_diff.note);
    const int breaking = static_cast<int>(std::count_if(m_diff.changes.begin(), m_diff.changes.end(),
                                                        [](const SignatureChange &c) { return c.breaking; }));
    return tr("%n change(s), ", nullptr, changes) + tr("%n breaking", nullptr, breaking);
}

} // namespace modelgate::ui
