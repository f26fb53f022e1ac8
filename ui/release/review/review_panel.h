#pragma once

#include "errors/error_text.h"
#include "release/review/decision_drafts.h"
#include "release/review/draft_autosave.h"

#include <memory>
#include <optional>
#include <set>

#include <QWidget>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_review.h>
#include <modelgate/core/util/cancel_token.h>

class QLabel;
class QPushButton;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace modelgate::ui {

class CheckListModel;
class ComparisonView;
class DecisionArea;
class ErrorBanner;
class LoadingIndicator;
class MetricHistoryView;
class PolicyEditorDialog;

// The review of one model version: the evidence (comparison with the champion, charts,
// signature diff) beside the pre-checks and the standing decisions, then the decision area.
// Approve stays disabled, with the reason shown, while a required check fails, the reviewer
// is an author, the user lacks EDIT (learnt from a refused decision), the trail is broken or
// the reviewer is not enrolled. A decision the server did not accept is kept as a draft.
class ReviewPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPanel)

public:
    explicit ReviewPanel(QWidget *parent = nullptr);
    ~ReviewPanel() override;

    void setClient(std::shared_ptr<const MlflowClient> client);
    void showVersion(const QString &model, const QString &version);
    void clear();

    // The workspace (profile) name drafts are filed under.
    void setWorkspaceName(const QString &name) { m_workspace = name; }
    // Where drafts are kept (tests); default QStandardPaths::AppDataLocation.
    void setDraftsFile(const QString &path);
    // Reloads the status and forgets a permission refusal learnt for this model.
    void refresh();

    QString model() const { return m_model; }
    QString version() const { return m_version; }
    bool isLoading() const { return m_loadingStatus; }
    bool isDeciding() const { return m_deciding; }
    const std::optional<ReleaseStatus> &status() const { return m_status; }
    const std::optional<DecisionOutcome> &lastOutcome() const { return m_lastOutcome; }

    QPushButton *approveButton() const;
    QPushButton *rejectButton() const;
    QPushButton *revokeButton() const;
    QPushButton *breakGlassButton() const;
    QPushButton *editPolicyButton() const { return m_editPolicy; }
    QPushButton *exportReportButton() const { return m_exportReport; }
    QPushButton *deployButton() const { return m_deploy; }
    QString approveDisabledReason() const;
    CheckListModel *checkListModel() const { return m_checks; }
    QPlainTextEdit *commentEdit() const;
    DecisionArea *decisionArea() const { return m_decision; }
    QTreeWidget *decisionsList() const { return m_decisions; }
    QTabWidget *evidenceTabs() const { return m_evidence; }
    ComparisonView *comparisonView() const { return m_comparison; }
    MetricHistoryView *chartsView() const { return m_charts; }
    ErrorBanner *errorBanner() const { return m_banner; }
    QString recordText() const;
    QString draftText() const;
    QString headline() const;

    // Approve / reject / revoke with the comment in the comment box (as the buttons do).
    void approve();
    void reject();
    void revoke();
    // Break-glass approval with `reason` (the button asks for it in a dialog).
    void approveWithBreakGlass(const QString &reason);
    void retryDraft();
    void discardDraft();
    void repairTags();
    // Opens the policy editor for the loaded version (non-modal to the caller; deletes itself
    // on close); nullptr when nothing is loaded.
    PolicyEditorDialog *openPolicyEditor();

Q_SIGNALS:
    void decisionRecorded(const QString &model, const QString &version);
    void policyChanged(const QString &model);
    // "Deploy…" on an approved version; the shell opens the deployment wizard (release/ does
    // not know deploy/).
    void deployRequested(const QString &model, const QString &version);
    // Test and status-bar hooks.
    void statusLoaded();
    void decisionFailed(const modelgate::Error &error);
    void loadFailed(const modelgate::Error &error);

private:
    void load();
    void applyStatus(const ReleaseStatus &status);
    void fillDecisions(const ReleaseStatus &status);
    void updateDecisionArea();
    QStringList approveBlockers() const;
    void decide(ReleaseAction action, const QString &comment, const QString &breakGlassReason);
    void finishDecision(const DecisionRequest &request, const Result<DecisionOutcome> &result);
    void showOutcome(const DecisionOutcome &outcome);
    void showDraftFor(const std::optional<DecisionDraft> &draft);
    void askBreakGlass();

    std::shared_ptr<const MlflowClient> m_client;
    QString m_model;
    QString m_version;
    QString m_workspace;
    std::optional<ReleaseStatus> m_status;
    std::optional<DecisionOutcome> m_lastOutcome;
    std::set<QString> m_noEditModels; // a decision's probe got a 403: no EDIT on the model
    QString m_notEnrolledFor;         // reviewer identity refused as not enrolled
    CancelToken m_loadCancel;
    CancelToken m_decideCancel;
    quint64 m_generation = 0;
    bool m_loadingStatus = false;
    bool m_deciding = false;
    DecisionDrafts m_drafts;
    DraftAutosave m_autosave{m_drafts}; // declared after m_drafts: destroyed (and flushed) first
    QString m_restoredNote;             // "Restored an unsent draft from …", shown with the draft frame

    QLabel *m_headline;
    QLabel *m_stateLine;
    QPushButton *m_refresh;
    QPushButton *m_editPolicy;
    QPushButton *m_exportReport;
    QPushButton *m_deploy;
    ErrorBanner *m_banner;
    LoadingIndicator *m_loading;
    QSplitter *m_splitter;
    QTabWidget *m_evidence;
    ComparisonView *m_comparison;
    MetricHistoryView *m_charts;
    CheckListModel *m_checks;
    QTableView *m_checksView;
    QLabel *m_checkSummary;
    QTreeWidget *m_decisions;
    DecisionArea *m_decision;
};

} // namespace modelgate::ui
