#pragma once

#include "errors/error_text.h"
#include "widgets/lazy_load_view.h"

#include <memory>
#include <optional>
#include <vector>

#include <QWidget>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/review/review.h>
#include <modelgate/core/util/cancel_token.h>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace modelgate::ui {

class LoadingIndicator;
class MetricComparisonModel;
class SignatureDiffModel;
class ValueDiffModel;

// The "Compare" tab: the selected version (candidate) against a baseline, by default the
// version holding @champion. Final metrics with deltas coloured by the metric's direction,
// parameter, tag and signature diffs. A metric's direction can be changed from the table's
// context menu; it is stored on the server with the model (core's updateMetricDirection).
class ComparisonView final : public LazyLoadView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonView)

public:
    explicit ComparisonView(QWidget *parent = nullptr);
    ~ComparisonView() override;

    void setClient(std::shared_ptr<const MlflowClient> client);
    void setModelVersions(const std::vector<ModelVersion> &versions);
    void setVersion(const ModelVersion &candidate);
    void clear();

    // A version ("3") or alias ("@champion"); loads when visible.
    void setBaseline(const QString &versionOrAlias);
    QString baseline() const;
    // Writes a metric's direction for the model (nullopt: back to the built-in rule).
    void setMetricDirection(const QString &metric, std::optional<MetricDirection> direction);
    void cancel();
    bool isLoading() const { return m_loadingComparison; }
    const std::optional<Comparison> &comparison() const { return m_comparison; }

    MetricComparisonModel *metricsModel() const { return m_metrics; }
    ValueDiffModel *parametersModel() const { return m_params; }
    ValueDiffModel *tagsModel() const { return m_tags; }
    SignatureDiffModel *signatureModel() const { return m_signature; }
    QComboBox *baselineCombo() const { return m_baselineCombo; }
    QTableView *metricsView() const { return m_metricsView; }
    QTabWidget *diffTabs() const { return m_diffTabs; }
    QString headline() const;
    QString signatureSummary() const;

Q_SIGNALS:
    void loaded();
    void directionSaved(const QString &metric);
    void failed(const modelgate::Error &error, modelgate::ui::Operation operation);

private:
    void load() override;
    void fillBaselines();
    void showComparison(const Comparison &comparison);
    void showPlaceholder(const QString &text);
    void showMetricMenu(const QPoint &position);
    QTableView *makeTable(QAbstractItemModel *model, int sortRole, const QString &objectName);

    std::shared_ptr<const MlflowClient> m_client;
    std::vector<ModelVersion> m_versions;
    ModelVersion m_candidate;
    std::optional<Comparison> m_comparison;
    CancelToken m_cancel;
    CancelToken m_directionCancel;
    quint64 m_generation = 0;
    bool m_loadingComparison = false;
    bool m_filling = false;
    bool m_keepBaseline = true;

    QComboBox *m_baselineCombo;
    QLabel *m_headline;
    QLabel *m_warnings;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    MetricComparisonModel *m_metrics;
    ValueDiffModel *m_params;
    ValueDiffModel *m_tags;
    SignatureDiffModel *m_signature;
    QTableView *m_metricsView = nullptr;
    QTabWidget *m_diffTabs = nullptr;
    QCheckBox *m_showUnchanged = nullptr;
    QLabel *m_signatureSummary = nullptr;
    LoadingIndicator *m_loading;
};

} // namespace modelgate::ui
