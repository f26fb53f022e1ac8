#pragma once

#include "errors/error_text.h"

#include <memory>
#include <optional>

#include <QDialog>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_checks.h>
#include <modelgate/core/release/release_policy.h>
#include <modelgate/core/review/metric_direction.h>
#include <modelgate/core/review/review.h>
#include <modelgate/core/util/cancel_token.h>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace modelgate::ui {

class CheckListModel;
class ErrorBanner;

// Edits a model's release policy and metric directions. Every edit is previewed at once
// against the candidate the review panel has loaded (evaluateReleaseChecks is pure, so the
// preview costs no request); Save writes the directions, then the policy (a "policy" record
// in the trail, then the model's tag) off the GUI thread. Whether the user may edit the model
// is only known when saving: a 403 is shown in the dialog's banner.
class PolicyEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyEditorDialog)

public:
    struct Subject
    {
        QString model;
        ReleasePolicy policy;
        MetricDirections directions;
        VersionEvidence candidate;
        std::optional<Comparison> comparison; // candidate against the champion, when there is one
    };

    explicit PolicyEditorDialog(std::shared_ptr<const MlflowClient> client, Subject subject,
                                QWidget *parent = nullptr);
    ~PolicyEditorDialog() override;

    // The policy and the directions as currently edited.
    ReleasePolicy editedPolicy() const;
    MetricDirectionMap editedOverrides() const;
    // The preview of the edited policy (empty checks when the policy is invalid).
    const CheckReport &previewReport() const { return m_preview; }
    QString previewSummary() const;
    QString validationProblem() const { return m_problem; }

    // Thresholds table: one row per metric (columns Metric, At least, At most; empty = no bound).
    QTableWidget *thresholdsTable() const { return m_thresholds; }
    void addThreshold(const QString &metric, std::optional<double> atLeast, std::optional<double> atMost);
    QTableWidget *directionsTable() const { return m_directionsTable; }
    QSpinBox *approvalsSpin() const { return m_approvals; }
    QCheckBox *breakGlassCheck() const { return m_allowBreakGlass; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QPushButton *saveButton() const { return m_save; }
    ErrorBanner *errorBanner() const { return m_banner; }
    CheckListModel *previewModel() const { return m_previewModel; }
    bool isSaving() const { return m_saving; }
    // Saves as if Save was clicked (the comment must be filled in).
    void save();

Q_SIGNALS:
    void saved(const QString &model);
    void saveFailed(const modelgate::Error &error);

private:
    QWidget *buildThresholds();
    QWidget *buildRegression();
    QWidget *buildDirections();
    QWidget *buildRequirements();
    QWidget *buildPreview();
    void loadPolicy(const ReleasePolicy &policy);
    void updatePreview();
    void updateSaveButton();
    void finishSave(const Result<int> &result);

    std::shared_ptr<const MlflowClient> m_client;
    Subject m_subject;
    CheckReport m_preview;
    QString m_problem;
    CancelToken m_cancel;
    bool m_saving = false;
    bool m_loading = false;

    QTableWidget *m_thresholds = nullptr;
    QCheckBox *m_absoluteEnabled = nullptr;
    QDoubleSpinBox *m_absolute = nullptr;
    QCheckBox *m_relativeEnabled = nullptr;
    QDoubleSpinBox *m_relative = nullptr;
    QLineEdit *m_regressionMetrics = nullptr;
    QLineEdit *m_championAlias = nullptr;
    QTableWidget *m_directionsTable = nullptr;
    QCheckBox *m_requireSignature = nullptr;
    QCheckBox *m_requireCompatible = nullptr;
    QCheckBox *m_requireExample = nullptr;
    QCheckBox *m_requireDescription = nullptr;
    QCheckBox *m_requireFinished = nullptr;
    QLineEdit *m_requiredTags = nullptr;
    QSpinBox *m_approvals = nullptr;
    QCheckBox *m_allowBreakGlass = nullptr;
    QLabel *m_breakGlassWarning = nullptr;
    QLabel *m_previewCounts = nullptr;
    QLabel *m_previewNote = nullptr;
    CheckListModel *m_previewModel = nullptr;
    QPlainTextEdit *m_comment = nullptr;
    ErrorBanner *m_banner = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace modelgate::ui
