#include "deploy/endpoint_list_model.h"

#include "deploy/deploy_context.h"

#include <display_safe.h>

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QStringList>

namespace modelgate::ui {

EndpointListModel::EndpointListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void EndpointListModel::setEndpoints(std::vector<EndpointInfo> endpoints)
{
    beginResetModel();
    m_endpoints = std::move(endpoints);
    endResetModel();
}

void EndpointListModel::clear()
{
    setEndpoints({});
}

int EndpointListModel::rowOfName(const QString &name) const
{
    for (std::size_t row = 0; row < m_endpoints.size(); ++row)
        if (QString::fromStdString(m_endpoints[row].name) == name)
            return static_cast<int>(row);
    return -1;
}

bool EndpointListModel::needsRestart(const EndpointInfo &endpoint)
{
    if (endpoint.health == EndpointHealth::Down)
        return true;
    for (const DeploymentInfo &deployment : endpoint.deployments)
        if (deployment.health == DeploymentHealth::Dead)
            return true;
    return false;
}

QString EndpointListModel::splitText(const TrafficSplit &split)
{
    if (split.empty())
        return tr("no deployment");
    QStringList parts;
    for (const auto &[name, percent] : split)
        parts << tr("%1 %2 %").arg(QString::fromStdString(name)).arg(percent);
    return parts.join(QStringLiteral(", "));
}

double EndpointListModel::troubleScore(const EndpointInfo &endpoint, const EndpointLiveFigures *figures)
{
    const double errors = figures && figures->errorPercent ? *figures->errorPercent : 0.0;
    if (figures && figures->slo == SloVerdict::Breached)
        return 3000 + errors;
    if (endpoint.health != EndpointHealth::Running)
        return 2000 + errors;
    return errors;
}

void EndpointListModel::setFigures(std::map<std::string, EndpointLiveFigures> figures)
{
    m_figures = std::move(figures);
    if (!m_endpoints.empty())
        Q_EMIT dataChanged(index(0, RequestRate), index(rowCount() - 1, Slo));
}

const EndpointLiveFigures *EndpointListModel::figuresOf(const std::string &endpoint) const
{
    const auto found = m_figures.find(endpoint);
    return found == m_figures.end() ? nullptr : &found->second;
}

QVariant EndpointListModel::figureData(const EndpointInfo &endpoint, int column, int role) const
{
    const EndpointLiveFigures *figures = figuresOf(endpoint.name);
    const QString none = tr("–");
    if (role == SortRole) {
        switch (column) {
        case RequestRate:
            return figures ? figures->averageRate : -1.0;
        case ErrorRate:
            return figures && figures->errorPercent ? *figures->errorPercent : -1.0;
        case LatencyP95:
            return figures && figures->p95Ms ? *figures->p95Ms : -1.0;
        case Slo:
            return troubleScore(endpoint, figures);
        default:
            return {};
        }
    }
    if (role == SparklineRole)
        return figures ? QVariant::fromValue(figures->requestRate) : QVariant();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case RequestRate:
            return figures ? tr("%1/s").arg(QLocale().toString(figures->averageRate, 'f', 1)) : none;
        case ErrorRate:
            return figures && figures->errorPercent
                       ? tr("%1 %").arg(QLocale().toString(*figures->errorPercent, 'f', 1))
                       : none;
        case LatencyP95:
            return figures && figures->p95Ms ? tr("%1 ms").arg(QLocale().toString(*figures->p95Ms, 'f', 0))
                                             : none;
        case Slo:
            return figures && figures->slo ? figures->sloText : none;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && column == Slo && figures && figures->slo == SloVerdict::Breached)
        return QBrush(QColor(0xc0, 0x39, 0x2b));
    if (role == Qt::ToolTipRole && column == Slo && figures && !figures->sloDetail.isEmpty())
        return figures->sloDetail;
    if (role == Qt::ToolTipRole && column == RequestRate)
        return tr("Requests per second over the last 5 minutes");
    if (role == Qt::TextAlignmentRole && column != Slo)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

int EndpointListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_endpoints.size());
}

int EndpointListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointListModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant EndpointListModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EndpointInfo &endpoint = m_endpoints[static_cast<std::size_t>(index.row())];
    if (index.column() >= RequestRate)
        switch (role) {
        case HealthRole:
        case NameRole:
        case NeedsRestartRole:
        case TroubleRole:
            break; // the row's, below
        default:
            return figureData(endpoint, index.column(), role);
        }
    switch (role) {
    case TroubleRole:
        return troubleScore(endpoint, figuresOf(endpoint.name));
    case SparklineRole:
        return {};
    case HealthRole:
        return static_cast<int>(endpoint.health);
    case NameRole:
        return QString::fromStdString(endpoint.name);
    case NeedsRestartRole:
        return needsRestart(endpoint);
    case SortRole:
        switch (index.column()) {
        case State:
            return static_cast<int>(endpoint.health);
        case Deployments:
        case Split:
            return static_cast<int>(endpoint.deployments.size());
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return QString::fromStdString(endpoint.name);
        case State:
            return healthText(endpoint.health);
        case ScoringUri:
            return QString::fromStdString(endpoint.scoringUri);
        case Deployments:
            return static_cast<int>(endpoint.deployments.size());
        case Split:
            return splitText(endpoint.traffic());
        default:
            return {};
        }
    case Qt::ForegroundRole:
        // A down endpoint serves nothing: it must stand out in a long list.
        if (index.column() == State && endpoint.health == EndpointHealth::Down)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (index.column() == State && endpoint.health == EndpointHealth::Degraded)
            return QBrush(QColor(0xb9, 0x77, 0x0e));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == State && !endpoint.healthDetail.empty())
            return QString::fromStdString(endpoint.healthDetail);
        if (index.column() == Name && endpoint.production)
            return tr("Production endpoint: reaching 100 % here moves the model's champion alias.");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Deployments)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant EndpointListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Endpoint");
    case State:
        return tr("State");
    case ScoringUri:
        return tr("Scoring URI");
    case Deployments:
        return tr("Deployments");
    case Split:
        return tr("Traffic split");
    case RequestRate:
        return tr("Requests (5 min)");
    case ErrorRate:
        return tr("Errors");
    case LatencyP95:
        return tr("p95");
    case Slo:
        return tr("SLO");
    default:
        return {};
    }
}

} // namespace modelgate::ui
