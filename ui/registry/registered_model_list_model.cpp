#include "registry/registered_model_list_model.h"

#include <display_safe.h>
#include <from_std.h>

#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <modelgate/core/mlflow/model_filter.h>

namespace modelgate::ui {

namespace {

QString formatTimestamp(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch), QLocale::ShortFormat);
}

} // namespace

RegisteredModelListModel::RegisteredModelListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int RegisteredModelListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RegisteredModelListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegisteredModelListModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant RegisteredModelListModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Tags)
            return row.tagsToolTip;
        if (index.column() == Description)
            return row.description;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == LatestVersion)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawValue(row, index.column());
    case SearchTextRole:
        return row.searchText;
    case ModelNameRole:
        return row.name;
    default:
        return {};
    }
}

QVariant RegisteredModelListModel::displayValue(const Row &row, int column) const
{
    switch (column) {
    case Name:
        return row.name;
    case LatestVersion:
        return row.latestVersion;
    case Aliases:
        return row.aliases;
    case Tags:
        return row.tags;
    case LastUpdated:
        return formatTimestamp(row.model.lastUpdatedTimestamp);
    case Description:
        return row.description.section(u'\n', 0, 0); // first line; the tooltip has all
    default:
        return {};
    }
}

QVariant RegisteredModelListModel::rawValue(const Row &row, int column) const
{
    switch (column) {
    case Name:
        return row.name;
    case LatestVersion:
        return row.latestVersionNumber;
    case Aliases:
        return row.aliases;
    case Tags:
        return row.tags;
    case LastUpdated:
        return static_cast<qint64>(row.model.lastUpdatedTimestamp);
    case Description:
        return row.description;
    default:
        return {};
    }
}

QVariant RegisteredModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == LatestVersion)
        return tr("The newest version of the model");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case LatestVersion:
        return tr("Latest");
    case Aliases:
        return tr("Aliases");
    case Tags:
        return tr("Tags");
    case LastUpdated:
        return tr("Last updated");
    case Description:
        return tr("Description");
    default:
        return {};
    }
}

bool RegisteredModelListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_morePages && !m_fetchPending;
}

void RegisteredModelListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetchPending = true;
    Q_EMIT fetchMoreRequested();
}

void RegisteredModelListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_morePages = false;
    m_fetchPending = false;
    endResetModel();
}

void RegisteredModelListModel::appendPage(const std::vector<RegisteredModel> &models, bool morePages)
{
    m_fetchPending = false;
    m_morePages = morePages;
    if (models.empty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(models.size()) - 1);
    m_rows.reserve(m_rows.size() + models.size());
    for (const RegisteredModel &model : models)
        m_rows.push_back(makeRow(model));
    endInsertRows();
}

void RegisteredModelListModel::stopPaging()
{
    m_morePages = false;
    m_fetchPending = false;
}

const RegisteredModel &RegisteredModelListModel::registeredModelAt(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row)).model;
}

const QString &RegisteredModelListModel::searchTextAt(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row)).searchText;
}

const QString &RegisteredModelListModel::nameAt(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row)).name;
}

int RegisteredModelListModel::rowOfName(const QString &name) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].name == name)
            return static_cast<int>(i);
    return -1;
}

RegisteredModelListModel::Row RegisteredModelListModel::makeRow(const RegisteredModel &model)
{
    Row row;
    row.model = model;
    row.name = fromStd(model.name);
    row.latestVersion = fromStd(latestVersionOf(model));
    bool isNumber = false;
    const qint64 number = row.latestVersion.toLongLong(&isNumber);
    row.latestVersionNumber = isNumber ? number : -1;

    QStringList aliases;
    for (const auto &[alias, version] : model.aliases)
        aliases << (fromStd(alias) + u" (v" + fromStd(version) + u')');
    row.aliases = aliases.join(QStringLiteral(", "));

    QStringList tags;
    for (const auto &[key, value] : model.tags)
        tags << (value.empty() ? fromStd(key) : fromStd(key) + u'=' + fromStd(value));
    row.tags = tags.join(QStringLiteral(", "));
    row.tagsToolTip = tags.join(u'\n');
    row.description = fromStd(model.description);
    // The same rule as the CLI's --filter, lower-cased once more for non-ASCII letters.
    row.searchText = fromStd(modelSearchText(model)).toLower();
    return row;
}

} // namespace modelgate::ui
