#include "evaluation/metric_comparison_model.h"

#include <cmath>
#include <display_safe.h>

#include <QColor>
#include <QFont>
#include <QLocale>

namespace modelgate::ui {

namespace {

QString formatValue(const std::optional<double> &value)
{
    if (!value)
        return QStringLiteral("—");
    if (std::isnan(*value))
        return QStringLiteral("NaN");
    if (std::isinf(*value))
        return *value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QLocale().toString(*value, 'g', 6);
}

QString formatDelta(const std::optional<double> &delta)
{
    if (!delta)
        return QStringLiteral("—");
    const QString text = QLocale().toString(std::fabs(*delta), 'g', 4);
    if (*delta > 0)
        return u'+' + text;
    if (*delta < 0)
        return QStringLiteral("−") + text;
    return text;
}

QString formatPercent(const std::optional<double> &relative)
{
    if (!relative)
        return QStringLiteral("—");
    return formatDelta(*relative * 100.0) + QStringLiteral(" %");
}

QVariant sortValue(const std::optional<double> &value)
{
    // Absent values sort before every number, so they gather at one end.
    if (!value || std::isnan(*value))
        return -std::numeric_limits<double>::infinity();
    return *value;
}

} // namespace

MetricComparisonModel::MetricComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int MetricComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_metrics.size());
}

int MetricComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MetricComparisonModel::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return tr("▲ better");
    case Verdict::Worse:
        return tr("▼ worse");
    case Verdict::Equal:
        return tr("= equal");
    case Verdict::Unknown:
        break;
    }
    return tr("– not rated");
}

QString MetricComparisonModel::directionText(MetricDirection direction)
{
    switch (direction) {
    case MetricDirection::HigherIsBetter:
        return tr("higher is better");
    case MetricDirection::LowerIsBetter:
        return tr("lower is better");
    case MetricDirection::Neutral:
        break;
    }
    return tr("neutral");
}

QColor MetricComparisonModel::verdictColor(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return QColor(0x1b, 0x7f, 0x3a); // green, 4.5:1 on white
    case Verdict::Worse:
        return QColor(0xc0, 0x1c, 0x28); // red, 4.5:1 on white
    case Verdict::Equal:
    case Verdict::Unknown:
        break;
    }
    return {};
}

QVariant MetricComparisonModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant MetricComparisonModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MetricComparison &metric = m_metrics.at(static_cast<std::size_t>(index.row()));
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Metric:
            return QString::fromStdString(metric.key);
        case Candidate:
            return formatValue(metric.candidate);
        case Baseline:
            return formatValue(metric.baseline);
        case Delta:
            return formatDelta(metric.delta);
        case RelativeDelta:
            return formatPercent(metric.relativeDelta);
        case Direction:
            return metric.directionOverridden
                       ? tr("%1 (set for this model)").arg(directionText(metric.direction))
                       : directionText(metric.direction);
        case VerdictColumn:
            return verdictText(metric.verdict);
        }
        break;
    case SortRole:
        switch (column) {
        case Candidate:
            return sortValue(metric.candidate);
        case Baseline:
            return sortValue(metric.baseline);
        case Delta:
            return sortValue(metric.delta);
        case RelativeDelta:
            return sortValue(metric.relativeDelta);
        case VerdictColumn:
            return static_cast<int>(metric.verdict);
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::ForegroundRole:
        if (column == Delta || column == RelativeDelta || column == VerdictColumn) {
            const QColor color = verdictColor(metric.verdict);
            if (color.isValid())
                return color;
        }
        break;
    case Qt::FontRole:
        if (column == VerdictColumn &&
            (metric.verdict == Verdict::Better || metric.verdict == Verdict::Worse)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column >= Candidate && column <= RelativeDelta)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (column == Direction)
            return tr("Right-click to choose whether higher or lower values of this metric are better.");
        if (column == VerdictColumn && metric.verdict == Verdict::Unknown)
            return metric.direction == MetricDirection::Neutral
                       ? tr("This metric has no direction, so neither value is better.")
                       : tr("One side has no value for this metric.");
        break;
    case VerdictRole:
        return static_cast<int>(metric.verdict);
    case DirectionRole:
        return static_cast<int>(metric.direction);
    case MetricKeyRole:
        return QString::fromStdString(metric.key);
    case DirectionOverriddenRole:
        return metric.directionOverridden;
    default:
        break;
    }
    return {};
}

QVariant MetricComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Metric:
        return tr("Metric");
    case Candidate:
        return tr("Candidate");
    case Baseline:
        return tr("Baseline");
    case Delta:
        return tr("Δ");
    case RelativeDelta:
        return tr("Δ %");
    case Direction:
        return tr("Direction");
    case VerdictColumn:
        return tr("Verdict");
    }
    return {};
}

void MetricComparisonModel::setMetrics(const std::vector<MetricComparison> &metrics)
{
    beginResetModel();
    m_metrics = metrics;
    endResetModel();
}

void MetricComparisonModel::clear()
{
    setMetrics({});
}

int MetricComparisonModel::rowOfKey(const QString &key) const
{
    const std::string wanted = key.toStdString();
    for (std::size_t row = 0; row < m_metrics.size(); ++row)
        if (m_metrics[row].key == wanted)
            return static_cast<int>(row);
    return -1;
}

int MetricComparisonModel::countOf(Verdict verdict) const
{
    return static_cast<int>(
        std::count_if(m_metrics.begin(), m_metrics.end(),
                      [verdict](const MetricComparison &m) { return m.verdict == verdict; }));
}

} // namespace modelgate::ui
