#include "workspaces/azure_workspace_form.h"

#include <from_std.h>

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace modelgate::ui {

AzureWorkspaceForm::AzureWorkspaceForm(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("azureWorkspaceForm"));
    auto field = [this](const char *name, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::textChanged, this, [this]() {
            if (!m_updating)
                Q_EMIT changed();
        });
        return edit;
    };
    m_subscription = field("azureSubscription", QStringLiteral("00000000-0000-0000-0000-000000000000"));
    m_resourceGroup = field("azureResourceGroup", QStringLiteral("rg-clinic-ml"));
    m_workspace = field("azureWorkspace", QStringLiteral("ws-clinic"));
    m_region = field("azureRegion", QStringLiteral("westeurope"));
    m_signIn = new QComboBox(this);
    m_signIn->setObjectName(QStringLiteral("azureSignIn"));
    m_signIn->addItem(tr("Azure CLI (az login)"), static_cast<int>(AzureSignIn::AzureCli));
    m_signIn->addItem(tr("Service principal (client secret)"),
                      static_cast<int>(AzureSignIn::ServicePrincipal));
    m_tenantLabel = new QLabel(tr("Tenant ID:"), this);
    m_tenant = field("azureTenant", QString());
    m_clientLabel = new QLabel(tr("Client ID:"), this);
    m_client = field("azureClient", QString());
    m_secretLabel = new QLabel(tr("Client secret:"), this);
    m_secret = field("azureSecret", QString());
    m_secret->setEchoMode(QLineEdit::Password);
    m_signInNote = new QLabel(this);
    m_signInNote->setObjectName(QStringLiteral("azureSignInNote"));
    m_signInNote->setWordWrap(true);

    m_advanced = new QGroupBox(tr("Cloud (change for sovereign clouds only)"), this);
    m_armBaseUrl = field("azureArmBaseUrl", QString::fromLatin1(kDefaultArmBaseUrl));
    m_apiVersion = field("azureApiVersion", QString::fromLatin1(kDefaultArmApiVersion));
    m_authorityHost = field("azureAuthorityHost", QString::fromLatin1(kDefaultAuthorityHost));
    auto *advanced = new QFormLayout(m_advanced);
    advanced->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    advanced->addRow(tr("ARM base URL:"), m_armBaseUrl);
    advanced->addRow(tr("API version:"), m_apiVersion);
    advanced->addRow(tr("Authority host:"), m_authorityHost);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Subscription ID:"), m_subscription);
    form->addRow(tr("Resource group:"), m_resourceGroup);
    form->addRow(tr("Workspace:"), m_workspace);
    form->addRow(tr("Region:"), m_region);
    form->addRow(tr("Sign in with:"), m_signIn);
    form->addRow(m_tenantLabel, m_tenant);
    form->addRow(m_clientLabel, m_client);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(QString(), m_signInNote);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_advanced);

    connect(m_signIn, &QComboBox::currentIndexChanged, this, [this]() {
        updateSignInFields();
        if (!m_updating)
            Q_EMIT changed();
    });
    updateSignInFields();
}

void AzureWorkspaceForm::setProfile(const AzureProfile &profile, const QString &clientSecret)
{
    m_updating = true;
    const AzureWorkspace &ws = profile.workspace;
    m_subscription->setText(fromStd(ws.subscriptionId));
    m_resourceGroup->setText(fromStd(ws.resourceGroup));
    m_workspace->setText(fromStd(ws.workspace));
    m_region->setText(fromStd(ws.region));
    m_signIn->setCurrentIndex(m_signIn->findData(static_cast<int>(profile.signIn)));
    m_tenant->setText(fromStd(profile.tenantId));
    m_client->setText(fromStd(profile.clientId));
    m_secret->setText(clientSecret);
    // Defaults stay empty fields with the default as placeholder: a newer default then applies.
    m_armBaseUrl->setText(ws.armBaseUrl == kDefaultArmBaseUrl ? QString() : fromStd(ws.armBaseUrl));
    m_apiVersion->setText(ws.apiVersion == kDefaultArmApiVersion ? QString() : fromStd(ws.apiVersion));
    m_authorityHost->setText(ws.authorityHost == kDefaultAuthorityHost ? QString()
                                                                       : fromStd(ws.authorityHost));
    m_updating = false;
    updateSignInFields();
}

AzureProfile AzureWorkspaceForm::profile() const
{
    AzureProfile profile;
    AzureWorkspace &ws = profile.workspace;
    ws.subscriptionId = m_subscription->text().trimmed().toStdString();
    ws.resourceGroup = m_resourceGroup->text().trimmed().toStdString();
    ws.workspace = m_workspace->text().trimmed().toStdString();
    ws.region = m_region->text().trimmed().toStdString();
    if (const QString arm = m_armBaseUrl->text().trimmed(); !arm.isEmpty())
        ws.armBaseUrl = arm.toStdString();
    if (const QString version = m_apiVersion->text().trimmed(); !version.isEmpty())
        ws.apiVersion = version.toStdString();
    if (const QString authority = m_authorityHost->text().trimmed(); !authority.isEmpty())
        ws.authorityHost = authority.toStdString();
    profile.signIn = static_cast<AzureSignIn>(m_signIn->currentData().toInt());
    if (profile.signIn == AzureSignIn::ServicePrincipal) {
        profile.tenantId = m_tenant->text().trimmed().toStdString();
        profile.clientId = m_client->text().trimmed().toStdString();
    }
    return profile;
}

QString AzureWorkspaceForm::clientSecret() const
{
    return static_cast<AzureSignIn>(m_signIn->currentData().toInt()) == AzureSignIn::ServicePrincipal
               ? m_secret->text()
               : QString();
}

QString AzureWorkspaceForm::problem() const
{
    return problemOf(profile());
}

QString AzureWorkspaceForm::problemOf(const AzureProfile &azure)
{
    if (azure.workspace.subscriptionId.empty() || azure.workspace.resourceGroup.empty() ||
        azure.workspace.workspace.empty() || azure.workspace.region.empty())
        return tr(
            "Enter the subscription ID, resource group, workspace and region of the Azure ML workspace.");
    if (azure.signIn == AzureSignIn::ServicePrincipal && (azure.tenantId.empty() || azure.clientId.empty()))
        return tr("Enter the tenant ID and client ID of the service principal.");
    if (const Status valid = azure.workspace.validate(); !valid.ok())
        return tr("The Azure settings are not usable: %1.").arg(fromStd(valid.error().message));
    return {};
}

void AzureWorkspaceForm::updateSignInFields()
{
    const bool principal =
        static_cast<AzureSignIn>(m_signIn->currentData().toInt()) == AzureSignIn::ServicePrincipal;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_tenantLabel, m_tenant, m_clientLabel, m_client,
                                                            m_secretLabel, m_secret})
        widget->setVisible(principal);
    m_signInNote->setText(
        principal ? tr("The client secret is kept in the system keychain; without one there, "
                       "ModelGate uses AZURE_CLIENT_SECRET.")
                  : tr("ModelGate asks the Azure CLI for a token (“az account get-access-token”); "
                       "sign in with “az login” first. Tokens stay in memory only."));
}

} // namespace modelgate::ui
