#pragma once

#include "workspaces/workspace_manager.h"

#include <vector>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace modelgate::ui {

class AzureWorkspaceForm;

// Add, edit and remove stored workspaces: name, tracking URI, authentication, user,
// secret, TLS options. Secrets go to the SecretStore when the dialog is accepted and are
// never written to the profiles file. "Test connection" asks the server off the GUI thread.
class WorkspacesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspacesDialog)

public:
    explicit WorkspacesDialog(WorkspaceManager *manager, QWidget *parent = nullptr);
    ~WorkspacesDialog() override;

    // Opens with this stored profile selected (when it exists).
    void selectProfile(const QString &name);

    // The result: what accept() applies.
    WorkspaceEdits edits() const;

    void accept() override;

private:
    struct Entry
    {
        Profile profile;
        QString originalName; // empty for new entries
        QString secret;
        QString originalSecret;
        bool secretLoaded = false;
    };

    void buildUi();
    void loadEntries();
    void showEntry(int row);
    void storeCurrentEntry();
    void updateFieldStates();
    void addWorkspace();
    void removeWorkspace();
    void testConnection();
    void testAzureConnection(const Profile &profile, const QString &secret, quint64 generation);
    bool isAzureKind() const;
    QString validationProblem(const Entry &entry) const;
    void validateCurrent();
    void updateKeychainNote();

    WorkspaceManager *m_manager;
    std::vector<Entry> m_entries;
    QStringList m_removedNames;
    int m_currentRow = -1;
    bool m_updating = false;
    quint64 m_testGeneration = 0;
    CancelToken m_testCancel; // a closed dialog stops its connection test

    QListWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QWidget *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr; // an MLflow server or an Azure ML workspace
    AzureWorkspaceForm *m_azure = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QLayout *m_caRow = nullptr;
    QLineEdit *m_uri = nullptr;
    QComboBox *m_auth = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_insecureTls = nullptr;
    QLineEdit *m_caBundle = nullptr;
    QPushButton *m_browseCa = nullptr;
    QLineEdit *m_mlflowExecutable = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_validation = nullptr;
    QLabel *m_keychainNote = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace modelgate::ui
