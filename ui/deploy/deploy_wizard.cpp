#include "deploy/deploy_wizard.h"

#include "deploy/deploy_wizard_pages.h"

#include <display_safe.h>

namespace modelgate::ui {

DeployWizard::DeployWizard(DeployContext context, std::vector<EndpointInfo> endpoints, const QString &model,
                           const QString &version, QWidget *parent)
    : QWizard(parent)
    , m_endpointPage(new EndpointChoicePage(&m_state, model.isEmpty() || version.isEmpty(), this))
    , m_deployPage(new RolloutStepPage(&m_state, RolloutStepPage::Kind::Deploy, this))
    , m_smokeTestPage(new SmokeTestPage(&m_state, this))
    , m_canaryPage(new RolloutStepPage(&m_state, RolloutStepPage::Kind::Canary, this))
    , m_promotePage(new RolloutStepPage(&m_state, RolloutStepPage::Kind::Promote, this))
    , m_summaryPage(new SummaryPage(&m_state, this))
{
    m_state.context = std::move(context);
    m_state.endpoints = std::move(endpoints);
    m_state.model = model;
    m_state.version = version;
    setObjectName(QStringLiteral("deployWizard"));
    setWindowTitle(model.isEmpty() ? tr("New Deployment")
                                   : tr("Deploy %1 v%2").arg(displaySafe(model), displaySafe(version)));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    // Going back past a step that acted would suggest it can be undone by choosing again.
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(EndpointPageId, m_endpointPage);
    setPage(DeployPageId, m_deployPage);
    setPage(SmokeTestPageId, m_smokeTestPage);
    setPage(CanaryPageId, m_canaryPage);
    setPage(PromotePageId, m_promotePage);
    setPage(SummaryPageId, m_summaryPage);
    m_endpointPage->fill();
    for (RolloutStepPage *page : {m_deployPage, m_canaryPage, m_promotePage})
        connect(page, &RolloutStepPage::endpointChanged, this, &DeployWizard::endpointChanged);
    resize(820, 600);
}

DeployWizard::~DeployWizard() = default;

void DeployWizard::presetDeployed(const QString &endpoint, const QString &deployment,
                                  const TrafficSplit &split, PageId page)
{
    m_state.endpoint = endpoint;
    m_state.deployment = deployment;
    m_state.split = split;
    m_state.deployed = true;
    setStartId(page);
}

} // namespace modelgate::ui
