#pragma once

#include <map>
#include <string>

#include <QAbstractTableModel>

#include <modelgate/core/deploy/deployment_target.h>
#include <modelgate/core/deploy/rollout.h>

namespace modelgate::ui {

// The deployments of one endpoint with whether each one's version is approved now. A version
// whose approval went away keeps serving, so the Approval column marks it in red with the
// reason as its tooltip. Sorting lives in a QSortFilterProxyModel over SortRole.
class DeploymentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentTableModel)

public:
    enum Column
    {
        Deployment,
        Model,
        Version,
        Approval,
        Health,
        Traffic,
        ColumnCount,
    };

    enum Role
    {
        HealthRole = Qt::UserRole, // DeploymentHealth as int
        NameRole,                  // the deployment's name (QString)
        SortRole,                  // the raw value of the column
        ApprovedRole,              // bool, or invalid while unknown
    };

    explicit DeploymentTableModel(QObject *parent = nullptr);

    // The endpoint's deployments; the approvals are kept when the same endpoint is shown again
    // (a refresh), else forgotten until setApprovals.
    void setEndpoint(const EndpointInfo &endpoint);
    void setApprovals(std::map<std::string, DeploymentApproval> approvals);
    void clear();
    const EndpointInfo &endpoint() const { return m_endpoint; }
    const DeploymentInfo &deploymentAt(int row) const
    {
        return m_endpoint.deployments.at(static_cast<std::size_t>(row));
    }
    int rowOfName(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    const DeploymentApproval *approvalOf(const DeploymentInfo &deployment) const;

    EndpointInfo m_endpoint;
    std::map<std::string, DeploymentApproval> m_approvals;
};

} // namespace modelgate::ui
