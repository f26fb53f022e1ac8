#pragma once

#include <QWidget>

#include <modelgate/core/workspace/profiles.h>

class QComboBox;
class QLabel;
class QLineEdit;
class QGroupBox;

namespace modelgate::ui {

// The settings of an Azure Machine Learning workspace in the workspaces dialog: where it is
// (subscription, resource group, workspace, region), how to sign in (the Azure CLI's account
// or a service principal whose secret goes to the keychain), and the settings a sovereign
// cloud changes (ARM base URL, api-version, authority host), defaults shown.
class AzureWorkspaceForm final : public QWidget
{
    Q_OBJECT

public:
    explicit AzureWorkspaceForm(QWidget *parent = nullptr);

    void setProfile(const AzureProfile &profile, const QString &clientSecret);
    AzureProfile profile() const;
    QString clientSecret() const;
    // What keeps the settings from being used, for the dialog's validation line; empty when none.
    QString problem() const;
    static QString problemOf(const AzureProfile &profile);

Q_SIGNALS:
    void changed();

private:
    void updateSignInFields();

    QLineEdit *m_subscription = nullptr;
    QLineEdit *m_resourceGroup = nullptr;
    QLineEdit *m_workspace = nullptr;
    QLineEdit *m_region = nullptr;
    QComboBox *m_signIn = nullptr;
    QLabel *m_tenantLabel = nullptr;
    QLineEdit *m_tenant = nullptr;
    QLabel *m_clientLabel = nullptr;
    QLineEdit *m_client = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QLabel *m_signInNote = nullptr;
    QGroupBox *m_advanced = nullptr;
    QLineEdit *m_armBaseUrl = nullptr;
    QLineEdit *m_apiVersion = nullptr;
    QLineEdit *m_authorityHost = nullptr;
    bool m_updating = false;
};

} // namespace modelgate::ui
