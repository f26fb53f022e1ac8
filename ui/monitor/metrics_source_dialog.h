#pragma once

#include "deploy/deploy_context.h"

#include <optional>

#include <QDialog>

#include <modelgate/core/monitor/prometheus_metrics.h>
#include <modelgate/core/util/cancel_token.h>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QWidget;

namespace modelgate::ui {

class ErrorBanner;

// Where one endpoint's metrics come from, kept with the endpoint beside its SLO rules: the
// target's own source (HAProxy's request log, Azure Monitor) or Prometheus with its queries.
// A preset fills the queries of a common exporter; every field can be edited (then the preset
// reads "Custom"), and the PromQL that ModelGate will send is shown as it is typed. "Test
// Query" asks Prometheus for the last five minutes and says what came back. Reading, testing
// and saving run off the GUI thread; errors show in the dialog, which stays open.
class MetricsSourceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsSourceDialog)

public:
    MetricsSourceDialog(DeployContext context, const QString &endpoint, QWidget *parent = nullptr);
    ~MetricsSourceDialog() override;

    // nullopt: the target's own source.
    std::optional<PrometheusQueries> queries() const;
    void setQueries(const std::optional<PrometheusQueries> &queries);
    // Why the source cannot be saved; empty when it can.
    QString validationProblem() const;
    void applyPreset(const QString &preset);
    void testQuery();
    void save();

    QComboBox *sourceBox() const { return m_source; }
    QComboBox *presetBox() const { return m_preset; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *requestsEdit() const { return m_requests; }
    QLineEdit *deploymentLabelEdit() const { return m_deploymentLabel; }
    QLabel *previewLabel() const { return m_preview; }
    QLabel *testResultLabel() const { return m_testResult; }
    QPushButton *saveButton() const;
    QPushButton *testButton() const { return m_test; }
    ErrorBanner *errorBanner() const { return m_banner; }

Q_SIGNALS:
    void loaded(bool ok);
    void saved();
    void tested(bool ok);

private:
    void load();
    void validate();
    void fieldEdited();

    DeployContext m_context;
    QString m_endpoint;
    CancelToken m_cancel;
    bool m_filling = false;
    bool m_busy = false;
    ErrorBanner *m_banner;
    QComboBox *m_source;
    QWidget *m_form;
    QLineEdit *m_url;
    QComboBox *m_preset;
    QLineEdit *m_requests;
    QLineEdit *m_deploymentLabel;
    QLineEdit *m_statusLabel;
    QComboBox *m_latencyKind;
    QLineEdit *m_latency;
    QDoubleSpinBox *m_latencyUnit;
    QSpinBox *m_scrapeInterval;
    QLabel *m_preview;
    QPushButton *m_test;
    QLabel *m_testResult;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace modelgate::ui
