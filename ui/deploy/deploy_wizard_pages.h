#pragma once

#include "deploy/deploy_wizard.h"
#include "deploy/scoring_rows.h"

#include <QWizardPage>

#include <modelgate/core/util/cancel_token.h>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSlider;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace modelgate::ui {

class TrafficSplitBar;

// (a) Where the version goes: an existing endpoint or a new one (optionally production), and
// the deployment's name; asks for the model and version when the wizard was opened without.
class EndpointChoicePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointChoicePage)

public:
    EndpointChoicePage(DeployWizardState *state, bool askVersion, QWidget *parent = nullptr);

    // Fills the fields from the state (the wizard calls it once it has set the state).
    void fill();
    bool isComplete() const override;
    bool validatePage() override;
    // Why Next is disabled; empty when it is not.
    QString problem() const;

    QLineEdit *deploymentEdit() const { return m_deployment; }
    QLineEdit *newEndpointEdit() const { return m_newName; }
    QRadioButton *newEndpointButton() const { return m_newButton; }

private:
    void update();
    const EndpointInfo *chosenExisting() const;

    DeployWizardState *m_state;
    QLineEdit *m_model;
    QLineEdit *m_version;
    QRadioButton *m_existingButton;
    QComboBox *m_existing;
    QRadioButton *m_newButton;
    QLineEdit *m_newName;
    QCheckBox *m_production;
    QLineEdit *m_deployment;
    QLabel *m_problem;
    bool m_deploymentEdited = false;
};

// (b), (d) and (e): one action of core's Rollout with its progress, a Cancel button and what
// it recorded. The deployment must be made before going on; canary and promotion may be skipped.
class RolloutStepPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutStepPage)

public:
    enum class Kind
    {
        Deploy,
        Canary,
        Promote,
    };

    RolloutStepPage(DeployWizardState *state, Kind kind, QWidget *parent = nullptr);
    ~RolloutStepPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    bool isDone() const { return m_done; }
    QString resultText() const;
    QSpinBox *shareSpin() const { return m_share; }

Q_SIGNALS:
    void endpointChanged(const QString &endpoint);

private:
    void showProgress(const QString &step, int percent);
    void finish(const Result<RolloutOutcome> &result);
    TrafficSplit plannedSplit() const;
    void updatePlan();

    DeployWizardState *m_state;
    Kind m_kind;
    CancelToken m_cancel;
    bool m_running = false;
    bool m_done = false;
    QLabel *m_description;
    QSpinBox *m_share = nullptr;
    QSlider *m_slider = nullptr;
    TrafficSplitBar *m_plan;
    QPushButton *m_startButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_progress;
    QLabel *m_step;
    QLabel *m_result;
};

// (c) Scoring requests against the new deployment alone: input rows from a CSV file or the
// version's saved input example, predictions beside them.
class SmokeTestPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmokeTestPage)

public:
    explicit SmokeTestPage(DeployWizardState *state, QWidget *parent = nullptr);
    ~SmokeTestPage() override;

    void initializePage() override;
    void setRows(const ScoringRows &rows, const QString &source);
    void setPredictions(const QStringList &predictions);
    void chooseCsv();
    void loadCsv(const QString &path);
    void loadInputExample();
    void send();
    void showAnswer(const Result<InvokeResponse> &result);
    const ScoringRows &rows() const { return m_rows; }
    QTableWidget *table() const { return m_table; }
    QString statusText() const;

Q_SIGNALS:
    void rowsLoaded();
    void answered(); // the deployment answered a send(), or could not be reached

private:
    DeployWizardState *m_state;
    ScoringRows m_rows;
    CancelToken m_cancel;
    bool m_exampleTried = false;
    QLabel *m_source;
    QPushButton *m_csvButton;
    QPushButton *m_exampleButton;
    QPushButton *m_sendButton;
    QTableWidget *m_table;
    QLabel *m_status;
};

// (f) Which records the steps wrote, and a clear warning for a step done but not recorded.
class SummaryPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryPage)

public:
    explicit SummaryPage(DeployWizardState *state, QWidget *parent = nullptr);

    void initializePage() override;

private:
    DeployWizardState *m_state;
    QLabel *m_text;
    QTreeWidget *m_records;
    QLabel *m_warning;
};

} // namespace modelgate::ui
