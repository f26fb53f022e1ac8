#pragma once

#include <vector>

#include <QAbstractTableModel>

#include <modelgate/core/deploy/deployment_target.h>

namespace modelgate::ui {

// The endpoints of a deployment target, one row each. Sorting lives in a QSortFilterProxyModel
// over SortRole (raw values: a split sorts by its deployments' count, not its text).
class EndpointListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointListModel)

public:
    enum Column
    {
        Name,
        State,
        ScoringUri,
        Deployments,
        Split,
        ColumnCount,
    };

    enum Role
    {
        HealthRole = Qt::UserRole, // EndpointHealth as int
        NameRole,                  // the endpoint's name (QString)
        SortRole,                  // the raw value of the column
        NeedsRestartRole,          // bool: the router or a deployment is dead
    };

    explicit EndpointListModel(QObject *parent = nullptr);

    void setEndpoints(std::vector<EndpointInfo> endpoints);
    void clear();
    const EndpointInfo &endpointAt(int row) const { return m_endpoints.at(static_cast<std::size_t>(row)); }
    const std::vector<EndpointInfo> &endpoints() const { return m_endpoints; }
    int rowOfName(const QString &name) const;

    // Whether restarting would bring something back: the router is down or a deployment is dead.
    static bool needsRestart(const EndpointInfo &endpoint);
    // "blue 90 %, green 10 %" in the UI's words; "no deployment" for an empty split.
    static QString splitText(const TrafficSplit &split);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<EndpointInfo> m_endpoints;
};

} // namespace modelgate::ui
