#include "deploy/deployment_table_model.h"

#include "deploy/deploy_context.h"

#include <display_safe.h>

#include <QBrush>
#include <QColor>

namespace modelgate::ui {

namespace {

QColor warningRed()
{
    return {0xc0, 0x39, 0x2b};
}

} // namespace

DeploymentTableModel::DeploymentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DeploymentTableModel::setEndpoint(const EndpointInfo &endpoint)
{
    beginResetModel();
    if (endpoint.name != m_endpoint.name)
        m_approvals.clear();
    m_endpoint = endpoint;
    endResetModel();
}

void DeploymentTableModel::setApprovals(std::map<std::string, DeploymentApproval> approvals)
{
    m_approvals = std::move(approvals);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Approval), index(rowCount() - 1, Approval));
}

void DeploymentTableModel::clear()
{
    setEndpoint(EndpointInfo{});
}

int DeploymentTableModel::rowOfName(const QString &name) const
{
    for (std::size_t row = 0; row < m_endpoint.deployments.size(); ++row)
        if (QString::fromStdString(m_endpoint.deployments[row].name) == name)
            return static_cast<int>(row);
    return -1;
}

const DeploymentApproval *DeploymentTableModel::approvalOf(const DeploymentInfo &deployment) const
{
    const auto found = m_approvals.find(deployment.name);
    return found == m_approvals.end() ? nullptr : &found->second;
}

int DeploymentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_endpoint.deployments.size());
}

int DeploymentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeploymentTableModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant DeploymentTableModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeploymentInfo &deployment = deploymentAt(index.row());
    const DeploymentApproval *approval = approvalOf(deployment);
    switch (role) {
    case HealthRole:
        return static_cast<int>(deployment.health);
    case NameRole:
        return QString::fromStdString(deployment.name);
    case ApprovedRole:
        return approval ? QVariant(approval->approved) : QVariant();
    case SortRole:
        switch (index.column()) {
        case Version:
            return QString::fromStdString(deployment.version).toLongLong();
        case Approval:
            return approval ? static_cast<int>(approval->approved) : -1;
        case Health:
            return static_cast<int>(deployment.health);
        case Traffic:
            return deployment.traffic;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Deployment:
            return QString::fromStdString(deployment.name);
        case Model:
            return QString::fromStdString(deployment.model);
        case Version:
            return QString::fromStdString(deployment.version);
        case Approval:
            if (!approval)
                return tr("…");
            return approval->approved ? tr("approved") : tr("NOT approved");
        case Health:
            return healthText(deployment.health);
        case Traffic:
            return tr("%1 %").arg(deployment.traffic);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == Approval && approval && !approval->approved)
            return QBrush(warningRed());
        if (index.column() == Health && deployment.health == DeploymentHealth::Dead)
            return QBrush(warningRed());
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Approval && approval) {
            const QString reason = QString::fromStdString(approval->reason);
            return approval->approved ? reason
                                      : tr("This version is no longer approved: %1. It keeps serving its "
                                           "share, but gets no more traffic.")
                                            .arg(reason);
        }
        if (index.column() == Approval)
            return tr("Checking the release trail…");
        if (index.column() == Health && !deployment.healthDetail.empty())
            return QString::fromStdString(deployment.healthDetail);
        if (index.column() == Deployment && !deployment.directUri.empty())
            return tr("Its own scoring server: %1").arg(QString::fromStdString(deployment.directUri));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Traffic || index.column() == Version)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant DeploymentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Deployment:
        return tr("Deployment");
    case Model:
        return tr("Model");
    case Version:
        return tr("Version");
    case Approval:
        return tr("Approval");
    case Health:
        return tr("Health");
    case Traffic:
        return tr("Traffic");
    default:
        return {};
    }
}

} // namespace modelgate::ui
