#pragma once

#include "deploy/deploy_context.h"

#include <optional>

#include <QDialog>

#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/monitor/load_generator.h>
#include <modelgate/core/util/cancel_token.h>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace modelgate::ui {

class ErrorBanner;

// The load test: the rows of a CSV file, mapped to the model's signature as the smoke test
// and `endpoint invoke` map them, sent to the endpoint (or one deployment) open-loop at a
// fixed rate for a fixed time by core's load generator, off the GUI thread. Live: sent,
// succeeded, failed by status, no answer, late starts, in flight and the client's
// p50/p95/p99; Cancel stops starting requests. The endpoint view charts the same requests as
// the endpoint saw them.
class LoadTestDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadTestDialog)

public:
    LoadTestDialog(DeployContext context, EndpointInfo endpoint, QWidget *parent = nullptr);
    ~LoadTestDialog() override;

    // Reads the rows to send; false (and the reason in the dialog) when the file is not CSV.
    bool loadCsv(const QString &path);
    void setRate(double requestsPerSecond);
    void setDuration(int seconds);
    void setBatchRows(int rows);
    // Empty: the endpoint's split decides; else the deployment alone (its smoke test under load).
    void setDeployment(const QString &deployment);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    // The newest report (live, then final); nullopt before the first.
    const std::optional<LoadReport> &report() const { return m_report; }
    QString summaryText() const;
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    ErrorBanner *errorBanner() const { return m_banner; }

Q_SIGNALS:
    void progressed();
    void finished(bool ok);

private:
    void chooseCsv();
    void showReport(const LoadReport &report, bool final);
    void updateButtons();

    DeployContext m_context;
    EndpointInfo m_endpoint;
    std::optional<CsvTable> m_rows;
    std::optional<LoadReport> m_report;
    CancelToken m_cancel;
    bool m_running = false;

    ErrorBanner *m_banner;
    QLineEdit *m_csvPath;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_duration;
    QSpinBox *m_batchRows;
    QComboBox *m_deployment;
    QProgressBar *m_progress;
    QLabel *m_counts;
    QLabel *m_latency;
    QLabel *m_summary;
    QPushButton *m_start;
    QPushButton *m_cancelButton;
};

} // namespace modelgate::ui
