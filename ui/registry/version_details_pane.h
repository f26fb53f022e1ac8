#pragma once

#include <memory>
#include <vector>

#include <QWidget>

#include <modelgate/core/mlflow/mlflow_types.h>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace modelgate {
class MlflowClient;
}

namespace modelgate::ui {

class ComparisonView;
class LoadingIndicator;
class MetricHistoryView;
class MetricTrendView;
class TableRowsModel;

// The details of one model version in tabs: Overview, Parameters, Metrics, Tags and
// Signature. The version's own metadata shows at once; the run and the signature fill
// their tabs when the loader delivers them. It does no I/O itself.
class VersionDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionDetailsPane)

public:
    enum Tab
    {
        OverviewTab,
        ParametersTab,
        MetricsTab,
        TagsTab,
        SignatureTab,
        ChartsTab,  // metric history of the version's run, other versions overlaid
        CompareTab, // candidate against the champion or a chosen baseline
        TrendTab,   // one metric across every version of the model
        TabCount
    };

    explicit VersionDetailsPane(QWidget *parent = nullptr);

    // Nothing selected.
    void clear();
    void showVersion(const ModelVersion &version);
    void setRun(const Run &run);
    void setRunError(const QString &message);
    void setSignature(const ModelSignature &signature);
    void setSignatureError(const QString &message);

    // The review tabs (Charts, Compare, Model Trend) load on their own, when shown.
    void setReviewClient(std::shared_ptr<const MlflowClient> client);
    void setModelVersions(const std::vector<ModelVersion> &versions);
    void cancelReviewLoads();
    MetricHistoryView *chartsView() const { return m_charts; }
    ComparisonView *comparisonView() const { return m_comparison; }
    MetricTrendView *trendView() const { return m_trend; }

    LoadingIndicator *loadingIndicator() const { return m_loading; }
    QTabWidget *tabs() const { return m_tabs; }
    TableRowsModel *parametersModel() const { return m_parameters; }
    TableRowsModel *metricsModel() const { return m_metrics; }
    TableRowsModel *tagsModel() const { return m_tags; }
    TableRowsModel *signatureInputsModel() const { return m_inputs; }
    TableRowsModel *signatureOutputsModel() const { return m_outputs; }
    QString signatureSummary() const;
    // "FINISHED" -> "Finished" (translated); unknown states as sent.
    static QString runStatusText(const std::string &status);

private:
    struct TablePage
    {
        QStackedWidget *stack = nullptr;
        QTableView *view = nullptr;
        QLabel *placeholder = nullptr;
    };

    QWidget *buildOverviewTab();
    QWidget *buildSignatureTab();
    TablePage makeTablePage(TableRowsModel *model, const QString &objectName);
    static void showPlaceholder(const TablePage &page, const QString &text);
    static void showTable(const TablePage &page);
    void setOverviewValue(const QString &key, const QString &value);
    void fillTags();

    QLabel *m_title;
    LoadingIndicator *m_loading;
    QTabWidget *m_tabs;
    QStackedWidget *m_stack; // empty state vs. tabs
    QFormLayout *m_overviewForm = nullptr;
    QHash<QString, QLabel *> m_overviewValues;
    TableRowsModel *m_parameters;
    TableRowsModel *m_metrics;
    TableRowsModel *m_tags;
    TableRowsModel *m_inputs;
    TableRowsModel *m_outputs;
    TablePage m_parametersPage;
    TablePage m_metricsPage;
    TablePage m_tagsPage;
    TablePage m_inputsPage;
    TablePage m_outputsPage;
    QLabel *m_signatureSummary = nullptr;
    MetricHistoryView *m_charts;
    ComparisonView *m_comparison;
    MetricTrendView *m_trend;
    ModelVersion m_version;
    std::optional<Run> m_run;
};

} // namespace modelgate::ui
