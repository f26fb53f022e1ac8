#pragma once

#include "errors/error_text.h"
#include "widgets/lazy_load_view.h"

#include <memory>

#include <QWidget>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/review/metric_history.h>
#include <modelgate/core/util/cancel_token.h>

class QChartView;
class QComboBox;
class QLabel;
class QStackedWidget;

namespace modelgate::ui {

class LoadingIndicator;

// The "Model Trend" tab: one metric's final value in every version of the model (x =
// version number, points labelled with their aliases), so a regression over time shows at
// a glance. Loaded with core's metricAcrossVersions when the tab is shown.
class MetricTrendView final : public LazyLoadView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricTrendView)

public:
    explicit MetricTrendView(QWidget *parent = nullptr);
    ~MetricTrendView() override;

    void setClient(std::shared_ptr<const MlflowClient> client);
    void setModel(const QString &modelName);
    // The metrics to offer (those of the selected version's run).
    void setMetricKeys(const QStringList &keys);
    void clear();
    // The run could not be loaded: say why instead of charting.
    void setUnavailable(const QString &message);
    bool setMetric(const QString &key);
    QString metric() const;
    void cancel();
    bool isLoading() const { return m_loadingTrend; }

    QChartView *chartView() const { return m_chartView; }
    QComboBox *metricCombo() const { return m_metricCombo; }
    const std::vector<VersionMetricValue> &values() const { return m_values; }
    // How many versions have a value drawn.
    int pointCount() const;

Q_SIGNALS:
    void loaded();
    void failed(const modelgate::Error &error, modelgate::ui::Operation operation);

private:
    void load() override;
    void showValues();
    void showPlaceholder(const QString &text);

    std::shared_ptr<const MlflowClient> m_client;
    QString m_modelName;
    std::vector<VersionMetricValue> m_values;
    CancelToken m_cancel;
    quint64 m_generation = 0;
    bool m_loadingTrend = false;
    bool m_filling = false;

    QComboBox *m_metricCombo;
    QLabel *m_title;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QChartView *m_chartView;
    QLabel *m_note;
    LoadingIndicator *m_loading;
};

} // namespace modelgate::ui
