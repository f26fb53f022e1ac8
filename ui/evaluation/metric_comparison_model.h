#pragma once

#include <QAbstractTableModel>

#include <modelgate/core/review/review.h>

namespace modelgate::ui {

// The metrics of a comparison, one row per metric: candidate, baseline, absolute and
// relative delta, direction and verdict. The verdict shows as text with an arrow and as a
// colour, so it does not rely on colour alone. Sort with a proxy on SortRole.
class MetricComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricComparisonModel)

public:
    enum Column
    {
        Metric,
        Candidate,
        Baseline,
        Delta,
        RelativeDelta,
        Direction,
        VerdictColumn,
        ColumnCount
    };

    enum Role
    {
        SortRole = Qt::UserRole, // numbers for numeric columns (absent values sort first), else text
        VerdictRole,             // int(modelgate::Verdict)
        DirectionRole,           // int(modelgate::MetricDirection)
        MetricKeyRole,           // the metric name
        DirectionOverriddenRole, // bool: set for this model rather than the built-in rule
    };

    explicit MetricComparisonModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMetrics(const std::vector<MetricComparison> &metrics);
    void clear();
    const MetricComparison &metricAt(int row) const { return m_metrics.at(static_cast<std::size_t>(row)); }
    int rowOfKey(const QString &key) const;
    int countOf(Verdict verdict) const;

    static QString verdictText(Verdict verdict);
    static QString directionText(MetricDirection direction);
    // Readable on light and dark palettes alike.
    static QColor verdictColor(Verdict verdict);

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    std::vector<MetricComparison> m_metrics;
};

} // namespace modelgate::ui
