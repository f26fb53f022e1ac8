#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QList>
#include <QObject>
#include <QString>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/workspace/azure_session.h>
#include <modelgate/core/workspace/profiles.h>

namespace modelgate::ui {

class SecretStore;

// One entry of the workspace switcher: a stored profile, or the profile MLflow's own
// environment variables describe (MLFLOW_TRACKING_URI...).
struct Workspace
{
    QString id; // stable key for the switcher and QSettings
    QString displayName;
    Profile profile;
    bool fromEnvironment = false;
};

// A change made in the workspaces dialog, applied in one go when it is accepted.
struct WorkspaceEdits
{
    std::vector<Profile> profiles;                    // the complete new list of stored profiles
    std::vector<std::pair<QString, QString>> secrets; // profile name -> new secret
    QStringList secretsToForget;                      // profile names whose secret goes away
};

// Owns the profiles file, the secret store and the client of the active workspace.
// Activating a workspace first looks up its secret (asynchronously, the keychain may take
// a moment), then builds the MlflowClient and emits activated().
class WorkspaceManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceManager)

public:
    WorkspaceManager(std::string profilesPath, Environment environment, SecretStore *secrets,
                     QObject *parent = nullptr);

    // Reads the profiles file; on a Parse error the workspaces from the environment remain.
    Status load();

    QList<Workspace> workspaces() const;
    std::optional<Workspace> workspace(const QString &id) const;
    // The id of the stored profile named `name`, else of the environment workspace when
    // `name` is its name; empty when nothing matches.
    QString idForName(const QString &name) const;
    const std::vector<Profile> &storedProfiles() const { return m_store.profiles(); }

    // Resolves the credentials and switches the client; emits activated() or activationFailed().
    void activate(const QString &id);
    QString currentId() const { return m_currentId; }
    std::optional<Workspace> currentWorkspace() const;
    std::shared_ptr<const MlflowClient> client() const { return m_client; }
    // The signed-in Azure ML workspace when the current workspace is one (its endpoints are
    // the deployment target), else null.
    std::shared_ptr<const AzureSession> azureSession() const { return m_azure; }

    // Credentials for a workspace: the keychain (or session) secret of a stored profile,
    // falling back to MLflow's environment variables for the same user.
    void resolveCredentials(const Workspace &workspace, QObject *context,
                            std::function<void(const Credentials &)> callback);

    // A workspace for this session only: never written to the profiles file. Used by the
    // screenshot mode to show the error banner against an address that refuses connections.
    QString addSessionWorkspace(const Profile &profile);

    // Saves the profiles file and the secrets; the current workspace is re-activated
    // when it changed. Returns the file error, if any (nothing is half-written).
    Status apply(const WorkspaceEdits &edits);

    SecretStore *secretStore() const { return m_secrets; }
    const Environment &environment() const { return m_environment; }
    std::string profilesPath() const { return m_store.path(); }

    static QString environmentWorkspaceId();
    static QString idForProfile(const QString &name);

Q_SIGNALS:
    void workspacesChanged();
    void activated(const QString &id);
    // An Azure ML workspace could not be opened (no token, no workspace); `message` is for people.
    void activationFailed(const QString &id, const QString &message);

private:
    // Signs in to Azure and finds the workspace's registry off the GUI thread.
    void activateAzure(const QString &id, const Profile &profile, const QString &clientSecret,
                       quint64 activation);

    ProfileStore m_store;
    std::vector<Profile> m_sessionProfiles;
    Environment m_environment;
    SecretStore *m_secrets;
    QString m_currentId;
    std::shared_ptr<const MlflowClient> m_client;
    std::shared_ptr<const AzureSession> m_azure;
    quint64 m_activation = 0; // a newer activate() makes an older secret lookup stale
};

} // namespace modelgate::ui
