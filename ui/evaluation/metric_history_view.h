#pragma once

#include "errors/error_text.h"
#include "widgets/lazy_load_view.h"

#include <memory>
#include <vector>

#include <QWidget>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/util/cancel_token.h>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace modelgate::ui {

class LoadingIndicator;
class MetricChartWidget;

// The "Charts" tab: the full history of one metric of the selected version's run, with
// other versions of the model overlaid (the champion by default). Histories are fetched
// and downsampled off the GUI thread when the tab is shown, not on every selection.
class MetricHistoryView final : public LazyLoadView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricHistoryView)

public:
    explicit MetricHistoryView(QWidget *parent = nullptr);
    ~MetricHistoryView() override;

    void setClient(std::shared_ptr<const MlflowClient> client);
    // Every version of the model, for the overlay list.
    void setModelVersions(const std::vector<ModelVersion> &versions);
    void setVersion(const ModelVersion &version);
    // The metrics the version's run logged.
    void setMetricKeys(const QStringList &keys);
    void clear();
    // The run could not be loaded: say why instead of charting.
    void setUnavailable(const QString &message);

    // Chooses a metric (and loads, if visible); false if the run has no such metric.
    bool setMetric(const QString &key);
    QString metric() const;
    // Ticks the overlay of a version ("3") or alias ("@champion").
    void setOverlayChecked(const QString &versionOrAlias, bool checked);
    void cancel();
    bool isLoading() const { return m_loadingRuns; }

    MetricChartWidget *chart() const { return m_chart; }
    QComboBox *metricCombo() const { return m_metricCombo; }
    QListWidget *overlayList() const { return m_overlays; }
    QCheckBox *logScaleCheck() const { return m_logScale; }
    QString noteText() const;

Q_SIGNALS:
    void loaded();
    void failed(const modelgate::Error &error, modelgate::ui::Operation operation);

private:
    void load() override;
    void showPlaceholder(const QString &text);
    void updateLogScaleControl();
    void exportPng();
    void exportCsv();
    void fillOverlays();

    std::shared_ptr<const MlflowClient> m_client;
    std::vector<ModelVersion> m_versions;
    ModelVersion m_version;
    CancelToken m_cancel;
    quint64 m_generation = 0;
    bool m_loadingRuns = false;
    bool m_filling = false;

    QComboBox *m_metricCombo;
    QCheckBox *m_logScale;
    QPushButton *m_resetZoom;
    QPushButton *m_exportPng;
    QPushButton *m_exportCsv;
    QListWidget *m_overlays;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    MetricChartWidget *m_chart;
    QLabel *m_readout;
    QLabel *m_note;
    LoadingIndicator *m_loading;
};

} // namespace modelgate::ui
