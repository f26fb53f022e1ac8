#pragma once

#include "deploy/deploy_context.h"

#include <vector>

#include <QStringList>
#include <QWizard>

namespace modelgate::ui {

class EndpointChoicePage;
class RolloutStepPage;
class SmokeTestPage;
class SummaryPage;

// What the wizard's steps share: the choices of the first page, the endpoint's split after
// the last step, and every record the steps wrote (or failed to write).
struct DeployWizardState
{
    DeployContext context;
    std::vector<EndpointInfo> endpoints; // as the page listed them
    QString model;
    QString version;
    QString endpoint;
    QString deployment;
    bool newEndpoint = false;
    bool production = false;
    bool deployed = false;
    TrafficSplit split; // the endpoint's split after the last step
    std::vector<RolloutRecord> records;
    QStringList notRecorded; // one warning per step done on the endpoint but not recorded
};

// Deploying an approved version, step by step: (a) the endpoint and the deployment's name,
// (b) the deployment at 0 % (100 % on a new endpoint), (c) a smoke test against the new
// deployment alone, (d) a canary share, (e) promotion to 100 % (the previous deployment stays
// at 0 % for a rollback), (f) a summary of what the release trail recorded. Every step after
// the deployment may be skipped, in order; each one says what it recorded.
class DeployWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployWizard)

public:
    enum PageId
    {
        EndpointPageId,
        DeployPageId,
        SmokeTestPageId,
        CanaryPageId,
        PromotePageId,
        SummaryPageId,
    };

    // `model` and `version` empty: the first page asks for them.
    DeployWizard(DeployContext context, std::vector<EndpointInfo> endpoints, const QString &model,
                 const QString &version, QWidget *parent = nullptr);
    ~DeployWizard() override;

    DeployWizardState &state() { return m_state; }
    // For the screenshot mode and tests: as if the deploy step had put `deployment` on
    // `endpoint` with `split`; the wizard then opens at `page`.
    void presetDeployed(const QString &endpoint, const QString &deployment, const TrafficSplit &split,
                        PageId page);

    EndpointChoicePage *endpointPage() const { return m_endpointPage; }
    RolloutStepPage *deployPage() const { return m_deployPage; }
    SmokeTestPage *smokeTestPage() const { return m_smokeTestPage; }
    RolloutStepPage *canaryPage() const { return m_canaryPage; }
    RolloutStepPage *promotePage() const { return m_promotePage; }

Q_SIGNALS:
    // A step changed `endpoint` (the page reads it again).
    void endpointChanged(const QString &endpoint);

private:
    DeployWizardState m_state;
    EndpointChoicePage *m_endpointPage;
    RolloutStepPage *m_deployPage;
    SmokeTestPage *m_smokeTestPage;
    RolloutStepPage *m_canaryPage;
    RolloutStepPage *m_promotePage;
    SummaryPage *m_summaryPage;
};

} // namespace modelgate::ui
