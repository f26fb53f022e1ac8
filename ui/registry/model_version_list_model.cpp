#include "registry/model_version_list_model.h"

#include <algorithm>
#include <display_safe.h>
#include <from_std.h>

#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace modelgate::ui {

namespace {

QString joinedAliases(const ModelVersion &version)
{
    QStringList aliases;
    for (const std::string &alias : version.aliases)
        aliases << u'@' + fromStd(alias);
    return aliases.join(QStringLiteral(", "));
}

QString joinedTags(const ModelVersion &version, const QString &separator)
{
    QStringList tags;
    for (const auto &[key, value] : version.tags)
        tags << (value.empty() ? fromStd(key) : fromStd(key) + u'=' + fromStd(value));
    return tags.join(separator);
}

} // namespace

ModelVersionListModel::ModelVersionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ModelVersionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_versions.size());
}

int ModelVersionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelVersionListModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant ModelVersionListModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModelVersion &version = m_versions[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(version, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Tags)
            return joinedTags(version, QStringLiteral("\n"));
        if (index.column() == Description)
            return fromStd(version.description);
        if (index.column() == Status && !version.statusMessage.empty())
            return fromStd(version.statusMessage);
        if (index.column() == SourceRun)
            return fromStd(version.source);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Version)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawValue(version, index.column());
    case VersionRole:
        return fromStd(version.version);
    default:
        return {};
    }
}

QVariant ModelVersionListModel::displayValue(const ModelVersion &version, int column) const
{
    switch (column) {
    case Version:
        return fromStd(version.version);
    case Aliases:
        return joinedAliases(version);
    case Status:
        return statusText(version.status);
    case Created:
        if (version.creationTimestamp <= 0)
            return QString();
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(version.creationTimestamp),
                                  QLocale::ShortFormat);
    case SourceRun:
        return fromStd(version.runId);
    case Tags:
        return joinedTags(version, QStringLiteral(", "));
    case Description:
        return fromStd(version.description).section(u'\n', 0, 0);
    default:
        return {};
    }
}

QString ModelVersionListModel::statusText(const std::string &status)
{
    if (status == "READY")
        return tr("Ready");
    if (status == "PENDING_REGISTRATION")
        return tr("Pending registration");
    if (status == "FAILED_REGISTRATION")
        return tr("Registration failed");
    return fromStd(status);
}

QVariant ModelVersionListModel::rawValue(const ModelVersion &version, int column) const
{
    switch (column) {
    case Version:
        return static_cast<qint64>(version.versionNumber());
    case Created:
        return static_cast<qint64>(version.creationTimestamp);
    default:
        return displayValue(version, column);
    }
}

QVariant ModelVersionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Version:
        return tr("Version");
    case Aliases:
        return tr("Aliases");
    case Status:
        return tr("Status");
    case Created:
        return tr("Created");
    case SourceRun:
        return tr("Source run");
    case Tags:
        return tr("Tags");
    case Description:
        return tr("Description");
    default:
        return {};
    }
}

void ModelVersionListModel::setVersions(const QString &modelName, const std::vector<ModelVersion> &versions)
{
    beginResetModel();
    m_modelName = modelName;
    m_versions = versions;
    endResetModel();
}

void ModelVersionListModel::clear()
{
    beginResetModel();
    m_modelName.clear();
    m_versions.clear();
    endResetModel();
}

const ModelVersion &ModelVersionListModel::versionAt(int row) const
{
    return m_versions.at(static_cast<std::size_t>(row));
}

int ModelVersionListModel::rowOf(const QString &versionOrAlias) const
{
    const bool byAlias = versionOrAlias.startsWith(u'@');
    const std::string wanted = (byAlias ? versionOrAlias.mid(1) : versionOrAlias).toStdString();
    for (std::size_t i = 0; i < m_versions.size(); ++i) {
        const ModelVersion &version = m_versions[i];
        const bool match = byAlias ? std::find(version.aliases.begin(), version.aliases.end(), wanted) !=
                                         version.aliases.end()
                                   : version.version == wanted;
        if (match)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace modelgate::ui
