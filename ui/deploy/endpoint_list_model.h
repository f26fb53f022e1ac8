#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QAbstractTableModel>
#include <QList>

#include <modelgate/core/deploy/deployment_target.h>
#include <modelgate/core/monitor/slo.h>

namespace modelgate::ui {

// What monitoring measured of an endpoint over the last minutes: plain values, fed from
// outside (the shell connects monitor/'s overview poller), so that this model needs nothing
// of the monitoring screens.
struct EndpointLiveFigures
{
    QList<double> requestRate;          // requests per second, oldest first: the sparkline
    double averageRate = 0;             // over the same span
    std::optional<double> errorPercent; // 4xx and 5xx; absent without requests
    std::optional<double> p95Ms;        // absent without answered requests
    std::optional<SloVerdict> slo;      // the worst verdict of its rules; absent: not evaluated
    QString sloText;                    // the verdict in the UI's words
    QString sloDetail;                  // what broke, for the tooltip

    bool operator==(const EndpointLiveFigures &) const = default;
};

// The endpoints of a deployment target, one row each, with what monitoring measured of each
// (request-rate sparkline, error rate, p95, SLO status: the overview). Sorting lives in a
// QSortFilterProxyModel over SortRole (raw values: a split sorts by its deployments' count,
// not its text; the SLO column by trouble: breached first, then degraded or down, then by
// error rate).
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
        RequestRate, // sparkline of the last minutes and the average
        ErrorRate,   // 4xx and 5xx, percent
        LatencyP95,  // ms
        Slo,         // the rules' verdict; sorts by TroubleRole
        ColumnCount,
    };

    enum Role
    {
        HealthRole = Qt::UserRole, // EndpointHealth as int
        NameRole,                  // the endpoint's name (QString)
        SortRole,                  // the raw value of the column
        NeedsRestartRole,          // bool: the router or a deployment is dead
        SparklineRole,             // QList<double>: requests per second, oldest first
        TroubleRole,               // double: larger is worse (see troubleScore)
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
    // How much an endpoint needs looking at: 3000 + error % for a breached SLO rule, 2000 +
    // error % for a degraded or down endpoint, else its error % (0..100).
    static double troubleScore(const EndpointInfo &endpoint, const EndpointLiveFigures *figures);

    // What monitoring measured, by endpoint name; endpoints without an entry show dashes.
    void setFigures(std::map<std::string, EndpointLiveFigures> figures);
    const EndpointLiveFigures *figuresOf(const std::string &endpoint) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    QVariant figureData(const EndpointInfo &endpoint, int column, int role) const;

    std::vector<EndpointInfo> m_endpoints;
    std::map<std::string, EndpointLiveFigures> m_figures;
};

} // namespace modelgate::ui
